"""Every model that crosses a module boundary, in one place, frozen; one submodule per thing modelled.

    base.py      the frozen base class and the small enums (labels, statuses, dedup methods)
    feeds.py     a configured feed, a parsed entry, a feed's state, one fetch
    pages.py     a fetched page, what extraction made of it
    articles.py  an article, its classification
    rounds.py    a round candidate, a round and its links, a matching plan, a replay
    dedup.py     a text signature and the duplicate decisions made on it
    alerts.py    an alert outbox row
    backfill.py  a time window, what a source listed for it, its `backfill_windows` row
    urls.py      a cached URL resolution
    errors.py    the error hierarchy
    shards.py    shards of the feed list
"""

from ingest.models.alerts import AlertRow, channel_id_from_key
from ingest.models.articles import Article, Classification
from ingest.models.base import (
    FUTURE_TOLERANCE,
    AlertKind,
    AlertStatus,
    DedupMethod,
    ExtractionStatus,
    Frozen,
    Label,
    RoundRole,
    RoundStatus,
)
from ingest.models.dedup import DedupItem, DuplicateDecision, StoredCandidates, StoredRoot, TextSignature
from ingest.models.feeds import FeedConfig, FeedEntry, FeedFetch, FeedHealth, FeedState
from ingest.models.pages import RAW_ENCODING, ExtractedPage, PageResult, RawEncoding
from ingest.models.rounds import (
    MATCHER_VERSION,
    OPENING_CHARS,
    LabelChange,
    RebuiltRounds,
    Round,
    RoundCandidate,
    RoundEvent,
    RoundLink,
    RoundPlan,
    RoundsDiff,
    SourceRef,
)
from ingest.models.urls import UrlResolution

__all__ = [
    "FUTURE_TOLERANCE",
    "MATCHER_VERSION",
    "OPENING_CHARS",
    "RAW_ENCODING",
    "AlertKind",
    "AlertRow",
    "AlertStatus",
    "Article",
    "Classification",
    "channel_id_from_key",
    "DedupItem",
    "DedupMethod",
    "DuplicateDecision",
    "ExtractedPage",
    "ExtractionStatus",
    "FeedConfig",
    "FeedEntry",
    "FeedFetch",
    "FeedHealth",
    "FeedState",
    "Frozen",
    "Label",
    "LabelChange",
    "PageResult",
    "RawEncoding",
    "RebuiltRounds",
    "Round",
    "RoundCandidate",
    "RoundEvent",
    "RoundLink",
    "RoundPlan",
    "RoundRole",
    "RoundStatus",
    "RoundsDiff",
    "SourceRef",
    "StoredCandidates",
    "StoredRoot",
    "TextSignature",
    "UrlResolution",
]
