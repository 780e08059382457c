"""Find date expressions in a sentence and resolve them relative to the publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from ingest.models import Frozen

DateKind = Literal["day", "weekday", "relative", "month", "year"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")),
    ("mdy", re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?(?:,?\s+(\d{{4}})\b)?")),
    ("weekday", re.compile(
        r"\b(?:(last|this|next|on|late|early)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)")),
    ("relative", re.compile(
        r"(?i)\b(today|yesterday|tonight|this\s+(?:morning|afternoon|evening)|"
        r"(?:earlier\s+|later\s+)?this\s+week|last\s+week|last\s+month|this\s+month)\b")),
    ("month", re.compile(
        rf"\b(?:(in|since|during|until|by|last|this|early|late|mid-?|from|through|of)\s+)?"
        rf"(?:(?:early|late|mid-?)\s*)?({_MONTH})\b(?!\.?\s*\d{{1,2}}\b)(?:\s+(\d{{4}})\b)?")),
    ("year", re.compile(
        r"\b(in|since|during|by|early|late|mid-?|until|through|of|from|between|and|fiscal|spring|"
        r"summer|fall|autumn|winter)\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)\d\d)\b(?!,\d)")),
)
# Words just before a date that make it a future/effective date, not the announcement.
_FUTURE_BEFORE = re.compile(
    r"(?i)(?:as\s+soon\s+as|starting|beginning|begin|begins|from|until|by|through|effective|"
    r"next|will|expected|would|take\s+effect|takes\s+effect|scheduled\s+for|due|"
    r"in\s+the\s+coming|complete[ds]?|end\s+of|through)\s+(?:on\s+|in\s+|the\s+)?$"
)


class DateMention(Frozen):
    """A date expression in a sentence; `on` is the resolved day (None for months and years)."""

    start: int
    end: int
    text: str
    kind: DateKind
    on: date | None
    future: bool
    age_days: int | None  # publication minus the date; for months/years, the approximate age


def _month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _recent_day(month: int, day: int, year: int | None, published: date) -> date | None:
    """Return the dated day; without a year, the latest such day not after publication."""
    try:
        if year is not None:
            return date(year, month, day)
        candidate = date(published.year, month, day)
        if candidate > published + timedelta(days=1):
            candidate = date(published.year - 1, month, day)
        return candidate
    except ValueError:
        return None


# Positions worth trying: month and weekday names, relative-day words and 4-digit years. The
# patterns above are then `.match()`ed at the anchor or one or two words before it (for prefixes
# such as "on", "last", "in early", or the day in "28 January"), never scanned character by
# character: that keeps a long article's dates cheap.
_ANCHOR = re.compile(
    r"(?<![A-Za-z0-9])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|[Tt]oday|[Yy]esterday|[Tt]onight|week|month|morning|afternoon|evening|20\d\d|19\d\d)"
)
_PREVIOUS_WORDS = re.compile(r"(?:(\S+)\s+)?(\S+)\s+$")
_PRIORITY = {kind: i for i, (kind, _) in enumerate(_PATTERNS)}
_KINDS_AT = {
    "month": ("mdy", "dmy", "month"),
    "weekday": ("weekday",),
    "relative": ("relative",),
    "year": ("iso", "year"),
}


def _anchor_kind(token: str) -> str:
    if token[0].isdigit():
        return "year"
    if token in ("week", "month", "morning", "afternoon", "evening") or token.lower() in ("today", "yesterday", "tonight"):
        return "relative"
    return "weekday" if token.endswith("day") and token not in ("today", "Today", "yesterday", "Yesterday") else "month"


def find_dates(sentence: str, published: date) -> list[DateMention]:
    """Return the date expressions in `sentence`, resolved relative to `published`."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    seen: set[tuple[str, int]] = set()
    patterns = dict(_PATTERNS)
    for anchor in _ANCHOR.finditer(sentence):
        a = anchor.start()
        previous = _PREVIOUS_WORDS.search(sentence, max(0, a - 30), a)
        starts = [a]
        if previous:
            starts += [previous.start(2)] + ([previous.start(1)] if previous.group(1) else [])
        for kind in _KINDS_AT[_anchor_kind(anchor.group())]:
            for start in starts:
                if (kind, start) in seen:
                    continue
                seen.add((kind, start))
                m = patterns[kind].match(sentence, start)
                if m and m.end() > a:
                    found.append((_PRIORITY[kind], m.start(), kind, m))
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for _, _, kind, m in sorted(found, key=lambda f: (f[0], f[1])):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        resolved = _resolve(kind, m, published)
        if resolved is None:
            continue
        label, on, age = resolved
        future_word = bool(_FUTURE_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()]))
        future = future_word or (age is not None and age < -1) or m.group(0).lower().startswith("next")
        taken.append((m.start(), m.end()))
        out.append(DateMention(
            start=m.start(), end=m.end(), text=m.group(0), kind=label, on=on, future=future, age_days=age,
        ))
    out.sort(key=lambda d: d.start)
    return out


def _resolve(kind: str, m: re.Match[str], published: date) -> tuple[DateKind, date | None, int | None] | None:
    """Return (kind, day, age in days) for one regex match, or None when it is not a date."""
    if kind == "iso":
        on = _recent_day(int(m.group(2)), int(m.group(3)), int(m.group(1)), published)
        return None if on is None else ("day", on, (published - on).days)
    if kind in ("mdy", "dmy"):
        month_name, day = (m.group(1), m.group(2)) if kind == "mdy" else (m.group(2), m.group(1))
        year = int(m.group(3)) if m.group(3) else None
        if year is not None and not 1990 <= year <= 2100:
            return None
        on = _recent_day(_month_number(month_name), int(day), year, published)
        return None if on is None else ("day", on, (published - on).days)
    if kind == "weekday":
        prefix = (m.group(1) or "").lower()
        delta = (published.weekday() - _WEEKDAYS.index(m.group(2).lower())) % 7
        if prefix == "last" and delta == 0:
            delta = 7
        if prefix == "next":
            return ("weekday", None, -7)
        on = published - timedelta(days=delta)
        return ("weekday", on, delta)
    if kind == "relative":
        word = " ".join(m.group(1).lower().split())
        offsets = {"yesterday": 1, "last week": 7, "last month": 30}
        days = offsets.get(word, 0)
        return ("relative", published - timedelta(days=days), days)
    if kind == "month":
        month = _month_number(m.group(2))
        if m.group(2) == "May" and not m.group(1):
            return None  # "May" alone is too often the verb
        year = int(m.group(3)) if m.group(3) else None
        if year is None:
            year = published.year if month <= published.month else published.year - 1
        age = (published.year - year) * 365 + (published.month - month) * 30
        return ("month", None, age)
    year = int(m.group(2))
    return ("year", None, (published.year - year) * 365)


def resolve_announced_on(mentions: list[DateMention], max_age_days: int = 14) -> date | None:
    """Return the most specific (then first) resolved, non-future day at most `max_age_days` old."""
    usable = [
        m for m in mentions
        if m.on is not None and not m.future and m.age_days is not None and -1 <= m.age_days <= max_age_days
    ]
    precise = [m for m in usable if not (m.kind == "relative" and "week" in m.text.lower())]
    chosen = precise or usable
    return chosen[0].on if chosen else None
