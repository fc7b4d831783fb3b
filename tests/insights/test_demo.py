from alliances.insights.demo import insights_demo_load
from alliances.insights.models import IndicatorValue, TerritorySummary


def test_demo_indicators_load_idempotently_flagged_demo(db):
    rows, refresh = insights_demo_load()
    assert rows == IndicatorValue.objects.count() > 1000
    assert not IndicatorValue.objects.filter(is_demo=False).exists()
    assert IndicatorValue.objects.filter(territory__isnull=True).count() == 11
    assert refresh.summaries == TerritorySummary.objects.count()
    again, _refresh = insights_demo_load()
    assert again == rows == IndicatorValue.objects.count()
