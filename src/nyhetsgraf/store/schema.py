"""Versioned schema: ordered SQL migrations shipped as package data, tracked by PRAGMA user_version."""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str]]:
    """``(version, sql)`` for every migration file, in order. Version N brings the schema to N."""
    folder = resources.files("nyhetsgraf.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [version for version, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps, found {versions}")
    return found


SCHEMA_VERSION = len(migrations())


class SchemaError(RuntimeError):
    """The database was written by a newer nyhetsgraf."""


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> int:
    """Apply every migration newer than the database, each in its own transaction. Idempotent."""
    current = schema_version(connection)
    if current > SCHEMA_VERSION:
        raise SchemaError(f"database schema version {current} is newer than this nyhetsgraf"
                          f" ({SCHEMA_VERSION})")
    for version, sql in migrations():
        if version <= current:
            continue
        # executescript() commits first; the explicit BEGIN makes each migration all-or-nothing.
        connection.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
        current = version
    return current
