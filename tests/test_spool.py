"""The spool: batches kept as versioned JSON, and files a release cannot load set aside, never a stopped run."""

from __future__ import annotations

import json
import pickle
import zlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from flows import pipeline
from flows.summary import RunSummary
from ingest.feedlist import load_feeds
from ingest.models import Article, FeedFetch
from ingest.settings import load_settings
from storage import spool
from storage.db import utcnow
from tests.conftest import rows, write_feeds
from tests.pages import rss, story

NOW = datetime(2026, 5, 15, 8)
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
    with pytest.raises(AttributeError):
        pickle.loads(MOVED_CLASS_PICKLE)  # what every run met before

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
