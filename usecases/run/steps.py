"""What passes between the steps of a run: plain frozen data, so each step can run in another worker."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from ingest import dedup
from ingest.models import Article, Classification, FeedConfig, FeedEntry, FeedFetch, FeedState


@dataclass(frozen=True)
class Prepared:
    """The feeds due now with their remembered state, and what preparing did (spool replays)."""

    due: list[FeedConfig]
    states: dict[str, FeedState]
    backing_off: list[str] = field(default_factory=list)
    replayed: int = 0
    # Spool files this release could not load, renamed aside (never deleted): the run summary names them.
    quarantined: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FetchedFeeds:
    """Each feed's fetch record and the entries not stored yet."""

    fetches: list[FeedFetch]
    entries: list[FeedEntry]


@dataclass(frozen=True)
class Batch:
    """What a run fetched and extracted, ready to store."""

    fetches: list[FeedFetch]
    articles: list[Article]
    run_key: str = field(default_factory=lambda: uuid.uuid4().hex)
    # Worked out next to extraction (worker processes); store computes whatever is missing.
    verdicts: dict[str, Classification] = field(default_factory=dict)
    signatures: dict[str, dedup.TextSignature] = field(default_factory=dict)
    # Set by backfills: rounds found in this batch get `suppressed` alerts with this reason.
    suppress_alerts: str | None = None


@dataclass(frozen=True)
class Stored:
    """What storing a batch changed."""

    new_articles: int = 0
    duplicates: int = 0
    classified: int = 0
    layoff_reports: int = 0
    new_rounds: list[str] = field(default_factory=list)
    # One dict per new round (company, title, headcount, units, sources): events and the artifact.
    round_details: list[dict] = field(default_factory=list)
    alerts_queued: int = 0


@dataclass(frozen=True)
class Delivery:
    """The tally of one alert delivery."""

    sent: int = 0
    failed: int = 0  # attempts that failed this run (given-up ones included)
    errors: list[str] = field(default_factory=list)
    # Failed alerts waiting for a later retry (this run's and earlier ones), and the earliest retry.
    waiting: int = 0
    next_retry_at: datetime | None = None
    # Rows not tried this run because their channel had failed already (waiting, not attempts).
    deferred: int = 0
    # Rows whose failure this run was their last: no retry is planned (alerts_log shows `given_up`).
    given_up: int = 0
