"""The `backfill` flow: historical news for a date range, window by window, wrapping `usecases.backfill`.

    plan     -> record the range's windows, keep those not done
    window   -> one task per time window: list its sources, store their entries through the run's steps
    alerts   -> only with alerts=True: deliver what the backfill queued (the ingest flow's task)
    summary  -> per-window progress in the logs, a markdown artifact, the returned dict
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.ingest_flow import current_flow_run_id, deliver_alerts, publish_snapshot
from ingest.feeds.backfill import DEFAULT_QUERY, DEFAULT_WINDOW, BackfillSource
from ingest.settings import Settings, load_settings
from storage.db import utcnow
from usecases import backfill as usecase
from usecases import run as pipeline


@task(name="plan-backfill", cache_policy=NO_CACHE)
def plan_task(
    settings: Settings, sources: dict[str, BackfillSource], start: date, end: date, query: str, window: str
) -> usecase.Plan:
    """Record the range's windows and return those still to do."""
    return usecase.plan(settings, sources, start, end, query, window, utcnow())


@task(name="backfill-window", cache_policy=NO_CACHE, task_run_name="window {label}")
def window_task(
    settings: Settings, sources: dict[str, BackfillSource], batch: usecase.WindowBatch, alerts: bool, run_id: str,
    label: str,
) -> usecase.BatchOutcome:
    """List one window from its sources and store what they found through the pipeline."""
    return usecase.run_batch(settings, sources, batch, alerts=alerts, run_id=run_id)


@flow(name="backfill", description="Fetch historical news for a date range, window by window, through the ingest pipeline.")
def backfill(
    start: date,
    end: date,
    sources: list[str] | str | None = None,
    query: str | None = None,
    window: str = DEFAULT_WINDOW,
    alerts: bool = False,
    feeds: str | None = None,
    db: str | None = None,
) -> dict[str, Any]:
    """Backfill `start`..`end` (inclusive, UTC) from the sources; return the run summary."""
    pipeline.freeze_startup_heap()
    logger = get_run_logger()
    started = time.monotonic()
    clock = utcnow()  # the run's clock for alert retries, as in the ingest flow
    settings = load_settings(feeds=feeds, db=db)
    names = usecase.resolve_sources(sources)
    query = (query or DEFAULT_QUERY).strip()
    run_id = current_flow_run_id()

    batches: list[usecase.BatchOutcome] = []
    with usecase.open_sources(settings, names) as source_map:
        planned = plan_task(settings, source_map, start, end, query, window)
        progress = usecase.Progress(planned, logger)
        progress.start(query, names)
        for batch in planned.batches:
            result = window_task(settings, source_map, batch, alerts, run_id, label=batch.window.label)
            batches.append(result)
            progress.window_done(result)

    stored_any = any(b.new_articles for b in batches)
    delivery = deliver_alerts(settings, clock) if alerts and stored_any else pipeline.Delivery()
    if settings.snapshot and batches:  # the windows' progress is written even when nothing new was found
        publish_snapshot(settings, True)
    summary = usecase.BackfillSummary.build(planned, query, names, batches, delivery, started)
    logger.info(summary.headline())
    create_markdown_artifact(key="backfill-summary", markdown=summary.markdown(), description="layoffwatch backfill")
    if summary.systemic_failure:
        raise RuntimeError(summary.systemic_failure)
    return summary.as_dict()
