from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ResourceKind(models.TextChoices):
    """The kit's five families, M.E.D.O.C. as the mission named them."""

    METHOD = "method", _("method")
    EXAMPLE = "example", _("example")
    DATA = "data", _("data")
    TOOL = "tool", _("tool")
    SKILL = "skill", _("skill and training")


class AudienceProfile(models.TextChoices):
    ASSOCIATION = "association", _("association")
    COMPANY = "company", _("company")
    LOCAL_AUTHORITY = "local_authority", _("local authority")
    CITIZEN = "citizen", _("citizen initiative")
    ACADEMIC = "academic", _("academia and research")
    CATALYST = "catalyst", _("territorial catalyst")
    INSTITUTION = "institution", _("institution and funder")


class Maturity(models.TextChoices):
    """Partnership maturity, in the order an actor goes through it (see ADR 0007)."""

    DISCOVER = "discover", _("discovering")
    START = "start", _("getting started")
    STRUCTURE = "structure", _("structuring")
    SCALE = "scale", _("spreading")


MATURITY_ORDER = [Maturity.DISCOVER, Maturity.START, Maturity.STRUCTURE, Maturity.SCALE]


def maturity_for_score(percent: float) -> str:
    """The maturity level of a compass score between 0 and 100: four bands of 25 points."""
    if percent < 25:
        return Maturity.DISCOVER
    if percent < 50:
        return Maturity.START
    if percent < 75:
        return Maturity.STRUCTURE
    return Maturity.SCALE


class Language(models.TextChoices):
    FR = "fr", _("French")
    EN = "en", _("English")


class ResourceState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for moderation")
    PUBLISHED = "published", _("published")
    ARCHIVED = "archived", _("archived")


# The publication workflow in one place: from a state, the states a resource may move to.
# Authors submit their drafts (and may withdraw a submission); moderators do the rest.
RESOURCE_TRANSITIONS = {
    ResourceState.DRAFT: {ResourceState.SUBMITTED},
    ResourceState.SUBMITTED: {ResourceState.PUBLISHED, ResourceState.DRAFT},
    ResourceState.PUBLISHED: {ResourceState.ARCHIVED},
    ResourceState.ARCHIVED: {ResourceState.PUBLISHED, ResourceState.DRAFT},
}
# The transitions an author may make on their own resource; all others are a moderator's.
AUTHOR_TRANSITIONS = {
    (ResourceState.DRAFT, ResourceState.SUBMITTED),
    (ResourceState.SUBMITTED, ResourceState.DRAFT),
}


class CompassAxis(models.TextChoices):
    """The compass axes; stable codes shared by every questionnaire version and by resources."""

    VISION = "vision", _("shared vision")
    GOVERNANCE = "governance", _("governance")
    MEANS = "means", _("means and resources")
    COCONSTRUCTION = "coconstruction", _("co-construction practices")
    EVALUATION = "evaluation", _("evaluation and learning")
    ANCHORING = "anchoring", _("territorial anchoring")


class EvaluationAngle(models.TextChoices):
    """The seven angles of an alliance's partnership evaluation, answered by its members."""

    PERFORMANCE = "performance", _("performance")
    COHERENCE = "coherence", _("coherence")
    EFFICIENCY = "efficiency", _("efficiency")
    RELEVANCE = "relevance", _("relevance")
    CONTRIBUTION = "contribution", _("societal contribution")
    CLARITY = "clarity", _("clarity")
    MEANING = "meaning", pgettext_lazy("evaluation angle", "meaning")


# Every axis code a questionnaire may use: the compass axes and the evaluation angles.
AXIS_CHOICES = [*CompassAxis.choices, *EvaluationAngle.choices]


def axis_label(code: str) -> str:
    return str(dict(AXIS_CHOICES).get(code, code))


class QuestionnaireAudience(models.TextChoices):
    ORGANISATION = "organisation", _("an organisation")
    TERRITORY = "territory", _("a territory")
    ALLIANCE = "alliance", _("an alliance, by its members")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("one answer")
    MULTIPLE = "multiple", _("several answers")


# The world of a respondent without an organisation, from the profile they answered as; with an
# organisation of the registry, its world is used instead (see docs/kit.md).
PROFILE_WORLD = {
    AudienceProfile.ASSOCIATION: "association",
    AudienceProfile.COMPANY: "company",
    AudienceProfile.LOCAL_AUTHORITY: "public",
    AudienceProfile.CITIZEN: "citizen",
    AudienceProfile.ACADEMIC: "academic",
    AudienceProfile.CATALYST: "other",
    AudienceProfile.INSTITUTION: "public",
}


class SortOrder(models.TextChoices):
    RELEVANCE = "", _("most recent first")
    TITLE = "title", _("title")
    OLDEST = "oldest", _("oldest first")
