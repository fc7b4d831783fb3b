"""Demo data of the kit: the starter resources, guided paths and anonymous compass answers,
all marked as demo. Idempotent: resources are found again by title, paths by slug."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from alliances.accounts.models import OrganisationMembership, OrganisationRole
from alliances.accounts.role_changes import organisation_member_set
from alliances.accounts.services import demo_admin_ensure
from alliances.kit.demo_content import PATHS, RESOURCES
from alliances.kit.enums import PROFILE_WORLD, AudienceProfile, Language, ResourceState
from alliances.kit.models import Assessment, GuidedPath, PathStep, Questionnaire, Resource, Theme
from alliances.kit.services.compass import assessment_submit, questionnaire_questions
from alliances.kit.services.questionnaires import themes_load
from alliances.kit.services.resources import ResourceData, resource_create, resource_transition
from alliances.sdg.models import Goal

DEMO_ASSESSMENTS = 14  # above the default peer minimum, so the demo shows a comparison
DEMO_EVALUATORS = 4  # above the evaluation minimum, so an alliance page shows its evaluation
# The profile a demo evaluator answers as, from their organisation's world.
PROFILE_OF_WORLD = {world: profile for profile, world in reversed(PROFILE_WORLD.items())}


def _language(title: str, summary: str) -> str:
    english_words = {" the ", " and ", " to ", " your ", " for "}
    sample = f" {title} {summary} ".lower()
    return Language.EN if sum(word in sample for word in english_words) >= 2 else Language.FR


def _resources(editor) -> int:
    created = 0
    goals = {goal.number: goal for goal in Goal.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    now = timezone.now()
    for index, entry in enumerate(RESOURCES):
        kind, maturity, profiles, axes, sdgs, theme_slugs, title, summary, body = entry
        if Resource.objects.filter(title=title, is_demo=True).exists():
            continue
        resource = resource_create(
            data=ResourceData(
                kind=kind,
                title=title,
                summary=summary,
                body=body,
                maturity=maturity,
                profiles=profiles,
                axes=axes,
                language=_language(title, summary),
                goals=[goals[number] for number in sdgs if number in goals],
                themes=[themes[slug] for slug in theme_slugs if slug in themes],
            ),
            by=editor,
            is_demo=True,
        )
        resource_transition(resource=resource, to_state=ResourceState.SUBMITTED, by=editor)
        resource_transition(resource=resource, to_state=ResourceState.PUBLISHED, by=editor)
        # Spread publication dates over the past months, so sorting by date means something.
        Resource.objects.filter(pk=resource.pk).update(
            published_at=now - timedelta(days=4 * (len(RESOURCES) - index))
        )
        created += 1
    return created


def _paths(editor) -> int:
    for slug, title_fr, title_en, text_fr, text_en, profile, maturity, titles in PATHS:
        path, _created = GuidedPath.objects.update_or_create(
            slug=slug,
            defaults={
                "title_fr": title_fr,
                "title_en": title_en,
                "description_fr": text_fr,
                "description_en": text_en,
                "profile": profile,
                "maturity": maturity,
                "is_published": True,
                "curated_by": editor,
                "is_demo": True,
            },
        )
        path.steps.all().delete()
        for order, title in enumerate(titles, start=1):
            resource = Resource.objects.get(title=title, is_demo=True)
            PathStep.objects.create(path=path, resource=resource, order=order)
    return len(PATHS)


def _demo_departements() -> list:
    """Two départements of one région, where the demo answers are recorded: the région then
    has enough answers for the observatory's means, each département alone does not."""
    from alliances.territories.models import Territory

    region = Territory.objects.filter(kind="region", code="84").first() or (
        Territory.objects.filter(kind="region").order_by("code").first()
    )
    if region is None:
        return []
    return list(Territory.objects.filter(kind="departement", region=region).order_by("code")[:2])


def _random_answers(questions, draw) -> dict:
    answers = {}
    for question in questions:
        options = list(question.options.all())
        if question.is_multiple:
            answers[question.pk] = [
                str(option.pk) for option in draw.sample(options, draw.randint(1, 3))
            ]
        else:
            answers[question.pk] = str(draw.choice(options).pk)
    return answers


def _assessments() -> int:
    """Anonymous demo answers to the organisation compass, drawn with a fixed seed."""
    questionnaire = Questionnaire.objects.filter(
        slug="boussole-organisation", is_current=True
    ).first()
    if questionnaire is None:
        return 0
    existing = Assessment.objects.filter(questionnaire=questionnaire, is_demo=True).count()
    draw = random.Random(17)  # noqa: S311 — demo data, not security
    questions = questionnaire_questions(questionnaire)
    departements = _demo_departements()
    for number in range(existing, DEMO_ASSESSMENTS):
        assessment_submit(
            questionnaire=questionnaire,
            answers=_random_answers(questions, draw),
            profile="association",
            territory=departements[number % len(departements)] if departements else None,
            is_demo=True,
        )
    return DEMO_ASSESSMENTS


def _evaluations() -> int:
    """Demo members' evaluations of the first inspiring demo alliance, by demo accounts."""
    from alliances.accounts.models import User
    from alliances.kit.selectors import evaluation_questionnaire
    from alliances.registry.models import Alliance

    questionnaire = evaluation_questionnaire()
    alliance = (
        Alliance.objects.published().filter(is_demo=True, inspiring=True).order_by("pk").first()
    )
    if questionnaire is None or alliance is None:
        return 0
    if Assessment.objects.filter(alliance=alliance, is_demo=True).exists():
        return DEMO_EVALUATORS
    draw = random.Random(7)  # noqa: S311 — demo data, not security
    questions = questionnaire_questions(questionnaire)
    members = [membership.organisation for membership in alliance.memberships.order_by("pk")]
    for number in range(1, DEMO_EVALUATORS + 1):
        user, created = User.objects.get_or_create(
            email=f"membre-{number}@demo.alliances.test",
            defaults={"display_name": f"Membre démo {number}", "is_demo": True},
        )
        if created:
            user.set_unusable_password()
            user.save()
        # Each demo evaluator belongs to one of the member organisations, in turn.
        organisation = members[(number - 1) % len(members)]
        if not OrganisationMembership.objects.filter(user=user).exists():
            organisation_member_set(
                organisation=organisation, user=user, role=OrganisationRole.MEMBER, by=None
            )
        assessment_submit(
            questionnaire=questionnaire,
            answers=_random_answers(questions, draw),
            profile=PROFILE_OF_WORLD.get(organisation.world, AudienceProfile.ASSOCIATION),
            user=user,
            organisation=organisation,
            alliance=alliance,
            is_demo=True,
        )
    return DEMO_EVALUATORS


@transaction.atomic
def kit_demo_load() -> tuple[int, int]:
    """Returns (demo resources, guided paths)."""
    editor, _created = demo_admin_ensure()
    themes_load()
    _resources(editor)
    paths = _paths(editor)
    _assessments()
    _evaluations()
    return Resource.objects.filter(is_demo=True).count(), paths
