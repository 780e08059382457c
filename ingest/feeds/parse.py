"""Parsing fetched feed bytes (RSS 0.9x/1.0/2.0, Atom) into normalised entries.

feedparser only ever sees bytes we fetched, wrapped in a file object: given plain bytes it first
tries them as a *local file name* (a feed body of `/etc/passwd` or `/dev/zero` would be opened).
HTML sanitising is off because we never render feed HTML (and it is feedparser's costliest
pass); summaries are reduced to plain text, and every stored string is stripped of control
characters (terminal escapes in a title would reach users who query the DuckDB file in a terminal).

Hostile feeds are bounded before feedparser sees them: bytes that are not a feed are refused
without parsing, entries past a limit are cut from the document, character references Python
cannot represent are replaced, and feedparser's slow lenient parser only ever gets the first
`LOOSE_MAX_BYTES` of a malformed document.

A feed mostly repeats items already stored. `item_links` reads each item's link with a byte scan
(no XML parser), the caller looks the links up, and `parse_feed_counted` cuts the items it
knows from the document before feedparser builds entries for the rest: a rerun of an unchanged
feed parses nothing. An item the scan cannot read for certain (no plain `<link>`, a relative or
prefixed one) is simply parsed.
"""

from __future__ import annotations

import calendar
import codecs
import hashlib
import html
import io
import re
import time
import xml.parsers.expat
from collections.abc import Container
from datetime import UTC, datetime

import feedparser

from ingest.models.errors import FeedParseError
from ingest.urls.redact import safe_url
from ingest.models import FUTURE_TOLERANCE, FeedEntry

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# C0/C1 controls (tab/newline/CR kept), DEL, and lone surrogates (DuckDB refuses to store those).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Documents whose root is not found in this many bytes are not feeds.
SNIFF_BYTES = 65_536
# Malformed documents longer than this are cut before lenient parsing (it bounds the parser's time).
LOOSE_MAX_BYTES = 512_000
# Entries kept in the document before parsing: at least this many, or twice max_entries.
MIN_ENTRY_BUDGET = 1000
# Links longer than this are not links any site serves; the entry keeps its title instead.
MAX_LINK_CHARS = 4096

_FEED_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|rdf|channel)[\s>/]", re.I)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.I)
_ENTRY_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>", re.I)
_ENTITY_DECL = re.compile(
    rb"""<!ENTITY\s+(%\s*)?[^\s%"'>]+\s*(?:(SYSTEM|PUBLIC)\b|"([^"]*)"|'([^']*)')""", re.I
)
_ENTITY_REF = re.compile(rb"[&%][A-Za-z_:]")
MAX_ENTITY_DECLARATIONS = 64
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")
# One unprefixed RSS <item> or Atom <entry>, and the link forms whose meaning is certain.
_ITEM_OPEN = re.compile(rb"<(item|entry)[\s>]")
_ITEM_CLOSE = {b"item": re.compile(rb"</item\s*>"), b"entry": re.compile(rb"</entry\s*>")}
_RSS_LINK = re.compile(rb"<link>\s*(?:<!\[CDATA\[\s*([^\]<]*?)\s*\]\]>|([^<]*?))\s*</link>")
_ATOM_LINK = re.compile(rb"<link\s([^>]*)>")
_ATTR = re.compile(rb"""\b(rel|href)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_XML_DECL_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']""")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def clean_text(value: str) -> str:
    """Return `value` without control characters and lone surrogates."""
    return _CONTROL.sub("", value)


def plain_text(fragment: str, limit: int = 2000) -> str:
    """Return `fragment` without tags and entities, whitespace folded, cut to `limit` chars."""
    text = html.unescape(_TAGS.sub(" ", fragment or ""))
    return _SPACE.sub(" ", clean_text(text)).strip()[:limit]


def parse_feed(
    feed_name: str, url: str, content: bytes, *, now: datetime, max_entries: int = 500
) -> list[FeedEntry]:
    """Return the entries of a feed document, newest first, at most `max_entries`."""
    return parse_feed_counted(feed_name, url, content, now=now, max_entries=max_entries)[0]


def item_links(content: bytes) -> list[str | None]:
    """Return each item's link as feedparser would read it, None where a byte scan cannot be sure.

    Only unprefixed `<item>`/`<entry>` elements with one plain link count: an RSS `<link>` text,
    or the one Atom `<link>` whose rel is absent or "alternate". Entities are decoded as XML does.
    """
    links: list[str | None] = []
    for _, _, kind, body in _items(_as_utf8(content)) or []:
        if kind == b"item":
            # An atom:link or other prefixed link beside <link> could be the one feedparser keeps.
            found = [m.group(1) if m.group(1) is not None else m.group(2) for m in _RSS_LINK.finditer(body)]
            if b":link" in body:
                found = []
        else:
            found = [href for rel, href in map(_link_attrs, _ATOM_LINK.finditer(body)) if rel in ("", "alternate")]
        link = None
        if len(found) == 1 and found[0] is not None:
            text = clean_text(html.unescape(found[0].decode("utf-8", "replace"))).strip()
            link = text if text.startswith(("http://", "https://")) and len(text) <= MAX_LINK_CHARS else None
        links.append(link)
    return links


def _items(content: bytes) -> list[tuple[int, int, bytes, bytes]] | None:
    """Return (start, end, kind, body) of each unprefixed item, in one forward pass; None if one is unclosed.

    Every search starts where the last one ended, so a hostile document of openers without
    closers costs one pass, not one per opener (a lazy `<item>.*?</item>` regex is quadratic there).
    """
    out, pos = [], 0
    while opener := _ITEM_OPEN.search(content, pos):
        kind = opener.group(1)
        head_end = content.find(b">", opener.start())
        closer = _ITEM_CLOSE[kind].search(content, head_end)
        if head_end < 0 or closer is None:
            return None
        out.append((opener.start(), closer.end(), kind, content[head_end + 1 : closer.start()]))
        pos = closer.end()
    return out


def _link_attrs(match: re.Match[bytes]) -> tuple[str, bytes | None]:
    rel, href = "", None
    for attr in _ATTR.finditer(match.group(1)):
        value = attr.group(2) if attr.group(2) is not None else attr.group(3)
        if attr.group(1) == b"rel":
            rel = value.decode("latin-1").strip().lower()
        else:
            href = value
    return rel, href


def parse_feed_counted(
    feed_name: str, url: str, content: bytes, *, now: datetime, max_entries: int = 500,
    known: Container[str] | None = None,
) -> tuple[list[FeedEntry], int]:
    """Return (entries, items left unparsed because their link is in `known`) of a feed document.

    `known` holds item links whose articles are stored already; those items are cut from the
    document before parsing. Only when the document holds at most `max_entries` items: beyond
    that, which items are kept depends on their dates, which only parsing reads.
    """
    shown = safe_url(url)
    if not content.strip():
        raise FeedParseError(shown, "empty response body")
    content = _as_utf8(content)
    head = content[:SNIFF_BYTES]
    if not _FEED_ROOT.search(head):
        kind = "an HTML page" if _HTML_ROOT.search(head) else "not a feed"
        raise FeedParseError(shown, f"{kind}: no RSS/Atom root element")
    if refusal := _dtd_refusal(head):
        raise FeedParseError(shown, refusal)
    skipped = 0
    if known is not None:
        content, skipped = _cut_known(content, known, max_entries)
        if skipped and not _ENTRY_END.search(content):
            return [], skipped  # every item is stored: nothing for feedparser to do
    content = _bounded(_safe_charrefs(content), max(2 * max_entries, MIN_ENTRY_BUDGET))
    try:
        parsed = feedparser.parse(io.BytesIO(content), sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001 - feedparser has crashed on hostile bytes; the feed is data
        raise FeedParseError(shown, f"feed parser failed: {type(exc).__name__}: {exc}"[:300]) from None
    if not parsed.version and not parsed.entries:
        kind = "an HTML page" if _HTML_ROOT.search(head) else "not a feed"
        reason = f"{kind}: {parsed.get('bozo_exception', 'no RSS/Atom elements')}"
        raise FeedParseError(shown, reason[:300])
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in parsed.entries:
        entry = _entry(feed_name, url, raw, now)
        if entry is None or entry.entry_key in seen:
            continue
        seen.add(entry.entry_key)
        entries.append(entry)
    entries.sort(key=lambda e: e.published_at or datetime.min, reverse=True)
    return entries[:max_entries], skipped


def _cut_known(content: bytes, known: Container[str], max_entries: int) -> tuple[bytes, int]:
    """Return the document without the items whose link is known, and how many distinct links were cut."""
    items = _items(content)
    if not items or len(items) > max_entries or len(_ENTRY_END.findall(content)) != len(items):
        return content, 0  # prefixed or unclosed items, or a cap that depends on dates: parse it all
    pieces, last, cut = [], 0, set()
    for (start, end, _, _), link in zip(items, item_links(content), strict=True):
        if link is not None and link in known:
            pieces.append(content[last:start])
            last = end
            cut.add(link)
    if not cut:
        return content, 0
    pieces.append(content[last:])
    return b"".join(pieces), len(cut)


def _dtd_refusal(head: bytes) -> str | None:
    """Return why a document's DTD is refused (XXE, entity expansion), or None.

    feedparser already drops such declarations, so nothing would be expanded or read; refusing
    the feed makes the attack a clear error row instead of a quietly mangled item.
    """
    lower = head.lower()
    if b"<!entity" not in lower:
        return None
    if lower.count(b"<!entity") > MAX_ENTITY_DECLARATIONS:
        return f"refused: more than {MAX_ENTITY_DECLARATIONS} entity declarations"
    for match in _ENTITY_DECL.finditer(head):
        parameter, external, double, single = match.groups()
        if external:
            return "refused: feed declares an external entity (XXE)"
        if parameter:
            return "refused: feed declares a parameter entity (XXE)"
        if _ENTITY_REF.search(double or single or b""):
            return "refused: feed declares entities built from other entities (entity expansion)"
    return None


def _as_utf8(content: bytes) -> bytes:
    """Return a UTF-16/32 document (with BOM) as UTF-8, so the byte-level bounds below apply."""
    for bom, codec in _BOMS:
        if content.startswith(bom):
            text = content.decode(codec, errors="replace")
            return _XML_DECL_ENCODING.sub(r'\1"utf-8"', text, count=1).encode("utf-8")
    return content


def _safe_charrefs(content: bytes) -> bytes:
    """Replace numeric character references to surrogates/non-characters with U+FFFD.

    feedparser's lenient parser calls chr() on them and crashes (UnicodeEncodeError, ValueError,
    OverflowError), which used to escape the feed's error handling and fail the whole run.
    """
    if b"&#" not in content:
        return content

    def fix(match: re.Match[bytes]) -> bytes:
        digits_hex, digits_dec = match.groups()
        code = int(digits_hex, 16) if digits_hex else int(digits_dec)
        if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            return b"&#xFFFD;"
        return match.group(0)

    return _CHARREF.sub(fix, content)


def _bounded(content: bytes, max_items: int) -> bytes:
    """Return the document with entries past `max_items` cut out, and malformed ones cut short.

    Cutting keeps everything after the last entry (the closing tags), so a well-formed feed stays
    well-formed. Feeds list newest entries first, which is what we keep.
    """
    ends = _ENTRY_END.finditer(content)
    cut = last = None
    for count, match in enumerate(ends, start=1):
        if count == max_items:
            cut = match.end()
        last = match.end()
    if cut is not None and last is not None and last > cut:
        content = content[:cut] + content[last:]
    if len(content) > LOOSE_MAX_BYTES and not _strict_ok(content):
        content = content[:LOOSE_MAX_BYTES]
    return content


def _strict_ok(content: bytes) -> bool:
    """Return True when feedparser's fast strict parser will accept the document."""
    if b"<!entity" in content[:SNIFF_BYTES].lower():
        return False  # feedparser strips the DTD, so documents using its entities go lenient
    parser = xml.parsers.expat.ParserCreate()  # no handlers: external entities are never loaded
    try:
        parser.Parse(content, True)
    except xml.parsers.expat.ExpatError:
        return False
    return True


def _entry(feed_name: str, feed_url: str, raw: feedparser.FeedParserDict, now: datetime) -> FeedEntry | None:
    link = clean_text(raw.get("link") or "").strip()
    if not link:
        link = clean_text(next((alt.get("href", "") for alt in raw.get("links", []) if alt.get("href")), "")).strip()
    if len(link) > MAX_LINK_CHARS:
        link = ""
    title = plain_text(raw.get("title", ""), 500)
    if not link and not title:
        return None
    guid = clean_text(raw.get("id") or "").strip()
    key = guid or link or hashlib.sha256(title.encode()).hexdigest()[:24]
    source = raw.get("source") or {}
    source_name = (source.get("title") or None) if hasattr(source, "get") else None
    source_url = (source.get("href") or None) if hasattr(source, "get") else None
    return FeedEntry(
        feed=feed_name,
        entry_key=key[:1000],
        url=link,
        title=title or link[:500],
        summary=plain_text(raw.get("summary", "") or raw.get("description", "")),
        published_at=_date(raw, now),
        source_name=plain_text(source_name, 300) or None if source_name else None,
        source_url=clean_text(source_url)[:MAX_LINK_CHARS] if source_url else None,
    )


def _date(raw: feedparser.FeedParserDict, now: datetime) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get, not raw.get: FeedParserDict maps a missing updated_parsed onto published_parsed
        # with a DeprecationWarning (an exception under `-W error`, escaping the feed's handling).
        value: time.struct_time | None = dict.get(raw, key)
        if not value:
            continue
        try:
            stamp = datetime.fromtimestamp(calendar.timegm(value), UTC).replace(tzinfo=None)
        except (OverflowError, ValueError, OSError, TypeError):
            continue
        if stamp > now + FUTURE_TOLERANCE or stamp.year < 1995:
            return None
        return stamp
    return None
