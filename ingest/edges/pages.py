"""Fetching article pages concurrently: a bounded pool, and per-host politeness."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from itertools import islice
from urllib.parse import urlsplit

from ingest.models.errors import FetchError
from ingest.edges.http import HttpClient, fetch
from ingest.models import PageResult
from ingest.edges.netguard import HostGuard


class HostLimiter:
    """At most `per_host` requests at once to one host, `delay` seconds apart."""

    def __init__(self, per_host: int, delay: float) -> None:
        self._per_host = per_host
        self._delay = delay
        self._lock = threading.Lock()
        self._semaphores: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(per_host))
        self._next_slot: dict[str, float] = defaultdict(float)

    def acquire(self, host: str) -> threading.Semaphore:
        """Block until a request to `host` may start; return the semaphore to release."""
        with self._lock:
            semaphore = self._semaphores[host]
        semaphore.acquire()
        if self._delay:
            with self._lock:
                start = max(time.monotonic(), self._next_slot[host])
                self._next_slot[host] = start + self._delay
            time.sleep(max(0.0, start - time.monotonic()))
        return semaphore


def _host(url: str) -> str:
    """Return the host a URL counts against for politeness ("" when it has none or is malformed)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # "http://[::1" would otherwise raise outside the per-page error handling
        return ""


class HostClients:
    """One HTTP client per host, made on first use by `connect` and closed together.

    httpcore's pool guards all of its connections with one lock: page threads sharing one client
    spent their time handing it over (benchmarks/README.md measures the difference).
    """

    def __init__(self, connect: Callable[[], HttpClient]) -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self._clients: dict[str, HttpClient] = {}

    def get(self, host: str) -> HttpClient:
        """Return the client for `host`, made now if it is the first request there."""
        with self._lock:
            client = self._clients.get(host)
            if client is None:
                client = self._clients[host] = self._connect()
            return client

    def close(self) -> None:
        """Close every client made so far."""
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            client.close()


def iter_pages(
    connect: Callable[[], HttpClient],
    urls: Sequence[str],
    *,
    guard: HostGuard,
    concurrency: int,
    per_host: int,
    per_host_delay: float,
    max_bytes: int,
    timeout: float,
) -> Iterator[tuple[int, PageResult]]:
    """Yield (index, PageResult) as each page arrives, so extraction can start on the first ones.

    Pages are fetched at most `2 * concurrency` ahead of the caller: one that stops pulling
    (its workers are busy) stops the fetching too, so pages never pile up in memory.

    `connect` makes a client; each host gets its own (see `HostClients`), closed at the end.
    """
    limiter = HostLimiter(per_host, per_host_delay)
    clients = HostClients(connect)

    def one(url: str) -> PageResult:
        host = _host(url)
        semaphore = limiter.acquire(host)
        try:
            response = fetch(
                clients.get(host), url, max_bytes=max_bytes, timeout=timeout, guard=guard,
                accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            )
        except FetchError as exc:
            return PageResult(url=url, final_url=url, status=exc.status, error=str(exc))
        except Exception as exc:  # noqa: BLE001
            # One hostile link must never sink the other pages of the batch: pool.map re-raises
            # the first exception of any worker, which would lose every page fetched so far.
            return PageResult(url=url, final_url=url, status=None, error=f"fetch failed: {type(exc).__name__}"[:300])
        finally:
            semaphore.release()
        return PageResult(
            url=url, final_url=response.url, status=response.status,
            content=response.content, content_type=response.content_type,
        )

    if not urls:
        return
    window = 2 * concurrency  # fetches started ahead of the consumer: it sets the pace
    todo = iter(enumerate(urls))
    running: dict[Future[PageResult], int] = {}
    try:
        with ThreadPoolExecutor(max_workers=min(concurrency, len(urls))) as pool:
            while True:
                for index, url in islice(todo, window - len(running)):
                    running[pool.submit(one, url)] = index
                if not running:
                    return
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield running.pop(future), future.result()
    finally:
        clients.close()
