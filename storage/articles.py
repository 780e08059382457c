"""Articles and their compressed raw pages (`articles`, `article_html`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

import duckdb

from ingest.models import Article
from storage.backends.lake import ALIAS
from storage.bulk import insert_rows

ARTICLE_COLUMNS = (
    "article_id", "url", "canonical_url", "feed", "source_name", "title", "summary", "text",
    "author", "site_name", "language", "published_at", "published_source", "fetched_at",
    "http_status", "extraction_status", "extraction_error",
)


class StoredText(NamedTuple):
    """The text of a stored article, as classification and dedup read it."""

    article_id: str
    title: str
    text: str
    summary: str
    published_at: datetime


def known_article_ids(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> set[str]:
    """Return those of `article_ids` already stored."""
    if not article_ids:
        return set()
    rows = con.execute(
        "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [list(article_ids)]
    ).fetchall()
    return {row[0] for row in rows}


HTML_COLUMNS = ("article_id", "encoding", "raw_size", "html")


def insert_articles(con: duckdb.DuckDBPyConnection, articles: Sequence[Article], *, staged: str | None = None) -> int:
    """Insert articles not stored yet (and their raw pages); return how many were new.

    `staged` names the staging tables `stage_articles` filled with these same articles (a lake's
    store): their rows are then copied from there, inside DuckDB, instead of scanned from Python.
    """
    if not articles:
        return 0
    unique = list({a.article_id: a for a in articles}.values())
    new_ids = set(a.article_id for a in unique) - known_article_ids(con, [a.article_id for a in unique])
    fresh = [a for a in unique if a.article_id in new_ids]
    pages = [a for a in fresh if a.raw_html]
    if staged is not None:
        for table, columns, chosen in (("articles", ARTICLE_COLUMNS, fresh), ("article_html", HTML_COLUMNS, pages)):
            if chosen:
                names = ", ".join(columns)
                con.execute(
                    f"INSERT INTO {table} ({names}) SELECT {names} FROM memory.main.{staged}_{table}"
                    " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                    [[a.article_id for a in chosen]],
                )
        return len(fresh)
    insert_rows(con, "articles", ARTICLE_COLUMNS, [tuple(getattr(a, c) for c in ARTICLE_COLUMNS) for a in fresh])
    insert_rows(con, "article_html", HTML_COLUMNS, [(a.article_id, a.raw_encoding, a.raw_size, a.raw_html) for a in pages])
    return len(fresh)


def stage_articles(stage: duckdb.DuckDBPyConnection, name: str, articles: Sequence[Article]) -> None:
    """Load `articles` (the last of each id) and their pages into staging tables `<name>_articles`, `<name>_article_html`.

    `stage` is a connection to the lake instance's in-memory database (`storage.batches.staged`):
    turning ~600 articles' Python values into rows costs ~0.3 s, spent there before the catalog
    lock instead of under it, where every other shard waits.
    """
    unique = list({a.article_id: a for a in articles}.values())
    for table, columns in (("articles", ARTICLE_COLUMNS), ("article_html", HTML_COLUMNS)):
        # Typed as the lake's own table, so the copy under the lock converts nothing.
        stage.execute(f"CREATE TABLE {name}_{table} AS SELECT {', '.join(columns)} FROM {ALIAS}.{table} LIMIT 0")
    insert_rows(
        stage, f"{name}_articles", ARTICLE_COLUMNS,
        [tuple(getattr(a, c) for c in ARTICLE_COLUMNS) for a in unique], on_conflict=None,
    )
    insert_rows(
        stage, f"{name}_article_html", HTML_COLUMNS,
        [(a.article_id, a.raw_encoding, a.raw_size, a.raw_html) for a in unique if a.raw_html], on_conflict=None,
    )


def article_texts(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None) -> list[StoredText]:
    """Return title/text/summary of the given articles (all when None), oldest first."""
    query = "SELECT article_id, title, text, summary, published_at FROM articles"
    params: list[object] = []
    if article_ids is not None:
        query += " WHERE article_id IN (SELECT unnest(?))"
        params.append(list(article_ids))
    rows = con.execute(query + " ORDER BY published_at, article_id", params).fetchall()
    return [StoredText(*row) for row in rows]


EXTRACTION_COLUMNS = ("article_id", "text", "author", "site_name", "language", "extraction_status", "extraction_error")


def stored_pages(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, bytes]]:
    """Return (article_id, url, compressed html) of every article with a stored page."""
    return con.execute(
        "SELECT a.article_id, a.url, h.html FROM article_html h JOIN articles a USING (article_id)"
        " ORDER BY a.article_id"
    ).fetchall()


def update_extractions(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple]) -> None:
    """Overwrite text and extraction fields from a re-extraction (rows in EXTRACTION_COLUMNS order)."""
    if not rows:
        return
    con.execute(
        "CREATE OR REPLACE TEMP TABLE reextracted (article_id VARCHAR, text VARCHAR, author VARCHAR,"
        " site_name VARCHAR, language VARCHAR, extraction_status VARCHAR, extraction_error VARCHAR)"
    )
    insert_rows(con, "reextracted", EXTRACTION_COLUMNS, rows, on_conflict=None)
    con.execute(
        "UPDATE articles SET text = r.text, author = coalesce(r.author, articles.author),"
        " site_name = coalesce(r.site_name, articles.site_name),"
        " language = coalesce(r.language, articles.language),"
        " extraction_status = r.extraction_status, extraction_error = r.extraction_error"
        " FROM reextracted r WHERE articles.article_id = r.article_id"
    )
    con.execute("DROP TABLE reextracted")
