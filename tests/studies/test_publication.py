import pytest
from django.core.management import call_command
from django.test import override_settings

from alliances.core.models import ReferenceDataset
from alliances.studies import demo
from alliances.studies.enums import StudyStatus
from alliances.studies.models import PublishedEstimate, Study, WeightingRun
from alliances.studies.reference import SLUG, SOURCE, studies_reference_load
from alliances.studies.selectors import question_estimates_by_region, study_crosstab

pytestmark = pytest.mark.django_db


def test_the_seed_survey_is_loaded_as_a_published_aggregate_result_once():
    study = Study.objects.get(slug=SLUG)  # loaded with the reference data by conftest
    assert study.status == StudyStatus.PUBLISHED and not study.is_demo
    assert study.sample_size is None
    estimates = PublishedEstimate.objects.filter(question__study=study)
    assert {e.code: e.share for e in estimates} == {
        "utile": 81,
        "incontournable": 29,
        "secondaire": 9,
        "inutile": 4,
        "contre_productif": 3,
        "nsp": 3,
    }
    assert all(e.is_aggregate_only and e.source == SOURCE and e.base is None for e in estimates)
    assert estimates.get(code="incontournable").part_of == "utile"
    # Exclusive answers add up to 100 %; "of which" is inside "useful".
    assert sum(e.share for e in estimates if not e.part_of) == 100
    assert studies_reference_load().skipped
    call_command("load_reference", verbosity=0)
    assert estimates.count() == 6
    assert ReferenceDataset.objects.get(name="studies").rows == 6


@override_settings(DEBUG=True)
def test_demo_barometer_is_imported_weighted_and_published_once():
    call_command("load_demo")
    call_command("load_demo")
    study = Study.objects.get(slug=demo.SLUG)
    assert study.is_demo and study.status == StudyStatus.PUBLISHED
    assert study.waves.count() == 2
    runs = WeightingRun.objects.filter(wave__study=study, is_current=True)
    assert runs.count() == 2
    for run in runs:
        assert run.converged and run.max_margin_error < 0.1
        assert run.max_weight <= 3.0 + 1e-6
        assert run.effective_sample_size == pytest.approx(run.respondents / run.design_effect)
        for rows in run.report["margins"].values():
            for row in rows:
                assert row["weighted"] == pytest.approx(row["target"], abs=0.1)
    question = study.questions.get(variable="collectif")
    national = PublishedEstimate.objects.national().filter(question=question)
    assert national.count() == 12  # 6 answers × 2 waves
    wave = study.waves.get(number=2)
    shares = [e.share for e in national.filter(wave=wave)]
    assert sum(shares) == pytest.approx(100)
    by_region = question_estimates_by_region(question)
    assert "11" in by_region  # Île-de-France has enough respondents
    assert "976" not in by_region  # Mayotte has too few: nothing is shown
    assert all(rows[0].base >= study.min_cell_size for rows in by_region.values())
    _question, _by, table = study_crosstab(study=study, wave=wave, variable="collectif", by="sexe")
    assert [group.group for group in table.groups] == ["1", "2"]
    assert 0 <= table.p_value <= 1
