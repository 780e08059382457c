"""A backfill as one plain function: plan, then each time window, then alerts, snapshot and summary.

The sequence lives here once. Each step is called through `Steps`, whose defaults are the plain step
functions; the Prefect flow (flows/backfill.py) passes its tasks instead, so a run shows each step
as a task while tests and scripts call `backfill` with no orchestrator at all.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ingest.feeds.backfill import DEFAULT_QUERY, DEFAULT_WINDOW, BackfillSource
from ingest.settings import Settings
from storage.db import utcnow
from usecases import run as pipeline
from usecases.backfill.plan import Plan, WindowBatch, open_sources, plan, resolve_sources
from usecases.backfill.summary import BackfillSummary, Listener, Logger, Progress
from usecases.backfill.window import BatchOutcome, run_batch

Sources = dict[str, BackfillSource]
logger = logging.getLogger("layoffwatch.backfill")


@dataclass(frozen=True)
class Steps:
    """How each step of a backfill is invoked: the plain functions, or wrappers with their signatures."""

    # (settings, sources, start, end, query, window size, now) -> the windows to do
    plan: Callable[[Settings, Sources, date, date, str, str, datetime], Plan] = plan
    # (settings, sources, batch, the batch after it, alerts, run id) -> how the window went
    window: Callable[[Settings, Sources, WindowBatch, WindowBatch | None, bool, str], BatchOutcome] = run_batch
    # (settings, the run's clock) -> the delivery of the alerts due
    deliver: Callable[[Settings, datetime], pipeline.Delivery] = pipeline.deliver_alerts
    # (settings, changed) -> the snapshot published
    publish: Callable[[Settings, bool], Path | None] = pipeline.publish_snapshot


PLAIN = Steps()  # every step a plain function call

def backfill(
    settings: Settings,
    start: date,
    end: date,
    *,
    sources: Sequence[str] | str | None = None,
    query: str | None = None,
    window: str = DEFAULT_WINDOW,
    alerts: bool = False,
    run_id: str | None = None,
    steps: Steps = PLAIN,
    log: Logger = logger,
    listeners: Sequence[Listener] = (),
) -> BackfillSummary:
    """Backfill `start`..`end` (inclusive, UTC) from the sources, window by window; return the summary."""
    started = time.monotonic()
    clock = utcnow()  # the run's clock for alert retries, as in the ingest run
    names = resolve_sources(sources)
    query = (query or DEFAULT_QUERY).strip()
    run_id = run_id or uuid.uuid4().hex
    batches: list[BatchOutcome] = []
    with open_sources(settings, names) as source_map:
        planned = steps.plan(settings, source_map, start, end, query, window, clock)
        progress = Progress(planned, log, listeners)
        progress.start(query, names)
        # Each window records itself and claims the next (one database open for both).
        following: list[WindowBatch | None] = [*planned.batches[1:], None]
        for batch, next_batch in zip(planned.batches, following, strict=False):  # no batch: no None either
            result = steps.window(settings, source_map, batch, next_batch, alerts, run_id)
            batches.append(result)
            progress.window_done(result)

    stored_any = any(b.new_articles for b in batches)
    delivery = steps.deliver(settings, clock) if alerts and stored_any else pipeline.Delivery()
    if settings.snapshot and batches:  # the windows' progress is written even when nothing new was found
        steps.publish(settings, True)
    return BackfillSummary.build(planned, query, names, batches, delivery, started)
