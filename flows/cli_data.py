"""CLI commands over the DuckDB file: query (read-only) and the data product's tables."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console


def register(app: typer.Typer, console: Console) -> None:
    """Add the data commands to the `layoffwatch` app."""

    @app.command()
    def query(
        sql: Annotated[str, typer.Argument(help="SQL to run (read-only).")],
        db: Annotated[Optional[Path], typer.Option("--db", help="DuckDB file (default: LAYOFFWATCH_DB).")] = None,
    ) -> None:
        """Run SQL on a read-only connection and print the result as a table."""
        if db is not None:
            os.environ["LAYOFFWATCH_DB"] = str(db)
        from flows.tables import print_query

        print_query(sql, console)
