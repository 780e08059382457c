"""What one matching pass hands to storage and to alert planning: rounds, links, events, removals."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from ingest.models import AlertKind, Frozen, Round, RoundLink, RoundStatus

MATCHER_VERSION = "rounds-2026.2"


class RoundEvent(Frozen):
    """Something alert-worthy that happened to a round in this plan."""

    kind: AlertKind
    round_id: str
    reason: str
    status: RoundStatus
    headcount: int | None = None
    headcount_official: bool = False
    previous_status: RoundStatus | None = None
    previous_headcount: int | None = None
    previous_headcount_official: bool = False


class SourceRef(Frozen):
    """One member article as shown in an alert (title + link)."""

    article_id: str
    source: str
    title: str
    url: str
    published_at: datetime


class RoundPlan(Frozen):
    """The outcome of one matching pass: rounds to upsert, links to upsert, rounds to delete, events."""

    created_at: datetime
    matcher_version: str = MATCHER_VERSION
    rounds: list[Round] = Field(default_factory=list)
    # New links, and links of articles that moved to another round (upserted by article_id).
    links: list[RoundLink] = Field(default_factory=list)
    events: list[RoundEvent] = Field(default_factory=list)
    # round_id -> its first articles from distinct outlets (for alert payloads), for every round
    # in `rounds`.
    sources: dict[str, list[SourceRef]] = Field(default_factory=dict)
    # Rounds that no longer exist: merged into another (new evidence showed them to be one) or
    # emptied. Their alerts stay; their articles are in `links` under their new round.
    removed: list[str] = Field(default_factory=list)
    merged: dict[str, str] = Field(default_factory=dict)  # removed round_id -> the round that holds it now
