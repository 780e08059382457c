"""The extraction worker pool: forked warm from a forkserver, and it knows what to preload."""

from __future__ import annotations

import multiprocessing
import sys
import types

import pytest

from ingest.extract import extract_page
from ingest.workers import HEAVY_MODULES, preload_modules, process_pool


def test_preload_adds_a_main_run_with_dash_m_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # How Prefect workers start flow runs: `python -m prefect.engine`.
    engine = types.ModuleType("__main__")
    engine.__spec__ = types.SimpleNamespace(name="prefect.engine")
    monkeypatch.setitem(sys.modules, "__main__", engine)
    assert preload_modules() == ["__main__", "prefect.engine", *HEAVY_MODULES]

    # A package's __main__ (python -m pytest) and a script (layoffwatch) load through "__main__".
    engine.__spec__ = types.SimpleNamespace(name="pytest.__main__")
    assert preload_modules() == ["__main__", *HEAVY_MODULES]
    engine.__spec__ = None
    assert preload_modules() == ["__main__", *HEAVY_MODULES]


def test_pool_forks_from_the_forkserver_where_there_is_one_and_extracts() -> None:
    paragraphs = "".join(
        f"<p>Paragraph {i}: Acme said on Tuesday it would cut 300 jobs in its cloud unit, about {i}% of "
        f"the staff there, as part of a plan number {i * 7} to lower costs before the next quarter.</p>"
        for i in range(1, 9)
    )
    page = f"<html><head><title>Acme cuts jobs</title></head><body><article>{paragraphs}</article></body></html>".encode()
    with process_pool(2) as pool:
        expected = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        assert pool._mp_context.get_start_method() == expected
        results = list(pool.map(extract_page, ["https://example.com/a"] * 3, [page] * 3))
    assert [r.text for r in results] == [extract_page("https://example.com/a", page).text] * 3
    assert "cut 300 jobs" in results[0].text
