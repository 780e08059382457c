"""A headline's layoff noun and the verb frame around it: cuts the employer's staff face or start ("<Firm> staff face
layoffs"), or cuts as the subject of what they will do ("Council job cuts to save £1.25m", "Amazon's swingeing job cuts
to affect UK roles"). Either says the cuts are coming or under way; whether they are decided is for the lead to say."""

from __future__ import annotations

import re

from ingest.understanding.events import Event
from ingest.understanding.lexicon import Lexicon
from ingest.understanding.lexicon.frames import noun_will, undergo

_POSSESSED = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}$")  # a possessive, then at most two words


def owned(e: Event) -> bool:
    """Return whether a headline's layoff noun is its employer's possessive ("Amazon's swingeing job cuts to affect
    UK roles"), at most two words between."""
    start = e.facts.spans[e.cue.clause][0]
    return _POSSESSED.search(e.sentence.text[start : e.cue.start]) is not None


def coming_cuts(e: Event, lex: Lexicon) -> bool:
    """Return whether a headline's layoff noun opens its clause, after at most the employer's name, as the subject
    of a future predicate ("<Council> job cuts to save £1.25m", "<Plant> job losses will hit 300 families")."""
    frame = noun_will(lex.code)
    start = e.facts.spans[e.cue.clause][0]
    return frame is not None and len(e.sentence.low[start : e.cue.start].split()) <= 4 and frame.match(
        e.sentence.low, e.cue.end) is not None


def undergone(e: Event, lex: Lexicon) -> bool:
    """Return whether a noun cue is the object of a verb of undergoing or starting in its clause ("<Firm> staff face
    layoffs", "<Agency> starts mass layoffs"): the employer's cuts are coming or begun, not a topic talked about."""
    frame = undergo(lex.code)
    start = e.facts.spans[e.cue.clause][0]
    return frame is not None and frame.search(e.sentence.low[start : e.cue.start]) is not None
