"""Where the data lives, behind the same `storage` functions.

* a **DuckDB file** (`LAYOFFWATCH_DB=data/layoffwatch.duckdb`, the default): one process holds it
  at a time, runs take turns by its file lock, users read the published snapshot;
* a **DuckLake** (`LAYOFFWATCH_DB=ducklake:postgres:<libpq conninfo>`, data under
  `LAYOFFWATCH_DATA_PATH`): its catalog in PostgreSQL, its tables as Parquet files in a folder or
  bucket. Any number of runs (shards, machines) work at once; their writes take turns under the
  catalog lock (`storage.backends.catalog_lock`), and readers attach it read-only while they write.

Both get the same tables, comments and views from the same migrations (`storage.backends.lake`
turns the DDL into DuckLake's dialect), and the same keys (`storage.keys`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.settings import LakeTarget, is_lake_uri, lake_target
from ingest.models.shards import Shard

Target = Path | LakeTarget

# A lake has no file to put a spool beside: spools live here, relative to the working directory
# like the default database (one folder per lake and shard, on each machine).
LAKE_SPOOL_ROOT = Path("data")


def resolve_target(value: Path | str | LakeTarget) -> Target:
    """Return a DuckDB file path or a DuckLake for a LAYOFFWATCH_DB value."""
    if isinstance(value, LakeTarget):
        return value
    if is_lake_uri(value):
        return lake_target(str(value))
    return Path(value)


def is_lake(value: Path | str | LakeTarget) -> bool:
    """Return whether `value` names a DuckLake."""
    return isinstance(resolve_target(value), LakeTarget)


def spool_base(db: Target, shard: Shard | None = None) -> Path:
    """Return the path whose spool folder (`storage.spool.spool_dir`) holds this run's unwritten batches.

    A file's unsharded spool stays where it always was, beside the file. Each shard gets its own:
    shards run at once, and one must never replay a batch another is still writing.
    """
    if isinstance(db, LakeTarget):
        digest = hashlib.sha256(db.catalog.encode("utf-8")).hexdigest()[:12]
        base = LAKE_SPOOL_ROOT / f"ducklake-{digest}"
    else:
        base = db
    return base if shard is None else base.with_name(f"{base.name}.{shard.tag}")
