"""A spool beside the database for batches that could not be written yet.

A run writes its batch here before opening the database and deletes it after the commit. When the
file is locked past the limit, or the process dies mid-write, the batch stays and the next run
writes it first: what a run fetched is never lost, and re-writing it is idempotent.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def spool_dir(db_path: Path) -> Path:
    """Return the spool folder that belongs to a database file."""
    return db_path.parent / f"{db_path.name}.spool"


def write(db_path: Path, run_id: str, batch: Any) -> Path:
    """Persist `batch` atomically under the run's id; return its path."""
    folder = spool_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{run_id}.pickle"
    partial = final.with_suffix(".partial")
    with partial.open("wb") as handle:
        pickle.dump(batch, handle, protocol=pickle.HIGHEST_PROTOCOL)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, final)
    return final


def pending(db_path: Path) -> Iterator[tuple[Path, Any]]:
    """Yield (path, batch) for every spooled batch, oldest first; unreadable files are skipped."""
    folder = spool_dir(db_path)
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime):
        try:
            with path.open("rb") as handle:
                yield path, pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError):
            path.rename(path.with_suffix(".corrupt"))


def remove(path: Path) -> None:
    """Delete a spooled batch once it is committed."""
    path.unlink(missing_ok=True)
