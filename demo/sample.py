"""`layoffwatch demo`: the real ingest flow over the bundled sample, served locally, no internet."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from rich.console import Console

from demo.server import sample_feeds_toml, serve_sample
from demo.webhook_receiver import receive_webhooks
from storage import snapshot
from storage.example_queries import DEMO_QUERIES, PRODUCT_QUERIES

# The bundled sample's oldest story that should still alert in the demo.
SAMPLE_ALERTS_FROM = date(2025, 10, 1)


def run_demo(db: Path, console: Console) -> int:
    """Run the demo into a fresh `db`; print what landed; return the exit code."""
    for stale in (db, snapshot.snapshot_path(db), db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp, serve_sample() as base, receive_webhooks() as hook:
        feeds = Path(tmp) / "feeds.toml"
        feeds.write_text(sample_feeds_toml(base), encoding="utf-8")
        os.environ.update(
            {
                "LAYOFFWATCH_FEEDS": str(feeds),
                "LAYOFFWATCH_DB": str(db),
                "LAYOFFWATCH_ALLOW_PRIVATE_HOSTS": "127.0.0.1",
                "LAYOFFWATCH_ALERT_URLS": hook.apprise_url,
                # The sample is history (October 2025 on): count everything since then as fresh so
                # the demo shows real alerts, while its 2023 story is still recorded as suppressed.
                "LAYOFFWATCH_ALERT_FRESHNESS_DAYS": str((date.today() - SAMPLE_ALERTS_FROM).days),
            }
        )
        from flows.ingest_flow import ingest
        from cli.preflight import announce_prefect

        console.rule("[bold]layoffwatch demo: first run over the bundled sample")
        console.print(f"sample served at {base}; database {db}", markup=False)
        announce_prefect()
        first = ingest()
        console.rule("[bold]second run: the same feeds again")
        second = ingest()
        received = list(hook.received)
    _report(console, db, first, second, received)
    return 0


def _report(console: Console, db: Path, first: dict, second: dict, received: list[dict]) -> None:
    from cli.tables import render_table
    from storage.queries import run_readonly

    console.rule("[bold]what landed")
    for title, sql in DEMO_QUERIES + PRODUCT_QUERIES:
        result = run_readonly(db, sql)
        console.print(render_table(result.columns, result.rows, title=title, fit=console.width))
    console.print(
        f"first run: {first['articles_new']} new articles, {first['feeds_failed']} feeds failed, "
        f"{len(first['new_rounds'])} new rounds, {first['alerts_sent']} alerts sent"
    )
    console.print(
        f"second run: {second['articles_new']} new articles, {len(second['new_rounds'])} new rounds, "
        f"{second['alerts_sent']} alerts sent (nothing twice)"
    )
    console.print(f"alerts received by the local webhook: {len(received)}")
    for body in received:  # one line each: a terminal wraps it, a file or grep gets it whole
        console.print(f"  • {body.get('title', '')}", markup=False, soft_wrap=True)
    # The data commands read LAYOFFWATCH_DB (data/layoffwatch.duckdb) unless told: name the demo's file.
    for line in (
        f"\nThe demo's database is {db}; the data commands read it with --db:",
        f"  layoffwatch rounds --db {db}",
        f"  layoffwatch query --db {db} \"select title from layoff_stories\"",
        f"  .venv/bin/duckdb -readonly {snapshot.snapshot_path(db)} \"select count(*) from articles\"",
    ):
        console.print(line, markup=False, soft_wrap=True)
