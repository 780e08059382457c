"""An article read as layoff events: for each cue, who acts, what is asserted, when, and how many.

The title is read first, then the body in order, so "the company" and "it" refer back to the employers already seen.
Only the sentences holding a cue (and the lead, for its employers) are analysed further: the rest costs one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.understanding.actor_filters import administrator
from ingest.understanding.aliases import CompanyTable
from ingest.understanding.article_employer import (
    HEADLINE_FREE_LEAD, clip, main_employer, named_later, sentence_names, title_cues,
)
from ingest.understanding.clauses import Cue, Marker, clause_of, clause_spans, find_markers, has_marker, sentence_cues
from ingest.understanding.dates import DateMention, find_dates
from ingest.understanding.employers import (
    Actor, Employers, actor_for, as_actor, is_generic, sentence_subject,
)
from ingest.understanding.headcount import Amount, find_amounts
from ingest.understanding.lexicon import Lexicon, lower_same_length
from ingest.understanding.lexicon.frames import comes_after, intends
from ingest.understanding.names import ArticleNames, Name, article_names
from ingest.understanding.modality import Reading, background, hangs_on, read_cue
from ingest.understanding.sentences import Sentence, read_sentences

LEAD = 3  # body sentences that, with the title, state an article's main event
# Body sentences with cues read in full beyond the lead: later ones only add context, and a long
# page of them would be slow. Cues past this still make the article a mention.
MAX_CONTEXT_SENTENCES = 8
# "LONDON, Nov 26 (Reuters) -", "Seattle (dpa) -": a dateline is not the subject of the first sentence.
_DATELINE = re.compile(
    r"^\s*(?:[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,30}|[A-ZÀ-Þ][\w'’. -]{1,30}?(?=,|\s*\())(?:,\s*[^-–—()\n]{1,25}?)?"
    r"(?:\s*\([\w .]{2,20}\)|\s*/[\w .-]{2,20}/)?\s*\.?\s*[-–—]+\s+"  # "(Reuters) -", "/PRNewswire/ --"
    r"|^\s*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?/[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?\s+\|\s+"  # "London/New York | "
)


class _SentenceFacts:
    """What a sentence holding cues says beyond its markers and names: its dates and counts, read on first use
    (most events past the lead are never asked: a mention's later cues, a report's cues by other employers)."""

    __slots__ = ("_amounts", "_dates", "lex", "published", "sentence", "spans")

    def __init__(self, sentence: Sentence, lex: Lexicon, published: date, spans: list[tuple[int, int]]) -> None:
        self.sentence, self.lex, self.published, self.spans = sentence, lex, published, spans
        self._dates: list[DateMention] | None = None
        self._amounts: list[Amount] | None = None

    def dates(self) -> list[DateMention]:
        """Return the sentence's date expressions."""
        if self._dates is None:
            self._dates = find_dates(self.sentence.text, self.published, self.lex)
        return self._dates

    def amounts(self) -> list[Amount]:
        """Return the sentence's job counts."""
        if self._amounts is None:
            self._amounts = find_amounts(self.sentence.text, self.lex)
        return self._amounts


@dataclass(frozen=True, slots=True, eq=False)
class Event:
    """One layoff cue read in its sentence (its reading, counts and dates worked out on first use)."""

    sentence: Sentence
    cue: Cue
    actor: Actor | None
    generic: bool
    units: tuple[str, ...]  # alias-table units named in the cue's clause
    aside: bool  # the cue sits in parentheses: an aside, never the main event
    clause_kinds: frozenset[str]  # the kinds of marker in the cue's clause
    sentence_kinds: frozenset[str]  # the kinds of marker anywhere in the sentence
    markers: tuple[Marker, ...]
    facts: _SentenceFacts  # the sentence's dates and counts, shared by its events
    _later: dict[str, object] = field(default_factory=dict)  # reading and counts once worked out (the class is frozen)

    @property
    def in_title(self) -> bool:
        """Return whether the event is the headline's."""
        return self.sentence.is_title

    @property
    def dates(self) -> tuple[DateMention, ...]:
        """Return the date expressions of the event's sentence."""
        return tuple(self.facts.dates())

    @property
    def amounts(self) -> tuple[Amount, ...]:
        """Return the counts in the cue's clause."""
        if "amounts" not in self._later:
            self._later["amounts"] = _amounts_for(self.facts.amounts(), self.cue, self.facts.spans,
                                                  self.sentence.text)
        return self._later["amounts"]  # type: ignore[return-value]

    @property
    def reading(self) -> Reading:
        """Return the cue's modality and time."""
        if "reading" not in self._later:
            s, spans, dates = self.sentence, self.facts.spans, self.facts.dates()
            markers = _own_expectation_removed(s.low, self.cue, self.markers, self.facts.lex)
            self._later["reading"] = read_cue(
                s.text, self.cue, markers, dates, [clause_of(spans, d.start) for d in dates],
                hangs_on(s.low, spans, self.cue.clause), earlier=_told_before(s.low, spans, self.cue, self.facts.lex),
                negation_follows=self.facts.lex.words.negation_follows, counted=bool(self.amounts),
                unsaid=self.facts.lex.unsaid, technology=self.facts.lex.technology,
            )
        return self._later["reading"]  # type: ignore[return-value]


def _own_expectation_removed(low: str, cue: Cue, markers: tuple[Marker, ...], lex: Lexicon) -> list[Marker]:
    """Return the markers without a forecast verb that governs the cue as its employer's own plan ("<Firm> expects to
    cut 250 jobs"): the employer saying what it will do announces it."""
    frame = intends(lex.code)
    if frame is None:
        return list(markers)
    return [m for m in markers if not (
        m.kind == "forecast" and m.clause == cue.clause and frame.fullmatch(low, m.start, cue.start) is not None)]


def _told_before(low: str, spans: list[tuple[int, int]], cue: Cue, lex: Lexicon) -> bool:
    """Return whether a cue's clause tells an event before the news: it opens on "after", or the cue follows
    "<the news> comes after" ("The decision comes after the company laid off 5% of its staff")."""
    frame = comes_after(lex.code)
    return background(low, spans, cue.clause) or (
        frame is not None and frame.search(low, spans[cue.clause][0], cue.start) is not None)


@dataclass
class Article:
    """The sentences of an article, its events, and its main employer."""

    sentences: list[Sentence]
    events: list[Event]
    employers: Employers
    title_markers: list[Marker]
    lead_names: list[tuple[Sentence, list[Name]]]

    @property
    def title(self) -> str:
        """Return the headline's text ("" when the article has none)."""
        return self.sentences[0].text if self.sentences and self.sentences[0].is_title else ""


# A line holding only a dateline's place, cut short where its abbreviation ends a "sentence" (a page's summary line
# "ONTARIO, Calif." or "BOSTON, Sept." above the lead that repeats it).
_DATELINE_STUB = re.compile(r"^\s*[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,30},\s*[A-Z][a-z]{1,5}\.?\s*$")


def _strip_dateline(text: str) -> str:
    """Return the body without its dateline ("LONDON, Nov 26 (Reuters) -") on any of its first three non-empty lines
    (a summary line may stand above the lead) and without a dateline's stub line; none is read after the dateline."""
    lines = text.split("\n", 8)
    seen = 0
    for i, line in enumerate(lines[:8]):
        if not line.strip():
            continue
        if _DATELINE_STUB.match(line):
            lines[i] = ""
        elif (m := _DATELINE.match(line)) and len(m.group()) <= 60:
            lines[i] = line[m.end() :]
            break  # the dateline found: the lines after it are the article
        seen += 1
        if seen == 3:
            break
    return "\n".join(lines)


# "400 staff laid off at Twitch", "Jobs must go at Waveney council": a passive loss names its employer after "at"
# ("bei" in German) or after "confirmed for" ("The 70 job losses have been confirmed for <firm>"; a bare "for" is
# whom the news hurts: "Jobs blow for Cork"), unless the name only describes whom the employer serves ("at Acme's
# suppliers").
_AT_EMPLOYER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:at|bei|(?:confirm|announc)ed\s+for)\s+(?:the\s+|der\s+|dem\s+)?$", re.IGNORECASE)
_SERVED = re.compile(r"(?:['’]s?\s|\s+(?:supplier|contractor|customer|partner|rival|seller|vendor|client)s?\b)",
                     re.IGNORECASE)


def _at_employer(
    text: str, cue: Cue, spans: list[tuple[int, int]], names: list[Name], main: Actor | None,
) -> Actor | None:
    """Return the organisation named right after a passive cue's "at" in its clause, if any (a name used as a
    modifier, "at Waveney council", only as the start of the article's employer's name)."""
    _, end = spans[cue.clause]
    for name in names:
        if cue.end < name.start < end and not (name.weak or name.surname):
            if not _AT_EMPLOYER.fullmatch(text, cue.end, name.start) or _SERVED.match(text, name.end):
                return None
            if not name.attributive:
                return as_actor(name, "subject")
            return main if main is not None and main.name.startswith(name.text) else None
    return None


# A figure after "compared with" is the other side of a comparison ("small compared with the 27,000 jobs it cut in
# 2023", "en comparación con los 27.000 puestos que eliminó"), never this cue's count.
_COMPARED = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\bin\s+comparison\s+(?:with|to)|\ben\s+comparación\s+con|\bim\s+vergleich\s+"
    r"(?:zu|zum|zur|mit)|\bverglichen\s+mit|\bpar\s+rapport\s+(?:à|aux?)|\bcompar[ée]e?s?\s+(?:à|aux?)|"
    r"\brispetto\s+a\w*|\bin\s+confronto\s+a\w*)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


# A relative clause right after a layoff noun that says whom it touches ("su primer ERE, que implicará la salida de
# 2.935 trabajadores", "a restructuring, which will affect 300 staff"): its count is the noun's
_DESCRIBES = re.compile(
    r"[\s,]*(?:\([^()]{1,15}\))?[\s,]*(?:which|that|que|qui|che|die|der|das)\s+(?:will\s+|would\s+|could\s+|is\s+set\s+to\s+)?"
    r"(?:affect|impact|involve|see|mean|hit|cost|implica|implicará|supondrá|supone|afectará|afecta|concerne|"
    r"concernera|touchera|touche|coinvolge|coinvolgerà|riguarda|riguarderà|betrifft|betreffen|umfasst)\w*\b",
    re.IGNORECASE)


# In that relative clause, a wave's or a sector's tally, or a share ("which affect 2 of every 5 staff"): not the count
_WIDER = re.compile(
    r"\b(?:already|so\s+far|sector|industry|ya|déjà|secteur|già|settore|bereits|schon|Branche|of\s+every|"
    r"out\s+of\s+every|de\s+cada|sur\s+(?:\d|chaque)|su\s+ogni|von\s+je)\b", re.IGNORECASE)


def _amounts_for(
    amounts: list[Amount], cue: Cue, spans: list[tuple[int, int]], text: str = "",
) -> tuple[Amount, ...]:
    """Return the counts in the cue's clause, or inside the cue itself where it spans a relative clause ("to close
    its plant, which employs 1,800 people"), or in a relative clause right after a layoff noun saying whom it
    touches, less a comparison's other side."""
    m = _DESCRIBES.match(text, cue.end) if cue.kind in ("noun", "notice") else None
    described = clause_of(spans, m.end() - 1) if m is not None else cue.clause
    if described != cue.clause and _WIDER.search(text, spans[described][0], spans[described][1]):
        described = cue.clause  # "la ola de despidos, que afecta ya a 40.000 trabajadores del sector": a wave's tally

    def kept(a: Amount) -> bool:
        inside = cue.start <= a.start < cue.end
        compared = not inside and _COMPARED.search(text, max(0, a.start - 60), a.start) is not None
        clause = clause_of(spans, a.start)
        return (inside or clause in (cue.clause, described)) and not compared

    return tuple(a for a in amounts if kept(a))


def _headline_actor_shared(
    cues: list[Cue], actors: list[Actor | None], names: list[Name], spans: list[tuple[int, int]],
) -> list[Actor | None]:
    """Return the headline's actors with a job-loss clause that names nobody given the headline's one employer:
    "Job cuts at <firm> as 120 roles go" tells one action twice, its count in the clause without a subject (with a
    second organisation named, "<firm> buys <rival> as 120 roles go", the clause may be either's)."""
    shared = next((a for a in actors if a is not None), None)
    if shared is None or any(n.text != shared.name and n.parent != shared.parent for n in names if not n.weak):
        return actors
    out = list(actors)
    for i, (cue, actor) in enumerate(zip(cues, actors, strict=True)):
        start, end = spans[cue.clause]
        if actor is None and cue.kind in ("loss", "staff") and not any(start <= n.start < end for n in names):
            out[i] = shared
    return out


def _read_sentence(
    s: Sentence, lex: Lexicon, table: CompanyTable, names_context: ArticleNames, published: date,
    employers: Employers, cues: list[Cue], spans: list[tuple[int, int]], lead: int,
) -> list[Event]:
    """Return the events of one sentence holding cues, and note its subject for later anaphors."""
    text = s.text
    names = [c for n in sentence_names(s, lex, table, names_context) if (c := clip(text, n, cues, names_context.body)).text]
    # a generic noun inside a known name ("Amazon MGM Studios") is the name's, not a generic subject
    markers = [m for m in find_markers(text, s.low, lex, spans, headline=s.is_title)
               if m.kind != "generic" or not any(n.known and n.start <= m.start < n.end for n in names)]
    facts = _SentenceFacts(s, lex, published, spans)
    sentence_kinds = frozenset(m.kind for m in markers)
    events = []
    actors = []
    for cue in cues:
        actor = actor_for(text, cue, spans, names, markers, lex, employers, in_lead=not s.is_title and s.index <= lead)
        if actor is None and cue.kind in ("loss", "staff", "noun"):
            actor = _at_employer(text, cue, spans, names, employers.main)
        main = employers.main
        if actor is not None and main is not None and actor.name != main.name and administrator(
                actor.name, names_context.sample, lex.code):
            actor = Actor(main.name, main.parent, main.unit, "descriptor", main.known)  # "Kroll said 64 ... redundant"
        actors.append(actor)
    if s.is_title:
        actors = _headline_actor_shared(cues, actors, names, spans)
    for cue, actor in zip(cues, actors, strict=True):
        start, end = spans[cue.clause]
        # a unit of another parent named beside the cut ("BT's EE" in an Amazon story) is not this employer's
        units = tuple(n.unit for n in names if n.unit and start <= n.start < end
                      and (actor is None or n.parent == actor.parent))
        events.append(Event(
            sentence=s, cue=cue, actor=actor, generic=actor is None and is_generic(markers, cue, spans),
            units=units, sentence_kinds=sentence_kinds, aside=text[max(0, start - 1) : start] == "(",
            clause_kinds=frozenset(m.kind for m in markers if m.clause == cue.clause), markers=tuple(markers),
            facts=facts,
        ))
    subject = sentence_subject(text, names, lex)
    if subject is not None:
        employers.last = as_actor(subject, "subject")
    return events


class _Reads:
    """Which sentences `read_article` reads: the title, the lead, and those with a trigger (each tested once)."""

    def __init__(self, lex: Lexicon) -> None:
        self._lex = lex
        self._seen: dict[int, bool] = {}

    def __call__(self, s: Sentence) -> bool:
        """Return whether the sentence is read."""
        if s.is_title or s.index <= LEAD:
            return True
        if s.index not in self._seen:
            self._seen[s.index] = self._lex.trigger.search(s.low) is not None
        return self._seen[s.index]


def _holds_cue(sentences: list[Sentence], lex: Lexicon, reads: _Reads) -> bool:
    """Return whether a sentence that `read_article` reads holds a cue."""
    return any(reads(s) and sentence_cues(s.text, s.low, lex) for s in sentences)


def _tells_cut(line: str, lex: Lexicon) -> bool:
    """Return whether a line holds a layoff cue's word or a closure (a sub-headline, never page furniture)."""
    low = lower_same_length(line)
    return lex.trigger.search(low) is not None or has_marker(line, low, lex, "closure")


def read_article(title: str, text: str, published: date, lex: Lexicon, table: CompanyTable) -> Article:
    """Return the article read as events, title first."""
    sentences = read_sentences(title, _strip_dateline(text), tells_cut=lambda line: _tells_cut(line, lex))
    reads = _Reads(lex)
    if not _holds_cue(sentences, lex, reads):
        # No event at all (most pages): who the article is about does not matter, so names are not read.
        return Article(sentences, [], Employers(), [], [])
    context = article_names(title, text, lex)
    lead = [s for s in sentences if s.is_title or s.index <= LEAD]
    lead_names = [(s, sentence_names(s, lex, table, context)) for s in lead]
    main = main_employer(lead_names, lex)
    if main is None and title_cues(sentences, lex):
        main = named_later(sentences, lex, table, context)
    employers = Employers(main=main)
    title_markers: list[Marker] = []
    events: list[Event] = []
    context_read, lead_reach = 0, LEAD
    for s in sentences:
        in_lead = s.is_title or s.index <= LEAD
        if not in_lead and (context_read >= MAX_CONTEXT_SENTENCES or not reads(s)):
            continue
        cues = sentence_cues(s.text, s.low, lex)
        spans = clause_spans(s.low, lex) if cues or s.is_title else []
        if s.is_title:
            title_markers = find_markers(s.text, s.low, lex, spans, headline=True)
            lead_reach = LEAD if cues else HEADLINE_FREE_LEAD
        if cues:
            events += _read_sentence(s, lex, table, context, published, employers, cues, spans, lead_reach)
            context_read += 0 if in_lead else 1
        elif in_lead:
            names = next(n for sentence, n in lead_names if sentence.index == s.index)
            subject = sentence_subject(s.text, names, lex)
            if subject is not None:
                employers.last = as_actor(subject, "subject")
    return Article(sentences, events, employers, title_markers, lead_names)
