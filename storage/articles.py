"""Articles and their compressed raw pages (`articles`, `article_html`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
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
    return len(insert_new_articles(con, articles, staged=staged))


def insert_new_articles(
    con: duckdb.DuckDBPyConnection,
    articles: Sequence[Article],
    *,
    staged: str | None = None,
    mirror: Mapping[str, tuple[str, str | None]] | None = None,
    stored: Collection[str] | None = None,
) -> set[str]:
    """Insert articles not stored yet (and their raw pages) as `insert_articles` does; return the ids inserted.

    `mirror` gives (text_hash, duplicate_of) by article id, the dedup mirror columns, when the
    batch's dedup is decided already: they go in with the row instead of an UPDATE after it
    (`storage.dedup.save`), one statement fewer under a lake's catalog lock. `stored`: which of
    `articles` the caller read as stored in this same transaction (None: read here).
    """
    if not articles:
        return set()
    unique = list({a.article_id: a for a in articles}.values())
    if stored is None:
        stored = known_article_ids(con, [a.article_id for a in unique])
    new_ids = set(a.article_id for a in unique) - set(stored)
    fresh = [a for a in unique if a.article_id in new_ids]
    pages = [a for a in fresh if a.raw_html]
    mirror = mirror or {}
    hashes = [mirror.get(a.article_id, (None, None)) for a in fresh]
    if staged is not None:
        if fresh:
            names = ", ".join(ARTICLE_COLUMNS)
            picked = ", ".join(f"s.{c}" for c in ARTICLE_COLUMNS)
            con.execute(
                f"INSERT INTO articles ({names}, text_hash, duplicate_of) SELECT {picked}, m.text_hash, m.duplicate_of"
                f" FROM memory.main.{staged}_articles s JOIN (SELECT unnest(?::VARCHAR[]) AS article_id,"
                " unnest(?::VARCHAR[]) AS text_hash, unnest(?::VARCHAR[]) AS duplicate_of) m USING (article_id)",
                [[a.article_id for a in fresh], [h for h, _ in hashes], [d for _, d in hashes]],
            )
        if pages:
            names = ", ".join(HTML_COLUMNS)
            con.execute(
                f"INSERT INTO article_html ({names}) SELECT {names} FROM memory.main.{staged}_article_html"
                " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [[a.article_id for a in pages]],
            )
        return new_ids
    insert_rows(
        con, "articles", (*ARTICLE_COLUMNS, "text_hash", "duplicate_of"),
        [(*(getattr(a, c) for c in ARTICLE_COLUMNS), *hashed) for a, hashed in zip(fresh, hashes, strict=True)],
    )
    insert_rows(con, "article_html", HTML_COLUMNS, [(a.article_id, a.raw_encoding, a.raw_size, a.raw_html) for a in pages])
    return new_ids


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
