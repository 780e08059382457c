"""Classifier verdicts (`classifications`, keyed by article and classifier version)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import duckdb

from ingest.models import Classification, Label
from storage.bulk import insert_rows

COLUMNS = (
    "article_id", "classifier_version", "label", "confidence", "companies", "units", "headcount",
    "headcount_min", "headcount_max", "headcount_approx", "headcount_text", "headcount_pct",
    "announced_on", "is_leak", "evidence",
)
_UPDATE = ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[2:]) + ", classified_at = excluded.classified_at"


def save_classifications(
    con: duckdb.DuckDBPyConnection, verdicts: Sequence[Classification], now: datetime, *, replace: bool = False
) -> None:
    """Store verdicts; an existing (article, version) row is kept unless `replace`."""
    rows = [
        tuple(list(v.companies) if c == "companies" else list(v.units) if c == "units" else getattr(v, c) for c in COLUMNS)
        + (now,)
        for v in verdicts
    ]
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
