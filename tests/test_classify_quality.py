"""Quality floors of the rules classifier on the labelled set (a regression here fails CI).

The floors sit slightly below the figures measured with `python benchmarks/classify_eval.py`
on the full set (dev + holdout) when CLASSIFIER_VERSION was set; raise them when rules improve.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.classify_eval import DEV_PATH, LABELS, Report, evaluate, load_items

FLOORS = {
    "macro_f1": 0.97,
    "label_f1": 0.95,
    "companies": 0.97,
    "units": 0.93,
    "headcount": 0.95,
    "announced_on": 0.96,
    "is_leak": 0.96,
    "mention_companies": 0.92,
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
    for label in LABELS:
        assert full.prf(label)[2] >= FLOORS["label_f1"], label


@pytest.mark.parametrize("fact", ["companies", "units", "headcount", "announced_on", "is_leak", "mention_companies"])
def test_fact_quality_floors(full: Report, fact: str) -> None:
    assert full.accuracy(fact) >= FLOORS[fact], f"{fact}: {full.accuracy(fact):.3f}"


def test_no_report_is_missed_or_invented(full: Report) -> None:
    # The alert path depends on layoff_report: mistakes in either direction are the costly ones.
    assert full.confusion[("layoff_report", "not_layoff")] == 0
    assert full.confusion[("not_layoff", "layoff_report")] == 0
