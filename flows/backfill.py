"""The `backfill` flow: historical news for a date range, window by window, through the normal pipeline.

    plan    -> split the range into windows, record one row per source and window in
               `backfill_windows`, keep those not `done` (pending, failed, or left `running`
               by a run that died)
    window  -> one task per time window: mark its sources' rows running, list every source at
               once (threads; each source keeps its own rate limit), send all entries through
               the scheduled flow's own steps select_new -> fetch_and_extract -> store (alerts
               recorded as suppressed unless asked), then mark each source's row done or failed
    alerts  -> only with alerts=True: deliver what the backfill queued
    summary -> per-window progress in the logs, a markdown artifact, the returned dict

Windows are tens, so a task per window stays cheap; the articles of a window move as one batch.
Re-running a range skips done windows and stores no duplicates (article ids are stable).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from usecases import run as pipeline
from flows.ingest_flow import current_flow_run_id, deliver_alerts, publish_snapshot
from ingest.feeds.backfill import (
    DEFAULT_QUERY, DEFAULT_WINDOW, SOURCE_NAMES, BackfillSource, BackfillWindow, Listing, Window, feed_name,
    split_windows,
)
from ingest.edges.backfill_sources import build_sources
from ingest.feeds.feedlist import load_feeds
from ingest.edges.http import new_client
from ingest.models import FeedFetch
from ingest.settings import Settings, load_settings
from storage import backfill as window_store
from storage.db import connect, utcnow


@dataclass(frozen=True)
class WindowJob:
    """One source's window still to do."""

    source: str
    query: str  # what the source is asked
    key_query: str  # what identifies it in `backfill_windows`
    window: Window
    previous: str  # its status before this run: pending, failed or running

    @property
    def key(self) -> window_store.WindowKey:
        """The job's `backfill_windows` key."""
        return window_store.key_of(self.source, self.key_query, self.window)


@dataclass(frozen=True)
class WindowBatch:
    """The sources' jobs for one time window: listed together, stored as one batch."""

    window: Window
    jobs: list[WindowJob]


@dataclass(frozen=True)
class Plan:
    batches: list[WindowBatch]
    total: int  # source-windows in the range
    skipped: int  # already done
    start: date
    end: date

    @property
    def jobs(self) -> list[WindowJob]:
        """Every source-window to do, in order."""
        return [job for batch in self.batches for job in batch.jobs]


@dataclass(frozen=True)
class WindowOutcome:
    source: str
    window: str
    status: str  # done or failed
    found: int = 0
    new: int = 0  # entries not stored before (counted by select_new)
    requests: int = 0
    splits: list[str] = field(default_factory=list)
    capped: list[str] = field(default_factory=list)
    unusable: int = 0
    error: str | None = None
    seconds: float = 0.0

    def log_line(self) -> str:
        """Return the one-line progress message of this source's window."""
        if self.status == "failed":
            return f"{self.source} {self.window}: FAILED ({self.error})"
        notes = [f"{self.requests} requests"]
        if self.splits:
            notes.append(f"{len(self.splits)} full windows split")
        if self.capped:
            notes.append(f"still full at the smallest span: {', '.join(self.capped)}")
        if self.unusable:
            notes.append(f"{self.unusable} unusable captures")
        return f"{self.source} {self.window}: {self.found} found, {self.new} new ({'; '.join(notes)}, {self.seconds:.1f}s)"


@dataclass(frozen=True)
class BatchOutcome:
    window: str
    outcomes: list[WindowOutcome]
    new_articles: int = 0  # stored by this batch
    new_rounds: list[str] = field(default_factory=list)


# A progress listener gets (source-windows finished, source-windows to do, the outcome or None
# right after planning).
Listener = Callable[[int, int, WindowOutcome | None], None]
_LISTENERS: list[Listener] = []


@contextmanager
def progress_listener(listener: Listener) -> Iterator[None]:
    """Call `listener` after planning and after each source's window while the block runs (CLI progress)."""
    _LISTENERS.append(listener)
    try:
        yield
    finally:
        _LISTENERS.remove(listener)


def _notify(done: int, total: int, outcome: WindowOutcome | None) -> None:
    for listener in list(_LISTENERS):
        listener(done, total, outcome)


def resolve_sources(sources: Sequence[str] | str | None) -> list[str]:
    """Return the source names to use (all three when None), in the canonical order."""
    if isinstance(sources, str):  # `--param sources=gnews,gdelt` from a deployment run
        sources = sources.replace(",", " ").split()
    if not sources:
        return list(SOURCE_NAMES)
    wanted = {s.strip().lower() for s in sources if s and s.strip()}
    unknown = sorted(wanted - set(SOURCE_NAMES))
    if unknown:
        raise ValueError(f"unknown backfill source(s) {', '.join(unknown)}; known: {', '.join(SOURCE_NAMES)}")
    return [name for name in SOURCE_NAMES if name in wanted]


def plan(
    settings: Settings,
    sources: dict[str, BackfillSource],
    start: date,
    end: date,
    query: str,
    window: str,
    now: datetime,
) -> Plan:
    """Record the range's windows per source and return those not done yet, oldest window first."""
    today = now.date()
    if start > today:
        raise ValueError(f"the range starts in the future ({start})")
    end = min(end, today)  # the scheduled ingest covers from now on
    windows = split_windows(start, end, window)
    todo: dict[Window, list[WindowJob]] = {w: [] for w in windows}
    skipped = 0
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        for name, source in sources.items():
            key_query = source.query_key(query)
            rows = window_store.plan_windows(con, name, key_query, windows, now)
            for w in windows:
                row: BackfillWindow | None = rows.get(window_store.key_of(name, key_query, w))
                if row is not None and row.status == "done":
                    skipped += 1
                else:
                    todo[w].append(WindowJob(name, query, key_query, w, row.status if row else "pending"))
    batches = [WindowBatch(w, jobs) for w, jobs in todo.items() if jobs]
    return Plan(batches=batches, total=len(windows) * len(sources), skipped=skipped, start=start, end=end)


def run_batch(
    settings: Settings, sources: dict[str, BackfillSource], batch: WindowBatch, *, alerts: bool, run_id: str
) -> BatchOutcome:
    """List one window from each of its sources, store all entries through the pipeline, record each."""
    started_at = utcnow()
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        window_store.mark_running(con, [job.key for job in batch.jobs], started_at)

    def list_one(job: WindowJob) -> tuple[Listing | None, str | None, float]:
        began = time.monotonic()
        try:
            return sources[job.source].list_window(job.window, job.query), None, time.monotonic() - began
        except Exception as exc:  # noqa: BLE001 - a source's failure is data; the next run retries it
            return None, (str(exc) or type(exc).__name__)[:1000], time.monotonic() - began

    # Sources are different services, each with its own rate limiter: ask them at once.
    with ThreadPoolExecutor(max_workers=len(batch.jobs)) as pool:
        results = list(pool.map(list_one, batch.jobs))

    ok = [(job, listing, seconds) for job, (listing, _, seconds) in zip(batch.jobs, results, strict=True)
          if listing is not None]
    entries = [entry for _, listing, _ in ok for entry in listing.entries]
    new_per_feed: dict[str, int] = {}
    stored = pipeline.Stored()
    if entries:  # most windows of a long range are empty for some source: skip two database opens
        fetches = [
            FeedFetch(
                fetch_id=uuid.uuid4().hex, run_id=run_id, feed=feed_name(job.source),
                url=listing.requests[0] if listing.requests else "", started_at=started_at,
                duration_ms=round(seconds * 1000, 1), http_status=200, items_seen=len(listing.entries),
            )
            for job, listing, seconds in ok if listing.entries
        ]
        fetched = pipeline.select_new(settings, pipeline.FetchedFeeds(fetches=fetches, entries=entries))
        new_per_feed = {f.feed: f.new_items for f in fetched.fetches}
        articles = pipeline.fetch_and_extract(settings, fetched, utcnow())
        articles = replace(articles, suppress_alerts=None if alerts else "backfill")
        stored = pipeline.store(settings, articles, utcnow())

    outcomes: list[WindowOutcome] = []
    done: list[tuple[window_store.WindowKey, int, int]] = []
    failed: list[tuple[window_store.WindowKey, str]] = []
    for job, (listing, error, seconds) in zip(batch.jobs, results, strict=True):
        if listing is None:
            failed.append((job.key, error or "failed"))
            outcomes.append(WindowOutcome(job.source, job.window.label, "failed", error=(error or "")[:500],
                                          seconds=round(seconds, 2)))
            continue
        new = new_per_feed.get(feed_name(job.source), 0)
        done.append((job.key, len(listing.entries), new))
        outcomes.append(WindowOutcome(
            source=job.source, window=job.window.label, status="done", found=len(listing.entries), new=new,
            requests=len(listing.requests), splits=[w.label for w in listing.splits],
            capped=[w.label for w in listing.capped], unusable=len(listing.skipped), seconds=round(seconds, 2),
        ))
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        window_store.record_results(con, done, failed, utcnow())
    return BatchOutcome(batch.window.label, outcomes, stored.new_articles, list(stored.new_rounds))


@dataclass(frozen=True)
class BackfillSummary:
    start: str
    end: str
    query: str
    sources: list[str]
    windows_total: int
    windows_done: int
    windows_failed: int
    windows_skipped: int
    articles_found: int
    articles_new: int
    new_rounds: list[str]
    splits: int
    alerts_sent: int
    seconds: float
    outcomes: list[WindowOutcome] = field(default_factory=list)

    @classmethod
    def build(
        cls, planned: Plan, query: str, sources: list[str], batches: list[BatchOutcome],
        delivery: pipeline.Delivery, started: float,
    ) -> BackfillSummary:
        outcomes = [o for b in batches for o in b.outcomes]
        done = [o for o in outcomes if o.status == "done"]
        return cls(
            start=planned.start.isoformat(), end=planned.end.isoformat(), query=query, sources=sources,
            windows_total=planned.total, windows_done=len(done),
            windows_failed=len(outcomes) - len(done), windows_skipped=planned.skipped,
            articles_found=sum(o.found for o in done), articles_new=sum(b.new_articles for b in batches),
            new_rounds=[r for b in batches for r in b.new_rounds], splits=sum(len(o.splits) for o in done),
            alerts_sent=delivery.sent, seconds=round(time.monotonic() - started, 2), outcomes=outcomes,
        )

    @property
    def systemic_failure(self) -> str | None:
        """A reason to fail the run: every window it tried failed (no network, service down...)."""
        if self.outcomes and self.windows_failed == len(self.outcomes):
            first = self.outcomes[0]
            return f"all {self.windows_failed} windows failed; first: {first.source} {first.window}: {first.error}"
        return None

    def headline(self) -> str:
        """Return the one-line result."""
        return (
            f"windows: {self.windows_done} done, {self.windows_failed} failed, "
            f"{self.windows_skipped} skipped (done before) of {self.windows_total}; "
            f"articles: {self.articles_found} found, {self.articles_new} new; "
            f"rounds found: {len(self.new_rounds)}"
        )

    def markdown(self) -> str:
        """Return the markdown artifact: totals, then one row per window worked."""
        lines = [
            f"# Backfill {self.start} to {self.end}",
            "",
            f"Query `{self.query}`, sources {', '.join(self.sources)}.",
            "",
            "| windows done | failed | skipped | articles found | new | rounds found | full windows split | alerts sent |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
            f"| {self.windows_done} | {self.windows_failed} | {self.windows_skipped} | {self.articles_found}"
            f" | {self.articles_new} | {len(self.new_rounds)} | {self.splits} | {self.alerts_sent} |",
            "",
        ]
        if self.outcomes:
            lines += ["| source | window | status | found | new | note |", "|---|---|---|---:|---:|---|"]
            for o in self.outcomes:
                note = o.error or "; ".join(
                    part for part in (
                        f"split {len(o.splits)}" if o.splits else "",
                        f"capped {', '.join(o.capped)}" if o.capped else "",
                        f"{o.unusable} unusable captures" if o.unusable else "",
                    ) if part
                )
                lines.append(
                    f"| {o.source} | {o.window} | {o.status} | {o.found} | {o.new} | {note.replace('|', '/')[:200]} |"
                )
        return "\n".join(lines) + "\n"

    def as_dict(self) -> dict[str, Any]:
        """Return the summary as plain data (the flow's return value)."""
        data = asdict(self)
        data["outcomes"] = [asdict(o) for o in self.outcomes]
        return data


@task(name="plan-backfill", cache_policy=NO_CACHE)
def plan_task(
    settings: Settings, sources: dict[str, BackfillSource], start: date, end: date, query: str, window: str
) -> Plan:
    """Record the range's windows and return those still to do."""
    return plan(settings, sources, start, end, query, window, utcnow())


@task(name="backfill-window", cache_policy=NO_CACHE, task_run_name="window {label}")
def window_task(
    settings: Settings, sources: dict[str, BackfillSource], batch: WindowBatch, alerts: bool, run_id: str, label: str
) -> BatchOutcome:
    """List one window from its sources and store what they found through the pipeline."""
    return run_batch(settings, sources, batch, alerts=alerts, run_id=run_id)


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
    names = resolve_sources(sources)
    query = (query or DEFAULT_QUERY).strip()
    run_id = current_flow_run_id()
    feed_list = load_feeds(settings.feeds) if "wayback" in names else []

    batches: list[BatchOutcome] = []
    with new_client(settings.user_agent, settings.http_timeout) as client:
        source_map = build_sources(names, client, feeds=feed_list, settings=settings)
        planned = plan_task(settings, source_map, start, end, query, window)
        total = len(planned.jobs)
        again = sum(1 for job in planned.jobs if job.previous in ("running", "failed"))
        logger.info(
            "backfill %s..%s, query %r, sources %s: %d windows to do (%d failed or interrupted before),"
            " %d already done",
            planned.start, planned.end, query, ", ".join(names), total, again, planned.skipped,
        )
        _notify(0, total, None)
        finished = 0
        for batch in planned.batches:
            result = window_task(settings, source_map, batch, alerts, run_id, label=batch.window.label)
            batches.append(result)
            for outcome in result.outcomes:
                finished += 1
                log = logger.warning if outcome.status == "failed" else logger.info
                log("[%d/%d] %s", finished, total, outcome.log_line())
                _notify(finished, total, outcome)
            if result.new_articles or result.new_rounds:
                logger.info("window %s: %d articles stored, %d new rounds", result.window,
                            result.new_articles, len(result.new_rounds))

    stored_any = any(b.new_articles for b in batches)
    delivery = deliver_alerts(settings, clock) if alerts and stored_any else pipeline.Delivery()
    if settings.snapshot and batches:  # the windows' progress is written even when nothing new was found
        publish_snapshot(settings, True)
    summary = BackfillSummary.build(planned, query, names, batches, delivery, started)
    logger.info(summary.headline())
    create_markdown_artifact(key="backfill-summary", markdown=summary.markdown(), description="layoffwatch backfill")
    if summary.systemic_failure:
        raise RuntimeError(summary.systemic_failure)
    return summary.as_dict()
