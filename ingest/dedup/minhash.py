"""Stable hashing for signatures: word and shingle hashes, MinHash and LSH band buckets, in numpy.

Every hash is a fixed function of the text (multiply-shift and SplitMix64 over 64-bit words,
permutation constants derived from sha256), never of Python's salted `hash()` or an RNG stream,
so signatures stored in DuckDB stay comparable across processes and library upgrades.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Final

import numpy as np

from ingest.models.dedup import LSH_BANDS, LSH_ROWS, NUM_PERM, SHINGLE_SIZE


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """Finalizer of SplitMix64 on a uint64 array: a stable, well-mixed bijection."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


_POLY: Final = 0x100000001B3  # odd
_powers = np.cumprod(np.full(64, _POLY, dtype=np.uint64)) * np.uint64(pow(_POLY, -1, 1 << 64))


def _word_powers(size: int) -> np.ndarray:
    """POLY**i mod 2**64 for i < size (grown on demand to the longest word seen)."""
    global _powers
    if _powers.size < size:
        grown = np.cumprod(np.full(max(size, 2 * _powers.size), _POLY, dtype=np.uint64))
        _powers = grown * np.uint64(pow(_POLY, -1, 1 << 64))
    return _powers


def word_hashes(normalized: str) -> np.ndarray:
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


def combine_shingles(words: np.ndarray, width: int) -> np.ndarray:
    """Hash of each run of `width` consecutive word hashes (order-sensitive, mod 2**64)."""
    count = words.size - width + 1
    acc = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        acc = _splitmix64(acc * np.uint64(0xC2B2AE3D27D4EB4F) + words[offset : offset + count])
    return acc


def shingle_hashes(normalized: str) -> np.ndarray:
    """Distinct uint64 hashes of the word SHINGLE_SIZE-grams (one shingle for shorter texts)."""
    if not normalized:
        return np.empty(0, dtype=np.uint64)
    words = word_hashes(normalized)
    return np.unique(combine_shingles(words, min(SHINGLE_SIZE, words.size)))


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


def grouped_minhash(shingles: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """MinHash rows (n_texts x NUM_PERM) for shingles sorted by text; zero rows for empty texts."""
    n_docs = counts.size
    mins = np.zeros((n_docs, NUM_PERM), dtype=np.uint64)
    # One block buffer reused for every block: a fresh temporary per block costs more in page
    # faults than the arithmetic itself.
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


def band_buckets(mins: np.ndarray) -> np.ndarray:
    """One uint64 bucket hash per band of LSH_ROWS MinHash values (rows: texts, or one text)."""
    rows = mins.reshape(*mins.shape[:-1], LSH_BANDS, LSH_ROWS)
    acc = np.broadcast_to(_BAND_SEEDS, rows.shape[:-1]).copy()
    for col in range(LSH_ROWS):
        acc = _splitmix64(acc ^ rows[..., col])
    return acc


def estimate_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Return the MinHash estimate of the Jaccard similarity (0.0 when either is empty)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return float(np.count_nonzero(np.asarray(a, np.uint64) == np.asarray(b, np.uint64))) / len(a)
