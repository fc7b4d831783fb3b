"""Demonstration data of the observatory: fictitious indicator values, then a refresh."""

from pathlib import Path

from alliances.insights.services.indicators import indicator_values_import
from alliances.insights.services.refresh import RefreshReport, insights_refresh

DEMO_INDICATORS = Path(__file__).resolve().parent / "data" / "demo_indicators.csv"


def insights_demo_load() -> tuple[int, RefreshReport]:
    """Import the demo indicator values (flagged demo, idempotent) and refresh the read models."""
    report = indicator_values_import(
        raw=DEMO_INDICATORS.read_bytes(),
        filename=DEMO_INDICATORS.name,
        commit=True,
        is_demo=True,
    )
    return report.rows, insights_refresh()
