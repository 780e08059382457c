"""The `ingest` flow: one run over all feeds, `usecases.run_once` with a handful of batched tasks as its steps.

    prepare  -> read feed states (validators, back-off) and write any spooled batch
    fetch    -> all due feeds at once (threads), each failure kept as data
    select   -> drop entries already stored
    pages    -> article pages concurrently (threads), text extracted in a process pool
    store    -> one transaction: fetch log, articles, dedup, classification, rounds, alert outbox
    alerts   -> deliver due alerts (after the commit), Prefect blocks included, mark each row
    snapshot -> publish a read-only copy of the database for users

Tasks take settings and plain data, never a live connection or client, and never run per article.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.notify_blocks import SENDERS
from flows.runtime import current_flow_run_id, emit_round_events, unwalked
from flows.shards import rounds_slot
from ingest.feeds.feedlist import load_feeds
from ingest.models import FeedConfig
from ingest.settings import Settings, load_settings
from usecases import run as pipeline
from usecases import run_once as usecase
from usecases.summary import RunFailed

__all__ = ["current_flow_run_id", "deliver_alerts", "ingest", "publish_snapshot"]  # backfill reuses these


@task(name="prepare", cache_policy=NO_CACHE)
def prepare(settings: Settings, feeds: list[FeedConfig], respect_backoff: bool) -> pipeline.Prepared:
    """Sync the feed list, replay spooled batches, and pick the feeds due now."""
    return usecase.prepare_now(settings, feeds, respect_backoff)


@task(name="fetch-feeds", cache_policy=NO_CACHE, retries=0)
def fetch_feeds(settings: Settings, prepared: pipeline.Prepared, run_id: str) -> pipeline.FetchedFeeds:
    """Fetch every due feed concurrently; failures are recorded, not raised."""
    return pipeline.fetch_feeds(settings, prepared, run_id)


@task(name="select-new", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5)
def select_new(settings: Settings, fetched: pipeline.FetchedFeeds) -> pipeline.FetchedFeeds:
    """Keep only entries whose article is not stored yet."""
    return pipeline.select_new(settings, fetched)


@task(name="fetch-and-extract", cache_policy=NO_CACHE)
def fetch_and_extract(settings: Settings, fetched: pipeline.FetchedFeeds) -> pipeline.Batch:
    """Fetch the new entries' pages and extract their text (process pool)."""
    return usecase.fetch_and_extract_now(settings, fetched)


@task(name="store", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=10)
def store(settings: Settings, batch: pipeline.Batch) -> pipeline.Stored:
    """Write the batch in one transaction (spooled first, so a failure loses nothing)."""
    return usecase.store_now(settings, batch)


@task(name="deliver-alerts", cache_policy=NO_CACHE)
def deliver_alerts(settings: Settings, clock: datetime) -> pipeline.Delivery:
    """Send alerts due at `clock` (when the flow started, UTC); a failing channel is retried by the next run."""
    return pipeline.deliver_alerts(settings, clock, SENDERS)


@task(name="publish-snapshot", cache_policy=NO_CACHE)
def publish_snapshot(settings: Settings, changed: bool) -> Path | None:
    """Copy the database to its read-only snapshot for users (when the run wrote anything)."""
    return pipeline.publish_snapshot(settings, changed)


TASKS = usecase.Steps(
    prepare=prepare, fetch_feeds=fetch_feeds, select_new=select_new, fetch_and_extract=fetch_and_extract,
    store=store, deliver=deliver_alerts, publish=publish_snapshot, hand=unwalked, serial=rounds_slot,
)


@flow(name="ingest", description="Fetch all feeds once and land new layoff stories in DuckDB.")
def ingest(
    feeds: str | None = None,
    db: str | None = None,
    respect_backoff: bool = True,
    send_alerts: bool = True,
    shard: str | None = None,
) -> dict[str, Any]:
    """Run one ingest over every configured feed (or shard "K/N" of them); return the run summary."""
    pipeline.freeze_startup_heap()
    logger = get_run_logger()
    settings = load_settings(feeds=feeds, db=db, shard=shard)
    summary = usecase.run_once(
        settings, load_feeds(settings.feeds), run_id=current_flow_run_id(),
        respect_backoff=respect_backoff, send_alerts=send_alerts, steps=TASKS,
    )
    emit_round_events(summary.new_rounds)
    for line in summary.log_lines():
        logger.info(line)
    create_markdown_artifact(
        key="ingest-run-summary", markdown=summary.markdown(), description="layoffwatch ingest run"
    )
    if summary.systemic_failure:
        raise RunFailed(summary.systemic_failure, summary.as_dict())
    return summary.as_dict()
