"""A throw-away PostgreSQL server for tests: initdb into a temporary folder, a Unix socket only.

CI installs PostgreSQL (see .ci/run) and sets FACTORY_REQUIRE_POSTGRES=1, so there a
missing server fails the tests instead of skipping them.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _as_user() -> list[str]:
    """initdb refuses to run as root: run the server as the `postgres` system user then."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return ["__no_user__"]
    runuser = shutil.which("runuser")
    return [runuser, "-u", "postgres", "--"] if runuser else ["__no_user__"]


@contextmanager
def postgres_server() -> Iterator[list[str]]:
    """Yields the psql command line (with connection options) for a fresh database."""
    initdb, pg_ctl, psql = _bin("initdb"), _bin("pg_ctl"), _bin("psql")
    prefix = _as_user()
    problem = None
    if not (initdb and pg_ctl and psql):
        problem = "PostgreSQL (initdb, pg_ctl, psql) is not installed"
    elif prefix == ["__no_user__"]:
        problem = "running as root without a 'postgres' user to run the server"
    if problem:
        if os.environ.get("FACTORY_REQUIRE_POSTGRES") == "1":
            pytest.fail(problem)
        pytest.skip(problem)
    assert initdb and pg_ctl and psql
    base = Path(tempfile.mkdtemp(prefix="factory-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if prefix:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    try:
        subprocess.run(
            [*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "postgres"],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                *prefix,
                pg_ctl,
                "-D",
                str(data),
                "-w",
                "-l",
                str(base / "log"),
                "-o",
                f"-k {sock} -c listen_addresses='' -p 54329",
                "start",
            ],
            check=True,
            capture_output=True,
        )
        yield [
            psql,
            "-h",
            str(sock),
            "-p",
            "54329",
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
        ]
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def sqlalchemy_url(psql: list[str]) -> str:
    """The SQLAlchemy URL of the server a `postgres_server()` psql command line talks to."""
    host, port = psql[psql.index("-h") + 1], psql[psql.index("-p") + 1]
    return f"postgresql+psycopg://postgres@/postgres?host={host}&port={port}"
