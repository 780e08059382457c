"""Everything CPU-heavy about one fetched entry, done where the page is: extract, classify, sign.

Worker processes run `analyse_chunk` on chunks of pages as they arrive, so extraction overlaps
page fetching and the parent only writes. The parent would otherwise classify and sign each
article on its one core while the other idles (11 of 25 s at 2,000 pages).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ingest import dedup
from ingest.text.articles import build_article
from ingest.understanding import classify, load_company_table, warm_lexicons
from ingest.text.extract import extract_page
from ingest.models import FUTURE_TOLERANCE, Article, Classification, FeedEntry, PageResult


@dataclass(frozen=True)
class Analysed:
    """An entry's article with its verdict and dedup signature, ready to store."""

    article: Article
    verdict: Classification
    signature: dedup.TextSignature


def analyse_chunk(
    items: Sequence[tuple[FeedEntry, PageResult | None]], now: datetime, companies_file: Path | None
) -> list[Analysed]:
    """Return the analysis of each (entry, page) in order; a page that failed keeps its error."""
    table = load_company_table(companies_file)  # cached per path: loaded once per worker
    articles = []
    for entry, page in items:
        extracted = None
        if page is not None and not page.error:
            # The page's own date and title are looked for only where the feed item lacks them.
            dated = entry.published_at is not None and entry.published_at <= now + FUTURE_TOLERANCE
            extracted = extract_page(
                page.final_url, page.content, page.content_type, need_date=not dated, need_title=not entry.title
            )
        articles.append(build_article(entry, page, extracted, now))
    verdicts = [
        classify(a.article_id, a.title, a.text or a.summary, a.published_at, companies=table) for a in articles
    ]
    signatures = dedup.signatures((a.article_id, a.text if a.text.strip() else a.summary) for a in articles)
    return [Analysed(a, v, s) for a, v, s in zip(articles, verdicts, signatures, strict=True)]


def with_languages(articles: Sequence[Article], verdicts: Sequence[Classification]) -> list[Article]:
    """Return the articles with the classifier's detected language where the page declared none."""
    detected = {v.article_id: v.language for v in verdicts if v.language}
    return [
        a.model_copy(update={"language": detected[a.article_id]}) if not a.language and a.article_id in detected else a
        for a in articles
    ]


def warm_up() -> None:
    """Import the heavy modules once in a fresh worker, before the first chunk arrives."""
    import trafilatura  # noqa: F401

    load_company_table(None)
    warm_lexicons()
