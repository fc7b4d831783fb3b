"""Duplicate candidates, merging, and the trigram index behind substring search."""

import pytest
from django.db import connection
from django.utils import translation

from alliances.core.errors import DomainError
from alliances.registry.duplicates import RNA_BRIDGE, SAME_SIREN, SIMILAR_NAME, duplicate_candidates
from alliances.registry.models import (
    Catalyst,
    CorrectionRequest,
    Membership,
    Organisation,
    OrganisationMerge,
)
from alliances.registry.services.merge import organisation_merge
from alliances.territories.models import Territory
from tests.factories import UserFactory
from tests.registry.factories import (
    AllianceFactory,
    CatalystFactory,
    MembershipFactory,
    OrganisationFactory,
    commune,
)

pytestmark = pytest.mark.django_db

SIREN = "552008443"
RNA = "W012345678"


def reasons(pairs) -> set:
    return {(p.reason, frozenset((p.first.pk, p.second.pk))) for p in pairs}


def test_candidates_by_siren_bridge_and_names():
    by_siren = OrganisationFactory(name="Alpha", siren=SIREN)
    by_siret = OrganisationFactory(
        name="Alpha siège", siret=SIREN + "00012", commune=commune("01004")
    )
    rna = OrganisationFactory(name="Jardins du Bugey", rna_id=RNA)
    bridged = OrganisationFactory(
        name="JARDINS BUGEY", siren="732829320", sirene_rna_id=RNA, commune=commune("01004")
    )
    near = OrganisationFactory(name="Association Les Amis de la Musique")
    near_twin = OrganisationFactory(name="AMIS DE LA MUSIQUE (LES)")
    OrganisationFactory(name="Amis de la Musique", commune=commune("01004"))  # other commune
    OrganisationFactory(name="Amis du Théâtre")  # same commune, different name
    pairs = duplicate_candidates()
    assert reasons(pairs) == {
        (SAME_SIREN, frozenset((by_siren.pk, by_siret.pk))),
        (RNA_BRIDGE, frozenset((rna.pk, bridged.pk))),
        (SIMILAR_NAME, frozenset((near.pk, near_twin.pk))),
    }
    assert duplicate_candidates(limit=1)[0].reason == SAME_SIREN
    other = Territory.objects.get(kind="departement", code="75")
    assert duplicate_candidates(departement=other) == []


def test_names_compared_only_inside_blocks_and_each_pair_once():
    for index in range(30):
        OrganisationFactory(name=f"Club sportif numéro {index}")
    twins = [
        OrganisationFactory(name="Comité des fêtes de Bourg"),
        OrganisationFactory(name="Comite des Fetes de Bourg"),
    ]
    pairs = duplicate_candidates(limit=500)
    keys = [frozenset((p.first.pk, p.second.pk)) for p in pairs]
    assert len(keys) == len(set(keys))
    assert frozenset(t.pk for t in twins) in keys


def test_merge_moves_memberships_keeps_history_and_completes_identifiers():
    user = UserFactory(is_staff=True)
    kept = OrganisationFactory(name="Amis de la musique", siren=SIREN)
    duplicate = OrganisationFactory(
        name="Les amis de la musique", rna_id=RNA, website="https://amis.example"
    )
    shared = AllianceFactory()
    MembershipFactory(alliance=shared, organisation=kept, role="partner")
    MembershipFactory(alliance=shared, organisation=duplicate, role="partner")
    MembershipFactory(organisation=duplicate, role="lead")
    CatalystFactory(organisation=duplicate, person_name="")
    CorrectionRequest.objects.create(organisation=duplicate, message="Adresse fausse")
    merge = organisation_merge(kept=kept, duplicate=duplicate, by=user)
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    kept.refresh_from_db()
    assert (kept.siren, kept.rna_id, kept.website) == (SIREN, RNA, "https://amis.example")
    assert Membership.objects.filter(organisation=kept).count() == 2
    assert Catalyst.objects.get().organisation == kept
    assert CorrectionRequest.objects.get().organisation == kept
    assert merge.memberships_moved == 2 and merge.by == user
    assert merge.merged_snapshot["name"] == "Les amis de la musique"
    assert merge.merged_snapshot["rna_id"] == RNA and merge.merged_snapshot["id"] == duplicate.pk


def test_merge_refuses_two_legal_units_and_itself():
    first = OrganisationFactory(siren=SIREN)
    second = OrganisationFactory(siren="732829320")
    MembershipFactory(organisation=second)
    with translation.override("en"), pytest.raises(DomainError, match="different SIREN"):
        organisation_merge(kept=first, duplicate=second, by=None)
    with pytest.raises(DomainError):
        organisation_merge(kept=first, duplicate=first, by=None)
    assert Organisation.objects.filter(pk=second.pk).exists()
    assert Membership.objects.get().organisation == second
    assert not OrganisationMerge.objects.exists()


def test_duplicate_page_lists_and_merges_for_staff_only(client):
    kept = OrganisationFactory(name="Alpha", siren=SIREN)
    duplicate = OrganisationFactory(name="Alpha bis", siret=SIREN + "00012")
    MembershipFactory(organisation=duplicate)
    client.force_login(UserFactory())
    assert client.get("/moderation/doublons/").status_code == 403
    assert (
        client.post(
            "/moderation/doublons/fusion/", {"kept": kept.pk, "duplicate": duplicate.pk}
        ).status_code
        == 403
    )
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/moderation/doublons/?departement=01")
    html = response.content.decode()
    assert response.status_code == 200 and "INVALID_TEMPLATE_VARIABLE" not in html
    assert "Alpha bis" in html and "même SIREN" in html
    response = client.post(
        "/moderation/doublons/fusion/", {"kept": kept.pk, "duplicate": duplicate.pk}, follow=True
    )
    html = response.content.decode()
    assert "a été fusionné" in html
    assert Membership.objects.get().organisation == kept
    assert f"#{duplicate.pk} Alpha bis" in html  # in the history
    response = client.post("/moderation/doublons/fusion/", {"kept": "x"}, follow=True)
    assert "Choisissez" in response.content.decode()


def test_trigram_index_serves_substring_search():
    OrganisationFactory(name="Fédération des œuvres laïques")
    assert list(Organisation.objects.search("LAIQUES").values_list("name", flat=True)) == [
        "Fédération des œuvres laïques"
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'registry_%%_trgm'"
            )
            assert {row[0] for row in cursor.fetchall()} == {
                "registry_org_search_name_trgm",
                "registry_alliance_search_title_trgm",
            }
            queryset = Organisation.objects.search("LAIQUES").order_by()
            sql, params = queryset.query.sql_with_params()
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "registry_org_search_name_trgm" in plan
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type='index' AND name LIKE '%trgm%'"
            )
            assert cursor.fetchall() == []
