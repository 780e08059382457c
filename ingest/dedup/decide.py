"""Duplicate decisions: the ladder url > exact > near for a batch against stored and earlier batch roots.

See `ingest.dedup` for the threshold's measurements and why the earliest copy is the root.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Final

from ingest.dedup.minhash import estimate_jaccard
from ingest.dedup.signatures import MIN_NEAR_SHINGLES
from ingest.models import DedupMethod
from ingest.models.dedup import (
    SIGNATURE_VERSION,
    DedupItem,
    DuplicateDecision,
    StoredCandidates,
    StoredRoot,
    TextSignature,
)

NEAR_THRESHOLD: Final = 0.5  # estimated Jaccard; see the `ingest.dedup` docstring for the measurements
MIN_EXACT_SHINGLES: Final = 4  # about 8 words: shorter texts ("Read more.") never match exactly
DEDUP_VERSION: Final = f"dedup1/{SIGNATURE_VERSION}/t{NEAR_THRESHOLD}"


def decide(batch: Sequence[DedupItem], stored: StoredCandidates) -> list[DuplicateDecision]:
    """Return one decision per duplicate in `batch` (roots get none), per the ladder url>exact>near."""
    # A repeated id is one article: the last occurrence wins, as in storage.articles.insert_articles
    # and storage.dedup.save. Oldest first, so the earliest copy in the batch becomes the root.
    unique = {i.article_id: i for i in batch}
    items = sorted(unique.values(), key=lambda i: (i.published_at, i.article_id))

    decisions: list[DuplicateDecision] = []
    # Roots first seen in this batch, indexed like storage indexes stored ones.
    batch_roots: dict[str, StoredRoot] = {}
    batch_url: dict[str, str] = {}
    batch_hash: dict[str, str] = {}
    batch_band: dict[tuple[int, int], list[str]] = {}

    for item in items:
        sig = item.signature
        if item.article_id in stored.processed:
            # Already decided in an earlier run: never re-decide (idempotent, no chains).
            previous = stored.decided.get(item.article_id)
            if previous is not None:
                decisions.append(previous)
            continue
        keys = tuple(enumerate(sig.bands))  # (band, bucket): the index keys, built once
        match = _match(item, keys, stored, batch_roots, batch_url, batch_hash, batch_band)
        if match is not None:
            decisions.append(match)
            root_id = match.duplicate_of
        else:
            root_id = item.article_id
            # model_construct: fields copied from an already validated signature.
            batch_roots[root_id] = StoredRoot.model_construct(
                article_id=root_id,
                published_at=item.published_at,
                shingle_count=sig.shingle_count,
                minhash=sig.minhash,
            )
            for key in keys:
                batch_band.setdefault(key, []).append(root_id)
        # URL and exact equality are transitive, so a copy's keys may point at its root.
        batch_url.setdefault(item.canonical_url, root_id)
        if _exact_eligible(sig):
            batch_hash.setdefault(sig.text_hash, root_id)
    return decisions


def _match(
    item: DedupItem,
    keys: tuple[tuple[int, int], ...],
    stored: StoredCandidates,
    batch_roots: dict[str, StoredRoot],
    batch_url: dict[str, str],
    batch_hash: dict[str, str],
    batch_band: dict[tuple[int, int], list[str]],
) -> DuplicateDecision | None:
    sig = item.signature
    own = item.article_id

    url_ids = [*stored.by_url.get(item.canonical_url, ()), batch_url.get(item.canonical_url)]
    chosen = _earliest(url_ids, own, stored, batch_roots)
    if chosen is not None:
        return _decision(own, chosen, "url", 1.0, 1.0)

    if _exact_eligible(sig):
        hash_ids = [*stored.by_hash.get(sig.text_hash, ()), batch_hash.get(sig.text_hash)]
        chosen = _earliest(hash_ids, own, stored, batch_roots)
        if chosen is not None:
            return _decision(own, chosen, "exact", 1.0, 1.0)

    if not keys:
        return None
    # Most of the 32 bands hit nothing: intersecting key views looks them up in C.
    candidates: set[str] = set()
    for key in stored.by_band.keys() & keys:
        candidates.update(stored.by_band[key])
    for key in batch_band.keys() & keys:
        candidates.update(batch_band[key])
    candidates.discard(own)
    best: tuple[float, tuple[int, datetime, str], str] | None = None
    for root_id in candidates:
        root = stored.roots.get(root_id) or batch_roots.get(root_id)
        if root is None or root.shingle_count < MIN_NEAR_SHINGLES:
            continue
        score = estimate_jaccard(sig.minhash, root.minhash)
        if score < NEAR_THRESHOLD:
            continue
        rank = _rank(root_id, stored, batch_roots)
        # Highest score wins; ties go to the stored, then earliest root (deterministic).
        if best is None or score > best[0] or (score == best[0] and rank < best[1]):
            best = (score, rank, root_id)
    if best is None:
        return None
    return _decision(own, best[2], "near", best[0], NEAR_THRESHOLD)


def _exact_eligible(sig: TextSignature) -> bool:
    return sig.shingle_count >= MIN_EXACT_SHINGLES


def _rank(
    root_id: str, stored: StoredCandidates, batch_roots: dict[str, StoredRoot]
) -> tuple[int, datetime, str]:
    # Stored roots come first: they were canonical before this batch and stay so (stability).
    if root_id in stored.roots or root_id not in batch_roots:
        root = stored.roots.get(root_id)
        return (0, (root.published_at if root and root.published_at else datetime.min), root_id)
    return (1, batch_roots[root_id].published_at or datetime.min, root_id)


def _earliest(
    ids: Iterable[str | None],
    own: str,
    stored: StoredCandidates,
    batch_roots: dict[str, StoredRoot],
) -> str | None:
    found = {i for i in ids if i is not None and i != own}
    if not found:
        return None
    return min(found, key=lambda i: _rank(i, stored, batch_roots))


def _decision(
    article_id: str, root_id: str, method: DedupMethod, score: float, threshold: float
) -> DuplicateDecision:
    return DuplicateDecision(
        article_id=article_id,
        duplicate_of=root_id,
        method=method,
        score=round(score, 6),
        threshold=threshold,
        dedup_version=DEDUP_VERSION,
    )
