"""Text folding for accent- and case-insensitive search, the same on SQLite and PostgreSQL."""

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s'’\-_.,;:/()]+")
# Ligatures that Unicode does not decompose: "Œuvres" must be found by "oeuvres".
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
# The combining marks of the Latin accents, removed by one regular expression; any other
# combining character (rare) is removed one by one afterwards.
_ACCENTS = re.compile(
    "[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]+"
)


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse separators.

    "L'Abergement-Clémenciat" becomes "l abergement clemenciat".
    """
    if text.isascii():  # most names: nothing to decompose, no ligature (imports fold millions)
        return _SEPARATORS.sub(" ", text.lower()).strip()
    stripped = _ACCENTS.sub("", unicodedata.normalize("NFKD", text))
    if not stripped.isascii():
        stripped = "".join(char for char in stripped if not unicodedata.combining(char))
    return _SEPARATORS.sub(" ", stripped.casefold().translate(_LIGATURES)).strip()
