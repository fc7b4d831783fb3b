"""Bulk loads that bypass the ORM's per-object work (SQLite, PostgreSQL): streaming upserts,
inserts and updates, fresh planner statistics, secondary indexes built after a first load, and
parsing read ahead in a thread while the database writes.

Rows are plain tuples of database-ready values, in the order of `fields`. SQLite gets batched
`executemany` of `INSERT … ON CONFLICT DO UPDATE`; PostgreSQL gets `COPY` into a temporary table
followed by one `INSERT … SELECT … ON CONFLICT DO UPDATE`. Call inside a transaction.
"""

import contextlib
import queue
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import TypeVar

from django.db import IntegrityError, connection, transaction
from django.db.models import Model

BATCH_SIZE = 5000
T = TypeVar("T")


def upsert_rows(
    model: type[Model],
    *,
    fields: Sequence[str],
    unique_fields: Sequence[str],
    rows: Iterable[Sequence],
) -> int:
    """Insert or update `rows` of `model`; returns how many rows were written."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = [model._meta.get_field(name).column for name in fields]
    conflict = [model._meta.get_field(name).column for name in unique_fields]
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    updates = ", ".join(
        f"{connection.ops.quote_name(column)} = EXCLUDED.{connection.ops.quote_name(column)}"
        for column in columns
        if column not in conflict
    )
    on_conflict = (
        f"ON CONFLICT ({', '.join(connection.ops.quote_name(c) for c in conflict)}) "
        f"DO UPDATE SET {updates}"
    )
    if connection.vendor == "postgresql":
        return _upsert_postgresql(table, quoted, on_conflict, rows)
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({quoted}) VALUES ({placeholders}) {on_conflict}"  # noqa: S608
    with connection.cursor() as cursor:
        return _executemany(cursor, sql, rows)


def _upsert_postgresql(table: str, quoted: str, on_conflict: str, rows: Iterable[Sequence]) -> int:
    written = 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE bulk_upsert ON COMMIT DROP AS "  # noqa: S608
            f"SELECT {quoted} FROM {table} WITH NO DATA"
        )
        with cursor.copy(f"COPY bulk_upsert ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                written += 1
        cursor.execute(
            f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM bulk_upsert {on_conflict}"  # noqa: S608
        )
        cursor.execute("DROP TABLE bulk_upsert")
    return written


def insert_rows(model: type[Model], *, fields: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Insert `rows` known to be new (looked up in the same transaction): `COPY` straight into
    the table on PostgreSQL, batched `executemany` of a plain `INSERT` on SQLite — no staging
    table, no conflict handling. A row that turns out to exist raises IntegrityError: run it in
    a savepoint and fall back to `upsert_rows`."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = [model._meta.get_field(name).column for name in fields]
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    written += 1
            return written
        placeholders = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})"  # noqa: S608
        return _executemany(cursor, sql, rows)


def insert_new_rows(
    model: type[Model],
    *,
    fields: Sequence[str],
    unique_fields: Sequence[str],
    rows: Sequence[Sequence],
) -> int:
    """`insert_rows` for rows a lookup in this transaction found absent, in a savepoint: should
    another writer have created one of them since, the rows are upserted instead."""
    # A `COPY` error comes from the driver unwrapped by Django: both classes are caught.
    try:
        with transaction.atomic():
            return insert_rows(model, fields=fields, rows=rows)
    except (IntegrityError, connection.Database.IntegrityError):
        return upsert_rows(model, fields=fields, unique_fields=unique_fields, rows=rows)


def update_rows(
    model: type[Model], *, fields: Sequence[str], key: str, rows: Iterable[Sequence]
) -> int:
    """Set `fields` of existing rows found by `key`: each row is the values of `fields`, then
    the key. Set-based on PostgreSQL (`COPY` into a temporary table, one `UPDATE … FROM`);
    batched `executemany` of an indexed `UPDATE` on SQLite. Call inside a transaction."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = [quote(model._meta.get_field(name).column) for name in fields]
    key_column = quote(model._meta.get_field(key).column)
    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            staged = ", ".join([*columns, key_column])
            cursor.execute(
                f"CREATE TEMPORARY TABLE bulk_update ON COMMIT DROP AS "  # noqa: S608
                f"SELECT {staged} FROM {table} WITH NO DATA"
            )
            with cursor.copy(f"COPY bulk_update ({staged}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    written += 1
            assignments = ", ".join(f"{column} = staged.{column}" for column in columns)
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM bulk_update AS staged "  # noqa: S608
                f"WHERE {table}.{key_column} = staged.{key_column}"
            )
            cursor.execute("DROP TABLE bulk_update")
            return written
        assignments = ", ".join(f"{column} = %s" for column in columns)
        sql = f"UPDATE {table} SET {assignments} WHERE {key_column} = %s"  # noqa: S608
        return _executemany(cursor, sql, rows)


def _executemany(cursor, sql: str, rows: Iterable[Sequence]) -> int:
    """SQLite's path: `sql` over `rows` in batches of `BATCH_SIZE`; returns the rows sent."""
    written = 0
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH_SIZE)):
        cursor.executemany(sql, batch)
        written += len(batch)
    return written


class FreshStatistics:
    """Keeps PostgreSQL's statistics of a table in step with a bulk load.

    An import looks its rows up batch by batch (`WHERE rna_id IN (…)`); PostgreSQL plans that
    from the table's statistics, and a load that multiplies the table leaves them stale: the
    planner keeps estimating a near-empty table and scans it whole for every batch (0.2 s per
    batch at 95,000 rows, growing with the table). `ANALYZE` each time the rows written since the
    last one reach the table's size then: a handful of times per national import. Nothing to do
    on SQLite, whose planner uses the unique index whatever the statistics.
    """

    MINIMUM = 10_000

    def __init__(self, model: type[Model]):
        self.enabled = connection.vendor == "postgresql"
        self.table = model._meta.db_table
        self.pending = 0
        self.size = 0
        if self.enabled:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = %s::regclass",
                    [self.table],
                )
                row = cursor.fetchone()
                self.size = row[0] if row else 0

    def written(self, rows: int) -> None:
        if not self.enabled or not rows:
            return
        self.pending += rows
        if self.pending >= max(self.MINIMUM, self.size):
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(self.table)}")
            self.size += self.pending
            self.pending = 0


@contextlib.contextmanager
def indexes_built_after_load(
    model: type[Model], *, postgresql_indexes: Mapping[str, str] | None = None
) -> Iterator[bool]:
    """Around a bulk load of `model`: when its table is empty (a first load) or one of its
    secondary indexes is missing (a load killed before its end), drop them and build each once
    at the end, however the load ends; otherwise keep them. Yields whether they were deferred.

    The secondary indexes are those of `Meta.indexes` (no write looks rows up through them: the
    unique constraints and the primary key stay), plus on PostgreSQL `postgresql_indexes`,
    index names mapped to their `CREATE INDEX IF NOT EXISTS` statements (a trigram index, say).
    Building an index over the loaded rows costs a fraction of keeping it up row by row. While
    they are deferred, the queries they serve still work, only slower.
    """
    table = model._meta.db_table
    extra = dict(postgresql_indexes or {}) if connection.vendor == "postgresql" else {}
    declared = {index.name: index for index in model._meta.indexes}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
        empty = cursor.fetchone() is None
        present = set(connection.introspection.get_constraints(cursor, table))
    wanted = set(declared) | set(extra)
    if not wanted or (not empty and wanted <= present):
        yield False
        return
    with connection.cursor() as cursor:
        for name in sorted(wanted & present):
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    try:
        yield True
    finally:
        if connection.vendor == "postgresql" and connection.in_atomic_block:
            # Inside a transaction (a test, a caller's), rows written may still have foreign
            # keys to check at commit, and PostgreSQL builds no index over pending checks.
            connection.check_constraints()
        editor = connection.schema_editor()
        with connection.cursor() as cursor:
            for index in declared.values():
                cursor.execute(str(index.create_sql(model, editor)))
            for statement in extra.values():
                cursor.execute(statement)


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


_END = object()


def read_ahead(items: Iterable[T], *, depth: int = 2) -> Iterator[T]:
    """Yield `items` as they come, produced in a background thread up to `depth` items ahead.

    A bulk import parses batch N+1 while the database writes batch N: the database drivers
    release the interpreter lock while the database works, so parsing (pure Python) and writing
    overlap. The producer must not touch the database (Django's connections belong to a thread).
    An exception raised by the producer is raised here, in the consumer; a consumer that stops
    early (an error while writing) stops the producer before its next item.
    """
    handover: queue.Queue = queue.Queue(maxsize=depth)
    stopped = threading.Event()

    def put(item) -> bool:
        while not stopped.is_set():
            try:
                handover.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
            put(_END)
        except BaseException as error:  # handed over to the consumer, raised there
            put(_Failed(error))

    producer = threading.Thread(target=produce, name="read-ahead", daemon=True)
    producer.start()
    try:
        while True:
            item = handover.get()
            if item is _END:
                return
            if type(item) is _Failed:
                raise item.error
            yield item
    finally:
        stopped.set()
        producer.join()
