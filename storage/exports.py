"""Exporting every table and view to Parquet or CSV files with DuckDB's own COPY (no pyarrow)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import duckdb

from ingest.models import Frozen

ExportFormat = Literal["parquet", "csv"]
FORMATS: tuple[ExportFormat, ...] = ("parquet", "csv")
# Raw pages are bulky compressed bytes, useful only for re-extraction inside the pipeline.
EXCLUDED = frozenset({"article_html"})
_OPTIONS = {"parquet": "FORMAT parquet, COMPRESSION zstd", "csv": "FORMAT csv, HEADER true"}


class ExportedRelation(Frozen):
    """One table or view written to one file."""

    name: str
    kind: Literal["table", "view"]
    rows: int
    path: Path


def exportable_relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, Literal["table", "view"]]]:
    """Return (name, kind) of every table and view an export writes, views first, by name."""
    rows = con.execute(
        """
        SELECT view_name, 'view' FROM duckdb_views()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
        UNION ALL
        SELECT table_name, 'table' FROM duckdb_tables()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
        ORDER BY 2 DESC, 1
        """
    ).fetchall()
    return [(name, kind) for name, kind in rows if name not in EXCLUDED]


def export_all(
    con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: ExportFormat = "parquet"
) -> list[ExportedRelation]:
    """Write each exportable table and view to `out_dir/<name>.<fmt>`; return what was written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    # One read transaction: every file shows the same state of the database.
    con.execute("BEGIN TRANSACTION")
    try:
        for name, kind in exportable_relations(con):
            path = out_dir / f"{name}.{fmt}"
            # COPY takes no bound parameters: the name comes from the catalog and is quoted as an
            # identifier, the path is quoted as a string literal.
            quoted_name = '"' + name.replace('"', '""') + '"'
            quoted_path = "'" + str(path).replace("'", "''") + "'"
            count = con.execute(f"COPY (SELECT * FROM {quoted_name}) TO {quoted_path} ({_OPTIONS[fmt]})").fetchone()
            written.append(ExportedRelation(name=name, kind=kind, rows=int(count[0]) if count else 0, path=path))
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return written
