"""Article text and metadata from fetched HTML (trafilatura), plus the compressed raw page.

`extract_page` is a plain function of bytes so it can run in a worker process: the parent sends
the page, the worker decodes, extracts and compresses, and sends back only the small result.
"""

from __future__ import annotations

import codecs
import re
import zlib
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from ingest.canonical import find_page_canonical

# Pages larger than this are cut before parsing: a 10 MB wall of <script> must not stall a worker.
MAX_PARSE_BYTES = 2_000_000
# ...and cut after this many tags: extraction time grows with elements, not bytes (~5 s here).
MAX_PARSE_TAGS = 20_000
MIN_TEXT_CHARS = 200
# What we ask of trafilatura: the article body with its metadata, without comments or tables,
# preferring precision. benchmarks/throughput.py times this same call as the extraction limit.
# zlib level of stored pages: level 3 costs half the CPU of the default 6 (0.37 vs 0.73 ms for a
# 30 KB page) for blobs 9% larger (0.250 vs 0.230 of the page), on benchmarks/pagegen.py pages.
HTML_ZLIB_LEVEL = 3

# The pipeline's one trafilatura call (benchmarks measure against the same options).
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "with_metadata": True, "include_comments": False, "include_tables": False, "favor_precision": True,
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_HTML_LANG = re.compile(rb"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.I)
# Raw-text elements cut from oversized pages (their content is never article text).
_RAW_TEXT_TAGS = (b"script", b"style")
# C0/C1 controls (tab/newline/CR kept), DEL and lone surrogates: DuckDB refuses surrogates, and
# escape sequences in stored text would reach users who query the file in a terminal.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Codecs a page may declare but that are not character sets: they would rewrite the text
# (backslash escapes, UTF-7 "+...-" runs) instead of decoding it.
_NOT_CHARSETS = {"unicode_escape", "raw_unicode_escape", "utf_7", "punycode", "idna", "palmos"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class ExtractedPage(BaseModel):
    """What one page yielded; `text` is empty when nothing article-like was found."""

    model_config = ConfigDict(frozen=True)

    url: str
    text: str = ""
    title: str | None = None
    author: str | None = None
    published_on: datetime | None = None
    site_name: str | None = None
    language: str | None = None
    canonical_href: str | None = None  # <link rel=canonical>
    og_url: str | None = None
    raw_html: bytes = b""  # zlib-compressed page
    raw_size: int = 0
    error: str | None = None


def decode_html(content: bytes, content_type: str = "") -> str:
    """Return the page as text: BOM, then valid UTF-8, then HTTP charset, <meta charset>, cp1252.

    Valid UTF-8 wins over a declared charset: servers often declare ISO-8859-1 by default for
    UTF-8 pages, and non-UTF-8 text with accents almost never happens to be valid UTF-8. Only a
    page that is not UTF-8 needs its declaration (and a declared utf-16 on an ASCII page, which
    decodes "successfully" into CJK garbage, is never believed).
    """
    for bom, codec in _BOMS:
        if content.startswith(bom):
            return clean_text(content.decode(codec, errors="replace"))
    try:
        return clean_text(content.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    candidates: list[str] = []
    if match := _HTTP_CHARSET.search(content_type or ""):
        candidates.append(match.group(1))
    if meta := _META_CHARSET.search(content[:4096]):
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    for name in candidates:
        try:
            codec = codecs.lookup(name).name.replace("-", "_")
            if codec in _NOT_CHARSETS or codec.startswith("utf_16") or codec.startswith("utf_32"):
                continue
            text = content.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        return clean_text(text)
    # A wrong declared charset: prefer the common Western fallback over losing the page.
    return clean_text(content.decode("cp1252", errors="replace"))


def clean_text(value: str) -> str:
    """Return `value` without control characters and lone surrogates."""
    return _CONTROL.sub("", value)


def strip_raw_text(body: bytes, tags: tuple[bytes, ...] = _RAW_TEXT_TAGS) -> bytes:
    """Return `body` without <script>/<style> elements, in linear time.

    The former lone regex `<script.*?</script>` rescanned to the end of the page for every
    `<script>` that no `</script>` follows: quadratic, 180 KB of `<script>a` took 38 s and a
    10 MB page would never end. Such a tail is cut first (an unclosed element runs to the end of
    the document, as in browsers); then every opening tag has a closing one ahead and the lazy
    match stops there.
    """
    for tag in tags:
        lower = body.lower()
        closer = re.compile(rb"</" + tag + rb"\s*>")
        last_end = 0
        for match in closer.finditer(lower):
            last_end = match.end()
        if opener := re.compile(rb"<" + tag + rb"\b").search(lower, last_end):
            body = body[: opener.start()]
        body = re.sub(rb"<" + tag + rb"\b.*?</" + tag + rb"\s*>", b"", body, flags=re.I | re.S)
    return body


def _parse_bounded(body: bytes) -> bytes:
    """Return the part of a page worth parsing: scripts/styles gone and size/tag count capped."""
    if len(body) <= MAX_PARSE_BYTES and body.count(b"<") <= MAX_PARSE_TAGS:
        return body  # normal pages keep their JSON-LD scripts (trafilatura reads dates from them)
    body = _cut(strip_raw_text(body), MAX_PARSE_BYTES)
    if body.count(b"<") > MAX_PARSE_TAGS:
        # trafilatura costs ~0.25 ms per element: 250,000 tiny <p> in 2 MB took a minute.
        cut = -1
        for _ in range(MAX_PARSE_TAGS):
            cut = body.find(b"<", cut + 1)
        body = body[:cut]
    return body


def _cut(body: bytes, size: int) -> bytes:
    """Return the first `size` bytes, without a UTF-8 sequence split at the end.

    A split character would fail strict UTF-8 decoding and send the whole page to the cp1252
    fallback (mojibake for every accent).
    """
    body = body[:size]
    for back in range(1, min(4, len(body)) + 1):
        byte = body[-back]
        if byte < 0x80:
            return body
        if byte >= 0xC0:  # the lead byte of the last sequence: is the sequence complete?
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return body if back >= need else body[:-back]
    return body


def extract_page(url: str, content: bytes, content_type: str = "") -> ExtractedPage:
    """Return the text and metadata of one HTML page (never raises for bad pages)."""
    import trafilatura  # imported here: workers pay the import once, the parent never needs it

    compressed = zlib.compress(content, HTML_ZLIB_LEVEL)
    body = _parse_bounded(content)
    language = None
    if match := _HTML_LANG.search(body[:4096]):
        language = match.group(1).decode("ascii").lower()
    canonical_href, og_url = find_page_canonical(body)
    base = ExtractedPage(
        url=url, raw_html=compressed, raw_size=len(content), language=language,
        canonical_href=canonical_href, og_url=og_url,
    )
    try:
        doc = trafilatura.bare_extraction(decode_html(body, content_type), url=url, **TRAFILATURA_OPTIONS)
    except Exception as exc:  # trafilatura raises many types on hostile markup; the page is data
        return base.model_copy(update={"error": f"extraction failed: {type(exc).__name__}: {exc}"[:300]})
    if doc is None or isinstance(doc, dict):  # a dict only with as_dict=True, which we never pass
        return base.model_copy(update={"error": "no article text found"})
    text = clean_text(doc.text or "").strip()
    update = {
        "text": text if len(text) >= MIN_TEXT_CHARS else "",
        "title": clean_text(doc.title or "")[:1000] or None,
        "author": clean_text(doc.author or "")[:300] or None,
        "published_on": _date(doc.date),
        "site_name": clean_text(doc.sitename or "")[:300] or None,
        "language": language or (doc.language or None),
        "error": None if len(text) >= MIN_TEXT_CHARS else f"too little text ({len(text)} chars)",
    }
    return base.model_copy(update=update)


def decompress_html(blob: bytes) -> bytes:
    """Return the original page bytes from a stored zlib blob."""
    return zlib.decompress(blob)


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_all(
    pages: list[tuple[str, bytes, str]], *, workers: int = 0, inline_below: int = 8
) -> list[ExtractedPage]:
    """Return `extract_page` of each (url, content, content_type), in order, using a process pool.

    Small batches run inline: starting workers costs more than extracting a handful of pages.
    """
    import os

    from ingest.workers import process_pool

    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(pages) < inline_below:
        return [extract_page(*page) for page in pages]
    urls, contents, types = zip(*pages, strict=True)
    chunk = max(1, min(32, len(pages) // (workers * 4)))
    with process_pool(workers) as pool:
        return list(pool.map(extract_page, urls, contents, types, chunksize=chunk))
