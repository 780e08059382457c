"""CLI commands over the DuckDB file: rounds, stories, query, export and report.

Every command opens the database read-only (`--db`, default LAYOFFWATCH_DB) and waits only a
few seconds for a running pipeline to release it; then it stops with a message naming the
read-only snapshot, which is never locked by a run. A failure is one line on stderr (exit 2 for
input to fix: a missing database, bad SQL, an unwritable output path; 1 for a lock), and every
table says which database it was read from. `--format csv|json` prints bare data for scripts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import BaseModel
from rich.console import Console

from cli.errors import BAD_INPUT, CliFailure, fail, one_line, os_reason
from cli.tables import OutputFormat, command_console, print_rows
from ingest.settings import LakeTarget, load_settings
from storage.db import Connection, connect
from storage.errors import ENGINE_FAULTS, DatabaseError, DatabaseLockedError, StorageIOError

# Rows a table shows unless --limit says otherwise (CSV and JSON print every row).
TABLE_ROWS = 200

DbOpt = Annotated[
    Path | None,
    typer.Option("--db", metavar="PATH", help="DuckDB file (default: LAYOFFWATCH_DB or ./data/layoffwatch.duckdb); opened read-only."),
]
CompanyOpt = Annotated[str | None, typer.Option("--company", metavar="NAME", help="Only this parent company, e.g. Amazon (case-insensitive).")]
SinceOpt = Annotated[
    datetime | None,
    typer.Option("--since", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Only from this date on (UTC)."),
]
FormatOpt = Annotated[
    OutputFormat,
    typer.Option("--format", metavar="table|csv|json", help="A table for people, or CSV / JSON (every column, every value whole) for scripts."),
]


class StoryLabel(StrEnum):
    layoff_report = "layoff_report"
    layoff_mention = "layoff_mention"


class ExportFormatOpt(StrEnum):
    parquet = "parquet"
    csv = "csv"


Target = Path | LakeTarget


def _db_path(db: Path | None) -> Target:
    if db is not None:
        return db
    from cli.preflight import settings_or_fail

    return settings_or_fail().db


def _sql_failure(path: Target, exc: DatabaseError, *, user_sql: bool) -> CliFailure:
    """Return the failure for an error DuckDB raised while reading `path`."""
    message = one_line(str(exc).split("\n\nLINE")[0].split("\nLINE")[0])
    if "read-only" in message:
        return CliFailure("query", f"statements that change the database are refused: {message}",
                          "layoffwatch opens it read-only; select what you need, or export it", BAD_INPUT)
    missing = re.search(r"with name \"?([\w.]+)\"? does not exist", message)
    if not user_sql:
        # Our own queries read the views: a file without them is old or not a layoffwatch database.
        return CliFailure(f"database {path}", message,
                          "run `layoffwatch run` once to upgrade it, or pass --db with a layoffwatch database", BAD_INPUT)
    if missing is not None:
        from storage.views import VIEWS

        hint = (
            "that view is added when the pipeline next writes this file: run `layoffwatch run`"
            if missing.group(1).lower() in VIEWS
            else "docs/schema.md lists every table and view"
        )
        return CliFailure("query", message, hint, BAD_INPUT)
    if isinstance(exc, ENGINE_FAULTS):
        return CliFailure(f"reading {path}", message, "check the file and the disk, then retry")
    return CliFailure("query", message, "fix the SQL (docs/schema.md describes every column)", BAD_INPUT)


def _open_failure(path: Target, exc: BaseException, *, user_sql: bool = False) -> CliFailure:
    """Return the failure for opening or reading `path`: missing, locked, or refused by DuckDB."""
    from cli.preflight import lock_failure, where_databases_are
    from storage.snapshot import snapshot_path

    if isinstance(exc, DatabaseLockedError):
        failure = lock_failure(path, exc)
        snapshot = snapshot_path(path) if isinstance(path, Path) else None
        if snapshot is not None and snapshot.exists() and snapshot != path:
            failure.todo = f"read the snapshot instead: --db {snapshot} (or retry when the run finishes)"
        return failure
    if isinstance(exc, FileNotFoundError):
        return CliFailure(f"database {path}", "no such file", where_databases_are(), BAD_INPUT)
    if isinstance(exc, DatabaseError):
        return _sql_failure(path, exc, user_sql=user_sql)
    raise exc


@contextmanager
def _reading(path: Target) -> Iterator[Connection]:
    """Yield a read-only connection to `path`; lock, missing-file and SQL errors become failures."""
    try:
        with connect(path, read_only=True, lock_timeout=load_settings().read_lock_timeout) as con:
            yield con
    except (DatabaseLockedError, FileNotFoundError, DatabaseError) as exc:
        raise _open_failure(path, exc) from exc


def _since(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _jobs(headcount: int | None, low: int | None, high: int | None, text: str | None) -> str:
    if headcount is not None:
        return f"{headcount:,}"
    if text:
        return text  # the words the outlet used ("several hundred"), not a made-up figure
    if low is not None or high is not None:
        return "–".join(f"{n:,}" if n is not None else "?" for n in (low, high))
    return ""


def _records(items: Sequence[BaseModel]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Return every field of the models as columns and rows, for CSV and JSON."""
    if not items:
        return [], []
    columns = list(type(items[0]).model_fields)
    return columns, [tuple(getattr(item, name) for name in columns) for item in items]


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n:,} {noun if n == 1 else plural}"


def _writable_out(out: Path, *, folder: bool) -> None:
    """Fail (exit 2) unless `out` can be written: a folder to create, or a file in one."""
    what = f"writing {out}"
    try:
        if folder:
            out.mkdir(parents=True, exist_ok=True)
        else:
            if out.is_dir():
                fail(what, "is a folder", "pass --out with a file name, e.g. report.html", BAD_INPUT)
            out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(what, os_reason(out, exc), "pass --out with a path you can write", BAD_INPUT)


def rounds(
    ctx: typer.Context,
    company: CompanyOpt = None,
    since: SinceOpt = None,
    limit: Annotated[int, typer.Option(metavar="N", help="Most rounds listed.")] = 50,
    db: DbOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """List layoff rounds (one real-world layoff action each), newest announcement first."""
    from storage.report_data import load_rounds

    console = command_console(ctx)
    path = _db_path(db)
    with _reading(path) as con:
        found = load_rounds(con, company=company, since=_since(since), limit=limit)
    if fmt is not OutputFormat.table:
        print_rows(console, *_records(found), fmt)
        return
    rows = [
        (
            r.announced_on, r.company,
            _jobs(r.headcount, r.headcount_min, r.headcount_max, r.headcount_text),
            r.status, r.source_count, r.headline or r.title, ", ".join(r.units), r.first_outlet, r.round_id,
        )
        for r in found
    ]
    columns = ["announced", "company", "jobs", "status", "outlets", "headline", "units", "first outlet", "round_id"]
    print_rows(console, columns, rows, fmt, title="Layoff rounds", footer=f"{_count(len(rows), 'round')} in {path}",
               optional=["first outlet", "units", "round_id"])


def stories(
    ctx: typer.Context,
    company: CompanyOpt = None,
    since: SinceOpt = None,
    label: Annotated[StoryLabel | None, typer.Option(metavar="LABEL", help="layoff_report or layoff_mention (default: both).")] = None,
    limit: Annotated[int, typer.Option(metavar="N", help="Most stories listed.")] = 50,
    db: DbOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """List layoff stories (canonical articles about layoffs), newest first."""
    from storage.report_data import load_stories

    console = command_console(ctx)
    path = _db_path(db)
    with _reading(path) as con:
        found = load_stories(
            con, company=company, since=_since(since), label=label.value if label else None, limit=limit
        )
    if fmt is not OutputFormat.table:
        print_rows(console, *_records(found), fmt)
        return
    rows = [
        (
            s.published_at.strftime("%Y-%m-%d %H:%M"), s.label.removeprefix("layoff_"),
            ", ".join(s.companies), s.headcount_text, s.title, s.source,
        )
        for s in found
    ]
    columns = ["published (UTC)", "label", "companies", "jobs", "title", "source"]
    print_rows(console, columns, rows, fmt, title="Layoff stories", footer=f"{_count(len(rows), 'story')} in {path}",
               optional=["source", "jobs"])


def query(
    ctx: typer.Context,
    sql: Annotated[str, typer.Argument(metavar="SQL", help="SQL to run (read-only), e.g. \"select * from feed_health\".")],
    db: DbOpt = None,
    limit: Annotated[int | None, typer.Option(metavar="N", help=f"Most rows printed (default: {TABLE_ROWS} in a table, all in CSV and JSON).")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Run SQL on a read-only connection and print the result (a table, CSV or JSON)."""
    from storage.queries import run_readonly

    path = _db_path(db)
    try:
        result = run_readonly(path, sql, lock_timeout=load_settings().read_lock_timeout)
    except (DatabaseLockedError, FileNotFoundError, DatabaseError) as exc:
        raise _open_failure(path, exc, user_sql=True) from exc
    shown = limit if limit is not None else TABLE_ROWS if fmt is OutputFormat.table else None
    rows = result.rows[:shown] if shown is not None else result.rows
    total = len(result.rows)
    count = f"{len(rows)} of {total} rows (--limit for more)" if len(rows) < total else _count(total, "row")
    print_rows(command_console(ctx), result.columns, rows, fmt, footer=f"{count} from {path}")


def export(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", metavar="FOLDER", help="Folder to write one file per table and view into.")],
    fmt: Annotated[ExportFormatOpt, typer.Option("--format", metavar="parquet|csv", help="File format.")] = ExportFormatOpt.parquet,
    db: DbOpt = None,
) -> None:
    """Export every table and view (raw HTML pages excepted) as Parquet or CSV files."""
    from storage.exports import export_all

    path = _db_path(db)
    _writable_out(out, folder=True)
    with _reading(path) as con:
        try:
            written = export_all(con, out, fmt.value)
        except (OSError, StorageIOError) as exc:
            fail(f"writing {out}", one_line(str(exc)), "pass --out with a folder you can write", BAD_INPUT)
    rows = [(w.name, w.kind, f"{w.rows:,}", str(w.path)) for w in written]
    print_rows(command_console(ctx), ["name", "kind", "rows", "file"], rows, OutputFormat.table, title=f"Exported ({fmt.value})",
               footer=f"{len(written)} files written to {out} from {path}")


def report(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="HTML file to write.")] = Path("report.html"),
    since: SinceOpt = None,
    db: DbOpt = None,
) -> None:
    """Write a self-contained HTML report: rounds timeline, weekly story volume, recent rounds."""
    from cli.report import write_report
    from storage.db import utcnow
    from storage.report_data import load_report_data

    path = _db_path(db)
    _writable_out(out, folder=False)
    with _reading(path) as con:
        data = load_report_data(con, generated_at=utcnow(), since=_since(since))
    try:
        write_report(data, out)
    except OSError as exc:
        fail(f"writing {out}", os_reason(out, exc), "pass --out with a path you can write", BAD_INPUT)
    command_console(ctx).print(
        f"report written to {out} from {path} ({_count(len(data.rounds), 'round')}, "
        f"{_count(data.story_count, 'layoff story')}, {_count(len(data.weeks), 'week')}); open it in any browser, offline",
        markup=False, highlight=False, soft_wrap=True,
    )


# In the order `layoffwatch --help` lists them.
COMMANDS = (rounds, stories, query, export, report)


def register(app: typer.Typer, console: Console) -> None:
    """Add the data commands to the `layoffwatch` app, printing to `console`."""
    for command in COMMANDS:
        # The console travels as the command context's object, so each command stays a plain function.
        app.command(context_settings={"obj": console})(command)
