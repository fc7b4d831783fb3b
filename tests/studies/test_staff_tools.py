"""Wilson intervals, failed weighting runs, margin targets from a file, the commands."""

import io

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook
from statsmodels.stats.proportion import proportion_confint

from alliances.studies import demo
from alliances.studies.errors import StudyError
from alliances.studies.estimates import WILSON, weighted_proportions
from alliances.studies.margins_import import margins_import
from alliances.studies.models import Margin, PublishedEstimate, Respondent, WeightingRun
from alliances.studies.services import margin_set, wave_weight

pytestmark = pytest.mark.django_db


def test_wilson_interval_equals_statsmodels_and_stays_informative_near_zero():
    values = np.array(["a"] * 3 + ["b"] * 47, dtype=object)
    weights = np.ones(50)
    [a, _b] = weighted_proportions(values, weights, ["a", "b"], method=WILSON)
    low, high = proportion_confint(3, 50, alpha=0.05, method="wilson")
    assert (a.ci_low, a.ci_high) == (pytest.approx(low * 100), pytest.approx(high * 100))
    # No answer "a" at all: Wald gives 0–0, Wilson an honest upper bound.
    values = np.array(["b"] * 40, dtype=object)
    [wald, _] = weighted_proportions(values, np.ones(40), ["a", "b"])
    [wilson, _] = weighted_proportions(values, np.ones(40), ["a", "b"], method=WILSON)
    assert (wald.ci_low, wald.ci_high) == (0, 0)
    assert wilson.ci_low == pytest.approx(0, abs=1e-9)
    assert wilson.ci_high == pytest.approx(proportion_confint(0, 40, method="wilson")[1] * 100)


def test_wilson_uses_the_effective_sample_size():
    values = np.array(["a"] * 10 + ["b"] * 90, dtype=object)
    weights = np.array([2.0] * 50 + [1.0] * 50)
    [a, _] = weighted_proportions(values, weights, ["a", "b"], method=WILSON)
    n_eff = weights.sum() ** 2 / (weights**2).sum()
    p = weights[:10].sum() / weights.sum()
    low, high = proportion_confint(p * n_eff, n_eff, method="wilson")
    assert (a.ci_low, a.ci_high) == (pytest.approx(low * 100), pytest.approx(high * 100))


@pytest.fixture
def barometer():
    study, _created = demo.studies_demo_load()
    return study


def test_a_failed_run_is_recorded_and_weights_are_kept(barometer):
    wave = barometer.waves.get(number=1)
    before = list(wave.respondents.order_by("pk").values_list("weight", flat=True)[:20])
    margin_set(wave=wave, variable="age", targets={"1": 30.0, "2": 40.0, "3": 20.0, "9": 10.0})
    with pytest.raises(StudyError) as raised:
        wave_weight(wave=wave, variables=["age"])
    run = WeightingRun.objects.filter(wave=wave).latest("created_at")
    assert not run.converged and not run.is_current
    assert run.variables == ["age"]
    assert run.error == str(raised.value)
    assert "no respondent has this code" in run.error
    after = list(wave.respondents.order_by("pk").values_list("weight", flat=True)[:20])
    assert after == before
    assert WeightingRun.objects.filter(wave=wave, is_current=True).count() == 1


def csv_file(text: str) -> bytes:
    return text.encode("utf-8")


def test_margin_targets_dry_run_then_commit(barometer):
    wave = barometer.waves.get(number=1)
    content = csv_file(
        "margin;category;target_share\nsexe;1;49,5\nsexe;2;50,5 %\nage;1;30\nage;2;45\nage;3;25\n"
    )
    report = margins_import(wave=wave, content=content, filename="m.csv")
    assert report.problems == [] and not report.committed
    assert {k: {c: float(s) for c, s in v.items()} for k, v in report.margins.items()} == {
        "sexe": {"1": 49.5, "2": 50.5},
        "age": {"1": 30.0, "2": 45.0, "3": 25.0},
    }
    assert float(Margin.objects.get(wave=wave, variable="sexe").targets.get(code="1").share) == 48
    report = margins_import(
        wave=wave, content=content, filename="m.csv", commit=True, source="INSEE"
    )
    assert report.committed
    margin = Margin.objects.get(wave=wave, variable="sexe")
    assert float(margin.targets.get(code="1").share) == 49.5 and margin.source == "INSEE"
    run = wave_weight(wave=wave, variables=["sexe", "age"])
    assert run.converged


def test_margin_targets_problems_have_lines_and_nothing_is_written(barometer):
    wave = barometer.waves.get(number=1)
    content = csv_file(
        "margin,category,target_share\n"
        "sexe,1,48\n"
        "sexe,2,50\n"
        "partenariat,oui,50\n"
        "partenariat,oui,50\n"
        "taille,1,10\n"
        "age,9,10\n"
        "age,1,=40+2\n"
        "age,2,beaucoup\n"
        "age,3,120\n"
    )
    report = margins_import(wave=wave, content=content, filename="m.csv", commit=True)
    assert not report.committed
    assert [(p.line, p.message) for p in report.problems] == [
        (2, "margin “sexe”: the targets add up to 98 %, not 100 %."),
        (5, "category: “oui” of “partenariat” is given twice."),
        (6, "margin: “taille” is not a single-choice question of the study."),
        (7, "category: “9” is not an answer code of “age” (1, 2, 3)."),
        (8, "target_share: formulas are not accepted, type the value."),
        (9, "target_share: “beaucoup” is not a percentage between 0 and 100."),
        (10, "target_share: “120” is not a percentage between 0 and 100."),
    ]
    assert float(Margin.objects.get(wave=wave, variable="sexe").targets.get(code="2").share) == 52
    report = margins_import(wave=wave, content=b"variable,code\nx,1\n", filename="m.csv")
    assert report.problems[0].line == 1 and "missing columns" in report.problems[0].message
    with pytest.raises(StudyError):
        margins_import(wave=wave, content=b"x", filename="m.pdf")


def test_margin_targets_from_xlsx_refuse_formula_cells(barometer):
    wave = barometer.waves.get(number=1)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["margin", "category", "target_share"])
    sheet.append(["sexe", 1, 48])
    sheet.append(["sexe", 2, "=100-48"])
    output = io.BytesIO()
    workbook.save(output)
    report = margins_import(wave=wave, content=output.getvalue(), filename="m.xlsx")
    assert [(p.line, p.message) for p in report.problems] == [
        (3, "target_share: formulas are not accepted, type the value."),
    ]


def test_commands_weight_publish_and_import_margins(barometer, tmp_path):
    output = io.StringIO()
    call_command("weight_wave", demo.SLUG, "2", "--margin", "sexe", "--cap", "3", stdout=output)
    text = output.getvalue()
    assert "sexe=1: sample" in text and "design effect" in text
    run = WeightingRun.objects.get(wave__study=barometer, wave__number=2, is_current=True)
    assert run.variables == ["sexe"]
    with pytest.raises(CommandError, match="recorded"):
        call_command("weight_wave", demo.SLUG, "2", "--margin", "inconnue", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("weight_wave", "nope", "1", stdout=io.StringIO())
    output = io.StringIO()
    call_command("publish_study", demo.SLUG, stdout=output)
    count = PublishedEstimate.objects.filter(question__study=barometer).count()
    assert output.getvalue().strip() == f"{demo.SLUG}: {count} estimates published"
    path = tmp_path / "m.csv"
    path.write_text("margin,category,target_share\nsexe,1,50\nsexe,2,50\n")
    output = io.StringIO()
    call_command("import_margins", demo.SLUG, "1", str(path), stdout=output)
    assert "sexe: 1 50 %, 2 50 %" in output.getvalue()
    call_command("import_margins", demo.SLUG, "1", str(path), "--commit", stdout=io.StringIO())
    assert (
        float(
            Margin.objects.get(wave__number=1, wave__study=barometer, variable="sexe")
            .targets.get(code="1")
            .share
        )
        == 50
    )
    path.write_text("margin,category,target_share\nsexe,1,50\n")
    with pytest.raises(CommandError):
        call_command("import_margins", demo.SLUG, "1", str(path), "--commit", stdout=io.StringIO())
    assert Respondent.objects.filter(wave__study=barometer).exists()
