"""Derive the compact reference files committed in the project from ../shared/data.

Run from the project root: `python scripts/derive_reference.py [--shared ../shared]`.
The output (CSV, UTF-8) is what `alliances load_reference` loads;
users' machines never need ../shared.
Sources, vintages and licences are described in docs/data-sources.md.
"""

import argparse
import csv
import gzip
import io
import json
import tarfile
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TERRITORIES_OUT = ROOT / "alliances" / "territories" / "data"
SDG_OUT = ROOT / "alliances" / "sdg" / "data"

# The UN's French short names; the open-sdg translation misspells these two.
GOAL_SHORT_FR_FIXES = {
    7: "Énergie propre et d'un coût abordable",
    8: "Travail décent et croissance économique",
}


def read_tgz_json(archive: Path, member: str):
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile(member))


def write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    if path.suffix == ".gz":
        # mtime=0 keeps the file byte-identical between runs.
        path.write_bytes(gzip.compress(data, mtime=0))
    else:
        path.write_bytes(data)


def derive_territories(shared: Path) -> None:
    archive = shared / "data" / "territories" / "etalab-decoupage-administratif-6.0.0.tgz"
    regions = read_tgz_json(archive, "package/data/regions.json")
    departements = read_tgz_json(archive, "package/data/departements.json")
    epcis = read_tgz_json(archive, "package/data/epci.json")
    communes = read_tgz_json(archive, "package/data/communes.json")

    commune_epci = {}
    for epci in epcis:
        for member in epci["membres"]:
            commune_epci[member["code"]] = epci["code"]

    commune_rows = []
    epci_departements: dict[str, Counter] = {}
    for commune in communes:
        if commune["type"] not in {"commune-actuelle", "arrondissement-municipal"}:
            continue  # communes déléguées / associées are not current communes
        is_commune = commune["type"] == "commune-actuelle"
        epci = commune_epci.get(commune["code"], "") if is_commune else ""
        if epci:
            epci_departements.setdefault(epci, Counter())[commune["departement"]] += commune.get(
                "population", 0
            )
        commune_rows.append(
            [
                "commune" if is_commune else "arrondissement",
                commune["code"],
                commune["nom"],
                commune["zone"],
                commune["region"],
                commune["departement"],
                epci,
                commune.get("commune", ""),
                commune.get("population", ""),
                " ".join(commune.get("codesPostaux", [])),
                commune.get("siren", ""),
            ]
        )
    commune_rows.sort(key=lambda row: (row[0] != "commune", row[1]))

    departement_region = {d["code"]: d["region"] for d in departements}
    epci_rows = []
    for epci in sorted(epcis, key=lambda e: e["code"]):
        # An EPCI belongs to the département holding most of its population.
        main_departement = epci_departements[epci["code"]].most_common(1)[0][0]
        epci_rows.append(
            [
                epci["code"],
                epci["nom"],
                epci["type"],
                departement_region[main_departement],
                main_departement,
                epci["populationMunicipale"],
                len(epci["membres"]),
            ]
        )

    TERRITORIES_OUT.mkdir(parents=True, exist_ok=True)
    write_csv(
        TERRITORIES_OUT / "regions.csv",
        ["code", "name", "zone", "chef_lieu"],
        [[r["code"], r["nom"], r["zone"], r["chefLieu"]] for r in regions],
    )
    write_csv(
        TERRITORIES_OUT / "departements.csv",
        ["code", "name", "zone", "region", "chef_lieu"],
        [[d["code"], d["nom"], d["zone"], d["region"], d["chefLieu"]] for d in departements],
    )
    write_csv(
        TERRITORIES_OUT / "epci.csv",
        ["code", "name", "epci_type", "region", "departement", "population", "members"],
        epci_rows,
    )
    write_csv(
        TERRITORIES_OUT / "communes.csv.gz",
        [
            "kind",
            "code",
            "name",
            "zone",
            "region",
            "departement",
            "epci",
            "commune",
            "population",
            "postal_codes",
            "siren",
        ],
        commune_rows,
    )


def derive_sdg(shared: Path) -> None:
    sdg = shared / "data" / "sdg"
    goals = {
        lang: yaml.safe_load((sdg / f"global_goals.{lang}.yml").read_text())
        for lang in ("fr", "en")
    }
    targets = {
        lang: yaml.safe_load((sdg / f"global_targets.{lang}.yml").read_text())
        for lang in ("fr", "en")
    }
    goal_rows = []
    for number in range(1, 18):
        short_fr = GOAL_SHORT_FR_FIXES.get(number, goals["fr"][f"{number}-short"])
        goal_rows.append(
            [
                number,
                short_fr,
                goals["en"][f"{number}-short"],
                " ".join(goals["fr"][f"{number}-title"].split()),
                " ".join(goals["en"][f"{number}-title"].split()),
            ]
        )
    target_rows = []
    for key, title_en in targets["en"].items():
        goal, code, _suffix = key.split("-")
        target_rows.append(
            [
                f"{goal}.{code}",
                int(goal),
                " ".join(targets["fr"][key].split()),
                " ".join(title_en.split()),
            ]
        )

    def target_order(row):
        goal, code = row[0].split(".")
        return (int(goal), (0, int(code), "") if code.isdigit() else (1, 0, code))

    target_rows.sort(key=target_order)
    SDG_OUT.mkdir(parents=True, exist_ok=True)
    write_csv(
        SDG_OUT / "goals.csv", ["number", "short_fr", "short_en", "title_fr", "title_en"], goal_rows
    )
    write_csv(SDG_OUT / "targets.csv", ["code", "goal", "title_fr", "title_en"], target_rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    derive_territories(args.shared)
    derive_sdg(args.shared)
    print(f"Wrote {TERRITORIES_OUT} and {SDG_OUT}")


if __name__ == "__main__":
    main()
