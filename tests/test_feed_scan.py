"""Items already stored are recognised by a byte scan of their links and never parsed again.

A rerun of feeds whose servers ignore conditional GETs downloads every feed again; the items it
knows are cut from the document before feedparser builds entries, so it parses only what is new.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from pytest_httpserver import HTTPServer

from usecases import run as pipeline
from ingest.feeds.feedlist import load_feeds
from ingest.feeds.parse import item_links, parse_feed, parse_feed_counted
from ingest.settings import load_settings
from storage.db import utcnow
from tests.conftest import copy_migrated, rows, write_feeds
from tests.pages import atom, rss

DATE = "Wed, 28 Jan 2026 14:00:00 GMT"
NOW = datetime(2026, 2, 1)
ITEMS = [(f"g{i}", f"Story {i}", f"http://news.example.com/a/{i}.html?x=1&amp;y=2", DATE) for i in range(5)]


def test_links_are_read_as_feedparser_reads_them() -> None:
    doc = rss(ITEMS).encode()
    assert item_links(doc) == [f"http://news.example.com/a/{i}.html?x=1&y=2" for i in range(5)]
    assert {e.url for e in parse_feed("f", "http://f", doc, now=NOW)} == set(item_links(doc))
    feed = atom([("urn:1", "A", "https://news.example.com/a", "2026-01-28T14:00:00Z")]).encode()
    assert item_links(feed) == ["https://news.example.com/a"]


def test_links_the_scan_cannot_be_sure_of_are_left_to_the_parser() -> None:
    cdata = b"<rss><channel><item><link><![CDATA[ http://e.com/c ]]></link></item></channel></rss>"
    relative = rss([("g", "T", "/a/relative.html", DATE)]).encode()
    two_links = (b"<rss><channel><item><link>http://e.com/a</link><atom:link rel='alternate' href='http://e.com/b'/>"
                 b"</item></channel></rss>")
    atom_two = (b"<feed><entry><link rel='enclosure' href='http://e.com/x.mp3'/><link href='http://e.com/a'/>"
                b"<link rel='alternate' href='http://e.com/b'/></entry></feed>")
    prefixed = b"<rdf:RDF><rss:item><rss:link>http://e.com/a</rss:link></rss:item></rdf:RDF>"
    assert item_links(cdata) == ["http://e.com/c"]
    assert item_links(relative) == [None]
    assert item_links(two_links) == [None]
    assert item_links(atom_two) == [None]
    assert item_links(prefixed) == []


def test_known_items_are_cut_and_the_rest_parse_as_before() -> None:
    doc = rss(ITEMS).encode()
    links = item_links(doc)
    full = parse_feed("f", "http://f", doc, now=NOW)
    entries, skipped = parse_feed_counted("f", "http://f", doc, now=NOW, known={links[1], links[3]})
    assert skipped == 2
    assert entries == [e for e in full if e.url not in {links[1], links[3]}]
    assert parse_feed_counted("f", "http://f", doc, now=NOW, known=set(links)) == ([], 5)
    # More items than the feed's cap: which ones are kept depends on their dates, so all are parsed.
    assert parse_feed_counted("f", "http://f", doc, now=NOW, max_entries=3, known=set(links)) == (full[:3], 0)


def test_openers_without_closers_cost_one_pass() -> None:
    doc = b"<rss><channel>" + b"<item><link>http://e.com/a</link>" * 200_000
    started = time.monotonic()
    assert item_links(doc) == []
    assert time.monotonic() - started < 1  # a lazy <item>.*?</item> regex rescans to the end per opener


def test_a_rerun_without_etags_parses_nothing_and_counts_every_item(
    httpserver: HTTPServer, tmp_path: Path, migrated_db: Path
) -> None:
    items = [(f"g{i}", f"Story {i}", httpserver.url_for(f"/a/{i}.html"), DATE) for i in range(6)]
    httpserver.expect_request("/feed.xml").respond_with_data(rss(items), content_type="application/rss+xml")
    for i in range(6):
        httpserver.expect_request(f"/a/{i}.html").respond_with_data("<p>short</p>", content_type="text/html")
    feeds = write_feeds(tmp_path / "feeds.toml", {"wire": httpserver.url_for("/feed.xml")})
    # Loopback pages, a fast timeout, no snapshot: the test's own server on a temporary database.
    settings = load_settings(db=copy_migrated(migrated_db, tmp_path / "lw.duckdb"), feeds=str(feeds),
                             allow_private_hosts=["127.0.0.1", "localhost"], http_timeout=3, snapshot=False)

    def run() -> pipeline.FetchedFeeds:
        prepared = pipeline.prepare(settings, load_feeds(settings.feeds), utcnow(), False)
        fetched = pipeline.fetch_feeds(settings, prepared, "test-run")
        fresh = pipeline.select_new(settings, fetched)
        pipeline.store(settings, pipeline.fetch_and_extract(settings, fresh, utcnow()), utcnow())
        return fetched

    assert len(run().entries) == 6
    again = run()
    assert again.entries == []  # every item cut before parsing
    assert rows(settings.db, "SELECT http_status, items_seen, new_items FROM feed_fetches ORDER BY started_at") == [
        (200, 6, 6), (200, 6, 0)
    ]
