"""The steps of a run as plain functions: the Prefect tasks in `flows.ingest_flow` are thin wrappers.

Each step opens what it needs (HTTP client, database connection) and closes it before returning,
so steps can move to separate workers later; what passes between steps is plain frozen data.
"""

from __future__ import annotations

import atexit
import functools
import gc
import logging
import os
import time
import uuid
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from duckdb import DuckDBPyConnection

from ingest import dedup
from ingest.alerts import RETRY_DELAY, AlertRow, next_retry, plan_alerts, redact, render_message, resolve_channel
from usecases.analysis import Analysed, analyse_chunk, with_languages
from ingest.text.articles import entry_article_id
from ingest.urls.canonical import UrlResolution, article_id_for, decode_google_news, is_google_news
from ingest.understanding import CLASSIFIER_VERSION, classify_many, load_company_table
from ingest.models.errors import AlertError, FeedParseError, FetchError
from ingest.feeds.health import is_due
from ingest.feeds.parse import item_links, parse_feed_counted
from ingest.edges.http import HttpClient, fetch_with_retries, new_client, safe_url
from ingest.models import Article, Classification, FeedConfig, FeedEntry, FeedFetch, FeedState, PageResult
from ingest.edges.netguard import HostGuard
from ingest.edges.notify import send
from ingest.edges.pages import iter_pages
from ingest.rounds import MATCHER_VERSION, RoundPlan, match_rounds, region_start
from ingest.settings import PREFECT_BLOCK_SCHEME, Settings, alert_channels
from ingest.models.shards import select_feeds
from usecases.workers import PoolWarmer, process_pool
from storage import alerts as alert_store
from storage import articles as article_store
from storage import classifications as class_store
from storage import dedup as dedup_store
from storage import feeds as feed_store
from storage import rounds as round_store
from storage import snapshot, spool
from storage.backends import spool_base
from storage.db import connect, serialised, transaction, utcnow

logger = logging.getLogger("layoffwatch.pipeline")
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"


@functools.cache
def freeze_startup_heap() -> None:
    """Exempt what the process holds before its first run from garbage collection (once).

    Modules, Prefect and pydantic schemas are ~340,000 objects that live as long as the process,
    and a full collection walks every one of them. In the 2,000-page benchmark one fell in the
    serial store step and took 0.25 s; with them frozen, full collections took 0.016 s. Objects
    made later, a run's own garbage included, are collected as usual. They are handed back to
    the collector at exit, so interpreter shutdown still frees them (and native extensions such
    as DuckDB's do not report them as leaked).
    """
    gc.freeze()
    atexit.register(gc.unfreeze)


@dataclass(frozen=True)
class Prepared:
    due: list[FeedConfig]
    states: dict[str, FeedState]
    backing_off: list[str] = field(default_factory=list)
    replayed: int = 0
    # Spool files this release could not load, renamed aside (never deleted): the run summary names them.
    quarantined: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FetchedFeeds:
    fetches: list[FeedFetch]
    entries: list[FeedEntry]


@dataclass(frozen=True)
class Batch:
    fetches: list[FeedFetch]
    articles: list[Article]
    run_key: str = field(default_factory=lambda: uuid.uuid4().hex)
    # Worked out next to extraction (worker processes); store computes whatever is missing.
    verdicts: dict[str, Classification] = field(default_factory=dict)
    signatures: dict[str, dedup.TextSignature] = field(default_factory=dict)
    # Set by backfills: rounds found in this batch get `suppressed` alerts with this reason.
    suppress_alerts: str | None = None


@dataclass(frozen=True)
class Stored:
    new_articles: int = 0
    duplicates: int = 0
    classified: int = 0
    layoff_reports: int = 0
    new_rounds: list[str] = field(default_factory=list)
    # One dict per new round (company, title, headcount, units, sources): events and the artifact.
    round_details: list[dict] = field(default_factory=list)
    alerts_queued: int = 0


@dataclass(frozen=True)
class Delivery:
    sent: int = 0
    failed: int = 0  # attempts that failed this run (given-up ones included)
    errors: list[str] = field(default_factory=list)
    # Failed alerts waiting for a later retry (this run's and earlier ones), and the earliest retry.
    waiting: int = 0
    next_retry_at: datetime | None = None
    # Rows not tried this run because their channel had failed already (waiting, not attempts).
    deferred: int = 0
    # Rows whose failure this run was their last: no retry is planned (alerts_log shows `given_up`).
    given_up: int = 0


def prepare(settings: Settings, feeds: list[FeedConfig], now: datetime, respect_backoff: bool) -> Prepared:
    """Sync the feed list (this shard's part), write spooled batches, and return the feeds due now with their state."""
    feeds = select_feeds(feeds, settings.shard)
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        # Stored URLs are read by people: credentials in a feed URL are masked there. Synced before
        # a spooled batch is written, so that on a new database its feed validators have rows to land in.
        feed_store.sync_feeds(con, [f.model_copy(update={"url": safe_url(f.url)}) for f in feeds], now)
    replayed = 0
    quarantined: list[Path] = []  # an unloadable spool file is set aside, never a reason to stop
    for path, spooled in spool.pending(spool_base(settings.db, settings.shard), quarantined):
        batch = Batch(
            fetches=list(spooled.fetches), articles=spooled.plain_articles(),
            run_key=spooled.run_key, suppress_alerts=spooled.suppress_alerts,
        )
        replayed += store_now(settings, batch, now).new_articles
        spool.remove(path)
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        states = feed_store.feed_states(con, [f.name for f in feeds])
    due, waiting = [], []
    for feed in feeds:
        state = states.get(feed.name)
        if respect_backoff and state is not None and not is_due(state.next_attempt_at, now):
            waiting.append(feed.name)
        else:
            due.append(feed)
    return Prepared(
        due=due, states=states, backing_off=waiting, replayed=replayed, quarantined=[str(p) for p in quarantined]
    )


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


@dataclass(frozen=True)
class FeedBody:
    """One feed's response before parsing: its fetch record so far and the body (None: 304 or failed)."""

    fetch: FeedFetch
    feed: FeedConfig
    content: bytes | None = None


def known_links(settings: Settings, contents: list[bytes]) -> frozenset[str]:
    """Return the item links in `contents` whose articles are stored already (one query)."""
    ids: dict[str, str] = {}
    for content in contents:
        for link in item_links(content):
            if link is not None and link not in ids:
                ids[link] = article_id_for(link)
    if not ids:
        return frozenset()
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
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
            retries=settings.http_retries, max_retry_after=settings.max_retry_after,
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
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        known = article_store.known_article_ids(con, list(ids))
    fresh = [entry for article_id, entry in ids.items() if article_id not in known]
    per_feed: dict[str, int] = {}
    for entry in fresh:
        per_feed[entry.feed] = per_feed.get(entry.feed, 0) + 1
    fetches = [f.model_copy(update={"new_items": per_feed.get(f.feed, 0)}) for f in fetched.fetches]
    return FetchedFeeds(fetches=fetches, entries=fresh)


def extract_workers(settings: Settings) -> int:
    """Return how many processes extract pages (the setting, or one per CPU core)."""
    return settings.extract_workers or os.cpu_count() or 1


# Chunks per worker fetched ahead of the analysis (~1.5 s of work): fetching then keeps pace
# with the workers, and a batch of any size holds only this many pages in memory.
CHUNKS_AHEAD = 3


def fetch_and_extract(settings: Settings, fetched: FetchedFeeds, now: datetime) -> Batch:
    """Fetch the entries' pages and analyse them (extract, classify, sign) as they arrive."""
    entries = fetched.entries
    if not entries:  # a no-op run: no client, no pool
        return Batch(fetches=fetched.fetches, articles=[])
    targets = [fetch_target(entry.url) for entry in entries]
    fetchable = [i for i, url in enumerate(targets) if url.startswith(("http://", "https://"))]
    workers = extract_workers(settings)
    use_pool = workers > 1 and len(fetchable) >= settings.pool_min_pages
    analysed: list[Analysed | None] = [None] * len(entries)
    with ExitStack() as stack:
        pool = None
        if use_pool:
            # Started before the first fetch so worker start-up overlaps the network.
            pool = stack.enter_context(process_pool(workers))
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
                wait_below([future for _, future in pending], workers * CHUNKS_AHEAD)
        chunk += sorted(set(range(len(entries))) - set(fetchable))  # links we never fetch
        flush()
        for indices, future in pending:
            for i, result in zip(indices, future.result(), strict=True):
                analysed[i] = result
    done = [a for a in analysed if a is not None]
    return Batch(
        fetches=fetched.fetches,
        articles=[a.article for a in done],
        verdicts={a.article.article_id: a.verdict for a in done},
        signatures={a.article.article_id: a.signature for a in done},
    )


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


def store(settings: Settings, batch: Batch, now: datetime) -> Stored:
    """Spool the batch, write it in one transaction, then drop the spool file (kept on failure)."""
    # Only what was fetched is spooled: verdicts and signatures are recomputed if it is replayed.
    path = spool.write(
        spool_base(settings.db, settings.shard), batch.run_key, batch.fetches, batch.articles, batch.suppress_alerts
    )
    try:
        stored = store_now(settings, batch, now)
    except BaseException:
        try:
            spool.keep(path)
        except OSError as exc:  # the write's own error is the one to raise
            logger.warning("could not flush spooled batch %s: %s", path, exc)
        raise
    spool.remove(path)
    return stored


def store_now(settings: Settings, batch: Batch, now: datetime) -> Stored:
    """Write a batch in one transaction; idempotent, so a replayed batch changes nothing twice."""
    missing = [a for a in batch.articles if a.article_id not in batch.verdicts]
    verdicts = list(batch.verdicts.values()) + classify_many(
        [(a.article_id, a.title, a.text or a.summary, a.published_at) for a in missing],
        load_company_table(settings.companies_file),
    )
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con, transaction(con):
        feed_store.record_fetches(con, batch.fetches)
        known = article_store.known_article_ids(con, [a.article_id for a in batch.articles])
        article_store.insert_articles(con, with_languages(batch.articles, verdicts))
        fresh = [a for a in {a.article_id: a for a in batch.articles}.values() if a.article_id not in known]
        fresh_ids = {a.article_id for a in fresh}
        dedup_store.save_resolutions(con, google_news_resolutions(fresh, now))
        duplicates = deduplicate(con, fresh, batch.signatures)
        verdicts = [v for v in verdicts if v.article_id in fresh_ids]
        class_store.save_classifications(con, verdicts, now)
        reports = [v.article_id for v in verdicts if v.label == "layoff_report"]
        plan, queued = match_and_queue(con, settings, reports, now, batch.suppress_alerts)
    return Stored(
        new_articles=len(fresh),
        duplicates=duplicates,
        classified=len(verdicts),
        layoff_reports=len(reports),
        new_rounds=[e.round_id for e in plan.events if e.kind == "new_round"],
        round_details=round_details(plan),
        alerts_queued=queued,
    )


def round_details(plan: RoundPlan) -> list[dict]:
    """Return what users need to know of each round that is new in `plan`."""
    rounds = {r.round_id: r for r in plan.rounds}
    details = []
    for event in plan.events:
        r = rounds.get(event.round_id)
        if event.kind != "new_round" or r is None:
            continue
        details.append({
            "round_id": r.round_id, "company": r.company, "title": r.title, "units": list(r.units),
            "headcount": r.headcount, "headcount_text": r.headcount_text, "status": r.status,
            "announced_on": r.announced_on.isoformat(),
            "sources": [{"source": s.source, "url": s.url} for s in plan.sources.get(r.round_id, [])],
        })
    return details


def google_news_resolutions(articles: list[Article], now: datetime) -> list[UrlResolution]:
    """Return where each Google News link led (decoded offline, or by fetching it), for the cache."""
    rows = []
    for a in articles:
        if not is_google_news(a.url):
            continue
        decoded = decode_google_news(a.url)
        resolved = decoded or (a.canonical_url if not is_google_news(a.canonical_url) else None)
        method = "decoded" if decoded else "redirect" if resolved else "failed"
        rows.append(UrlResolution(url=a.url, resolved_url=resolved, method=method, resolved_at=now))
    return rows


def deduplicate(
    con: DuckDBPyConnection, articles: list[Article], signed: dict[str, dedup.TextSignature] | None = None
) -> int:
    """Link the new articles that copy a stored (or earlier batch) article; return how many."""
    if not articles:
        return 0
    signed = signed or {}
    unsigned = dedup.dedup_items([a for a in articles if a.article_id not in signed])
    by_id = {item.article_id: item for item in unsigned}
    items = [
        by_id.get(a.article_id) or dedup.DedupItem(
            article_id=a.article_id, canonical_url=a.canonical_url,
            published_at=a.published_at, signature=signed[a.article_id],
        )
        for a in articles
    ]
    decisions = dedup.decide(items, dedup_store.load_candidates(con, items))
    dedup_store.save(con, [item.signature for item in items], decisions)
    return len(decisions)


def match_and_queue(
    con: DuckDBPyConnection, settings: Settings, report_ids: list[str], now: datetime, suppress: str | None
) -> tuple[RoundPlan, int]:
    """Group new layoff reports into rounds and queue their alerts, in the caller's transaction."""
    candidates = round_store.round_candidates(con, report_ids, CLASSIFIER_VERSION)
    if not candidates:
        return RoundPlan(created_at=now, matcher_version=MATCHER_VERSION), 0
    companies = sorted({c.classification.companies[0] for c in candidates if c.classification.companies})
    since = region_start(candidates, settings.round_window_days) or now.date()
    existing = round_store.load_open_rounds(con, companies, since)
    members = round_store.load_round_members(con, [r.round_id for r in existing])
    plan = match_rounds(existing, candidates, window_days=settings.round_window_days, now=now, members=members)
    round_store.save_plan(con, plan)
    rows = plan_alerts(
        plan,
        watched=settings.watched_companies,
        channels=alert_channels(settings),
        now=now,
        freshness_days=settings.alert_freshness_days,
        updates_enabled=settings.alert_updates,
        suppress_reason=suppress,
        alerted=alert_store.alerted_rounds(con, [r.round_id for r in plan.rounds]),
    )
    return plan, alert_store.insert_alerts(con, rows)


def deliver_alerts(settings: Settings, now: datetime) -> Delivery:
    """Send the outbox alerts due at `now` (the run's clock: when its flow started); return the tally."""
    # Reading the due rows, sending and marking them hold the database's write guard as one (the
    # lake's catalog lock, a lock file beside a DuckDB file): two deliverers at once (shards, an
    # ingest and a backfill) would otherwise both send the same row.
    with serialised(settings.db, settings.lock_timeout):
        return _deliver_due(settings, now)


def _deliver_due(settings: Settings, now: datetime) -> Delivery:
    """Send the outbox alerts due at `now` one at a time, marking each row; return the tally.

    A failure is due again `RETRY_DELAY` after `now` (`next_retry`), so the next run retries it.
    After a channel's first failure in this run, its other rows are deferred to the same time
    unsent: a channel that is down costs one timeout per run, not one per row.
    """
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        due = alert_store.due_alerts(con, now)
    channels = alert_channels(settings)
    sent, failed, given_up, errors = 0, 0, 0, []
    down: dict[str, str] = {}  # channel id -> its first error in this run
    deferred: dict[str, list[str]] = {}
    for row in due:
        if row.channel_id in down:
            deferred.setdefault(row.channel_id, []).append(row.alert_id)
            continue
        error = send_alert(settings, row, channels)
        # Marked right after each send: a crash mid-loop re-sends at most the one in flight.
        with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
            if error is None:
                alert_store.mark_sent(con, row.alert_id, utcnow())
                sent += 1
                continue
            message = redact(error, settings.alert_urls)
            retry = next_retry(row.attempts + 1, row.created_at, now)
            alert_store.mark_failed(con, row.alert_id, message, retry)
        failed += 1
        given_up += 1 if retry is None else 0
        errors.append(message)
        down[row.channel_id] = message
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        for cid, ids in deferred.items():
            alert_store.defer(con, ids, f"not tried: the channel failed earlier in this run: {down[cid]}", now + RETRY_DELAY)
        waiting, next_retry_at = alert_store.waiting_alerts(con, now)
    return Delivery(
        sent=sent, failed=failed, errors=errors, waiting=waiting, next_retry_at=next_retry_at,
        deferred=sum(len(ids) for ids in deferred.values()), given_up=given_up,
    )


def send_alert(settings: Settings, row: AlertRow, channels: list[str]) -> str | None:
    """Send one outbox row to its channel; return why it failed (None: sent)."""
    url = resolve_channel(row, channels)
    if url is None:
        return "channel no longer configured"
    try:
        if url.startswith(PREFECT_BLOCK_SCHEME):
            notify_block(url.removeprefix(PREFECT_BLOCK_SCHEME), *render_message(row.payload))
        else:
            send(url, *render_message(row.payload), row.payload, timeout=settings.alert_timeout)
    except AlertError as exc:
        return exc.reason
    return None


def notify_block(name: str, title: str, body: str) -> None:
    """Send through a saved Prefect notification block; failures become AlertError."""
    from prefect.blocks.core import Block

    try:
        # Block.load is typed as maybe-async; called outside an event loop it returns the block.
        block: Any = Block.load(name if "/" in name else f"{_block_type(name)}/{name}")
        block.notify(body=body, subject=title)
    except Exception as exc:  # any failure of a user's block is that channel's failure, not the run's
        raise AlertError(f"prefect-block://{name}", f"Prefect block failed: {type(exc).__name__}: {exc}"[:300]) from None


def _block_type(name: str) -> str:
    """Return the block type slug of a saved block called `name` (users give only the name)."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        for document in client.read_block_documents():
            if document.name == name and document.block_type is not None:
                return document.block_type.slug
    raise LookupError(f"no saved Prefect block named {name!r}")


def publish_snapshot(settings: Settings, changed: bool = True) -> Path | None:
    """Publish the read-only snapshot users open while runs write; return its path (None: kept).

    Called after every run that wrote anything (the fetch log counts, so `feed_health` on the
    snapshot is never a run behind); a run that wrote nothing keeps the snapshot it would copy again.
    """
    if not isinstance(settings.db, Path):
        return None  # a DuckLake has no file to copy: users attach it read-only while runs write
    if not changed and snapshot.snapshot_path(settings.db).exists():
        return None
    return snapshot.publish(settings.db, lock_timeout=settings.lock_timeout)


def _ms(clock: float) -> float:
    return round((time.monotonic() - clock) * 1000, 1)
