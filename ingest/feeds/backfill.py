"""Backfill windows and the source interface (pure; the sources and their requests are in ingest.edges).

A backfill asks historical sources for news one time window at a time. Windows are half-open
UTC intervals `[start, end)` built from an inclusive date range; each (source, query, window)
is one row of `backfill_windows`, which is what makes a backfill resumable. Sources live in
`ingest.edges.backfill_sources`; they only turn a window and a query into `FeedEntry` items, the
pipeline does the rest exactly as for the scheduled run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Literal, Protocol
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from ingest.models import FeedEntry, Frozen
from ingest.models.errors import IngestError

SourceName = Literal["gnews", "gdelt", "wayback"]
WindowStatus = Literal["pending", "running", "done", "failed"]

SOURCE_NAMES: tuple[SourceName, ...] = ("gnews", "gdelt", "wayback")
DEFAULT_QUERY = "Amazon layoffs"
DEFAULT_WINDOW = "7d"

_SIZE = re.compile(r"^\s*(\d{1,3})\s*([dwm])\s*$", re.IGNORECASE)


class SourceError(IngestError):
    """A backfill source answered, but not with something usable (an API error message, bad JSON)."""


class Window(Frozen):
    """A half-open UTC interval `[start, end)` (naive datetimes)."""

    start: datetime
    end: datetime

    @property
    def first_day(self) -> date:
        """The first calendar day of the window."""
        return self.start.date()

    @property
    def last_day(self) -> date:
        """The last calendar day the window touches (its end is exclusive)."""
        return (self.end - timedelta(microseconds=1)).date()

    @property
    def span(self) -> timedelta:
        """The window's length."""
        return self.end - self.start

    @property
    def label(self) -> str:
        """`2024-01-01..2024-01-07` for whole days (end inclusive), else hours."""
        if self.start.time() == self.end.time() == datetime.min.time():
            return f"{self.first_day.isoformat()}..{self.last_day.isoformat()}"
        return f"{self.start:%Y-%m-%dT%H:%M}..{self.end:%Y-%m-%dT%H:%M}"

    def contains(self, when: datetime) -> bool:
        """Return True when `when` (naive UTC) falls inside the window."""
        return self.start <= when < self.end

    def halves(self, min_span: timedelta) -> tuple[Window, Window] | None:
        """Return the two halves (cut on a whole `min_span` step), or None when too small to cut."""
        steps = self.span // min_span
        if steps < 2:
            return None
        middle = self.start + min_span * (steps // 2)
        return Window(start=self.start, end=middle), Window(start=middle, end=self.end)


class Listing(Frozen):
    """What one source returned for one window, with how it got there."""

    source: str
    window: Window
    entries: tuple[FeedEntry, ...] = ()
    requests: tuple[str, ...] = ()  # every URL asked, in order
    splits: tuple[Window, ...] = ()  # windows that came back full and were asked again in halves
    capped: tuple[Window, ...] = ()  # still full at the smallest span: the source may hold more
    skipped: tuple[str, ...] = ()  # unusable documents passed over (e.g. an archived error page)


class BackfillWindow(Frozen):
    """One `backfill_windows` row: the state of one source's window for one query."""

    source: str
    query: str
    window_start: datetime
    window_end: datetime
    status: WindowStatus
    items: int = 0
    new_items: int = 0
    attempts: int = 0
    error: str | None = None
    updated_at: datetime

    @property
    def window(self) -> Window:
        """The row's window."""
        return Window(start=self.window_start, end=self.window_end)


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
