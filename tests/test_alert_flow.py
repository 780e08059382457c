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

from flows import pipeline
from flows.webhook_receiver import Receiver, receive_webhooks
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




class Newsroom:
    """A local site whose feed grows run after run, like a real outlet's."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.items: list[tuple[str, str, str, str]] = []
        server.expect_request("/feed.xml").respond_with_handler(
            lambda _request: Response(rss(self.items), content_type="application/rss+xml")
        )

    def publish(self, slug: str, headline: str, html: str, published: datetime) -> None:
        url = self.server.url_for(f"/news/{slug}.html")
        self.server.expect_request(f"/news/{slug}.html").respond_with_data(html, content_type="text/html; charset=utf-8")
        self.items.append((slug, headline, url, rfc822(published)))


@pytest.fixture
def newsroom(httpserver: HTTPServer, tmp_path: Path, lw_env: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Newsroom, Receiver]]:
    with receive_webhooks() as hook:
        monkeypatch.setenv("LAYOFFWATCH_ALERT_URLS", hook.apprise_url)
        feeds = write_feeds(tmp_path / "feeds.toml", {"newsroom": httpserver.url_for("/feed.xml")})
        monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(feeds))
        yield Newsroom(httpserver), hook


def alerts(db: Path) -> list[tuple]:
    return rows(db, "SELECT r.company, a.kind, a.status, a.reason FROM alerts a JOIN rounds r USING (round_id) ORDER BY a.created_at, a.kind")


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
