"""The roadmap (measures, indicators, values), resources, events, diagnostics and studies."""

from django.db.models import Value
from django.db.models.functions import Coalesce

from alliances.insights.models import IndicatorValue as TerritorialValue
from alliances.insights.models import TerritorySummary
from alliances.kit.enums import ResourceKind
from alliances.kit.models import Resource
from alliances.mobilisation.enums import EventKind
from alliances.mobilisation.models import Event
from alliances.opendata.datasets.base import (
    Dataset,
    ForeignKey,
    day,
    identifier,
    integer,
    moment,
    number,
    stream,
    text,
)
from alliances.program.models import Indicator, IndicatorValue, Measure
from alliances.studies.models import PublishedEstimate, Study

FRANCE = ("country", "FR")  # territory columns of national rows (primary keys are never empty)


def _measure_rows():
    measures = Measure.objects.order_by("programme__slug", "position")
    return stream(
        measures, "pk", "programme__slug", "code", "title_fr", "title_en", "status",
        "start_date", "due_date", "attainment",
    )  # fmt: skip


MEASURES = Dataset(
    name="programme-measures",
    title_fr="Mesures de la feuille de route",
    title_en="Roadmap measures",
    description_fr="Les mesures des programmes suivis, leur calendrier et leur état.",
    description_en="The measures of the programmes followed, their schedule and state.",
    fields=(
        identifier(),
        text("programme", "Programme", required=True),
        text("code", "Code", required=True),
        text("title_fr", "Intitulé (français)", required=True),
        text("title_en", "Intitulé (anglais)"),
        text("status", "État"),
        day("start_date", "Début"),
        day("due_date", "Échéance"),
        text("attainment", "Atteinte"),
    ),
    primary_key=("id",),
    rows=_measure_rows,
    theme="GOVE",
)


def _indicator_rows():
    return stream(
        Indicator.objects.order_by("pk"), "pk", "measure_id", "external_id", "name", "unit",
        "direction", "baseline_value", "baseline_date", "target_value", "target_date",
    )  # fmt: skip


INDICATORS = Dataset(
    name="programme-indicators",
    title_fr="Indicateurs des mesures",
    title_en="Measure indicators",
    description_fr="Les indicateurs de suivi de chaque mesure : valeur de départ et cible.",
    description_en="The indicators of each measure: baseline and target.",
    fields=(
        identifier(),
        integer("measure_id", "Mesure", required=True),
        text("external_id", "Code", required=True),
        text("name", "Nom", required=True),
        text("unit", "Unité"),
        text("direction", "Sens souhaité"),
        number("baseline_value", "Valeur de départ"),
        day("baseline_date", "Date de départ"),
        number("target_value", "Cible"),
        day("target_date", "Date cible"),
    ),
    primary_key=("id",),
    foreign_keys=(ForeignKey(("measure_id",), "programme-measures", ("id",)),),
    rows=_indicator_rows,
    theme="GOVE",
)


def _indicator_value_rows():
    return stream(
        IndicatorValue.objects.order_by("indicator_id", "date", "pk"),
        "pk", "indicator_id", "date", "value", "source", "comment",
    )  # fmt: skip


INDICATOR_VALUES = Dataset(
    name="programme-indicator-values",
    title_fr="Valeurs des indicateurs",
    title_en="Indicator values",
    description_fr="Les valeurs mesurées des indicateurs, datées et sourcées.",
    description_en="Measured values of the indicators, dated and sourced.",
    fields=(
        identifier(),
        integer("indicator_id", "Indicateur", required=True),
        day("date", "Date", required=True),
        number("value", "Valeur", required=True),
        text("source", "Source"),
        text("comment", "Commentaire"),
    ),
    primary_key=("id",),
    foreign_keys=(ForeignKey(("indicator_id",), "programme-indicators", ("id",)),),
    rows=_indicator_value_rows,
    theme="GOVE",
)


def _resource_rows():
    resources = Resource.objects.published().order_by("pk")
    return stream(
        resources, "pk", "kind", "title", "summary", "maturity", "language",
        "territory__kind", "territory__code", "published_at",
    )  # fmt: skip


RESOURCES = Dataset(
    name="resources",
    title_fr="Ressources du centre de ressources",
    title_en="Resource centre",
    description_fr="Guides, outils, retours d'expérience et formations publiés.",
    description_en="Published guides, tools, experience reports and trainings.",
    fields=(
        identifier(),
        text("kind", "Nature", enum=tuple(ResourceKind.values), required=True),
        text("title", "Titre", required=True),
        text("summary", "Résumé"),
        text("maturity", "Niveau de maturité"),
        text("language", "Langue"),
        text("territory_kind", "Type de territoire"),
        text("territory_code", "Code du territoire"),
        moment("published_at", "Publiée le"),
    ),
    primary_key=("id",),
    rows=_resource_rows,
    theme="EDUC",
)


def _event_rows():
    return stream(
        Event.objects.order_by("starts_at", "pk"), "pk", "title_fr", "title_en", "kind",
        "starts_at", "ends_at", "territory__kind", "territory__code", "online_url",
        "organiser_name", "capacity",
    )  # fmt: skip


EVENTS = Dataset(
    name="events",
    title_fr="Événements",
    title_en="Events",
    description_fr="Rencontres, ateliers et webinaires de mobilisation (sans les inscrits).",
    description_en="Meetings, workshops and webinars (without the people registered).",
    fields=(
        identifier(),
        text("title_fr", "Titre (français)", required=True),
        text("title_en", "Titre (anglais)"),
        text("kind", "Nature", enum=tuple(EventKind.values), required=True),
        moment("starts_at", "Début", required=True),
        moment("ends_at", "Fin", required=True),
        text("territory_kind", "Type de territoire"),
        text("territory_code", "Code du territoire"),
        text("online_url", "Lien en ligne"),
        text("organiser", "Organisateur"),
        integer("capacity", "Places"),
    ),
    primary_key=("id",),
    rows=_event_rows,
)


def _diagnostic_rows():
    summaries = TerritorySummary.objects.annotate(
        kind=Coalesce("territory__kind", Value(FRANCE[0])),
        code=Coalesce("territory__code", Value(FRANCE[1])),
        name=Coalesce("territory__name", Value("France")),
    ).order_by("scope", "code")
    return stream(
        summaries, "kind", "code", "name", "population", "actors_active", "actors_dissolved",
        "associations_active", "alliances", "cross_world_alliances", "catalysts",
        "goals_with_alliances",
    )  # fmt: skip


def _territory_fields():
    return (
        text("territory_kind", "Type de territoire", required=True),
        text("territory_code", "Code INSEE du territoire", required=True),
    )


DIAGNOSTICS = Dataset(
    name="territorial-diagnostics",
    title_fr="Diagnostics territoriaux",
    title_en="Territorial diagnostics",
    description_fr=(
        "Pour la France et chaque région, département, EPCI et commune : acteurs actifs, "
        "associations, alliances publiées, alliances entre mondes, catalyseurs, ODD couverts."
    ),
    description_en=(
        "For France and each region, département, EPCI and commune: active actors, "
        "associations, published alliances, cross-world alliances, catalysts, SDGs covered."
    ),
    fields=(
        *_territory_fields(),
        text("territory_name", "Nom du territoire", required=True),
        integer("population", "Population"),
        integer("actors_active", "Acteurs actifs"),
        integer("actors_dissolved", "Acteurs dissous ou fermés"),
        integer("associations_active", "Associations actives"),
        integer("alliances", "Alliances publiées"),
        integer("cross_world_alliances", "Alliances entre mondes"),
        integer("catalysts", "Catalyseurs"),
        integer("goals_with_alliances", "ODD couverts par une alliance"),
    ),
    primary_key=("territory_kind", "territory_code"),
    rows=_diagnostic_rows,
    theme="REGI",
)


def _territorial_indicator_rows():
    values = TerritorialValue.objects.annotate(
        kind=Coalesce("territory__kind", Value(FRANCE[0])),
        code=Coalesce("territory__code", Value(FRANCE[1])),
    ).order_by("indicator__code", "kind", "code", "year")
    return stream(
        values, "indicator__code", "indicator__name_fr", "indicator__unit",
        "indicator__goal__number", "kind", "code", "year", "value", "source",
    )  # fmt: skip


TERRITORIAL_INDICATORS = Dataset(
    name="territorial-indicators",
    title_fr="Indicateurs territoriaux des ODD",
    title_en="Territorial SDG indicators",
    description_fr="Valeurs des indicateurs de contexte par territoire et par année, sourcées.",
    description_en="Context indicator values by territory and year, with their source.",
    fields=(
        text("indicator", "Indicateur", required=True),
        text("indicator_name", "Nom de l'indicateur"),
        text("unit", "Unité"),
        integer("goal", "ODD"),
        *_territory_fields(),
        integer("year", "Année", required=True),
        number("value", "Valeur", required=True),
        text("source", "Source"),
    ),
    primary_key=("indicator", "territory_kind", "territory_code", "year"),
    rows=_territorial_indicator_rows,
    theme="REGI",
)


def _estimate_rows():
    estimates = (
        PublishedEstimate.objects.filter(
            question__study__in=Study.objects.published(), question__is_published=True
        )
        .annotate(region_code=Coalesce("region__code", Value(FRANCE[1])))
        .order_by("pk")
    )
    return stream(
        estimates, "pk", "question__study__slug", "wave__label", "question__variable",
        "question__text_fr", "region_code", "code", "label_fr", "share", "ci_low", "ci_high",
        "base", "source",
    )  # fmt: skip


STUDY_ESTIMATES = Dataset(
    name="study-estimates",
    title_fr="Résultats publiés des études",
    title_en="Published study results",
    description_fr=(
        "Part de chaque réponse par question, vague et région (FR : France entière), avec "
        "intervalle de confiance à 95 % et base. Jamais de données individuelles."
    ),
    description_en=(
        "Share of each answer by question, wave and region (FR: whole country), with 95% "
        "interval and base. Never individual answers."
    ),
    fields=(
        identifier(),
        text("study", "Étude", required=True),
        text("wave", "Vague", required=True),
        text("question", "Variable", required=True),
        text("question_text", "Question"),
        text("region_code", "Région (code INSEE, FR : France)", required=True),
        text("answer_code", "Code de la réponse", required=True),
        text("answer", "Réponse"),
        number("share", "Part (%)", required=True),
        number("ci_low", "Intervalle à 95 %, bas (%)"),
        number("ci_high", "Intervalle à 95 %, haut (%)"),
        integer("base", "Base (répondants)"),
        text("source", "Source"),
    ),
    primary_key=("id",),
    rows=_estimate_rows,
)
