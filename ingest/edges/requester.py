"""Polite requests for the backfill sources: a minimum interval between starts, retries, the host guard."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ingest.edges.http import HttpClient, HttpResponse, fetch_with_retries
from ingest.edges.netguard import HostGuard


class RateLimiter:
    """Keeps at least `min_interval` seconds between the starts of two requests (thread-safe)."""

    def __init__(
        self,
        min_interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_interval = max(0.0, min_interval)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next: float | None = None

    def wait(self) -> float:
        """Block until the next request may start; return the seconds waited."""
        with self._lock:
            now = self._clock()
            start = now if self._next is None else max(now, self._next)
            self._next = start + self.min_interval
        waited = start - now
        if waited > 0:
            self._sleep(waited)
        return waited


class Requester:
    """GETs for one source: rate-limited, retried on 5xx/429 (honouring Retry-After), size-capped,
    every hop vetted by `guard`.

    The endpoints are settings, so where a source redirects is chosen by whoever answers there: the
    guard is the feeds' one, `HostGuard(allow).trusting(endpoint)`, which lets the configured host
    through and refuses a redirect to a private address (169.254.169.254, an intranet host).
    """

    def __init__(
        self,
        client: HttpClient,
        *,
        guard: HostGuard,
        min_interval: float,
        retries: int = 2,
        max_retry_after: float = 60.0,
        max_bytes: int = 5_000_000,
        timeout: float = 20.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client
        self.guard = guard
        self.limiter = RateLimiter(min_interval, sleep=sleep)
        self.retries = retries
        self.max_retry_after = max_retry_after
        self.max_bytes = max_bytes
        self.timeout = timeout
        self._sleep = sleep

    def get(self, url: str, accept: str = "*/*") -> HttpResponse:
        """Return the 200 response for `url`, or raise a FetchError after the allowed retries."""
        self.limiter.wait()
        return fetch_with_retries(
            self.client, url,
            retries=self.retries, max_retry_after=self.max_retry_after, sleep=self._sleep,
            max_bytes=self.max_bytes, timeout=self.timeout, accept=accept, guard=self.guard,
        )
