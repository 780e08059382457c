"""What a backfill tells: progress as each source's window ends, then the summary (log line, markdown, dict)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from usecases import run as pipeline
from usecases.backfill.plan import Plan
from usecases.backfill.window import BatchOutcome, WindowOutcome

# A progress listener gets (source-windows finished, source-windows to do, the outcome or None
# right after planning).
Listener = Callable[[int, int, WindowOutcome | None], None]
_LISTENERS: list[Listener] = []
Logger = logging.Logger | logging.LoggerAdapter[Any]


@contextmanager
def progress_listener(listener: Listener) -> Iterator[None]:
    """Call `listener` after planning and after each source's window while the block runs (CLI progress)."""
    _LISTENERS.append(listener)
    try:
        yield
    finally:
        _LISTENERS.remove(listener)


def _notify(listeners: Sequence[Listener], done: int, total: int, outcome: WindowOutcome | None) -> None:
    for listener in [*_LISTENERS, *listeners]:
        listener(done, total, outcome)


class Progress:
    """Tells the log and the progress listeners how a planned backfill goes, window by window."""

    def __init__(self, planned: Plan, logger: Logger, listeners: Sequence[Listener] = ()) -> None:
        self.planned = planned
        self.total = len(planned.jobs)
        self.finished = 0
        self.logger = logger
        self.listeners = listeners  # told beside those of `progress_listener`

    def start(self, query: str, names: Sequence[str]) -> None:
        """Log what the plan holds and tell listeners the windows to do."""
        planned = self.planned
        again = sum(1 for job in planned.jobs if job.previous in ("running", "failed"))
        self.logger.info(
            "backfill %s..%s, query %r, sources %s: %d windows to do (%d failed or interrupted before),"
            " %d already done",
            planned.start, planned.end, query, ", ".join(names), self.total, again, planned.skipped,
        )
        _notify(self.listeners, 0, self.total, None)

    def window_done(self, result: BatchOutcome) -> None:
        """Log each source's outcome of a time window (and what it stored); tell listeners."""
        for outcome in result.outcomes:
            self.finished += 1
            log = self.logger.warning if outcome.status == "failed" else self.logger.info
            log("[%d/%d] %s", self.finished, self.total, outcome.log_line())
            _notify(self.listeners, self.finished, self.total, outcome)
        if result.new_articles or result.new_rounds:
            self.logger.info("window %s: %d articles stored, %d new rounds", result.window,
                             result.new_articles, len(result.new_rounds))


@dataclass(frozen=True)
class BackfillSummary:
    """A backfill's totals and each source-window worked."""

    start: str
    end: str
    query: str
    sources: list[str]
    windows_total: int
    windows_done: int
    windows_failed: int
    windows_skipped: int
    articles_found: int
    articles_new: int
    new_rounds: list[str]
    splits: int
    alerts_sent: int
    seconds: float
    outcomes: list[WindowOutcome] = field(default_factory=list)

    @classmethod
    def build(
        cls, planned: Plan, query: str, sources: list[str], batches: list[BatchOutcome],
        delivery: pipeline.Delivery, started: float,
    ) -> BackfillSummary:
        """Return the summary of the planned range's batches (`started`: time.monotonic() at the start)."""
        outcomes = [o for b in batches for o in b.outcomes]
        done = [o for o in outcomes if o.status == "done"]
        return cls(
            start=planned.start.isoformat(), end=planned.end.isoformat(), query=query, sources=sources,
            windows_total=planned.total, windows_done=len(done),
            windows_failed=len(outcomes) - len(done), windows_skipped=planned.skipped,
            articles_found=sum(o.found for o in done), articles_new=sum(b.new_articles for b in batches),
            new_rounds=[r for b in batches for r in b.new_rounds], splits=sum(len(o.splits) for o in done),
            alerts_sent=delivery.sent, seconds=round(time.monotonic() - started, 2), outcomes=outcomes,
        )

    @property
    def systemic_failure(self) -> str | None:
        """A reason to fail the run: every window it tried failed (no network, service down...)."""
        if self.outcomes and self.windows_failed == len(self.outcomes):
            first = self.outcomes[0]
            return f"all {self.windows_failed} windows failed; first: {first.source} {first.window}: {first.error}"
        return None

    def headline(self) -> str:
        """Return the one-line result."""
        return (
            f"windows: {self.windows_done} done, {self.windows_failed} failed, "
            f"{self.windows_skipped} skipped (done before) of {self.windows_total}; "
            f"articles: {self.articles_found} found, {self.articles_new} new; "
            f"rounds found: {len(self.new_rounds)}"
        )

    def markdown(self) -> str:
        """Return the markdown artifact: totals, then one row per window worked."""
        lines = [
            f"# Backfill {self.start} to {self.end}",
            "",
            f"Query `{self.query}`, sources {', '.join(self.sources)}.",
            "",
            "| windows done | failed | skipped | articles found | new | rounds found | full windows split | alerts sent |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
            f"| {self.windows_done} | {self.windows_failed} | {self.windows_skipped} | {self.articles_found}"
            f" | {self.articles_new} | {len(self.new_rounds)} | {self.splits} | {self.alerts_sent} |",
            "",
        ]
        if self.outcomes:
            lines += ["| source | window | status | found | new | note |", "|---|---|---|---:|---:|---|"]
            lines += [_markdown_row(o) for o in self.outcomes]
        return "\n".join(lines) + "\n"

    def as_dict(self) -> dict[str, Any]:
        """Return the summary as plain data (the flow's return value)."""
        data = asdict(self)
        data["outcomes"] = [asdict(o) for o in self.outcomes]
        return data


def _markdown_row(o: WindowOutcome) -> str:
    note = o.error or "; ".join(
        part for part in (
            f"split {len(o.splits)}" if o.splits else "",
            f"capped {', '.join(o.capped)}" if o.capped else "",
            f"{o.unusable} unusable captures" if o.unusable else "",
        ) if part
    )
    return f"| {o.source} | {o.window} | {o.status} | {o.found} | {o.new} | {note.replace('|', '/')[:200]} |"
