"""The `alliances` console script: this project's manage.py.

Configuration and database-connection problems are reported as one clear line
instead of a traceback, since they are the first thing a newcomer or an operator meets.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliances.settings.base")
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.core.management import execute_from_command_line
        from django.db.utils import OperationalError

        execute_from_command_line(argv or sys.argv)
    except ImproperlyConfigured as error:
        sys.stderr.write(f"Configuration error: {error}\n")
        sys.exit(2)
    except OperationalError as error:
        sys.stderr.write(
            "Database error: cannot use the database set by DATABASE_URL "
            f"({_describe_database()}): {error}\n"
        )
        sys.exit(2)


def _describe_database() -> str:
    """Name the configured database without its password."""
    try:
        from django.db import connection

        settings_dict = connection.settings_dict
        return f"{settings_dict['ENGINE'].rsplit('.', 1)[-1]} {settings_dict.get('NAME')!s}"
    except Exception:  # the settings themselves may be what failed
        return "unknown"


if __name__ == "__main__":
    main()
