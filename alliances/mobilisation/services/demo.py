"""Demo events: the seed's two dated meetings of 2020, and a few upcoming events (all demo).

The seed (Institut ISBL's article on the 2020 roadmap) names the 6th "Rencontre des pionniers des
alliances en territoire" on 8 July 2020, where the work was shared with the 350 territorial
catalysts, and the "Forum National des Associations et des Fondations" on 15 October 2020, where
the co-pilots were to report the first results. Their hours and places are not in the source:
the demo gives them a full day and leaves the place unstated.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from alliances.mobilisation.enums import EventKind
from alliances.mobilisation.models import Debate, Event
from alliances.program.models import Measure
from alliances.sdg.models import Goal
from alliances.territories.models import Territory

PARIS = ZoneInfo("Europe/Paris")
SEED_PROGRAMME = "alliances-strategiques-2020"


def _at(day, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


def _events(today) -> list[dict]:
    return [
        {
            "title_fr": "6e Rencontre des pionniers des alliances en territoire",
            "title_en": "6th Meeting of the pioneers of alliances in the territories",
            "description_fr": (
                "Partage des travaux de la feuille de route « alliances stratégiques » avec les "
                "350 « catalyseurs territoriaux » du Réseau, première étape de la mise en débat "
                "des résultats afin que les acteurs et les territoires s’en saisissent."
            ),
            "description_en": (
                "The roadmap on strategic alliances shared with the Network's 350 territorial "
                "catalysts: the first step in putting the results up for debate."
            ),
            "kind": EventKind.NATIONAL_MEETING,
            "starts_at": _at(datetime(2020, 7, 8).date(), 9),
            "ends_at": _at(datetime(2020, 7, 8).date(), 17),
            "organiser_name": "Le RAMEAU",
            "measures": ["O4", "O5"],
            "goals": [17],
        },
        {
            "title_fr": "Forum National des Associations et des Fondations",
            "title_en": "National Forum of Associations and Foundations",
            "description_fr": (
                "Les copilotes y rendent compte des premiers résultats de la feuille de route aux "
                "côtés du Secrétaire d’État, là même où la mission avait été lancée un an plus tôt."
            ),
            "description_en": (
                "The co-pilots report the roadmap's first results alongside the Secretary of "
                "State, where the mission was launched a year earlier."
            ),
            "kind": EventKind.FORUM,
            "starts_at": _at(datetime(2020, 10, 15).date(), 9),
            "ends_at": _at(datetime(2020, 10, 15).date(), 18),
            "organiser_name": "Forum National des Associations et des Fondations",
            "measures": ["O4", "P2"],
            "goals": [17],
        },
        {
            "title_fr": "Conférence locale des alliances stratégiques — Métropole de Lyon",
            "title_en": "Local conference of strategic alliances — Lyon",
            "description_fr": "Déclinaison locale de la Conférence des alliances stratégiques.",
            "description_en": "The Conference of strategic alliances, held locally.",
            "kind": EventKind.LOCAL_CONFERENCE,
            "starts_at": _at(today + timedelta(days=21), 14),
            "ends_at": _at(today + timedelta(days=21), 18),
            "territory": ("commune", "69123"),
            "address": "Hôtel de Ville\n1 place de la Comédie\n69001 Lyon",
            "organiser_name": "Collectif des catalyseurs du Rhône (démo)",
            "capacity": 80,
            "measures": ["P2"],
            "goals": [11, 17],
        },
        {
            "title_fr": "Webinaire : mesurer l’impact d’une alliance",
            "title_en": "Webinar: measuring an alliance's impact",
            "description_fr": "Une heure pour découvrir les indicateurs de la feuille de route.",
            "description_en": "One hour to discover the roadmap's indicators.",
            "kind": EventKind.WEBINAR,
            "starts_at": _at(today + timedelta(days=35), 11),
            "ends_at": _at(today + timedelta(days=35), 12),
            "online_url": "https://visio.example.org/alliances-impact",
            "organiser_name": "Observatoire des partenariats (démo)",
            "capacity": 3,
            "measures": ["O5"],
            "goals": [17],
        },
        {
            "title_fr": "Atelier de dialogue « jouer collectif » — Rennes",
            "title_en": "“Playing together” dialogue workshop — Rennes",
            "description_fr": "Atelier de dialogue actif entre acteurs du territoire.",
            "description_en": "An active dialogue workshop between local actors.",
            "kind": EventKind.WORKSHOP,
            "starts_at": _at(today + timedelta(days=56), 9, 30),
            "ends_at": _at(today + timedelta(days=56), 12, 30),
            "territory": ("commune", "35238"),
            "address": "Maison des associations\n6 cours des Alliés\n35000 Rennes",
            "organiser_name": "Réseau des catalyseurs de Bretagne (démo)",
            "capacity": 25,
            "registration_closes_at": _at(today + timedelta(days=54), 23, 59),
            "measures": ["O5"],
            "goals": [4, 17],
        },
    ]


@transaction.atomic
def mobilisation_demo_load(*, today=None) -> int:
    """Create or refresh the demo events (matched by French title); returns how many. Idempotent.

    Upcoming events keep the dates they got at their first load, so reloading does not move them.
    """
    today = today or timezone.localdate()
    measures = {m.code: m for m in Measure.objects.filter(programme__slug=SEED_PROGRAMME)}
    goals = {goal.number: goal for goal in Goal.objects.all()}
    count = 0
    for data in _events(today):
        data = dict(data)
        codes = data.pop("measures")
        numbers = data.pop("goals")
        place = data.pop("territory", None)
        if place:
            data["territory"] = Territory.objects.get(kind=place[0], code=place[1])
        title = data.pop("title_fr")
        event = Event.objects.filter(title_fr=title, is_demo=True).first()
        if event is None:
            event = Event.objects.create(title_fr=title, is_demo=True, **data)
        else:
            for key in ("starts_at", "ends_at", "registration_closes_at"):
                data.pop(key, None)
            for key, value in data.items():
                setattr(event, key, value)
            event.save()
        event.measures.set([measures[code] for code in codes if code in measures])
        event.goals.set([goals[number] for number in numbers])
        count += 1
    _demo_debate(measures.get("P2"), today)
    return count


DEMO_DEBATE = "Quelles déclinaisons locales pour la Conférence des alliances stratégiques ? (démo)"


def _demo_debate(measure, today) -> None:
    """One open demo debate on the political measure 2 (no conclusion: none is invented)."""
    if measure is None or Debate.objects.filter(title=DEMO_DEBATE, is_demo=True).exists():
        return
    Debate.objects.create(
        measure=measure,
        title=DEMO_DEBATE,
        framing=(
            "La mesure prévoit une Conférence des alliances stratégiques déclinée localement. "
            "Quels territoires, quels formats, quels acteurs associer ? Contenu de démonstration."
        ),
        opens_at=_at(today - timedelta(days=3), 9),
        closes_at=_at(today + timedelta(days=27), 18),
        is_demo=True,
    )
