"""SIGKILL at chosen points of a run, several runs over: the next complete run still leaves every
article once, every round once and every alert row once.

Each killed run kills itself at a named point (a function of ours entered for the n-th time, seen
by a profile hook), so every run is killed, each in the phase it names, on any machine at any load.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any, NamedTuple

import duckdb
import pytest

from demo.sample import SAMPLE_ALERTS_FROM
from demo.server import sample_feeds_toml, serve_sample
from demo.webhook_receiver import receive_webhooks
from ingest.settings import load_settings
from tests.conftest import run_steps

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow  # five pipeline processes over the bundled sample (~10 s)


class KillPoint(NamedTuple):
    """Die on the `nth` entry into `function` of `module` (a path under the repository) with `table` as its table."""

    module: str
    function: str
    nth: int
    table: str | None = None


# In run order; the spool a killed write leaves is replayed by the next run, which the next point kills.
KILL_POINTS = {
    "fetching the fifth page": KillPoint("ingest/edges/http/client.py", "fetch", 5),
    "writing the articles of a spooled batch": KillPoint("storage/bulk.py", "insert_rows", 1, "articles"),
    "queueing alerts while replaying the spool": KillPoint("storage/bulk.py", "insert_rows", 1, "alerts"),
    "between two alert deliveries": KillPoint("ingest/edges/notify.py", "send", 2),
}


def die_at(point: KillPoint) -> None:
    """Install a profile hook, in this process and its new threads, that SIGKILLs it at `point`."""
    path = str(ROOT / point.module)
    seen = 0
    lock = threading.Lock()

    def hook(frame: FrameType, event: str, _arg: Any) -> None:  # noqa: ANN401 - the profiler's argument
        nonlocal seen
        code = frame.f_code
        if event != "call" or code.co_name != point.function or code.co_filename != path:
            return
        if point.table is not None and frame.f_locals.get("table") != point.table:
            return
        with lock:
            seen += 1
            if seen == point.nth:
                os.kill(os.getpid(), signal.SIGKILL)

    threading.setprofile(hook)
    sys.setprofile(hook)


def child(name: str) -> None:
    """Run one ingest (a child process's body) that kills itself at the kill point called `name`."""
    die_at(KILL_POINTS[name])
    run_steps(load_settings())


def test_runs_killed_at_chosen_points_leave_nothing_doubled(tmp_path: Path, lw_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with serve_sample() as base, receive_webhooks() as hook:
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(sample_feeds_toml(base), encoding="utf-8")
        env = {
            "LAYOFFWATCH_FEEDS": str(feeds), "LAYOFFWATCH_DB": str(lw_env),
            # The sample's pages are served on loopback, which the defaults refuse to fetch.
            "LAYOFFWATCH_ALLOW_PRIVATE_HOSTS": "127.0.0.1",
            # A channel to deliver to, so that a kill can land between two deliveries.
            "LAYOFFWATCH_ALERT_URLS": hook.apprise_url,
            # The sample's rounds are older than the default freshness; these runs must alert on them.
            "LAYOFFWATCH_ALERT_FRESHNESS_DAYS": str((date.today() - SAMPLE_ALERTS_FROM).days),
        }
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        states: dict[str, tuple[int, int]] = {}
        for name in KILL_POINTS:
            code = subprocess.run(
                [sys.executable, "-c", f"from tests.test_kill import child; child({name!r})"], cwd=ROOT,
                env=os.environ | {"PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                text=True, timeout=120,
            )
            assert code.returncode == -signal.SIGKILL, f"{name}: the run was not killed there\n{code.stderr[-3000:]}"
            states[name] = _state(lw_env)
        stored, _ = run_steps(load_settings())  # the next complete run
        again, _ = run_steps(load_settings())

    # Killed in fetching: nothing stored, nothing spooled. Killed in a write: the batch waits in the
    # spool, uncommitted rows gone. Killed delivering: the replayed batch is stored, the spool empty.
    assert states == {
        "fetching the fifth page": (0, 0),
        "writing the articles of a spooled batch": (0, 1),
        "queueing alerts while replaying the spool": (0, 1),
        "between two alert deliveries": (32, 0),
    }
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
    assert articles == distinct == 32, states
    assert urls[0] == urls[1]
    assert classified == 32 and unlinked == 0
    assert doubled_rounds == [] and doubled_alerts == []
    assert pending == 0  # every alert went out by the end
    assert stored.new_articles == 0 and again.new_articles == 0  # the killed runs' replay stored them all


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
