"""Candidate duplicate organisations, found set-wise and bounded.

Three signals, strongest first:
- same SIREN: a record's head-office SIRET starts with another record's SIREN;
- RNA ↔ SIREN bridge: SIRENE says a legal unit is the association that another record holds
  under its RNA number;
- near-identical names in the same commune (rapidfuzz on folded names without legal words).

The first two are one indexed join each. Names are compared in one streaming pass ordered by
commune, and inside a commune only within a block of names sharing their first significant
word, so the work grows with the size of the blocks, not with the square of the registry.
Every pass stops at `limit` pairs.
"""

from dataclasses import dataclass
from itertools import groupby

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process

from alliances.registry.matching import SCORE_CUTOFF, name_key
from alliances.registry.models import Organisation

SAME_SIREN = "siren"
RNA_BRIDGE = "bridge"
SIMILAR_NAME = "name"
REASONS = {
    SAME_SIREN: _("same SIREN"),
    RNA_BRIDGE: _("SIRENE links this SIREN to the RNA number of the other"),
    SIMILAR_NAME: _("near-identical names in the same commune"),
}
DEFAULT_LIMIT = 50
# A block larger than this (a very common first word in a huge commune) is split in slices.
MAX_BLOCK = 2000


@dataclass(frozen=True)
class DuplicatePair:
    first: Organisation
    second: Organisation
    reason: str
    score: int | None = None

    @property
    def records(self) -> tuple[Organisation, Organisation]:
        return (self.first, self.second)

    @property
    def reason_label(self) -> str:
        return str(REASONS[self.reason])


def duplicate_candidates(*, departement=None, limit: int = DEFAULT_LIMIT) -> list[DuplicatePair]:
    base = Organisation.objects.displayable()
    if departement is not None:
        base = base.filter(departement=departement)
    pairs: list[tuple[int, int, str, int | None]] = []
    seen: set[tuple[int, int]] = set()

    def add(first: int, second: int, reason: str, score=None) -> None:
        key = (min(first, second), max(first, second))
        if key not in seen and len(pairs) < limit:
            seen.add(key)
            pairs.append((key[0], key[1], reason, score))

    siren_owner = (
        Organisation.objects.displayable()
        .filter(siren=Substr(OuterRef("siret"), 1, 9))
        .exclude(pk=OuterRef("pk"))
        .values("pk")[:1]
    )
    for pk, twin in (
        base.exclude(siret="")
        .annotate(twin=Subquery(siren_owner))
        .filter(twin__isnull=False)
        .order_by()
        .values_list("pk", "twin")[:limit]
    ):
        add(pk, twin, SAME_SIREN)
    rna_owner = (
        Organisation.objects.displayable()
        .filter(rna_id=OuterRef("sirene_rna_id"))
        .exclude(pk=OuterRef("pk"))
        .values("pk")[:1]
    )
    for pk, twin in (
        base.exclude(sirene_rna_id="")
        .annotate(twin=Subquery(rna_owner))
        .filter(twin__isnull=False)
        .order_by()
        .values_list("pk", "twin")[:limit]
    ):
        add(pk, twin, RNA_BRIDGE)
    if len(pairs) < limit:
        for first, second, score in similar_names(base, limit=limit):
            add(first, second, SIMILAR_NAME, score)
    records = Organisation.objects.select_related("commune").in_bulk(
        {pk for pair in pairs for pk in pair[:2]}
    )
    return [
        DuplicatePair(records[first], records[second], reason, score)
        for first, second, reason, score in pairs
        if first in records and second in records
    ]


def similar_names(queryset, *, limit: int):
    """(id, id, score) of near-identical names in the same commune, in one streaming pass."""
    rows = (
        queryset.filter(commune__isnull=False)
        .exclude(name="")
        .order_by("commune_id", "search_name")
        .values_list("commune_id", "pk", "name")
        .iterator(chunk_size=5000)
    )
    found = 0
    for _commune, members in groupby(rows, key=lambda row: row[0]):
        blocks: dict[str, list[tuple[int, str]]] = {}
        for _c, pk, name in members:
            key = name_key(name)
            blocks.setdefault(key.split(" ", 1)[0], []).append((pk, key))
        for block in blocks.values():
            for start in range(0, len(block), MAX_BLOCK):
                part = block[start : start + MAX_BLOCK]
                if len(part) < 2:
                    continue
                keys = [key for _pk, key in part]
                scores = process.cdist(
                    keys, keys, scorer=fuzz.token_sort_ratio, score_cutoff=SCORE_CUTOFF
                )
                for i, j in zip(*scores.nonzero(), strict=True):
                    if i < j:
                        yield part[i][0], part[j][0], int(scores[i][j])
                        found += 1
                        if found >= limit:
                            return
