"""Group `layoff_report` articles into layoff rounds: one real-world layoff action by one company.

Pure and deterministic: `match_rounds` takes the open rounds (with their member articles) and a
batch of candidates and returns a `RoundPlan` (new/updated rounds, links, events). Storage turns
the plan into rows; `ingest.alerts.plan_alerts` turns its events into outbox rows.

Design decisions (the lead may want to know them):

* **Primary company.** A candidate joins a round of its *first* company only
  (`classification.companies[0]`, the classifier lists the acting parent first).
  `round_articles` is keyed by `article_id`, so an article belongs to exactly one round.
* **Existing state.** A `Round` row alone cannot tell which outlets were already counted or
  whether its headcount is an official figure. Pass `members` (round_id -> the member articles as
  `RoundCandidate`s, see `storage.rounds.load_round_members`): the round's aggregates are then
  recomputed from all members, so source counting stays exact and re-runs are idempotent
  (candidates already linked are skipped). Without members a round is seeded from its row
  (its `source_count` is trusted and new outlets are added on top; may over-count).
* **Window.** A candidate matches a round when its date (`announced_on`, else the publication
  date) is within `window_days` of the round's `announced_on` (the earliest official date, else the
  earliest leak date). Follow-up coverage repeating the *same* figure for the *same* units
  ("Amazon begins cutting the 18,000 jobs") also matches up to `follow_up_days` (default 4x window).
* **Units.** Generic units ("corporate", "company-wide", ...) count as no unit. Two unit sets are
  compatible when either is empty or they overlap. A candidate naming only some of a round's units
  with a smaller figure (Twitch's 400 inside Amazon's 9,000 of March 2023) joins as a *part*: it
  counts as a source but never sets the round's headcount. A unit-specific cut with its own figure
  (Twitch ~500, January 2024) does not join a company-wide round of a different size. A much
  smaller figure naming no unit (a WARN notice for one state) joins as a part as well.
* **Headcounts.** Figures are compared as intervals: "as many as 30,000" covers 10,000-30,000,
  approximate figures get +-20-25 %, leaked figures are widened further (leaks overshoot), and a
  30 % tolerance absorbs rounding and revisions between outlets. Unknown headcounts are
  compatible with anything.
* **Round headcount** = the best current figure among full members: a figure beats no figure,
  official (non-leak) beats leaked, a figure the company is cited for beats the press's, exact
  beats approximate beats a range; then the company's latest statement, or among press figures
  the one most outlets agree on, then the earliest.
* **Status.** `confirmed` when a non-leak member cites the company (confirm/spokesperson/statement/
  memo/announce/blog post/filing/WARN in its title or evidence) or >= 2 distinct outlets report it
  without being leaks; else `reported`.
* **Events** compare against the stored round: a round created in this plan gets one `new_round`
  event (its final state, even when a leak and the official figure arrive in the same batch); an
  existing round whose status or headcount changed gets one `round_update` event.
* **Ids.** `round_id` = "r_" + 12 hex of sha256(company key + first article_id); candidates are
  processed in (published_at, article_id) order, so the same input always gives the same plan.
* **Times.** A new round's `first_seen_at` is `now` (when the pipeline first saw it, so re-labelled
  or back-filled old articles look old to the freshness rule); `last_seen_at` is `now` whenever an
  article joins.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, datetime
from typing import Literal

from ingest.models import (
    AlertKind,
    Classification,
    Frozen,
    Round,
    RoundCandidate,
    RoundLink,
    RoundRole,
    RoundStatus,
)

MATCHER_VERSION = "rounds-2026.1"

# Relative tolerance between figures within the window: outlets round and revise ("about 10,000"
# vs "12,500"); distinct rounds of one company in one week rarely have sizes this close.
_TOLERANCE = 0.3
# Same-figure follow-ups must agree this closely to extend past the announcement window.
_FOLLOW_UP_TOLERANCE = 0.05
_MAX_SOURCES_IN_PLAN = 3
_EPOCH = datetime(1970, 1, 1)

_GENERIC_UNITS = frozenset(
    {
        "",
        "all",
        "company",
        "companywide",
        "company wide",
        "corporate",
        "corporate employees",
        "corporate jobs",
        "corporate roles",
        "corporate staff",
        "corporate workforce",
        "employees",
        "global",
        "headquarters",
        "hq",
        "office",
        "staff",
        "tech",
        "white collar",
        "workforce",
    }
)
_UNIT_ALIASES = {
    "amazon web services": "aws",
    "web services": "aws",
    "selling partner services": "sps",
    "selling partner services sps": "sps",
    "people experience and technology": "pxt",
    "people experience and technology pxt": "pxt",
    "human resources": "pxt",
    "hr": "pxt",
    "mgm studios": "mgm",
    "amazon mgm studios": "mgm",
    "prime video and amazon mgm studios": "prime video",
    "devices and services": "devices",
    "amazon devices": "devices",
    "ads": "advertising",
}
_UNIT_SUFFIX = re.compile(r"\s+(division|unit|team|teams|group|business|organization|org|department|arm)$")
_COMPANY_SUFFIX = re.compile(r"(\.com|,?\s+(inc|corp|corporation|co|ltd|llc|plc))\.?$")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_COUNTABLE_END = re.compile(r"(\d|hundred|thousand|dozen|few|several)$", re.IGNORECASE)
# A non-leak article citing the company itself confirms the round on its own.
_CITES_COMPANY = re.compile(
    r"\b(confirm\w*|spokes(?:person|woman|man)|statement|memo|blog post|announc\w*|"
    r"told (?:staff|employees|workers)|filing|WARN notice)",
    re.IGNORECASE,
)


class RoundEvent(Frozen):
    """Something alert-worthy that happened to a round in this plan."""

    kind: AlertKind
    round_id: str
    reason: str
    status: RoundStatus
    headcount: int | None = None
    headcount_official: bool = False
    previous_status: RoundStatus | None = None
    previous_headcount: int | None = None
    previous_headcount_official: bool = False


class SourceRef(Frozen):
    """One member article as shown in an alert (title + link)."""

    article_id: str
    source: str
    title: str
    url: str
    published_at: datetime


class RoundPlan(Frozen):
    """The outcome of one matching pass: rounds to upsert, links to insert, events to alert on."""

    created_at: datetime
    matcher_version: str = MATCHER_VERSION
    rounds: list[Round] = []
    links: list[RoundLink] = []
    events: list[RoundEvent] = []
    # round_id -> its first articles from distinct outlets (for alert payloads), for every round
    # in `rounds`.
    sources: dict[str, list[SourceRef]] = {}


Scope = Literal["full", "part"]


@dataclass
class _Member:
    """One article of a round as the aggregation sees it (a synthetic one seeds row-only rounds)."""

    article_id: str
    source: str | None  # casefolded outlet, the key for counting sources
    outlet: str  # outlet as displayed
    title: str
    url: str
    published_at: datetime
    facts: Classification
    scope: Scope
    cites_company: bool
    synthetic: bool = False

    @property
    def is_leak(self) -> bool:
        return self.facts.is_leak

    @property
    def on(self) -> date:
        return self.facts.announced_on or self.published_at.date()


@dataclass
class _Aggregate:
    """Derived round fields; recomputed from the members after every join."""

    units: tuple[str, ...]
    unit_keys: frozenset[str]
    announced_on: date
    headcount_member: _Member | None
    text_member: _Member | None
    headcount_official: bool
    status: RoundStatus
    source_count: int
    article_count: int
    evidence: str

    @property
    def headcount(self) -> int | None:
        m = self.headcount_member
        return None if m is None else _point(m.facts)


@dataclass
class _State:
    round_id: str
    company: str
    company_key: str
    first_seen_at: datetime
    last_seen_at: datetime
    base: Round | None
    prior_sources: int = 0
    prior_articles: int = 0
    members: list[_Member] = field(default_factory=list)
    touched: bool = False
    agg: _Aggregate | None = None
    before: _Aggregate | None = None


@dataclass(frozen=True)
class _Match:
    score: float
    scope: Scope
    reason: str


def company_key(name: str) -> str:
    """Return the comparison key of a company name ("Amazon.com, Inc." -> "amazon")."""
    key = _SPACES.sub(" ", name.casefold().replace("&", " and ")).strip()
    key = _COMPANY_SUFFIX.sub("", key).strip()
    return _SPACES.sub(" ", _NON_WORD.sub(" ", key)).strip()


def unit_key(unit: str, company: str = "") -> str:
    """Return the comparison key of a unit name ("Amazon Web Services" -> "aws"); "" if generic."""
    key = _SPACES.sub(" ", _NON_WORD.sub(" ", unit.casefold().replace("&", " and "))).strip()
    prefix = company_key(company) if company else ""
    if prefix and key.startswith(prefix + " "):
        key = key[len(prefix) + 1 :]
    key = _UNIT_SUFFIX.sub("", key).strip()
    key = _UNIT_ALIASES.get(key, key)
    return "" if key in _GENERIC_UNITS else key


@lru_cache(maxsize=4096)
def _unit_keys(units: tuple[str, ...], company: str) -> frozenset[str]:
    return frozenset(k for k in (unit_key(u, company) for u in units) if k)


def round_id_for(company: str, first_article_id: str) -> str:
    """Return the deterministic id of a round started by `first_article_id`."""
    digest = hashlib.sha256(f"{company_key(company)}|{first_article_id}".encode()).hexdigest()
    return "r_" + digest[:12]


def _point(c: Classification) -> int | None:
    """The single figure an article gives (headcount, else its max, else its min)."""
    if c.headcount is not None:
        return c.headcount
    return c.headcount_max if c.headcount_max is not None else c.headcount_min


def _interval(c: Classification) -> tuple[float, float] | None:
    """The plausible range of the real figure behind what an article reports."""
    values = [v for v in (c.headcount, c.headcount_min, c.headcount_max) if v is not None]
    if not values:
        return None
    lo, hi = float(min(values)), float(max(values))
    if c.headcount_min is None and c.headcount_max is not None and lo == hi:
        lo = hi / 3  # "as many as N" / "up to N"
    if c.headcount_max is None and c.headcount_min is not None and lo == hi:
        hi = lo * 1.5  # "more than N"
    if c.headcount_approx:
        lo, hi = lo * 0.8, hi * 1.25
    if c.is_leak:
        # Leaked plans overshoot (30,000 leaked, 14,000 announced) and get revised.
        lo, hi = lo / 2.5, hi * 1.5
    return lo, hi


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] * (1 + _TOLERANCE) and b[0] <= a[1] * (1 + _TOLERANCE)


def _close(a: int | None, b: int | None, tolerance: float = _TOLERANCE) -> bool:
    return a is not None and b is not None and abs(a - b) <= tolerance * max(a, b)


def _fmt(n: int | None) -> str:
    return "unknown" if n is None else f"{n:,}"


def _specificity(c: Classification) -> int:
    if c.headcount is not None and not c.headcount_approx and c.headcount_min is None:
        return 3 if c.headcount_max is None else 2
    if c.headcount is not None:
        return 2
    return 1 if (c.headcount_min is not None or c.headcount_max is not None) else 0


def _member_from(candidate: RoundCandidate, scope: Scope) -> _Member:
    facts = candidate.classification
    text = f"{candidate.title}\n{facts.evidence}"
    return _Member(
        article_id=candidate.article_id,
        source=candidate.source.strip().casefold() or None,
        outlet=candidate.source.strip(),
        title=candidate.title,
        url=candidate.url,
        published_at=candidate.published_at,
        facts=facts,
        scope=scope,
        cites_company=not facts.is_leak and bool(_CITES_COMPANY.search(text)),
    )


def _seed_member(r: Round) -> _Member:
    """Stand in for the members of a round known only by its row."""
    facts = Classification(
        article_id=f"{r.round_id}:seed",
        classifier_version="round-row",
        label="layoff_report",
        confidence=1.0,
        companies=(r.company,),
        units=r.units,
        headcount=r.headcount,
        headcount_min=r.headcount_min,
        headcount_max=r.headcount_max,
        headcount_text=r.headcount_text,
        announced_on=r.announced_on,
        is_leak=r.status == "reported",
        evidence=r.evidence,
    )
    return _Member(
        article_id=facts.article_id,
        source=None,
        outlet="",
        title=r.title,
        url="",
        published_at=r.first_seen_at,
        facts=facts,
        scope="full",
        cites_company=r.status == "confirmed",
        synthetic=True,
    )


def _seconds(at: datetime) -> float:
    return (at - _EPOCH).total_seconds()


def _aggregate(state: _State) -> _Aggregate:
    members = state.members
    full = [m for m in members if m.scope == "full"] or members
    units: list[str] = []
    keys: set[str] = set()
    seen_display: set[str] = set()
    for m in full:
        for unit in m.facts.units:
            key = unit_key(unit, state.company)
            display_key = key or unit.casefold().strip()
            if display_key in seen_display:
                continue
            seen_display.add(display_key)
            units.append(unit.strip())
            if key:
                keys.add(key)
    if keys:
        # A named unit says more than "corporate"; keep generic labels only when alone.
        units = [u for u in units if unit_key(u, state.company)]
    official = [m for m in full if not m.is_leak]
    announced_on = min(m.on for m in (official or full))

    outlets_by_figure: dict[int, set[str]] = {}
    for m in full:
        point = _point(m.facts)
        if point is not None:
            outlets_by_figure.setdefault(point, set()).add(m.source or m.article_id)
    support = {point: len(outlets) for point, outlets in outlets_by_figure.items()}
    numbered = [m for m in full if _point(m.facts) is not None]
    headcount_member = (
        min(
            numbered,
            key=lambda m: (
                m.is_leak,
                not m.cites_company,
                -_specificity(m.facts),
                # The company's latest statement supersedes its earlier ones; among press
                # figures the one most outlets agree on wins, then the earliest.
                0 if m.cites_company else -support[_point(m.facts) or 0],
                -_seconds(m.published_at) if m.cites_company else _seconds(m.published_at),
                m.article_id,
            ),
        )
        if numbered
        else None
    )
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
        (m for m in (headcount_member, *official, *full) if m is not None and m.facts.evidence),
        None,
    )
    return _Aggregate(
        units=tuple(units),
        unit_keys=frozenset(keys),
        announced_on=announced_on,
        headcount_member=headcount_member,
        text_member=text_member,
        headcount_official=headcount_member is not None and not headcount_member.is_leak,
        status="confirmed" if confirmed else "reported",
        source_count=len(real_sources) + state.prior_sources,
        article_count=sum(1 for m in members if not m.synthetic) + state.prior_articles,
        evidence=evidence_member.facts.evidence if evidence_member else "",
    )


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
) -> str:
    """Return a round's summary line, e.g. "Amazon cuts 16,000 corporate jobs (announced 2026-01-28)"."""
    named = [u for u in units if u]
    many = len(named) > 2
    unit_words = "" if many else _units_phrase(named)
    across = f" across {_units_phrase(named)}" if many else ""
    figure = _figure(facts) if facts else None
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


def _to_round(state: _State, agg: _Aggregate) -> Round:
    hm = agg.headcount_member
    tm = agg.text_member
    facts = hm.facts if hm else None
    headcount_text = tm.facts.headcount_text if tm else None
    return Round(
        round_id=state.round_id,
        company=state.company,
        units=agg.units,
        announced_on=agg.announced_on,
        first_seen_at=state.first_seen_at,
        last_seen_at=state.last_seen_at,
        headcount=agg.headcount,
        headcount_min=facts.headcount_min if facts else None,
        headcount_max=facts.headcount_max if facts else None,
        headcount_text=headcount_text,
        status=agg.status,
        article_count=agg.article_count,
        source_count=agg.source_count,
        title=round_title(
            state.company, agg.units, facts, headcount_text, agg.status, agg.announced_on
        ),
        evidence=agg.evidence,
        matcher_version=MATCHER_VERSION,
    )


def _match(state: _State, cand: _Member, window_days: int, follow_up_days: int) -> _Match | None:
    """Score `cand` against the round, or None when it cannot be the same layoff action."""
    agg = state.agg
    assert agg is not None
    gap = abs((cand.on - agg.announced_on).days)
    if gap > max(window_days, follow_up_days):
        return None
    c_keys = _unit_keys(cand.facts.units, state.company)
    r_keys = agg.unit_keys
    leak_vs_official = _leak_meets_official(agg.headcount_member, cand)
    if c_keys and r_keys and not (c_keys & r_keys) and not leak_vs_official:
        return None
    round_point = agg.headcount
    cand_point = _point(cand.facts)

    if gap > window_days:
        # Late coverage repeating the same figure for the same units is still this round.
        late = cand.on > agg.announced_on and gap <= follow_up_days
        same_units = not c_keys or c_keys <= r_keys
        if late and same_units and not cand.is_leak and _close(
            cand_point, round_point, _FOLLOW_UP_TOLERANCE
        ):
            return _Match(
                score=0.5,
                scope="full",
                reason=f"follow-up {gap} days after {agg.announced_on.isoformat()} "
                f"repeating {_fmt(round_point)}",
            )
        return None

    hm = agg.headcount_member
    r_int = _interval(hm.facts) if hm else None
    c_int = _interval(cand.facts)
    scope: Scope = "full"
    if r_int is None or c_int is None:
        hc_score, hc_reason = 0.5, "headcount unknown on one side"
    elif _overlap(c_int, r_int):
        close = _close(cand_point, round_point)
        hc_score = 1.0 if close else 0.8
        hc_reason = f"headcount {_fmt(cand_point)} ~ {_fmt(round_point)}"
    elif c_int[1] < r_int[0] and (not c_keys or (r_keys and c_keys < r_keys)):
        # A smaller figure for some of the round's units, or for no unit at all (a state's WARN
        # notice, one site), is a slice of this round rather than a round of its own.
        scope = "part"
        hc_score = 0.6
        hc_reason = f"{_fmt(cand_point)} is part of the round's {_fmt(round_point)}"
    else:
        return None

    if c_keys and r_keys and not (c_keys & r_keys):
        unit_score, unit_reason = 0.6, "a leak's rumoured units differ from the official ones"
    elif c_keys == r_keys:
        unit_score, unit_reason = 1.0, "same units" if c_keys else "no specific unit"
    elif not c_keys or not r_keys:
        unit_score, unit_reason = 0.6, "one side names no unit"
    elif c_keys < r_keys or r_keys < c_keys:
        unit_score, unit_reason = 0.8, "units nested"
    else:
        unit_score, unit_reason = 0.7, "units overlap"
    date_score = 1 - gap / (window_days + 1)
    score = round(0.4 * date_score + 0.3 * unit_score + 0.3 * hc_score, 3)
    return _Match(
        score=score,
        scope=scope,
        reason=f"{gap} day(s) from {agg.announced_on.isoformat()}; {unit_reason}; {hc_reason}",
    )


def _leak_meets_official(round_member: _Member | None, cand: _Member) -> bool:
    """True when one side is a leak and the other an official company-scale figure within it.

    Leaks name the teams rumoured to be hit ("HR, devices, operations"); the announcement names
    others. A company-scale official figure (1,000+) between a quarter of the leak's figure and the
    figure itself is the leak confirmed, whatever units each names (30,000 leaked -> 14,000).
    """
    if round_member is None or round_member.is_leak == cand.is_leak:
        return False
    leak, official = (round_member, cand) if round_member.is_leak else (cand, round_member)
    leaked = _point(leak.facts) or leak.facts.headcount_max
    confirmed = _point(official.facts)
    return bool(leaked and confirmed and confirmed >= 1000 and 0.25 * leaked <= confirmed <= 1.1 * leaked)


def _link_role(before: _Aggregate, after: _Aggregate, member: _Member, had_official: bool) -> RoundRole:
    if member.is_leak:
        return "leak"
    if not had_official:
        return "announcement"
    if member.scope == "full" and (
        before.headcount != after.headcount or before.headcount_official != after.headcount_official
    ):
        return "update"
    return "coverage"


def _change_reason(old: Round, new: Round, agg: _Aggregate, before: _Aggregate) -> list[str]:
    parts = []
    if old.status != new.status:
        parts.append(f"{old.status} -> {new.status}")
    if old.headcount != new.headcount:
        parts.append(f"headcount {_fmt(old.headcount)} -> {_fmt(new.headcount)}")
    elif before.headcount_official != agg.headcount_official and new.headcount is not None:
        parts.append(f"headcount {_fmt(new.headcount)} now official")
    return parts


class _Index:
    """Rounds by company and coarse announcement date, so a candidate only meets nearby rounds."""

    def __init__(self, horizon_days: int) -> None:
        self.width = max(horizon_days, 1)
        self.buckets: dict[tuple[str, int], list[_State]] = {}
        self.where: dict[str, tuple[str, int]] = {}

    def put(self, state: _State) -> None:
        assert state.agg is not None
        key = (state.company_key, state.agg.announced_on.toordinal() // self.width)
        old = self.where.get(state.round_id)
        if old == key:
            return
        if old is not None:
            self.buckets[old].remove(state)
        self.buckets.setdefault(key, []).append(state)
        self.where[state.round_id] = key

    def near(self, company: str, day: date) -> list[_State]:
        """Return the rounds of `company` announced within one bucket width of `day` (and a few more)."""
        b = day.toordinal() // self.width
        return [s for k in (b - 1, b, b + 1) for s in self.buckets.get((company, k), ())]


def match_rounds(
    existing: Sequence[Round],
    candidates: Sequence[RoundCandidate],
    *,
    window_days: int = 7,
    now: datetime,
    members: Mapping[str, Sequence[RoundCandidate]] | None = None,
    follow_up_days: int | None = None,
) -> RoundPlan:
    """Return the plan grouping `candidates` into `existing` or new rounds (see module docstring)."""
    follow_up = 4 * window_days if follow_up_days is None else follow_up_days
    members = members or {}
    states: list[_State] = []
    index = _Index(max(window_days, follow_up))
    linked: set[str] = set()

    for r in sorted(existing, key=lambda r: (r.announced_on, r.round_id)):
        state = _State(
            round_id=r.round_id,
            company=r.company,
            company_key=company_key(r.company),
            first_seen_at=r.first_seen_at,
            last_seen_at=r.last_seen_at,
            base=r,
        )
        known = sorted(members.get(r.round_id, ()), key=lambda c: (c.published_at, c.article_id))
        if known:
            for cand in known:
                member = _member_from(cand, "full")
                if state.members:
                    state.agg = _aggregate(state)
                    # Replay the scope decision so part-of-round figures stay out of the headcount.
                    m = _match(state, member, 10**6, 10**6)
                    if m is not None:
                        member.scope = m.scope
                state.members.append(member)
                linked.add(cand.article_id)
        else:
            state.members.append(_seed_member(r))
            state.prior_sources = r.source_count
            state.prior_articles = r.article_count
        state.agg = _aggregate(state)
        state.before = state.agg
        states.append(state)
        index.put(state)

    links: list[RoundLink] = []
    ordered = sorted(candidates, key=lambda c: (c.published_at, c.article_id))
    for cand in ordered:
        facts = cand.classification
        if facts.label != "layoff_report" or not facts.companies or cand.article_id in linked:
            continue
        linked.add(cand.article_id)
        company = facts.companies[0].strip()
        key = company_key(company)
        member = _member_from(cand, "full")
        best: tuple[_Match, _State] | None = None
        for state in index.near(key, member.on):
            found = _match(state, member, window_days, follow_up)
            if found is None:
                continue
            if (
                best is None
                or found.score > best[0].score
                or (found.score == best[0].score and state.round_id < best[1].round_id)
            ):
                best = (found, state)
        if best is None:
            state = _State(
                round_id=round_id_for(company, cand.article_id),
                company=company,
                company_key=key,
                first_seen_at=now,
                last_seen_at=now,
                base=None,
                members=[member],
                touched=True,
            )
            state.agg = _aggregate(state)
            states.append(state)
            index.put(state)
            role: RoundRole = "leak" if member.is_leak else "announcement"
            figure = facts.headcount_text or _fmt(_point(facts))
            links.append(
                RoundLink(
                    round_id=state.round_id,
                    article_id=cand.article_id,
                    role=role,
                    score=1.0,
                    reason=f"first report of a new {company} round ({figure})",
                )
            )
            continue
        found, state = best
        before = state.agg
        assert before is not None
        member.scope = found.scope
        had_official = any(not m.is_leak for m in state.members)
        state.members.append(member)
        state.agg = _aggregate(state)
        index.put(state)  # the announcement date may have moved
        state.last_seen_at = max(state.last_seen_at, now)
        state.touched = True
        role = _link_role(before, state.agg, member, had_official)
        reason = found.reason
        if role == "update":
            reason = (
                f"changed headcount {_fmt(before.headcount)} -> {_fmt(state.agg.headcount)}; {reason}"
            )
        elif found.scope == "part":
            reason = f"part of the round; {reason}"
        links.append(
            RoundLink(
                round_id=state.round_id,
                article_id=cand.article_id,
                role=role,
                score=found.score,
                reason=reason,
            )
        )

    rounds: list[Round] = []
    events: list[RoundEvent] = []
    sources: dict[str, list[SourceRef]] = {}
    for state in states:
        if not state.touched:
            continue
        agg = state.agg
        assert agg is not None
        new = _to_round(state, agg)
        rounds.append(new)
        sources[state.round_id] = _first_sources(state.members)
        if state.base is None:
            events.append(
                RoundEvent(
                    kind="new_round",
                    round_id=new.round_id,
                    reason=f"new round: {new.title}",
                    status=new.status,
                    headcount=new.headcount,
                    headcount_official=agg.headcount_official,
                )
            )
            continue
        before = state.before
        assert before is not None
        parts = _change_reason(state.base, new, agg, before)
        if parts:
            events.append(
                RoundEvent(
                    kind="round_update",
                    round_id=new.round_id,
                    reason="; ".join(parts),
                    status=new.status,
                    headcount=new.headcount,
                    headcount_official=agg.headcount_official,
                    previous_status=state.base.status,
                    previous_headcount=state.base.headcount,
                    previous_headcount_official=before.headcount_official,
                )
            )
    return RoundPlan(created_at=now, rounds=rounds, links=links, events=events, sources=sources)


def _first_sources(members: Sequence[_Member]) -> list[SourceRef]:
    picked: list[SourceRef] = []
    outlets: set[str] = set()
    for m in sorted(members, key=lambda m: (m.published_at, m.article_id)):
        outlet = m.source or m.article_id
        if m.synthetic or outlet in outlets:
            continue
        outlets.add(outlet)
        picked.append(
            SourceRef(
                article_id=m.article_id,
                source=m.outlet,
                title=m.title,
                url=m.url,
                published_at=m.published_at,
            )
        )
        if len(picked) == _MAX_SOURCES_IN_PLAN:
            break
    return picked
