"""The older labelled set (tests/data/classify_dev.jsonl): well-formed, and a coarse regression guard.

The classifier's quality is claimed on the frozen test split of the understanding corpus
(`benchmarks/understanding_eval.py --split test`, floors held by the lead), never on items the
rules were tuned on. This older set predates the rules-2 classifier and was not used to write it;
its floors sit well under what `python benchmarks/classify_eval.py --split all` measured when
CLASSIFIER_VERSION was set (macro F1 0.979, report F1 0.989), so that only a real regression
fails them. No test here asserts zero errors.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.classify_eval import DEV_PATH, LABELS, Report, evaluate, load_items

FLOORS = {
    "macro_f1": 0.90,
    "report_f1": 0.93,
    "companies": 0.93,
    "headcount": 0.80,
    "announced_on": 0.90,
    "is_leak": 0.88,
}


@pytest.fixture(scope="module")
def full() -> Report:
    return evaluate(load_items())["all"]


def test_labelled_set_is_well_formed() -> None:
    rows = [json.loads(line) for line in DEV_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 120
    assert len({r["id"] for r in rows}) == len(rows)
    holdout = sum(r["split"] == "holdout" for r in rows) / len(rows)
    assert 0.25 <= holdout <= 0.5
    required = {"id", "split", "label", "published_at", "companies", "units", "headcount", "announced_on", "is_leak", "note"}
    for row in rows:
        assert required <= set(row), row["id"]
        assert row["label"] in LABELS
        assert ("seed" in row) or (row["title"] and row["text"]), row["id"]
    assert {r["label"] for r in rows if r["split"] == "holdout"} == set(LABELS)


def test_label_quality_floors(full: Report) -> None:
    assert full.macro_f1() >= FLOORS["macro_f1"]
    assert full.prf("layoff_report")[2] >= FLOORS["report_f1"]


@pytest.mark.parametrize("fact", ["companies", "headcount", "announced_on", "is_leak"])
def test_fact_quality_floors(full: Report, fact: str) -> None:
    assert full.accuracy(fact) >= FLOORS[fact], f"{fact}: {full.accuracy(fact):.3f}"
