"""Turning a feed entry plus its fetched page into a normalised Article."""

from __future__ import annotations

import re
from datetime import datetime

from ingest.urls import article_id_for, canonicalize, fallback_key, page_canonical
from ingest.models import FUTURE_TOLERANCE, Article, ExtractedPage, FeedEntry, PageResult


def entry_article_id(entry: FeedEntry) -> str:
    """Return the stable article id of a feed entry (from its link, else its title and source)."""
    if entry.url.startswith(("http://", "https://")):
        return article_id_for(entry.url)
    return article_id_for(fallback_key(entry.title, entry.source_name))


def build_article(
    entry: FeedEntry, page: PageResult | None, extracted: ExtractedPage | None, fetched_at: datetime
) -> Article:
    """Return the Article for an entry; without usable page text it keeps the feed's title/summary."""
    title = entry.title or (extracted.title if extracted and extracted.title else entry.url)
    text = without_headline(extracted.text, title) if extracted else ""
    if page is None:
        status, error = "not_fetched", "link is not an http(s) URL"
    elif page.error:
        status = "blocked" if "blocked:" in page.error else "fetch_failed"
        error = page.error
    elif not text:
        status, error = "no_text", (extracted.error if extracted else None) or "no article text found"
    else:
        status, error = "ok", None
    published_at, published_source = _published(entry, extracted, fetched_at)
    url = entry.url
    if extracted is not None and page is not None and not page.error:
        canonical = page_canonical(page.final_url, extracted.canonical_href, extracted.og_url)
    elif url.startswith(("http://", "https://")):
        canonical = canonicalize(url)
    else:
        canonical = fallback_key(entry.title, entry.source_name)
    return Article(
        article_id=entry_article_id(entry),
        feed=entry.feed,
        url=url,
        canonical_url=canonical,
        title=title,
        summary=entry.summary,
        text=text,
        author=extracted.author if extracted else None,
        site_name=(extracted.site_name if extracted else None) or entry.source_name,
        language=extracted.language if extracted else None,
        published_at=published_at,
        published_source=published_source,
        fetched_at=fetched_at,
        http_status=page.status if page else None,
        extraction_status=status,
        extraction_error=error[:500] if error else None,
        raw_html=extracted.raw_html if extracted and extracted.raw_html else None,
        raw_encoding=extracted.raw_encoding if extracted else "zlib",
        raw_size=extracted.raw_size if extracted else 0,
        source_name=entry.source_name,
    )


_NOT_WORD = re.compile(r"\W+")
# A first line shorter than this is a kicker or section name ("Business"), not a repeated headline.
_HEADLINE_CHARS = 15


def without_headline(text: str, title: str) -> str:
    """Return `text` without its first line when that line repeats the headline.

    Extractors keep a page's <h1>: the headline would open the body a second time, in title case
    ("Jassy Says Layoffs Were About Culture"), where it reads as a sentence of the article. A feed
    title may carry the outlet after it ("... - The Courier"), so a first line making most of the
    title's start counts as well.
    """
    first, _, rest = text.lstrip().partition("\n")
    head, whole = _NOT_WORD.sub(" ", first).strip().casefold(), _NOT_WORD.sub(" ", title).strip().casefold()
    repeats = whole == head or (whole.startswith(head + " ") and len(head) >= 0.6 * len(whole))
    if len(head) >= _HEADLINE_CHARS and rest.strip() and repeats:
        return rest.lstrip()
    return text


def _published(
    entry: FeedEntry, extracted: ExtractedPage | None, fetched_at: datetime
) -> tuple[datetime, str]:
    if entry.published_at is not None and entry.published_at <= fetched_at + FUTURE_TOLERANCE:
        return min(entry.published_at, fetched_at), "feed"
    page_date = extracted.published_on if extracted else None
    if page_date is not None and page_date <= fetched_at + FUTURE_TOLERANCE:
        return min(page_date, fetched_at), "page"
    return fetched_at, "fetched"
