"""Spreadsheet cells that cannot be read as formulas (CSV/formula injection).

A text starting with one of these characters is taken for a formula by spreadsheet software.
Exports prefix it with an apostrophe, which the spreadsheet imports of this project strip again.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    """The value, with a leading apostrophe when it is a text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def formula_unsafe_removed(text: str) -> str:
    """Undo `formula_safe` on a cell read back from one of our files."""
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text
