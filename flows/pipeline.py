"""The steps of a run as plain functions: the Prefect tasks in `flows.ingest` are thin wrappers.

Each step opens what it needs (HTTP client, database connection) and closes it before returning,
so steps can move to separate workers later; what passes between steps is plain frozen data.
"""

from __future__ import annotations

import shutil
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ingest.articles import build_article, entry_article_id
from ingest.canonical import decode_google_news, is_google_news
from ingest.errors import FeedParseError, FetchError
from ingest.extract import extract_all
from ingest.feedhealth import is_due
from ingest.feeds import parse_feed
from ingest.http import fetch_with_retries, new_client
from ingest.models import Article, FeedConfig, FeedEntry, FeedFetch, FeedState
from ingest.netguard import HostGuard
from ingest.pages import fetch_pages
from ingest.settings import Settings
from storage import articles as article_store
from storage import feeds as feed_store
from storage import spool
from storage import snapshot
from storage.db import connect, transaction, utcnow

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"


@dataclass(frozen=True)
class Prepared:
    due: list[FeedConfig]
    states: dict[str, FeedState]
    backing_off: list[str] = field(default_factory=list)
    replayed: int = 0


@dataclass(frozen=True)
class FetchedFeeds:
    fetches: list[FeedFetch]
    entries: list[FeedEntry]


@dataclass(frozen=True)
class Batch:
    fetches: list[FeedFetch]
    articles: list[Article]
    run_key: str = field(default_factory=lambda: uuid.uuid4().hex)
    # Set by backfills: rounds found in this batch get `suppressed` alerts with this reason.
    suppress_alerts: str | None = None


@dataclass(frozen=True)
class Stored:
    new_articles: int = 0
    duplicates: int = 0
    classified: int = 0
    layoff_reports: int = 0
    new_rounds: list[str] = field(default_factory=list)
    alerts_queued: int = 0


@dataclass(frozen=True)
class Delivery:
    sent: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def prepare(settings: Settings, feeds: list[FeedConfig], now: datetime, respect_backoff: bool) -> Prepared:
    """Sync the feed list, write spooled batches, and return the feeds due now with their state."""
    replayed = 0
    for path, batch in spool.pending(settings.db):
        replayed += store_now(settings, batch, now).new_articles
        spool.remove(path)
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        feed_store.sync_feeds(con, feeds, now)
        states = feed_store.feed_states(con, [f.name for f in feeds])
    due, waiting = [], []
    for feed in feeds:
        state = states.get(feed.name)
        if respect_backoff and state is not None and not is_due(state.next_attempt_at, now):
            waiting.append(feed.name)
        else:
            due.append(feed)
    return Prepared(due=due, states=states, backing_off=waiting, replayed=replayed)


def fetch_feeds(settings: Settings, prepared: Prepared, run_id: str) -> FetchedFeeds:
    """Fetch and parse every due feed concurrently; each failure becomes a FeedFetch error."""
    with new_client(settings.user_agent, settings.http_timeout) as client:

        def one(feed: FeedConfig) -> tuple[FeedFetch, list[FeedEntry]]:
            return fetch_one_feed(settings, client, feed, prepared.states.get(feed.name), run_id)

        workers = max(1, min(16, len(prepared.due)))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(one, prepared.due))
    fetches = [fetch for fetch, _ in results]
    entries = [entry for _, feed_entries in results for entry in feed_entries]
    return FetchedFeeds(fetches=fetches, entries=entries)


def fetch_one_feed(
    settings: Settings, client, feed: FeedConfig, state: FeedState | None, run_id: str
) -> tuple[FeedFetch, list[FeedEntry]]:
    """Return the fetch record and parsed entries of one feed (never raises for feed faults)."""
    started_at = utcnow()
    clock = time.monotonic()
    record = {
        "fetch_id": uuid.uuid4().hex, "run_id": run_id, "feed": feed.name, "url": feed.url,
        "started_at": started_at,
    }
    try:
        response = fetch_with_retries(
            client, feed.url,
            retries=settings.http_retries, max_retry_after=settings.max_retry_after,
            max_bytes=settings.max_response_bytes, timeout=settings.http_timeout,
            etag=state.etag if state else None,
            last_modified=state.last_modified if state else None,
            accept=FEED_ACCEPT,
        )
        if response.not_modified:
            return FeedFetch(**record, duration_ms=_ms(clock), http_status=304, not_modified=True,
                             etag=response.etag, last_modified=response.last_modified), []
        entries = parse_feed(
            feed.name, feed.url, response.content, now=started_at,
            max_entries=settings.max_entries_per_feed,
        )
    except (FetchError, FeedParseError) as exc:
        status = exc.status if isinstance(exc, FetchError) else None
        return FeedFetch(**record, duration_ms=_ms(clock), http_status=status, error=str(exc)[:1000]), []
    return FeedFetch(
        **record, duration_ms=_ms(clock), http_status=response.status, items_seen=len(entries),
        etag=response.etag, last_modified=response.last_modified,
    ), entries


def select_new(settings: Settings, fetched: FetchedFeeds) -> FetchedFeeds:
    """Drop entries already stored (or repeated across feeds); count new items per feed."""
    ids = {}
    for entry in fetched.entries:
        ids.setdefault(entry_article_id(entry), entry)
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        known = article_store.known_article_ids(con, list(ids))
    fresh = [entry for article_id, entry in ids.items() if article_id not in known]
    per_feed: dict[str, int] = {}
    for entry in fresh:
        per_feed[entry.feed] = per_feed.get(entry.feed, 0) + 1
    fetches = [f.model_copy(update={"new_items": per_feed.get(f.feed, 0)}) for f in fetched.fetches]
    return FetchedFeeds(fetches=fetches, entries=fresh)


def fetch_and_extract(settings: Settings, fetched: FetchedFeeds, now: datetime) -> Batch:
    """Fetch the entries' pages, extract text in worker processes, and build Articles."""
    entries = fetched.entries
    targets = [fetch_target(entry.url) for entry in entries]
    fetchable = [i for i, url in enumerate(targets) if url.startswith(("http://", "https://"))]
    guard = HostGuard(settings.allow_private_hosts)
    with new_client(settings.user_agent, settings.http_timeout) as client:
        pages = fetch_pages(
            client, [targets[i] for i in fetchable], guard=guard,
            concurrency=settings.page_concurrency, per_host=settings.per_host_concurrency,
            per_host_delay=settings.per_host_delay, max_bytes=settings.max_response_bytes,
            timeout=settings.http_timeout,
        )
    page_of = dict(zip(fetchable, pages, strict=True))
    ok = [i for i in fetchable if not page_of[i].error]
    extracted = extract_all(
        [(page_of[i].final_url, page_of[i].content, page_of[i].content_type) for i in ok],
        workers=settings.extract_workers,
    )
    extracted_of = dict(zip(ok, extracted, strict=True))
    articles = [
        build_article(entry, page_of.get(i), extracted_of.get(i), now) for i, entry in enumerate(entries)
    ]
    return Batch(fetches=fetched.fetches, articles=articles)


def fetch_target(url: str) -> str:
    """Return the URL to fetch for a feed link: Google News wrappers decoded where possible."""
    if is_google_news(url):
        return decode_google_news(url) or url
    return url


def store(settings: Settings, batch: Batch, now: datetime) -> Stored:
    """Spool the batch, write it in one transaction, then drop the spool file."""
    path = spool.write(settings.db, batch.run_key, batch)
    stored = store_now(settings, batch, now)
    spool.remove(path)
    return stored


def store_now(settings: Settings, batch: Batch, now: datetime) -> Stored:
    """Write a batch in one transaction; idempotent, so a replayed batch changes nothing twice."""
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con, transaction(con):
        feed_store.record_fetches(con, batch.fetches)
        new = article_store.insert_articles(con, batch.articles)
    return Stored(new_articles=new)


def deliver_alerts(settings: Settings, now: datetime) -> Delivery:
    """Send due outbox alerts; return what was sent and what failed."""
    return Delivery()


def publish_snapshot(settings: Settings) -> Path:
    """Publish the read-only snapshot users open while runs write; return its path."""
    return snapshot.publish(settings.db, lock_timeout=settings.lock_timeout)


def _ms(clock: float) -> float:
    return round((time.monotonic() - clock) * 1000, 1)
