"""Rounds and alerts through the real pipeline: local feeds and pages, a local webhook receiver.

The pages are the user's seed articles (../shared/seeds, copied into tests/data/seeds) and short
stories written for these tests, dated relative to today so the freshness rule sees them as new.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from usecases import run as pipeline
from demo.webhook_receiver import Receiver, receive_webhooks
from ingest.alerts import RETRY_DELAY, redact_url
from ingest.feeds.feedlist import load_feeds
from ingest.settings import load_settings
from storage.db import utcnow
from tests.conftest import rows, run_steps, write_feeds
from tests.pages import article_page, rss

SEEDS = Path(__file__).parent / "data" / "seeds"


def seed_page(name: str) -> tuple[str, str]:
    """Return (headline, page html) of a seed article: first line headline, the rest paragraphs."""
    lines = [line.strip() for line in (SEEDS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[0], article_page(lines[0], lines[1:])


def rfc822(when: datetime) -> str:
    return format_datetime(when.replace(tzinfo=UTC))


def run_at(now: datetime) -> tuple[pipeline.Stored, pipeline.Delivery]:
    """Run one ingest through the pipeline steps on the clock `now` (what a run at that time does)."""
    settings = load_settings()
    prepared = pipeline.prepare(settings, load_feeds(settings.feeds), now, True)
    fetched = pipeline.select_new(settings, pipeline.fetch_feeds(settings, prepared, f"run-{now:%H%M%S}"))
    stored = pipeline.store(settings, pipeline.fetch_and_extract(settings, fetched, now), now)
    return stored, pipeline.deliver_alerts(settings, now)


class Newsroom:
    """A local site whose feed grows run after run, like a real outlet's."""

    def __init__(self, server: HTTPServer, prefix: str = "", site_name: str = "Test Daily") -> None:
        self.server = server
        self.prefix = prefix
        self.site_name = site_name
        self.items: list[tuple[str, str, str, str]] = []
        server.expect_request(f"{prefix}/feed.xml").respond_with_handler(
            lambda _request: Response(rss(self.items), content_type="application/rss+xml")
        )

    @property
    def feed_url(self) -> str:
        return self.server.url_for(f"{self.prefix}/feed.xml")

    def publish(self, slug: str, headline: str, html: str, published: datetime) -> None:
        path = f"{self.prefix}/news/{slug}.html"
        page = html.replace("Test Daily", self.site_name)  # the outlet's own name on its pages
        self.server.expect_request(path).respond_with_data(page, content_type="text/html; charset=utf-8")
        self.items.append((slug, headline, self.server.url_for(path), rfc822(published)))


@pytest.fixture
def newsroom(httpserver: HTTPServer, tmp_path: Path, lw_env: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Newsroom, Receiver]]:
    with receive_webhooks() as hook:
        # Alerts need a channel (none by default): the local receiver.
        monkeypatch.setenv("LAYOFFWATCH_ALERT_URLS", hook.apprise_url)
        feeds = write_feeds(tmp_path / "feeds.toml", {"newsroom": httpserver.url_for("/feed.xml")})
        # The shipped feeds are on the internet: these tests read the local newsroom instead.
        monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(feeds))
        yield Newsroom(httpserver), hook


def alerts(db: Path) -> list[tuple]:
    return rows(db, "SELECT r.company, a.kind, a.status, a.reason FROM alerts a JOIN rounds r USING (round_id) ORDER BY a.created_at, a.kind")


@pytest.mark.usefixtures("lw_db")  # the database as a first open leaves it: the subject is the run
def test_two_outlets_on_one_cut_make_one_round_and_one_alert_and_the_essay_none(newsroom, lw_env: Path) -> None:
    room, hook = newsroom
    now = utcnow()
    title0, page0 = seed_page("000_e4cf69b996089dd7.txt")
    title1, page1 = seed_page("001_832b855a96fbf76d.txt")
    title4, page4 = seed_page("004_36f458f5559958d1.txt")
    room.publish("sps-a", title0, page0, now - timedelta(hours=20))
    room.publish("essay", title4, page4, now - timedelta(hours=10))
    run_steps(load_settings())
    room.publish("sps-b", "Amazon trims Selling Partner Services staff as AI reshapes seller support", page1, now - timedelta(hours=2))
    run_steps(load_settings())
    run_steps(load_settings())  # the same feed again: nothing new, nothing sent

    rounds = rows(lw_env, "SELECT company, units, article_count, source_count FROM rounds")
    assert len(rounds) == 1
    company, units, article_count, _ = rounds[0]
    assert company == "Amazon" and "Selling Partner Services" in units and article_count == 2
    linked_titles = {t for (t,) in rows(lw_env, "SELECT title FROM round_articles JOIN articles USING (article_id)")}
    assert title4 not in linked_titles
    assert [a[:3] for a in alerts(lw_env)] == [("Amazon", "new_round", "sent")]
    assert len(hook.received) == 1
    assert "Selling Partner Services" in hook.received[0]["message"]


@pytest.mark.usefixtures("lw_db")  # the database as a first open leaves it: the subject is the run
def test_a_leak_then_the_official_figure_is_one_round_with_one_update(newsroom, lw_env: Path) -> None:
    room, hook = newsroom
    now = utcnow()
    leak = (
        "Amazon is planning to cut as many as 30,000 corporate jobs starting this week, according to people "
        "familiar with the matter. The reductions would hit human resources, devices and operations teams."
    )
    room.publish("leak", "Amazon plans to cut as many as 30,000 corporate jobs, sources say",
                 article_page("Amazon plans to cut as many as 30,000 corporate jobs", [leak, leak.replace("Amazon is", "The company is")]),
                 now - timedelta(days=2))
    run_steps(load_settings())
    official = (
        "Amazon said on Tuesday it is cutting 14,000 corporate jobs, confirming a round of layoffs that had been "
        "reported last week. A company spokesperson said affected employees were told by email."
    )
    room.publish("official", "Amazon confirms 14,000 corporate job cuts",
                 article_page("Amazon confirms 14,000 corporate job cuts", [official, "Beth Galetti wrote in a memo that the company is reducing layers."]),
                 now - timedelta(hours=3))
    run_steps(load_settings())
    run_steps(load_settings())

    rounds = rows(lw_env, "SELECT status, headcount, article_count FROM rounds")
    assert rounds == [("confirmed", 14000, 2)]
    assert [a[1:3] for a in alerts(lw_env)] == [("new_round", "sent"), ("round_update", "sent")], alerts(lw_env)
    assert len(hook.received) == 2


@pytest.mark.slow  # a run (~1.5 s); a variant of the round the alert path makes
def test_twitch_cut_is_an_amazon_round_with_unit_twitch(newsroom, lw_env: Path) -> None:
    room, _ = newsroom
    now = utcnow()
    text = (
        "Twitch is laying off about 500 employees, roughly 35% of its staff, the Amazon-owned streaming "
        "service said on Wednesday. Chief executive Dan Clancy told staff in a memo that the company must cut costs."
    )
    room.publish("twitch", "Twitch lays off 500 employees", article_page("Twitch lays off 500 employees", [text, text]), now - timedelta(hours=5))
    run_steps(load_settings())
    assert rows(lw_env, "SELECT company, units, headcount FROM rounds") == [("Amazon", ["Twitch"], 500)]


@pytest.mark.slow  # a run and three deliveries (~1.5 s); a retry timing variant
def test_a_failing_webhook_is_retried_later_and_delivers_once(newsroom, lw_env: Path) -> None:
    room, hook = newsroom
    now = utcnow()
    title, page = seed_page("000_e4cf69b996089dd7.txt")
    room.publish("sps", title, page, now - timedelta(hours=4))
    hook.status = 500
    stored, delivery = run_steps(load_settings())
    assert stored.alerts_queued == 1 and delivery.failed == 1 and delivery.sent == 0
    assert alerts(lw_env)[0][2] == "failed"
    hook.status = 200
    settings = load_settings()
    # Not due yet: the retry waits for its backoff instead of hammering the channel.
    assert pipeline.deliver_alerts(settings, utcnow()).sent == 0
    later = pipeline.deliver_alerts(settings, utcnow() + timedelta(hours=7))
    again = pipeline.deliver_alerts(settings, utcnow() + timedelta(hours=8))
    assert (later.sent, again.sent) == (1, 0)
    assert len(hook.received) == 1
    assert rows(lw_env, "SELECT status, attempts FROM alerts") == [("sent", 2)]


@pytest.mark.slow  # a run (~1.5 s); a variant of the alert path (history is not alerted)
def test_an_old_round_on_a_fresh_database_is_recorded_suppressed(newsroom, lw_env: Path) -> None:
    room, hook = newsroom
    text = (
        "Amazon said on Monday it would eliminate 9,000 more jobs in the coming weeks, adding to the 18,000 "
        "cuts announced in January. The reductions will hit AWS, advertising and Twitch, chief executive Andy Jassy wrote."
    )
    room.publish("old", "Amazon to cut 9,000 more jobs", article_page("Amazon to cut 9,000 more jobs", [text, text]), datetime(2023, 3, 20, 15))
    run_steps(load_settings())
    statuses = alerts(lw_env)
    assert [(kind, status) for _, kind, status, _ in statuses] == [("new_round", "suppressed")]
    assert "older than" in statuses[0][3]
    assert hook.received == []


# The cut is official from the first report: the second outlet confirms nothing new, so no update.
CUT_DAILY = (
    "Amazon said it is cutting 14,000 corporate jobs as it reduces layers of management, a company "
    "spokesperson said in a statement. Affected employees in human resources and devices were told by email."
)
CUT_WIRE = (
    "Amazon is eliminating 14,000 corporate roles, the company said in a statement, as chief executive Andy "
    "Jassy pushes to reduce layers of management. Staff in human resources and devices were notified by email."
)
HIRING = (
    "Amazon said it plans to hire 250,000 full-time and seasonal workers across its US fulfillment and "
    "transportation network for the holiday season, with average pay above $22 an hour."
)
TWITCH = (
    "Twitch is laying off about 500 employees, roughly 35% of its staff, the Amazon-owned streaming "
    "service said. Chief executive Dan Clancy told staff in a memo that the company must cut costs."
)


@pytest.mark.slow  # five runs over two outlets (~4 s); test_two_outlets_on_one_cut_... keeps the alert path in the default run
def test_five_runs_a_minute_apart_deliver_each_alert_once_and_a_failed_one_at_the_next_run(
    httpserver: HTTPServer, tmp_path: Path, lw_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    daily = Newsroom(httpserver, "/daily", "Test Daily")
    wire = Newsroom(httpserver, "/wire", "Business Wire Today")
    feeds = write_feeds(tmp_path / "feeds.toml", {"daily": daily.feed_url, "wire": wire.feed_url})
    # The shipped feeds are on the internet: this test reads the two local outlets instead.
    monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(feeds))
    # Runs a minute apart, on clocks that lag the wall clock as a run's clock lags the moment it sends:
    # a retry measured on the wall clock instead of the run's would not be due a minute later.
    start = utcnow() - timedelta(minutes=10)
    clocks = [start + timedelta(minutes=minute) for minute in range(5)]
    essay_title, essay = seed_page("004_36f458f5559958d1.txt")
    counts, deliveries = [], []
    with receive_webhooks() as hook:
        # Alerts need a channel (none by default): the local receiver.
        monkeypatch.setenv("LAYOFFWATCH_ALERT_URLS", hook.apprise_url)
        # Run 1: a fresh cut, first outlet.
        daily.publish("cut", "Amazon cuts 14,000 corporate jobs",
                      article_page("Amazon cuts 14,000 corporate jobs", [CUT_DAILY, CUT_DAILY]), start - timedelta(hours=3))
        deliveries.append(run_at(clocks[0])[1])
        counts.append(len(hook.received))
        # Run 2: the same cut, second outlet.
        wire.publish("cut", "Amazon eliminates 14,000 corporate roles",
                     article_page("Amazon eliminates 14,000 corporate roles", [CUT_WIRE, CUT_WIRE]), start - timedelta(hours=2))
        deliveries.append(run_at(clocks[1])[1])
        counts.append(len(hook.received))
        # Run 3: an essay about past cuts and a hiring story: no round at all.
        daily.publish("essay", essay_title, essay, start - timedelta(hours=1))
        wire.publish("hiring", "Amazon to hire 250,000 workers for the holidays",
                     article_page("Amazon to hire 250,000 workers for the holidays", [HIRING, HIRING]),
                     start - timedelta(minutes=30))
        deliveries.append(run_at(clocks[2])[1])
        counts.append(len(hook.received))
        # Run 4: a second fresh cut while the webhook is down.
        hook.status = 500
        daily.publish("twitch", "Twitch lays off 500 employees",
                      article_page("Twitch lays off 500 employees", [TWITCH, TWITCH]), start - timedelta(minutes=20))
        deliveries.append(run_at(clocks[3])[1])
        counts.append(len(hook.received))
        # Run 5, a minute later: the webhook is back.
        hook.status = 200
        deliveries.append(run_at(clocks[4])[1])
        counts.append(len(hook.received))

    assert counts == [1, 1, 1, 1, 2]
    assert [(d.sent, d.failed) for d in deliveries] == [(1, 0), (0, 0), (0, 0), (0, 1), (1, 0)]
    rounds = rows(lw_env, "SELECT units, status, article_count, source_count FROM rounds ORDER BY first_seen_at")
    assert len(rounds) == 2 and rounds[0][1:] == ("confirmed", 2, 2) and rounds[1][0] == ["Twitch"], rounds
    assert "14,000" in hook.received[0]["message"] and "Twitch" in hook.received[1]["message"]
    assert rows(lw_env, "SELECT kind, status, attempts FROM alerts ORDER BY created_at") == [
        ("new_round", "sent", 1), ("new_round", "sent", 2),
    ]


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_server")
def test_the_flow_plans_a_retry_on_its_own_start_clock(newsroom, lw_env: Path) -> None:
    from flows.ingest_flow import ingest

    room, hook = newsroom
    title, page = seed_page("000_e4cf69b996089dd7.txt")
    room.publish("sps", title, page, utcnow() - timedelta(hours=4))
    hook.status = 500
    summary = ingest()
    assert (summary["alerts_failed"], summary["alerts_waiting"], summary["alerts_given_up"]) == (1, 1, 0)
    [(created_at, next_attempt_at)] = rows(lw_env, "SELECT created_at, next_attempt_at FROM alerts")
    # The run's clock is when its flow started, before the store step queued the alert; a clock
    # read when delivery starts would put the retry after created_at + the delay.
    assert next_attempt_at - RETRY_DELAY < created_at


def _queue_rows(db: Path, channels: list[str], rounds: int, now: datetime) -> None:
    """Queue one `new_round` alert per round (r0, r1...) and channel, as a store step would."""
    from ingest.alerts import AlertRow, alert_id_for, channel_id, new_round_key
    from storage import alerts as alert_store
    from storage.db import connect

    payload = {"kind": "new_round", "title": "Amazon cuts jobs", "company": "Amazon", "announced_on": "2026-05-14",
               "status": "confirmed", "source_count": 1}
    queued = [
        AlertRow(alert_id=alert_id_for(key), idempotency_key=key, round_id=f"r{n}", kind="new_round",
                 channel=redact_url(url), channel_id=channel_id(url), status="pending", created_at=now,
                 next_attempt_at=now, payload={**payload, "round_id": f"r{n}"})
        for n in range(rounds) for url in channels
        for key in [new_round_key(f"r{n}", channel_id(url))]
    ]
    with connect(db) as con:
        alert_store.insert_alerts(con, queued)


@pytest.mark.slow  # seven deliveries to a local receiver (~3 s); a retry timing variant
def test_a_failed_alert_is_sent_by_the_next_run_whatever_the_schedule(lw_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Runs a minute apart (`serve --interval 1`) while the settings keep their default 15-minute
    # interval, as under serve or a work pool: the webhook is down for six runs, back at the seventh.
    start = utcnow() - timedelta(hours=1)
    with receive_webhooks() as hook:
        # Alerts need a channel (none by default): the local receiver.
        monkeypatch.setenv("LAYOFFWATCH_ALERT_URLS", hook.apprise_url)
        _queue_rows(lw_env, [hook.apprise_url], 1, start)
        hook.status = 500
        failed = [pipeline.deliver_alerts(load_settings(), start + timedelta(minutes=m)).failed for m in range(6)]
        hook.status = 200
        last = pipeline.deliver_alerts(load_settings(), start + timedelta(minutes=6))
    assert failed == [1] * 6 and last.sent == 1 and len(hook.received) == 1
    assert rows(lw_env, "SELECT status, attempts FROM alerts") == [("sent", 7)]


@pytest.mark.slow  # two receivers, twelve deliveries (~2 s); a retry timing variant
def test_a_down_channel_is_tried_once_per_run_and_its_other_alerts_wait_unattempted(
    lw_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = utcnow()
    with receive_webhooks() as down, receive_webhooks() as up:
        # Alerts need channels (none by default): a failing receiver and a working one.
        monkeypatch.setenv("LAYOFFWATCH_ALERT_URLS", f"{down.apprise_url},{up.apprise_url}")
        _queue_rows(lw_env, [down.apprise_url, up.apprise_url], 3, now)
        down.status = 500
        first = pipeline.deliver_alerts(load_settings(), now)
        attempts = rows(lw_env, f"SELECT attempts, status FROM alerts_log WHERE channel = '{redact_url(down.apprise_url)}'")
        down.status = 200
        second = pipeline.deliver_alerts(load_settings(), now + timedelta(minutes=1))
    assert (first.sent, first.failed, first.deferred, first.waiting) == (3, 1, 2, 3)
    assert sorted(attempts) == [(0, "failed"), (0, "failed"), (1, "failed")]
    assert (second.sent, second.failed, second.waiting) == (3, 0, 0)
    assert len(down.received) == 3 and len(up.received) == 3


@pytest.mark.slow  # two deliverers racing on a slow webhook (~2 s)
def test_two_deliverers_at_once_send_each_alert_once(httpserver: HTTPServer, lw_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    received: list[bytes] = []

    def slow_hook(request):  # noqa: ANN001, ANN202 - werkzeug handler
        time.sleep(0.2)  # a real channel's latency: both deliverers read the rows before either marks one
        received.append(request.get_data())
        return Response("ok")

    httpserver.expect_request("/hook").respond_with_handler(slow_hook)
    channel = httpserver.url_for("/hook").replace("http://", "json://")
    # Alerts need a channel (none by default): the slow local webhook.
    monkeypatch.setenv("LAYOFFWATCH_ALERT_URLS", channel)
    now = utcnow()
    _queue_rows(lw_env, [channel], 3, now)
    settings = load_settings()
    gate = threading.Barrier(2)
    results: list[pipeline.Delivery] = []

    def deliver() -> None:
        gate.wait()
        results.append(pipeline.deliver_alerts(settings, now))

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(received) == 3 and sorted(r.sent for r in results) == [0, 3]
    assert rows(lw_env, "SELECT status, attempts FROM alerts") == [("sent", 1)] * 3


@pytest.mark.slow  # two deliveries to a failing receiver (~1 s); a retry timing variant
def test_an_alert_failing_for_the_last_time_is_counted_given_up_and_shown_so(lw_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from usecases.summary import RunSummary
    from storage.db import connect

    now = utcnow()
    with receive_webhooks() as hook:
        # Alerts need a channel (none by default): the local receiver, down.
        monkeypatch.setenv("LAYOFFWATCH_ALERT_URLS", hook.apprise_url)
        _queue_rows(lw_env, [hook.apprise_url], 1, now - timedelta(days=2))
        with connect(lw_env) as con:  # nine failed attempts over two days already
            con.execute("UPDATE alerts SET status = 'failed', attempts = 9, next_attempt_at = ?", [now])
        hook.status = 500
        delivery = pipeline.deliver_alerts(load_settings(), now)
        again = pipeline.deliver_alerts(load_settings(), now + timedelta(days=1))
    assert (delivery.failed, delivery.given_up, delivery.waiting) == (1, 1, 0)
    assert (again.failed, again.given_up) == (0, 0)  # never tried again
    assert rows(lw_env, "SELECT status, attempts, last_error IS NOT NULL FROM alerts_log") == [("given_up", 10, True)]
    summary = RunSummary(
        feeds_due=1, feeds_ok=1, feeds_not_modified=0, feeds_failed=0, feeds_backing_off=0, entries_new=0,
        articles_new=0, articles_with_text=0, duplicates=0, layoff_reports=0, new_rounds=[], alerts_queued=0,
        alerts_sent=0, alerts_failed=0, replayed_from_spool=0, seconds=1.0, snapshot=None,
    )
    summary = replace(summary, alerts_failed=delivery.failed, alerts_given_up=delivery.given_up)
    assert "alerts: 0 queued, 0 sent, 1 failed, 1 given up (see the alerts_log view)" in summary.log_lines()
    assert "| alerts given up | 1 |" in summary.markdown()


@pytest.mark.usefixtures("lw_db")  # the database as a first open leaves it: the subject is delivery
def test_block_channels_go_through_the_sender_the_caller_passes(lw_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest.settings import PREFECT_BLOCK_SCHEME

    now = utcnow()
    received: list[tuple[str, str, str]] = []

    def block_sender(url: str, title: str, body: str, payload: object, /, *, timeout: float) -> None:
        received.append((url, title, body))

    # A Prefect block channel (none by default), reached here without Prefect: the sender stands in for it.
    monkeypatch.setenv("LAYOFFWATCH_PREFECT_NOTIFY_BLOCKS", "team-hook")
    channel = PREFECT_BLOCK_SCHEME + "team-hook"
    _queue_rows(lw_env, [channel], 1, now)
    unsent = pipeline.deliver_alerts(load_settings(), now)  # no sender for blocks: the row waits, Apprise never tries
    sent = pipeline.deliver_alerts(load_settings(), now + RETRY_DELAY, {PREFECT_BLOCK_SCHEME: block_sender})
    assert (unsent.sent, unsent.failed, unsent.waiting) == (0, 1, 1)
    assert "no sender for prefect-block://" in unsent.errors[0]
    assert (sent.sent, sent.failed, sent.waiting) == (1, 0, 0)
    assert [(url, title) for url, title, _ in received] == [(channel, "New layoff round: Amazon cuts jobs")]
    assert rows(lw_env, "SELECT status, attempts FROM alerts") == [("sent", 2)]
