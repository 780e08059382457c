"""Duplicate detection ladder: same canonical URL -> same normalised text -> near-identical text.

Only copies of the *same article* are linked here (a wire story republished with another
headline, intro line or footer; a page re-served with boilerplate; an update in place under a
new URL). Different articles about the same event stay separate: grouping them is round
matching's job, and it needs every outlet's own article to count sources.

How a near duplicate is found and verified
------------------------------------------
Text is normalised (`normalize_text`: NFKC, lower case, boilerplate lines such as "Read more",
newsletter and cookie prompts and copyright lines removed, punctuation dropped), cut into
word 5-shingles, and summarised by a 128-value MinHash (multiply-shift hashing over stable
64-bit shingle hashes, so signatures stored in DuckDB stay comparable across processes and
library upgrades). The MinHash is cut into 32 bands of 4 rows for LSH: two texts share at least
one band bucket with probability 1-(1-J^4)^32 -- 0.87 at J=0.5, 0.99 at J=0.6, 0.9997 at
J=0.7 -- so the band lookup finds nearly every pair above the threshold while unrelated
pairs (J < 0.1) almost never collide. A band hit is only a candidate: the decision is
made on the estimated Jaccard (fraction of equal MinHash values) against `NEAR_THRESHOLD`.

Threshold, from measurements (`python benchmarks/dedup_eval.py` on tests/data/dedup_pairs.jsonl:
81 hand-written pairs, 48 copies of one article and 33 pairs of different articles):

* different articles: same event, different outlets' own reporting (13 pairs) estimate at most
  0.03; same company, different news at most 0.02; unrelated 0.00. The hard negatives sit
  higher: two articles quoting the same long CEO memo 0.15 and 0.25 (true Jaccard up to 0.31),
  same-outlet market notes sharing a 70-word disclaimer 0.19..0.27.
* copies: wire story with new headline, dateline and outlet footer 0.65..0.94 (median 0.84;
  a footer plus headline already costs a 300-word story 15-35% of its shingles); rewritten
  intro 0.68..0.79; house-style edits with ad/related lines 0.73..0.93; updates in place
  that add a paragraph 0.64..0.84; reprints of the first half 0.57..0.66; a reprint of only
  the first 3 of 8 paragraphs 0.37. Content-farm paraphrases score 0.05: out of reach of
  shingles by design (round matching groups them by event).
* precision is 1.00 at every threshold from 0.3 to 0.95 (0.96 at 0.2: template and memo
  pairs). Recall without paraphrases: 1.00 at 0.3, 0.98 from 0.4 to 0.55, 0.93 at 0.6,
  0.80 at 0.7, 0.43 at 0.8 -- the textbook "0.8 on 5-shingles" would miss over half of the
  syndicated copies.
* chosen 0.5: 0.23 above the highest different-article estimate (about 5 standard errors of
  a 128-value estimate, sd 0.044 at J=0.5), below every copy except the heavy truncation.
  With 32x4 bands a copy at J=0.57 (the lowest measured above threshold) is a band
  candidate with probability 0.97, at J>=0.65 with 0.997.

Texts with fewer than `MIN_NEAR_SHINGLES` shingles (feed summaries, teasers) get no bands and are
never near-merged: two outlets' one-paragraph summaries of one event overlap heavily by
construction. They can still match on URL or exact text (of at least `MIN_EXACT_SHINGLES`).

Canonical copy and chains
-------------------------
The earliest-published copy is canonical and every copy links to that root (`duplicate_of`
never points at a duplicate). Roots are the only articles whose bands are stored and the only
near-match targets, so every near link is verified against the root itself (no drift through
A~B~C chains). Exception, chosen for stability: when a newly seen article was published
*earlier* than an already stored root, the stored root stays canonical and the new article is
linked to it. Re-pointing would rewrite old `duplicates` rows and could move round links and
alerts that already reference the stored root; the earlier publication time remains visible in
`articles.published_at`. Within one batch, items are processed oldest first, so the earliest
copy in the batch becomes the root. Articles already processed (a stored signature) are never
re-decided: their stored decision is returned unchanged, which makes reruns idempotent.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Final

import numpy as np
from pydantic import BaseModel, ConfigDict

from ingest.models import Article, DedupMethod

SHINGLE_SIZE: Final = 5  # words per shingle
NUM_PERM: Final = 128  # MinHash values; estimate std error sqrt(J(1-J)/128) <= 0.045
LSH_BANDS: Final = 32
LSH_ROWS: Final = 4  # LSH_BANDS * LSH_ROWS == NUM_PERM
NEAR_THRESHOLD: Final = 0.5  # estimated Jaccard; see module docstring for the measurements
MIN_NEAR_SHINGLES: Final = 60  # about 64 words: below this, only url/exact matches
MIN_EXACT_SHINGLES: Final = 4  # about 8 words: shorter texts ("Read more.") never match exactly
SIGNATURE_VERSION: Final = f"sig1-w{SHINGLE_SIZE}-p{NUM_PERM}-b{LSH_BANDS}x{LSH_ROWS}"
DEDUP_VERSION: Final = f"dedup1/{SIGNATURE_VERSION}/t{NEAR_THRESHOLD}"

# A line is boilerplate when it *starts* with one of these (after bullets/punctuation) and is
# short; matching whole lines keeps article sentences that merely contain the words.
_BOILERPLATE_START = re.compile(
    r"^(?:read (?:more|next|also|the full (?:story|article))|also read|see also"
    # Section labels only as a label ("Related:", "More stories") -- not "Related to the cuts..."
    r"|(?:related|more stories|more from [\w ]+|latest (?:articles|news|stories)|recommended"
    r"|recommended for you|most (?:popular|read)|trending(?: now)?|top stories|comments?"
    r"|advertisement|sponsored(?: content)?|share this (?:article|story)|no comments yet)"
    r"\s*(?::|$|\(\d+\))"
    r"|related (?:articles|stories|coverage|content|news)\b"
    r"|sign up (?:for|to)\b|subscribe (?:to|now|for|today)\b|get (?:the|our)\b.*\bnewsletter"
    r"|follow us\b|like us on|share (?:on|via) |click here|tap here|leave a (?:comment|reply)"
    r"|listen to this (?:article|story)|\d+ min(?:ute)?s? read|(?:photo|image|photograph|picture"
    r"|video|caption|credit)\s*:|file photo|copyright\b|\(c\) \d{4}|\u00a9"
    r"|this (?:article|story) (?:was|is|has been|first) (?:originally )?(?:published|appeared)"
    r"|originally published|(?:reporting|writing|editing|additional reporting) by\b"
    r"|stay ahead of the|download (?:our|the) app|get the app|we use cookies|this site uses cookies"
    r"|accept (?:all )?cookies|(?:please )?enable javascript|already a subscriber"
    r"|to continue reading|(?:log|sign) in to (?:continue|read)|create a free account"
    r"|privacy policy|terms of (?:use|service)|cookie policy)",
    re.IGNORECASE,
)
# Anywhere in a short line: copyright notices and inbox prompts often follow the outlet name.
_BOILERPLATE_ANYWHERE = re.compile(
    r"all rights reserved|delivered to your inbox|straight to your inbox", re.IGNORECASE
)
_BOILERPLATE_MAX_WORDS: Final = 25
_LEADING_JUNK = re.compile(r"^[\W_]+", re.UNICODE)
# Separator first (then the digit before it, by lookbehind): sre skips to candidate separators
# quickly instead of trying a match at every character (5x faster on article text).
_THOUSANDS = re.compile(r"[,.\u00a0\u202f'](?<=\d.)(?=\d{3}\b)")
# ASCII letters and digits stay, every other ASCII byte becomes a space; bytes >= 0x80 (parts
# of UTF-8 sequences) are left for the regex.
_ASCII_SEPARATORS = bytes(c if chr(c).isalnum() or c >= 0x80 else 0x20 for c in range(256))
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


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


# --- text ----------------------------------------------------------------------------------


def normalize_text(text: str) -> str:
    """Return the text NFKC-folded, lower-cased, without boilerplate lines or punctuation."""
    text = unicodedata.normalize("NFKC", text)
    kept: list[str] = []
    for raw in text.splitlines():
        stripped = raw.strip()
        line = _LEADING_JUNK.sub("", stripped)  # bullets, dashes, quotes before a label
        if not line:
            continue
        # Bounded split: a 150-word paragraph needs 26 words to be ruled out, not all of them split.
        if len(line.split(None, _BOILERPLATE_MAX_WORDS)) <= _BOILERPLATE_MAX_WORDS and (
            _BOILERPLATE_START.match(line)
            or _BOILERPLATE_START.match(stripped)  # "© 2026 ..." starts with a non-word char
            or _BOILERPLATE_ANYWHERE.search(line)
        ):
            continue
        kept.append(line)
    joined = _THOUSANDS.sub("", " ".join(kept).lower())  # "16,000" and "16000" agree
    return " ".join(_words(joined))


def _words(lowered: str) -> list[str]:
    """Runs of letters and digits (what `_WORD` finds), with a fast path for the ASCII part.

    bytes.translate turns ASCII punctuation into spaces in C; only tokens that still hold
    non-ASCII characters (curly quotes, dashes, accented letters) go through the regex.
    """
    spaced = lowered.encode("utf-8").translate(_ASCII_SEPARATORS).decode("utf-8")
    if spaced.isascii():
        return spaced.split()
    words: list[str] = []
    for token in spaced.split():
        if token.isascii():
            words.append(token)
        else:
            words.extend(_WORD.findall(token))
    return words


def text_hash(text: str) -> str:
    """Return the hex sha256 (32 chars) of `normalize_text(text)`: equal for exact copies."""
    return _hash_normalized(normalize_text(text))


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


def estimate_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Return the MinHash estimate of the Jaccard similarity (0.0 when either is empty)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return float(np.count_nonzero(np.asarray(a, np.uint64) == np.asarray(b, np.uint64))) / len(a)


def shingle_set(text: str) -> set[int]:
    """Return the exact set of shingle hashes of `text` (for measurements; decide() uses MinHash)."""
    return set(_shingle_hashes(normalize_text(text)).tolist())


# --- decisions -----------------------------------------------------------------------------


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


# --- hashing -------------------------------------------------------------------------------


def _hash_normalized(normalized: str) -> str:
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:32]


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """Finalizer of SplitMix64 on a uint64 array: a stable, well-mixed bijection."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


_POLY: Final = 0x100000001B3  # odd
_powers = np.cumprod(np.full(64, _POLY, dtype=np.uint64)) * np.uint64(pow(_POLY, -1, 1 << 64))
_GROUP: Final = 256  # texts hashed together: bounds temporaries to a few MB per group


def _word_powers(size: int) -> np.ndarray:
    """POLY**i mod 2**64 for i < size (grown on demand to the longest word seen)."""
    global _powers
    if _powers.size < size:
        grown = np.cumprod(np.full(max(size, 2 * _powers.size), _POLY, dtype=np.uint64))
        _powers = grown * np.uint64(pow(_POLY, -1, 1 << 64))
    return _powers


def _word_hashes(normalized: str) -> np.ndarray:
    """A stable uint64 hash per word of a normalised text, computed without a Python loop.

    Each word's bytes b_0..b_L-1 hash to sum(b_j * POLY**j) mod 2**64 (a per-word segment
    sum over the whole text), mixed with the word length through SplitMix64.
    """
    data = np.frombuffer(normalized.encode("utf-8"), dtype=np.uint8)
    is_space = data == 32
    spaces = np.flatnonzero(is_space)
    starts = np.concatenate(([0], spaces + 1))
    ends = np.concatenate((spaces, [data.size]))
    lengths = ends - starts
    offset = np.arange(data.size) - starts[np.cumsum(is_space)]
    offset[is_space] = 0  # separators weigh 0 below; keep their index in range
    values = data.astype(np.uint64) * _word_powers(int(lengths.max()) + 1)[offset]
    values[is_space] = 0
    hashes = np.add.reduceat(values, starts)
    return _splitmix64(hashes ^ (lengths.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)))


def _combine_shingles(words: np.ndarray, width: int) -> np.ndarray:
    """Hash of each run of `width` consecutive word hashes (order-sensitive, mod 2**64)."""
    count = words.size - width + 1
    acc = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        acc = _splitmix64(acc * np.uint64(0xC2B2AE3D27D4EB4F) + words[offset : offset + count])
    return acc


def _shingle_hashes(normalized: str) -> np.ndarray:
    """Distinct uint64 hashes of the word SHINGLE_SIZE-grams (one shingle for shorter texts)."""
    if not normalized:
        return np.empty(0, dtype=np.uint64)
    words = _word_hashes(normalized)
    return np.unique(_combine_shingles(words, min(SHINGLE_SIZE, words.size)))


def _signature_group(pairs: Sequence[tuple[str, str]]) -> list[TextSignature]:
    """Signatures of a group of texts: one pass of numpy over all their words at once."""
    normalized = [normalize_text(text) for _, text in pairs]
    n_docs = len(pairs)
    counts = np.array([t.count(" ") + 1 if t else 0 for t in normalized], dtype=np.int64)
    joined = " ".join(t for t in normalized if t)
    words = _word_hashes(joined) if joined else np.empty(0, dtype=np.uint64)
    doc_of_word = np.repeat(np.arange(n_docs), counts)

    # Shingles of SHINGLE_SIZE words that do not straddle two texts.
    parts_hash: list[np.ndarray] = []
    parts_doc: list[np.ndarray] = []
    if words.size >= SHINGLE_SIZE:
        span = words.size - SHINGLE_SIZE + 1
        inside = doc_of_word[:span] == doc_of_word[SHINGLE_SIZE - 1 :]
        parts_hash.append(_combine_shingles(words, SHINGLE_SIZE)[inside])
        parts_doc.append(doc_of_word[:span][inside])
    firsts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    for doc in np.flatnonzero((counts > 0) & (counts < SHINGLE_SIZE)):
        # Texts shorter than one shingle are one shingle of all their words.
        own = words[firsts[doc] : firsts[doc] + counts[doc]]
        parts_hash.append(_combine_shingles(own, own.size))
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

    mins = _grouped_minhash(shingles, shingle_counts)
    has_bands = shingle_counts >= MIN_NEAR_SHINGLES
    bands = np.zeros((n_docs, LSH_BANDS), dtype=np.uint64)
    if has_bands.any():
        bands[has_bands] = _band_buckets(mins[has_bands])
    mins_list = mins.tolist()
    bands_list = bands.tolist()
    out = []
    for i, (article_id, _) in enumerate(pairs):
        count = int(shingle_counts[i])
        # model_construct: the values come straight from the arrays above, already typed;
        # validating 160 ints per text would cost more than computing them.
        out.append(TextSignature.model_construct(
            article_id=article_id,
            text_hash=_hash_normalized(normalized[i]),
            shingle_count=count,
            minhash=tuple(mins_list[i]) if count else (),
            bands=tuple(bands_list[i]) if has_bands[i] else (),
            signature_version=SIGNATURE_VERSION,
        ))
    return out


def _perm_params() -> tuple[np.ndarray, np.ndarray]:
    # Fixed, version-tied constants derived from sha256: never from an RNG whose stream
    # could change with a numpy upgrade (stored signatures must stay comparable).
    a = np.empty(NUM_PERM, dtype=np.uint64)
    b = np.empty(NUM_PERM, dtype=np.uint64)
    for i in range(NUM_PERM):
        digest = hashlib.sha256(f"layoffwatch-minhash-{i}".encode()).digest()
        a[i] = int.from_bytes(digest[:8], "little") | 1  # odd multiplier
        b[i] = int.from_bytes(digest[8:16], "little")
    return a, b


_PERM_A, _PERM_B = _perm_params()
_PERM_A_COL = _PERM_A[:, None]
_PERM_B_COL = _PERM_B[:, None]
_CHUNK: Final = 4096  # shingles per step: bounds the (NUM_PERM x chunk) temporary to 4 MB


def _minhash(shingles: np.ndarray) -> np.ndarray:
    """NUM_PERM minima of multiply-add-shift hashes (high 32 bits of a*x+b mod 2**64)."""
    return _raw_minhash(shingles) >> np.uint64(32)


def _raw_minhash(shingles: np.ndarray) -> np.ndarray:
    """NUM_PERM minima of a*x+b mod 2**64, before the final shift."""
    mins = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    buf = np.empty((NUM_PERM, min(_CHUNK, shingles.size)), dtype=np.uint64)
    for start in range(0, shingles.size, _CHUNK):
        chunk = shingles[start : start + _CHUNK]
        out = buf[:, : chunk.size]
        np.multiply(_PERM_A_COL, chunk[None, :], out=out)
        np.add(out, _PERM_B_COL, out=out)
        # min of the full values, then the shift: x -> x >> 32 is monotone, so it commutes.
        np.minimum(mins, out.min(axis=1), out=mins)
    return mins


def _grouped_minhash(shingles: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """MinHash rows (n_texts x NUM_PERM) for shingles sorted by text; zero rows for empty texts."""
    n_docs = counts.size
    mins = np.zeros((n_docs, NUM_PERM), dtype=np.uint64)
    # One block buffer reused for every block: a fresh 4 MB temporary per block cost more in page
    # faults than the arithmetic itself (0.9 -> 0.35 ms per article).
    buf = np.empty((NUM_PERM, min(_CHUNK, int(counts.sum()) or 1)), dtype=np.uint64)
    ends = np.cumsum(counts)
    starts = ends - counts
    doc = 0
    while doc < n_docs:
        if counts[doc] == 0:
            doc += 1
            continue
        if counts[doc] >= _CHUNK:  # a long text on its own, in bounded steps
            mins[doc] = _raw_minhash(shingles[starts[doc] : ends[doc]])
            doc += 1
            continue
        # Several texts in one (NUM_PERM x columns) block, reduced per text with reduceat.
        last = doc
        while last + 1 < n_docs and counts[last + 1] < _CHUNK and ends[last + 1] - starts[doc] <= _CHUNK:
            last += 1
        members = np.arange(doc, last + 1)
        members = members[counts[members] > 0]
        block = shingles[starts[doc] : ends[last]]
        values = buf[:, : block.size]
        np.multiply(_PERM_A_COL, block[None, :], out=values)
        np.add(values, _PERM_B_COL, out=values)
        mins[members] = np.minimum.reduceat(values, starts[members] - starts[doc], axis=1).T
        doc = last + 1
    return mins >> np.uint64(32)


_BAND_SEEDS = _splitmix64(np.arange(1, LSH_BANDS + 1, dtype=np.uint64) * np.uint64(0xD6E8FEB86659FD93))


def _band_buckets(mins: np.ndarray) -> np.ndarray:
    """One uint64 bucket hash per band of LSH_ROWS MinHash values (rows: texts, or one text)."""
    rows = mins.reshape(*mins.shape[:-1], LSH_BANDS, LSH_ROWS)
    acc = np.broadcast_to(_BAND_SEEDS, rows.shape[:-1]).copy()
    for col in range(LSH_ROWS):
        acc = _splitmix64(acc ^ rows[..., col])
    return acc
