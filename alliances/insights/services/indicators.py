"""Import territorial indicator values: validate everything, then write all or nothing."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from alliances.core.errors import DomainError
from alliances.core.pagecache import bump_after_commit
from alliances.insights.indicators import (
    FormatError,
    Rejection,
    ValueRow,
    parse_indicator_file,
)
from alliances.insights.models import Indicator, IndicatorValue, Refresh
from alliances.insights.services.diagnostics import diagnostics_store
from alliances.territories.models import Territory

LOOKUP_CHUNK = 900  # below SQLite's limit of bound parameters


@dataclass
class IndicatorImportReport:
    rows: int = 0
    added: int = 0
    updated: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    committed: bool = False

    def __str__(self) -> str:
        if self.rejections:
            state = "nothing written"
        elif self.committed:
            state = "committed"
        else:
            state = "dry run, nothing written (pass --commit)"
        return (
            f"Indicator values: {self.rows} valid rows, {self.added} to add, "
            f"{self.updated} to update, {len(self.rejections)} rejected; {state}."
        )


def _territories(rows: list[ValueRow]) -> dict[tuple[str, str], int]:
    codes: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.kind != "country":
            codes[row.kind].add(row.code)
    found: dict[tuple[str, str], int] = {}
    for kind, wanted in codes.items():
        wanted_list = sorted(wanted)
        for start in range(0, len(wanted_list), LOOKUP_CHUNK):
            chunk = wanted_list[start : start + LOOKUP_CHUNK]
            for pk, code in Territory.objects.filter(kind=kind, code__in=chunk).values_list(
                "pk", "code"
            ):
                found[(kind, code)] = pk
    return found


def _existing(keys: set[tuple[int, int | None, int]]) -> set[tuple[int, int | None, int]]:
    """Which (indicator, territory, year) keys already have a value."""
    by_indicator_year: dict[tuple[int, int], list[int | None]] = defaultdict(list)
    for indicator, territory, year in keys:
        by_indicator_year[(indicator, year)].append(territory)
    existing = set()
    for (indicator, year), territories in by_indicator_year.items():
        values = IndicatorValue.objects.filter(indicator_id=indicator, year=year)
        if None in territories and values.filter(territory__isnull=True).exists():
            existing.add((indicator, None, year))
        ids = [pk for pk in territories if pk is not None]
        for start in range(0, len(ids), LOOKUP_CHUNK):
            for pk in values.filter(territory_id__in=ids[start : start + LOOKUP_CHUNK]).values_list(
                "territory_id", flat=True
            ):
                existing.add((indicator, pk, year))
    return existing


def _delete(keys: set[tuple[int, int | None, int]]) -> None:
    by_indicator_year: dict[tuple[int, int], list[int | None]] = defaultdict(list)
    for indicator, territory, year in keys:
        by_indicator_year[(indicator, year)].append(territory)
    for (indicator, year), territories in by_indicator_year.items():
        values = IndicatorValue.objects.filter(indicator_id=indicator, year=year)
        if None in territories:
            values.filter(territory__isnull=True).delete()
        ids = [pk for pk in territories if pk is not None]
        for start in range(0, len(ids), LOOKUP_CHUNK):
            values.filter(territory_id__in=ids[start : start + LOOKUP_CHUNK]).delete()


def indicator_values_import(
    *, raw: bytes, filename: str, commit: bool = False, is_demo: bool = False
) -> IndicatorImportReport:
    """Validate a file of indicator values; with `commit`, write it in one transaction.

    Any rejected line means nothing is written: fix the file and run again. Re-importing the
    same file changes nothing (values are keyed by indicator, territory and year).
    """
    try:
        rows, rejections = parse_indicator_file(raw, filename)
    except FormatError as error:
        raise DomainError(str(error)) from error
    indicators = dict(Indicator.objects.values_list("code", "pk"))
    territories = _territories(rows)
    valid: list[tuple[ValueRow, int, int | None]] = []
    for row in rows:
        indicator = indicators.get(row.indicator)
        if indicator is None:
            rejections.append(
                Rejection(
                    row.line,
                    _("unknown indicator “%(code)s” (see the catalogue in docs/indicators.md)")
                    % {"code": row.indicator},
                )
            )
            continue
        territory = None
        if row.kind != "country":
            territory = territories.get((row.kind, row.code))
            if territory is None:
                rejections.append(
                    Rejection(
                        row.line,
                        _("no %(kind)s has the code “%(code)s”")
                        % {"kind": row.kind, "code": row.code},
                    )
                )
                continue
        valid.append((row, indicator, territory))
    rejections.sort(key=lambda rejection: rejection.line)
    keys = {(indicator, territory, row.year) for row, indicator, territory in valid}
    existing = _existing(keys)
    report = IndicatorImportReport(
        rows=len(valid),
        added=len(keys - existing),
        updated=len(keys & existing),
        rejections=rejections,
    )
    if not commit or rejections:
        return report
    with transaction.atomic():
        _delete(existing)
        IndicatorValue.objects.bulk_create(
            (
                IndicatorValue(
                    indicator_id=indicator,
                    territory_id=territory,
                    year=row.year,
                    value=row.value,
                    source=row.source,
                    is_demo=is_demo,
                )
                for row, indicator, territory in valid
            ),
            batch_size=2000,
        )
        # Bulk writes send no signal: the priorities of every cached diagnostic may change.
        bump_after_commit()
        if settings.STORE_DIAGNOSTICS and Refresh.objects.exists():
            diagnostics_store()
    report.committed = True
    return report
