"""Signatures: each article's text hash, shingle count, MinHash and LSH bands, a whole batch at a time.

Texts are normalised (`ingest.dedup.normalize`), cut into word SHINGLE_SIZE-shingles and hashed
(`ingest.dedup.minhash`); a group of texts is hashed in one numpy pass over all their words.
Texts with fewer than `MIN_NEAR_SHINGLES` shingles get no bands: they are never near-merged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import numpy as np

from ingest.dedup.minhash import band_buckets, combine_shingles, grouped_minhash, shingle_hashes, word_hashes
from ingest.dedup.normalize import hash_normalized, normalize_text
from ingest.models import Article
from ingest.models.dedup import LSH_BANDS, SHINGLE_SIZE, SIGNATURE_VERSION, DedupItem, TextSignature

MIN_NEAR_SHINGLES: Final = 60  # about 64 words: below this, only url/exact matches
_GROUP: Final = 256  # texts hashed together: bounds temporaries to a few MB per group


def signature(article_id: str, text: str) -> TextSignature:
    """Return the signature (hash, shingle count, MinHash, LSH bands) of one article's text."""
    return signatures([(article_id, text)])[0]


def signatures(texts: Iterable[tuple[str, str]]) -> list[TextSignature]:
    """Return signatures for (article_id, text) pairs, vectorised over the whole batch."""
    pairs = list(texts)
    out: list[TextSignature] = []
    for start in range(0, len(pairs), _GROUP):
        out.extend(_signature_group(pairs[start : start + _GROUP]))
    return out


def dedup_items(articles: Sequence[Article]) -> list[DedupItem]:
    """Return one DedupItem per article, signed on its text (its feed summary when it has none)."""
    sigs = signatures((a.article_id, a.text if a.text.strip() else a.summary) for a in articles)
    return [
        DedupItem(
            article_id=a.article_id,
            canonical_url=a.canonical_url,
            published_at=a.published_at,
            signature=sig,
        )
        for a, sig in zip(articles, sigs, strict=True)
    ]


def shingle_set(text: str) -> set[int]:
    """Return the exact set of shingle hashes of `text` (for measurements; decide() uses MinHash)."""
    return set(shingle_hashes(normalize_text(text)).tolist())


def _signature_group(pairs: Sequence[tuple[str, str]]) -> list[TextSignature]:
    """Signatures of a group of texts: one pass of numpy over all their words at once."""
    normalized = [normalize_text(text) for _, text in pairs]
    n_docs = len(pairs)
    counts = np.array([t.count(" ") + 1 if t else 0 for t in normalized], dtype=np.int64)
    joined = " ".join(t for t in normalized if t)
    words = word_hashes(joined) if joined else np.empty(0, dtype=np.uint64)
    doc_of_word = np.repeat(np.arange(n_docs), counts)

    # Shingles of SHINGLE_SIZE words that do not straddle two texts.
    parts_hash: list[np.ndarray] = []
    parts_doc: list[np.ndarray] = []
    if words.size >= SHINGLE_SIZE:
        span = words.size - SHINGLE_SIZE + 1
        inside = doc_of_word[:span] == doc_of_word[SHINGLE_SIZE - 1 :]
        parts_hash.append(combine_shingles(words, SHINGLE_SIZE)[inside])
        parts_doc.append(doc_of_word[:span][inside])
    firsts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    for doc in np.flatnonzero((counts > 0) & (counts < SHINGLE_SIZE)):
        # Texts shorter than one shingle are one shingle of all their words.
        own = words[firsts[doc] : firsts[doc] + counts[doc]]
        parts_hash.append(combine_shingles(own, own.size))
        parts_doc.append(np.array([doc]))
    shingles = np.concatenate(parts_hash) if parts_hash else np.empty(0, dtype=np.uint64)
    shingle_doc = np.concatenate(parts_doc) if parts_doc else np.empty(0, dtype=np.int64)

    # Distinct shingles per text, grouped by text: texts shorter than a shingle were appended
    # last, so put them in text order first; then each text's run is sorted on its own (in
    # place, 8x cheaper than one lexsort of the group on (text, shingle)).
    if len(parts_hash) > 1:
        order = np.argsort(shingle_doc, kind="stable")
        shingles, shingle_doc = shingles[order], shingle_doc[order]
    start = 0
    for end in np.cumsum(np.bincount(shingle_doc, minlength=n_docs)).tolist():
        shingles[start:end].sort()
        start = end
    keep = np.ones(shingles.size, dtype=bool)
    keep[1:] = (shingles[1:] != shingles[:-1]) | (shingle_doc[1:] != shingle_doc[:-1])
    shingles, shingle_doc = shingles[keep], shingle_doc[keep]
    shingle_counts = np.bincount(shingle_doc, minlength=n_docs)

    mins = grouped_minhash(shingles, shingle_counts)
    has_bands = shingle_counts >= MIN_NEAR_SHINGLES
    bands = np.zeros((n_docs, LSH_BANDS), dtype=np.uint64)
    if has_bands.any():
        bands[has_bands] = band_buckets(mins[has_bands])
    mins_list = mins.tolist()
    bands_list = bands.tolist()
    out = []
    for i, (article_id, _) in enumerate(pairs):
        count = int(shingle_counts[i])
        # model_construct: the values come straight from the arrays above, already typed;
        # validating 160 ints per text would cost more than computing them.
        out.append(TextSignature.model_construct(
            article_id=article_id,
            text_hash=hash_normalized(normalized[i]),
            shingle_count=count,
            minhash=tuple(mins_list[i]) if count else (),
            bands=tuple(bands_list[i]) if has_bands[i] else (),
            signature_version=SIGNATURE_VERSION,
        ))
    return out
