"""`reclassify` and `reprocess`: re-judge stored history with the current code, without network.

    reclassify  classify every stored article again (from its stored text), rebuild rounds
    reprocess   re-extract every stored raw page first, then the same

Both report what changed (labels, rounds created/removed/merged/split); with `dry_run` they write
nothing. Rounds found only now get `suppressed` alerts (reason "reprocess"): history never spams.
Labels and rounds change, so a real (not dry) run publishes the read-only snapshot afterwards.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from usecases.run import freeze_startup_heap, publish_snapshot
from ingest.alerts import plan_alerts
from ingest.understanding import CLASSIFIER_VERSION, classify_many, load_company_table
from ingest.text.extract import decompress_html
from usecases.workers import extract_all
from ingest.models import Classification
from ingest.rounds.replay import LabelChange, RoundsDiff, label_changes, replay_rounds, rounds_diff
from ingest.rounds import MATCHER_VERSION, RoundPlan
from ingest.settings import Settings, load_settings
from storage import alerts as alert_store
from storage import articles as article_store
from storage import classifications as class_store
from storage import rounds as round_store
from storage.db import connect, transaction, utcnow

SUPPRESS_REASON = "reprocess"


@dataclass(frozen=True)
class ReprocessReport:
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
        data = {k: v for k, v in asdict(self).items() if k not in ("labels_changed", "rounds")}
        return data | {"labels_changed": len(self.labels_changed), "rounds": self.rounds.model_dump()}


def rejudge(settings: Settings, *, reextract: bool, dry_run: bool) -> ReprocessReport:
    """Re-extract (optionally), reclassify and rebuild rounds; write unless `dry_run`."""
    now = utcnow()
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con:
        pages = article_store.stored_pages(con) if reextract else []
        texts = {t.article_id: t for t in article_store.article_texts(con)}
        before_labels = class_store.labels(con)
        before_rounds = round_store.memberships(con)
    updates, changed_text = [], 0
    if pages:
        extracted = extract_all(
            [(url, decompress_html(blob), "") for _, url, blob in pages], workers=settings.extract_workers
        )
        for (article_id, _, _), page in zip(pages, extracted, strict=True):
            status = "ok" if page.text else "no_text"
            updates.append((article_id, page.text, page.author, page.site_name, page.language, status, page.error))
            if article_id in texts and page.text != texts[article_id].text:
                changed_text += 1
                texts[article_id] = texts[article_id]._replace(text=page.text)
    verdicts: list[Classification] = classify_many(
        [(t.article_id, t.title, t.text or t.summary, t.published_at) for t in texts.values()],
        load_company_table(settings.companies_file),
    )
    after_labels = {v.article_id: v.label for v in verdicts}
    # A dry run does the same work inside a transaction that is rolled back: the preview is
    # exactly what a real run would write.
    with connect(settings.db, lock_timeout=settings.lock_timeout) as con, transaction(con, rollback=dry_run):
        article_store.update_extractions(con, updates)
        class_store.save_classifications(con, verdicts, now, replace=True)
        candidates = round_store.round_candidates(con, None, CLASSIFIER_VERSION, include_linked=True)
        rebuilt = replay_rounds(candidates, window_days=settings.round_window_days)
        diff = rounds_diff(before_rounds, {link.article_id: link.round_id for link in rebuilt.links})
        round_store.replace_rounds(con, rebuilt.rounds, rebuilt.links, now)
        created = set(diff.created)
        plan = RoundPlan(
            created_at=now, rounds=rebuilt.rounds, links=rebuilt.links, sources=rebuilt.sources,
            events=[e for e in rebuilt.events if e.round_id in created and e.kind == "new_round"],
        )
        alert_store.insert_alerts(con, plan_alerts(
            plan, watched=settings.watched_companies, channels=settings.alert_urls, now=now,
            freshness_days=settings.alert_freshness_days, suppress_reason=SUPPRESS_REASON,
        ))
    return ReprocessReport(
        articles=len(texts),
        reextracted=len(updates),
        text_changed=changed_text,
        labels_changed=label_changes(before_labels, after_labels),
        rounds=diff,
        dry_run=dry_run,
        label_counts={label: list(after_labels.values()).count(label) for label in sorted(set(after_labels.values()))},
    )


@task(name="rejudge", cache_policy=NO_CACHE)
def rejudge_task(settings: Settings, reextract: bool, dry_run: bool) -> ReprocessReport:
    """Re-judge stored history in one batched task."""
    return rejudge(settings, reextract=reextract, dry_run=dry_run)


def _publish(report: ReprocessReport, name: str, settings: Settings) -> dict[str, Any]:
    logger = get_run_logger()
    # A real run changed labels and rounds: readers of the snapshot see them now, not after the next ingest.
    snapshot = publish_snapshot(settings) if settings.snapshot and not report.dry_run else None
    for line in report.lines():
        logger.info(line)
    body = "\n".join(f"- {line.strip()}" for line in report.lines())
    create_markdown_artifact(key=f"{name}-summary", markdown=f"## layoffwatch {name}\n\n{body}\n")
    return report.as_dict() | {"snapshot": str(snapshot) if snapshot else None}


@flow(name="reclassify", description="Re-run the current classifier over stored articles (no network).")
def reclassify(db: str | None = None, dry_run: bool = False) -> dict[str, Any]:
    """Reclassify every stored article and rebuild rounds; return what changed."""
    freeze_startup_heap()
    settings = load_settings(db=db)
    report = rejudge_task(settings, reextract=False, dry_run=dry_run)
    return _publish(report, "reclassify", settings)


@flow(name="reprocess", description="Re-extract stored raw pages, reclassify and rebuild rounds (no network).")
def reprocess(db: str | None = None, dry_run: bool = False) -> dict[str, Any]:
    """Re-extract, reclassify and rebuild rounds from stored pages; return what changed."""
    freeze_startup_heap()
    settings = load_settings(db=db)
    report = rejudge_task(settings, reextract=True, dry_run=dry_run)
    return _publish(report, "reprocess", settings)
