"""Feed back-off: a failing feed is retried less and less often, but never given up for good."""

from __future__ import annotations

from datetime import datetime, timedelta

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
