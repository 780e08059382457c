"""The only network module: one fetch function that maps every HTTP outcome onto our errors.

It is handed its `httpx.Client` (so tests and benchmarks can inject transports) and never lets
`httpx` exceptions escape. Bodies are streamed with a size cap on the *decoded* bytes (so a gzip
bomb stops at the cap) and a total deadline (so a server dripping bytes cannot hold a run).
Redirects are followed by hand so every hop is checked by the host guard.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from ingest.errors import FetchError, PermanentFetchError, TransientFetchError
from ingest.netguard import HostGuard

_REDIRECTS = {301, 302, 303, 307, 308}
_TRANSIENT = {408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524}


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


def new_client(user_agent: str, timeout: float) -> httpx.Client:
    """Return an HTTP client with our User-Agent, per-operation timeouts and no auto-redirects."""
    return httpx.Client(
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=False,
        limits=httpx.Limits(max_connections=64, max_keepalive_connections=32),
    )


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Return the wait a Retry-After header asks for (seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def fetch(
    client: httpx.Client,
    url: str,
    *,
    max_bytes: int,
    timeout: float,
    etag: str | None = None,
    last_modified: str | None = None,
    guard: HostGuard | None = None,
    max_redirects: int = 5,
    accept: str = "*/*",
) -> HttpResponse:
    """Return the response for `url` (200 or 304), or raise a FetchError subclass."""
    started = time.monotonic()
    deadline = started + timeout
    headers = {"Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    visited: set[str] = set()
    current = url
    for _hop in range(max_redirects + 1):
        _check_scheme(current)
        if guard is not None:
            guard.check(current)
        visited.add(current)
        response = _get(client, current, headers, max_bytes, deadline)
        if response.status in _REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise PermanentFetchError(current, f"HTTP {response.status} without Location", response.status)
            target = urljoin(current, location)
            if target in visited:
                raise PermanentFetchError(url, f"redirect loop at {target}", response.status)
            current = target
            continue
        return _finish(url, response, time.monotonic() - started)
    raise PermanentFetchError(url, f"more than {max_redirects} redirects")


def fetch_with_retries(
    client: httpx.Client,
    url: str,
    *,
    retries: int,
    max_retry_after: float,
    sleep: Callable[[float], None] = time.sleep,
    **kwargs: object,
) -> HttpResponse:
    """Return `fetch(...)`, retrying transient failures with backoff and honouring Retry-After."""
    attempt = 0
    while True:
        try:
            return fetch(client, url, **kwargs)  # type: ignore[arg-type]
        except TransientFetchError as exc:
            if attempt >= retries:
                raise
            wait = exc.retry_after if exc.retry_after is not None else 0.5 * 2**attempt
            if wait > max_retry_after:
                raise TransientFetchError(
                    url, f"{exc.reason}; Retry-After {wait:.0f}s exceeds {max_retry_after:.0f}s, next run retries",
                    exc.status, exc.retry_after,
                ) from None
            sleep(wait)
            attempt += 1


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise PermanentFetchError(url, f"refused non-HTTP link ({scheme or 'no'} scheme)")


def _get(
    client: httpx.Client, url: str, headers: dict[str, str], max_bytes: int, deadline: float
) -> HttpResponse:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TransientFetchError(url, "timed out (total time limit)")
    try:
        with client.stream("GET", url, headers=headers, timeout=_timeout(client, remaining)) as resp:
            status = resp.status_code
            if status in _REDIRECTS or status == 304 or status >= 400:
                return _response(url, resp, b"")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise PermanentFetchError(url, f"response too large ({int(declared)} bytes > {max_bytes})", status)
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise PermanentFetchError(url, f"response too large (over {max_bytes} bytes)", status)
                if time.monotonic() > deadline:
                    raise TransientFetchError(url, "timed out (total time limit while reading body)", status)
                chunks.append(chunk)
            return _response(url, resp, b"".join(chunks))
    except FetchError:
        raise
    except httpx.TimeoutException:
        raise TransientFetchError(url, "timed out") from None
    except httpx.TooManyRedirects:
        raise PermanentFetchError(url, "too many redirects") from None
    except httpx.DecodingError as exc:
        raise PermanentFetchError(url, f"undecodable body: {exc}") from None
    except httpx.InvalidURL as exc:
        raise PermanentFetchError(url, f"invalid URL: {exc}") from None
    except httpx.UnsupportedProtocol as exc:
        raise PermanentFetchError(url, f"unsupported protocol: {exc}") from None
    except (httpx.TransportError, httpx.StreamError) as exc:
        raise TransientFetchError(url, f"network error: {type(exc).__name__}: {exc}") from None


def _timeout(client: httpx.Client, remaining: float) -> httpx.Timeout:
    base = client.timeout
    cap = max(0.1, remaining)
    return httpx.Timeout(
        connect=min(base.connect or cap, cap),
        read=min(base.read or cap, cap),
        write=min(base.write or cap, cap),
        pool=min(base.pool or cap, cap),
    )


def _response(url: str, resp: httpx.Response, content: bytes) -> HttpResponse:
    return HttpResponse(
        url=str(resp.url) if resp.url else url,
        status=resp.status_code,
        content=content,
        content_type=resp.headers.get("content-type", ""),
        etag=resp.headers.get("etag"),
        last_modified=resp.headers.get("last-modified"),
        headers={
            key: resp.headers[key] for key in ("location", "retry-after") if key in resp.headers
        },
    )


def _finish(url: str, response: HttpResponse, elapsed: float) -> HttpResponse:
    status = response.status
    if status in _TRANSIENT:
        raise TransientFetchError(
            url, f"HTTP {status}", status, retry_after_seconds(response.headers.get("retry-after"))
        )
    if status >= 400:
        reason = "HTTP 410 Gone (removed for good)" if status == 410 else f"HTTP {status}"
        raise PermanentFetchError(url, reason, status)
    if status not in (200, 203, 304) and not 200 <= status < 300:
        raise PermanentFetchError(url, f"unexpected HTTP {status}", status)
    return HttpResponse(
        url=response.url,
        status=status,
        content=response.content,
        content_type=response.content_type,
        etag=response.etag,
        last_modified=response.last_modified,
        elapsed=elapsed,
        headers=response.headers,
    )
