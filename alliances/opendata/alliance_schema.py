"""The published Table Schema for alliances, and the alliances written in it.

The schema is the registry's spreadsheet format (one row per alliance–member), so that any file
valid against it can be imported by the registry, and any tool can publish alliances the same
way. Its columns come from the importer itself: the two cannot drift apart.
"""

from alliances.opendata.datasets.base import CHUNK
from alliances.opendata.datasets.registry import (
    NON_PUBLIC_NAME,
    public_organisations,
    published_alliances,
)
from alliances.registry.enums import (
    AllianceStatus,
    AllianceType,
    MembershipRole,
    Publication,
    World,
)
from alliances.registry.importers.alliance_sheet import COLUMNS, OPTIONAL_COLUMNS
from alliances.registry.models import Alliance, Membership

ALLIANCE_SCHEMA_NAME = "alliances-schema"
SCHEMA_FILE = "schema-alliances.json"
SCHEMA_VERSION = "1.0.0"
SCHEMA_COLUMNS = [column for column in COLUMNS if column.name not in OPTIONAL_COLUMNS]

_TITLES = {
    "alliance_ref": ("Référence de l'alliance", "alliance-42"),
    "title": ("Titre de l'alliance", "Tiers-lieu nourricier de Montreuil"),
    "summary": ("Résumé", "Une épicerie solidaire, une ferme urbaine et la ville s'allient."),
    "alliance_type": ("Type d'alliance", "cooperation"),
    "status": ("Statut", "ongoing"),
    "start_date": ("Date de début", "2024-09-01"),
    "end_date": ("Date de fin", "2026-06-30"),
    "territories": ("Territoires", "departement:93; commune:93048"),
    "goals": ("ODD", "2; 12; 17"),
    "publication": ("Publication", "published"),
    "member_name": ("Nom du membre", "Association Les Jardins Partagés"),
    "member_world": ("Monde du membre", "association"),
    "member_role": ("Rôle du membre", "lead"),
    "siren": ("SIREN du membre", "552100554"),
    "siret": ("SIRET du membre", "55210055400013"),
    "rna": ("Numéro RNA du membre", "W931234567"),
    "member_commune": ("Commune du membre (code INSEE)", "93048"),
}
_CONSTRAINTS = {
    "alliance_ref": {"required": True},
    "member_name": {"required": True},
    "member_role": {"required": True, "enum": list(MembershipRole.values)},
    "alliance_type": {"enum": list(AllianceType.values)},
    "status": {"enum": list(AllianceStatus.values)},
    "publication": {
        "enum": [value for value in Publication.values if value != Publication.ARCHIVED]
    },
    "member_world": {"enum": list(World.values)},
    "siren": {"pattern": r"\d{9}"},
    "siret": {"pattern": r"\d{14}"},
    "rna": {"pattern": r"W[0-9A-Z]{9}"},
    "member_commune": {"pattern": r"[0-9][0-9AB][0-9]{3}"},
    "goals": {"pattern": r"\d{1,2}( *; *\d{1,2})*"},
}


def alliance_schema() -> dict:
    """The Table Schema, in the style of schema.data.gouv.fr (French metadata)."""
    fields = []
    for column in SCHEMA_COLUMNS:
        title, example = _TITLES[column.name]
        field = {
            "name": column.name,
            "title": title,
            "description": str(column.help),
            "type": "date" if column.name.endswith("_date") else "string",
            "example": example,
        }
        if field["type"] == "date":
            field["format"] = "%Y-%m-%d"
        if column.name in _CONSTRAINTS:
            field["constraints"] = _CONSTRAINTS[column.name]
        fields.append(field)
    return {
        "$schema": "https://frictionlessdata.io/schemas/table-schema.json",
        "name": "alliances",
        "title": "Alliances entre acteurs pour les ODD",
        "description": (
            "Alliances entre associations, entreprises, collectivités, initiatives citoyennes "
            "et monde académique : une ligne par couple alliance–membre. Les lignes partageant "
            "une même référence (alliance_ref) décrivent une alliance, qui compte au moins deux "
            "membres ; ses champs figurent sur sa première ligne et peuvent être répétés à "
            "l'identique sur les suivantes."
        ),
        "countryCode": "FR",
        "version": SCHEMA_VERSION,
        "created": "2026-11-26",
        "lastModified": "2026-11-26",
        "licenses": [
            {
                "title": "Licence Ouverte / Open Licence version 2.0",
                "name": "etalab-2.0",
                "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            }
        ],
        "contributors": [{"title": "Projet Alliances", "role": "author"}],
        "missingValues": [""],
        "fields": fields,
    }


def alliance_schema_rows():
    """Published alliances, one row per member, in the schema's column order."""
    alliances = published_alliances().order_by("pk")
    ids = list(alliances.values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = (
            Alliance.objects.filter(pk__in=ids[start : start + CHUNK])
            .order_by("pk")
            .prefetch_related("territories", "goals")
        )
        members: dict[int, list] = {}
        for membership in (
            Membership.objects.filter(
                alliance_id__in=ids[start : start + CHUNK],
                organisation__in=public_organisations(),
            )
            .select_related("organisation__commune")
            .order_by("alliance_id", "pk")
        ):
            members.setdefault(membership.alliance_id, []).append(membership)
        for alliance in chunk:
            territories = "; ".join(
                f"{t.kind}:{t.code}" for t in sorted(alliance.territories.all(), key=_place)
            )
            goals = "; ".join(str(n) for n in sorted(g.number for g in alliance.goals.all()))
            for membership in members.get(alliance.pk, []):
                organisation = membership.organisation
                public = organisation.diffusible
                yield (
                    str(alliance.pk),
                    alliance.title,
                    alliance.summary,
                    alliance.alliance_type,
                    alliance.status,
                    alliance.start_date,
                    alliance.end_date,
                    territories,
                    goals,
                    Publication.PUBLISHED,
                    organisation.name if public else NON_PUBLIC_NAME,
                    organisation.world,
                    membership.role,
                    organisation.siren,
                    organisation.siret if public else "",
                    organisation.rna_id,
                    organisation.commune.code if public and organisation.commune else "",
                )


def _place(territory):
    return (territory.kind, territory.code)
