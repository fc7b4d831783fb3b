"""Who may reach each API endpoint: reads public; writes (JSON) by the same roles as the
pages."""

from tests.security.access_spec.base import (
    ALLIANCES_SUBMITTED,
    CONTRIBUTIONS,
    DEBATE,
    DEPARTEMENT,
    EVALUATORS_OF_A,
    EVENTS,
    EVERYONE,
    MEASURE_EDITORS,
    MEASURES,
    MODERATORS,
    MODERATORS_IN_A,
    ORGANISATION_A_ADMINS,
    ORGANISATIONS,
    PROGRAMME,
    PROGRAMME_MANAGERS,
    PUBLISHED_ALLIANCES,
    RESOURCES,
    SIGNED_IN,
    STUDY,
    Rule,
    Scoped,
    fixed,
    own_other,
)

SPEC: dict[str, Rule] = {
    # --- API: reads public; writes (JSON) by the same roles as the pages -------------------
    "api:schema": Rule(read=EVERYONE),
    "api:docs": Rule(read=EVERYONE),
    "api:territory-list": Rule(read=EVERYONE),
    "api:territory-detail": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "api:diagnostic-france": Rule(read=EVERYONE),
    "api:network-france": Rule(read=EVERYONE),
    "api:diagnostic": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "api:network": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "api:organisation-suggestions": Rule(read=EVERYONE, objects=ORGANISATIONS),
    "api:goal-list": Rule(read=EVERYONE),
    "api:goal-detail": Rule(read=EVERYONE, objects=fixed(number=11)),
    "api:organisation-list": Rule(
        read=EVERYONE,
        write=MODERATORS,
        post={"name": "Nouvelle association", "world": "association"},
    ),
    "api:organisation-detail": Rule(
        read=EVERYONE,
        write=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        objects=ORGANISATIONS,
        write_method="patch",
        post={"short_name": "Sigle"},
    ),
    "api:organisation-corrections": Rule(
        write=SIGNED_IN, objects=ORGANISATIONS, post={"message": "Le nom a changé."}
    ),
    "api:alliance-list": Rule(
        read=EVERYONE, write=SIGNED_IN, note="A proposal; an empty one is a 400 past the rights."
    ),
    "api:alliance-publication": Rule(
        write=Scoped(own=MODERATORS_IN_A, other=MODERATORS),
        objects=ALLIANCES_SUBMITTED,
        post={"to": "published"},
    ),
    "api:alliance-corrections": Rule(
        write=SIGNED_IN,
        objects=PUBLISHED_ALLIANCES,
        post={"message": "Le titre a changé."},
    ),
    "api:correction-handle": Rule(
        write=Scoped(own=MODERATORS_IN_A, other=MODERATORS),
        objects=own_other({"pk": "@correction_a.pk"}, {"pk": "@correction_b.pk"}),
        post={"status": "accepted"},
    ),
    "api:alliance-evaluation": Rule(
        read=EVERYONE, write=EVALUATORS_OF_A, objects=PUBLISHED_ALLIANCES
    ),
    "api:alliance-detail": Rule(
        read=EVERYONE,
        objects=PUBLISHED_ALLIANCES,
    ),
    "api:catalyst-list": Rule(read=EVERYONE),
    "api:resource-list": Rule(read=EVERYONE, write=SIGNED_IN, note="A proposal (draft)."),
    "api:resource-detail": Rule(
        read=EVERYONE,
        write=MODERATORS,
        objects=fixed(pk="@resource_published.pk"),
        write_method="patch",
        post={"title": "Titre revu"},
        note="A published resource is changed by the kit's editors only.",
    ),
    "api:resource-transition": Rule(
        write=Scoped(own=MODERATORS | {"contributor"}, other=MODERATORS),
        objects=RESOURCES,
        post={"to": "submitted"},
    ),
    "api:resource-bookmark": Rule(
        write=SIGNED_IN, objects=fixed(pk="@resource_published.pk"), write_method="put"
    ),
    "api:questionnaire-list": Rule(read=EVERYONE),
    "api:questionnaire-detail": Rule(read=EVERYONE, objects=fixed(slug="@questionnaire.slug")),
    "api:assessment-create": Rule(
        write=EVERYONE,
        objects=fixed(slug="@questionnaire.slug"),
        note="The compass needs no account; an empty answer is a 400 past the rights.",
    ),
    "api:assessment-detail": Rule(
        objects=fixed(token="forged-token"), note="A capability link; a forged one is 404."
    ),
    "api:compass-statistics": Rule(read=EVERYONE),
    "api:compass-statistics-territory": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "api:challenge-partners": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "api:event-list": Rule(read=EVERYONE),
    "api:event-detail": Rule(read=EVERYONE, objects=EVENTS),
    "api:event-registration": Rule(write=SIGNED_IN, objects=EVENTS),
    "api:contribution-list": Rule(write=SIGNED_IN),
    "api:contribution-reports": Rule(
        write=SIGNED_IN, objects=CONTRIBUTIONS, post={"reason": "Hors sujet."}
    ),
    "api:debate-list": Rule(read=EVERYONE),
    "api:debate-detail": Rule(read=EVERYONE, objects=DEBATE),
    "api:study-list": Rule(read=EVERYONE),
    "api:study-detail": Rule(read=EVERYONE, objects=STUDY),
    "api:estimate-list": Rule(read=EVERYONE, objects=STUDY),
    "api:programme-list": Rule(read=EVERYONE),
    "api:programme-detail": Rule(read=EVERYONE, objects=fixed(**PROGRAMME)),
    "api:measure-list": Rule(read=EVERYONE, objects=fixed(**PROGRAMME)),
    "api:measure-detail": Rule(
        read=EVERYONE,
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
        write_method="patch",
        post={"version": 1, "status": "ongoing"},
    ),
    "api:progress-update-list": Rule(
        read=EVERYONE,
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
        post={"date": "2024-01-15", "status": "on_track", "narrative": "Avancement."},
    ),
    "api:milestone-list": Rule(
        read=EVERYONE,
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
        post={"kind": "milestone", "title": "Atelier", "due_date": "2030-01-15"},
    ),
    "api:milestone-detail": Rule(
        read=EVERYONE,
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write_method="patch",
        post={"version": 1, "title": "Jalon renommé"},
        objects=own_other(
            {"slug": "@programme.slug", "pk": "@milestone_own.pk"},
            {"slug": "@programme.slug", "pk": "@milestone_other.pk"},
        ),
    ),
    "api:indicator-values": Rule(
        read=EVERYONE,
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        post={"date": "2024-01-15", "value": "5"},
        objects=own_other(
            {"slug": "@programme.slug", "pk": "@indicator_own.pk"},
            {"slug": "@programme.slug", "pk": "@indicator_other.pk"},
        ),
    ),
}
