from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from alliances.core.errors import DomainError
from alliances.program import perms, selectors
from alliances.program.models import Report
from alliances.program.report_pdf import render_report_pdf
from alliances.program.services import reports as services
from alliances.web.forms.program import ReportForm


@require_http_methods(["GET", "POST"])
def report_list(request, slug: str):
    programme = selectors.programme_get(slug)
    can_manage = perms.can_manage_programme(request.user, programme)
    form = None
    if can_manage:
        form = ReportForm(
            request.POST or None,
            programme=programme,
            initial={"as_of": timezone.localdate()},
        )
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                report = services.report_build(
                    programme=programme,
                    as_of=form.cleaned_data["as_of"],
                    instance=form.cleaned_data["instance"],
                    by=request.user,
                )
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The report was built."))
                return redirect("web:report", slug=slug, pk=report.pk)
    return render(
        request,
        "web/program/reports.html",
        {
            "section": "program",
            "programme": programme,
            "reports": programme.reports.select_related("instance", "created_by"),
            "form": form,
            "can_manage": can_manage,
        },
        status=400 if request.method == "POST" else 200,
    )


def _report_context(slug: str, pk: int):
    report = get_object_or_404(Report.objects.select_related("programme", "instance"), pk=pk)
    if report.programme.slug != slug:
        raise PermissionDenied
    previous = services.previous_report(report)
    state = selectors.programme_state(report.programme, as_of=report.as_of)
    changes = services.changes_since(previous.snapshot if previous else None, report.snapshot)
    return report, previous, state, changes, services.report_conclusions(report, previous)


@require_safe
def report_detail(request, slug: str, pk: int):
    report, previous, state, changes, conclusions = _report_context(slug, pk)
    return render(
        request,
        "web/program/report.html",
        {
            "section": "program",
            "programme": report.programme,
            "report": report,
            "previous": previous,
            "state": state,
            "conclusions": conclusions,
            **services.report_labels(),
            "changes": [
                {**entry, "sentences": [services.describe_change(c) for c in entry["changes"]]}
                for entry in changes
            ],
        },
    )


@require_safe
def report_pdf(request, slug: str, pk: int):
    report, _previous, state, changes, conclusions = _report_context(slug, pk)
    pdf = render_report_pdf(state, changes, services.describe_change, conclusions=conclusions)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{report.programme.slug}-{report.as_of.isoformat()}.pdf"'
    )
    return response
