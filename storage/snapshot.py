"""The read-only snapshot: a copy of the database users can open while a run writes.

DuckDB lets one process hold a file, so a user's session on `layoffwatch.duckdb` blocks runs and a
run blocks the user. After every run that wrote anything (its fetch log included), and after every
reclassify or reprocess, we checkpoint and copy the file to `layoffwatch.snapshot.duckdb`, swapped
in with an atomic rename: a reader never sees half a file, and `feed_health` on the copy is never
a run behind.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from storage.db import connect


def snapshot_path(db: Path) -> Path:
    """Return where the snapshot of `db` is published."""
    return db.with_name(db.stem + ".snapshot" + db.suffix)


def publish(db: Path, *, lock_timeout: float) -> Path:
    """Checkpoint `db`, copy it, and atomically replace the snapshot; return the snapshot path."""
    target = snapshot_path(db)
    partial = target.with_name(target.name + ".partial")
    with connect(db, lock_timeout=lock_timeout) as con:
        con.execute("CHECKPOINT")
        shutil.copyfile(db, partial)
    partial.replace(target)
    return target
