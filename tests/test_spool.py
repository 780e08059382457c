"""The spool: batches kept as versioned JSON, and files a release cannot load set aside, never a stopped run."""

from __future__ import annotations

import errno
import json
import logging
import os
import pickle
import threading
import time
import zlib
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from usecases import run as pipeline
from usecases.summary import RunSummary
from ingest.feeds.feedlist import load_feeds
from ingest.models import Article, FeedFetch
from ingest.settings import load_settings
from storage import spool
from storage.db import utcnow
from tests.conftest import rows, write_feeds
from tests.pages import rss, story

NOW = datetime(2026, 5, 15, 8)
# A batch in spool format 1 as its first release wrote it (see tests/data/spool/README.md).
V1_BATCH = Path(__file__).parent / "data" / "spool" / "v1_batch.json"
# What releases before the JSON spool left behind: a pickle naming a class that has since moved.
# Unpickled, it raises AttributeError, which stopped every later run.
MOVED_CLASS_PICKLE = b"cflows.pipeline\nBatchBeforeTheMove\n)R."


def article(article_id: str, title: str) -> Article:
    """A fetched article with a raw page (zlib bytes that are not UTF-8)."""
    page = f"<html><body><h1>{title}</h1><p>Initech said it would cut 200 jobs.</p></body></html>".encode()
    return Article(
        article_id=article_id, feed="wire", url=f"http://127.0.0.1/{article_id}.html",
        canonical_url=f"http://127.0.0.1/{article_id}.html", title=title, text="Initech said it would cut 200 jobs.",
        published_at=NOW - timedelta(hours=2), fetched_at=NOW, raw_html=zlib.compress(page), raw_size=len(page),
    )


def fetch_record(run_id: str) -> FeedFetch:
    return FeedFetch(
        fetch_id=f"f-{run_id}", run_id=run_id, feed="wire", url="http://127.0.0.1/feed.xml",
        started_at=NOW, duration_ms=12.5, http_status=200, items_seen=1, new_items=1, etag='"v1"',
    )


def test_a_batch_round_trips_through_versioned_json(tmp_path: Path) -> None:
    db = tmp_path / "lw.duckdb"
    articles = [article("a1", "Initech cuts 200 jobs"), article("a2", "Umbrella closes a lab")]
    path = spool.write(db, "run1", [fetch_record("run1")], articles, suppress_alerts="backfill")
    assert path == spool.spool_dir(db) / "run1.json"
    on_disk = json.loads(path.read_bytes())
    assert on_disk["version"] == spool.SPOOL_VERSION == 1 and on_disk["run_key"] == "run1"
    assert not list(spool.spool_dir(db).glob("*.partial"))

    [(found, batch)] = list(spool.pending(db))
    assert found == path
    assert batch.plain_articles() == articles  # raw pages included, byte for byte
    assert all(type(a) is Article for a in batch.plain_articles())
    assert batch.fetches == [fetch_record("run1")]
    assert (batch.run_key, batch.suppress_alerts) == ("run1", "backfill")


def test_a_run_key_that_is_not_a_plain_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot name a spool file"):
        spool.write(tmp_path / "lw.duckdb", "../outside", [], [])


@pytest.mark.usefixtures("lw_db")  # the database as a first open leaves it: the subject is the run
def test_unloadable_spool_files_are_quarantined_and_the_run_goes_on(
    httpserver: HTTPServer, tmp_path: Path, lw_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss([("k1", "Umbrella closes a lab", httpserver.url_for("/lab.html"), "Wed, 28 Jan 2026 14:00:00 GMT")]),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/lab.html").respond_with_data(
        story("Umbrella closes a lab", "Umbrella will close its Raccoon City lab, with 75 jobs lost."),
        content_type="text/html",
    )
    # The shipped feeds are on the internet: this run reads one local feed instead.
    monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(write_feeds(tmp_path / "feeds.toml", {"wire": httpserver.url_for("/feed.xml")})))
    folder = spool.spool_dir(lw_env)
    spool.write(lw_env, "good", [fetch_record("good")], [article("a1", "Initech cuts 200 jobs")])
    unloadable = {
        "corrupt.json": b'{"version": 1, "run_key": "corrupt", "fetches": [',
        "future.json": json.dumps({"version": 2, "run_key": "future", "fetches": [], "articles": []}).encode(),
        "changed.json": json.dumps({"version": 1, "run_key": "changed", "fetches": [{"feed": "wire"}], "articles": []}).encode(),
        "old-release.pickle": MOVED_CLASS_PICKLE,
    }
    for name, data in unloadable.items():
        (folder / name).write_bytes(data)
    with pytest.raises((AttributeError, ModuleNotFoundError)):
        pickle.loads(MOVED_CLASS_PICKLE)  # what every run met before (the class, and since then its module, moved)

    settings = load_settings()
    now = utcnow()
    started = datetime.now()
    prepared = pipeline.prepare(settings, load_feeds(settings.feeds), now, True)
    fetched = pipeline.select_new(settings, pipeline.fetch_feeds(settings, prepared, "after-upgrade"))
    batch = pipeline.fetch_and_extract(settings, fetched, now)
    stored = pipeline.store(settings, batch, now)
    delivery = pipeline.deliver_alerts(settings, now)
    summary = RunSummary.build(prepared, fetched, batch, stored, delivery, None, started)

    assert prepared.replayed == 1 and stored.new_articles == 1  # the good batch, then the run's own
    assert sorted(t for (t,) in rows(lw_env, "SELECT title FROM articles")) == ["Initech cuts 200 jobs", "Umbrella closes a lab"]
    # Set aside beside the spool, byte for byte: nothing deleted, nothing left to replay.
    assert sorted(Path(p).name for p in prepared.quarantined) == sorted(f"{n}.quarantined" for n in unloadable)
    for name, data in unloadable.items():
        assert (folder / f"{name}.quarantined").read_bytes() == data
    assert spool.spooled_files(lw_env) == []
    [line] = [line for line in summary.log_lines() if line.startswith("spool:")]
    assert line.startswith(f"spool: 4 spooled batches could not be loaded and were quarantined in {folder}: ")
    assert all(f"{name}.quarantined" in line for name in unloadable)
    assert "### Spool" in summary.markdown() and summary.as_dict()["spool_quarantined"] == prepared.quarantined

    again = pipeline.prepare(settings, load_feeds(settings.feeds), utcnow(), True)
    assert (again.replayed, again.quarantined) == (0, [])  # a quarantined file is never read again


def test_quarantine_never_replaces_an_earlier_quarantined_file(tmp_path: Path) -> None:
    first, second = tmp_path / "x.json", tmp_path / "x.json"
    first.write_bytes(b"one")
    aside = spool.quarantine(first)
    second.write_bytes(b"two")
    again = spool.quarantine(second)
    assert (aside.name, again.name) == ("x.json.quarantined", "x.json.1.quarantined")
    assert (aside.read_bytes(), again.read_bytes()) == (b"one", b"two")


@pytest.mark.usefixtures("lw_db")  # the database as a first open leaves it: the subject is the run
def test_a_format_1_file_written_by_an_earlier_release_still_loads_and_replays(
    tmp_path: Path, lw_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = json.loads(V1_BATCH.read_bytes())
    batch = spool.load(V1_BATCH)
    # Every value the file holds reads back as it was written: nothing renamed, dropped or retyped.
    again = json.loads(spool.SpooledBatch.model_validate(batch).model_dump_json())
    for section in ("fetches", "articles"):
        for old, new in zip(written[section], again[section], strict=True):
            assert {key: new.get(key) for key in old} == old
    full = batch.plain_articles()[0]
    assert full.raw_html is not None and zlib.decompress(full.raw_html).startswith(b"<html><head><title>Initech")

    # Replayed by the next run: the file's feeds are configured (the run fetches none of them).
    feeds = {fetch["feed"]: fetch["url"] for fetch in written["fetches"]}
    monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(write_feeds(tmp_path / "feeds.toml", feeds)))  # the file's feeds, not the shipped list
    settings = load_settings()
    assert pipeline.prepare(settings, load_feeds(settings.feeds), utcnow(), True).replayed == 0  # the database as it was
    folder = spool.spool_dir(lw_env)
    folder.mkdir()
    (folder / V1_BATCH.name).write_bytes(V1_BATCH.read_bytes())
    prepared = pipeline.prepare(settings, load_feeds(settings.feeds), utcnow(), True)

    assert (prepared.replayed, prepared.quarantined) == (3, [])
    assert rows(lw_env, "SELECT article_id, feed, canonical_url, title FROM articles ORDER BY article_id") == sorted(
        (a["article_id"], a["feed"], a["canonical_url"], a["title"]) for a in written["articles"]
    )
    assert rows(lw_env, "SELECT fetch_id, http_status, items_seen, error FROM feed_fetches ORDER BY fetch_id") == sorted(
        (f["fetch_id"], f["http_status"], f["items_seen"], f["error"]) for f in written["fetches"]
    )
    # The validators of the file's fetches are the feeds' state now: the next fetch is conditional.
    assert rows(lw_env, "SELECT name, etag, last_modified FROM feeds ORDER BY name") == sorted(
        (f["feed"], f["etag"], f["last_modified"]) for f in written["fetches"]
    )
    assert spool.spooled_files(lw_env) == []


def test_a_batch_another_run_removes_meanwhile_is_passed_over(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    db = tmp_path / "lw.duckdb"
    waiting = [spool.write(db, f"waiting{i:02d}", [fetch_record(f"w{i}")], []).name for i in range(30)]
    stop = threading.Event()

    def another_run() -> None:
        # What `store` does in a concurrent run: spool its batch, commit it, remove the file.
        n = 0
        while not stop.is_set():
            spool.remove(spool.write(db, f"busy{n % 8}", [fetch_record("busy")], []))
            n += 1

    thread = threading.Thread(target=another_run)
    thread.start()
    try:
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            quarantined: list[Path] = []
            found = [path.name for path, _ in spool.pending(db, quarantined)]
            assert [name for name in found if name.startswith("waiting")] == waiting  # all of them, oldest first
            assert quarantined == []
    finally:
        stop.set()
        thread.join()
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def rival_lands_on(name: Path, data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another run's quarantined file lands on `name` just before this run moves or links a file there."""
    for function in ("link", "replace", "rename"):
        real = getattr(os, function)

        def landing(src: object, dst: object, *args: object, _real: Callable[..., None] = real, **kwargs: object) -> None:
            if Path(str(dst)) == name and not name.exists():
                name.write_bytes(data)
            _real(src, dst, *args, **kwargs)

        # The interleaving of two processes, staged: os's own functions are what both runs call.
        monkeypatch.setattr(os, function, landing)


def test_a_quarantine_never_replaces_the_file_another_run_quarantined_at_the_same_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "x.json"
    bad.write_bytes(b"ours")
    with monkeypatch.context() as staged:
        rival_lands_on(tmp_path / "x.json.quarantined", b"the other run's", staged)
        aside = spool.quarantine(bad)
    assert aside.name == "x.json.1.quarantined" and aside.read_bytes() == b"ours"
    assert (tmp_path / "x.json.quarantined").read_bytes() == b"the other run's"
    assert not bad.exists()


def test_without_hard_links_a_quarantine_still_takes_a_free_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_hard_links(src: object, dst: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")  # what vfat answers link(2)

    # A file system without hard links, staged: the quarantine must fall back to another way to claim a name.
    monkeypatch.setattr(os, "link", no_hard_links)
    (tmp_path / "x.json.quarantined").write_bytes(b"earlier")
    bad = tmp_path / "x.json"
    bad.write_bytes(b"ours")
    aside = spool.quarantine(bad)
    assert (aside.name, aside.read_bytes()) == ("x.json.1.quarantined", b"ours")
    assert (tmp_path / "x.json.quarantined").read_bytes() == b"earlier" and not bad.exists()
    with pytest.raises(FileNotFoundError):
        spool.quarantine(bad)  # gone: another run moved it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json.1.quarantined", "x.json.quarantined"]
