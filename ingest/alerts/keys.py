"""Keys of the outbox: channel ids, idempotency keys, alert ids, and the channel a row was planned for.

Channel URLs carry secrets, so a row never stores one: `channel_id(url)` (a hash of the full URL)
ends the idempotency key and is how the sender finds the configured URL again (`resolve_channel`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ingest.models import AlertRow
from ingest.models.alerts import channel_id_from_key

__all__ = [
    "alert_id_for", "channel_id", "channel_id_from_key", "new_round_key", "resolve_channel", "round_update_key",
]


def channel_id(url: str) -> str:
    """Return the stable id of a channel URL ("ch_" + 12 hex of its sha256)."""
    return "ch_" + hashlib.sha256(url.strip().encode()).hexdigest()[:12]


def alert_id_for(idempotency_key: str) -> str:
    """Return the deterministic alert id of an idempotency key."""
    return "a_" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:16]


def new_round_key(round_id: str, channel: str) -> str:
    """Return the key allowing one `new_round` alert per round and channel id."""
    return f"{round_id}:new_round:{channel}"


def round_update_key(round_id: str, status: str, headcount: int | None, channel: str) -> str:
    """Return the key allowing one `round_update` alert per round state and channel id."""
    return f"{round_id}:round_update:{status}:{'none' if headcount is None else headcount}:{channel}"


def resolve_channel(row: AlertRow, channels: Sequence[str]) -> str | None:
    """Return the configured URL a row was planned for, or None when it is no longer configured."""
    return next((url for url in channels if channel_id(url) == row.channel_id), None)
