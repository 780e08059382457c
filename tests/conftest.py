"""Shared fixtures: one Prefect test server per session, an isolated layoffwatch environment, and the alias table."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.understanding import CompanyTable, load_company_table

PREFECT_SERVER = "prefect_server"


class _TestServer:
    """Prefect's test harness held open on a thread of its own, from its start until the session ends.

    The harness publishes its API as Prefect's process-wide settings (what contexts without settings
    of their own read), so flows on the main thread use it. Started once collection shows a test
    needs it, the server boots (~8 s) while the tests before that one run.
    """

    def __init__(self) -> None:
        # Prefect's server modules are imported here, on the main thread, so that the harness's thread
        # imports nothing while tests import and load plugins of their own (Apprise's, for one).
        import prefect.server.api.server  # noqa: F401
        import prefect.server.database.dependencies  # noqa: F401
        import prefect.testing.utilities  # noqa: F401

        self.ready = threading.Event()
        self.done = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._hold, name="prefect-test-server", daemon=True)
        self.thread.start()

    def _hold(self) -> None:
        from prefect.testing.utilities import prefect_test_harness

        try:
            with prefect_test_harness(server_startup_timeout=180):
                self.ready.set()
                self.done.wait()
        except BaseException as exc:  # handed to the fixture, which raises it in the test that asked
            self.error = exc
        finally:
            self.ready.set()

    def wait(self) -> None:
        """Return once the API answers; raise what stopped the harness otherwise."""
        self.ready.wait()
        if self.error is not None or not self.thread.is_alive():
            raise RuntimeError("the Prefect test server did not start") from self.error

    def stop(self) -> None:
        """Close the harness (drain Prefect's workers, stop the server) and wait for its thread."""
        self.done.set()
        self.thread.join(120)


_server: list[_TestServer] = []  # the session's one server, once started


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the Prefect test server in the background when a collected test will need it."""
    if session.config.option.collectonly:
        return  # nothing will run (`--collect-only`): a server started now would never be stopped
    if not _server and any(PREFECT_SERVER in getattr(item, "fixturenames", ()) for item in session.items):
        _server.append(_TestServer())


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """A temporary Prefect API for the whole session (starting one costs ~8 s, so only once)."""
    if not _server:  # requested by a test collection did not see (getfixturevalue)
        _server.append(_TestServer())
    _server[0].wait()
    try:
        yield
    finally:
        _server[0].stop()


@pytest.fixture(scope="session")
def migrated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database as the first writable open leaves it (migrations, views and their comments,
    ~0.3 s), made once per session: tests whose subject is not that first open copy it."""
    from storage.db import connect

    path = tmp_path_factory.mktemp("migrated") / "migrated.duckdb"
    with connect(path):
        pass
    return path


def copy_migrated(migrated: Path, path: Path) -> Path:
    """Put a copy of `migrated_db` at `path` (its folder made): the file a first writable open would leave there,
    without that open's ~0.2 s; for tests whose subject is not the first open. Return `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated, path)
    return path


@pytest.fixture
def lw_db(lw_env: Path, migrated_db: Path) -> Path:
    """`lw_env` with its database already created (`copy_migrated`); return the db path."""
    return copy_migrated(migrated_db, lw_env)


@pytest.fixture
def lw_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every LAYOFFWATCH_ setting at a fresh temporary folder; return the DuckDB path."""
    return isolate(tmp_path, monkeypatch)


def isolate(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Set the environment `lw_env` gives a test, its database in `folder` (for wider-scoped fixtures); return the db path."""
    db = folder / "lw.duckdb"
    monkeypatch.setenv("LAYOFFWATCH_DB", str(db))
    # The tests' pages are served on loopback, which article links may not reach by default.
    monkeypatch.setenv("LAYOFFWATCH_ALLOW_PRIVATE_HOSTS", "127.0.0.1,localhost")
    # Shorter waits: a test stuck on a silent server or a held file fails in 5 s, not 20 s or 120 s.
    monkeypatch.setenv("LAYOFFWATCH_HTTP_TIMEOUT", "5")
    monkeypatch.setenv("LAYOFFWATCH_LOCK_TIMEOUT", "5")
    monkeypatch.delenv("LAYOFFWATCH_ALERT_URLS", raising=False)
    monkeypatch.delenv("LAYOFFWATCH_FEEDS", raising=False)
    return db


def rows(db: Path, sql: str) -> list[tuple]:
    """Return the rows of `sql` on a read-only connection to `db` (closed straight after)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def write_feeds(path: Path, feeds: dict[str, str]) -> Path:
    """Write a feeds TOML naming each feed (name -> url); return its path."""
    body = "".join(f'[[feeds]]\nname = "{name}"\nurl = "{url}"\n\n' for name, url in feeds.items())
    path.write_text(body, encoding="utf-8")
    return path


def run_steps(settings, *, send: bool = True):  # noqa: ANN001, ANN201 - test helper
    """Run one ingest through the plain use case (`usecases.run_once`, no Prefect); return (stored, delivery)."""
    from dataclasses import replace

    from ingest.feeds.feedlist import load_feeds
    from usecases.run_once import PLAIN, run_once

    seen: dict = {}

    def store(settings, batch):  # noqa: ANN001, ANN202 - the plain step, its result kept for the test
        seen["stored"] = PLAIN.store(settings, batch)
        return seen["stored"]

    def deliver(settings, clock):  # noqa: ANN001, ANN202
        seen["delivery"] = PLAIN.deliver(settings, clock)
        return seen["delivery"]

    steps = replace(PLAIN, store=store, deliver=deliver)
    run_once(settings, load_feeds(settings.feeds), run_id="test-run", send_alerts=send, steps=steps)
    return seen["stored"], seen.get("delivery")


@pytest.fixture
def sample_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lw_env: Path) -> Iterator[Path]:
    """The bundled sample served locally, with LAYOFFWATCH_FEEDS pointing at it; yields the db path."""
    from demo.server import sample_feeds_toml, serve_sample

    with serve_sample() as base:
        feeds = tmp_path / "sample-feeds.toml"
        feeds.write_text(sample_feeds_toml(base), encoding="utf-8")
        monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(feeds))
        yield lw_env


@pytest.fixture(scope="session")
def table() -> CompanyTable:
    """The shipped alias table, read once for the tests that classify."""
    return load_company_table()
