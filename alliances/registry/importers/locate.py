"""Finding the commune of an address: by INSEE code, or by postcode and commune name."""

import re
from functools import lru_cache
from typing import NamedTuple

from alliances.core.text import fold
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

_CEDEX = re.compile(r"\s+cedex(\s+\d+)?$")
_SAINT = re.compile(r"\b(st|ste)\b")


class Place(NamedTuple):
    commune_id: int
    departement_id: int | None


@lru_cache(maxsize=65536)  # the same few thousand commune names come back on every line
def commune_key(name: str) -> str:
    """ "ST ETIENNE CEDEX 2" and "Saint-Étienne" give the same key."""
    folded = _CEDEX.sub("", fold(name))
    return _SAINT.sub(lambda match: "saint" if match.group(1) == "st" else "sainte", folded)


class CommuneLocator:
    """Built once per import from the ~35,000 communes and arrondissements (a few MB)."""

    def __init__(self) -> None:
        self.by_code: dict[str, Place] = {}
        self.by_postcode: dict[str, dict[str, Place]] = {}
        rows = Territory.objects.filter(
            kind__in=[TerritoryKind.COMMUNE, TerritoryKind.ARRONDISSEMENT]
        ).values_list("code", "name", "postal_codes", "id", "departement_id")
        for code, name, postal_codes, pk, departement_id in rows.iterator(chunk_size=5000):
            place = Place(pk, departement_id)
            self.by_code[code] = place
            for postcode in postal_codes.split():
                self.by_postcode.setdefault(postcode, {})[commune_key(name)] = place

    def by_insee_code(self, code: str) -> Place | None:
        return self.by_code.get(code.strip().upper()) if code else None

    def by_postcode_and_name(self, postcode: str, name: str) -> Place | None:
        candidates = self.by_postcode.get(postcode.strip())
        if not candidates:
            return None
        key = commune_key(name)
        if key in candidates:
            return candidates[key]
        # Arrondissements are named "Paris 11e Arrondissement"; the registry writes "PARIS".
        matches = [place for name, place in candidates.items() if name.startswith(key + " ")]
        if len(matches) == 1:
            return matches[0]
        if len(candidates) == 1:
            return next(iter(candidates.values()))
        return None
