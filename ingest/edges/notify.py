"""Send one alert through Apprise (Slack, Discord, Teams, email, ntfy, JSON webhooks, ...).

Apprise reports failure by returning False and logging the cause; `send` turns that into an
`AlertError` whose reason is short and has every part of the channel URL masked. While sending,
Apprise's own log records are captured (not propagated to the application's handlers, because
some plugins log full URLs with tokens) and re-emitted redacted on `layoffwatch.notify` at DEBUG.
Not thread-safe: it adjusts the "apprise" logger for the duration of a call; send sequentially.
"""

from __future__ import annotations

from ingest.models import errors

import logging
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import apprise
from apprise.plugins.custom_json import NotifyJSON

from ingest.urls.redact import redact, redact_url

log = logging.getLogger("layoffwatch.notify")

_MAX_REASON = 300
_JSON_PAYLOAD_KEY = "layoffwatch"
# Apprise logs through "apprise"; requests' urllib3 logs request lines with URL paths (tokens).
_CAPTURED_LOGGERS = ("apprise", "urllib3")


class AlertError(errors.AlertError):
    """Sending an alert failed; `reason` is short and free of secrets (so is `url`: empty)."""

    def __init__(self, reason: str) -> None:
        super().__init__("", reason)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _captured_apprise_logs() -> Iterator[_Collect]:
    """Collect Apprise's (and urllib3's) records and keep them away from the app's handlers."""
    handler = _Collect()
    saved = []
    for name in _CAPTURED_LOGGERS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.level, logger.propagate))
        logger.addHandler(handler)
        logger.propagate = False
    # Apprise's own records explain failures, so let its debug lines through to our handler.
    logging.getLogger(_CAPTURED_LOGGERS[0]).setLevel(logging.DEBUG)
    try:
        with warnings.catch_warnings():
            # Apprise's plugin discovery imports the stdlib `imghdr` shim for pgpy (deprecated
            # in 3.11); that is Apprise's business and must not fail a send under -W error.
            warnings.filterwarnings(
                "ignore", message="'imghdr' is deprecated", category=DeprecationWarning
            )
            yield handler
    finally:
        for logger, level, propagate in saved:
            logger.removeHandler(handler)
            logger.setLevel(level)
            logger.propagate = propagate


def _text(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except (TypeError, ValueError):  # a third-party record with mismatched %-arguments
        return str(record.msg)


def _reason(records: list[logging.LogRecord], secrets: list[str], fallback: str) -> str:
    """Pick the cause of a failure from Apprise's records: its warning, plus a socket error."""
    ours = [r for r in records if r.name.startswith(_CAPTURED_LOGGERS[0])]
    complaints = [_text(r) for r in ours if r.levelno >= logging.WARNING]
    details = [
        _text(r) for r in ours
        if r.levelno < logging.WARNING and _text(r).startswith(("Socket Exception", "Response Details"))
    ]
    parts = complaints[-1:] + [d.replace("\r\n", " ") for d in details[-1:]]
    reason = " | ".join(p.strip() for p in parts if p.strip()) or fallback
    if "timed out" in reason.lower() or "timeout" in reason.lower():
        reason = "timed out: " + reason
    reason = redact(reason, secrets)
    return reason if len(reason) <= _MAX_REASON else reason[: _MAX_REASON - 1] + "…"


def send(
    channel_url: str,
    title: str,
    body: str,
    payload: Mapping[str, Any],
    *,
    timeout: float,
) -> None:
    """Send one message to one Apprise URL; return None on success, raise AlertError otherwise.

    JSON webhooks (`json://`, `jsons://`) also receive the structured alert under the
    "layoffwatch" key of the posted object; other services get the title and text body.
    """
    secrets = [channel_url]
    shown = redact_url(channel_url)
    with _captured_apprise_logs() as captured:
        try:
            failure = _deliver(channel_url, title, body, payload, timeout, captured)
        finally:
            for record in captured.records:
                log.debug("%s: %s", record.name, redact(_text(record), secrets))
    if failure is not None:
        raise AlertError(redact(failure, secrets))
    log.info("alert sent to %s", shown)


def _deliver(
    channel_url: str,
    title: str,
    body: str,
    payload: Mapping[str, Any],
    timeout: float,
    captured: _Collect,
) -> str | None:
    """Notify through Apprise; return None on success, else the (unredacted) cause."""
    secrets = [channel_url]
    shown = redact_url(channel_url)
    try:
        plugin = apprise.Apprise.instantiate(channel_url)
    except Exception as exc:  # Apprise raises odd types on malformed URLs
        return f"invalid channel URL {shown}: {type(exc).__name__}"
    if plugin is None:
        return f"invalid or unsupported channel URL {shown}"
    plugin.socket_connect_timeout = timeout
    plugin.socket_read_timeout = timeout
    if isinstance(plugin, NotifyJSON):
        plugin.payload_extras[_JSON_PAYLOAD_KEY] = dict(payload)
    try:
        ok = plugin.notify(body=body, title=title, notify_type=apprise.NotifyType.INFO)
    except Exception as exc:  # a plugin bug must not take the run down with a secret in it
        return _reason(captured.records, secrets, f"{type(exc).__name__}: {exc}")
    if ok:
        return None
    return _reason(captured.records, secrets, f"delivery to {shown} failed")
