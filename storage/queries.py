"""Read-only access for users' SQL and for the CLI's tables."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ingest.settings import LakeTarget
from storage.db import connect


class QueryResult(NamedTuple):
    columns: list[str]
    rows: list[tuple[Any, ...]]


def run_readonly(db: Path | LakeTarget, sql: str, params: Sequence[Any] = (), *, lock_timeout: float = 5.0) -> QueryResult:
    """Return the result of `sql` run on a read-only connection (writes fail in DuckDB itself)."""
    with connect(db, read_only=True, lock_timeout=lock_timeout) as con:
        cursor = con.execute(sql, list(params))
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return QueryResult(columns, cursor.fetchall() if columns else [])
