"""The role a number plays in its sentence's grammar, for the counts `headcount` reads: the people who lose their
jobs ("45 teaching assistants are to lose their jobs"), a fraction's numerator ("one-third"), the whole a share is
taken of ("6 % des 300 000 employés"), a part of the workforce ("cut 60 of its 240 staff"), a list's last member
("and one other member of staff"), the Italian "via in 18mila". Patterns for the five languages the classifier reads.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import Protocol, TypeVar

from ingest.understanding.lexicon import Lexicon, lexicon, lower_same_length

class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)

# The whole after "N of its": a figure ("of its 240 staff"), so N is a part of the workforce, not of a set named before.
_STAFF_WHOLE = re.compile(r"\s*(?:[\w'’]+\s+){0,2}?\d")
_DIGITS = re.compile(r"\d*(?:[.,\u00a0\u202f ]\d{3})*")
# "which has nearly 140 jobs at risk": a verb of having right before the figure (a qualifier between)
POSSESSION = re.compile(
    r"(?i)\b(?:has|have|had|having|hat|hatte|haben|compte|tiene|cuenta\s+con|conta)\s+(?:[\w-]+\s+){0,2}$"
)
# The determiner of "N of its posts" that makes the whole the employer's own staff
_OWN_STAFF = {"en": re.compile(r"\b(?:its|their|our)$", re.IGNORECASE),
              "it": re.compile(r"\b(?:dei|degli|delle)\s+(?:suoi|sue|propri|proprie)$", re.IGNORECASE)}
_LOSS_REACH = 90  # characters after the whole where its loss may be stated ("employees had been made redundant")

# A number word joined to a fraction's denominator is the fraction's numerator ("one-third", "two fifths")
DENOMINATOR = re.compile(r"[\s-]+(?:half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
                         re.IGNORECASE)
# Between a share and the whole it is taken of: "of", "des", "der", "de los", "dei" and a determiner or qualifier
WHOLE_AFTER_SHARE = re.compile(
    r"\s+(?:of|des|de|der|dei|degli|delle|del|de\s+l[oa]s|von)\s+(?:[\w'’]+\s+){0,2}", re.IGNORECASE)

# After a count and its noun (up to three words: "teaching assistants", "full-time workers"), the predicate that says
# they lose their jobs: the count is the subject of the loss ("45 teaching assistants are to lose their jobs",
# "120 Beschäftigte verlieren ihren Arbeitsplatz", "80 salariés seront licenciés").
_AUX = {
    "en": r"are|were|will|would|could|may|might|is|was|have|has|had|set|due|expected|likely|about|now|to|be|been|being",
    "de": r"werden|wurden|würden|sollen|sollten|müssen|könnten|sind|haben",
    "fr": r"vont|vont-ils|devraient|doivent|pourraient|seront|sont|ont|être|été",
    "es": r"van|serán|son|han|sido|ser|podrían|deberán|a",
    "it": r"saranno|sono|verranno|vengono|hanno|potrebbero|dovranno|essere|stati|state",
}
_LOSS = {
    "en": r"los(?:e|ing|t)\s+(?:their|his|her)\s+(?:jobs?|posts?|roles?|positions?|livelihoods?)|(?:made|make)\s+redundant|"
          r"laid\s+off|let\s+go|sacked|dismissed|fired|axed|"
          # ("Around 1,200 employees across the three sites are affected"; not by a strike, a storm or an outage)
          r"affected(?!\s+by\s+(?:the\s+|a\s+|an\s+)?(?:strikes?|walkouts?|outages?|storms?|floods?|fires?|"
          r"disruption|delays?|weather|heat|snow|virus|illness|pay\s+freeze|changes?\s+to\s+(?:pay|hours|shifts)))",
    "de": r"verlier\w*\s+(?:ihren?\s+)?(?:Job|Jobs|Arbeitsplatz|Arbeitsplätze|Stelle|Stellen|Arbeit)|entlassen|gekündigt",
    "fr": r"perd\w*\s+(?:leur|leurs)\s+(?:emplois?|postes?|travail)|licenciés?|licenciées?|supprimés?",
    "es": r"perder\w*\s+(?:su|sus)\s+(?:empleos?|puestos?|trabajos?)|despedid[oa]s",
    "it": r"perder\w*\s+(?:il|i)\s+(?:lavoro|posto|posti)|licenziat[ie]",
}
# (English may name where they work between: "1,200 employees across the three sites are affected")
_WHERE = {"en": r"(?:(?:across|at|in)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,2}?(?:sites?|plants?|stores?|offices?|"
                r"depots?|locations?|warehouses?|branches|factories|centres|centers)\s+)?"}
SUBJECT_OF_LOSS = {
    code: re.compile(rf"^\s+(?:[\w'’-]+\s+){{0,3}}?{_WHERE.get(code, '')}(?:(?:{_AUX[code]})\s+){{0,3}}"
                     rf"(?:{_LOSS[code]})\b", re.IGNORECASE)
    for code in _LOSS
}
# "make 45 teaching assistants redundant": the count is the object of making redundant
MAKE_BEFORE = re.compile(r"\bmak(?:e|es|ing)\s+$", re.IGNORECASE)
REDUNDANT_AFTER = re.compile(r"^\s+(?:[\w'’-]+\s+){0,3}?redundant\b", re.IGNORECASE)


# "..., an editorial administrator and one other member of staff": a count closing a list with "other" adds to the
# items named before it, so it is one part of the list, never the action's count (not "and 200 more": a further cut)
_LIST_TAIL_BEFORE = {
    "en": re.compile(r"(?:,|\band|\bplus)\s+$", re.IGNORECASE),
    "de": re.compile(r"(?:,|\bund|\bsowie)\s+$", re.IGNORECASE),
    "fr": re.compile(r"(?:,|\bet)\s+$", re.IGNORECASE),
}
_OTHER_AFTER = {
    "en": re.compile(r"\s+others?\b", re.IGNORECASE),
    "de": re.compile(r"\s+andere[nr]?\b", re.IGNORECASE),  # not "weitere": "20 weitere Stellen" is a further cut
    "fr": re.compile(r"\s+autres?\b", re.IGNORECASE),
}  # Spanish and Italian put "otros", "altri" before the number


def list_member(text: str, start: int, end: int, code: str) -> bool:
    """Return whether the count at [start, end) closes a list as "and N other(s)": a part of the list."""
    before, after = _LIST_TAIL_BEFORE.get(code), _OTHER_AFTER.get(code)
    return (before is not None and after is not None and after.match(text, end) is not None
            and before.search(text, max(0, start - 12), start) is not None)


# Italian counts the people who go as "in N" after the word of going ("via in 18mila", "a casa in 500",
# "licenziati in 300"), the clause ending there or going on to an infinitive ("in 300 a perdere il posto")
_IN_PEOPLE_BEFORE = {
    "it": re.compile(r"\b(?:via|fuori|a\s+casa|licenziat[ie]|tagliat[ie]|esodat[ie]|in\s+uscita)\s+in\s+$",
                     re.IGNORECASE),
}
_IN_PEOPLE_AFTER = re.compile(r"\s*(?:$|[,.;:!?)»”\"]|a\s+\w+re\b)", re.IGNORECASE)


def people_in(text: str, start: int, end: int, code: str) -> bool:
    """Return whether the count at [start, end) is the Italian "in N" of the people who go ("via in 18mila")."""
    before = _IN_PEOPLE_BEFORE.get(code)
    return (before is not None and before.search(text, max(0, start - 30), start) is not None
            and _IN_PEOPLE_AFTER.match(text, end) is not None)


# A size that describes a kind of employer ("employers with 50 or more full-time employees", "firms employing over
# 100 people", "Unternehmen mit mehr als 500 Beschäftigten"): a threshold of a rule or a statistic, never a cut
_MANY_BEFORE = {
    "en": r"(?:employers|companies|firms|businesses|organi[sz]ations)\s+(?:with|of|employing|"
          r"that\s+employ|which\s+employ|who\s+employ)",
    "de": r"(?:Unternehmen|Firmen|Betriebe|Arbeitgeber)\s+mit",
    "fr": r"(?:entreprises|sociétés|employeurs)\s+(?:de|d['’]au\s+moins|employant|comptant)",
    "es": r"(?:empresas|compañías|empleadores)\s+(?:de|con|que\s+emplean)",
    "it": r"(?:aziende|imprese|società|datori\s+di\s+lavoro)\s+(?:con|di|che\s+impiegano)",
}
_MANY = {code: re.compile(rf"\b{words}\s+(?:[\w-]+\s+){{0,2}}?$", re.IGNORECASE) for code, words in _MANY_BEFORE.items()}


def size_of_many(before: str, code: str) -> bool:
    """Return whether the number right after `before` is the size of a kind of employer ("employers with 50 or more
    employees"), not a count of one employer's cut."""
    many = _MANY.get(code)
    return many is not None and many.search(before) is not None


def subject_of_loss(before: str, after: str, code: str) -> bool:
    """Return whether the number between `before` and `after` counts the people a loss predicate is said of."""
    loss = SUBJECT_OF_LOSS.get(code)
    if loss is not None and loss.match(after) is not None:
        return True
    return code == "en" and MAKE_BEFORE.search(before) is not None and REDUNDANT_AFTER.match(after) is not None


def apart_from_shares(text: str, counts: list[S], shares: list[tuple[int, int]]) -> list[S]:
    """Return the counts that are neither the number word of a share ("one third", "one-third of its staff") nor
    the whole a share is taken of ("6 % des 300 000 employés", "a quarter of the 8,000 staff"); `shares` are the
    spans of the sentence's percentages and fractions."""
    def kept(a: S) -> bool:
        if DENOMINATOR.match(text, a.end) or any(start <= a.start < end for start, end in shares):
            return False
        return not any(WHOLE_AFTER_SHARE.fullmatch(text, end, a.start) for _, end in shares if end <= a.start)
    return [a for a in counts if kept(a)]


@lru_cache(maxsize=8)
def _staff_phrase_for(code: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:[\w'’-]+\s+){{0,3}}?(?:{lexicon(code).words.job_nouns})\b", re.IGNORECASE)


def _staff_phrase(lex: Lexicon) -> re.Pattern[str]:
    """Return the pattern of a short noun phrase headed by a staff or post noun ("full-time equivalent posts")."""
    return _staff_phrase_for(lex.code)


def cut_of_staff(rest: str, before: str, lex: Lexicon, subset: str = "") -> bool:
    """Return whether "N of its M staff" counts the cut: after a cut verb ("cut 60 of its 240 staff") or before a
    loss of the staff ("70 of the studio's 142 employees were made redundant"), the part is the action's count and
    the whole the workforce; without a verb, or with no whole, it is a subset."""
    whole = _STAFF_WHOLE.match(rest)
    verb_before = lex.count_context.get("verb_before")
    cut_before = verb_before is not None and verb_before.search(before) is not None
    if whole is None:
        # "proposed cutting more than 80 of its full-time posts": a part of the employer's own staff or posts,
        # after a cut verb, is the cut (without a verb, "80 of its posts are in Leeds", it is a subset)
        own = _OWN_STAFF.get(lex.code)
        return cut_before and own is not None and own.search(subset) is not None and (
            _staff_phrase(lex).match(rest) is not None)
    if cut_before:
        return True
    digits = _DIGITS.match(rest, whole.end())  # past the whole's own "6,500": its comma ends no clause
    return _lost_in_clause(rest, digits.end() if digits is not None else whole.end(), lex)


def _lost_in_clause(rest: str, end: int, lex: Lexicon) -> bool:
    """Return whether a loss cue of the staff named up to `end` follows within the same clause ("of the studio's 142
    employees were made redundant")."""
    low = lower_same_length(rest[: end + _LOSS_REACH])
    return any(kind == "loss" and not cased and (m := p.search(low)) is not None
               and not re.search(r"[,;:]", low[end : m.end()]) for kind, p, cased in lex.cues)


def lost_after(after: str, lex: Lexicon) -> bool:
    """Return whether the staff counted right before `after` are said to be lost in the same clause ("the site,
    which has nearly 140 jobs at risk"): then "has" does not make the figure a workforce."""
    low = lower_same_length(after[:_LOSS_REACH])
    clause = re.split(r"[,;:]", low, maxsplit=1)[0]
    return any(kind == "loss" and not cased and p.search(clause) is not None for kind, p, cased in lex.cues)


def closing_site(before: str, after: str, lex: Lexicon) -> bool:
    """Return whether the number between `before` and `after` is the workforce of a site that closes ("to shut its
    Luton plant, which employs 1,800 people"; "the depot, where 240 people work, will close"): those jobs go."""
    closing, site, closes = (lex.count_context.get(k) for k in ("closing_site_before", "site_before", "closing_after"))
    if closing is not None and closing.search(before):
        return True
    return site is not None and closes is not None and site.search(before) is not None and closes.match(after) is not None


def number_in_name(text: str, start: int, end: int, number_words: Collection[str], lex: Lexicon) -> bool:
    """Return whether a capitalised number word is part of a name: inside a sentence, or opening one before another
    capitalised word that is neither a job noun nor a number ("One Medical cuts jobs", not "Fifty Jobs To Go")."""
    after = re.match(r"\s+([A-Z][\w'’-]*)", text[end:])
    next_word = after.group(1).lower() if after else ""
    return (bool(start) and not re.search(r"[.!?:\n]\s*$", text[:start])) or (
        bool(next_word) and not lex.job_nouns.match(next_word) and next_word not in number_words)


# A workforce brought down TO a figure: the staff who stay, not the cut ("cut its workforce to 8,000", "reducirá su
# plantilla a 8.000 trabajadores", "va réduire ses effectifs à 6 000"; not "job cuts swell to 18,000")
LEVEL = re.compile(r"(?i)\b(?:reduc(?:e|es|ed|ing)|cut(?:ting)?|trim(?:s|med|ming)?|shrink(?:s|ing)?|shrank|bring(?:s|ing)?|"
                    r"brought|reduzier\w*|verkleiner\w*|rédui(?:re|t|ra|ront|sent)|ramen\w*|reduc(?:irá|irán|ir)|ridurr\w*|"
                    r"riduce|portar\w*)\s+(?:\S+\s+){0,4}?(?:to|a|à|auf)\s+(?:about|around|roughly|some|unos|environ|rund|circa)?\s*$")


def day_of_month(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Return whether the number at [start, end) is a day written beside its month ("July 25", "25 July"): at most 31,
    and no staff noun after it ("in March 20 staff were told" counts 20)."""
    if end - start > 2 or not text[start:end].isdigit() or int(text[start:end]) > 31:
        return False
    if _staff_right_after(lex.code).match(text, end) is not None:
        return False
    before, after = _months(lex.code)
    return before.search(text, max(0, start - 12), start) is not None or after.match(text, end) is not None


@lru_cache(maxsize=8)
def _staff_right_after(code: str) -> re.Pattern[str]:
    """Return the pattern of a staff noun right after a number, one word between at most ("20 staff", "60
    trabajadores", "40 full-time staff"; not "25 with 66 employees")."""
    return re.compile(rf"\s+(?:(?!(?:with|and|or|to|at|in|on|from|for|y|et|und|e|con|avec|mit)\s)[\w-]+\s+)?"
                      rf"(?:{lexicon(code).words.job_nouns})\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _months(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted(lexicon(code).words.months, key=len, reverse=True))
    # (never the verbs "may" and "march" written in lower case: "Up to 25 may lose their jobs")
    # (nor "May" before a verb: "30 May Lose Jobs" in a title-case headline)
    return (re.compile(rf"\b(?!(?-i:may|march)\b)(?:{names})\.?\s+$", re.IGNORECASE),
            re.compile(rf"\s+(?!(?-i:may|march)\b|may\s+(?:lose|be|face|go|have|see|need|get)\b)(?:{names})\b",
                       re.IGNORECASE))
