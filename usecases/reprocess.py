"""Re-judging stored history with the current code, without network (`reclassify`, `reprocess`).

    read     the stored pages (when re-extracting), texts, labels and round memberships
    decide   re-extract the pages (worker pool), classify every article again
    write    one transaction: texts, labels, then rounds rebuilt from what it now holds and the
             `suppressed` alerts of rounds found only now (reason "reprocess": history never spams)

A dry run does the same work in a transaction that is rolled back: the preview is exactly what a
real run would write. Alerts are queued for the run's own channel list (`alert_channels`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from ingest.alerts import AlertRow, plan_alerts
from ingest.models import Classification, Label, RoundCandidate
from ingest.rounds import MATCHER_VERSION, RoundPlan
from ingest.rounds.replay import LabelChange, RebuiltRounds, RoundsDiff, label_changes, replay_rounds, rounds_diff
from ingest.settings import Settings, alert_channels
from ingest.text.articles import without_headline
from ingest.text.extract import decompress_html
from ingest.understanding import CLASSIFIER_VERSION, classify_many, load_company_table
from storage import alerts as alert_store
from storage import articles as article_store
from storage import classifications as class_store
from storage import rounds as round_store
from storage.articles import StoredText
from storage.db import connect, transaction, utcnow
from usecases.workers import extract_all

# (items of (article_id, title, text, published_at), the company table) -> one verdict per item, in order
Classifier = Callable[..., list[Classification]]

SUPPRESS_REASON = "reprocess"


@dataclass(frozen=True)
class ReprocessReport:
    """What re-judging changed (or would change, in a dry run)."""

    articles: int
    reextracted: int
    text_changed: int
    labels_changed: list[LabelChange]
    rounds: RoundsDiff
    dry_run: bool
    classifier_version: str = CLASSIFIER_VERSION
    matcher_version: str = MATCHER_VERSION
    label_counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """Return the human summary, one fact a line."""
        r = self.rounds
        verb = "would change" if self.dry_run else "changed"
        lines = [
            f"{self.articles} articles; {self.reextracted} re-extracted ({self.text_changed} texts changed)",
            f"labels {verb}: {len(self.labels_changed)} (now {self.label_counts})",
            f"rounds: {r.rounds_before} -> {r.rounds_after}; created {len(r.created)}, removed {len(r.removed)},"
            f" merged {r.merged}, split {r.split}; {r.relinked} articles relinked",
        ]
        lines += [f"  {c.article_id}: {c.before or 'unclassified'} -> {c.after}" for c in self.labels_changed[:20]]
        if len(self.labels_changed) > 20:
            lines.append(f"  ... and {len(self.labels_changed) - 20} more")
        return lines

    def as_dict(self) -> dict[str, Any]:
        """Return the report as plain data (the flows' return value), changed labels counted."""
        data = {k: v for k, v in asdict(self).items() if k not in ("labels_changed", "rounds")}
        return data | {"labels_changed": len(self.labels_changed), "rounds": self.rounds.model_dump()}


@dataclass(frozen=True)
class History:
    """What re-judging reads before deciding."""

    pages: list[tuple[str, str, bytes]]  # (article_id, url, compressed html); empty unless re-extracting
    texts: dict[str, StoredText]
    labels: dict[str, Label]
    memberships: dict[str, str]  # article_id -> round_id


@dataclass(frozen=True)
class Texts:
    """The articles' texts after re-extraction, and the extraction rows to write."""

    texts: dict[str, StoredText]
    updates: list[tuple[Any, ...]]  # in `storage.articles.EXTRACTION_COLUMNS` order
    changed: int


@dataclass(frozen=True)
class RoundsDecision:
    """The rebuilt rounds, how they differ from the stored ones, and the alerts of rounds found only now."""

    rebuilt: RebuiltRounds
    diff: RoundsDiff
    alerts: list[AlertRow]


def rejudge(
    settings: Settings, *, reextract: bool, dry_run: bool, classify: Classifier = classify_many,
) -> ReprocessReport:
    """Re-extract (optionally), reclassify and rebuild rounds; write unless `dry_run`; return what changed.

    `classify` is the classifier to judge with: today's by default; a caller comparing another one
    (an evaluation, a test of what a new classifier would change) passes it.
    """
    now = utcnow()
    history = read_history(settings, reextract=reextract)
    texts = reextracted(settings, history)
    verdicts: list[Classification] = classify(
        [(t.article_id, t.title, t.text or t.summary, t.published_at) for t in texts.texts.values()],
        load_company_table(settings.companies_file),
    )
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con, transaction(con, rollback=dry_run):
        article_store.update_extractions(con, texts.updates)
        class_store.save_classifications(con, verdicts, now, replace=True)
        # Read back inside the transaction: a round's candidates are the stored articles as the
        # labels just written make them, exactly as a run reads them.
        candidates = round_store.round_candidates(con, None, CLASSIFIER_VERSION, include_linked=True)
        rounds = decide_rounds(settings, candidates, history.memberships, now)
        round_store.replace_rounds(con, rounds.rebuilt.rounds, rounds.rebuilt.links, now)
        alert_store.insert_alerts(con, rounds.alerts)
    after = {v.article_id: v.label for v in verdicts}
    return ReprocessReport(
        articles=len(texts.texts),
        reextracted=len(texts.updates),
        text_changed=texts.changed,
        labels_changed=label_changes(history.labels, after),
        rounds=rounds.diff,
        dry_run=dry_run,
        label_counts={label: list(after.values()).count(label) for label in sorted(set(after.values()))},
    )


def read_history(settings: Settings, *, reextract: bool) -> History:
    """Return the stored pages (when `reextract`), texts, labels and round memberships."""
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        return History(
            pages=article_store.stored_pages(con) if reextract else [],
            texts={t.article_id: t for t in article_store.article_texts(con)},
            labels=class_store.labels(con),
            memberships=round_store.memberships(con),
        )


def reextracted(settings: Settings, history: History) -> Texts:
    """Return the texts with each stored page extracted again (worker pool), and the rows to write."""
    texts, updates, changed = dict(history.texts), [], 0
    if not history.pages:
        return Texts(texts=texts, updates=[], changed=0)
    pages = extract_all(
        [(url, decompress_html(blob), "") for _, url, blob in history.pages], workers=settings.extract_workers
    )
    for (article_id, _, _), page in zip(history.pages, pages, strict=True):
        status = "ok" if page.text else "no_text"
        # as a run stores it (ingest.text.articles.build_article): without the headline repeated
        text = without_headline(page.text, texts[article_id].title) if article_id in texts else page.text
        updates.append((article_id, text, page.author, page.site_name, page.language, status, page.error))
        if article_id in texts and text != texts[article_id].text:
            changed += 1
            texts[article_id] = texts[article_id]._replace(text=text)
    return Texts(texts=texts, updates=updates, changed=changed)


def decide_rounds(
    settings: Settings, candidates: Sequence[RoundCandidate], memberships: dict[str, str], now: datetime
) -> RoundsDecision:
    """Return the rounds rebuilt from `candidates`, their difference from `memberships`, the new rounds' alerts."""
    rebuilt = replay_rounds(candidates, window_days=settings.round_window_days)
    diff = rounds_diff(memberships, {link.article_id: link.round_id for link in rebuilt.links})
    created = set(diff.created)
    plan = RoundPlan(
        created_at=now, rounds=rebuilt.rounds, links=rebuilt.links, sources=rebuilt.sources,
        events=[e for e in rebuilt.events if e.round_id in created and e.kind == "new_round"],
    )
    alerts = plan_alerts(
        plan, watched=settings.watched_companies, channels=alert_channels(settings), now=now,
        freshness_days=settings.alert_freshness_days, suppress_reason=SUPPRESS_REASON,
    )
    return RoundsDecision(rebuilt=rebuilt, diff=diff, alerts=alerts)
