"""Frozen models that cross module boundaries: feeds, entries, articles, classifications, rounds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Label = Literal["layoff_report", "layoff_mention", "not_layoff"]
ExtractionStatus = Literal["ok", "no_text", "fetch_failed", "blocked", "not_fetched"]
RoundStatus = Literal["reported", "confirmed"]
RoundRole = Literal["announcement", "coverage", "leak", "update"]
AlertKind = Literal["new_round", "round_update"]
AlertStatus = Literal["pending", "sent", "failed", "suppressed"]
DedupMethod = Literal["url", "exact", "near"]
# A date more than this far ahead of now is junk (time zones never explain more).
FUTURE_TOLERANCE = timedelta(days=1)


@dataclass(frozen=True)
class PageResult:
    """One page fetch: the body and its content type, or the recorded error.

    A dataclass, not a model: one is made per page, and it lives here rather than in
    `ingest.edges.pages` so extraction workers never import the HTTP stack.
    """

    url: str
    final_url: str
    status: int | None
    content: bytes = b""
    content_type: str = ""
    error: str | None = None


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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


class Article(Frozen):
    """An entry after its page was fetched (or not) and its text extracted."""

    article_id: str
    feed: str
    url: str
    canonical_url: str
    title: str
    summary: str = ""
    text: str = ""
    author: str | None = None
    site_name: str | None = None
    language: str | None = None
    published_at: datetime  # UTC, never in the future
    published_source: Literal["feed", "page", "fetched"] = "feed"
    fetched_at: datetime
    http_status: int | None = None
    extraction_status: ExtractionStatus = "ok"
    extraction_error: str | None = None
    raw_html: bytes | None = Field(default=None, repr=False)  # compressed with raw_encoding
    raw_encoding: Literal["zlib", "zstd"] = "zlib"  # batches spooled before zstd hold zlib pages
    raw_size: int = 0
    source_name: str | None = None


class Classification(Frozen):
    """The classifier's verdict on one article, with the facts it extracted."""

    article_id: str
    classifier_version: str
    label: Label
    confidence: float = Field(ge=0.0, le=1.0)
    companies: tuple[str, ...] = ()  # parent companies acting
    units: tuple[str, ...] = ()
    headcount: int | None = None
    headcount_min: int | None = None
    headcount_max: int | None = None
    headcount_approx: bool = False
    headcount_text: str | None = None
    headcount_pct: float | None = None
    announced_on: date | None = None
    is_leak: bool = False
    evidence: str = ""
    language: str | None = None  # ISO 639-1 code the classifier detected, None when too little text says


class RoundCandidate(Frozen):
    """A `layoff_report` article offered to round matching."""

    article_id: str
    source: str  # outlet (site name or host), counts towards source_count
    url: str
    title: str
    published_at: datetime
    fetched_at: datetime
    classification: Classification


class Round(Frozen):
    """One real-world layoff action by one parent company."""

    round_id: str
    company: str
    units: tuple[str, ...] = ()
    announced_on: date
    first_seen_at: datetime
    last_seen_at: datetime
    headcount: int | None = None
    headcount_min: int | None = None
    headcount_max: int | None = None
    headcount_text: str | None = None
    status: RoundStatus = "reported"
    article_count: int = 0
    source_count: int = 0
    title: str = ""
    evidence: str = ""
    matcher_version: str


class RoundLink(Frozen):
    """Why an article belongs to a round."""

    round_id: str
    article_id: str
    role: RoundRole
    score: float
    reason: str


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
