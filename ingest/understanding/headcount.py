"""Job counts in a sentence ("about 14,000 jobs", "14.000 Stellen", "18mila licenziamenti", "10% of staff").

Conventions: a single figure is `value` ("about 14K" -> 14000, approx); a bound sets `value` and
`min` ("more than 500") or `max` ("up to 30,000"); a range ("4,000 to 6,000") or a vague count
("several hundred" -> 200..900) sets only `min`/`max`, never `value`. Workforce sizes, hires,
subsets ("90 of the posts"), running totals ("since 2022") and money are not counts of a cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.understanding.count_roles import (LEVEL, POSSESSION, apart_from_shares, closing_site, cut_of_staff, day_of_month,
                                               list_member, lost_after, number_in_name, people_in, size_of_many,
                                               subject_of_loss)
from ingest.understanding.lexicon import Lexicon, lexicon, lower_pattern
from ingest.understanding.lexicon.factor import factor, matches_at

_PRECISION = {"exact": 5, "approx": 4, "range": 3, "bound": 2, "vague": 1, "pct": 0}
_YEAR = re.compile(r"(?:19|20)\d\d")
_NAMED_NUMBER = re.compile(r"\b(?:Channel|Radio|Formula|Studios?|Terminal|Unit|Building|Block|Hall|Stage|Plant|Sky|BBC|ITV)\s$")
_DIGITS = re.compile(r"\d")
# Characters IGNORECASE matches to another letter than `str.lower` gives (re's extra case pairs): a text holding
# one is matched the slow way, so that lower-casing never changes what is found.
FOLDS = re.compile("[µıſͅΐΰβεθικμπρςσφϐϑϕϖϰϱϵвдостъѣᲀ-ᲈṡẛιΐΰꙋﬅﬆ]")


@dataclass(frozen=True, slots=True)
class Amount:
    """A job count (or share of staff) found in a sentence, with its span."""

    start: int
    end: int
    text: str
    value: int | None = None
    min: int | None = None
    max: int | None = None
    approx: bool = False
    pct: float | None = None
    precision: int = 0  # exact 5 > approx 4 > range 3 > bound 2 > vague 1 > share only 0


@dataclass(frozen=True)
class _Numbers:
    """One language's number patterns."""

    core: re.Pattern[str]
    between: re.Pattern[str]
    qualifier: re.Pattern[str]
    percent: re.Pattern[str]
    fraction: re.Pattern[str] | None
    words: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, tuple[int, int]]
    words_in: re.Pattern[str]  # any number word, vague count or fraction: a sentence without one has no count
    words_in_lower: re.Pattern[str]  # the same for the lower-cased text (see `_starts`)
    job_after: re.Pattern[str]  # a job noun within three words after the number ("400 full-time posts")
    # Every place `core` can start (a digit, a number word, a vague count): `core` is tried only there, which
    # finds the same matches as scanning it along the whole sentence at a fraction of the cost.
    starts: re.Pattern[str]
    starts_lower: re.Pattern[str]  # the same for the lower-cased text, alternatives grouped by first letter
    # The number words of `starts_lower` as a pattern of their own: `re` skips to their first letters, where the
    # lookahead tries every position (`_starts` finds the same places as `starts_lower`, a third of the cost).
    words_lower: re.Pattern[str]
    # "reduce its headcount from around 640 to about 320": the staff before and after, the cut their difference
    reduction: re.Pattern[str]
    reduction_guard: re.Pattern[str]  # "from" before a figure: a sentence without it holds no reduction (one quick scan)


# A word inside the noun phrase a count heads ("400 full-time posts"): not another count nor a preposition opening a
# phrase of its own ("shuts 12 clubs with 300 jobs gone": the jobs are the 300's)
# The word that joins a number in words to its hundreds ("one hundred and thirty")
_WORD_AND = {"en": "and"}
_NP_WORD = r"(?!\d|(?:with|at|from|across|for|on|by|in|mit|bei|avec|dans|con|sur)\s)[\w'’.-]+"


def _alternation(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


def number_patterns(code: str) -> object:
    """Return the language's compiled count patterns (compiled on the first call)."""
    return _numbers_for(code)


def _numbers(lex: Lexicon) -> _Numbers:
    return _numbers_for(lex.code)


@lru_cache(maxsize=8)
def _numbers_for(code: str) -> _Numbers:
    w = lexicon(code).words
    spaced = r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+" if w.space_thousands else ""
    digits = rf"(?:\d{{1,3}}(?:[.,'’\u00a0\u202f]\d{{3}})+(?:[.,]\d+)?{spaced}|\d+(?:[.,]\d+)?)"
    scales = _alternation(list(w.scales))
    words = _alternation(list(w.number_words))
    # a scale may be glued to its number word ("zehntausend", "diciottomila"); British English joins the units to
    # the hundreds with "and" ("one hundred and thirty"), never before another scale ("two hundred and three hundred")
    joined = (rf"(?:{words})(?:[\s-]+(?:{words}))?(?:\s*(?:{scales}))*(?<=hundred)\s+(?:{_WORD_AND[code]})\s+"
              rf"(?:{words})(?:[\s-]+(?:{words}))?(?!\w|\s*(?:{scales}))|" if code in _WORD_AND else "")
    num = rf"(?:{digits}(?:\s*(?:{scales})\b)?|{joined}(?:{words})(?:[\s-]+(?:{words}))?(?:\s*(?:{scales}))*)"
    vague = _alternation([v for v, _, _ in w.vague])
    to = w.count_context.get("range_to", r"to|-|–")
    plus = r"(?P<plus>\+|-plus|\s+or\s+more|\s+or\s+so)?"
    core = rf"(?:(?P<lo>{num})\s*(?:{to})\s*(?P<hi>{num})|(?P<vague>{vague})|(?P<num>{num})){plus}(?![\w%])"
    between = w.count_context.get("range_between", r"between")
    and_ = w.count_context.get("range_and", r"and")
    qualifier = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in w.qualifiers)
    from_, onto = w.count_context.get("range_from", r"from"), w.count_context.get("reduce_to", to)
    reduction = (
        # (the staff nouns, or the English words for all of it: "the workforce will be reduced from 4,133 to 2,183")
        rf"\b(?:{w.job_nouns}|workforce|headcount)\s+(?:[\w'’]+\s+){{0,3}}?(?:{from_})\s+"
        rf"(?P<aq>(?:[\w'’]+\s+){{0,2}}?)(?P<a>{digits})\s+"
        rf"(?:{onto})\s+(?P<bq>(?:[\w'’]+\s+){{0,2}}?)(?P<b>{digits})(?![\w%])"
    )
    # "one third" is also written "one-third"
    fractions = "|".join(r"[\s-]+".join(map(re.escape, f.replace("-", " ").split()))
                         for f in sorted((f for f, _ in w.fractions), key=len, reverse=True))
    # (no boundary after: a scale may follow glued, "zehntausend")
    words_in = rf"\b(?:{_alternation([*w.number_words, *(v for v, _, _ in w.vague), *(f for f, _ in w.fractions)])})"
    return _Numbers(
        core=re.compile(core, re.IGNORECASE),
        between=re.compile(rf"(?:{between})\s+(?P<lo>{num})\s+(?:{and_})\s+(?P<hi>{num})(?![\w%])", re.IGNORECASE),
        qualifier=re.compile(rf"(?<![\w])(?:{qualifier})\s+$", re.IGNORECASE),
        percent=re.compile(rf"(?P<pct>\d+(?:[.,]\d+)?)\s*(?:{w.count_context['percent']})", re.IGNORECASE),
        fraction=re.compile(rf"\b(?P<frac>{fractions})\b", re.IGNORECASE) if fractions else None,
        words={k.lower(): v for k, v in w.number_words.items()},
        scales={k.lower(): v for k, v in w.scales.items()},
        vague={" ".join(k.lower().split()): (lo, hi) for k, lo, hi in w.vague},
        job_after=re.compile(rf"^[\s-]*(?:{_NP_WORD}\s+){{0,3}}?(?:d['’])?(?:{w.job_nouns})\b", re.IGNORECASE),
        words_in=re.compile(words_in, re.IGNORECASE),
        words_in_lower=re.compile(factor(lower_pattern(words_in))),
        starts=re.compile(rf"(?=\d|{words}|{vague})", re.IGNORECASE),
        starts_lower=re.compile(rf"(?=\d|{factor(lower_pattern(f'{words}|{vague}'))})"),
        words_lower=re.compile(factor(lower_pattern(f"{words}|{vague}"))),
        reduction=re.compile(reduction, re.IGNORECASE),
        reduction_guard=re.compile(rf"\b(?:{from_})\s+(?:[\w'’]+\s+){{0,2}}?\d", re.IGNORECASE),
    )


def _starts(text: str, n: _Numbers) -> list[int]:
    """Return every position where `core` may start: on the lower-cased text (twice as fast as IGNORECASE)
    unless the text holds a character that IGNORECASE folds differently from `str.lower` ("ſ", "ı", "İ")."""
    low = text.lower()
    if len(low) == len(text) and FOLDS.search(low) is None:
        # Where a digit is, and every place a number word matches (overlaps included): the places where
        # `starts_lower` matches, without trying its lookahead at every position.
        found = {m.start() for m in _DIGITS.finditer(low)}
        position, search = 0, n.words_lower.search
        while (m := search(low, position)) is not None:
            found.add(m.start())
            position = m.start() + 1
        return sorted(found)
    return [m.start() for m in n.starts.finditer(text)]


def _has_number_word(text: str, n: _Numbers) -> bool:
    """Return whether `n.words_in` finds a number word in the text, searched on the lower-cased text where that
    finds the same (see `_starts`)."""
    low = text.lower()
    if len(low) == len(text) and FOLDS.search(low) is None:
        return n.words_in_lower.search(low) is not None
    return n.words_in.search(text) is not None


def parse_number(text: str, lex: Lexicon) -> int | None:
    """Return the integer value of "16,000", "14.000", "18 000", "1.5 million", "14mila" or "two thousand"."""
    n = _numbers(lex)
    t = " ".join(text.lower().replace("-", " ").split())
    m = re.fullmatch(r"([\d.,'’\u00a0\u202f ]*\d)\s*([^\d\s].*)?", t)
    if m:
        raw = re.sub(r"[.,'’\u00a0\u202f ](?=\d{3}(?!\d))", "", m.group(1)).replace(",", ".")
        try:
            number = float(raw)
        except ValueError:
            return None
        scale = n.scales.get((m.group(2) or "").strip(), 1) if m.group(2) else 1
        if m.group(2) and (m.group(2).strip() not in n.scales):
            return None
        return int(round(number * scale))
    if t in n.words:
        return n.words[t]
    total, current = 0, 0
    joiner = _WORD_AND.get(lex.code)
    if joiner is not None and f" {joiner} " in t:  # "one hundred and thirty": the hundreds, then the units
        hundreds, units = (parse_number(part, lex) for part in t.split(f" {joiner} ", 1))
        return hundreds + units if hundreds and units and units < 100 else None
    for word in _unglued(t, n):
        if word in n.words and not (current and word in n.scales):  # "dix-huit mille": a scale after a number
            current += n.words[word]
        elif word in n.scales:
            current = max(current, 1) * n.scales[word]
            if n.scales[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current or None


def _unglued(text: str, n: _Numbers) -> list[str]:
    """Return the words of a number in words, a scale glued to its number split off ("zehntausend" -> "zehn",
    "tausend")."""
    out = []
    for word in text.split():
        scale = next((s for s in n.scales if word.endswith(s) and word[: -len(s)] in n.words), None)
        out += [word[: -len(scale)], scale] if scale and word not in n.words else [word]
    return out


def _context(lex: Lexicon, key: str) -> re.Pattern[str] | None:
    return lex.count_context.get(key)  # not every language needs every context


def _is_cumulative(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Return whether a running-total marker governs the amount at [start, end)."""
    after = _context(lex, "cumulative_after")
    if after is not None and after.match(text[end:]):  # sliced: `^` does not match at a `pos`
        return True
    cumulative, reset = _context(lex, "cumulative"), _context(lex, "cumulative_reset")
    if cumulative is None:
        return False
    clause_start = max(text.rfind(",", 0, start), text.rfind(";", 0, start), 0)
    markers = list(cumulative.finditer(text, clause_start, start))
    if not markers:
        return False
    return reset is None or not reset.search(text, markers[-1].end(), start)


def _counts_jobs(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Return whether the number at [start, end) counts staff or posts cut, not a base, hire or subset."""
    after = text[end : end + 80]
    before = text[max(0, start - 70) : start]
    if after[:1] in "\"”’'" and before[-1:] in "\"“‘'":
        after, before = after[1:], before[:-1]  # a quoted figure ("to make \"about 50\" redundancies")
    noun_after, verb_before = _context(lex, "noun_after"), _context(lex, "verb_before")
    cut_before = verb_before is not None and verb_before.search(before) is not None
    not_count = _context(lex, "not_count_after")
    if (not_count is not None and not_count.match(after)) or size_of_many(before, lex.code) or LEVEL.search(before):
        return False
    if closing_site(before, after, lex):  # a closing site's workforce ("shut its plant, which employs 1,800")
        return not _is_cumulative(text, start, end, lex)
    # "employs 5,124 staff in Spain" is the workforce; "an ERE for 5,124 staff in Spain" counts the cut
    base_after = _context(lex, "base_after")
    if base_after is not None and base_after.match(after) and not cut_before:
        return False
    subset = _context(lex, "subset_after")
    part_cut = False  # "70 of the studio's 142 employees were made redundant": the part counts the cut
    if subset is not None and (m := subset.match(after)) is not None:
        if not cut_of_staff(after[m.end() :], before, lex, m.group()):
            return False
        part_cut = True
    base = _context(lex, "base_before")
    if base is not None and base.search(before) and not (POSSESSION.search(before) and lost_after(after, lex)):
        return False
    attached = _numbers(lex).job_after.match(after) is not None or people_in(text, start, end, lex.code) or (
        subject_of_loss(before, after, lex.code) and not _vague(text[start:end], lex))
    return (
        attached or part_cut or (noun_after is not None and noun_after.match(after) is not None) or cut_before
    ) and not _is_cumulative(text, start, end, lex)


def _vague(phrase: str, lex: Lexicon) -> bool:
    """Return whether a count is a vague one ("dozens", "several hundred"): a headline's subject, not a figure."""
    low = " ".join(phrase.lower().split())
    return any(low.endswith(v) for v in _numbers(lex).vague)


def _count(text: str, m: re.Match[str], start: int, qual: re.Match[str] | None, lex: Lexicon) -> Amount | None:
    """Return the Amount of one number match, if it counts this action's jobs."""
    num = m.groupdict().get("num")
    if num and _YEAR.fullmatch(num.strip()) and not lex.job_nouns.match(text, m.end() + 1):
        return None
    if num and day_of_month(text, start, m.end(), lex):
        return None  # "will close July 25 with 66 employees losing their jobs": a day, not a count
    if not _counts_jobs(text, start, m.end(), lex):
        return None
    return _amount(text, m, start, qual, lex)


def figure_at(text: str, start: int, lex: Lexicon) -> Amount | None:
    """Return the figure written at `start`, a qualifier included ("around 10,000", "14.000"), whatever follows it:
    for a figure the sentence names as a count ("the figure confirmed is now 14,000")."""
    n = _numbers(lex)
    m = n.core.search(text, start, start + 40)
    if m is None or text[m.start() - 1 : m.start()].isalnum():
        return None
    qual = n.qualifier.search(text, start, m.start()) if m.start() > start else None
    if m.start() > start and (qual is None or qual.start() != start):
        return None
    num = m.groupdict().get("num")
    if num and _YEAR.fullmatch(num.strip()):
        return None
    return _amount(text, m, start, qual, lex)


def _amount(text: str, m: re.Match[str], start: int, qual: re.Match[str] | None, lex: Lexicon) -> Amount | None:
    """Return the Amount a number match states (a range, a vague count, a bound or a figure)."""
    n = _numbers(lex)
    num = m.groupdict().get("num")
    end, phrase = m.end(), text[start : m.end()].strip()
    lo, hi = m.groupdict().get("lo"), m.groupdict().get("hi")
    if lo and hi and not _DIGITS.search(lo) and text[m.end("lo") : m.start("hi")] == "-":
        lo, hi, num = None, None, f"{lo} {hi}"  # "dix-huit mille", "vingt-cinq": one number in words, not a range
    if lo and hi:
        low, high = parse_number(lo, lex), parse_number(hi, lex)
        if low is None or high is None or low >= high:
            return None
        return Amount(start, end, phrase, min=low, max=high, approx=True, precision=_PRECISION["range"])
    vague = m.groupdict().get("vague")
    if vague:
        low, high = n.vague[" ".join(vague.lower().split())]
        if low == high:  # "une centaine": a round figure, not a range
            return Amount(start, end, phrase, value=low, approx=True, precision=_PRECISION["approx"])
        return Amount(start, end, phrase, min=low, max=high, approx=True, precision=_PRECISION["vague"])
    value = parse_number(num, lex) if num else None
    if value is None or value <= 0:
        return None
    plus = m.groupdict().get("plus") or ""
    kinds = {k for k, v in (qual.groupdict() if qual else {}).items() if v}
    if "min" in kinds or (plus and "so" not in plus):
        return Amount(start, end, phrase, value=value, min=value, approx=True, precision=_PRECISION["bound"])
    if "max" in kinds:
        return Amount(start, end, phrase, value=value, max=value, approx=True, precision=_PRECISION["bound"])
    approx = "approx" in kinds or bool(plus)
    return Amount(start, end, phrase, value=value, approx=approx, precision=_PRECISION["approx" if approx else "exact"])


def _shares(text: str, lex: Lexicon) -> list[Amount]:
    """Return the shares of staff ("10% of its workforce", "a third of staff") in a sentence."""
    n = _numbers(lex)
    share_after, verb_before = _context(lex, "share_after"), _context(lex, "verb_before")
    found = [(m.start(), m.end(), float(m.group("pct").replace(",", "."))) for m in n.percent.finditer(text)]
    if n.fraction is not None:
        fractions = {" ".join(k.lower().replace("-", " ").split()): v for k, v in lex.words.fractions}
        found += [(m.start(), m.end(), fractions[" ".join(m.group("frac").lower().replace("-", " ").split())])
                  for m in n.fraction.finditer(text)]
    out = []
    for start, end, pct in found:
        qual = n.qualifier.search(text, max(0, start - 24), start)
        begin = qual.start() if qual else start
        shared = share_after is not None and share_after.match(text[end:])
        cut = verb_before is not None and verb_before.search(text[max(0, begin - 40) : begin])
        if (shared or cut) and not _is_cumulative(text, begin, end, lex):
            out.append(Amount(start=begin, end=end, text=text[begin:end], pct=pct, approx=True, precision=0))
    return out


def find_amounts(text: str, lex: Lexicon) -> list[Amount]:
    """Return the job counts and staff shares in a sentence, skipping bases, hires, subsets and totals."""
    n = _numbers(lex)
    if not any(map(str.isdigit, text)) and not _has_number_word(text, n):
        return []
    out: list[Amount] = []
    taken_to = -1
    for m in n.between.finditer(text):
        qual = None
        amount = _count(text, m, m.start(), qual, lex)
        if amount is not None:
            out.append(amount)
            taken_to = max(taken_to, m.end())
    for m in matches_at(n.core, text, _starts(text, n)):
        if m.start() < taken_to or (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "$€£_")):
            continue
        if m.group("num") and (text[m.end() : m.end() + 1] == "%" or (
                len(m.group(0).strip()) == 1 and _NAMED_NUMBER.search(text, 0, m.start()))):
            continue  # a share; or a one-digit number in a name ("Channel 4", "Radio 1")
        if m.group(0)[0].isupper() and not m.group("vague") and number_in_name(text, m.start(), m.end(), n.words, lex):
            # "One Medical": a capitalised number word inside a sentence is part of a name; a vague count is
            # never one ("von der Tausende betroffen sind": German capitalises the noun, a headline every word)
            continue
        qual = n.qualifier.search(text, max(0, m.start() - 24), m.start())
        amount = _count(text, m, qual.start() if qual else m.start(), qual, lex)
        if amount is not None and not list_member(text, m.start(), m.end(), lex.code):
            out.append(amount)
    shares = _shares(text, lex)
    spans = [m.span() for m in n.percent.finditer(text)]
    spans += [m.span() for m in n.fraction.finditer(text)] if n.fraction is not None else []
    out = apart_from_shares(text, out, spans) + shares
    for cut in _reductions(text, lex):  # the staff before and after are not counts of the cut: their difference is
        out = [a for a in out if not cut.start <= a.start < cut.end] + [cut]
    out.sort(key=lambda a: a.start)
    return out


def _reductions(text: str, lex: Lexicon) -> list[Amount]:
    """Return the cuts stated as a smaller workforce ("reduce its headcount from 640 to 320" cuts 320)."""
    n = _numbers(lex)
    if n.reduction_guard.search(text) is None:
        return []
    out = []
    for m in n.reduction.finditer(text):
        before, after = parse_number(m.group("a"), lex), parse_number(m.group("b"), lex)
        if before is None or after is None or before <= after:
            continue  # a growing workforce ("rose from 200 to 300") cuts nothing
        approx = bool(m.group("aq").strip() or m.group("bq").strip())
        out.append(Amount(m.start("a") - len(m.group("aq")), m.end(), text[m.start("a") - len(m.group("aq")) : m.end()],
                          value=before - after, approx=approx, precision=_PRECISION["approx" if approx else "exact"]))
    return out
