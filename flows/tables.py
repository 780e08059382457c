"""Printing query results as readable terminal tables (rich)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ingest.settings import load_settings
from storage.queries import run_readonly


def render_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None, width: int = 60) -> Table:
    """Return a rich Table of the rows, long cells cut to `width` characters."""
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(value, width) for value in row])
    return table


def print_query(sql: str, console: Console, db: Path | None = None) -> None:
    """Run `sql` read-only against the configured database and print the rows."""
    result = run_readonly(db or load_settings().db, sql)
    console.print(render_table(result.columns, result.rows))
    console.print(f"[dim]{len(result.rows)} rows[/dim]")


def _cell(value: Any, width: int) -> str:
    if value is None:
        return ""
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    # News text is untrusted: "[bold]" or a stray "[/x]" must print as text, not as rich markup.
    return escape(text if len(text) <= width else text[: width - 1] + "…")
