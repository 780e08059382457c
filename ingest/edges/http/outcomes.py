"""The one place where what an HTTP fetch came to becomes our errors (`ingest.models.errors`).

Statuses (`status_error`), size caps (`too_large`), timeouts, transport and URL failures raised by
httpx, httpcore or our socket layer (`error_for`) map here onto `TransientFetchError` (may heal:
5xx, 429, timeouts, connection errors) or `PermanentFetchError` (will not: 4xx, too large, bad
scheme or URL). Refused hosts are raised as `PermanentFetchError` by the host guard itself.
Every error leaves the edge with its URL and text redacted (`redacted`); callers that record a
fetch as data rather than raise turn it into an `Outcome` with `attempt`.
"""

from __future__ import annotations

import email.utils
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpcore
import httpx

from ingest.models.errors import FetchError, PermanentFetchError, TransientFetchError
from ingest.urls.redact import redact, safe_url

log = logging.getLogger("layoffwatch.http")

REDIRECTS = frozenset({301, 302, 303, 307, 308})
TRANSIENT = frozenset({408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
# Start of the reason of a fetch cut by the total deadline (a dripping server): not retried
# within the run, since each retry would hold a worker for another full timeout.
DEADLINE_REASON = "timed out (total time limit"
# A timeout this close to the deadline is the deadline's, whichever layer noticed it first.
_DEADLINE_SLACK = 0.05


@dataclass(frozen=True)
class HttpResponse:
    """A fetched response: final URL, status, selected headers and the (decoded) body."""

    url: str
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    elapsed: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class Outcome:
    """What one fetch came to, as data: the response, or the status and error text to record."""

    response: HttpResponse | None
    status: int | None = None
    error: str | None = None


def attempt(url: str, call: Callable[[], HttpResponse]) -> Outcome:
    """Return the Outcome of `call()`: its response, or its error as (status, text); never raises."""
    try:
        response = call()
    except FetchError as exc:
        return Outcome(None, exc.status, str(exc))
    except Exception as exc:  # noqa: BLE001
        # A bug met by one hostile link must not sink the other items of a batch.
        log.exception("unexpected error fetching %s", safe_url(url))
        return Outcome(None, None, f"fetch failed: {type(exc).__name__}"[:300])
    return Outcome(response, response.status)


def status_error(url: str, status: int, retry_after: str | None = None) -> FetchError | None:
    """Return the error a final (non-redirect) status stands for, or None for a usable 2xx/304."""
    if status in TRANSIENT:
        return TransientFetchError(url, f"HTTP {status}", status, retry_after_seconds(retry_after))
    if status >= 400:
        reason = "HTTP 410 Gone (removed for good)" if status == 410 else f"HTTP {status}"
        return PermanentFetchError(url, reason, status)
    if status not in (200, 203, 304) and not 200 <= status < 300:
        return PermanentFetchError(url, f"unexpected HTTP {status}", status)
    return None


def too_large(url: str, max_bytes: int, status: int, *, declared: int | None = None, decoded: bool = False) -> FetchError:
    """Return the error of a body over `max_bytes` (declared by Content-Length, read raw, or decoded)."""
    if declared is not None:
        return PermanentFetchError(url, f"response too large ({declared} bytes > {max_bytes})", status)
    what = "decoded body over" if decoded else "over"
    return PermanentFetchError(url, f"response too large ({what} {max_bytes} bytes)", status)


def deadline_error(url: str, status: int | None = None, *, reading: bool = False) -> FetchError:
    """Return the error of a fetch cut by its total deadline."""
    return TransientFetchError(url, f"{DEADLINE_REASON}{' while reading body' if reading else ''})", status)


def error_for(url: str, exc: Exception, deadline: float | None = None, now: float = 0.0) -> FetchError | None:
    """Return our error for an exception raised while fetching `url`, or None when it is a bug, not an outcome.

    `deadline` and `now` (monotonic seconds) tell a timeout of the whole fetch from one operation's.
    """
    if isinstance(exc, FetchError):
        return exc
    if isinstance(exc, (httpx.TimeoutException, httpcore.TimeoutException)):
        if deadline is not None and now >= deadline - _DEADLINE_SLACK:
            return deadline_error(url)
        return TransientFetchError(url, "timed out")
    if isinstance(exc, httpx.TooManyRedirects):
        return PermanentFetchError(url, "too many redirects")
    if isinstance(exc, httpx.DecodingError):
        return PermanentFetchError(url, f"undecodable body: {exc}")
    if isinstance(exc, httpx.InvalidURL):
        return PermanentFetchError(url, f"invalid URL: {exc}")
    if isinstance(exc, (httpx.UnsupportedProtocol, httpcore.UnsupportedProtocol)):
        return PermanentFetchError(url, f"unsupported protocol: {exc}")
    if isinstance(exc, (httpx.RemoteProtocolError, httpcore.RemoteProtocolError)) and "location header" in str(exc).lower():
        # httpx parses Location even with redirects off; a broken one will not heal.
        return PermanentFetchError(url, f"invalid URL in redirect: {exc}")
    if isinstance(exc, (httpx.TransportError, httpx.StreamError, httpcore.NetworkError, httpcore.ProtocolError,
                        httpcore.ProxyError)):
        return TransientFetchError(url, f"network error: {type(exc).__name__}: {exc}")
    if isinstance(exc, (ValueError, UnicodeError)):
        # urlsplit/urljoin/httpx raise these on malformed links or Location headers; a hostile
        # link must become a recorded error, not crash the batch.
        return PermanentFetchError(url, f"invalid URL: {exc}")
    return None


def redacted(exc: FetchError, url: str) -> FetchError:
    """Return `exc` re-keyed to the requested URL, with secrets of that URL out of its text."""
    reason = redact(exc.reason, [url], kind="link")
    shown = safe_url(url)
    if isinstance(exc, TransientFetchError):
        return TransientFetchError(shown, reason, exc.status, exc.retry_after)
    return type(exc)(shown, reason, exc.status)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Return the wait a Retry-After header asks for (seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
