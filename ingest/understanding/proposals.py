"""Whether an article's lead tells a possible cut put to staff as the employer's proposal: a redundancy consultation
begun or staff told they could lose their jobs (`frames.proposal_told`), and a size under the proposal's own
condition ("If progressed, the move will affect 66 studio personnel").
"""

from __future__ import annotations

import re

from ingest.understanding.events import LEAD, Article, Event
from ingest.understanding.lexicon import Lexicon
from ingest.understanding.lexicon.frames import proposal_told


def proposed(e: Event, told: bool) -> bool:
    """Return whether a counted cut under a condition is the size of a proposal put to staff ("If progressed, the move
    will affect 66 studio personnel; staff are now involved in a consultation period"): the condition is the proposal
    going ahead, and no third party (a union, analysts, campaigners) states it."""
    return told and e.reading.modality == "conditional" and bool(e.amounts) and e.actor is not None and (
        not e.generic and e.reading.time == "current") and _OWN_CONDITION.search(e.sentence.text) is not None and (
        _THIRD_PARTY.search(e.sentence.text) is None)


_OWN_CONDITION = re.compile(r"(?i)\bif\s+(?:progressed|confirmed|approved|implemented|agreed|(?:the\s+|these\s+|our\s+)?"
                            r"(?:proposals?|plans?|move|changes?|restructur\w+|closure)\s+(?:is\s+|are\s+)?(?:go(?:es)?\s+"
                            r"ahead|progress\w*|confirmed|approved|implemented|agreed))\b")
_THIRD_PARTY = re.compile(r"(?i)\b(?:unions?|unite|unison|gmb|analysts?|campaigners?|experts?|locals|residents|"
                          r"researchers|economists?|critics|fear(?:s|ed)?|claimed|warned|estimates?)\b")


def proposal_put(article: Article, lex: Lexicon) -> bool:
    """Return whether a lead sentence says the employer put a possible cut to its staff (`frames.proposal_told`)."""
    told = proposal_told(lex.code)
    return told is not None and any(told.search(s.text) for s in article.sentences if not s.is_title and s.index <= LEAD)
