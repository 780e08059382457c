"""Alert outbox: storage idempotency, retries with backoff, message text, redaction, real sending."""

from __future__ import annotations

import json
import logging
import shutil
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from annotated_types import Ge
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from deployments.serve import MIN_INTERVAL_MINUTES
from ingest.alerts import (
    MAX_ATTEMPTS,
    RETRY_DELAY,
    RETRY_FOR,
    channel_id,
    next_retry,
    plan_alerts,
    render_message,
    resolve_channel,
)
from ingest.models import Article
from ingest.edges.notify import AlertError, send
from ingest.settings import Settings
from ingest.urls.redact import redact, redact_url
from ingest.rounds import match_rounds
from storage import alerts as alert_store
from storage import rounds as round_store
from storage.articles import insert_articles
from storage.db import connect, transaction
from tests.test_rounds import LEAK, OFFICIAL, SPS

NOW = datetime(2026, 5, 15, 8)
CHANNEL = "json://127.0.0.1:9/hook"
TOKEN = "T0KENabc123XYZsecret"
PASSWORD = "pw-Xy9secret"


@pytest.fixture
def con(tmp_path: Path, migrated_db: Path):
    db = tmp_path / "alerts.duckdb"
    shutil.copyfile(migrated_db, db)  # the schema a first open creates, made once per session
    with connect(db) as connection:
        yield connection


def _queue(con: duckdb.DuckDBPyConnection, channels: list[str], now: datetime = NOW) -> int:
    plan = match_rounds([], SPS, now=now)
    rows = plan_alerts(plan, watched=["Amazon"], channels=channels, now=now)
    with transaction(con):
        round_store.save_plan(con, plan)
        return alert_store.insert_alerts(con, rows)


def test_outbox_insert_is_idempotent(con: duckdb.DuckDBPyConnection) -> None:
    assert _queue(con, [CHANNEL]) == 1
    assert _queue(con, [CHANNEL]) == 0  # same round, same channel: the key already exists
    assert _queue(con, [CHANNEL], now=NOW + timedelta(hours=1)) == 0
    [row] = alert_store.get_alerts(con)
    assert (row.kind, row.status, row.channel, row.channel_id) == (
        "new_round", "pending", CHANNEL, channel_id(CHANNEL)
    )
    assert row.payload["company"] == "Amazon" and row.payload["source_count"] == 2
    assert con.execute("SELECT count(*) FROM rounds").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM round_articles").fetchone() == (2,)


def test_due_sent_and_failed_with_backoff(con: duckdb.DuckDBPyConnection) -> None:
    other = f"json://user:{PASSWORD}@127.0.0.1:9/hook/{TOKEN}"
    assert _queue(con, [CHANNEL, other]) == 2
    due = alert_store.due_alerts(con, NOW, limit=10)
    assert len(due) == 2
    [first] = [r for r in due if r.channel_id == channel_id(CHANNEL)]
    [second] = [r for r in due if r.channel_id == channel_id(other)]
    assert second.channel == "json://***@127.0.0.1:9/hook/***"
    assert resolve_channel(second, [CHANNEL, other]) == other

    alert_store.mark_sent(con, first.alert_id, NOW)
    retry = NOW + timedelta(seconds=30)
    alert_store.mark_failed(con, second.alert_id, "POST failed: 500", retry)
    [failed] = [r for r in alert_store.get_alerts(con) if r.alert_id == second.alert_id]
    assert (failed.status, failed.attempts, failed.next_attempt_at) == ("failed", 1, retry)
    assert alert_store.due_alerts(con, NOW, limit=10) == []
    assert [r.alert_id for r in alert_store.due_alerts(con, retry, limit=10)] == [second.alert_id]

    alert_store.mark_failed(con, second.alert_id, "x" * 900, None)  # given up: never due again
    [gave_up] = [r for r in alert_store.get_alerts(con) if r.alert_id == second.alert_id]
    assert (gave_up.attempts, gave_up.next_attempt_at, len(gave_up.last_error or "")) == (2, None, 500)
    assert alert_store.due_alerts(con, NOW + timedelta(days=30), limit=10) == []
    [sent] = [r for r in alert_store.get_alerts(con) if r.alert_id == first.alert_id]
    assert (sent.status, sent.sent_at, sent.attempts) == ("sent", NOW, 1)
    with pytest.raises(KeyError):
        alert_store.mark_failed(con, "a_missing", "boom", None)


def test_pending_rows_are_due_whatever_the_clock(con: duckdb.DuckDBPyConnection) -> None:
    # A row queued later in the same run than the clock the delivery step was given is still sent.
    _queue(con, [CHANNEL], now=NOW + timedelta(minutes=5))
    assert len(alert_store.due_alerts(con, NOW, limit=10)) == 1


def _shortest_schedule() -> timedelta:
    """Return the shortest gap between runs a user can set: the setting's bound or serve's --interval bound."""
    setting = next(m.ge for m in Settings.model_fields["schedule_interval_minutes"].metadata if isinstance(m, Ge))
    return timedelta(minutes=min(float(setting), MIN_INTERVAL_MINUTES))


def test_a_failed_alert_is_due_again_before_the_shortest_schedule_whatever_its_failures() -> None:
    # Not tied to the schedule: `serve --interval/--cron` and work-pool runs never see it.
    assert RETRY_DELAY < _shortest_schedule()
    for failures in (1, 2, 5, MAX_ATTEMPTS - 1, 50):
        assert next_retry(failures, NOW, NOW + timedelta(hours=3)) == NOW + timedelta(hours=3) + RETRY_DELAY


def test_an_alert_is_given_up_only_after_enough_attempts_and_a_day() -> None:
    assert MAX_ATTEMPTS >= 10 and RETRY_FOR >= timedelta(hours=24)
    a_day_later = NOW + RETRY_FOR
    assert next_retry(MAX_ATTEMPTS - 1, NOW, a_day_later) is not None  # old but few attempts: a day without runs
    assert next_retry(MAX_ATTEMPTS, NOW, a_day_later - timedelta(seconds=1)) is not None  # many attempts, young
    assert next_retry(MAX_ATTEMPTS, NOW, a_day_later) is None
    assert next_retry(MAX_ATTEMPTS + 40, NOW, a_day_later + timedelta(days=3)) is None


def test_a_given_up_alert_shows_as_given_up_in_alerts_log(con: duckdb.DuckDBPyConnection) -> None:
    other = f"json://user:{PASSWORD}@127.0.0.1:9/hook/{TOKEN}"
    _queue(con, [CHANNEL, other])
    first, second = alert_store.get_alerts(con)
    alert_store.mark_failed(con, first.alert_id, "POST failed: 500", NOW + RETRY_DELAY)
    alert_store.mark_failed(con, second.alert_id, "POST failed: 500", None)
    shown = con.execute("SELECT alert_id, status, last_error FROM alerts_log ORDER BY alert_id").fetchall()
    assert sorted(shown) == sorted([
        (first.alert_id, "failed", "POST failed: 500"), (second.alert_id, "given_up", "POST failed: 500"),
    ])


def test_suppressed_rows_are_never_due(con: duckdb.DuckDBPyConnection) -> None:
    plan = match_rounds([], SPS, now=datetime(2026, 11, 21))
    rows = plan_alerts(plan, watched=["Amazon"], channels=[CHANNEL], now=datetime(2026, 11, 21))
    with transaction(con):
        round_store.save_plan(con, plan)
        alert_store.insert_alerts(con, rows)
    [row] = alert_store.get_alerts(con)
    assert row.status == "suppressed"
    assert row.reason == "announced 2026-05-13, first seen 2026-11-21: older than 3 days"
    assert alert_store.due_alerts(con, datetime(2027, 1, 1), limit=10) == []


def test_render_message_has_what_a_reader_needs() -> None:
    plan = match_rounds([], [LEAK, OFFICIAL], now=datetime(2025, 10, 28, 15))
    [row] = plan_alerts(plan, watched=["Amazon"], channels=[CHANNEL], now=datetime(2025, 10, 28, 15))
    title, body = render_message(row.payload)
    assert title == "New layoff round: Amazon cuts about 14,000 corporate jobs (announced 2025-10-28)"
    assert body.splitlines() == [
        "Company: Amazon",
        "Units: corporate",
        'Headcount: 14,000 (reported as "approximately 14,000")',
        "Announced: 2025-10-28",
        "Status: confirmed (2 outlets reporting)",
        'Evidence: "Amazon confirmed it is reducing its corporate workforce by approximately 14,000 roles."',
        "Sources:",
        "- oct-leak (Reuters): https://news.example/oct-leak",
        "- Amazon confirms 14,000 corporate job cuts (CNBC): https://news.example/oct-memo",
    ]
    update = dict(row.payload, kind="round_update", reason="reported -> confirmed; headcount 30,000 -> 14,000")
    title, body = render_message(update)
    assert title.startswith("Layoff round update: ")
    assert "Change: reported -> confirmed; headcount 30,000 -> 14,000" in body


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("json://127.0.0.1:8080/hook", "json://127.0.0.1:8080/hook"),
        (f"json://user:{PASSWORD}@127.0.0.1:8080/hook/{TOKEN}", "json://***@127.0.0.1:8080/hook/***"),
        (f"jsons://hooks.example.com/api/v1/notify?token={TOKEN}&format=markdown",
         "jsons://hooks.example.com/api/v1/notify?token=***&format=markdown"),
        ("slack://T0123ABCD/B0456EFGH/abcdefghijklmnopqrstuvwx", "slack://***/***/***"),
        (f"discord://123456789012345678/{TOKEN}", "discord://***/***"),
        ("ntfy://ntfy.sh/layoffwatch", "ntfy://ntfy.sh/layoffwatch"),
        (f"mailto://alerts:{PASSWORD}@mail.example.com?to=me@example.com", "mailto://***@mail.example.com?to=***"),
        ("not a url", "***"),
    ],
)
def test_redact_url(url: str, shown: str) -> None:
    assert redact_url(url) == shown
    assert redact(f"calling {url}", [url]) == f"calling {shown}"


def test_redact_masks_every_part_of_a_channel_url() -> None:
    url = f"json://user:{PASSWORD}@127.0.0.1:8080/hook/{TOKEN}"
    text = f"failed {url}; path /hook/{TOKEN}; auth {PASSWORD}; quoted {TOKEN.lower()}"
    out = redact(text, [url])
    assert TOKEN not in out and PASSWORD not in out
    assert "json://***@127.0.0.1:8080/hook/***" in out
    assert redact("nothing secret here", [url]) == "nothing secret here"


def test_rendered_output_never_holds_the_channel_secret() -> None:
    url = f"json://user:{PASSWORD}@127.0.0.1:8080/hook/{TOKEN}"
    plan = match_rounds([], SPS, now=NOW)
    [row] = plan_alerts(plan, watched=["Amazon"], channels=[url], now=NOW)
    blob = json.dumps(row.model_dump(mode="json")) + "".join(render_message(row.payload))
    assert TOKEN not in blob and PASSWORD not in blob
    assert row.channel_id in row.idempotency_key


def test_send_posts_to_a_local_receiver(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    plan = match_rounds([], SPS, now=NOW)
    [row] = plan_alerts(plan, watched=["Amazon"], channels=[CHANNEL], now=NOW)
    title, body = render_message(row.payload)
    send(f"json://{httpserver.host}:{httpserver.port}/hook", title, body, row.payload, timeout=5)
    [(request, _)] = httpserver.log
    posted = json.loads(request.get_data())
    assert posted["title"] == title and posted["message"] == body
    assert posted["layoffwatch"]["round_id"] == row.round_id
    assert posted["layoffwatch"]["sources"][0]["url"] == "https://news.example/sps-001"


def test_send_failure_raises_alert_error_without_secrets(
    httpserver: HTTPServer, con: duckdb.DuckDBPyConnection, caplog: pytest.LogCaptureFixture
) -> None:
    httpserver.expect_request(f"/hook/{TOKEN}", method="POST").respond_with_data("nope", status=500)
    url = f"json://user:{PASSWORD}@{httpserver.host}:{httpserver.port}/hook/{TOKEN}"
    _queue(con, [url])
    [row] = alert_store.due_alerts(con, NOW, limit=5)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AlertError) as failure:
        send(url, "t", "b", row.payload, timeout=5)
    reason = failure.value.reason
    assert "500" in reason and TOKEN not in reason and PASSWORD not in reason
    alert_store.mark_failed(con, row.alert_id, redact(reason, [url]), NOW + timedelta(minutes=1))
    [stored] = alert_store.get_alerts(con)
    assert stored.status == "failed" and "500" in (stored.last_error or "")
    ours = [r for r in caplog.records if not r.name.startswith("werkzeug")]
    assert ours and all(TOKEN not in r.getMessage() and PASSWORD not in r.getMessage() for r in ours)
    assert len(httpserver.log) == 1


def test_send_timeout_raises_alert_error(httpserver: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response("late")

    httpserver.expect_request("/slow", method="POST").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(AlertError, match="timed out"):
        send(f"json://{httpserver.host}:{httpserver.port}/slow", "t", "b", {}, timeout=0.2)
    assert time.monotonic() - started < 0.6
    # Let the server finish the slow request so it is not logged into the next test.
    deadline = time.monotonic() + 2
    while not httpserver.log and time.monotonic() < deadline:
        time.sleep(0.05)


def test_send_rejects_an_unknown_scheme() -> None:
    with pytest.raises(AlertError, match="invalid or unsupported channel URL nosuch://\\*\\*\\*"):
        send(f"nosuch://{TOKEN}", "t", "b", {}, timeout=1)


def _article(article_id: str, site: str, published: datetime) -> Article:
    return Article(
        article_id=article_id, feed="test", url=f"https://{site}/{article_id}",
        canonical_url=f"https://www.{site}/{article_id}", title=f"title {article_id}",
        published_at=published, fetched_at=published + timedelta(hours=1), site_name=None,
    )


def _classify(con: duckdb.DuckDBPyConnection, article_id: str, label: str, version: str = "v1") -> None:
    con.execute(
        "INSERT INTO classifications (article_id, classifier_version, label, confidence, companies,"
        " units, headcount_text, announced_on, evidence, classified_at)"
        " VALUES (?, ?, ?, 0.9, ['Amazon'], ['Selling Partner Services'], 'a small number', ?, ?, ?)",
        [article_id, version, label, date(2026, 5, 13), "A spokesperson confirmed the cuts.", NOW],
    )


def test_candidates_from_tables_round_trip_and_stay_idempotent(con: duckdb.DuckDBPyConnection) -> None:
    published = datetime(2026, 5, 14, 9)
    insert_articles(con, [
        _article("a1", "alphascala.com", published),
        _article("a2", "ababnews.com", published + timedelta(hours=20)),  # syndicated copy of a1
        _article("a3", "investing.example", published),
        _article("a4", "blog.example", published),  # near-duplicate with its own verdict
    ])
    con.execute("UPDATE articles SET duplicate_of = 'a1' WHERE article_id IN ('a2', 'a4')")
    _classify(con, "a1", "layoff_report")
    _classify(con, "a3", "layoff_mention")
    _classify(con, "a4", "layoff_mention")
    _classify(con, "a1", "layoff_mention", version="v0")  # other classifier versions are ignored
    candidates = round_store.round_candidates(con, ["a1", "a2", "a3", "a4", "missing"], "v1")
    assert [(c.article_id, c.source, c.classification.label) for c in candidates] == [
        ("a1", "alphascala.com", "layoff_report"),
        ("a2", "ababnews.com", "layoff_report"),
    ]
    plan = match_rounds([], candidates, now=NOW)
    rows = plan_alerts(plan, watched=["Amazon"], channels=[CHANNEL], now=NOW)
    with transaction(con):
        round_store.save_plan(con, plan)
        alert_store.insert_alerts(con, rows)

    assert round_store.round_candidates(con, ["a1", "a2"], "v1") == []  # linked once, for good
    existing = round_store.load_open_rounds(con, ["AMAZON"], date(2026, 5, 1))
    assert existing == plan.rounds
    members = round_store.load_round_members(con, [r.round_id for r in existing], "v1")
    assert sorted(c.article_id for c in members[existing[0].round_id]) == ["a1", "a2"]
    again = match_rounds(existing, candidates, now=NOW + timedelta(hours=1), members=members)
    assert again.rounds == [] and again.events == []
    assert existing[0].source_count == 2 and existing[0].status == "confirmed"


def test_end_to_end_queue_send_mark(httpserver: HTTPServer, con: duckdb.DuckDBPyConnection) -> None:
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    url = f"json://{httpserver.host}:{httpserver.port}/hook"
    assert _queue(con, [url]) == 1
    for row in alert_store.due_alerts(con, NOW, limit=10):
        target = resolve_channel(row, [url])
        assert target is not None
        send(target, *render_message(row.payload), row.payload, timeout=5)
        alert_store.mark_sent(con, row.alert_id, NOW)
    assert _queue(con, [url]) == 0
    assert alert_store.due_alerts(con, NOW + timedelta(days=1), limit=10) == []
    assert len(httpserver.log) == 1
