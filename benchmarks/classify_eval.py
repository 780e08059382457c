"""Quality of the rules classifier on the labelled set tests/data/classify_dev.jsonl.

Usage:  .venv/bin/python benchmarks/classify_eval.py [--split dev|holdout|all] [--errors]

Prints, per split: per-label precision/recall/F1, macro F1, the confusion matrix, and fact
accuracies on items labelled layoff_report (companies and units as exact sets, headcount exact
match including min/max/pct where the item states them, announced_on, is_leak) plus company
accuracy on layoff_mention items. Seed items ({"seed": "000_....txt"}) are read from the seed
directory: $LAYOFFWATCH_SEEDS_DIR, else tests/data/seeds/, else /work/shared/seeds/.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ingest.understanding import classify_many, load_company_table
from ingest.models import Classification

ROOT = Path(__file__).resolve().parents[1]
DEV_PATH = ROOT / "tests" / "data" / "classify_dev.jsonl"
LABELS = ("layoff_report", "layoff_mention", "not_layoff")


def seeds_dir() -> Path | None:
    """Return the directory holding the seed articles, or None when none is available."""
    candidates = [os.environ.get("LAYOFFWATCH_SEEDS_DIR"), ROOT / "tests" / "data" / "seeds", "/work/shared/seeds"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


@dataclass(frozen=True)
class DevItem:
    """One labelled article (own text, or a seed read from disk)."""

    raw: dict[str, Any]
    title: str
    text: str
    published_at: datetime

    @property
    def id(self) -> str:
        return str(self.raw["id"])


def load_items(path: Path = DEV_PATH, include_seeds: bool = True) -> list[DevItem]:
    """Return the labelled items; seeds are skipped when their files are not available."""
    items = []
    seed_root = seeds_dir()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        if "seed" in raw:
            if not include_seeds or seed_root is None or not (seed_root / raw["seed"]).is_file():
                continue
            content = (seed_root / raw["seed"]).read_text(encoding="utf-8")
            if raw.get("title_from_first_line"):
                title, _, text = content.partition("\n")
            else:
                title, text = "", content
        else:
            title, text = raw["title"], raw["text"]
        items.append(DevItem(raw, title.strip(), text, datetime.fromisoformat(raw["published_at"])))
    return items


@dataclass
class Report:
    """Metrics for one split."""

    n: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    facts: dict[str, list[bool]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def prf(self, label: str) -> tuple[float, float, float]:
        tp = self.confusion[(label, label)]
        predicted = sum(v for (g, p), v in self.confusion.items() if p == label)
        actual = sum(v for (g, p), v in self.confusion.items() if g == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def macro_f1(self) -> float:
        return sum(self.prf(label)[2] for label in LABELS) / len(LABELS)

    def accuracy(self, fact: str) -> float:
        values = self.facts.get(fact, [])
        return sum(values) / len(values) if values else 0.0


def _fact_checks(raw: dict[str, Any], got: Classification) -> dict[str, bool]:
    """Return which facts of a gold layoff_report item the classifier got right."""
    headcount_ok = got.headcount == raw.get("headcount")
    for key in ("headcount_min", "headcount_max", "headcount_pct"):
        if key in raw:
            headcount_ok = headcount_ok and getattr(got, key) == raw[key]
    announced = date.fromisoformat(raw["announced_on"]) if raw.get("announced_on") else None
    return {
        "companies": set(got.companies) == set(raw["companies"]),
        "units": set(got.units) == set(raw.get("units", [])),
        "headcount": headcount_ok,
        "announced_on": got.announced_on == announced,
        "is_leak": got.is_leak == bool(raw.get("is_leak")),
    }


def evaluate(items: list[DevItem]) -> dict[str, Report]:
    """Return metrics per split ("dev", "holdout", "all") for the given items."""
    results = classify_many(
        [(i.id, i.title, i.text, i.published_at) for i in items], load_company_table()
    )
    reports = {"dev": Report(), "holdout": Report(), "all": Report()}
    for item, got in zip(items, results, strict=True):
        gold = item.raw["label"]
        for name in (item.raw.get("split", "dev"), "all"):
            rep = reports[name]
            rep.n += 1
            rep.confusion[(gold, got.label)] += 1
            if gold != got.label:
                rep.errors.append(f"{item.id}: gold {gold}, got {got.label} | {got.evidence[:140]}")
            if gold == "layoff_report":
                for fact, ok in _fact_checks(item.raw, got).items():
                    rep.facts.setdefault(fact, []).append(ok)
                    if not ok:
                        rep.errors.append(f"{item.id}: {fact} wrong: {_show(fact, got)} vs gold {_gold(fact, item.raw)}")
            elif gold == "layoff_mention":
                ok = set(got.companies) == set(item.raw["companies"])
                rep.facts.setdefault("mention_companies", []).append(ok)
                if not ok:
                    rep.errors.append(f"{item.id}: mention companies {got.companies} vs {item.raw['companies']}")
    return reports


def _show(fact: str, got: Classification) -> str:
    if fact == "headcount":
        return f"{got.headcount}/{got.headcount_min}/{got.headcount_max}/pct {got.headcount_pct} ({got.headcount_text!r})"
    return repr(getattr(got, fact))


def _gold(fact: str, raw: dict[str, Any]) -> str:
    if fact == "headcount":
        return f"{raw.get('headcount')}/{raw.get('headcount_min', '-')}/{raw.get('headcount_max', '-')}/pct {raw.get('headcount_pct', '-')}"
    return repr(raw.get(fact))


def render(name: str, rep: Report, show_errors: bool) -> str:
    """Return the printable metrics block for one split."""
    lines = [f"== {name}: {rep.n} items"]
    for label in LABELS:
        p, r, f = rep.prf(label)
        lines.append(f"  {label:15s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    lines.append(f"  macro F1 {rep.macro_f1():.3f}")
    lines.append("  confusion (rows gold, cols predicted): " + " / ".join(LABELS))
    for gold in LABELS:
        lines.append(f"    {gold:15s} " + " ".join(f"{rep.confusion[(gold, p)]:4d}" for p in LABELS))
    for fact in ("companies", "units", "headcount", "announced_on", "is_leak", "mention_companies"):
        values = rep.facts.get(fact, [])
        lines.append(f"  {fact + ' accuracy':28s} {rep.accuracy(fact):.3f}  ({sum(values)}/{len(values)})")
    if show_errors:
        lines += [f"    ! {e}" for e in rep.errors]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "holdout", "all", "every"), default="every")
    parser.add_argument("--errors", action="store_true", help="list misclassified items and wrong facts")
    args = parser.parse_args()
    items = load_items()
    reports = evaluate(items)
    names = ("dev", "holdout", "all") if args.split == "every" else (args.split,)
    print("\n\n".join(render(n, reports[n], args.errors) for n in names))


if __name__ == "__main__":
    main()
