"""A round figure made exact by a later one within 10% (`figures.refine`). Figures written for the test."""

from __future__ import annotations

import pytest

from ingest.understanding.figures import refine
from ingest.understanding.headcount import find_amounts
from ingest.understanding.lexicon import lexicon


def _amount(text: str):  # noqa: ANN202 - the Amount of the text's one figure
    (amount,) = find_amounts(text, lexicon("en"))
    return amount


@pytest.mark.parametrize(
    ("first", "second", "value"),
    [
        ("to cut 8,000 jobs", "will terminate about 8,340 employees", 8340),  # not itself round: exact
        ("to cut 100 jobs", "cut by 108 posts", 108),
        ("nearly 2,200 jobs", "cut 2,198 jobs", 2198),  # an approximate figure stands for one just below it
        ("to cut 8,000 jobs", "cut 7,950 jobs", 8000),  # an exact round figure is no ceiling to go under
        ("to cut 8,000 jobs", "cut 8,500 jobs", 8000),  # round itself: another figure, not the exact one
        ("to cut 8,000 jobs", "cut 9,340 jobs", 8000),  # beyond 10%
    ],
)
def test_a_round_figure_is_made_exact_within_ten_percent(first: str, second: str, value: int) -> None:
    best = refine(_amount(first), _amount(second))
    assert best is not None and best.value == value
