"""CLI commands over the DuckDB file: rounds, stories, query, export and report.

Every command opens the database read-only (`--db`, default LAYOFFWATCH_DB) and waits only a
few seconds for a running pipeline to release it; then it stops with a message naming the
read-only snapshot, which is never locked by a run. Errors are one red line and exit code 1,
never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import duckdb
import typer
from rich.console import Console
from rich.markup import escape

from flows.tables import render_table

# Seconds a reader waits for a pipeline run to release the file (runs hold it for seconds).
READ_LOCK_TIMEOUT = 5.0

DbOpt = Annotated[
    Optional[Path],
    typer.Option("--db", help="DuckDB file (default: LAYOFFWATCH_DB or ./data/layoffwatch.duckdb); opened read-only."),
]
CompanyOpt = Annotated[Optional[str], typer.Option("--company", help="Only this parent company, e.g. Amazon (case-insensitive).")]
SinceOpt = Annotated[
    Optional[datetime], typer.Option("--since", formats=["%Y-%m-%d"], help="Only from this date on (YYYY-MM-DD, UTC).")
]


class StoryLabel(str, Enum):
    layoff_report = "layoff_report"
    layoff_mention = "layoff_mention"


class ExportFormatOpt(str, Enum):
    parquet = "parquet"
    csv = "csv"


def _db_path(db: Path | None) -> Path:
    if db is not None:
        return db
    from ingest.settings import load_settings

    return load_settings().db


def _fail(console: Console, message: str) -> NoReturn:
    console.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(1)


def _explain(console: Console, path: Path, exc: BaseException) -> NoReturn:
    """Print what went wrong opening or querying `path` in words, then exit 1."""
    from storage.db import DatabaseLockedError
    from storage.snapshot import snapshot_path

    if isinstance(exc, DatabaseLockedError):
        holder = f"process {exc.holder_pid}" if exc.holder_pid else "another process"
        snapshot = snapshot_path(path)
        where = (
            f"read the snapshot instead: --db {snapshot}"
            if snapshot.exists() and snapshot != path
            else f"no snapshot at {snapshot} yet; retry when the run finishes"
        )
        _fail(console, f"{path} is locked by {holder} (a pipeline run or another DuckDB session); {where}")
    if isinstance(exc, FileNotFoundError):
        _fail(console, f"no database at {path}: run `layoffwatch run` (or `layoffwatch demo`) first, or pass --db")
    message = str(exc).strip()
    if "read-only" in message:
        _fail(console, f"the database is opened read-only, so statements that change it are refused ({message})")
    if isinstance(exc, duckdb.CatalogException):
        _fail(console, f"{message} (views are added when the pipeline next opens the file: run `layoffwatch run`)")
    _fail(console, message)


@contextmanager
def _reading(console: Console, db: Path | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a read-only connection; turn lock, missing-file and SQL errors into a message and exit 1."""
    from storage.db import DatabaseLockedError, connect

    path = _db_path(db)
    try:
        with connect(path, read_only=True, lock_timeout=READ_LOCK_TIMEOUT) as con:
            yield con
    except (DatabaseLockedError, FileNotFoundError, duckdb.Error) as exc:
        _explain(console, path, exc)


def _show(console: Console, columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None, width: int = 60) -> None:
    # render_table escapes every cell: titles come from untrusted news.
    console.print(render_table(columns, rows, title=title, width=width))


def _since(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _jobs(headcount: int | None, low: int | None, high: int | None, text: str | None) -> str:
    if headcount is not None:
        return f"{headcount:,}"
    if low is not None or high is not None:
        return "–".join(f"{n:,}" if n is not None else "?" for n in (low, high))
    return text or ""


def register(app: typer.Typer, console: Console) -> None:
    """Add the data commands to the `layoffwatch` app."""

    @app.command()
    def rounds(
        company: CompanyOpt = None,
        since: SinceOpt = None,
        limit: Annotated[int, typer.Option(help="Most rounds shown.")] = 50,
        db: DbOpt = None,
    ) -> None:
        """List layoff rounds (one real-world layoff action each), newest announcement first."""
        from storage.report_data import load_rounds

        with _reading(console, db) as con:
            found = load_rounds(con, company=company, since=_since(since), limit=limit)
        rows = [
            (
                r.announced_on, r.company, ", ".join(r.units),
                _jobs(r.headcount, r.headcount_min, r.headcount_max, r.headcount_text),
                r.status, r.source_count, r.first_outlet, r.title, r.round_id,
            )
            for r in found
        ]
        columns = ["announced", "company", "units", "jobs", "status", "outlets", "first outlet", "title", "round_id"]
        _show(console, columns, rows, title="Layoff rounds")
        console.print(f"[dim]{len(rows)} rounds[/dim]")

    @app.command()
    def stories(
        company: CompanyOpt = None,
        since: SinceOpt = None,
        label: Annotated[Optional[StoryLabel], typer.Option(help="Only reports or only mentions.")] = None,
        limit: Annotated[int, typer.Option(help="Most stories shown.")] = 50,
        db: DbOpt = None,
    ) -> None:
        """List layoff stories (canonical articles about layoffs), newest first."""
        from storage.report_data import load_stories

        with _reading(console, db) as con:
            found = load_stories(
                con, company=company, since=_since(since), label=label.value if label else None, limit=limit
            )
        rows = [
            (
                s.published_at.strftime("%Y-%m-%d %H:%M"), s.label.removeprefix("layoff_"),
                ", ".join(s.companies), s.headcount_text, s.source, s.title,
            )
            for s in found
        ]
        columns = ["published (UTC)", "label", "companies", "jobs", "source", "title"]
        _show(console, columns, rows, title="Layoff stories")
        console.print(f"[dim]{len(rows)} stories[/dim]")

    @app.command()
    def query(
        sql: Annotated[str, typer.Argument(help="SQL to run (read-only).")],
        db: DbOpt = None,
        limit: Annotated[int, typer.Option(help="Most rows printed.")] = 200,
    ) -> None:
        """Run SQL on a read-only connection and print the result as a table."""
        from storage.db import DatabaseLockedError
        from storage.queries import run_readonly

        path = _db_path(db)
        try:
            result = run_readonly(path, sql, lock_timeout=READ_LOCK_TIMEOUT)
        except (DatabaseLockedError, FileNotFoundError, duckdb.Error) as exc:
            _explain(console, path, exc)
        _show(console, result.columns, result.rows[:limit])
        shown = f"{limit} of {len(result.rows)}" if len(result.rows) > limit else str(len(result.rows))
        console.print(f"[dim]{shown} rows[/dim]")

    @app.command()
    def export(
        out: Annotated[Path, typer.Option("--out", help="Folder to write one file per table and view into.")],
        fmt: Annotated[ExportFormatOpt, typer.Option("--format", help="File format.")] = ExportFormatOpt.parquet,
        db: DbOpt = None,
    ) -> None:
        """Export every table and view (raw HTML pages excepted) as Parquet or CSV files."""
        from storage.exports import export_all

        with _reading(console, db) as con:
            written = export_all(con, out, fmt.value)
        rows = [(w.name, w.kind, f"{w.rows:,}", w.path) for w in written]
        _show(console, ["name", "kind", "rows", "file"], [(n, k, r, str(p)) for n, k, r, p in rows], title=f"Exported ({fmt.value})", width=120)
        console.print(f"{len(written)} files written to {out}")

    @app.command()
    def report(
        out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("report.html"),
        since: SinceOpt = None,
        db: DbOpt = None,
    ) -> None:
        """Write a self-contained HTML report: rounds timeline, weekly story volume, recent rounds."""
        from flows.report import write_report
        from storage.db import utcnow
        from storage.report_data import load_report_data

        with _reading(console, db) as con:
            data = load_report_data(con, generated_at=utcnow(), since=_since(since))
        write_report(data, out)
        console.print(
            f"report written to {out} ({len(data.rounds)} rounds, {data.story_count} layoff stories, "
            f"{len(data.weeks)} weeks); open it in any browser, offline"
        )
