"""INSERT … SELECT from a queryset: aggregates written by the database, never through Python.

The queryset must select exactly the target columns, in order (`values_list` of annotations);
Django 5.2 keeps the order of the selected expressions.
"""

from collections.abc import Sequence

from django.db import connection
from django.db.models import Model, QuerySet


def insert_from_select(
    model: type[Model], columns: Sequence[str], queryset: QuerySet, *, ignore_conflicts=False
) -> int:
    """Insert the rows `queryset` selects into `model`'s `columns`; returns the row count."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(
        connection.ops.quote_name(model._meta.get_field(name).column) for name in columns
    )
    select, params = queryset.query.sql_with_params()
    conflict = ""
    if ignore_conflicts:
        # SQLite needs a WHERE before ON CONFLICT, or it reads ON as a join constraint.
        select = f"SELECT * FROM ({select}) AS source WHERE 1 = 1"  # noqa: S608
        conflict = " ON CONFLICT DO NOTHING"
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({names}) {select}{conflict}", params)  # noqa: S608
        return max(cursor.rowcount, 0)
