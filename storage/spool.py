"""A spool beside the database for batches that could not be written yet.

A run writes its batch here before opening the database and deletes it after the commit. When the
file is locked past the limit, or the process dies mid-write, the batch stays and the next run
writes it first: what a run fetched is never lost, and re-writing it is idempotent.

The file is flushed to disk (`keep`) only when the write fails. Until then a killed process still
leaves it in the page cache; only an OS crash during the write can lose it, and then nothing of
the run was committed (feed validators included), so the next run fetches the same items again.
An fsync of every batch cost 0.3 s of idle cores per 2,000 articles (benchmarks/throughput.py).

Format: one `<run_key>.json` per batch, a `SpooledBatch` with a format `version`. It holds what
was fetched (fetch records, articles with their raw pages) and nothing derived from it: verdicts
and text signatures are worked out again by the code that replays the batch, so a batch spooled
by an older release is judged by the current classifier (an older `classifier_version` would
keep its reports out of round matching).

A file that cannot be loaded (corrupt JSON, an unknown version, data the models no longer accept,
the `.pickle` files of earlier releases) is renamed `<name>.quarantined` beside it, never deleted
and never read again; the run goes on and reports it.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ingest.models import Article, FeedFetch

logger = logging.getLogger("layoffwatch.spool")

SPOOL_VERSION: Final = 1  # also the `Literal` of `SpooledBatch.version`
SUFFIX = ".json"
QUARANTINE_SUFFIX = ".quarantined"
# Batches spooled by releases before the JSON format: never unpickled, only quarantined.
LEGACY_SUFFIXES = (".pickle",)
_RUN_KEY = r"[A-Za-z0-9_-]{1,100}"


class SpooledArticle(Article):
    """An article as spooled: JSON has no bytes, so its raw page (zlib) travels as base64."""

    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")


class SpooledBatch(BaseModel):
    """One batch as it lies in the spool (format version `SPOOL_VERSION`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Literal[1]
    run_key: str = Field(pattern=f"^{_RUN_KEY}$")
    fetches: list[FeedFetch]
    articles: list[SpooledArticle]
    # Set by backfills: rounds found in this batch get `suppressed` alerts with this reason.
    suppress_alerts: str | None = None

    def plain_articles(self) -> list[Article]:
        """Return the articles as the `Article` model the pipeline passes around."""
        return [Article.model_construct(a.model_fields_set, **dict(a)) for a in self.articles]


_ADAPTER = TypeAdapter(SpooledBatch)


class UnreadableSpoolFile(Exception):
    """A spool file this release cannot load; `reason` says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def spool_dir(db_path: Path) -> Path:
    """Return the spool folder that belongs to a database file."""
    return db_path.parent / f"{db_path.name}.spool"


def write(
    db_path: Path,
    run_key: str,
    fetches: Sequence[FeedFetch],
    articles: Sequence[Article],
    suppress_alerts: str | None = None,
) -> Path:
    """Save a batch atomically under its run key (not yet fsynced, see `keep`); return its path."""
    if not re.fullmatch(_RUN_KEY, run_key):
        raise ValueError(f"run key {run_key!r} cannot name a spool file")
    # The parts are validated models already: construct without validating them a second time.
    batch = SpooledBatch.model_construct(
        version=SPOOL_VERSION,
        run_key=run_key,
        fetches=list(fetches),
        articles=[SpooledArticle.model_construct(a.model_fields_set, **dict(a)) for a in articles],
        suppress_alerts=suppress_alerts,
    )
    folder = spool_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{run_key}{SUFFIX}"
    partial = folder / f"{run_key}{SUFFIX}.partial"
    partial.write_bytes(_ADAPTER.dump_json(batch))
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


def load(path: Path) -> SpooledBatch:
    """Return the batch stored in `path`; raise UnreadableSpoolFile when this release cannot load it."""
    if path.suffix in LEGACY_SUFFIXES:
        raise UnreadableSpoolFile(path, "a pickle written by an earlier release (never loaded)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableSpoolFile(path, f"cannot read: {exc}") from None
    try:
        return _ADAPTER.validate_json(data)
    except ValueError as exc:  # pydantic's ValidationError: bad JSON, unknown version, bad fields
        first = str(exc).splitlines()
        raise UnreadableSpoolFile(path, " ".join(first[:3])[:300]) from None


def quarantine(path: Path) -> Path:
    """Rename an unloadable spool file aside (never over another one); return its new path."""
    target = path.with_name(path.name + QUARANTINE_SUFFIX)
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{n}{QUARANTINE_SUFFIX}")
        n += 1
    os.replace(path, target)
    return target


def spooled_files(db_path: Path) -> list[Path]:
    """Return the spool files to replay or quarantine (current and legacy formats), oldest first."""
    folder = spool_dir(db_path)
    if not folder.is_dir():
        return []
    files = [p for suffix in (SUFFIX, *LEGACY_SUFFIXES) for p in folder.glob(f"*{suffix}") if p.is_file()]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))


def pending(db_path: Path, quarantined: list[Path] | None = None) -> Iterator[tuple[Path, SpooledBatch]]:
    """Yield (path, batch) for every loadable spooled batch, oldest first.

    Files that cannot be loaded are quarantined on the way; their new paths are appended to
    `quarantined` when given.
    """
    for path in spooled_files(db_path):
        try:
            batch = load(path)
        except UnreadableSpoolFile as exc:
            try:
                aside = quarantine(path)
            except OSError as err:  # left in place: the next run tries again, this one goes on
                logger.warning("cannot quarantine spooled batch %s (%s): %s", path, exc.reason, err)
                continue
            logger.warning("quarantined spooled batch %s as %s: %s", path, aside.name, exc.reason)
            if quarantined is not None:
                quarantined.append(aside)
            continue
        yield path, batch


def remove(path: Path) -> None:
    """Delete a spooled batch once it is committed."""
    path.unlink(missing_ok=True)
