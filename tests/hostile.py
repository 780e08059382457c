"""Hostile payloads and a raw socket server for the tests that feed layoffwatch bad bytes.

pytest-httpserver (werkzeug) cannot drip header bytes, lie about lengths or stream a never-ending
bomb, so `RawServer` answers from plain sockets. Every builder says what it stands for.
`loopback_only` makes a test fail if anything tries to connect beyond 127.0.0.1/::1: the SSRF
guard must refuse before connecting, and this machine must not send traffic elsewhere.
"""

from __future__ import annotations

import ipaddress
import socket
import socketserver
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

XXE_MARKER = "root:x:0:0"  # the first line of /etc/passwd: must never be stored


# --- feed documents --------------------------------------------------------------------------

def billion_laughs() -> bytes:
    """An RSS feed whose title expands to 10^9 "lol"s through nested entity declarations."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(levels) + "\n]>\n"
        '<rss version="2.0"><channel><title>Laughs</title>'
        "<item><title>&lol9;</title><link>http://example.org/lol</link></item></channel></rss>"
    ).encode()


def xxe_file() -> bytes:
    """An RSS feed whose item title and summary pull in /etc/passwd as an external entity."""
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b'<rss version="2.0"><channel><title>XXE</title>'
        b"<item><title>Leak &xxe;</title><description>&xxe;</description>"
        b"<link>http://example.org/xxe</link></item></channel></rss>"
    )


def xxe_dtd(dtd_url: str) -> bytes:
    """An RSS feed that asks the parser to fetch an external DTD (parameter entity)."""
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % remote SYSTEM "{dtd_url}"> %remote;]>\n'
        '<rss version="2.0"><channel><title>DTD</title>'
        "<item><title>Remote DTD</title><link>http://example.org/dtd</link></item></channel></rss>"
    ).encode()


def many_items(count: int, link: Callable[[int], str]) -> bytes:
    """An RSS feed of `count` items, newest first, one minute apart, from 30 Jan 2026 12:00."""
    stamp = 1769774400  # 2026-01-30 12:00:00 UTC
    items = "".join(
        f"<item><guid>big-{i}</guid><title>Item {i}</title><link>{link(i)}</link>"
        f"<pubDate>{time.strftime('%a, %d %b %Y %H:%M:%S GMT', time.gmtime(stamp - 60 * i))}</pubDate></item>"
        for i in range(count)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'.encode()


def script_wall(size: int, article: str) -> bytes:
    """An HTML page: `article` as its text, buried among `size` bytes of inline <script>."""
    block = b"<script>var x = '" + b"a" * 4000 + b"';</script>"
    return (
        b"<!DOCTYPE html><html lang='en'><head><title>Wall</title></head><body>"
        + block * (size // len(block) + 1)
        + f"<article><h1>Wall of script</h1><p>{article}</p></article></body></html>".encode()
    )


def unclosed_scripts(size: int) -> bytes:
    """An HTML page of `<script>a` repeated with no closing tag (quadratic for a lazy regex)."""
    return b"<!DOCTYPE html><html><body>" + b"<script>a" * (size // 9)


# --- compression bombs -----------------------------------------------------------------------

def bomb_stream(coding: str, block_mb: int = 1) -> tuple[bytes, bytes]:
    """Return (header, block) of an endless gzip/deflate stream: each block inflates to 1 MB of zeros.

    After a full flush the compressor forgets its history, so the compressed block for the next
    megabyte of zeros is byte-identical: the server repeats it instead of compressing gigabytes.
    """
    wbits = {"gzip": 31, "deflate": 15}[coding]
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    first = compressor.compress(b"\0" * (block_mb << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(b"\0" * (block_mb << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    header = first[: len(first) - len(block)]
    assert first[len(header):] == block, "compressor output is not periodic"
    return header, block


# --- raw socket server -----------------------------------------------------------------------

Handler = Callable[["RawConnection"], None]


@dataclass
class RawConnection:
    """One accepted request: its path and the socket to answer on; counts what was sent."""

    path: str
    sock: socket.socket
    stop: threading.Event
    sent: int = 0

    def send(self, data: bytes) -> bool:
        """Send bytes; return False once the client is gone or the server is stopping."""
        if self.stop.is_set():
            return False
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        self.sent += len(data)
        return True

    def head(self, status: str = "200 OK", **headers: str) -> bool:
        """Send a status line and headers (underscores in names become dashes)."""
        lines = [f"HTTP/1.1 {status}"] + [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
        return self.send(("\r\n".join(lines) + "\r\n\r\n").encode())


@dataclass
class RawServer:
    """A threaded socket server on a loopback address dispatching request paths to handlers."""

    routes: dict[str, Handler] = field(default_factory=dict)
    host: str = "127.0.0.1"
    requests: list[str] = field(default_factory=list)
    sent: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        outer = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer._threads.append(threading.current_thread())
                self.request.settimeout(5)
                data = b""
                try:
                    while b"\r\n\r\n" not in data and len(data) < 65536:
                        chunk = self.request.recv(4096)
                        if not chunk:
                            return
                        data += chunk
                except OSError:
                    return
                path = data.split(b" ", 2)[1].decode("latin-1") if data.count(b" ") >= 2 else "/"
                outer.requests.append(path)
                conn = RawConnection(path=path, sock=self.request, stop=outer._stop)
                handler = outer.routes.get(path.split("?")[0])
                try:
                    if handler is None:
                        conn.head("404 Not Found", Content_Length="0", Connection="close")
                    else:
                        handler(conn)
                finally:
                    outer.sent[path] = outer.sent.get(path, 0) + conn.sent

        class _Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = _Server((self.host, 0), _Handler)
        self._serving = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        """Return the absolute URL of `path` on this server."""
        return f"http://{self.host}:{self.port}{path}"

    @property
    def port(self) -> int:
        """Return the port the server listens on."""
        return int(self._server.server_address[1])

    def __enter__(self) -> RawServer:
        self._serving.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._serving.join(5)
        for thread in list(self._threads):
            thread.join(5)


# --- raw handlers ----------------------------------------------------------------------------

def serve_bomb(coding: str) -> Handler:
    """A feed answered with an endless gzip/deflate bomb (no Content-Length)."""
    header, block = bomb_stream(coding)

    def handler(conn: RawConnection) -> None:
        if not conn.head(Content_Type="application/rss+xml", Content_Encoding=coding, Connection="close"):
            return
        if not conn.send(header):
            return
        for _ in range(100_000):  # 100 GB once inflated; the client must stop long before
            if not conn.send(block):
                return

    return handler


def serve_endless(total: int = 500_000_000, declare: bool = False) -> Handler:
    """A response of `total` bytes of feed-looking filler, streamed in 64 KB writes."""
    chunk = b"<!-- filler -->" * 4369

    def handler(conn: RawConnection) -> None:
        headers = {"Content_Type": "application/rss+xml", "Connection": "close"}
        if declare:
            headers["Content_Length"] = str(total)
        if not conn.head(**headers) or not conn.send(b'<?xml version="1.0"?><rss version="2.0"><channel>'):
            return
        while conn.sent < total:
            if not conn.send(chunk):
                return

    return handler


def serve_drip(where: str, interval: float = 0.2, limit: float = 20.0) -> Handler:
    """A server that sends one byte every `interval` seconds, in the headers or in the body."""

    def handler(conn: RawConnection) -> None:
        started = time.monotonic()
        if where == "body":
            if not conn.head(Content_Type="application/rss+xml", Content_Length="100000"):
                return
        elif not conn.send(b"HTTP/1.1 200 OK\r\nX-Slow: "):
            return
        while time.monotonic() - started < limit:
            if not conn.send(b"a"):
                return
            time.sleep(interval)

    return handler


# --- network safety net ----------------------------------------------------------------------

@dataclass
class ConnectLog:
    """Every address a socket tried to connect to during a test."""

    attempts: list[str] = field(default_factory=list)


@contextmanager
def only_loopback() -> Iterator[ConnectLog]:
    """Within the block, refuse (and fail on) any socket connection to a non-loopback address."""
    log = ConnectLog()
    original = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        if isinstance(address, tuple):
            host = str(address[0])
            log.attempts.append(host)
            if not _is_loopback(host):
                raise AssertionError(f"test tried to connect to non-loopback {host}")
        original(self, address)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        yield log
    outside = [a for a in log.attempts if not _is_loopback(a)]
    assert not outside, f"connections attempted beyond loopback: {outside}"


@pytest.fixture
def loopback_only() -> Iterator[ConnectLog]:
    """The test fails if anything connects beyond 127.0.0.1/::1 (see `only_loopback`)."""
    with only_loopback() as log:
        yield log


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False
