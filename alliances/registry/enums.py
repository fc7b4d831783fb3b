from django.db import models
from django.utils.translation import gettext_lazy as _


class World(models.TextChoices):
    """The "worlds" an organisation belongs to, as the alliance movement names them."""

    ASSOCIATION = "association", _("association")
    COMPANY = "company", _("company")
    PUBLIC = "public", _("local authority or public body")
    CITIZEN = "citizen", _("citizen initiative or collective")
    FOUNDATION = "foundation", _("foundation")
    ACADEMIC = "academic", _("academia and research")
    OTHER = "other", _("other")


class OrganisationStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    DISSOLVED = "dissolved", _("dissolved")
    CLOSED = "closed", _("closed")
    DELETED = "deleted", _("removed from the register")


class Source(models.TextChoices):
    RNA_WALDEC = "rna_waldec", _("RNA (Waldec extraction)")
    RNA_IMPORT = "rna_import", _("RNA (historical extraction)")
    SIRENE = "sirene", _("SIRENE")
    SPREADSHEET = "spreadsheet", _("spreadsheet")
    FORM = "form", _("public form")
    MANUAL = "manual", _("entered by a moderator")
    DEMO = "demo", _("demo data")


class MembershipRole(models.TextChoices):
    LEAD = "lead", _("lead")
    PARTNER = "partner", _("partner")
    FUNDER = "funder", _("funder")
    CATALYST = "catalyst", _("catalyst")
    EVALUATOR = "evaluator", _("evaluator")


class AllianceType(models.TextChoices):
    SPONSORSHIP = "sponsorship", _("sponsorship (mécénat)")
    SKILLS = "skills", _("skills sponsorship")
    COOPERATION = "cooperation", _("cooperation")
    CO_CONSTRUCTION = "co_construction", _("co-construction of a project")
    SOCIAL_INNOVATION = "social_innovation", _("social innovation")
    PURCHASING = "purchasing", _("responsible purchasing")
    TERRITORIAL = "territorial", _("territorial project")


class AllianceStatus(models.TextChoices):
    """Where the partnership itself stands (not its publication)."""

    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    COMPLETED = "completed", _("completed")
    STOPPED = "stopped", _("stopped")


class Publication(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for moderation")
    PUBLISHED = "published", _("published")
    ARCHIVED = "archived", _("archived")


# The publication workflow: from a state, the states a moderator may move a record to.
PUBLICATION_TRANSITIONS = {
    Publication.DRAFT: {Publication.SUBMITTED, Publication.PUBLISHED},
    Publication.SUBMITTED: {Publication.PUBLISHED, Publication.DRAFT, Publication.ARCHIVED},
    Publication.PUBLISHED: {Publication.ARCHIVED},
    Publication.ARCHIVED: {Publication.PUBLISHED},
}


class CorrectionStatus(models.TextChoices):
    OPEN = "open", _("to review")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class WaldecTheme(models.TextChoices):
    """The 29 theme families of the Waldec nomenclature: the 3-digit prefix of `objet_social1`."""

    POLITICS = "001", _("political activities")
    THINK_TANKS = "002", _("clubs, think tanks")
    RIGHTS = "003", _("defence of fundamental rights, civic activities")
    JUSTICE = "004", _("justice")
    INFORMATION = "005", _("information, communication")
    CULTURE = "006", _("culture, artistic and cultural practice")
    LEISURE = "007", _("leisure clubs, social relations")
    SOCIO_CULTURAL = "009", _("socio-cultural action")
    HERITAGE = "010", _("heritage preservation")
    SPORTS = "011", _("sports, outdoor activities")
    HUNTING_FISHING = "013", _("hunting, fishing")
    FRIENDLY_SOCIETIES = "014", _("friendly societies, mutual aid groups")
    EDUCATION = "015", _("education, training")
    RESEARCH = "016", _("research")
    HEALTH = "017", _("health")
    MEDICO_SOCIAL = "018", _("medico-social services and institutions")
    SOCIAL = "019", _("social work")
    CHARITY = "020", _("charity, humanitarian aid, development aid, volunteering")
    FAMILY = "021", _("family services, services for older people")
    ECONOMIC_ACTIVITIES = "022", _("economic activities")
    ECONOMIC_INTERESTS = "023", _("representation and defence of economic interests")
    ENVIRONMENT = "024", _("environment, living environment")
    EMPLOYMENT = "030", _("employment, local development, economic solidarity, local life")
    HOUSING = "031", _("housing")
    TOURISM = "032", _("tourism")
    SAFETY = "033", _("safety, civil protection")
    ARMY = "034", _("armed forces (including military preparation, medals)")
    RELIGION = "040", _("religious, spiritual or philosophical activities")
    MISCELLANEOUS = "050", _("miscellaneous")


# SIRENE `trancheEffectifsUniteLegale`: code → lower bound of the band (employees).
SIZE_BAND_MINIMUM = {
    "NN": 0,
    "00": 0,
    "01": 1,
    "02": 3,
    "03": 6,
    "11": 10,
    "12": 20,
    "21": 50,
    "22": 100,
    "31": 200,
    "32": 250,
    "41": 500,
    "42": 1000,
    "51": 2000,
    "52": 5000,
    "53": 10000,
}


class SizeBand(models.TextChoices):
    NONE = "00", _("no employees")
    B01 = "01", _("1 to 2 employees")
    B02 = "02", _("3 to 5 employees")
    B03 = "03", _("6 to 9 employees")
    B11 = "11", _("10 to 19 employees")
    B12 = "12", _("20 to 49 employees")
    B21 = "21", _("50 to 99 employees")
    B22 = "22", _("100 to 199 employees")
    B31 = "31", _("200 to 249 employees")
    B32 = "32", _("250 to 499 employees")
    B41 = "41", _("500 to 999 employees")
    B42 = "42", _("1,000 to 1,999 employees")
    B51 = "51", _("2,000 to 4,999 employees")
    B52 = "52", _("5,000 to 9,999 employees")
    B53 = "53", _("10,000 employees or more")
