"""The `layoffwatch` command line (typer): run, serve, demo, and the data commands."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Watch the news for layoffs.")
console = Console()
# A local Prefect server must not try to phone home: the machines we run on may have no internet.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

FeedsOpt = Annotated[Optional[Path], typer.Option("--feeds", help="Feeds TOML (default: LAYOFFWATCH_FEEDS or the shipped list).")]
DbOpt = Annotated[Optional[Path], typer.Option("--db", help="DuckDB file (default: LAYOFFWATCH_DB or ./data/layoffwatch.duckdb).")]


def _apply(feeds: Path | None, db: Path | None) -> None:
    """Make CLI options visible to every step (they read settings from the environment)."""
    if feeds is not None:
        os.environ["LAYOFFWATCH_FEEDS"] = str(feeds)
    if db is not None:
        os.environ["LAYOFFWATCH_DB"] = str(db)


def _check_config() -> None:
    from ingest.errors import ConfigError
    from ingest.feedlist import load_feeds
    from ingest.settings import load_settings

    try:
        load_feeds(load_settings().feeds)
    except ConfigError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


@app.command()
def run(
    feeds: FeedsOpt = None,
    db: DbOpt = None,
    all_feeds: Annotated[bool, typer.Option("--all-feeds", help="Also fetch feeds that are backing off.")] = False,
) -> None:
    """Run one ingest over all feeds now; exit 0 when the run completed."""
    _apply(feeds, db)
    _check_config()
    from flows.ingest_flow import ingest

    summary = ingest(respect_backoff=not all_feeds)
    console.print(
        f"[green]run complete[/green]: {summary['articles_new']} new articles, "
        f"{summary['feeds_failed']} feeds failed, {len(summary['new_rounds'])} new rounds"
    )


@app.command()
def serve(
    feeds: FeedsOpt = None,
    db: DbOpt = None,
    cron: Annotated[Optional[str], typer.Option(help="Cron schedule (overrides the interval).")] = None,
    interval: Annotated[Optional[float], typer.Option(help="Minutes between runs (default 15).")] = None,
) -> None:
    """Serve the ingest deployment on its schedule (starts a local Prefect server if none is set)."""
    _apply(feeds, db)
    _check_config()
    from deployments.serve import serve_forever

    serve_forever(cron=cron, interval_minutes=interval)


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Fresh DuckDB file for the demo.")] = Path("data/demo.duckdb"),
) -> None:
    """Run the real pipeline on the bundled offline sample and print what landed."""
    from flows.demo import run_demo

    sys.exit(run_demo(db, console))


@app.command()
def reclassify(
    db: DbOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print what would change; write nothing.")] = False,
) -> None:
    """Re-run the current classifier over stored articles and rebuild rounds (no network)."""
    _rejudge("reclassify", db, dry_run)


@app.command()
def reprocess(
    db: DbOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print what would change; write nothing.")] = False,
) -> None:
    """Re-extract stored raw pages, reclassify and rebuild rounds (no network)."""
    _rejudge("reprocess", db, dry_run)


def _rejudge(name: str, db: Path | None, dry_run: bool) -> None:
    _apply(None, db)
    from flows import reprocess as module

    summary = getattr(module, name)(dry_run=dry_run)
    rounds = summary["rounds"]
    verb = "would change" if dry_run else "changed"
    console.print(
        f"[bold]{name}[/bold]{' (dry run: nothing written)' if dry_run else ''}: "
        f"{summary['articles']} articles, {summary['reextracted']} re-extracted "
        f"({summary['text_changed']} texts changed), {summary['labels_changed']} labels {verb}; "
        f"rounds {rounds['rounds_before']} -> {rounds['rounds_after']} "
        f"(created {len(rounds['created'])}, removed {len(rounds['removed'])}, "
        f"merged {rounds['merged']}, split {rounds['split']})"
    )


def _register_subcommands() -> None:
    """Attach the command groups that live in their own modules (data product, backfill)."""
    from flows import cli_backfill, cli_data

    cli_data.register(app, console)
    cli_backfill.register(app, console)


_register_subcommands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
