"""Alliances from a spreadsheet: check (dry run, line by line), then one atomic commit.

Members are matched to the registry by SIREN, SIRET or RNA number. A member given without
identifier is compared, by name, with the organisations of its commune: a near-identical name
is only *proposed*; it is used once confirmed (`organisation_id` column, or the confirmation
form of the staff page). Until every proposal is answered, nothing can be committed.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliances.core.text import fold
from alliances.registry.enums import OrganisationStatus, Publication, Source
from alliances.registry.importers.alliance_sheet import NEW, MemberRow, Problem, read_sheet
from alliances.registry.matching import CommuneNames, name_key
from alliances.registry.models import Alliance, Membership, Organisation, PublicationEvent
from alliances.sdg.models import Goal
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

# What happens to a member line.
EXISTING = "existing"  # matched by identifier
CONFIRMED = "confirmed"  # matched by a confirmed organisation number
CREATE = "create"  # a new organisation will be created
TO_CONFIRM = "to_confirm"  # near-identical names found: waiting for a decision


@dataclass(frozen=True)
class Proposal:
    organisation_id: int
    name: str
    score: float


@dataclass
class MemberPlan:
    row: MemberRow
    action: str
    organisation: Organisation | None = None
    matched_by: str = ""
    proposals: list[Proposal] = field(default_factory=list)
    already_member: bool = False
    commune: Territory | None = None


@dataclass
class AlliancePlan:
    ref: str
    values: dict
    existing: Alliance | None
    members: list[MemberPlan] = field(default_factory=list)
    territories: list[Territory] = field(default_factory=list)


@dataclass
class AllianceImportReport:
    filename: str
    alliances: list[AlliancePlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    committed: bool = False
    alliances_created: int = 0
    organisations_created: int = 0
    memberships_added: int = 0

    @property
    def members(self) -> list[MemberPlan]:
        return [member for plan in self.alliances for member in plan.members]

    @property
    def to_confirm(self) -> list[MemberPlan]:
        return [member for member in self.members if member.action == TO_CONFIRM]

    @property
    def ready(self) -> bool:
        return not self.problems and not self.to_confirm and bool(self.alliances)

    def summary(self) -> str:
        members = self.members
        new_alliances = sum(1 for plan in self.alliances if plan.existing is None)
        text = _(
            "%(alliances)d alliances (%(new)d new), %(members)d member lines: "
            "%(existing)d matched, %(create)d new organisations, %(confirm)d to confirm; "
            "%(problems)d problems"
        ) % {
            "alliances": len(self.alliances),
            "new": new_alliances,
            "members": len(members),
            "existing": sum(1 for m in members if m.action in (EXISTING, CONFIRMED)),
            "create": sum(1 for m in members if m.action == CREATE),
            "confirm": len(self.to_confirm),
            "problems": len(self.problems),
        }
        if self.committed:
            return text + " — " + _("committed")
        return text + " — " + _("nothing written")


def alliances_import(
    *,
    content: bytes,
    filename: str,
    commit: bool = False,
    confirmations: dict[int, str] | None = None,
    by=None,
) -> AllianceImportReport:
    """Check a spreadsheet of alliances; with `commit`, write it if it is ready, atomically.

    `confirmations` maps a line number to an organisation number or "new": the answers given
    on the staff page to the proposals of the dry run (the file's `organisation_id` column
    plays the same part).
    """
    report = AllianceImportReport(filename=filename)
    rows, report.problems = read_sheet(content, filename)
    if not rows:
        return report
    for line, answer in (confirmations or {}).items():
        for row in rows:
            if row.line == line and row.organisation_id is None and not row.force_new:
                if answer == NEW:
                    row.force_new = True
                elif str(answer).isdigit():
                    row.organisation_id = int(answer)
    _plan(rows, report, check_sizes=not report.problems)
    if commit and report.ready:
        _commit(report, by=by)
    return report


def _plan(rows: list[MemberRow], report: AllianceImportReport, *, check_sizes: bool) -> None:
    problems = report.problems
    territories = _territories(rows)
    communes = {
        territory.code: territory
        for territory in Territory.objects.filter(
            kind__in=[TerritoryKind.COMMUNE, TerritoryKind.ARRONDISSEMENT],
            code__in={row.commune_code for row in rows if row.commune_code},
        )
    }
    names = CommuneNames(Organisation.objects.displayable())
    plans: dict[str, AlliancePlan] = {}
    lines_of: dict[str, list[int]] = {}
    for row in rows:
        lines_of.setdefault(row.alliance_ref, []).append(row.line)
        plan = plans.get(row.alliance_ref)
        if plan is None:
            existing = Alliance.objects.filter(search_title=fold(row.alliance["title"])).first()
            plan = plans[row.alliance_ref] = AlliancePlan(row.alliance_ref, row.alliance, existing)
            for kind, code in row.alliance["territories"]:
                territory = territories.get((kind, code))
                if territory is None:
                    problems.append(
                        Problem(
                            row.line,
                            _("territories: no %(kind)s has the code “%(code)s”.")
                            % {"kind": kind, "code": code},
                        )
                    )
                else:
                    plan.territories.append(territory)
        commune = communes.get(row.commune_code) if row.commune_code else None
        if row.commune_code and commune is None:
            problems.append(
                Problem(
                    row.line,
                    _("member_commune: no commune has the INSEE code “%(code)s”.")
                    % {"code": row.commune_code},
                )
            )
            continue
        member = _match(row, commune, names, problems)
        if member is None:
            continue
        if plan.existing is not None and member.organisation is not None:
            member.already_member = Membership.objects.filter(
                alliance=plan.existing, organisation=member.organisation, role=row.role
            ).exists()
        plan.members.append(member)
    for plan in plans.values():
        if check_sizes and plan.existing is None and len(lines_of[plan.ref]) < 2:
            problems.append(
                Problem(
                    lines_of[plan.ref][0],
                    _("alliance “%(ref)s”: an alliance needs at least two members.")
                    % {"ref": plan.ref},
                )
            )
    report.alliances = list(plans.values())
    report.problems.sort(key=lambda problem: problem.line)


def _new_key(row: MemberRow, commune) -> tuple:
    if row.siren or row.rna:
        return ("id", row.siren, row.rna)
    return ("name", name_key(row.name), commune.pk if commune else None, row.world)


def _territories(rows) -> dict:
    wanted = {pair for row in rows for pair in row.alliance["territories"]}
    found = {}
    for kind in {kind for kind, _code in wanted}:
        codes = {code for wanted_kind, code in wanted if wanted_kind == kind}
        for territory in Territory.objects.filter(kind=kind, code__in=codes):
            found[(kind, territory.code)] = territory
    return found


def _match(row: MemberRow, commune, names: CommuneNames, problems) -> MemberPlan | None:
    by_identifier = {}
    for label, column, value in (
        ("SIREN", "siren", row.siren),
        ("RNA", "rna_id", row.rna),
        ("SIRET", "siret", row.siret),
    ):
        if value:
            for organisation in Organisation.objects.filter(**{column: value})[:2]:
                by_identifier.setdefault(organisation.pk, (organisation, label))
    if len(by_identifier) > 1:
        problems.append(
            Problem(
                row.line,
                _("the identifiers point to different organisations (%(ids)s): check them.")
                % {"ids": ", ".join(f"#{pk}" for pk in sorted(by_identifier))},
            )
        )
        return None
    if row.organisation_id is not None:
        chosen = Organisation.objects.filter(pk=row.organisation_id).first()
        if chosen is None:
            problems.append(
                Problem(
                    row.line,
                    _("organisation_id: there is no organisation number %(id)d.")
                    % {"id": row.organisation_id},
                )
            )
            return None
        if by_identifier and chosen.pk not in by_identifier:
            problems.append(
                Problem(
                    row.line,
                    _("organisation_id: organisation #%(id)d does not have these identifiers.")
                    % {"id": chosen.pk},
                )
            )
            return None
        return MemberPlan(row, CONFIRMED, chosen, _("confirmed number"), commune=commune)
    if by_identifier:
        organisation, label = next(iter(by_identifier.values()))
        return MemberPlan(row, EXISTING, organisation, label, commune=commune)
    if row.force_new or row.siren or row.rna or row.siret or commune is None:
        return MemberPlan(row, CREATE, commune=commune)
    candidates = names.similar(row.name, commune.pk)
    if not candidates:
        return MemberPlan(row, CREATE, commune=commune)
    return MemberPlan(
        row,
        TO_CONFIRM,
        proposals=[Proposal(c.organisation_id, c.name, round(c.score)) for c in candidates],
        commune=commune,
    )


@transaction.atomic
def _commit(report: AllianceImportReport, *, by) -> None:
    now = timezone.now()
    created: dict[tuple, Organisation] = {}
    for plan in report.alliances:
        values = plan.values
        alliance = plan.existing
        if alliance is None:
            publication = values["publication"]
            alliance = Alliance.objects.create(
                title=values["title"],
                summary=values["summary"],
                alliance_type=values["alliance_type"],
                status=values["status"],
                start_date=values["start_date"],
                end_date=values["end_date"],
                publication=publication,
                published_at=now if publication == Publication.PUBLISHED else None,
                source=Source.SPREADSHEET,
            )
            PublicationEvent.objects.create(
                alliance=alliance,
                from_state="",
                to_state=publication,
                by=by if by is not None and by.is_authenticated else None,
                note=(_("imported from %(file)s") % {"file": report.filename})[:500],
            )
            report.alliances_created += 1
        alliance.territories.add(*plan.territories)
        if values["goals"]:
            alliance.goals.add(*Goal.objects.filter(number__in=values["goals"]))
        for member in plan.members:
            organisation = member.organisation
            if organisation is None:
                key = _new_key(member.row, member.commune)
                organisation = created.get(key)
                if organisation is None:
                    organisation = created[key] = _create_organisation(member, report, now)
            _membership, added = Membership.objects.get_or_create(
                alliance=alliance, organisation=organisation, role=member.row.role
            )
            report.memberships_added += int(added)
    report.committed = True


def _create_organisation(member: MemberPlan, report, now) -> Organisation:
    row = member.row
    report.organisations_created += 1
    return Organisation.objects.create(
        name=row.name[:300],
        world=row.world,
        siren=row.siren or None,
        siret=row.siret,
        rna_id=row.rna or None,
        commune=member.commune,
        status=OrganisationStatus.ACTIVE,
        source=Source.SPREADSHEET,
        source_file=report.filename[:200],
        imported_at=now,
    )
