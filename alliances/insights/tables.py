"""The diagnostic's tables: one structure for the page, the CSV downloads and the PDF."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from alliances.insights.selectors import Diagnostic


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False
    decimals: int = 0


@dataclass(frozen=True)
class DataTable:
    slug: str
    title: str
    columns: list[Column]
    rows: list[dict]

    def cells(self) -> list[list]:
        """Rows as formatted cells, in column order (for templates and the PDF)."""
        return [
            [{"text": format_cell(row.get(c.key), c), "numeric": c.numeric} for c in self.columns]
            for row in self.rows
        ]

    def as_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([column.label for column in self.columns])
        for row in self.rows:
            writer.writerow(
                [
                    ""
                    if row.get(c.key) is None
                    else (round(row[c.key], 4) if isinstance(row[c.key], float) else row[c.key])
                    for c in self.columns
                ]
            )
        return buffer.getvalue()


def format_cell(value, column: Column) -> str:
    from django.utils.formats import number_format

    if value is None:
        return "—"
    if column.numeric:
        return number_format(value, decimal_pos=column.decimals, force_grouping=True)
    return str(value)


def _rate(count: int, population: int | None, per: int) -> float | None:
    return count * per / population if population else None


def actors_by_world(diagnostic: Diagnostic) -> DataTable:
    return DataTable(
        "actors",
        _("Actors by world"),
        [
            Column("label", _("World")),
            Column("active", _("Active"), numeric=True),
            Column("dissolved", _("Dissolved or closed"), numeric=True),
            Column("per_1000", _("Active per 1,000 inhabitants"), numeric=True, decimals=2),
        ],
        diagnostic.actors_by_world(),
    )


def association_themes(diagnostic: Diagnostic) -> DataTable:
    return DataTable(
        "themes",
        _("Active associations by Waldec theme"),
        [
            Column("key", _("Code")),
            Column("label", _("Theme")),
            Column("count", _("Associations"), numeric=True),
        ],
        diagnostic.association_themes(),
    )


def alliance_types(diagnostic: Diagnostic) -> DataTable:
    return DataTable(
        "alliance-types",
        _("Alliances by type"),
        [Column("label", _("Type")), Column("count", _("Alliances"), numeric=True)],
        diagnostic.alliance_types(),
    )


def alliance_years(diagnostic: Diagnostic) -> DataTable:
    return DataTable(
        "alliance-years",
        _("Alliances by start year"),
        [Column("year", _("Year")), Column("count", _("Alliances"), numeric=True)],
        diagnostic.alliance_years(),
    )


def member_worlds(diagnostic: Diagnostic) -> DataTable:
    return DataTable(
        "member-worlds",
        _("Members of these alliances by world"),
        [Column("label", _("World")), Column("count", _("Member organisations"), numeric=True)],
        diagnostic.member_worlds(),
    )


def sdg_coverage(diagnostic: Diagnostic) -> DataTable:
    return DataTable(
        "sdg",
        _("Coverage of the 17 Sustainable Development Goals"),
        [
            Column("number", _("Goal")),
            Column("name", _("Name")),
            Column("alliances", _("Alliances"), numeric=True),
            Column("actors", _("Active actors engaged"), numeric=True),
        ],
        [
            {
                "number": row.goal.number,
                "name": row.goal.short,
                "alliances": row.alliances,
                "actors": row.actors,
            }
            for row in diagnostic.goals
        ],
    )


def _summary_row(name: str, summary) -> dict:
    return {
        "name": name,
        "population": summary.population,
        "actors": summary.actors_active,
        "associations_per_1000": summary.associations_per_1000,
        "alliances": summary.alliances,
        "alliances_per_100k": summary.alliances_per_100k,
        "cross_world_share": (
            None if summary.cross_world_share is None else summary.cross_world_share * 100
        ),
        "catalysts": summary.catalysts,
        "goals": summary.goals_with_alliances,
    }


SUMMARY_COLUMNS = [
    Column("name", _("Territory")),
    Column("population", _("Population"), numeric=True),
    Column("actors", _("Active actors"), numeric=True),
    Column("associations_per_1000", _("Associations per 1,000 inh."), numeric=True, decimals=2),
    Column("alliances", _("Alliances"), numeric=True),
    Column("alliances_per_100k", _("Alliances per 100,000 inh."), numeric=True, decimals=2),
    Column("cross_world_share", _("Cross-world alliances (%)"), numeric=True),
    Column("catalysts", _("Catalysts"), numeric=True),
    Column("goals", _("SDGs with alliances"), numeric=True),
]


def comparison(diagnostic: Diagnostic) -> DataTable:
    rows = []
    if diagnostic.summary is not None:
        rows.append(_summary_row(diagnostic.name, diagnostic.summary))
    if diagnostic.territory is not None:
        if diagnostic.parent_summary is not None:
            rows.append(_summary_row(diagnostic.parent_name, diagnostic.parent_summary))
        if diagnostic.parent is not None and diagnostic.national is not None:
            rows.append(_summary_row(_("France"), diagnostic.national))
    return DataTable(
        "comparison", _("Comparison with the territories above"), SUMMARY_COLUMNS, rows
    )


def peer_ranking(diagnostic: Diagnostic) -> DataTable:
    columns = [Column("rank", _("Rank"), numeric=True), *SUMMARY_COLUMNS]
    rows = []
    for rank, summary in enumerate(diagnostic.peers, start=1):
        row = _summary_row(summary.territory.name, summary)
        row["rank"] = rank
        row["code"] = summary.territory.code
        row["kind"] = summary.territory.kind
        row["is_self"] = summary.territory_id == getattr(diagnostic.territory, "pk", None)
        rows.append(row)
    return DataTable(
        "peers",
        _("Territories of similar population, ranked by associations per 1,000 inhabitants"),
        columns,
        rows,
    )


def priorities(diagnostic: Diagnostic) -> DataTable:
    return DataTable(
        "priorities",
        _("Objective priorities"),
        [
            Column("goal", _("Goal")),
            Column("indicator", _("Indicator")),
            Column("value", _("Value"), numeric=True, decimals=1),
            Column("reference", _("Compared with")),
            Column("reference_value", _("Reference value"), numeric=True, decimals=1),
            Column("alliances", _("Alliances on this goal"), numeric=True),
            Column("rate", _("Per 100,000 inh."), numeric=True, decimals=2),
            Column("national_rate", _("France, per 100,000 inh."), numeric=True, decimals=2),
        ],
        [
            {
                "goal": f"{p.goal.number}. {p.goal.short}",
                "indicator": f"{p.indicator.name} ({p.indicator.unit}, {p.year}, {p.measured_at})",
                "value": p.value,
                "reference": p.reference_name,
                "reference_value": p.reference_value,
                "alliances": p.alliances,
                "rate": p.alliances_per_100k,
                "national_rate": p.national_per_100k,
            }
            for p in diagnostic.priorities
        ],
    )


def all_tables(diagnostic: Diagnostic) -> dict[str, DataTable]:
    tables = [
        actors_by_world(diagnostic),
        association_themes(diagnostic),
        alliance_types(diagnostic),
        alliance_years(diagnostic),
        member_worlds(diagnostic),
        sdg_coverage(diagnostic),
        comparison(diagnostic),
        peer_ranking(diagnostic),
        priorities(diagnostic),
    ]
    return {table.slug: table for table in tables}
