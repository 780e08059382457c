"""Alert planning: which round events deserve an alert, and the outbox rows for them, one per channel."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from ingest.alerts.keys import alert_id_for, channel_id, new_round_key, round_update_key
from ingest.alerts.message import build_payload
from ingest.models import AlertRow, AlertStatus, Round, RoundEvent, RoundPlan
from ingest.rounds import company_key
from ingest.urls.redact import redact_url


def is_material(event: RoundEvent, min_change: float = 0.2) -> bool:
    """Return whether a round update deserves an alert (confirmation, official figure, > min_change)."""
    if event.previous_status == "reported" and event.status == "confirmed":
        return True
    if event.headcount is not None and event.headcount_official and not event.previous_headcount_official:
        return True
    old, new = event.previous_headcount, event.headcount
    if new is None:
        return False
    if old is None or old == 0:
        return True
    return abs(new - old) / old > min_change


def staleness(round_: Round, freshness_days: int) -> str | None:
    """Return why a round is too old to alert on, or None when it is fresh."""
    age = (round_.first_seen_at.date() - round_.announced_on).days
    if age <= freshness_days:
        return None
    return (
        f"announced {round_.announced_on.isoformat()}, first seen "
        f"{round_.first_seen_at.date().isoformat()}: older than {freshness_days} days"
    )


def plan_alerts(
    plan: RoundPlan,
    *,
    watched: Sequence[str],
    channels: Sequence[str],
    now: datetime,
    freshness_days: int = 3,
    updates_enabled: bool = True,
    suppress_reason: str | None = None,
    min_change: float = 0.2,
    alerted: Collection[str] = (),
) -> list[AlertRow]:
    """Return the outbox rows for a plan's events: watched companies only, one per channel.

    `alerted` holds rounds whose `new_round` alert went (or is going) out: their updates are sent
    even when the official date makes the round look old, since the user already follows it.
    """
    watched_keys = {company_key(w) for w in watched}
    rounds = {r.round_id: r for r in plan.rounds}
    targets = [(channel_id(url), redact_url(url)) for url in dict.fromkeys(c.strip() for c in channels)]
    rows: list[AlertRow] = []
    for event in plan.events:
        round_ = rounds.get(event.round_id)
        if round_ is None or company_key(round_.company) not in watched_keys:
            continue
        if event.kind == "round_update" and not (updates_enabled and is_material(event, min_change)):
            continue
        followed = event.kind == "round_update" and event.round_id in alerted
        why_not = suppress_reason or (None if followed else staleness(round_, freshness_days))
        status: AlertStatus = "suppressed" if why_not else "pending"
        payload = build_payload(
            round_,
            event.kind,
            plan.sources.get(round_.round_id, []),
            event.reason if event.kind == "round_update" else None,
        )
        for cid, display in targets:
            key = (
                new_round_key(round_.round_id, cid)
                if event.kind == "new_round"
                else round_update_key(round_.round_id, event.status, event.headcount, cid)
            )
            rows.append(
                AlertRow(
                    alert_id=alert_id_for(key),
                    idempotency_key=key,
                    round_id=round_.round_id,
                    kind=event.kind,
                    channel=display,
                    channel_id=cid,
                    status=status,
                    reason=why_not,
                    created_at=now,
                    next_attempt_at=None if why_not else now,
                    payload=payload,
                )
            )
    return rows
