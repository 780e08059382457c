"""Backfill progress (`backfill_windows`): one row per source, query and window.

Rows are read and written as given; what a row becomes (planned `pending`, `running`, `done`,
`failed`) is decided by `ingest.feeds.backfill`. Re-running a range skips `done` rows, so an
interrupted backfill resumes.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from ingest.models.backfill import BackfillWindow, WindowKey, key_of
from storage.bulk import insert_rows

__all__ = ["COLUMNS", "WindowKey", "key_of", "save_windows", "window_rows"]

COLUMNS = (
    "source", "query", "window_start", "window_end", "status", "items", "new_items", "attempts",
    "error", "updated_at",
)
_KEY = ("source", "query", "window_start", "window_end")
# A stored row takes every value of the row given (the key aside): the caller decided them.
_REPLACE = f"({', '.join(_KEY)}) DO UPDATE SET " + ", ".join(
    f"{column} = excluded.{column}" for column in COLUMNS if column not in _KEY
)


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
    found = [BackfillWindow(**dict(zip(COLUMNS, row, strict=True))) for row in rows]
    return {r.key: r for r in found}


def save_windows(con: duckdb.DuckDBPyConnection, windows: Sequence[BackfillWindow]) -> None:
    """Write the rows as given, in one statement: new keys are added, stored ones replaced."""
    insert_rows(
        con, "backfill_windows", COLUMNS,
        [tuple(getattr(w, column) for column in COLUMNS) for w in windows],
        on_conflict=_REPLACE,
    )
