"""The run summary: log lines, the Prefect markdown artifact, and the systemic-failure verdict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from flows import pipeline


@dataclass(frozen=True)
class RunSummary:
    feeds_due: int
    feeds_ok: int
    feeds_not_modified: int
    feeds_failed: int
    feeds_backing_off: int
    entries_new: int
    articles_new: int
    articles_with_text: int
    duplicates: int
    layoff_reports: int
    new_rounds: list[dict]
    alerts_queued: int
    alerts_sent: int
    alerts_failed: int
    replayed_from_spool: int
    seconds: float
    snapshot: str | None
    failures: list[tuple[str, str]] = field(default_factory=list)
    # Spool files this release could not load, renamed aside: kept for a person to look at.
    spool_quarantined: list[str] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        prepared: pipeline.Prepared,
        fetched: pipeline.FetchedFeeds,
        batch: pipeline.Batch,
        stored: pipeline.Stored,
        delivery: pipeline.Delivery,
        snapshot: Path | None,
        started: datetime,
    ) -> RunSummary:
        fetches = fetched.fetches
        failed = [f for f in fetches if f.error]
        return cls(
            feeds_due=len(prepared.due),
            feeds_ok=sum(1 for f in fetches if not f.error),
            feeds_not_modified=sum(1 for f in fetches if f.not_modified),
            feeds_failed=len(failed),
            feeds_backing_off=len(prepared.backing_off),
            entries_new=len(fetched.entries),
            articles_new=stored.new_articles,
            articles_with_text=sum(1 for a in batch.articles if a.extraction_status == "ok"),
            duplicates=stored.duplicates,
            layoff_reports=stored.layoff_reports,
            new_rounds=list(stored.round_details),
            alerts_queued=stored.alerts_queued,
            alerts_sent=delivery.sent,
            alerts_failed=delivery.failed,
            replayed_from_spool=prepared.replayed,
            seconds=round((datetime.now() - started).total_seconds(), 2),
            snapshot=str(snapshot) if snapshot else None,
            failures=[(f.feed, f.error or "") for f in failed],
            spool_quarantined=list(prepared.quarantined),
        )

    @property
    def systemic_failure(self) -> str | None:
        """A reason to fail the run: every due feed failed (no network, proxy down...)."""
        if self.feeds_due and self.feeds_failed == self.feeds_due:
            return f"all {self.feeds_due} feeds failed; first error: {self.failures[0][1]}"
        return None

    def log_lines(self) -> list[str]:
        lines = [
            f"feeds: {self.feeds_ok} ok ({self.feeds_not_modified} not modified), "
            f"{self.feeds_failed} failed, {self.feeds_backing_off} backing off",
            f"articles: {self.articles_new} new ({self.articles_with_text} with text), "
            f"{self.duplicates} duplicates, {self.layoff_reports} layoff reports",
            f"rounds: {len(self.new_rounds)} new; alerts: {self.alerts_queued} queued, "
            f"{self.alerts_sent} sent, {self.alerts_failed} failed",
        ]
        lines += [f"feed {name} failed: {error}" for name, error in self.failures]
        if self.spool_quarantined:
            lines.append(self.quarantine_line())
        return lines

    def quarantine_line(self) -> str:
        """Return one line saying how many spooled batches were set aside unread, and where."""
        paths = [Path(p) for p in self.spool_quarantined]
        folders = sorted({str(p.parent) for p in paths})
        count = len(paths)
        return (
            f"spool: {count} spooled batch{'es' if count != 1 else ''} could not be loaded and "
            f"{'were' if count != 1 else 'was'} quarantined in {', '.join(folders)}: "
            + ", ".join(p.name for p in paths)
        )

    def markdown(self) -> str:
        rows = "\n".join(f"| {name} | {error.replace('|', '/')} |" for name, error in self.failures)
        failures = f"\n\n### Failed feeds\n\n| feed | error |\n|---|---|\n{rows}" if rows else ""
        quarantined = f"\n\n### Spool\n\n{self.quarantine_line()}" if self.spool_quarantined else ""
        rounds = "".join(
            f"\n- **{r['company']}**: {r['title']} ({r['status']}; "
            + ", ".join(f"[{s['source']}]({s['url']})" for s in r["sources"][:3]) + ")"
            for r in self.new_rounds
        ) or "\n\nnone"
        return (
            "## layoffwatch ingest run\n\n"
            "| what | count |\n|---|---|\n"
            f"| feeds ok | {self.feeds_ok} |\n| feeds not modified | {self.feeds_not_modified} |\n"
            f"| feeds failed | {self.feeds_failed} |\n| feeds backing off | {self.feeds_backing_off} |\n"
            f"| new articles | {self.articles_new} |\n| duplicates | {self.duplicates} |\n"
            f"| layoff reports | {self.layoff_reports} |\n| alerts sent | {self.alerts_sent} |\n"
            f"| alerts failed | {self.alerts_failed} |\n| seconds | {self.seconds} |\n\n"
            f"### New rounds\n{rounds}{failures}{quarantined}\n"
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
