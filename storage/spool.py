"""A spool beside the database for batches that could not be written yet.

A run writes its batch here before opening the database and deletes it after the commit. When the
file is locked past the limit, or the process dies mid-write, the batch stays and the next run
writes it first: what a run fetched is never lost, and re-writing it is idempotent.

The file is flushed to disk (`keep`) only when the write fails. Until then a killed process still
leaves it in the page cache; only an OS crash during the write can lose it, and then nothing of
the run was committed (feed validators included), so the next run fetches the same items again.
An fsync of every batch cost 0.3 s of idle cores per 2,000 articles (benchmarks/throughput.py).
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
    """Save `batch` atomically under the run's id (not yet fsynced, see `keep`); return its path."""
    folder = spool_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{run_id}.pickle"
    partial = final.with_suffix(".partial")
    with partial.open("wb") as handle:
        pickle.dump(batch, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, final)
    return final


def keep(path: Path) -> None:
    """Flush a spooled batch and its folder entry to disk: the batch must outlive this run."""
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


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
