"""The bundled sample end to end: one alert per watched fresh round, none for mentions or history.

Floors are set just under what `python benchmarks/sample_eval.py` measures (label accuracy 0.968,
pairwise precision 1.000 / recall 0.773: the one miss is a video page with a 7-word caption).
"""

from __future__ import annotations

import importlib.util
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.conftest import isolate

_SPEC = importlib.util.spec_from_file_location(
    "sample_eval", Path(__file__).resolve().parent.parent / "benchmarks" / "sample_eval.py"
)
sample_eval = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(sample_eval)


# run_sample writes these into os.environ itself; monkeypatching them first restores them afterwards.
RUN_SAMPLE_SETS = ("LAYOFFWATCH_FEEDS", "LAYOFFWATCH_DB", "LAYOFFWATCH_ALERT_URLS", "LAYOFFWATCH_ALERT_FRESHNESS_DAYS")


class Run(NamedTuple):
    """A sample run: its figures and how many articles each of its two passes stored."""

    figures: dict[str, object]
    new: list[int]


def sample_run(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run the sample (twice over) into `folder`; return what it gave."""
    isolate(folder, monkeypatch)
    for name in RUN_SAMPLE_SETS:
        monkeypatch.setenv(name, "")
    db, received, new = sample_eval.run_sample(folder)
    return Run(sample_eval.evaluate(db, received), new)


@pytest.fixture(scope="module")
def inline() -> Iterator[Run]:
    """The sample analysed in the run's own process (fewer pages than the default pool minimum), once per module."""
    with pytest.MonkeyPatch.context() as monkeypatch, tempfile.TemporaryDirectory(prefix="lw-sample-") as folder:
        yield sample_run(Path(folder), monkeypatch)


def test_sample_rounds_and_alerts(inline: Run) -> None:
    figures = inline.figures
    assert inline.new[1] == 0
    assert figures["rounds_with_wrong_alert_count"] == {}  # every watched fresh round alerted exactly once
    assert figures["non_reports_in_rounds"] == []  # mentions and traps never make rounds
    assert figures["alerts_sent"] == figures["webhook_received"] == 7
    assert figures["pair_precision"] == 1.0
    assert figures["pair_recall"] >= 0.75
    assert figures["label_accuracy"] >= 0.93


@pytest.mark.slow  # the sample run again, through a worker pool (~3.5 s); test_sample_rounds_and_alerts keeps the sample in the default run
def test_the_worker_pool_path_gives_the_same_results(inline: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages analysed in worker processes, in small chunks as they arrive, land exactly as inline."""
    monkeypatch.setenv("LAYOFFWATCH_EXTRACT_WORKERS", "2")  # two workers whatever the machine's cores
    # The sample is smaller than the default pool minimum: a pool from one page, in chunks of 5.
    monkeypatch.setenv("LAYOFFWATCH_POOL_MIN_PAGES", "1")
    monkeypatch.setenv("LAYOFFWATCH_CHUNK_PAGES", "5")
    pooled = sample_run(tmp_path, monkeypatch)
    assert pooled.new[1] == 0
    assert pooled.figures == inline.figures
