"""The `backfill` flow: historical news for a date range, window by window, wrapping `usecases.backfill`.

    plan     -> record the range's windows, keep those not done
    window   -> one task per time window: list its sources, store their entries through the run's steps
    alerts   -> only with alerts=True: deliver what the backfill queued (the ingest flow's task)
    summary  -> per-window progress in the logs, a markdown artifact, the returned dict

The sequence itself is `usecases.backfill.backfill`; this flow hands it its tasks as the steps.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.ingest_flow import current_flow_run_id, deliver_alerts, publish_snapshot
from ingest.feeds.backfill import DEFAULT_WINDOW, BackfillSource
from ingest.settings import Settings, load_settings
from usecases import backfill as usecase
from usecases import run as pipeline


@task(name="plan-backfill", cache_policy=NO_CACHE)
def plan_task(
    settings: Settings, sources: dict[str, BackfillSource], start: date, end: date, query: str, window: str,
    now: datetime,
) -> usecase.Plan:
    """Record the range's windows and return those still to do."""
    return usecase.plan(settings, sources, start, end, query, window, now)


@task(name="backfill-window", cache_policy=NO_CACHE, task_run_name="window {batch.window.label}")
def window_task(
    settings: Settings, sources: dict[str, BackfillSource], batch: usecase.WindowBatch,
    next_batch: usecase.WindowBatch | None, alerts: bool, run_id: str,
) -> usecase.BatchOutcome:
    """List one window from its sources and store what they found through the pipeline."""
    return usecase.run_batch(settings, sources, batch, next_batch, alerts, run_id)


TASKS = usecase.Steps(plan=plan_task, window=window_task, deliver=deliver_alerts, publish=publish_snapshot)


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
    settings = load_settings(feeds=feeds, db=db)
    summary = usecase.backfill(
        settings, start, end, sources=sources, query=query, window=window, alerts=alerts,
        run_id=current_flow_run_id(), steps=TASKS, log=logger,
    )
    logger.info(summary.headline())
    create_markdown_artifact(key="backfill-summary", markdown=summary.markdown(), description="layoffwatch backfill")
    if summary.systemic_failure:
        raise RuntimeError(summary.systemic_failure)
    return summary.as_dict()
