"""What round matching reads off one report: its date, its figure as an interval, and its cues.

A report's *date* is its announcement date, unless that date cannot be right for news published
when it was (after publication, or further back than the follow-up horizon: a cited past date such
as "since 2022"); then, and for every leak (a leak is news the day it is published), it is the
publication date. A *cumulative* figure ("27,000 since 2022", "a total of 30,000 over two rounds")
is dropped: it describes several actions, never this one, so it must not set a round's headcount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from ingest.models import Classification, Round, RoundCandidate

Scope = Literal["full", "part"]

# Relative tolerance between figures within the window: outlets round and revise ("about 10,000"
# vs "12,500"); distinct rounds of one company in one week rarely have sizes this close.
TOLERANCE = 0.3
_EPOCH = datetime(1970, 1, 1)

# A non-leak article citing the company itself confirms the round on its own.
_CITES_COMPANY = re.compile(
    r"\b(confirm\w*|spokes(?:person|woman|man)|statement|memo|blog post|announc\w*|"
    r"told (?:staff|employees|workers)|(?:staff|employees|workers) were told|filing|filed|WARN notice)",
    re.IGNORECASE,
)
# Words that tie a report to an action announced earlier: executions, filings, affected workers.
_FOLLOW_UP = re.compile(
    r"\b(as part of|part of the|previously announced|already announced|announced (?:last|earlier|in|on)|"
    r"(?:begins?|began|starts?|started) (?:notifying|informing|telling|cutting|laying|consulting)|under ?way|"
    r"(?:days?|weeks?) after (?:it |the company )?announc\w*|after (?:it |the company )?(?:announced|said it would)|"
    r"WARN|notice (?:filed|posted|with the state)|(?:filed|files|posted) (?:a |its )?notice|state filing|"
    r"Employment Security|affected (?:workers|employees|staff)|(?:workers|employees|staff) (?:were|are) (?:told|notified)|"
    r"latest cuts|the cuts announced|of the \d[\d.,]* (?:jobs|roles|cuts|positions)|"
    # the notices of an announced cut reaching staff ("arrivate le prime lettere", "layoff notices went out")
    r"(?:layoff|redundancy|termination) (?:notices|letters) (?:went|go|going|were sent|are sent)|"
    r"(?:arrivate|arrivano|arrivées|arrivent|llegan|llegaron|llegado) (?:le |las |les )?(?:prime |primeras |premières )?"
    r"(?:lettere|cartas|lettres)|"
    r"im Rahmen|dans le cadre|como parte de|nell'ambito|"
    # the cut announced before, now carried out: "der angekündigte Stellenabbau", "déjà annoncé", "ya anunciados"
    r"(?:bereits|zuvor|schon) angekündigt\w*|angekündigte[nmrs]? (?:Stellenabbau|Abbau|Entlassungen|Kündigungen|"
    r"Stellenstreichungen)|déjà annoncé\w*|ya anunciad\w*|già annunciat\w*)",
    re.IGNORECASE,
)
# Words telling a cut being carried out ("starts round of layoffs", "has begun shutting", "beginnt mit dem
# Stellenabbau", "commence à licencier"): a new action is told so as often as an announced one carried out, so they
# make a late report a follow-up of a round only when it gives no figure of its own or quotes the round's
# (`score._late`): an execution's story; a new action states its own size.
_EXECUTION = re.compile(
    r"\b((?:begins?|began|begun|starts?|started) (?:shutting|closing|(?:(?:a|the|its) )?(?:latest )?round of)|"
    r"(?:layoffs|job cuts|cuts) (?:begins?|began|starts?|started)|"
    # (a cut said to begin later is a plan: "will begin job cuts", "is expected to start layoffs"; nor talks about it)
    r"(?<!to )(?<!will )(?<!would )(?<!could )(?<!may )(?<!might )(?:begins?|began|begun|starts?|started) "
    r"(?:(?:its|the|(?:a )?(?:long-)?(?:planned|mass|widespread|announced|promised|expected)) ){0,2}"
    r"(?:layoffs|lay-offs|job cuts|firings|redundancies)(?! (?:consultation|talks|review|process|plans?)\b)|"
    r"(?:comenzó|empezó|inició|arrancó) (?:(?:este|el) \w+ |hoy |ayer )?con (?:la|el) (?:mayor |primera |gran )?"
    r"(?:oleada|ola|ronda) de despidos|"
    r"(?:beginnt|begann|startet|startete) mit (?:dem |der |den )?(?:angekündigt\w* )?(?:Stellenabbau|Entlassungen|Kündigungen)|"
    r"commenc\w* à (?:licencier|supprimer|notifier|fermer)|(?:comienza|comenzó|empieza|empezó) a (?:despedir|notificar|cerrar)|"
    r"(?:inizia|iniziato|comincia) a (?:licenziare|notificare|chiudere))",
    re.IGNORECASE,
)
# A report of a new action cites the one before it ("another 2,000 jobs, weeks after it announced 10,000"): that
# citation does not make it a follow-up.
_NEW_ACTION = re.compile(
    r"\b(?:another|further|additional|second|third|new|fresh) (?:round|wave|tranche|batch)|\b\d[\d.,]* more\b|"
    r"\b(?:another|a further) \d[\d.,]*\b|\bweitere[nr]? \d[\d.]*|nouvelle vague|nueva (?:ronda|oleada)|"
    r"nuov[ao] (?:ondata|tornata)|second(?:a|e)? (?:vague|ondata|tornata|oleada)",
    re.IGNORECASE,
)
# What a figure counts when it is a round's: jobs or cuts ("9,000 corporate roles", "9.000 Stellen").
_CUT_NOUN = (r"(?:jobs?|roles?|positions?|posts?|cuts?|layoffs?|lay-offs?|redundanc\w+|employees|workers|staff|"
             r"people|Stellen|Jobs|Arbeitspl\w+|postes|emplois|suppressions|licenziament\w+|posti|tagli|"
             r"empleos|puestos|despidos|trabajadores)\b")
# A figure is cumulative when a total marker leads up to it or a span marker follows it in its clause.
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_COUNT = r"(?:two|three|four|five|six|several|multiple|\d+)"
_TOTAL_BEFORE = re.compile(
    r"\b(total(?:l?ing)?|cumulative(?:ly)?|altogether|in all|insgesamt|au total|en total|in totale|"
    r"complessivamente|bislang|bisher)\b[^.;!?]{0,40}$",
    re.IGNORECASE,
)
_SPAN_AFTER = re.compile(
    rf"\b(since (?:early |late |mid-?)?(?:(?:19|20)\d\d|{_MONTHS}|last year|the start)|"
    rf"over (?:the )?(?:(?:past|last) )?{_COUNT} (?:years|months)|in (?:the )?(?:past|last) {_COUNT} (?:years|months)|"
    rf"in total|so far|to date|altogether|combined|(?:across|in|over) {_COUNT} rounds|"
    r"seit (?:19|20)\d\d|depuis (?:19|20)\d\d|desde (?:19|20)\d\d|dal (?:19|20)\d\d|insgesamt|au total|en total|in totale)\b",
    re.IGNORECASE,
)
# "9,000 more", "a further 9,000", "weitere 16.000": a new action, whatever total follows.
_NEW_BEFORE = re.compile(r"\b(another|further|additional|weitere|otros|otras|altri|autres|nouvelles)\s*$", re.IGNORECASE)
_NEW_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(more|additional|further|new)\b", re.IGNORECASE)
_OTHER_FIGURE = re.compile(r"\d{1,3}(?:[,.\s\u202f]\d{3})+|\b(?!(?:19|20)\d\d\b)\d{4,}\b")
_CLAUSE_END = re.compile(r"[.;!?]\s|,\s|$")


@dataclass
class Member:
    """One report of a round as matching sees it (a synthetic one stands in for a row-only round)."""

    article_id: str
    source: str | None  # casefolded outlet, the key for counting sources
    outlet: str  # outlet as displayed
    title: str
    url: str
    published_at: datetime
    facts: Classification
    on: date  # the report's date (see the module docstring)
    follow_up: bool  # names an earlier announcement, a filing or affected workers
    cites_company: bool
    executes: bool = False  # tells a cut being carried out ("starts round of layoffs"): see `_EXECUTION`
    scope: Scope = "full"
    synthetic: bool = False
    stored_round: str | None = None  # the round it was linked to before this plan

    @property
    def is_leak(self) -> bool:
        return self.facts.is_leak

    @property
    def order(self) -> tuple[date, datetime, str]:
        """The canonical order of reports: by date, publication time, then article id."""
        return (self.on, self.published_at, self.article_id)


def report_date(facts: Classification, published_at: datetime, horizon_days: int) -> date:
    """Return the date a report stands for: its announcement date when plausible, else its publication date."""
    published = published_at.date()
    announced = facts.announced_on
    if facts.is_leak or announced is None:
        return published
    if announced > published + timedelta(days=1) or announced < published - timedelta(days=horizon_days):
        return published
    return announced


def lead_of(opening: str, limit: int = 600) -> str:
    """Return an article's lead: the first two paragraphs of its opening, at most `limit` characters."""
    paragraphs = [p.strip() for p in opening.split("\n") if p.strip()]
    return "\n".join(paragraphs[:2])[:limit]


def member_from(candidate: RoundCandidate, horizon_days: int, stored_round: str | None = None) -> Member:
    """Return the report behind `candidate`, its cumulative figure (if any) dropped."""
    facts = candidate.classification
    if is_cumulative(facts, candidate.title):
        facts = facts.model_copy(
            update={"headcount": None, "headcount_min": None, "headcount_max": None,
                    "headcount_approx": False, "headcount_text": None, "headcount_pct": None}
        )
    text = f"{candidate.title}\n{facts.evidence}"
    # a report carrying out an announced cut may say so in its lead while its evidence is another sentence
    told = f"{text}\n{lead_of(candidate.opening)}"
    return Member(
        article_id=candidate.article_id,
        source=candidate.source.strip().casefold() or None,
        outlet=candidate.source.strip(),
        title=candidate.title,
        url=candidate.url,
        published_at=candidate.published_at,
        facts=facts,
        on=report_date(facts, candidate.published_at, horizon_days),
        follow_up=bool(_FOLLOW_UP.search(text)) and not _NEW_ACTION.search(text),
        executes=bool(_EXECUTION.search(told)) and not _NEW_ACTION.search(told),
        cites_company=not facts.is_leak and bool(_CITES_COMPANY.search(text)),
        stored_round=stored_round,
    )


# A report telling its own action apart from the others ("a new round of its own, unrelated to the Amazon cuts")
_APART = re.compile(r"\b(?:separate|unrelated|independent(?:ly)?|of\s+its\s+own)\b", re.IGNORECASE)


def told_apart(m: Member) -> bool:
    """Return whether a report says its cut is a new or separate action, not a share of another."""
    text = f"{m.title}\n{m.facts.evidence}"
    return bool(_NEW_ACTION.search(text) or _APART.search(text))


def seed_member(r: Round) -> Member:
    """Return a stand-in for the members of a round known only by its row."""
    facts = Classification(
        article_id=f"{r.round_id}:seed", classifier_version="round-row", label="layoff_report",
        confidence=1.0, companies=(r.company,), units=r.units, headcount=r.headcount,
        headcount_min=r.headcount_min, headcount_max=r.headcount_max, headcount_text=r.headcount_text,
        announced_on=r.announced_on, is_leak=r.status == "reported", evidence=r.evidence,
    )
    return Member(
        article_id=facts.article_id, source=None, outlet="", title=r.title, url="",
        published_at=r.first_seen_at, facts=facts, on=r.announced_on, follow_up=False,
        cites_company=r.status == "confirmed", synthetic=True, stored_round=r.round_id,
    )


def spellings(n: int) -> list[str]:
    """Return the ways outlets write a figure: "14,000", "14000", "14.000", "14 000" (a space or a narrow one)."""
    plain = f"{n:,}"
    return [plain, str(n), plain.replace(",", "."), plain.replace(",", " "), plain.replace(",", "\u202f")]


def _figure_spans(facts: Classification, text: str) -> list[tuple[int, int]]:
    """Where the report's figure appears in `text` (its phrase, else the number in common spellings)."""
    lowered = text.casefold()
    needles = [facts.headcount_text.casefold()] if facts.headcount_text else []
    n = point(facts)
    if n is not None:
        needles += spellings(n)
    spans = []
    for needle in dict.fromkeys(needles):
        at = lowered.find(needle) if needle else -1
        if at >= 0:
            spans.append((at, at + len(needle)))
    return spans


def cites_figure(member: Member, figure: int | None) -> bool:
    """Return whether the report's title or evidence quotes `figure` (a round's headcount) as a number.

    A unit's filing weeks later that names "its share of the 9,000 cuts announced last month"
    ties itself to that round by the figure, whichever units each side names, when the figure
    counts jobs or cuts ("6,000 square feet" ties nothing). Figures under 100 tie nothing.
    """
    if figure is None or figure < 100:
        return False
    number = "|".join(re.escape(v) for v in sorted(set(spellings(figure)), key=len, reverse=True))
    text = f"{member.title}\n{member.facts.evidence}"
    return re.search(rf"(?<![\d.,])(?:{number})(?![\d]|[.,]\d)\s*(?:[\w-]+\s+){{0,2}}{_CUT_NOUN}", text) is not None


def is_cumulative(facts: Classification, title: str = "") -> bool:
    """Return whether the report's figure is a running total over several actions."""
    if point(facts) is None:
        return False
    for text in (facts.evidence, title):
        spans = _figure_spans(facts, text) if text else []
        if spans:
            return any(_cumulative_at(text, start, end) for start, end in spans)
    return False


def _cumulative_at(text: str, start: int, end: int) -> bool:
    before = re.split(r"[.;!?]\s", text[max(0, start - 60) : start])[-1]
    others = list(_OTHER_FIGURE.finditer(before))
    if others:
        before = before[others[-1].end() :]
    after = text[end : end + 70]
    after = after[: _CLAUSE_END.search(after).start()]  # type: ignore[union-attr]  # "$" always matches
    nxt = _OTHER_FIGURE.search(after)
    if nxt:
        after = after[: nxt.start()]
    if _NEW_BEFORE.search(before) or _NEW_AFTER.search(after):
        return False
    return bool(_TOTAL_BEFORE.search(before) or _SPAN_AFTER.search(after))


def point(c: Classification) -> int | None:
    """Return the single figure a report gives (headcount, else its max, else its min)."""
    if c.headcount is not None:
        return c.headcount
    return c.headcount_max if c.headcount_max is not None else c.headcount_min


def interval(c: Classification) -> tuple[float, float] | None:
    """Return the plausible range of the real figure behind what a report says."""
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


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Return whether two figure intervals agree within the tolerance."""
    return a[0] <= b[1] * (1 + TOLERANCE) and b[0] <= a[1] * (1 + TOLERANCE)


def close(a: int | None, b: int | None, tolerance: float = TOLERANCE) -> bool:
    """Return whether two known figures differ by at most `tolerance` of the larger."""
    return a is not None and b is not None and abs(a - b) <= tolerance * max(a, b)


def specificity(c: Classification) -> int:
    """Return how precise a figure is: 3 exact, 2 approximate or bounded, 1 a range, 0 none."""
    if c.headcount is not None and not c.headcount_approx and c.headcount_min is None:
        return 3 if c.headcount_max is None else 2
    if c.headcount is not None:
        return 2
    return 1 if (c.headcount_min is not None or c.headcount_max is not None) else 0


def seconds(at: datetime) -> float:
    """Return `at` as seconds since 1970 (for sort keys that reverse time)."""
    return (at - _EPOCH).total_seconds()


def fmt(n: int | None) -> str:
    """Return a figure for messages ("14,000", "unknown")."""
    return "unknown" if n is None else f"{n:,}"
