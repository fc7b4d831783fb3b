"""RNA extractions (Waldec and `rna_import`, one pair per département) and a SIRENE
`StockUniteLegale_utf8.csv` extract, in the registries' real file formats."""

import csv
import gzip
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.generate.common import Picker

ROOT = Path(__file__).resolve().parent.parent.parent
COMMUNES = ROOT / "alliances" / "territories" / "data" / "communes.csv.gz"
FIXTURES = ROOT / "tests" / "registry" / "fixtures"
EXTRACT_DATE = "20240301"
NATIONAL_ASSOCIATIONS = 1_900_000
NATIONAL_LEGAL_UNITS = 1_000_000
WALDEC_SHARE = 0.72  # the rest are older associations only in `rna_import`
LEGACY_WALDEC_SHARE = 0.2  # Waldec files still written in Windows-1252
FAULTY_LINE_RATE = 0.0005


def _header(name: str) -> list[str]:
    """The column names of a real extraction, as kept in the importer's test fixtures."""
    with (FIXTURES / name).open(encoding="utf-8-sig", errors="replace") as handle:
        return handle.readline().strip().split(";")


WALDEC_COLUMNS = _header("rna_waldec_20240301_dpt_01.csv")
IMPORT_COLUMNS = _header("rna_import_20240301_dpt_976.csv")

# Waldec theme families and their approximate share of the registry.
THEMES = {
    "006": 22, "011": 20, "007": 10, "015": 6, "020": 5, "019": 4, "014": 4, "024": 3,
    "009": 3, "010": 3, "017": 3, "021": 2, "030": 2, "023": 2, "040": 2, "013": 2,
    "005": 1, "003": 1, "001": 1, "002": 1, "016": 1, "018": 1, "022": 1, "031": 1,
    "032": 1, "033": 1, "034": 1, "004": 1, "050": 2,
}  # fmt: skip
THEME_WORDS = {
    "006": ["THÉÂTRE", "CHORALE", "ENSEMBLE MUSICAL", "ATELIER D'ARTS PLASTIQUES", "CINÉ-CLUB"],
    "011": ["UNION SPORTIVE", "CLUB DE FOOTBALL", "TENNIS CLUB", "JUDO CLUB", "CLUB DE RANDONNÉE"],
    "007": ["COMITÉ DES FÊTES", "AMICALE", "CLUB DES AÎNÉS", "FOYER RURAL"],
    "015": ["ASSOCIATION DES PARENTS D'ÉLÈVES", "UNIVERSITÉ POPULAIRE", "SOUTIEN SCOLAIRE"],
    "020": ["SECOURS SOLIDAIRE", "BANQUE ALIMENTAIRE", "SOLIDARITÉ INTERNATIONALE"],
    "024": ["ASSOCIATION DE SAUVEGARDE", "JARDINS PARTAGÉS", "NATURE ET ENVIRONNEMENT"],
}
GENERIC_WORDS = ["ASSOCIATION", "COLLECTIF", "LES AMIS", "CERCLE", "MAISON", "RÉSEAU"]
STREET_TYPES = ["RUE", "AV", "BD", "CHE", "PL", "IMP", "RTE", "ALL"]
STREETS = ["de la République", "Victor Hugo", "des Écoles", "du Moulin", "de l'Église", "Pasteur"]
POSITIONS = ("A", "D", "S")
POSITION_WEIGHTS = (78, 18, 4)
# SIRENE: legal category, share of the relevant units, whether social economy (ESS).
LEGAL_UNITS = [
    ("9220", 55, True),
    ("9230", 2, True),
    ("9300", 1, True),
    ("7210", 4, False),
    ("7346", 1, False),
    ("7229", 1, False),
    ("5499", 18, True),
    ("5710", 10, True),
    ("5458", 8, True),
]
SIZE_BANDS = ["NN", "00", "01", "02", "03", "11", "12", "21", "22", "31", "32", "41"]
SIZE_WEIGHTS = [30, 20, 15, 10, 8, 6, 4, 3, 2, 1, 0.5, 0.5]


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    postcode: str
    population: int


@dataclass
class Summary:
    waldec_rows: int = 0
    import_rows: int = 0
    files: int = 0
    legal_units: int = 0
    filtered_units: int = 0
    respondents: int = 0
    waldec_by_departement: dict[str, int] = field(default_factory=dict)

    @property
    def rna_rows(self) -> int:
        return self.waldec_rows + self.import_rows


def communes_by_departement() -> dict[str, list[Commune]]:
    raw = gzip.decompress(COMMUNES.read_bytes()).decode("utf-8")
    result: dict[str, list[Commune]] = {}
    for row in csv.DictReader(io.StringIO(raw, newline="")):
        if row["kind"] != "commune" or not row["departement"]:
            continue
        postcode = (row["postal_codes"].split() or [""])[0]
        commune = Commune(row["code"], row["name"], postcode, int(row["population"] or 0))
        result.setdefault(row["departement"], []).append(commune)
    return result


def share_out(total: int, weights: dict[str, int]) -> dict[str, int]:
    """`total` shared in proportion to `weights`, largest remainders first, summing exactly."""
    whole = sum(weights.values()) or 1
    exact = {key: total * weight / whole for key, weight in weights.items()}
    counts = {key: int(value) for key, value in exact.items()}
    rest = total - sum(counts.values())
    for key in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[:rest]:
        counts[key] += 1
    return counts


def registry_name(name: str) -> str:
    """How the registries write a commune: capitals, hyphens as spaces ("BOURG EN BRESSE")."""
    return name.upper().replace("-", " ").replace("'", " ")


def rna_prefix(departement: str) -> str:
    return departement if len(departement) == 3 else departement + "2"


def write_rna(out: Path, *, scale: float, seed: int = 12) -> Summary:
    """One Waldec and one import file per département; returns how many rows were written."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    departements = communes_by_departement()
    population = {code: sum(c.population for c in cs) or 1 for code, cs in departements.items()}
    counts = share_out(round(NATIONAL_ASSOCIATIONS * scale), population)
    theme = Picker(rng, list(THEMES), list(THEMES.values()))
    summary = Summary()
    for departement in sorted(departements):
        total = counts[departement]
        if not total:
            continue
        communes = departements[departement]
        commune = Picker(rng, communes, [max(c.population, 1) for c in communes])
        waldec = round(total * WALDEC_SHARE)
        legacy = rng.random() < LEGACY_WALDEC_SHARE
        prefix = rna_prefix(departement)
        code = departement.zfill(2)
        path = out / f"rna_waldec_{EXTRACT_DATE}_dpt_{code}.csv"
        with path.open("w", encoding="cp1252" if legacy else "utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";", lineterminator="\n" if legacy else "\r\n")
            writer.writerow(WALDEC_COLUMNS)
            for number in range(waldec):
                writer.writerow(_waldec_row(rng, f"W{prefix}{number:06d}", commune(), theme()))
        path = out / f"rna_import_{EXTRACT_DATE}_dpt_{code}.csv"
        with path.open("w", encoding="cp1252", newline="") as handle:
            writer = csv.writer(handle, delimiter=";", lineterminator="\n")
            writer.writerow(IMPORT_COLUMNS)
            for number in range(total - waldec):
                rna_id = f"W{prefix}{600000 + number:06d}"
                writer.writerow(_import_row(rng, rna_id, commune(), theme()))
        summary.waldec_rows += waldec
        if waldec:
            summary.waldec_by_departement[prefix] = waldec
        summary.import_rows += total - waldec
        summary.files += 2
    return summary


def _title(rng: random.Random, theme: str, commune: Commune) -> str:
    words = THEME_WORDS.get(theme, GENERIC_WORDS)
    return f"{rng.choice(words)} {rng.choice(('DE', 'DU PAYS DE', 'DE LA VILLE DE'))} " + (
        commune.name.upper()
    )


def _dates(rng: random.Random, first_year: int) -> tuple[str, str, str]:
    year = min(2024, first_year + int(rng.expovariate(1 / 25)))
    created = f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    position = rng.choices(POSITIONS, POSITION_WEIGHTS)[0]
    dissolved = "0001-01-01"
    if position == "D":
        dissolved = f"{rng.randint(year, 2024):04d}-{rng.randint(1, 12):02d}-15"
    if rng.random() < FAULTY_LINE_RATE:
        created = f"{year:04d}-13-45"  # as found in the real files: rejected with its line
    return created, dissolved, position


def _waldec_row(rng: random.Random, rna_id: str, commune: Commune, theme: str) -> list[str]:
    created, dissolved, position = _dates(rng, 1990)
    title = _title(rng, theme, commune)
    located = rng.random() > 0.02  # a few lines give only a postcode and a commune name
    website = f"www.{rna_id.lower()}.fr" if rng.random() < 0.1 else ""
    return [
        rna_id, "", "", "", rna_id[1:4] + "P", created, created, created, dissolved, "D", "S",
        title, "", f"objet de l'association {title.lower()}", f"{theme}{rng.randint(0, 40):03d}",
        "", "", str(rng.randint(1, 120)), "", rng.choice(STREET_TYPES), rng.choice(STREETS), "",
        commune.code if located else "", commune.postcode, registry_name(commune.name),
        "", "", "", "", "", "", "", "", "PM", website, "1" if website else "0", "", position,
        f"{created} 10:00:00",
    ]  # fmt: skip


def _import_row(rng: random.Random, rna_id: str, commune: Commune, theme: str) -> list[str]:
    created, _dissolved, position = _dates(rng, 1901)
    title = _title(rng, theme, commune)
    return [
        rna_id, "", "", rna_id[1:4] + "P", created, created, "D", "S", title, "",
        f"{theme}000", "", f"{rng.randint(1, 80)} {rng.choice(STREET_TYPES)} "
        f"{rng.choice(STREETS).upper()}", "", "", commune.postcode,
        registry_name(commune.name), "", "", "", position, "", f"{created} 00:00:00",
    ]  # fmt: skip


def siren_with_check(base: int) -> str:
    """Eight digits and the Luhn check digit."""
    digits = f"{base:08d}"
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return digits + str((10 - total % 10) % 10)


def write_sirene(out: Path, *, scale: float, rna: Summary, seed: int = 12) -> Summary:
    """`StockUniteLegale_utf8.csv`: relevant legal units and ordinary companies to filter out."""
    rng = random.Random(seed + 1)
    out.mkdir(parents=True, exist_ok=True)
    with (FIXTURES / "StockUniteLegale_utf8.csv").open(encoding="utf-8") as handle:
        columns = handle.readline().strip().split(",")
    relevant = round(NATIONAL_LEGAL_UNITS * scale)
    filtered = relevant // 2
    category = Picker(rng, LEGAL_UNITS, [share for _code, share, _ess in LEGAL_UNITS])
    size = Picker(rng, SIZE_BANDS, SIZE_WEIGHTS)
    bridged = Picker(rng, list(rna.waldec_by_departement), list(rna.waldec_by_departement.values()))
    summary = Summary(legal_units=relevant, filtered_units=filtered)
    with (out / "StockUniteLegale_utf8.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for number in range(relevant + filtered):
            row = dict.fromkeys(columns, "")
            if number < relevant:
                code, _share, ess_possible = category()
                # Companies are kept for being in the social economy; associations mostly are too.
                ess = ess_possible and (not code.startswith("9") or rng.random() < 0.7)
                band = size() if code[0] != "7" else "21"
            else:
                code, ess, band = "5710", False, "NN"  # filtered out by the default selection
            if code.startswith("92") and rng.random() < 0.8 and rna.waldec_rows:
                # An association in SIRENE: bridged to an RNA number of the Waldec files.
                prefix = bridged()
                number_in_file = rng.randrange(rna.waldec_by_departement[prefix])
                row["identifiantAssociationUniteLegale"] = f"W{prefix}{number_in_file:06d}"
            created = f"{rng.randint(1950, 2024)}-{rng.randint(1, 12):02d}-01"
            row.update(
                siren=siren_with_check(10_000_000 + number),
                statutDiffusionUniteLegale="O" if rng.random() > 0.02 else "P",
                dateCreationUniteLegale=created,
                trancheEffectifsUniteLegale=band,
                etatAdministratifUniteLegale="A" if rng.random() > 0.1 else "C",
                denominationUniteLegale=f"ENTITÉ {code} NUMÉRO {number}",
                categorieJuridiqueUniteLegale=code,
                activitePrincipaleUniteLegale="94.99Z" if code.startswith("9") else "62.01Z",
                nomenclatureActivitePrincipaleUniteLegale="NAFRev2",
                nicSiegeUniteLegale=f"{rng.randint(1, 99):05d}",
                economieSocialeSolidaireUniteLegale="O" if ess else "N",
                dateDernierTraitementUniteLegale="2024-02-20T10:00:00",
                dateDebut="2020-01-01",
            )
            writer.writerow(row.values())
    return summary
