"""CLI commands for backfills and reprocessing."""

from __future__ import annotations

import typer
from rich.console import Console


def register(app: typer.Typer, console: Console) -> None:
    """Add the backfill commands to the `layoffwatch` app (none until the backfill flow lands)."""
    return None
