"""The store step's decisions, pure: from a batch and what storage holds, everything the batch changes.

`store.read_state` loads what these need in the store transaction; `decide` returns one
`BatchWrite` for `storage.batches.write_batch` and the `Stored` tally. Nothing here touches
storage or the network: duplicates, rounds, alert rows and feed back-off are decided by the
domain functions of ingest/.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from ingest import dedup
from ingest.alerts import AlertRow, plan_alerts
from ingest.feeds.health import after_fetches
from ingest.models import OPENING_CHARS, Article, Classification, Round, RoundCandidate
from ingest.rounds import RoundPlan, match_rounds
from ingest.settings import Settings, alert_channels
from ingest.understanding import CLASSIFIER_VERSION
from ingest.urls import UrlResolution, decode_google_news, is_google_news
from storage.batches import BatchWrite
from usecases.analysis import with_languages
from usecases.run.steps import Batch, Stored

# An outlet named by its host when the page names none (as `storage.rounds` names stored articles).
_HOST = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\.)?([^/:?#]+)")


@dataclass(frozen=True)
class OpenRounds:
    """The stored rounds a batch's reports may join or change, their members, and those already announced."""

    rounds: list[Round]
    members: dict[str, list[RoundCandidate]]
    alerted: set[str]


@dataclass(frozen=True)
class Seen:
    """What the store step read before deciding, with the batch's parts derived from it."""

    fresh: list[Article]  # the batch's articles not stored yet, one per id
    failures: dict[str, int]  # feed -> failures in a row before this batch
    items: list[dedup.DedupItem]  # the fresh articles, signed
    stored_copies: dedup.StoredCandidates
    candidates: list[RoundCandidate]  # the fresh layoff reports, as round matching takes them
    open_rounds: OpenRounds


def fresh_articles(articles: Sequence[Article], known: set[str]) -> list[Article]:
    """Return the articles not stored yet, one per id (the last of a repeated id, as storage keeps it)."""
    return [a for a in {a.article_id: a for a in articles}.values() if a.article_id not in known]


def dedup_items(articles: Sequence[Article], signed: Mapping[str, dedup.TextSignature]) -> list[dedup.DedupItem]:
    """Return one dedup item per article: its signature from extraction, or computed now."""
    unsigned = {item.article_id: item for item in dedup.dedup_items([a for a in articles if a.article_id not in signed])}
    return [
        unsigned.get(a.article_id) or dedup.DedupItem(
            article_id=a.article_id, canonical_url=a.canonical_url,
            published_at=a.published_at, signature=signed[a.article_id],
        )
        for a in articles
    ]


def report_candidates(articles: Sequence[Article], verdicts: Sequence[Classification]) -> list[RoundCandidate]:
    """Return the layoff reports among `articles` as round candidates, oldest first.

    The same candidates `storage.rounds.round_candidates` reads back once they are stored: the
    verdict of the current classifier as its row holds it, the outlet trimmed, the URL as fetched.
    """
    by_id: dict[str, Classification] = {}
    for v in verdicts:
        if v.classifier_version == CLASSIFIER_VERSION:
            by_id.setdefault(v.article_id, v)
    candidates = [
        RoundCandidate(
            article_id=a.article_id, source=outlet(a), url=a.url, title=a.title,
            published_at=a.published_at, fetched_at=a.fetched_at,
            classification=by_id[a.article_id].model_copy(update={"language": None}),
            opening=a.text[:OPENING_CHARS],
        )
        for a in articles
        if a.article_id in by_id and by_id[a.article_id].label == "layoff_report"
    ]
    return sorted(candidates, key=lambda c: (c.published_at, c.article_id))


def outlet(article: Article) -> str:
    """Return the outlet an article counts for: its source name, else its site name, else its host."""
    for name in (article.source_name, article.site_name):
        if name is not None and name.strip(" "):
            return name.strip(" ")
    host = _HOST.match(article.canonical_url)
    return host.group(1).lower() if host else ""


def google_news_resolutions(articles: Sequence[Article], now: datetime) -> list[UrlResolution]:
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


def decide_rounds(
    settings: Settings, candidates: Sequence[RoundCandidate], open_rounds: OpenRounds, now: datetime,
    suppress: str | None,
) -> tuple[RoundPlan, list[AlertRow]]:
    """Return the plan grouping `candidates` with the open rounds, and the outbox rows it calls for."""
    plan = match_rounds(
        open_rounds.rounds, candidates, window_days=settings.round_window_days, now=now, members=open_rounds.members
    )
    rows = plan_alerts(
        plan,
        watched=settings.watched_companies,
        channels=alert_channels(settings),
        now=now,
        freshness_days=settings.alert_freshness_days,
        updates_enabled=settings.alert_updates,
        suppress_reason=suppress,
        alerted=open_rounds.alerted,
    )
    return plan, rows


def decide(
    settings: Settings, batch: Batch, verdicts: Sequence[Classification], seen: Seen, now: datetime
) -> tuple[BatchWrite, Stored]:
    """Return what storing `batch` writes, and the tally of it (`alerts_queued` is known once written)."""
    fresh_ids = {a.article_id for a in seen.fresh}
    duplicates = dedup.decide(seen.items, seen.stored_copies) if seen.items else []
    fresh_verdicts = [v for v in verdicts if v.article_id in fresh_ids]
    reports = [v.article_id for v in fresh_verdicts if v.label == "layoff_report"]
    plan, alerts = (None, []) if not seen.candidates else decide_rounds(
        settings, seen.candidates, seen.open_rounds, now, batch.suppress_alerts
    )
    write = BatchWrite(
        fetches=batch.fetches,
        health=after_fetches(batch.fetches, seen.failures),
        articles=with_languages(batch.articles, verdicts),
        classified_at=now,
        resolutions=google_news_resolutions(seen.fresh, now),
        signatures=[item.signature for item in seen.items],
        duplicates=duplicates,
        verdicts=fresh_verdicts,
        plan=plan,
        alerts=alerts,
        # Read under the same lock and transaction as the write: it need not read them again.
        stored=frozenset(a.article_id for a in batch.articles) - {a.article_id for a in seen.fresh},
        signed=seen.stored_copies.processed,
    )
    stored = Stored(
        new_articles=len(seen.fresh),
        duplicates=len(duplicates),
        classified=len(fresh_verdicts),
        layoff_reports=len(reports),
        new_rounds=[e.round_id for e in plan.events if e.kind == "new_round"] if plan else [],
        round_details=round_details(plan) if plan else [],
    )
    return write, stored


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
