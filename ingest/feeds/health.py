"""Feed back-off: a failing feed is retried less and less often, but never given up for good."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from ingest.models import FeedFetch
from ingest.models.feeds import FeedHealth

__all__ = ["BASE_DELAY", "MAX_DELAY", "FeedHealth", "after_fetches", "is_due", "next_attempt"]

BASE_DELAY = timedelta(minutes=15)
MAX_DELAY = timedelta(hours=24)


def next_attempt(consecutive_failures: int, now: datetime) -> datetime | None:
    """Return when a feed with this many failures in a row may be fetched again (None: now)."""
    if consecutive_failures <= 0:
        return None
    delay = min(BASE_DELAY * 2 ** (consecutive_failures - 1), MAX_DELAY)
    return now + delay


def is_due(next_attempt_at: datetime | None, now: datetime) -> bool:
    """Return True when a feed should be fetched in a run starting at `now`."""
    return next_attempt_at is None or next_attempt_at <= now


def after_fetches(fetches: Sequence[FeedFetch], failures: Mapping[str, int]) -> dict[str, FeedHealth]:
    """Return the health each fetch (by fetch_id) leaves its feed in, given the feeds' failures in a row before.

    A success resets the count; a failure adds one and backs off (`next_attempt`). Skipped fetches
    (feeds backing off, not tried) change nothing and get no entry.
    """
    health: dict[str, FeedHealth] = {}
    for fetch in fetches:
        if fetch.skipped:
            continue
        if fetch.error is None:
            health[fetch.fetch_id] = FeedHealth(0, None)
        else:
            count = failures.get(fetch.feed, 0) + 1
            health[fetch.fetch_id] = FeedHealth(count, next_attempt(count, fetch.started_at))
    return health
