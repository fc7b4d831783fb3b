import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from alliances.core import uploads
from alliances.core.uploads import GeneratedName, UploadValidator, upload_check


def xlsx_bytes() -> bytes:
    workbook = Workbook()
    workbook.active.append(["margin", "category", "target_share"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes(entries: dict[str, bytes], *, method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def check(name: str, content: bytes, kinds=("csv", "xlsx"), max_bytes=5_000_000, **options):
    return upload_check(
        SimpleUploadedFile(name, content), kinds=kinds, max_bytes=max_bytes, **options
    )


@pytest.fixture(autouse=True)
def english_messages(english):
    return english


def test_good_files_pass_and_give_their_kind():
    assert check("data.csv", b"margin;category\nage;18-24\n") == "csv"
    assert check("targets.xlsx", xlsx_bytes()) == "xlsx"
    assert check("p.zip", zip_bytes({"measures.csv": b"a,b\n"}), kinds={"zip"}) == "zip"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("big.csv", b"x" * 2000, "larger than"),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "SVG files are not accepted"),
        ("drawing.csv", b"<svg onload='alert(1)'></svg>", "markup"),
        ("page.csv", b"<!DOCTYPE html><html></html>", "markup"),
        ("script.exe", b"MZ\x90\x00", "not accepted here"),
        ("disguised.xlsx", b"a,b\n1,2\n", "not a XLSX file"),
        ("disguised.csv", xlsx_bytes(), "not a text"),
        ("binary.csv", b"a,b\n\x00\x01", "not a text"),
        ("other.xlsx", zip_bytes({"readme.txt": b"hello"}), "not a XLSX file"),
        ("broken.xlsx", b"PK\x03\x04 truncated", "not a XLSX file"),
    ],
)
def test_bad_files_are_refused_with_a_reason(name, content, message):
    with pytest.raises(ValidationError, match=message):
        check(name, content, max_bytes=1000 if name == "big.csv" else 100_000)


def test_zip_bomb_refused_from_the_central_directory_before_opening():
    bomb = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"0" * 5_000_000})
    assert len(bomb) < 20_000
    with pytest.raises(ValidationError, match="uncompressed"):
        check("bomb.xlsx", bomb, max_uncompressed=1_000_000)
    with pytest.raises(ValidationError, match="uncompressed"):
        check("ratio.xlsx", bomb)  # a ratio above 200:1 alone is refused


def test_too_many_entries_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ZIP_ENTRIES", 10)
    many = zip_bytes({f"part{n}.csv": b"a\n" for n in range(11)})
    with pytest.raises(ValidationError, match="holds 11 files"):
        check("many.zip", many, kinds={"zip"})


def test_a_lying_size_header_is_caught_while_decompressing():
    honest = zip_bytes({"data.csv": b"a" * 100_000}, method=zipfile.ZIP_STORED)
    # Rewrite the declared size (central directory and local header) to 10 bytes.
    liar = honest.replace((100_000).to_bytes(4, "little"), (10).to_bytes(4, "little"))
    with pytest.raises(ValidationError, match="sizes are false"):
        check("liar.zip", liar, kinds={"zip"})


def test_xml_entities_refused():
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<workbook>&e;</workbook>"
    )
    workbook = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": xxe})
    with pytest.raises(ValidationError, match="XML entities"):
        check("xxe.xlsx", workbook)


def test_openpyxl_parses_with_defusedxml():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_zip_slip_and_macros_refused():
    with pytest.raises(ValidationError, match="outside its folder"):
        check("slip.zip", zip_bytes({"../../etc/cron.d/x": b"a"}), kinds={"zip"})
    macro = zip_bytes(
        {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>", "xl/vbaProject.bin": b"x"}
    )
    with pytest.raises(ValidationError, match="macros"):
        check("macro.xlsx", macro)


def test_generated_storage_names_and_model_validator():
    name = GeneratedName("kit")(None, "Mon rapport <script>.PDF")
    assert name.startswith("kit/") and name.endswith(".pdf")
    assert "rapport" not in name
    assert GeneratedName("kit")(None, "no-extension").startswith("kit/")
    validator = UploadValidator(("pdf",), 1000)
    validator(SimpleUploadedFile("ok.pdf", b"%PDF-1.7 ..."))
    with pytest.raises(ValidationError, match="not a PDF file"):
        validator(SimpleUploadedFile("fake.pdf", b"<html>"))


@pytest.mark.django_db
def test_upload_points_refuse_bad_files(client):
    """The programme import form: a renamed text file comes back with the reason, no 500."""
    from alliances.web.forms.program import ProgrammeImportForm
    from alliances.web.forms.registry import AllianceImportForm
    from alliances.web.views.studies import SurveyImportForm

    fake = SimpleUploadedFile("programme.xlsx", b"not a workbook")
    form = ProgrammeImportForm(data={}, files={"file": fake})
    assert not form.is_valid()
    assert "not a XLSX file" in form.errors["file"][0]
    svg = SimpleUploadedFile("alliances.svg", b"<svg/>")
    form = AllianceImportForm(data={}, files={"file": svg})
    assert "SVG" in form.errors["file"][0]
    form = SurveyImportForm(
        data={"wave": 1, "id_variable": "id"},
        files={"data": SimpleUploadedFile("data.sav", b"not spss")},
    )
    assert "not a SAV file" in form.errors["data"][0]
