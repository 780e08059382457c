"""`reclassify` and `reprocess`: re-judge stored history with the current code, without network.

    reclassify  classify every stored article again (from its stored text), rebuild rounds
    reprocess   re-extract every stored raw page first, then the same

Both wrap `usecases.reprocess.rejudge` in one batched task and report what changed (labels, rounds
created/removed/merged/split); with `dry_run` they write nothing. Labels and rounds change, so a
real (not dry) run publishes the read-only snapshot afterwards.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from ingest.settings import Settings, load_settings
from usecases.reprocess import ReprocessReport, rejudge
from usecases.run import freeze_startup_heap, publish_snapshot

__all__ = ["reclassify", "rejudge", "rejudge_task", "reprocess"]  # rejudge: tests/test_ducklake.py imports it here


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
