"""Feeds and their fetch log (`feeds`, `feed_fetches`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import duckdb

from ingest.feedhealth import next_attempt
from ingest.models import FeedConfig, FeedFetch, FeedState


def sync_feeds(con: duckdb.DuckDBPyConnection, feeds: Sequence[FeedConfig], now: datetime) -> None:
    """Insert configured feeds that are new and update the URL/tags of known ones."""
    con.executemany(
        "INSERT INTO feeds (name, url, tags, added_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET url = excluded.url, tags = excluded.tags",
        [[feed.name, feed.url, list(feed.tags), now] for feed in feeds],
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


def record_fetches(con: duckdb.DuckDBPyConnection, fetches: Sequence[FeedFetch]) -> None:
    """Log each fetch in `feed_fetches` and move each feed's validators and health forward."""
    done = [f for f in fetches if not f.skipped]
    if not done:
        return
    con.executemany(
        "INSERT INTO feed_fetches (fetch_id, run_id, feed, url, started_at, duration_ms, http_status,"
        " not_modified, items_seen, new_items, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (fetch_id) DO NOTHING",
        [
            [f.fetch_id, f.run_id, f.feed, f.url, f.started_at, f.duration_ms, f.http_status,
             f.not_modified, f.items_seen, f.new_items, f.error]
            for f in done
        ],
    )
    ok = [f for f in done if f.error is None]
    failed = [f for f in done if f.error is not None]
    if ok:
        con.executemany(
            "UPDATE feeds SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),"
            " last_fetched_at = ?, last_success_at = ?, consecutive_failures = 0, last_error = NULL,"
            " next_attempt_at = NULL WHERE name = ?",
            [[f.etag, f.last_modified, f.started_at, f.started_at, f.feed] for f in ok],
        )
    if failed:
        failures = dict(
            con.execute(
                "SELECT name, consecutive_failures FROM feeds WHERE list_contains(?, name)",
                [[f.feed for f in failed]],
            ).fetchall()
        )
        con.executemany(
            "UPDATE feeds SET last_fetched_at = ?, consecutive_failures = ?, last_error = ?,"
            " next_attempt_at = ? WHERE name = ?",
            [
                [f.started_at, failures.get(f.feed, 0) + 1, f.error,
                 next_attempt(failures.get(f.feed, 0) + 1, f.started_at), f.feed]
                for f in failed
            ],
        )
