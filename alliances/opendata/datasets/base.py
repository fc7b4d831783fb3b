"""A public dataset: its Table Schema and a stream of its rows, in schema order."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

CHUNK = 2000  # rows fetched per database round trip: memory stays constant


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string, integer, number, boolean, date, datetime
    title: str
    description: str = ""
    required: bool = False
    unique: bool = False
    enum: tuple = ()
    pattern: str = ""

    def as_schema(self) -> dict:
        descriptor = {"name": self.name, "type": self.type, "title": self.title}
        if self.description:
            descriptor["description"] = self.description
        if self.type == "date":
            descriptor["format"] = "%Y-%m-%d"
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            descriptor["constraints"] = constraints
        return descriptor


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Dataset:
    name: str  # file stem and Data Package resource name
    title_fr: str
    title_en: str
    description_fr: str
    description_en: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[], Iterator[tuple]]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())
    theme: str = "SOCI"  # EU data theme (DCAT-AP), see catalogue.py
    # (SQL, parameters) giving exactly the CSV of `rows` through COPY on PostgreSQL: for the
    # national tables only, where Python cell by cell is the bottleneck (see writers.py).
    copy_sql: Callable[[], tuple[str, list]] | None = None

    @property
    def header(self) -> list[str]:
        return [f.name for f in self.fields]

    def table_schema(self) -> dict:
        schema = {
            "fields": [f.as_schema() for f in self.fields],
            "primaryKey": list(self.primary_key),
            "missingValues": [""],
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {
                    "fields": list(key.fields),
                    "reference": {"resource": key.resource, "fields": list(key.reference)},
                }
                for key in self.foreign_keys
            ]
        return schema


def text(name, title, description="", **options) -> Field:
    return Field(name, "string", title, description, **options)


def integer(name, title, description="", **options) -> Field:
    return Field(name, "integer", title, description, **options)


def number(name, title, description="", **options) -> Field:
    return Field(name, "number", title, description, **options)


def day(name, title, description="", **options) -> Field:
    return Field(name, "date", title, description, **options)


def moment(name, title, description="", **options) -> Field:
    return Field(name, "datetime", title, description, **options)


def flag(name, title, description="", **options) -> Field:
    return Field(name, "boolean", title, description, **options)


def identifier(name="id", title="Identifiant") -> Field:
    return Field(name, "integer", title, "Numéro stable dans la plateforme.", True, True)


def stream(queryset, *columns) -> Iterator[tuple]:
    """Rows of a values_list read in chunks (server-side cursor on PostgreSQL)."""
    return queryset.values_list(*columns).iterator(chunk_size=CHUNK)
