"""A round's derived fields (date, units, headcount, status, counts), computed from its members alone.

* **Date** = the earliest date of its official (non-leak) full members, else of its leaks.
* **Headcount** = the best current figure among full members: a figure beats no figure, official
  beats leaked, a figure the company is cited for beats the press's, exact beats approximate beats
  a range; then the company's latest statement, or among press figures the one most outlets agree
  on, then the earliest. Parts (a unit's slice, a state's filing, a late follow-up) never set it.
* **Status** `confirmed` when a non-leak member cites the company or >= 2 distinct outlets report
  it without being leaks; else `reported`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ingest.models import RoundStatus
from ingest.rounds.facts import Member, point, seconds, specificity
from ingest.rounds.keys import unit_key


@dataclass(frozen=True)
class Aggregate:
    """Derived round fields; recomputed from the members after every join."""

    units: tuple[str, ...]
    unit_keys: frozenset[str]
    official_unit_keys: frozenset[str]  # the units its official (non-leak) full reports name
    announced_on: date
    headcount_member: Member | None
    text_member: Member | None
    headcount_official: bool
    status: RoundStatus
    source_count: int
    article_count: int
    evidence: str

    @property
    def headcount(self) -> int | None:
        m = self.headcount_member
        return None if m is None else point(m.facts)


def _units(full: Sequence[Member], company: str) -> tuple[tuple[str, ...], frozenset[str]]:
    units: list[str] = []
    keys: set[str] = set()
    seen_display: set[str] = set()
    for m in full:
        for unit in m.facts.units:
            key = unit_key(unit, company)
            display_key = key or unit.casefold().strip()
            if display_key in seen_display:
                continue
            seen_display.add(display_key)
            units.append(unit.strip())
            if key:
                keys.add(key)
    if keys:
        # A named unit says more than "corporate"; keep generic labels only when alone.
        units = [u for u in units if unit_key(u, company)]
    return tuple(units), frozenset(keys)


def _headcount_member(full: Sequence[Member]) -> Member | None:
    outlets_by_figure: dict[int, set[str]] = {}
    for m in full:
        figure = point(m.facts)
        if figure is not None:
            outlets_by_figure.setdefault(figure, set()).add(m.source or m.article_id)
    numbered = [m for m in full if point(m.facts) is not None]
    if not numbered:
        return None
    return min(
        numbered,
        key=lambda m: (
            m.is_leak,
            not m.cites_company,
            -specificity(m.facts),
            # The company's latest statement supersedes its earlier ones; among press figures
            # the one most outlets agree on wins, then the earliest.
            0 if m.cites_company else -len(outlets_by_figure[point(m.facts) or 0]),
            -seconds(m.published_at) if m.cites_company else seconds(m.published_at),
            m.article_id,
        ),
    )


def aggregate(members: Sequence[Member], company: str, prior_sources: int = 0, prior_articles: int = 0) -> Aggregate:
    """Return the round fields `members` make (`prior_*`: counts a row-only round brought along)."""
    full = [m for m in members if m.scope == "full"] or list(members)
    units, keys = _units(full, company)
    official = [m for m in full if not m.is_leak]
    headcount_member = _headcount_member(full)
    texted = [m for m in full if m.facts.headcount_text]
    text_member = headcount_member or (
        min(texted, key=lambda m: (m.is_leak, m.published_at, m.article_id)) if texted else None
    )
    real_sources = {m.source or m.article_id for m in members if not m.synthetic}
    official_sources = {m.source or m.article_id for m in members if not m.is_leak and not m.synthetic}
    prior_official = 1 if any(m.synthetic and not m.is_leak for m in members) else 0
    confirmed = any(m.cites_company for m in members if not m.is_leak) or (
        len(official_sources) + prior_official >= 2
    )
    evidence_member = next(
        (m for m in (headcount_member, *official, *full) if m is not None and m.facts.evidence), None
    )
    return Aggregate(
        units=units,
        unit_keys=keys,
        official_unit_keys=_units(official, company)[1],
        announced_on=min(m.on for m in (official or full)),
        headcount_member=headcount_member,
        text_member=text_member,
        headcount_official=headcount_member is not None and not headcount_member.is_leak,
        status="confirmed" if confirmed else "reported",
        source_count=len(real_sources) + prior_sources,
        article_count=sum(1 for m in members if not m.synthetic) + prior_articles,
        evidence=evidence_member.facts.evidence if evidence_member else "",
    )
