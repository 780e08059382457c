"""Shards on one DuckLake at once: two outlets of one fresh Amazon cut in two shards make one round and
one `new_round` alert, readers query while the shards write, and a killed shard loses nothing.

The shards run as processes of their own, as on separate machines: the pipeline's steps without
Prefect (what `layoffwatch run --shard K/N` runs), and once through the real command.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from demo.webhook_receiver import Receiver, receive_webhooks
from ingest.settings import LakeTarget
from ingest.models.shards import shard_of
from storage.backends.catalog_lock import catalog_lock
from storage.db import connect
from tests.conftest import write_feeds
from tests.pages import article_page

pytest_plugins = ["tests.pgserver"]  # the `postgres` and `lake` fixtures

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"
# A shard run without Prefect (the steps `layoffwatch run` takes), in a process of its own.
CHILD = "from ingest.settings import load_settings; from tests.conftest import run_steps; run_steps(load_settings())"


def query(db: Path | LakeTarget, sql: str) -> list[tuple[Any, ...]]:
    """Return the rows of `sql` on a read-only connection (a lake's readers never wait for writers)."""
    with connect(db, read_only=True) as con:
        return con.execute(sql).fetchall()


class Outlets:
    """Two outlets on one local server, each with its own feed, in different shards of two."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.items: dict[str, list[tuple[str, str, str]]] = {}
        names = [f"outlet-{i}" for i in range(20)]
        # Feed names whose stable hash puts one in each of two shards.
        self.names = [next(n for n in names if shard_of(n, 2) == k) for k in (1, 2)]
        self.gate = threading.Event()
        self.gate.set()
        self.page_requests = 0
        for name in self.names:
            server.expect_request(f"/{name}/feed.xml").respond_with_handler(lambda _r, name=name: self._feed(name))

    def _feed(self, name: str) -> Response:
        body = "".join(
            f"<item><guid>{slug}</guid><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
            for slug, title, link, date in ((s, t, self.server.url_for(f"/{name}/{s}.html"), d) for s, t, d in self.items[name])
        )
        return Response(f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>{body}</channel></rss>',
                        content_type="application/rss+xml")

    def publish(self, name: str, seed: str, published: datetime) -> None:
        lines = [line.strip() for line in (SEEDS / seed).read_text(encoding="utf-8").splitlines() if line.strip()]
        page = article_page(lines[0], lines[1:]).replace("Test Daily", name.title())
        slug = seed.split(".")[0]

        def serve(_request: Request) -> Response:
            self.page_requests += 1
            self.gate.wait(timeout=60)
            return Response(page, content_type="text/html; charset=utf-8")

        self.server.expect_request(f"/{name}/{slug}.html").respond_with_handler(serve)
        self.items.setdefault(name, []).append((slug, lines[0], format_datetime(published.replace(tzinfo=UTC))))

    def feeds(self, path: Path) -> Path:
        return write_feeds(path, {name: self.server.url_for(f"/{name}/feed.xml") for name in self.names})


@pytest.fixture
def outlets(lake: LakeTarget, httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Outlets, Receiver]]:
    """Two outlets, one per shard, each carrying one report of the same fresh Amazon cut; a webhook channel."""
    room = Outlets(httpserver)
    now = datetime.now(UTC).replace(tzinfo=None)
    room.publish(room.names[0], "000_e4cf69b996089dd7.txt", now - timedelta(hours=6))
    room.publish(room.names[1], "001_832b855a96fbf76d.txt", now - timedelta(hours=3))
    with receive_webhooks() as hook:
        # The local outlets instead of the shipped (internet) feeds.
        monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(room.feeds(tmp_path / "feeds.toml")))
        monkeypatch.setenv("LAYOFFWATCH_ALERT_URLS", hook.apprise_url)  # alerts need a channel: none by default
        yield room, hook


def shard_process(shard: str) -> subprocess.Popen[bytes]:
    """Start one shard's run (pipeline steps, no Prefect) in a process of its own."""
    # The run's shard, as `layoffwatch run --shard K/N` sets it (by default a run takes every feed).
    env = os.environ | {"PYTHONPATH": str(ROOT), "LAYOFFWATCH_SHARD": shard}
    return subprocess.Popen([sys.executable, "-c", CHILD], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def assert_one_round_one_alert(lake: LakeTarget, hook: Receiver) -> None:
    assert query(lake, "SELECT count(*), count(DISTINCT article_id) FROM articles") == [(2, 2)]
    assert query(lake, "SELECT company, article_count, source_count FROM rounds") == [("Amazon", 2, 2)]
    assert query(lake, "SELECT status FROM alerts WHERE kind = 'new_round'") == [("sent",)]
    # A round_update may follow, depending on which outlet was stored first; nothing is ever sent twice.
    sent = query(lake, "SELECT kind FROM alerts WHERE status = 'sent' ORDER BY created_at")
    assert len(sent) == len({kind for (kind,) in sent}) == len(hook.received)


@pytest.mark.slow  # two shard processes at once, each importing the pipeline (~15 s)
def test_two_shards_at_once_make_one_round_and_one_alert_while_a_reader_queries(
    lake: LakeTarget, outlets: tuple[Outlets, Receiver]
) -> None:
    _, hook = outlets
    seen: list[int] = []
    children = [shard_process("1/2"), shard_process("2/2")]

    def read() -> None:
        while any(child.poll() is None for child in children):
            seen.append(query(lake, "SELECT count(*) FROM articles")[0][0] if _exists(lake) else 0)
            time.sleep(0.05)

    reader = threading.Thread(target=read)
    reader.start()
    errors = [child.communicate(timeout=120)[1] for child in children]
    reader.join()
    assert [child.returncode for child in children] == [0, 0], errors
    assert seen and seen == sorted(seen)  # the reader saw the lake grow, never a half-written batch
    assert_one_round_one_alert(lake, hook)


def _exists(lake: LakeTarget) -> bool:
    """Return whether the first writer has created the lake with its views (they come last)."""
    try:
        return bool(query(lake, "SELECT count(*) FROM duckdb_views() WHERE view_name = 'rounds_overview'")[0][0])
    except FileNotFoundError:  # not created yet by the first writer
        return False


@pytest.mark.slow  # three shard processes one after another (~15 s)
def test_a_shard_killed_waiting_to_write_loses_nothing_when_rerun(
    lake: LakeTarget, outlets: tuple[Outlets, Receiver], tmp_path: Path
) -> None:
    room, hook = outlets
    room.gate.clear()  # pages wait: the shard is fetching when the test takes the lock
    child = shard_process("1/2")
    try:
        deadline = time.monotonic() + 60
        while room.page_requests == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert room.page_requests, "the shard never reached its pages"
        with catalog_lock(lake.catalog, 30):
            room.gate.set()
            spool = tmp_path / "data"
            while not list(spool.glob("*.shard-1-of-2.spool/*.json")) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert list(spool.glob("*.shard-1-of-2.spool/*.json")), "the shard never spooled its batch"
            child.send_signal(signal.SIGKILL)  # killed while waiting for the lock to write
            child.communicate(timeout=10)
    finally:
        child.kill()
        child.communicate()
    assert query(lake, "SELECT count(*) FROM articles") == [(0,)]
    for shard in ("1/2", "2/2"):  # the rerun of the killed shard, and the other shard
        rerun = shard_process(shard)
        _, error = rerun.communicate(timeout=120)
        assert rerun.returncode == 0, error
    assert not list((tmp_path / "data").glob("*.spool/*.json"))
    assert_one_round_one_alert(lake, hook)


@pytest.mark.slow  # two `layoffwatch run` processes, each with its own temporary Prefect server (~30 s)
def test_two_layoffwatch_runs_with_shards_exit_0_and_make_one_round(lake: LakeTarget, outlets: tuple[Outlets, Receiver]) -> None:
    _, hook = outlets
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    command = [str(Path(sys.executable).with_name("layoffwatch")), "run", "--shard"]
    runs = [subprocess.Popen([*command, shard], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for shard in ("1/2", "2/2")]
    answers: list[Any] = []
    while any(run.poll() is None for run in runs):  # a read-only attach, as a user's notebook would
        if _exists(lake):
            answers.append(query(lake, "SELECT count(*) FROM rounds_overview"))
        time.sleep(0.2)
    outputs = [run.communicate()[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert answers
    assert_one_round_one_alert(lake, hook)


def fan_out_yaml(folder: Path) -> Path:
    """A prefect.yaml with the two deployments of docs/scale.md: the parent pass and its shards."""
    spec = {
        "name": "layoffwatch-scale-test",
        "pull": [{"prefect.deployments.steps.set_working_directory": {"directory": str(folder)}}],
        "deployments": [
            {"name": "layoffwatch-ingest-sharded", "entrypoint": f"{ROOT}/flows/shards.py:ingest_sharded",
             "parameters": {"shards": 2}, "schedules": [], "work_pool": {"name": "layoffwatch"},
             "concurrency_limit": {"limit": 1, "collision_strategy": "CANCEL_NEW"}},
            {"name": "layoffwatch-ingest-shard", "entrypoint": f"{ROOT}/flows/ingest_flow.py:ingest",
             "schedules": [], "work_pool": {"name": "layoffwatch"}},
        ],
    }
    path = folder / "prefect.yaml"
    path.write_text(json.dumps(spec), encoding="utf-8")  # JSON is YAML
    return path


def rounds_slots_taken(api: str, expected: int, wait: float = 30) -> int:
    """Return how often the `layoffwatch-rounds` slot was acquired (events land a moment after the fact)."""
    import httpx

    deadline, taken = time.monotonic() + wait, 0
    while time.monotonic() < deadline:
        page = httpx.post(f"{api}/events/filter", json={"filter": {"event": {"name": ["prefect.concurrency-limit.acquired"]}}, "limit": 50})
        page.raise_for_status()
        taken = sum(e["resource"].get("prefect.resource.name") == "layoffwatch-rounds" for e in page.json()["events"])
        if taken >= expected:
            break
        time.sleep(1)
    return taken


@pytest.mark.slow  # a real Prefect server, a process worker and three flow-run processes (~90 s)
def test_the_fan_out_flow_runs_both_shards_on_workers_and_makes_one_round(
    lake: LakeTarget, outlets: tuple[Outlets, Receiver], tmp_path: Path
) -> None:
    from deployments.serve import local_prefect_server
    from tests.test_deployments import finished, prefect_cli, run_deployment, stop

    _, hook = outlets
    # Prefect's own files in the test's folder; the workers get the lake and the outlets from os.environ.
    env = os.environ | {"PREFECT_HOME": str(tmp_path / "prefect-home")}
    with local_prefect_server(environ=env) as api:
        env["PREFECT_API_URL"] = api
        for args in (("work-pool", "create", "layoffwatch", "--type", "process"),
                     ("global-concurrency-limit", "create", "layoffwatch-rounds", "--limit", "1"),
                     ("--no-prompt", "deploy", "--prefect-file", str(fan_out_yaml(tmp_path)), "--all")):
            done = prefect_cli(env, *args)
            assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        worker = subprocess.Popen(
            [sys.executable, "-m", "prefect", "worker", "start", "--pool", "layoffwatch"], env=env, cwd=tmp_path,
            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            code, output = finished(run_deployment(env, "ingest-sharded/layoffwatch-ingest-sharded"))
        finally:
            stop(worker)
        assert code == 0, output[-3000:]
        # Each shard's store and delivery held the one slot of the global concurrency limit.
        assert rounds_slots_taken(api, expected=2) == 2
    assert query(lake, "SELECT DISTINCT feed FROM feed_fetches ORDER BY 1") == [(name,) for name in sorted(outlets[0].names)]
    assert_one_round_one_alert(lake, hook)
