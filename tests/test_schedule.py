"""`layoffwatch serve` really fires its schedule: a local Prefect server, a served deployment, a run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from pytest_httpserver import HTTPServer

from tests.conftest import write_feeds
from tests.pages import rss, story


def test_serve_starts_a_server_and_the_schedule_fires(httpserver: HTTPServer, tmp_path: Path) -> None:
    u = httpserver.url_for
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss([("g1", "Acme cuts 1,200 jobs", u("/a/1.html"), "Wed, 28 Jan 2026 14:00:00 GMT")]),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/a/1.html").respond_with_data(story("Acme", "Acme cut 1,200 jobs."), content_type="text/html")
    feeds = write_feeds(tmp_path / "feeds.toml", {"scheduled": u("/feed.xml")})
    db = tmp_path / "served.duckdb"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "LAYOFFWATCH_"))}
    env.update(
        PREFECT_HOME=str(tmp_path / "prefect-home"),
        # Make the server's scheduler and the runner's polling quick enough for a test.
        PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="1",
        PREFECT_RUNNER_POLL_FREQUENCY="1",
        LAYOFFWATCH_FEEDS=str(feeds),
        LAYOFFWATCH_DB=str(db),
        LAYOFFWATCH_ALLOW_PRIVATE_HOSTS="127.0.0.1",
    )
    serve = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--interval", "0.1"],
        env=env, cwd=Path(__file__).resolve().parent.parent, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    snapshot = tmp_path / "served.snapshot.duckdb"
    try:
        deadline = time.monotonic() + 180
        while not snapshot.exists() and time.monotonic() < deadline and serve.poll() is None:
            time.sleep(1)
        assert snapshot.exists(), "no scheduled run completed within 180 s"
        con = duckdb.connect(str(snapshot), read_only=True)
        try:
            assert con.execute("SELECT title FROM articles").fetchall() == [("Acme cuts 1,200 jobs",)]
        finally:
            con.close()
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        try:
            output, _ = serve.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            output, _ = serve.communicate()
    assert "started a local Prefect server" in output
