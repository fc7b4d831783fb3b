import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from alliances.studies import demo
from alliances.studies.models import PublishedEstimate, Respondent, WeightingRun
from alliances.studies.reference import SLUG
from tests.factories import UserFactory
from tests.studies.factories import QuestionFactory, StudyFactory, WaveFactory
from tests.studies.test_import import FIXTURES

pytestmark = pytest.mark.django_db
SEED_URL = f"/etudes/{SLUG}/"


def user(**traits):
    # The factory sets the password after saving; save it so the session hash stays valid.
    person = UserFactory(**traits)
    person.save()
    return person


def page(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    html = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    return html


def test_studies_list_shows_published_studies_only(client):
    StudyFactory(title_fr="Enquête brouillon")
    html = page(client, "/etudes/")
    assert "Jouer collectif pour sortir de la crise du Covid-19" in html
    assert "Enquête brouillon" not in html
    assert 'href="/etudes/" aria-current="page"' in html


def test_seed_result_page_shows_chart_table_source_and_what_is_not_published(client):
    html = page(client, SEED_URL)
    assert "<svg" in html and 'role="img"' in html
    assert "Comisis &amp; OpinionWay pour l&#x27;Observatoire des partenariats, mai 2020" in html
    assert "Non publié dans la source" in html
    assert "Résultat agrégé publié" in html
    for label, share in [("Utile", "81,0"), ("dont incontournable", "29,0"), ("Inutile", "4,0")]:
        assert f'<th scope="row">{label}</th><td class="num">{share}</td>' in html
    english = page(client, "/en" + SEED_URL)
    assert "Not published in the source" in english
    assert "of which indispensable" in english


def test_question_csv_and_study_downloads(client):
    response = client.get(f"/etudes/{SLUG}/questions/jouer_collectif.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["code"], r["share_pct"], r["aggregate_only"]) for r in rows][:2] == [
        ("utile", "81.0", "True"),
        ("incontournable", "29.0", "True"),
    ]
    response = client.get(f"/etudes/{SLUG}/resultats.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("study", "wave", "variable")
    assert values[1][7] == "Utile" and values[1][9] == 81.0
    assert client.get(f"/etudes/{SLUG}/resultats.pdf").status_code == 404
    assert client.get(f"/etudes/{SLUG}/questions/inconnue.csv").status_code == 404


def test_downloads_neutralise_spreadsheet_formulas(client):
    study = StudyFactory(published=True)
    question = QuestionFactory(study=study, variable="q")
    PublishedEstimate.objects.create(
        question=question,
        wave=WaveFactory(study=study),
        code="1",
        label_fr='=HYPERLINK("http://example.org","x")',
        share=50.0,
        source="@source",
        is_aggregate_only=True,
    )
    text = client.get(f"/etudes/{study.slug}/resultats.csv").content.decode()
    assert "'=HYPERLINK" in text and ",'@source," in text
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/etudes/{study.slug}/resultats.xlsx").content)
    )
    row = list(workbook.active.iter_rows(values_only=True))[1]
    assert row[7].startswith("'=") and row[15] == "'@source"


@override_settings(DEBUG=True)
def test_demo_page_shows_intervals_waves_over_time_and_regions(client):
    demo.studies_demo_load()
    html = page(client, f"/etudes/{demo.SLUG}/")
    assert "Données de démonstration" in html
    assert "Au fil des vagues" in html
    assert html.count("<svg") == 4  # two questions: latest wave and over the waves
    assert "Par région" in html and "Île-de-France" in html
    assert "Intervalle de confiance à 95 %" in html or "intervalle de confiance à 95 %" in html


def test_drafts_and_import_are_for_study_editors_only(client):
    study = StudyFactory(slug="brouillon")
    assert client.get("/etudes/brouillon/").status_code == 404
    assert client.get("/etudes/brouillon/import/").status_code == 403
    client.force_login(user())
    assert client.get("/etudes/brouillon/import/", secure=True).status_code == 403
    client.force_login(user(staff=True))
    assert "Brouillon" in page(client, "/etudes/brouillon/", secure=True)
    assert "Importer des microdonnées" in page(client, "/etudes/brouillon/import/", secure=True)
    assert study.status == "draft"


def test_staff_upload_checks_then_imports(client):
    study = StudyFactory(slug="televersement")
    client.force_login(user(staff=True))

    def post(commit, data_text=None):
        data = data_text.encode() if data_text else (FIXTURES / "wave.csv").read_bytes()
        return client.post(
            "/etudes/televersement/import/",
            {
                "data": SimpleUploadedFile("vague.csv", data),
                "codebook": SimpleUploadedFile(
                    "codebook.csv", (FIXTURES / "codebook.csv").read_bytes()
                ),
                "wave": 1,
                "id_variable": "id",
                "weight_variable": "poids",
                "commit": "on" if commit else "",
            },
            secure=True,
        )

    html = post(False).content.decode()
    assert "Les fichiers sont valides : 6 répondants" in html
    assert not Respondent.objects.exists()
    html = post(True, "id;sexe;age;q1;poids\nA1;1;9;oui;1\n").content.decode()
    assert "ligne 2 : code inconnu « 9 » pour « age »." in html
    assert not Respondent.objects.exists()
    response = post(True)
    assert response.status_code == 302 and response["Location"] == "/etudes/televersement/"
    assert Respondent.objects.filter(wave__study=study).count() == 6


def test_weighting_screen_imports_targets_weights_and_publishes(client):
    study, _created = demo.studies_demo_load()
    url = f"/etudes/{demo.SLUG}/ponderation/"
    client.force_login(user())
    assert client.get(url).status_code == 403
    client.force_login(user(is_staff=True))
    html = page(client, url)
    assert "Pondération et publication" in html and "Effet de plan (Kish)" in html
    # Targets: a bad file shows its problems with lines; a good one is checked, then applied.
    bad = SimpleUploadedFile("m.csv", b"margin,category,target_share\nsexe,1,40\nsexe,2,50\n")
    response = client.post(url, {"action": "margins", "wave": "1", "file": bad})
    assert response.status_code == 400
    assert "Ligne 2 : margin « sexe » : les cibles totalisent 90 %" in response.content.decode()
    good = SimpleUploadedFile("m.csv", b"margin,category,target_share\nsexe,1,50\nsexe,2,50\n")
    response = client.post(url, {"action": "margins", "wave": "1", "file": good, "source": "Test"})
    assert response.status_code == 200
    token = response.context["token"]
    response = client.post(
        url,
        {
            "action": "margins-commit",
            "token": token,
            "wave": "1",
            "filename": "m.csv",
            "source": "Test",
        },
        follow=True,
    )
    assert "Cibles importées" in response.content.decode()
    margin = study.waves.get(number=1).margins.get(variable="sexe")
    assert margin.source == "Test" and float(margin.targets.get(code="1").share) == 50
    # Weighting on two margins with trimming; the report is shown.
    response = client.post(
        url, {"action": "weight-1", "w1-margins": ["sexe", "age"], "w1-cap": "2.5"}, follow=True
    )
    html = response.content.decode()
    assert "Vague pondérée" in html and "plafond 2.5" in html.replace(",", ".")
    run = WeightingRun.objects.filter(wave__study=study, wave__number=1).latest("created_at")
    assert sorted(run.variables) == ["age", "sexe"] and run.cap == 2.5 and run.by is not None
    # A failed run is shown with its error.
    response = client.post(
        url, {"action": "weight-1", "w1-margins": ["age"], "w1-cap": "1.01"}, follow=True
    )
    html = response.content.decode()
    assert "La pondération a échoué" in html and "Échec" in html
    response = client.post(url, {"action": "weight-1", "w1-cap": "0.5"})
    assert response.status_code == 400
    # Publishing.
    response = client.post(url, {"action": "publish"}, follow=True)
    assert "Étude publiée" in response.content.decode()


def test_study_page_cross_tab_with_subgroup_selector(client):
    study, _created = demo.studies_demo_load()
    html = page(client, f"/etudes/{demo.SLUG}/")
    assert "Croisements par sous-groupe" in html and '<select name="by"' in html
    html = page(client, f"/etudes/{demo.SLUG}/?question=collectif&by=sexe&wave=2")
    assert "Pour relever les défis" in html and "Femme" in html
    assert "statistiquement significatives" in html
    assert "khi-deux" in html
    # Subgroups under the minimum cell size are not shown.
    study.min_cell_size = 1000
    study.save()
    html = page(client, f"/etudes/{demo.SLUG}/?question=collectif&by=age&wave=2")
    assert "Non affiché : moins de 1000 répondants." in html
    html = page(client, f"/etudes/{demo.SLUG}/?question=collectif&by=collectif&wave=2")
    assert "Choisissez un sous-groupe" in html
    html = page(client, f"/etudes/{demo.SLUG}/?question=nope&by=sexe&wave=2")
    assert "Sélectionnez un choix valide" in html
