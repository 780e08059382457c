"""storage.bulk.insert_rows: both ways of handing rows to DuckDB keep every value and type."""

from __future__ import annotations

from datetime import datetime

import duckdb

from storage.bulk import insert_rows


def _table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE t (id VARCHAR PRIMARY KEY, text VARCHAR, n INTEGER, seen_at TIMESTAMP, page BLOB, tags VARCHAR[])"
    )


def test_plain_rows_keep_nulls_types_and_conflicts() -> None:
    con = duckdb.connect()
    _table(con)
    rows = [
        ("a", "ü text", 1, datetime(2026, 1, 28, 9, 30), b"\x00\xff", None),
        ("b", None, None, None, None, None),
    ]
    insert_rows(con, "t", ("id", "text", "n", "seen_at", "page", "tags"), rows)
    insert_rows(con, "t", ("id", "text", "n", "seen_at", "page"), [("a", "changed", 9, None, b"")])  # conflict: kept
    assert con.execute("SELECT * FROM t ORDER BY id").fetchall() == [
        ("a", "ü text", 1, datetime(2026, 1, 28, 9, 30), b"\x00\xff", None),
        ("b", None, None, None, None, None),
    ]


def test_rows_with_lists_and_after_an_unread_query() -> None:
    con = duckdb.connect()
    _table(con)
    con.execute("INSERT INTO t (id) VALUES ('x')")
    # A query whose rows were never read (a caller's lookup) once made the scan path fail.
    con.execute("SELECT id FROM t")
    insert_rows(con, "t", ("id", "n"), [("y", 2)])
    insert_rows(con, "t", ("id", "tags"), [("z", ["AWS", "Twitch"]), ("w", [])])
    assert con.execute("SELECT id, n, tags FROM t ORDER BY id").fetchall() == [
        ("w", None, []), ("x", None, None), ("y", 2, None), ("z", None, ["AWS", "Twitch"]),
    ]
