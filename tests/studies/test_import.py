import io
from pathlib import Path

import openpyxl
import pandas as pd
import pyreadstat
import pytest
from django.core.management import CommandError, call_command

from alliances.studies import errors
from alliances.studies.errors import StudyError
from alliances.studies.importers import codebook_from_table, read_table
from alliances.studies.models import AnswerOption, Question, Respondent
from alliances.studies.services import SurveyImportError, margin_set, survey_import
from tests.studies.factories import StudyFactory, WaveFactory

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def codebook():
    entries, issues = codebook_from_table(
        read_table((FIXTURES / "codebook.csv").read_bytes(), "codebook.csv")
    )
    assert not issues
    return entries


def csv_table(text: str | None = None):
    content = text.encode() if text else (FIXTURES / "wave.csv").read_bytes()
    return read_table(content, "wave.csv")


def test_csv_dry_run_writes_nothing_and_commit_stores_respondents_and_codebook():
    study = StudyFactory()
    kwargs = {
        "study": study,
        "wave_number": 1,
        "table": csv_table(),
        "codebook": codebook(),
        "id_variable": "id",
        "weight_variable": "poids",
    }
    report = survey_import(**kwargs)
    assert (report.respondents, report.committed) == (6, False)
    assert not Respondent.objects.exists() and not study.waves.exists()
    report = survey_import(**kwargs, commit=True)
    assert report.committed
    first = Respondent.objects.get(respondent_id="A01")
    assert first.answers == {"sexe": "1", "age": "1", "q1": "oui"}
    assert first.weight == 1.2
    assert study.waves.get().sample_size == 6
    q1 = Question.objects.get(study=study, variable="q1")
    assert q1.is_published and q1.text_en == "Are you part of an alliance?"
    assert not Question.objects.get(study=study, variable="sexe").is_published
    assert list(q1.options.values_list("code", "label_fr")) == [
        ("oui", "Oui"),
        ("non", "Non"),
        ("nsp", "Ne sait pas"),
    ]
    # Importing the wave again replaces its respondents.
    survey_import(**kwargs, commit=True)
    assert Respondent.objects.count() == 6


def test_every_problem_is_reported_with_its_line_and_nothing_is_imported():
    study = StudyFactory()
    wave = WaveFactory(study=study, number=1)
    margin_set(wave=wave, variable="region", targets={"11": 100})
    text = (
        "id;sexe;age;q1;poids\n"
        "A01;1;1;oui;1.2\n"
        "A01;2;1;non;0.8\n"
        "A03;3;2;peut-être;1.0\n"
        "A04;2;2;nsp;\n"
    )
    with pytest.raises(SurveyImportError) as raised:
        survey_import(
            study=study,
            wave_number=1,
            table=csv_table(text),
            codebook=codebook(),
            id_variable="id",
            weight_variable="poids",
            commit=True,
        )
    assert [str(issue) for issue in raised.value.issues] == ["the data has no column “region”."]
    wave.margins.all().delete()
    with pytest.raises(SurveyImportError) as raised:
        survey_import(
            study=study,
            wave_number=1,
            table=csv_table(text),
            codebook=codebook(),
            id_variable="id",
            weight_variable="poids",
            commit=True,
        )
    assert [str(issue) for issue in raised.value.issues] == [
        "line 3: the respondent “A01” already appears on line 2.",
        "line 4: unknown code “3” for “sexe”.",
        "line 4: unknown code “peut-être” for “q1”.",
        "line 5: the weight “” is not a positive number.",
    ]
    assert "4 problems" in str(raised.value)
    assert not Respondent.objects.exists()
    assert not Question.objects.filter(study=study).exists()


def test_xlsx_is_read_like_csv():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["id", "sexe", "age", "q1"])
    sheet.append(["X1", 1, 2, "oui"])
    sheet.append(["X2", 2, 3, "nsp"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(buffer.getvalue(), "vague.xlsx")
    assert table.rows == [
        {"id": "X1", "sexe": "1", "age": "2", "q1": "oui"},
        {"id": "X2", "sexe": "2", "age": "3", "q1": "nsp"},
    ]
    study = StudyFactory()
    survey_import(
        study=study, wave_number=2, table=table, codebook=codebook(), id_variable="id", commit=True
    )
    assert Respondent.objects.get(respondent_id="X2").answers["age"] == "3"


def test_spss_file_brings_its_value_labels_as_the_codebook(tmp_path):
    frame = pd.DataFrame({"id": ["S1", "S2", "S3"], "q_alliance": [1.0, 2.0, 1.0]})
    path = tmp_path / "vague.sav"
    pyreadstat.write_sav(
        frame,
        str(path),
        column_labels=["Identifiant", "Votre organisation fait-elle partie d'une alliance ?"],
        variable_value_labels={"q_alliance": {1.0: "Oui", 2.0: "Non"}},
    )
    study = StudyFactory()
    table = read_table(path.read_bytes(), "vague.sav")
    survey_import(
        study=study, wave_number=1, table=table, codebook=None, id_variable="id", commit=True
    )
    question = Question.objects.get(study=study, variable="q_alliance")
    assert question.text_fr == "Votre organisation fait-elle partie d'une alliance ?"
    assert list(AnswerOption.objects.filter(question=question).values_list("code", "label_fr")) == [
        ("1", "Oui"),
        ("2", "Non"),
    ]
    assert Respondent.objects.get(respondent_id="S2").answers == {"q_alliance": "2"}


def test_csv_without_codebook_is_refused():
    with pytest.raises(StudyError, match=str(errors.CODEBOOK_NEEDED)):
        survey_import(
            study=StudyFactory(), wave_number=1, table=csv_table(), codebook=None, id_variable="id"
        )


def test_command_is_a_dry_run_unless_commit(capsys):
    study = StudyFactory(slug="barometre")
    arguments = [
        "import_survey",
        "barometre",
        str(FIXTURES / "wave.csv"),
        "--codebook",
        str(FIXTURES / "codebook.csv"),
        "--weight-variable",
        "poids",
    ]
    call_command(*arguments)
    assert "6 respondents, 3 variables valid (dry run" in capsys.readouterr().out
    assert not Respondent.objects.exists()
    call_command(*arguments, "--commit", "--wave-label", "Printemps")
    assert "6 respondents, 3 variables imported; 0 replaced." in capsys.readouterr().out
    assert study.waves.get().label == "Printemps"
    with pytest.raises(CommandError, match="No study"):
        call_command("import_survey", "inconnue", str(FIXTURES / "wave.csv"))
