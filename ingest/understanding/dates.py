"""Date expressions in a sentence, in any supported language, resolved relative to the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from ingest.understanding.headcount import FOLDS as _FOLDS
from ingest.understanding.lexicon import Lexicon, lexicon, lower_pattern

# Words opening a period rather than dating an event, in the supported languages.
_DIGIT = re.compile(r"\d")
_SINCE = re.compile(r"(?i)(?:\b(?:since|seit|depuis|desde|dal|dalla|dai)\s+(?:(?:late|early|mid|the|ende|anfang|fin|finales)\s+)?)$")
_SINCE_WORDS = ("since", "seit", "depuis", "desde", "dal ")
DateKind = Literal["day", "weekday", "relative", "month", "year"]
# What each date pattern cannot match without (see `_patterns`): its month or weekday name, relative day, digits.
_NEEDS = {"iso": ("year",), "mdy": ("month", "digit"), "dmy": ("month", "digit"), "weekday": ("weekday",),
          "relative": ("relative",), "month": ("month",), "year": ("year",)}
_YEARS = re.compile(r"(?:19|20)\d\d")  # what the "iso" and "year" patterns cannot match without
_WEEK = re.compile(r"(?i)week|woche|semaine|semana|settimana")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression; `on` is the resolved day (None for months and years)."""

    start: int
    end: int
    text: str
    kind: DateKind
    on: date | None
    future: bool
    age_days: int | None  # publication minus the date; for months and years, the approximate age
    since: bool = False  # opens a period ("since October"): not when anything happened


@dataclass(frozen=True)
class _Patterns:
    ordered: tuple[tuple[str, re.Pattern[str]], ...]
    # What each pattern of `ordered` cannot match without: a pattern whose word is nowhere in the sentence is
    # not run (most sentences name no month, weekday or relative day).
    words: dict[str, re.Pattern[str]]
    relative_lower: re.Pattern[str]  # words["relative"] for the lower-cased sentence
    future_before: re.Pattern[str] | None
    future_clause: re.Pattern[str] | None  # a future verb earlier in the clause ("will close its depot in March")
    months: dict[str, int]
    weekdays: tuple[str, ...]
    relative: dict[str, int]


def _alternation(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _patterns(code: str) -> _Patterns:
    w = lexicon(code).words
    cased = code in ("en", "de")  # month and weekday names are capitalised in English and German
    flags = 0 if cased else re.IGNORECASE

    def names(words: list[str]) -> str:
        return _alternation([x.capitalize() for x in words] if cased else words)

    month, weekday = names(list(w.months)), names(list(w.weekdays))
    relative = _alternation([r for r, _ in w.relative_days])
    year_prefix = w.date_context.get("year_prefix", "in")
    weekday_prefix = w.date_context.get("weekday_prefix", "on")
    ordered = (
        ("iso", re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")),
        ("mdy", re.compile(rf"\b({month})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?", flags)),
        ("dmy", re.compile(rf"\b(\d{{1,2}})(?:\.|st|nd|rd|th|er|º|°)?\s+(?:de\s+)?({month})\.?"
                           rf"(?:,?\s+(?:de\s+)?(\d{{4}})\b)?", flags)),
        ("weekday", re.compile(rf"\b(?:({weekday_prefix})\s+)?({weekday})\b(?!s\b)", flags)),
        ("relative", re.compile(rf"(?<![\w'’])({relative})(?![\w'’])", re.IGNORECASE)),
        ("month", re.compile(rf"\b(?:(?i:{year_prefix})\s+)?({month})\b(?!\.?\s*\d{{1,2}}\b)(?:\s+(?:de\s+)?(\d{{4}})\b)?",
                             flags)),
        ("year", re.compile(rf"\b((?i:{year_prefix}))\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)\d\d)\b(?![,.]\d)")),
    )
    future = w.date_context.get("future_before")
    return _Patterns(
        ordered=ordered,
        words={"month": re.compile(month, flags), "weekday": re.compile(weekday, flags),
               "relative": re.compile(relative, re.IGNORECASE)},
        relative_lower=re.compile(lower_pattern(relative)),
        future_before=re.compile(future, re.IGNORECASE) if future else None,
        future_clause=re.compile(clause, re.IGNORECASE) if (clause := w.date_context.get("future_clause")) else None,
        months={k.lower(): v for k, v in w.months.items()},
        weekdays=tuple(x.lower() for x in w.weekdays),
        relative={" ".join(k.lower().split()): v for k, v in w.relative_days},
    )


def date_patterns(code: str) -> object:
    """Return the language's compiled date patterns (compiled on the first call)."""
    return _patterns(code)


_AHEAD_DAYS = 61  # how far ahead a day without a year may be: the coming two months, as for a month alone


def _recent_day(month: int, day: int, year: int | None, published: date) -> date | None:
    """Return the dated day; without a year, the latest such day not after publication, or one of the coming two
    months ("will close its stores on June 1", written on May 28; "on Jan. 1", written in November), as a month
    without a year is read."""
    try:
        if year is not None:
            return date(year, month, day)
        candidate = date(published.year, month, day)
        if candidate > published + timedelta(days=_AHEAD_DAYS):
            candidate = date(published.year - 1, month, day)
        coming = date(published.year + 1, month, day)
        if coming <= published + timedelta(days=_AHEAD_DAYS):
            candidate = coming  # in November, "on Jan. 1" is the coming one, as "in January" is
        return candidate
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], published: date, p: _Patterns) -> tuple[DateKind, date | None, int] | None:
    """Return (kind, day, age in days) for one match, or None when it is not a date."""
    if kind == "iso":
        on = _recent_day(int(m.group(2)), int(m.group(3)), int(m.group(1)), published)
        return None if on is None else ("day", on, (published - on).days)
    if kind in ("mdy", "dmy"):
        month_name, day = (m.group(1), m.group(2)) if kind == "mdy" else (m.group(2), m.group(1))
        year = int(m.group(3)) if m.group(3) else None
        if year is not None and not 1990 <= year <= 2100:
            return None
        on = _recent_day(p.months[month_name.lower()], int(day), year, published)
        return None if on is None else ("day", on, (published - on).days)
    if kind == "weekday":
        prefix = (m.group(1) or "").lower()
        delta = (published.weekday() - p.weekdays.index(m.group(2).lower())) % 7
        if prefix in ("last",) and delta == 0:
            delta = 7
        if prefix == "next":
            return ("weekday", None, -7)
        return ("weekday", published - timedelta(days=delta), delta)
    if kind == "relative":
        days = p.relative[" ".join(m.group(1).lower().split())]
        return ("relative", published - timedelta(days=days), days)
    if kind == "month":
        if m.group(1) == "May" and not m.group(2) and not m.group(0).startswith(("in ", "since ", "last ", "early ")):
            return None  # "May" alone is too often the verb
        month = p.months[m.group(1).lower()]
        year = int(m.group(2)) if m.group(2) else None
        if year is None and (month - published.month) % 12 in (1, 2):
            return ("month", None, -30)  # in December, "in January" is the coming one
        if year is None:
            year = published.year if month <= published.month else published.year - 1
        return ("month", None, (published.year - year) * 365 + (published.month - month) * 30)
    return ("year", None, (published.year - int(m.group(2))) * 365)


def find_dates(sentence: str, published: date, lex: Lexicon) -> list[DateMention]:
    """Return the date expressions of a sentence, resolved relative to `published`."""
    return list(_dates(sentence, published, lex.code))


def forget_dates() -> None:
    """Drop the dates kept for the previous article."""
    _dates.cache_clear()


@lru_cache(maxsize=512)
def _dates(sentence: str, published: date, code: str) -> tuple[DateMention, ...]:
    p = _patterns(code)
    present = _present(sentence, p)
    if not any(present.values()):
        return ()  # no digit, month, weekday or relative day: no date (most sentences, cheaply)
    found = []
    for priority, (kind, pattern) in enumerate(p.ordered):
        if not all(present[need] for need in _NEEDS[kind]):
            continue
        for m in pattern.finditer(sentence):
            found.append((priority, m.start(), kind, m))
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for _, _, kind, m in sorted(found, key=lambda f: (f[0], f[1])):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        resolved = _resolve(kind, m, published, p)
        if resolved is None:
            continue
        label, on, age = resolved
        # the words before the date, with its own prefix ("by June", "bis Ende 2026"): where the date is the limit
        named = m.start(2) if kind == "year" else m.start(1) if kind == "month" else m.start()
        before = sentence[max(0, m.start() - 30) : named]
        # an explicit year already past ("at the end of 2022") is past whatever word comes before it
        explicit = kind in ("iso", "year") or (kind in ("mdy", "dmy") and m.group(3)) or (kind == "month" and m.group(2))
        future_word = p.future_before is not None and p.future_before.search(before) is not None and not (
            explicit and age > 0)
        # a month without its year in a clause about what will happen is the coming one ("Velora will close its depot
        # in March", written in October)
        future_verb = kind in ("month", "mdy", "dmy") and not explicit and p.future_clause is not None and p.future_clause.search(
            sentence, max(0, m.start() - 80), named) is not None
        future = future_word or future_verb or age < -1 or m.group(0).lower().startswith("next")
        since = _SINCE.search(before) is not None or m.group(0).lower().startswith(_SINCE_WORDS)
        taken.append((m.start(), m.end()))
        out.append(DateMention(m.start(), m.end(), m.group(0), label, on, future, age, since))
    out.sort(key=lambda d: d.start)
    return tuple(out)


def _present(sentence: str, p: _Patterns) -> dict[str, bool]:
    """Return which of the words the date patterns need (`_NEEDS`) the sentence holds: one quick scan each."""
    low = sentence.lower()
    if len(low) == len(sentence) and _FOLDS.search(low) is None:
        relative = p.relative_lower.search(low) is not None  # the same answer, twice as fast (see headcount)
    else:
        relative = p.words["relative"].search(sentence) is not None
    digit = _DIGIT.search(sentence) is not None
    return {"digit": digit, "year": digit and _YEARS.search(sentence) is not None,
            "month": p.words["month"].search(sentence) is not None,
            "weekday": p.words["weekday"].search(sentence) is not None, "relative": relative}


def resolve_announced_on(mentions: list[DateMention], max_age_days: int = 14) -> date | None:
    """Return the most specific (then first) resolved, non-future day at most `max_age_days` old."""
    usable = [
        m for m in mentions
        if m.on is not None and not m.future and m.age_days is not None and -1 <= m.age_days <= max_age_days
    ]
    precise = [m for m in usable if not vague_week(m)]
    chosen = precise or usable
    return chosen[0].on if chosen else None


def vague_week(m: DateMention) -> bool:
    """Return whether a date only names a week ("last week", "la semaine dernière"): no day of its own."""
    return m.kind == "relative" and _WEEK.search(m.text) is not None
