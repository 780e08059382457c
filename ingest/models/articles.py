"""Articles: an entry with its page's text, and the classifier's verdict on it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from ingest.models.base import ExtractionStatus, Frozen, Label
from ingest.models.pages import RawEncoding


class Article(Frozen):
    """An entry after its page was fetched (or not) and its text extracted."""

    article_id: str
    feed: str
    url: str
    canonical_url: str
    title: str
    summary: str = ""
    text: str = ""
    author: str | None = None
    site_name: str | None = None
    language: str | None = None
    published_at: datetime  # UTC, never in the future
    published_source: Literal["feed", "page", "fetched"] = "feed"
    fetched_at: datetime
    http_status: int | None = None
    extraction_status: ExtractionStatus = "ok"
    extraction_error: str | None = None
    raw_html: bytes | None = Field(default=None, repr=False)  # compressed with raw_encoding
    raw_encoding: RawEncoding = "zlib"  # batches spooled before zstd hold zlib pages
    raw_size: int = 0
    source_name: str | None = None


class Classification(Frozen):
    """The classifier's verdict on one article, with the facts it extracted."""

    article_id: str
    classifier_version: str
    label: Label
    confidence: float = Field(ge=0.0, le=1.0)
    companies: tuple[str, ...] = ()  # parent companies acting
    units: tuple[str, ...] = ()
    headcount: int | None = None
    headcount_min: int | None = None
    headcount_max: int | None = None
    headcount_approx: bool = False
    headcount_text: str | None = None
    headcount_pct: float | None = None
    announced_on: date | None = None
    is_leak: bool = False
    evidence: str = ""
    language: str | None = None  # ISO 639-1 code the classifier detected, None when too little text says
