"""Database constraints that PostgreSQL keeps and the SQLite demo does without.

Production and the tests run on PostgreSQL; the demo runs on one SQLite file.
SQLite has no exclusion constraints, so `PostgresExclusionConstraint` writes
no SQL there (creating, rebuilding or dropping a table) and validates nothing;
on SQLite every write transaction begins IMMEDIATE (see settings), which
serialises the services' read-check-write on its own.
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField
from django.contrib.postgres.operations import BtreeGistExtension
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Func


class TsTzRange(Func):
    """`tstzrange(start, end)`: half-open, so 10:00-10:20 and 10:20-10:40 do not overlap."""

    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


def _is_postgres(connection) -> bool:
    return connection.vendor == "postgresql"


class PostgresExclusionConstraint(ExclusionConstraint):
    """An exclusion constraint on PostgreSQL; nothing at all on other databases."""

    def constraint_sql(self, model, schema_editor):
        if not _is_postgres(schema_editor.connection):
            return None
        return super().constraint_sql(model, schema_editor)

    def create_sql(self, model, schema_editor):
        if not _is_postgres(schema_editor.connection):
            return None
        return super().create_sql(model, schema_editor)

    def remove_sql(self, model, schema_editor):
        if not _is_postgres(schema_editor.connection):
            return None
        return super().remove_sql(model, schema_editor)

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        if _is_postgres(connections[using]):
            super().validate(model, instance, exclude=exclude, using=using)


def violated_constraint(error: Exception) -> str:
    """The name of the constraint a database error reports, or "" (PostgreSQL names it)."""
    cause = error.__cause__
    diag = getattr(cause, "diag", None)
    return getattr(diag, "constraint_name", None) or ""


class BtreeGistOnPostgres(BtreeGistExtension):
    """The btree_gist extension (`=` on plain columns in a GiST index); nothing elsewhere.

    Django's operation already skips other databases going forwards, not backwards.
    """

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if _is_postgres(schema_editor.connection):
            super().database_backwards(app_label, schema_editor, from_state, to_state)
