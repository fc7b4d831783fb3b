"""Study editors: margin targets (imported), weighting runs and reports, publishing."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliances.studies import perms, selectors
from alliances.studies.errors import StudyError
from alliances.studies.margins_import import margins_import
from alliances.studies.models import WeightingRun
from alliances.studies.services import study_publish, wave_weight
from alliances.web.forms.studies import MarginsImportForm, WaveWeightForm

PENDING_DIR = "studies/margins"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def study_weighting(request, slug: str):
    if not perms.can_edit_studies(request.user):
        raise PermissionDenied
    study = selectors.study_get(slug=slug, user=request.user)
    waves = list(study.waves.prefetch_related("margins__targets"))
    action = request.POST.get("action", "")
    data = request.POST if request.method == "POST" else None
    weight_forms = {
        wave.number: WaveWeightForm(
            data if action == f"weight-{wave.number}" else None,
            wave=wave,
            prefix=f"w{wave.number}",
        )
        for wave in waves
    }
    margins_form = MarginsImportForm(
        data if action == "margins" else None,
        request.FILES if action == "margins" else None,
        waves=waves,
    )
    margins_report = token = None
    status = 200
    if action.startswith("weight-"):
        number = action.removeprefix("weight-")
        form = weight_forms.get(int(number)) if number.isdigit() else None
        if form is None:
            raise Http404
        if form.is_valid():
            wave = next(w for w in waves if w.number == int(number))
            try:
                wave_weight(
                    wave=wave,
                    variables=form.cleaned_data["margins"],
                    cap=form.cleaned_data["cap"],
                    by=request.user,
                )
            except StudyError as error:
                messages.error(request, _("Weighting failed: %(error)s") % {"error": error})
            else:
                messages.success(request, _("Wave weighted: see the report below."))
            return redirect("web:study_weighting", slug=study.slug)
        status = 400
    elif action == "publish":
        try:
            rows = study_publish(study=study)
        except StudyError as error:
            messages.error(request, str(error))
            return redirect("web:study_weighting", slug=study.slug)
        messages.success(request, _("Study published: %(rows)d estimates.") % {"rows": rows})
        return redirect(study.get_absolute_url())
    elif action == "margins" and margins_form.is_valid():
        wave = next(w for w in waves if w.number == margins_form.cleaned_data["wave"])
        upload = margins_form.cleaned_data["file"]
        content = upload.read()
        try:
            margins_report = margins_import(wave=wave, content=content, filename=upload.name)
        except StudyError as error:
            margins_form.add_error("file", str(error))
            status = 400
        else:
            if margins_report.problems:
                status = 400
            else:
                token = uuid.uuid4().hex
                default_storage.save(f"{PENDING_DIR}/{token}", ContentFile(content))
    elif action == "margins-commit":
        return _margins_commit(request, study, waves)
    elif action == "margins":
        status = 400
    runs = (
        WeightingRun.objects.filter(wave__study=study)
        .select_related("wave", "by")
        .order_by("-created_at")[:10]
    )
    return render(
        request,
        "web/studies/weighting.html",
        {
            "section": "studies",
            "study": study,
            "waves": [(wave, weight_forms[wave.number]) for wave in waves],
            "runs": runs,
            "margins_form": margins_form,
            "margins_report": margins_report,
            "token": token,
            "upload": {
                "wave": margins_form.cleaned_data.get("wave") if token else "",
                "filename": request.FILES["file"].name if token else "",
                "source": margins_form.cleaned_data.get("source", "") if token else "",
            },
        },
        status=status,
    )


def _margins_commit(request, study, waves):
    token = request.POST.get("token", "")
    if len(token) != 32 or not all(char in "0123456789abcdef" for char in token):
        raise Http404
    path = f"{PENDING_DIR}/{token}"
    number = request.POST.get("wave", "")
    wave = next((w for w in waves if str(w.number) == number), None)
    if wave is None or not default_storage.exists(path):
        messages.error(request, _("This import has expired: send the file again."))
        return redirect("web:study_weighting", slug=study.slug)
    with default_storage.open(path) as stored:
        content = stored.read()
    try:
        report = margins_import(
            wave=wave,
            content=content,
            filename=request.POST.get("filename", "")[:200],
            source=request.POST.get("source", "")[:250],
            commit=True,
        )
    except StudyError as error:
        messages.error(request, str(error))
    else:
        default_storage.delete(path)
        if report.committed:
            messages.success(
                request, _("Targets imported: %(summary)s.") % {"summary": report.summary()}
            )
        else:
            messages.error(request, _("Nothing was written: the file has problems."))
    return redirect("web:study_weighting", slug=study.slug)
