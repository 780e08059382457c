"""A closure whose staff keep their jobs: no layoff.

A headline closing a site reads as jobs lost ("Amazon to close Leeds warehouse"), and mostly it is. But a site
closed to move its work elsewhere often keeps every job: the lead says so ("No jobs will be lost", "All 400 staff
will be offered roles at the new site", "los 800 empleados serán reubicados"). Then the article reports a move, not a
layoff, and must not make a round or an alert. Only a closure told without a count of its own is read so: a count
("with the loss of 300 jobs") says some jobs go whatever else is kept.
"""

from __future__ import annotations

import re

from ingest.understanding.events import LEAD, Article, Event

# Every member of staff kept, in the five languages ("all 400 staff will be offered jobs at the new site",
# "tous les salariés seront reclassés", "alle Beschäftigten werden übernommen", "serán reubicados", "saranno
# ricollocati")
_ALL_KEPT = re.compile(
    r"\b(?:all|every|each\s+of\s+the)\s+(?:of\s+(?:the|its)\s+)?(?:\d[\d,.]*\s+)?(?:[\w-]+\s+)?(?:staff|employees|workers|"
    r"colleagues|jobs|roles)\b[^.;]{0,40}?\b(?:will|would|are\s+to|are\s+being|have\s+been)\s+(?:be\s+)?(?:offered|"
    r"transferred|relocated|redeployed|moved|retained|kept)\b"
    r"|\b(?:tous|toutes)\s+les\s+(?:\d[\d\s.]*\s+)?(?:salariés|employés|postes)\b[^.;]{0,40}?\bseront\s+(?:reclassé|transféré|"
    r"maintenu|conservé)"
    r"|\balle\s+(?:\d[\d.]*\s+)?(?:Beschäftigten|Mitarbeiter\w*|Arbeitsplätze|Stellen)\b[^.;]{0,40}?\b(?:werden|bleiben)\s+"
    r"(?:übernommen|weiterbeschäftigt|erhalten)"
    r"|\b(?:empleados|trabajadores|plantilla)\b[^.;]{0,40}?\bserán\s+(?:reubicados|recolocados|trasladados)|"
    r"garantizando\s+un\s+puesto\s+para\s+tod[oa]s"
    r"|\b(?:dipendenti|lavoratori)\b[^.;]{0,40}?\bsaranno\s+(?:ricollocati|trasferiti|riassorbiti)",
    re.IGNORECASE,
)
# Only some kept ("solo in parte", "not all", "partly"): some jobs go
_PARTLY = re.compile(r"\b(?:in\s+parte|parzialmente|partially|partly|not\s+all|some\s+of|en\s+partie|pas\s+tous|teilweise|"
                     r"nicht\s+alle|en\s+parte|parcialmente|no\s+todos|non\s+tutti)\b", re.IGNORECASE)
_CLOSING = re.compile(r"\b(?:clos|shut|ferm|schlie|schließ|cierr|cerr|chiud|chius)", re.IGNORECASE)


def staff_kept(first: Event, article: Article) -> bool:
    """Return whether the headline's closure keeps its staff: the cue is a site's closure with no count, and the lead
    denies job losses or says every member of staff keeps a job, for the same employer."""
    if not first.in_title or first.amounts or first.cue.kind != "loss":
        return False
    if _CLOSING.search(first.sentence.text, first.cue.start, first.cue.end) is None:
        return False
    parent = first.actor.parent if first.actor is not None else None
    lead = [e for e in article.events if not e.in_title and e.sentence.index <= LEAD]
    if any(e.amounts and e.reading.modality != "denied" for e in lead):
        return False  # the lead counts jobs lost: some go, whatever is kept
    denied = any(e.reading.modality == "denied" and (e.actor is None or e.actor.parent == parent) for e in lead)
    # (a move is often told after what the new site brings: a sentence or two more)
    return denied or any(_ALL_KEPT.search(s.text) and not _PARTLY.search(s.text)
                         for s in article.sentences if not s.is_title and s.index <= LEAD + 2)
