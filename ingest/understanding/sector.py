"""A sector's wave of cuts: an article whose lead opens on many employers' cuts (or on a statistic counting them), one
employer as its example.

"Universities have announced 12,000 job cuts in the last year, analysis suggests" or "Of 166 universities, 90 are
proposing job cuts" opens a story about a sector; a university named further down ("Dundee University proposes to
cut 632 jobs") illustrates it. Such an article mentions cuts; it does not report one employer's.
"""

from __future__ import annotations

import re

from ingest.understanding.events import LEAD, Article, Event
from ingest.understanding.lexicon.frames import across, statistic


# Between a sector noun and a name it gives as an example, in the five languages
_EXAMPLE = re.compile(r",?\s+(?:like|such\s+as|including|wie|etwa|comme|tels?\s+que|como|tales\s+como|come)\s+")


def sector_subject(e: Event) -> bool:
    """Return whether a cue's subject is a sector, not an employer: a statistic ("data shows"), a generic noun
    ("universities", "companies") before the cue in its clause with no employer named in its sentence (one carried
    from elsewhere does not act), or an employer named only as the generic noun's example ("Companies like X")."""
    if e.generic or _counted_by_statistic(e) or _spread_over_sector(e):
        return True
    generic = [m for m in e.markers if m.kind == "generic" and m.start < e.cue.start]
    at = e.sentence.text.find(e.actor.name) if e.actor is not None else -1
    if at >= 0:
        # "Companies like Salesforce claim ... after laying off thousands": the employer named is the sector's example
        return any(_EXAMPLE.fullmatch(e.sentence.low, m.end, at) for m in generic)
    return any(m.clause == e.cue.clause for m in generic)


def _spread_over_sector(e: Event) -> bool:
    """Return whether a cue with no employer of its own spreads over a sector named after it in its clause ("more job
    losses are announced across the industry"): many employers' cuts, not one's."""
    frame = across(e.facts.lex.code)
    if frame is None or e.actor is not None:
        return False
    return any(m.kind == "generic" and m.clause == e.cue.clause and m.start >= e.cue.end
               and frame.fullmatch(e.sentence.low, e.cue.end, m.start) for m in e.markers)


def _counted_by_statistic(e: Event) -> bool:
    """Return whether a statistic is the subject of a cue's clause ("data shows minimal layoffs so far")."""
    frame = statistic(e.facts.lex.code)
    start = e.facts.spans[e.cue.clause][0]
    return frame is not None and frame.search(e.sentence.low, start, e.cue.start) is not None


def opens_on_sector(article: Article) -> bool:
    """Return whether the lead's first layoff cue has a sector as its subject: the wave is the news."""
    first = next((e for e in article.events if not e.in_title and not e.aside and e.sentence.index <= LEAD), None)
    return first is not None and sector_subject(first)


def unnamed_in_headline(e: Event) -> bool:
    """Return whether a headline cue's employer is not written in the headline, not even in a short form ("Lakeside
    schools" for "Lakeside Community School District"): it was carried from the body."""
    if not e.in_title or e.actor is None:
        return False
    words = {w for w in re.findall(r"[^\W\d_][\w'’&.-]+", e.sentence.text) if w[0].isupper()}
    return not any(w in words for w in e.actor.name.split())
