"""SQL for the alert outbox: idempotent inserts, due rows, and delivery bookkeeping.

Rows are inserted in the same transaction as the rounds they announce; sending happens after
commit: take `due_alerts`, send each, then `mark_sent`, `mark_failed`, or `defer` (rows not tried
because their channel already failed in this run). When to retry a failed row is decided by the
caller (`ingest.alerts.next_retry`); this module writes what it is given. A `failed` row whose
`next_attempt_at` is NULL was given up.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

import duckdb

from ingest.models import AlertRow, channel_id_from_key
from storage.bulk import insert_rows

_MAX_ERROR = 500
_COLUMNS = (
    "alert_id, idempotency_key, round_id, kind, channel, status, reason, attempts, last_error, "
    "created_at, next_attempt_at, sent_at, payload"
)


def _row(row: tuple) -> AlertRow:
    (alert_id, key, round_id, kind, channel, status, reason, attempts, last_error, created_at,
     next_attempt_at, sent_at, payload) = row
    return AlertRow(
        alert_id=alert_id,
        idempotency_key=key,
        round_id=round_id,
        kind=kind,
        channel=channel,
        channel_id=channel_id_from_key(key),
        status=status,
        reason=reason,
        attempts=attempts,
        last_error=last_error,
        created_at=created_at,
        next_attempt_at=next_attempt_at,
        sent_at=sent_at,
        payload=json.loads(payload) if isinstance(payload, str) else payload,
    )


def insert_alerts(con: duckdb.DuckDBPyConnection, rows: Sequence[AlertRow]) -> int:
    """Insert outbox rows, skipping any whose idempotency key (or id) exists; return how many were new."""
    if not rows:
        return 0
    unique = list({r.idempotency_key: r for r in rows}.values())
    keys = [r.idempotency_key for r in unique]
    count_sql = "SELECT count(*) FROM alerts WHERE idempotency_key IN (SELECT unnest($keys::VARCHAR[]))"
    before = _count(con, count_sql, keys)
    insert_rows(
        con,
        "alerts",
        [c.strip() for c in _COLUMNS.split(",")],
        [
            (
                r.alert_id, r.idempotency_key, r.round_id, r.kind, r.channel, r.status, r.reason,
                r.attempts, r.last_error, r.created_at, r.next_attempt_at, r.sent_at,
                json.dumps(r.payload, sort_keys=True, default=str),
            )
            for r in unique
        ],
    )
    return _count(con, count_sql, keys) - before


def _count(con: duckdb.DuckDBPyConnection, sql: str, keys: list[str]) -> int:
    found = con.execute(sql, {"keys": keys}).fetchone()
    return int(found[0]) if found else 0


def due_alerts(con: duckdb.DuckDBPyConnection, now: datetime, limit: int = 100) -> list[AlertRow]:
    """Return rows to send now, oldest first: every pending row, and failed rows whose retry is due.

    A failed row without `next_attempt_at` was given up and is never due again.
    """
    rows = con.execute(
        f"""
        SELECT {_COLUMNS} FROM alerts
        WHERE status = 'pending' OR (status = 'failed' AND next_attempt_at <= $now)
        ORDER BY created_at, alert_id
        LIMIT $limit
        """,
        {"now": now, "limit": limit},
    ).fetchall()
    return [_row(row) for row in rows]


def get_alerts(con: duckdb.DuckDBPyConnection, round_id: str | None = None) -> list[AlertRow]:
    """Return the outbox rows (of one round, when given), oldest first."""
    rows = con.execute(
        f"""
        SELECT {_COLUMNS} FROM alerts
        WHERE $round_id IS NULL OR round_id = $round_id
        ORDER BY created_at, alert_id
        """,
        {"round_id": round_id},
    ).fetchall()
    return [_row(row) for row in rows]


def mark_sent(con: duckdb.DuckDBPyConnection, alert_id: str, now: datetime) -> None:
    """Record a successful delivery."""
    con.execute(
        """
        UPDATE alerts
        SET status = 'sent', sent_at = $now, attempts = attempts + 1, next_attempt_at = NULL,
            last_error = NULL
        WHERE alert_id = $id
        """,
        {"id": alert_id, "now": now},
    )


def defer(
    con: duckdb.DuckDBPyConnection, alert_ids: Sequence[str], why: str, next_attempt_at: datetime
) -> None:
    """Record rows not tried this run (their channel failed already): due at `next_attempt_at`, attempts unchanged.

    They become `failed` so the next run's retry finds them like the row that did fail; `why` must
    be redacted already.
    """
    if not alert_ids:
        return
    con.execute(
        """
        UPDATE alerts SET status = 'failed', last_error = $why, next_attempt_at = $retry
        WHERE alert_id IN (SELECT unnest($ids::VARCHAR[]))
        """,
        {"ids": list(alert_ids), "why": _cut(why), "retry": next_attempt_at},
    )


def _cut(error: str) -> str:
    return error if len(error) <= _MAX_ERROR else error[: _MAX_ERROR - 1] + "…"


def mark_failed(
    con: duckdb.DuckDBPyConnection, alert_id: str, error: str, next_attempt_at: datetime | None
) -> None:
    """Record a failed delivery, to be retried at `next_attempt_at` (None: never).

    `error` must be redacted already; it is cut to 500 characters.
    """
    message = _cut(error)
    # The row count, not RETURNING: a DuckLake supports no RETURNING on UPDATE.
    updated = con.execute(
        """
        UPDATE alerts
        SET status = 'failed', attempts = attempts + 1, last_error = $error, next_attempt_at = $retry
        WHERE alert_id = $id
        """,
        {"id": alert_id, "error": message, "retry": next_attempt_at},
    ).fetchone()
    if not updated or not updated[0]:
        raise KeyError(f"no alert {alert_id}")


def alerted_rounds(con: duckdb.DuckDBPyConnection, round_ids: Sequence[str]) -> set[str]:
    """Return those rounds whose `new_round` alert was sent or is still to be sent (not suppressed)."""
    if not round_ids:
        return set()
    rows = con.execute(
        "SELECT DISTINCT round_id FROM alerts WHERE kind = 'new_round' AND status <> 'suppressed'"
        " AND round_id IN (SELECT unnest(?::VARCHAR[]))",
        [list(round_ids)],
    ).fetchall()
    return {row[0] for row in rows}


def waiting_alerts(con: duckdb.DuckDBPyConnection, now: datetime) -> tuple[int, datetime | None]:
    """Return how many failed alerts wait for a retry after `now`, and when the earliest is due."""
    row = con.execute(
        "SELECT count(*), min(next_attempt_at) FROM alerts WHERE status = 'failed' AND next_attempt_at > $now",
        {"now": now},
    ).fetchone()
    return (int(row[0]), row[1]) if row is not None else (0, None)
