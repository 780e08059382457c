"""SSRF guard: article links come from untrusted feeds, so private addresses are refused.

A link is refused when its host is, or resolves to, a loopback, private, link-local (including
169.254.169.254), CGNAT, multicast, reserved or unspecified address (also when such an IPv4
address hides inside an IPv6 one: mapped, compatible, 6to4, NAT64), unless the host or one of its
addresses is allowed by `LAYOFFWATCH_ALLOW_PRIVATE_HOSTS` (host names, IPs, CIDRs, or `*`).
Each redirect hop is checked again by `ingest.edges.http.fetch`.

DNS rebinding (the name resolves to a public address for the check and to a private one for the
connection) is closed by `ingest.edges.http`'s network backend: it asks `connect_addresses` which
addresses to open (every one of them vetted, from the same resolver answer as the check) and
`dial` connects to those and nothing else.

`dial` tries every address, IPv6 and IPv4 interleaved Happy-Eyeballs style (RFC 8305), so a site
whose IPv6 address does not answer is still reached over IPv4 a quarter-second later.
"""

from __future__ import annotations

import ipaddress
import itertools
import os
import selectors
import socket
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ingest.models.errors import PermanentFetchError, TransientFetchError

Resolver = Callable[[str], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Python's `is_global` (3.11) still calls these global; none of them is a place a news link may
# send us: IETF protocol assignments (192.0.0.0/24) and deprecated IPv6 site-local (fec0::/10).
_ALSO_BLOCKED = [ipaddress.ip_network("192.0.0.0/24"), ipaddress.ip_network("fec0::/10")]
# IPv6 prefixes that carry an IPv4 address in their last 32 bits (IPv4-compatible, NAT64):
# `64:ff9b::a9fe:a9fe` reaches 169.254.169.254 through a NAT64 gateway.
_EMBEDS_IPV4 = [ipaddress.ip_network("::/96"), ipaddress.ip_network("64:ff9b::/96")]


# RFC 8305 section 5 "Connection Attempt Delay": the recommended 250 ms between two attempts.
ATTEMPT_DELAY = 0.25
# poll(2) where there is one: a race watches a few sockets once, and epoll's own descriptor would
# cost two more system calls per connection.
_Selector: type[selectors.BaseSelector] = getattr(selectors, "PollSelector", selectors.DefaultSelector)


def resolve(host: str) -> list[str]:
    """Return the system resolver's addresses for `host`, in its order (RFC 6724), without repeats."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError):
        return []
    # The order is the resolver's preference: sorting it (as text) would put 2600:... before 52....
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: IPAddress) -> bool:
    """Return True when an address is globally routable (not private, loopback, reserved...)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public(embedded)
    if any(address in net for net in _ALSO_BLOCKED if net.version == address.version):
        return False
    return address.is_global and not address.is_multicast


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """Return the IPv4 address an IPv6 address stands for (mapped, compatible, 6to4, NAT64)."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if int(address) > 1 and any(address in net for net in _EMBEDS_IPV4):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _parse_ip(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.strip("[]").split("%")[0])
    except ValueError:
        return None


class HostGuard:
    """Refuses URLs whose host is or resolves to a non-public address unless allowed."""

    def __init__(self, allow: Sequence[str] = (), resolver: Resolver = resolve) -> None:
        self._allow = tuple(allow)
        self._resolver = resolver
        self.allow_all = "*" in allow
        self.allowed_hosts = {item.lower().rstrip(".") for item in allow if item != "*" and not _is_network(item)}
        self.allowed_networks = [ipaddress.ip_network(item, strict=False) for item in allow if _is_network(item)]
        self._resolve = lru_cache(maxsize=4096)(resolver)

    def trusting(self, url: str) -> HostGuard:
        """Return a guard that also lets the host of `url` through (a configured feed's own host).

        A configured feed URL is trusted, but where it redirects is chosen by the remote server:
        a feed fetched with `HostGuard(allow).trusting(feed.url)` cannot be bounced to
        169.254.169.254 or an intranet host.
        """
        try:
            host = (urlsplit(url).hostname or "").lower().rstrip(".")
        except ValueError:
            return self
        return HostGuard([*self._allow, host] if host else self._allow, self._resolver)

    def check(self, url: str) -> None:
        """Return None when `url` may be fetched; raise PermanentFetchError otherwise."""
        if self.allow_all:
            return
        try:
            host = (urlsplit(url).hostname or "").lower().rstrip(".")
        except ValueError:  # e.g. "http://[::1" — a malformed link is refused, never a crash
            raise PermanentFetchError(url, "blocked: malformed host in link") from None
        if not host:
            raise PermanentFetchError(url, "blocked: link has no host")
        if host in self.allowed_hosts:
            return
        addresses = self._addresses(host)
        if not addresses:
            # Unresolvable names fail at connect time (`connect_addresses`) with a network error.
            return
        self._refuse_private(url, host, addresses)

    def connect_addresses(self, host: str) -> list[str]:
        """Return every address that may be opened for `host`, in resolver order.

        All of them are checked now, from the one answer `check` saw (cached), so DNS cannot
        change them between check and connect. Raises PermanentFetchError when any of them is
        not allowed, TransientFetchError when the host does not resolve.
        """
        host = host.lower().rstrip(".")
        addresses = self._addresses(host)
        if not addresses:
            raise TransientFetchError(host, f"network error: cannot resolve {host}")
        if not (self.allow_all or host in self.allowed_hosts):
            self._refuse_private(host, host, addresses)
        return [str(address) for address in addresses]

    def _addresses(self, host: str) -> list[IPAddress]:
        literal = _parse_ip(host)
        if literal is not None:
            return [literal]
        found = (_parse_ip(a) for a in self._resolve(host))
        return [a for a in found if a is not None]

    def _refuse_private(self, url: str, host: str, addresses: list[IPAddress]) -> None:
        for address in addresses:
            if self._allowed(address):
                continue
            if not is_public(address):
                raise PermanentFetchError(url, f"blocked: {host} is a non-public address ({address})")

    def _allowed(self, address: IPAddress) -> bool:
        return str(address) in self.allowed_hosts or any(
            address.version == net.version and address in net for net in self.allowed_networks
        )


def _is_network(item: str) -> bool:
    try:
        ipaddress.ip_network(item, strict=False)
    except ValueError:
        return False
    return True


def interleave(addresses: Sequence[str]) -> list[str]:
    """Return `addresses` in Happy Eyeballs order: resolver order kept within each family, the
    families alternating, starting with the family of the first address (RFC 8305 section 4)."""
    unique = list(dict.fromkeys(addresses))
    if not unique:
        return []
    first = _family(unique[0])
    same = [a for a in unique if _family(a) == first]
    other = [a for a in unique if _family(a) != first]
    return [a for pair in itertools.zip_longest(same, other) for a in pair if a is not None]


def dial(
    addresses: Sequence[str],
    port: int,
    timeout: float | None,
    *,
    local_address: str | None = None,
    socket_options: Iterable[Any] = (),
    attempt_delay: float = ATTEMPT_DELAY,
) -> socket.socket:
    """Return a (blocking) socket connected to the first of `addresses` that answers.

    Happy Eyeballs (RFC 8305): attempts start `attempt_delay` apart in `interleave` order, the
    next one at once when an attempt fails; the first connection established wins and every other
    attempt is closed. Only `addresses` are dialled (IP literals: nothing is resolved here).
    Raises TimeoutError when none connected within `timeout` seconds, OSError when all failed.
    """
    queue = deque(interleave(addresses))
    if not queue:
        raise OSError("no address to connect to")
    deadline = None if timeout is None else time.monotonic() + timeout
    options = (local_address, tuple(socket_options))
    with _Selector() as selector:
        try:
            sock = _race(selector, queue, port, deadline, attempt_delay, options)
        finally:
            for key in list(selector.get_map().values()):
                key.data[0].close()  # the losers, and every attempt when none won
    sock.setblocking(True)
    return sock


def _race(
    selector: selectors.BaseSelector,
    queue: deque[str],
    port: int,
    deadline: float | None,
    attempt_delay: float,
    options: tuple[str | None, tuple[Any, ...]],
) -> socket.socket:
    """Return the first socket to connect; attempts in flight are left registered in `selector`."""
    errors: list[str] = []
    next_start = time.monotonic()
    while queue or selector.get_map():
        now = time.monotonic()
        if deadline is not None and now >= deadline:
            raise TimeoutError("timed out" + (f" ({'; '.join(errors)})" if errors else ""))
        if queue and (now >= next_start or not selector.get_map()):
            address = queue.popleft()
            try:
                sock, connected = _attempt(address, port, *options)
            except OSError as exc:
                errors.append(f"{address}: {exc}")
                continue  # a failed attempt starts the next one at once
            if connected:
                return sock
            selector.register(sock, selectors.EVENT_WRITE, (sock, address))
            next_start = now + attempt_delay
            continue
        waits = [t - now for t in (deadline, next_start if queue else None) if t is not None]
        for key, _events in selector.select(max(0.0, min(waits)) if waits else None):
            sock, address = key.data
            selector.unregister(sock)
            error = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if error == 0:
                return sock
            sock.close()
            errors.append(f"{address}: {OSError(error, os.strerror(error))}")
            next_start = time.monotonic()
    raise OSError("; ".join(errors))


def _attempt(
    address: str, port: int, local_address: str | None, socket_options: tuple[Any, ...]
) -> tuple[socket.socket, bool]:
    """Return a socket connecting to `address` without waiting, and whether it is connected already."""
    sock = socket.socket(_family(address), socket.SOCK_STREAM)
    try:
        for option in socket_options:
            sock.setsockopt(*option)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if local_address is not None:
            sock.bind((local_address, 0))
        sock.setblocking(False)
        try:
            # `connect`, not `connect_ex`: the tests' loopback-only net watches `socket.connect`.
            sock.connect((address, port))
        except BlockingIOError:
            return sock, False
        return sock, True
    except BaseException:
        sock.close()
        raise


def _family(address: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in address else socket.AF_INET
