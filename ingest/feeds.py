"""Parsing fetched feed bytes (RSS 0.9x/1.0/2.0, Atom) into normalised entries.

feedparser only ever sees bytes we fetched; it never fetches URLs itself. HTML sanitising is
off because we never render feed HTML (10x faster); summaries are reduced to plain text.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import re
import time
from datetime import UTC, datetime, timedelta

import feedparser

from ingest.errors import FeedParseError
from ingest.models import FeedEntry

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# A date more than this far ahead of now is junk (time zones never explain more).
FUTURE_TOLERANCE = timedelta(days=1)


def plain_text(fragment: str, limit: int = 2000) -> str:
    """Return `fragment` without tags and entities, whitespace folded, cut to `limit` chars."""
    text = html.unescape(_TAGS.sub(" ", fragment or ""))
    return _SPACE.sub(" ", text).strip()[:limit]


def parse_feed(
    feed_name: str, url: str, content: bytes, *, now: datetime, max_entries: int = 500
) -> list[FeedEntry]:
    """Return the entries of a feed document, newest first, at most `max_entries`."""
    if not content.strip():
        raise FeedParseError(url, "empty response body")
    parsed = feedparser.parse(content, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.version and not parsed.entries:
        head = content[:512].lstrip().lower()
        kind = "an HTML page" if head.startswith((b"<!doctype html", b"<html")) else "not a feed"
        reason = f"{kind}: {parsed.get('bozo_exception', 'no RSS/Atom elements')}"
        raise FeedParseError(url, reason[:300])
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in parsed.entries:
        entry = _entry(feed_name, url, raw, now)
        if entry is None or entry.entry_key in seen:
            continue
        seen.add(entry.entry_key)
        entries.append(entry)
    entries.sort(key=lambda e: e.published_at or datetime.min, reverse=True)
    return entries[:max_entries]


def _entry(feed_name: str, feed_url: str, raw: feedparser.FeedParserDict, now: datetime) -> FeedEntry | None:
    link = (raw.get("link") or "").strip()
    if not link:
        link = next((l.get("href", "") for l in raw.get("links", []) if l.get("href")), "").strip()
    title = plain_text(raw.get("title", ""), 500)
    if not link and not title:
        return None
    guid = (raw.get("id") or "").strip()
    key = guid or link or hashlib.sha256(title.encode()).hexdigest()[:24]
    source = raw.get("source") or {}
    return FeedEntry(
        feed=feed_name,
        entry_key=key[:1000],
        url=link,
        title=title or link,
        summary=plain_text(raw.get("summary", "") or raw.get("description", "")),
        published_at=_date(raw, now),
        source_name=(source.get("title") or None) if hasattr(source, "get") else None,
        source_url=(source.get("href") or None) if hasattr(source, "get") else None,
    )


def _date(raw: feedparser.FeedParserDict, now: datetime) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value: time.struct_time | None = raw.get(key)
        if not value:
            continue
        try:
            stamp = datetime.fromtimestamp(calendar.timegm(value), UTC).replace(tzinfo=None)
        except (OverflowError, ValueError, OSError):
            continue
        if stamp > now + FUTURE_TOLERANCE or stamp.year < 1995:
            return None
        return stamp
    return None
