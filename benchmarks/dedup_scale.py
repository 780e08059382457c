"""Check 1,000 new articles against 100,000 stored ones (and against 1,000) through storage/dedup.py.

Run: python benchmarks/dedup_scale.py [--stored 100000] [--batch 1000] [--words 800]

Synthetic text from a seeded RNG over a Zipf-weighted vocabulary (no real articles needed).
Two DuckDB files are built: a large one with `--stored` articles and a small one with the
first `--small` of them (the same roots the batch copies). The same batch of `--batch` new
articles (`--words` words each; 10% near copies, 5% exact copies and 5% same-URL variants of
stored articles, the rest new) then goes through signatures -> load_candidates -> decide ->
save inside a transaction that is rolled back, so both files are measured in the same state.
Prints the time per new article by stage, the large/small ratio (target under 3x) and peak
memory (tracemalloc for Python/numpy allocations, ru_maxrss for the whole process, DuckDB
included).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import tracemalloc
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from ingest.urls import article_id_for, canonicalize
from ingest.dedup import MIN_EXACT_SHINGLES, DedupItem, decide, signatures
from ingest.models import Article
from storage.articles import insert_articles
from storage.db import connect, transaction
from storage.dedup import load_candidates, save

T0 = datetime(2025, 1, 1)
CHUNK = 10_000


class _Rollback(Exception):
    """Raised to leave `transaction` by its rollback path."""


@dataclass(frozen=True)
class Timing:
    signatures: float
    load: float
    decide: float
    save: float
    near: int
    exact: int
    url: int

    @property
    def total(self) -> float:
        return self.signatures + self.load + self.decide + self.save


def vocabulary(rng: np.random.Generator, size: int = 30_000) -> tuple[np.ndarray, np.ndarray]:
    """Pseudo-words and Zipf-like weights (a few very common words, a long tail)."""
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    lengths = rng.integers(2, 11, size=size)
    words = np.array(["".join(rng.choice(letters, size=n)) for n in lengths])
    weights = 1.0 / np.arange(1, size + 1) ** 1.05
    return words, weights / weights.sum()


def texts(rng: np.random.Generator, words: np.ndarray, p: np.ndarray, count: int, length: int) -> list[str]:
    """`count` texts of `length` words, in paragraphs of about 80 words."""
    picks = rng.choice(words.size, size=(count, length), p=p)
    out = []
    for row in picks:
        chunks = [" ".join(words[row[i : i + 80]]) + "." for i in range(0, length, 80)]
        out.append("\n".join(chunks))
    return out


def article(key: str, text: str, hours: float, url: str | None = None) -> Article:
    """A stored-article row; `url` gives it another article's link (a same-URL variant)."""
    link = url or f"https://site{zlib.crc32(key.encode()) % 97}.example.com/news/{key}"
    return Article(
        # the id comes from the feed link, which differs even when the page canonical agrees
        article_id=article_id_for(f"https://feed.example.com/{key}"), feed="bench", url=link,
        canonical_url=canonicalize(link), title=key, text=text,
        published_at=T0 + timedelta(hours=hours), fetched_at=T0 + timedelta(hours=hours, minutes=1),
    )


def process(con, articles: Sequence[Article]) -> tuple[Timing, list]:
    """Run one batch through the ladder; return stage timings."""
    started = time.perf_counter()
    sigs = signatures([(a.article_id, a.text) for a in articles])
    t_sig = time.perf_counter()
    items = [
        DedupItem(article_id=a.article_id, canonical_url=a.canonical_url, published_at=a.published_at, signature=s)
        for a, s in zip(articles, sigs, strict=True)
    ]
    stored = load_candidates(con, items, min_exact_shingles=MIN_EXACT_SHINGLES)
    t_load = time.perf_counter()
    decisions = decide(items, stored)
    t_decide = time.perf_counter()
    save(con, sigs, decisions)
    t_save = time.perf_counter()
    methods = [d.method for d in decisions]
    return Timing(t_sig - started, t_load - t_sig, t_decide - t_load, t_save - t_decide,
                  methods.count("near"), methods.count("exact"), methods.count("url")), decisions


def build(path: Path, stored: list[Article]) -> float:
    """Store and deduplicate `stored` in chunks; return seconds taken."""
    started = time.perf_counter()
    with connect(path) as con:
        for i in range(0, len(stored), CHUNK):
            chunk = stored[i : i + CHUNK]
            with transaction(con):
                insert_articles(con, chunk)
                process(con, chunk)
    return time.perf_counter() - started


def check(path: Path, batch: list[Article], *, trace: bool) -> tuple[Timing, int]:
    """Run the batch against a stored file and roll it back; return timings and traced peak bytes."""
    timing: Timing | None = None
    peak = 0
    with connect(path) as con:
        try:
            with transaction(con):
                insert_articles(con, batch)
                if trace:
                    tracemalloc.start()
                timing, _ = process(con, batch)
                if trace:
                    peak = tracemalloc.get_traced_memory()[1]
                    tracemalloc.stop()
                raise _Rollback
        except _Rollback:
            pass
    assert timing is not None
    return timing, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--stored-words", type=int, default=70,
                        help="length of stored texts: only their signatures matter here, and "
                        "70 words still give them bands (>= MIN_NEAR_SHINGLES)")
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()

    rng = np.random.default_rng(20260128)
    words, p = vocabulary(rng)
    started = time.perf_counter()
    stored_texts = texts(rng, words, p, args.stored, args.stored_words)
    stored = [article(f"s{i}", t, i * 0.01) for i, t in enumerate(stored_texts)]

    # The batch: copies of some of the first `small` stored articles, the rest new.
    n_near, n_exact, n_url = args.batch // 10, args.batch // 20, args.batch // 20
    fresh = texts(rng, words, p, args.batch - n_near - n_exact - n_url, args.words)
    batch: list[Article] = []
    hours = args.stored * 0.01 + 1
    for i in range(n_near):
        src = stored[i * 7 % args.small]
        body = src.text.split()
        for j in rng.choice(len(body), size=2, replace=False):  # a few edits + a new footer
            body[j] = "edited"
        batch.append(article(f"n{i}", " ".join(body) + "\nRepublished with permission from our partners.", hours + i))
    for i in range(n_exact):
        src = stored[(i * 11 + 3) % args.small]
        batch.append(article(f"e{i}", "  " + src.text.upper() + "\nRead more: other stories", hours + i))
    for i in range(n_url):
        src = stored[(i * 13 + 5) % args.small]
        batch.append(article(f"u{i}", "A different teaser for the same link.", hours + i, url=src.url + "?utm_source=x"))
    batch += [article(f"b{i}", t, hours + i) for i, t in enumerate(fresh)]
    print(f"generated {args.stored:,} stored + {len(batch):,} new texts in {time.perf_counter() - started:.1f} s")

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        large, small = Path(tmp) / "large.duckdb", Path(tmp) / "small.duckdb"
        print(f"building {args.stored:,} stored: {build(large, stored):.1f} s "
              f"({large.stat().st_size / 1e6:.0f} MB file)")
        print(f"building {args.small:,} stored: {build(small, stored[: args.small]):.1f} s")
        del stored, stored_texts  # the checks below need only the batch
        rss_build = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        results = {}
        for name, path in (("small", small), ("large", large)):
            check(path, batch, trace=False)  # warm-up: file cache, first-query planning
            results[name] = check(path, batch, trace=False)[0]
        _, peak_traced = check(large, batch, trace=True)

    n = len(batch)
    print(f"\nbatch of {n:,} new articles ({args.words} words, {n_near} near / {n_exact} exact / "
          f"{n_url} url copies planted), ms per new article:")
    print(f"  {'stored':>8} {'signature':>10} {'load':>8} {'decide':>8} {'save':>8} {'total':>8}"
          f"   found near/exact/url")
    for name, count in (("small", args.small), ("large", args.stored)):
        t = results[name]
        print(f"  {count:>8,} {t.signatures / n * 1e3:10.3f} {t.load / n * 1e3:8.3f} {t.decide / n * 1e3:8.3f}"
              f" {t.save / n * 1e3:8.3f} {t.total / n * 1e3:8.3f}   {t.near}/{t.exact}/{t.url}")
    ratio = results["large"].total / results["small"].total
    db_ratio = (results["large"].load + results["large"].save) / (results["small"].load + results["small"].save)
    print(f"\nratio large/small: total {ratio:.2f}x, database part (load+save) {db_ratio:.2f}x "
          f"(target < 3x) -> {'OK' if ratio < 3 else 'OVER TARGET'}")
    print(f"peak memory: traced Python/numpy during the large check {peak_traced / 1e6:.1f} MB; "
          f"process max RSS {rss_build:.0f} MB after generating and building, "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB at the end")


if __name__ == "__main__":
    main()
