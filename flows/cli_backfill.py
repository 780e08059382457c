"""CLI commands for backfills: `layoffwatch backfill --from ... --to ...` runs the backfill flow."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


def register(app: typer.Typer, console: Console) -> None:
    """Add the `backfill` command to the `layoffwatch` app."""

    @app.command()
    def backfill(
        from_: Annotated[datetime, typer.Option("--from", formats=["%Y-%m-%d"], help="First day (UTC), e.g. 2024-01-01.")],
        to: Annotated[datetime, typer.Option("--to", formats=["%Y-%m-%d"], help="Last day, included (UTC).")],
        source: Annotated[list[str] | None, typer.Option("--source", help="gnews, gdelt or wayback; repeat for several (default: all three).")] = None,
        query: Annotated[str | None, typer.Option("--query", help="Search query for gnews and gdelt (default: \"Amazon layoffs\").")] = None,
        window: Annotated[str, typer.Option("--window", help="Window size: 1d, 7d, 2w, 1m...")] = "7d",
        alerts: Annotated[bool, typer.Option("--alerts", help="Alert on rounds the backfill finds (default: record them as suppressed).")] = False,
        feeds: Annotated[Path | None, typer.Option("--feeds", help="Feeds TOML (wayback replays these feeds).")] = None,
        db: Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: LAYOFFWATCH_DB).")] = None,
    ) -> None:
        """Fetch historical news for a date range, window by window; re-running resumes where it stopped."""
        from flows.backfill import resolve_sources
        from ingest.backfill import parse_window_size

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
        _run(console, start, end, names, query, window, alerts)


def _run(
    console: Console, start: date, end: date, names: list[str], query: str | None, window: str, alerts: bool
) -> None:
    from flows.backfill import WindowOutcome, backfill, progress_listener

    columns = (TextColumn("{task.description:<40}"), BarColumn(bar_width=30), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as progress:
        bar = progress.add_task("planning windows", total=None)

        def on_window(done: int, total: int, outcome: WindowOutcome | None) -> None:
            label = f"{outcome.source} {outcome.window}" if outcome else "windows"
            progress.update(bar, total=total, completed=done, description=label)
            # Above the bar: the windows that brought something or failed (the rest only move it).
            if outcome is not None and outcome.status == "failed":
                progress.console.print(f"[yellow]failed[/yellow] {outcome.source} {outcome.window}: {outcome.error}")
            elif outcome is not None and outcome.found:
                progress.console.print(f"{outcome.source} {outcome.window}: {outcome.found} found, {outcome.new} new")

        with progress_listener(on_window):
            try:
                summary = backfill(start=start, end=end, sources=names, query=query, window=window, alerts=alerts)
            except RuntimeError as exc:
                console.print(f"[red]backfill failed:[/red] {exc}")
                raise typer.Exit(1) from None
    console.print(
        f"[green]backfill complete[/green]: windows: {summary['windows_done']} done, "
        f"{summary['windows_failed']} failed, {summary['windows_skipped']} skipped; "
        f"articles: {summary['articles_found']} found, {summary['articles_new']} new; "
        f"rounds found: {len(summary['new_rounds'])}"
    )
    if summary["windows_failed"]:
        console.print("run the same command again to retry the failed windows")
