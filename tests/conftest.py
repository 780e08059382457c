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


def write_feeds(path: Path, feeds: dict[str, str]) -> Path:
    """Write a feeds TOML naming each feed (name -> url); return its path."""
    body = "".join(f'[[feeds]]\nname = "{name}"\nurl = "{url}"\n\n' for name, url in feeds.items())
    path.write_text(body, encoding="utf-8")
    return path
