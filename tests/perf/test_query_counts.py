"""B6 (issue #12): the number of queries of a list page or endpoint does not grow with its rows.

Every GET route of the site and of the API is classified below: routes without parameters are
measured automatically (so a new list page is covered as soon as it exists), routes with
parameters are measured with the arguments given in `PARAMETERS`, or listed in `NOT_MEASURED`
with the reason. Each measured route is requested anonymously and by an administrator, with a
few rows of everything (3 of each), then with five times as many (15): the query counts must be
equal. The page cache is off here: a cached page makes no query at all.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from alliances.kit.enums import Maturity, ResourceState
from alliances.kit.models import GuidedPath, PathStep
from alliances.mobilisation.models import Contribution, Debate, Registration
from alliances.program.models import Milestone, ProgressUpdate
from alliances.registry.enums import MembershipRole, World
from alliances.registry.models import CorrectionRequest
from alliances.sdg.models import Goal
from alliances.territories.models import Territory
from tests.factories import UserFactory
from tests.kit.factories import ResourceFactory
from tests.mobilisation.factories import EventFactory
from tests.registry.factories import (
    AllianceFactory,
    CatalystFactory,
    MembershipFactory,
    OrganisationFactory,
    commune,
)
from tests.studies.factories import StudyFactory

SLUG = "alliances-strategiques-2020"
FEW, MANY = 3, 15

# Routes with parameters that show a list growing with the data below: how to call them.
PARAMETERS = {
    "web:programme": {"slug": SLUG},
    "web:programme_system": {"slug": SLUG},
    "web:programme_timeline": {"slug": SLUG},
    "web:measure": {"slug": SLUG, "code": "O1"},
    "web:reports": {"slug": SLUG},
    "web:goal": {"number": 13},
    "web:territory": {"kind": "departement", "code": "01"},
    "web:diagnostic": {"kind": "departement", "code": "01"},
    "web:organisation": {"pk": "subject_organisation"},
    "web:alliance": {"pk": "subject_alliance"},
    "web:event": {"pk": "subject_event"},
    "web:kit_path": {"slug": "subject-path"},
    "web:study": {"slug": "subject-study"},
    "api:programme-detail": {"slug": SLUG},
    "api:measure-list": {"slug": SLUG},
    "api:measure-detail": {"slug": SLUG, "code": "O1"},
    "api:progress-update-list": {"slug": SLUG, "code": "O1"},
    "api:milestone-list": {"slug": SLUG, "code": "O1"},
    "api:organisation-detail": {"pk": "subject_organisation"},
    "api:alliance-detail": {"pk": "subject_alliance"},
    "api:event-detail": {"pk": "subject_event"},
    "api:study-detail": {"slug": "subject-study"},
    "api:estimate-list": {"slug": "subject-study"},
    "api:goal-detail": {"number": 13},
    "api:territory-detail": {"kind": "departement", "code": "01"},
    "api:diagnostic": {"kind": "departement", "code": "01"},
    "api:organisation-suggestions": {"pk": "subject_organisation"},
    "web:debate": {"pk": "subject_debate"},
    "api:debate-detail": {"pk": "subject_debate"},
}

# Everything else, and why it is not measured here.
NOT_MEASURED = {
    # Not lists, or files and feeds measured by their own tests and benchmarks.
    "web:accessibility": "static text",
    "web:legal": "static text",
    "web:privacy": "static text",
    "web:opendata_schema": "static schema",
    "web:opendata_file": "a file written by export_opendata",
    "web:observatory_map_csv": "one row per région or département, fixed",
    "web:diagnostic_france_csv": "fixed tables of the read models",
    "web:diagnostic_csv": "fixed tables of the read models",
    "web:diagnostic_france_pdf": "PDF rendering, tested in tests/insights",
    "web:diagnostic_pdf": "PDF rendering, tested in tests/insights",
    "web:network_france": "alliance network: observ's read model (tests/insights)",
    "web:network": "alliance network: observ's read model (tests/insights)",
    "web:network_france_csv": "alliance network export",
    "web:network_csv": "alliance network export",
    "web:network_france_export": "GraphML/GEXF export",
    "web:network_export": "GraphML/GEXF export",
    "web:events_feed": "iCalendar feed",
    "web:event_ical": "iCalendar file",
    "web:event_attendees": "organisers' export of one event",
    "web:programme_export": "XLSX/CSV round trip, tested in tests/program",
    "web:report": "one report",
    "web:report_pdf": "PDF rendering",
    "web:study_download": "a study's results file",
    "web:study_question_csv": "one question's table",
    "web:alliance_template": "the import template file",
    "web:kit_resource": "one resource",
    "web:compass_answer": "a questionnaire form",
    "web:compass_result": "one assessment behind a token",
    "web:registration_cancel": "a form behind a token",
    "web:unsubscribe": "a form behind a token",
    # Forms (GET shows an empty form, POST writes).
    "web:measure_edit": "form",
    "web:progress_update_add": "form",
    "web:milestone_add": "form",
    "web:milestone_edit": "form",
    "web:indicator_value_add": "form",
    "web:indicator_override": "form",
    "web:programme_import": "form",
    "web:study_import": "form",
    "web:study_weighting": "staff form over one study's microdata",
    "web:alliance_submit": "form",
    "web:alliance_import": "form",
    "web:duplicate_merge": "form",
    "web:correction_report": "form",
    "web:moderation_alliance": "one submission",
    "web:moderation_correction": "one correction request",
    "web:event_register": "form",
    "web:contribution_add": "form",
    "web:contribution_reply": "form",
    "web:contribution_react": "POST only",
    "web:contribution_report": "form",
    "web:contribution_moderate": "one contribution",
    "web:follow": "POST only",
    "web:measure_confirm": "POST only",
    "web:kit_resource_add": "form",
    "web:kit_resource_edit": "form",
    "web:kit_resource_move": "POST only",
    "web:kit_bookmark": "POST only",
    "web:kit_saved_search_add": "POST only",
    "web:kit_saved_search_delete": "POST only",
    # API: the schema and its documentation; one-object reads.
    "api:schema": "the OpenAPI schema",
    "api:docs": "Swagger UI",
    "api:network-france": "alliance network (observ)",
    "api:network": "alliance network (observ)",
    "api:resource-detail": "one resource",
    "api:questionnaire-detail": "one questionnaire",
    "api:milestone-detail": "one milestone",
    "api:indicator-values": "one indicator's values, fixed here",
    "api:diagnostic-france": "fixed read models",
    "api:compass-statistics-territory": "fixed read-model rows of one territory",
    "api:assessment-detail": "one assessment behind a token",
    "api:alliance-evaluation": "one alliance's aggregate over a fixed set of angles",
    "api:challenge-partners": "needs a goal; a ranked list cut at `limit` (tests/insights)",
    # Writes only (POST, PUT, PATCH, DELETE).
    "api:alliance-corrections": "POST only",
    "api:alliance-publication": "POST only",
    "api:assessment-create": "POST only",
    "api:contribution-reports": "POST only",
    "api:correction-handle": "POST only",
    "api:event-registration": "POST and DELETE only",
    "api:organisation-corrections": "POST only",
    "api:resource-bookmark": "PUT and DELETE only",
    "api:resource-transition": "POST only",
    "web:debate_add": "form",
    "web:debate_close": "POST only",
    "web:debate_conclude": "POST only",
    "web:alliance_evaluation": "form",
    "web:organisation_edit": "form",
    "web:organisation_members": "form over one organisation's people",
    "web:organisation_member_change": "POST only",
    "web:record_confirm": "a form behind a token",
    "web:compass_result_pdf": "PDF rendering",
    "web:network_france_bipartite": "GraphML/GEXF export",
    "web:network_bipartite": "GraphML/GEXF export",
}

# Searches, measured beside the unfiltered lists (the rows created below match "association").
SEARCHES = {
    "web:registry_search": "q=association",
    "web:organisation_list": "q=association",
    "web:alliance_list": "q=alliance",
    "web:kit_resources": "q=methode",
    "api:organisation-list": "q=association",
    "api:alliance-list": "q=alliance",
}

# Namespaces of the platform's routes; allauth, the admin and i18n have their own tests upstream.
NAMESPACES = ("web", "api")


def _routes():
    """(name, pattern) of every named route of the platform, with its parameter names."""
    found = {}

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and entry.name and namespace in NAMESPACES:
                found[f"{namespace}:{entry.name}"] = set(entry.pattern.converters)

    walk(get_resolver().url_patterns, None)
    return found


def test_every_route_is_measured_or_excused():
    routes = _routes()
    static = {name for name, params in routes.items() if not params}
    unclassified = {
        name
        for name, params in routes.items()
        if params and name not in PARAMETERS and name not in NOT_MEASURED
    }
    assert not unclassified, f"classify these routes in {__name__}: {sorted(unclassified)}"
    assert not (set(PARAMETERS) | set(NOT_MEASURED)) - set(routes), "stale entries"
    assert len(static - set(NOT_MEASURED)) >= 25


def _grow(count: int, subjects: dict) -> None:
    """Add `count` rows of everything the list pages show, around the subjects."""
    goals = list(Goal.objects.order_by("number"))
    ain = Territory.objects.get(kind="departement", code="01")
    bourg = commune("01053")
    user = subjects["admin"]
    alliance_type = ContentType.objects.get_for_model(subjects["alliance"])
    programme_measure = subjects["measure"]
    for index in range(count):
        n = subjects["rows"] + index
        association = OrganisationFactory(commune=bourg, waldec_theme="019")
        association.goals.set(goals[n % 17 : n % 17 + 2])
        company = OrganisationFactory(commune=bourg, company=True)
        company.goals.set([goals[12]])
        alliance = AllianceFactory(territories=[bourg, ain])
        alliance.goals.set([goals[12], goals[n % 17]])
        MembershipFactory(alliance=alliance, organisation=association, role=MembershipRole.LEAD)
        MembershipFactory(alliance=alliance, organisation=company)
        MembershipFactory(alliance=alliance, organisation=subjects["organisation"])
        MembershipFactory(alliance=subjects["alliance"], organisation=company)
        AllianceFactory(submitted=True, territories=[bourg])
        CatalystFactory(organisation=association)
        for _twice in range(2):  # a candidate duplicate pair for the moderators' page
            OrganisationFactory(commune=bourg, name=f"Les Amis du Revermont {n}")
        CorrectionRequest.objects.create(organisation=association, message=f"Adresse {n}")
        resource = ResourceFactory(published=True, state=ResourceState.PUBLISHED)
        resource.goals.set([goals[12]])
        PathStep.objects.create(path=subjects["path"], resource=resource, order=n + 1)
        event = EventFactory(territory=ain)
        event.goals.set([goals[12]])
        event.alliances.add(alliance)
        Registration.objects.create(
            event=subjects["event"],
            name=f"Personne {n}",
            email=f"p{n}@example.org",
            status="confirmed",
        )
        for target in (subjects["alliance"], subjects["organisation"], subjects["debate"]):
            Contribution.objects.create(
                content_type=ContentType.objects.get_for_model(target),
                object_id=target.pk,
                author=UserFactory(),
                body=f"Contribution {n}",
            )
        Contribution.objects.create(
            content_type=alliance_type, object_id=alliance.pk, author=user, body="Avis"
        )
        StudyFactory(published=True)
        ProgressUpdate.objects.create(
            measure=programme_measure,
            date=date.today() - timedelta(days=n),
            status="on_track",
            narrative=f"Avancement {n}",
            author=user,
        )
        Milestone.objects.create(
            measure=programme_measure,
            external_id=f"O1-J{n}",
            title=f"Jalon {n}",
            due_date=date.today() + timedelta(days=n),
        )
        indicator = programme_measure.indicators.first()
        if indicator is not None:
            indicator.values.create(
                date=date.today() - timedelta(days=n + 1), value=Decimal(n), source="Suivi"
            )
    subjects["rows"] += count


@pytest.fixture
def subjects(db, settings):
    from alliances.program.models import Programme

    settings.PAGE_CACHE_SECONDS = 0
    admin = UserFactory(is_staff=True, is_superuser=True)
    programme = Programme.objects.get(slug=SLUG)
    organisation = OrganisationFactory(name="Sujet", world=World.ASSOCIATION)
    alliance = AllianceFactory(title="Alliance sujet")
    event = EventFactory(starts_at=timezone.now() + timedelta(days=3))
    path = GuidedPath.objects.create(
        slug="subject-path",
        title_fr="Parcours",
        title_en="Path",
        profile="association",
        maturity=Maturity.START,
        is_published=True,
    )
    study = StudyFactory(slug="subject-study", published=True)
    debate = Debate.objects.create(
        measure=programme.measures.get(code="O1"),
        title="Comment mieux associer les entreprises ?",
        framing="Un débat ouvert aux acteurs.",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=30),
    )
    return {
        "debate": debate,
        "subject_debate": debate.pk,
        "admin": admin,
        "organisation": organisation,
        "subject_organisation": organisation.pk,
        "alliance": alliance,
        "subject_alliance": alliance.pk,
        "event": event,
        "subject_event": event.pk,
        "path": path,
        "study": study,
        "measure": programme.measures.get(code="O1"),
        "rows": 0,
    }


def _urls(subjects) -> dict[str, str]:
    from django.urls import reverse

    urls = {}
    for name, params in _routes().items():
        if name in NOT_MEASURED:
            continue
        if not params:
            urls[name] = reverse(name)
        elif name in PARAMETERS:
            kwargs = {
                key: subjects.get(value, value) if isinstance(value, str) else value
                for key, value in PARAMETERS[name].items()
            }
            urls[name] = reverse(name, kwargs=kwargs)
    for name, query in SEARCHES.items():
        urls[f"{name}?{query}"] = f"{reverse(name)}?{query}"
    return urls


def _count(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_ACCEPT="application/json, text/html")
    return response.status_code, len(queries)


def test_query_counts_do_not_grow_with_rows(client, subjects):
    from django.test import Client

    admin_client = Client()
    admin_client.force_login(subjects["admin"])
    clients = {"anonymous": client, "administrator": admin_client}
    urls = _urls(subjects)
    _grow(FEW, subjects)
    for visitor in clients.values():  # first requests fill per-process caches (charts…)
        for url in urls.values():
            visitor.get(url)
    few = {
        (who, name): _count(visitor, url)
        for who, visitor in clients.items()
        for name, url in urls.items()
    }
    _grow(MANY - FEW, subjects)
    many = {
        (who, name): _count(visitor, url)
        for who, visitor in clients.items()
        for name, url in urls.items()
    }
    grown = {
        key: (few[key][1], many[key][1])
        for key in few
        if few[key][0] == 200 and few[key][1] != many[key][1]
    }
    assert not grown, f"queries with {FEW} rows → {MANY} rows: {grown}"
    measured = {key for key in few if few[key][0] == 200 and many[key][0] == 200}
    # Most routes answer both visitors; moderation pages answer the administrator only.
    assert len(measured) >= 50, sorted(set(few) - measured)
