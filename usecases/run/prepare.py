"""The prepare step: sync the feed list, write spooled batches, and pick the feeds due now."""

from __future__ import annotations

import atexit
import functools
import gc
from datetime import datetime
from pathlib import Path

from ingest.urls.redact import safe_url
from ingest.feeds.health import is_due
from ingest.models import FeedConfig
from ingest.models.shards import select_feeds
from ingest.settings import Settings
from storage import feeds as feed_store
from storage import spool
from storage.backends import is_lake, spool_base
from storage.db import connect
from usecases.run.steps import Batch, Prepared
from usecases.run.store import store_now


@functools.cache
def freeze_startup_heap() -> None:
    """Exempt what the process holds before its first run from garbage collection (once).

    Modules, Prefect and pydantic schemas are ~340,000 objects that live as long as the process,
    and a full collection walks every one of them, in the middle of a step that has no use for it
    (benchmarks/README.md has the figures). Objects made later, a run's own garbage included, are
    collected as usual. They are handed back to the collector at exit, so interpreter shutdown
    still frees them (and native extensions such as DuckDB's do not report them as leaked).
    """
    gc.freeze()
    atexit.register(gc.unfreeze)


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
    # Read without a lake's lock: each shard's feeds are its own, so no other shard changes them.
    with connect(settings.db, read_only=is_lake(settings.db), lock_timeout=settings.lock_timeout) as con:
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
