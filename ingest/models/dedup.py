"""Deduplication: an article's text signature, a batch item, a duplicate decision, stored candidates.

The signature format lives here with the model that holds it: `SIGNATURE_VERSION` names the
shingle width, MinHash length and LSH banding that stored signatures were computed with, and
only signatures of one version are ever compared (see `ingest.dedup` for how they are made).
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from pydantic import BaseModel, ConfigDict

from ingest.models.base import DedupMethod

SHINGLE_SIZE: Final = 5  # words per shingle
NUM_PERM: Final = 128  # MinHash values; estimate std error sqrt(J(1-J)/128) <= 0.045
LSH_BANDS: Final = 32
LSH_ROWS: Final = 4  # LSH_BANDS * LSH_ROWS == NUM_PERM
SIGNATURE_VERSION: Final = f"sig1-w{SHINGLE_SIZE}-p{NUM_PERM}-b{LSH_BANDS}x{LSH_ROWS}"


class TextSignature(BaseModel):
    """Everything dedup needs to remember about one article's text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    article_id: str
    text_hash: str
    shingle_count: int
    minhash: tuple[int, ...]  # NUM_PERM values < 2**32, empty for empty text
    bands: tuple[int, ...]  # LSH_BANDS bucket hashes (uint64), empty when too short for near
    signature_version: str = SIGNATURE_VERSION


class DedupItem(BaseModel):
    """One newly ingested article offered to deduplication."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    article_id: str
    canonical_url: str
    published_at: datetime
    signature: TextSignature


class DuplicateDecision(BaseModel):
    """`article_id` is a copy of the canonical article `duplicate_of` (`duplicates` row)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    article_id: str
    duplicate_of: str
    method: DedupMethod
    score: float
    threshold: float
    dedup_version: str


class StoredRoot(BaseModel):
    """A stored canonical article that a batch item might duplicate."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    article_id: str
    published_at: datetime | None
    shingle_count: int
    minhash: tuple[int, ...]


class StoredCandidates(BaseModel):
    """What storage found for a batch: candidate roots by URL, text hash and LSH band."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    roots: dict[str, StoredRoot] = {}
    by_url: dict[str, tuple[str, ...]] = {}  # canonical_url -> root ids
    by_hash: dict[str, tuple[str, ...]] = {}  # text_hash -> root ids
    by_band: dict[tuple[int, int], tuple[str, ...]] = {}  # (band, bucket) -> root ids
    processed: frozenset[str] = frozenset()  # batch ids that already have a stored signature
    decided: dict[str, DuplicateDecision] = {}  # stored decisions of batch ids
