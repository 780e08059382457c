"""Whether one report can belong to a round, and how well it fits: the pairwise rule of matching.

* **Window.** A report matches a round when its date is within `window_days` of the round's date.
  Later coverage still joins as a *part* (it never sets the round's date or headcount): a report
  repeating the round's figure for the same units up to `follow_up_days` after it, and a report
  that names an earlier announcement, a filing or affected workers (a WARN notice, "as part of the
  cuts", "employees were told") with a smaller figure or none, up to `reach_days` after it; such a
  follow-up may name a unit the round's reports did not when it quotes the round's figure ("AWS's
  share of the 9,000 cuts announced last month").
* **Units.** Generic units ("corporate", "company-wide", ...) count as no unit. Two unit sets are
  compatible when either is empty or they overlap, or when the figures show one action named
  differently: a leak and a company-scale official figure within it, or two company-scale figures
  that agree. A report naming some of a round's units with a smaller figure (Twitch's 400 inside
  Amazon's 9,000 of March 2023) joins as a *part*; a unit's own cut with its own figure
  (Twitch ~500, January 2024) does not join a company-wide round of a different size, but a unit's report
  giving a company-scale figure ("Amazon Games hit as part of 14,000 cuts") tells the company's action and is a
  part of a round naming no unit. A much smaller
  figure naming no unit (a WARN notice for one state) is a part as well, and so is a unit's report with no figure
  at all inside a company-scale round's window ("<Unit> hit by layoffs" beside 14,000 corporate cuts).
* **Headcounts** are compared as intervals (`facts.interval`); unknown ones fit anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.rounds.aggregate import Aggregate
from ingest.rounds.facts import Member, Scope, cites_figure, close, fmt, interval, overlap, point, told_apart
from ingest.rounds.keys import unit_keys

# Same-figure follow-ups must agree this closely to join after the announcement window.
_FOLLOW_UP_TOLERANCE = 0.05
# Figures from this size up are company-scale: two of them that agree are one action.
_COMPANY_SCALE = 1000


@dataclass(frozen=True)
class Match:
    """How a report fits a round: the score that ranks rounds, its scope there, and why."""

    score: float
    scope: Scope
    reason: str
    demotes: bool = False  # the report's figure makes the round's smaller figures parts of it


def leak_meets_official(round_member: Member | None, cand: Member) -> bool:
    """Return whether one side is a leak and the other an official company-scale figure within it.

    Leaks name the teams rumoured to be hit ("HR, devices, operations"); the announcement names
    others. A company-scale official figure between a quarter of the leak's figure and the figure
    itself is the leak confirmed, whatever units each names (30,000 leaked -> 14,000).
    """
    if round_member is None or round_member.is_leak == cand.is_leak:
        return False
    leak, official = (round_member, cand) if round_member.is_leak else (cand, round_member)
    leaked = point(leak.facts) or leak.facts.headcount_max
    confirmed = point(official.facts)
    return bool(leaked and confirmed and confirmed >= _COMPANY_SCALE and 0.25 * leaked <= confirmed <= 1.1 * leaked)


def _one_action(round_member: Member | None, cand: Member) -> bool:
    """Return whether the figures show one action although the named units differ."""
    if leak_meets_official(round_member, cand):
        return True
    if round_member is None:
        return False
    a, b = point(round_member.facts), point(cand.facts)
    return bool(a and b and min(a, b) >= _COMPANY_SCALE and close(a, b))


def score(
    agg: Aggregate, company: str, cand: Member, *, window_days: int, follow_up_days: int, reach_days: int
) -> Match | None:
    """Return how `cand` fits the round, or None when it cannot be the same layoff action."""
    gap = abs((cand.on - agg.announced_on).days)
    if gap > window_days:
        return _late(agg, company, cand, gap, follow_up_days, reach_days)
    c_keys = unit_keys(cand.facts.units, company)
    r_keys = agg.unit_keys
    disjoint = bool(c_keys and r_keys and not (c_keys & r_keys))
    if disjoint and not _one_action(agg.headcount_member, cand):
        return _unit_share(agg, cand, gap, window_days)
    hc = _headcount_fit(agg, cand, c_keys, r_keys)
    if hc is None:
        return None
    hc_score, scope, hc_reason, demotes = hc
    if disjoint:
        unit_score, unit_reason = 0.6, "the units named differ but the figures agree"
    elif c_keys == r_keys:
        unit_score, unit_reason = 1.0, "same units" if c_keys else "no specific unit"
    elif not c_keys or not r_keys:
        unit_score, unit_reason = 0.6, "one side names no unit"
    elif c_keys < r_keys or r_keys < c_keys:
        unit_score, unit_reason = 0.8, "units nested"
    else:
        unit_score, unit_reason = 0.7, "units overlap"
    date_score = 1 - gap / (window_days + 1)
    return Match(
        score=round(0.4 * date_score + 0.3 * unit_score + 0.3 * hc_score, 3),
        scope=scope,
        reason=f"{gap} day(s) from {agg.announced_on.isoformat()}; {unit_reason}; {hc_reason}",
        demotes=demotes,
    )


def _headcount_fit(
    agg: Aggregate, cand: Member, c_keys: frozenset[str], r_keys: frozenset[str]
) -> tuple[float, Scope, str, bool] | None:
    """Return (score, scope, reason, demotes) of the figures' fit, or None when they cannot agree."""
    hm = agg.headcount_member
    r_int = interval(hm.facts) if hm else None
    c_int = interval(cand.facts)
    round_point, cand_point = agg.headcount, point(cand.facts)
    if r_int is None or c_int is None:
        return 0.5, "full", "headcount unknown on one side", False
    if overlap(c_int, r_int):
        return (1.0 if close(cand_point, round_point) else 0.8), "full", f"headcount {fmt(cand_point)} ~ {fmt(round_point)}", False
    if hm is not None and hm.is_leak and leak_meets_official(hm, cand):
        # the round is so far a leak, and this is the official figure within it ("plans thousands more cuts", 30,000
        # reported, then "Amazon streicht weitere 16.000 Stellen"): the leak confirmed, whatever "more" says of the
        # rounds before it
        return 0.9, "full", f"the official {fmt(cand_point)} confirms the leaked {fmt(round_point)}", False
    # a unit's report giving a company-scale figure within the round's range ("Amazon Games hit as part of 14,000
    # cuts" beside 30,000 reported the day before, the range a leak and its confirmation share), or tying itself to
    # the round ("AWS to lose 2,500 jobs as part of Amazon cuts"), tells the company's action through one unit:
    # inside a round naming no unit, it is that round's. A unit's own cut, even of 1,500 (AWS, Whole Foods), is far
    # below a company round's figure and stays a round of its own, even quoting it ("days after Amazon's 14,000").
    company_told = not r_keys and cand_point is not None and cand_point >= _COMPANY_SCALE and round_point is not None and (
        cand_point >= 0.25 * round_point or cand.follow_up)
    if c_int[1] < r_int[0] and (not c_keys or c_keys & r_keys or company_told) and not told_apart(cand):
        # A smaller figure for some of the round's units (or for teams beside them: "UK retail
        # operations and devices"), or for no unit at all (a state's WARN notice, one site), is a
        # slice of this round rather than a round of its own.
        return 0.6, "part", f"{fmt(cand_point)} is part of the round's {fmt(round_point)}", False
    if r_int[1] < c_int[0] and not cand.is_leak and (not agg.official_unit_keys or (c_keys and r_keys < c_keys)):
        # The slice came first (by date): the whole it belongs to arrives now (units only a leak named do not make
        # the round a unit's: "AWS and Prime Video hit" leaked, then 16,000 company-wide).
        return 0.6, "full", f"the round's {fmt(round_point)} is part of {fmt(cand_point)}", True
    return None


def _late(agg: Aggregate, company: str, cand: Member, gap: int, follow_up_days: int, reach_days: int) -> Match | None:
    """Return the fit of a report dated after the window: a follow-up joins as a part, or nothing."""
    if cand.on < agg.announced_on or cand.is_leak or gap > reach_days:
        return None
    c_keys = unit_keys(cand.facts.units, company)
    round_point, cand_point = agg.headcount, point(cand.facts)
    # a report carrying a cut out follows this round when it gives no figure of its own or quotes the round's
    follow_up = cand.follow_up or (cand.executes and (interval(cand.facts) is None or cites_figure(cand, round_point)))
    if c_keys and not c_keys <= agg.unit_keys and not (cand.follow_up and cites_figure(cand, round_point)):
        return None
    day = agg.announced_on.isoformat()
    if close(cand_point, round_point, _FOLLOW_UP_TOLERANCE) and (gap <= follow_up_days or follow_up):
        return Match(score=0.5, scope="part", reason=f"follow-up {gap} days after {day} repeating {fmt(round_point)}")
    if not follow_up:
        return None
    hm = agg.headcount_member
    r_int = interval(hm.facts) if hm else None
    c_int = interval(cand.facts)
    if c_int is not None and (r_int is None or c_int[1] >= r_int[0]):
        return None
    return Match(score=0.45, scope="part", reason=f"follow-up {gap} days after {day} naming the round's action")


def _unit_share(agg: Aggregate, cand: Member, gap: int, window_days: int) -> Match | None:
    """Return the fit of a unit's report that gives no figure of its own, inside the window of a company-scale round
    naming other units ("<Unit> hit by layoffs" two days after 14,000 corporate cuts): a share of that round, not a
    round of its own. A unit's own figure, even a vague one ("several hundred AWS roles"), a leak, a report dated
    before the round, or one telling a new or separate action ("unrelated to the Amazon cuts") stays apart. (So a
    figureless unit story published before the company's announcement keeps a round of its own: the rule reads
    forward only.)"""
    if cand.is_leak or interval(cand.facts) is not None or cand.facts.headcount_text or cand.facts.headcount_pct:
        return None
    if cand.on < agg.announced_on or told_apart(cand):
        return None  # a unit's story before the round's announcement, or one telling a separate action
    if agg.headcount is None or agg.headcount < _COMPANY_SCALE:
        return None
    date_score = 1 - gap / (window_days + 1)
    return Match(score=round(0.4 * date_score + 0.3 * 0.4 + 0.3 * 0.5, 3), scope="part",
                 reason=f"{gap} day(s) from {agg.announced_on.isoformat()}; a unit's share of the round's "
                        f"{fmt(agg.headcount)}, no figure of its own")

