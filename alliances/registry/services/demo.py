"""Demo data for the registry: fictional but credible actors and alliances, all marked as demo.

Local authorities carry their real SIREN (public data from the COG); the other organisations are
invented and carry no identifier, so they can never collide with a real registry record.
"""

from django.db import transaction

from alliances.registry.enums import (
    AllianceStatus,
    AllianceType,
    MembershipRole,
    Publication,
    Source,
    World,
)
from alliances.registry.models import Alliance, Catalyst, Membership, Organisation
from alliances.sdg.models import Goal
from alliances.territories.models import Territory

A, C, P, F, R, CI = (
    World.ASSOCIATION,
    World.COMPANY,
    World.PUBLIC,
    World.FOUNDATION,
    World.ACADEMIC,
    World.CITIZEN,
)
# key: (name, world, commune INSEE code, Waldec theme, SDGs)
ORGANISATIONS = {
    "jardins": ("Les Jardins partagés de la Croix-Rousse", A, "69381", "024", [2, 11]),
    "repair": ("Repair Café Villeurbannais", CI, "69266", "", [12]),
    "lyonrh": ("Solidarités Emploi Rhône", A, "69383", "030", [8, 10]),
    "boulangerie": ("Boulangeries Pétrin d'Or", C, "69123", "", [2, 8]),
    "metropole": ("Métropole de Lyon", P, "69123", "", [11]),
    "lille": ("Ville de Lille", P, "59350", "", [11]),
    "nordnet": ("Nord Numérique Solidaire", A, "59350", "015", [4, 10]),
    "textile": ("Filatures du Nord Coopérative", C, "59512", "", [8, 12]),
    "fondnord": ("Fondation Hauts-de-France Entreprendre", F, "59350", "", [8, 17]),
    "univlille": ("Laboratoire Territoires et Transitions", R, "59350", "", [4, 17]),
    "marseille": ("Ville de Marseille", P, "13055", "", [11]),
    "calanques": ("Les Amis des Calanques", A, "13055", "024", [14, 15]),
    "pecheurs": ("Coopérative des pêcheurs de Provence", C, "13055", "", [14]),
    "quartiers": ("Collectif Quartiers Nord en transition", CI, "13055", "", [11, 13]),
    "nantes": ("Ville de Nantes", P, "44109", "", [11]),
    "loiredur": ("Loire Énergies Citoyennes", A, "44109", "030", [7, 13]),
    "chantier": ("Chantiers de l'Atlantique Solidaires", C, "44184", "", [8, 9]),
    "toulouse": ("Toulouse Métropole", P, "31555", "", [11]),
    "aero": ("Occitanie Aéro Compétences", C, "31555", "", [9, 4]),
    "sportoc": ("Union sportive des quartiers toulousains", A, "31555", "011", [3, 10]),
    "bourg": ("Ville de Bourg-en-Bresse", P, "01053", "", [11]),
    "fol": ("Ligue de l'enseignement — Fédération de l'Ain (démo)", A, "01053", "015", [4, 16]),
    "fromagerie": ("Fromagerie de la Bresse", C, "01053", "", [2, 12]),
    "rennes": ("Ville de Rennes", P, "35238", "", [11]),
    "bretagnesante": ("Santé Bretagne Solidaire", A, "35238", "017", [3]),
    "fondouest": ("Fondation Ouest Solidarités", F, "35238", "", [1, 10]),
    "strasbourg": ("Ville de Strasbourg", P, "67482", "", [11]),
    "rhinvelo": ("Vélo Rhin Citoyen", CI, "67482", "", [11, 13]),
    "mamoudzou": ("Ville de Mamoudzou", P, "97611", "", [6, 11]),
    "femmesmay": ("Femmes actrices de Mayotte", A, "97611", "019", [5, 4]),
    "fortdefrance": ("Ville de Fort-de-France", P, "97209", "", [11]),
    "agrimart": ("Coopérative agricole du Lamentin", C, "97213", "", [2, 15]),
    "ajaccio": ("Ville d'Ajaccio", P, "2A004", "", [11]),
    "mare": ("A Mare Viva — protection du littoral", A, "2A004", "024", [14]),
    "clermont": ("Université populaire d'Auvergne", R, "63113", "", [4]),
    "auvergnebois": ("Scierie des Volcans", C, "63113", "", [12, 15]),
}
LEAD, PARTNER, FUNDER, CATALYST, EVALUATOR = (
    MembershipRole.LEAD,
    MembershipRole.PARTNER,
    MembershipRole.FUNDER,
    MembershipRole.CATALYST,
    MembershipRole.EVALUATOR,
)
T = AllianceType
# (title, type, status, inspiring, territories [(kind, code)], SDGs, members [(key, role)], summary)
ALLIANCES = [
    (
        "Potagers solidaires des pentes",
        T.TERRITORIAL,
        AllianceStatus.ONGOING,
        True,
        [("commune", "69123")],
        [2, 11, 17],
        [("jardins", LEAD), ("boulangerie", FUNDER), ("metropole", PARTNER)],
        "Des jardins partagés, une boulangerie qui récupère les invendus et la métropole cultivent et redistribuent des légumes dans les quartiers des pentes.",
    ),
    (
        "Réparer plutôt que jeter à Villeurbanne",
        T.COOPERATION,
        AllianceStatus.ONGOING,
        False,
        [("commune", "69266")],
        [12, 17],
        [("repair", LEAD), ("metropole", FUNDER)],
        "Des ateliers de réparation mensuels, financés par la collectivité, pour allonger la durée de vie des objets.",
    ),
    (
        "Parcours vers l'emploi dans le Rhône",
        T.SKILLS,
        AllianceStatus.ONGOING,
        False,
        [("departement", "69")],
        [8, 10, 17],
        [("lyonrh", LEAD), ("boulangerie", PARTNER), ("aero", PARTNER)],
        "Des salariés d'entreprises accompagnent bénévolement des personnes éloignées de l'emploi, par un mécénat de compétences.",
    ),
    (
        "Inclusion numérique à Lille",
        T.CO_CONSTRUCTION,
        AllianceStatus.ONGOING,
        True,
        [("commune", "59350")],
        [4, 10, 17],
        [("nordnet", LEAD), ("lille", PARTNER), ("fondnord", FUNDER), ("univlille", EVALUATOR)],
        "Une association, la ville, une fondation et un laboratoire construisent ensemble des lieux de médiation numérique et en mesurent les effets.",
    ),
    (
        "Textile circulaire des Hauts-de-France",
        T.PURCHASING,
        AllianceStatus.PLANNED,
        False,
        [("region", "32")],
        [8, 12, 17],
        [("textile", LEAD), ("lille", PARTNER), ("fondnord", FUNDER)],
        "Une coopérative textile et des acheteurs publics organisent une filière de recyclage des vêtements de travail.",
    ),
    (
        "Calanques propres",
        T.SPONSORSHIP,
        AllianceStatus.ONGOING,
        False,
        [("commune", "13055")],
        [14, 15, 17],
        [("calanques", LEAD), ("pecheurs", FUNDER), ("marseille", PARTNER)],
        "Des pêcheurs financent le nettoyage des fonds marins mené par des bénévoles, avec l'appui de la ville.",
    ),
    (
        "Quartiers Nord : îlots de fraîcheur",
        T.SOCIAL_INNOVATION,
        AllianceStatus.ONGOING,
        True,
        [("commune", "13055")],
        [11, 13, 17],
        [("quartiers", LEAD), ("marseille", FUNDER), ("calanques", PARTNER)],
        "Des habitants végétalisent leurs cours d'école et leurs rues avec la ville et des associations naturalistes.",
    ),
    (
        "Énergie citoyenne en Loire-Atlantique",
        T.TERRITORIAL,
        AllianceStatus.ONGOING,
        False,
        [("departement", "44")],
        [7, 13, 17],
        [("loiredur", LEAD), ("nantes", PARTNER), ("chantier", FUNDER)],
        "Des toitures publiques accueillent des panneaux solaires financés par l'épargne des habitants.",
    ),
    (
        "Chantiers d'insertion de l'estuaire",
        T.SKILLS,
        AllianceStatus.COMPLETED,
        False,
        [("commune", "44184")],
        [8, 9, 17],
        [("chantier", LEAD), ("loiredur", PARTNER)],
        "Une entreprise forme des jeunes aux métiers de la métallerie avec une association d'insertion.",
    ),
    (
        "Aéronautique et lycées professionnels",
        T.SKILLS,
        AllianceStatus.ONGOING,
        False,
        [("commune", "31555")],
        [4, 9, 17],
        [("aero", LEAD), ("toulouse", PARTNER)],
        "Des techniciens interviennent dans les lycées professionnels pour faire découvrir les métiers de l'industrie.",
    ),
    (
        "Sport santé dans les quartiers toulousains",
        T.COOPERATION,
        AllianceStatus.ONGOING,
        False,
        [("commune", "31555")],
        [3, 10, 17],
        [("sportoc", LEAD), ("toulouse", FUNDER), ("aero", FUNDER)],
        "Des séances de sport adapté sur ordonnance, portées par un club et financées par la métropole et des entreprises.",
    ),
    (
        "Bresse éducation populaire",
        T.CO_CONSTRUCTION,
        AllianceStatus.ONGOING,
        False,
        [("epci", "200071751")],
        [4, 16, 17],
        [("fol", LEAD), ("bourg", PARTNER), ("fromagerie", FUNDER)],
        "Des ateliers citoyens dans les écoles de l'agglomération, conçus avec la ville et soutenus par une fromagerie locale.",
    ),
    (
        "Circuits courts bressans",
        T.PURCHASING,
        AllianceStatus.ONGOING,
        False,
        [("departement", "01")],
        [2, 12, 17],
        [("fromagerie", LEAD), ("bourg", PARTNER)],
        "La restauration scolaire s'approvisionne auprès des producteurs de la Bresse.",
    ),
    (
        "Santé mentale des jeunes en Bretagne",
        T.SOCIAL_INNOVATION,
        AllianceStatus.ONGOING,
        True,
        [("region", "53")],
        [3, 17],
        [("bretagnesante", LEAD), ("fondouest", FUNDER), ("rennes", PARTNER)],
        "Des points d'écoute animés par des pairs, financés par une fondation et accueillis par la ville.",
    ),
    (
        "Vélo pour tous à Strasbourg",
        T.TERRITORIAL,
        AllianceStatus.ONGOING,
        False,
        [("commune", "67482")],
        [11, 13, 17],
        [("rhinvelo", LEAD), ("strasbourg", FUNDER)],
        "Des vélos remis en état et prêtés aux personnes qui reprennent un emploi.",
    ),
    (
        "Eau potable et hygiène à Mamoudzou",
        T.COOPERATION,
        AllianceStatus.ONGOING,
        True,
        [("commune", "97611")],
        [5, 6, 17],
        [("femmesmay", LEAD), ("mamoudzou", PARTNER), ("fondouest", FUNDER)],
        "Des associations de femmes forment aux gestes d'hygiène et relaient les points d'eau installés par la commune.",
    ),
    (
        "Agriculture durable en Martinique",
        T.CO_CONSTRUCTION,
        AllianceStatus.ONGOING,
        False,
        [("region", "02")],
        [2, 15, 17],
        [("agrimart", LEAD), ("fortdefrance", PARTNER)],
        "Une coopérative et la ville développent des cultures sans chlordécone pour les cantines.",
    ),
    (
        "Littoral corse vivant",
        T.SPONSORSHIP,
        AllianceStatus.PLANNED,
        False,
        [("departement", "2A")],
        [14, 17],
        [("mare", LEAD), ("ajaccio", PARTNER), ("fondnord", FUNDER)],
        "Suivi participatif des herbiers de posidonie avec les plaisanciers.",
    ),
    (
        "Forêts des volcans",
        T.COOPERATION,
        AllianceStatus.ONGOING,
        False,
        [("commune", "63113")],
        [12, 15, 17],
        [("auvergnebois", LEAD), ("clermont", EVALUATOR)],
        "Une scierie et une université populaire expérimentent une gestion forestière douce et la documentent.",
    ),
    (
        "Réseau national des alliances apprenantes",
        T.SOCIAL_INNOVATION,
        AllianceStatus.ONGOING,
        True,
        [("region", "84"), ("region", "32"), ("region", "93")],
        [4, 17],
        [("univlille", LEAD), ("fol", PARTNER), ("calanques", PARTNER), ("nordnet", CATALYST)],
        "Des alliances de trois régions partagent leurs méthodes et évaluent ensemble leurs effets.",
    ),
]
# (person, organisation key or None, territories [(kind, code)], description)
CATALYSTS = [
    (
        "Camille Laurent",
        "nordnet",
        [("departement", "59")],
        "Anime le réseau des acteurs du numérique solidaire du Nord.",
    ),
    (
        "Yanis Benali",
        None,
        [("commune", "13055")],
        "Accompagne les collectifs d'habitants des quartiers nord de Marseille.",
    ),
    ("", "fol", [("departement", "01")], "Fédère les associations d'éducation populaire de l'Ain."),
    (
        "Maëlle Le Goff",
        "fondouest",
        [("region", "53")],
        "Relie fondations, entreprises et associations bretonnes.",
    ),
    (
        "Anli Madi",
        "femmesmay",
        [("departement", "976")],
        "Catalyse les alliances pour l'eau et la santé à Mayotte.",
    ),
    (
        "Hugo Martin",
        None,
        [("epci", "200046977")],
        "Connecte entreprises et associations de la Métropole de Lyon.",
    ),
]


def _territory(kind: str, code: str) -> Territory:
    return Territory.objects.get(kind=kind, code=code)


@transaction.atomic
def registry_demo_load() -> tuple[int, int]:
    """Create or refresh the demo registry; returns (organisations, alliances). Idempotent."""
    goals = {goal.number: goal for goal in Goal.objects.all()}
    organisations = {}
    for key, (name, world, commune_code, theme, sdgs) in ORGANISATIONS.items():
        commune = Territory.objects.get(kind__in=["commune", "arrondissement"], code=commune_code)
        organisation, _created = Organisation.objects.update_or_create(
            name=name,
            is_demo=True,
            defaults={
                "world": world,
                "commune": commune,
                "waldec_theme": theme,
                "source": Source.DEMO,
                "siren": (commune.siren or None) if name.startswith("Ville") else None,
            },
        )
        organisation.goals.set([goals[n] for n in sdgs])
        organisations[key] = organisation
    for title, kind, status, inspiring, territories, sdgs, members, summary in ALLIANCES:
        alliance, _created = Alliance.objects.update_or_create(
            title=title,
            is_demo=True,
            defaults={
                "alliance_type": kind,
                "status": status,
                "inspiring": inspiring,
                "summary": summary,
                "publication": Publication.PUBLISHED,
                "source": Source.DEMO,
            },
        )
        alliance.territories.set([_territory(*t) for t in territories])
        alliance.goals.set([goals[n] for n in sdgs])
        for key, role in members:
            Membership.objects.get_or_create(
                alliance=alliance, organisation=organisations[key], role=role
            )
    for person, key, territories, description in CATALYSTS:
        catalyst, _created = Catalyst.objects.update_or_create(
            person_name=person,
            organisation=organisations[key] if key else None,
            is_demo=True,
            defaults={"description": description},
        )
        catalyst.territories.set([_territory(*t) for t in territories])
    return len(organisations), len(ALLIANCES)
