"""Fetching article pages concurrently: a bounded pool, and per-host politeness that never holds a pool thread."""

from __future__ import annotations

import functools
import math
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor

from ingest.edges.http import HttpClient, attempt, fetch
from ingest.edges.limiter import HostLimiter, host_of
from ingest.edges.netguard import HostGuard
from ingest.models import PageResult

PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"


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
    (its workers are busy) stops the fetching too, so pages never pile up in memory. A page
    whose host must wait (`per_host` in flight, `per_host_delay` since the last start) waits in
    the queue while other hosts' pages take the pool's threads.

    `connect` makes a client; each host gets its own (see `HostClients`), closed at the end.
    """
    if not urls:
        return
    clients = HostClients(connect)

    def one(url: str) -> PageResult:
        outcome = attempt(url, lambda: fetch(
            clients.get(host_of(url)), url, max_bytes=max_bytes, timeout=timeout, guard=guard, accept=PAGE_ACCEPT,
        ))
        response = outcome.response
        if response is None:
            return PageResult(url=url, final_url=url, status=outcome.status, error=outcome.error)
        return PageResult(
            url=url, final_url=response.url, status=response.status,
            content=response.content, content_type=response.content_type,
        )

    workers = min(concurrency, len(urls))
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            dispatch = _Dispatch(pool, HostLimiter(per_host_delay, per_host), one, urls,
                                 workers=workers, window=2 * concurrency)
            try:
                yield from dispatch.results()
            finally:
                dispatch.close()  # running fetches finish; nothing new starts
    finally:
        clients.close()


class _Dispatch:
    """Starts page fetches on a pool as their hosts allow and hands the pages over in arrival order.

    Pool threads only fetch: the politeness waits are kept here, as the time until a host's next
    start. A finished fetch starts the next ones from its done-callback, so fetching goes on while
    the caller is busy, up to `window` pages ahead of it.
    """

    def __init__(
        self, pool: Executor, limiter: HostLimiter, fetch_one: Callable[[str], PageResult], urls: Sequence[str],
        *, workers: int, window: int,
    ) -> None:
        self._pool = pool
        self._limiter = limiter
        self._fetch_one = fetch_one
        self._todo = iter(enumerate(urls))
        self._workers = workers
        self._window = window
        self._waiting: list[tuple[int, str, str]] = []  # (index, url, host), in list order
        self._running = 0
        self._arrived: deque[tuple[int, PageResult]] = deque()
        # Reentrant: a future that is done already runs its callback inside `submit`'s caller.
        self._changed = threading.Condition(threading.RLock())
        self._pumping = False
        self._closed = False

    def results(self) -> Iterator[tuple[int, PageResult]]:
        """Yield (index, page) as pages arrive, until every URL has been fetched."""
        while True:
            with self._changed:
                soonest = self._pump()
                if not self._arrived:
                    if not self._running and not self._waiting:
                        return
                    self._changed.wait(None if soonest == math.inf else soonest)
                    continue
                item = self._arrived.popleft()
            yield item

    def close(self) -> None:
        """Start nothing more."""
        with self._changed:
            self._closed = True

    def _pump(self) -> float:
        """Start every waiting page whose host may start now; return the seconds until the next may (inf: none)."""
        if self._closed or self._pumping:
            return math.inf
        self._pumping = True
        try:
            # Look ahead past pages whose host must wait: later hosts' pages may go first.
            while len(self._waiting) < self._window and (item := next(self._todo, None)) is not None:
                self._waiting.append((item[0], item[1], host_of(item[1])))
            soonest = math.inf
            still: list[tuple[int, str, str]] = []
            for index, url, host in self._waiting:
                wait = self._limiter.start_in(host) if self._has_room() else math.inf
                if wait > 0:
                    soonest = min(soonest, wait)
                    still.append((index, url, host))
                    continue
                self._limiter.reserve(host)
                self._running += 1
                future = self._pool.submit(self._fetch_one, url)
                future.add_done_callback(functools.partial(self._finished, index, url, host))
            self._waiting = still
            return soonest
        finally:
            self._pumping = False

    def _has_room(self) -> bool:
        """Return whether a pool thread is free and the caller is less than `window` pages behind."""
        return self._running < self._workers and self._running + len(self._arrived) < self._window

    def _finished(self, index: int, url: str, host: str, future: Future[PageResult]) -> None:
        try:
            page = future.result()
        except BaseException as exc:  # noqa: BLE001 - `fetch_one` catches every error; this is a cancelled future
            page = PageResult(url=url, final_url=url, status=None, error=f"fetch failed: {type(exc).__name__}")
        with self._changed:
            self._limiter.release(host)
            self._running -= 1
            self._arrived.append((index, page))
            self._pump()
            self._changed.notify_all()
