from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliances.core.charts import chart_svg
from alliances.core.errors import DomainError
from alliances.program import charts, perms, selectors
from alliances.program.models import Indicator, Measure, Milestone
from alliances.program.progress import ROLLUP_RULE
from alliances.program.services import measures as services
from alliances.web.forms.program import (
    AttainmentForm,
    IndicatorOverrideForm,
    IndicatorValueForm,
    MeasureForm,
    MilestoneForm,
    ProgressUpdateForm,
)


def _measure(slug: str, code: str) -> Measure:
    return get_object_or_404(
        Measure.objects.select_related("programme", "dimension"), programme__slug=slug, code=code
    )


def _require_edit(request, measure: Measure) -> None:
    if not perms.can_edit_measure(request.user, measure):
        raise PermissionDenied


@require_safe
def measure_detail(request, slug: str, code: str):
    measure = _measure(slug, code)
    state = selectors.programme_state(measure.programme).measure(code)
    can_edit = perms.can_edit_measure(request.user, measure)
    indicators = [
        (
            indicator,
            chart_svg(
                charts.indicator_line(indicator),
                title=_("%(name)s: measured values and target")
                % {"name": indicator.indicator.name},
                description=_("The values are in the table below the chart."),
                summary=charts.indicator_summary(indicator),
            ),
        )
        for indicator in state.indicators
    ]
    return render(
        request,
        "web/program/measure.html",
        {
            "section": "program",
            "programme": measure.programme,
            "measure": measure,
            "state": state,
            "indicators": indicators,
            "updates": measure.updates.select_related("author")[:20],
            "history": selectors.measure_history(measure),
            "can_edit": can_edit,
            "rollup_rule": ROLLUP_RULE,
            "update_form": ProgressUpdateForm(initial={"date": timezone.localdate()})
            if can_edit
            else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def measure_edit(request, slug: str, code: str):
    measure = _measure(slug, code)
    _require_edit(request, measure)
    can_manage = perms.can_manage_programme(request.user, measure.programme)
    initial = {
        "version": measure.version,
        "status": measure.status,
        "start_date": measure.start_date,
        "due_date": measure.due_date,
        "weight": measure.weight,
        "owner_organisations": measure.owner_organisations,
        "description_fr": measure.description_fr,
        "description_en": measure.description_en,
        "attainment": measure.attainment,
        "attainment_justification": measure.attainment_justification,
    }
    form = MeasureForm(request.POST or None, initial=initial, prefix="measure")
    attainment_form = (
        AttainmentForm(request.POST or None, initial=initial, prefix="attainment")
        if can_manage
        else None
    )
    if request.method == "POST":
        forms_valid = form.is_valid() and (attainment_form is None or attainment_form.is_valid())
        if forms_valid:
            changes = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            if attainment_form is not None:
                changes["attainment"] = attainment_form.cleaned_data["attainment"]
                changes["attainment_justification"] = attainment_form.cleaned_data[
                    "attainment_justification"
                ]
            try:
                services.measure_update(
                    measure=measure,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    changes=changes,
                )
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The measure was saved."))
                return redirect(measure)
    return render(
        request,
        "web/program/measure_edit.html",
        {
            "section": "program",
            "programme": measure.programme,
            "measure": measure,
            "form": form,
            "attainment_form": attainment_form,
            "milestones": measure.milestones.all(),
            "indicators": measure.indicators.all(),
        },
    )


@login_required
@require_POST
def progress_update_add(request, slug: str, code: str):
    measure = _measure(slug, code)
    _require_edit(request, measure)
    form = ProgressUpdateForm(request.POST)
    if form.is_valid():
        try:
            services.progress_update_create(
                measure=measure,
                by=request.user,
                on=form.cleaned_data["date"],
                status=form.cleaned_data["status"],
                narrative=form.cleaned_data["narrative"],
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your progress update was published."))
            return redirect(measure)
    return render(
        request,
        "web/program/form_page.html",
        {
            "section": "program",
            "programme": measure.programme,
            "measure": measure,
            "form": form,
            "title": _("Publish a progress update"),
        },
        status=400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request, slug: str, code: str, pk: int | None = None):
    measure = _measure(slug, code)
    _require_edit(request, measure)
    milestone = get_object_or_404(Milestone, pk=pk, measure=measure) if pk else None
    form = MilestoneForm(
        request.POST or None,
        instance=milestone,
        initial={"version": milestone.version} if milestone else None,
    )
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.milestone_save(
                measure=measure,
                by=request.user,
                milestone=milestone,
                expected_version=form.cleaned_data.get("version"),
                values=values,
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The milestone was saved."))
            return redirect(measure)
    title = _("Edit the milestone") if milestone else _("Add a milestone or an action")
    return render(
        request,
        "web/program/form_page.html",
        {
            "section": "program",
            "programme": measure.programme,
            "measure": measure,
            "form": form,
            "title": title,
        },
        status=400 if request.method == "POST" else 200,
    )


def _indicator(slug: str, pk: int) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("measure__programme"), pk=pk, measure__programme__slug=slug
    )


def _form_page(request, *, measure: Measure, form, title: str, save, success: str):
    """A form under a measure: save through the service, or show its errors (one page shape)."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, success)
            return redirect(measure)
    return render(
        request,
        "web/program/form_page.html",
        {
            "section": "program",
            "programme": measure.programme,
            "measure": measure,
            "form": form,
            "title": title,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_value_add(request, slug: str, pk: int):
    indicator = _indicator(slug, pk)
    measure = indicator.measure
    _require_edit(request, measure)
    form = IndicatorValueForm(request.POST or None, initial={"date": timezone.localdate()})
    return _form_page(
        request,
        measure=measure,
        form=form,
        title=_("Record a value of “%(name)s”") % {"name": indicator.name},
        save=lambda data: services.indicator_value_record(
            indicator=indicator,
            by=request.user,
            on=data["date"],
            value=data["value"],
            source=data["source"],
            comment=data["comment"],
        ),
        success=_("The value was recorded."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_override(request, slug: str, pk: int):
    indicator = _indicator(slug, pk)
    measure = indicator.measure
    _require_edit(request, measure)
    form = IndicatorOverrideForm(
        request.POST or None,
        initial={
            "version": indicator.version,
            "status": indicator.status_override,
            "reason": indicator.status_override_reason,
        },
    )
    return _form_page(
        request,
        measure=measure,
        form=form,
        title=_("Status of “%(name)s”") % {"name": indicator.name},
        save=lambda data: services.indicator_status_override(
            indicator=indicator,
            by=request.user,
            expected_version=data["version"],
            status=data["status"],
            reason=data["reason"],
        ),
        success=_("The indicator's status was saved."),
    )
