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

The rules are kept by part: `pages` (HTML), `accounts`, `api`; `base` holds the vocabulary.
"""

from tests.security.access_spec import accounts, api, pages
from tests.security.access_spec.base import (  # noqa: F401 — also imported from here
    ADMIN,
    EVENT_MANAGERS,
    EVERYONE,
    MODERATORS,
    MODERATORS_IN_A,
    NOBODY,
    ORGANISATION_A_ADMINS,
    ROLES,
    SIGNED_IN,
    Rule,
    Scoped,
)

SPEC: dict[str, Rule] = {**pages.SPEC, **accounts.SPEC, **api.SPEC}
assert len(SPEC) == len(pages.SPEC) + len(accounts.SPEC) + len(api.SPEC), "a key is in two parts"

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
