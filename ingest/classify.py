"""Rule-based layoff classifier: label an article and extract who, which units, how many and when.

Decision outline (each step is explainable from `Classification.evidence`):
1. Find layoff cues ("laid off", "cut 500 jobs", "job cuts", WARN) in one scan of title + text; no
   strong cue means `not_layoff` at once. Only the paragraphs holding a cue are split into
   sentences, and only the first 24 cue sentences are judged (news puts the action first).
2. Judge each cue from the markers nearest to it in its clause: current action (announced, "is
   cutting", "will cut", new round, recent weekday/date, leak attribution), past round (earlier,
   last year, old dates), running total ("since 2022", "bringing the total", "so far"), speculation
   or generic subjects ("companies", "AI could").
3. `layoff_report` when a strong cue is judged a current action (unless it is an industry round-up
   of three or more companies); `layoff_mention` when any strong cue remains; else `not_layoff`.
4. Facts come only from current-action clauses (title first): companies acting (aliases, tickers
   and units resolved to parents; "the company" -> the article's main company), units of those
   parents, the most precise consistent headcount, the first recent date, leak vs confirmed.

Headcount conventions: a single figure sets `headcount` ("about 14K" -> 14000, approx); a bound
sets `headcount` and `headcount_min` ("more than 500") or `headcount_max` ("as many as 30,000");
ranges, explicit ("4,000 to 6,000") or vague ("several hundred" -> 200..900), set only min/max and
leave `headcount` None. Non-report labels carry no headcount, units or announced_on.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from datetime import date, datetime
from typing import Protocol

from ingest.companies import CompanyMention, CompanyTable, load_company_table
from ingest.event_dates import resolve_announced_on
from ingest.headcount import Amount, find_amounts, refine
from ingest.models import Classification
from ingest.sentences import Cue, SentenceCues, analyse, confirms, locate, split_sentences, subject_name

CLASSIFIER_VERSION = "rules-1"
_EVIDENCE_CHARS = 400
_MAX_CUE_SENTENCES = 24
_FACT_KINDS = ("report", "plain")

_ANALYSIS_TITLE = re.compile(
    r"(?i)^\s*(?:how|why|what|is|are|do|does|did|can|could|should|will|inside|opinion|analysis|explainer|"
    r"here's|here\s+is|a\s+look|the\s+(?:real|hidden|truth|lesson)|lessons?)\b|\?"
)
# A headline verb right after the subject ("Amazon to cut", "Twitch lays off"), not a noun
# ("job cuts top 15,000") nor an adjective ("Laid-off engineers").
_HEADLINE_VERB = re.compile(
    r"(?i)^(?:[^\s:;]+\s+){0,5}?(?<!job\s)(?<!jobs\s)(?<!staff\s)(?<!the\s)(?<!its\s)(?<!of\s)(?<!more\s)"
    r"(?<!layoff\s)(?:to\s+|will\s+|plans\s+to\s+|set\s+to\s+|reportedly\s+|quietly\s+|is\s+|again\s+)?"
    r"(?:cut|cuts|lay|lays|laid|slash|slashes|axe|axes|eliminate|eliminates|trim|trims|shed|sheds|begin|begins|"
    r"confirm|confirms|announce|announces|disclose|discloses|notify|notifies|reduce|reduces|downsize|downsizes|"
    r"fire|fires|files|plans|planning|prepares|preparing|weighs|mulls|considers|readies)\b(?!-)"
)
_COMPARISON_BEFORE = re.compile(
    r"(?i)\b(?:like|such\s+as|rivals?|competitors?|than|unlike|similar(?:ly)?|follows?|followed|following|after|"
    r"joins?|joining|joined|compared\s+(?:with|to)|versus|vs\.?|compet\w*\s+with|customer|partner|supplier|"
    r"(?:owner|parent|maker|operator|developer|creator)\s+of|owns)\s+(?:\S+\s+){0,3}$"
)
_ROUNDUP = re.compile(
    r"(?i)\b(?:round-?up|tracker|here(?:'s|’s|\s+is|\s+are)\s+(?:a\s+|the\s+)?(?:list|roundup|companies)|"
    r"list\s+of\s+(?:\w+\s+){0,2}(?:companies|layoffs|job\s+cuts)|the\s+companies\s+(?:that|cutting|laying))\b"
)
# Words showing a confirmation comes from the acting company itself, not from a third party.
_SELF_REFERENCE = re.compile(
    r"(?i)\b(?:the\s+company|spokes(?:person|woman|man)|memo|statement|filing|(?-i:WARN)|CEO|chief\s+executive|"
    r"executive|president|the\s+(?:retailer|firm|group|network|platform|studio|chipmaker|automaker|bank|giant))\b"
)
_SPEAKS = re.compile(
    r"(?:\s+(?:Inc|Corp|Co|Ltd)\.?)?,?\s+(?:said|says|confirmed|confirms|announced|announces|told|disclosed|wrote)\b"
)
# A unit named only to describe its parent ("Facebook's parent company Meta", "the owner of Square").
_DESCRIPTOR_AFTER = re.compile(r"(?i)^['’]s\s+(?:parent|owner|maker)\b|^[\s-]+(?:parent|owner)\b")


class Classifier(Protocol):
    """Anything that labels batches of (article_id, title, text, published_at)."""

    version: str

    def classify_many(
        self, items: Iterable[tuple[str, str, str, datetime]], companies: CompanyTable | None = None
    ) -> list[Classification]:
        """Return one Classification per item, in order."""
        ...


class RulesClassifier:
    """The shipped deterministic classifier (this module's rules)."""

    version = CLASSIFIER_VERSION

    def classify_many(
        self, items: Iterable[tuple[str, str, str, datetime]], companies: CompanyTable | None = None
    ) -> list[Classification]:
        """Return one Classification per item, in order."""
        return classify_many(items, companies)


def classify_many(
    items: Iterable[tuple[str, str, str, datetime]], companies: CompanyTable | None = None
) -> list[Classification]:
    """Return one Classification per (article_id, title, text, published_at), loading the table once."""
    table = companies or load_company_table()
    return [classify(a, t, x, p, companies=table) for a, t, x, p in items]


# Link lists after these headings (or lines with these prefixes) are other stories, not this one.
_BOILERPLATE_HEADING = re.compile(
    r"(?i)^\s*(?:more\s+(?:stories|news|from|on\s+this)|r\w*lated(?:\s+(?:stories|articles|news|coverage|posts|"
    r"reading|content))?|read\s+(?:more|also|next)|also\s+read|you\s+(?:may|might)\s+also\s+like|recommended"
    r"(?:\s+for\s+you)?|trending(?:\s+now)?|latest(?:\s+(?:articles|news|stories|posts))?|most\s+(?:read|popular|"
    r"viewed)|top\s+stories|see\s+also|further\s+reading|popular(?:\s+stories)?|what\s+to\s+read\s+next)\s*:?\s*$"
)
_BOILERPLATE_PREFIX = re.compile(r"(?i)^\s*(?:related|read\s+more|read\s+also|also\s+read|read|see\s+also|watch|listen|"
                                 r"recommended|more)\s*:")


# The first words of every heading and prefix above, after a newline (any case). No line before
# the first match can start a link list, so the line loop starts there, and most articles skip it
# (0.15 -> 0.02 ms per 8 KB article on 2 slow vCPUs).
_LIST_LINE = re.compile(r"(?i)\n\s*(?:more|r\w*lated|read|also|you|recommended|trending|latest|most|top|see|"
                        r"further|popular|what\s+to|watch|listen)")


def _boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of link-list lines: after a "More Stories" heading, or "Related:" lines."""
    first = _LIST_LINE.search("\n" + text)  # match i: the line starting at text[i] (or a later one)
    if first is None:
        return []
    spans, position, in_list = [], first.start(), False
    for line in text[position:].split("\n"):
        stripped = line.strip()
        prose = len(stripped.split()) >= 12 and stripped[-1:] in ".!?\"”"
        if _BOILERPLATE_HEADING.match(stripped):
            in_list = True
        elif in_list and prose:
            in_list = False
        if in_list or _BOILERPLATE_PREFIX.match(stripped):
            spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


class _Doc:
    """One article analysed: sentences with judged cues and the company mentions in each."""

    def __init__(self, title: str, text: str, published: date, table: CompanyTable) -> None:
        title = " ".join(title.split())
        self.body = f"{title}\n{text}" if title else text
        self.table = table
        low, sentences, cue_spans = locate(self.body, len(title))
        offset = len(title) + 1 if title else 0
        dropped = [(s + offset, e + offset) for s, e in _boilerplate_spans(text)]
        kept = [i for i, s in enumerate(sentences) if s.is_title or not any(a <= s.start < b for a, b in dropped)]
        sentences, cue_spans = [sentences[i] for i in kept], [cue_spans[i] for i in kept]
        # News puts the action first: past the first _MAX_CUE_SENTENCES layoff sentences there is only
        # background, and judging it would make very long pages slow.
        with_cue = [i for i, spans in enumerate(cue_spans) if spans]
        if len(with_cue) > _MAX_CUE_SENTENCES:
            cut = with_cue[_MAX_CUE_SENTENCES]
            sentences, cue_spans = sentences[:cut], cue_spans[:cut]
        self.has_strong_cue = any(strong for spans in cue_spans for _, _, strong in spans)
        self.views: list[SentenceCues] = []
        self.sentence_mentions: list[list[CompanyMention]] = []
        self.main: str | None = None
        if not self.has_strong_cue:  # nothing layoff-like: the caller answers not_layoff at once
            self.views = [SentenceCues(sentence=s, cues=(), segments=((0, len(s.text)),), dates=()) for s in sentences]
            self.weak_sentence = next((s.text for s, spans in zip(sentences, cue_spans) if spans), "")
            return
        # Companies are looked for only where they matter: the title and sentences with a cue. An
        # all-caps headline ("AMAZON TO CUT 14,000 JOBS") is searched in title case, same offsets.
        searched = self.body
        if title and title.isupper() and len(title.title()) == len(title):
            searched = title.title() + self.body[len(title) :]
        self.mentions = table.find(searched, [(s.start, s.end) for s in sentences])
        starts = [m.start for m in self.mentions]
        self.sentence_mentions = [
            self.mentions[bisect_left(starts, s.start) : bisect_left(starts, s.end)] for s in sentences
        ]
        spans = [
            [(m.start - s.start, m.end - s.start) for m in inside if not m.weak]
            for s, inside in zip(sentences, self.sentence_mentions)
        ]
        headline = bool(title) and any(_HEADLINE_VERB.search(part.strip()) for part in re.split(r"[:|–—]", title))
        self.views = analyse(self.body, low, sentences, cue_spans, published, spans, headline)
        if title and _ANALYSIS_TITLE.search(title):
            view = self.views[0]
            self.views[0] = view.model_copy(update={"cues": tuple(
                c.model_copy(update={"kind": "general", "why": c.why + "; analysis headline"}) for c in view.cues
            )})
        self.main = self._main_company()

    def _main_company(self) -> str | None:
        """Return the parent named in the title, else the parent mentioned most in the text."""
        counts: dict[str, int] = {}
        for view, mentions in zip(self.views, self.sentence_mentions):
            for m in mentions:
                if not m.weak:
                    weight = 100 if view.sentence.is_title else 1
                    counts[m.parent] = counts.get(m.parent, 0) + weight
        return max(counts, key=lambda p: counts[p]) if counts else None

    def segment_mentions(self, i: int, cue: Cue) -> list[CompanyMention]:
        """Return the non-comparison company mentions in the clause segment of `cue`."""
        view = self.views[i]
        start, end = view.segments[cue.segment]
        base = view.sentence.start
        out = []
        for m in self.sentence_mentions[i]:
            rel = m.start - base
            after = view.sentence.text[m.end - base : m.end - base + 20]
            if start <= rel < end and not _COMPARISON_BEFORE.search(view.sentence.text[start:rel]):
                if not (m.unit and _DESCRIPTOR_AFTER.match(after)):
                    out.append(m)
        return out

    def actors(self, i: int, cue: Cue) -> list[str]:
        """Return the parents acting in a cue's clause ("the company" -> the main company)."""
        parents = [m.parent for m in self.segment_mentions(i, cue) if not m.weak]
        if parents:
            return parents
        view = self.views[i]
        start, _ = view.segments[cue.segment]
        name = subject_name(view.sentence.text[start:])
        if name and not self.main:
            return [name]
        return [self.main] if self.main else []


def classify(
    article_id: str, title: str, text: str, published_at: datetime, *, companies: CompanyTable | None = None
) -> Classification:
    """Return the label and extracted facts for one article (published_at is naive UTC)."""
    table = companies or load_company_table()
    published = published_at.date()
    doc = _Doc(title or "", text or "", published, table)
    base = {"article_id": article_id, "classifier_version": CLASSIFIER_VERSION}
    if not doc.has_strong_cue:
        return Classification(**base, label="not_layoff", confidence=0.8 if doc.weak_sentence else 0.95,
                              evidence=_trim(doc.weak_sentence))
    cues = [(i, c) for i, v in enumerate(doc.views) for c in v.cues]
    strong = [(i, c) for i, c in cues if c.strong and "advice" not in c.why]
    reports = [(i, c) for i, c in cues if c.strong and c.kind == "report"]
    if reports:
        actors = _ordered(p for i, c in reports for p in doc.actors(i, c))
        named = _ordered(
            m.parent for i, c in cues if c.strong and c.kind in _FACT_KINDS
            for m in doc.segment_mentions(i, c) if not m.weak
        )
        if not _is_roundup(doc, actors, named):
            return _report(doc, base, reports, actors, published)
    if strong:
        return _mention(doc, base, strong)
    near_miss = next((doc.views[i].sentence.text for i, c in cues), "")
    return Classification(**base, label="not_layoff", confidence=0.8 if cues else 0.95,
                          evidence=_trim(near_miss) if near_miss else "")


def _ordered(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def _is_roundup(doc: _Doc, actors: list[str], named: list[str]) -> bool:
    """Return whether the article surveys layoffs at several companies rather than one action.

    `actors` act in current-action clauses; `named` are all companies in current or neutral
    layoff clauses. A round-up names no single company in its headline.
    """
    has_title = bool(doc.views) and doc.views[0].sentence.is_title
    title_parents = _ordered(m.parent for m in doc.sentence_mentions[0] if not m.weak) if has_title else []
    if len(title_parents) == 1:
        return False
    if len(set(actors) | set(named)) >= 2 and _ROUNDUP.search(doc.body):
        return True
    return len(actors) >= 3 or len(set(actors) | set(named)) >= 4


def _report(doc: _Doc, base: dict[str, str], reports: list[tuple[int, Cue]], actors: list[str],
            published: date) -> Classification:
    """Return the layoff_report Classification with facts from current-action clauses."""
    fact_cues = [(i, c) for i, v in enumerate(doc.views) for c in v.cues if c.kind in _FACT_KINDS]
    units = _ordered(
        m.unit for i, c in fact_cues for m in doc.segment_mentions(i, c)
        if m.unit is not None and m.parent in actors
    )
    amount, pct = _headcount(doc)
    announced = _announced_on(doc) or published
    is_leak = any(c.leak for _, c in reports) and not _confirmed(doc, actors)
    best_i, best = max(reports, key=lambda ic: (ic[1].score, not doc.views[ic[0]].sentence.is_title, -ic[0]))
    confidence = min(0.97, 0.6 + 0.05 * len(reports) + 0.05 * best.score)
    return Classification(
        **base, label="layoff_report", confidence=round(confidence, 2), companies=tuple(actors),
        units=tuple(units),
        headcount=amount.value if amount else None,
        headcount_min=amount.min if amount else None,
        headcount_max=amount.max if amount else None,
        headcount_approx=amount.approx if amount else False,
        headcount_text=amount.text if amount else (pct.text if pct else None),
        headcount_pct=pct.pct if pct else None,
        announced_on=announced, is_leak=is_leak,
        evidence=_trim(doc.views[best_i].sentence.text),
    )


def _confirmed(doc: _Doc, actors: list[str]) -> bool:
    """Return whether the acting company itself confirms the action somewhere in the article.

    Only a leak needs this, so the whole text is split and searched here, lazily.
    """
    judged = {v.sentence.start: v for v in doc.views}
    for sentence in split_sentences(doc.body):
        view = judged.get(sentence.start)
        if view is not None and view.cues and not any(c.kind in _FACT_KINDS for c in view.cues):
            continue  # a past or total clause may quote an old confirmation
        mentions = [m for m in doc.table.find(sentence.text) if not m.weak and m.parent in actors]
        if confirms(sentence.text) and (mentions or _SELF_REFERENCE.search(sentence.text)):
            return True
        # "HP Inc. said Tuesday it plans to cut...": the company speaking for itself
        if any(_SPEAKS.match(sentence.text, m.end) for m in mentions):
            return True
    return False


def _headcount(doc: _Doc) -> tuple[Amount | None, Amount | None]:
    """Return the most precise consistent job count and the first staff percentage of this action."""
    tiers: list[list[tuple[int, tuple[str, ...]]]] = [[], [], []]
    for i, view in enumerate(doc.views):
        kinds = {c.kind for c in view.cues}
        if "report" in kinds or (view.sentence.is_title and "plain" in kinds):
            tiers[0].append((i, _FACT_KINDS))
        elif "plain" in kinds:
            tiers[1].append((i, _FACT_KINDS))
        elif "speculative" in kinds:
            tiers[2].append((i, ("speculative",)))
    best: Amount | None = None
    pct: Amount | None = None
    for tier in tiers:
        for i, allowed in tier:
            view = doc.views[i]
            for amount in find_amounts(view.sentence.text):
                cue = view.nearest_cue(amount.start)
                if cue is None or cue.kind not in allowed:
                    continue
                if amount.pct is not None:
                    pct = pct or amount
                else:
                    best = refine(best, amount)
    return best, pct


def _announced_on(doc: _Doc) -> date | None:
    """Return the first recent, non-future date attached to a current-action clause."""
    with_facts = [v for v in doc.views if any(c.kind in _FACT_KINDS for c in v.cues)]
    has_report = [any(c.kind == "report" for c in v.cues) for v in with_facts]
    ordered = [v for v, r in zip(with_facts, has_report) if r] + [v for v, r in zip(with_facts, has_report) if not r]
    usable = [
        d for view in ordered for d in view.dates
        if (cue := view.nearest_cue(d.start)) is not None and cue.kind in _FACT_KINDS
    ]
    return resolve_announced_on(usable)


def _mention(doc: _Doc, base: dict[str, str], strong: list[tuple[int, Cue]]) -> Classification:
    """Return the layoff_mention Classification: who is discussed, and the deciding sentence."""
    acting = _ordered(p for i, c in strong for p in (m.parent for m in doc.segment_mentions(i, c) if not m.weak))
    anaphoric = [p for i, c in strong if c.anaphor for p in doc.actors(i, c)]
    title_parents = (
        _ordered(m.parent for m in doc.sentence_mentions[0] if not m.weak)
        if doc.views and doc.views[0].sentence.is_title else []
    )
    # The headline's companies when they are the ones acting, else everyone acting in layoff clauses.
    companies = [p for p in title_parents if p in acting or p in anaphoric] or acting
    rank = {"cumulative": 0, "past": 1, "speculative": 2, "general": 3, "plain": 4, "report": 5}
    i, _ = min(strong, key=lambda ic: (rank[ic[1].kind], ic[0]))
    confidence = min(0.9, 0.6 + 0.05 * len(strong))
    return Classification(**base, label="layoff_mention", confidence=round(confidence, 2),
                          companies=tuple(companies), evidence=_trim(doc.views[i].sentence.text))


def _trim(text: str) -> str:
    """Return the sentence cut at a word boundary to at most ~400 characters."""
    if len(text) <= _EVIDENCE_CHARS:
        return text
    return text[:_EVIDENCE_CHARS].rsplit(" ", 1)[0] + " …"
