import csv
import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook, load_workbook

from alliances.registry.enums import Publication, Source
from alliances.registry.importers.alliance_sheet import COLUMN_NAMES, template_csv, template_xlsx
from alliances.registry.models import Alliance, Membership, Organisation, PublicationEvent
from alliances.registry.services.alliance_import import (
    CONFIRMED,
    CREATE,
    EXISTING,
    TO_CONFIRM,
    alliances_import,
)
from tests.registry.factories import AllianceFactory, OrganisationFactory, commune

pytestmark = pytest.mark.django_db

SIREN = "552008443"  # valid (Luhn)
OTHER_SIREN = "732829320"
RNA = "W012345678"

BASE = {
    "alliance_ref": "A1",
    "title": "Cantine solidaire du Bugey",
    "summary": "Une association, une entreprise et la commune nourrissent les écoliers.",
    "alliance_type": "cooperation",
    "status": "ongoing",
    "start_date": "2024-09-01",
    "end_date": "",
    "territories": "departement:01; commune:01053",
    "goals": "2; 17",
    "publication": "published",
}


def member(**values) -> dict:
    row = {"member_world": "association", "member_role": "partner", "member_commune": "01053"}
    row.update(values)
    return row


def csv_bytes(rows: list[dict], *, delimiter: str = ",") -> bytes:
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=COLUMN_NAMES, delimiter=delimiter)
    writer.writeheader()
    for row in rows:
        writer.writerow({name: row.get(name, "") for name in COLUMN_NAMES})
    return output.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[dict]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "alliances"
    sheet.append(COLUMN_NAMES)
    for row in rows:
        sheet.append([row.get(name) for name in COLUMN_NAMES])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def two_members(**first) -> list[dict]:
    return [
        {
            **BASE,
            **member(member_name="Les Amis du Bugey", siren=SIREN, member_role="lead"),
            **first,
        },
        {
            "alliance_ref": "A1",
            **member(member_name="Boulangerie Martin", member_world="company", rna="", siren=""),
        },
    ]


def test_dry_run_reports_and_writes_nothing():
    report = alliances_import(content=csv_bytes(two_members()), filename="a.csv")
    assert report.problems == []
    assert report.ready
    assert [m.action for m in report.members] == [CREATE, CREATE]
    assert not report.committed
    assert Alliance.objects.count() == 0
    assert not Organisation.objects.filter(source=Source.SPREADSHEET).exists()


def test_commit_creates_alliance_members_and_history_then_reimport_changes_nothing(
    django_user_model,
):
    user = django_user_model.objects.create_user(email="staff@example.org", password="x")
    content = csv_bytes(two_members(), delimiter=";")
    report = alliances_import(content=content, filename="a.csv", commit=True, by=user)
    assert report.committed
    alliance = Alliance.objects.get()
    assert alliance.publication == Publication.PUBLISHED
    assert alliance.source == Source.SPREADSHEET
    assert alliance.start_date == date(2024, 9, 1)
    assert sorted(t.code for t in alliance.territories.all()) == ["01", "01053"]
    assert sorted(g.number for g in alliance.goals.all()) == [2, 17]
    lead = Organisation.objects.get(siren=SIREN)
    assert lead.source == Source.SPREADSHEET and lead.commune.code == "01053"
    assert Membership.objects.get(organisation=lead).role == "lead"
    assert alliance.memberships.count() == 2
    assert PublicationEvent.objects.get(alliance=alliance).by == user
    again = alliances_import(content=content, filename="a.csv", commit=True)
    assert [m.action for m in again.members] == [EXISTING, TO_CONFIRM]
    assert again.to_confirm[0].proposals[0].name == "Boulangerie Martin"
    assert not again.committed
    again = alliances_import(
        content=content,
        filename="a.csv",
        commit=True,
        confirmations={
            again.to_confirm[0].row.line: str(again.to_confirm[0].proposals[0].organisation_id)
        },
    )
    assert again.committed
    assert all(m.already_member for m in again.members)
    assert (again.alliances_created, again.organisations_created, again.memberships_added) == (
        0,
        0,
        0,
    )
    assert Alliance.objects.count() == 1
    assert Organisation.objects.filter(source=Source.SPREADSHEET).count() == 2


def test_members_matched_by_identifiers_and_fuzzy_names_need_confirmation():
    by_siren = OrganisationFactory(name="Amis du Bugey", siren=SIREN)
    by_rna = OrganisationFactory(name="Jardins partagés", rna_id=RNA, commune=commune("01004"))
    near = OrganisationFactory(name="Association Les Restos du Cœur de l'Ain")
    OrganisationFactory(name="Les Restos du Coeur", commune=commune("01004"))  # other commune
    rows = [
        {**BASE, **member(member_name="anything", siret=SIREN + "00012")},
        {"alliance_ref": "A1", **member(member_name="Jardins", rna=RNA)},
        {"alliance_ref": "A1", **member(member_name="RESTOS DU COEUR DE L AIN (LES)")},
    ]
    report = alliances_import(content=csv_bytes(rows), filename="a.csv", commit=True)
    actions = [(m.action, m.organisation) for m in report.members]
    assert actions[0] == (EXISTING, by_siren)
    assert actions[1] == (EXISTING, by_rna)
    assert actions[2][0] == TO_CONFIRM
    assert [p.organisation_id for p in report.members[2].proposals] == [near.pk]
    assert not report.committed and Alliance.objects.count() == 0
    # Confirmed in the file's column: used; "new" creates a distinct organisation.
    rows[2]["organisation_id"] = str(near.pk)
    report = alliances_import(content=csv_bytes(rows), filename="a.csv", commit=True)
    assert report.members[2].action == CONFIRMED
    assert report.committed
    assert set(Alliance.objects.get().memberships.values_list("organisation", flat=True)) == {
        by_siren.pk,
        by_rna.pk,
        near.pk,
    }


def test_new_answer_creates_an_organisation_despite_a_proposal():
    OrganisationFactory(name="Boulangerie Martin")
    rows = two_members()
    report = alliances_import(content=csv_bytes(rows), filename="a.csv")
    line = report.to_confirm[0].row.line
    report = alliances_import(
        content=csv_bytes(rows), filename="a.csv", commit=True, confirmations={line: "new"}
    )
    assert report.committed
    assert Organisation.objects.filter(name="Boulangerie Martin").count() == 2


def test_xlsx_with_excel_dates_is_read():
    rows = two_members(start_date=date(2023, 1, 15))
    report = alliances_import(content=xlsx_bytes(rows), filename="a.xlsx", commit=True)
    assert report.committed
    assert Alliance.objects.get().start_date == date(2023, 1, 15)


def bad(rows, filename="a.csv", content=None):
    with translation.override("en"):
        report = alliances_import(
            content=content or csv_bytes(rows), filename=filename, commit=True
        )
    assert not report.committed
    assert Alliance.objects.count() == 0
    assert not Organisation.objects.filter(source=Source.SPREADSHEET).exists()
    return [(p.line, p.message) for p in report.problems]


def test_wrong_columns():
    content = b"alliance_ref,title,colour\nA1,x,blue\n"
    [(line, message)] = bad(None, content=content)
    assert line == 1
    assert "missing columns: summary" in message and "unknown columns: colour" in message


def test_invalid_identifiers_unknown_places_and_bad_dates_give_line_and_reason():
    rows = two_members(siren="123456789", start_date="01/09/2024", territories="departement:99")
    rows.append(
        {"alliance_ref": "A1", **member(member_name="X", rna="W12", member_commune="99999")}
    )
    rows.append({"alliance_ref": "A1", **member(member_name="Y", member_commune="99999")})
    problems = bad(rows)
    assert (2, "siren: “123456789” is not a valid SIREN.") in problems
    assert (2, "start_date: “01/09/2024” is not a date (YYYY-MM-DD).") in problems
    assert (4, "rna: “W12” is not a valid RNA number.") in problems
    assert (5, "member_commune: no commune has the INSEE code “99999”.") in problems


def test_unknown_territory_codes_and_values():
    rows = two_members(territories="departement:99; planet:3", alliance_type="friendship")
    problems = dict(bad(rows))
    assert "not written kind:code" in problems[2]
    rows = two_members(territories="departement:99")
    assert (2, "territories: no departement has the code “99”.") in bad(rows)
    rows = two_members(goals="18")
    assert (2, "goals: “18” is not an SDG number (1 to 17).") in bad(rows)


def test_formula_cells_are_refused_in_both_formats():
    rows = two_members(title='=HYPERLINK("http://evil")')
    assert (2, "title: formulas are not accepted, type the value.") in bad(rows)
    assert (2, "title: formulas are not accepted, type the value.") in bad(
        rows, filename="a.xlsx", content=xlsx_bytes(rows)
    )


def test_inconsistent_alliance_rows_and_single_member():
    rows = two_members()
    rows[1]["title"] = "Another title"
    assert (3, "title: differs from line 2, the first row of alliance “A1”.") in bad(rows)
    assert (2, "alliance “A1”: an alliance needs at least two members.") in bad(rows[:1])


def test_member_without_identifier_nor_commune_and_unknown_organisation_id():
    rows = two_members()
    rows[1]["member_commune"] = ""
    problems = bad(rows)
    assert (
        3,
        "member_commune: give an identifier (SIREN, SIRET or RNA) or the commune of the member.",
    ) in problems
    rows = two_members()
    rows[1]["organisation_id"] = "999999"
    assert (3, "organisation_id: there is no organisation number 999999.") in bad(rows)


def test_identifiers_pointing_to_two_organisations():
    OrganisationFactory(siren=SIREN)
    OrganisationFactory(rna_id=RNA)
    rows = two_members(rna=RNA)
    problems = bad(rows)
    assert problems[0][0] == 2 and "different organisations" in problems[0][1]


def test_existing_alliance_gets_new_members_only():
    alliance = AllianceFactory(title=BASE["title"])
    report = alliances_import(content=csv_bytes(two_members()), filename="a.csv", commit=True)
    assert report.alliances[0].existing == alliance
    assert report.alliances_created == 0 and report.memberships_added == 2
    assert alliance.memberships.count() == 2


def test_templates_have_the_columns_and_a_help_sheet():
    assert template_csv().decode("utf-8-sig").strip() == ",".join(COLUMN_NAMES)
    workbook = load_workbook(io.BytesIO(template_xlsx()))
    header = [cell.value for cell in workbook["alliances"][1]]
    assert header == COLUMN_NAMES
    help_rows = list(workbook.worksheets[1].values)
    assert any(row[0] == "member_role" and row[1] == "lead" for row in help_rows)
    # An empty template is a valid file with nothing to do.
    report = alliances_import(content=template_csv(), filename="template.csv")
    assert report.problems == [] and not report.ready


def test_command_dry_run_then_commit(tmp_path):
    path = tmp_path / "alliances.csv"
    path.write_bytes(csv_bytes(two_members()))
    output = io.StringIO()
    with translation.override("en"):
        call_command("import_alliances", str(path), stdout=output)
    text = output.getvalue()
    assert "line 3: Boulangerie Martin → new organisation" in text
    assert text.strip().endswith("nothing written")
    assert Alliance.objects.count() == 0
    output = io.StringIO()
    call_command("import_alliances", str(path), "--commit", stdout=output)
    assert "enregistré" in output.getvalue().splitlines()[-1]
    assert Alliance.objects.count() == 1
    path.write_bytes(b"nope")
    with pytest.raises(CommandError):
        call_command("import_alliances", str(path), "--commit", stdout=io.StringIO())


def test_template_downloads(client):
    response = client.get("/alliances/modele.xlsx")
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content))["alliances"]["A1"].value == "alliance_ref"
    response = client.get("/alliances/modele.csv")
    assert response.content.decode("utf-8-sig").startswith("alliance_ref,")
    assert client.get("/alliances/modele.pdf").status_code == 404


def test_staff_page_checks_then_confirms_then_commits(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import UserFactory

    near = OrganisationFactory(name="Boulangerie Martin")
    client.force_login(UserFactory())
    assert client.get("/moderation/import/").status_code == 403
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/moderation/import/")
    assert response.status_code == 200 and "modele.xlsx" in response.content.decode()
    # A bad file: problems with line and reason, status 400, nothing stored.
    rows = two_members(siren="123456789")
    upload = SimpleUploadedFile("a.csv", csv_bytes(rows))
    response = client.post("/moderation/import/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 400 and "INVALID_TEMPLATE_VARIABLE" not in html
    assert "Ligne 2 : siren: « 123456789 » n’est pas un SIREN valide." in html
    assert 'name="token"' not in html
    # A good file with a proposal: radios, then commit with the answer.
    upload = SimpleUploadedFile("a.csv", csv_bytes(two_members()))
    response = client.post("/moderation/import/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200 and "INVALID_TEMPLATE_VARIABLE" not in html
    assert f'name="confirm_3" id="confirm_3_{near.pk}"' in html
    token = response.context["token"]
    response = client.post("/moderation/import/", {"token": token, "filename": "a.csv"})
    assert "Choisissez une réponse" in response.content.decode()
    assert Alliance.objects.count() == 0
    response = client.post(
        "/moderation/import/",
        {"token": token, "filename": "a.csv", "confirm_3": str(near.pk)},
        follow=True,
    )
    assert "Le fichier a été importé" in response.content.decode()
    alliance = Alliance.objects.get()
    assert near in [m.organisation for m in alliance.memberships.all()]
    assert client.post("/moderation/import/", {"token": "../etc"}).status_code == 404
