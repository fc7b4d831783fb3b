"""The Frictionless Data Package describing the CSV files (Table Schema per file)."""

from datetime import datetime

from alliances.opendata.alliance_schema import ALLIANCE_SCHEMA_NAME, alliance_schema
from alliances.opendata.datasets.base import Dataset

LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte / Open Licence version 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
PACKAGE_NAME = "alliances-donnees-ouvertes"


def csv_name(dataset: Dataset) -> str:
    return f"{dataset.name}.csv"


def xlsx_name(dataset: Dataset) -> str:
    return f"{dataset.name}.xlsx"


def data_package(datasets, *, created: datetime, rows: dict[str, int]) -> dict:
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "Alliances — données ouvertes",
        "description": (
            "Registre des alliances pour les objectifs de développement durable (ODD 17) : "
            "organisations, alliances et membres, catalyseurs, feuille de route, ressources, "
            "événements, diagnostics territoriaux et résultats d'études. Aucune donnée "
            "personnelle."
        ),
        "licenses": [LICENCE],
        "created": created.isoformat(timespec="seconds"),
        "resources": [
            {
                "name": dataset.name,
                "title": dataset.title_fr,
                "description": dataset.description_fr,
                "path": csv_name(dataset),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "licenses": [LICENCE],
                "schema": dataset.table_schema(),
                "x-rows": rows.get(dataset.name, 0),
            }
            for dataset in datasets
        ]
        + [
            {
                "name": ALLIANCE_SCHEMA_NAME,
                "title": "Alliances au format du schéma « alliances »",
                "description": (
                    "Une ligne par couple alliance–membre, conforme au schéma publié et "
                    "importable tel quel par le registre."
                ),
                "path": f"{ALLIANCE_SCHEMA_NAME}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "licenses": [LICENCE],
                "schema": alliance_schema(),
                "x-rows": rows.get(ALLIANCE_SCHEMA_NAME, 0),
            }
        ],
    }
