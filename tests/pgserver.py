"""A real PostgreSQL server for the DuckLake tests (and benchmarks/scale.py): Debian's binaries, a
fresh cluster in a temporary folder, on a free loopback port, stopped at the end. Test modules load
its fixtures with `pytest_plugins = ["tests.pgserver"]`: `postgres` (one server per session) and
`lake` (a new lake on it, as LAYOFFWATCH_DB).

Stands for the PostgreSQL database that holds a lake's catalog in production. `.ci/run` installs
Debian's `postgresql` package when it runs as root; where the binaries are missing, or the server
cannot be started (root without a `postgres` user to run it as), `start_or_skip_reason` says why
and the tests that need it skip with that reason.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from ingest.settings import LakeTarget, load_settings
from storage.backends.lake import close_sessions


@dataclass(frozen=True)
class PostgresServer:
    """A running server: where it listens, and how to make a database on it."""

    port: int
    user: str
    bindir: Path
    run_as: str | None

    def conninfo(self, dbname: str) -> str:
        """Return the libpq conninfo of database `dbname` on this server."""
        return f"host=127.0.0.1 port={self.port} dbname={dbname} user={self.user}"

    def create_database(self, dbname: str) -> str:
        """Create database `dbname` (a fresh lake catalog); return its conninfo."""
        _run(self, [str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, dbname])
        return self.conninfo(dbname)


def find_bindir() -> Path | None:
    """Return the folder of PostgreSQL's server binaries (initdb, pg_ctl), or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for folder in candidates:
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    return None


def _run(server: PostgresServer, args: list[str]) -> None:
    command = ["runuser", "-u", server.run_as, "--", *args] if server.run_as else args
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def skip_reason() -> str | None:
    """Return why no server can be started here (None: it can)."""
    if find_bindir() is None:
        return "PostgreSQL's server binaries are not installed (Debian: apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, and there is no `postgres` user to run PostgreSQL as (initdb refuses root)"
        if shutil.which("runuser") is None:
            return "running as root without `runuser` to start PostgreSQL as the `postgres` user"
    return None


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """Start a throwaway PostgreSQL cluster on a free loopback port; yield it; stop and delete it."""
    bindir = find_bindir()
    assert bindir is not None, skip_reason()
    run_as = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="lw-postgres-"))
    if run_as:
        shutil.chown(folder, user=run_as)
    data, port = folder / "data", _free_port()
    server = PostgresServer(port=port, user="postgres", bindir=bindir, run_as=run_as)
    try:
        # trust on loopback only: a throwaway cluster for tests; fsync off, nothing here must survive a crash.
        _run(server, [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"])
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        _run(server, [str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "-t", "60", "start"])
        try:
            yield server
        finally:
            _run(server, [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the session (skips with the reason where none can start)."""
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    with postgres_server() as server:
        try:
            yield server
        finally:
            close_sessions()  # this process's lake instances hold connections to the server


@pytest.fixture
def lake(postgres: PostgresServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lw_env: Path) -> LakeTarget:
    """A new, empty lake as LAYOFFWATCH_DB; the working directory (where its spools go) is `tmp_path`."""
    monkeypatch.chdir(tmp_path)
    conninfo = postgres.create_database(f"lake_{uuid.uuid4().hex[:12]}")
    # The backend under test: a DuckLake on the test server instead of the default DuckDB file.
    monkeypatch.setenv("LAYOFFWATCH_DB", f"ducklake:postgres:{conninfo}")
    # A new lake needs a data path; this one lives in the test's folder.
    monkeypatch.setenv("LAYOFFWATCH_DATA_PATH", str(tmp_path / "lake-data"))
    target = load_settings().db
    assert isinstance(target, LakeTarget)
    return target
