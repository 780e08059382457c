"""The connection pool under our HTTP client: httpcore's, over the guarded sockets, read through httpx.

`httpx.HTTPTransport` takes no network backend; httpcore's `ConnectionPool(network_backend=...)` is
the public way in, so we build the pool and wrap it as an httpx transport ourselves. httpcore's
errors pass through unchanged: `outcomes.error_for` maps httpx's and httpcore's alike.
"""

from __future__ import annotations

import functools
import ssl
from collections.abc import Iterator

import httpcore
import httpx

from ingest.edges.http.sockets import GuardedBackend


def guarded_transport() -> httpx.BaseTransport:
    """Return a pooled transport that connects only through `GuardedBackend`."""
    pool = httpcore.ConnectionPool(
        ssl_context=tls_context(),
        max_connections=64,
        max_keepalive_connections=32,
        keepalive_expiry=5.0,
        network_backend=GuardedBackend(),
    )
    return PoolTransport(pool)


class PoolTransport(httpx.BaseTransport):
    """An httpx transport over an httpcore pool we build ourselves."""

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
    """An httpcore response body read as an httpx stream."""

    def __init__(self, response: httpcore.Response) -> None:
        self._response = response

    def __iter__(self) -> Iterator[bytes]:
        yield from self._response.iter_stream()

    def close(self) -> None:
        self._response.close()


@functools.cache
def tls_context() -> ssl.SSLContext:
    """Return the certificate store, loaded once per process.

    A load is costly and clients (one per host for pages) share it; an SSLContext is safe to use
    from several threads.
    """
    return httpx.create_ssl_context()
