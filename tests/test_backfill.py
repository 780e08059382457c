"""Backfills end to end: windows, the three sources' real formats replayed by a local server,
resumability, failures as data, and alerts held back.

The local server plays Google News search, the GDELT DOC API, the Wayback CDX API and captures,
and the article pages, from the fixtures in tests/data/backfill/ (`{base}` is the server's URL).
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import flows.backfill as backfill_flow
from usecases import backfill as backfill_usecase
from ingest.edges.requester import Requester
from ingest.feeds.backfill import Listing, SourceError, Window, split_windows, with_params
from ingest.edges.backfill_sources import (
    GdeltSource, GoogleNewsSource, WaybackSource, build_sources, parse_cdx, parse_gdelt, thin, wayback_web_url,
)
from ingest.models.errors import PermanentFetchError, TransientFetchError
from ingest.edges.http import HttpClient, new_client
from ingest.models import FeedConfig
from ingest.edges.netguard import HostGuard
from ingest.settings import Settings, load_settings
from tests.conftest import copy_migrated, rows, write_feeds
from tests.pages import article_page, story

DATA = Path(__file__).parent / "data" / "backfill"
SEEDS = Path(__file__).parent / "data" / "seeds"
QUERY = "Amazon layoffs"

# Only the tests that run the Prefect flow (directly or through the CLI) ask for the server; the
# others call the use case, `usecases.backfill`, as plain Python.
FLOW = pytest.mark.usefixtures("prefect_server")


def fixture(name: str, **values: str) -> str:
    text = (DATA / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


class FakeServices:
    """The local stand-ins for Google News, GDELT and the Wayback Machine, plus article pages."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.base = server.url_for("").rstrip("/")
        self.feed_url = f"{self.base}/feeds/business.xml"
        self.gdelt_articles: list[dict] = json.loads(fixture("gdelt_artlist.json", base=self.base))["articles"]
        self.gnews_failures: dict[str, list[Response]] = {}  # `after:` date -> responses to give first
        self.gnews_body = "gnews_search.xml"
        server.expect_request("/rss/search").respond_with_handler(self.gnews)
        server.expect_request("/api/v2/doc/doc").respond_with_handler(self.gdelt)
        server.expect_request("/cdx/search/cdx").respond_with_handler(self.cdx)
        server.expect_request(re.compile(r"^/web/\d{14}id_/.+")).respond_with_handler(self.capture)
        server.expect_request(re.compile(r"^/(news|seed)/.+")).respond_with_handler(self.page)

    def gnews(self, request: Request) -> Response:
        after = re.search(r"after:(\S+)", request.args["q"]).group(1)
        if self.gnews_failures.get(after):
            return self.gnews_failures[after].pop(0)
        return Response(fixture(self.gnews_body, base=self.base), content_type="application/xml; charset=utf-8")

    def gdelt(self, request: Request) -> Response:
        start, end = request.args["startdatetime"], request.args["enddatetime"]
        found = sorted(
            (a for a in self.gdelt_articles if start <= a["seendate"].replace("T", "").rstrip("Z") <= end),
            key=lambda a: a["seendate"],
        )[: int(request.args["maxrecords"])]
        body = json.dumps({"articles": found}) if found else "{}"  # GDELT answers `{}` for no match
        return Response(body, content_type="application/json; charset=utf-8")

    def cdx(self, request: Request) -> Response:
        if request.args["url"] != self.feed_url:
            return Response("[]", content_type="application/json")
        table = json.loads(fixture("wayback_cdx.json", feed_url=self.feed_url, urlkey="feeds/business.xml"))
        lo, hi = request.args["from"], request.args["to"]
        kept = [table[0]] + [row for row in table[1:] if lo <= row[1][: len(lo)] and row[1][: len(hi)] <= hi]
        return Response(json.dumps(kept) if len(kept) > 1 else "[]", content_type="application/json")

    def capture(self, request: Request) -> Response:
        stamp = request.path.split("/")[2].removesuffix("id_")
        if stamp.startswith("20240114"):
            return Response(fixture("wayback_error_page.html"), content_type="text/html")
        return Response(fixture(f"wayback_feed_{stamp[:8]}.xml", base=self.base), content_type="application/rss+xml")

    def page(self, request: Request) -> Response:
        if request.path.startswith("/seed/"):
            title, *paragraphs = (SEEDS / request.path.split("/")[-1]).read_text(encoding="utf-8").splitlines()
            return Response(article_page(title, [p for p in paragraphs if p.strip()]), content_type="text/html")
        slug = request.path.rsplit("/", 1)[-1].removesuffix(".html")
        return Response(story(slug.replace("-", " ").title(), f"Report {slug}: the company confirmed the change."),
                        content_type="text/html; charset=utf-8")

    def queries(self, path: str) -> list[dict[str, str]]:
        """The query parameters of every request made to `path`, in order."""
        return [
            {k: v[0] for k, v in parse_qs(urlsplit(req.url).query).items()}
            for req, _ in self.server.log if req.path == path
        ]


@pytest.fixture
def user_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No LAYOFFWATCH_ variable at all, as in a new user's shell; return the folder to work in."""
    for name in [k for k in os.environ if k.startswith("LAYOFFWATCH_")]:
        monkeypatch.delenv(name)
    return tmp_path


@pytest.fixture
def backfill_db(user_env: Path, monkeypatch: pytest.MonkeyPatch, migrated_db: Path) -> Path:
    """Defaults but for a fresh database (as a first open leaves it) and loopback pages; return the database path."""
    db = copy_migrated(migrated_db, user_env / "lw.duckdb")
    # A fresh database per test instead of ./data/layoffwatch.duckdb.
    monkeypatch.setenv("LAYOFFWATCH_DB", str(db))
    # The stand-ins serve the article pages on loopback, which feed links may not reach by default.
    monkeypatch.setenv("LAYOFFWATCH_ALLOW_PRIVATE_HOSTS", "localhost,127.0.0.1")
    return db


@pytest.fixture
def services(httpserver: HTTPServer, backfill_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServices]:
    fake = FakeServices(httpserver)
    # The three sources are the local stand-ins, not Google News, GDELT and the Internet Archive.
    monkeypatch.setenv("LAYOFFWATCH_GNEWS_URL", f"{fake.base}/rss/search")
    monkeypatch.setenv("LAYOFFWATCH_GDELT_URL", f"{fake.base}/api/v2/doc/doc")  # see above
    monkeypatch.setenv("LAYOFFWATCH_WAYBACK_URL", f"{fake.base}/cdx/search/cdx")  # see above
    # No pause between requests to a stand-in: 13 weeks at GDELT's 5 s would wait a minute. The
    # default pace is checked in test_each_source_keeps_its_default_pace.
    monkeypatch.setenv("LAYOFFWATCH_GNEWS_INTERVAL", "0")  # see above
    monkeypatch.setenv("LAYOFFWATCH_GDELT_INTERVAL", "0")  # see above
    monkeypatch.setenv("LAYOFFWATCH_WAYBACK_INTERVAL", "0")  # see above
    # Wayback replays the feeds file: one feed, on the local server.
    monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(write_feeds(tmp_path / "feeds.toml", {"business": fake.feed_url})))
    yield fake


def streamed(status: int, body: str | bytes, content_type: str = "text/plain") -> httpx.Response:
    """A mock response that is streamed like a network one (ingest.edges.http reads raw chunks)."""
    data = body.encode() if isinstance(body, str) else body
    return httpx.Response(status, stream=httpx.ByteStream(data), headers={"content-type": content_type})


def window_table(db: Path, source: str | None = None) -> list[tuple]:
    where = f"WHERE source = '{source}'" if source else ""
    return rows(db, f"SELECT source, window_start::DATE, window_end::DATE, status, items, new_items, attempts, error"
                    f" FROM backfill_windows {where} ORDER BY source, window_start")


# --- windows -----------------------------------------------------------------------------------


def test_split_windows_covers_the_inclusive_range() -> None:
    weeks = split_windows(date(2024, 1, 1), date(2024, 3, 31))
    assert len(weeks) == 13
    assert (weeks[0].start, weeks[0].end) == (datetime(2024, 1, 1), datetime(2024, 1, 8))
    assert weeks[0].label == "2024-01-01..2024-01-07"
    assert weeks[-1].label == "2024-03-25..2024-03-31"
    assert all(a.end == b.start for a, b in pairwise(weeks))
    months = split_windows(date(2024, 1, 31), date(2024, 4, 30), "1m")
    assert [w.label for w in months] == [
        "2024-01-31..2024-02-28", "2024-02-29..2024-03-30", "2024-03-31..2024-04-29", "2024-04-30..2024-04-30",
    ]
    assert [w.label for w in split_windows(date(2024, 2, 28), date(2024, 3, 1), "1d")] == [
        "2024-02-28..2024-02-28", "2024-02-29..2024-02-29", "2024-03-01..2024-03-01",
    ]
    assert len(split_windows(date(2024, 1, 1), date(2024, 1, 1), "2w")) == 1
    for bad in ("7", "0d", "1y", ""):
        with pytest.raises(ValueError, match="window must look like"):
            split_windows(date(2024, 1, 1), date(2024, 1, 2), bad)
    with pytest.raises(ValueError, match="before it starts"):
        split_windows(date(2024, 2, 1), date(2024, 1, 1))
    half = Window(start=datetime(2024, 1, 1), end=datetime(2024, 1, 8)).halves(timedelta(hours=1))
    assert half is not None and half[0].end == half[1].start == datetime(2024, 1, 4, 12)
    assert Window(start=datetime(2024, 1, 1), end=datetime(2024, 1, 1, 1)).halves(timedelta(hours=1)) is None


def test_source_formats_parse_and_reject_what_they_must() -> None:
    articles = parse_gdelt("u", fixture("gdelt_artlist.json", base="https://x.example").encode())
    assert [a["seendate"] for a in articles][:2] == ["20240110T171500Z", "20240110T203000Z"]
    assert parse_gdelt("u", b"{}") == []
    with pytest.raises(SourceError, match="phrase is too short"):
        parse_gdelt("u", b"The specified phrase is too short.", "text/html; charset=utf-8")
    snaps = parse_cdx("u", fixture("wayback_cdx.json", feed_url="https://f.example/rss", urlkey="k").encode())
    assert [s.timestamp for s in snaps] == ["20240105063012", "20240112071544", "20240114180233", "20240209110500"]
    assert snaps[0].taken_at == datetime(2024, 1, 5, 6, 30, 12)
    assert parse_cdx("u", b"") == [] and parse_cdx("u", b"[]") == []
    assert [s.timestamp for s in thin(snaps, 2)] == ["20240105063012", "20240209110500"]


# --- the three sources ---------------------------------------------------------------------------


def test_three_months_query_each_source_per_window_and_a_rerun_adds_nothing(services: FakeServices, backfill_db: Path) -> None:
    summary = backfill_usecase.backfill(load_settings(), date(2024, 1, 1), date(2024, 3, 31))  # no Prefect
    weeks = split_windows(date(2024, 1, 1), date(2024, 3, 31))

    gnews = services.queries("/rss/search")
    assert [q["q"] for q in gnews] == [
        f"{QUERY} after:{w.first_day - timedelta(days=1)} before:{w.last_day + timedelta(days=1)}" for w in weeks
    ]
    assert gnews[0]["q"] == "Amazon layoffs after:2023-12-31 before:2024-01-08"
    assert all((q["hl"], q["gl"], q["ceid"]) == ("en-US", "US", "US:en") for q in gnews)
    gdelt = services.queries("/api/v2/doc/doc")
    assert [(q["startdatetime"], q["enddatetime"]) for q in gdelt] == [
        (f"{w.start:%Y%m%d%H%M%S}", f"{w.end - timedelta(seconds=1):%Y%m%d%H%M%S}") for w in weeks
    ]
    assert gdelt[0] == {
        "query": QUERY, "mode": "ArtList", "format": "json", "maxrecords": "250",
        "startdatetime": "20240101000000", "enddatetime": "20240107235959", "sort": "DateAsc",
    }
    cdx = services.queries("/cdx/search/cdx")
    assert [(q["from"], q["to"]) for q in cdx] == [
        (f"{w.first_day:%Y%m%d}", f"{w.last_day + timedelta(days=2):%Y%m%d}") for w in weeks
    ]
    assert cdx[0] == {"url": services.feed_url, "from": "20240101", "to": "20240109", "output": "json",
                      "filter": "statuscode:200", "collapse": "digest"}

    feeds = dict(rows(backfill_db, "SELECT feed, count(*) FROM articles GROUP BY feed"))
    # gnews: 5 of its 6 items are in range (30 Dec is not); gdelt: 3 of 4 (April is not);
    # wayback: robotics (3 Jan), Prime Video (10 Jan), Buy with Prime (8 Feb).
    assert feeds == {"backfill:gnews": 5, "backfill:gdelt": 3, "backfill:wayback": 3}
    titles = {r[0] for r in rows(backfill_db, "SELECT title FROM articles")}
    assert "Amazon trims its devices team ahead of the holidays - Harbor Ledger" not in titles
    assert "AWS reduces staff in its training and certification group" not in titles
    assert rows(backfill_db, "SELECT count(*) FROM articles WHERE extraction_status = 'ok'")[0][0] == 11
    assert rows(backfill_db, "SELECT count(*), min(status), max(status) FROM backfill_windows") == [(39, "done", "done")]
    assert window_table(backfill_db, "gnews")[1][3:7] == ("done", 2, 2, 1)  # the Twitch and Prime Video week
    assert (summary.windows_done, summary.articles_new, summary.windows_failed) == (39, 11, 0)

    # The same range again: every window is done, so no source is asked and nothing changes.
    asked = len(services.server.log)
    again = backfill_usecase.backfill(load_settings(), date(2024, 1, 1), date(2024, 3, 31))
    assert len(services.server.log) == asked
    assert (again.windows_skipped, again.windows_done, again.articles_new) == (39, 0, 0)
    assert rows(backfill_db, "SELECT count(*), count(DISTINCT article_id) FROM articles")[0] == (11, 11)
    assert rows(backfill_db, "SELECT max(attempts) FROM backfill_windows")[0][0] == 1


@pytest.mark.slow  # a flow run (~2.5 s); test_three_months_query_each_source_per_window_and_a_rerun_adds_nothing keeps Wayback in the default run
@FLOW
def test_wayback_captures_in_range_land_as_articles(services: FakeServices, backfill_db: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    state = backfill_flow.backfill(start=date(2024, 1, 1), end=date(2024, 1, 31), sources=["wayback"], window="1m",
                                   return_state=True)
    summary = state.result()
    with get_client(sync_client=True) as client:  # the steps a Prefect user sees, one task run each
        tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
    names = sorted(t.name for t in tasks)  # Prefect ends a default task run name with a random suffix
    assert [name.rsplit("-", 1)[0] for name in names[:2]] == ["plan-backfill", "publish-snapshot"]
    assert names[2:] == ["window 2024-01-01..2024-01-31"]
    assert services.queries("/cdx/search/cdx") == [{
        "url": services.feed_url, "from": "20240101", "to": "20240202", "output": "json",
        "filter": "statuscode:200", "collapse": "digest",
    }]
    captures = [req.path for req, _ in services.server.log if req.path.startswith("/web/")]
    assert captures == [f"/web/{stamp}id_/{services.feed_url}" for stamp in ("20240105063012", "20240112071544", "20240114180233")]
    landed = rows(backfill_db, "SELECT feed, title, published_at, extraction_status FROM articles ORDER BY published_at")
    assert landed == [
        ("backfill:wayback", "Warehouse robotics pilot expands to two more sites", datetime(2024, 1, 3, 15, 30), "ok"),
        ("backfill:wayback", "Prime Video and MGM Studios teams told of several hundred job cuts", datetime(2024, 1, 10, 18), "ok"),
    ]  # the December story in the first capture is outside the window; the error page is passed over
    outcome = summary["outcomes"][0]
    assert (outcome["found"], outcome["new"], outcome["unusable"], outcome["requests"]) == (2, 2, 1, 4)
    query_key = rows(backfill_db, "SELECT DISTINCT query FROM backfill_windows")[0][0]
    assert query_key.startswith("feeds:")  # captures depend on the feed list, not on the search query


def test_a_full_gdelt_window_is_split_until_each_part_fits() -> None:
    # 200 articles spread over the week plus 300 in one hour: the week and the halves holding
    # that hour come back full (250) and are split; the hour itself cannot be split (recorded).
    spread = [datetime(2024, 1, 1) + timedelta(minutes=50 * i) for i in range(200)]
    dense = [datetime(2024, 1, 3, 10) + timedelta(seconds=10 * i) for i in range(300)]
    template = json.loads(fixture("gdelt_artlist.json", base="https://news.example"))["articles"][0]
    articles = [
        template | {"url": f"https://news.example/a/{i}.html", "seendate": f"{when:%Y%m%dT%H%M%SZ}"}
        for i, when in enumerate(sorted(spread + dense))
    ]
    asked: list[tuple[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        params = dict(request.url.params)
        asked.append((params["startdatetime"], params["enddatetime"]))
        found = [a for a in articles if params["startdatetime"] <= a["seendate"][:8] + a["seendate"][9:15] <= params["enddatetime"]]
        return streamed(200, json.dumps({"articles": found[:250]}), "application/json")

    with HttpClient(httpx.MockTransport(handler), user_agent="layoffwatch-test", timeout=5) as client:
        requester = Requester(client, guard=HostGuard([]).trusting("https://gdelt.test/"), min_interval=0)
        source = GdeltSource(requester, base_url="https://gdelt.test/api/v2/doc/doc")
        week = Window(start=datetime(2024, 1, 1), end=datetime(2024, 1, 8))
        listing: Listing = source.list_window(week, QUERY)

    assert asked[:3] == [
        ("20240101000000", "20240107235959"),  # the week: full
        ("20240101000000", "20240104115959"),  # first half: holds the dense hour, full again
        ("20240101000000", "20240102175959"),  # its first half (42 hours): fits
    ]
    assert ("20240104120000", "20240107235959") in asked  # the week's second half was asked too
    assert listing.splits[0] == week and len(listing.splits) == len(asked) // 2
    assert listing.capped == (Window(start=datetime(2024, 1, 3, 10), end=datetime(2024, 1, 3, 11)),)
    assert all(s.span >= timedelta(hours=2) for s in listing.splits)
    hour = listing.capped[0]
    assert len(listing.entries) == sum(not hour.contains(t) for t in spread) + 250  # the capped hour gives 250
    assert len({e.url for e in listing.entries}) == len(listing.entries)
    assert listing.entries[0].published_at == datetime(2024, 1, 1) and listing.entries[0].feed == "backfill:gdelt"


# --- resumability and failures -----------------------------------------------------------------


@pytest.mark.slow  # a killed backfill and its flow run (~3 s); test_three_months_... keeps a rerun skipping done windows in the default run
@FLOW
def test_an_interrupted_backfill_resumes_with_the_remaining_windows(services: FakeServices, backfill_db: Path) -> None:
    weeks = split_windows(date(2024, 1, 1), date(2024, 1, 31))  # 5 windows

    class Killed(Exception):
        """The process dying."""

    def dies_in_the_third_window(settings: Settings, sources: dict, batch: backfill_usecase.WindowBatch,
                                 next_batch: backfill_usecase.WindowBatch | None, alerts: bool, run_id: str):
        if batch.window == weeks[2]:  # its source answered; the process dies before anything is stored
            backfill_usecase.list_batch(sources, batch.jobs)
            raise Killed
        return backfill_usecase.run_batch(settings, sources, batch, next_batch, alerts, run_id)

    dying = backfill_usecase.Steps(window=dies_in_the_third_window)
    with pytest.raises(Killed):  # the use case alone, no Prefect
        backfill_usecase.backfill(load_settings(), date(2024, 1, 1), date(2024, 1, 31), sources=["gnews"], steps=dying)
    assert [r[3] for r in window_table(backfill_db)] == ["done", "done", "running", "pending", "pending"]
    assert rows(backfill_db, "SELECT count(*) FROM articles")[0][0] == 2  # the first two weeks' stories
    asked_before = len(services.queries("/rss/search"))

    # Started again the way a deployment run passes parameters (ISO strings).
    summary = backfill_flow.backfill(start="2024-01-01", end="2024-01-31", sources="gnews")
    resumed = services.queries("/rss/search")[asked_before:]
    assert [re.search(r"after:(\S+)", q["q"]).group(1) for q in resumed] == ["2024-01-14", "2024-01-21", "2024-01-28"]
    assert (summary["windows_skipped"], summary["windows_done"]) == (2, 3)
    table = window_table(backfill_db)
    assert [r[3] for r in table] == ["done"] * 5
    assert [r[6] for r in table] == [1, 1, 2, 1, 1]  # the interrupted window was attempted twice
    assert rows(backfill_db, "SELECT count(*), count(DISTINCT article_id) FROM articles")[0] == (3, 3)


@pytest.mark.slow  # two backfills over five windows (~2 s); test_every_window_failing_fails_the_run_but_records_each keeps a failed window in the default run
def test_a_failing_window_is_recorded_and_retried_next_run(services: FakeServices, backfill_db: Path) -> None:
    # The second week answers 500 (three times: the first try and its two retries); the others complete.
    services.gnews_failures["2024-01-07"] = [Response("oops", status=500, headers={"Retry-After": "0"})] * 3
    first = backfill_usecase.backfill(load_settings(), date(2024, 1, 1), date(2024, 1, 31), sources=["gnews"])
    assert (first.windows_done, first.windows_failed) == (4, 1)
    failed = [r for r in window_table(backfill_db) if r[3] == "failed"]
    assert len(failed) == 1 and failed[0][1] == date(2024, 1, 8) and failed[0][6] == 1 and "HTTP 500" in failed[0][7]
    assert rows(backfill_db, "SELECT count(*) FROM articles")[0][0] == 1  # Audible (week 3); week 2's two are missing

    # Next run: only the failed window is asked; a 429 with Retry-After is waited out, then it lands.
    services.gnews_failures["2024-01-07"] = [Response("slow down", status=429, headers={"Retry-After": "0"})]
    asked = len(services.queries("/rss/search"))
    second = backfill_usecase.backfill(load_settings(), date(2024, 1, 1), date(2024, 1, 31), sources=["gnews"])
    retried = services.queries("/rss/search")[asked:]
    assert [q["q"] for q in retried] == [f"{QUERY} after:2024-01-07 before:2024-01-15"] * 2  # 429, then 200
    assert (second.windows_done, second.windows_skipped, second.articles_new) == (1, 4, 2)
    healed = [r for r in window_table(backfill_db) if r[1] == date(2024, 1, 8)][0]
    assert healed[3:8] == ("done", 2, 2, 2, None)


@FLOW
def test_every_window_failing_fails_the_run_but_records_each(services: FakeServices, backfill_db: Path) -> None:
    services.gnews_failures["2023-12-31"] = [Response("gone", status=403)]
    with pytest.raises(RuntimeError, match="all 1 windows failed"):
        backfill_flow.backfill(start=date(2024, 1, 1), end=date(2024, 1, 7), sources=["gnews"])
    assert window_table(backfill_db)[0][3] == "failed" and "HTTP 403" in window_table(backfill_db)[0][7]


# --- alerts, CLI, deployment -------------------------------------------------------------------


@pytest.mark.slow  # two backfills and a local receiver (~2.5 s); a variant of the alert path
def test_backfilled_rounds_send_nothing_unless_asked(
    services: FakeServices, backfill_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from demo.webhook_receiver import receive_webhooks

    # Two outlets reporting the same Amazon Selling Partner Services cut (the user's seeds 000, 001).
    services.gnews_body = "gnews_sps.xml"
    # Count January 2024 as fresh, so only the backfill policy can hold an alert back.
    monkeypatch.setenv("LAYOFFWATCH_ALERT_FRESHNESS_DAYS", str((date.today() - date(2024, 1, 1)).days))
    with receive_webhooks() as hook:
        # A channel that records what it gets: the assertion is that nothing arrives.
        monkeypatch.setenv("LAYOFFWATCH_ALERT_URLS", hook.apprise_url)
        summary = backfill_usecase.backfill(load_settings(), date(2024, 1, 8), date(2024, 1, 14), sources=["gnews"])
        assert summary.articles_new == 2
        assert len(summary.new_rounds) == rows(backfill_db, "SELECT count(*) FROM rounds")[0][0] == 1
        alerts = rows(backfill_db, "SELECT kind, status, reason, sent_at FROM alerts")
        assert alerts == [("new_round", "suppressed", "backfill", None)]
        assert hook.received == [] and summary.alerts_sent == 0

        # Asked for (`--alerts`), into a fresh database: the same round is alerted once.
        fresh = tmp_path / "asked.duckdb"
        asked = backfill_usecase.backfill(load_settings(db=str(fresh)), date(2024, 1, 8), date(2024, 1, 14),
                                          sources=["gnews"], alerts=True)
        assert asked.alerts_sent == 1 and len(hook.received) == 1
        assert rows(fresh, "SELECT kind, status FROM alerts") == [("new_round", "sent")]


@pytest.mark.slow  # a CLI flow run (~1.5 s); test_backfill_as_a_user_runs_it_on_defaults keeps the CLI in the default run
@FLOW
def test_cli_backfill_runs_the_flow_with_progress(services: FakeServices, backfill_db: Path) -> None:
    from typer.testing import CliRunner

    from cli.main import app

    result = CliRunner().invoke(app, ["backfill", "--from", "2024-01-01", "--to", "2024-01-31", "--source", "gnews",
                                      "--source", "gdelt", "--window", "1m", "--query", "Twitch layoffs"])
    assert result.exit_code == 0, result.output
    assert "windows: 2 done, 0 failed" in _unwrapped(result.output)
    assert [q["q"] for q in services.queries("/rss/search")] == ["Twitch layoffs after:2023-12-31 before:2024-02-01"]
    assert [q["query"] for q in services.queries("/api/v2/doc/doc")] == ["Twitch layoffs"]
    assert rows(backfill_db, "SELECT DISTINCT query FROM backfill_windows") == [("Twitch layoffs",)]
    bad = CliRunner().invoke(app, ["backfill", "--from", "2024-01-01", "--to", "2024-01-31", "--source", "bing"])
    assert bad.exit_code == 2 and "unknown backfill source" in bad.output


def _unwrapped(output: str) -> str:
    """The CLI's output with rich's line wrapping undone."""
    return " ".join(output.split())


@FLOW
def test_backfill_as_a_user_runs_it_on_defaults(httpserver: HTTPServer, user_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from cli.main import app

    fake = FakeServices(httpserver)
    fake.gnews_body = "gnews_sps.xml"  # two outlets on one Amazon cut, 10 Jan 2024 (seeds 000, 001)
    db = user_env / "data" / "layoffwatch.duckdb"
    # Only what the user sets: the search on a local server instead of Google's,
    monkeypatch.setenv("LAYOFFWATCH_GNEWS_URL", f"{fake.base}/rss/search")
    # whose article pages are on loopback, which links from a feed may not reach by default,
    monkeypatch.setenv("LAYOFFWATCH_ALLOW_PRIVATE_HOSTS", "localhost,127.0.0.1")
    # and a database in the test's folder instead of ./data.
    monkeypatch.setenv("LAYOFFWATCH_DB", str(db))
    command = ["backfill", "--from", "2024-01-08", "--to", "2024-01-14", "--source", "gnews"]

    first = CliRunner().invoke(app, command)
    assert first.exit_code == 0, first.output
    assert "windows: 1 done, 0 failed, 0 skipped; articles: 2 found, 2 new; rounds found: 1" in _unwrapped(first.output)
    stored = rows(db, "SELECT feed, source_name, extraction_status FROM articles ORDER BY published_at")
    assert stored == [("backfill:gnews", "Harbor Ledger", "ok"), ("backfill:gnews", "Midland Wire", "ok")]
    assert rows(db, "SELECT company, source_count FROM rounds") == [("Amazon", 2)]
    assert [q["q"] for q in fake.queries("/rss/search")] == [f"{QUERY} after:2024-01-07 before:2024-01-15"]
    snapshot = db.with_name("layoffwatch.snapshot.duckdb")  # published after the run, for users to open
    assert rows(snapshot, "SELECT count(*) FROM articles") == [(2,)]

    again = CliRunner().invoke(app, command)
    assert again.exit_code == 0, again.output
    assert "windows: 0 done, 0 failed, 1 skipped; articles: 0 found, 0 new" in _unwrapped(again.output)
    assert len(fake.queries("/rss/search")) == 1  # the done window is not asked again

    # Another query over the same week finds the same two stories: found again, stored once.
    other = CliRunner().invoke(app, [*command, "--query", "Amazon job cuts"])
    assert other.exit_code == 0, other.output
    assert "articles: 2 found, 0 new; rounds found: 0" in _unwrapped(other.output)
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]
    assert rows(db, "SELECT count(*) FROM rounds") == [(1,)]


@pytest.mark.slow  # the installed console script, with its own temporary Prefect server (~20 s)
def test_the_installed_command_backfills_on_defaults(httpserver: HTTPServer, user_env: Path) -> None:
    import subprocess
    import sys

    fake = FakeServices(httpserver)
    fake.gnews_body = "gnews_sps.xml"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LAYOFFWATCH_", "PREFECT_API"))}
    env |= {
        "PREFECT_HOME": str(user_env / ".prefect"),  # a user's own Prefect, not the test session's
        "LAYOFFWATCH_GNEWS_URL": f"{fake.base}/rss/search",  # the local search, not Google's
        "LAYOFFWATCH_ALLOW_PRIVATE_HOSTS": "localhost,127.0.0.1",  # its pages are on loopback
    }  # and no LAYOFFWATCH_DB: the default ./data/layoffwatch.duckdb, in the test's folder
    command = [str(Path(sys.executable).with_name("layoffwatch")), "backfill", "--from", "2024-01-08",
               "--to", "2024-01-14", "--source", "gnews"]
    result = subprocess.run(command, cwd=user_env, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "articles: 2 found, 2 new" in _unwrapped(result.stdout)
    assert rows(user_env / "data" / "layoffwatch.duckdb", "SELECT count(*) FROM articles") == [(2,)]
    assert rows(user_env / "data" / "layoffwatch.snapshot.duckdb", "SELECT count(*) FROM articles") == [(2,)]


def test_each_source_keeps_its_default_pace(user_env: Path) -> None:
    waits: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.google.com":
            return streamed(200, fixture("gnews_search.xml", base="https://x.example"), "application/rss+xml")
        return streamed(200, "{}" if "gdelt" in request.url.host else "", "application/json")  # nothing found

    week = Window(start=datetime(2024, 1, 1), end=datetime(2024, 1, 8))
    feeds = [FeedConfig(name="f", url="https://f.example/rss")]
    with HttpClient(httpx.MockTransport(handler), user_agent="layoffwatch-test", timeout=5) as client:
        sources = build_sources(["gnews", "gdelt", "wayback"], client, feeds=feeds, settings=Settings(),
                                sleep=waits.append)
        for name, pace in (("gnews", 2.0), ("gdelt", 5.0), ("wayback", 2.0)):
            waits.clear()
            sources[name].list_window(week, QUERY)
            sources[name].list_window(week, QUERY)
            assert len(waits) == 1 and pace - 0.5 < waits[0] <= pace, (name, waits)  # the second request waited


def test_endpoints_are_settings_and_a_mirror_keeps_its_parameters() -> None:
    defaults = Settings()
    assert (defaults.gnews_url, defaults.gdelt_url, defaults.wayback_url) == (
        "https://news.google.com/rss/search", "https://api.gdeltproject.org/api/v2/doc/doc",
        "https://web.archive.org/cdx/search/cdx",
    )
    week = Window(start=datetime(2024, 1, 1), end=datetime(2024, 1, 8))
    with HttpClient(httpx.MockTransport(lambda _: streamed(200, "")), user_agent="t", timeout=1) as client:
        requester = Requester(client, guard=HostGuard([]), min_interval=0)  # builds URLs only: nothing is asked
    assert GoogleNewsSource(requester).url_for(week, QUERY) == (
        "https://news.google.com/rss/search?hl=en-US&gl=US&ceid=US%3Aen"
        "&q=Amazon%20layoffs%20after%3A2023-12-31%20before%3A2024-01-08"
    )
    # The configured URL's edition replaces ours; its `q` never survives: the window's query is asked.
    german = GoogleNewsSource(requester, base_url="https://mirror.example/gn/rss/search?hl=de&gl=DE&ceid=DE:de&q=x")
    assert german.url_for(week, "Entlassungen").startswith("https://mirror.example/gn/rss/search?hl=de&gl=DE&ceid=DE%3Ade&q=")
    assert german.url_for(week, "Entlassungen").endswith("&q=Entlassungen%20after%3A2023-12-31%20before%3A2024-01-08")
    gdelt = GdeltSource(requester, base_url="https://mirror.example/doc?key=k1&format=html")
    assert gdelt.url_for(week, QUERY).startswith("https://mirror.example/doc?key=k1&format=json&query=Amazon%20layoffs")
    assert wayback_web_url(defaults.wayback_url) == "https://web.archive.org/web"
    assert wayback_web_url("http://127.0.0.1:9/archive/cdx/search/cdx?x=1") == "http://127.0.0.1:9/archive/web"
    assert wayback_web_url("https://wb.example/cdx") == "https://wb.example/web"
    for bad in ("news.google.com/rss/search", "ftp://mirror.example/cdx", "https://a b/x"):
        with pytest.raises(ValueError, match="absolute http"):
            Settings(gnews_url=bad)


def test_the_deployment_accepts_iso_dates_and_knows_the_sources() -> None:
    from prefect.utilities.callables import parameter_schema

    schema = parameter_schema(backfill_flow.backfill.fn).model_dump()
    props = schema["properties"]
    assert props["start"]["format"] == "date" and props["end"]["format"] == "date"
    assert schema["required"] == ["start", "end"]
    assert props["window"]["default"] == "7d" and props["alerts"]["default"] is False
    with pytest.raises(ValueError, match="unknown backfill source"):
        backfill_usecase.resolve_sources(["gnews", "bing"])
    assert backfill_usecase.resolve_sources(["WAYBACK", "gnews"]) == ["gnews", "wayback"]
    assert backfill_usecase.resolve_sources("gdelt,gnews") == ["gnews", "gdelt"]
    assert backfill_usecase.resolve_sources(None) == ["gnews", "gdelt", "wayback"]


def test_wayback_passes_over_a_lost_capture_but_fails_the_window_on_a_dead_cdx() -> None:
    cdx_status = [200]
    feed = fixture("wayback_feed_20240105.xml", base="https://lakesidetech.example")
    cdx = fixture("wayback_cdx.json", feed_url="https://f.example/rss", urlkey="k")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/cdx/search/cdx":
            return streamed(cdx_status[0], cdx if cdx_status[0] == 200 else "down", "application/json")
        if "20240105063012" in request.url.path:
            return streamed(200, feed, "application/rss+xml")
        return streamed(404, "not in archive")

    feeds = [FeedConfig(name="f", url="https://f.example/rss")]
    with HttpClient(httpx.MockTransport(handler), user_agent="layoffwatch-test", timeout=5) as client:
        requester = Requester(client, guard=HostGuard([]).trusting("https://wb.test/"), min_interval=0, retries=0)
        source = WaybackSource(requester, feeds,
                               cdx_url="https://wb.test/cdx/search/cdx", web_url="https://wb.test/web")
        week = Window(start=datetime(2024, 1, 1), end=datetime(2024, 1, 8))
        listing = source.list_window(week, QUERY)
        assert [e.title for e in listing.entries] == ["Warehouse robotics pilot expands to two more sites"]
        assert listing.requests[1] == "https://wb.test/web/20240105063012id_/https://f.example/rss"
        assert len(listing.skipped) == 3 and "HTTP 404" in listing.skipped[0]  # the other captures are gone
        cdx_status[0] = 503
        with pytest.raises(TransientFetchError, match="HTTP 503"):
            source.list_window(week, QUERY)


def test_one_rule_merges_query_parameters_and_each_caller_says_whose_value_wins() -> None:
    mirror = "https://mirror.example/doc?key=k1&format=html&hl=de"
    ours = {"format": "json", "hl": "en-US", "query": "Amazon layoffs"}
    assert with_params(mirror, ours, winner="ours") == (
        "https://mirror.example/doc?key=k1&format=json&hl=en-US&query=Amazon%20layoffs"
    )
    assert with_params(mirror, ours, winner="endpoint") == (
        "https://mirror.example/doc?format=html&hl=de&query=Amazon%20layoffs&key=k1"
    )
    assert with_params("https://plain.example/search", ours, winner="endpoint") == (
        "https://plain.example/search?format=json&hl=en-US&query=Amazon%20layoffs"
    )


@pytest.fixture
def private_service() -> Iterator[tuple[str, list[str]]]:
    """A service on 127.0.0.2 (loopback, not the sources' host), standing for 169.254.169.254 or an
    intranet host; yield its URL and the paths it was asked for."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(b"<rss><channel><title>secret</title></channel></rss>")

        def log_message(self, format: str, *args: object) -> None:  # quiet: no line per request on stderr
            pass

    server = ThreadingHTTPServer(("127.0.0.2", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.2:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.mark.parametrize(
    ("source", "setting", "path"),
    [("gnews", "LAYOFFWATCH_GNEWS_URL", "/rss/search"), ("gdelt", "LAYOFFWATCH_GDELT_URL", "/api/v2/doc/doc"),
     ("wayback", "LAYOFFWATCH_WAYBACK_URL", "/cdx/search/cdx")],
)
def test_a_source_redirecting_to_a_private_address_is_refused(
    source: str, setting: str, path: str, httpserver: HTTPServer, private_service: tuple[str, list[str]],
    user_env: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    private, asked = private_service
    httpserver.expect_request(path).respond_with_response(
        Response(status=302, headers={"Location": f"{private}/latest/meta-data"})
    )
    # The source's endpoint is the local server, trusted as configured; nothing else is allowed.
    monkeypatch.setenv(setting, httpserver.url_for(path))
    settings = load_settings()
    feeds = [FeedConfig(name="business", url="https://business.example/rss")]  # what wayback looks up
    week = Window(start=datetime(2024, 1, 1), end=datetime(2024, 1, 8))
    with new_client("layoffwatch-test", 5) as client:
        listed = build_sources([source], client, feeds=feeds, settings=settings)[source]
        with pytest.raises(PermanentFetchError, match=r"blocked: 127\.0\.0\.2 is a non-public address"):
            listed.list_window(week, QUERY)
    assert len(httpserver.log) == 1 and asked == []
