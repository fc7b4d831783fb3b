"""Every page type of the platform, by the role that sees it, with its French path.

Detail pages are found the way a visitor finds them: by following the first matching link of
their list page on the live demo data, so the suite never hard-codes an identifier."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    key: str
    roles: tuple[str, ...]
    path: str = ""
    # (list page, regular expression the detail link must match) when the path is discovered;
    # more expressions follow links further: the first match on each page found.
    found_from: tuple[str, ...] | None = None
    # Expected HTTP status of the page.
    status: int = 200
    localised: bool = True
    # Role that creates one by submitting the list page's form when the demo holds none.
    created_by: str = ""
    # axe rules not run on this page, each with its reason in the catalogue.
    axe_skipped_rules: tuple[str, ...] = ()


PUBLIC = ("anonymous", "pilot")
ADMIN = ("admin",)
SIGNED = ("pilot",)
# The demo organisation administrator: their organisation is a member of an evaluated alliance.
MEMBER = ("member",)

PAGE_TYPES = [
    PageType("home", PUBLIC, "/"),
    PageType("programme_list", PUBLIC, "/feuille-de-route/"),
    PageType(
        "programme", PUBLIC, found_from=("/feuille-de-route/", r"^/feuille-de-route/[\w-]+/$")
    ),
    PageType("programme_system", PUBLIC, found_from=("@programme", r"/systeme/$")),
    PageType("programme_timeline", PUBLIC, found_from=("@programme", r"/calendrier/$")),
    PageType("measure", PUBLIC, found_from=("@programme", r"/mesures/[^/]+/$")),
    PageType("reports", PUBLIC, found_from=("@programme", r"/rapports/$")),
    PageType("report", PUBLIC, found_from=("@reports", r"/rapports/\d+/$"), created_by="admin"),
    PageType("pilot_measure", SIGNED, found_from=("@programme", r"/mesures/O1/$")),
    PageType("measure_edit", SIGNED, found_from=("@pilot_measure", r"/modifier/$")),
    PageType("debate_measure", PUBLIC, found_from=("@programme", r"/mesures/P2/$")),
    PageType("debate", PUBLIC, found_from=("@debate_measure", r"^/debats/\d+/$")),
    PageType("registry_search", PUBLIC, "/registre/"),
    PageType("registry_results", PUBLIC, "/registre/?q=alliance"),
    PageType("organisation_list", PUBLIC, "/organisations/"),
    PageType("organisation", PUBLIC, found_from=("/organisations/", r"^/organisations/\d+/$")),
    PageType("organisation_edit", ADMIN, found_from=("@organisation", r"/modifier/$")),
    PageType("organisation_people", ADMIN, found_from=("@organisation", r"/personnes/$")),
    PageType("alliance_list", PUBLIC, "/alliances/"),
    PageType("alliance", PUBLIC, found_from=("/alliances/", r"^/alliances/\d+/$")),
    PageType(
        "alliance_evaluation",
        MEMBER,
        # Their account page lists their organisation, whose page lists its alliances.
        found_from=(
            "/compte/profil/",
            r"^/organisations/\d+/$",
            r"^/alliances/\d+/$",
            r"/evaluation/$",
        ),
    ),
    PageType("alliance_submit", SIGNED, "/alliances/proposer/"),
    PageType("catalysts", PUBLIC, "/catalyseurs/"),
    PageType("moderation", ADMIN, "/moderation/"),
    PageType("territory_index", PUBLIC, "/territoires/"),
    PageType("territory", PUBLIC, found_from=("/territoires/", r"^/territoires/region/[^/]+/$")),
    PageType("diagnostic", PUBLIC, "/territoires/france/diagnostic/"),
    PageType("observatory_map", PUBLIC, "/territoires/carte/"),
    PageType("network", PUBLIC, "/territoires/france/reseau/"),
    PageType("challenge", PUBLIC, "/partenaires/defi/"),
    PageType("challenge_results", PUBLIC, "/partenaires/defi/?goal=11&kind=departement&code=59"),
    PageType("goals", PUBLIC, "/odd/"),
    PageType("goal", PUBLIC, "/odd/17/"),
    PageType("resources", PUBLIC, "/ressources/"),
    PageType("resources_search", PUBLIC, "/ressources/?q=alliance"),
    PageType("resource", PUBLIC, found_from=("/ressources/", r"^/ressources/\d+/$")),
    PageType("kit_paths", PUBLIC, "/ressources/parcours/"),
    PageType("compass", PUBLIC, "/boussole/"),
    PageType("compass_answer", PUBLIC, found_from=("/boussole/", r"^/boussole/[\w-]+/$")),
    PageType("studies", PUBLIC, "/etudes/"),
    PageType("study", PUBLIC, found_from=("/etudes/", r"^/etudes/[\w-]+/$")),
    PageType("events", PUBLIC, "/evenements/"),
    PageType("event", PUBLIC, found_from=("/evenements/", r"^/evenements/\d+/$")),
    PageType("contribution_moderation", ADMIN, "/moderation/contributions/"),
    PageType("kit_moderation", ADMIN, "/ressources/moderation/"),
    PageType("notifications", SIGNED, "/notifications/"),
    PageType("account", SIGNED, "/compte/profil/"),
    PageType("login", ("anonymous",), "/compte/login/"),
    PageType("signup", ("anonymous",), "/compte/signup/"),
    PageType("password_reset", ("anonymous",), "/compte/password/reset/"),
    PageType("accessibility", PUBLIC, "/accessibilite/"),
    PageType("accessibility_plan", PUBLIC, "/accessibilite/schema-pluriannuel/"),
    PageType("legal", PUBLIC, "/mentions-legales/"),
    # Swagger UI (third-party script) nests its "copy path" button inside each operation's
    # summary button: its markup, not ours; every other rule runs on the page.
    PageType(
        "api_docs",
        ("anonymous",),
        "/api/v1/docs/",
        localised=False,
        axe_skipped_rules=("nested-interactive",),
    ),
    PageType("forbidden", SIGNED, "/moderation/", status=403),
    PageType("not_found", PUBLIC, "/page-qui-n-existe-pas/", status=404),
]


def page_links(page, path: str) -> list[str]:
    page.goto(path)
    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.getAttribute('href'))")
    return [href.split("#")[0] for href in hrefs]


class LinkCache:
    """The links of each list page, read once per role: several page types share a source."""

    def __init__(self, pages):
        self.pages = pages
        self.links: dict[tuple[str, str], list[str]] = {}

    def get(self, role: str, source: str, *, fresh: bool = False) -> list[str]:
        if fresh or (role, source) not in self.links:
            self.links[role, source] = page_links(self.pages[role], source)
        return self.links[role, source]


def discover(contexts) -> dict[str, str]:
    """French path of every page type, following links on the demo data as its first role."""
    pages = {}
    cache = LinkCache(pages)
    found: dict[str, str] = {}
    for page_type in PAGE_TYPES:
        if page_type.path:
            found[page_type.key] = page_type.path
            continue
        role = page_type.roles[0]
        if role not in pages:
            pages[role] = contexts[role].new_page()
        source, *hops, pattern = page_type.found_from
        source = found[source[1:]] if source.startswith("@") else source
        for hop in hops:
            links = [href for href in cache.get(role, source) if re.search(hop, href)]
            assert links, f"no link matching {hop} on {source}"
            source = links[0]
        links = [href for href in cache.get(role, source) if re.search(pattern, href)]
        if not links and page_type.created_by:
            creator = contexts[page_type.created_by].new_page()
            creator.goto(source)
            with creator.expect_navigation():
                creator.locator("main form button[type=submit]").last.click()
            creator.close()
            links = [
                href for href in cache.get(role, source, fresh=True) if re.search(pattern, href)
            ]
        assert links, f"no link matching {pattern} on {source}"
        found[page_type.key] = links[0]
    for page in pages.values():
        page.close()
    return found
