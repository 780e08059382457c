"""Another process holding the DuckDB file: runs wait, then fail clearly, and lose nothing.

The holder is a real second process (DuckDB locks per process), started the way a user's
session would be: `duckdb.connect(path)` and then idle.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from usecases import run as pipeline
from ingest.models import FeedConfig
from ingest.settings import Settings, load_settings
from storage import spool
from storage.db import DatabaseLockedError, connect, utcnow
from storage.queries import run_readonly
from storage.snapshot import publish, snapshot_path
from tests.hostile import loopback_only
from tests.pages import rss, story

pytestmark = pytest.mark.usefixtures(loopback_only.__name__)

DATE = "Wed, 28 Jan 2026 14:00:00 GMT"
HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(float(sys.argv[2]))"


@contextmanager
def holder(db: Path, seconds: float = 30) -> Iterator[subprocess.Popen[str]]:
    """A second process holding `db` open read-write for `seconds` (stopped on exit)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


def settings_for(db: Path, lock_timeout: float) -> Settings:
    """Settings for a run writing `db`, waiting at most `lock_timeout` for the lock."""
    return load_settings(
        db=db, lock_timeout=lock_timeout, allow_private_hosts=["127.0.0.1", "localhost"],
        http_timeout=3, http_retries=0, extract_workers=1, snapshot=False,
    )


@pytest.fixture
def feed(httpserver: HTTPServer) -> FeedConfig:
    """A feed of two layoff stories with their pages."""
    u = httpserver.url_for
    httpserver.expect_request("/feed.xml").respond_with_data(rss([
        ("k1", "Initech cuts 200 jobs", u("/a/1.html"), DATE),
        ("k2", "Umbrella closes a lab", u("/a/2.html"), DATE),
    ]), content_type="application/rss+xml")
    httpserver.expect_request("/a/1.html").respond_with_data(
        story("Initech cuts 200 jobs", "Initech said on Tuesday it would cut 200 jobs in its printer unit."), content_type="text/html")
    httpserver.expect_request("/a/2.html").respond_with_data(
        story("Umbrella closes a lab", "Umbrella will close its Raccoon City lab, with 75 jobs lost."), content_type="text/html")
    return FeedConfig(name="wire", url=u("/feed.xml"))


def fetch_batch(settings: Settings, feed: FeedConfig) -> pipeline.Batch:
    """Run the steps before `store`: what a run holds in memory when it wants to write."""
    now = utcnow()
    prepared = pipeline.prepare(settings, [feed], now, respect_backoff=False)
    fetched = pipeline.select_new(settings, pipeline.fetch_feeds(settings, prepared, "lock-run"))
    return pipeline.fetch_and_extract(settings, fetched, now)


def titles(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(row[0] for row in con.execute("SELECT title FROM articles").fetchall())
    finally:
        con.close()


def synced_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the paths the spool fsyncs (files and folders), still syncing them for real."""
    synced: list[str] = []
    real_fsync = spool.os.fsync

    def fsync(fd: int) -> None:
        synced.append(spool.os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(spool.os, "fsync", fsync)
    return synced


def test_locked_write_waits_fails_naming_the_holder_and_the_next_run_writes_the_spool(
    feed: FeedConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "lw.duckdb"
    settings = settings_for(db, lock_timeout=1.5)
    batch = fetch_batch(settings, feed)
    assert len(batch.articles) == 2
    synced = synced_files(monkeypatch)
    with holder(db) as proc:
        started = time.monotonic()
        with pytest.raises(DatabaseLockedError) as failure:
            pipeline.store(settings, batch, utcnow())
        waited = time.monotonic() - started
    assert failure.value.holder_pid == proc.pid and f"process {proc.pid}" in str(failure.value)
    assert "read-only snapshot" in str(failure.value)
    assert 0.5 <= waited < 4.0, waited  # waited with backoff for the whole limit, then gave up
    [(path, spooled)] = list(spool.pending(db))  # what the run fetched survived, on disk
    assert synced == [str(path), str(path.parent)]  # flushed, file and folder entry, once the write failed
    assert spooled.run_key == batch.run_key and len(spooled.articles) == 2
    # The holder is gone: the next run writes the spooled batch before anything else.
    prepared = pipeline.prepare(settings, [feed], utcnow(), respect_backoff=False)
    assert prepared.replayed == 2
    assert titles(db) == ["Initech cuts 200 jobs", "Umbrella closes a lab"]
    assert list(spool.pending(db)) == [] and not path.exists()


@pytest.mark.slow  # waits out a 1.5 s lock timeout (~2 s); the test above keeps a locked write in the default run
def test_lock_wait_lasts_the_whole_lock_timeout(tmp_path: Path) -> None:
    db = tmp_path / "lw.duckdb"
    duckdb.connect(str(db)).close()
    with holder(db):
        started = time.monotonic()
        with pytest.raises(DatabaseLockedError):
            with connect(db, lock_timeout=1.5):
                pass
        assert time.monotonic() - started >= 1.4


@pytest.mark.slow  # a holder process and a run waiting for it (~1.5 s)
def test_write_succeeds_when_the_holder_lets_go_within_the_timeout(
    feed: FeedConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "lw.duckdb"
    settings = settings_for(db, lock_timeout=20)
    batch = fetch_batch(settings, feed)
    synced = synced_files(monkeypatch)
    with holder(db, seconds=0.3) as proc:
        started = time.monotonic()
        stored = pipeline.store(settings, batch, utcnow())  # waits with backoff until the exit
        waited = time.monotonic() - started
        assert proc.poll() is not None  # it only got through once the holder had exited
    assert stored.new_articles == 2 and waited < 10
    assert list(spool.pending(db)) == []
    assert synced == []  # a committed batch is never flushed: its spool file is only deleted


@pytest.mark.slow  # a run, a snapshot and a holder process (~1.5 s); test_data_commands keeps a locked read in the default run
def test_reader_gets_a_clear_answer_or_the_snapshot_while_a_writer_holds(feed: FeedConfig, tmp_path: Path) -> None:
    db = tmp_path / "lw.duckdb"
    settings = settings_for(db, lock_timeout=5)
    pipeline.store(settings, fetch_batch(settings, feed), utcnow())
    snap = publish(db, lock_timeout=5)
    assert snap == snapshot_path(db)
    with holder(db) as proc:
        with pytest.raises(DatabaseLockedError, match=f"locked by process {proc.pid}") as failure:
            run_readonly(db, "SELECT count(*) FROM articles", lock_timeout=0.5)
        assert failure.value.holder_pid == proc.pid
        # The snapshot is another file: it opens while the writer holds the database.
        assert run_readonly(snap, "SELECT count(*) FROM articles").rows == [(2,)]
        con = duckdb.connect(str(snap), read_only=True)
        try:
            assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        finally:
            con.close()


@pytest.mark.slow  # waits out a 1.5 s lock timeout (~2 s)
def test_a_failing_flush_never_hides_why_the_write_failed(
    feed: FeedConfig, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "lw.duckdb"
    settings = settings_for(db, lock_timeout=1.5)
    batch = fetch_batch(settings, feed)
    spooled = spool.spool_dir(db) / f"{batch.run_key}.json"
    stop = threading.Event()

    def remove_the_spool_file() -> None:
        # Another run replaying the spool takes the file while this write waits for the lock, so
        # flushing it fails (FileNotFoundError) once the write gives up.
        while not stop.is_set():
            try:
                spooled.unlink()
                return
            except FileNotFoundError:
                time.sleep(0.01)

    remover = threading.Thread(target=remove_the_spool_file)
    with holder(db) as proc:
        remover.start()
        try:
            with pytest.raises(DatabaseLockedError, match=f"locked by process {proc.pid}"):
                pipeline.store(settings, batch, utcnow())
        finally:
            stop.set()
            remover.join(5)
    assert not spooled.exists()  # the flush really failed: the file it had to flush was gone
    assert any("could not flush spooled batch" in r.getMessage() for r in caplog.records)
