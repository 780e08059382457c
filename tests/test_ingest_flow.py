"""The ingest flow end to end, through a real local HTTP server and a real DuckDB file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from ingest.edges.http import fetch_with_retries, new_client
from ingest.feeds.feedlist import load_feeds
from ingest.models.errors import TransientFetchError
from ingest.settings import load_settings
from storage.migrations import MIGRATIONS
from tests.conftest import rows, write_feeds
from tests.pages import EMPTY_PAGE, atom, rss, story
from usecases import run as pipeline
from usecases.run_once import run_once

# Only the tests that run the Prefect flow ask for the server: the rest run the use case's steps.
FLOW = pytest.mark.usefixtures("prefect_server")


def run_steps(feeds: Path) -> dict[str, Any]:
    """Run one ingest through the plain use case (no Prefect, no alert channel set); return its summary."""
    settings = load_settings(feeds=str(feeds))
    return run_once(settings, load_feeds(settings.feeds), run_id="test-run").as_dict()


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    """Two good feeds (RSS and Atom), their pages, a 404 page, an empty page and a cp1252 page."""
    u = httpserver.url_for
    httpserver.expect_request("/rss.xml").respond_with_data(
        rss([
            ("g1", "Acme cuts 1,200 jobs", u("/a/1.html?utm_source=rss"), "Wed, 28 Jan 2026 14:00:00 GMT"),
            ("g2", "Page that is gone", u("/a/missing.html"), "Wed, 28 Jan 2026 15:00:00 GMT"),
            ("g3", "A video with no text", u("/a/video.html"), "Wed, 28 Jan 2026 16:00:00 GMT"),
        ]),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/atom.xml").respond_with_data(
        atom([
            ("urn:a:1", "Zürich office closes", u("/a/zurich.html"), "2026-01-29T09:00:00Z"),
            ("urn:a:2", "Acme cuts 1,200 jobs (same link as RSS)", u("/a/1.html"), "2026-01-28T14:05:00Z"),
        ]),
        content_type="application/atom+xml",
    )
    httpserver.expect_request("/a/1.html").respond_with_data(
        story("Acme cuts 1,200 jobs", "Acme said on Wednesday it would cut 1,200 jobs in its devices unit."),
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/a/missing.html").respond_with_data("gone", status=404)
    httpserver.expect_request("/a/video.html").respond_with_data(EMPTY_PAGE, content_type="text/html")
    zurich = story("Zürich office closes", "The café near the Zürich office said “goodbye” to 80 staff.")
    httpserver.expect_request("/a/zurich.html").respond_with_data(
        zurich.replace('charset="utf-8"', 'charset="windows-1252"').encode("cp1252"),
        content_type="text/html",
    )
    return httpserver


@FLOW
@pytest.mark.usefixtures("lw_db")  # the database as a first open leaves it: the subject is the run
def test_good_feeds_land_and_bad_pages_are_recorded(site: HTTPServer, lw_env: Path, tmp_path: Path) -> None:
    from flows.ingest_flow import ingest

    feeds = write_feeds(tmp_path / "feeds.toml", {"rss": site.url_for("/rss.xml"), "atom": site.url_for("/atom.xml")})
    summary = ingest(feeds=str(feeds))

    assert summary["feeds_ok"] == 2 and summary["feeds_failed"] == 0
    # The Atom item links the same page as the RSS item (without tracking): one article, not two.
    assert summary["articles_new"] == 4
    by_title = {r[0]: r[1:] for r in rows(lw_env, "SELECT title, extraction_status, extraction_error, text, summary, published_at FROM articles")}
    status, error, text, _summary, published = by_title["Acme cuts 1,200 jobs"]
    assert status == "ok" and error is None and "cut 1,200 jobs in its devices unit" in text
    assert "Advertisement" not in text and "All rights reserved" not in text
    assert str(published) == "2026-01-28 14:00:00"
    status, error, text, summary_text, _ = by_title["Page that is gone"]
    assert status == "fetch_failed" and "HTTP 404" in error and text == ""
    assert "Summary of the story" in summary_text  # the feed's summary is kept
    status, error, text, _, _ = by_title["A video with no text"]
    assert status == "no_text" and error
    status, _, text, _, _ = by_title["Zürich office closes"]
    assert status == "ok" and "Zürich" in text and "café" in text and "“goodbye”" in text
    html = rows(lw_env, "SELECT count(*) FROM article_html")[0][0]
    assert html == 3  # raw pages kept (compressed) for every page that answered 200


@pytest.mark.slow  # two flow runs (~3.5 s); test_good_feeds_land_and_bad_pages_are_recorded keeps the flow in the default run
@FLOW
def test_the_first_run_freezes_the_startup_heap_and_later_runs_do_not(
    site: HTTPServer, lw_env: Path, tmp_path: Path
) -> None:
    import gc

    from flows.ingest_flow import ingest

    pipeline.freeze_startup_heap.cache_clear()
    gc.unfreeze()
    feeds = write_feeds(tmp_path / "feeds.toml", {"rss": site.url_for("/rss.xml")})
    ingest(feeds=str(feeds))
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # the modules and Prefect loaded so far, out of the collector's reach
    ingest(feeds=str(feeds))
    assert pipeline.freeze_startup_heap.cache_info().misses == 1
    assert gc.get_freeze_count() <= frozen  # the second run froze nothing of its own


def test_second_run_adds_nothing_and_migrations_apply_once(site: HTTPServer, lw_env: Path, tmp_path: Path) -> None:
    feeds = write_feeds(tmp_path / "feeds.toml", {"rss": site.url_for("/rss.xml"), "atom": site.url_for("/atom.xml")})
    run_steps(feeds)
    before = rows(lw_env, "SELECT count(*), count(DISTINCT article_id) FROM articles")[0]
    second = run_steps(feeds)
    after = rows(lw_env, "SELECT count(*), count(DISTINCT article_id) FROM articles")[0]
    assert second["articles_new"] == 0
    assert before == after == (4, 4)
    assert rows(lw_env, "SELECT count(*) FROM schema_migrations")[0][0] == len(MIGRATIONS)
    assert rows(lw_env, "SELECT count(*) FROM feed_fetches")[0][0] == 4  # two feeds, two runs


@pytest.mark.usefixtures("lw_db")  # the database as a first open leaves it: the subject is the run
def test_conditional_get_304_costs_nothing_downstream(httpserver: HTTPServer, lw_env: Path, tmp_path: Path) -> None:
    seen_validators: list[tuple[str | None, str | None]] = []
    feed = rss([("g1", "Acme cuts 1,200 jobs", httpserver.url_for("/a/1.html"), "Wed, 28 Jan 2026 14:00:00 GMT")])

    def handler(request: Request) -> Response:
        seen_validators.append((request.headers.get("If-None-Match"), request.headers.get("If-Modified-Since")))
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response(feed, headers={"ETag": '"v1"', "Last-Modified": "Wed, 28 Jan 2026 14:00:00 GMT"},
                        content_type="application/rss+xml")

    httpserver.expect_request("/feed.xml").respond_with_handler(handler)
    httpserver.expect_request("/a/1.html").respond_with_data(story("Acme", "Acme cut 1,200 jobs."), content_type="text/html")
    feeds = write_feeds(tmp_path / "feeds.toml", {"conditional": httpserver.url_for("/feed.xml")})
    run_steps(feeds)
    second = run_steps(feeds)
    assert seen_validators == [(None, None), ('"v1"', "Wed, 28 Jan 2026 14:00:00 GMT")]
    assert second["feeds_not_modified"] == 1 and second["entries_new"] == 0
    fetches = rows(lw_env, "SELECT http_status, not_modified, items_seen, new_items, error FROM feed_fetches ORDER BY started_at")
    assert fetches == [(200, False, 1, 1, None), (304, True, 0, 0, None)]


@FLOW
@pytest.mark.usefixtures("lw_db")  # the database as a first open leaves it: the subject is the run
def test_broken_feeds_are_data_and_the_good_one_lands(
    httpserver: HTTPServer, lw_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.ingest_flow import ingest

    # Retries wait 10 ms, not 0.5 s then 1 s: this test is about which feeds heal, not the waits
    # (test_retries_back_off_and_honour_retry_after checks those on the default).
    monkeypatch.setenv("LAYOFFWATCH_HTTP_RETRY_BACKOFF", "0.01")
    u = httpserver.url_for
    good = rss([("g1", "Acme cuts 1,200 jobs", u("/a/1.html"), "Wed, 28 Jan 2026 14:00:00 GMT")])
    # 500 once, then healthy: the retry inside the run heals it.
    httpserver.expect_oneshot_request("/flaky.xml").respond_with_data("oops", status=500)
    httpserver.expect_request("/flaky.xml").respond_with_data(good, content_type="application/rss+xml")
    # 429 with Retry-After (0 s here, to keep the run short), then healthy: the run retries it.
    httpserver.expect_oneshot_request("/limited.xml").respond_with_data("slow down", status=429, headers={"Retry-After": "0"})
    httpserver.expect_request("/limited.xml").respond_with_data(
        rss([("g9", "Other story", u("/a/2.html"), "Thu, 29 Jan 2026 10:00:00 GMT")]), content_type="application/rss+xml"
    )
    httpserver.expect_request("/notxml.xml").respond_with_data("this is { not xml", content_type="text/plain")
    httpserver.expect_request("/html.xml").respond_with_data(EMPTY_PAGE, content_type="text/html")
    httpserver.expect_request("/down.xml").respond_with_data("down", status=503)
    httpserver.expect_request("/a/1.html").respond_with_data(story("Acme", "Acme cut 1,200 jobs."), content_type="text/html")
    httpserver.expect_request("/a/2.html").respond_with_data(story("Other", "Something else happened."), content_type="text/html")
    feeds = write_feeds(tmp_path / "feeds.toml", {
        "flaky": u("/flaky.xml"), "limited": u("/limited.xml"), "notxml": u("/notxml.xml"),
        "html": u("/html.xml"), "down": u("/down.xml"),
    })
    summary = ingest(feeds=str(feeds))
    assert summary["feeds_ok"] == 2 and summary["feeds_failed"] == 3
    errors = dict(rows(lw_env, "SELECT feed, error FROM feed_fetches"))
    assert errors["flaky"] is None and errors["limited"] is None
    assert "not a feed" in errors["notxml"]
    assert "HTML page" in errors["html"]
    assert "HTTP 503" in errors["down"]
    assert sorted(r[0] for r in rows(lw_env, "SELECT title FROM articles")) == ["Acme cuts 1,200 jobs", "Other story"]
    health = dict(rows(lw_env, "SELECT name, consecutive_failures FROM feeds"))
    assert health == {"flaky": 0, "limited": 0, "notxml": 1, "html": 1, "down": 1}
    # The failing feeds back off: the next scheduled run skips them instead of hammering them.
    again = ingest(feeds=str(feeds))
    assert again["feeds_backing_off"] == 3 and again["feeds_due"] == 2


@pytest.mark.slow  # a failing flow run (~1.5 s); test_cli_errors' test_readme_queries_run_on_the_snapshot_after_every_feed_failed keeps one in the default run
@FLOW
def test_every_feed_failing_fails_the_run(httpserver: HTTPServer, lw_env: Path, tmp_path: Path) -> None:
    from flows.ingest_flow import ingest

    httpserver.expect_request("/down.xml").respond_with_data("down", status=404)
    feeds = write_feeds(tmp_path / "feeds.toml", {"down": httpserver.url_for("/down.xml")})
    with pytest.raises(RuntimeError, match="all 1 feeds failed"):
        ingest(feeds=str(feeds))
    # ...and the failure is still recorded as data.
    assert rows(lw_env, "SELECT count(*) FROM feed_fetches WHERE error LIKE '%HTTP 404%'")[0][0] == 1


@FLOW
@pytest.mark.usefixtures("lw_db")  # the database as a first open leaves it: the subject is the run
def test_google_news_links_are_decoded_fetched_at_the_publisher_and_cached(
    httpserver: HTTPServer, lw_env: Path, tmp_path: Path
) -> None:
    from flows.ingest_flow import ingest
    from ingest.urls import encode_google_news

    publisher = httpserver.url_for("/business/acme-cuts.html")
    wrapped = encode_google_news(publisher)
    httpserver.expect_request("/gn.xml").respond_with_data(
        rss([("gn1", "Acme cuts 1,200 jobs - Test Daily", wrapped, "Wed, 28 Jan 2026 14:00:00 GMT")]),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/business/acme-cuts.html").respond_with_data(
        story("Acme cuts 1,200 jobs", "Acme said on Wednesday it would cut 1,200 jobs in its devices unit."),
        content_type="text/html",
    )
    ingest(feeds=str(write_feeds(tmp_path / "feeds.toml", {"gn": httpserver.url_for("/gn.xml")})))
    [(url, canonical, status)] = rows(lw_env, "SELECT url, canonical_url, extraction_status FROM articles")
    assert url == wrapped and status == "ok"  # the page came from the publisher, not Google
    assert canonical.endswith("/business/acme-cuts.html")
    assert rows(lw_env, "SELECT url, method FROM url_resolutions") == [(wrapped, "decoded")]


def test_retries_back_off_and_honour_retry_after(httpserver: HTTPServer) -> None:
    settings = load_settings()
    u = httpserver.url_for
    httpserver.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    httpserver.expect_oneshot_request("/flaky").respond_with_data("oops again", status=503)
    httpserver.expect_request("/flaky").respond_with_data("ok")
    httpserver.expect_oneshot_request("/limited").respond_with_data("slow down", status=429, headers={"Retry-After": "1"})
    httpserver.expect_request("/limited").respond_with_data("ok")
    httpserver.expect_request("/patient").respond_with_data("later", status=429, headers={"Retry-After": "3600"})
    waits: list[float] = []
    with new_client("test", 5) as client:

        def get(path: str) -> bytes:
            return fetch_with_retries(
                client, u(path), retries=settings.http_retries, max_retry_after=settings.max_retry_after,
                backoff=settings.http_retry_backoff, sleep=waits.append, max_bytes=10_000, timeout=5,
            ).content

        assert get("/flaky") == b"ok" and waits == [0.5, 1.0]  # the default back-off, doubled per retry
        waits.clear()
        assert get("/limited") == b"ok" and waits == [1.0]  # Retry-After replaces the back-off
        waits.clear()
        # A wait longer than the run may spend is not waited out: the next run retries.
        with pytest.raises(TransientFetchError, match="Retry-After 3600s exceeds 60s, next run retries"):
            get("/patient")
        assert waits == []
