"""A closure whose staff keep their jobs: no layoff.

A headline closing a site reads as jobs lost ("Amazon to close Leeds warehouse"), and mostly it is. But a site
closed to move its work elsewhere often keeps every job: the lead says so ("No jobs will be lost", "All 400 staff
will be offered roles at the new site", "los 800 empleados serán reubicados"; the wordings are the lexicon's
`frames.all_kept`). Then the article reports a move, not a layoff, and must not make a round or an alert. Only a
closure told without a count of its own is read so: a count ("with the loss of 300 jobs") says some jobs go whatever
else is kept.
"""

from __future__ import annotations

from ingest.understanding.events import LEAD, Article, Event
from ingest.understanding.lexicon.frames import all_kept, partly


def staff_kept(first: Event, article: Article) -> bool:
    """Return whether the headline's closure keeps its staff: the cue is a site's closure with no count, and the lead
    denies job losses or says every member of staff keeps a job, for the same employer."""
    if not first.in_title or first.amounts or first.cue.kind != "loss" or "closure" not in first.clause_kinds:
        return False
    parent = first.actor.parent if first.actor is not None else None
    lead = [e for e in article.events if not e.in_title and e.sentence.index <= LEAD]
    if any(e.amounts and e.reading.modality != "denied" for e in lead):
        return False  # the lead counts jobs lost: some go, whatever is kept
    if any(e.reading.modality == "denied" and (e.actor is None or e.actor.parent == parent) for e in lead):
        return True
    kept, some = all_kept(first.facts.lex.code), partly(first.facts.lex.code)
    # (a move is often told after what the new site brings: a sentence or two more)
    return kept is not None and any(
        kept.search(s.text) and not (some is not None and some.search(s.text))
        for s in article.sentences if not s.is_title and s.index <= LEAD + 2)
