"""The `layoffwatch` command line (typer): run, serve, demo, and the data commands.

A failure is one line on stderr with a documented exit code (cli.errors, `layoffwatch
--help`); what needs no server is checked before Prefect starts (cli.preflight).
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cli import preflight
from cli.errors import EPILOG, SYSTEMIC, Group, Typer, fail
from cli.preflight import DEMO_DB

app = Typer(cls=Group, add_completion=False, no_args_is_help=True, help="Watch the news for layoffs.", epilog=EPILOG)
# Text is printed as it is (markup=False where it holds data): `[[feeds]]` in a message stays `[[feeds]]`.
console = Console(highlight=False)
# A local Prefect server must not try to phone home: the machines we run on may have no internet.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# Each run starts Prefect's embedded server; on a small or busy machine it may take longer than Prefect's 20 s default
# to answer, and the whole run would fail ("Timed out while attempting to connect to ephemeral Prefect API server").
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")

FeedsOpt = Annotated[Path | None, typer.Option("--feeds", metavar="FILE", help="Feeds TOML (default: LAYOFFWATCH_FEEDS or the shipped list).")]
DbOpt = Annotated[Path | None, typer.Option("--db", metavar="PATH", help="DuckDB file (default: LAYOFFWATCH_DB or ./data/layoffwatch.duckdb).")]


def _version(value: bool) -> None:
    if value:
        try:
            typer.echo(f"layoffwatch {version('layoffwatch')}")
        except PackageNotFoundError:  # run from a checkout that was never installed
            typer.echo("layoffwatch (not installed)")
        raise typer.Exit()


@app.callback()
def options(
    show_version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_version, help="Print the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Print tracebacks and Prefect's logs on the console instead of the log file.")] = False,
) -> None:
    """Watch the news for layoffs."""


def _say(line: str) -> None:
    console.print(line, markup=False, soft_wrap=True)


def _apply(feeds: Path | None, db: Path | None) -> None:
    """Make CLI options visible to every step (they read settings from the environment)."""
    if feeds is not None:
        os.environ["LAYOFFWATCH_FEEDS"] = str(feeds)
    if db is not None:
        os.environ["LAYOFFWATCH_DB"] = str(db)


def _check_config() -> None:
    """Fail (exit 2, one line) on a bad setting or feeds file, before anything starts."""
    preflight.feeds_or_fail(preflight.settings_or_fail())


@app.command()
def run(
    feeds: FeedsOpt = None,
    db: DbOpt = None,
    all_feeds: Annotated[bool, typer.Option("--all-feeds", help="Also fetch feeds that are backing off.")] = False,
    shard: Annotated[str | None, typer.Option("--shard", metavar="K/N", help="Only the feeds of shard K of N (e.g. 1/2); run the N shards at once on a DuckLake (docs/scale.md).")] = None,
) -> None:
    """Run one ingest over all feeds now; exit 0 when the run completed, even if some feeds failed."""
    _apply(feeds, db)
    if shard is not None:
        os.environ["LAYOFFWATCH_SHARD"] = shard  # validated with the other settings just below
    settings = preflight.settings_or_fail()
    preflight.feeds_or_fail(settings)
    preflight.writable_db(settings.db, settings.lock_timeout)
    from flows.ingest_flow import ingest
    from usecases.summary import RunFailed, RunSummary

    preflight.announce_prefect()
    try:
        result = ingest(respect_backoff=not all_feeds, shard=shard)
    except RunFailed as exc:
        for line in RunSummary(**exc.summary).console_lines():
            _say(line)
        fail("run failed", str(exc), "check the network (or proxy) and the feed URLs, then run again;"
             " `layoffwatch query \"select * from feed_health\"` shows each feed", SYSTEMIC)
    for line in RunSummary(**result).console_lines():
        _say(line)


@app.command()
def serve(
    feeds: FeedsOpt = None,
    db: DbOpt = None,
    cron: Annotated[str | None, typer.Option(metavar="EXPR", help="Cron schedule in UTC, e.g. '*/30 * * * *' (default: LAYOFFWATCH_SCHEDULE_CRON).")] = None,
    interval: Annotated[str | None, typer.Option(metavar="MINUTES", help="Minutes between runs, 0.1 to 10080 (default: LAYOFFWATCH_SCHEDULE_INTERVAL_MINUTES).")] = None,
) -> None:
    """Serve the ingest deployment on its schedule (starts a local Prefect server if none is set)."""
    _apply(feeds, db)
    from deployments.serve import ServeError, resolve_schedule, serve_forever

    _check_config()
    try:
        # Refuse a bad schedule before anything starts; --interval is text so that "abc" gets this one line too.
        schedule = resolve_schedule(cron, interval)
        code = serve_forever(schedule)
    except ServeError as exc:
        fail(exc.what, exc.why, exc.todo, exc.code)
    raise typer.Exit(code)


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", metavar="PATH", help="Fresh DuckDB file for the demo (replaced).")] = DEMO_DB,
) -> None:
    """Run the real pipeline on the bundled offline sample and print what landed."""
    from demo.sample import run_demo

    preflight.writable_db(db, preflight.settings_or_fail().lock_timeout)
    raise typer.Exit(run_demo(db, console))


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
    settings = preflight.settings_or_fail()
    # Re-judging an empty database is a mistyped --db: refuse it instead of creating one.
    preflight.writable_db(settings.db, settings.lock_timeout, must_exist=True)
    from flows import reprocess as module

    preflight.announce_prefect()
    summary = getattr(module, name)(dry_run=dry_run)
    rounds = summary["rounds"]
    verb = "would change" if dry_run else "changed"
    _say(
        f"{name}{' (dry run: nothing written)' if dry_run else ''}: "
        f"{summary['articles']} articles, {summary['reextracted']} re-extracted "
        f"({summary['text_changed']} texts changed), {summary['labels_changed']} labels {verb}; "
        f"rounds {rounds['rounds_before']} -> {rounds['rounds_after']} "
        f"(created {len(rounds['created'])}, removed {len(rounds['removed'])}, "
        f"merged {rounds['merged']}, split {rounds['split']}) in {settings.db}"
    )
    if summary.get("snapshot"):
        _say(f"snapshot published: {summary['snapshot']}")


def _register_subcommands() -> None:
    """Attach the command groups that live in their own modules (data product, backfill)."""
    from cli import backfill as cli_backfill, data as cli_data

    cli_data.register(app, console)
    cli_backfill.register(app, console)


_register_subcommands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
