"""The feeds step: fetch every due feed, cut the items already stored, parse the rest.

A feed's failure is data (`FeedFetch.error`), never an exception that stops the other feeds.
"""

from __future__ import annotations

import logging
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ingest.edges.http import HttpClient, fetch_with_retries, new_client
from ingest.edges.netguard import HostGuard
from ingest.feeds.parse import item_links, parse_feed_counted
from ingest.models import FeedConfig, FeedEntry, FeedFetch, FeedState
from ingest.models.errors import FeedParseError, FetchError
from ingest.settings import Settings
from ingest.text.articles import entry_article_id
from ingest.urls import article_id_for
from ingest.urls.redact import safe_url
from storage import articles as article_store
from storage.backends import is_lake
from storage.db import connect, utcnow
from usecases.run.extract import extract_workers
from usecases.run.steps import FetchedFeeds, Prepared
from usecases.workers import PoolWarmer

logger = logging.getLogger("layoffwatch.pipeline")
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"


@dataclass(frozen=True)
class FeedBody:
    """One feed's response before parsing: its fetch record so far and the body (None: 304 or failed)."""

    fetch: FeedFetch
    feed: FeedConfig
    content: bytes | None = None


def fetch_feeds(settings: Settings, prepared: Prepared, run_id: str) -> FetchedFeeds:
    """Fetch every due feed concurrently, cut the items already stored, parse the rest; failures become FeedFetch errors.

    Items are recognised by their link with a byte scan and one query (`known_links`), before
    feedparser builds entries: a rerun of feeds that changed nothing parses nothing, even where
    the server ignores conditional GETs.
    """
    workers = max(1, min(16, len(prepared.due)))
    with new_client(settings.user_agent, settings.http_timeout) as client, ThreadPoolExecutor(workers) as threads:
        bodies = list(threads.map(
            lambda feed: fetch_feed_body(settings, client, feed, prepared.states.get(feed.name), run_id), prepared.due
        ))
        known = known_links(settings, [body.content for body in bodies if body.content])
        warmer = PoolWarmer(extract_workers(settings), settings.pool_min_pages)

        def parse(body: FeedBody) -> tuple[FeedFetch, list[FeedEntry]]:
            fetch, entries = parse_feed_body(settings, body, known)
            warmer.saw(len(entries))  # the extraction workers' server starts while the other feeds parse
            return fetch, entries

        results = list(threads.map(parse, bodies))
    fetches = [fetch for fetch, _ in results]
    entries = [entry for _, feed_entries in results for entry in feed_entries]
    return FetchedFeeds(fetches=fetches, entries=entries)


def known_links(settings: Settings, contents: list[bytes]) -> frozenset[str]:
    """Return the item links in `contents` whose articles are stored already (one query)."""
    ids: dict[str, str] = {}
    for content in contents:
        for link in item_links(content):
            if link is not None and link not in ids:
                ids[link] = article_id_for(link)
    if not ids:
        return frozenset()
    with connect(settings.db, read_only=is_lake(settings.db), lock_timeout=settings.lock_timeout) as con:
        stored = article_store.known_article_ids(con, list(set(ids.values())))
    return frozenset(link for link, article_id in ids.items() if article_id in stored)


def parse_feed_body(settings: Settings, body: FeedBody, known: frozenset[str]) -> tuple[FeedFetch, list[FeedEntry]]:
    """Return the fetch record and the not-yet-stored entries of one fetched feed (never raises for feed faults)."""
    if body.content is None:
        return body.fetch, []
    clock = time.monotonic()
    try:
        entries, skipped = parse_feed_counted(
            body.feed.name, body.feed.url, body.content, now=body.fetch.started_at,
            max_entries=settings.max_entries_per_feed, known=known,
        )
    except FeedParseError as exc:
        error = str(exc)[:1000]
        return body.fetch.model_copy(update={"error": error, "duration_ms": body.fetch.duration_ms + _ms(clock)}), []
    except Exception as exc:  # a bug met by one feed's bytes must not stop the other feeds
        logger.exception("unexpected error on feed %s", body.feed.name)
        error = f"unexpected {type(exc).__name__}: {exc}"[:1000]
        return body.fetch.model_copy(update={"error": error, "duration_ms": body.fetch.duration_ms + _ms(clock)}), []
    update = {"items_seen": len(entries) + skipped, "duration_ms": body.fetch.duration_ms + _ms(clock)}
    return body.fetch.model_copy(update=update), entries


def fetch_feed_body(
    settings: Settings, client: HttpClient, feed: FeedConfig, state: FeedState | None, run_id: str
) -> FeedBody:
    """Return the fetch record and body of one feed, not parsed yet (never raises for feed faults)."""
    started_at = utcnow()
    clock = time.monotonic()
    record = {
        "fetch_id": uuid.uuid4().hex, "run_id": run_id, "feed": feed.name, "url": safe_url(feed.url),
        "started_at": started_at,
    }
    try:
        response = fetch_with_retries(
            client, feed.url,
            retries=settings.http_retries, max_retry_after=settings.max_retry_after, backoff=settings.http_retry_backoff,
            max_bytes=settings.max_response_bytes, timeout=settings.http_timeout,
            etag=state.etag if state else None,
            last_modified=state.last_modified if state else None,
            accept=FEED_ACCEPT,
            # The feed URL itself is configured, so trusted; a redirect elsewhere is checked.
            guard=HostGuard(settings.allow_private_hosts).trusting(feed.url),
        )
        if response.not_modified:
            return FeedBody(FeedFetch(**record, duration_ms=_ms(clock), http_status=304, not_modified=True,
                                      etag=response.etag, last_modified=response.last_modified), feed)
    except FetchError as exc:
        return FeedBody(FeedFetch(**record, duration_ms=_ms(clock), http_status=exc.status, error=str(exc)[:1000]), feed)
    except Exception as exc:  # a bug met by one feed's bytes must not stop the other feeds
        logger.exception("unexpected error on feed %s", feed.name)
        error = f"unexpected {type(exc).__name__}: {exc}"[:1000]
        return FeedBody(FeedFetch(**record, duration_ms=_ms(clock), error=error), feed)
    fetch = FeedFetch(**record, duration_ms=_ms(clock), http_status=response.status, etag=response.etag,
                      last_modified=response.last_modified)
    return FeedBody(fetch, feed, response.content)


def select_new(settings: Settings, fetched: FetchedFeeds) -> FetchedFeeds:
    """Drop entries already stored (or repeated across feeds); count new items per feed."""
    if not fetched.entries:  # a no-op run: the feeds step already cut every stored item
        return FetchedFeeds(fetches=[f.model_copy(update={"new_items": 0}) for f in fetched.fetches], entries=[])
    ids: dict[str, FeedEntry] = {}
    for entry in fetched.entries:
        ids.setdefault(entry_article_id(entry), entry)
    # A lake is read without its lock (other shards write meanwhile); what is stored by then is
    # skipped again under it, when the batch is written.
    with connect(settings.db, read_only=is_lake(settings.db), lock_timeout=settings.lock_timeout) as con:
        known = article_store.known_article_ids(con, list(ids))
    fresh = [entry for article_id, entry in ids.items() if article_id not in known]
    per_feed: dict[str, int] = {}
    for entry in fresh:
        per_feed[entry.feed] = per_feed.get(entry.feed, 0) + 1
    fetches = [f.model_copy(update={"new_items": per_feed.get(f.feed, 0)}) for f in fetched.fetches]
    return FetchedFeeds(fetches=fetches, entries=fresh)


def _ms(clock: float) -> float:
    return round((time.monotonic() - clock) * 1000, 1)
