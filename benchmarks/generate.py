"""Synthetic national-scale data in the registries' real file formats, seeded and scalable.

At `--scale 1` it writes what a national import meets:

- RNA extractions, one `rna_waldec_<date>_dpt_<code>.csv` and one `rna_import_<date>_dpt_<code>.csv`
  per département, ≈1.9 million associations in all, shared out by population (from the committed
  commune file), with the Waldec theme families in realistic proportions, dissolved and deleted
  associations, UTF-8 with BOM and CRLF (most Waldec files) or Windows-1252 (the older files),
  and a handful of faulty lines (bad dates) as the real files have;
- a SIRENE `StockUniteLegale_utf8.csv` extract with ≈1 million relevant legal units
  (associations, most bridged to a generated RNA number, local authorities, EPCI, foundations,
  social-economy companies) and half as many ordinary companies that the import filters out.

`load_alliances()` then bulk-loads ≈100,000 alliances and ≈400,000 memberships (scaled) between
the organisations already in the database, across worlds and territories, for the read benchmarks.

    python -m benchmarks.generate --scale 0.01 --out /tmp/national   # files only
"""

import argparse
import csv
import gzip
import io
import random
from bisect import bisect
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMUNES = ROOT / "alliances" / "territories" / "data" / "communes.csv.gz"
FIXTURES = ROOT / "tests" / "registry" / "fixtures"
EXTRACT_DATE = "20240301"
NATIONAL_ASSOCIATIONS = 1_900_000
NATIONAL_LEGAL_UNITS = 1_000_000
NATIONAL_ALLIANCES = 100_000
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


class Picker:
    """Weighted random choice with precomputed cumulative weights (fast for large lists)."""

    def __init__(self, rng: random.Random, items: list, weights: list[float]):
        self.rng, self.items = rng, items
        self.cumulative = list(accumulate(weights))

    def __call__(self):
        return self.items[bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]


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


def write_files(out: Path, *, scale: float, seed: int = 12) -> Summary:
    rna = write_rna(out / "rna", scale=scale, seed=seed)
    sirene = write_sirene(out / "sirene", scale=scale, rna=rna, seed=seed)
    rna.legal_units, rna.filtered_units = sirene.legal_units, sirene.filtered_units
    rna.respondents = write_survey(out / "survey", scale=scale, seed=seed)
    return rna


def load_alliances(*, scale: float, seed: int = 12) -> tuple[int, int]:
    """Bulk-load alliances and memberships between the organisations in the database.

    Needs Django set up, territories and goals loaded, and organisations imported.
    Returns (alliances, memberships).
    """
    from django.db import transaction

    from alliances.core.text import fold
    from alliances.registry.enums import (
        AllianceStatus,
        AllianceType,
        MembershipRole,
        Publication,
        World,
    )
    from alliances.registry.models import Alliance, Membership, Organisation
    from alliances.sdg.models import Goal
    from alliances.territories.enums import TerritoryKind
    from alliances.territories.models import Territory

    rng = random.Random(seed + 2)
    by_world: dict[str, list[int]] = {}
    for pk, world in Organisation.objects.values_list("id", "world").iterator(chunk_size=20000):
        by_world.setdefault(world, []).append(pk)
    if not by_world:
        raise RuntimeError("no organisations: import the RNA and SIRENE files first")
    worlds = sorted(by_world)
    # Most partners are associations; companies and public bodies join most alliances.
    world_weights = [{World.ASSOCIATION: 5}.get(w, 2) for w in worlds]
    pick_world = Picker(rng, worlds, world_weights)
    territories: dict[str, list[tuple[int, int]]] = {}
    for pk, kind, population in Territory.objects.values_list("id", "kind", "population"):
        territories.setdefault(kind, []).append((pk, population or 1))
    pick_territory = {
        kind: Picker(rng, [pk for pk, _ in rows], [p for _, p in rows])
        for kind, rows in territories.items()
    }
    kinds = Picker(
        rng,
        [
            TerritoryKind.COMMUNE,
            TerritoryKind.EPCI,
            TerritoryKind.DEPARTEMENT,
            TerritoryKind.REGION,
        ],
        [70, 12, 13, 5],
    )
    goals = list(Goal.objects.values_list("id", flat=True))
    total = round(NATIONAL_ALLIANCES * scale)
    types, statuses = list(AllianceType.values), list(AllianceStatus.values)
    roles = [MembershipRole.PARTNER, MembershipRole.FUNDER, MembershipRole.EVALUATOR]
    Covered = Alliance.territories.through
    Aimed = Alliance.goals.through
    memberships = 0
    batch_size = 5000
    for start in range(0, total, batch_size):
        size = min(batch_size, total - start)
        with transaction.atomic():
            alliances = []
            for number in range(start, start + size):
                title = f"Alliance {number} pour les ODD"
                published = rng.random() < 0.85
                alliances.append(
                    Alliance(
                        title=title,
                        search_title=fold(title),
                        summary="Une alliance synthétique pour mesurer la plateforme.",
                        alliance_type=rng.choice(types),
                        status=rng.choice(statuses),
                        publication=Publication.PUBLISHED if published else Publication.DRAFT,
                    )
                )
            alliances = Alliance.objects.bulk_create(alliances)
            covered, aimed, members = [], [], []
            for alliance in alliances:
                kind = kinds()
                covered.append(
                    Covered(alliance_id=alliance.pk, territory_id=pick_territory[kind]())
                )
                for goal in rng.sample(goals, rng.randint(1, 3)):
                    aimed.append(Aimed(alliance_id=alliance.pk, goal_id=goal))
                chosen: set[int] = set()
                for index in range(rng.choice((2, 3, 3, 4, 4, 4, 5, 5, 6, 7))):
                    organisation = rng.choice(by_world[pick_world()])
                    if organisation in chosen:
                        continue
                    chosen.add(organisation)
                    role = MembershipRole.LEAD if index == 0 else rng.choice(roles)
                    members.append(
                        Membership(alliance_id=alliance.pk, organisation_id=organisation, role=role)
                    )
            Covered.objects.bulk_create(covered, batch_size=batch_size)
            Aimed.objects.bulk_create(aimed, batch_size=batch_size)
            Membership.objects.bulk_create(members, batch_size=batch_size)
            memberships += len(members)
    return total, memberships


NATIONAL_RESOURCES = 5_000
NATIONAL_ASSESSMENTS = 100_000
NATIONAL_RESPONDENTS = 20_000
SURVEY_REGIONS = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]


def load_resources(*, scale: float, seed: int = 12) -> int:
    """Bulk-load kit resources (5,000 at scale 1): the five kinds, four maturity levels, mostly
    published, each for one to three audiences, one to three SDGs and (one in five) a territory.

    Needs Django set up with the reference data (goals, themes, territories). Returns how many.
    """
    from django.db import transaction
    from django.utils import timezone

    from alliances.core.text import fold
    from alliances.kit.enums import AudienceProfile, Maturity, ResourceKind, ResourceState
    from alliances.kit.models import Resource, ResourceAudience, Theme
    from alliances.sdg.models import Goal
    from alliances.territories.enums import TerritoryKind
    from alliances.territories.models import Territory

    rng = random.Random(seed + 3)
    total = max(1, round(NATIONAL_RESOURCES * scale))
    goals = list(Goal.objects.values_list("id", flat=True))
    themes = list(Theme.objects.values_list("id", flat=True))
    departements = list(
        Territory.objects.filter(kind=TerritoryKind.DEPARTEMENT).values_list("id", flat=True)
    )
    kinds, maturities = list(ResourceKind.values), list(Maturity.values)
    profiles = list(AudienceProfile.values)
    state = Picker(
        rng,
        [ResourceState.PUBLISHED, ResourceState.DRAFT, ResourceState.SUBMITTED,
         ResourceState.ARCHIVED],
        [80, 10, 5, 5],
    )  # fmt: skip
    now = timezone.now()
    Aimed, Themed = Resource.goals.through, Resource.themes.through
    with transaction.atomic():
        resources = []
        for number in range(total):
            kind = rng.choice(kinds)
            title = f"{kind.capitalize()} {number} : agir ensemble pour les ODD"
            summary = f"Une ressource synthétique ({kind}) pour mesurer la boîte à outils."
            body = "## Pourquoi\n\nDes alliances locales.\n\n## Comment\n\n- réunir\n- agir\n"
            published = state()
            resources.append(
                Resource(
                    kind=kind,
                    title=title,
                    summary=summary,
                    body=body,
                    search_text=fold(f"{title} {summary} {body}"),
                    maturity=rng.choice(maturities),
                    territory_id=rng.choice(departements)
                    if departements and rng.random() < 0.2
                    else None,
                    state=published,
                    published_at=now if published == ResourceState.PUBLISHED else None,
                )
            )
        resources = Resource.objects.bulk_create(resources, batch_size=2000)
        audiences, aimed, themed = [], [], []
        for resource in resources:
            for profile in rng.sample(profiles, rng.randint(1, 3)):
                audiences.append(ResourceAudience(resource_id=resource.pk, profile=profile))
            for goal in rng.sample(goals, min(len(goals), rng.randint(1, 3))):
                aimed.append(Aimed(resource_id=resource.pk, goal_id=goal))
            if themes:
                themed.append(Themed(resource_id=resource.pk, theme_id=rng.choice(themes)))
        ResourceAudience.objects.bulk_create(audiences, batch_size=5000)
        Aimed.objects.bulk_create(aimed, batch_size=5000)
        Themed.objects.bulk_create(themed, batch_size=5000)
    return total


def load_assessments(*, scale: float, seed: int = 12) -> tuple[int, int]:
    """Bulk-load compass self-assessments (100,000 at scale 1) of the current questionnaires,
    answered by organisations of the registry (or territories), scored by the compass's own
    rules; returns (assessments, answers).

    Needs Django set up, the reference data (questionnaires) and organisations imported.
    """
    from django.db import transaction

    from alliances.kit import scoring
    from alliances.kit.enums import AudienceProfile, QuestionnaireAudience, maturity_for_score
    from alliances.kit.models import Answer, Assessment, AssessmentScore, Questionnaire
    from alliances.kit.services.compass import (
        PROFILE_WORLD,
        _resolve,
        question_specs,
        questionnaire_questions,
    )
    from alliances.registry.models import Organisation
    from alliances.territories.enums import TerritoryKind
    from alliances.territories.models import Territory

    rng = random.Random(seed + 4)
    total = max(1, round(NATIONAL_ASSESSMENTS * scale))
    questionnaires = [
        (questionnaire, questionnaire_questions(questionnaire))
        for questionnaire in Questionnaire.objects.filter(
            is_current=True,
            audience__in=[QuestionnaireAudience.ORGANISATION, QuestionnaireAudience.TERRITORY],
        ).order_by("slug")
    ]
    if not questionnaires:
        raise RuntimeError("no questionnaire: load the reference data first")
    organisations = list(
        Organisation.objects.order_by("pk").values_list("id", "world")[: total * 2]
    )
    communes = list(
        Territory.objects.filter(kind=TerritoryKind.COMMUNE).values_list("id", flat=True)[:5000]
    )
    profiles = [p for p in AudienceProfile.values if p != AudienceProfile.CATALYST]
    answers_written = 0
    batch_size = 2000
    for start in range(0, total, batch_size):
        size = min(batch_size, total - start)
        with transaction.atomic():
            assessments, pending = [], []
            for _ in range(size):
                questionnaire, questions = rng.choice(questionnaires)
                # Each actor leans towards a level: its answers cluster around it.
                lean = rng.random()
                raw = {}
                for question in questions:
                    options = sorted(question.options.all(), key=lambda o: o.score)
                    if question.allows_not_applicable and rng.random() < 0.05:
                        raw[question.pk] = scoring.NOT_APPLICABLE
                        continue
                    index = min(
                        len(options) - 1, int(rng.triangular(0, len(options), lean * len(options)))
                    )
                    if question.is_multiple:  # the options up to the actor's level
                        raw[question.pk] = [str(option.pk) for option in options[: index + 1]]
                    else:
                        raw[question.pk] = str(options[index].pk)
                scores, chosen, _errors = _resolve(questions, raw)
                specs = question_specs(questions)
                per_axis = scoring.axis_scores(specs, scores)
                overall = scoring.overall_score(per_axis)
                asked = {spec.key for spec in specs if scoring.is_asked(spec, scores)}
                territorial = questionnaire.audience == QuestionnaireAudience.TERRITORY
                profile = rng.choice(profiles)
                organisation_id, world = None, PROFILE_WORLD[profile]
                if not territorial and organisations:
                    organisation_id, world = rng.choice(organisations)
                assessments.append(
                    Assessment(
                        questionnaire=questionnaire,
                        organisation_id=organisation_id,
                        world=world,
                        territory_id=rng.choice(communes) if territorial and communes else None,
                        profile=profile,
                        overall=overall,
                        maturity=maturity_for_score(overall),
                    )
                )
                pending.append((chosen, asked, per_axis))
            assessments = Assessment.objects.bulk_create(assessments)
            answers, axis_scores, several = [], [], []
            for assessment, (chosen, asked, per_axis) in zip(assessments, pending, strict=True):
                for key, option in chosen.items():
                    if key in asked:
                        multiple = isinstance(option, list)
                        answer = Answer(
                            assessment_id=assessment.pk,
                            question_id=key,
                            option=None if multiple else option,
                            not_applicable=option is None,
                        )
                        answers.append(answer)
                        if multiple:
                            several.append((answer, option))
                for axis, value in per_axis.items():
                    if value is not None:
                        axis_scores.append(
                            AssessmentScore(
                                assessment_id=assessment.pk,
                                axis=axis,
                                score=value,
                                maturity=maturity_for_score(value),
                            )
                        )
            Answer.objects.bulk_create(answers, batch_size=5000)
            Answer.options.through.objects.bulk_create(
                [
                    Answer.options.through(answer_id=answer.pk, option_id=option.pk)
                    for answer, options in several
                    for option in options
                ],
                batch_size=5000,
            )
            AssessmentScore.objects.bulk_create(axis_scores, batch_size=5000)
            answers_written += len(answers)
    return total, answers_written


def write_survey(out: Path, *, scale: float, seed: int = 12) -> int:
    """A survey wave of 20,000 respondents (at scale 1) in the formats the studies import reads:
    `codebook.csv` (one line per answer label) and `wave.csv` (semicolon-separated microdata
    with an identifier, background variables for weighting, four questions and a design
    weight). Answers depend on the background, so weighting moves the estimates. Returns how
    many respondents.
    """
    rng = random.Random(seed + 5)
    out.mkdir(parents=True, exist_ok=True)
    total = max(10, round(NATIONAL_RESPONDENTS * scale))
    questions = [
        ("q1", "Faites-vous partie d'une alliance ?", "Are you part of an alliance?",
         [("oui", "Oui", "Yes"), ("non", "Non", "No"), ("nsp", "Ne sait pas", "Don't know")]),
        ("q2", "Connaissez-vous les ODD ?", "Do you know the SDGs?",
         [("1", "Très bien", "Very well"), ("2", "Un peu", "A little"),
          ("3", "De nom", "By name"), ("4", "Pas du tout", "Not at all")]),
        ("q3", "Votre structure coopère-t-elle avec une entreprise ?",
         "Does your organisation cooperate with a company?",
         [("oui", "Oui", "Yes"), ("non", "Non", "No")]),
        ("q4", "Priorité de votre territoire", "Your territory's priority",
         [("emploi", "Emploi", "Employment"), ("climat", "Climat", "Climate"),
          ("sante", "Santé", "Health"), ("education", "Éducation", "Education")]),
    ]  # fmt: skip
    background = [
        ("sexe", "Sexe", "Sex", [("1", "Homme", "Man"), ("2", "Femme", "Woman")]),
        ("age", "Âge", "Age",
         [("1", "18-34 ans", "18-34"), ("2", "35-64 ans", "35-64"),
          ("3", "65 ans et plus", "65+")]),
        ("region", "Région", "Region", [(code, code, code) for code in SURVEY_REGIONS]),
    ]  # fmt: skip
    with (out / "codebook.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["variable", "type", "text_fr", "text_en", "published", "code",
                         "label_fr", "label_en"])  # fmt: skip
        for published, entries in (("non", background), ("oui", questions)):
            for variable, text_fr, text_en, labels in entries:
                for index, (code, label_fr, label_en) in enumerate(labels):
                    head = [variable, "categorical", text_fr, text_en, published]
                    writer.writerow((head if index == 0 else [variable, "", "", "", ""])
                                    + [code, label_fr, label_en])  # fmt: skip
    # Quotas a little off the population, as real samples are: older people answer more.
    ages = Picker(rng, ["1", "2", "3"], [22, 48, 30])
    regions = Picker(rng, SURVEY_REGIONS, [19, 4, 4, 5, 9, 8, 6, 5, 9, 9, 12, 8, 1])
    with (out / "wave.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(["id", "sexe", "age", "region", "q1", "q2", "q3", "q4", "poids"])
        for number in range(total):
            sex, age = rng.choice("12"), ages()
            member = rng.random() < 0.25 + 0.1 * int(age)  # older, more often in an alliance
            writer.writerow(
                [
                    f"R{number:06d}", sex, age, regions(),
                    "oui" if member else rng.choice(("non", "non", "nsp")),
                    rng.choice("1234" if member else "2344"),
                    rng.choice(("oui", "non")),
                    rng.choice(("emploi", "climat", "sante", "education")),
                    f"{rng.uniform(0.5, 2.0):.3f}",
                ]
            )  # fmt: skip
    return total


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0, help="1 = national scale")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", type=Path, required=True, help="folder for rna/ and sirene/")
    args = parser.parse_args()
    summary = write_files(args.out, scale=args.scale, seed=args.seed)
    print(
        f"{summary.files} RNA files, {summary.rna_rows:,} associations "
        f"({summary.waldec_rows:,} Waldec, {summary.import_rows:,} import); SIRENE "
        f"{summary.legal_units:,} relevant legal units and {summary.filtered_units:,} to filter "
        f"out; a survey of {summary.respondents:,} respondents — in {args.out}"
    )


if __name__ == "__main__":
    main()
