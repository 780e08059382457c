"""A figure a sentence names as the count of the action without a job noun after it: "the figure confirmed is now
14,000", "earlier reports put the number at 10,000 employees", "the exact number affected is unknown, it is said to
be around 10,000", "die Zahl der Betroffenen liegt bei 10.000", "le nombre de postes supprimés s'élève à 1 200",
or a notice's field "Number Affected: 76"; and a lead sentence no cue was read in that states the cut as a
reduction ("The Trust will reduce its establishment by 75 posts").

Read only when the report's own events give no count or a vague one ("thousands"): the noun "number"/"figure"
then refers to the action's size. A total ("the total number of layoffs this year"), a running count or the
workforce ("the number of employees is 350,000") is not the action's figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ingest.understanding.headcount import Amount, figure_at, find_amounts
from ingest.understanding.lexicon import Lexicon
from ingest.understanding.sentences import Sentence

# Sentences after the title where a restated figure may stand: a headline-free lead's length, or a notice's fields
_REACH = 10
_FIELD_REACH = 30
_GAP = 90  # characters between the noun and the verb that names its value
# The noun naming the count, and the verb (or preposition) before its value
_NAMED = {
    "en": (r"\b(?:the|this|that)\s+(?:exact\s+|final\s+|actual\s+|real\s+|latest\s+|confirmed\s+)?"
           r"(?:number|figure|tally)\b",
           r"\b(?:is|was|be|at|of|stands\s+at|stood\s+at)\s+(?:now\s+|just\s+)?"),
    "de": (r"\b(?:die|der)\s+(?:genaue\s+|endgültige\s+)?(?:Zahl|Anzahl)\b",
           r"\b(?:(?:liegt|lag|liege|läge)\s+(?:damit\s+|nun\s+|jetzt\s+|demnach\s+)?bei|beträgt|betrug|betrage|von|auf)\s+"),
    "fr": (r"\b(?:le|ce)\s+(?:nombre|chiffre)\b",
           r"(?:\bs['’](?:élève|élèverait|établit|établirait)\s+à|\best\s+de|\batteint|\bde|\bà)\s+"),
    "es": (r"\b(?:la|esa|esta)\s+cifra\b|\bel\s+número\b",
           r"\b(?:(?:asciende|ascendería|ascendió)\s+a|es\s+de|de|en)\s+"),
    "it": (r"\b(?:il|questo)\s+numero\b|\bla\s+cifra\b",
           r"\b(?:(?:è|sarebbe)\s+di|ammonta\s+a|sale\s+a|di|a)\s+"),
}
# A sentence that opens by equating what was said before with a figure of staff ("This equals about 500 employees",
# "That number equates to 2,300 full-time jobs", "Dies entspricht etwa 500 Mitarbeitern"): read, like the sentences
# naming "the number", only when the action has no figure of its own (a share, or nothing)
_EQUALS = {code: re.compile(rf"^\W*(?:{words})\s+", re.IGNORECASE) for code, words in {
    "en": r"(?:this|that)\s+(?:(?:number|figure)\s+)?(?:equals|equates\s+to|amounts\s+to|translates\s+to|represents|means)",
    "de": r"(?:dies|das)\s+(?:entspricht|entspräche|sind|wären|bedeutet|macht)",
    "fr": r"(?:cela|ceci)\s+(?:représente|correspond\s+à|équivaut\s+à|concerne)",
    "es": r"(?:esto|eso)\s+(?:supone|supondría|equivale\s+a|representa|significa)",
    "it": r"(?:ciò|questo)\s+(?:equivale\s+a|corrisponde\s+a|significa|rappresenta)",
}.items()}
# A word of losing jobs somewhere in the sentence: the number is the action's size, not some other quantity
_LOSS = {
    "en": r"\b(?:affected|hit|impacted|laid\s+off|let\s+go|go|gone|going|lay-?offs?|job\s+(?:cuts|losses)|cuts?|los(?:e|ing)|"
          r"redundan\w*|eliminat\w*|ax(?:e|ed|ing)|roles|positions|jobs|posts)\b",
    "de": r"\b(?:betroffen\w*|abgebaut|gestrichen|Stellen\w*|Entlassungen|Jobs|Arbeitsplätze)\b",
    "fr": r"\b(?:licenci\w*|suppressions?|supprimé\w*|postes|emplois|concerné\w*)\b",
    "es": r"\b(?:despid\w*|puestos|empleos|afectad\w*|recortes?)\b",
    "it": r"\b(?:licenzia\w*|esuberi|posti|tagli\w*|coinvolt\w*)\b",
}
# A total, a running count or the workforce: not one action's figure
_NOT_ACTION = {
    "en": r"\b(?:total|overall|since|so\s+far|to\s+date|in\s+all|altogether|cumulative|this\s+year|workforce|employs|"
          r"headcount)\b",
    "de": r"\b(?:insgesamt|seit|bisher|Belegschaft|beschäftigt)\b",
    "fr": r"\b(?:au\s+total|depuis|jusqu['’]ici|effectifs?|emploie)\b",
    "es": r"\b(?:en\s+total|desde|hasta\s+ahora|plantilla|emplea)\b",
    "it": r"\b(?:in\s+totale|dal|finora|forza\s+lavoro|impiega)\b",
}


# A notice's labelled field ("Number Affected: 76", "Employees affected: 120", "Total de plazas amortizadas: 18"): the
# filing's count of the action
_FIELD = {code: re.compile(rf"^\W*(?:{words})\s*:\s*", re.IGNORECASE) for code, words in {
    "en": r"(?:(?:total\s+)?(?:number|no\.|#)\s+(?:of\s+)?)?(?:(?:employees|workers|positions|jobs|staff)\s+)?"
          r"(?:affected|impacted|laid\s+off|to\s+be\s+laid\s+off|separated|terminated|eliminated)",
    "de": r"(?:(?:Gesamt)?(?:zahl|anzahl)\s+(?:der\s+)?)?(?:betroffenen?|abgebauten?|gestrichenen?)\s+"
          r"(?:Stellen|Beschäftigten|Mitarbeiter(?:innen)?|Arbeitsplätze)",
    "fr": r"(?:(?:total|nombre)\s+(?:de\s+|d['’])?)?(?:postes|emplois|salariés)\s+(?:supprimés|concernés|touchés)",
    "es": r"(?:(?:total|número)\s+de\s+)?(?:plazas|puestos|empleos|trabajadores)\s+"
          r"(?:amortizad|suprimid|eliminad|afectad|despedid)[oa]s",
    "it": r"(?:(?:totale|numero)\s+(?:dei\s+|degli\s+|delle\s+)?)?(?:posti|lavoratori|dipendenti)\s+"
          r"(?:soppress|tagliat|coinvolt|licenziat)[ie]|esuberi",
}.items()}
# The same field inside a line that runs a form's fields together ("Type of event: Mass layoff Number of affected
# workers: 87"): only a field that names a number, so that "Sites affected: 3" is not read
_FIELD_INLINE = {
    "en": re.compile(r"\b(?:total\s+)?(?:number|no\.)\s+(?:of\s+)?(?:(?:affected|impacted)\s+"
                     r"(?:employees|workers|positions|staff)|(?:(?:employees|workers|positions|staff)\s+)?"
                     r"(?:affected|impacted|laid\s+off))\s*:\s*", re.IGNORECASE),
}
# Before a count in a sentence of the lead that no cue was read in: a reduction of the employer's own posts ("will
# reduce its establishment by 75 posts", "a reduction of an estimated 260 posts"), the press release's statement
_REDUCTION_BEFORE = {code: re.compile(rf"\b(?:{words})\s+(?:[\w'’-]+\s+){{0,3}}?(?:{by})\s+$", re.IGNORECASE)
                     for code, words, by in (
    ("en", r"reduc(?:e|es|ed|ing|tion)", r"by|of"),
    ("de", r"reduzier\w*|verringer\w*|Reduzierung|Verringerung|Abbau", r"um|von"),
    ("fr", r"rédui\w*|réduction|suppression", r"de|d['’]"),
    ("es", r"reduc\w*|reducción|recorte", r"en|de"),
    ("it", r"ridu\w*|riduzione|taglio", r"di"),
)}

@lru_cache(maxsize=8)
def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    if code not in _NAMED:
        return None
    noun, verb = _NAMED[code]
    flags = re.IGNORECASE
    return (re.compile(noun, flags), re.compile(verb, flags), re.compile(_LOSS[code], flags),
            re.compile(_NOT_ACTION[code], flags))


def named_figure(text: str, lex: Lexicon) -> Amount | None:
    """Return the figure the sentence names as the count ("the figure confirmed is now 14,000"), if any."""
    field, inline = _FIELD.get(lex.code), _FIELD_INLINE.get(lex.code)
    m = (field.match(text) if field is not None else None) or (inline.search(text) if inline is not None else None)
    if m is not None:
        return figure_at(text, m.end(), lex)
    equals = _EQUALS.get(lex.code)
    if equals is not None and (m := equals.match(text)) is not None:
        amount = figure_at(text, m.end(), lex)
        if amount is not None and amount.pct is None and amount.value and _staff_after(text, amount.end, lex):
            return amount
    patterns = _patterns(lex.code)
    if patterns is None:
        return None
    noun, verb, loss, not_action = patterns
    if loss.search(text) is None:
        return None
    for named in noun.finditer(text):
        for v in verb.finditer(text, named.end(), min(len(text), named.end() + _GAP)):
            if re.search(r"[.;!?]", text[named.end() : v.start()]):
                break
            amount = figure_at(text, v.end(), lex)
            if amount is not None and amount.pct is None and (amount.value or amount.min):
                # the words from the noun to the figure say whose count it is: a total's or the workforce's
                return None if not_action.search(text, named.start(), amount.end) else amount
    return None


def _staff_after(text: str, end: int, lex: Lexicon) -> bool:
    """Return whether a job noun follows a figure, at most two words after it ("2,300 full-time jobs")."""
    words = re.match(r"\s+((?:[\w'’-]+\s+){0,2})", text[end:])
    if words is None:
        return False
    first = end + words.start(1)
    starts = [first] + [first + w.end() for w in re.finditer(r"[\w'’-]+\s+", words.group(1))]
    return any(lex.job_nouns.match(text, at) is not None for at in starts)


def _fields(text: str, lex: Lexicon) -> bool:
    field, inline = _FIELD.get(lex.code), _FIELD_INLINE.get(lex.code)
    return (field is not None and field.match(text) is not None) or (
        inline is not None and inline.search(text) is not None)


def restated_count(sentences: Sequence[Sentence], others: set[int], read: set[int], lex: Lexicon) -> Amount | None:
    """Return the first figure named as the count in the title or the sentences after it, or stated as a reduction
    in a sentence no cue was read in (`others`: the indexes of sentences that are another employer's only; `read`:
    those holding any event, whose figures the events already weighed)."""
    for s in sentences:
        if s.index > _FIELD_REACH:
            break
        if s.index in others or (s.index > _REACH and not _fields(s.text, lex)):
            continue
        amount = named_figure(s.text, lex) or (None if s.index in read else _reduction(s.text, lex))
        if amount is not None:
            return amount
    return None


# The employer leaving the count unsaid ("The company did not say how many drivers are affected", "Amazon declined
# to give the number", "n'a pas précisé combien", "no precisó cuántos", "non ha specificato quanti"): the figure others
# give for it right after ("The Verge says approximately 120 contract workers are impacted") is the action's count
_UNSAID = {code: re.compile(words, re.IGNORECASE) for code, words in {
    "en": r"\b(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|would\s+not|wouldn['’]t|could\s+not|couldn['’]t|has\s+not|"
          r"hasn['’]t|have\s+not|declined\s+to|refused\s+to)\s+(?:(?:immediately|publicly)\s+)?(?:say|disclose|specify|"
          r"reveal|confirm|give|provide|share|comment\s+on)\s+(?:how\s+many|the\s+(?:exact\s+|total\s+)?(?:number|figure|"
          r"scale|size))\b",
    "de": r"\b(?:nannte|nennt|nannten|machte|macht)\s+(?:keine|kein)\s+(?:genauen?\s+)?(?:Zahl|Zahlen|Angaben)\b|"
          r"\bwollte\s+(?:nicht|keine)\s+(?:\w+\s+){0,2}?(?:sagen|nennen|beziffern)\b",
    "fr": r"\bn['’](?:a|ont)\s+pas\s+(?:voulu\s+)?(?:précisé|préciser|indiqué|indiquer|dit|dire|communiqué|communiquer|"
          r"chiffré|révélé)\s+(?:combien|le\s+nombre)\b",
    "es": r"\bno\s+(?:ha\s+|han\s+|quiso\s+)?(?:precisado|precisó|precisar|especificado|especificó|especificar|dicho|dijo|"
          r"decir|detallado|detalló|detallar|revelado|reveló|revelar)\s+(?:cuántos|cuántas|el\s+número|la\s+cifra)\b",
    "it": r"\bnon\s+(?:ha|hanno)\s+(?:voluto\s+)?(?:precisato|precisare|specificato|specificare|detto|dire|indicato|"
          r"indicare|reso\s+noto|rivelato)\s+(?:quanti|quante|il\s+numero)\b",
}.items()}
# Who else gives the figure: an outlet's report, a source, an estimate (a spokesperson's "said" is the employer's)
_OTHERS_SAY = re.compile(
    r"\b(?:according\s+to|reported|reports|reporting|estimated|estimates|sources?|per\s+(?:a|the)|"
    r"laut|berichtet\w*|zufolge|selon|d['’]après|rapporte\w*|según|informa\w*|secondo|riporta\w*)\b", re.IGNORECASE)
# Not that figure: a past action the sentence dates ("Earlier this week, Twitch said it was cutting 500", "the
# reductions announced in March, which targeted 9,000 roles"), or the workforce a figure is had by ("contaba con más
# de 200 colaboradores")
_OTHER_TIME = re.compile(
    r"\b(?:earlier|previously|last\s+(?:week|month|year)|announced\s+in|in\s+(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)|früher|zuvor|plus\s+tôt|précédemment|anteriormente|"
    r"previamente|in\s+precedenza)\b", re.IGNORECASE)
_HAD_BEFORE = re.compile(
    r"\b(?:had|has|have|employs|employed|employing|hat|hatte|beschäftigt\w*|compte|comptait|emploie|employait|"
    r"cuenta\s+con|contaba\s+con|tiene|tenía|emplea|empleaba|conta|contava|impiega|impiegava|aveva)\s+"
    r"(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_UNSAID_REACH = 2  # sentences after the one leaving the count unsaid where another's figure may stand


def unsaid_count(sentences: Sequence[Sentence], lex: Lexicon) -> Amount | None:
    """Return the figure another party gives for the action right after the employer left it unsaid, if any."""
    unsaid, patterns = _UNSAID.get(lex.code), _patterns(lex.code)
    if unsaid is None or patterns is None:
        return None
    not_action = patterns[3]
    for i, s in enumerate(sentences):
        if s.index > _REACH or (m := unsaid.search(s.text)) is None:
            continue
        for j, t in enumerate(sentences[i : i + 1 + _UNSAID_REACH]):
            start = m.end() if j == 0 else 0
            if _OTHERS_SAY.search(t.text) is None or not_action.search(t.text) or _OTHER_TIME.search(t.text):
                continue
            found = [a for a in find_amounts(t.text, lex) if a.start >= start and a.pct is None and a.value is not None
                     and _HAD_BEFORE.search(t.text, max(0, a.start - 60), a.start) is None]
            if found:
                return found[0]
        return None
    return None


def _reduction(text: str, lex: Lexicon) -> Amount | None:
    """Return the count a sentence gives as a reduction of posts or staff ("will reduce its establishment by 75
    posts"), if any."""
    before = _REDUCTION_BEFORE.get(lex.code)
    if before is None:
        return None
    return next((a for a in find_amounts(text, lex) if a.pct is None and a.value is not None
                 and before.search(text, max(0, a.start - 80), a.start) is not None), None)


# A closing site's workforce stated in a sentence of its own ("Around 450 people are currently employed at the
# plant", "The site employs about 300 staff"): English only, read when the main event closes a site and no count is
# given. The figure before the staff noun, or after the site's "employs".
_SITE_STAFF_AFTER = re.compile(
    r"\s+(?:people|staff|workers|employees)\s+(?:are\s+|were\s+)?(?:currently\s+|now\s+|still\s+)?"
    r"(?:employed|based|work|working)\s+(?:at|in|on|there)\b", re.IGNORECASE)
_SITE_EMPLOYS_BEFORE = re.compile(
    r"\b(?:site|plant|factory|mill|depot|warehouse|works|centre|center|facility|store|branch|office)\s+(?:currently\s+)?"
    r"(?:employs|employed|has|had)\s+(?:about|around|some|nearly|almost|approximately|more\s+than|over|just\s+over)?\s*$",
    re.IGNORECASE)
_SITE_EMPLOYS = re.compile(
    r"^\W*(?:The|This|That)\s+(?P<site>site|plant|factory|mill|depot|warehouse|works|centre|center|facility|store|branch|"
    r"office)\s+(?:currently\s+)?(?:employs|has)\s+")
_STAFF_NOUN = re.compile(r"\s+(?:people|staff|workers|employees)\b", re.IGNORECASE)
_COMPANY_WIDE = re.compile(r"\b(?:worldwide|globally|across\s+the|in\s+total|nationwide|the\s+group)\b", re.IGNORECASE)
_SITE_REACH = 5


def site_workforce(sentences: Sequence[Sentence], lex: Lexicon) -> Amount | None:
    """Return a closing site's workforce that a lead sentence states on its own, if any (English); "The plant employs
    320 people" only where the sentences before it close that plant itself ("close its Dayton plant", not "the paint
    shop at its Luton plant", and not "The Akron plant" the work moves to)."""
    if lex.code != "en":
        return None
    for s in sentences:
        if s.is_title or s.index > _SITE_REACH or _COMPANY_WIDE.search(s.text):
            continue
        for a in find_amounts(s.text, lex):
            if a.pct is not None or a.value is None:
                continue
            if _SITE_STAFF_AFTER.match(s.text, a.end) or _SITE_EMPLOYS_BEFORE.search(s.text, 0, a.start):
                return a
        # ("The plant employs 320 people": a workforce, so the sentence's counts leave it out)
        if (m := _SITE_EMPLOYS.match(s.text)) is not None and any(re.search(
                rf"(?i)\b(?:clos\w*|shut\w*)\s+(?:down\s+)?(?:(?:its|the)\s+(?:[A-Z][\w'’-]*\s+){{0,2}})?"
                rf"{m.group('site')}\b", before.text) for before in sentences if before.index < s.index):
            figure = figure_at(s.text, m.end(), lex)
            if figure is not None and figure.value is not None and figure.pct is None and _STAFF_NOUN.match(
                    s.text, figure.end):
                return figure
    return None

