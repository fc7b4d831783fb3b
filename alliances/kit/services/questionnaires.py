"""Questionnaires written as YAML files, checked and loaded as one version each.

The loader is idempotent: an unchanged file is skipped (checksum); a changed file whose version
already has assessments is refused, so a past result never moves: raise `version` instead.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from alliances.core.errors import DomainError
from alliances.core.reference import LoadReport
from alliances.kit.enums import CompassAxis, EvaluationAngle, QuestionKind, QuestionnaireAudience
from alliances.kit.models import Axis, Option, Question, Questionnaire

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
QUESTIONNAIRE_FILES = [
    "compass-organisation.yaml",
    "compass-territory.yaml",
    "alliance-evaluation.yaml",
]


@dataclass(frozen=True)
class LoadResult:
    questionnaire: Questionnaire
    changed: bool


class QuestionnaireFileError(DomainError):
    def __init__(self, path: Path, where: str, reason: str):
        super().__init__(f"{path.name}: {where}: {reason}")


def _text(node, key: str, where: str, path: Path, *, required: bool = True) -> tuple[str, str]:
    value = node.get(key) or {}
    if not isinstance(value, dict):
        raise QuestionnaireFileError(path, where, _("“%s” must have “fr” and “en”.") % key)
    french, english = str(value.get("fr") or "").strip(), str(value.get("en") or "").strip()
    if required and not (french and english):
        raise QuestionnaireFileError(path, where, _("“%s” needs both “fr” and “en”.") % key)
    return french, english


def _options(question: dict, scales: dict, where: str, path: Path) -> list[dict]:
    options = question.get("options")
    if options is None and question.get("scale"):
        options = scales.get(question["scale"])
        if options is None:
            raise QuestionnaireFileError(path, where, _("unknown scale “%s”.") % question["scale"])
    if not options or len(options) < 2:
        raise QuestionnaireFileError(path, where, _("a question needs at least two options."))
    parsed = []
    for number, option in enumerate(options, start=1):
        label_where = f"{where}, option {number}"
        score = option.get("score")
        if not isinstance(score, int) or score < 0:
            raise QuestionnaireFileError(
                path, label_where, _("“score” must be a whole number ≥ 0.")
            )
        label_fr, label_en = _text(option, "label", label_where, path)
        parsed.append({"label_fr": label_fr, "label_en": label_en, "score": score})
    if max(option["score"] for option in parsed) == 0:
        raise QuestionnaireFileError(path, where, _("at least one option must score above 0."))
    return parsed


def _kind_and_cap(question: dict, options: list[dict], where: str, path: Path) -> tuple:
    """(kind, max_score) of a question: `kind: multiple` may carry a `max_score` cap."""
    kind = question.get("kind", QuestionKind.SINGLE)
    if kind not in QuestionKind.values:
        raise QuestionnaireFileError(path, where, _("“kind” must be “single” or “multiple”."))
    cap = question.get("max_score")
    if cap is None:
        return kind, None
    total = sum(option["score"] for option in options)
    if kind != QuestionKind.MULTIPLE:
        raise QuestionnaireFileError(
            path, where, _("“max_score” is only for a multiple-choice question.")
        )
    if not isinstance(cap, int) or isinstance(cap, bool) or not 1 <= cap <= total:
        raise QuestionnaireFileError(
            path,
            where,
            _("“max_score” must be a whole number from 1 to the sum of the options (%d).") % total,
        )
    return kind, cap


def parse_questionnaire(path: Path) -> dict:
    """Read and check a questionnaire file; every problem names where it is."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "file"
        raise QuestionnaireFileError(path, line, _("not valid YAML.")) from error
    if not isinstance(document, dict):
        raise QuestionnaireFileError(path, "file", _("expected a questionnaire."))
    if not str(document.get("slug") or "").strip():
        raise QuestionnaireFileError(path, "slug", _("missing."))
    if not isinstance(document.get("version"), int) or document["version"] < 1:
        raise QuestionnaireFileError(path, "version", _("must be a whole number ≥ 1."))
    if document.get("audience") not in QuestionnaireAudience.values:
        raise QuestionnaireFileError(
            path, "audience", _("must be “organisation”, “territory” or “alliance”.")
        )
    # An alliance is evaluated along the seven angles; an organisation or a territory is placed
    # on the compass axes (resources are tagged with these, so recommendations can match).
    axis_codes = (
        EvaluationAngle.values
        if document["audience"] == QuestionnaireAudience.ALLIANCE
        else CompassAxis.values
    )
    parsed = {
        "slug": document["slug"],
        "version": document["version"],
        "audience": document["audience"],
        "title": _text(document, "title", "title", path),
        "intro": _text(document, "intro", "intro", path, required=False),
        "axes": [],
    }
    scales = document.get("scales") or {}
    codes: set[str] = set()
    for axis_number, axis in enumerate(document.get("axes") or [], start=1):
        where = f"axis {axis_number}"
        if axis.get("code") not in axis_codes:
            raise QuestionnaireFileError(
                path, where, _("unknown axis code “%s”.") % axis.get("code")
            )
        questions = []
        for question_number, question in enumerate(axis.get("questions") or [], start=1):
            q_where = f"{where}, question {question_number}"
            code = str(question.get("code") or "").strip()
            if not code or code in codes:
                raise QuestionnaireFileError(path, q_where, _("missing or repeated “code”."))
            depends_on = question.get("depends_on")
            if depends_on is not None and depends_on not in codes:
                raise QuestionnaireFileError(
                    path, q_where, _("“depends_on” must name an earlier question.")
                )
            min_score = question.get("min_score", 1)
            if not isinstance(min_score, int) or isinstance(min_score, bool) or min_score < 0:
                raise QuestionnaireFileError(
                    path, q_where, _("“min_score” must be a whole number ≥ 0.")
                )
            codes.add(code)
            options = _options(question, scales, q_where, path)
            kind, cap = _kind_and_cap(question, options, q_where, path)
            questions.append(
                {
                    "code": code,
                    "text": _text(question, "text", q_where, path),
                    "help": _text(question, "help", q_where, path, required=False),
                    "not_applicable": bool(question.get("not_applicable", False)),
                    "depends_on": depends_on,
                    "min_score": min_score,
                    "kind": kind,
                    "max_score": cap,
                    "options": options,
                }
            )
        if not questions:
            raise QuestionnaireFileError(path, where, _("an axis needs at least one question."))
        parsed["axes"].append(
            {
                "code": axis["code"],
                "name": _text(axis, "name", where, path),
                "description": _text(axis, "description", where, path, required=False),
                "questions": questions,
            }
        )
    if not parsed["axes"]:
        raise QuestionnaireFileError(path, "axes", _("a questionnaire needs at least one axis."))
    return parsed


@transaction.atomic
def questionnaire_load(*, path: Path) -> LoadResult:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    parsed = parse_questionnaire(path)
    existing = Questionnaire.objects.filter(slug=parsed["slug"], version=parsed["version"]).first()
    if existing is not None and existing.checksum == digest:
        return LoadResult(existing, changed=False)
    if existing is not None and existing.assessments.exists():
        raise QuestionnaireFileError(
            path,
            "version",
            _("version %(version)s already has answers: give the changed file a new version.")
            % {"version": parsed["version"]},
        )
    questionnaire = existing or Questionnaire(slug=parsed["slug"], version=parsed["version"])
    questionnaire.audience = parsed["audience"]
    questionnaire.title_fr, questionnaire.title_en = parsed["title"]
    questionnaire.intro_fr, questionnaire.intro_en = parsed["intro"]
    questionnaire.checksum = digest
    questionnaire.is_current = not Questionnaire.objects.filter(
        slug=parsed["slug"], version__gt=parsed["version"]
    ).exists()
    questionnaire.save()
    questionnaire.axes.all().delete()
    by_code: dict[str, Question] = {}
    for axis_order, axis_data in enumerate(parsed["axes"], start=1):
        axis = Axis.objects.create(
            questionnaire=questionnaire,
            code=axis_data["code"],
            order=axis_order,
            name_fr=axis_data["name"][0],
            name_en=axis_data["name"][1],
            description_fr=axis_data["description"][0],
            description_en=axis_data["description"][1],
        )
        for order, data in enumerate(axis_data["questions"], start=1):
            question = Question.objects.create(
                axis=axis,
                code=data["code"],
                order=order,
                text_fr=data["text"][0],
                text_en=data["text"][1],
                help_fr=data["help"][0],
                help_en=data["help"][1],
                kind=data["kind"],
                max_score=data["max_score"],
                allows_not_applicable=data["not_applicable"],
                depends_on=by_code.get(data["depends_on"]),
                depends_on_min_score=data["min_score"],
            )
            by_code[data["code"]] = question
            Option.objects.bulk_create(
                Option(question=question, order=number, **option)
                for number, option in enumerate(data["options"], start=1)
            )
    Questionnaire.objects.filter(slug=questionnaire.slug, version__lt=questionnaire.version).update(
        is_current=False
    )
    return LoadResult(questionnaire, changed=True)


# The kit's themes: broad enough to sort resources, few enough to read as a facet.
THEMES = [
    ("emploi-insertion", "Emploi et insertion", "Employment and inclusion"),
    ("transition-ecologique", "Transition écologique", "Ecological transition"),
    ("solidarites", "Solidarités et lien social", "Solidarity and social ties"),
    ("education-jeunesse", "Éducation et jeunesse", "Education and youth"),
    ("sante", "Santé et bien-être", "Health and well-being"),
    ("alimentation", "Alimentation durable", "Sustainable food"),
    ("mobilite", "Mobilité", "Mobility"),
    ("numerique", "Numérique", "Digital"),
    ("culture-sport", "Culture et sport", "Culture and sport"),
    ("economie-locale", "Économie locale et achats responsables", "Local economy and purchasing"),
    ("gouvernance", "Gouvernance et coopération", "Governance and cooperation"),
    ("financement", "Financement et mécénat", "Funding and sponsorship"),
]


def themes_load() -> int:
    from alliances.kit.models import Theme

    for slug, name_fr, name_en in THEMES:
        Theme.objects.update_or_create(slug=slug, defaults={"name_fr": name_fr, "name_en": name_en})
    return len(THEMES)


def kit_reference_load(*, force: bool = False) -> LoadReport:
    """The kit's themes and compass questionnaires (reference data of our own, not demo).

    A questionnaire file is reloaded only when it changed (`force` makes no difference: an
    unchanged file has nothing new, and a changed one is always reloaded)."""
    themes = themes_load()
    results = [questionnaire_load(path=DATA_DIR / name) for name in QUESTIONNAIRE_FILES]
    return LoadReport(
        "kit", themes + len(results), skipped=not any(result.changed for result in results)
    )
