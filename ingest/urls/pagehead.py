"""A page's own canonical link, read from its head: `<link rel=canonical>` and `og:url`."""

from __future__ import annotations

import re

from lxml import etree

_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
_MAX_HEAD_BYTES = 512 * 1024


def find_page_canonical(html: bytes | str) -> tuple[str | None, str | None]:
    """Return (`<link rel=canonical>` href, `og:url` content) from the page head, None when absent."""
    data = html.encode("utf-8") if isinstance(html, str) else html
    if not data or not data.strip():
        return None, None
    end = _HEAD_END.search(data, 0, _MAX_HEAD_BYTES)
    # Parsing only the head keeps this cheap on 1 MB pages; the tags we want live there.
    data = data[: end.start()] if end else data[:_MAX_HEAD_BYTES]
    parser = etree.HTMLParser(
        recover=True, no_network=True, remove_comments=True,
        encoding="utf-8" if isinstance(html, str) else None,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError):
        return None, None
    if root is None:
        return None, None
    canonical: str | None = None
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            canonical = href
            break
    og: str | None = None
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key == "og:url" and content:
            og = content
            break
    return canonical, og
