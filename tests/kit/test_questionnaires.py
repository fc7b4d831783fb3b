from pathlib import Path

import pytest

from alliances.kit.models import Questionnaire
from alliances.kit.services.compass import assessment_submit
from alliances.kit.services.questionnaires import (
    QuestionnaireFileError,
    kit_reference_load,
    questionnaire_load,
)
from tests.kit.conftest import HAND_CASE, answers_by_code

pytestmark = pytest.mark.django_db

MINIMAL = """
slug: essai
version: {version}
audience: organisation
title: {{fr: "Essai", en: "Trial"}}
axes:
  - code: vision
    name: {{fr: "Vision", en: "Vision"}}
    questions:
      - code: q1
        text: {{fr: "{text}", en: "Question one"}}
        options:
          - {{label: {{fr: "Non", en: "No"}}, score: 0}}
          - {{label: {{fr: "Oui", en: "Yes"}}, score: 2}}
"""


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "essai.yaml"
    path.write_text(content, encoding="utf-8")
    return path


def test_the_reference_questionnaires_are_loaded_and_reloading_is_a_no_op():
    organisation = Questionnaire.objects.get(slug="boussole-organisation")
    assert organisation.axes.count() == 6
    assert sum(axis.questions.count() for axis in organisation.axes.all()) == 18
    report = kit_reference_load()
    assert report.skipped is True


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("slug: [", "line 1"),
        ("slug: x\nversion: 0\n", "version"),
        ("slug: x\nversion: 1\naudience: world\n", "audience"),
        (MINIMAL.format(version=1, text="Q").replace("code: vision", "code: luck"), "axis 1"),
        (MINIMAL.format(version=1, text="Q").replace("score: 2", "score: -1"), "option 2"),
        (MINIMAL.format(version=1, text="Q").replace('en: "Question one"', 'en: ""'), "question 1"),
    ],
)
def test_bad_files_say_where_and_why(tmp_path, content, message, english):
    with pytest.raises(QuestionnaireFileError, match=message):
        questionnaire_load(path=_write(tmp_path, content))
    assert not Questionnaire.objects.filter(slug="essai").exists()


def test_a_changed_version_with_answers_is_refused_and_a_new_version_keeps_old_results(
    tmp_path, organisation_compass, english
):
    first = questionnaire_load(
        path=_write(tmp_path, MINIMAL.format(version=1, text="Q"))
    ).questionnaire
    question = first.axes.get().questions.get()
    assessment = assessment_submit(
        questionnaire=first,
        answers={question.pk: str(question.options.get(score=2).pk)},
        profile="association",
    )
    with pytest.raises(QuestionnaireFileError, match="already has answers"):
        questionnaire_load(path=_write(tmp_path, MINIMAL.format(version=1, text="Changée")))
    second = questionnaire_load(path=_write(tmp_path, MINIMAL.format(version=2, text="Changée")))
    first.refresh_from_db()
    assert second.changed and second.questionnaire.is_current and not first.is_current
    assessment.refresh_from_db()
    assert assessment.questionnaire == first and assessment.overall == 100
    assert answers_by_code(organisation_compass, {"vision-raison": 3})  # the real one is intact
    assert HAND_CASE
