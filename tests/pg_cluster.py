"""A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, stopped at the end.

    with throwaway_cluster() as admin_url:        # postgresql://postgres@/postgres?host=/tmp/...&port=...
        url = create_database(admin_url)            # a fresh, empty database
        ...
        drop_database(admin_url, url)

The server listens on a Unix socket in its own folder only (no TCP port to collide with, works without
a network). initdb refuses to run as root, so as root the cluster runs as the ``postgres`` user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

_PORT = 5432  # the socket lives in a private folder, so the usual port cannot collide


class ClusterUnavailable(RuntimeError):
    """No PostgreSQL server binaries here, or the cluster would not start."""


def server_binaries() -> Path:
    """The folder holding initdb and pg_ctl (PATH, ``pg_config --bindir``, Debian's layout)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    candidates: list[Path] = []
    if shutil.which("pg_config"):
        result = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(Path(result.stdout.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise ClusterUnavailable("no initdb/pg_ctl found (install PostgreSQL, e.g. apt-get install postgresql)")


def _as_server_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        raise ClusterUnavailable("running as root and runuser is missing (initdb refuses root)")
    try:
        import pwd

        pwd.getpwnam("postgres")
    except KeyError as error:
        raise ClusterUnavailable("running as root and there is no 'postgres' user for initdb") from error
    return ["runuser", "-u", "postgres", "--"]


@contextmanager
def throwaway_cluster(*, durable: bool = False) -> Iterator[str]:
    """Start a private cluster; yields the admin URL; stops it and deletes its files at the end.
    ``durable`` keeps PostgreSQL's default fsync and commit settings (for benchmarks)."""
    binaries = server_binaries()
    prefix = _as_server_user()
    folder = Path(tempfile.mkdtemp(prefix="nyhetsgraf-pg-"))
    if prefix:
        shutil.chown(folder, "postgres", "postgres")
    data, log = folder / "data", folder / "server.log"
    started = False
    try:
        _run([*prefix, str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
              "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        options = f"-p {_PORT} -k {folder} -c listen_addresses='' -c max_connections=200"
        if not durable:  # durability is not wanted for a throwaway test cluster; speed is
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        _run([*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w",
              "-t", "60", "start"])
        started = True
        yield f"postgresql://postgres@/postgres?host={folder}&port={_PORT}"
    finally:
        if started:
            subprocess.run([*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                            "stop"], capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        program = next(Path(part).name for part in command if part.endswith(("initdb", "pg_ctl")))
        lines = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise ClusterUnavailable(f"{program} failed: {lines[-1] if lines else result.returncode}")


def with_database(url: str, name: str) -> str:
    """The same server URL naming another database."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def create_database(admin_url: str, prefix: str = "nyhetsgraf_test") -> str:
    """A new empty database on the server of ``admin_url``; returns its URL."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
    return with_database(admin_url, name)


def drop_database(admin_url: str, url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_reachable(url: str) -> str | None:
    """None when ``url`` accepts connections, else the one-line reason."""
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as error:
        return (str(error).strip().splitlines() or [type(error).__name__])[0]
    return None

