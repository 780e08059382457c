"""SSRF guard: article links come from untrusted feeds, so private addresses are refused.

A link is refused when its host is, or resolves to, a loopback, private, link-local (including
169.254.169.254), CGNAT, multicast, reserved or unspecified address (also when such an IPv4
address hides inside an IPv6 one: mapped, compatible, 6to4, NAT64), unless the host or one of its
addresses is allowed by `LAYOFFWATCH_ALLOW_PRIVATE_HOSTS` (host names, IPs, CIDRs, or `*`).
Each redirect hop is checked again by `ingest.http.fetch`.

DNS rebinding (the name resolves to a public address for the check and to a private one for the
connection) is closed by `ingest.http`'s network backend: it asks `connect_address` which address
to open, so the address checked is the address connected to.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from functools import lru_cache
from urllib.parse import urlsplit

from ingest.errors import PermanentFetchError, TransientFetchError

Resolver = Callable[[str], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Python's `is_global` (3.11) still calls these global; none of them is a place a news link may
# send us: IETF protocol assignments (192.0.0.0/24) and deprecated IPv6 site-local (fec0::/10).
_ALSO_BLOCKED = [ipaddress.ip_network("192.0.0.0/24"), ipaddress.ip_network("fec0::/10")]
# IPv6 prefixes that carry an IPv4 address in their last 32 bits (IPv4-compatible, NAT64):
# `64:ff9b::a9fe:a9fe` reaches 169.254.169.254 through a NAT64 gateway.
_EMBEDS_IPV4 = [ipaddress.ip_network("::/96"), ipaddress.ip_network("64:ff9b::/96")]


def _resolve(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError):
        return []
    return sorted({str(info[4][0]) for info in infos})


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

    def __init__(self, allow: Sequence[str] = (), resolver: Resolver = _resolve) -> None:
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
            # Unresolvable names fail at connect time (`connect_address`) with a network error.
            return
        self._refuse_private(url, host, addresses)

    def connect_address(self, host: str) -> str:
        """Return the address to open for `host` (checked now, so DNS cannot change it after).

        Raises PermanentFetchError when the host is not allowed, TransientFetchError when it does
        not resolve.
        """
        host = host.lower().rstrip(".")
        if self.allow_all or host in self.allowed_hosts:
            return host
        addresses = self._addresses(host)
        if not addresses:
            raise TransientFetchError(host, f"network error: cannot resolve {host}")
        self._refuse_private(host, host, addresses)
        return str(addresses[0])

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
