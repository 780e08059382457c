"""Feeds and their fetch log (`feeds`, `feed_fetches`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import duckdb

from ingest.models import FeedHealth
from ingest.models import FeedConfig, FeedFetch, FeedState
from storage.bulk import insert_rows


def sync_feeds(con: duckdb.DuckDBPyConnection, feeds: Sequence[FeedConfig], now: datetime) -> None:
    """Insert configured feeds that are new and update the URL/tags of known ones."""
    insert_rows(
        con, "feeds", ("name", "url", "tags", "added_at"),
        [(feed.name, feed.url, list(feed.tags), now) for feed in feeds],
        on_conflict="(name) DO UPDATE SET url = excluded.url, tags = excluded.tags",
    )


def feed_states(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> dict[str, FeedState]:
    """Return the remembered state of the named feeds."""
    rows = con.execute(
        "SELECT name, etag, last_modified, consecutive_failures, next_attempt_at "
        "FROM feeds WHERE list_contains(?, name)",
        [list(names)],
    ).fetchall()
    return {
        row[0]: FeedState(
            name=row[0], etag=row[1], last_modified=row[2],
            consecutive_failures=row[3], next_attempt_at=row[4],
        )
        for row in rows
    }


def record_fetches(
    con: duckdb.DuckDBPyConnection, fetches: Sequence[FeedFetch], health: Mapping[str, FeedHealth]
) -> None:
    """Log each fetch in `feed_fetches` and move each feed's validators forward, and its health to `health`.

    `health` holds, by fetch_id, the failure count and next attempt the caller decided
    (`ingest.feeds.health.after_fetches`). One statement per kind of write: executemany runs
    row by row.
    """
    done = [f for f in fetches if not f.skipped]
    if not done:
        return
    insert_rows(
        con, "feed_fetches",
        ("fetch_id", "run_id", "feed", "url", "started_at", "duration_ms", "http_status",
         "not_modified", "items_seen", "new_items", "error"),
        [(f.fetch_id, f.run_id, f.feed, f.url, f.started_at, f.duration_ms, f.http_status,
          f.not_modified, f.items_seen, f.new_items, f.error) for f in done],
    )
    updates = [
        (f.feed, f.etag, f.last_modified, f.started_at, None if f.error is not None else f.started_at,
         health[f.fetch_id].consecutive_failures, f.error, health[f.fetch_id].next_attempt_at)
        for f in done
    ]
    names, etags, modified, fetched, success, counts, errors, attempts = (list(c) for c in zip(*updates, strict=True))
    con.execute(
        "UPDATE feeds SET etag = coalesce(u.etag, feeds.etag),"
        " last_modified = coalesce(u.last_modified, feeds.last_modified),"
        " last_fetched_at = u.fetched_at,"
        " last_success_at = coalesce(u.success_at, feeds.last_success_at),"
        " consecutive_failures = u.failures, last_error = u.error, next_attempt_at = u.next_attempt"
        " FROM (SELECT unnest($names) AS name, unnest($etags::VARCHAR[]) AS etag,"
        " unnest($modified::VARCHAR[]) AS last_modified, unnest($fetched::TIMESTAMP[]) AS fetched_at,"
        " unnest($success::TIMESTAMP[]) AS success_at, unnest($counts::INTEGER[]) AS failures,"
        " unnest($errors::VARCHAR[]) AS error, unnest($attempts::TIMESTAMP[]) AS next_attempt) u"
        " WHERE feeds.name = u.name",
        {"names": names, "etags": etags, "modified": modified, "fetched": fetched, "success": success,
         "counts": counts, "errors": errors, "attempts": attempts},
    )
