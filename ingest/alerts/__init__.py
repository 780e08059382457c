"""Alert outbox rows for round events: who gets what, the message text, keys and secret redaction.

Exactly-once rests on the idempotency key: `{round_id}:new_round:{channel_id}` can exist once per
round and channel in the `alerts` table (UNIQUE), and the rows are written in the same transaction
as the rounds they announce; sending happens after commit and only moves a row's status.

Channel URLs carry secrets (webhook tokens, passwords). A row stores only `redact_url(url)` for
display; `channel_id(url)` (a hash of the full URL) ends the idempotency key and is how the sender
finds the configured URL again (`resolve_channel`). Pass every configured URL to `redact` before
logging or storing any text that might contain one.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from ingest.models import AlertKind, AlertStatus, Frozen, Round
from ingest.rounds import RoundEvent, RoundPlan, SourceRef, company_key

# A failed send is due again RETRY_DELAY after the run that failed it (on that run's clock), so the
# next run retries it whatever the schedule: the delay is below the shortest gap a schedule can have
# (`layoffwatch serve --interval` accepts 0.1 minute for trials; LAYOFFWATCH_SCHEDULE_INTERVAL_MINUTES
# and a cron, 1 minute), and tests/test_alerts.py holds it there. It is not tied to the schedule:
# work-pool and `serve --interval/--cron` runs never see the schedule. A channel is hammered at most
# once per run (`usecases.run` stops sending to a channel after its first failure in a run). An
# alert is given up only when it has failed MAX_ATTEMPTS times AND RETRY_FOR has passed since it
# was queued: neither a burst of runs nor a day without runs ends it alone.
RETRY_DELAY = timedelta(seconds=5)
MAX_ATTEMPTS = 10
RETRY_FOR = timedelta(hours=24)
MASK = "***"
MAX_SOURCES = 3

# Query parameters of Apprise URLs that never carry secrets.
_SAFE_QUERY_KEYS = frozenset(
    {"format", "overflow", "method", "priority", "mode", "image", "avatar", "footer", "rto", "cto",
     "verify", "tags", "tag", "lang", "emojis", "batch"}
)
# Path segments we may show: short, lower-case words ("hook", "v1", "layoffwatch").
_SAFE_SEGMENT = re.compile(r"[a-z][a-z0-9_.-]{0,15}")
_HOSTNAME = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}|localhost", re.IGNORECASE)
_MIN_SECRET = 3


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


def channel_id_from_key(idempotency_key: str) -> str:
    """Return the channel id that ends every idempotency key."""
    return idempotency_key.rsplit(":", 1)[-1]


def _host_is_name(host: str) -> bool:
    if _HOSTNAME.fullmatch(host):
        return True
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _split(url: str) -> tuple[Any, str, str | None] | None:
    """Split an Apprise-style URL; None when it has no scheme://."""
    if "://" not in url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    host = parts.hostname or ""
    return parts, host, None if port is None else str(port)


def redact_url(url: str) -> str:
    """Return `url` with passwords, tokens and secret-looking parts replaced by "***"."""
    split = _split(url)
    if split is None:
        return MASK
    parts, host, port = split
    netloc = MASK + "@" if (parts.username or parts.password) else ""
    netloc += (host if _host_is_name(host) else MASK) if host else ""
    if port:
        netloc += f":{port}"
    segments = [
        seg if not seg or _SAFE_SEGMENT.fullmatch(unquote(seg)) else MASK
        for seg in parts.path.split("/")
    ]
    shown = f"{parts.scheme}://{netloc}{'/'.join(segments)}"
    if parts.query:
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        shown += "?" + "&".join(
            f"{k}={v if k.lower() in _SAFE_QUERY_KEYS else MASK}" for k, v in pairs
        )
    if parts.fragment:
        shown += "#" + parts.fragment
    return shown


def url_secrets(url: str) -> list[str]:
    """Return the parts of a channel URL that must never be shown (and the URL itself)."""
    secrets = [url.strip()]
    split = _split(url)
    if split is None:
        return secrets
    parts, host, _ = split
    for value in (parts.username, parts.password):
        if value:
            secrets += [value, unquote(value)]
    if host and not _host_is_name(host):
        secrets.append(host)
    for seg in parts.path.split("/"):
        if seg and not _SAFE_SEGMENT.fullmatch(unquote(seg)):
            secrets += [seg, unquote(seg)]
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if value and key.lower() not in _SAFE_QUERY_KEYS:
            secrets.append(value)
    return secrets


def redact(text: str, secrets: Sequence[str]) -> str:
    """Return `text` with every secret (and every part of a secret channel URL) masked."""
    if not text:
        return text
    parts: set[str] = set()
    urls: list[str] = []
    for secret in secrets:
        if not secret:
            continue
        if "://" in secret:
            urls.append(secret.strip())
            # The URL itself is handled above as a whole; its parts catch partial echoes.
            parts.update(url_secrets(secret)[1:])
        else:
            parts.add(secret)
    # Whole URLs first, so a log line keeps a readable (redacted) form of the channel.
    for url in sorted(urls, key=len, reverse=True):
        text = text.replace(url, redact_url(url))
    variants = {p for p in parts if len(p) >= _MIN_SECRET}
    variants |= {quote(p, safe="") for p in variants}
    for part in sorted(variants, key=len, reverse=True):
        text = text.replace(part, MASK)
    return text


def next_retry(failures: int, created_at: datetime, now: datetime) -> datetime | None:
    """Return when to retry an alert whose send in the run clocked `now` was its `failures`-th failure (None: give up)."""
    if failures >= MAX_ATTEMPTS and now - created_at >= RETRY_FOR:
        return None
    return now + RETRY_DELAY


def resolve_channel(row: AlertRow, channels: Sequence[str]) -> str | None:
    """Return the configured URL a row was planned for, or None when it is no longer configured."""
    return next((url for url in channels if channel_id(url) == row.channel_id), None)


def build_payload(
    round_: Round, kind: AlertKind, sources: Sequence[SourceRef], reason: str | None = None
) -> dict[str, Any]:
    """Return the JSON payload of an alert about `round_` (what `render_message` shows)."""
    return {
        "kind": kind,
        "round_id": round_.round_id,
        "title": round_.title,
        "company": round_.company,
        "units": list(round_.units),
        "headcount": round_.headcount,
        "headcount_min": round_.headcount_min,
        "headcount_max": round_.headcount_max,
        "headcount_text": round_.headcount_text,
        "announced_on": round_.announced_on.isoformat(),
        "status": round_.status,
        "source_count": round_.source_count,
        "article_count": round_.article_count,
        "sources": [
            {"title": s.title, "url": s.url, "source": s.source} for s in sources[:MAX_SOURCES]
        ],
        "evidence": round_.evidence,
        "reason": reason,
        "matcher_version": round_.matcher_version,
    }


def render_message(payload: Mapping[str, Any]) -> tuple[str, str]:
    """Return the (title, body) a human reads for an alert payload."""
    update = payload.get("kind") == "round_update"
    title = ("Layoff round update: " if update else "New layoff round: ") + str(payload["title"])
    units = ", ".join(payload.get("units") or []) or "company-wide / not specified"
    headcount = payload.get("headcount")
    text = payload.get("headcount_text")
    if headcount is not None:
        figure = f"{headcount:,}" + (f' (reported as "{text}")' if text else "")
    else:
        figure = f'"{text}"' if text else "not reported"
    outlets = payload.get("source_count", 0)
    lines = [
        f"Company: {payload['company']}",
        f"Units: {units}",
        f"Headcount: {figure}",
        f"Announced: {payload['announced_on']}",
        f"Status: {payload['status']} ({outlets} outlet{'s' if outlets != 1 else ''} reporting)",
    ]
    if update and payload.get("reason"):
        lines.append(f"Change: {payload['reason']}")
    if payload.get("evidence"):
        lines.append(f'Evidence: "{payload["evidence"]}"')
    sources = payload.get("sources") or []
    if sources:
        lines.append("Sources:")
        for s in sources[:MAX_SOURCES]:
            outlet = f" ({s['source']})" if s.get("source") else ""
            lines.append(f"- {s['title']}{outlet}: {s['url']}")
    return title, "\n".join(lines)


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
