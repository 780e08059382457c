"""Feeds: one configured feed, one parsed entry, what a feed remembers between runs, one fetch."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from pydantic import Field

from ingest.models.base import Frozen


class FeedConfig(Frozen):
    """One configured feed (a `[[feeds]]` table in the feeds TOML)."""

    name: str = Field(min_length=1, max_length=200)
    url: str = Field(min_length=1)
    tags: tuple[str, ...] = ()


class FeedEntry(Frozen):
    """One item of a parsed feed, normalised."""

    feed: str
    entry_key: str  # stable id: guid, else link, else title hash
    url: str
    title: str
    summary: str = ""
    published_at: datetime | None = None  # UTC; None when missing/junk
    source_name: str | None = None  # e.g. Google News <source>
    source_url: str | None = None


class FeedState(Frozen):
    """What we remember of a feed between runs (conditional GET validators, health)."""

    name: str
    etag: str | None = None
    last_modified: str | None = None
    consecutive_failures: int = 0
    next_attempt_at: datetime | None = None


class FeedFetch(Frozen):
    """The outcome of fetching one feed in one run: a `feed_fetches` row and the feed's new state."""

    fetch_id: str
    run_id: str
    feed: str
    url: str
    started_at: datetime
    duration_ms: float
    http_status: int | None = None
    not_modified: bool = False
    items_seen: int = 0
    new_items: int = 0
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    skipped: bool = False  # backing off: not fetched this run


class FeedHealth(NamedTuple):
    """A feed's health once a fetch is recorded: failures in a row, and when to fetch it again (None: any run)."""

    consecutive_failures: int
    next_attempt_at: datetime | None
