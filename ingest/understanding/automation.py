"""Whether a report is the story of a technology doing people's work some day, not a round of cuts.

A chief executive's memo that AI "will reduce our corporate workforce" over the coming years, an article on robots
taking warehouse jobs: their cues read as an employer acting now, but they name no size, no team and no site of a
cut. A round's report, leaked or confirmed, gives at least one of them (a figure, a share, a unit).
"""

from __future__ import annotations

from ingest.models import Classification
from ingest.understanding.events import Event
from ingest.understanding.lexicon import Lexicon


def automation_story(main: Event, report: Classification, lex: Lexicon) -> bool:
    """Return whether a report states no size and no unit while the sentence that makes it one names a technology
    doing people's work ("Die KI übernimmt: Amazon will mehr Jobs streichen", "licenzia e assume solo robot"): a
    mention of cuts to come. (A technology named elsewhere in the lead is often only the reason of a real cut.)"""
    if lex.technology is None or report.units:
        return False
    if any(v is not None for v in (report.headcount, report.headcount_min, report.headcount_max, report.headcount_pct)):
        return False
    return lex.technology.search(main.sentence.text) is not None
