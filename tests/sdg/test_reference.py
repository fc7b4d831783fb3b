import pytest
from django.utils import translation

from alliances.sdg.models import Goal, Target
from alliances.sdg.services import sdg_load

pytestmark = pytest.mark.django_db


def test_17_goals_and_169_targets():
    assert Goal.objects.count() == 17
    assert Target.objects.count() == 169
    assert Goal.objects.get(number=17).targets.count() == 19


def test_french_short_names_follow_the_un_spelling():
    assert Goal.objects.get(number=7).short_fr == "Énergie propre et d'un coût abordable"
    assert Goal.objects.get(number=8).short_fr == "Travail décent et croissance économique"


def test_targets_are_ordered_numbers_first_then_letters():
    codes = list(Goal.objects.get(number=1).targets.values_list("code", flat=True))
    assert codes == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b"]


def test_texts_follow_the_active_language():
    goal = Goal.objects.get(number=17)
    with translation.override("fr"):
        assert goal.short == "Partenariats pour la réalisation des objectifs"
    with translation.override("en"):
        assert goal.short == "Partnerships for the goals"
        assert str(goal) == "17. Partnerships for the goals"
    with translation.override("de"):
        assert goal.short == goal.short_fr


def test_reload_is_a_no_op_then_forced_reload_keeps_counts():
    assert sdg_load().skipped is True
    Target.objects.filter(code="17.17").update(title_en="changed")
    report = sdg_load(force=True)
    assert (report.skipped, report.rows) == (False, 186)
    assert Target.objects.get(code="17.17").title_en.startswith("Encourage and promote effective")
