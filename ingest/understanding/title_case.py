"""Capitalised runs that a headline written in title case makes look like names, and are not.

"89 Days Into 2024 And 8,000 Layoffs Have Been Announced": every word of such a headline is capitalised, so a run of
them reads as an organisation's name. A run that ends on a function word ("Into", "And", "Over") is the start of a
clause, not a name ("Bank of" is cut back to "Bank" before this by the name reader).
"""

from __future__ import annotations

from ingest.understanding.lexicon import Lexicon


def clause_not_name(text: str, lex: Lexicon) -> bool:
    """Return whether a capitalised run of two or more words ends on one of the language's function words ("89 Days
    Into"): a headline's clause, not a name. One word is left alone."""
    words = text.split()
    return len(words) > 1 and lex.function_words is not None and lex.function_words.fullmatch(
        words[-1].lower()) is not None
