"""The bundled sample end to end: one alert per watched fresh round, none for mentions or history.

Floors are set just under what `python benchmarks/sample_eval.py` measures (label accuracy 0.968,
pairwise precision 1.000 / recall 0.773: the one miss is a video page with a 7-word caption).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "sample_eval", Path(__file__).resolve().parent.parent / "benchmarks" / "sample_eval.py"
)
sample_eval = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(sample_eval)


def test_sample_rounds_and_alerts(tmp_path: Path, lw_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LAYOFFWATCH_FEEDS", "LAYOFFWATCH_DB", "LAYOFFWATCH_ALERT_URLS", "LAYOFFWATCH_ALERT_FRESHNESS_DAYS"):
        monkeypatch.setenv(name, "")  # restored after the test; run_sample sets its own values
    db, received, new = sample_eval.run_sample(tmp_path)
    figures = sample_eval.evaluate(db, received)
    assert new[1] == 0
    assert figures["rounds_with_wrong_alert_count"] == {}  # every watched fresh round alerted exactly once
    assert figures["non_reports_in_rounds"] == []  # mentions and traps never make rounds
    assert figures["alerts_sent"] == figures["webhook_received"] == 7
    assert figures["pair_precision"] == 1.0
    assert figures["pair_recall"] >= 0.75
    assert figures["label_accuracy"] >= 0.93


def test_the_worker_pool_path_gives_the_same_results(tmp_path: Path, lw_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages analysed in worker processes, in small chunks as they arrive, land exactly as inline."""
    for name in ("LAYOFFWATCH_FEEDS", "LAYOFFWATCH_DB", "LAYOFFWATCH_ALERT_URLS", "LAYOFFWATCH_ALERT_FRESHNESS_DAYS"):
        monkeypatch.setenv(name, "")
    monkeypatch.setenv("LAYOFFWATCH_EXTRACT_WORKERS", "2")
    inline_db, inline_received, _ = sample_eval.run_sample(tmp_path / "inline")
    # The sample is smaller than the default pool minimum: a pool from one page, in chunks of 5.
    monkeypatch.setenv("LAYOFFWATCH_POOL_MIN_PAGES", "1")
    monkeypatch.setenv("LAYOFFWATCH_CHUNK_PAGES", "5")
    pooled_db, pooled_received, new = sample_eval.run_sample(tmp_path / "pooled")
    assert new[1] == 0
    assert sample_eval.evaluate(pooled_db, pooled_received) == sample_eval.evaluate(inline_db, inline_received)
