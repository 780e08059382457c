"""CLI commands for backfills: `layoffwatch backfill --from ... --to ...` runs the backfill flow.

Bad dates, sources or windows are refused before anything starts (exit 2), and so are a bad
setting, feeds file or database. Each failed window is listed once as it fails; a backfill in
which every window failed ends with one error line (exit 1).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cli.errors import SYSTEMIC, explain, fail
from cli.tables import command_console


def backfill(
    ctx: typer.Context,
    from_: Annotated[datetime, typer.Option("--from", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="First day (UTC), e.g. 2024-01-01.")],
    to: Annotated[datetime, typer.Option("--to", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Last day, included (UTC).")],
    source: Annotated[list[str] | None, typer.Option("--source", metavar="NAME", help="gnews, gdelt or wayback; repeat for several (default: all three).")] = None,
    query: Annotated[str | None, typer.Option("--query", metavar="TEXT", help="Search query for gnews and gdelt (default: \"Amazon layoffs\").")] = None,
    window: Annotated[str, typer.Option("--window", metavar="SIZE", help="Window size: 1d, 7d, 2w, 1m...")] = "7d",
    alerts: Annotated[bool, typer.Option("--alerts", help="Alert on rounds the backfill finds (default: record them as suppressed).")] = False,
    feeds: Annotated[Path | None, typer.Option("--feeds", metavar="FILE", help="Feeds TOML (wayback replays these feeds).")] = None,
    db: Annotated[Path | None, typer.Option("--db", metavar="PATH", help="DuckDB file (default: LAYOFFWATCH_DB).")] = None,
) -> None:
    """Fetch historical news for a date range, window by window; re-running resumes where it stopped."""
    from usecases.backfill import resolve_sources
    from cli.preflight import feeds_or_fail, settings_or_fail, writable_db
    from ingest.feeds.backfill import parse_window_size

    start, end = from_.date(), to.date()
    try:
        names = resolve_sources(source)
        parse_window_size(window)
        if end < start:
            raise ValueError(f"--to ({end}) is before --from ({start})")
        if start > datetime.now(UTC).date():
            raise ValueError(f"--from ({start}) is in the future")
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    # Every step reads its settings from the environment, like `layoffwatch run`.
    if feeds is not None:
        os.environ["LAYOFFWATCH_FEEDS"] = str(feeds)
    if db is not None:
        os.environ["LAYOFFWATCH_DB"] = str(db)
    settings = settings_or_fail()
    if "wayback" in names:  # only the Wayback source replays the feeds file
        feeds_or_fail(settings)
    writable_db(settings.db, settings.lock_timeout)
    _run(command_console(ctx), start, end, names, query, window, alerts)


def _run(
    console: Console, start: date, end: date, names: list[str], query: str | None, window: str, alerts: bool
) -> None:
    from flows.backfill import backfill as backfill_flow
    from usecases.backfill import WindowOutcome, progress_listener
    from cli.preflight import announce_prefect

    failed = 0
    columns = (TextColumn("{task.description:<40}"), BarColumn(bar_width=30), MofNCompleteColumn(), TimeElapsedColumn())
    announce_prefect()
    with Progress(*columns, console=console) as progress:
        bar = progress.add_task("planning windows", total=None)

        def on_window(done: int, total: int, outcome: WindowOutcome | None) -> None:
            nonlocal failed
            label = f"{outcome.source} {outcome.window}" if outcome else "windows"
            progress.update(bar, total=total, completed=done, description=escape(label))
            # Above the bar, once each: the windows that failed or brought something (the rest only move it).
            if outcome is not None and outcome.status == "failed":
                failed += 1
                progress.console.print(f"{outcome.source} {outcome.window} failed: {outcome.error}", markup=False, soft_wrap=True)
            elif outcome is not None and outcome.found:
                progress.console.print(f"{outcome.source} {outcome.window}: {outcome.found} found, {outcome.new} new", markup=False)

        with progress_listener(on_window):
            try:
                summary = backfill_flow(start=start, end=end, sources=names, query=query, window=window, alerts=alerts)
            except RuntimeError as exc:
                if explain(exc) is not None:  # a locked database, say: worded by its own explainer
                    raise
                progress.stop()
                why = str(exc)
                if failed and why.startswith(f"all {failed} windows failed"):
                    why = f"all {failed} windows failed (each one's error is listed above)"
                fail("backfill failed", why, "once the sources answer, run the same command again: it retries the failed windows", SYSTEMIC)
    console.print(
        f"backfill complete: windows: {summary['windows_done']} done, "
        f"{summary['windows_failed']} failed, {summary['windows_skipped']} skipped; "
        f"articles: {summary['articles_found']} found, {summary['articles_new']} new; "
        f"rounds found: {len(summary['new_rounds'])}",
        markup=False, soft_wrap=True,
    )
    if summary["windows_failed"]:
        console.print("run the same command again to retry the failed windows", markup=False)


def register(app: typer.Typer, console: Console) -> None:
    """Add the `backfill` command to the `layoffwatch` app, printing to `console`."""
    # The console travels as the command's context object, so the command stays a plain function.
    app.command(context_settings={"obj": console})(backfill)
