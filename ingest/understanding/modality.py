"""What a layoff cue asserts: done or announced, leaked, or only speculated, forecast, denied, hypothetical;
now or in the past (or a running total).

Markers count for the clause they sit in: "UPS cuts 20,000 jobs | as Amazon shipments shrink".
Attribution ("the company said", "people familiar said") and a recent date usually sit in a clause
of their own and count for the whole sentence. A negation counts only right before its cue ("no
redundancies", "is not cutting jobs"); a question mark or an "if" makes the clause hypothetical.
A modal verb ("could", "may") is only a possibility when nothing beside it asserts the employer's plan:
news writes a decided plan's cost with one ("400 jobs could be lost as the council restructures").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ingest.understanding.clauses import Cue, Marker
from ingest.understanding.dates import DateMention

Modality = Literal["asserted", "leaked", "speculative", "forecast", "denied", "conditional", "hypothetical"]
Time = Literal["current", "past", "cumulative"]
_NEGATION_REACH = 40  # characters between a negation and the cue it negates
# A superlative naming one action right before "since" compares it with the past, not a running total: "in its
# biggest round since 2023", "the deepest cuts since the pandemic"; "the highest level since 2020" still sums many.
_SUPERLATIVE = re.compile(
    r"(?i)(?:\b(?:biggest|largest|deepest|worst|steepest|most\s+severe|sharpest|first|smallest)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:round|wave|cuts?|layoffs?|lay-offs?|job\s+cuts|reduction|restructuring|overhaul|shake-?up|cull|downsizing)"
    r"(?:\s+of\s+(?:[\w-]+\s+)?(?:layoffs|job\s+cuts|cuts|redundancies))?"
    # "le plus grand plan social du pays depuis 20 ans", "der größte Stellenabbau seit", "el mayor ERE desde"
    r"|\bplus\s+(?:grand|important|lourd|massi[fv])e?s?\s+(?:[\w'’-]+\s+)?(?:plan\s+social|vague|licenciements?|"
    r"suppressions?|restructuration|charrette)|\b(?:größte|grösste|massivste|umfangreichste)[nrs]?\s+(?:[\w-]+\s+)?"
    r"(?:Stellenabbau|Entlassungswelle|Abbau\w*|Kahlschlag|Welle|Entlassungen|Jobabbau)|\b(?:mayor|más\s+grande|más\s+"
    r"importante)\s+(?:[\w-]+\s+)?(?:ERE|recorte|ola|despidos?|reestructuración|ajuste)|\b(?:più\s+grande|più\s+"
    r"pesante|più\s+ampi[oa]|maggiore)\s+(?:[\w-]+\s+)?(?:taglio|tagli|ondata|licenziament\w+|ristrutturazione|esuberi))"
    r"(?:\s+(?:du|de|des|of|in|im|del|de\s+la|della|dell['’]\w+|nel(?:la)?)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?\s+$"
)
# A clause opened by one of these hangs on the clause before it and shares its time ("the
# reorganisation announced last March, | when the group said it would cut 1,300 roles").
_SUBORDINATE = frozenset(
    "which who whom whose when where with including leaving putting affecting after following wo der die das als qui "
    "dont où lorsque "
    "quand que quien donde cuando che cui dove quando".split()
)


@dataclass(frozen=True, slots=True)
class Reading:
    """The modality and time of one cue."""

    modality: Modality
    time: Time
    # speculative only by a modal verb: the cost of a plan when the headline asserts one ("<Firm> to close
    # <site>" over "up to 140 jobs could be lost")
    modal_only: bool = False


# Where a headline's statement ends and a question about it begins ("<Firm> lays off 2,000: is it losing the fight?")
# (Spanish opens its question with "¿": "Amazon despedirá a 18 mil trabajadores, ¿está Costa Rica incluida?" states first)
_STATEMENT_END = re.compile(r":\s|\s[-–—|]\s|[.!?]\s|,\s*¿")


def asked(text: str, position: int) -> bool:
    """Return whether the sentence's closing question mark covers the words from `position`: no colon, dash or
    earlier sentence end lies between them ("Will <Firm> cut more jobs as sales slow?"), unlike a statement the
    question follows ("<Firm> lays off 2,000 employees: is the chipmaker losing the fight?")."""
    end = text.rstrip()
    return end.endswith("?") and _STATEMENT_END.search(end, position, len(end) - 1) is None


def _clause(markers: list[Marker], cue: Cue, kind: str) -> list[Marker]:
    return [m for m in markers if m.kind == kind and m.clause == cue.clause]


def _negated(text: str, cue: Cue, markers: list[Marker], follows: bool, unsaid: re.Pattern[str] | None) -> str | None:
    """Return "denied" when a negation in the cue's clause governs it (right before it, or where the language puts
    it there right after it), "unsaid" when it negates a verb of saying before the cue ("has not said how many
    roles could be affected": the cuts are unknown, not denied), else None."""
    for m in markers:
        if m.kind == "negation" and m.clause == cue.clause:
            if 0 <= cue.start - m.end <= _NEGATION_REACH:
                if unsaid is not None and unsaid.search(text, m.end, cue.start) is not None:
                    return "unsaid"
                return "denied"
            if follows and 0 <= m.start - cue.end <= _NEGATION_REACH:
                return "denied"
    return None


# A relative pronoun right after a layoff noun opens a clause that describes the cuts ("les licenciements qui
# devraient être les plus importants de son histoire", "layoffs that could be its largest"): its modal is not theirs.
_RELATIVE_AFTER = re.compile(r"\s+(?:qui|che|que|that|which|die|der|das)\s", re.IGNORECASE)


def _describing(text: str, cue: Cue, markers: list[Marker]) -> list[Marker]:
    """Return the markers without the possibility or forecast of a relative clause right after the cue."""
    if not _RELATIVE_AFTER.match(text, cue.end):
        return markers
    return [m for m in markers if not (m.kind in ("forecast", "speculative") and m.start > cue.end)]


def _modality(
    text: str, cue: Cue, markers: list[Marker], leak: bool, negation_follows: bool, counted: bool,
    unsaid: re.Pattern[str] | None = None, technology: re.Pattern[str] | None = None,
) -> Modality:
    """Return the modality of a cue from the markers of its clause (and the sentence's attribution)."""
    markers = _describing(text, cue, markers)
    if any(m.kind == "advice" for m in markers):
        return "hypothetical"
    negated = _negated(text, cue, markers, negation_follows, unsaid)
    if _clause(markers, cue, "deny") or negated == "denied":
        return "denied"
    if negated == "unsaid":
        return "speculative"
    if _clause(markers, cue, "hypothetical") or asked(text, cue.end):
        return "hypothetical"
    if _clause(markers, cue, "conditional"):
        return "conditional"
    if _clause(markers, cue, "speculative") and not consequence(text, markers, cue):
        # a modal carrying a cited report is the leak itself ("could see 21,000 jobs cut, people familiar said"),
        # one in a study's forecast is not, nor what a technology could do ("documents suggest it could eliminate
        # 600,000 positions through automation")
        reported = leak and _modal_only(markers, cue) and not any(m.kind == "forecast" for m in markers) and (
            technology is None or technology.search(text) is None)
        return "leaked" if reported else "speculative"
    if (forecasts := _clause(markers, cue, "forecast")) and not leak and not _planned_horizon(text, cue, markers,
                                                                                            forecasts, counted):
        return "forecast"
    concrete = counted or any(m.clause == cue.clause and m.kind in ("plan", "current", "confirm") for m in markers)
    if not concrete and any(m.kind == "forecast" for m in markers):
        return "forecast"  # "Retail jobs at risk as costs soar, employers' body warns"
    return "leaked" if leak else "asserted"


# The time a plan takes ("over the next two years", "in the coming three years"): a horizon, no forecast by itself
_HORIZON = re.compile(r"(?:over|in)\s+(?:the\s+)?(?:next|coming)\s+(?:\w+\s+)?years", re.IGNORECASE)


def _planned_horizon(text: str, cue: Cue, markers: list[Marker], forecasts: list[Marker], counted: bool) -> bool:
    """Return whether the clause's only forecast is the horizon of a counted plan ("<Office> to cut headcount by 1,200
    over next two years"): the employer's plan, not a forecast ("expects", "ultimately" still are)."""
    if not counted or _THIRD_PARTY.search(text) is not None:
        return False  # (a research note's, an analyst's or a reporter's figure stays a forecast)
    if all(_EXPECTED.fullmatch(text, m.start, m.end) is not None and _OWN_PLAN.search(
            text, max(0, m.start - 60), m.start) is not None for m in forecasts):
        return True  # "the restructuring is expected to result in the elimination of about 1,300 positions"
    return bool(_clause(markers, cue, "plan")) and all(_HORIZON.fullmatch(text, m.start, m.end) is not None
                                                       for m in forecasts)


# Who forecasts for others: a horizon in their sentence stays a forecast ("..., a think tank said in a report")
_THIRD_PARTY = re.compile(r"\b(?:report|study|analysis|think[\s-]tank|research\w*|survey|economists?|analysts?|"
                          r"forecasters?|consultanc(?:y|ies)|note|calculation|according\s+to|unions?|AI|artificial\s+"
                          r"intelligence|automation|worldwide|globally|sector|industry)\b", re.IGNORECASE)


# The employer's own plan as the subject of an expectation: its size, not a forecast of others' cuts
_EXPECTED = re.compile(r"expected", re.IGNORECASE)
_OWN_PLAN = re.compile(r"\b(?:restructuring|plan|program|programme|reorgani[sz]ation|phase|initiative|actions?|"
                       r"transformation|reduction|realignment)\s+(?:[\w-]+\s+){0,3}?(?:is|are|was|were)\s+$", re.IGNORECASE)


# What keeps a decided plan from being asserted in its clause: a condition, a question, a forecast, a denial, the past.
_UNDECIDED = frozenset(("conditional", "hypothetical", "forecast", "deny", "past"))


def _decided(text: str, markers: list[Marker], d: Marker) -> bool:
    """Return whether a plan marker is asserted: nothing in its clause makes it a possibility, a condition, a
    forecast, a denial or the past, and no modal or negation before it governs it ("could announce plans"; a comma
    ends the modal's reach: "may face redundancy, the company told staff")."""
    for m in markers:
        if m.clause != d.clause or m is d:
            continue
        if m.kind in _UNDECIDED:
            return False
        if m.kind == "speculative" and not _is_modal(markers, m) and not _threat_cost(text, m):
            return False  # "faces the threat of closure", "is considering a restructuring"
        if m.kind in ("modal", "negation") and m.start < d.start and d.kind == "decision" and (
            "," not in text[m.end : d.start]
        ):
            return False
    return True


def _is_modal(markers: list[Marker], m: Marker) -> bool:
    return any(k.kind == "modal" and k.start == m.start for k in markers)


def consequence(text: str, markers: list[Marker], cue: Cue) -> bool:
    """Return whether a cue is only possible by a modal verb ("could", "may") while its sentence asserts the
    employer's decided plan: news writes a plan's cost with a modal ("400 jobs could be lost as the council
    restructures", "up to 90 staff may face redundancy under the proposals"); speculation has no plan asserted
    beside it ("could cut more jobs", "could cut jobs if demand stays weak")."""
    spec = _clause(markers, cue, "speculative")
    if not spec or not all(_is_modal(markers, m) or _threat_cost(text, m) for m in spec):
        return False
    return asserts_decision(text, markers)


# The jobs a decided plan puts in danger, told after "with": "<Firm> plans to shut three warehouses with 1,200 jobs
# under threat" (the plan's cost, as "putting 500 jobs at risk" is)
_THREAT_COST = re.compile(r"\bwith\s+(?:\S+\s+){0,4}?(?:jobs|roles|posts|positions|staff|workers|employees)\s+"
                          r"(?:under\s+|at\s+|in\s+|on\s+the\s+)?$", re.IGNORECASE)
# A plan called off in the same sentence ("plan to close the warehouse with 300 jobs under threat scrapped")
_CALLED_OFF = re.compile(r"\b(?:scrap(?:s|ped)?|revers(?:e|es|ed|al)|shelv(?:e|es|ed)|withdr[ae]wn?|withdraws|u-turn|"
                         r"abandon(?:s|ed)?|dropped|halt(?:s|ed)?|paus(?:e|es|ed)|cancel(?:s|led|ed)?|rethink)\b",
                         re.IGNORECASE)


def _threat_cost(text: str, m: Marker) -> bool:
    """Return whether a threat marker tells a plan's cost after "with" ("with 1,200 jobs under threat"), the plan not
    called off in the sentence."""
    return _THREAT_COST.search(text, 0, m.start) is not None and _CALLED_OFF.search(text) is None


def _modal_only(markers: list[Marker], cue: Cue) -> bool:
    """Return whether a cue's only sign of speculation is a modal verb (a plan's cost under a decided headline)."""
    spec = _clause(markers, cue, "speculative")
    return bool(spec) and all(_is_modal(markers, m) for m in spec)


def asserts_decision(text: str, markers: list[Marker]) -> bool:
    """Return whether a sentence (a headline) asserts an employer's decided plan ("<Firm> to close <site>", "jobs
    face the axe under council plans"), not a possibility or a condition of one."""
    return any(m.kind in ("decision", "decision_frame") and _decided(text, markers, m) for m in markers)


def _compares(text: str, m: Marker) -> bool:
    """Return whether a running-total marker only dates a comparison ("the biggest round since 2023")."""
    return _SUPERLATIVE.search(text, max(0, m.start - 60), m.start) is not None


def _time(
    text: str, cue: Cue, markers: list[Marker], dates: list[DateMention], clause_of_date: list[int],
    hangs_on: int | None, earlier: bool,
) -> Time:
    """Return whether a cue is about now, the past, or a running total."""
    clauses = {cue.clause} if hangs_on is None else {cue.clause, hangs_on}
    # (not a past told of someone in a relative clause after the cue: "cuts are planned at a bakery firm that was hit by
    # a factory fire two years ago")
    past = sum(1 for m in markers if m.kind == "past" and m.clause in clauses and not _describes_other(text, cue, m)
               ) + (2 if earlier else 0)
    # a time fronted before the sentence's comma governs all of it ("Earlier this year, Field spent £800,000 ...,
    # despite making 90 staff redundant")
    past += sum(1 for m in markers if m.kind == "past" and m.clause not in clauses and m.start <= 2
                and text[m.end : m.end + 1] == ",")
    current = len(_clause(markers, cue, "current"))
    cumulative = sum(1 for m in markers if m.kind == "cumulative" and m.clause in clauses and not _compares(text, m)
                     and not _describes_other(text, cue, m))
    for date, clause in zip(dates, clause_of_date, strict=True):
        if date.future or date.age_days is None or date.since:
            continue  # "since October" dates a period, not this event
        recent = date.age_days <= (14 if date.on is not None else (0 if date.kind == "month" else -1))
        if recent and (clause == cue.clause or date.on is not None):
            current += 2
        elif clause in clauses and date.age_days >= (300 if date.kind == "year" else 28):
            past += 3  # an explicit old date anchors the event firmly
    if cumulative > current:
        return "cumulative"
    if past > current:
        return "past"
    return "current"


# A relative clause on an organisation or a site after the cue ("at a bakery firm that was hit by a fire two years ago",
# "close 12 shops that have struggled in the last two years"): its time is the firm's or the shops', not the cut's
_RELATIVE_PAST = re.compile(
    r"\b(?:firm|company|business|group|employer|operator|maker|manufacturer|retailer|chain|brand|bakery|brewery|plant|"
    r"factory|site|mill|works|depot|warehouse|shops?|stores?|branches|pubs|outlets|offices|sites|plants)\s+"
    r"(?:that|which|who)\s+(?:was|were|had|has|have)\b", re.IGNORECASE)


def _describes_other(text: str, cue: Cue, m: Marker) -> bool:
    """Return whether a time marker sits in a relative clause on an organisation or a site that the cue is not in."""
    for rel in _RELATIVE_PAST.finditer(text):
        end = next((i for i in (text.find(",", rel.end()), text.find(";", rel.end())) if i >= 0), len(text))
        if rel.start() <= m.start < end and not rel.start() <= cue.start < end:
            return True
    return False
# A sentence opening on one of these sets the time of the clause after it.
_LEADING_TIME = frozenset("when after following before als nachdem quand lorsque après cuando tras quando dopo".split())
# A clause opened by one of these sets its event before the main one ("shares rise | after layoffs
# announcement"): background, not the news.
_BACKGROUND = frozenset("after following nach nachdem après tras después dopo".split())


# German "nach" is also "according to" ("Nach Unternehmensangaben sind 33 Mitarbeiter betroffen"): a source, no time
_ACCORDING = re.compile(r"(?:eigenen\s+)?(?:\w*angaben|informationen|berichten|auskunft|darstellung|schätzungen?|"
                        r"einschätzung|ansicht|worten)\b(?!\s+(?:über|zu[mr]?|von)\b)")  # ("Nach Berichten über": after)


# "after 160 years", "nach 100 Jahren", "dopo settant'anni": a duration ends at the event, it tells nothing before it
_DURATION = re.compile(
    r"\s*(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|mehr\s+als\s+|über\s+|fast\s+|plus\s+de\s+|près\s+de\s+|"
    r"más\s+de\s+|casi\s+|oltre\s+|più\s+di\s+|quasi\s+)?(?:\w+\s+|\w+['’])?(?:years?|decades?|centur(?:y|ies)|jahr\w*|"
    r"jahrzehnt\w*|ans\b|années|décennies|siècles?|años|décadas|siglos?|anni|decenni|secol[oi])"
)


def background(low: str, spans: list[tuple[int, int]], clause: int) -> bool:
    """Return whether a clause tells what happened before the main event ("after the layoffs ...")."""
    first = low[spans[clause][0] :].split(None, 1)
    return bool(first) and first[0].strip(",") in _BACKGROUND and not (len(first) > 1 and (
        _DURATION.match(first[1]) or (first[0] == "nach" and _ACCORDING.match(first[1]))))


def hangs_on(low: str, spans: list[tuple[int, int]], clause: int) -> int | None:
    """Return the clause that shares a clause's time: the one before a subordinate clause, or the subordinate
    clause a sentence opens on ("When the works shut in 2013, | about 900 were made redundant")."""
    if clause == 0:
        return None
    first = low[spans[clause][0] :].split(None, 1)
    if first and first[0].strip(",") in _SUBORDINATE:
        return clause - 1
    opening = low.split(None, 1)
    return 0 if clause == 1 and opening and opening[0] in _LEADING_TIME else None


def read_cue(
    text: str, cue: Cue, markers: list[Marker], dates: list[DateMention], clause_of_date: list[int],
    parent_clause: int | None = None, earlier: bool = False, negation_follows: bool = False, counted: bool = False,
    unsaid: re.Pattern[str] | None = None, technology: re.Pattern[str] | None = None,
) -> Reading:
    """Return the modality and time of `cue` in its sentence."""
    # "people familiar said", not "did not cite sources": a negated attribution leaks nothing
    leak = any(m.kind == "leak" for m in markers) and not any(
        m.kind == "negation" and m.end <= mk.start and mk.start - m.end < 20
        for mk in markers if mk.kind == "leak" for m in markers
    )
    modality = _modality(text, cue, markers, leak, negation_follows, counted, unsaid, technology)
    return Reading(
        modality=modality, time=_time(text, cue, markers, dates, clause_of_date, parent_clause, earlier),
        modal_only=modality == "speculative" and _modal_only(markers, cue),
    )


def decided_before_question(title: str, title_markers: Sequence[Marker]) -> bool:
    """Return whether the statement a headline's closing question follows has the employer decide a closure or a plan
    ("<Firm> to close dozens more stores – is yours on the list?"): the question asks the reader about the news. A
    modal, a forecast or someone else's word ("could close", "says analyst") or wish ("Investors urge <Firm> to
    close", "Why <Firm> needs to") decides nothing."""
    text = title.rstrip()
    kinds = {m.kind for m in title_markers if not asked(text, m.end)}
    return bool(kinds & {"closure", "plan", "decision"}) and not kinds & _NOT_DECIDING and _WISHED.search(text) is None


_NOT_DECIDING = frozenset(("modal", "speculative", "conditional", "forecast", "hypothetical", "speech", "leak", "deny"))
_WISHED = re.compile(r"(?i)^(?:why|how|should|could|would|will|can|what)\b|\b(?:urges?|wants?|needs?|should|must|"
                     r"calls?\s+on|pushe?s?|pressures?)\b")
