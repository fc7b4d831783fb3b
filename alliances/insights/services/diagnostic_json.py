"""A diagnostic shaped and rendered as the API's JSON, without the serialiser (ADR 0021).

Mirrors `alliances.api.insights.serializers.DiagnosticSerializer`: `diagnostic_json` renders a
diagnostic as the two halves of the API's response (the survey results go between them), with the
parts shared by many territories (references, summaries, peers) rendered once. The byte-for-byte
test (`tests/insights/test_stored_diagnostics.py`) keeps both in step.
"""

from rest_framework.fields import DateTimeField
from rest_framework.renderers import JSONRenderer

from alliances.insights import selectors
from alliances.insights.models import TerritorySummary
from alliances.territories.models import Territory

_renderer = JSONRenderer()
_datetime = DateTimeField()


def _ref(territory: Territory | None) -> dict | None:
    if territory is None:
        return None
    return {"kind": territory.kind, "code": territory.code, "name": territory.name}


def _float(value) -> float | None:
    return None if value is None else float(value)


def _summary(summary: TerritorySummary | None) -> dict | None:
    if summary is None:
        return None
    return {
        "population": summary.population,
        "actors_active": summary.actors_active,
        "actors_dissolved": summary.actors_dissolved,
        "associations_active": summary.associations_active,
        "actors_per_1000": _float(summary.actors_per_1000),
        "associations_per_1000": _float(summary.associations_per_1000),
        "alliances": summary.alliances,
        "alliances_per_100k": _float(summary.alliances_per_100k),
        "cross_world_alliances": summary.cross_world_alliances,
        "cross_world_share": _float(summary.cross_world_share),
        "catalysts": summary.catalysts,
        "goals_with_alliances": summary.goals_with_alliances,
    }


def _key_counts(rows: list[dict]) -> list[dict]:
    return [
        {"key": str(row["key"]), "label": str(row["label"]), "count": row["count"]} for row in rows
    ]


def perceptions_data(perceptions: list[selectors.Perception]) -> list[dict]:
    return [
        {
            "question": str(row.question),
            "answer": str(row.answer),
            "share": float(row.share),
            "national_share": _float(row.national_share),
            "source": str(row.source),
        }
        for row in perceptions
    ]


def diagnostic_data(diagnostic: selectors.Diagnostic) -> dict:
    """The diagnostic as the API serialises it (`DiagnosticSerializer(diagnostic).data`)."""
    refresh = diagnostic.refresh
    return {
        "territory": _ref(diagnostic.territory),
        "as_of": _datetime.to_representation(refresh.finished_at) if refresh else None,
        "summary": _summary(diagnostic.summary),
        "parent": _ref(diagnostic.parent),
        "parent_summary": _summary(diagnostic.parent_summary),
        "national": _summary(diagnostic.national),
        **_middle(diagnostic),
        "perceptions": perceptions_data(diagnostic.perceptions),
        "peers": [
            {**_summary(peer), "territory": _ref(peer.territory)} for peer in diagnostic.peers
        ],
    }


def _middle(diagnostic: selectors.Diagnostic) -> dict:
    """The parts between the national summary and the perceptions."""
    return {
        "actors_by_world": [
            {
                "world": str(row["key"]),
                "active": row["active"],
                "dissolved": row["dissolved"],
                "per_1000": _float(row["per_1000"]),
            }
            for row in diagnostic.actors_by_world()
        ],
        "association_themes": _key_counts(diagnostic.association_themes()),
        "alliance_types": _key_counts(diagnostic.alliance_types()),
        "alliance_years": diagnostic.alliance_years(),
        "member_worlds": _key_counts(diagnostic.member_worlds()),
        "goals": [
            {"goal": row.goal.number, "alliances": row.alliances, "actors": row.actors}
            for row in diagnostic.goals
        ],
        "empty_goals": [goal.number for goal in diagnostic.empty_goals],
        "priorities": [
            {
                "goal": row.goal.number,
                "indicator": row.indicator.code,
                "indicator_name": str(row.indicator.name),
                "unit": row.indicator.unit,
                "year": row.year,
                "value": float(row.value),
                "measured_at": str(row.measured_at),
                "reference_value": float(row.reference_value),
                "reference": str(row.reference_name),
                "alliances": row.alliances,
                "alliances_per_100k": _float(row.alliances_per_100k),
                "national_per_100k": _float(row.national_per_100k),
                "is_demo": bool(row.is_demo),
            }
            for row in diagnostic.priorities
        ],
    }


def render(data) -> bytes:
    """JSON as the API renders it (DRF's renderer, compact, UTF-8)."""
    return b"null" if data is None else _renderer.render(data)


def _member(key: str, value: bytes) -> bytes:
    return b'"' + key.encode() + b'":' + value  # the keys here are plain ASCII names


class Fragments:
    """Rendered territory references and summaries, each rendered once and shared by every
    payload that shows it (a summary appears as the peer of ten territories, France's in all)."""

    def __init__(self) -> None:
        self._refs: dict[int, bytes] = {}
        self._summaries: dict[int, bytes] = {}
        self._peers: dict[int, bytes] = {}

    def ref(self, territory: Territory | None) -> bytes:
        if territory is None:
            return b"null"
        if territory.pk not in self._refs:
            self._refs[territory.pk] = render(_ref(territory))
        return self._refs[territory.pk]

    def summary(self, summary: TerritorySummary | None) -> bytes:
        if summary is None:
            return b"null"
        if summary.pk not in self._summaries:
            self._summaries[summary.pk] = render(_summary(summary))
        return self._summaries[summary.pk]

    def peer(self, summary: TerritorySummary) -> bytes:
        if summary.pk not in self._peers:
            self._peers[summary.pk] = (
                self.summary(summary)[:-1] + b',"territory":' + self.ref(summary.territory) + b"}"
            )
        return self._peers[summary.pk]


def diagnostic_json(diagnostic: selectors.Diagnostic, fragments: Fragments) -> tuple[bytes, bytes]:
    """`render(diagnostic_data(diagnostic))` cut around its perceptions, assembled from shared
    fragments (the same bytes: `tests/insights/test_stored_diagnostics.py`)."""
    refresh = diagnostic.refresh
    as_of = _datetime.to_representation(refresh.finished_at) if refresh else None
    head = b",".join(
        (
            _member("territory", fragments.ref(diagnostic.territory)),
            _member("as_of", render(as_of)),
            _member("summary", fragments.summary(diagnostic.summary)),
            _member("parent", fragments.ref(diagnostic.parent)),
            _member("parent_summary", fragments.summary(diagnostic.parent_summary)),
            _member("national", fragments.summary(diagnostic.national)),
            render(_middle(diagnostic))[1:-1],  # its members, without the braces
        )
    )
    peers = b",".join(fragments.peer(peer) for peer in diagnostic.peers)
    return b"{" + head + b',"perceptions":', b',"peers":[' + peers + b"]}"
