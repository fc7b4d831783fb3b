"""Every file a person uploads goes through here before anything reads it.

`upload_check(upload, kinds=..., max_bytes=...)` refuses, with a message saying why:
- a file larger than the limit (checked before reading it);
- an extension not among the expected kinds, and any SVG (it can carry script);
- content that does not match the extension (sniffed from the first bytes and the structure);
- for ZIP-based formats (XLSX, ODS, ZIP): too many entries, too much data once uncompressed, an
  extreme compression ratio (all read from the central directory before anything is opened,
  then verified while decompressing, so a lying header is caught too), encrypted entries, entry
  names that climb out of the archive, macros, and XML declaring a DTD or entities (XXE).

openpyxl also parses with defusedxml (a dependency), so XML entities never expand.
`GeneratedName` gives stored files a random name; user files are served as attachments.
"""

import io
import posixpath
import re
import uuid
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

MAX_ZIP_ENTRIES = 2_000
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
_CHUNK = 64 * 1024
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)

EXTENSIONS = {
    "csv": {".csv", ".txt"},
    "xlsx": {".xlsx"},
    "ods": {".ods"},
    "zip": {".zip"},
    "sav": {".sav"},
    "pdf": {".pdf"},
    "docx": {".docx"},
    "odt": {".odt"},
    "png": {".png"},
    "jpeg": {".jpg", ".jpeg"},
}
# Documents people attach to records (resources, evidence): never SVG, never HTML.
USER_DOCUMENT_KINDS = ("pdf", "docx", "odt", "xlsx", "ods", "csv", "png", "jpeg")
_ZIP_KINDS = {"xlsx", "ods", "zip", "docx", "odt"}
_OPEN_DOCUMENT = {
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odt": b"application/vnd.oasis.opendocument.text",
}
_OOXML_PART = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml"}
_MAGIC = {
    "sav": (b"$FL2", b"$FL3"),
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
}
_BINARY_MAGICS = (b"PK\x03\x04", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"$FL", b"\xd0\xcf\x11\xe0")


def upload_check(
    upload, *, kinds: Iterable[str], max_bytes: int, max_uncompressed: int = MAX_UNCOMPRESSED_BYTES
) -> str:
    """Check an uploaded file (Django UploadedFile); return its kind or raise ValidationError."""
    kinds = set(kinds)
    name = upload.name or ""
    extension = PurePosixPath(name.lower()).suffix
    if extension == ".svg" or extension == ".svgz":
        raise ValidationError(_("SVG files are not accepted (they can contain scripts)."))
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is larger than %(size)s MB.") % {"size": _megabytes(max_bytes)}
        )
    kind = next((k for k in sorted(kinds) if extension in EXTENSIONS[k]), None)
    if kind is None:
        expected = ", ".join(sorted(e for k in kinds for e in EXTENSIONS[k]))
        raise ValidationError(
            _("Files ending in “%(extension)s” are not accepted here (expected: %(expected)s).")
            % {"extension": extension or "—", "expected": expected}
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    content_check(content, kind=kind, max_uncompressed=max_uncompressed)
    return kind


def content_check(
    content: bytes, *, kind: str, max_uncompressed: int = MAX_UNCOMPRESSED_BYTES
) -> None:
    """Raise ValidationError unless `content` really is a file of this kind."""
    head = content[:512]
    if re.match(rb"\s*(<\?xml|<svg|<!doctype|<html)", head, re.IGNORECASE) or b"<svg" in head:
        raise ValidationError(
            _("The file contains markup (SVG, HTML or XML), not a %(kind)s file.")
            % {"kind": kind.upper()}
        )
    if kind == "csv":
        if b"\x00" in content[:_CHUNK] or content.startswith(_BINARY_MAGICS):
            raise ValidationError(_("The file is not a text (CSV) file."))
        return
    if kind in _MAGIC:
        if not content.startswith(_MAGIC[kind]):
            raise ValidationError(_wrong_content(kind))
        return
    if kind in _ZIP_KINDS:
        if not content.startswith((b"PK\x03\x04", b"PK\x05\x06")):
            raise ValidationError(_wrong_content(kind))
        _archive_check(content, kind=kind, limit=max_uncompressed)
        return
    raise ValueError(f"Unknown upload kind: {kind}")  # pragma: no cover — a programming error


def _archive_check(content: bytes, *, kind: str, limit: int) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile as error:
        raise ValidationError(_wrong_content(kind)) from error
    with archive:
        entries = archive.infolist()
        # The central directory first: nothing is decompressed yet.
        if len(entries) > MAX_ZIP_ENTRIES:
            raise ValidationError(
                _("The archive holds %(count)s files; at most %(limit)s are accepted.")
                % {"count": len(entries), "limit": MAX_ZIP_ENTRIES}
            )
        declared = sum(entry.file_size for entry in entries)
        if declared > limit:
            raise ValidationError(_too_big(limit))
        names = set()
        for entry in entries:
            if entry.flag_bits & 0x1:
                raise ValidationError(_("The archive is encrypted."))
            normalised = posixpath.normpath(entry.filename)
            if entry.filename.startswith(("/", "\\")) or normalised.startswith(".."):
                raise ValidationError(
                    _("The archive holds a file outside its folder: %(name)s")
                    % {"name": entry.filename}
                )
            if (
                entry.compress_size
                and entry.file_size / entry.compress_size > MAX_COMPRESSION_RATIO
            ):
                raise ValidationError(_too_big(limit))
            names.add(entry.filename)
        _structure_check(archive, names, kind=kind)
        # Then decompress in chunks, stopping as soon as the real size passes the limits.
        try:
            _decompress_check(archive, entries, kind=kind, limit=limit)
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            # zipfile stops at the declared size and then finds the checksum wrong.
            raise ValidationError(
                _("The archive is damaged or its sizes are false: %(error)s") % {"error": error}
            ) from error


def _decompress_check(archive, entries, *, kind: str, limit: int) -> None:
    total = 0
    for entry in entries:
        if entry.is_dir():
            continue
        size = 0
        xml = entry.filename.lower().endswith((".xml", ".rels")) or kind in _OPEN_DOCUMENT
        with archive.open(entry) as handle:
            first = True
            while chunk := handle.read(_CHUNK):
                size += len(chunk)
                total += len(chunk)
                if size > entry.file_size or total > limit:
                    raise ValidationError(_too_big(limit))
                if xml and first and _DTD.search(chunk[:4096]):
                    raise ValidationError(
                        _("The file declares XML entities (a DTD), which are refused.")
                    )
                first = False


def _structure_check(archive: zipfile.ZipFile, names: set[str], *, kind: str) -> None:
    if kind in _OPEN_DOCUMENT:
        if "mimetype" not in names or archive.read("mimetype").strip() != _OPEN_DOCUMENT[kind]:
            raise ValidationError(_wrong_content(kind))
    elif kind in _OOXML_PART:
        if "[Content_Types].xml" not in names or _OOXML_PART[kind] not in names:
            raise ValidationError(_wrong_content(kind))
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise ValidationError(_("Files with macros are not accepted."))


def _wrong_content(kind: str) -> str:
    return _("The content of the file is not a %(kind)s file, whatever its name says.") % {
        "kind": kind.upper()
    }


def _too_big(limit: int) -> str:
    return _(
        "Once uncompressed the file would exceed %(size)s MB, or it is compressed suspiciously "
        "well; it is refused."
    ) % {"size": _megabytes(limit)}


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}"


@deconstructible
class UploadValidator:
    """Model-field validator (FileField): the same checks for files added in the administration."""

    def __init__(self, kinds: tuple[str, ...], max_bytes: int):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, value) -> None:
        if getattr(value, "_committed", True) and not hasattr(value, "content_type"):
            return  # a file already stored: checked when it was uploaded
        upload_check(value, kinds=self.kinds, max_bytes=self.max_bytes)

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_bytes == other.max_bytes
        )


@deconstructible
class GeneratedName:
    """upload_to: `<folder>/<random>.<extension>`; the name the person gave is never used."""

    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        extension = PurePosixPath(filename.lower()).suffix
        if not re.fullmatch(r"\.[a-z0-9]{1,5}", extension):
            extension = ""
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other) -> bool:
        return isinstance(other, GeneratedName) and self.folder == other.folder
