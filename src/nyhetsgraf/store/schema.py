"""Versioned schema: ordered SQL migrations shipped as package data.

A migration is ``migrations/NNNN_name.sql`` (portable SQL, run on every backend) or, where the backends
need different SQL, a file per dialect: ``NNNN_name.sqlite.sql`` and ``NNNN_name.postgresql.sql``.
Version N brings the schema to N on every backend. ``{pk}`` in a migration is the dialect's type of an
auto-numbered primary key.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)(?:\.([a-z]+))?\.sql$")


class SchemaError(RuntimeError):
    """The database was written by a newer nyhetsgraf, or a migration is missing."""


@cache
def migrations(dialect: str) -> tuple[tuple[int, str], ...]:
    """``(version, sql)`` for every migration of one dialect, in order."""
    folder = resources.files("nyhetsgraf.store") / "migrations"
    portable: dict[int, str] = {}
    specific: dict[int, str] = {}
    dialects_seen: dict[int, set[str]] = {}
    names: dict[int, set[str]] = {}
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if not match:
            continue
        version, for_dialect = int(match.group(1)), match.group(3)
        names.setdefault(version, set()).add(match.group(2))
        if for_dialect is None:
            portable[version] = entry.read_text(encoding="utf-8")
        else:
            dialects_seen.setdefault(version, set()).add(for_dialect)
            if for_dialect == dialect:
                specific[version] = entry.read_text(encoding="utf-8")
    clashes = {version: sorted(found) for version, found in names.items() if len(found) > 1}
    if clashes:
        version, found = min(clashes.items())
        raise SchemaError(f"two migrations are numbered {version:04d}: {', '.join(found)}")
    versions = sorted(set(portable) | set(dialects_seen))
    if versions != list(range(1, len(versions) + 1)):
        raise SchemaError(f"migrations must be numbered 1..N without gaps, found {versions}")
    found = []
    for version in versions:
        sql = specific.get(version, portable.get(version))
        if sql is None:
            raise SchemaError(f"migration {version:04d} has no {dialect} version")
        found.append((version, sql))
    return tuple(found)


SCHEMA_VERSION = len(migrations("sqlite"))
