"""Article text and metadata from fetched HTML (trafilatura), plus the compressed raw page.

`extract_page` is a plain function of bytes so it can run in a worker process: the parent sends
the page, the worker decodes, extracts and compresses, and sends back only the small result.
"""

from __future__ import annotations

import re
import zlib
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from ingest.canonical import find_page_canonical

# Pages larger than this are cut before parsing: a 10 MB wall of <script> must not stall a worker.
MAX_PARSE_BYTES = 2_000_000
MIN_TEXT_CHARS = 200

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_HTML_LANG = re.compile(rb"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.I)
_SCRIPTS = re.compile(rb"<script\b.*?</script\s*>", re.I | re.S)


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
    """Return the page as text: HTTP charset, then <meta charset>, then UTF-8, then cp1252."""
    candidates: list[str] = []
    if match := _HTTP_CHARSET.search(content_type or ""):
        candidates.append(match.group(1).decode() if isinstance(match.group(1), bytes) else match.group(1))
    if match := _META_CHARSET.search(content[:4096]):
        candidates.append(match.group(1).decode("ascii", "ignore"))
    candidates.append("utf-8")
    for name in candidates:
        try:
            text = content.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        return text
    # A wrong declared charset: prefer the common Western fallback over losing the page.
    return content.decode("cp1252", errors="replace")


def extract_page(url: str, content: bytes, content_type: str = "") -> ExtractedPage:
    """Return the text and metadata of one HTML page (never raises for bad pages)."""
    import trafilatura  # imported here: workers pay the import once, the parent never needs it

    compressed = zlib.compress(content, 6)
    body = content
    if len(body) > MAX_PARSE_BYTES:
        body = _SCRIPTS.sub(b"", body)[:MAX_PARSE_BYTES]
    language = None
    if match := _HTML_LANG.search(body[:4096]):
        language = match.group(1).decode("ascii").lower()
    canonical_href, og_url = find_page_canonical(body)
    base = ExtractedPage(
        url=url, raw_html=compressed, raw_size=len(content), language=language,
        canonical_href=canonical_href, og_url=og_url,
    )
    try:
        doc = trafilatura.bare_extraction(
            decode_html(body, content_type),
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises many types on hostile markup; the page is data
        return base.model_copy(update={"error": f"extraction failed: {type(exc).__name__}: {exc}"[:300]})
    if doc is None:
        return base.model_copy(update={"error": "no article text found"})
    text = (doc.text or "").strip()
    update = {
        "text": text if len(text) >= MIN_TEXT_CHARS else "",
        "title": doc.title or None,
        "author": doc.author or None,
        "published_on": _date(doc.date),
        "site_name": doc.sitename or None,
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
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(pages) < inline_below:
        return [extract_page(*page) for page in pages]
    urls, contents, types = zip(*pages, strict=True)
    chunk = max(1, min(32, len(pages) // (workers * 4)))
    # spawn, not fork: the parent runs Prefect's threads, and forking a threaded process can deadlock.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        return list(pool.map(extract_page, urls, contents, types, chunksize=chunk))
