"""Tabloid capitals: the words a headline's kicker or a lead's opening sets in capitals for show.

British tabloids open a story in capitals ("AMAZON is to sack more than 18,000 workers", "HUNDREDS of jobs are
under threat") and put a capitalised kicker before a headline ("TESCO AXE: Supermarket to cut 2,000 jobs"). A
name set so is no longer the name the alias table or the article writes ("Amazon"), and a kicker's words join the
name beside them ("TESCO AXE"). Those words are written back in the case the article uses for them elsewhere, the
alias table's, or else as plain words; a word the article writes in capitals elsewhere too is an acronym ("NHS")
and stays. Every change keeps the text's length, so what is found in the result is found at the same place.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.understanding.aliases import CompanyTable

# A headline's kicker: capitals (two letters at least) before its colon ("TESCO AXE:", "JOBS BLOW:")
_KICKER = re.compile(r"^\s*([A-Z][A-Z0-9'&\s-]*[A-Z])\s*:\s")
# A lead opening in capitals: capitalised words (two letters at least) up to a word in small letters
_OPENING = re.compile(r"^\s*((?:[A-Z](?:[A-Z0-9'&-]*[A-Z])?(?:'S)?\s+)*[A-Z][A-Z0-9'&-]*[A-Z](?:'S)?\s+)(?=[a-z])")
_CAPS = re.compile(r"(?<![\w'&-])[A-Z](?:[A-Z0-9'&-]*[A-Z])?(?![\w'&-])")
_WORD = re.compile(r"[^\W\d_][\w'&-]*")
_ACRONYM_LETTERS = 4  # a word this short in capitals is taken for an acronym ("BT", "HSBC") unless known otherwise
# The short words tabloid kickers shout ("AXE", "BLOW", "JOBS HIT"): plain words, whatever their length
_SHOUTED = frozenset("AXE AXED BLOW HIT CUT CUTS JOBS JOB SHUT BUST GONE WOE FURY DOOM RAGE SHOCK LOSS".split())


def uncapped(title: str, text: str, table: CompanyTable) -> tuple[str, str]:
    """Return the title and text with a kicker's and a lead opening's show capitals written as the article writes
    those words (see the module docstring)."""
    kicker = _KICKER.match(title) or _OPENING.match(title)  # "TESCO AXE: ...", "HUNDREDS of staff at ..."
    opening = _OPENING.match(text)
    if kicker is None and opening is None:
        return title, text
    cased = _cased_forms(f"{title}\n{text}")
    # what the article says outside the show capitals: a word in capitals there too is an acronym
    shown_title = title if kicker is None else title[: kicker.start(1)] + title[kicker.end(1) :]
    shown_text = text if opening is None else text[: opening.start(1)] + text[opening.end(1) :]
    rest = f"{shown_title}\n{shown_text}"
    shown = " ".join(m.group(1) for m in (kicker, opening) if m is not None)
    if kicker is not None:
        title = _rewrite(title, kicker.start(1), kicker.end(1), cased, table, rest, shown, first_capital=False)
    if opening is not None:
        text = _rewrite(text, opening.start(1), opening.end(1), cased, table, rest, shown, first_capital=True)
    return title, text


def _cased_forms(text: str) -> dict[str, str]:
    """Return, for each word the text writes in mixed case, its most frequent form, keyed by the word in capitals."""
    counts: Counter[str] = Counter(w for w in _WORD.findall(text) if not w.isupper() and not w.islower())
    forms: dict[str, str] = {}
    for word, _ in counts.most_common():
        forms.setdefault(word.upper(), word)
    return forms


def _rewrite(text: str, start: int, end: int, cased: dict[str, str], table: CompanyTable, rest: str, shown: str, *,
             first_capital: bool) -> str:
    """Return `text` with the capitalised words between `start` and `end` written back (`shown`: every word the
    kicker and the opening set in capitals)."""
    out = list(text)
    for i, m in enumerate(_CAPS.finditer(text, start, end)):
        word = m.group()
        new = cased.get(word) or _alias_form(word, table)
        if new is None and word in _SHOUTED:
            new = word.capitalize() if first_capital and i == 0 else word.lower()
        if new is None:
            if len(word) <= _ACRONYM_LETTERS or re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", rest):
                continue  # short, or written in capitals elsewhere too: an acronym ("ZXT", "NHS")
            named_twice = shown.split().count(word) > 1  # "TESCO AXE: ..." over "TESCO is to cut": a name
            new = word.capitalize() if named_twice or (first_capital and i == 0) else word.lower()
        if len(new) == len(word):
            out[m.start() : m.end()] = new
    return "".join(out)


def _alias_form(word: str, table: CompanyTable) -> str | None:
    """Return the alias table's parent name a word in capitals stands for, as the table writes it."""
    parent = table.parent_of(word)
    return parent if parent is not None and parent.upper() == word and not parent.isupper() else None
