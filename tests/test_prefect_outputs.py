"""What Prefect users see: a `layoffwatch.round.detected` event, the run artifact, and alerts
delivered through a saved Prefect notification block."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from prefect.blocks.notifications import CustomWebhookNotificationBlock
from prefect.client.orchestration import get_client
from prefect.events.clients import AssertingEventsClient
from prefect.events.worker import EventsWorker
from pytest_httpserver import HTTPServer

from demo.webhook_receiver import receive_webhooks
from storage.db import utcnow
from tests.conftest import write_feeds
from tests.pages import article_page, rss
from tests.test_alert_flow import rfc822

pytestmark = pytest.mark.usefixtures("prefect_server")


@pytest.fixture
def recorded_events(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - Prefect's own asserting client
    worker = EventsWorker.instance(AssertingEventsClient)
    monkeypatch.setattr(EventsWorker, "instance", lambda *_: worker)
    yield worker
    worker.drain()


@pytest.mark.usefixtures("lw_db")  # the database as a first open leaves it: the subject is the run
def test_new_round_emits_an_event_fills_the_artifact_and_reaches_a_prefect_block(
    httpserver: HTTPServer, lw_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recorded_events
) -> None:
    from flows.ingest_flow import ingest

    published = utcnow() - timedelta(hours=3)
    # The day named is the publication's own: a fixed weekday would be up to six days old, and a round announced
    # more than `alert_freshness_days` before it is first seen is recorded as suppressed, not sent.
    text = (
        f"Zoox, Amazon's self-driving unit, said on {published:%A} it is laying off about 120 employees in its "
        "testing operations. A Zoox spokesperson confirmed the cuts in a statement."
    )
    httpserver.expect_request("/zoox.html").respond_with_data(
        article_page("Zoox lays off about 120 employees", [text, text]), content_type="text/html"
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss([("z1", "Zoox lays off about 120 employees", httpserver.url_for("/zoox.html"), rfc822(published))]),
        content_type="application/rss+xml",
    )
    with receive_webhooks() as hook:
        CustomWebhookNotificationBlock(
            name="test", url=hook.base + "/prefect-block", json_data={"text": "{{body}}", "subject": "{{subject}}"}
        ).save("layoffwatch-test-hook", overwrite=True)
        monkeypatch.setenv("LAYOFFWATCH_PREFECT_NOTIFY_BLOCKS", "layoffwatch-test-hook")
        summary = ingest(feeds=str(write_feeds(tmp_path / "feeds.toml", {"wire": httpserver.url_for("/feed.xml")})))
        received = list(hook.received)

    assert summary["alerts_sent"] == 1 and len(received) == 1
    assert "Zoox" in received[0]["text"] and "120" in received[0]["text"]
    [detail] = summary["new_rounds"]
    assert detail["company"] == "Amazon" and detail["units"] == ["Zoox"]

    recorded_events.drain()
    events = [e for e in recorded_events._client.events if e.event == "layoffwatch.round.detected"]
    assert len(events) == 1
    assert events[0].resource.id == f"layoffwatch.round.{detail['round_id']}"
    assert events[0].payload["company"] == "Amazon" and events[0].payload["headcount"] == 120

    with get_client(sync_client=True) as client:
        artifact = client.read_latest_artifacts()  # newest artifact per key
    markdown = next(a for a in artifact if a.key == "ingest-run-summary").data
    assert "**Amazon**" in markdown and "Zoox" in markdown
