"""Backfill: a time window, what a source listed for it, and its `backfill_windows` row."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal

from ingest.models.base import Frozen
from ingest.models.feeds import FeedEntry

WindowStatus = Literal["pending", "running", "done", "failed"]
WindowKey = tuple[str, str, datetime, datetime]  # (source, query, window_start, window_end)


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

    @property
    def key(self) -> WindowKey:
        """The row's primary key."""
        return (self.source, self.query, self.window_start, self.window_end)


class WindowPlan(Frozen):
    """A range's source-windows as `backfill_windows` holds them: what to work, what to record."""

    todo: tuple[BackfillWindow, ...] = ()  # not done: oldest window first, sources in the order given
    new: tuple[BackfillWindow, ...] = ()  # `pending` rows for windows not recorded yet
    skipped: int = 0  # done before


def key_of(source: str, query: str, window: Window) -> WindowKey:
    """Return the `backfill_windows` key of a source's window for a query."""
    return (source, query, window.start, window.end)
