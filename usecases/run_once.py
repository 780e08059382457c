"""One ingest run as one plain function: prepare, fetch feeds, select new, pages, store, alerts, snapshot.

The sequence lives here once. Each step is called through `Steps`, whose defaults are the plain step
functions of `usecases.run` (each reading the clock when it starts); the Prefect flow
(flows/ingest_flow.py) passes its tasks instead, so a scheduled run shows each step as a task while
tests, scripts and benchmarks call `run_once` with no orchestrator at all.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from ingest.models import FeedConfig
from ingest.settings import Settings
from storage.db import utcnow
from usecases import run as pipeline
from usecases.summary import RunSummary

T = TypeVar("T")


def prepare_now(settings: Settings, feeds: list[FeedConfig], respect_backoff: bool) -> pipeline.Prepared:
    """Sync the feed list, replay spooled batches, and pick the feeds due now."""
    return pipeline.prepare(settings, feeds, utcnow(), respect_backoff)


def fetch_and_extract_now(settings: Settings, fetched: pipeline.FetchedFeeds) -> pipeline.Batch:
    """Fetch the new entries' pages and extract their text (process pool)."""
    return pipeline.fetch_and_extract(settings, fetched, utcnow())


def store_now(settings: Settings, batch: pipeline.Batch) -> pipeline.Stored:
    """Write the batch in one transaction (spooled first, so a failure loses nothing)."""
    return pipeline.store(settings, batch, utcnow())


def _as_is(value: T) -> T:
    return value


def _no_slot(settings: Settings) -> AbstractContextManager[Any]:
    return nullcontext()


@dataclass(frozen=True)
class Steps:
    """How each step of a run is invoked: the plain functions, or wrappers with their signatures."""

    prepare: Callable[[Settings, list[FeedConfig], bool], pipeline.Prepared] = prepare_now
    fetch_feeds: Callable[[Settings, pipeline.Prepared, str], pipeline.FetchedFeeds] = pipeline.fetch_feeds
    select_new: Callable[[Settings, pipeline.FetchedFeeds], pipeline.FetchedFeeds] = pipeline.select_new
    fetch_and_extract: Callable[[Settings, pipeline.FetchedFeeds], pipeline.Batch] = fetch_and_extract_now
    store: Callable[[Settings, pipeline.Batch], pipeline.Stored] = store_now
    # (settings, the run's clock) -> the delivery of the alerts due
    deliver: Callable[[Settings, datetime], pipeline.Delivery] = pipeline.deliver_alerts
    publish: Callable[[Settings, bool], Path | None] = pipeline.publish_snapshot
    # How data is handed from one step to the next (Prefect: not walked for futures).
    hand: Callable[[Any], Any] = _as_is
    # The order-sensitive stage (store, then alerts) runs inside this: one shard at a time under Prefect.
    serial: Callable[[Settings], AbstractContextManager[Any]] = _no_slot


PLAIN = Steps()  # every step a plain function call


def run_once(
    settings: Settings,
    feeds: list[FeedConfig],
    *,
    run_id: str,
    respect_backoff: bool = True,
    send_alerts: bool = True,
    steps: Steps = PLAIN,
) -> RunSummary:
    """Run one ingest over `feeds` (already selected for the settings' shard by prepare); return its summary."""
    started = datetime.now()
    # The run's clock for alert retries: a retry planned by this run is due by the next run's clock.
    clock = utcnow()
    hand = steps.hand
    prepared = steps.prepare(settings, feeds, respect_backoff)
    fetched = steps.fetch_feeds(settings, hand(prepared), run_id)
    fetched = steps.select_new(settings, hand(fetched))
    batch = steps.fetch_and_extract(settings, hand(fetched))
    with steps.serial(settings):
        stored = steps.store(settings, hand(batch))
        delivery = steps.deliver(settings, clock) if send_alerts else pipeline.Delivery()
    # Anything written (the fetch log included) is published: feed_health on the snapshot is never a run behind.
    changed = bool(fetched.fetches or stored.new_articles or delivery.sent or delivery.failed or prepared.replayed)
    snapshot = steps.publish(settings, changed) if settings.snapshot else None
    return RunSummary.build(prepared, fetched, batch, stored, delivery, snapshot, started)
