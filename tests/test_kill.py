"""SIGKILL at random points of a run, several times over: the next complete run still leaves every
article once, every round once and every alert row once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from demo.sample import SAMPLE_ALERTS_FROM
from demo.server import sample_feeds_toml, serve_sample
from demo.webhook_receiver import receive_webhooks
from ingest.settings import load_settings
from tests.conftest import run_steps

ROOT = Path(__file__).resolve().parent.parent
CHILD = "from ingest.settings import load_settings; from tests.conftest import run_steps; run_steps(load_settings())"


def test_runs_killed_at_random_points_leave_nothing_doubled(tmp_path: Path, lw_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(20261121)
    with serve_sample() as base, receive_webhooks() as hook:
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(sample_feeds_toml(base), encoding="utf-8")
        env = {
            "LAYOFFWATCH_FEEDS": str(feeds), "LAYOFFWATCH_DB": str(lw_env),
            "LAYOFFWATCH_ALLOW_PRIVATE_HOSTS": "127.0.0.1", "LAYOFFWATCH_ALERT_URLS": hook.apprise_url,
            "LAYOFFWATCH_ALERT_FRESHNESS_DAYS": str((date.today() - SAMPLE_ALERTS_FROM).days),
            # One page at a time, 0.2 s apart: a run lasts ~10 s, so kills land in every phase
            # (fetching pages, extracting, writing, delivering alerts).
            "LAYOFFWATCH_PER_HOST_CONCURRENCY": "1", "LAYOFFWATCH_PER_HOST_DELAY": "0.2",
        }
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        killed_after: list[float] = []
        states: list[tuple[int, int]] = []
        for delay in sorted(rng.uniform(2.0, 11.0) for _ in range(4)):
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD], cwd=ROOT, env=os.environ | {"PYTHONPATH": str(ROOT)},
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            time.sleep(delay)
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
                killed_after.append(round(delay, 2))
            child.wait(timeout=30)
            states.append(_state(lw_env))
        assert killed_after, "no run was killed: make the runs slower or the delays shorter"
        stored, _ = run_steps(load_settings())  # the next complete run
        again, _ = run_steps(load_settings())

    con = duckdb.connect(str(lw_env), read_only=True)
    try:
        articles, distinct = _one(con, "SELECT count(*), count(DISTINCT article_id) FROM articles")
        urls = _one(con, "SELECT count(*), count(DISTINCT canonical_url) FROM articles WHERE duplicate_of IS NULL")
        doubled_rounds = con.execute(
            "SELECT company, announced_on, count(*) FROM rounds GROUP BY ALL HAVING count(*) > 1"
        ).fetchall()
        doubled_alerts = con.execute(
            "SELECT round_id, kind, channel, count(*) FROM alerts WHERE kind = 'new_round' GROUP BY ALL HAVING count(*) > 1"
        ).fetchall()
        [unlinked] = _one(
            con,
            "SELECT count(*) FROM classifications c WHERE label = 'layoff_report'"
            " AND NOT EXISTS (SELECT 1 FROM round_articles r WHERE r.article_id = c.article_id)",
        )
        [pending] = _one(con, "SELECT count(*) FROM alerts WHERE status IN ('pending', 'failed')")
        [classified] = _one(con, "SELECT count(DISTINCT article_id) FROM classifications")
    finally:
        con.close()
    assert articles == distinct == 32, (killed_after, states)
    # The kills landed in different phases: before anything was stored, and after some of it.
    assert len(set(states)) >= 2, states
    assert urls[0] == urls[1]
    assert classified == 32 and unlinked == 0
    assert doubled_rounds == [] and doubled_alerts == []
    assert pending == 0  # every alert went out by the end
    assert again.new_articles == 0


def _state(db: Path) -> tuple[int, int]:
    """Return (articles stored, spooled batches) after a killed run."""
    spooled = len(list((db.parent / f"{db.name}.spool").glob("*.json"))) if (db.parent / f"{db.name}.spool").is_dir() else 0
    if not db.exists():
        return (0, spooled)
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (_one(con, "SELECT count(*) FROM articles")[0], spooled)
    except duckdb.CatalogException:
        return (0, spooled)
    finally:
        con.close()


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[Any, ...]:
    """Return the single row of `sql`."""
    found = con.execute(sql).fetchone()
    assert found is not None
    return found
