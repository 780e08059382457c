"""Article text and the metadata the pipeline lacks from fetched HTML, plus the compressed raw page.

`extract_page` is a plain function of bytes so it can run in a worker process: the parent sends
the page, the worker decodes, extracts and compresses, and sends back only the small result.

Each page is parsed once, with trafilatura's own parser. trafilatura extracts the text from that
tree (it works on a copy), and `ingest.text.pagemeta` reads the page's stated metadata from the same
tree: canonical link, og:url, author and site name always, a date and a title only when the
feed item has none. trafilatura's own metadata pass (htmldate's date search, byline heuristics)
is not run: it cost more per page than the text extraction on the benchmark's pages.

Raw pages are stored compressed with zstd (`ingest.models.RAW_ENCODING`, the `encoding` column of
`article_html`): less CPU than zlib for a smaller blob. Pages stored by earlier releases are
zlib; `decompress_html` reads both.
"""

from __future__ import annotations

import codecs
import re
import zlib
from typing import Any

import zstandard
from lxml.html import HtmlElement

from ingest.models import ExtractedPage
from ingest.text.pagemeta import read_meta

# Pages larger than this are cut before parsing: a 10 MB wall of <script> must not stall a worker.
MAX_PARSE_BYTES = 2_000_000
# ...and cut after this many tags: extraction time grows with elements, not bytes.
MAX_PARSE_TAGS = 20_000
MIN_TEXT_CHARS = 200
# What we ask of trafilatura: the article body without comments or tables, preferring precision.
# benchmarks/throughput.py times `trafilatura.extract` with these same options as the limit.
TEXT_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": False, "favor_precision": True}
ZSTD_LEVEL = 3  # zstd's own default: level 1 saves little more CPU, 5 costs twice as much
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_HTML_LANG = re.compile(rb"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.I)
# Raw-text elements cut from oversized pages (their content is never article text).
_RAW_TEXT_TAGS = (b"script", b"style")
# C0/C1 controls (tab/newline/CR kept), DEL and lone surrogates: DuckDB refuses surrogates, and
# escape sequences in stored text would reach users who query the file in a terminal.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# The same characters in UTF-8 bytes: C0 controls and DEL are single bytes, C1 controls \xc2\x80-\xc2\x9f.
_C0_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
# Codecs a page may declare but that are not character sets: they would rewrite the text
# (backslash escapes, UTF-7 "+...-" runs) instead of decoding it.
_NOT_CHARSETS = {"unicode_escape", "raw_unicode_escape", "utf_7", "punycode", "idna", "palmos"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


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
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Most pages hold no control character: a byte-table check skips the regex pass over the page.
        clean = len(content.translate(None, _C0_BYTES)) == len(content) and not _C1_UTF8.search(content)
        return text if clean else clean_text(text)
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
    `<script>` that no `</script>` follows: quadratic, so a page of unclosed `<script>a` tags
    could hold a worker for good. Such a tail is cut first (an unclosed element runs to the end of
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
        # trafilatura's time grows with elements: a couple of MB of tiny <p> would take minutes.
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


def parse_html(content: bytes, content_type: str = "") -> HtmlElement | None:
    """Return the page's HTML tree as trafilatura parses it (bounded first), None when there is none."""
    from trafilatura import load_html  # imported here: workers pay the import once, the parent never needs it

    body = _parse_bounded(content)
    if not body.strip():
        return None
    tree = load_html(decode_html(body, content_type))
    return tree if isinstance(tree, HtmlElement) else None


def page_text(tree: HtmlElement, url: str) -> str | None:
    """Return the article text trafilatura finds in `tree`, None when it finds none; raises on extraction failures."""
    import trafilatura

    doc = trafilatura.bare_extraction(tree, url=url, **TEXT_OPTIONS)
    if doc is None or isinstance(doc, dict):  # a dict only with as_dict=True, which we never pass
        text = None
    else:
        text = clean_text(doc.text or "").strip()
    if text is None or len(text) < MIN_TEXT_CHARS:
        # A table layout (older CMSs, many council, court and agency notices) holds the article
        # in a table cell, where the pass above finds nothing; trafilatura's baseline takes the
        # page's paragraphs instead (on a copy of the tree). Only pages the first pass fails on
        # pay for it.
        fallback = clean_text(trafilatura.baseline(tree)[1]).strip()
        if len(fallback) > len(text or ""):
            return fallback
    return text


def compress_page(content: bytes) -> bytes:
    """Return the raw page compressed as `RAW_ENCODING`."""
    return zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(content)


def extract_page(
    url: str, content: bytes, content_type: str = "", *, need_date: bool = True, need_title: bool = True
) -> ExtractedPage:
    """Return the text and metadata of one HTML page (never raises for bad pages).

    `need_date` / `need_title`: look for the page's own date / title (the feed item has none).
    """
    base = ExtractedPage(url=url, raw_html=compress_page(content), raw_size=len(content))
    try:
        tree = parse_html(content, content_type)
        if tree is None:
            return base.model_copy(update={"error": "no article text found"})
        text = page_text(tree, url)
        if text is None:
            return base.model_copy(update={"error": "no article text found"})
        meta = read_meta(tree, need_date=need_date, need_title=need_title, url=url)
    except Exception as exc:  # trafilatura and lxml raise many types on hostile markup; the page is data
        return base.model_copy(update={"error": f"extraction failed: {type(exc).__name__}: {exc}"[:300]})
    language = None
    if match := _HTML_LANG.search(content[:4096]):
        language = match.group(1).decode("ascii").lower()
    ok = len(text) >= MIN_TEXT_CHARS
    return base.model_copy(update={
        "text": text if ok else "",
        "title": _field(meta.title, 1000),
        "author": _field(meta.author, 300),
        "published_on": meta.published_on,
        "site_name": _field(meta.site_name, 300),
        "language": language,
        "canonical_href": meta.canonical_href,
        "og_url": meta.og_url,
        "error": None if ok else f"too little text ({len(text)} chars)",
    })


def _field(value: str | None, limit: int) -> str | None:
    return clean_text(value or "")[:limit] or None


def decompress_html(blob: bytes) -> bytes:
    """Return the original page bytes from a stored blob, zstd or (pages of earlier releases) zlib."""
    if blob.startswith(_ZSTD_MAGIC):
        # Frames written by `compress_page` state their size; the cap bounds a forged one.
        return zstandard.ZstdDecompressor().decompress(blob, max_output_size=200_000_000)
    return zlib.decompress(blob)
