"""The only network module: one fetch function that maps every HTTP outcome onto our errors.

It is handed its `HttpClient` (an httpx transport, so tests and benchmarks can inject one) and
never lets `httpx` exceptions escape. Bodies are streamed with a size cap on the *decoded* bytes (we undo
gzip/deflate ourselves with a bounded output, so a gzip bomb stops at the cap instead of inflating
a whole socket read first) and a total deadline (so a server dripping bytes cannot hold a run).
Redirects are followed by hand so every hop is checked by the host guard.

Clients made by `new_client` carry a network backend, installed through httpcore's public
`network_backend` parameter, that enforces the deadline on every socket operation (a server
dripping its *headers* otherwise defeats any check made between body chunks) and opens only the
addresses the host guard approved (no DNS rebinding between check and connect), every one of them
in turn, IPv6 and IPv4 interleaved (Happy Eyeballs, `netguard.dial`).
Error texts never carry URL userinfo or secret-looking query values (`safe_url`).
"""

from __future__ import annotations

import email.utils
import functools
import re
import select
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Self
from urllib.parse import parse_qsl, quote, urljoin, urlsplit, urlunsplit

import httpcore
import httpx

from ingest.models.errors import FetchError, PermanentFetchError, TransientFetchError
from ingest.edges.netguard import HostGuard, dial, resolve

_REDIRECTS = {301, 302, 303, 307, 308}
_TRANSIENT = {408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524}
# Query keys whose values are credentials often put in feed URLs (`?token=...`, `&api_key=...`).
_SECRET_QUERY = re.compile(r"(?i)(token|key|secret|pass|pwd|auth|sig|session|sid|code|credential)")
# Userinfo passwords echoed inside free text (httpx messages, redirect targets).
_USERINFO = re.compile(r"(?i)(?<=://)[^/@\s]+@")
_MASK = "***"
# Start of the reason of a fetch cut by the total deadline (a dripping server): not retried
# within the run, since each retry would hold a worker for another full timeout.
DEADLINE_REASON = "timed out (total time limit"
_MAX_CODINGS = 2


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


def safe_url(url: str) -> str:
    """Return `url` for logs and error rows: userinfo and secret-looking query values masked."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            netloc = _MASK + "@" + netloc.rpartition("@")[2]
        query = parts.query
        if query:
            pairs = parse_qsl(query, keep_blank_values=True)
            query = "&".join(
                f"{quote(k, safe='')}={_MASK if _SECRET_QUERY.search(k) else quote(v, safe='')}" for k, v in pairs
            )
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:
        return _USERINFO.sub(_MASK + "@", url)


class HttpClient:
    """What `fetch` sends requests through: an httpx transport (a connection pool), our headers
    and per-operation timeouts.

    Requests go straight to the transport. `fetch` follows redirects itself and needs no cookie
    jar, auth or event hooks; `httpx.Client`'s request path through them (URL merging, cookie
    bookkeeping) made a sequential page fetch cost 0.67-0.70 ms of CPU instead of 0.54-0.55 ms
    on the benchmark's server. No cookie is kept from one request to the next.
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
    """Return an HTTP client with our User-Agent, per-operation timeouts and no auto-redirects."""
    pool = httpcore.ConnectionPool(
        ssl_context=_tls_context(),
        max_connections=64,
        max_keepalive_connections=32,
        keepalive_expiry=5.0,
        network_backend=_GuardedBackend(),
    )
    return HttpClient(_PoolTransport(pool), user_agent=user_agent, timeout=timeout)


class _PoolTransport(httpx.BaseTransport):
    """An httpx transport over an httpcore pool we build ourselves: `httpx.HTTPTransport` takes no
    network backend, and httpcore's `ConnectionPool(network_backend=...)` is the public way in."""

    def __init__(self, pool: httpcore.ConnectionPool) -> None:
        self._pool = pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        core_request = httpcore.Request(
            request.method,
            httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _httpx_errors():
            core_response = self._pool.handle_request(core_request)
        return httpx.Response(
            core_response.status,
            headers=core_response.headers,
            stream=_CoreBody(core_response),
            extensions=core_response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


class _CoreBody(httpx.SyncByteStream):
    """An httpcore response body read as an httpx stream (errors raised as httpx's)."""

    def __init__(self, response: httpcore.Response) -> None:
        self._response = response

    def __iter__(self) -> Iterator[bytes]:
        with _httpx_errors():
            yield from self._response.iter_stream()

    def close(self) -> None:
        self._response.close()


# httpcore's errors and the httpx errors `_get` maps onto ours, most specific first.
_CORE_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProxyError, httpx.ProxyError),
)


@contextmanager
def _httpx_errors() -> Iterator[None]:
    """Re-raise httpcore's errors as their httpx counterparts; anything else (our FetchErrors
    raised by the guard inside the backend) passes through unchanged."""
    try:
        yield
    except Exception as exc:
        mapped = next((to for core, to in _CORE_ERRORS if isinstance(exc, core)), None)
        if mapped is None:
            raise
        raise mapped(str(exc)) from exc


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """The certificate store, loaded once per process: each load costs ~45 ms, and clients
    (one per host for pages) share it; an SSLContext is safe to use from several threads."""
    return httpx.create_ssl_context()


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
    """Return the response for `url` (200 or 304), or raise a FetchError subclass."""
    try:
        return _fetch(client, url, max_bytes, timeout, etag, last_modified, guard, max_redirects, accept)
    except FetchError as exc:
        raise _redacted(exc, url) from None
    except (ValueError, UnicodeError) as exc:
        # urlsplit/urljoin/httpx raise these on malformed links or Location headers; a hostile
        # link must become a recorded error, not crash the batch.
        raise _redacted(PermanentFetchError(url, f"invalid URL: {exc}"), url) from None


def fetch_with_retries(
    client: HttpClient,
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
            if attempt >= retries or exc.reason.startswith(DEADLINE_REASON):
                raise
            wait = exc.retry_after if exc.retry_after is not None else 0.5 * 2**attempt
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
        if response.status in _REDIRECTS:
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
            current = target
            continue
        return _finish(url, response, time.monotonic() - started)
    raise PermanentFetchError(url, f"more than {max_redirects} redirects")


def _redacted(exc: FetchError, url: str) -> FetchError:
    """Return `exc` re-keyed to the requested URL, with secrets of that URL out of its text."""
    reason = _USERINFO.sub(_MASK + "@", exc.reason)
    try:
        password = urlsplit(url).password
    except ValueError:
        password = None
    if password:
        reason = reason.replace(password, _MASK)
    shown = safe_url(url)
    if isinstance(exc, TransientFetchError):
        return TransientFetchError(shown, reason, exc.status, exc.retry_after)
    return type(exc)(shown, reason, exc.status)


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
        raise TransientFetchError(url, f"{DEADLINE_REASON})")
    # Read by _GuardedBackend on this thread for every socket operation of this request.
    _REQUEST.deadline = deadline
    _REQUEST.guard = guard
    try:
        request = httpx.Request(
            "GET", url, headers={**client.headers, **headers},
            extensions={"timeout": _timeout(client, remaining).as_dict()},
        )
        resp = client.transport.handle_request(request)
        resp.request = request
        try:
            status = resp.status_code
            if status in _REDIRECTS or status == 304 or status >= 400:
                return _response(url, resp, b"")
            declared = resp.headers.get("content-length", "").strip()
            if declared.isdigit() and int(declared) > max_bytes:
                raise PermanentFetchError(url, f"response too large ({int(declared)} bytes > {max_bytes})", status)
            body = _read_body(url, resp, max_bytes, deadline)
            return _response(url, resp, body)
        finally:
            resp.close()  # hands the connection back to the pool (or drops an unread one)
    except FetchError:
        raise
    except httpx.TimeoutException:
        if time.monotonic() >= deadline - 0.05:
            raise TransientFetchError(url, f"{DEADLINE_REASON})") from None
        raise TransientFetchError(url, "timed out") from None
    except httpx.TooManyRedirects:
        raise PermanentFetchError(url, "too many redirects") from None
    except httpx.DecodingError as exc:
        raise PermanentFetchError(url, f"undecodable body: {exc}") from None
    except httpx.InvalidURL as exc:
        raise PermanentFetchError(url, f"invalid URL: {exc}") from None
    except httpx.UnsupportedProtocol as exc:
        raise PermanentFetchError(url, f"unsupported protocol: {exc}") from None
    except httpx.RemoteProtocolError as exc:
        if "location header" in str(exc).lower():
            # httpx parses Location even with redirects off; a broken one will not heal.
            raise PermanentFetchError(url, f"invalid URL in redirect: {exc}") from None
        raise TransientFetchError(url, f"network error: {type(exc).__name__}: {exc}") from None
    except (httpx.TransportError, httpx.StreamError) as exc:
        raise TransientFetchError(url, f"network error: {type(exc).__name__}: {exc}") from None
    finally:
        _REQUEST.deadline = None
        _REQUEST.guard = None


def _read_body(url: str, resp: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    """Return the decoded body, refusing it as soon as raw or decoded bytes pass `max_bytes`."""
    status = resp.status_code
    decoder = _BodyDecoder(url, resp.headers.get("content-encoding", ""), max_bytes)
    chunks: list[bytes] = []
    raw_size = 0
    try:
        for raw in resp.iter_raw():
            raw_size += len(raw)
            if raw_size > max_bytes:
                raise PermanentFetchError(url, f"response too large (over {max_bytes} bytes)", status)
            chunks.append(decoder.push(raw))
            if time.monotonic() > deadline:
                raise TransientFetchError(url, f"{DEADLINE_REASON} while reading body)", status)
        chunks.append(decoder.flush())
    except _TooLarge:
        raise PermanentFetchError(
            url, f"response too large (decoded body over {max_bytes} bytes)", status
        ) from None
    except zlib.error as exc:
        raise PermanentFetchError(url, f"undecodable body: {exc}", status) from None
    return b"".join(chunks)


class _TooLarge(Exception):
    """A decoding layer produced more bytes than allowed."""


class _Layer:
    """One gzip/deflate layer whose total output never exceeds `limit` (+1 byte to detect it)."""

    def __init__(self, coding: str, limit: int) -> None:
        self.coding = coding
        self.limit = limit
        self.produced = 0
        self._started = False
        self._inflate = self._new()

    def _new(self) -> Any:
        return zlib.decompressobj(16 + zlib.MAX_WBITS if self.coding == "gzip" else zlib.MAX_WBITS)

    def push(self, data: bytes) -> bytes:
        out: list[bytes] = []
        while data:
            try:
                # max_length bounds what one call may allocate: a 64 KB read of a bomb would
                # otherwise inflate to ~64 MB before any size check could run.
                piece = self._inflate.decompress(data, self.limit - self.produced + 1)
            except zlib.error:
                if self.coding == "deflate" and not self._started:
                    # "deflate" is sent both zlib-wrapped and raw; try raw once, like browsers.
                    self._started = True
                    self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise
            self._started = True
            self.produced += len(piece)
            if self.produced > self.limit:
                raise _TooLarge
            out.append(piece)
            data = self._inflate.unconsumed_tail
            if not data and self._inflate.eof and self._inflate.unused_data:
                rest = self._inflate.unused_data
                if self.coding != "gzip" or not rest.startswith(b"\x1f\x8b"):
                    break  # trailing junk after the stream is ignored, as httpx and browsers do
                self._inflate = self._new()  # a further gzip member
                data = rest
        return b"".join(out)

    def flush(self) -> bytes:
        piece = self._inflate.flush()
        self.produced += len(piece)
        if self.produced > self.limit:
            raise _TooLarge
        return piece


class _BodyDecoder:
    """Undoes Content-Encoding layers (gzip, deflate) with every layer's output bounded."""

    def __init__(self, url: str, header: str, max_bytes: int) -> None:
        codings = [c.strip().lower() for c in header.split(",") if c.strip()]
        codings = ["gzip" if c == "x-gzip" else c for c in codings if c != "identity"]
        for coding in codings:
            if coding not in ("gzip", "deflate"):
                raise PermanentFetchError(url, f"unsupported Content-Encoding {coding[:40]!r}")
        if len(codings) > _MAX_CODINGS:
            raise PermanentFetchError(url, f"too many Content-Encoding layers ({len(codings)})")
        # Undo the last-applied coding first. Inner layers output compressed data, which can only
        # be a little larger than the final body, so twice the cap is a safe bound for them.
        order = list(reversed(codings))
        self._layers = [
            _Layer(coding, max_bytes if i == len(order) - 1 else 2 * max_bytes + 1024)
            for i, coding in enumerate(order)
        ]

    def push(self, data: bytes) -> bytes:
        for layer in self._layers:
            data = layer.push(data)
        return data

    def flush(self) -> bytes:
        data = b""
        for layer in self._layers:
            data = layer.push(data) + layer.flush() if data else layer.flush()
        return data


# Per-thread state of the request in flight: pages are fetched from a thread pool sharing one
# client, and httpcore performs each request's socket operations on the calling thread.
_REQUEST = threading.local()


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    deadline: float | None = getattr(_REQUEST, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("total time limit reached")
    return left if timeout is None else min(timeout, left)


class _SocketStream(httpcore.NetworkStream):
    """A connected socket whose every read, write and TLS handshake waits at most until the
    request's deadline."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            self._sock.settimeout(_left(timeout, httpcore.ReadTimeout))
            return self._sock.recv(max_bytes)
        except TimeoutError as exc:
            raise httpcore.ReadTimeout(str(exc) or "timed out") from None
        except OSError as exc:
            raise httpcore.ReadError(str(exc)) from None

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            self._sock.settimeout(_left(timeout, httpcore.WriteTimeout))
            self._sock.sendall(buffer)
        except TimeoutError as exc:
            raise httpcore.WriteTimeout(str(exc) or "timed out") from None
        except OSError as exc:
            raise httpcore.WriteError(str(exc)) from None

    def close(self) -> None:
        self._sock.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        try:
            self._sock.settimeout(_left(timeout, httpcore.ConnectTimeout))
            return _SocketStream(ssl_context.wrap_socket(self._sock, server_hostname=server_hostname))
        except TimeoutError as exc:
            self._sock.close()
            raise httpcore.ConnectTimeout(str(exc) or "timed out") from None
        except OSError as exc:  # ssl.SSLError (a bad certificate) included
            self._sock.close()
            raise httpcore.ConnectError(str(exc)) from None

    def get_extra_info(self, info: str) -> Any:
        if info == "ssl_object":
            # httpcore asks it for `selected_alpn_protocol()`, which an SSLSocket answers too.
            return self._sock if isinstance(self._sock, ssl.SSLSocket) else None
        if info == "client_addr":
            return self._sock.getsockname()
        if info == "server_addr":
            return self._sock.getpeername()
        if info == "socket":
            return self._sock
        if info == "is_readable":
            # Asked before a pooled connection is reused: readable means closed by the server.
            return _readable(self._sock)
        return None


def _readable(sock: socket.socket) -> bool:
    if sock.fileno() < 0:
        return True
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(sock, select.POLLIN)
        return bool(poller.poll(0))
    return bool(select.select([sock], [], [], 0)[0])


class _GuardedBackend(httpcore.NetworkBackend):
    """Connects to the addresses the host guard approved (all of them in turn, Happy Eyeballs),
    within the request's deadline."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        guard: HostGuard | None = getattr(_REQUEST, "guard", None)
        # Checked here, on the addresses actually opened: refused before any packet leaves.
        addresses = guard.connect_addresses(host) if guard is not None else resolve(host)
        if not addresses:
            raise httpcore.ConnectError(f"cannot resolve {host}")
        try:
            sock = dial(
                addresses, port, _left(timeout, httpcore.ConnectTimeout),
                local_address=local_address, socket_options=socket_options or (),
            )
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(str(exc)) from None
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from None
        return _SocketStream(sock)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


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
