"""Staff whose pay is raised are "affected" by no cut.

"Amazon raises warehouse pay to $22 an hour, impacting hundreds of thousands of employees": the count of staff a
change "affects" is the cue of a closure or a restructuring elsewhere, but here the change is their pay. A sentence that
also names a cut or a restructuring ("150 lavoratori coinvolti dai tagli, aumenti salariali per gli altri") keeps its
cue. Read only where an "affected" cue is (few sentences hold one), on the lower-cased sentence.
"""

from __future__ import annotations

import re

from ingest.understanding.events import Event

_RAISED = {code: re.compile(pattern) for code, pattern in {
    "en": r"\b(?:rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|hik(?:e|es|ed|ing))\s+(?:\S+\s+){0,4}?"
          r"(?:pay|wages?|salar(?:y|ies))\b|\bpay\s+(?:rises?|increases?|raises?|hikes?)\b",
    "de": r"\b(?:lohnerhöhung\w*|gehaltserhöhung\w*|erhöht\s+(?:\S+\s+){0,3}?(?:löhne|gehälter|stundenlohn))",
    "fr": r"\b(?:augment\w+\s+(?:\S+\s+){0,2}?salaires?|hausse\s+des\s+salaires)\b",
    "es": r"\b(?:sub(?:e|en|ida)\s+(?:\S+\s+){0,2}?salari\w+|aumento\s+salarial|aument\w+\s+(?:\S+\s+){0,2}?salarios?)\b",
    "it": r"\b(?:aument\w+\s+(?:\S+\s+){0,2}?(?:stipendi|salari)|aumenti\s+salariali)\b",
}.items()}


def raised_pay(e: Event) -> bool:
    """Return whether an "affected" cue's sentence raises pay and names no cut or restructuring."""
    raised = _RAISED.get(e.facts.lex.code)
    if e.cue.kind != "affected" or raised is None or "restructuring" in e.sentence_kinds:
        return False
    low, trigger = e.sentence.low, e.facts.lex.trigger  # (any cut word besides the cue's own "impacting")
    return raised.search(low) is not None and trigger.search(low[: e.cue.start]) is None and (
        trigger.search(low[e.cue.end :]) is None)
