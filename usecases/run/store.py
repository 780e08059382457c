"""The store step: read what the decisions need, decide (usecases.run.decide), write one result.

The batch is spooled first and the spool file dropped after the commit, so a failed write loses
nothing: the next run's prepare step writes it again (idempotently).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from ingest import dedup
from ingest.models import Classification, RoundCandidate
from ingest.rounds import region_start
from ingest.settings import Settings
from ingest.understanding import classify_many, load_company_table
from storage import alerts as alert_store
from storage import articles as article_store
from storage import dedup as dedup_store
from storage import feeds as feed_store
from storage import rounds as round_store
from storage import spool
from storage.backends import spool_base
from storage.batches import staged, write_batch
from storage.db import Connection, connect, transaction
from usecases.analysis import with_languages
from usecases.run.decide import OpenRounds, Seen, decide, dedup_items, fresh_articles, report_candidates
from usecases.run.steps import Batch, Stored

logger = logging.getLogger("layoffwatch.pipeline")


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
    verdicts = batch_verdicts(settings, batch)
    # Decided before the lock (it depends on nothing stored), so the staged rows carry it too.
    batch = replace(batch, articles=with_languages(batch.articles, verdicts))
    # On a lake the rows are loaded before the catalog lock is taken: other shards wait on it.
    with staged(settings.db, batch.articles, verdicts, now) as stage, \
            connect(settings.db, lock_timeout=settings.lock_timeout) as con, transaction(con):
        seen = read_state(con, settings, batch, verdicts, now)
        write, stored = decide(settings, batch, verdicts, seen, now)
        queued = write_batch(con, replace(write, staged=stage))
    return replace(stored, alerts_queued=queued)


def batch_verdicts(settings: Settings, batch: Batch) -> list[Classification]:
    """Return a verdict per article: extraction's, or classified now where it gave none (a replayed batch)."""
    missing = [a for a in batch.articles if a.article_id not in batch.verdicts]
    return list(batch.verdicts.values()) + classify_many(
        [(a.article_id, a.title, a.text or a.summary, a.published_at) for a in missing],
        load_company_table(settings.companies_file),
    )


def read_state(
    con: Connection, settings: Settings, batch: Batch, verdicts: list[Classification], now: datetime
) -> Seen:
    """Return what deciding `batch` needs from storage: stored ids, feed failures, dedup roots, open rounds."""
    known = article_store.known_article_ids(con, [a.article_id for a in batch.articles])
    fresh = fresh_articles(batch.articles, known)
    items = dedup_items(fresh, batch.signatures)
    candidates = report_candidates(fresh, verdicts)
    states = feed_store.feed_states(con, sorted({f.feed for f in batch.fetches if not f.skipped}))
    return Seen(
        fresh=fresh,
        failures={name: state.consecutive_failures for name, state in states.items()},
        items=items,
        stored_copies=dedup_store.load_candidates(con, items, min_exact_shingles=dedup.MIN_EXACT_SHINGLES),
        candidates=candidates,
        open_rounds=read_open_rounds(con, settings, candidates, now),
    )


def read_open_rounds(
    con: Connection, settings: Settings, candidates: list[RoundCandidate], now: datetime
) -> OpenRounds:
    """Return the stored rounds `candidates` may join or change, their members, and which were announced."""
    if not candidates:
        return OpenRounds(rounds=[], members={}, alerted=set())
    companies = sorted({c.classification.companies[0] for c in candidates if c.classification.companies})
    since = region_start(candidates, settings.round_window_days) or now.date()
    rounds = round_store.load_open_rounds(con, companies, since)
    ids = [r.round_id for r in rounds]
    # Updates are the only events that look at `alerted`, and only stored rounds get updates.
    return OpenRounds(
        rounds=rounds, members=round_store.load_round_members(con, ids), alerted=alert_store.alerted_rounds(con, ids)
    )
