"""Append-only schema migrations, applied in order on open and recorded in `schema_migrations`.

Never edit a migration that has shipped: append a new one. Every timestamp column holds UTC
(DuckDB `TIMESTAMP` without zone, so Parquet and DuckLake exports need no time-zone conversion).
"""

from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):
    version: int
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "feeds, fetches and articles",
        """
        CREATE TABLE feeds (
            name VARCHAR PRIMARY KEY,
            url VARCHAR NOT NULL,
            tags VARCHAR[] NOT NULL DEFAULT [],
            etag VARCHAR,
            last_modified VARCHAR,
            last_fetched_at TIMESTAMP,
            last_success_at TIMESTAMP,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            last_error VARCHAR,
            next_attempt_at TIMESTAMP,
            added_at TIMESTAMP NOT NULL
        );
        CREATE TABLE feed_fetches (
            fetch_id VARCHAR PRIMARY KEY,
            run_id VARCHAR,
            feed VARCHAR NOT NULL,
            url VARCHAR NOT NULL,
            started_at TIMESTAMP NOT NULL,
            duration_ms DOUBLE NOT NULL,
            http_status INTEGER,
            not_modified BOOLEAN NOT NULL DEFAULT false,
            items_seen INTEGER NOT NULL DEFAULT 0,
            new_items INTEGER NOT NULL DEFAULT 0,
            error VARCHAR
        );
        CREATE TABLE articles (
            article_id VARCHAR PRIMARY KEY,
            url VARCHAR NOT NULL,
            canonical_url VARCHAR NOT NULL,
            feed VARCHAR NOT NULL,
            source_name VARCHAR,
            title VARCHAR NOT NULL,
            summary VARCHAR NOT NULL DEFAULT '',
            text VARCHAR NOT NULL DEFAULT '',
            author VARCHAR,
            site_name VARCHAR,
            language VARCHAR,
            published_at TIMESTAMP NOT NULL,
            published_source VARCHAR NOT NULL,
            fetched_at TIMESTAMP NOT NULL,
            http_status INTEGER,
            extraction_status VARCHAR NOT NULL,
            extraction_error VARCHAR,
            text_hash VARCHAR,
            duplicate_of VARCHAR
        );
        CREATE TABLE article_html (
            article_id VARCHAR PRIMARY KEY,
            encoding VARCHAR NOT NULL DEFAULT 'zlib',
            raw_size INTEGER NOT NULL,
            html BLOB NOT NULL
        );
        """,
    ),
    Migration(
        2,
        "deduplication",
        """
        CREATE TABLE duplicates (
            article_id VARCHAR PRIMARY KEY,
            duplicate_of VARCHAR NOT NULL,
            method VARCHAR NOT NULL,
            score DOUBLE NOT NULL,
            threshold DOUBLE NOT NULL,
            dedup_version VARCHAR NOT NULL,
            decided_at TIMESTAMP NOT NULL
        );
        CREATE TABLE dedup_signatures (
            article_id VARCHAR PRIMARY KEY,
            text_hash VARCHAR NOT NULL,
            shingle_count INTEGER NOT NULL,
            minhash UBIGINT[],
            dedup_version VARCHAR NOT NULL
        );
        -- No index on (band, bucket): on 3.2M rows it grew the file from 36 MB to 174 MB and
        -- slowed inserts 4.6x while the batch join got no faster (0.30 s vs 0.25 s).
        CREATE TABLE dedup_bands (
            band SMALLINT NOT NULL,
            bucket UBIGINT NOT NULL,
            article_id VARCHAR NOT NULL
        );
        CREATE TABLE url_resolutions (
            url VARCHAR PRIMARY KEY,
            resolved_url VARCHAR,
            method VARCHAR NOT NULL,
            resolved_at TIMESTAMP NOT NULL
        );
        """,
    ),
    Migration(
        3,
        "classifications",
        """
        CREATE TABLE classifications (
            article_id VARCHAR NOT NULL,
            classifier_version VARCHAR NOT NULL,
            label VARCHAR NOT NULL,
            confidence DOUBLE NOT NULL,
            companies VARCHAR[] NOT NULL DEFAULT [],
            units VARCHAR[] NOT NULL DEFAULT [],
            headcount BIGINT,
            headcount_min BIGINT,
            headcount_max BIGINT,
            headcount_approx BOOLEAN NOT NULL DEFAULT false,
            headcount_text VARCHAR,
            headcount_pct DOUBLE,
            announced_on DATE,
            is_leak BOOLEAN NOT NULL DEFAULT false,
            evidence VARCHAR NOT NULL DEFAULT '',
            classified_at TIMESTAMP NOT NULL,
            PRIMARY KEY (article_id, classifier_version)
        );
        """,
    ),
    Migration(
        4,
        "rounds and alerts outbox",
        """
        CREATE TABLE rounds (
            round_id VARCHAR PRIMARY KEY,
            company VARCHAR NOT NULL,
            units VARCHAR[] NOT NULL DEFAULT [],
            announced_on DATE NOT NULL,
            first_seen_at TIMESTAMP NOT NULL,
            last_seen_at TIMESTAMP NOT NULL,
            headcount BIGINT,
            headcount_min BIGINT,
            headcount_max BIGINT,
            headcount_text VARCHAR,
            status VARCHAR NOT NULL,
            article_count INTEGER NOT NULL,
            source_count INTEGER NOT NULL,
            title VARCHAR NOT NULL,
            evidence VARCHAR NOT NULL DEFAULT '',
            matcher_version VARCHAR NOT NULL,
            updated_at TIMESTAMP NOT NULL
        );
        CREATE TABLE round_articles (
            article_id VARCHAR PRIMARY KEY,
            round_id VARCHAR NOT NULL,
            role VARCHAR NOT NULL,
            score DOUBLE NOT NULL,
            reason VARCHAR NOT NULL,
            linked_at TIMESTAMP NOT NULL
        );
        CREATE TABLE alerts (
            alert_id VARCHAR PRIMARY KEY,
            idempotency_key VARCHAR NOT NULL UNIQUE,
            round_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            channel VARCHAR NOT NULL,
            status VARCHAR NOT NULL,
            reason VARCHAR,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error VARCHAR,
            created_at TIMESTAMP NOT NULL,
            next_attempt_at TIMESTAMP,
            sent_at TIMESTAMP,
            payload JSON NOT NULL
        );
        """,
    ),
    Migration(
        5,
        "backfill windows",
        """
        CREATE TABLE backfill_windows (
            source VARCHAR NOT NULL,
            query VARCHAR NOT NULL,
            window_start TIMESTAMP NOT NULL,
            window_end TIMESTAMP NOT NULL,
            status VARCHAR NOT NULL,
            items INTEGER NOT NULL DEFAULT 0,
            new_items INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            error VARCHAR,
            updated_at TIMESTAMP NOT NULL,
            PRIMARY KEY (source, query, window_start, window_end)
        );
        """,
    ),
    Migration(
        6,
        "layoffwatch_meta",
        """
        CREATE TABLE layoffwatch_meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR NOT NULL,
            updated_at TIMESTAMP NOT NULL
        );
        """,
    ),
    Migration(
        7,
        "raw pages stored without DuckDB compression",
        # The pages are zlib blobs already: DuckDB's compression analysis of them found nothing
        # to gain (same file size) and was 80% of the checkpoint after each batch (0.23 of 0.3 s
        # per 2,000 articles, benchmarks/throughput.py). No ALTER sets a column's compression, so
        # the table is rebuilt; the views that read it are re-created on every open.
        """
        CREATE TABLE article_html_v7 (
            article_id VARCHAR PRIMARY KEY,
            encoding VARCHAR NOT NULL DEFAULT 'zlib',
            raw_size INTEGER NOT NULL,
            html BLOB NOT NULL USING COMPRESSION uncompressed
        );
        INSERT INTO article_html_v7 SELECT article_id, encoding, raw_size, html FROM article_html;
        DROP TABLE article_html;
        ALTER TABLE article_html_v7 RENAME TO article_html;
        """,
    ),
    Migration(
        8,
        "rounds.headline: the first report's own headline",
        # `title` is a summary layoffwatch writes ("Amazon cuts 16,000 jobs (announced ...)");
        # `headline` is what the earliest article of the round was called. Filled for existing
        # rounds here; storage.rounds.save_plan keeps it for rounds saved later.
        """
        ALTER TABLE rounds ADD COLUMN headline VARCHAR;
        UPDATE rounds SET headline = first.title
        FROM (
            SELECT ra.round_id, arg_min(a.title, (a.published_at, a.article_id)) AS title
            FROM round_articles ra JOIN articles a ON a.article_id = ra.article_id
            GROUP BY ra.round_id
        ) AS first
        WHERE rounds.round_id = first.round_id;
        """,
    ),
)
