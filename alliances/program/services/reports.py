"""Follow-up reports: the programme as of a date, and what changed since the previous report."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.core.errors import DomainError, NotAllowed
from alliances.program import perms
from alliances.program.models import Programme, ProgrammeInstance, Report
from alliances.program.selectors import ProgrammeState, programme_state

NOT_ALLOWED = _("Only the programme's co-pilots build follow-up reports.")
FUTURE = _("A report cannot be dated in the future.")


def snapshot(state: ProgrammeState) -> dict:
    """What a report records of the programme, in plain JSON, to compare the next one with."""
    measures = {}
    for item in state.measures:
        measures[item.measure.code] = {
            "title": item.measure.title_fr,
            "status": item.status,
            "attainment": item.attainment,
            "progress": None if item.progress is None else round(item.progress, 4),
            "freshness": str(item.freshness),
            "last_update": item.last_update.isoformat() if item.last_update else None,
            "milestones_done": sorted(m.milestone.external_id for m in item.milestones if m.done),
            "milestones_late": sorted(m.milestone.external_id for m in item.late_milestones),
            "indicators": {
                i.indicator.external_id: {
                    "name": i.indicator.name,
                    "latest": None if i.latest is None else str(i.latest.value),
                    "latest_date": None if i.latest is None else i.latest.date.isoformat(),
                    "status": str(i.status),
                }
                for i in item.indicators
            },
        }
    return {
        "as_of": state.as_of.isoformat(),
        "progress": None if state.progress is None else round(state.progress, 4),
        "measures": measures,
    }


def changes_since(previous: dict | None, current: dict) -> list[dict]:
    """Per measure, the list of changes between two snapshots (empty measures left out)."""
    if not previous:
        return []
    result = []
    for code, now in current["measures"].items():
        before = previous["measures"].get(code)
        entries = []
        if before is None:
            entries.append({"kind": "new_measure"})
        else:
            for field in ("status", "attainment", "freshness"):
                if before[field] != now[field]:
                    entries.append({"kind": field, "old": before[field], "new": now[field]})
            if before["progress"] != now["progress"]:
                entries.append(
                    {"kind": "progress", "old": before["progress"], "new": now["progress"]}
                )
            for external_id in sorted(set(now["milestones_done"]) - set(before["milestones_done"])):
                entries.append({"kind": "milestone_done", "id": external_id})
            for external_id, indicator in now["indicators"].items():
                old = before["indicators"].get(external_id)
                if old is None or old["latest"] != indicator["latest"]:
                    entries.append(
                        {
                            "kind": "indicator_value",
                            "name": indicator["name"],
                            "old": old["latest"] if old else None,
                            "new": indicator["latest"],
                            "date": indicator["latest_date"],
                        }
                    )
                if old is not None and old["status"] != indicator["status"]:
                    entries.append(
                        {
                            "kind": "indicator_status",
                            "name": indicator["name"],
                            "old": old["status"],
                            "new": indicator["status"],
                        }
                    )
            if before["last_update"] != now["last_update"] and now["last_update"]:
                entries.append({"kind": "new_update", "date": now["last_update"]})
        if entries:
            result.append({"code": code, "title": now["title"], "changes": entries})
    return result


def previous_report(report: Report) -> Report | None:
    return (
        Report.objects.filter(programme_id=report.programme_id, as_of__lt=report.as_of)
        .order_by("-as_of", "-id")
        .first()
    )


def _debate_conclusions(programme: Programme, as_of: date) -> list[dict]:
    """Debates concluded by the report's date; mobilisation owns debates (imported late: it
    depends on this app)."""
    from alliances.mobilisation.selectors import debate_conclusions

    return debate_conclusions(programme, as_of=as_of)


def report_conclusions(report: Report, previous: Report | None) -> list[dict]:
    """The debate conclusions a report recorded, those new since the previous report flagged."""
    seen = {entry["id"] for entry in (previous.snapshot.get("debates", []) if previous else [])}
    return [
        {**entry, "is_new": entry["id"] not in seen} for entry in report.snapshot.get("debates", [])
    ]


@transaction.atomic
def report_build(
    *,
    programme: Programme,
    as_of: date,
    by,
    instance: ProgrammeInstance | None = None,
    check_permission: bool = True,
) -> Report:
    """Record a follow-up report as of a date (the command line passes check_permission=False)."""
    if check_permission and not perms.can_manage_programme(by, programme):
        raise NotAllowed(NOT_ALLOWED)
    if as_of > timezone.localdate():
        raise DomainError(FUTURE)
    if instance is not None and instance.programme_id != programme.pk:
        raise DomainError(_("This instance belongs to another programme."))
    state = programme_state(programme, as_of=as_of)
    recorded = snapshot(state)
    recorded["debates"] = _debate_conclusions(programme, as_of)
    return Report.objects.create(
        programme=programme,
        as_of=as_of,
        instance=instance,
        snapshot=recorded,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )


def report_labels() -> dict:
    """Labels the report templates need, in the active language."""
    from django.utils.translation import gettext as _t

    from alliances.program.enums import Attainment, MeasureStatus

    return {
        "status_labels": dict(MeasureStatus.choices),
        "attainment_labels": {**dict(Attainment.choices), "": _t("not assessed yet")},
    }


def describe_change(change: dict) -> str:
    """One change between two reports, as a sentence in the active language."""
    from django.utils.translation import gettext as _t

    from alliances.program.enums import Attainment, Freshness, IndicatorStatus, MeasureStatus

    labels = {
        "status": dict(MeasureStatus.choices),
        "attainment": {**dict(Attainment.choices), "": _t("not assessed yet")},
        "freshness": dict(Freshness.choices),
        "indicator_status": dict(IndicatorStatus.choices),
    }

    def percent(value):
        return "—" if value is None else f"{value * 100:.0f} %"

    kind = change["kind"]
    if kind == "new_measure":
        return _t("New measure.")
    if kind in {"status", "attainment", "freshness"}:
        names = {
            "status": _t("Status"),
            "attainment": _t("Attainment"),
            "freshness": _t("Freshness"),
        }
        return _t("%(field)s: %(old)s → %(new)s") % {
            "field": names[kind],
            "old": labels[kind].get(change["old"], change["old"]),
            "new": labels[kind].get(change["new"], change["new"]),
        }
    if kind == "progress":
        return _t("Progress: %(old)s → %(new)s") % {
            "old": percent(change["old"]),
            "new": percent(change["new"]),
        }
    if kind == "milestone_done":
        return _t("Milestone %(id)s done.") % {"id": change["id"]}
    if kind == "indicator_value":
        return _t("%(name)s: %(old)s → %(new)s (measured on %(date)s)") % {
            "name": change["name"],
            "old": change["old"] or "—",
            "new": change["new"] or "—",
            "date": change["date"] or "—",
        }
    if kind == "indicator_status":
        return _t("%(name)s: status %(old)s → %(new)s") % {
            "name": change["name"],
            "old": labels["indicator_status"].get(change["old"], change["old"]),
            "new": labels["indicator_status"].get(change["new"], change["new"]),
        }
    if kind == "new_update":
        return _t("New progress update on %(date)s.") % {"date": change["date"]}
    raise ValueError(f"Unknown change: {kind}")
