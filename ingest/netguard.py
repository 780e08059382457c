"""SSRF guard: article links come from untrusted feeds, so private addresses are refused.

A link is refused when its host is, or resolves to, a loopback, private, link-local (including
169.254.169.254), multicast, reserved or unspecified address, unless the host or one of its
addresses is allowed by `LAYOFFWATCH_ALLOW_PRIVATE_HOSTS` (host names, IPs, CIDRs, or `*`).
Each redirect hop is checked again by `ingest.http.fetch`.

Limit: the name is resolved here and again by the HTTP client; a DNS server that answers
differently within milliseconds (rebinding) could slip through. Closing that needs pinning the
connection to the checked address, left for when we meet it.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from functools import lru_cache
from urllib.parse import urlsplit

from ingest.errors import PermanentFetchError

Resolver = Callable[[str], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _resolve(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return []
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: IPAddress) -> bool:
    """Return True when an address is globally routable (not private, loopback, reserved...)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


class HostGuard:
    """Refuses URLs whose host is or resolves to a non-public address unless allowed."""

    def __init__(self, allow: Sequence[str] = (), resolver: Resolver = _resolve) -> None:
        self.allow_all = "*" in allow
        self.allowed_hosts = {item.lower() for item in allow if item != "*" and not _is_network(item)}
        self.allowed_networks = [ipaddress.ip_network(item, strict=False) for item in allow if _is_network(item)]
        self._resolve = lru_cache(maxsize=4096)(resolver)

    def check(self, url: str) -> None:
        """Return None when `url` may be fetched; raise PermanentFetchError otherwise."""
        if self.allow_all:
            return
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
        if not host:
            raise PermanentFetchError(url, "blocked: link has no host")
        if host in self.allowed_hosts:
            return
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            addresses = [ipaddress.ip_address(a.split("%")[0]) for a in self._resolve(host)]
            if not addresses:
                # Unresolvable names fail in the client with a clear network error.
                return
        for address in addresses:
            if self._allowed(address):
                continue
            if not is_public(address):
                raise PermanentFetchError(url, f"blocked: {host} is a non-public address ({address})")

    def _allowed(self, address: IPAddress) -> bool:
        return str(address) in self.allowed_hosts or any(address in net for net in self.allowed_networks)


def _is_network(item: str) -> bool:
    try:
        ipaddress.ip_network(item, strict=False)
    except ValueError:
        return False
    return True
