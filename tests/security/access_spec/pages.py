"""Who may reach each HTML page: public pages, open data, the observatory, roadmap steering,
studies, the registry, mobilisation and the kit."""

from tests.security.access_spec.base import (
    ADMIN,
    ALLIANCES_SUBMITTED,
    CATALYSTS_AND_MODERATORS,
    CONTRIBUTIONS,
    DEBATE,
    DEPARTEMENT,
    EVALUATORS_OF_A,
    EVENT_MANAGERS,
    EVENTS,
    EVERYONE,
    MEASURE_EDITORS,
    MEASURES,
    MODERATORS,
    MODERATORS_IN_A,
    NOBODY,
    ORGANISATION_A_ADMINS,
    ORGANISATIONS,
    PROGRAMME,
    PROGRAMME_MANAGERS,
    PROGRAMMES,
    PUBLISHED_ALLIANCES,
    RESOURCES,
    SELF,
    SIGNED_IN,
    STUDIES,
    Rule,
    Scoped,
    fixed,
    own_other,
    per_user_objects,
)

SPEC: dict[str, Rule] = {
    # --- Language switch and public pages -----------------------------------------------------
    "set_language": Rule(
        read=EVERYONE, write=EVERYONE, post={"language": "en"}, note="A GET just redirects."
    ),
    "web:home": Rule(read=EVERYONE),
    "web:accessibility": Rule(read=EVERYONE),
    "web:accessibility_plan": Rule(read=EVERYONE),
    "web:legal": Rule(read=EVERYONE),
    "web:privacy": Rule(read=EVERYONE),
    "security_txt": Rule(read=EVERYONE),
    # --- Open data ---------------------------------------------------------------------------
    "web:opendata": Rule(read=EVERYONE),
    "web:opendata_schema": Rule(read=EVERYONE),
    "web:opendata_file": Rule(
        objects=fixed(name="no-such-file.csv"),
        note="Files exist once `alliances export_opendata` ran: a missing one is 404 for all.",
    ),
    # --- Territories and the observatory -----------------------------------------------------
    "web:territory_index": Rule(read=EVERYONE),
    "web:territory": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "web:observatory_map": Rule(read=EVERYONE),
    "web:observatory_map_csv": Rule(export=EVERYONE),
    "web:diagnostic_france": Rule(read=EVERYONE),
    "web:diagnostic_france_csv": Rule(export=EVERYONE, objects=fixed(slug="actors")),
    "web:diagnostic_france_pdf": Rule(export=EVERYONE, heavy=True),
    "web:network_france": Rule(read=EVERYONE),
    "web:network_france_csv": Rule(export=EVERYONE),
    "web:network_france_export": Rule(export=EVERYONE, objects=fixed(fmt="graphml"), heavy=True),
    "web:diagnostic": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "web:diagnostic_csv": Rule(
        export=EVERYONE, objects=fixed(kind="departement", code="01", slug="actors")
    ),
    "web:diagnostic_pdf": Rule(export=EVERYONE, objects=DEPARTEMENT, heavy=True),
    "web:network": Rule(read=EVERYONE, objects=DEPARTEMENT),
    "web:network_csv": Rule(export=EVERYONE, objects=DEPARTEMENT),
    "web:network_export": Rule(
        export=EVERYONE, objects=fixed(kind="departement", code="01", fmt="gexf"), heavy=True
    ),
    "web:network_france_bipartite": Rule(export=EVERYONE, objects=fixed(fmt="graphml"), heavy=True),
    "web:network_bipartite": Rule(
        export=EVERYONE, objects=fixed(kind="departement", code="01", fmt="gexf"), heavy=True
    ),
    "web:challenge": Rule(read=EVERYONE),
    "web:goal_index": Rule(read=EVERYONE),
    "web:goal": Rule(read=EVERYONE, objects=fixed(number=11)),
    # --- Roadmap steering: reads public, edits by pilots (own measure) and co-pilots ----------
    "web:programme_list": Rule(read=EVERYONE),
    "web:programme": Rule(read=EVERYONE, objects=fixed(**PROGRAMME)),
    "web:programme_system": Rule(read=EVERYONE, objects=fixed(**PROGRAMME)),
    "web:programme_timeline": Rule(read=EVERYONE, objects=fixed(**PROGRAMME)),
    "web:measure": Rule(read=EVERYONE, objects=MEASURES),
    "web:measure_edit": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
    ),
    "web:progress_update_add": Rule(
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
    ),
    "web:milestone_add": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
    ),
    "web:milestone_edit": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=own_other(
            {
                "slug": "@programme.slug",
                "code": "@measure_own.code",
                "pk": "@milestone_own.pk",
            },
            {
                "slug": "@programme.slug",
                "code": "@measure_other.code",
                "pk": "@milestone_other.pk",
            },
        ),
    ),
    "web:indicator_value_add": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=own_other(
            {"slug": "@programme.slug", "pk": "@indicator_own.pk"},
            {"slug": "@programme.slug", "pk": "@indicator_other.pk"},
        ),
    ),
    "web:indicator_override": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=own_other(
            {"slug": "@programme.slug", "pk": "@indicator_own.pk"},
            {"slug": "@programme.slug", "pk": "@indicator_other.pk"},
        ),
    ),
    "web:measure_confirm": Rule(
        read=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        write=Scoped(own=MEASURE_EDITORS, other=PROGRAMME_MANAGERS),
        objects=MEASURES,
    ),
    "web:reports": Rule(
        read=EVERYONE,
        write=Scoped(own=PROGRAMME_MANAGERS, other=ADMIN),
        objects=PROGRAMMES,
    ),
    "web:report": Rule(read=EVERYONE, objects=fixed(slug="@programme.slug", pk="@report.pk")),
    "web:report_pdf": Rule(
        export=EVERYONE, objects=fixed(slug="@programme.slug", pk="@report.pk"), heavy=True
    ),
    "web:programme_export": Rule(
        export=EVERYONE, objects=fixed(slug="@programme.slug", fmt="xlsx")
    ),
    "web:programme_import": Rule(
        read=Scoped(own=PROGRAMME_MANAGERS, other=ADMIN),
        write=Scoped(own=PROGRAMME_MANAGERS, other=ADMIN),
        objects=PROGRAMMES,
    ),
    # Debates on measures: opened, closed and concluded by the programme's co-pilots.
    "web:debate_add": Rule(read=PROGRAMME_MANAGERS, write=PROGRAMME_MANAGERS, objects=MEASURES),
    "web:debate": Rule(read=EVERYONE, objects=DEBATE),
    "web:debate_close": Rule(write=PROGRAMME_MANAGERS, objects=DEBATE),
    "web:debate_conclude": Rule(write=PROGRAMME_MANAGERS, objects=DEBATE),
    # --- Studies: published ones public, drafts and tools for study editors (moderators) -----
    "web:study_index": Rule(read=EVERYONE),
    "web:study": Rule(read=Scoped(own=EVERYONE, other=MODERATORS), objects=STUDIES),
    "web:study_import": Rule(read=MODERATORS, write=MODERATORS, objects=STUDIES),
    "web:study_weighting": Rule(read=MODERATORS, write=MODERATORS, objects=STUDIES),
    "web:study_download": Rule(
        export=EVERYONE, objects=fixed(slug="@study.slug", extension="xlsx")
    ),
    "web:study_question_csv": Rule(
        export=EVERYONE, objects=fixed(slug="@study.slug", variable="jouer_collectif")
    ),
    # --- Registry --------------------------------------------------------------------------
    "web:registry_search": Rule(read=EVERYONE),
    "web:organisation_list": Rule(read=EVERYONE),
    "web:organisation": Rule(read=EVERYONE, objects=ORGANISATIONS),
    "web:organisation_edit": Rule(
        read=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        write=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        objects=ORGANISATIONS,
    ),
    "web:organisation_members": Rule(
        read=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        write=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        objects=ORGANISATIONS,
    ),
    "web:organisation_member_change": Rule(
        write=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        delete=Scoped(own=ORGANISATION_A_ADMINS, other=MODERATORS),
        objects=own_other(
            {"pk": "@organisation_a.pk", "member": "@membership_a.pk"},
            {"pk": "@organisation_b.pk", "member": "@membership_b.pk"},
        ),
        post={"role": "admin"},
    ),
    "web:alliance_list": Rule(read=EVERYONE),
    "web:alliance_submit": Rule(read=EVERYONE, write=EVERYONE),
    "web:alliance": Rule(
        read=Scoped(own=MODERATORS_IN_A | {"org_member", "org_admin"}, other=MODERATORS),
        objects=ALLIANCES_SUBMITTED,
        note="Submitted alliances; published ones are public (leak sentinels check the rest).",
    ),
    "web:alliance_template": Rule(export=EVERYONE, objects=fixed(fmt="xlsx")),
    "web:alliance_import": Rule(read=MODERATORS, write=MODERATORS),
    "web:duplicates": Rule(read=MODERATORS),
    "web:duplicate_merge": Rule(write=MODERATORS),
    "web:catalyst_list": Rule(read=EVERYONE),
    "web:correction_report": Rule(
        read=EVERYONE,
        write=EVERYONE,
        objects=own_other(
            {"kind": "organisation", "pk": "@organisation_a.pk"},
            {"kind": "alliance", "pk": "@alliance_pub_b.pk"},
        ),
    ),
    "web:moderation": Rule(read=CATALYSTS_AND_MODERATORS),
    "web:moderation_alliance": Rule(
        write=Scoped(own=MODERATORS_IN_A, other=MODERATORS),
        objects=ALLIANCES_SUBMITTED,
        post={"to": "published"},
    ),
    "web:moderation_correction": Rule(
        write=Scoped(own=MODERATORS_IN_A, other=MODERATORS),
        objects=own_other({"pk": "@correction_a.pk"}, {"pk": "@correction_b.pk"}),
        post={"status": "accepted"},
    ),
    # --- Mobilisation -------------------------------------------------------------------------
    "web:event_list": Rule(read=EVERYONE),
    "web:events_feed": Rule(export=EVERYONE),
    "web:event": Rule(read=EVERYONE, objects=EVENTS),
    "web:event_register": Rule(write=EVERYONE, objects=EVENTS),
    "web:event_ical": Rule(export=EVERYONE, objects=EVENTS),
    "web:event_attendees": Rule(
        export=Scoped(own=EVENT_MANAGERS, other=MODERATORS),
        objects=own_other({"pk": "@event_a.pk", "fmt": "csv"}, {"pk": "@event_b.pk", "fmt": "csv"}),
    ),
    "web:registration_cancel": Rule(
        read=Scoped(own=EVERYONE, other=NOBODY),
        write=Scoped(own=EVERYONE, other=NOBODY),
        objects=own_other({"token": "@cancel_token"}, {"token": "forged-token"}),
        note="A capability link: the signed token is the key, for whoever holds it.",
    ),
    "web:contribution_add": Rule(
        write=SIGNED_IN,
        objects=own_other(
            {"kind": "alliance", "pk": "@alliance_pub_a.pk"},
            {"kind": "measure", "pk": "@measure_other.pk"},
        ),
    ),
    "web:contribution_reply": Rule(write=SIGNED_IN, objects=CONTRIBUTIONS),
    "web:contribution_react": Rule(write=SIGNED_IN, objects=CONTRIBUTIONS),
    "web:contribution_report": Rule(read=SIGNED_IN, write=SIGNED_IN, objects=CONTRIBUTIONS),
    "web:contribution_moderation": Rule(read=CATALYSTS_AND_MODERATORS),
    "web:contribution_moderate": Rule(
        write=Scoped(own=MODERATORS_IN_A, other=MODERATORS),
        objects=CONTRIBUTIONS,
        post={"action": "hide", "reason": "hors sujet"},
    ),
    "web:follow": Rule(
        write=SIGNED_IN,
        objects=own_other(
            {"kind": "alliance", "pk": "@alliance_pub_a.pk"},
            {"kind": "territory", "pk": "@departement_b.pk"},
        ),
    ),
    "web:notification_settings": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "web:record_confirm": Rule(
        read=Scoped(own=EVERYONE, other=NOBODY),
        write=Scoped(own=EVERYONE, other=NOBODY),
        objects=own_other({"token": "@confirm_token"}, {"token": "forged-token"}),
        note="A capability link from a yearly reminder: the signed token is the key.",
    ),
    "web:unsubscribe": Rule(
        read=Scoped(own=EVERYONE, other=NOBODY),
        write=Scoped(own=EVERYONE, other=NOBODY),
        objects=own_other({"token": "@unsubscribe_token"}, {"token": "forged-token"}),
        note="A capability link from a notification e-mail.",
    ),
    # --- Kit --------------------------------------------------------------------------------
    "web:kit_resources": Rule(read=EVERYONE),
    "web:kit_resource_add": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "web:kit_moderation": Rule(read=MODERATORS),
    "web:kit_saved_searches": Rule(read=SIGNED_IN),
    "web:kit_saved_search_add": Rule(write=SIGNED_IN, post={"q": "climat", "label": "Climat"}),
    "web:kit_saved_search_delete": Rule(delete=SELF, objects=per_user_objects("saved_search")),
    "web:kit_paths": Rule(read=EVERYONE),
    "web:kit_path": Rule(
        objects=fixed(slug="no-such-path"), note="No guided path in the fixtures: 404 for all."
    ),
    "web:kit_resource": Rule(
        read=Scoped(own=MODERATORS | {"contributor"}, other=MODERATORS),
        objects=RESOURCES,
        note="Draft resources: the author (contributor) and the kit editors.",
    ),
    "web:kit_resource_edit": Rule(
        read=Scoped(own=MODERATORS | {"contributor"}, other=MODERATORS),
        write=Scoped(own=MODERATORS | {"contributor"}, other=MODERATORS),
        objects=RESOURCES,
    ),
    "web:kit_resource_move": Rule(
        write=Scoped(own=MODERATORS | {"contributor"}, other=MODERATORS),
        objects=RESOURCES,
        post={"to": "submitted"},
    ),
    "web:kit_bookmark": Rule(write=SIGNED_IN, objects=fixed(pk="@resource_published.pk")),
    "web:compass": Rule(read=EVERYONE),
    "web:compass_result": Rule(
        objects=fixed(token="forged-token"), note="A capability link; a forged one is 404."
    ),
    "web:compass_result_pdf": Rule(
        objects=fixed(token="forged-token"), note="A capability link; a forged one is 404."
    ),
    # Answered by the people of the alliance's member organisations (organisation A's, for the
    # alliance published in A), for their organisation.
    "web:alliance_evaluation": Rule(
        read=EVALUATORS_OF_A, write=EVALUATORS_OF_A, objects=PUBLISHED_ALLIANCES
    ),
    "web:compass_answer": Rule(
        read=EVERYONE, write=EVERYONE, objects=fixed(slug="@questionnaire.slug")
    ),
}
