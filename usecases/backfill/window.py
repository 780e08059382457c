"""Working one time window: list every source at once, hand the entries to the run's steps, record how
each source's window ended and claim the next window's rows (the plan claims the first)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime

from ingest.feeds.backfill import BackfillSource, Listing, feed_name, new_window, window_done, window_failed
from ingest.models import FeedFetch
from ingest.settings import Settings
from storage import backfill as window_store
from storage.db import connect, transaction, utcnow
from usecases import run as pipeline
from usecases.backfill.plan import WindowBatch, WindowJob, claims


@dataclass(frozen=True)
class WindowOutcome:
    """How one source's window went: done with what it found, or failed with why."""

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
    """One time window's outcome per source, and what storing its entries added."""

    window: str
    outcomes: list[WindowOutcome]
    new_articles: int = 0  # stored by this batch
    new_rounds: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Listed:
    """One source's answer for its window: the listing, or the error it raised."""

    job: WindowJob
    listing: Listing | None
    error: str | None
    seconds: float


def run_batch(
    settings: Settings, sources: dict[str, BackfillSource], batch: WindowBatch, next_batch: WindowBatch | None,
    alerts: bool, run_id: str,
) -> BatchOutcome:
    """List a claimed window from each of its sources, store all entries through the run's steps, then record
    each source's window and claim `next_batch`'s in one transaction; return the window's outcome."""
    started_at = utcnow()
    listed = list_batch(sources, batch.jobs)
    new_per_feed, stored = store_entries(settings, listed, started_at, alerts=alerts, run_id=run_id)
    outcomes = [outcome_of(one, new_per_feed.get(feed_name(one.job.source), 0)) for one in listed]
    record(settings, listed, outcomes, utcnow(), claim_next=next_batch.jobs if next_batch else ())
    return BatchOutcome(batch.window.label, outcomes, stored.new_articles, list(stored.new_rounds))


def list_batch(sources: dict[str, BackfillSource], jobs: Sequence[WindowJob]) -> list[Listed]:
    """Return each job's listing, asking every source at once; a source's failure is kept as data."""

    def list_one(job: WindowJob) -> Listed:
        began = time.monotonic()
        try:
            listing = sources[job.source].list_window(job.window, job.query)
        except Exception as exc:  # noqa: BLE001 - a source's failure is data; the next run retries it
            return Listed(job, None, (str(exc) or type(exc).__name__)[:1000], time.monotonic() - began)
        return Listed(job, listing, None, time.monotonic() - began)

    # Sources are different services, each with its own rate limiter: ask them at once.
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(list_one, jobs))


def store_entries(
    settings: Settings, listed: Sequence[Listed], started_at: datetime, *, alerts: bool, run_id: str
) -> tuple[dict[str, int], pipeline.Stored]:
    """Send the listings' entries through the run's steps; return the new entries per feed and what was stored."""
    ok = [(one, one.listing) for one in listed if one.listing is not None and one.listing.entries]
    if not ok:  # most windows of a long range are empty for some source: skip two database opens
        return {}, pipeline.Stored()
    fetches = [listing_fetch(one, listing, run_id, started_at) for one, listing in ok]
    entries = [entry for _, listing in ok for entry in listing.entries]
    fetched = pipeline.select_new(settings, pipeline.FetchedFeeds(fetches=fetches, entries=entries))
    articles = pipeline.fetch_and_extract(settings, fetched, utcnow())
    # History is recorded, not announced: rounds found get `suppressed` alerts unless asked for.
    articles = replace(articles, suppress_alerts=None if alerts else "backfill")
    stored = pipeline.store(settings, articles, utcnow())
    return {f.feed: f.new_items for f in fetched.fetches}, stored


def listing_fetch(listed: Listed, listing: Listing, run_id: str, started_at: datetime) -> FeedFetch:
    """Return the fetch log row of one source's window, as if its listing were a feed fetched."""
    return FeedFetch(
        fetch_id=uuid.uuid4().hex, run_id=run_id, feed=feed_name(listed.job.source),
        url=listing.requests[0] if listing.requests else "", started_at=started_at,
        duration_ms=round(listed.seconds * 1000, 1), http_status=200, items_seen=len(listing.entries),
    )


def outcome_of(listed: Listed, new: int) -> WindowOutcome:
    """Return how one source's window went, `new` of its entries not stored before."""
    job, listing, seconds = listed.job, listed.listing, round(listed.seconds, 2)
    if listing is None:
        return WindowOutcome(job.source, job.window.label, "failed", error=(listed.error or "")[:500], seconds=seconds)
    return WindowOutcome(
        source=job.source, window=job.window.label, status="done", found=len(listing.entries), new=new,
        requests=len(listing.requests), splits=[w.label for w in listing.splits],
        capped=[w.label for w in listing.capped], unusable=len(listing.skipped), seconds=seconds,
    )


def record(
    settings: Settings, listed: Sequence[Listed], outcomes: Sequence[WindowOutcome], now: datetime,
    claim_next: Sequence[WindowJob] = (),
) -> None:
    """Mark each source's window done (with its counts) or failed (with its error), and claim the next
    window's jobs, in one transaction."""
    # Recording a window and claiming the next happened back to back anyway: one connection instead
    # of two. A run killed after this commit leaves the next window `running`, which is retried.
    keys = [one.job.key for one in listed]
    next_keys = [job.key for job in claim_next]
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con, transaction(con):
        stored = window_store.window_rows(con, keys + next_keys)
        rows = []
        for one, outcome in zip(listed, outcomes, strict=True):
            row = stored.get(one.job.key) or new_window(one.job.key, now)
            rows.append(
                window_failed(row, one.error or "failed", now) if outcome.status == "failed"
                else window_done(row, outcome.found, outcome.new, now)
            )
        window_store.save_windows(con, rows + claims(stored, next_keys, now))
