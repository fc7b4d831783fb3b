"""Debates on measures: opening (co-pilots), the page with its thread, closing, conclusion."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliances.core.errors import DomainError, NotAllowed
from alliances.mobilisation import perms, selectors
from alliances.mobilisation.enums import DebateState
from alliances.mobilisation.services import debates as services
from alliances.program.models import Measure
from alliances.web.forms.mobilisation import ConclusionForm, DebateForm

DEFAULT_LENGTH = timedelta(days=30)


@login_required
@require_http_methods(["GET", "POST"])
def debate_add(request, slug: str, code: str):
    measure = get_object_or_404(
        Measure.objects.select_related("programme"), programme__slug=slug, code=code
    )
    if not perms.can_open_debate(request.user, measure):
        raise PermissionDenied
    now = timezone.localtime().replace(second=0, microsecond=0)
    form = DebateForm(
        request.POST or None, initial={"opens_at": now, "closes_at": now + DEFAULT_LENGTH}
    )
    if request.method == "POST" and form.is_valid():
        try:
            debate = services.debate_open(
                measure=measure, by=request.user, request=request, **form.cleaned_data
            )
        except NotAllowed as error:
            raise PermissionDenied from error
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The debate is open."))
            return redirect(debate)
    return render(
        request,
        "web/mobilisation/debate_form.html",
        {"section": "program", "measure": measure, "programme": measure.programme, "form": form},
        status=400 if form.errors else 200,
    )


def _debate_page(request, debate, *, can_steer: bool, conclusion_form=None, status: int = 200):
    state = debate.state()
    steerable = state in (DebateState.CLOSED, DebateState.CONCLUDED)
    if conclusion_form is None and can_steer and steerable:
        conclusion_form = ConclusionForm(initial={"conclusion": debate.conclusion})
    return render(
        request,
        "web/mobilisation/debate_detail.html",
        {
            "section": "program",
            "debate": debate,
            "measure": debate.measure,
            "programme": debate.measure.programme,
            "state": state,
            "is_open": state == DebateState.OPEN,
            "can_steer": can_steer,
            "conclusion_form": conclusion_form,
        },
        status=status,
    )


@require_safe
def debate_detail(request, pk: int):
    debate = selectors.debate_get(pk)
    return _debate_page(request, debate, can_steer=perms.can_steer_debate(request.user, debate))


@login_required
@require_POST
def debate_close(request, pk: int):
    debate = selectors.debate_get(pk)
    if not perms.can_steer_debate(request.user, debate):
        raise PermissionDenied
    try:
        services.debate_close(debate=debate, by=request.user, request=request)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The debate is closed. You can now write its conclusion."))
    return redirect(debate)


@login_required
@require_POST
def debate_conclude(request, pk: int):
    debate = selectors.debate_get(pk)
    if not perms.can_steer_debate(request.user, debate):
        raise PermissionDenied
    form = ConclusionForm(request.POST)
    if form.is_valid():
        try:
            services.debate_conclude(
                debate=debate,
                by=request.user,
                conclusion=form.cleaned_data["conclusion"],
                request=request,
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The conclusion is published on the measure and in the next report.")
            )
            return redirect(debate)
    return _debate_page(request, debate, can_steer=True, conclusion_form=form, status=400)
