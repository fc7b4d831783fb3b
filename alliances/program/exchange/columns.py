"""The exchange format: one sheet (XLSX) or one CSV file (in a ZIP) per table.

The first column of each table is its stable key; re-importing an unchanged file changes nothing.
"""

from dataclasses import dataclass

from alliances.core import cells


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text, date, decimal, choice
    required: bool = False


SHEETS: dict[str, list[Column]] = {
    "measures": [
        Column("code", required=True),
        Column("dimension"),
        Column("title_fr"),
        Column("title_en"),
        Column("status", "choice", required=True),
        Column("start_date", "date"),
        Column("due_date", "date"),
        Column("weight", "decimal", required=True),
        Column("owner_organisations"),
        Column("attainment", "choice"),
        Column("attainment_justification"),
    ],
    "milestones": [
        Column("external_id", required=True),
        Column("measure", required=True),
        Column("kind", "choice", required=True),
        Column("title", required=True),
        Column("description"),
        Column("due_date", "date"),
        Column("done_date", "date"),
        Column("weight", "decimal", required=True),
        Column("evidence_url"),
    ],
    "indicators": [
        Column("external_id", required=True),
        Column("measure", required=True),
        Column("name", required=True),
        Column("unit"),
        Column("direction", "choice", required=True),
        Column("baseline_value", "decimal", required=True),
        Column("baseline_date", "date", required=True),
        Column("target_value", "decimal", required=True),
        Column("target_date", "date", required=True),
        Column("weight", "decimal", required=True),
        Column("status_override", "choice"),
        Column("status_override_reason"),
    ],
    "values": [
        Column("indicator", required=True),
        Column("date", "date", required=True),
        Column("value", "decimal", required=True),
        Column("source"),
        Column("comment"),
    ],
}

# Characters that make a spreadsheet treat a text cell as a formula (shared with every export).
FORMULA_PREFIXES = cells.FORMULA_PREFIXES
