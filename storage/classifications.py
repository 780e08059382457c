"""Classifier verdicts (`classifications`, keyed by article and classifier version)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import duckdb

from ingest.models import Classification, Label
from storage.backends.lake import ALIAS
from storage.bulk import insert_rows

COLUMNS = (
    "article_id", "classifier_version", "label", "confidence", "companies", "units", "headcount",
    "headcount_min", "headcount_max", "headcount_approx", "headcount_text", "headcount_pct",
    "announced_on", "is_leak", "evidence",
)
_UPDATE = ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[2:]) + ", classified_at = excluded.classified_at"


def _rows(verdicts: Sequence[Classification], now: datetime) -> list[tuple]:
    return [
        tuple(list(v.companies) if c == "companies" else list(v.units) if c == "units" else getattr(v, c) for c in COLUMNS)
        + (now,)
        for v in verdicts
    ]


def stage_classifications(
    stage: duckdb.DuckDBPyConnection, name: str, verdicts: Sequence[Classification], now: datetime
) -> None:
    """Load `verdicts` (the first of each key), classified at `now`, into the staging table `<name>_classifications`.

    As `storage.articles.stage_articles`: the lists they hold are bound value by value, before the lock.
    """
    first = list({(v.article_id, v.classifier_version): v for v in reversed(verdicts)}.values())
    names = ", ".join((*COLUMNS, "classified_at"))
    stage.execute(f"CREATE TABLE {name}_classifications AS SELECT {names} FROM {ALIAS}.classifications LIMIT 0")
    insert_rows(stage, f"{name}_classifications", (*COLUMNS, "classified_at"), _rows(first, now), on_conflict=None)


def save_classifications(
    con: duckdb.DuckDBPyConnection, verdicts: Sequence[Classification], now: datetime, *, replace: bool = False,
    staged: str | None = None,
) -> None:
    """Store verdicts; an existing (article, version) row is kept unless `replace`.

    `staged` names the table `stage_classifications` filled with (at least) these verdicts at `now`
    (a lake's store): their rows are copied from there, stored keys skipped.
    """
    if staged is not None and not replace:
        if verdicts:
            names = ", ".join((*COLUMNS, "classified_at"))
            con.execute(
                f"INSERT INTO classifications ({names}) SELECT {names} FROM memory.main.{staged}_classifications s"
                " WHERE s.article_id IN (SELECT unnest(?::VARCHAR[])) AND NOT EXISTS (SELECT 1 FROM classifications c"
                " WHERE c.article_id = s.article_id AND c.classifier_version = s.classifier_version)",
                [sorted({v.article_id for v in verdicts})],
            )
        return
    rows = _rows(verdicts, now)
    conflict = f"(article_id, classifier_version) DO UPDATE SET {_UPDATE}" if replace else "DO NOTHING"
    insert_rows(con, "classifications", (*COLUMNS, "classified_at"), rows, on_conflict=conflict)


def labels(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None) -> dict[str, Label]:
    """Return each article's latest label (by classification time)."""
    query = (
        "SELECT article_id, label FROM classifications"
        + (" WHERE article_id IN (SELECT unnest(?))" if article_ids is not None else "")
        + " QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY classified_at DESC, classifier_version DESC) = 1"
    )
    params = [list(article_ids)] if article_ids is not None else []
    return dict(con.execute(query, params).fetchall())
