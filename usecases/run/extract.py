"""The pages step: fetch the new entries' pages and analyse them (extract, classify, sign) as they arrive.

Pages are fetched by threads (`ingest.edges.pages.iter_pages`) and analysed in chunks by a process
pool when the batch is large enough to pay for one; a batch of any size holds only a few chunks of
pages in memory.
"""

from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import ExitStack
from datetime import datetime
from functools import partial

from ingest.edges.http import new_client
from ingest.edges.netguard import HostGuard
from ingest.edges.pages import iter_pages
from ingest.models import FeedEntry, PageResult
from ingest.settings import Settings
from ingest.urls import decode_google_news, is_google_news
from usecases.analysis import Analysed, analyse_chunk
from usecases.run.steps import Batch, FetchedFeeds
from usecases.workers import process_pool

# Chunks per worker fetched ahead of the analysis (~1.5 s of work): fetching then keeps pace
# with the workers, and a batch of any size holds only this many pages in memory.
CHUNKS_AHEAD = 3


def extract_workers(settings: Settings) -> int:
    """Return how many processes extract pages (the setting, or one per CPU core)."""
    return settings.extract_workers or os.cpu_count() or 1


def fetch_and_extract(settings: Settings, fetched: FetchedFeeds, now: datetime) -> Batch:
    """Fetch the entries' pages and analyse them (extract, classify, sign) as they arrive."""
    entries = fetched.entries
    if not entries:  # a no-op run: no client, no pool
        return Batch(fetches=fetched.fetches, articles=[])
    targets = [fetch_target(entry.url) for entry in entries]
    fetchable = [i for i, url in enumerate(targets) if url.startswith(("http://", "https://"))]
    workers = extract_workers(settings)
    use_pool = workers > 1 and len(fetchable) >= settings.pool_min_pages
    with ExitStack() as stack:
        # Started before the first fetch so worker start-up overlaps the network.
        pool = stack.enter_context(process_pool(workers)) if use_pool else None
        analysed = _analyse_as_pages_arrive(settings, entries, targets, fetchable, pool, now)
    done = [a for a in analysed if a is not None]
    return Batch(
        fetches=fetched.fetches,
        articles=[a.article for a in done],
        verdicts={a.article.article_id: a.verdict for a in done},
        signatures={a.article.article_id: a.signature for a in done},
    )


def _analyse_as_pages_arrive(
    settings: Settings, entries: list[FeedEntry], targets: list[str], fetchable: list[int],
    pool: ProcessPoolExecutor | None, now: datetime,
) -> list[Analysed | None]:
    """Return each entry's analysis, in entry order: chunks go to `pool` (or run here) as their pages arrive."""
    analysed: list[Analysed | None] = [None] * len(entries)
    pending: list[tuple[list[int], Future[list[Analysed]]]] = []
    chunk: list[int] = []
    pages: dict[int, PageResult] = {}

    def flush() -> None:
        items = [(entries[i], pages.pop(i, None)) for i in chunk]
        if pool is None:
            for i, result in zip(chunk, analyse_chunk(items, now, settings.companies_file), strict=True):
                analysed[i] = result
        else:
            pending.append((list(chunk), pool.submit(analyse_chunk, items, now, settings.companies_file)))
        chunk.clear()

    arriving = iter_pages(
        partial(new_client, settings.user_agent, settings.http_timeout),
        [targets[i] for i in fetchable], guard=HostGuard(settings.allow_private_hosts),
        concurrency=settings.page_concurrency, per_host=settings.per_host_concurrency,
        per_host_delay=settings.per_host_delay, max_bytes=settings.max_response_bytes,
        timeout=settings.http_timeout,
    )
    for position, page in arriving:
        pages[fetchable[position]] = page
        chunk.append(fetchable[position])
        if pool is not None and len(chunk) >= settings.chunk_pages:
            flush()
            wait_below([future for _, future in pending], extract_workers(settings) * CHUNKS_AHEAD)
    chunk += sorted(set(range(len(entries))) - set(fetchable))  # links we never fetch
    flush()
    for indices, future in pending:
        for i, result in zip(indices, future.result(), strict=True):
            analysed[i] = result
    return analysed


def wait_below(futures: list[Future[list[Analysed]]], limit: int) -> None:
    """Block until at most `limit` of `futures` are unfinished."""
    running = [future for future in futures if not future.done()]
    while len(running) > limit:
        wait(running, return_when=FIRST_COMPLETED)
        running = [future for future in running if not future.done()]


def fetch_target(url: str) -> str:
    """Return the URL to fetch for a feed link: Google News wrappers decoded where possible."""
    if is_google_news(url):
        return decode_google_news(url) or url
    return url
