"""The sockets under our HTTP client: guarded connects and streams bound by the request's deadline.

`GuardedBackend` is installed through httpcore's public `network_backend` parameter. It opens only
the addresses the host guard approved (no DNS rebinding between check and connect), every one of
them in turn, IPv6 and IPv4 interleaved (Happy Eyeballs, `netguard.dial`), and every read, write
and TLS handshake of its `SocketStream`s waits at most until the request's deadline: a server
dripping its *headers* otherwise defeats any check made between body chunks.
"""

from __future__ import annotations

import select
import socket
import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore

from ingest.edges.netguard import HostGuard, dial, resolve

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


class SocketStream(httpcore.NetworkStream):
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
            return SocketStream(ssl_context.wrap_socket(self._sock, server_hostname=server_hostname))
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


class GuardedBackend(httpcore.NetworkBackend):
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
        return SocketStream(sock)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@contextmanager
def request_scope(deadline: float, guard: HostGuard | None) -> Iterator[None]:
    """Bind the deadline and guard of the request made on this thread for the `with` block."""
    _REQUEST.deadline = deadline
    _REQUEST.guard = guard
    try:
        yield
    finally:
        _REQUEST.deadline = None
        _REQUEST.guard = None
