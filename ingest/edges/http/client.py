"""Our HTTP client and its one fetch: redirects followed by hand, retries, every hop checked by the guard.

`fetch` is handed its `HttpClient` (an httpx transport, so tests and benchmarks can inject one) and
never lets an httpx or httpcore exception escape: `outcomes` maps every outcome onto our errors.
Bodies are read within a size cap and a total deadline (`body.read_body`); redirects are followed
here so every hop is checked by the host guard.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx

from ingest.edges.http.body import read_body
from ingest.edges.http.outcomes import (
    DEADLINE_REASON,
    REDIRECTS,
    HttpResponse,
    deadline_error,
    error_for,
    redacted,
    status_error,
    too_large,
)
from ingest.edges.http.sockets import request_scope
from ingest.edges.http.transport import guarded_transport
from ingest.edges.netguard import HostGuard
from ingest.models.errors import FetchError, PermanentFetchError, TransientFetchError
from ingest.urls.redact import safe_url


class HttpClient:
    """What `fetch` sends requests through: an httpx transport (a connection pool), our headers
    and per-operation timeouts.

    Requests go straight to the transport. `fetch` follows redirects itself and needs no cookie
    jar, auth or event hooks; `httpx.Client`'s request path through them (URL merging, cookie
    bookkeeping) cost a sequential page fetch about a quarter more CPU (benchmarks/README.md).
    No cookie is kept from one request to the next.
    """

    def __init__(self, transport: httpx.BaseTransport, *, user_agent: str, timeout: float) -> None:
        self.transport = transport
        self.headers = {"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"}
        self.timeout = httpx.Timeout(timeout, connect=min(timeout, 10.0))
        self.is_closed = False

    def close(self) -> None:
        """Close every pooled connection."""
        self.transport.close()
        self.is_closed = True

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def new_client(user_agent: str, timeout: float) -> HttpClient:
    """Return an HTTP client with our User-Agent, per-operation timeouts and guarded connects."""
    return HttpClient(guarded_transport(), user_agent=user_agent, timeout=timeout)


def fetch(
    client: HttpClient,
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
    """Return the response for `url` (200 or 304), or raise a FetchError subclass (URL and text redacted)."""
    try:
        return _fetch(client, url, max_bytes, timeout, etag, last_modified, guard, max_redirects, accept)
    except Exception as exc:
        error = error_for(url, exc)
        if error is None:
            raise
        raise redacted(error, url) from None


def fetch_with_retries(
    client: HttpClient,
    url: str,
    *,
    retries: int,
    max_retry_after: float,
    backoff: float,
    sleep: Callable[[float], None] = time.sleep,
    **kwargs: object,
) -> HttpResponse:
    """Return `fetch(...)`, retrying transient failures (waiting `backoff`·2^n s, or what Retry-After asks)."""
    attempt = 0
    while True:
        try:
            return fetch(client, url, **kwargs)  # type: ignore[arg-type]
        except TransientFetchError as exc:
            if attempt >= retries or exc.reason.startswith(DEADLINE_REASON):
                raise
            wait = exc.retry_after if exc.retry_after is not None else backoff * 2**attempt
            if wait > max_retry_after:
                # exc.url, not url: the error text must stay redacted.
                raise TransientFetchError(
                    exc.url, f"{exc.reason}; Retry-After {wait:.0f}s exceeds {max_retry_after:.0f}s, next run retries",
                    exc.status, exc.retry_after,
                ) from None
            sleep(wait)
            attempt += 1


def _fetch(
    client: HttpClient,
    url: str,
    max_bytes: int,
    timeout: float,
    etag: str | None,
    last_modified: str | None,
    guard: HostGuard | None,
    max_redirects: int,
    accept: str,
) -> HttpResponse:
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
        response = _get(client, current, headers, max_bytes, deadline, guard)
        if response.status in REDIRECTS:
            current = _redirect_target(url, current, response, visited)
            continue
        return _finish(url, response, time.monotonic() - started)
    raise PermanentFetchError(url, f"more than {max_redirects} redirects")


def _redirect_target(url: str, current: str, response: HttpResponse, visited: set[str]) -> str:
    """Return where a redirect response points, refusing a missing, malformed or visited target."""
    location = response.headers.get("location")
    if not location:
        raise PermanentFetchError(current, f"HTTP {response.status} without Location", response.status)
    try:
        target = urljoin(current, location.strip())
        urlsplit(target).port  # noqa: B018 - raises ValueError on a malformed host or port
    except ValueError as exc:
        raise PermanentFetchError(current, f"invalid URL in redirect: {exc}", response.status) from None
    if target in visited:
        raise PermanentFetchError(url, f"redirect loop at {safe_url(target)}", response.status)
    return target


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise PermanentFetchError(url, f"refused non-HTTP link ({scheme or 'no'} scheme)")


def _get(
    client: HttpClient,
    url: str,
    headers: dict[str, str],
    max_bytes: int,
    deadline: float,
    guard: HostGuard | None,
) -> HttpResponse:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise deadline_error(url)
    try:
        # The socket layer reads the deadline and guard on this thread for every operation.
        with request_scope(deadline, guard):
            request = httpx.Request(
                "GET", url, headers={**client.headers, **headers},
                extensions={"timeout": _timeout(client, remaining).as_dict()},
            )
            resp = client.transport.handle_request(request)
            resp.request = request
            try:
                return _read(url, resp, max_bytes, deadline)
            finally:
                resp.close()  # hands the connection back to the pool (or drops an unread one)
    except FetchError:
        raise
    except Exception as exc:
        error = error_for(url, exc, deadline, time.monotonic())
        if error is None:
            raise
        raise error from None


def _read(url: str, resp: httpx.Response, max_bytes: int, deadline: float) -> HttpResponse:
    """Return the response with its body read (none for redirects, 304 and errors)."""
    status = resp.status_code
    if status in REDIRECTS or status == 304 or status >= 400:
        return _response(url, resp, b"")
    declared = resp.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large(url, max_bytes, status, declared=int(declared))
    return _response(url, resp, read_body(url, resp, max_bytes, deadline))


def _timeout(client: HttpClient, remaining: float) -> httpx.Timeout:
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
    error = status_error(url, response.status, response.headers.get("retry-after"))
    if error is not None:
        raise error
    return HttpResponse(
        url=response.url,
        status=response.status,
        content=response.content,
        content_type=response.content_type,
        etag=response.etag,
        last_modified=response.last_modified,
        elapsed=elapsed,
        headers=response.headers,
    )
