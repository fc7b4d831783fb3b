"""Alliances and memberships, bulk-loaded between the organisations already in the database."""

import random

from benchmarks.generate.common import Picker

NATIONAL_ALLIANCES = 100_000


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
