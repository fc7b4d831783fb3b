"""Near-identical organisation names, compared with rapidfuzz on folded names.

Used to propose a match for a spreadsheet member given without identifier, and to find
duplicate candidates. Comparisons are only ever made inside one commune, so their cost is
bounded by the largest commune, never by the size of the registry.
"""

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from alliances.core.text import fold

# token_sort_ratio of the name keys, 0–100; above this, two names are "near-identical".
SCORE_CUTOFF = 90
# Words that do not tell two organisations apart.
_NOISE = frozenset(
    [
        "l",
        "la",
        "le",
        "les",
        "de",
        "des",
        "du",
        "d",
        "et",
        "a",
        "au",
        "aux",
        "en",
        "association",
        "asso",
        "assoc",
        "sas",
        "sarl",
        "sa",
        "sasu",
        "eurl",
        "scop",
        "scic",
        "sci",
    ]
)


def name_key(name: str) -> str:
    """ "Association Les Amis du Quartier" and "AMIS DU QUARTIER (LES)" give the same key."""
    words = [word for word in fold(name).split() if word not in _NOISE]
    return " ".join(words) or fold(name)


def name_score(first: str, second: str) -> float:
    return fuzz.token_sort_ratio(name_key(first), name_key(second))


@dataclass(frozen=True)
class Candidate:
    organisation_id: int
    name: str
    score: float


class CommuneNames:
    """The names of the organisations of each commune, loaded once per commune and per run."""

    def __init__(self, queryset):
        self.queryset = queryset
        self._cache: dict[int, tuple[list[int], list[str], list[str]]] = {}

    def _load(self, commune_id: int):
        if commune_id not in self._cache:
            rows = list(
                self.queryset.filter(commune_id=commune_id)
                .exclude(name="")
                .order_by()
                .values_list("id", "name")
            )
            self._cache[commune_id] = (
                [pk for pk, _name in rows],
                [name for _pk, name in rows],
                [name_key(name) for _pk, name in rows],
            )
        return self._cache[commune_id]

    def similar(self, name: str, commune_id: int, *, limit: int = 3) -> list[Candidate]:
        ids, names, keys = self._load(commune_id)
        if not keys:
            return []
        found = process.extract(
            name_key(name),
            keys,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=SCORE_CUTOFF,
            limit=limit,
        )
        return [Candidate(ids[index], names[index], score) for _key, score, index in found]
