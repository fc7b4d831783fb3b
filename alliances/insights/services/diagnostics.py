"""Store every territory's diagnostic as the API's JSON, and read it back in one query (ADR 0021).

`diagnostics_store()` reads the read models of every territory at once (summaries, breakdowns by
ranges of territories, indicator values, goals) and builds each diagnostic through the same
`selectors.diagnostic` as a live read, with a source that answers from memory; each diagnostic is
shaped as `DiagnosticSerializer` shapes it and rendered by DRF's JSON renderer in each language
(labels are translated when rendered), parts shared by many payloads rendered once
(`diagnostic_json`).
`tests/insights/test_stored_diagnostics.py` compares the stored bytes with the live response,
territory by territory.

The survey results (`perceptions`) depend only on the région and change when a survey is
published, outside any refresh: they are stored apart, per région (`perceptions_store()`), and
the API splices them in between the two halves of the stored payload.
"""

import bisect
import functools
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import translation

from alliances.insights import selectors
from alliances.insights.models import (
    DiagnosticPayload,
    DiagnosticPerceptions,
    IndicatorValue,
    TerritoryBreakdown,
    TerritorySummary,
)
from alliances.insights.services.diagnostic_json import (
    Fragments,
    diagnostic_json,
    perceptions_data,
    render,
)
from alliances.insights.services.refresh import SUMMARISED_KINDS
from alliances.sdg.models import Goal
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

CHUNK = 1000  # territories whose breakdowns are read and payloads written together
EMPTY_LIST = b"[]"

COMPRESSION = 1  # zlib level: payloads shrink about five times, read back in microseconds


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


# ---------------------------------------------------------------------------------------------
# Every territory's rows at once.


class _Source(selectors.DiagnosticSource):
    """The rows of every territory, read once; breakdowns are loaded by range of territories."""

    def __init__(self) -> None:
        self.territories = {t.pk: t for t in Territory.objects.all()}
        for territory in self.territories.values():
            for name in ("region", "departement", "epci", "commune"):
                related = self.territories.get(getattr(territory, f"{name}_id"))
                Territory._meta.get_field(name).set_cached_value(territory, related)
        self.summaries: dict[int | None, TerritorySummary] = {}
        for summary in TerritorySummary.objects.all():
            summary.territory = self.territories.get(summary.territory_id)
            self.summaries[summary.territory_id] = summary
        self.by_scope: dict[str, list[tuple[int, int, TerritorySummary]]] = defaultdict(list)
        for summary in self.summaries.values():
            if summary.population is not None:
                self.by_scope[summary.scope].append((summary.population, summary.pk, summary))
        for rows in self.by_scope.values():
            rows.sort(key=lambda row: (row[0], row[1]))
        self.populations = {
            scope: [row[0] for row in rows] for scope, rows in self.by_scope.items()
        }
        # The ranking of peers, as `selectors.peers` sorts them.
        self.rank = {
            summary.pk: (
                -(summary.associations_per_1000 or 0),
                summary.territory.name if summary.territory else "",
            )
            for summary in self.summaries.values()
        }
        self.latest_refresh = selectors.latest_refresh()
        self.goal_list = list(Goal.objects.order_by("number"))
        self.national_goals = selectors._national_goal_alliances()
        self._values_by_territory: dict[int | None, list[tuple[int, int, IndicatorValue]]] = (
            defaultdict(list)
        )
        latest: dict[tuple, tuple[int, IndicatorValue]] = {}
        rows = IndicatorValue.objects.select_related("indicator__goal").order_by("year", "pk")
        for position, value in enumerate(rows):
            key = (value.territory_id, value.indicator_id)
            first = latest[key][0] if key in latest else position
            latest[key] = (first, value)
        for (territory_id, indicator_id), (first, value) in latest.items():
            self._values_by_territory[territory_id].append((first, indicator_id, value))
        self._breakdowns: dict[int | None, dict[str, dict[str, int]]] = {}

    def load_breakdowns(self, low: int | None, high: int | None) -> None:
        """Keep the breakdowns of territories `low`…`high` (both None: France's)."""
        rows = TerritoryBreakdown.objects.all()
        if low is None:
            rows = rows.filter(territory__isnull=True)
        else:
            rows = rows.filter(territory_id__gte=low, territory_id__lte=high)
        self._breakdowns = {}
        for territory_id, metric, key, value in rows.values_list(
            "territory_id", "metric", "key", "value"
        ):
            self._breakdowns.setdefault(territory_id, {}).setdefault(metric, {})[key] = value

    def summary(self, territory):
        return self.summaries.get(territory.pk if territory is not None else None)

    def breakdowns(self, territory):
        return self._breakdowns.get(territory.pk if territory is not None else None, {})

    def refresh(self):
        return self.latest_refresh

    def goals(self):
        return self.goal_list

    def peers(self, summary):
        # As `selectors.peers`: up to 5 closest at or above its population (by population, then
        # pk), then the closest below (by population descending, then pk), ranked.
        if summary.territory_id is None or summary.population is None:
            return []
        limit = selectors.PEERS
        rows = self.by_scope[summary.scope]
        start = bisect.bisect_left(self.populations[summary.scope], summary.population)
        above = []
        for _population, pk, row in rows[start:]:
            if len(above) == limit // 2:
                break
            if pk != summary.pk:
                above.append(row)
        below = []
        end = start - 1
        while end >= 0 and len(below) < limit - len(above):
            first = end
            while first > 0 and rows[first - 1][0] == rows[end][0]:
                first -= 1
            below.extend(row for _population, _pk, row in rows[first : end + 1])
            end = first - 1
        group = [summary, *above, *below[: limit - len(above)]]
        rank = self.rank
        return sorted(group, key=lambda row: rank[row.pk])

    def indicator_values(self, territories):
        wanted = {t.pk if t is not None else None for t in territories}
        rows = sorted(
            (row for pk in wanted for row in self._values_by_territory.get(pk, ())),
            key=lambda row: row[0],
        )
        return {(value.territory_id, indicator_id): value for _first, indicator_id, value in rows}

    def national_goal_alliances(self):
        return self.national_goals

    def perceptions(self, territory):
        return []  # stored apart, per région


def _region_of(territory: Territory | None) -> int | None:
    if territory is None:
        return None
    return territory.pk if territory.kind == TerritoryKind.REGION else territory.region_id


def _payloads(
    source: _Source, fragments: Fragments, territories: list[Territory | None]
) -> list[DiagnosticPayload]:
    rows = []
    for territory in territories:
        # Built once; every label is translated when rendered, in each language.
        diagnostic = selectors.diagnostic(territory, source=source)
        for language in languages():
            with translation.override(language):
                head, tail = diagnostic_json(diagnostic, fragments)
            rows.append(
                DiagnosticPayload(
                    territory=territory,
                    region_id=_region_of(territory),
                    language=language,
                    head=zlib.compress(head, COMPRESSION),
                    tail=zlib.compress(tail, COMPRESSION),
                    size=len(head) + len(tail),
                )
            )
    return rows


@dataclass(frozen=True)
class StoreReport:
    payloads: int
    size: int  # bytes of JSON
    stored: int  # bytes compressed
    duration_ms: int

    def __str__(self) -> str:
        return (
            f"Diagnostics stored: {self.payloads} payloads ({self.size / 1e6:.1f} MB of JSON, "
            f"{self.stored / 1e6:.1f} MB compressed) in {self.duration_ms} ms."
        )


def _clear_payloads() -> None:
    # One statement, without loading the rows (signal receivers would make `delete()` load them).
    DiagnosticPayload.objects.all()._raw_delete(connection.alias)


def diagnostics_store() -> StoreReport:
    """Rewrite the stored diagnostic of France and of every summarised territory, in every
    language, and the stored survey results of every région."""
    clock = time.perf_counter()
    size = stored = count = 0
    fragments = Fragments()
    with transaction.atomic():
        _clear_payloads()
        perceptions_store()
        source = _Source()
        source.load_breakdowns(None, None)
        batches = [[None]]
        ids = stored_territory_ids(source.territories)
        batches += [
            [source.territories[pk] for pk in ids[start : start + CHUNK]]
            for start in range(0, len(ids), CHUNK)
        ]
        for batch in batches:
            if batch != [None]:
                source.load_breakdowns(batch[0].pk, batch[-1].pk)
            rows = _payloads(source, fragments, batch)
            DiagnosticPayload.objects.bulk_create(rows, batch_size=500)
            count += len(rows)
            size += sum(row.size for row in rows)
            stored += sum(len(row.head) + len(row.tail) for row in rows)
    return StoreReport(count, size, stored, round((time.perf_counter() - clock) * 1000))


def stored_territory_ids(territories: dict[int, Territory]) -> list[int]:
    """The territories whose diagnostic is stored (besides France): every summarised one."""
    return sorted(pk for pk, t in territories.items() if t.kind in SUMMARISED_KINDS)


def diagnostics_drop() -> None:
    """Forget the stored diagnostics: the API computes them again until the next store."""
    _clear_payloads()


def perceptions_store() -> int:
    """Rewrite the stored survey results of every région's diagnostics (a few queries each)."""
    DiagnosticPerceptions.objects.all()._raw_delete(connection.alias)
    rows = []
    for region in Territory.objects.filter(kind=TerritoryKind.REGION).order_by("pk"):
        for language in languages():
            with translation.override(language):
                perceptions = selectors._perceptions(region)
                if perceptions:
                    body = render(perceptions_data(perceptions))
                    rows.append(DiagnosticPerceptions(region=region, language=language, body=body))
    DiagnosticPerceptions.objects.bulk_create(rows)
    return len(rows)


def perceptions_store_after_commit(using: str | None = None) -> None:
    """Rewrite the stored survey results once the current transaction commits (once, however
    many rows it changed); at once outside a transaction."""
    conn = transaction.get_connection(using)
    if not conn.in_atomic_block:
        perceptions_store()
        return
    pending = getattr(conn, "perceptions_pending", None)
    if pending is not None and any(func is pending for _sids, func, _robust in conn.run_on_commit):
        return

    def store() -> None:
        conn.perceptions_pending = None
        perceptions_store()

    conn.perceptions_pending = store
    transaction.on_commit(store, using=using)


def stored_diagnostic(kind: str | None, code: str | None, language: str) -> bytes | None:
    """The stored diagnostic API response of a territory (kind None: France), or None when none
    is stored (before the first refresh, after `diagnostics_drop`). One indexed query."""
    sql, names = _stored_query(kind is None, connection.vendor)
    values = {"kind": kind, "code": code, "language": language}
    with connection.cursor() as cursor:
        cursor.execute(sql, [values[name] for name in names])
        found = cursor.fetchone()
    if found is None:
        return None
    head, perceptions_body, tail = found
    return b"".join(
        (
            zlib.decompress(head),
            bytes(perceptions_body or EMPTY_LIST),
            zlib.decompress(tail),
        )
    )


# Stand-ins for the query's parameters while it is compiled, then the name of each.
_PARAMETERS = {"\x00kind": "kind", "\x00code": "code", "\x00language": "language"}


@functools.lru_cache(maxsize=8)
def _stored_query(france: bool, vendor: str) -> tuple[str, tuple[str, ...]]:
    """The SQL of `stored_diagnostic`'s read, compiled from the ORM once per shape (France or a
    territory) and engine, with the name of each parameter in order: building the query through
    the ORM at every request cost more than running it."""
    perceptions = DiagnosticPerceptions.objects.filter(
        region=OuterRef("region"), language="\x00language"
    ).values("body")[:1]
    rows = DiagnosticPayload.objects.filter(language="\x00language")
    if france:
        rows = rows.filter(territory__isnull=True)
    else:
        rows = rows.filter(territory__kind="\x00kind", territory__code="\x00code")
    query = rows.annotate(perceptions=Subquery(perceptions)).values_list(
        "head", "perceptions", "tail"
    )[:1]
    sql, parameters = query.query.sql_with_params()
    return sql, tuple(_PARAMETERS[parameter] for parameter in parameters)
