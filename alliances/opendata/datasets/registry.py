"""Organisations, published alliances, their members and the catalysts."""

from itertools import islice

from alliances.opendata.datasets.base import (
    CHUNK,
    Dataset,
    ForeignKey,
    day,
    flag,
    identifier,
    integer,
    moment,
    stream,
    text,
)
from alliances.opendata.writers import sql_csv_day, sql_csv_flag, sql_csv_text
from alliances.registry.enums import (
    AllianceStatus,
    AllianceType,
    MembershipRole,
    OrganisationStatus,
    World,
)
from alliances.registry.models import Alliance, Catalyst, Membership, Organisation
from alliances.territories.models import Territory

NON_PUBLIC_NAME = "Unité légale non diffusible"


def public_organisations():
    return Organisation.objects.displayable()


def _organisation_rows():
    columns = (
        "pk", "name", "diffusible", "world", "siren", "siret", "rna_id", "commune__code",
        "departement__code", "status", "ess", "created_on", "closed_on", "website",
    )  # fmt: skip
    for row in stream(public_organisations().order_by("pk"), *columns):
        pk, name, diffusible, world, siren, siret, rna, commune, dept, status, ess = row[:11]
        created_on, closed_on, website = row[11:]
        if not diffusible:
            # A legal unit that asked INSEE not to be diffused (often a sole trader: a person):
            # neither its name nor where it is nor how to reach it leave the platform.
            name, siret, commune, website = NON_PUBLIC_NAME, "", "", ""
        yield (
            pk, name, diffusible, world, siren, siret, rna, commune or "", dept or "", status,
            ess, created_on, closed_on, website,
        )  # fmt: skip


def _organisation_copy_sql() -> tuple[str, list]:
    """`_organisation_rows` as PostgreSQL writes it (`writers.write_csv`): same rows, same rules."""
    organisation = Organisation._meta.db_table
    territory = Territory._meta.db_table
    public = "o.diffusible"
    sql = f"""
        SELECT o.id,
            CASE WHEN {public} THEN {sql_csv_text("o.name")} ELSE %s END,
            {sql_csv_flag(public)},
            {sql_csv_text("o.world")},
            {sql_csv_text("o.siren")},
            CASE WHEN {public} THEN {sql_csv_text("o.siret")} END,
            {sql_csv_text("o.rna_id")},
            CASE WHEN {public} THEN {sql_csv_text("c.code")} END,
            {sql_csv_text("d.code")},
            {sql_csv_text("o.status")},
            {sql_csv_flag("o.ess")},
            {sql_csv_day("o.created_on")},
            {sql_csv_day("o.closed_on")},
            CASE WHEN {public} THEN {sql_csv_text("o.website")} END
        FROM {organisation} o
        LEFT JOIN {territory} c ON c.id = o.commune_id
        LEFT JOIN {territory} d ON d.id = o.departement_id
        WHERE o.status <> %s
        ORDER BY o.id
    """  # noqa: S608 — table names from the models, values as parameters
    return sql, [NON_PUBLIC_NAME, OrganisationStatus.DELETED.value]


ORGANISATIONS = Dataset(
    name="organisations",
    title_fr="Organisations du registre",
    title_en="Organisations of the registry",
    description_fr=(
        "Associations, entreprises, collectivités, initiatives citoyennes et établissements "
        "académiques recensés. Les unités légales non diffusibles n'apparaissent que par leur "
        "SIREN, sans nom ni localisation."
    ),
    description_en=(
        "Associations, companies, local authorities, citizen initiatives and academic bodies. "
        "Non-diffusible legal units appear only by their SIREN, without name or location."
    ),
    fields=(
        identifier(),
        text("name", "Nom", required=True),
        flag("diffusible", "Diffusible", "Faux : unité légale non diffusible (nom masqué)."),
        text("world", "Monde", enum=tuple(World.values), required=True),
        text("siren", "SIREN", pattern=r"\d{9}"),
        text("siret", "SIRET du siège", pattern=r"\d{14}"),
        text("rna", "Numéro RNA", pattern=r"W[0-9A-Z]{9}"),
        text("commune_code", "Code INSEE de la commune"),
        text("departement_code", "Code du département"),
        text("status", "Situation", enum=tuple(OrganisationStatus.values)),
        flag("ess", "Économie sociale et solidaire"),
        day("created_on", "Date de création"),
        day("closed_on", "Date de dissolution ou de fermeture"),
        text("website", "Site web"),
    ),
    primary_key=("id",),
    rows=_organisation_rows,
    copy_sql=_organisation_copy_sql,
)


def _chunks(iterator):
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def published_alliances():
    return Alliance.objects.published()


def _alliance_rows():
    columns = (
        "pk", "title", "summary", "alliance_type", "status", "start_date", "end_date",
        "published_at",
    )  # fmt: skip
    through_territories = Alliance.territories.through.objects
    through_goals = Alliance.goals.through.objects
    for chunk in _chunks(stream(published_alliances().order_by("pk"), *columns)):
        ids = [row[0] for row in chunk]
        territories: dict[int, list[str]] = {}
        for alliance_id, kind, code in (
            through_territories.filter(alliance_id__in=ids)
            .values_list("alliance_id", "territory__kind", "territory__code")
            .order_by("alliance_id", "territory__kind", "territory__code")
        ):
            territories.setdefault(alliance_id, []).append(f"{kind}:{code}")
        goals: dict[int, list[str]] = {}
        for alliance_id, number in (
            through_goals.filter(alliance_id__in=ids)
            .values_list("alliance_id", "goal__number")
            .order_by("alliance_id", "goal__number")
        ):
            goals.setdefault(alliance_id, []).append(str(number))
        for row in chunk:
            yield (
                *row,
                "; ".join(territories.get(row[0], [])),
                "; ".join(goals.get(row[0], [])),
            )


ALLIANCES = Dataset(
    name="alliances",
    title_fr="Alliances publiées",
    title_en="Published alliances",
    description_fr="Alliances entre acteurs publiées après modération, avec territoires et ODD.",
    description_en="Alliances published after moderation, with their territories and SDGs.",
    fields=(
        identifier(),
        text("title", "Titre", required=True),
        text("summary", "Résumé"),
        text("alliance_type", "Type d'alliance", enum=tuple(AllianceType.values)),
        text("status", "Statut", enum=tuple(AllianceStatus.values), required=True),
        day("start_date", "Date de début"),
        day("end_date", "Date de fin"),
        moment("published_at", "Publiée le"),
        text("territories", "Territoires", "type:code INSEE séparés par « ; »."),
        text("goals", "ODD", "Numéros des objectifs de développement durable, séparés par « ; »."),
    ),
    primary_key=("id",),
    rows=_alliance_rows,
)


def _member_rows():
    members = Membership.objects.filter(
        alliance__in=published_alliances(), organisation__in=public_organisations()
    ).order_by("alliance_id", "organisation_id", "role")
    return stream(members, "alliance_id", "organisation_id", "role")


ALLIANCE_MEMBERS = Dataset(
    name="alliance-members",
    title_fr="Membres des alliances",
    title_en="Alliance members",
    description_fr="Quelle organisation participe à quelle alliance publiée, et dans quel rôle.",
    description_en="Which organisation takes part in which published alliance, in which role.",
    fields=(
        integer("alliance_id", "Alliance", required=True),
        integer("organisation_id", "Organisation", required=True),
        text("role", "Rôle", enum=tuple(MembershipRole.values), required=True),
    ),
    primary_key=("alliance_id", "organisation_id", "role"),
    foreign_keys=(
        ForeignKey(("alliance_id",), "alliances", ("id",)),
        ForeignKey(("organisation_id",), "organisations", ("id",)),
    ),
    rows=_member_rows,
)


def _catalyst_rows():
    catalysts = Catalyst.objects.exclude(organisation__status=OrganisationStatus.DELETED)
    columns = ("pk", "organisation_id", "description", "contact_url", "is_active")
    through = Catalyst.territories.through.objects
    for chunk in _chunks(stream(catalysts.order_by("pk"), *columns)):
        ids = [row[0] for row in chunk]
        territories: dict[int, list[str]] = {}
        for catalyst_id, kind, code in (
            through.filter(catalyst_id__in=ids)
            .values_list("catalyst_id", "territory__kind", "territory__code")
            .order_by("catalyst_id", "territory__kind", "territory__code")
        ):
            territories.setdefault(catalyst_id, []).append(f"{kind}:{code}")
        for pk, organisation_id, description, contact_url, active in chunk:
            person = organisation_id is None
            yield (
                pk,
                "person" if person else "organisation",
                organisation_id,
                # A person appears by role only: no name, no words about them, no contact.
                "" if person else description,
                "" if person else contact_url,
                "; ".join(territories.get(pk, [])),
                active,
            )


CATALYSTS = Dataset(
    name="catalysts",
    title_fr="Catalyseurs d'alliances",
    title_en="Alliance catalysts",
    description_fr=(
        "Organisations et personnes qui aident des alliances à naître, par territoire. "
        "Les personnes n'apparaissent que par leur rôle."
    ),
    description_en=(
        "Organisations and people who help alliances start, by territory. People appear by "
        "their role only."
    ),
    fields=(
        identifier(),
        text("kind", "Nature", enum=("organisation", "person"), required=True),
        integer("organisation_id", "Organisation"),
        text("description", "Description"),
        text("contact_url", "Page de contact"),
        text("territories", "Territoires servis", "type:code INSEE séparés par « ; »."),
        flag("active", "Actif"),
    ),
    primary_key=("id",),
    foreign_keys=(ForeignKey(("organisation_id",), "organisations", ("id",)),),
    rows=_catalyst_rows,
)
