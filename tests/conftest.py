"""Shared fixtures: one Prefect test server per session, and an isolated layoffwatch environment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """A temporary Prefect API for the whole session (starting one costs ~10 s, so only once)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture
def lw_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every LAYOFFWATCH_ setting at a fresh temporary folder; return the DuckDB path."""
    db = tmp_path / "lw.duckdb"
    monkeypatch.setenv("LAYOFFWATCH_DB", str(db))
    monkeypatch.setenv("LAYOFFWATCH_ALLOW_PRIVATE_HOSTS", "127.0.0.1,localhost")
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
    """Run one ingest through the pipeline steps without Prefect (fast); return (stored, delivery)."""
    from usecases import run as pipeline
    from ingest.feeds.feedlist import load_feeds
    from storage.db import utcnow

    prepared = pipeline.prepare(settings, load_feeds(settings.feeds), utcnow(), True)
    fetched = pipeline.select_new(settings, pipeline.fetch_feeds(settings, prepared, "test-run"))
    stored = pipeline.store(settings, pipeline.fetch_and_extract(settings, fetched, utcnow()), utcnow())
    delivery = pipeline.deliver_alerts(settings, utcnow()) if send else None
    return stored, delivery


@pytest.fixture
def sample_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lw_env: Path) -> Iterator[Path]:
    """The bundled sample served locally, with LAYOFFWATCH_FEEDS pointing at it; yields the db path."""
    from demo.server import sample_feeds_toml, serve_sample

    with serve_sample() as base:
        feeds = tmp_path / "sample-feeds.toml"
        feeds.write_text(sample_feeds_toml(base), encoding="utf-8")
        monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(feeds))
        yield lw_env
