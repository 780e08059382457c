"""A round's summary line, e.g. "Amazon cuts 16,000 corporate jobs (announced 2026-01-28)"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ingest.models import Classification, RoundStatus

_COUNTABLE_END = re.compile(r"(\d|hundred|thousand|dozen|few|several)$", re.IGNORECASE)


def _units_phrase(units: Sequence[str]) -> str:
    if not units:
        return ""
    if len(units) == 1:
        return units[0]
    if len(units) <= 4:
        return ", ".join(units[:-1]) + " and " + units[-1]
    return ", ".join(units[:3]) + f" and {len(units) - 3} more units"


def _figure(facts: Classification) -> str | None:
    """The figure as a short phrase: "16,000", "about 500", "up to 30,000", "200-500"."""
    h, lo, hi = facts.headcount, facts.headcount_min, facts.headcount_max
    words = (facts.headcount_text or "").strip()
    if h is None and words and len(words) <= 30 and not any(ch.isdigit() for ch in words):
        return words.lower()  # a vague count says what the article said ("several hundred"), not 200-900
    if lo is not None and hi is not None and lo != hi:
        return f"{lo:,}-{hi:,}"
    if h is None and hi is not None:
        return f"up to {hi:,}"
    if h is None and lo is not None:
        return f"more than {lo:,}"
    if h is None:
        return None
    return f"about {h:,}" if facts.headcount_approx else f"{h:,}"


def round_title(
    company: str,
    units: Sequence[str],
    facts: Classification | None,
    headcount_text: str | None,
    status: RoundStatus,
    on: date,
    *,
    units_are_scope: bool = True,
) -> str:
    """Return a round's summary line, e.g. "Amazon cuts 16,000 corporate jobs (announced 2026-01-28)"."""
    named = [u for u in units if u]
    many = len(named) > 2
    unit_words = "" if many else _units_phrase(named)
    across = f" across {_units_phrase(named)}" if many else ""
    figure = _figure(facts) if facts else None
    if figure is not None and named and not units_are_scope:
        # A report giving the figure names none of these units (a company-wide 14,000 beside a story that
        # names AWS among the teams hit): they are part of it, not its scope.
        unit_words, across = "", f", including {_units_phrase(named)}"
    day = on.isoformat()
    if figure is not None:
        if status == "reported":
            jobs = " ".join(w for w in (figure, unit_words, "jobs") if w)
            return f"{company} reportedly plans to cut {jobs}{across} (reported {day})"
        if facts is not None and facts.is_leak:
            # Confirmed, but the only figure so far is the leaked one: say so.
            jobs = " ".join(w for w in (unit_words, "jobs") if w)
            return f"{company} cuts {jobs}{across}, reportedly {figure} (announced {day})"
        jobs = " ".join(w for w in (figure, unit_words, "jobs") if w)
        return f"{company} cuts {jobs}{across} (announced {day})"
    quantity = headcount_text
    if quantity and not _COUNTABLE_END.search(quantity):
        quantity += " of"  # "hundreds of AWS jobs", "a small number of", "about 5% of"
    what = " ".join(w for w in (quantity, unit_words, "jobs") if w)
    verb = "reportedly to be cut" if status == "reported" else "cut"
    return f"{company}: {what} {verb}{across} ({day})"
