"""Find job-count phrases ("about 14,000 jobs", "several hundred positions", "10% of staff")."""

from __future__ import annotations

import re

from ingest.models import Frozen

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague amounts -> (min, max). "several hundred" follows the brief (200-900); headcount stays None.
_VAGUE = {
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "several thousand": (2000, 9000), "a few thousand": (2000, 5000), "thousands": (2000, 9999),
    "several hundred": (200, 900), "a few hundred": (200, 500), "hundreds": (200, 999),
    "several dozen": (24, 99), "a few dozen": (24, 60), "dozens": (24, 99), "a handful": (2, 9),
}
_FRACTIONS = {"half": 50.0, "a third": 33.3, "one third": 33.3, "a quarter": 25.0,
              "one quarter": 25.0, "two-thirds": 66.7, "a fifth": 20.0}
_PRECISION = {"exact": 5, "approx": 4, "range": 3, "bound": 2, "vague": 1, "pct": 0}

# The number regexes run on the lower-cased sentence and are applied with .match() at anchor
# positions (digit runs, number words) instead of being tried at every character: that keeps a
# 10 KB article well under a millisecond here.
_NUMBER_WORDS = (
    "seventeen thirteen fourteen eighteen nineteen fifteen sixteen seventy ninety eighty eleven twelve "
    "twenty thirty sixty fifty forty three seven eight four five nine one two six ten"
)
_WORDNUM = (
    rf"(?:(?:an?|{_NUMBER_WORDS.replace(' ', '|')})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?\s+"
    r"(?:hundred|thousand|million)(?:\s+(?:thousand|million))?|(?:half\s+a|a)\s+dozen|"
    r"(?:fifty|forty|thirty|twenty|fifteen|twelve|eleven|ten|nine|eight|seven|six|five|four|three|two)"
    r"(?=\s+(?:\w+\s+)?(?:employees|workers|jobs|people|staff|positions|roles)))"
)
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?:million|thousand)|k\b)?|{_WORDNUM}"
_VAGUE_RE = (
    r"tens\s+of\s+thousands|hundreds\s+of\s+thousands|(?:several|a\s+few)\s+(?:thousand|hundred|dozen)|"
    r"thousands|hundreds|dozens|a\s+handful"
)
_TAIL = r"(?P<plus>\+|-plus|\s+or\s+more|\s+or\s+so)?(?![\w%])"
_CORE = re.compile(rf"(?:(?P<lo>{_NUM})\s*(?:to|-|–)\s*(?P<hi>{_NUM})|(?P<vague>{_VAGUE_RE})|(?P<num>{_NUM})){_TAIL}")
_BETWEEN_CORE = re.compile(rf"(?P<lo>{_NUM})\s+and\s+(?P<hi>{_NUM}){_TAIL}")
_ANCHOR_WORDS = re.compile(
    r"(?:half\s+a\s+dozen|a\s+(?:few|handful|dozen|hundred|thousand|million)|an\s+(?:hundred|thousand)|several|"
    r"tens|hundreds|thousands|dozens|" + _NUMBER_WORDS.replace(" ", "|") + r")(?![a-z])"
)
_QUAL = {
    "approx": r"about|approximately|around|roughly|nearly|almost|close\s+to|some|an\s+estimated|estimated|~|just\s+under",
    "min": r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|north\s+of|above|just\s+over|no\s+fewer\s+than|no\s+less\s+than",
    "max": r"as\s+many\s+as|up\s+to|no\s+more\s+than|fewer\s+than|less\s+than|under|as\s+much\s+as",
}
_QUAL_BEFORE = re.compile(r"(?<![a-z])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _QUAL.items()) + r")\s+$")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$")
_PCT_CORE = re.compile(r"(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)")
_FRACTION = re.compile(r"(?P<frac>half|a\s+third|one\s+third|a\s+quarter|one\s+quarter|two[-\s]thirds|a\s+fifth)(?=\s+of\b)")
_FRACTION_QUAL = re.compile(r"(?:about|roughly|nearly|almost|around)\s+$")

# Context on the original sentence: what the amount counts, and what makes it something else.
_JOB_AFTER = re.compile(
    r"(?i)^[\s-]*(?:of\s+)?(?:(?:more|additional|other|full-time|part-time|corporate|white-collar|global|tech|"
    r"salaried|hourly|permanent|temporary|current|US|U\.S\.|UK|local|remaining|of\s+(?:its|the|their)|"
    r"[A-Z][\w&.'’-]*)[\s,]+){0,3}"
    r"(?:jobs?|roles?|positions?|posts|employees|workers|staff(?:ers)?|people|layoffs|lay-offs|job\s+cuts|"
    r"cuts|reductions|engineers|personnel|members|managers|contractors|redundancies|job\s+losses|heads|persons|"
    r"workforce|team\s+members|recruiters|reporters|journalists)\b"
)
_VERB_BEFORE = re.compile(
    r"(?i)(?:lay(?:ing|s)?\s+off|laid\s+off|cut(?:s|ting)?|eliminat\w+|slash\w*|ax(?:e|es|ed|ing)|"
    r"shed(?:s|ding)?|trim\w*|affect\w*|impact\w*|let(?:ting)?\s+go(?:\s+of)?|fir(?:e|es|ed|ing)|"
    r"terminat\w+|dismiss\w*|reduc\w+\s+(?:its\s+|the\s+|their\s+)?(?:\w+\s+)?(?:workforce|headcount|staff|employees)\s+by|"
    r"reduction\s+of|another|additional|further)\s*$"
)
# Sizes of a whole workforce, hires, or the "people familiar" who leaked the news.
_BASE_BEFORE = re.compile(
    r"(?i)\b(?:had|has|have|employs?|employed|employing|headcount\s+of|workforce\s+of|staff\s+of|"
    r"out\s+of|from|among|hire|hires|hiring|hired|add|adds|adding|added|recruit\w*|create\w*|open|"
    r"with|to)\s+(?:(?:the|its|their|his|her|about|roughly|around|nearly|approximately|some|more\s+than|"
    r"over|[\w.-]+['’]s)\s+){0,2}$|\bof\s+(?:its|the|their|his|her|that|[\w.-]+['’]s)\s+(?:[\w'’-]+\s+)?$"
)
_BASE_AFTER = re.compile(
    r"(?i)^\s*(?:\w+\s+){0,2}(?:employees|workers|people|staff)\s+(?:worldwide|globally|at\s+the\s+end|as\s+of)|"
    r"^\s*(?:people|persons|sources|officials|employees|executives)\s+(?:familiar|with\s+knowledge|briefed|close\s+to)"
)
_NOT_COUNT_AFTER = re.compile(r"(?i)\s*(?:%|percent|per\s+cent|billion|million\s+(?:dollars|in|a))\b|%")
_PCT_AFTER = re.compile(
    r"(?i)^\s+of\s+(?:its|the|their|that|his|her|our)?\s*(?:[\w'’,.-]+\s+){0,3}?"
    r"(?:workforce|staff|employees|headcount|workers|jobs|people|personnel|team|roles|positions|staffers)\b"
)
_PCT_BEFORE = re.compile(
    r"(?i)(?:cut(?:s|ting)?|lay(?:ing|s)?\s+off|laid\s+off|eliminat\w+|slash\w*|trim\w*|shed\w*|"
    r"reduc\w+\s+(?:its\s+|the\s+)?(?:workforce|headcount|staff)\s+by)\s*$"
)
# Markers that make an amount a running total rather than one action's size.
_CUM_BEFORE = re.compile(
    r"(?i)\b(?:total\w*|bringing|cumulative\w*|altogether|combined|overall|in\s+all|since|"
    r"over\s+the\s+(?:past|last)|so\s+far|to\s+date|in\s+recent\s+(?:months|years|weeks)|tally|counting)\b"
)
_CUM_RESET = re.compile(r"(?i)\b(?:said|says|announced|announces|will|plans?|is|are|new|latest|another|more|now|today)\b")
_CUM_AFTER = re.compile(
    r"(?i)^[^,.;]{0,50}?\b(?:since|over\s+the\s+(?:past|last)|in\s+recent\s+(?:months|years|weeks)|so\s+far|"
    r"to\s+date|in\s+total|altogether|combined|cumulative\w*|(?:across|in)\s+(?:two|three|four|several|multiple)\s+rounds)\b"
)


class Amount(Frozen):
    """A job count (or share of staff) found in a sentence, with its span."""

    start: int
    end: int
    text: str
    value: int | None = None
    min: int | None = None
    max: int | None = None
    approx: bool = False
    pct: float | None = None
    precision: int = 0  # exact 5 > approx 4 > range 3 > bound 2 > vague 1 > pct-only 0


def parse_number(text: str) -> int | None:
    """Return the integer value of "16,000", "1.5 million", "14K", "two thousand" or "a dozen"."""
    t = " ".join(text.lower().replace("-", " ").split())
    if "dozen" in t:
        return 6 if t.startswith("half") else 12
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)\s*(million|thousand|k)?", t)
    if m:
        number = float(m.group(1).replace(",", ""))
        scale = {"million": 1_000_000, "thousand": 1000, "k": 1000}.get(m.group(2) or "", 1)
        return int(round(number * scale))
    total, current = 0, 0
    for word in t.split():
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current or None


def _fraction(text: str) -> float:
    """Return the percentage for "half", "a third", "two-thirds" and friends."""
    return _FRACTIONS[" ".join(text.lower().replace("-", " ").split()).replace("two thirds", "two-thirds")]


def _is_cumulative(sentence: str, start: int, end: int) -> bool:
    """Return whether a running-total marker governs the amount at [start, end)."""
    if _CUM_AFTER.match(sentence[end:]):
        return True
    before = sentence[:start]
    markers = list(_CUM_BEFORE.finditer(before))
    return bool(markers) and not _CUM_RESET.search(before[markers[-1].end() :])


def _anchors(low: str) -> list[int]:
    """Return the start positions of digit runs and number words in a lower-cased sentence."""
    out = [m.start() for m in re.finditer(r"\d+", low) if not (m.start() and low[m.start() - 1] in ",.")]
    out += [m.start() for m in _ANCHOR_WORDS.finditer(low) if not (m.start() and low[m.start() - 1].isalpha())]
    return sorted(out)


def find_amounts(sentence: str) -> list[Amount]:
    """Return job counts and staff percentages in a sentence, skipping bases, hires and totals."""
    low = sentence.lower()
    if len(low) != len(sentence):  # exotic case folding changed offsets: match case-sensitively
        low = sentence
    anchors = _anchors(low)
    if not anchors:
        return []
    out: list[Amount] = []
    taken_to = -1
    for a in anchors:
        if a < taken_to or (a and (low[a - 1].isalnum() or low[a - 1] in "$€£_")):
            continue
        between = bool(_BETWEEN_BEFORE.search(low, max(0, a - 9), a))
        m = (_BETWEEN_CORE.match(low, a) if between else None) or _CORE.match(low, a)
        if m is None:
            continue
        taken_to = m.end()
        qual = _QUAL_BEFORE.search(low, max(0, a - 24), a)
        start = qual.start() if qual else a
        if between and m.re is _BETWEEN_CORE:
            start = low.rfind("between", 0, a)
        amount = _count(sentence, m, qual, start)
        if amount is not None:
            out.append(amount)
    for a in anchors:
        m = _PCT_CORE.match(low, a)
        if m is not None:
            qual = _QUAL_BEFORE.search(low, max(0, a - 24), a)
            out += _share(sentence, qual.start() if qual else a, m.end(), float(m.group("pct")))
    for m in _FRACTION.finditer(low):
        qual = _FRACTION_QUAL.search(low, max(0, m.start() - 10), m.start())
        out += _share(sentence, qual.start() if qual else m.start(), m.end(), _fraction(m.group("frac")))
    out.sort(key=lambda x: x.start)
    return out


def _group(m: re.Match[str], name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _count(sentence: str, m: re.Match[str], qual: re.Match[str] | None, start: int) -> Amount | None:
    """Return the Amount for one number match if it counts jobs cut by this action, else None."""
    before, after = sentence[max(0, start - 60) : start], sentence[m.end() :]
    if _NOT_COUNT_AFTER.match(after):
        return None  # a percentage or money
    num = _group(m, "num")
    if num and re.fullmatch(r"(?:19|20)\d\d", num):
        return None  # a year
    if not (_JOB_AFTER.match(after) or _VERB_BEFORE.search(before)):
        return None
    if _BASE_BEFORE.search(before) or _BASE_AFTER.match(after) or re.search(r"(?i)\bfrom\s+\S+\s+$", before):
        return None
    if _is_cumulative(sentence, start, m.end()):
        return None
    base = {"start": start, "end": m.end(), "text": sentence[start : m.end()].strip()}
    if m.group("lo") and m.group("hi"):
        low, high = parse_number(m.group("lo")), parse_number(m.group("hi"))
        if low is None or high is None or low >= high:
            return None
        return Amount(**base, min=low, max=high, approx=True, precision=_PRECISION["range"])
    vague = _group(m, "vague")
    if vague:
        low, high = _VAGUE[" ".join(vague.split())]
        return Amount(**base, min=low, max=high, approx=True, precision=_PRECISION["vague"])
    value = parse_number(num) if num else None
    if value is None or value <= 0:
        return None
    plus = m.group("plus") or ""
    if (qual and qual.group("min")) or (plus and "so" not in plus):
        return Amount(**base, value=value, min=value, approx=True, precision=_PRECISION["bound"])
    if qual and qual.group("max"):
        return Amount(**base, value=value, max=value, approx=True, precision=_PRECISION["bound"])
    approx = bool((qual and qual.group("approx")) or plus)
    return Amount(**base, value=value, approx=approx, precision=_PRECISION["approx" if approx else "exact"])


def _share(sentence: str, start: int, end: int, pct: float) -> list[Amount]:
    """Return [Amount] when the percentage is a share of staff cut by this action, else []."""
    if not (_PCT_AFTER.match(sentence[end:]) or _PCT_BEFORE.search(sentence[max(0, start - 40) : start])):
        return []
    if _is_cumulative(sentence, start, end):
        return []
    return [Amount(start=start, end=end, text=sentence[start:end], pct=pct, approx=True, precision=0)]


def refine(current: Amount | None, candidate: Amount) -> Amount | None:
    """Return `candidate` if it is a consistent, more informative reading of `current`.

    More informative: strictly more precise ("hundreds" -> "about 200"), or an equally vague
    range strictly inside the current one ("hundreds" -> "several hundred").
    """
    if current is None:
        return candidate
    if current.min is None and current.max is None and current.value is not None:
        low, high = current.value * 0.9, current.value * 1.1  # a point value only tolerates rounding
    else:
        low = current.min if current.min is not None else 0
        high = current.max if current.max is not None else 10**12
    probe = [v for v in (candidate.value, candidate.min, candidate.max) if v is not None]
    inside = bool(probe) and all(low <= v <= high for v in probe)
    if candidate.precision > current.precision:
        return candidate if inside else current
    narrower = (
        candidate.precision == current.precision and candidate.value is None
        and (candidate.min, candidate.max) != (current.min, current.max)
    )
    return candidate if inside and narrower else current
