"""Clauses of a sentence, the layoff cues in them, and the markers (modality, time, source) around them.

A cue is a phrase that names a cut of staff: a cut verb with a job noun ("axe 230 posts"), a
verb that needs no noun ("lay off 240"), a layoff noun ("redundancies"), a loss ("jobs will go",
"lose their jobs"), staff affected by a closure, furlough, or a legal notice (WARN). Clauses are
the spans between punctuation and the conjunctions that open a clause about something else
("UPS cuts 20,000 jobs | as Amazon shipments shrink"): what a marker says holds for its clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ingest.understanding.lexicon import CueKind, Lexicon, MarkerKind, lexicon
from ingest.understanding.lexicon.factor import matches_at
from ingest.understanding.lexicon.frames import WHOLE_SECTOR, aside_end, owned_plural

# When two cues overlap, the more specific one stays ("cut 500 jobs" over "job cuts").
_PRIORITY: dict[CueKind, int] = {
    "cut": 7, "staff": 6, "loss": 5, "notice": 4, "furlough": 3, "affected": 2, "noun": 1,
}


@dataclass(frozen=True, slots=True)
class Cue:
    """A layoff cue in a sentence (offsets relative to the sentence)."""

    kind: CueKind
    start: int
    end: int
    clause: int


@dataclass(frozen=True, slots=True)
class Marker:
    """A word or phrase that says something about the cues of its clause."""

    kind: MarkerKind
    start: int
    end: int
    clause: int


def clause_spans(low: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Return the (start, end) spans of a (lower-cased) sentence's clauses, in order.

    A sentence that opens on a subordinate clause ("After reviewing our priorities, we have decided
    to eliminate ...") ends it at the first comma.
    """
    return list(_spans(low, lex.code))


def sentence_cues(text: str, low: str, lex: Lexicon) -> list[Cue]:
    """Return a sentence's layoff cues (read once per article, however often asked)."""
    return list(_cues(text, low, lex.code))


def has_marker(text: str, low: str, lex: Lexicon, kind: MarkerKind) -> bool:
    """Return whether a sentence holds a marker of one kind anywhere (its other markers not looked for)."""
    return any(
        pattern.search(text if cased else low) for k, pattern, cased in lex.markers
        if k == kind and (not cased or lex.may_match(pattern, text))
    )


def forget_sentences() -> None:
    """Drop the clauses, cues and markers kept for the previous article (each article is read afresh)."""
    _spans.cache_clear()
    _cues.cache_clear()
    _markers.cache_clear()


# A sentence's clauses, cues and markers are asked for again when the article's employer, status and dates
# are decided: kept for the article (`forget_sentences` starts each article afresh, so a benchmark
# repeating one text is not flattered).
@lru_cache(maxsize=512)
def _spans(low: str, code: str) -> tuple[tuple[int, int], ...]:
    lex = lexicon(code)
    spans: list[tuple[int, int]] = []
    position = 0
    if lex.leading_clause.match(low):
        comma = low.find(", ")
        if comma > 0:
            spans.append((0, comma))
            position = comma + 2
    for m in lex.clause_cut.finditer(low, position):
        if m.start() > position:
            spans.append((position, m.start()))
        position = max(position, m.end())
    spans.append((position, len(low)))
    return tuple(s for s in _close_asides(low, spans, code) if s[1] > s[0]) or ((0, len(low)),)


def _close_asides(low: str, spans: list[tuple[int, int]], code: str) -> list[tuple[int, int]]:
    """Return the spans with each relative aside ended at the comma before the main clause's verb ("<Trust>, which
    is one of 16 organisations, | says it may cut ..."): what the aside says (its past, its plurals) is not the cut's."""
    frame = aside_end(code)
    if frame is None:
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        m = frame.match(low, start, end)
        if m is None:
            out.append((start, end))
            continue
        out += [(start, m.start(1)), (m.end(1), end)]
    return out


@lru_cache(maxsize=512)
def _cues(text: str, low: str, code: str) -> tuple[Cue, ...]:
    kept = _cue_matches(text, low, lexicon(code))
    if not kept:
        return ()  # the sentence's clauses are not needed (most sentences)
    spans = list(_spans(low, code))
    return tuple(Cue(kind, start, end, clause_of(spans, start)) for start, end, kind in kept)


def clause_of(spans: list[tuple[int, int]], position: int) -> int:
    """Return the index of the clause holding `position`."""
    for i, (start, end) in enumerate(spans):
        if position < end:
            return i if position >= start else max(0, i - 1)
    return len(spans) - 1


def find_cues(text: str, low: str, lex: Lexicon, spans: list[tuple[int, int]]) -> list[Cue]:
    """Return the layoff cues of a sentence, overlaps resolved in favour of the more specific kind."""
    return [Cue(kind, start, end, clause_of(spans, start)) for start, end, kind in _cue_matches(text, low, lex)]


def _cue_matches(text: str, low: str, lex: Lexicon) -> list[tuple[int, int, CueKind]]:
    """Return (start, end, kind) of the cues of a sentence, in order, overlaps resolved."""
    starts = [m.start() for m in lex.cue_starts.finditer(low)]
    cased = lex.any_cased_cue
    if not starts and (cased is None or not lex.may_match(cased, text) or cased.search(text) is None):
        return []  # no cue pattern matches anywhere (one scan): most sentences with a trigger word
    found: list[tuple[int, int, CueKind]] = []
    letters = {low[s : s + 1] for s in starts}
    for kind, pattern, is_cased in lex.cues:
        for m in _scan(pattern, is_cased, text, low, lex, starts, letters):
            if m.end() > m.start():
                found.append((m.start(), m.end(), kind))
    # the more specific kind first; of one kind, the longer match (it holds more: "schließt ihren Standort, an dem
    # 240 Mitarbeiter arbeiten" over "schließt ihren Standort"), then the earlier
    found.sort(key=lambda f: (-_PRIORITY[f[2]], f[0] - f[1], f[0]))
    kept: list[tuple[int, int, CueKind]] = []
    for start, end, kind in found:
        if not any(s < end and start < e for s, e, _ in kept):
            kept.append((start, end, kind))
    kept.sort()
    return kept


def _scan(pattern: re.Pattern[str], cased: bool, text: str, low: str, lex: Lexicon, starts: list[int],
          letters: set[str]) -> Iterable[re.Match[str]]:
    """Return what `pattern.finditer` finds in the sentence (a cased pattern on `text`, any other on `low`), trying it
    only at the sentence's `starts` where it may begin, or ruling it out with its quick guard."""
    if cased and id(pattern) not in lex.at_starts:
        # (a cased cue is rare: its quick guard rules it out in most sentences)
        return pattern.finditer(text) if lex.may_match(pattern, text) else ()
    if not lex.may_start(pattern, letters):
        return ()
    return matches_at(pattern, text if cased else low, starts)


# Kinds that only frame a headline ("Opinion:", "timeline", "to hire", "third-quarter results"): not looked for in
# the body.
_HEADLINE_KINDS = frozenset(("recap", "advice", "hiring", "results", "statistics"))


def find_markers(
    text: str, low: str, lex: Lexicon, spans: list[tuple[int, int]], *, headline: bool = False
) -> list[Marker]:
    """Return every marker of a sentence, with the clause it sits in (headline kinds only in a headline)."""
    return list(_markers(text, low, lex.code, tuple(spans), headline))


def _owned(low: str, start: int, code: str) -> bool:
    """Return whether a generic plural belongs to one organisation or is picked out of a set ("at its editorial
    departments", "one of 16 organisations"): it says nothing of many employers."""
    frame = owned_plural(code)
    return frame is not None and frame.search(low, max(0, start - 80), start) is not None


@lru_cache(maxsize=512)
def _markers(text: str, low: str, code: str, spans: tuple[tuple[int, int], ...], headline: bool) -> tuple[Marker, ...]:
    lex, span_list = lexicon(code), list(spans)
    starts = [m.start() for m in lex.marker_starts.finditer(low)]
    letters = {low[s : s + 1] for s in starts}
    out = []
    for kind, pattern, cased in lex.markers:
        if kind in _HEADLINE_KINDS and not headline:
            continue
        for m in _scan(pattern, cased, text, low, lex, starts, letters):
            if kind == "generic" and not WHOLE_SECTOR.fullmatch(m.group().lower()) and _owned(low, m.start(), code):
                continue
            out.append(Marker(kind, m.start(), m.end(), clause_of(span_list, m.start())))
    out.sort(key=lambda m: m.start)
    return tuple(out)
