"""Alert outbox rows for round events: who gets what, the message text, keys and the retry policy.

Exactly-once rests on the idempotency key: `{round_id}:new_round:{channel_id}` can exist once per
round and channel in the `alerts` table (UNIQUE), and the rows are written in the same transaction
as the rounds they announce; sending happens after commit and only moves a row's status.

Channel URLs carry secrets (webhook tokens, passwords). A row stores only `redact_url(url)` for
display; `channel_id(url)` (a hash of the full URL) ends the idempotency key and is how the sender
finds the configured URL again (`resolve_channel`). Pass every configured URL to `redact` before
logging or storing any text that might contain one. Both come from `ingest.urls.redact`, the one
redactor, and are re-exported here for the senders.

    plan.py     which round events deserve an alert, and their outbox rows (`plan_alerts`)
    message.py  an alert's payload and the text a human reads
    keys.py     channel ids, idempotency keys, alert ids
    retry.py    when a failed send is due again, and when it is given up
The outbox row itself (`AlertRow`) lives in `ingest.models.alerts`.
"""

from ingest.alerts.keys import (
    alert_id_for,
    channel_id,
    channel_id_from_key,
    new_round_key,
    resolve_channel,
    round_update_key,
)
from ingest.alerts.message import MAX_SOURCES, build_payload, render_message
from ingest.alerts.plan import is_material, plan_alerts, staleness
from ingest.alerts.retry import MAX_ATTEMPTS, RETRY_DELAY, RETRY_FOR, next_retry
from ingest.models import AlertRow
from ingest.urls.redact import redact, redact_url

__all__ = [
    "MAX_ATTEMPTS",
    "MAX_SOURCES",
    "RETRY_DELAY",
    "RETRY_FOR",
    "AlertRow",
    "alert_id_for",
    "build_payload",
    "channel_id",
    "channel_id_from_key",
    "is_material",
    "new_round_key",
    "next_retry",
    "plan_alerts",
    "redact",
    "redact_url",
    "render_message",
    "resolve_channel",
    "round_update_key",
    "staleness",
]
