"""Lines written in title case, and the capitalised runs such a headline makes look like names.

"89 Days Into 2024 And 8,000 Layoffs Have Been Announced": every word of such a headline is capitalised, so a run of
them reads as an organisation's name. A run that ends on a function word ("Into", "And", "Over") is the start of a
clause, not a name ("Bank of" is cut back to "Bank" before this by the name reader).
"""

from __future__ import annotations

import re

from ingest.understanding.lexicon import Lexicon

_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
# Words a title-case style leaves in lower case (articles, prepositions, conjunctions, in English and the Romance
# languages): a lower-case one says nothing of the style.
MINOR_WORDS = frozenset(
    "a an the and but or nor for of to in on at by as up via per vs from with into onto over than amid upon after "
    "about among its de du des la le les et ou au aux à en sur par pour un une di del della dei e o al alla il lo gli "
    "i su con da el los las y por para".split())
_WORD = re.compile(r"(?<![\w'’])(?:[dlDL]['’])?([^\W\d_][\w'’-]*)")  # "d’Entrepôts": the word after the elision


def is_title_case(line: str, code: str) -> bool:
    """Return whether a line capitalises its words for style: most of its longer words are capitalised, and it
    writes at most one content word in four, and one in all, in lower case.

    A sentence-case headline whose name fills most of it ("120 jobs to go at Harlow Foods", "Yorkshire Bank to cut
    400 jobs") writes its verb and nouns in lower case. German capitalises every noun and writes its verbs in lower
    case, so there the share of capitalised longer words decides alone."""
    long_words = _LONG_WORD.findall(line)
    if not long_words or sum(w[0].isupper() for w in long_words) / len(long_words) <= 0.6:
        return False
    if code == "de":
        return True
    content = [w for w in _WORD.findall(line) if len(w) > 1 and w.lower() not in MINOR_WORDS]
    lower = sum(1 for w in content if not w[0].isupper())
    return lower < 2 and lower < 0.25 * len(content)  # "Harlow Foods furloughs 300": one verb in three words


def clause_not_name(text: str, lex: Lexicon) -> bool:
    """Return whether a capitalised run of two or more words ends on one of the language's function words ("89 Days
    Into"): a headline's clause, not a name. One word is left alone."""
    words = text.split()
    return len(words) > 1 and lex.function_words is not None and lex.function_words.fullmatch(
        words[-1].lower()) is not None
