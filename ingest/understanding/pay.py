"""Staff whose pay is raised are "affected" by no cut.

"Amazon raises warehouse pay to $22 an hour, impacting hundreds of thousands of employees": the count of staff a
change "affects" is the cue of a closure or a restructuring elsewhere, but here the change is their pay. A sentence that
also names a cut or a restructuring ("150 lavoratori coinvolti dai tagli, aumenti salariali per gli altri") keeps its
cue. The pay frame (`lexicon.frames.pay_raised`) is read only where an "affected" cue is: few sentences hold one.
"""

from __future__ import annotations

from ingest.understanding.events import Event
from ingest.understanding.lexicon.frames import pay_raised


def raised_pay(e: Event) -> bool:
    """Return whether an "affected" cue's sentence raises pay and names no cut or restructuring."""
    raised = pay_raised(e.facts.lex.code)
    if e.cue.kind != "affected" or raised is None or "restructuring" in e.sentence_kinds:
        return False
    low, trigger = e.sentence.low, e.facts.lex.trigger  # (any cut word besides the cue's own "impacting")
    return raised.search(low) is not None and trigger.search(low[: e.cue.start]) is None and (
        trigger.search(low[e.cue.end :]) is None)
