"""Roadmap pages: public reads, pilots' and co-pilots' edits through the forms."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from alliances.program.exchange import export
from alliances.program.models import IndicatorValue, Measure, ProgressUpdate, Report

pytestmark = pytest.mark.django_db
BASE = "/feuille-de-route/alliances-strategiques-2020"


def html_of(response) -> str:
    html = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    return html


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ("Rendre immédiatement accessible l’existant", "Make what already exists")),
        ("/systeme/", ("Pionniers", "Pioneers")),
        ("/calendrier/", ("Forum National des Associations", "National Forum of Associations")),
        ("/mesures/O1/", ("Rendre immédiatement accessible", "Make what already exists")),
        ("/rapports/", ("Rapports de suivi", "Follow-up reports")),
    ],
)
def test_roadmap_pages_are_public_in_both_languages(client, steering, prefix, path, expected):
    response = client.get(prefix + BASE + path)
    assert response.status_code == 200
    assert expected[1 if prefix else 0] in html_of(response)


def test_roadmap_index_leads_to_the_only_programme(client):
    response = client.get("/feuille-de-route/")
    assert response.status_code == 302 and response["Location"] == BASE + "/"


def test_dashboard_shows_chart_with_table_and_the_measures(client, steering):
    html = html_of(client.get(BASE + "/"))
    assert html.count('role="img"') >= 3  # two charts and a sparkline
    assert "<title>Avancement par dimension</title>" in html
    assert "Atelier" in html  # the late milestone
    assert html.count('href="/feuille-de-route/alliances-strategiques-2020/mesures/') >= 21


def test_dashboard_runs_a_bounded_number_of_queries(
    client, steering, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        client.get(BASE + "/")


def test_anonymous_visitors_are_sent_to_sign_in_for_edits(client, steering):
    response = client.get(BASE + "/mesures/O1/modifier/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/?next=")
    assert client.post(BASE + "/mesures/O1/avancement/", {"narrative": "x"}).status_code == 302
    assert not ProgressUpdate.objects.exists()


def test_pilot_cannot_open_another_pilot_s_measure(client, pilot):
    client.force_login(pilot)
    assert client.get(BASE + "/mesures/O2/modifier/").status_code == 403
    assert (
        client.post(
            BASE + "/mesures/O2/avancement/",
            {"date": date.today(), "status": "on_track", "narrative": "x"},
        ).status_code
        == 403
    )
    assert not ProgressUpdate.objects.exists()


def test_pilot_update_changes_dashboard_history_and_freshness(client, pilot, steering):
    client.force_login(pilot)
    page = html_of(client.get(BASE + "/mesures/O1/"))
    assert "Publier un point d’avancement" in page
    response = client.post(
        BASE + "/mesures/O1/avancement/",
        {
            "date": date.today().isoformat(),
            "status": "at_risk",
            "narrative": "Partenaire en retard",
        },
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.author, update.status) == (pilot, "at_risk")
    dashboard = html_of(client.get(BASE + "/"))
    assert "freshness-fresh" in dashboard


def test_pilot_edits_measure_with_the_form(client, pilot, o1):
    client.force_login(pilot)
    form = client.get(BASE + "/mesures/O1/modifier/").context["form"]
    data = {f"measure-{name}": value for name, value in form.initial.items() if value is not None}
    data.update({"measure-status": "in_progress", "measure-weight": "2"})
    response = client.post(BASE + "/mesures/O1/modifier/", data)
    assert response.status_code == 302, response.context["form"].errors
    o1.refresh_from_db()
    assert (o1.status, str(o1.weight)) == ("in_progress", "2.00")
    history = html_of(client.get(BASE + "/mesures/O1/"))
    assert "pilot@example.org" in history or "Historique" in history


def test_stale_form_shows_a_clear_message_and_keeps_the_newer_data(client, pilot, co_pilot, o1):
    client.force_login(pilot)
    form = client.get(BASE + "/mesures/O1/modifier/").context["form"]
    stale = {f"measure-{name}": value for name, value in form.initial.items() if value is not None}
    Measure.objects.filter(pk=o1.pk).update(status="on_hold", version=o1.version + 1)
    stale["measure-status"] = "completed"
    response = client.post(BASE + "/mesures/O1/modifier/", stale)
    assert response.status_code == 200
    assert "Quelqu’un d’autre a modifié" in html_of(response)
    assert Measure.objects.get(pk=o1.pk).status == "on_hold"


def test_invalid_form_input_is_reported_not_a_500(client, pilot, steering):
    client.force_login(pilot)
    response = client.post(
        BASE + "/mesures/O1/avancement/",
        {"date": "2999-01-01", "status": "on_track", "narrative": ""},
    )
    assert response.status_code == 400
    html = html_of(response)
    assert "Le formulaire contient des erreurs" in html
    indicator = steering.indicators.get()
    response = client.post(
        f"{BASE}/indicateurs/{indicator.pk}/valeur/",
        {"date": date.today().isoformat(), "value": "beaucoup"},
    )
    assert response.status_code == 400
    assert IndicatorValue.objects.count() == 1


def test_pilot_records_a_value(client, pilot, steering):
    client.force_login(pilot)
    indicator = steering.indicators.get()
    on = (date.today() - timedelta(days=1)).isoformat()
    response = client.post(
        f"{BASE}/indicateurs/{indicator.pk}/valeur/",
        {"date": on, "value": "180", "source": "Comptage"},
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.get(date=on).value == 180


def test_co_pilot_builds_a_report_and_downloads_its_pdf(client, co_pilot, steering):
    client.force_login(co_pilot)
    response = client.post(BASE + "/rapports/", {"as_of": date.today().isoformat()})
    report = Report.objects.get()
    assert response["Location"] == f"{BASE}/rapports/{report.pk}/"
    html = html_of(client.get(response["Location"]))
    assert "premier rapport" in html
    pdf = client.get(f"{BASE}/rapports/{report.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_pilot_cannot_build_reports(client, pilot):
    client.force_login(pilot)
    assert client.post(BASE + "/rapports/", {"as_of": date.today().isoformat()}).status_code == 403
    assert not Report.objects.exists()


def test_exports_are_downloadable(client, steering):
    response = client.get(BASE + "/export.xlsx")
    assert (
        response["Content-Disposition"] == 'attachment; filename="alliances-strategiques-2020.xlsx"'
    )
    assert response.content[:2] == b"PK"
    assert client.get(BASE + "/export.pdf").status_code == 404


def test_import_in_two_steps(client, co_pilot, programme, steering):
    client.force_login(co_pilot)
    content = export.to_xlsx(programme)
    workbook = load_workbook(io.BytesIO(content))
    workbook["measures"]["E2"] = "completed"
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("p.xlsx", buffer.getvalue())
    response = client.post(BASE + "/import/", {"file": upload})
    assert response.status_code == 200
    token = response.context["token"]
    assert token and Measure.objects.get(code="O1").status == "not_started"
    response = client.post(BASE + "/import/", {"token": token, "filename": "p.xlsx"})
    assert response.status_code == 302
    assert Measure.objects.get(code="O1").status == "completed"
    # The same token cannot be applied twice.
    response = client.post(BASE + "/import/", {"token": token, "filename": "p.xlsx"})
    assert response.status_code == 302 and response["Location"].endswith("/import/")


def test_import_page_is_for_co_pilots(client, pilot):
    client.force_login(pilot)
    assert client.get(BASE + "/import/").status_code == 403


def test_pilot_sets_an_indicator_status_by_hand_with_a_reason(client, pilot, steering):
    client.force_login(pilot)
    indicator = steering.indicators.get()
    url = f"{BASE}/indicateurs/{indicator.pk}/statut/"
    form = client.get(url)
    assert form.status_code == 200 and "Statut de « Organisations engagées »" in html_of(form)
    refused = client.post(
        url, {"version": indicator.version, "status": "deterioration", "reason": ""}
    )
    assert refused.status_code == 400
    indicator.refresh_from_db()
    assert indicator.status_override == ""
    saved = client.post(
        url, {"version": indicator.version, "status": "deterioration", "reason": "Source revue"}
    )
    assert saved.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.status_override, indicator.status_override_reason) == (
        "deterioration",
        "Source revue",
    )
