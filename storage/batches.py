"""A run's decided batch, written in one go: the one write of the store step.

The use case reads what its decisions need, decides everything (fresh articles, feed health,
duplicates, labels, rounds, alert rows) and hands the result here as values. This module decides
nothing: it writes each part through the module that owns its tables, in the caller's transaction,
in the order the tables depend on each other (articles before the dedup mirror and round headlines).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from ingest.models import AlertRow
from ingest.models import DuplicateDecision, TextSignature
from ingest.models import FeedHealth
from ingest.models import Article, Classification, FeedFetch
from ingest.models import RoundPlan
from ingest.settings import LakeTarget
from ingest.models import UrlResolution
from storage import alerts as alert_store
from storage import articles as article_store
from storage import classifications as class_store
from storage import dedup as dedup_store
from storage import feeds as feed_store
from storage import rounds as round_store
from storage.backends import resolve_target
from storage.backends.lake import staging


@dataclass(frozen=True)
class BatchWrite:
    """Everything one stored batch changes, decided already."""

    fetches: Sequence[FeedFetch]
    health: Mapping[str, FeedHealth]  # by fetch_id
    # Every article of the batch: those stored already are skipped, as a replay needs.
    articles: Sequence[Article]
    classified_at: datetime
    resolutions: Sequence[UrlResolution] = ()
    signatures: Sequence[TextSignature] = ()
    duplicates: Sequence[DuplicateDecision] = ()
    verdicts: Sequence[Classification] = ()
    plan: RoundPlan | None = None  # None: no new layoff report, no round touched
    alerts: Sequence[AlertRow] = field(default=())
    # The batch's article and verdict rows, loaded ahead of the write (`staged`; None: from the values).
    staged: str | None = None
    # Read in the write's own transaction by the caller, so not read again (None: read here):
    # which `articles` are stored, and which `signatures`' articles have a stored signature.
    stored: frozenset[str] | None = None
    signed: frozenset[str] | None = None


def write_batch(con: duckdb.DuckDBPyConnection, batch: BatchWrite) -> int:
    """Write a decided batch in the caller's transaction; return how many alert rows were new."""
    feed_store.record_fetches(con, batch.fetches, batch.health)
    # The dedup mirror columns go in with the articles (decided already), not in an UPDATE after.
    links = {d.article_id: d.duplicate_of for d in batch.duplicates}
    mirror = {s.article_id: (s.text_hash, links.get(s.article_id)) for s in batch.signatures}
    inserted = article_store.insert_new_articles(
        con, batch.articles, staged=batch.staged, mirror=mirror, stored=batch.stored
    )
    dedup_store.save_resolutions(con, batch.resolutions)
    if batch.signatures:
        dedup_store.save(
            con, batch.signatures, batch.duplicates, mirrored=inserted & mirror.keys(), signed=batch.signed
        )
    class_store.save_classifications(con, batch.verdicts, batch.classified_at, staged=batch.staged)
    if batch.plan is None:
        return 0
    round_store.save_plan(con, batch.plan)
    return alert_store.insert_alerts(con, batch.alerts)


@contextmanager
def staged(
    db: Path | str | LakeTarget, articles: Sequence[Article], verdicts: Sequence[Classification], classified_at: datetime
) -> Iterator[str | None]:
    """Yield the name of staging tables holding the batch's articles, pages and verdicts (None: none made).

    On a lake only, entered before the write's connection takes the catalog lock: DuckDB's scan
    of Python values then runs while other shards write, and the write copies
    rows inside DuckDB. A file's write is not waited for by other shards: it binds the values as before.
    The tables live in the process's lake instance, in memory, and are dropped on exit.
    """
    target = resolve_target(db)
    if not isinstance(target, LakeTarget) or not articles:
        yield None
        return
    with staging(target) as stage:
        if stage is None:  # the lake is not attached in this process yet: the write binds the values
            yield None
            return
        name = f"lw_stage_{uuid.uuid4().hex}"
        try:
            article_store.stage_articles(stage, name, articles)
            class_store.stage_classifications(stage, name, verdicts, classified_at)
            yield name
        finally:
            try:
                for table in ("articles", "article_html", "classifications"):
                    stage.execute(f"DROP TABLE IF EXISTS {name}_{table}")
            except duckdb.Error:
                pass  # the instance broke (and was dropped): its in-memory tables went with it
