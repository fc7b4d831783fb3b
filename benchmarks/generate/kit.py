"""Kit resources and compass self-assessments, bulk-loaded into the database."""

import random

from benchmarks.generate.common import Picker

NATIONAL_RESOURCES = 5_000
NATIONAL_ASSESSMENTS = 100_000


def load_resources(*, scale: float, seed: int = 12) -> int:
    """Bulk-load kit resources (5,000 at scale 1): the five kinds, four maturity levels, mostly
    published, each for one to three audiences, one to three SDGs and (one in five) a territory.

    Needs Django set up with the reference data (goals, themes, territories). Returns how many.
    """
    from django.db import transaction
    from django.utils import timezone

    from alliances.core.text import fold
    from alliances.kit.enums import AudienceProfile, Maturity, ResourceKind, ResourceState
    from alliances.kit.models import Resource, ResourceAudience, Theme
    from alliances.sdg.models import Goal
    from alliances.territories.enums import TerritoryKind
    from alliances.territories.models import Territory

    rng = random.Random(seed + 3)
    total = max(1, round(NATIONAL_RESOURCES * scale))
    goals = list(Goal.objects.values_list("id", flat=True))
    themes = list(Theme.objects.values_list("id", flat=True))
    departements = list(
        Territory.objects.filter(kind=TerritoryKind.DEPARTEMENT).values_list("id", flat=True)
    )
    kinds, maturities = list(ResourceKind.values), list(Maturity.values)
    profiles = list(AudienceProfile.values)
    state = Picker(
        rng,
        [ResourceState.PUBLISHED, ResourceState.DRAFT, ResourceState.SUBMITTED,
         ResourceState.ARCHIVED],
        [80, 10, 5, 5],
    )  # fmt: skip
    now = timezone.now()
    Aimed, Themed = Resource.goals.through, Resource.themes.through
    with transaction.atomic():
        resources = []
        for number in range(total):
            kind = rng.choice(kinds)
            title = f"{kind.capitalize()} {number} : agir ensemble pour les ODD"
            summary = f"Une ressource synthétique ({kind}) pour mesurer la boîte à outils."
            body = "## Pourquoi\n\nDes alliances locales.\n\n## Comment\n\n- réunir\n- agir\n"
            published = state()
            resources.append(
                Resource(
                    kind=kind,
                    title=title,
                    summary=summary,
                    body=body,
                    search_text=fold(f"{title} {summary} {body}"),
                    maturity=rng.choice(maturities),
                    territory_id=rng.choice(departements)
                    if departements and rng.random() < 0.2
                    else None,
                    state=published,
                    published_at=now if published == ResourceState.PUBLISHED else None,
                )
            )
        resources = Resource.objects.bulk_create(resources, batch_size=2000)
        audiences, aimed, themed = [], [], []
        for resource in resources:
            for profile in rng.sample(profiles, rng.randint(1, 3)):
                audiences.append(ResourceAudience(resource_id=resource.pk, profile=profile))
            for goal in rng.sample(goals, min(len(goals), rng.randint(1, 3))):
                aimed.append(Aimed(resource_id=resource.pk, goal_id=goal))
            if themes:
                themed.append(Themed(resource_id=resource.pk, theme_id=rng.choice(themes)))
        ResourceAudience.objects.bulk_create(audiences, batch_size=5000)
        Aimed.objects.bulk_create(aimed, batch_size=5000)
        Themed.objects.bulk_create(themed, batch_size=5000)
    return total


def load_assessments(*, scale: float, seed: int = 12) -> tuple[int, int]:
    """Bulk-load compass self-assessments (100,000 at scale 1) of the current questionnaires,
    answered by organisations of the registry (or territories), scored by the compass's own
    rules; returns (assessments, answers).

    Needs Django set up, the reference data (questionnaires) and organisations imported.
    """
    from django.db import transaction

    from alliances.kit import scoring
    from alliances.kit.enums import AudienceProfile, QuestionnaireAudience, maturity_for_score
    from alliances.kit.models import Answer, Assessment, AssessmentScore, Questionnaire
    from alliances.kit.services.compass import (
        PROFILE_WORLD,
        _resolve,
        question_specs,
        questionnaire_questions,
    )
    from alliances.registry.models import Organisation
    from alliances.territories.enums import TerritoryKind
    from alliances.territories.models import Territory

    rng = random.Random(seed + 4)
    total = max(1, round(NATIONAL_ASSESSMENTS * scale))
    questionnaires = [
        (questionnaire, questionnaire_questions(questionnaire))
        for questionnaire in Questionnaire.objects.filter(
            is_current=True,
            audience__in=[QuestionnaireAudience.ORGANISATION, QuestionnaireAudience.TERRITORY],
        ).order_by("slug")
    ]
    if not questionnaires:
        raise RuntimeError("no questionnaire: load the reference data first")
    organisations = list(
        Organisation.objects.order_by("pk").values_list("id", "world")[: total * 2]
    )
    communes = list(
        Territory.objects.filter(kind=TerritoryKind.COMMUNE).values_list("id", flat=True)[:5000]
    )
    profiles = [p for p in AudienceProfile.values if p != AudienceProfile.CATALYST]
    answers_written = 0
    batch_size = 2000
    for start in range(0, total, batch_size):
        size = min(batch_size, total - start)
        with transaction.atomic():
            assessments, pending = [], []
            for _ in range(size):
                questionnaire, questions = rng.choice(questionnaires)
                # Each actor leans towards a level: its answers cluster around it.
                lean = rng.random()
                raw = {}
                for question in questions:
                    options = sorted(question.options.all(), key=lambda o: o.score)
                    if question.allows_not_applicable and rng.random() < 0.05:
                        raw[question.pk] = scoring.NOT_APPLICABLE
                        continue
                    index = min(
                        len(options) - 1, int(rng.triangular(0, len(options), lean * len(options)))
                    )
                    if question.is_multiple:  # the options up to the actor's level
                        raw[question.pk] = [str(option.pk) for option in options[: index + 1]]
                    else:
                        raw[question.pk] = str(options[index].pk)
                scores, chosen, _errors = _resolve(questions, raw)
                specs = question_specs(questions)
                per_axis = scoring.axis_scores(specs, scores)
                overall = scoring.overall_score(per_axis)
                asked = {spec.key for spec in specs if scoring.is_asked(spec, scores)}
                territorial = questionnaire.audience == QuestionnaireAudience.TERRITORY
                profile = rng.choice(profiles)
                organisation_id, world = None, PROFILE_WORLD[profile]
                if not territorial and organisations:
                    organisation_id, world = rng.choice(organisations)
                assessments.append(
                    Assessment(
                        questionnaire=questionnaire,
                        organisation_id=organisation_id,
                        world=world,
                        territory_id=rng.choice(communes) if territorial and communes else None,
                        profile=profile,
                        overall=overall,
                        maturity=maturity_for_score(overall),
                    )
                )
                pending.append((chosen, asked, per_axis))
            assessments = Assessment.objects.bulk_create(assessments)
            answers, axis_scores, several = [], [], []
            for assessment, (chosen, asked, per_axis) in zip(assessments, pending, strict=True):
                for key, option in chosen.items():
                    if key in asked:
                        multiple = isinstance(option, list)
                        answer = Answer(
                            assessment_id=assessment.pk,
                            question_id=key,
                            option=None if multiple else option,
                            not_applicable=option is None,
                        )
                        answers.append(answer)
                        if multiple:
                            several.append((answer, option))
                for axis, value in per_axis.items():
                    if value is not None:
                        axis_scores.append(
                            AssessmentScore(
                                assessment_id=assessment.pk,
                                axis=axis,
                                score=value,
                                maturity=maturity_for_score(value),
                            )
                        )
            Answer.objects.bulk_create(answers, batch_size=5000)
            Answer.options.through.objects.bulk_create(
                [
                    Answer.options.through(answer_id=answer.pk, option_id=option.pk)
                    for answer, options in several
                    for option in options
                ],
                batch_size=5000,
            )
            AssessmentScore.objects.bulk_create(axis_scores, batch_size=5000)
            answers_written += len(answers)
    return total, answers_written
