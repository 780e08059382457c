"""Every vetted address is tried, IPv6 and IPv4 interleaved (Happy Eyeballs, RFC 8305).

Names are resolved by injected resolvers (never DNS) into loopback addresses where real servers
listen, refuse (a bound port with no listener) or never answer (a listener whose accept queue is
full: Linux drops the SYNs, as a dead IPv6 route does). Each server answers "served by <address>",
so the address that won is read from the page. Everything runs under `loopback_only`.
"""

from __future__ import annotations

import datetime
import socket
import socketserver
import ssl
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpcore
import pytest

from ingest.models.errors import PermanentFetchError, TransientFetchError
from ingest.edges.http import fetch, new_client
from ingest.edges.http.sockets import GuardedBackend
from ingest.edges.netguard import ATTEMPT_DELAY, HostGuard, dial, interleave
from tests.hostile import ConnectLog, loopback_only

# The guard's allow-list semantics: loopback is opened by address, names are still resolved and
# every address they resolve to is checked (the default, an empty list, would refuse loopback).
LOOPBACK = ["127.0.0.0/8", "::1"]


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


pytestmark = [
    pytest.mark.usefixtures(loopback_only.__name__),
    pytest.mark.skipif(sys.platform != "linux", reason="a full accept queue drops SYNs on Linux"),
    pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback on this machine"),
]


class Site(socketserver.ThreadingTCPServer):
    """A server on one loopback address answering "served by <address>", or a 302 for `redirects`."""

    daemon_threads = True

    def __init__(self, host: str, port: int = 0, redirects: dict[str, str] | None = None,
                 tls: ssl.SSLContext | None = None) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.host = host
        self.redirects = redirects or {}
        self.tls = tls
        self.served: list[str] = []
        super().__init__((host, port), _Answer)
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def port(self) -> int:
        """Return the port the server listens on."""
        return int(self.server_address[1])

    def __enter__(self) -> Site:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(5)


class _Answer(socketserver.BaseRequestHandler):
    server: Site

    def handle(self) -> None:
        try:
            sock = self.server.tls.wrap_socket(self.request, server_side=True) if self.server.tls else self.request
        except OSError:  # a client that refused our certificate
            return
        with sock:  # the TLS socket is a new object: socketserver closes only the plain one
            self._answer(sock)

    def _answer(self, sock: socket.socket) -> None:
        try:
            sock.settimeout(5)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = sock.recv(4096)
                if not chunk:
                    return
                data += chunk
            path = data.split(b" ")[1].decode()
            self.server.served.append(path)
            location = self.server.redirects.get(path)
            body = b"" if location else f"served by {self.server.host}".encode()
            status = f"302 Found\r\nLocation: {location}" if location else "200 OK\r\nContent-Type: text/plain"
            sock.sendall(f"HTTP/1.1 {status}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
        except OSError:  # a client that went away
            return


@contextmanager
def closed(host: str, port: int) -> Iterator[None]:
    """(host, port) bound with no listener: a connection there is refused at once."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, port))
        yield


@contextmanager
def silent(host: str, port: int) -> Iterator[None]:
    """(host, port) listening with a full accept queue: a connection there never answers."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as listener:
        listener.bind((host, port))
        listener.listen(0)
        # Fills the one slot of the queue and is never accepted: later SYNs are dropped.
        with socket.create_connection((host, port), timeout=2):
            yield


def syn_sent(port: int) -> int:
    """Return how many IPv6 sockets on this machine are still connecting (SYN_SENT) to `port`."""
    rows = [line.split() for line in Path("/proc/net/tcp6").read_text().splitlines()[1:]]
    return sum(1 for row in rows if row[3] == "02" and row[2].endswith(f":{port:04X}"))


def resolver_of(names: dict[str, list[str]], asked: list[str] | None = None) -> Callable[[str], list[str]]:
    """Return a resolver answering from `names` (in the order given), noting each name asked."""

    def resolve(host: str) -> list[str]:
        if asked is not None:
            asked.append(host)
        return names.get(host, [])

    return resolve


@pytest.fixture
def dialled(loopback_only: ConnectLog, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every (address, port) a socket of this process tried to connect to during the test.

    Filtered by the test server's port, since other threads of the session (the Prefect test
    server's health checks) connect to 127.0.0.1 too.
    """
    seen: list[tuple[str, int]] = []
    inner = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        if isinstance(address, tuple):
            seen.append((str(address[0]), int(address[1])))
        inner(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


def get(url: str, guard: HostGuard | None, timeout: float = 5) -> str:
    """Return the text of `url` fetched through a fresh client (no pooled connection reused)."""
    with new_client("test", timeout) as client:
        return fetch(client, url, max_bytes=100_000, timeout=timeout, guard=guard).content.decode()


# --- order ------------------------------------------------------------------------------------

def test_interleave_keeps_resolver_order_and_alternates_families_from_the_first() -> None:
    aws = ["2600:1f18::1", "2600:1f18::2", "52.94.0.1", "52.94.0.2", "2600:1f18::3"]
    assert interleave(aws) == ["2600:1f18::1", "52.94.0.1", "2600:1f18::2", "52.94.0.2", "2600:1f18::3"]
    assert interleave(["52.94.0.2", "2600:1f18::1", "52.94.0.1", "52.94.0.2"]) == ["52.94.0.2", "2600:1f18::1", "52.94.0.1"]
    assert interleave(["9.9.9.9", "1.1.1.1"]) == ["9.9.9.9", "1.1.1.1"]  # never sorted
    assert interleave([]) == []


@pytest.mark.parametrize(("answer", "refusing", "winner"), [
    # 127.0.0.2 refuses, then the other family comes second: ::1 serves, not the IPv4 after it.
    (["127.0.0.2", "127.0.0.3", "::1", "127.0.0.4"], ["127.0.0.2"], "::1"),
    (["::1", "127.0.0.3"], [], "::1"),  # the first family first
    (["127.0.0.3", "::1"], [], "127.0.0.3"),
    (["127.0.0.4", "127.0.0.3"], [], "127.0.0.4"),  # resolver order, not sorted order
])
def test_the_address_that_serves_follows_happy_eyeballs_order(answer: list[str], refusing: list[str], winner: str) -> None:
    with ExitStack() as stack:
        first = stack.enter_context(Site("127.0.0.3"))
        port = first.port
        for host in {"::1", "127.0.0.4"} - {first.host}:
            stack.enter_context(Site(host, port))
        for host in refusing:
            stack.enter_context(closed(host, port))
        guard = HostGuard(LOOPBACK, resolver=resolver_of({"dual.test": answer}))
        assert get(f"http://dual.test:{port}/page", guard) == f"served by {winner}"


# --- unreachable addresses --------------------------------------------------------------------

def test_ipv6_that_never_answers_falls_back_to_ipv4_and_is_closed(dialled: list[tuple[str, int]]) -> None:
    asked: list[str] = []
    guard = HostGuard(LOOPBACK, resolver=resolver_of({"aws.test": ["::1", "127.0.0.1"]}, asked))
    with Site("127.0.0.1") as site, silent("::1", site.port):
        before = len(dialled)
        started = time.monotonic()
        assert get(f"http://aws.test:{site.port}/page", guard) == "served by 127.0.0.1"
        elapsed = time.monotonic() - started
        assert [host for host, port in dialled[before:] if port == site.port] == ["::1", "127.0.0.1"]  # IPv6 first
        assert syn_sent(site.port) == 0  # the losing IPv6 attempt was closed, not left hanging
    assert site.served == ["/page"]
    # IPv4 was dialled one attempt delay later: long before the 5 s connect timeout ran out.
    assert ATTEMPT_DELAY * 0.9 <= elapsed < 3
    assert asked == ["aws.test"]  # checked and dialled on one answer: no second lookup


def test_a_refused_attempt_starts_the_next_at_once() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        with closed("::1", port):
            started = time.monotonic()
            # A 5 s delay between attempts: only the refusal can start the IPv4 attempt early.
            with dial(["::1", "127.0.0.1"], port, timeout=3, attempt_delay=5.0) as sock:
                assert sock.getpeername()[0] == "127.0.0.1"
            assert time.monotonic() - started < 2


def test_redirect_to_a_name_with_a_refusing_ipv6_is_fetched_over_ipv4() -> None:
    with Site("127.0.0.1") as site:
        site.redirects["/start"] = f"http://dual.test:{site.port}/page"
        names = {"start.test": ["127.0.0.1"], "dual.test": ["::1", "127.0.0.1"]}
        with closed("::1", site.port):
            assert get(f"http://start.test:{site.port}/start", HostGuard(LOOPBACK, resolver=resolver_of(names))) == "served by 127.0.0.1"
    assert site.served == ["/start", "/page"]


def test_every_address_refusing_is_a_network_error_naming_each() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.2", 0))  # a port bound with no listener: refused
        port = taken.getsockname()[1]
        with closed("::1", port):
            guard = HostGuard(LOOPBACK, resolver=resolver_of({"down.test": ["::1", "127.0.0.2"]}))
            with pytest.raises(TransientFetchError, match=r"network error: ConnectError: ::1: .*refused; 127\.0\.0\.2: .*refused"):
                get(f"http://down.test:{port}/page", guard)


def test_no_answer_within_the_timeout_is_a_timeout_and_leaves_no_attempt_open() -> None:
    with socket.socket(socket.AF_INET6) as taken:
        taken.bind(("::1", 0))
        port = taken.getsockname()[1]
    with silent("::1", port):
        started = time.monotonic()
        with pytest.raises(TransientFetchError, match="timed out"):
            get(f"http://[::1]:{port}/page", HostGuard(LOOPBACK), timeout=1)
        assert time.monotonic() - started < 2
        assert syn_sent(port) == 0


def test_unguarded_fetch_tries_every_address_of_the_system_resolver() -> None:
    # `localhost` may resolve to ::1 first; only 127.0.0.1 serves, on a port ::1 refuses.
    with Site("127.0.0.1") as site, closed("::1", site.port):
        assert get(f"http://localhost:{site.port}/page", guard=None) == "served by 127.0.0.1"


# --- the guard still refuses ------------------------------------------------------------------

@pytest.mark.parametrize(("allow", "answer"), [
    (LOOPBACK, ["::1", "127.0.0.1", "10.0.0.1"]),
    (LOOPBACK, ["127.0.0.1", "fd00::1"]),
    ([], ["2606:4700::1111", "93.184.216.34", "169.254.169.254"]),
])
def test_one_private_address_among_others_refuses_before_any_connection(
    allow: list[str], answer: list[str], dialled: list[tuple[str, int]]
) -> None:
    with Site("127.0.0.1") as site:
        guard = HostGuard(allow, resolver=resolver_of({"mixed.test": answer}))
        with pytest.raises(PermanentFetchError, match=r"blocked: mixed.test is a non-public address"):
            get(f"http://mixed.test:{site.port}/page", guard)
    assert site.served == []
    assert [host for host, port in dialled if port == site.port] == []


def test_redirect_to_a_name_with_one_private_address_is_refused(dialled: list[tuple[str, int]]) -> None:
    with Site("127.0.0.1") as site:
        site.redirects["/start"] = f"http://mixed.test:{site.port}/page"
        names = {"start.test": ["127.0.0.1"], "mixed.test": ["::1", "127.0.0.1", "169.254.169.254"]}
        with pytest.raises(PermanentFetchError, match=r"non-public address \(169\.254\.169\.254\)"):
            get(f"http://start.test:{site.port}/start", HostGuard(LOOPBACK, resolver=resolver_of(names)))
    assert site.served == ["/start"]
    assert [host for host, port in dialled if port == site.port] == ["127.0.0.1"]  # the first hop only


# --- TLS over the dialled socket ------------------------------------------------------------

def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """Write a certificate and key for `localhost`; return their paths."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_path, key_path


def test_tls_runs_over_the_dialled_socket_and_verifies_the_certificate(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    with Site("127.0.0.1", tls=server_tls) as site, closed("::1", site.port):
        url = f"https://localhost:{site.port}/page"
        # Our clients trust the system store only: a self-signed certificate is refused.
        with pytest.raises(TransientFetchError, match="CERTIFICATE_VERIFY_FAILED"):
            get(url, HostGuard(["localhost"]))
        trusting = ssl.create_default_context(cafile=str(cert))
        with httpcore.ConnectionPool(ssl_context=trusting, network_backend=GuardedBackend()) as pool:
            assert pool.request("GET", url).content == b"served by 127.0.0.1"
    assert site.served == ["/page"]
