"""Backfill windows and the source interface (pure; the sources and their requests are in ingest.edges).

A backfill asks historical sources for news one time window at a time. Windows are half-open
UTC intervals `[start, end)` built from an inclusive date range; each (source, query, window)
is one row of `backfill_windows`, which is what makes a backfill resumable. Sources live in
`ingest.edges.backfill_sources`; they only turn a window and a query into `FeedEntry` items, the
pipeline does the rest exactly as for the scheduled run.

A row's life is decided here and written by `storage.backfill` as given: `plan_windows` adds a
`pending` row per new window and keeps those not `done`; `claimed` marks one `running` (one more
attempt); `window_done` and `window_failed` record how it ended. A run that dies mid-window leaves
it `running`, and the next plan works it again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Literal, Protocol
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from ingest.models.backfill import (
    BackfillWindow,
    Listing,
    Window,
    WindowKey,
    WindowPlan,
    WindowStatus,
    key_of,
)
from ingest.models.errors import IngestError

__all__ = [
    "BackfillWindow", "Listing", "Window", "WindowKey", "WindowPlan", "WindowStatus", "key_of",  # models, re-exported
]

SourceName = Literal["gnews", "gdelt", "wayback"]

SOURCE_NAMES: tuple[SourceName, ...] = ("gnews", "gdelt", "wayback")
DEFAULT_QUERY = "Amazon layoffs"
DEFAULT_WINDOW = "7d"

_SIZE = re.compile(r"^\s*(\d{1,3})\s*([dwm])\s*$", re.IGNORECASE)


class SourceError(IngestError):
    """A backfill source answered, but not with something usable (an API error message, bad JSON)."""


def new_window(key: WindowKey, now: datetime) -> BackfillWindow:
    """Return the `pending` row of a window not recorded yet."""
    source, query, start, end = key
    return BackfillWindow(source=source, query=query, window_start=start, window_end=end, status="pending",
                          updated_at=now)


def plan_windows(
    windows: Sequence[Window], queries: Mapping[str, str], stored: Mapping[WindowKey, BackfillWindow], now: datetime
) -> WindowPlan:
    """Return the plan of `windows` for each source (name -> query key), given the rows stored for them."""
    todo: list[BackfillWindow] = []
    new: list[BackfillWindow] = []
    skipped = 0
    for window in windows:
        for source, query in queries.items():
            key = key_of(source, query, window)
            row = stored.get(key)
            if row is None:
                row = new_window(key, now)
                new.append(row)
            if row.status == "done":
                skipped += 1
            else:  # pending, failed, or `running` left by a run that died: worked again
                todo.append(row)
    return WindowPlan(todo=tuple(todo), new=tuple(new), skipped=skipped)


def claimed(row: BackfillWindow, now: datetime) -> BackfillWindow:
    """Return the row as a run starts working on it: `running`, one more attempt, its last error kept."""
    return row.model_copy(update={"status": "running", "attempts": row.attempts + 1, "updated_at": now})


def window_done(row: BackfillWindow, items: int, new_items: int, now: datetime) -> BackfillWindow:
    """Return the row once all its entries are stored: `done`, `items` found, `new_items` new, no error."""
    return row.model_copy(
        update={"status": "done", "items": items, "new_items": new_items, "error": None, "updated_at": now}
    )


def window_failed(row: BackfillWindow, error: str, now: datetime) -> BackfillWindow:
    """Return the row after a failure (its counts kept); the next run retries it."""
    return row.model_copy(update={"status": "failed", "error": error[:1000], "updated_at": now})


class BackfillSource(Protocol):
    """A historical news source: given a window and a query, list the entries it holds."""

    name: str

    def query_key(self, query: str) -> str:
        """Return what identifies the query in `backfill_windows` (the query, or what replaces it)."""
        ...

    def list_window(self, window: Window, query: str) -> Listing:
        """Return the window's entries (feed name `backfill:<name>`); raise an IngestError on failure."""
        ...


def feed_name(source: str) -> str:
    """Return the `articles.feed` value of entries found by a backfill source."""
    return f"backfill:{source}"


def parse_window_size(text: str) -> tuple[int, str]:
    """Return (count, unit) of a window size such as `7d`, `2w` or `1m` (unit d, w or m)."""
    match = _SIZE.match(text or "")
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"window must look like 7d, 2w or 1m (days, weeks, months), not {text!r}")
    return int(match.group(1)), match.group(2).lower()


def split_windows(start: date, end: date, window: str = DEFAULT_WINDOW) -> list[Window]:
    """Return consecutive UTC windows covering the days `start`..`end` (both inclusive)."""
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    count, unit = parse_window_size(window)
    stop = datetime.combine(end + timedelta(days=1), datetime.min.time())
    windows: list[Window] = []
    index = 0
    current = datetime.combine(start, datetime.min.time())
    while current < stop:
        index += 1
        if unit == "m":
            # Months step from the range's start (Jan 31 + 1m is Feb 29), never drifting.
            following = datetime.combine(_add_months(start, count * index), datetime.min.time())
        else:
            following = current + timedelta(days=count * (7 if unit == "w" else 1))
        windows.append(Window(start=current, end=min(following, stop)))
        current = following
    return windows


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def with_params(endpoint: str, params: Mapping[str, str], *, winner: Literal["ours", "endpoint"]) -> str:
    """Return `endpoint` with `params` added to the query it has; `winner` says whose value a key both give keeps.

    `ours` for what the request means (GDELT's `format=json`, a search's `q`), `endpoint` for
    defaults a configured URL may replace (Google News's edition). Other keys (a mirror's API key)
    stay either way.
    """
    parts = urlsplit(endpoint)
    given = dict(parse_qsl(parts.query))
    query = given | dict(params) if winner == "ours" else dict(params) | given
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, quote_via=quote), ""))
