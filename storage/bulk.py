"""Bulk writes: one statement per batch, never one per row, on a DuckDB file or a DuckLake.

DuckDB's `executemany` runs row by row. Rows of plain values are handed to DuckDB as NumPy object
columns it scans in C++; rows holding lists (MinHash values, company lists) bind each column as one
list parameter zipped with `unnest` (slower, all of it in binding the values). The figures are in
benchmarks/README.md (`benchmarks/store.py`).

`on_conflict` is written as on a DuckDB file (`DO NOTHING`, `(key) DO NOTHING`,
`(key) DO UPDATE SET c = excluded.c, ...`), where the table's constraints enforce it. A DuckLake
has no constraints, so there the same intent is carried out by the statement itself: rows whose
key is stored are skipped (an anti-join) or merged (`MERGE INTO`, the assignments unchanged: the
new row is called `excluded` there too), after repeated keys in the batch are dropped (the first
row stays, as DuckDB keeps it on a file). Keys come from `storage.keys`.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import uuid
from collections.abc import Sequence
from typing import Any

import duckdb
import numpy as np

from storage.keys import unique_keys

# DuckDB 1.5 scans an object column by trying `import pandas` about ten times per value (it looks
# for pandas' NA). Without pandas installed, each try walks sys.path again, since Python never
# remembers a failed import: 2,000 articles cost ~9 s instead of ~0.1 s (benchmarks/scale.py).
# Recording the absence once makes every later try fail at once, as it would have anyway.
if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
    sys.modules["pandas"] = None  # type: ignore[assignment]

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")
_NESTED = (list, tuple, dict, set, frozenset)
_CONFLICT = re.compile(r"^\s*(?:\((?P<target>[a-z0-9_,\s]+)\)\s*)?DO\s+(?:(?P<nothing>NOTHING)|UPDATE\s+SET\s+(?P<set>.+))$", re.I | re.S)


def is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    """Return whether `con` works on a DuckLake (its current database is one)."""
    row = con.execute("SELECT type FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    return row is not None and row[0] == "ducklake"


def skip_stored(con: duckdb.DuckDBPyConnection, table: str, alias: str) -> tuple[str, str]:
    """Return (WHERE clause, ON CONFLICT clause) that make `INSERT INTO table SELECT ... FROM (...) alias` skip stored keys.

    A file's constraints do it (`ON CONFLICT DO NOTHING`); on a lake an anti-join per unique key does.
    """
    if not is_lake(con):
        return "", " ON CONFLICT DO NOTHING"
    absent = " AND ".join(
        f"NOT EXISTS (SELECT 1 FROM {table} stored WHERE "
        + " AND ".join(f"stored.{c} = {alias}.{c}" for c in key) + ")"
        for key in unique_keys(table)
    )
    return f" WHERE {absent}", ""


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    on_conflict: str | None = "DO NOTHING",
) -> None:
    """Insert `rows` (tuples in `columns` order) into `table` in one statement.

    `table`, `columns` and `on_conflict` come from our own code, never from users; identifiers are
    checked anyway. Values are always data (bound or scanned), never SQL text.
    """
    if not rows:
        return
    for name in (table, *columns):
        if not _IDENT.match(name):
            raise ValueError(f"not a plain identifier: {name!r}")
    lake = on_conflict is not None and is_lake(con)
    if lake:
        rows = _first_per_key(table, columns, rows, on_conflict or "")
    values = [list(column) for column in zip(*rows, strict=True)]
    names = ", ".join(columns)
    statement = _lake_statement(table, columns, on_conflict or "") if lake else (
        f"INSERT INTO {table} ({names}) SELECT {names} FROM {{source}}"
        + (f" ON CONFLICT {on_conflict}" if on_conflict else "")
    )
    if any(isinstance(v, _NESTED) for column in values for v in column):
        selects = ", ".join(f"unnest(?) AS {name}" for name in columns)
        con.execute(statement.replace("{source}", f"(SELECT {selects})"), values)
        return
    view = f"lw_rows_{uuid.uuid4().hex}"
    # DuckDB 1.5.5 cannot scan an object column of ~2,000 Nones ("'numpy.ndarray' object has no
    # attribute 'first_valid_index'"), e.g. extraction_error when every page of a batch extracted:
    # such a column is selected as NULL instead of scanned.
    empty = {name for name, column in zip(columns, values, strict=True) if all(v is None for v in column)}
    source = view if not empty else (
        "(SELECT " + ", ".join(f"NULL AS {name}" if name in empty else name for name in columns) + f" FROM {view})"
    )
    # register() refuses a connection whose last query's rows were never read (a caller's lookup),
    # where execute() just drops them; a fetched no-op statement drops them first.
    con.execute("SELECT 1").fetchall()
    con.register(view, {name: _objects(column) for name, column in zip(columns, values, strict=True) if name not in empty})
    try:
        con.execute(statement.replace("{source}", source))
    finally:
        con.unregister(view)


def _parse(table: str, on_conflict: str) -> tuple[tuple[tuple[str, ...], ...], str | None]:
    """Return (keys, assignments) of an ON CONFLICT clause: the keys it names (else the table's), SET text or None."""
    match = _CONFLICT.match(on_conflict)
    if not match or (match["set"] and re.search(r"\bWHERE\b", match["set"], re.I)):
        raise ValueError(f"ON CONFLICT {on_conflict!r} has no DuckLake form here: write the MERGE by hand")
    if match["target"]:
        keys: tuple[tuple[str, ...], ...] = (tuple(c.strip() for c in match["target"].split(",")),)
    else:
        keys = unique_keys(table)
    return keys, match["set"]


def _first_per_key(
    table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], on_conflict: str
) -> list[Sequence[Any]]:
    """Return `rows` without repeated keys: the first row of each key stays."""
    keys, _ = _parse(table, on_conflict)
    positions = [[list(columns).index(c) for c in key] for key in keys]
    seen: list[set[tuple[Any, ...]]] = [set() for _ in keys]
    kept = []
    for row in rows:
        ids = [tuple(row[i] for i in where) for where in positions]
        if any(value in found for value, found in zip(ids, seen, strict=True)):
            continue
        for value, found in zip(ids, seen, strict=True):
            found.add(value)
        kept.append(row)
    return kept


def _lake_statement(table: str, columns: Sequence[str], on_conflict: str) -> str:
    """Return the DuckLake statement (with a `{source}` slot) that does what `on_conflict` says."""
    keys, assignments = _parse(table, on_conflict)
    names = ", ".join(columns)
    if assignments is None:
        absent = " AND ".join(
            f"NOT EXISTS (SELECT 1 FROM {table} stored WHERE "
            + " AND ".join(f"stored.{c} = excluded.{c}" for c in key) + ")"
            for key in keys
        )
        return f"INSERT INTO {table} ({names}) SELECT {names} FROM {{source}} AS excluded WHERE {absent}"
    on = " AND ".join(f"{table}.{c} = excluded.{c}" for c in keys[0])
    inserted = ", ".join(f"excluded.{c}" for c in columns)
    return (
        f"MERGE INTO {table} USING (SELECT {names} FROM {{source}}) AS excluded ON {on}"
        f" WHEN MATCHED THEN UPDATE SET {assignments}"
        f" WHEN NOT MATCHED THEN INSERT ({names}) VALUES ({inserted})"
    )


def _objects(values: list[Any]) -> np.ndarray:
    """Return `values` as a 1-D object array (DuckDB infers the column type from the values)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array
