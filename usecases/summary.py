"""The run summary: what a run fetched, skipped, stored and sent, for the console, the log and the artifact.

Built from the pipeline's outputs only. It counts feeds fetched, not modified, failed and skipped
while backing off (with the earliest next attempt), says so when nothing was fetched at all, and
counts alerts sent, failed, given up (failed for the last time) and waiting for a retry (with the
earliest retry). `systemic_failure` is the verdict that fails a run; `RunFailed` carries the summary to the CLI.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from usecases import run as pipeline


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
    # When the earliest feed skipped while backing off is due again (UTC).
    next_feed_attempt_at: datetime | None = None
    # Alerts that failed and wait for a retry, this run's and earlier ones, and the earliest retry (UTC).
    alerts_waiting: int = 0
    next_alert_retry_at: datetime | None = None
    # Alerts whose failure this run was their last (no retry planned): alerts_log shows them `given_up`.
    alerts_given_up: int = 0

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
        retries = [
            state.next_attempt_at for name in prepared.backing_off
            if (state := prepared.states.get(name)) is not None and state.next_attempt_at is not None
        ]
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
            next_feed_attempt_at=min(retries, default=None),
            alerts_waiting=delivery.waiting,
            next_alert_retry_at=delivery.next_retry_at,
            alerts_given_up=delivery.given_up,
        )

    @property
    def feeds_fetched(self) -> int:
        """Feeds that answered with content this run (not modified and failed ones excluded)."""
        return self.feeds_ok - self.feeds_not_modified

    @property
    def systemic_failure(self) -> str | None:
        """A reason to fail the run: every due feed failed (no network, proxy down...)."""
        if self.feeds_due and self.feeds_failed == self.feeds_due:
            return f"all {self.feeds_due} feeds failed; first error: {self.failures[0][1]}"
        return None

    @property
    def nothing_fetched(self) -> str | None:
        """A hint when no feed was even tried: every one is backing off after failing."""
        if self.feeds_due or not self.feeds_backing_off:
            return None
        return (
            f"nothing was fetched: all {self.feeds_backing_off} feeds are backing off after failing"
            f"{_until(self.next_feed_attempt_at, 'next attempt')}; `layoffwatch run --all-feeds` fetches them now"
        )

    def log_lines(self, max_failures: int = 1000) -> list[str]:
        """Return the summary, one fact a line: feeds, articles and rounds, alerts, then each failed feed."""
        skipped = f", {self.feeds_backing_off} skipped while backing off" if self.feeds_backing_off else ""
        given_up = (
            f", {self.alerts_given_up} given up (see the alerts_log view)" if self.alerts_given_up else ""
        )
        waiting = (
            f", {self.alerts_waiting} waiting for a retry{_until(self.next_alert_retry_at, 'next')}"
            if self.alerts_waiting else ""
        )
        lines = [
            f"feeds: {self.feeds_fetched} fetched, {self.feeds_not_modified} not modified, "
            f"{self.feeds_failed} failed{skipped}{_until(self.next_feed_attempt_at, 'next attempt') if skipped else ''}",
            f"articles: {self.articles_new} new ({self.articles_with_text} with text), "
            f"{self.duplicates} duplicates, {self.layoff_reports} layoff reports; rounds: {len(self.new_rounds)} new",
            f"alerts: {self.alerts_queued} queued, {self.alerts_sent} sent, {self.alerts_failed} failed{given_up}{waiting}",
        ]
        lines += [f"feed {name} failed: {error}" for name, error in self.failures[:max_failures]]
        if len(self.failures) > max_failures:
            lines.append(f"... and {len(self.failures) - max_failures} more failed feeds: see the feed_health view")
        if self.spool_quarantined:
            lines.append(self.quarantine_line())
        return lines

    def console_lines(self) -> list[str]:
        """Return what `layoffwatch run` prints: the summary, then how the run ended (or the hint)."""
        lines = self.log_lines(max_failures=5)
        if self.systemic_failure:
            return lines
        closing = self.nothing_fetched or (
            f"run complete in {self.seconds:.1f} s: {self.articles_new} new articles, "
            f"{len(self.new_rounds)} new rounds, {self.feeds_failed} feeds failed"
        )
        return [*lines, closing]

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
            f"| feeds failed | {self.feeds_failed} |\n| feeds skipped while backing off | {self.feeds_backing_off} |\n"
            f"| new articles | {self.articles_new} |\n| duplicates | {self.duplicates} |\n"
            f"| layoff reports | {self.layoff_reports} |\n| alerts sent | {self.alerts_sent} |\n"
            f"| alerts failed | {self.alerts_failed} |\n| alerts given up | {self.alerts_given_up} |\n"
            f"| alerts waiting for a retry | {self.alerts_waiting} |\n"
            f"| seconds | {self.seconds} |\n\n"
            f"### New rounds\n{rounds}{failures}{quarantined}\n"
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class RunFailed(RuntimeError):
    """A run that failed as a whole (every feed failed); carries the summary for the CLI to print."""

    def __init__(self, message: str, summary: dict[str, Any] | None = None) -> None:
        super().__init__(message, summary)  # both in args: a pickled copy rebuilds whole
        self.summary = summary or {}

    def __str__(self) -> str:
        return str(self.args[0])


def _until(moment: datetime | None, label: str) -> str:
    return f" ({label} {moment:%Y-%m-%d %H:%M} UTC)" if moment is not None else ""
