"""The extraction worker pool: forked warm from a forkserver started early, preloading the right modules."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
import types
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from usecases import run as pipeline
from ingest.text.extract import extract_page
from ingest.feeds.feedlist import load_feeds
from ingest.settings import Settings, load_settings
from usecases.workers import (
    HEAVY_MODULES,
    PoolWarmer,
    preload_modules,
    prestart,
    process_pool,
)
from storage.db import utcnow
from tests.conftest import copy_migrated, write_feeds
from tests.pages import rss

HAS_FORKSERVER = "forkserver" in multiprocessing.get_all_start_methods()


def forkserver_pid() -> int | None:
    """The running forkserver's pid (CPython keeps it on the module's one ForkServer)."""
    from multiprocessing import forkserver  # POSIX only

    return forkserver._forkserver._forkserver_pid


def stop_forkserver() -> None:
    """Stop the forkserver with CPython's own hook, so a test sees whether something starts it."""
    if HAS_FORKSERVER:
        from multiprocessing import forkserver

        forkserver._forkserver._stop()


def test_preload_adds_a_main_run_with_dash_m_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # How Prefect workers start flow runs: `python -m prefect.engine`.
    engine = types.ModuleType("__main__")
    engine.__spec__ = types.SimpleNamespace(name="prefect.engine")
    monkeypatch.setitem(sys.modules, "__main__", engine)
    assert preload_modules() == ["__main__", "prefect.engine", *HEAVY_MODULES]

    # A package's __main__ (python -m pytest) and a script (layoffwatch) load through "__main__".
    engine.__spec__ = types.SimpleNamespace(name="pytest.__main__")
    assert preload_modules() == ["__main__", *HEAVY_MODULES]
    engine.__spec__ = None
    assert preload_modules() == ["__main__", *HEAVY_MODULES]


@pytest.mark.slow  # a fresh interpreter importing the workers' modules (~2 s)
def test_workers_never_import_the_network_or_storage_stack() -> None:
    """What the forkserver imports stays what analysis needs: every worker start waits for it.

    httpx, feedparser and rich came in through two constants once: 0.2 s of a 0.9 s start.
    """
    code = f"import sys; import {', '.join(HEAVY_MODULES)}; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    assert "usecases.analysis" in loaded
    heavy = {"httpx", "httpcore", "feedparser", "rich", "duckdb", "prefect", "ingest.edges.http", "ingest.feeds.parse", "storage"}
    assert not heavy & loaded


def test_pool_forks_from_the_forkserver_where_there_is_one_and_extracts() -> None:
    paragraphs = "".join(
        f"<p>Paragraph {i}: Acme said on Tuesday it would cut 300 jobs in its cloud unit, about {i}% of "
        f"the staff there, as part of a plan number {i * 7} to lower costs before the next quarter.</p>"
        for i in range(1, 9)
    )
    page = f"<html><head><title>Acme cuts jobs</title></head><body><article>{paragraphs}</article></body></html>".encode()
    with process_pool(2) as pool:
        expected = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        assert pool._mp_context.get_start_method() == expected
        results = list(pool.map(extract_page, ["https://example.com/a"] * 3, [page] * 3))
    assert [r.text for r in results] == [extract_page("https://example.com/a", page).text] * 3
    assert "cut 300 jobs" in results[0].text


def test_warmer_starts_once_when_parsed_entries_reach_the_minimum() -> None:
    starts: list[int] = []
    warmer = PoolWarmer(2, 48, start=lambda: starts.append(1))
    warmer.saw(0)
    warmer.saw(30)
    assert starts == []
    warmer.saw(18)
    assert starts == [1]
    warmer.saw(100)
    assert starts == [1]


def test_warmer_never_starts_for_a_single_worker() -> None:
    starts: list[int] = []
    warmer = PoolWarmer(1, 48, start=lambda: starts.append(1))
    warmer.saw(500)
    assert starts == []


@pytest.mark.slow  # stops the forkserver and starts a new one, preloading the analysis modules (~2 s)
def test_a_pool_forks_from_the_prestarted_server() -> None:
    stop_forkserver()
    assert prestart() is HAS_FORKSERVER
    if not HAS_FORKSERVER:
        return
    server = forkserver_pid()
    assert server is not None
    with process_pool(2) as pool:
        assert pool.submit(os.getppid).result() == server
    assert forkserver_pid() == server  # the pool reused it


def test_fetch_feeds_starts_the_server_only_when_feeds_hold_enough_entries(
    httpserver: HTTPServer, tmp_path: Path, migrated_db: Path
) -> None:
    copy_migrated(migrated_db, tmp_path / "lw.duckdb")  # the subject is the pool's start, not the first open
    def feed(count: int) -> str:
        return rss([(f"g{i}", f"Story {i}", httpserver.url_for(f"/a/{i}.html"), "Wed, 28 Jan 2026 14:00:00 GMT")
                    for i in range(count)])

    minimum = Settings().pool_min_pages
    httpserver.expect_request("/small.xml").respond_with_data(feed(minimum - 1))
    httpserver.expect_request("/big.xml").respond_with_data(feed(minimum))

    def fetch(path: str) -> int:
        feeds = write_feeds(tmp_path / "feeds.toml", {"wire": httpserver.url_for(path)})
        settings = load_settings(
            db=tmp_path / "lw.duckdb", feeds=str(feeds), allow_private_hosts=["127.0.0.1", "localhost"],
            http_timeout=3, http_retries=0, extract_workers=2, snapshot=False,
        )
        prepared = pipeline.prepare(settings, load_feeds(settings.feeds), utcnow(), False)
        return len(pipeline.fetch_feeds(settings, prepared, "test-run").entries)

    stop_forkserver()
    assert fetch("/small.xml") == minimum - 1
    if not HAS_FORKSERVER:  # Windows: spawned workers, nothing to start early
        assert fetch("/big.xml") == minimum
        return
    assert forkserver_pid() is None
    assert fetch("/big.xml") == minimum
    assert forkserver_pid() is not None


def test_wait_below_returns_once_few_enough_chunks_are_unfinished() -> None:
    """The page loop's back-pressure: it resumes fetching only when the workers caught up."""
    gates = [threading.Event() for _ in range(5)]
    with ThreadPoolExecutor(max_workers=5) as executor:
        futures = [executor.submit(gate.wait, 10) for gate in gates]
        waiter = threading.Thread(target=pipeline.wait_below, args=(futures, 2))
        waiter.start()
        for gate in gates[:2]:
            gate.set()
        waiter.join(0.3)
        assert waiter.is_alive()  # 3 of 5 still running: more than 2
        gates[2].set()
        waiter.join(5)
        assert not waiter.is_alive()
        for gate in gates[3:]:
            gate.set()
