"""The access matrix: every endpoint × every role × own and others' objects × read/write/export.

The endpoints come from the URL resolver (HTML pages, the API, accounts, the admin site), so a
new one is checked without anyone listing it: an endpoint missing from `access_spec.SPEC` fails
`test_every_endpoint_is_classified`. For each endpoint and object variant, every role sends a
GET and a POST; what the spec grants must succeed, everything else must be refused, and no
response may carry a sentinel text the role must not see.

Each request runs in a savepoint rolled back afterwards, so an allowed write (a moderation, a
deletion) does not change what the next role finds.
"""

import os
import re
import time
from datetime import date, timedelta
from decimal import Decimal
from http.cookies import SimpleCookie
from types import SimpleNamespace

from django.core import signing
from django.db import transaction
from django.test import Client, TestCase
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from alliances.accounts import tokens as api_tokens
from alliances.accounts.models import CatalystAssignment, OrganisationMembership, PlatformRole
from alliances.kit.models import Questionnaire, SavedSearch
from alliances.mobilisation import tokens as mobilisation_tokens
from alliances.mobilisation.models import Contribution, Debate, Registration
from alliances.program.models import Indicator, Milestone, Programme
from alliances.program.services import reports as report_services
from alliances.registry.enums import Publication
from alliances.registry.models import CorrectionRequest
from alliances.studies.reference import SLUG as STUDY_SLUG
from alliances.territories.models import Territory
from alliances.web.views.account import EXPORT_SALT
from tests.factories import UserFactory
from tests.kit.factories import ResourceFactory
from tests.mobilisation.factories import EventFactory
from tests.registry.factories import AllianceFactory, MembershipFactory, OrganisationFactory
from tests.security.access_spec import (
    EVERYONE,
    NOBODY,
    PREFIX_RULES,
    ROLES,
    SENTINELS,
    SIGNED_IN,
    SPEC,
    Rule,
)
from tests.studies.factories import StudyFactory

TIMINGS: dict[str, float] = {}
PROGRAMME_SLUG = "alliances-strategiques-2020"
DENIED = {401, 403, 404, 405}
ALLOWED = {200, 201, 204, 206, 301, 302, 303, 400, 409}
# Roles that still probe an expensive public endpoint (PDF, whole-network files).
HEAVY_ROLES = ("anonymous", "contributor", "admin")
# Grants that do not depend on the role, and the roles that probe such endpoints.
UNIFORM = (EVERYONE, SIGNED_IN, NOBODY)
UNIFORM_ROLES = ("anonymous", "contributor", "catalyst_out", "moderator")
LOGIN_PATHS = ("/compte/login/", "/admin/login/")
# Admin routes written as regular expressions, and the address that stands for them.
ADMIN_URLS = {"admin:app_list": "/admin/registry/", "admin/(?P<url>.*)$": "/admin/no-such-page/"}
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/graphml")


def endpoints():
    """(key, route, pattern) for every URL pattern; key is the URL name, or the route."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
                yield (name or route), route, pattern

    return list(walk(get_resolver().url_patterns))


def rule_for(key: str) -> Rule | None:
    if key in SPEC:
        return SPEC[key]
    for prefix, rule in PREFIX_RULES.items():
        if key.startswith(prefix):
            return rule
    return None


def test_every_endpoint_is_classified():
    missing = [f"{key}  ({route})" for key, route, _ in endpoints() if rule_for(key) is None]
    assert not missing, "Endpoints missing from tests/security/access_spec/:\n" + "\n".join(missing)


def test_the_spec_names_only_endpoints_that_exist():
    keys = {key for key, _, _ in endpoints()}
    assert sorted(set(SPEC) - keys) == []


class AccessMatrix(TestCase):
    @classmethod
    def setUpTestData(cls):
        d = cls.data = SimpleNamespace()
        d.users = {}
        for role in ROLES[1:]:
            user = UserFactory(email=f"{role.replace('_', '-')}@matrix.test")
            d.users[role] = user
        d.users["org_member"].email = "member-of-a@matrix.test"
        d.users["org_member"].save()
        d.someone = d.users["someone"] = UserFactory(email="someone@matrix.test")
        d.users["moderator"].platform_role = PlatformRole.MODERATOR
        d.users["moderator"].save()
        admin = d.users["admin"]
        admin.is_staff = admin.is_superuser = True
        admin.save()

        # Territory A (Ain, 01) is the "own" territory; B (Bouches-du-Rhône, 13) is another.
        commune_a = Territory.objects.get(kind="commune", code="01053")
        commune_b = Territory.objects.get(kind="commune", code="13055")
        d.departement_b = Territory.objects.get(kind="departement", code="13")
        CatalystAssignment.objects.create(
            user=d.users["catalyst_in"],
            territory=Territory.objects.get(kind="departement", code="01"),
        )
        CatalystAssignment.objects.create(
            user=d.users["catalyst_out"],
            territory=Territory.objects.get(kind="departement", code="33"),
        )

        d.organisation_a = OrganisationFactory(name="Association de l'Ain", commune=commune_a)
        d.organisation_b = OrganisationFactory(name="Association des Bouches", commune=commune_b)
        d.membership_a = OrganisationMembership.objects.create(
            user=d.users["org_member"], organisation=d.organisation_a, role="member"
        )
        OrganisationMembership.objects.create(
            user=d.users["org_admin"], organisation=d.organisation_a, role="admin"
        )
        d.membership_b = OrganisationMembership.objects.create(
            user=d.someone, organisation=d.organisation_b, role="admin"
        )

        def alliance(title, commune, organisation, **extra):
            record = AllianceFactory(title=title, territories=[commune], **extra)
            MembershipFactory(alliance=record, organisation=organisation)
            return record

        d.alliance_pub_a = alliance("Alliance publiée de l'Ain", commune_a, d.organisation_a)
        d.alliance_pub_b = alliance("Alliance publiée des Bouches", commune_b, d.organisation_b)
        d.alliance_sub_a = alliance(
            "Projet confidentiel Ain",
            commune_a,
            d.organisation_a,
            publication=Publication.SUBMITTED,
            contact_email="contact-ain@leak.test",
        )
        d.alliance_sub_b = alliance(
            "Projet confidentiel Bouches",
            commune_b,
            d.organisation_b,
            publication=Publication.SUBMITTED,
            contact_email="contact-bouches@leak.test",
        )
        d.correction_a = CorrectionRequest.objects.create(
            alliance=d.alliance_pub_a, message="Le titre a changé."
        )
        d.correction_b = CorrectionRequest.objects.create(
            alliance=d.alliance_pub_b, message="Le titre a changé."
        )

        # Roadmap: the reference programme; the pilot pilots O1 ("own"), not O2 ("other").
        d.programme = Programme.objects.get(slug=PROGRAMME_SLUG)
        d.programme_other = Programme.objects.create(slug="autre-feuille", title_fr="Autre")
        d.programme.co_pilots.add(d.users["co_pilot"])
        d.measure_own = d.programme.measures.get(code="O1")
        d.measure_other = d.programme.measures.get(code="O2")
        d.measure_own.pilots.add(d.users["pilot"])
        today = date.today()
        for suffix, measure in (("own", d.measure_own), ("other", d.measure_other)):
            milestone = Milestone.objects.create(
                measure=measure, external_id=f"M-{suffix}", title="Jalon", due_date=today
            )
            indicator = Indicator.objects.create(
                measure=measure,
                external_id=f"I-{suffix}",
                name="Organisations engagées",
                baseline_value=Decimal(1),
                baseline_date=today - timedelta(days=400),
                target_value=Decimal(10),
                target_date=today + timedelta(days=400),
                weight=Decimal(1),
            )
            setattr(d, f"milestone_{suffix}", milestone)
            setattr(d, f"indicator_{suffix}", indicator)
        d.report = report_services.report_build(
            programme=d.programme, as_of=today, instance=None, by=d.users["admin"]
        )

        # Mobilisation.
        d.event_a = EventFactory(territory=commune_a)
        d.event_a.organisers.add(d.users["organiser"])
        d.event_b = EventFactory(territory=commune_b)
        registration = Registration.objects.create(
            event=d.event_a, name="Participante A", email="attendee-a@leak.test", status="confirmed"
        )
        Registration.objects.create(
            event=d.event_b, name="Participant B", email="attendee-b@leak.test", status="confirmed"
        )
        d.cancel_token = mobilisation_tokens.registration_token(registration)
        d.unsubscribe_token = mobilisation_tokens.unsubscribe_token(d.someone)
        d.debate = Debate.objects.create(
            measure=d.measure_own,
            title="Comment associer les entreprises ?",
            framing="Un débat ouvert.",
            opens_at=timezone.now() - timedelta(days=1),
            closes_at=timezone.now() + timedelta(days=30),
        )
        d.confirm_token = mobilisation_tokens.confirmation_token(
            d.organisation_a, d.users["org_admin"]
        )
        d.contribution_a = Contribution.objects.create(
            target=d.alliance_pub_a, author=d.someone, body="Une idée pour l'Ain."
        )
        d.contribution_b = Contribution.objects.create(
            target=d.alliance_pub_b, author=d.someone, body="Une idée pour les Bouches."
        )

        # Kit and studies.
        d.resource_own = ResourceFactory(
            title="Ressource brouillon du contributeur", created_by=d.users["contributor"]
        )
        d.resource_other = ResourceFactory(
            title="Ressource brouillon d'un autre", created_by=d.someone
        )
        d.resource_published = ResourceFactory(published=True)
        d.questionnaire = Questionnaire.objects.first()
        d.study = SimpleNamespace(slug=STUDY_SLUG)
        d.study_draft = StudyFactory(title_fr="Enquête confidentielle en préparation")

        # What each account owns: API tokens, saved searches, export links.
        d.per_user = {"token": {}, "saved_search": {}, "export_link": {}}
        for role, user in d.users.items():
            token, _key = api_tokens.api_token_create(user=user, name="script", scope="read")
            d.per_user["token"][role] = token.pk
            d.per_user["saved_search"][role] = SavedSearch.objects.create(
                user=user, label="Climat", query_string="q=climat"
            ).pk
            d.per_user["export_link"][role] = signing.dumps({"user": user.pk}, salt=EXPORT_SALT)

    def setUp(self):
        self.clients = {"anonymous": Client()}
        for role in ROLES[1:]:
            client = Client()
            client.force_login(self.data.users[role])
            self.clients[role] = client

    # ------------------------------------------------------------------------------------

    def _request(self, role: str, method: str, url: str, data: dict):
        client = self.clients[role]
        cookies = SimpleCookie(client.cookies.output(header="", sep="\n"))
        extra = {}
        if url.startswith("/api/") and method != "get":
            extra["content_type"] = "application/json"
        try:
            with transaction.atomic():
                response = getattr(client, method)(url, data, **extra)
                transaction.set_rollback(True)
        finally:
            # A sign-out or an account deletion must not end the role's session for the rest.
            client.cookies = cookies
        return response

    @staticmethod
    def _verdict(response) -> str:
        status = response.status_code
        if status in (301, 302, 303):
            location = response.get("Location", "")
            if any(path in location for path in LOGIN_PATHS):
                return "denied"
            return "allowed"
        if status in DENIED:
            return "denied"
        if status in ALLOWED:
            return "allowed"
        return f"unexpected {status}"

    def _body(self, response) -> str:
        if getattr(response, "streaming", False):
            return b"".join(response.streaming_content).decode("utf-8", "replace")
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(TEXT_TYPES) and "csv" not in content_type:
            return ""
        return response.content.decode("utf-8", "replace")

    def _check(self, key: str, route: str, rule: Rule, problems: list):
        data = self.data
        for role in _probing_roles(rule):
            variants = rule.objects(data, role) if rule.objects else {"-": {}}
            for variant, kwargs in variants.items():
                url = _url(key, route, kwargs)
                post = rule.post(data, role) if callable(rule.post) else rule.post
                for method, allowed_roles, payload in (
                    ("get", rule.get_roles(variant), {}),
                    (rule.write_method, rule.post_roles(variant), post),
                ):
                    started = time.perf_counter()
                    response = self._request(role, method, url, payload)
                    TIMINGS[key] = TIMINGS.get(key, 0) + time.perf_counter() - started
                    # "denied" is a 302 to a sign-in page, 401, 403, 404 or 405: the only
                    # answers anonymous people get on what is not public.
                    verdict = self._verdict(response)
                    expected = "allowed" if role in allowed_roles else "denied"
                    if verdict != expected:
                        problems.append(
                            f"{key} [{variant}] {method.upper()} {url} as {role}: "
                            f"{verdict} ({response.status_code}), expected {expected}"
                        )
                    body = self._body(response)
                    for sentinel, may_see in SENTINELS.items():
                        if role not in may_see and sentinel in body:
                            problems.append(
                                f"LEAK {key} [{variant}] {method.upper()} {url} as {role}: "
                                f"“{sentinel}”"
                            )

    def _run(self, select):
        problems: list[str] = []
        for key, route, _pattern in endpoints():
            if not select(key):
                continue
            rule = rule_for(key)
            assert rule is not None, key
            self._check(key, route, rule, problems)
        if os.environ.get("MATRIX_TIMINGS"):
            for key, seconds in sorted(TIMINGS.items(), key=lambda item: -item[1])[:25]:
                print(f"{seconds:7.2f}s {key}")
        assert not problems, f"{len(problems)} access problems:\n" + "\n".join(problems)

    def test_html_pages(self):
        self._run(lambda key: key.startswith(("web:", "set_language", "security_txt")))

    def test_accounts(self):
        self._run(
            lambda key: (
                key.startswith(("accounts:", "account_", "mfa_", "socialaccount_"))
                or key.startswith(("compte/", "openid_connect"))
            )
        )

    def test_api(self):
        self._run(lambda key: key.startswith("api:"))

    def test_admin_site(self):
        # Every admin page: anonymous people, a contributor and a moderator (not staff) are sent
        # to the admin sign-in. The platform administrator is never sent there: they get the
        # page, or the admin's own refusal (read-only models, objects that do not exist); every
        # list of objects opens.
        problems: list[str] = []
        for key, route, _pattern in endpoints():
            if not route.startswith("admin/"):
                continue
            if key in ("admin:login", "admin:logout", "admin:jsi18n"):
                continue
            url = ADMIN_URLS.get(key) or _admin_url(route)
            for role in ("anonymous", "contributor", "moderator", "admin"):
                response = self._request(role, "get", url, {})
                verdict = self._verdict(response)
                if role != "admin":
                    if verdict != "denied":
                        problems.append(f"{key} GET {url} as {role}: {verdict}")
                    continue
                sent_to_sign_in = any(path in response.get("Location", "") for path in LOGIN_PATHS)
                must_open = key.endswith(("_changelist", ":index", ":app_list"))
                if (
                    sent_to_sign_in
                    or response.status_code >= 500
                    or (must_open and response.status_code != 200)
                ):
                    problems.append(f"{key} GET {url} as admin: {response.status_code}")
        assert not problems, "\n".join(problems)

    def test_leak_sentinels_are_on_the_pages_of_those_who_may_see_them(self):
        """The sentinels are real: the roles allowed to see them do see them somewhere, so the
        absence elsewhere means something."""
        data = self.data
        seen = {
            "Projet confidentiel Ain": ("org_member", f"/alliances/{data.alliance_sub_a.pk}/"),
            "contact-ain@leak.test": ("catalyst_in", "/moderation/"),
            "attendee-a@leak.test": ("organiser", f"/evenements/{data.event_a.pk}/inscrits.csv"),
            "Ressource brouillon du contributeur": (
                "contributor",
                f"/ressources/{data.resource_own.pk}/",
            ),
            "member-of-a@matrix.test": (
                "org_admin",
                f"/organisations/{data.organisation_a.pk}/personnes/",
            ),
        }
        for sentinel, (role, url) in seen.items():
            response = self._request(role, "get", url, {})
            assert response.status_code == 200, (url, role, response.status_code)
            assert sentinel in self._body(response), (sentinel, role, url)


def _probing_roles(rule: Rule) -> tuple[str, ...]:
    """Every role, unless what the rule grants does not depend on the role (public pages,
    pages for any signed-in person) or the endpoint is expensive: then a representative few."""
    if rule.heavy:
        return HEAVY_ROLES
    grants = [rule.read, rule.export, rule.write, rule.delete]
    if all(grant is None or grant in UNIFORM for grant in grants):
        return UNIFORM_ROLES
    return ROLES


def _url(key: str, route: str, kwargs: dict) -> str:
    try:
        return reverse(key, kwargs=kwargs)
    except NoReverseMatch:
        # An unnamed pattern (its key is its route) without parameters.
        assert "<" not in route and "(" not in route, key
        return "/" + route


def _admin_url(route: str) -> str:
    """A concrete address for an admin route: object ids become 0 (no such object)."""
    url = "/" + re.sub(r"<(?:\w+:)?(\w+)>", "0", route)
    return url.replace("^", "").replace("$", "")
