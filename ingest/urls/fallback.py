"""Keys for feed items whose link leads nowhere we can resolve: a pseudo-URL from title and outlet."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_FALLBACK_PREFIX = "urn:layoffwatch:title:"
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_SOURCE_SUFFIX_SEP = (" - ", " | ", " \u2013 ", " \u2014 ")


def fallback_key(title: str, source_name: str | None) -> str:
    """Return a stable pseudo-URL key for an unresolvable feed item, from its title and <source>."""
    title_text = unicodedata.normalize("NFKC", title).strip()
    source_text = unicodedata.normalize("NFKC", source_name or "").strip()
    if source_text:
        # Google News appends " - Publisher" to every title; the source is keyed separately.
        for sep in _SOURCE_SUFFIX_SEP:
            suffix = f"{sep}{source_text}"
            if title_text.lower().endswith(suffix.lower()):
                title_text = title_text[: -len(suffix)]
                break
    norm_title = _NOT_WORD.sub(" ", title_text.lower()).strip()
    norm_source = _NOT_WORD.sub(" ", source_text.lower()).strip()
    digest = hashlib.sha256(f"{norm_source}\x1f{norm_title}".encode()).hexdigest()[:24]
    return f"{_FALLBACK_PREFIX}{digest}"
