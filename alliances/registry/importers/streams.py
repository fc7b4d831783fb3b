"""Reading registry files as they come: plain CSV files or zips of them, in any of the encodings
the registries have used, one line at a time so memory stays constant whatever the size.
"""

import csv
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from alliances.core.errors import DomainError

UTF8_BOM = b"\xef\xbb\xbf"
NO_SUCH_FILE = "No such file: {path}"


@dataclass(frozen=True)
class SourceFile:
    """One CSV file to read: on disk, or a member of a zip archive."""

    path: Path
    member: str = ""

    @property
    def name(self) -> str:
        return self.member.rsplit("/", 1)[-1] if self.member else self.path.name

    @contextmanager
    def open(self) -> Iterator[BinaryIO]:
        if not self.member:
            with self.path.open("rb") as handle:
                yield handle
            return
        with zipfile.ZipFile(self.path) as archive, archive.open(self.member) as handle:
            yield handle


def source_files(paths: list[Path]) -> list[SourceFile]:
    """The CSV files named, zips opened into their CSV members, in a stable order."""
    files: list[SourceFile] = []
    for path in paths:
        if not path.is_file():
            raise DomainError(NO_SUCH_FILE.format(path=path))
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = sorted(
                    info.filename
                    for info in archive.infolist()
                    if not info.is_dir() and info.filename.lower().endswith(".csv")
                )
            files.extend(SourceFile(path, member) for member in members)
        else:
            files.append(SourceFile(path))
    return files


@dataclass
class LineDecoder:
    """Decodes each line on its own: UTF-8 (with or without BOM), else Windows-1252/ISO-8859-1.

    Deciding line by line instead of sniffing a sample means a file whose first megabyte is
    pure ASCII, or that mixes encodings after a concatenation, is still read right.
    """

    bom: bool = False
    legacy_lines: int = 0
    utf8_lines: int = 0
    _first: bool = field(default=True, repr=False)

    def decode(self, raw: bytes) -> str:
        if self._first:
            self._first = False
            if raw.startswith(UTF8_BOM):
                self.bom = True
                raw = raw[len(UTF8_BOM) :]
        try:
            text = raw.decode("utf-8")
            if not text.isascii():
                self.utf8_lines += 1
            return text
        except UnicodeDecodeError:
            self.legacy_lines += 1
            try:
                return raw.decode("cp1252")
            except UnicodeDecodeError:
                return raw.decode("iso-8859-1")

    @property
    def encoding(self) -> str:
        if self.legacy_lines and not self.utf8_lines:
            return "iso-8859-1"
        if self.legacy_lines:
            return "mixed"
        return "utf-8-sig" if self.bom else "utf-8"


@dataclass(frozen=True)
class CsvLine:
    number: int
    values: list[str]
    raw: str


def csv_lines(handle: BinaryIO, decoder: LineDecoder, delimiter: str) -> Iterator[CsvLine]:
    """Each physical line parsed on its own, so an unbalanced quote spoils one row, not the rest."""
    for number, values, text in csv_rows(handle, decoder, delimiter):
        yield CsvLine(number, [value.strip() for value in values], text)


def csv_rows(
    handle: BinaryIO, decoder: LineDecoder, delimiter: str
) -> Iterator[tuple[int, list[str], str]]:
    """(line number, values, text) of each non-blank physical line, values not stripped.

    The bulk importers' reader: no object per line, and a line without a quote (nearly all of
    them) is split on the delimiter, which is what `csv` would do with it, at a fraction of the
    cost; a line with a quote goes through `csv` on its own, so an unbalanced quote spoils one
    row, not the rest.
    """
    decode = decoder.decode
    reader = csv.reader
    for number, raw in enumerate(handle, start=1):
        text = decode(raw).rstrip("\r\n")
        if not text or text.isspace():
            continue
        quoted = '"' in text
        yield (
            number,
            next(reader([text], delimiter=delimiter)) if quoted else text.split(delimiter),
            text,
        )
