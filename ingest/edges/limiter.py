"""The one rate limiter: per host, at most N requests at once, their starts spaced apart.

It never sleeps. `start_in(host)` answers when a request to a host may start, so a dispatcher
fetches other hosts' pages meanwhile (`pages.iter_pages`); `reserve(host)` books the next start
and says how long until it, so a sequential caller (`requester.Requester`) sleeps exactly that long
on its own thread. `release(host)` ends a booked request.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit


class HostLimiter:
    """Per host: at most `per_host` requests in flight (0: no cap), starts `interval` seconds apart."""

    def __init__(self, interval: float, per_host: int = 0, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = max(0.0, interval)
        self.per_host = per_host
        self._clock = clock
        self._lock = threading.Lock()
        self._in_flight: dict[str, int] = {}
        self._next_start: dict[str, float] = {}

    def start_in(self, host: str) -> float:
        """Return the seconds until a request to `host` may start: 0.0 now, inf until one in flight ends."""
        with self._lock:
            if self.per_host and self._in_flight.get(host, 0) >= self.per_host:
                return math.inf
            return max(0.0, self._next_start.get(host, 0.0) - self._clock())

    def reserve(self, host: str) -> float:
        """Book the next start for `host` and return the seconds until it (the caller waits them)."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self.interval
            self._in_flight[host] = self._in_flight.get(host, 0) + 1
            return start - now

    def release(self, host: str) -> None:
        """Record that a booked request to `host` has ended."""
        with self._lock:
            left = self._in_flight.get(host, 0) - 1
            if left > 0:
                self._in_flight[host] = left
            else:
                self._in_flight.pop(host, None)


def host_of(url: str) -> str:
    """Return the host a URL counts against ("" when it has none or is malformed)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # "http://[::1" would otherwise raise outside the per-item error handling
        return ""
