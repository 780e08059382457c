"""Backfill progress (`backfill_windows`): one row per source, query and window.

A window row is `pending` when planned, `running` while a run works on it, then `done` or
`failed`. Re-running a range skips `done` rows; `pending`, `failed` and `running` rows (a run that
died mid-window leaves `running`) are worked again, so an interrupted backfill resumes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import duckdb

from ingest.feeds.backfill import BackfillWindow, Window, WindowStatus
from storage.bulk import insert_rows

COLUMNS = (
    "source", "query", "window_start", "window_end", "status", "items", "new_items", "attempts",
    "error", "updated_at",
)
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM backfill_windows"

WindowKey = tuple[str, str, datetime, datetime]  # (source, query, window_start, window_end)


def key_of(source: str, query: str, window: Window) -> WindowKey:
    """Return the primary key of a source's window for a query."""
    return (source, query, window.start, window.end)


def plan_windows(
    con: duckdb.DuckDBPyConnection, source: str, query: str, windows: Sequence[Window], now: datetime
) -> dict[WindowKey, BackfillWindow]:
    """Add `pending` rows for windows not recorded yet; return every one of the windows' rows."""
    insert_rows(
        con, "backfill_windows", COLUMNS,
        [(source, query, w.start, w.end, "pending", 0, 0, 0, None, now) for w in windows],
    )
    return window_rows(con, [key_of(source, query, w) for w in windows])


def window_rows(con: duckdb.DuckDBPyConnection, keys: Sequence[WindowKey]) -> dict[WindowKey, BackfillWindow]:
    """Return the stored rows of the given keys (missing keys are absent)."""
    if not keys:
        return {}
    sources, queries, starts, ends = (list(column) for column in zip(*keys, strict=True))
    rows = con.execute(
        f"SELECT {', '.join('b.' + c for c in COLUMNS)} FROM backfill_windows b"
        " JOIN (SELECT unnest(?) AS s, unnest(?) AS q, unnest(?) AS ws, unnest(?) AS we) k"
        " ON b.source = k.s AND b.query = k.q AND b.window_start = k.ws AND b.window_end = k.we",
        [sources, queries, starts, ends],
    ).fetchall()
    found = [_row(row) for row in rows]
    return {(r.source, r.query, r.window_start, r.window_end): r for r in found}


def list_windows(
    con: duckdb.DuckDBPyConnection, source: str | None = None, status: WindowStatus | None = None
) -> list[BackfillWindow]:
    """Return recorded windows (optionally of one source or status), oldest window first."""
    rows = con.execute(
        f"{_SELECT} WHERE (? IS NULL OR source = ?) AND (? IS NULL OR status = ?)"
        " ORDER BY window_start, window_end, source, query",
        [source, source, status, status],
    ).fetchall()
    return [_row(row) for row in rows]


def mark_running(con: duckdb.DuckDBPyConnection, keys: Sequence[WindowKey], now: datetime) -> None:
    """Record that a run started working on the windows (one more attempt each)."""
    for key in keys:  # one window's sources: a handful of rows
        _upsert(con, key, "running", now, attempts_delta=1)


def record_results(
    con: duckdb.DuckDBPyConnection,
    done: Sequence[tuple[WindowKey, int, int]],
    failed: Sequence[tuple[WindowKey, str]],
    now: datetime,
) -> None:
    """Mark windows done (key, items, new_items) and failed (key, error) in one go."""
    for key, items, new_items in done:
        mark_done(con, key, items, new_items, now)
    for key, error in failed:
        mark_failed(con, key, error, now)


def mark_done(
    con: duckdb.DuckDBPyConnection, key: WindowKey, items: int, new_items: int, now: datetime
) -> None:
    """Record that the window's entries were all stored: `items` found, `new_items` new."""
    _upsert(con, key, "done", now, items=items, new_items=new_items, error=None)


def mark_failed(con: duckdb.DuckDBPyConnection, key: WindowKey, error: str, now: datetime) -> None:
    """Record that the window failed with `error`; the next run retries it."""
    _upsert(con, key, "failed", now, error=error[:1000])


def _upsert(
    con: duckdb.DuckDBPyConnection,
    key: WindowKey,
    status: WindowStatus,
    now: datetime,
    *,
    attempts_delta: int = 0,
    items: int | None = None,
    new_items: int | None = None,
    error: str | None = None,
) -> None:
    # coalesce keeps the counts of a window that only changes status; `error` is always replaced
    # (cleared when done, kept from the last failure while running again). MERGE, not ON CONFLICT:
    # the same statement runs on a DuckLake, which has no unique keys.
    con.execute(
        "MERGE INTO backfill_windows USING (SELECT ?::VARCHAR AS source, ?::VARCHAR AS query,"
        " ?::TIMESTAMP AS window_start, ?::TIMESTAMP AS window_end, ?::VARCHAR AS status,"
        " ?::INTEGER AS items, ?::INTEGER AS new_items, ?::INTEGER AS attempts, ?::VARCHAR AS error,"
        " ?::TIMESTAMP AS updated_at) AS excluded"
        " ON backfill_windows.source = excluded.source AND backfill_windows.query = excluded.query"
        " AND backfill_windows.window_start = excluded.window_start AND backfill_windows.window_end = excluded.window_end"
        " WHEN MATCHED THEN UPDATE SET"
        " status = excluded.status,"
        " items = coalesce(excluded.items, backfill_windows.items),"
        " new_items = coalesce(excluded.new_items, backfill_windows.new_items),"
        " attempts = backfill_windows.attempts + excluded.attempts,"
        " error = CASE WHEN excluded.status = 'running' THEN backfill_windows.error ELSE excluded.error END,"
        " updated_at = excluded.updated_at"
        " WHEN NOT MATCHED THEN INSERT (source, query, window_start, window_end, status, items, new_items,"
        " attempts, error, updated_at) VALUES (excluded.source, excluded.query, excluded.window_start,"
        " excluded.window_end, excluded.status, coalesce(excluded.items, 0), coalesce(excluded.new_items, 0),"
        " excluded.attempts, excluded.error, excluded.updated_at)",
        [*key, status, items, new_items, attempts_delta, error, now],
    )


def _row(row: tuple) -> BackfillWindow:
    return BackfillWindow(**dict(zip(COLUMNS, row, strict=True)))
