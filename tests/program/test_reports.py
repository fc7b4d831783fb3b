"""Follow-up reports: built as of a date, they say what changed since the previous one."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from alliances.core.errors import DomainError
from alliances.program.models import Indicator, Milestone, Report
from alliances.program.services import measures as measure_services
from alliances.program.services import reports

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_only_co_pilots_build_reports_and_never_in_the_future(programme, pilot, co_pilot):
    with pytest.raises(DomainError, match="co-pilots"):
        reports.report_build(programme=programme, as_of=timezone.localdate(), by=pilot)
    with pytest.raises(DomainError, match="future"):
        reports.report_build(
            programme=programme, as_of=timezone.localdate() + timedelta(days=1), by=co_pilot
        )
    assert not Report.objects.exists()


def test_a_pilot_s_update_appears_in_the_next_report_s_changes(
    programme, steering, pilot, co_pilot
):
    today = timezone.localdate()
    first = reports.report_build(programme=programme, as_of=today - timedelta(days=1), by=co_pilot)
    assert reports.changes_since(None, first.snapshot) == []

    measure_services.measure_update(
        measure=steering, by=pilot, expected_version=None, changes={"status": "in_progress"}
    )
    measure_services.progress_update_create(
        measure=steering, by=pilot, on=today, status="on_track", narrative="Workshop held"
    )
    milestone = Milestone.objects.get(external_id="O1-J2")
    measure_services.milestone_save(
        measure=steering, by=pilot, milestone=milestone, values={"done_date": today}
    )
    measure_services.indicator_value_record(
        indicator=Indicator.objects.get(external_id="O1-I1"), by=pilot, on=today, value=Decimal(190)
    )

    second = reports.report_build(programme=programme, as_of=today, by=co_pilot)
    assert reports.previous_report(second) == first
    [entry] = reports.changes_since(first.snapshot, second.snapshot)
    assert entry["code"] == "O1"
    kinds = {change["kind"]: change for change in entry["changes"]}
    assert kinds["status"] == {"kind": "status", "old": "not_started", "new": "in_progress"}
    assert kinds["milestone_done"]["id"] == "O1-J2"
    assert (kinds["indicator_value"]["old"], kinds["indicator_value"]["new"]) == (
        "150.0000",
        "190.0000",
    )
    assert kinds["freshness"]["new"] == "fresh"
    assert kinds["new_update"]["date"] == today.isoformat()
    assert kinds["progress"]["new"] > kinds["progress"]["old"]
    sentences = [reports.describe_change(change) for change in entry["changes"]]
    assert "Milestone O1-J2 done." in sentences


def test_build_report_command_writes_html_and_pdf(programme, steering, tmp_path):
    html = tmp_path / "report.html"
    call_command(
        "build_report", programme.slug, "--date", date.today().isoformat(), "--output", str(html)
    )
    text = html.read_text()
    assert "Rendre immédiatement accessible l’existant" in text
    assert "Synthèse par dimension" in text or "Summary by dimension" in text
    pdf = tmp_path / "report.pdf"
    call_command(
        "build_report",
        programme.slug,
        "--date",
        date.today().isoformat(),
        "--format",
        "pdf",
        "--output",
        str(pdf),
    )
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF") and len(content) > 5000
    assert Report.objects.count() == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "--date", "2026-01-01"], "No programme 'nope'"),
        (
            ["alliances-strategiques-2020", "--date", "01/02/2026"],
            "not a date in the form YYYY-MM-DD",
        ),
        (["alliances-strategiques-2020", "--date", "2999-01-01"], "futur"),
    ],
)
def test_build_report_command_bad_input(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("build_report", *args)
    assert not Report.objects.exists()
