"""Alerts: one outbox row, a message for one channel about one round event."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ingest.models.base import AlertKind, AlertStatus, Frozen


class AlertRow(Frozen):
    """One outbox row: a message for one channel about one round event."""

    alert_id: str
    idempotency_key: str
    round_id: str
    kind: AlertKind
    channel: str  # redacted display form of the channel URL
    channel_id: str  # stable hash of the full URL, never the secret itself
    status: AlertStatus
    reason: str | None = None
    attempts: int = 0
    last_error: str | None = None
    created_at: datetime
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None
    payload: dict[str, Any]


def channel_id_from_key(idempotency_key: str) -> str:
    """Return the channel id that ends every idempotency key."""
    return idempotency_key.rsplit(":", 1)[-1]
