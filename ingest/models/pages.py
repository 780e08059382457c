"""Pages: one fetched page (body or error) and what extraction made of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

RawEncoding = Literal["zlib", "zstd"]
# New pages are stored compressed with zstd: less CPU than zlib for a smaller blob (see ingest.text.extract).
RAW_ENCODING: RawEncoding = "zstd"


@dataclass(frozen=True)
class PageResult:
    """One page fetch: the body and its content type, or the recorded error.

    A dataclass, not a model: one is made per page, and it lives here rather than in
    `ingest.edges.pages` so extraction workers never import the HTTP stack.
    """

    url: str
    final_url: str
    status: int | None
    content: bytes = b""
    content_type: str = ""
    error: str | None = None


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
    raw_html: bytes = b""  # the page compressed with `raw_encoding`
    raw_encoding: RawEncoding = RAW_ENCODING
    raw_size: int = 0
    error: str | None = None
