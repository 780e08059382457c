"""Polite requests for the backfill sources: a minimum interval between starts to a host, retries, the host guard."""

from __future__ import annotations

import time
from collections.abc import Callable

from ingest.edges.http import HttpClient, HttpResponse, fetch_with_retries
from ingest.edges.limiter import HostLimiter, host_of
from ingest.edges.netguard import HostGuard


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
        backoff: float = 0.5,
        max_bytes: int = 5_000_000,
        timeout: float = 20.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client
        self.guard = guard
        # One source asks one host (its endpoint), so this paces the source.
        self.limiter = HostLimiter(min_interval)
        self.retries = retries
        self.max_retry_after = max_retry_after
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.timeout = timeout
        self._sleep = sleep

    def get(self, url: str, accept: str = "*/*") -> HttpResponse:
        """Return the 200 response for `url`, or raise a FetchError after the allowed retries."""
        host = host_of(url)
        wait = self.limiter.reserve(host)
        if wait > 0:
            self._sleep(wait)  # a source's requests are sequential: this thread has nothing else to do
        try:
            return fetch_with_retries(
                self.client, url,
                retries=self.retries, max_retry_after=self.max_retry_after, backoff=self.backoff, sleep=self._sleep,
                max_bytes=self.max_bytes, timeout=self.timeout, accept=accept, guard=self.guard,
            )
        finally:
            self.limiter.release(host)

