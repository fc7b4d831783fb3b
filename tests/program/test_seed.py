"""The seed's programme is loaded verbatim: 21 measures, 7/7/7, with their horizons."""

from pathlib import Path

import pytest

from alliances.program.models import Measure, Programme, ProgrammeInstance
from alliances.program.services.seed import programme_seed_load

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "mission-article.txt"


def test_21_measures_in_three_dimensions_of_seven_with_their_horizons(programme):
    dimensions = list(programme.dimensions.all())
    assert [(d.code, d.effect_from_months, d.effect_to_months) for d in dimensions] == [
        ("O", 3, 9),
        ("S", 6, 12),
        ("P", 12, 18),
    ]
    assert [d.measures.count() for d in dimensions] == [7, 7, 7]
    codes = list(programme.measures.values_list("code", flat=True))
    assert codes == [f"{d}{n}" for d in "OSP" for n in range(1, 8)]


def test_titles_are_the_seed_s_words(programme):
    measures = {m.code: m for m in programme.measures.all()}
    assert (
        measures["O1"].title_fr
        == "Rendre immédiatement accessible l’existant pour agir dès à présent"
    )
    assert measures["P4"].title_fr == "Expérimenter un «\u00a0droit de l’alliance\u00a0»"
    assert measures["S2"].title_fr == "Accompagner les alliances stratégiques"
    assert measures["S2"].title_en == "Support strategic alliances"
    assert all(m.title_en for m in measures.values())


@pytest.mark.skipif(not SEED.is_file(), reason="the seed text lies outside the project")
def test_every_title_appears_verbatim_in_the_seed(programme):
    text = SEED.read_text(encoding="utf-8")
    for title in programme.measures.values_list("title_fr", flat=True):
        assert title in text


def test_instances_of_the_seed():
    dates = {i.date.isoformat(): i.kind for i in ProgrammeInstance.objects.all()}
    assert dates["2020-07-08"] == "meeting"
    assert dates["2020-10-15"] == "forum"


def test_reloading_keeps_edits_and_duplicates_nothing(programme):
    Measure.objects.filter(programme=programme, code="O1").update(status="in_progress")
    report = programme_seed_load(force=True)
    assert report.rows == 21
    assert Programme.objects.count() == 1
    assert Measure.objects.get(programme=programme, code="O1").status == "in_progress"
    assert programme_seed_load().skipped is True
