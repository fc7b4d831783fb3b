"""The synthetic national data: readable by the real importers, reproducible, at any scale.

Timings are never asserted here; the benchmarks print them (docs/benchmarks.md).
"""

import pytest

from alliances.kit.enums import maturity_for_score
from alliances.kit.models import Answer, Assessment, AssessmentScore, Resource
from alliances.registry.enums import OrganisationStatus, World
from alliances.registry.importers.sirene import Selection
from alliances.registry.models import Alliance, Membership, Organisation
from alliances.registry.services.rna import rna_import
from alliances.registry.services.sirene import sirene_import
from alliances.studies.importers import codebook_from_table, read_table, validate_respondents
from benchmarks import generate

pytestmark = pytest.mark.django_db
SCALE = 0.0005  # 950 associations, 500 relevant legal units, 50 alliances, 10 respondents


@pytest.fixture
def files(tmp_path):
    return tmp_path, generate.write_files(tmp_path, scale=SCALE, seed=3)


def test_rna_files_are_national_in_both_formats_and_encodings(files):
    folder, summary = files
    assert summary.rna_rows == round(generate.NATIONAL_ASSOCIATIONS * SCALE)
    names = sorted(path.name for path in (folder / "rna").iterdir())
    assert "rna_waldec_20240301_dpt_75.csv" in names
    assert "rna_import_20240301_dpt_976.csv" in names
    paris = (folder / "rna" / "rna_waldec_20240301_dpt_75.csv").read_bytes()
    assert paris.startswith(b"\xef\xbb\xbfid;id_ex;") or b"\r\n" not in paris
    report = rna_import(paths=sorted((folder / "rna").glob("*.csv")), commit=True)
    assert report.read == summary.rna_rows
    assert report.created + report.rejected == summary.rna_rows
    assert report.rejected <= summary.rna_rows * 0.01
    assert {"utf-8-sig", "iso-8859-1"} <= set(report.encodings.values())
    associations = Organisation.objects.filter(world=World.ASSOCIATION)
    # Shared out by population: Paris has far more associations than the Lozère.
    assert associations.filter(departement__code="75").count() > 5 * max(
        1, associations.filter(departement__code="48").count()
    )
    assert associations.filter(commune__isnull=True).count() < summary.rna_rows * 0.02
    assert associations.filter(status=OrganisationStatus.DISSOLVED).exists()
    assert associations.exclude(waldec_theme="").count() == report.created


def test_the_same_seed_writes_the_same_files(tmp_path):
    generate.write_files(tmp_path / "a", scale=SCALE, seed=5)
    generate.write_files(tmp_path / "b", scale=SCALE, seed=5)
    for path in sorted((tmp_path / "a").rglob("*.csv")):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()


def test_sirene_extract_bridges_to_the_rna_and_alliances_load(files):
    folder, summary = files
    rna_import(paths=sorted((folder / "rna").glob("*.csv")), commit=True)
    associations = Organisation.objects.count()
    report = sirene_import(
        path=folder / "sirene" / "StockUniteLegale_utf8.csv", selection=Selection(), commit=True
    )
    assert report.read == summary.legal_units + summary.filtered_units
    assert report.skipped == summary.filtered_units
    assert report.rejected == 0
    # Most associations of SIRENE were attached to their RNA record rather than duplicated.
    assert Organisation.objects.exclude(siren=None).exclude(rna_id=None).count() > 50
    assert Organisation.objects.count() < associations + summary.legal_units
    assert Organisation.objects.filter(world=World.PUBLIC).exists()

    alliances, memberships = generate.load_alliances(scale=SCALE, seed=3)
    assert Alliance.objects.count() == alliances == 50
    assert Membership.objects.count() == memberships >= 2 * alliances
    assert Membership.objects.values("organisation__world").distinct().count() >= 3
    assert not Alliance.objects.filter(territories=None).exists()
    assert not Alliance.objects.filter(goals=None).exists()


def test_survey_is_read_by_the_studies_import_without_a_problem(files):
    folder, summary = files
    codebook, problems = codebook_from_table(
        read_table((folder / "survey" / "codebook.csv").read_bytes(), "codebook.csv")
    )
    assert not problems
    table = read_table((folder / "survey" / "wave.csv").read_bytes(), "wave.csv")
    respondents, issues = validate_respondents(
        table, codebook, id_variable="id", weight_variable="poids", required_variables=["region"]
    )
    assert not issues
    assert len(respondents) == summary.respondents == 10  # the floor of a tiny scale
    assert {r["answers"]["q1"] for r in respondents} <= {"oui", "non", "nsp"}


def test_resources_and_compass_assessments_load(files):
    folder, _summary = files
    rna_import(paths=sorted((folder / "rna").glob("*.csv")), commit=True)
    assert generate.load_resources(scale=0.001, seed=3) == Resource.objects.count() == 5
    assert not Resource.objects.filter(audiences=None).exists()
    assert Resource.objects.published().exists()

    assessments, answers = generate.load_assessments(scale=0.0005, seed=3)
    assert Assessment.objects.count() == assessments == 50
    assert Answer.objects.count() == answers >= 10 * assessments
    assert AssessmentScore.objects.filter(assessment__in=Assessment.objects.all()).exists()
    # Scored by the compass's own rules: every maturity matches its overall score.
    for overall, maturity in Assessment.objects.values_list("overall", "maturity"):
        assert maturity == maturity_for_score(overall)
    assert Assessment.objects.exclude(organisation=None).exists()
