"""Text folding for accent- and case-insensitive search, the same on SQLite and PostgreSQL."""

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s'’\-_.,;:/()]+")
# Ligatures that Unicode does not decompose: "Œuvres" must be found by "oeuvres".
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse separators.

    "L'Abergement-Clémenciat" becomes "l abergement clemenciat".
    """
    if text.isascii():  # most names: nothing to decompose, no ligature (imports fold millions)
        return _SEPARATORS.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub(" ", stripped.casefold().translate(_LIGATURES)).strip()
