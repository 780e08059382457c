"""The store step decides on what it read before writing: its round candidates are the ones storage reads back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ingest.models import OPENING_CHARS, Article, Classification
from ingest.understanding import CLASSIFIER_VERSION
from storage import articles as article_store
from storage import classifications as class_store
from storage import rounds as round_store
from storage.db import connect, transaction
from tests.conftest import copy_migrated
from usecases.run.decide import report_candidates

WHEN = datetime(2026, 1, 28, 14)


def article(article_id: str, url: str, source_name: str | None, site_name: str | None) -> Article:
    return Article(
        article_id=article_id, feed="wire", url=url, canonical_url=url.replace("http://", "https://"),
        title=f"Acme cuts jobs ({article_id})", published_at=WHEN, fetched_at=WHEN,
        source_name=source_name, site_name=site_name,
        # longer than a candidate's opening, with letters of two and four bytes: both sides cut it by characters
        text=f"Acme ({article_id}) começou a despedir 👷 trabalhadores.\n\n" + "Les suppressions de postes à Zürich. " * 60,
    )


def verdict(article_id: str, label: str = "layoff_report") -> Classification:
    return Classification(
        article_id=article_id, classifier_version=CLASSIFIER_VERSION, label=label, confidence=0.9,  # type: ignore[arg-type]
        companies=("Acme",), units=("devices",), headcount=1200, language="en",
    )


def test_report_candidates_match_what_storage_reads_back(tmp_path: Path, migrated_db: Path) -> None:
    # Outlets named every way storage names them: padded source name, site name, host, nothing at all.
    articles = [
        article("a1", "http://www.example.com/a/1", "  Reuters ", None),
        article("a2", "https://news.example.org/a/2?x=1", None, "The Wire"),
        article("a3", "https://WWW.Example.NET:8080/a/3", " ", None),
        article("a4", "not a url", None, None),
        article("a5", "https://example.com/a/5", "Blog", None),
    ]
    verdicts = [verdict("a1"), verdict("a2"), verdict("a3"), verdict("a4"), verdict("a5", "layoff_mention")]
    in_memory = report_candidates(articles, verdicts)
    with connect(copy_migrated(migrated_db, tmp_path / "lw.duckdb")) as con, transaction(con):
        article_store.insert_articles(con, articles)
        class_store.save_classifications(con, verdicts, WHEN)
        stored = round_store.round_candidates(con, [a.article_id for a in articles], CLASSIFIER_VERSION)
    assert [c.source for c in in_memory] == ["Reuters", "The Wire", "www.example.net", ""]  # "www." is cut in lower case only
    assert in_memory == stored
    assert all(len(c.opening) == OPENING_CHARS for c in stored)
