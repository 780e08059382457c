"""Hostile feeds and pages through the real fetch path: each is a recorded error, the rest lands.

Most cases run once, together, through the pipeline steps (prepare -> fetch_feeds -> select_new
-> fetch_and_extract -> store) against local servers, exactly as a scheduled run would; one test
runs a mix through the real Prefect flow. Servers: pytest-httpserver for ordinary responses and
`tests.hostile.RawServer` for bombs, drips and endless bodies.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from usecases import run as pipeline
from ingest.models.errors import FeedParseError, PermanentFetchError, TransientFetchError
from ingest.text.extract import MAX_PARSE_BYTES, extract_page, strip_raw_text
from ingest.feeds.parse import parse_feed
from ingest.edges.http import fetch, fetch_with_retries, new_client
from ingest.edges.http.sockets import GuardedBackend
from ingest.urls.redact import safe_url
from ingest.models import FeedConfig
from ingest.settings import Settings, load_settings
from storage.db import utcnow
from tests.conftest import write_feeds
from tests.hostile import (
    XXE_MARKER, RawServer, billion_laughs, loopback_only, many_items, only_loopback, script_wall,
    serve_bomb, serve_drip, serve_endless, unclosed_scripts, xxe_dtd, xxe_file,
)
from tests.pages import rss, story

# Nothing here may connect beyond loopback (the module-wide run checks with `only_loopback`).
pytestmark = pytest.mark.usefixtures(loopback_only.__name__)

CAP = 1_000_000
SECRET = "s3cr3tpw"
TOKEN = "t0k3nvalue"
DATE = "Wed, 28 Jan 2026 14:00:00 GMT"


def settings_for(tmp: Path, **overrides: object) -> Settings:
    """Settings for a run on `tmp`: small cap and timeout, no retries, inline extraction."""
    # The drips end only at the total deadline: a 0.75 s timeout (default 20 s) keeps the cut, in
    # two waves (feeds, then pages), to 1.5 s of the run; local answers take milliseconds.
    values: dict[str, object] = {
        "db": tmp / "lw.duckdb", "allow_private_hosts": ["127.0.0.1"], "http_timeout": 0.75,
        "http_retries": 0, "max_response_bytes": CAP, "extract_workers": 1, "lock_timeout": 5,
        "snapshot": False, "max_entries_per_feed": 20, "page_concurrency": 16, "per_host_concurrency": 16,
    }
    values.update(overrides)
    return load_settings(**values)


@dataclass(frozen=True)
class Run:
    """What one pipeline run did and what it left in the database."""

    seconds: float
    stored: pipeline.Stored
    fetches: dict[str, tuple[int | None, str | None, int]]  # feed -> (status, error, items_seen)
    articles: dict[str, dict[str, object]]  # title -> row
    texts: list[str]  # every stored string value, for "never stored" checks
    steps: dict[str, float]  # seconds per pipeline step


def run_pipeline(settings: Settings, feeds: dict[str, str]) -> Run:
    """Run every step of one ingest (without Prefect) and read back what landed."""
    configs = [FeedConfig(name=name, url=url) for name, url in feeds.items()]
    started = time.monotonic()
    steps: dict[str, float] = {}

    def step(name: str, value: object) -> object:
        steps[name] = round(time.monotonic() - started - sum(steps.values()), 2)
        return value

    now = utcnow()
    prepared = step("prepare", pipeline.prepare(settings, configs, now, respect_backoff=False))
    fetched = step("fetch_feeds", pipeline.fetch_feeds(settings, prepared, "test-run"))
    fresh = step("select_new", pipeline.select_new(settings, fetched))
    batch = step("fetch_and_extract", pipeline.fetch_and_extract(settings, fresh, now))
    stored = step("store", pipeline.store(settings, batch, now))
    seconds = time.monotonic() - started
    con = duckdb.connect(str(settings.db), read_only=True)
    try:
        fetches = {
            row[0]: (row[1], row[2], row[3])
            for row in con.execute("SELECT feed, http_status, error, items_seen FROM feed_fetches").fetchall()
        }
        cursor = con.execute(
            "SELECT a.*, h.raw_size FROM articles a LEFT JOIN article_html h USING (article_id)"
        )
        columns = [d[0] for d in cursor.description]
        articles = {row[columns.index("title")]: dict(zip(columns, row, strict=True)) for row in cursor.fetchall()}
        texts = [
            str(value) for table in ("articles", "feed_fetches", "feeds")
            for row in con.execute(f"SELECT * FROM {table}").fetchall() for value in row
            if isinstance(value, str)
        ]
    finally:
        con.close()
    return Run(seconds, stored, fetches, articles, texts, steps)


@pytest.fixture(scope="module")
def web() -> Iterator[HTTPServer]:
    """A threaded pytest-httpserver on 127.0.0.1 for this module."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture(scope="module")
def raw() -> Iterator[RawServer]:
    """The raw socket server: bombs, drips and endless bodies."""
    server = RawServer(routes={
        "/bomb.gz": serve_bomb("gzip"), "/bomb.deflate": serve_bomb("deflate"),
        "/page-bomb.gz": serve_bomb("gzip"),
        "/endless": serve_endless(), "/declared": serve_endless(declare=True),
        "/bad-location": lambda conn: conn.head("302 Found", Location="http://[::1/", Content_Length="0"),
        "/drip-body": serve_drip("body"), "/drip-headers": serve_drip("headers"), "/page-drip": serve_drip("body"),
    })
    with server:
        yield server


def _respond(web: HTTPServer, path: str, body: bytes | str, status: int = 200, **headers: str) -> None:
    content_type = headers.pop("content_type", "application/rss+xml")
    web.expect_request(path).respond_with_data(body, status=status, content_type=content_type, headers=headers)


@pytest.fixture(scope="module")
def hostile_run(web: HTTPServer, raw: RawServer, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One run over a good feed, a feed of hostile article links, and every hostile feed."""
    u = web.url_for
    good_text = "Acme said on Wednesday it would cut 1,200 jobs in its devices unit after a review."
    # --- the good feed and its pages (some pages hostile) ---
    _respond(web, "/good.xml", rss([
        ("g1", "Acme cuts 1,200 jobs", u("/a/good1.html"), DATE),
        ("g2", "Bad UTF-8 page", u("/a/badutf8.html"), DATE),
        ("g3", "Wrong charset page", u("/a/wrongcharset.html"), DATE),
        ("g4", "Bomb page", raw.url("/page-bomb.gz"), DATE),
        ("g5", "Dripping page", raw.url("/page-drip"), DATE),
        ("g6", "Empty page", u("/a/empty.html"), DATE),
        ("g7", "Gone page", u("/a/gone.html"), DATE),
        ("g8", "Looping page", u("/a/loop1"), DATE),
        ("g9", "Local file link", "file:///etc/passwd", DATE),
        ("g10", "Script link", "javascript:alert(document.cookie)", DATE),
        ("g11", "Data link", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", DATE),
        ("g12", "Unclosed scripts page", u("/a/unclosed.html"), DATE),
    ]))
    _respond(web, "/a/good1.html", story("Acme cuts 1,200 jobs", good_text), content_type="text/html; charset=utf-8")
    bad_utf8 = story("Bad bytes", "Acme said \xff\xfe the plant in Graz will close and 300 people lose their jobs.")
    _respond(web, "/a/badutf8.html", bad_utf8.encode("latin-1", "replace") + b"\xc3\x28\xa0\xa1", content_type="text/html; charset=utf-8")
    zurich = story("Zürich office closes", "The café near the Zürich office said “goodbye” to 80 staff on Friday.")
    _respond(web, "/a/wrongcharset.html", zurich.encode("cp1252"), content_type="text/html; charset=utf-8")
    _respond(web, "/a/empty.html", b"", content_type="text/html")
    _respond(web, "/a/gone.html", "gone", status=410, content_type="text/html")
    web.expect_request("/a/loop1").respond_with_data("", status=302, headers={"Location": "/a/loop2"})
    web.expect_request("/a/loop2").respond_with_data("", status=301, headers={"Location": u("/a/loop1")})
    _respond(web, "/a/unclosed.html", unclosed_scripts(900_000), content_type="text/html")
    # --- hostile feeds on the ordinary server ---
    _respond(web, "/laughs.xml", billion_laughs())
    _respond(web, "/xxe.xml", xxe_file())
    _respond(web, "/xxe-dtd.xml", xxe_dtd(u("/evil.dtd")))
    _respond(web, "/evil.dtd", '<!ENTITY leak "dtd was fetched">', content_type="application/xml-dtd")
    web.expect_request("/loop.xml", query_string="again=1").respond_with_data("", status=308, headers={"Location": "/loop.xml"})
    web.expect_request("/loop.xml").respond_with_data("", status=307, headers={"Location": "/loop.xml?again=1"})
    _respond(web, "/empty.xml", b"")
    _respond(web, "/gone.xml", "feed removed", status=410, content_type="text/plain")
    _respond(web, "/html.xml", "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>", content_type="text/html")
    _respond(web, "/path.xml", b"/etc/passwd", content_type="text/plain")
    invalid_utf8 = rss([("iu1", "Plant closes \xff\xfe with 90 jobs", u("/a/iu1"), DATE)]).encode("latin-1").replace(b"\xff\xfe", b"\xc3\x28\xff")
    _respond(web, "/invalid-utf8.xml", invalid_utf8)
    _respond(web, "/wrong-charset.xml", rss([("wc1", "Zürich café closes", u("/a/wc1"), DATE)]).encode("cp1252"))
    _respond(web, "/dupes.xml", rss([
        ("same", "First of the repeated guid", u("/a/dup1"), DATE),
        ("same", "Second of the repeated guid", u("/a/dup2"), DATE),
        ("same", "Third of the repeated guid", u("/a/dup3"), DATE),
        ("other", "Same link other guid", u("/a/dup1"), DATE),
    ]))
    _respond(web, "/dates.xml", rss([
        ("d1", "No date at all", u("/a/d1"), ""),
        ("d2", "Junk date", u("/a/d2"), "not a date, 31 Febtember"),
        ("d3", "Far future date", u("/a/d3"), "Fri, 01 Jan 2100 00:00:00 GMT"),
        ("d4", "Dated 2035", u("/a/d4"), "Mon, 01 Jan 2035 00:00:00 GMT"),
    ]))
    charrefs = rss([("cr1", "Bad refs &#xD800; &#99999999999; &#x110000; in title", u("/a/cr1"), DATE)])
    _respond(web, "/charrefs.xml", charrefs.replace("in title", "in \x1b[31mtitle\x07"))
    _respond(web, "/secret.xml", "who are you", status=404, content_type="text/plain")
    _respond(web, "/secret-html.xml", "<html><body>login</body></html>", content_type="text/html")
    for path in ("/a/iu1", "/a/wc1", "/a/dup1", "/a/dup2", "/a/dup3", "/a/d1", "/a/d2", "/a/d3", "/a/d4", "/a/cr1"):
        _respond(web, path, story("Filler story", "A neutral story used as a page."), content_type="text/html")

    port = u("/").split(":")[2].split("/")[0]
    feeds = {
        "good": u("/good.xml"), "laughs": u("/laughs.xml"), "xxe": u("/xxe.xml"), "xxe-dtd": u("/xxe-dtd.xml"),
        "gzip-bomb": raw.url("/bomb.gz"), "deflate-bomb": raw.url("/bomb.deflate"),
        "endless": raw.url("/endless"), "declared-huge": raw.url("/declared"),
        "drip-body": raw.url("/drip-body"), "drip-headers": raw.url("/drip-headers"),
        "loop": u("/loop.xml"), "empty": u("/empty.xml"), "gone": u("/gone.xml"), "html": u("/html.xml"),
        "path-body": u("/path.xml"), "invalid-utf8": u("/invalid-utf8.xml"), "wrong-charset": u("/wrong-charset.xml"),
        "dupes": u("/dupes.xml"), "dates": u("/dates.xml"), "charrefs": u("/charrefs.xml"),
        "secret": f"http://reader:{SECRET}@127.0.0.1:{port}/secret.xml?token={TOKEN}&page=2",
        "secret-html": f"http://reader:{SECRET}@127.0.0.1:{port}/secret-html.xml?api_key={TOKEN}",
    }
    with only_loopback():
        return run_pipeline(settings_for(tmp_path_factory.mktemp("hostile")), feeds)


def error_of(run: Run, feed: str) -> str:
    status, error, _ = run.fetches[feed]
    assert error, f"{feed} has no recorded error"
    return error


# --- the run as a whole ------------------------------------------------------------------------

def test_good_feed_lands_among_hostile_ones(hostile_run: Run) -> None:
    good = hostile_run.articles["Acme cuts 1,200 jobs"]
    assert good["extraction_status"] == "ok" and "cut 1,200 jobs in its devices unit" in good["text"]
    assert hostile_run.fetches["good"][1] is None
    # The whole run (two 0.75 s drips among 22 feeds and 12 hostile pages) stays bounded.
    assert hostile_run.seconds < 15, hostile_run.steps


def test_entity_expansion_and_xxe_are_refused_and_never_read(hostile_run: Run, web: HTTPServer) -> None:
    assert "entity expansion" in error_of(hostile_run, "laughs")
    assert "external entity (XXE)" in error_of(hostile_run, "xxe")
    assert "external entity (XXE)" in error_of(hostile_run, "xxe-dtd")
    assert not any(XXE_MARKER in text for text in hostile_run.texts)
    assert not any("/evil.dtd" in request.path for request, _ in web.log)  # the DTD was never fetched


@pytest.mark.parametrize("feed", ["gzip-bomb", "deflate-bomb"])
def test_compression_bombs_stop_at_the_decoded_cap(hostile_run: Run, raw: RawServer, feed: str) -> None:
    assert f"response too large (decoded body over {CAP} bytes)" in error_of(hostile_run, feed)
    path = "/bomb.gz" if feed == "gzip-bomb" else "/bomb.deflate"
    # ~1 KB on the wire per MB inflated: the server got out a few MB at most, not 100 GB.
    assert raw.sent[path] < 20_000_000


def test_endless_body_stops_at_the_cap_while_streaming(hostile_run: Run, raw: RawServer) -> None:
    assert f"response too large (over {CAP} bytes)" in error_of(hostile_run, "endless")
    assert raw.sent["/endless"] < 50_000_000  # of 500 MB: socket buffers only
    assert f"response too large (500000000 bytes > {CAP})" in error_of(hostile_run, "declared-huge")


@pytest.mark.parametrize("feed", ["drip-body", "drip-headers"])
def test_dripping_server_hits_the_total_time_limit(hostile_run: Run, feed: str) -> None:
    assert "timed out (total time limit" in error_of(hostile_run, feed)


def test_redirect_loop_empty_gone_html_and_path_body(hostile_run: Run) -> None:
    assert "redirect loop at" in error_of(hostile_run, "loop")
    assert "empty response body" in error_of(hostile_run, "empty")
    status, error, _ = hostile_run.fetches["gone"]
    assert status == 410 and "HTTP 410 Gone (removed for good)" in error
    assert "an HTML page" in error_of(hostile_run, "html")
    # feedparser opens plain bytes as a *file name*: a body "/etc/passwd" must not be read.
    assert "not a feed" in error_of(hostile_run, "path-body")


def test_bad_encodings_still_land(hostile_run: Run) -> None:
    assert hostile_run.fetches["invalid-utf8"][1] is None and hostile_run.fetches["wrong-charset"][1] is None
    assert any(title.startswith("Plant closes") and "90 jobs" in title for title in hostile_run.articles)
    assert "Zürich café closes" in hostile_run.articles
    page = hostile_run.articles["Wrong charset page"]
    assert page["extraction_status"] == "ok" and "Zürich" in page["text"] and "“goodbye”" in page["text"]
    page = hostile_run.articles["Bad UTF-8 page"]
    assert page["extraction_status"] == "ok" and "Graz" in page["text"]


def test_repeated_guids_and_links_store_one_article_each(hostile_run: Run) -> None:
    dupes = [t for t in hostile_run.articles if "repeated guid" in t or t == "Same link other guid"]
    assert dupes == ["First of the repeated guid"]


def test_missing_junk_and_future_dates_fall_back_and_never_lie_ahead(hostile_run: Run) -> None:
    for title in ("No date at all", "Junk date", "Far future date", "Dated 2035"):
        row = hostile_run.articles[title]
        assert row["published_source"] in ("page", "fetched"), (title, row["published_source"])
        assert row["published_at"] <= row["fetched_at"]


def test_control_characters_and_bad_charrefs_are_cleaned(hostile_run: Run) -> None:
    [title] = [t for t in hostile_run.articles if t.startswith("Bad refs")]
    assert "\x1b" not in title and "\x07" not in title and "\ud800" not in title
    assert "title" in title


def test_secrets_in_feed_urls_stay_out_of_error_rows(hostile_run: Run) -> None:
    for feed in ("secret", "secret-html"):
        error = error_of(hostile_run, feed)
        assert SECRET not in error and TOKEN not in error and "***@127.0.0.1" in error
    assert "HTTP 404" in error_of(hostile_run, "secret") and "page=2" in error_of(hostile_run, "secret")


def test_hostile_pages_are_recorded_per_article(hostile_run: Run, raw: RawServer) -> None:
    rows = hostile_run.articles
    expected = {
        "Bomb page": ("fetch_failed", f"decoded body over {CAP} bytes"),
        "Dripping page": ("fetch_failed", "timed out (total time limit"),
        "Empty page": ("no_text", ""),
        "Gone page": ("fetch_failed", "HTTP 410 Gone"),
        "Looping page": ("fetch_failed", "redirect loop at"),
        "Local file link": ("not_fetched", "not an http(s) URL"),
        "Script link": ("not_fetched", "not an http(s) URL"),
        "Data link": ("not_fetched", "not an http(s) URL"),
        "Unclosed scripts page": ("no_text", ""),
    }
    for title, (status, error) in expected.items():
        assert rows[title]["extraction_status"] == status, (title, rows[title]["extraction_error"])
        assert error in (rows[title]["extraction_error"] or ""), (title, rows[title]["extraction_error"])
    assert raw.sent["/page-bomb.gz"] < 20_000_000


# --- bounded work on big inputs ------------------------------------------------------------------

@pytest.mark.slow  # builds and parses a 50,000-item feed and a 10 MB page (~2.5 s); the other hostile inputs stay in the default run
def test_50000_item_feed_and_10_mb_script_page_are_bounded(web: HTTPServer, tmp_path: Path) -> None:
    u = web.url_for
    web.expect_request("/big.xml").respond_with_data(many_items(50_000, lambda i: u(f"/a/big/{i}")), content_type="application/rss+xml")
    web.expect_request("/a/big/0").respond_with_data(story("Newest big item", "The newest item of the big feed."), content_type="text/html")
    wall_text = "Acme told staff on Thursday that its Leeds warehouse would shut with 140 jobs lost. " * 4
    wall = script_wall(10_000_000, wall_text)
    web.expect_request("/wall.xml").respond_with_data(rss([("w1", "Wall of script", u("/a/wall.html"), DATE)]), content_type="application/rss+xml")
    web.expect_request("/a/wall.html").respond_with_data(wall, content_type="text/html")
    settings = settings_for(tmp_path, max_response_bytes=12_000_000, max_entries_per_feed=25, http_timeout=10)
    run = run_pipeline(settings, {"big": u("/big.xml"), "wall": u("/wall.xml")})
    assert run.fetches["big"][1] is None and run.fetches["big"][2] == 25  # max_entries_per_feed applies
    # The newest 25 by date, and only they, were taken; the newest one's page was extracted.
    assert sorted(run.articles) == sorted(["Wall of script"] + [f"Item {i}" for i in range(25)])
    assert run.articles["Item 0"]["extraction_status"] == "ok"
    page = run.articles["Wall of script"]
    assert len(wall) >= 5 * MAX_PARSE_BYTES and page["raw_size"] == len(wall)
    assert page["extraction_status"] == "ok" and "Leeds warehouse" in page["text"]
    assert run.seconds < 15, run.seconds


def test_unclosed_script_tags_strip_in_linear_time() -> None:
    page = unclosed_scripts(3_000_000) + b"tail"
    started = time.monotonic()
    assert strip_raw_text(page) == b"<!DOCTYPE html><html><body>"
    extracted = extract_page("http://127.0.0.1/x", page, "text/html")
    assert time.monotonic() - started < 3  # the old regex needed 38 s for 180 KB of this
    assert extracted.text == ""


def test_oversized_page_is_cut_on_a_character_boundary() -> None:
    head = b"<html><body><p>"
    # Byte MAX_PARSE_BYTES falls inside the "ü" of the first "Zürich": a split character used to
    # fail UTF-8 decoding and turn every accent of the page into cp1252 mojibake.
    filler = b"a" * (MAX_PARSE_BYTES - len(head) - 3) + b" "
    page = head + filler + ("Zürich café workers were told on Monday. " * 20_000).encode() + b"</p></body></html>"
    assert page[MAX_PARSE_BYTES - 1:MAX_PARSE_BYTES + 1] == "ü".encode()
    extracted = extract_page("http://127.0.0.1/zurich", page, "text/html")
    assert "Ã" not in extracted.text and "Z" in extracted.text[-10:]


def test_feedparser_crashing_charrefs_and_local_paths_are_data(tmp_path: Path) -> None:
    now = datetime(2026, 2, 1)
    for ref in ("&#xD800;", "&#99999999999999999999;", "&#x110000;"):
        [entry] = parse_feed("f", "http://127.0.0.1/f", rss([("g", f"A {ref} B", "http://127.0.0.1/a", DATE)]).encode(), now=now)
        assert entry.title == "A \ufffd B"
    local = tmp_path / "local-feed.xml"
    local.write_text(rss([("g", "LOCAL FILE LEAKED", "http://127.0.0.1/a", DATE)]))
    with pytest.raises(FeedParseError, match="not a feed"):
        parse_feed("f", "http://127.0.0.1/f", str(local).encode(), now=now)


# --- the decoder and the client, one fetch at a time ----------------------------------------------

def test_layered_encodings_are_decoded_with_every_layer_bounded(web: HTTPServer) -> None:
    body = b"<p>" + b"layoffs " * 1000 + b"</p>"
    two_members = gzip.compress(body[:4000]) + gzip.compress(body[4000:])
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    web.expect_request("/members").respond_with_data(two_members, headers={"Content-Encoding": "gzip"})
    web.expect_request("/raw-deflate").respond_with_data(raw_deflate.compress(body) + raw_deflate.flush(), headers={"Content-Encoding": "deflate"})
    web.expect_request("/double").respond_with_data(gzip.compress(gzip.compress(body)), headers={"Content-Encoding": "gzip, gzip"})
    double_bomb = gzip.compress(gzip.compress(b"\0" * 50_000_000))
    web.expect_request("/double-bomb").respond_with_data(double_bomb, headers={"Content-Encoding": "gzip, gzip"})
    web.expect_request("/brotli").respond_with_data(b"\x1b\x00", headers={"Content-Encoding": "br"})
    with new_client("test", 5) as client:
        for path in ("/members", "/raw-deflate", "/double"):
            assert fetch(client, web.url_for(path), max_bytes=CAP, timeout=5).content == body, path
        with pytest.raises(PermanentFetchError, match="decoded body over"):
            fetch(client, web.url_for("/double-bomb"), max_bytes=CAP, timeout=5)
        with pytest.raises(PermanentFetchError, match="unsupported Content-Encoding 'br'"):
            fetch(client, web.url_for("/brotli"), max_bytes=CAP, timeout=5)


@pytest.mark.parametrize(("path", "reason"), [
    ("/bomb.gz", "decoded body over"), ("/bomb.deflate", "decoded body over"), ("/endless", f"over {CAP} bytes"),
])
def test_bombs_and_endless_bodies_keep_memory_and_time_small(raw: RawServer, path: str, reason: str) -> None:
    # In a fresh interpreter: tracemalloc counts every thread's allocations, and threads left by
    # earlier tests (Prefect's log and event workers, pool managers) once added 10 MB here.
    probe = subprocess.run(
        [sys.executable, "-c", FETCH_PEAK, raw.url(path), str(CAP)], capture_output=True, text=True, timeout=60, check=False,
    )
    assert probe.returncode == 0, probe.stderr
    error, peak, seconds = json.loads(probe.stdout)
    assert error is not None and re.search(reason, error), error
    assert seconds < 2
    # httpx's own decoder inflated a whole 64 KB read at once (~64 MB of zeros) before any check.
    assert peak < 4 * CAP, peak


# Prints [error or None, traced peak bytes, seconds] of one fetch of argv[1] capped at argv[2] bytes.
FETCH_PEAK = """
import json, sys, time, tracemalloc
from ingest.models.errors import PermanentFetchError
from ingest.edges.http import fetch, new_client
with new_client("test", 5) as client:
    tracemalloc.start()
    started = time.monotonic()
    error = None
    try:
        fetch(client, sys.argv[1], max_bytes=int(sys.argv[2]), timeout=5)
    except PermanentFetchError as exc:
        error = str(exc)
    seconds = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
print(json.dumps([error, peak, seconds]))
"""


def test_drip_is_cut_at_the_total_deadline_not_per_read(raw: RawServer) -> None:
    with new_client("test", 30) as client:
        for path in ("/drip-headers", "/drip-body"):
            before = raw.requests.count(path)
            started = time.monotonic()
            with pytest.raises(TransientFetchError, match="total time limit"):
                # Each read gets a byte within 0.2 s, so only the total deadline can end this;
                # and it is not retried in the run (each retry would cost another full timeout).
                fetch_with_retries(client, raw.url(path), retries=2, max_retry_after=60, backoff=0.5,
                                   max_bytes=CAP, timeout=0.5)
            assert time.monotonic() - started < 1.1, path  # the drip itself would go on for 20 s
            assert raw.requests.count(path) == before + 1


def test_malformed_links_and_locations_are_errors_not_crashes(web: HTTPServer, raw: RawServer) -> None:
    web.expect_request("/js-location").respond_with_data("", status=302, headers={"Location": "javascript:alert(1)"})
    web.expect_request("/file-location").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    cases = (
        ("http://[::1/x", r"invalid URL"),
        (raw.url("/bad-location"), r"invalid URL in redirect"),
        (web.url_for("/js-location"), r"invalid URL|refused non-HTTP link"),
        (web.url_for("/file-location"), r"refused non-HTTP link \(file scheme\)"),
        ("file:///etc/passwd", r"refused non-HTTP link \(file scheme\)"),
        ("javascript:alert(1)", r"refused non-HTTP link \(javascript scheme\)"),
    )
    with new_client("test", 5) as client:
        for url, reason in cases:
            with pytest.raises(PermanentFetchError, match=reason):
                fetch(client, url, max_bytes=CAP, timeout=5)


def test_client_carries_the_guarded_backend_and_urls_are_redacted() -> None:
    with new_client("test", 5) as client:
        pool = client.transport._pool  # type: ignore[attr-defined]
        assert isinstance(pool._network_backend, GuardedBackend)  # an httpx/httpcore upgrade must not drop it
    assert safe_url("https://u:pw@news.example/rss?token=abc&page=2") == "https://***@news.example/rss?token=***&page=2"


# --- through the real Prefect flow -----------------------------------------------------------------

@pytest.mark.slow  # the hostile feeds again, through a flow run (~2.5 s); the module's hostile_run keeps them in the default run
@pytest.mark.usefixtures("prefect_server")
@pytest.mark.usefixtures("prefect_server")
def test_prefect_flow_mixes_hostile_feeds_with_a_good_one(
    web: HTTPServer, raw: RawServer, lw_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.ingest_flow import ingest

    # Default retries (2): permanent errors and a drip cut by the deadline are not retried. A 0.75 s
    # timeout (default 20 s) ends the drip early; a cap of CAP keeps the bomb small.
    for name, value in {"HTTP_TIMEOUT": "0.75", "MAX_RESPONSE_BYTES": str(CAP),
                        "EXTRACT_WORKERS": "1", "SNAPSHOT": "false"}.items():
        monkeypatch.setenv(f"LAYOFFWATCH_{name}", value)
    u = web.url_for
    web.expect_request("/flow/good.xml").respond_with_data(
        rss([("fg1", "Globex closes its Ohio plant", u("/flow/a1.html"), DATE)]), content_type="application/rss+xml")
    web.expect_request("/flow/a1.html").respond_with_data(
        story("Globex closes its Ohio plant", "Globex will close its Ohio plant, ending 450 jobs, the company said."),
        content_type="text/html")
    web.expect_request("/flow/xxe.xml").respond_with_data(xxe_file(), content_type="application/rss+xml")
    web.expect_request("/flow/html.xml").respond_with_data("<html><body>hi</body></html>", content_type="text/html")
    web.expect_request("/flow/gone.xml").respond_with_data("gone", status=410)
    feeds = write_feeds(tmp_path / "feeds.toml", {
        "good": u("/flow/good.xml"), "xxe": u("/flow/xxe.xml"), "html": u("/flow/html.xml"), "gone": u("/flow/gone.xml"),
        "bomb": raw.url("/bomb.gz"), "drip": raw.url("/drip-headers"),
    })
    summary = ingest(feeds=str(feeds))
    assert summary["feeds_ok"] == 1 and summary["feeds_failed"] == 5
    con = duckdb.connect(str(lw_env), read_only=True)
    try:
        errors = dict(con.execute("SELECT feed, error FROM feed_fetches").fetchall())
        titles = [r[0] for r in con.execute("SELECT title FROM articles WHERE extraction_status = 'ok'").fetchall()]
    finally:
        con.close()
    assert titles == ["Globex closes its Ohio plant"]
    assert errors["good"] is None
    assert "external entity (XXE)" in errors["xxe"]
    assert "an HTML page" in errors["html"]
    assert "HTTP 410 Gone" in errors["gone"]
    assert "decoded body over" in errors["bomb"]
    assert "total time limit" in errors["drip"]
