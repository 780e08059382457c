"""Printing rows for people (rich tables that fit the terminal) and for scripts (CSV, JSON).

A table folds long text columns over several lines and keeps short ones (dates, counts, ids) on
one line, so it stays readable at 80 columns when piped. Only tables cut very long cells (a whole
article's text), and say so; CSV and JSON always carry every value whole.
"""

from __future__ import annotations

import base64
import csv
import json
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum, StrEnum
from pathlib import Path
from typing import IO, Any
from uuid import UUID

import typer
from rich.console import Console, RenderableType
from rich.markup import escape
from rich.table import Table

# Cells longer than this are cut in tables (CSV and JSON keep them whole).
TABLE_CELL_MAX = 200
# Columns whose values are never longer than this stay on one line instead of folding.
SHORT_COLUMN = 14
# The narrowest a text column gets, and the narrowest a header folds to.
TEXT_MIN = 16
HEADER_MIN = 7


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def command_console(ctx: typer.Context) -> Console:
    """Return the console a command prints to: the object its `register` put in the command's context."""
    console = ctx.find_object(Console)
    if console is None:
        raise RuntimeError(f"{ctx.command_path} has no console: register it with its module's register()")
    return console


def render_table(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None,
    width: int = TABLE_CELL_MAX, fit: int | None = None,
) -> RenderableType:
    """Return the rows as a rich table, or as one block per row when a table cannot fit `fit` columns.

    Short columns keep their values on one line; long cells are cut to `width` characters.
    """
    cells = [[_cell(value, width) for value in row] for row in rows]
    minimums = [_min_width(column, [row[i] for row in cells]) for i, column in enumerate(columns)]
    if fit is not None and columns and _table_width(minimums) > fit:
        return _records(columns, cells, title)
    table = Table(title=escape(title) if title else None, show_lines=False, header_style="bold")
    for index, column in enumerate(columns):
        longest = max((len(row[index]) for row in cells), default=0)
        # Text shares what the short columns leave (ratio), never below a readable width.
        ratio = 1 if longest > SHORT_COLUMN else None
        table.add_column(escape(column), min_width=minimums[index], overflow="fold", ratio=ratio)
    for row in cells:
        table.add_row(*[escape(cell) for cell in row])
    return table


def fitting_columns(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], fit: int, optional: Sequence[str]
) -> list[str]:
    """Return `columns` without the `optional` ones (dropped in order) that a `fit`-wide table has no room for."""
    kept = list(columns)
    for name in optional:
        if _table_width(_minimums(columns, rows, kept)) <= fit:
            break
        kept.remove(name)
    return kept


def _minimums(columns: Sequence[str], rows: Sequence[Sequence[Any]], kept: Sequence[str]) -> list[int]:
    index = {name: i for i, name in enumerate(columns)}
    return [_min_width(name, [_cell(row[index[name]], TABLE_CELL_MAX) for row in rows]) for name in kept]


def _min_width(column: str, cells: Sequence[str]) -> int:
    longest = max((len(cell) for cell in cells), default=0)
    if longest <= SHORT_COLUMN:
        # A date, a count or an id stays on one line; a longer header folds instead.
        return max(longest, min(len(column), HEADER_MIN), 1)
    return TEXT_MIN


def _table_width(minimums: Sequence[int]) -> int:
    return sum(minimums) + 3 * len(minimums) + 1  # one space each side and a border per column


def _records(columns: Sequence[str], cells: Sequence[Sequence[str]], title: str | None) -> Table:
    """Return one block per row (column, value), like psql's expanded display, for results too wide to tabulate."""
    heading = f"{title}: " if title else ""
    table = Table(title=escape(heading + "one block per row (too wide for a table here)"), show_header=False)
    table.add_column(no_wrap=True, style="bold")
    table.add_column(overflow="fold", ratio=1)
    for number, row in enumerate(cells, start=1):
        for index, (column, cell) in enumerate(zip(columns, row, strict=True)):
            table.add_row(escape(column), escape(cell), end_section=index == len(columns) - 1 and number < len(cells))
    return table


def was_cut(rows: Sequence[Sequence[Any]], width: int = TABLE_CELL_MAX) -> bool:
    """Return whether a table of `rows` cuts any cell."""
    return any(len(_text(value)) > width for row in rows for value in row)


def print_rows(
    console: Console, columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: OutputFormat,
    *, title: str | None = None, footer: str | None = None, optional: Sequence[str] = (),
) -> None:
    """Print the rows as a table (with `title` and `footer`), or as bare CSV or JSON for scripts.

    A table drops the `optional` columns it has no room for (CSV and JSON keep every column).
    """
    if fmt is OutputFormat.csv:
        write_csv(columns, rows, console.file)
        return
    if fmt is OutputFormat.json:
        write_json(columns, rows, console.file)
        return
    kept = fitting_columns(columns, rows, console.width, optional)
    notes = [footer] if footer else []
    if len(kept) < len(columns):
        index = {name: i for i, name in enumerate(columns)}
        rows = [[row[index[name]] for name in kept] for row in rows]
        hidden = [name for name in columns if name not in kept]
        notes.append(f"no room for {', '.join(hidden)} (--format csv or json has every column)")
    console.print(render_table(kept, rows, title=title, fit=console.width))
    if was_cut(rows):
        notes.append(f"cells over {TABLE_CELL_MAX} characters cut (--format csv or json prints them whole)")
    if notes:
        console.print("; ".join(notes), style="dim", markup=False, highlight=False)


def write_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]], out: IO[str]) -> None:
    """Write a header and the rows as CSV; lists and structs as JSON text, NULL as an empty field."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_value(value) for value in row])


def write_json(columns: Sequence[str], rows: Sequence[Sequence[Any]], out: IO[str]) -> None:
    """Write the rows as one JSON array of objects keyed by column name."""
    keys = _unique(columns)
    records = [dict(zip(keys, (json_value(v) for v in row), strict=True)) for row in rows]
    out.write(json.dumps(records, ensure_ascii=False) + "\n")


def json_value(value: Any) -> Any:
    """Return `value` as plain JSON data: ISO dates, exact numbers, lists and objects."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, UUID | Path | Enum):
        return str(value.value if isinstance(value, Enum) else value)
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [json_value(v) for v in value]
    return str(value)


def _csv_value(value: Any) -> Any:
    plain = json_value(value)
    if plain is None:
        return ""
    if isinstance(plain, bool):
        return "true" if plain else "false"
    if isinstance(plain, list | dict):
        return json.dumps(plain, ensure_ascii=False)
    return plain


def _unique(columns: Sequence[str]) -> list[str]:
    # `select 1 as a, 2 as a` names two columns alike; JSON keys must differ or one value is lost.
    seen: dict[str, int] = {}
    keys = []
    for column in columns:
        seen[column] = seen.get(column, 0) + 1
        keys.append(column if seen[column] == 1 else f"{column}_{seen[column]}")
    return keys


def _text(value: Any) -> str:
    if value is None:
        return ""
    return ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)


def _cell(value: Any, width: int) -> str:
    text = _text(value)
    return text if len(text) <= width else text[: width - 1] + "…"
