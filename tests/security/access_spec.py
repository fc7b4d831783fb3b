"""Who may reach every endpoint: the table the access matrix test checks.

Every URL pattern of the project (HTML, API, accounts, admin) is a key of `SPEC` (its URL name,
or its route when it has none) or matches a prefix rule of `PREFIX_RULES`; a pattern neither
names fails `test_access_matrix`, so a new endpoint cannot go unclassified.

For each endpoint, `Rule` says which roles may `read` (GET a page or data), `export` (GET a
file), `write` (POST a form or an action) and `delete` (POST that deletes). A role set applies
to every object; `Scoped(own=…, other=…)` gives one set for the objects of the roles' own
organisation, territory, measure or account ("own") and one for everybody else's ("other").
What is not granted is denied: a GET or POST by anyone else must be refused (302 to sign-in,
401, 403, 404 or 405), whatever the role.
"""

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


def _per_user(attribute: str) -> Callable:
    """The requester's own object (their token, saved search…) and somebody else's."""

    def build(data, role):
        mine = data.per_user[attribute].get(role)
        theirs = data.per_user[attribute]["someone"]
        variants = {"other": {"pk": theirs}}
        if mine is not None:
            variants["own"] = {"pk": mine}
        return variants

    return build


def _export_link(data, role):
    own = data.per_user["export_link"].get(role)
    variants = {"other": {"signed": data.per_user["export_link"]["someone"]}}
    if own is not None:
        variants["own"] = {"signed": own}
    return variants


OLD_ADDRESS = "An old address: any request is redirected to the new one."

# Allowed for the account holder themselves ("own"), never for another account ("other").
SELF = Scoped(own=SIGNED_IN, other=NOBODY)

SPEC: dict[str, Rule] = {
    # --- Language switch and public pages -----------------------------------------------------
    "set_language": Rule(
        read=EVERYONE, write=EVERYONE, post={"language": "en"}, note="A GET just redirects."
    ),
    "web:home": Rule(read=EVERYONE),
    "web:accessibility": Rule(read=EVERYONE),
    "web:accessibility_plan": Rule(read=EVERYONE),
    "web:legal": Rule(read=EVERYONE),
    "web:privacy": Rule(read=EVERYONE),
    "security_txt": Rule(read=EVERYONE),
    # --- Open data ---------------------------------------------------------------------------
    "web:opendata": Rule(read=EVERYONE),
    "web:opendata_schema": Rule(read=EVERYONE),
    "web:opendata_file": Rule(
        objects=fixed(name="no-such-file.csv"),
        note="Files exist once `alliances export_opendata` ran: a missing one is 404 for all.",
    ),
    # --- Territories and the observatory -----------------------------------------------------
    "web:territory_index": Rule(read=EVERYONE),
    "web:territory": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "web:observatory_map": Rule(read=EVERYONE),
    "web:observatory_map_csv": Rule(export=EVERYONE),
    "web:diagnostic_france": Rule(read=EVERYONE),
    "web:diagnostic_france_csv": Rule(export=EVERYONE, objects=fixed(slug="actors")),
    "web:diagnostic_france_pdf": Rule(export=EVERYONE, heavy=True),
    "web:network_france": Rule(read=EVERYONE),
    "web:network_france_csv": Rule(export=EVERYONE),
    "web:network_france_export": Rule(export=EVERYONE, objects=fixed(fmt="graphml"), heavy=True),
    "web:diagnostic": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "web:diagnostic_csv": Rule(
        export=EVERYONE, objects=fixed(kind="departement", code="01", slug="actors")
    ),
    "web:diagnostic_pdf": Rule(export=EVERYONE, objects=DEPARTEMENT, heavy=True),
    "web:network": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "web:network_csv": Rule(export=EVERYONE, objects=DEPARTEMENT),
    "web:network_export": Rule(
        export=EVERYONE, objects=fixed(kind="departement", code="01", fmt="gexf"), heavy=True
    ),
    "web:network_france_bipartite": Rule(export=EVERYONE, objects=fixed(fmt="graphml"), heavy=True),
    "web:network_bipartite": Rule(
        export=EVERYONE, objects=fixed(kind="departement", code="01", fmt="gexf"), heavy=True
    ),
    "web:challenge": Rule(read=EVERYONE),
    "web:goal_index": Rule(read=EVERYONE),
    "web:goal": Rule(read=EVERYONE, objects=fixed(number=11)),
    # --- Roadmap steering: reads public, edits by pilots (own measure) and co-pilots ----------
    "web:programme_list": Rule(read=EVERYONE),
    "web:programme": Rule(read=EVERYONE, objects=fixed(**PROGRAMME)),
    "web:programme_system": Rule(read=EVERYONE, objects=fixed(**PROGRAMME)),
    "web:programme_timeline": Rule(read=EVERYONE, objects=fixed(**PROGRAMME)),
    "web:measure": Rule(read=EVERYONE, objects=MEASURES),
    "web:measure_edit": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
    ),
    "web:progress_update_add": Rule(
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
    ),
    "web:milestone_add": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
    ),
    "web:milestone_edit": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=own_other(
            {
                "slug": "@programme.slug",
                "code": "@measure_own.code",
                "pk": "@milestone_own.pk",
            },
            {
                "slug": "@programme.slug",
                "code": "@measure_other.code",
                "pk": "@milestone_other.pk",
            },
        ),
    ),
    "web:indicator_value_add": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=own_other(
            {"slug": "@programme.slug", "pk": "@indicator_own.pk"},
            {"slug": "@programme.slug", "pk": "@indicator_other.pk"},
        ),
    ),
    "web:indicator_override": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=own_other(
            {"slug": "@programme.slug", "pk": "@indicator_own.pk"},
            {"slug": "@programme.slug", "pk": "@indicator_other.pk"},
        ),
    ),
    "web:measure_confirm": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
    ),
    "web:reports": Rule(
        read=EVERYONE,
        write=Scoped(own=PROGRAMME_MANAGERS, other=ADMIN),
        objects=PROGRAMMES,
    ),
    "web:report": Rule(read=EVERYONE, objects=fixed(slug="@programme.slug", pk="@report.pk")),
    "web:report_pdf": Rule(
        export=EVERYONE, objects=fixed(slug="@programme.slug", pk="@report.pk"), heavy=True
    ),
    "web:programme_export": Rule(
        export=EVERYONE, objects=fixed(slug="@programme.slug", fmt="xlsx")
    ),
    "web:programme_import": Rule(
        read=Scoped(own=PROGRAMME_MANAGERS, other=ADMIN),
        write=Scoped(own=PROGRAMME_MANAGERS, other=ADMIN),
        objects=PROGRAMMES,
    ),
    # Debates on measures: opened, closed and concluded by the programme's co-pilots.
    "web:debate_add": Rule(read=PROGRAMME_MANAGERS, write=PROGRAMME_MANAGERS, objects=MEASURES),
    "web:debate": Rule(read=EVERYONE, objects=DEBATE),
    "web:debate_close": Rule(write=PROGRAMME_MANAGERS, objects=DEBATE),
    "web:debate_conclude": Rule(write=PROGRAMME_MANAGERS, objects=DEBATE),
    # --- Studies: published ones public, drafts and tools for study editors (moderators) -----
    "web:study_index": Rule(read=EVERYONE),
    "web:study": Rule(read=Scoped(own=EVERYONE, other=MODERATORS), objects=STUDIES),
    "web:study_import": Rule(read=MODERATORS, write=MODERATORS, objects=STUDIES),
    "web:study_weighting": Rule(read=MODERATORS, write=MODERATORS, objects=STUDIES),
    "web:study_download": Rule(
        export=EVERYONE, objects=fixed(slug="@study.slug", extension="xlsx")
    ),
    "web:study_question_csv": Rule(
        export=EVERYONE, objects=fixed(slug="@study.slug", variable="jouer_collectif")
    ),
    # --- Registry --------------------------------------------------------------------------
    "web:registry_search": Rule(read=EVERYONE),
    "web:organisation_list": Rule(read=EVERYONE),
    "web:organisation": Rule(read=EVERYONE, objects=ORGANISATIONS),
    "web:organisation_edit": Rule(
        read=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        write=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        objects=ORGANISATIONS,
    ),
    "web:organisation_members": Rule(
        read=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        write=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        objects=ORGANISATIONS,
    ),
    "web:organisation_member_change": Rule(
        write=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        delete=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        objects=own_other(
            {"pk": "@organisation_a.pk", "member": "@membership_a.pk"},
            {"pk": "@organisation_b.pk", "member": "@membership_b.pk"},
        ),
        post={"role": "admin"},
    ),
    "web:alliance_list": Rule(read=EVERYONE),
    "web:alliance_submit": Rule(read=EVERYONE, write=EVERYONE),
    "web:alliance": Rule(
        read=Scoped(own=MODERATORS_IN_A | {"org_member", "org_admin"}, other=MODERATORS),
        objects=ALLIANCES_SUBMITTED,
        note="Submitted alliances; published ones are public (leak sentinels check the rest).",
    ),
    "web:alliance_template": Rule(export=EVERYONE, objects=fixed(fmt="xlsx")),
    "web:alliance_import": Rule(read=MODERATORS, write=MODERATORS),
    "web:duplicates": Rule(read=MODERATORS),
    "web:duplicate_merge": Rule(write=MODERATORS),
    "web:catalyst_list": Rule(read=EVERYONE),
    "web:correction_report": Rule(
        read=EVERYONE,
        write=EVERYONE,
        objects=own_other(
            {"kind": "organisation", "pk": "@organisation_a.pk"},
            {"kind": "alliance", "pk": "@alliance_pub_b.pk"},
        ),
    ),
    "web:moderation": Rule(read=CATALYSTS_AND_MODERATORS),
    "web:moderation_alliance": Rule(
        write=Scoped(own=MODERATORS_IN_A, other=MODERATORS),
        objects=ALLIANCES_SUBMITTED,
        post={"to": "published"},
    ),
    "web:moderation_correction": Rule(
        write=Scoped(own=MODERATORS_IN_A, other=MODERATORS),
        objects=own_other({"pk": "@correction_a.pk"}, {"pk": "@correction_b.pk"}),
        post={"status": "accepted"},
    ),
    # --- Mobilisation -------------------------------------------------------------------------
    "web:event_list": Rule(read=EVERYONE),
    "web:events_feed": Rule(export=EVERYONE),
    "web:event": Rule(read=EVERYONE, objects=EVENTS),
    "web:event_register": Rule(write=EVERYONE, objects=EVENTS),
    "web:event_ical": Rule(export=EVERYONE, objects=EVENTS),
    "web:event_attendees": Rule(
        export=Scoped(own=EVENT_MANAGERS, other=MODERATORS),
        objects=own_other({"pk": "@event_a.pk", "fmt": "csv"}, {"pk": "@event_b.pk", "fmt": "csv"}),
    ),
    "web:registration_cancel": Rule(
        read=Scoped(own=EVERYONE, other=NOBODY),
        write=Scoped(own=EVERYONE, other=NOBODY),
        objects=own_other({"token": "@cancel_token"}, {"token": "forged-token"}),
        note="A capability link: the signed token is the key, for whoever holds it.",
    ),
    "web:contribution_add": Rule(
        write=SIGNED_IN,
        objects=own_other(
            {"kind": "alliance", "pk": "@alliance_pub_a.pk"},
            {"kind": "measure", "pk": "@measure_other.pk"},
        ),
    ),
    "web:contribution_reply": Rule(write=SIGNED_IN, objects=CONTRIBUTIONS),
    "web:contribution_react": Rule(write=SIGNED_IN, objects=CONTRIBUTIONS),
    "web:contribution_report": Rule(read=SIGNED_IN, write=SIGNED_IN, objects=CONTRIBUTIONS),
    "web:contribution_moderation": Rule(read=CATALYSTS_AND_MODERATORS),
    "web:contribution_moderate": Rule(
        write=Scoped(own=MODERATORS_IN_A, other=MODERATORS),
        objects=CONTRIBUTIONS,
        post={"action": "hide", "reason": "hors sujet"},
    ),
    "web:follow": Rule(
        write=SIGNED_IN,
        objects=own_other(
            {"kind": "alliance", "pk": "@alliance_pub_a.pk"},
            {"kind": "territory", "pk": "@departement_b.pk"},
        ),
    ),
    "web:notification_settings": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "web:record_confirm": Rule(
        read=Scoped(own=EVERYONE, other=NOBODY),
        write=Scoped(own=EVERYONE, other=NOBODY),
        objects=own_other({"token": "@confirm_token"}, {"token": "forged-token"}),
        note="A capability link from a yearly reminder: the signed token is the key.",
    ),
    "web:unsubscribe": Rule(
        read=Scoped(own=EVERYONE, other=NOBODY),
        write=Scoped(own=EVERYONE, other=NOBODY),
        objects=own_other({"token": "@unsubscribe_token"}, {"token": "forged-token"}),
        note="A capability link from a notification e-mail.",
    ),
    # --- Kit --------------------------------------------------------------------------------
    "web:kit_resources": Rule(read=EVERYONE),
    "web:kit_resource_add": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "web:kit_moderation": Rule(read=MODERATORS),
    "web:kit_saved_searches": Rule(read=SIGNED_IN),
    "web:kit_saved_search_add": Rule(write=SIGNED_IN, post={"q": "climat", "label": "Climat"}),
    "web:kit_saved_search_delete": Rule(delete=SELF, objects=_per_user("saved_search")),
    "web:kit_paths": Rule(read=EVERYONE),
    "web:kit_path": Rule(
        objects=fixed(slug="no-such-path"), note="No guided path in the fixtures: 404 for all."
    ),
    "web:kit_resource": Rule(
        read=Scoped(own=MODERATORS | {"contributor"}, other=MODERATORS),
        objects=RESOURCES,
        note="Draft resources: the author (contributor) and the kit editors.",
    ),
    "web:kit_resource_edit": Rule(
        read=Scoped(own=MODERATORS | {"contributor"}, other=MODERATORS),
        write=Scoped(own=MODERATORS | {"contributor"}, other=MODERATORS),
        objects=RESOURCES,
    ),
    "web:kit_resource_move": Rule(
        write=Scoped(own=MODERATORS | {"contributor"}, other=MODERATORS),
        objects=RESOURCES,
        post={"to": "submitted"},
    ),
    "web:kit_bookmark": Rule(write=SIGNED_IN, objects=fixed(pk="@resource_published.pk")),
    "web:compass": Rule(read=EVERYONE),
    "web:compass_result": Rule(
        objects=fixed(token="forged-token"), note="A capability link; a forged one is 404."
    ),
    "web:compass_result_pdf": Rule(
        objects=fixed(token="forged-token"), note="A capability link; a forged one is 404."
    ),
    # Answered by the people of the alliance's member organisations (organisation A's, for the
    # alliance published in A), for their organisation.
    "web:alliance_evaluation": Rule(
        read=EVALUATORS_OF_A, write=EVALUATORS_OF_A, objects=PUBLISHED_ALLIANCES
    ),
    "web:compass_answer": Rule(
        read=EVERYONE, write=EVERYONE, objects=fixed(slug="@questionnaire.slug")
    ),
    # --- The account page ------------------------------------------------------------------
    "accounts:account": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "accounts:token_create": Rule(write=SIGNED_IN, post={"name": "script", "scope": "read"}),
    "accounts:token_revoke": Rule(delete=SELF, objects=_per_user("token")),
    "accounts:data_export_link": Rule(write=SIGNED_IN),
    "accounts:data_export": Rule(export=SELF, objects=_export_link),
    "accounts:delete": Rule(read=SIGNED_IN, write=SIGNED_IN, note="Needs the password to act."),
    # --- Sign-in, sign-up, e-mail, password, two factors (allauth) -------------------------
    "account_login": Rule(read=EVERYONE, write=EVERYONE),
    "account_logout": Rule(
        read=EVERYONE, write=EVERYONE, note="Anonymous people are sent to the home page."
    ),
    "account_inactive": Rule(read=EVERYONE),
    "account_signup": Rule(read=EVERYONE, write=EVERYONE),
    "account_reauthenticate": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "account_email": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "account_email_verification_sent": Rule(read=EVERYONE),
    "account_change_password": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "account_set_password": Rule(
        read=SIGNED_IN,
        write=SIGNED_IN,
        note="Accounts with a password (all here) are sent on to the change-password page.",
    ),
    "account_reset_password": Rule(read=EVERYONE, write=EVERYONE),
    "account_confirm_login_code": Rule(
        read=SIGNED_IN, write=SIGNED_IN, note="Outside a sign-in by code: a redirect away."
    ),
    "account_confirm_email": Rule(
        read=EVERYONE,
        objects=fixed(key="forged-key"),
        note="A forged key shows the 'invalid link' page.",
    ),
    "account_reset_password_from_key_done": Rule(read=EVERYONE),
    "account_reset_password_from_key": Rule(
        read=EVERYONE,
        write=EVERYONE,
        objects=fixed(uidb36="1", key="forged-key"),
        note="A forged key shows the 'invalid link' page.",
    ),
    "account_reset_password_done": Rule(read=EVERYONE),
    "mfa_index": Rule(read=SIGNED_IN),
    "mfa_authenticate": Rule(
        read=SIGNED_IN, write=SIGNED_IN, note="Outside a two-factor sign-in: a redirect away."
    ),
    "mfa_reauthenticate": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "mfa_activate_totp": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "mfa_deactivate_totp": Rule(note="Only for accounts with a second factor: none here."),
    "mfa_view_recovery_codes": Rule(note="Only for accounts with a second factor: none here."),
    "mfa_generate_recovery_codes": Rule(
        read=SIGNED_IN, write=SIGNED_IN, note="Without a second factor: a redirect to set one."
    ),
    "mfa_download_recovery_codes": Rule(note="Only for accounts with a second factor."),
    "socialaccount_login_cancelled": Rule(read=EVERYONE),
    "socialaccount_login_error": Rule(note="401 for everyone outside a failed sign-on."),
    "socialaccount_signup": Rule(note="Only during a single sign-on sign-up."),
    "socialaccount_connections": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "compte/social/login/cancelled/": Rule(read=EVERYONE, write=EVERYONE, note=OLD_ADDRESS),
    "compte/social/login/error/": Rule(read=EVERYONE, write=EVERYONE, note=OLD_ADDRESS),
    "compte/social/signup/": Rule(read=EVERYONE, write=EVERYONE, note=OLD_ADDRESS),
    "compte/social/connections/": Rule(read=EVERYONE, write=EVERYONE, note=OLD_ADDRESS),
    "openid_connect_login": Rule(
        objects=fixed(provider_id="no-such-provider"), note="No provider configured in tests."
    ),
    "openid_connect_callback": Rule(
        objects=fixed(provider_id="no-such-provider"), note="No provider configured in tests."
    ),
    # --- API: reads public; writes (JSON) by the same roles as the pages -------------------
    "api:schema": Rule(read=EVERYONE),
    "api:docs": Rule(read=EVERYONE),
    "api:territory-list": Rule(read=EVERYONE),
    "api:territory-detail": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "api:diagnostic-france": Rule(read=EVERYONE),
    "api:network-france": Rule(read=EVERYONE),
    "api:diagnostic": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "api:network": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "api:organisation-suggestions": Rule(read=EVERYONE, objects=ORGANISATIONS),
    "api:goal-list": Rule(read=EVERYONE),
    "api:goal-detail": Rule(read=EVERYONE, objects=fixed(number=11)),
    "api:organisation-list": Rule(
        read=EVERYONE,
        write=MODERATORS,
        post={"name": "Nouvelle association", "world": "association"},
    ),
    "api:organisation-detail": Rule(
        read=EVERYONE,
        write=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        objects=ORGANISATIONS,
        write_method="patch",
        post={"short_name": "Sigle"},
    ),
    "api:organisation-corrections": Rule(
        write=SIGNED_IN, objects=ORGANISATIONS, post={"message": "Le nom a changé."}
    ),
    "api:alliance-list": Rule(
        read=EVERYONE, write=SIGNED_IN, note="A proposal; an empty one is a 400 past the rights."
    ),
    "api:alliance-publication": Rule(
        write=Scoped(own=MODERATORS_IN_A, other=MODERATORS),
        objects=ALLIANCES_SUBMITTED,
        post={"to": "published"},
    ),
    "api:alliance-corrections": Rule(
        write=SIGNED_IN,
        objects=PUBLISHED_ALLIANCES,
        post={"message": "Le titre a changé."},
    ),
    "api:correction-handle": Rule(
        write=Scoped(own=MODERATORS_IN_A, other=MODERATORS),
        objects=own_other({"pk": "@correction_a.pk"}, {"pk": "@correction_b.pk"}),
        post={"status": "accepted"},
    ),
    "api:alliance-evaluation": Rule(
        read=EVERYONE, write=EVALUATORS_OF_A, objects=PUBLISHED_ALLIANCES
    ),
    "api:alliance-detail": Rule(
        read=EVERYONE,
        objects=PUBLISHED_ALLIANCES,
    ),
    "api:catalyst-list": Rule(read=EVERYONE),
    "api:resource-list": Rule(read=EVERYONE, write=SIGNED_IN, note="A proposal (draft)."),
    "api:resource-detail": Rule(
        read=EVERYONE,
        write=MODERATORS,
        objects=fixed(pk="@resource_published.pk"),
        write_method="patch",
        post={"title": "Titre revu"},
        note="A published resource is changed by the kit's editors only.",
    ),
    "api:resource-transition": Rule(
        write=Scoped(own=MODERATORS | {"contributor"}, other=MODERATORS),
        objects=RESOURCES,
        post={"to": "submitted"},
    ),
    "api:resource-bookmark": Rule(
        write=SIGNED_IN, objects=fixed(pk="@resource_published.pk"), write_method="put"
    ),
    "api:questionnaire-list": Rule(read=EVERYONE),
    "api:questionnaire-detail": Rule(read=EVERYONE, objects=fixed(slug="@questionnaire.slug")),
    "api:assessment-create": Rule(
        write=EVERYONE,
        objects=fixed(slug="@questionnaire.slug"),
        note="The compass needs no account; an empty answer is a 400 past the rights.",
    ),
    "api:assessment-detail": Rule(
        objects=fixed(token="forged-token"), note="A capability link; a forged one is 404."
    ),
    "api:compass-statistics": Rule(read=EVERYONE),
    "api:compass-statistics-territory": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "api:challenge-partners": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "api:event-list": Rule(read=EVERYONE),
    "api:event-detail": Rule(read=EVERYONE, objects=EVENTS),
    "api:event-registration": Rule(write=SIGNED_IN, objects=EVENTS),
    "api:contribution-list": Rule(write=SIGNED_IN),
    "api:contribution-reports": Rule(
        write=SIGNED_IN, objects=CONTRIBUTIONS, post={"reason": "Hors sujet."}
    ),
    "api:debate-list": Rule(read=EVERYONE),
    "api:debate-detail": Rule(read=EVERYONE, objects=DEBATE),
    "api:study-list": Rule(read=EVERYONE),
    "api:study-detail": Rule(read=EVERYONE, objects=STUDY),
    "api:estimate-list": Rule(read=EVERYONE, objects=STUDY),
    "api:programme-list": Rule(read=EVERYONE),
    "api:programme-detail": Rule(read=EVERYONE, objects=fixed(**PROGRAMME)),
    "api:measure-list": Rule(read=EVERYONE, objects=fixed(**PROGRAMME)),
    "api:measure-detail": Rule(
        read=EVERYONE,
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
        write_method="patch",
        post={"version": 1, "status": "ongoing"},
    ),
    "api:progress-update-list": Rule(
        read=EVERYONE,
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
        post={"date": "2024-01-15", "status": "on_track", "narrative": "Avancement."},
    ),
    "api:milestone-list": Rule(
        read=EVERYONE,
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
        post={"kind": "milestone", "title": "Atelier", "due_date": "2030-01-15"},
    ),
    "api:milestone-detail": Rule(
        read=EVERYONE,
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write_method="patch",
        post={"version": 1, "title": "Jalon renommé"},
        objects=own_other(
            {"slug": "@programme.slug", "pk": "@milestone_own.pk"},
            {"slug": "@programme.slug", "pk": "@milestone_other.pk"},
        ),
    ),
    "api:indicator-values": Rule(
        read=EVERYONE,
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        post={"date": "2024-01-15", "value": "5"},
        objects=own_other(
            {"slug": "@programme.slug", "pk": "@indicator_own.pk"},
            {"slug": "@programme.slug", "pk": "@indicator_other.pk"},
        ),
    ),
}

# The admin site: platform administrators only (moderators are not staff here).
PREFIX_RULES: dict[str, Rule] = {
    "admin:": Rule(read=ADMIN, note="Every admin page; tested by GET only."),
    "admin/": Rule(read=ADMIN, note="Unnamed admin redirects to an object's change page."),
}

# Text that must never reach a role outside the set: shown on a page or in a file served to
# anyone else, it is a leak.
SENTINELS: dict[str, frozenset] = {
    # A submitted alliance of territory A, with organisation A as a member.
    "Projet confidentiel Ain": MODERATORS_IN_A | {"org_member", "org_admin"},
    # Its contact e-mail: only for whoever moderates it.
    "contact-ain@leak.test": MODERATORS_IN_A,
    # A submitted alliance of territory B.
    "Projet confidentiel Bouches": MODERATORS,
    "contact-bouches@leak.test": MODERATORS,
    # Attendees of the events.
    "attendee-a@leak.test": EVENT_MANAGERS,
    "attendee-b@leak.test": MODERATORS,
    # Draft resources of the kit.
    "Ressource brouillon du contributeur": MODERATORS | {"contributor"},
    "Ressource brouillon d'un autre": MODERATORS,
    # A draft study.
    "Enquête confidentielle en préparation": MODERATORS,
    # The member of organisation A: listed to the organisation's administrators.
    "member-of-a@matrix.test": ORGANISATION_A_ADMINS | {"org_member"},
}
