"""The snapshot step: publish the read-only copy users open while runs write."""

from __future__ import annotations

from pathlib import Path

from ingest.settings import Settings
from storage import snapshot


def publish_snapshot(settings: Settings, changed: bool = True) -> Path | None:
    """Publish the read-only snapshot users open while runs write; return its path (None: kept).

    Called after every run that wrote anything (the fetch log counts, so `feed_health` on the
    snapshot is never a run behind); a run that wrote nothing keeps the snapshot it would copy again.
    """
    if not isinstance(settings.db, Path):
        return None  # a DuckLake has no file to copy: users attach it read-only while runs write
    if not changed and snapshot.snapshot_path(settings.db).exists():
        return None
    return snapshot.publish(settings.db, lock_timeout=settings.lock_timeout)
