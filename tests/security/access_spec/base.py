"""The vocabulary of the access spec: roles, role sets, `Rule`, and the objects each rule is
probed on (built from the matrix's fixture data)."""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = (
    "anonymous",
    "contributor",
    "org_member",
    "org_admin",
    "catalyst_in",
    "catalyst_out",
    "moderator",
    "pilot",
    "co_pilot",
    "organiser",
    "admin",
)

EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
NOBODY = frozenset()
ADMIN = frozenset({"admin"})
MODERATORS = frozenset({"moderator", "admin"})
# Who moderates the registry and contributions in territory A (the "own" territory).
MODERATORS_IN_A = MODERATORS | {"catalyst_in"}
CATALYSTS_AND_MODERATORS = MODERATORS | {"catalyst_in", "catalyst_out"}
ORGANISATION_A_ADMINS = MODERATORS | {"org_admin"}
PROGRAMME_MANAGERS = frozenset({"co_pilot", "admin"})
MEASURE_EDITORS = frozenset({"pilot", "co_pilot", "admin"})
EVENT_MANAGERS = MODERATORS | {"organiser"}


@dataclass(frozen=True)
class Scoped:
    own: frozenset
    other: frozenset


# The people of organisation A, a member of the alliance published in A.
EVALUATORS_OF_A = Scoped(own=frozenset({"org_member", "org_admin"}), other=NOBODY)


@dataclass(frozen=True)
class Rule:
    read: frozenset | Scoped | None = None
    export: frozenset | Scoped | None = None
    write: frozenset | Scoped | None = None
    delete: frozenset | Scoped | None = None
    # (data, role) → {"own": kwargs, "other": kwargs}, or {"-": kwargs} without ownership.
    objects: Callable | None = None
    post: Callable | dict = field(default_factory=dict)
    # How a write is sent: "post", or "patch" for an API resource changed in place.
    write_method: str = "post"
    # Expensive to render (PDF, whole-network files): requested by fewer roles.
    heavy: bool = False
    note: str = ""

    def get_roles(self, variant: str) -> frozenset:
        return _pick(self.read, variant) | _pick(self.export, variant)

    def post_roles(self, variant: str) -> frozenset:
        return _pick(self.write, variant) | _pick(self.delete, variant)


def _pick(value, variant: str) -> frozenset:
    if value is None:
        return NOBODY
    if isinstance(value, Scoped):
        return value.other if variant == "other" else value.own
    return value


def own_other(own: dict, other: dict) -> Callable:
    """Objects given as attribute names of the fixture data: {"pk": "alliance_sub_a.pk"}."""

    def build(data, role):
        return {"own": _resolve(data, own), "other": _resolve(data, other)}

    return build


def fixed(**kwargs) -> Callable:
    def build(data, role):
        return {"-": _resolve(data, kwargs)}

    return build


def _resolve(data, kwargs: dict) -> dict:
    resolved = {}
    for name, value in kwargs.items():
        if isinstance(value, str) and value.startswith("@"):
            target = data
            for part in value[1:].split("."):
                target = getattr(target, part)
            resolved[name] = target
        else:
            resolved[name] = value
    return resolved


PROGRAMME = {"slug": "@programme.slug"}
MEASURES = own_other(
    {"slug": "@programme.slug", "code": "@measure_own.code"},
    {"slug": "@programme.slug", "code": "@measure_other.code"},
)
PROGRAMMES = own_other({"slug": "@programme.slug"}, {"slug": "@programme_other.slug"})
DEPARTEMENT = fixed(kind="departement", code="01")
STUDY = fixed(slug="@study.slug")
STUDIES = own_other({"slug": "@study.slug"}, {"slug": "@study_draft.slug"})
ALLIANCES_SUBMITTED = own_other({"pk": "@alliance_sub_a.pk"}, {"pk": "@alliance_sub_b.pk"})
ORGANISATIONS = own_other({"pk": "@organisation_a.pk"}, {"pk": "@organisation_b.pk"})
EVENTS = own_other({"pk": "@event_a.pk"}, {"pk": "@event_b.pk"})
CONTRIBUTIONS = own_other({"pk": "@contribution_a.pk"}, {"pk": "@contribution_b.pk"})
RESOURCES = own_other({"pk": "@resource_own.pk"}, {"pk": "@resource_other.pk"})
DEBATE = fixed(pk="@debate.pk")
PUBLISHED_ALLIANCES = own_other({"pk": "@alliance_pub_a.pk"}, {"pk": "@alliance_pub_b.pk"})


def per_user_objects(attribute: str) -> Callable:
    """The requester's own object (their token, saved search…) and somebody else's."""

    def build(data, role):
        mine = data.per_user[attribute].get(role)
        theirs = data.per_user[attribute]["someone"]
        variants = {"other": {"pk": theirs}}
        if mine is not None:
            variants["own"] = {"pk": mine}
        return variants

    return build


def export_links(data, role):
    own = data.per_user["export_link"].get(role)
    variants = {"other": {"signed": data.per_user["export_link"]["someone"]}}
    if own is not None:
        variants["own"] = {"signed": own}
    return variants


OLD_ADDRESS = "An old address: any request is redirected to the new one."

# Allowed for the account holder themselves ("own"), never for another account ("other").
SELF = Scoped(own=SIGNED_IN, other=NOBODY)
