"""The alerts step: send the outbox rows due now, marking each row as it goes.

Channels are the one list `ingest.settings.alert_channels(settings)`. How a channel is reached is
given by the caller: `senders` maps a channel URL prefix to a send function (the Prefect flows pass
one for `prefect-block://` channels, `flows.notify_blocks`); every other channel goes through
Apprise (`ingest.edges.notify.send`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Protocol

from ingest.alerts import RETRY_DELAY, AlertRow, next_retry, redact, render_message, resolve_channel
from ingest.edges.notify import send
from ingest.models.errors import AlertError
from ingest.settings import PREFECT_BLOCK_SCHEME, Settings, alert_channels
from storage import alerts as alert_store
from storage.backends import is_lake
from storage.db import connect, serialised, utcnow
from usecases.run.steps import Delivery


class Send(Protocol):
    """Send one rendered alert to one channel URL; raise `AlertError` when the channel fails."""

    def __call__(self, url: str, title: str, body: str, payload: Mapping[str, Any], /, *, timeout: float) -> None: ...


# A channel URL prefix -> the function that sends to such channels.
Senders = Mapping[str, Send]


def deliver_alerts(settings: Settings, now: datetime, senders: Senders | None = None) -> Delivery:
    """Send the outbox alerts due at `now` (the run's clock: when its flow started); return the tally."""
    # Reading the due rows, sending and marking them hold the database's write guard as one (the
    # lake's catalog lock, a lock file beside a DuckDB file): two deliverers at once (shards, an
    # ingest and a backfill) would otherwise both send the same row.
    if is_lake(settings.db):
        idle = _nothing_due(settings, now)
        if idle is not None:
            return idle
    with serialised(settings.db, settings.lock_timeout):
        return _deliver_due(settings, now, senders or {})


def _nothing_due(settings: Settings, now: datetime) -> Delivery | None:
    """Return the tally of a delivery with nothing to send, read without the lock (None: rows are due).

    Most runs queue no alert, and on a lake every shard would otherwise wait its turn only to find
    the outbox empty. A row committed after this read is sent by the run that queued it (it
    delivers after its own commit) or by the next run; rows that are due are sent under the lock.
    """
    with connect(settings.db, read_only=True, lock_timeout=settings.lock_timeout) as con:
        if alert_store.due_alerts(con, now):
            return None
        waiting, next_retry_at = alert_store.waiting_alerts(con, now)
    return Delivery(waiting=waiting, next_retry_at=next_retry_at)


def _deliver_due(settings: Settings, now: datetime, senders: Senders) -> Delivery:
    """Send the outbox alerts due at `now` one at a time, marking each row; return the tally.

    A failure is due again `RETRY_DELAY` after `now` (`next_retry`), so the next run retries it.
    After a channel's first failure in this run, its other rows are deferred to the same time
    unsent: a channel that is down costs one timeout per run, not one per row.
    """
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        due = alert_store.due_alerts(con, now)
    channels = alert_channels(settings)
    sent, failed, given_up, errors = 0, 0, 0, []
    down: dict[str, str] = {}  # channel id -> its first error in this run
    deferred: dict[str, list[str]] = {}
    for row in due:
        if row.channel_id in down:
            deferred.setdefault(row.channel_id, []).append(row.alert_id)
            continue
        error = send_alert(settings, row, channels, senders)
        retry = _mark(settings, row, error, now)
        if error is None:
            sent += 1
            continue
        failed += 1
        given_up += 1 if retry is None else 0
        errors.append(message := redact(error, settings.alert_urls))
        down[row.channel_id] = message
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        for cid, ids in deferred.items():
            alert_store.defer(con, ids, f"not tried: the channel failed earlier in this run: {down[cid]}", now + RETRY_DELAY)
        waiting, next_retry_at = alert_store.waiting_alerts(con, now)
    return Delivery(
        sent=sent, failed=failed, errors=errors, waiting=waiting, next_retry_at=next_retry_at,
        deferred=sum(len(ids) for ids in deferred.values()), given_up=given_up,
    )


def _mark(settings: Settings, row: AlertRow, error: str | None, now: datetime) -> datetime | None:
    """Record one send (sent, or failed with its redacted reason); return the retry time of a failure."""
    # Marked right after each send: a crash mid-loop re-sends at most the one in flight.
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        if error is None:
            alert_store.mark_sent(con, row.alert_id, utcnow())
            return None
        retry = next_retry(row.attempts + 1, row.created_at, now)
        alert_store.mark_failed(con, row.alert_id, redact(error, settings.alert_urls), retry)
    return retry


def send_alert(settings: Settings, row: AlertRow, channels: list[str], senders: Senders | None = None) -> str | None:
    """Send one outbox row to its channel; return why it failed (None: sent)."""
    url = resolve_channel(row, channels)
    if url is None:
        return "channel no longer configured"
    sender = sender_for(url, senders or {})
    if sender is None:
        return "no sender for prefect-block:// channels here: they are sent by the Prefect flows"
    try:
        sender(url, *render_message(row.payload), row.payload, timeout=settings.alert_timeout)
    except AlertError as exc:
        return exc.reason
    return None


def sender_for(url: str, senders: Senders) -> Send | None:
    """Return the sender of a channel: the longest matching prefix in `senders`, else Apprise (None: none can)."""
    prefixes = sorted((p for p in senders if url.startswith(p)), key=len, reverse=True)
    if prefixes:
        return senders[prefixes[0]]
    # Apprise cannot reach a saved Prefect block: only a sender the flow passes can.
    return None if url.startswith(PREFECT_BLOCK_SCHEME) else send
