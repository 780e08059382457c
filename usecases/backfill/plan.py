"""Planning a backfill: the sources asked, and the range's windows still to do, recorded as rows."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from ingest.edges.backfill_sources import build_sources
from ingest.edges.http import new_client
from ingest.feeds.backfill import (
    SOURCE_NAMES, BackfillSource, BackfillWindow, Window, WindowKey, claimed, key_of, new_window, plan_windows,
    split_windows,
)
from ingest.feeds.feedlist import load_feeds
from ingest.settings import Settings
from storage import backfill as window_store
from storage.db import connect, transaction


@dataclass(frozen=True)
class WindowJob:
    """One source's window still to do."""

    source: str
    query: str  # what the source is asked
    key_query: str  # what identifies it in `backfill_windows`
    window: Window
    previous: str  # its status before this run: pending, failed or running

    @property
    def key(self) -> WindowKey:
        """The job's `backfill_windows` key."""
        return key_of(self.source, self.key_query, self.window)


@dataclass(frozen=True)
class WindowBatch:
    """The sources' jobs for one time window: listed together, stored as one batch."""

    window: Window
    jobs: list[WindowJob]


@dataclass(frozen=True)
class Plan:
    """The range's windows still to do, batched per time window, and how many were done before."""

    batches: list[WindowBatch]
    total: int  # source-windows in the range
    skipped: int  # already done
    start: date
    end: date

    @property
    def jobs(self) -> list[WindowJob]:
        """Every source-window to do, in order."""
        return [job for batch in self.batches for job in batch.jobs]


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


@contextmanager
def open_sources(settings: Settings, names: Sequence[str]) -> Iterator[dict[str, BackfillSource]]:
    """Yield the named sources on one HTTP client, closed when the block ends."""
    feeds = load_feeds(settings.feeds) if "wayback" in names else []  # only Wayback replays the feeds file
    with new_client(settings.user_agent, settings.http_timeout) as client:
        yield build_sources(names, client, feeds=feeds, settings=settings)


def plan(
    settings: Settings,
    sources: dict[str, BackfillSource],
    start: date,
    end: date,
    query: str,
    window: str,
    now: datetime,
) -> Plan:
    """Record the range's windows per source, claim the first window's, and return those not done yet, oldest
    window first."""
    today = now.date()
    if start > today:
        raise ValueError(f"the range starts in the future ({start})")
    end = min(end, today)  # the scheduled ingest covers from now on
    windows = split_windows(start, end, window)
    queries = {name: source.query_key(query) for name, source in sources.items()}
    keys = [key_of(name, key_query, w) for name, key_query in queries.items() for w in windows]
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con, transaction(con):
        decided = plan_windows(windows, queries, window_store.window_rows(con, keys), now)
        # The first window is claimed here, each next one as its predecessor is recorded (window.py):
        # one connection per window for both.
        first = [claimed(row, now) for row in decided.todo if row.window == decided.todo[0].window]
        rows = {row.key: row for row in (*decided.new, *first)}  # a new row claimed at once is written once
        window_store.save_windows(con, list(rows.values()))
    batches: dict[Window, list[WindowJob]] = {}
    for row in decided.todo:
        job = WindowJob(row.source, query, row.query, row.window, row.status)
        batches.setdefault(row.window, []).append(job)
    return Plan(
        batches=[WindowBatch(w, jobs) for w, jobs in batches.items()],
        total=len(windows) * len(sources), skipped=decided.skipped, start=start, end=end,
    )


def claims(stored: Mapping[WindowKey, BackfillWindow], keys: Sequence[WindowKey], now: datetime) -> list[BackfillWindow]:
    """Return the rows of `keys` as a run starts working on them: `running`, one more attempt each."""
    return [claimed(stored.get(key) or new_window(key, now), now) for key in keys]
