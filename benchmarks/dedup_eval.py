"""Measure the near-duplicate decision on the labelled pairs in tests/data/dedup_pairs.jsonl.

Run: python benchmarks/dedup_eval.py [--pairs PATH]

For every pair, article `a` is stored as a canonical root and `b` arrives later; the full
ladder (`ingest.dedup.decide`, LSH band lookup included) says whether `b` is linked to `a`.
Prints precision/recall of that decision at the configured NEAR_THRESHOLD, a table over
thresholds of the estimated-Jaccard rule, and per-kind distributions of the estimated and
exact Jaccard (5-word shingles), so the threshold choice in ingest/dedup/__init__.py is backed by numbers.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ingest.dedup import (
    MIN_NEAR_SHINGLES,
    NEAR_THRESHOLD,
    DedupItem,
    StoredCandidates,
    StoredRoot,
    decide,
    estimate_jaccard,
    shingle_set,
    signatures,
)

DEFAULT_PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "dedup_pairs.jsonl"
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
T0 = datetime(2026, 1, 28, 9, 0)


@dataclass(frozen=True)
class Scored:
    pid: str
    kind: str
    duplicate: bool
    estimate: float
    exact_jaccard: float
    same_hash: bool
    near_eligible: bool
    ladder: str | None  # method decide() used, None when not linked


def score_pairs(pairs: list[dict]) -> list[Scored]:
    """Return per-pair similarity figures and the ladder's verdict."""
    scored = []
    for pair in pairs:
        sig_a, sig_b = signatures([("a", pair["a"]), ("b", pair["b"])])
        set_a, set_b = shingle_set(pair["a"]), shingle_set(pair["b"])
        union = set_a | set_b
        exact = len(set_a & set_b) / len(union) if union else 0.0
        stored = StoredCandidates(
            roots={"a": StoredRoot(article_id="a", published_at=T0,
                                   shingle_count=sig_a.shingle_count, minhash=sig_a.minhash)},
            by_hash={sig_a.text_hash: ("a",)},
            by_band={(i, bucket): ("a",) for i, bucket in enumerate(sig_a.bands)},
        )
        item = DedupItem(article_id="b", canonical_url=f"https://example.com/{pair['id']}",
                         published_at=T0 + timedelta(hours=1), signature=sig_b)
        decisions = decide([item], stored)
        scored.append(Scored(
            pid=pair["id"], kind=pair["kind"], duplicate=pair["label"] == "duplicate",
            estimate=estimate_jaccard(sig_a.minhash, sig_b.minhash), exact_jaccard=exact,
            same_hash=sig_a.text_hash == sig_b.text_hash,
            near_eligible=bool(sig_a.bands) and bool(sig_b.bands),
            ladder=decisions[0].method if decisions else None,
        ))
    return scored


def precision_recall(predicted: list[bool], truth: list[bool]) -> tuple[float, float, int, int]:
    """Return precision, recall, false positives and false negatives."""
    tp = sum(p and t for p, t in zip(predicted, truth, strict=True))
    fp = sum(p and not t for p, t in zip(predicted, truth, strict=True))
    fn = sum(t and not p for p, t in zip(predicted, truth, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, fp, fn


def _spread(values: list[float]) -> str:
    if not values:
        return "-"
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    args = parser.parse_args()
    pairs = [json.loads(line) for line in args.pairs.read_text().splitlines() if line.strip()]
    scored = score_pairs(pairs)
    truth = [s.duplicate for s in scored]
    print(f"{len(scored)} pairs: {sum(truth)} duplicates, {len(truth) - sum(truth)} distinct "
          f"(near matching needs >= {MIN_NEAR_SHINGLES} shingles on both sides)")

    p, r, fp, fn = precision_recall([s.ladder is not None for s in scored], truth)
    print(f"\nFull ladder (decide, LSH lookup included) at NEAR_THRESHOLD={NEAR_THRESHOLD}: "
          f"precision {p:.2f}  recall {r:.2f}  false positives {fp}  false negatives {fn}")
    methods = defaultdict(int)
    for s in scored:
        methods[s.ladder or "none"] += 1
    print("  methods used: " + ", ".join(f"{k}={v}" for k, v in sorted(methods.items())))
    for s in scored:
        if (s.ladder is not None) != s.duplicate:
            verdict = "FALSE POSITIVE" if s.ladder else "missed"
            print(f"  {verdict:14s} {s.pid:28s} {s.kind:30s} est {s.estimate:.2f} exact {s.exact_jaccard:.2f}")

    print("\nThreshold table (exact hash, or both texts long enough and estimated J >= t):")
    print(f"  {'t':>5} {'precision':>9} {'recall':>7} {'FP':>3} {'FN':>3}   recall w/o paraphrases")
    non_spun = [s for s in scored if s.kind != "paraphrased_copy"]
    for t in THRESHOLDS:
        pred = [s.same_hash or (s.near_eligible and s.estimate >= t) for s in scored]
        p, r, fp, fn = precision_recall(pred, truth)
        pred2 = [s.same_hash or (s.near_eligible and s.estimate >= t) for s in non_spun]
        _, r2, _, _ = precision_recall(pred2, [s.duplicate for s in non_spun])
        marker = "  <- NEAR_THRESHOLD" if abs(t - NEAR_THRESHOLD) < 1e-9 else ""
        print(f"  {t:5.2f} {p:9.2f} {r:7.2f} {fp:3d} {fn:3d}   {r2:.2f}{marker}")

    print("\nEstimated | exact Jaccard by kind (min / median / max):")
    by_kind: dict[tuple[bool, str], list[Scored]] = defaultdict(list)
    for s in scored:
        by_kind[(s.duplicate, s.kind)].append(s)
    for (dup, kind), group in sorted(by_kind.items(), key=lambda kv: (not kv[0][0], kv[0][1])):
        label = "dup " if dup else "diff"
        print(f"  {label} {kind:30s} n={len(group):2d}  est {_spread([g.estimate for g in group])}"
              f"  | exact {_spread([g.exact_jaccard for g in group])}")
    dups = [s.estimate for s in scored if s.duplicate and s.kind != "paraphrased_copy"]
    diffs = [s.estimate for s in scored if not s.duplicate]
    print(f"\nHighest estimate among distinct pairs: {max(diffs):.2f}; "
          f"lowest among non-paraphrased duplicates: {min(dups):.2f}")
    errors = [s.estimate - s.exact_jaccard for s in scored]
    print(f"MinHash estimate - exact Jaccard: mean {statistics.mean(errors):+.3f}, "
          f"sd {statistics.pstdev(errors):.3f}, max |err| {max(abs(e) for e in errors):.3f}")


if __name__ == "__main__":
    main()
