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
the `.pickle` files of earlier releases) is moved to `<name>.quarantined` beside it (`<name>.N.quarantined`
when that name is taken), never deleted and never read again; the run goes on and reports it.

Several processes may read the spool at once (a scheduled run, a backfill, a manual run): a file
another one removes while this one lists or reads the folder is passed over, and two runs that
quarantine at once never move a file onto a name the other took.
"""

from __future__ import annotations

import errno
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
# os.link's errors on file systems without hard links (FAT, some network and FUSE mounts) or where
# the kernel refuses them (fs.protected_hardlinks): the quarantine then claims names another way.
_NO_HARD_LINKS = frozenset({errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK, errno.EXDEV})
_MAX_QUARANTINE_NAMES = 10_000


class SpooledArticle(Article):
    """An article as spooled: JSON has no bytes, so its raw page (compressed) travels as base64.

    Its fields are `Article`'s (and `SpooledBatch.fetches` are `FeedFetch`es): a change to either
    model changes spool format 1, see `SpooledBatch`.
    """

    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")


class SpooledBatch(BaseModel):
    """One batch as it lies in the spool (format version `SPOOL_VERSION`).

    Compatibility: files of format 1 wait in users' spools across upgrades, and this model, with
    `Article` and `FeedFetch` inside it, is what reads them (unknown fields are refused). Adding a
    field with a default is compatible: older files load with the default. Anything else needs
    format 2, whose reader converts format-1 files: renaming, removing or retyping a field, or adding
    one without a default, makes format-1 files unloadable (quarantined instead of replayed), and
    changing what a stored value means would misread them. tests/data/spool/v1_batch.json is a
    format-1 file that tests/test_spool.py keeps loading and replaying.
    """

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
    """Return the batch stored in `path`; raise UnreadableSpoolFile when this release cannot load it.

    Raises FileNotFoundError when the file is gone (another run replayed or quarantined it).
    """
    if path.suffix in LEGACY_SUFFIXES:
        raise UnreadableSpoolFile(path, "a pickle written by an earlier release (never loaded)")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise  # removed meanwhile (replayed by another run): nothing to load, nothing to set aside
    except OSError as exc:
        raise UnreadableSpoolFile(path, f"cannot read: {exc}") from None
    try:
        return _ADAPTER.validate_json(data)
    except ValueError as exc:  # pydantic's ValidationError: bad JSON, unknown version, bad fields
        first = str(exc).splitlines()
        raise UnreadableSpoolFile(path, " ".join(first[:3])[:300]) from None


def quarantine(path: Path) -> Path:
    """Move an unloadable spool file to a quarantine name no file had; return its new path.

    Two runs may quarantine at the same time, so a name is claimed by an operation that fails when
    it is taken (a hard link), never checked and then renamed onto: the second run's rename would
    replace the first one's file. Raises FileNotFoundError when `path` is gone: another run moved it.
    """
    for target in _quarantine_names(path):
        try:
            os.link(path, target)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            return _quarantine_by_rename(path)
        try:
            path.unlink()
        except FileNotFoundError:
            # Another run linked the same file meanwhile and removed the spool entry first: its
            # quarantined copy stays, ours would be a duplicate.
            target.unlink(missing_ok=True)
            raise
        return target
    raise FileExistsError(errno.EEXIST, "every quarantine name is taken", str(path))


def _quarantine_by_rename(path: Path) -> Path:
    """Quarantine `path` without hard links: claim a name with an exclusive create, then rename onto it."""
    for target in _quarantine_names(path):
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        try:
            os.replace(path, target)  # replaces only the empty file this call created
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target
    raise FileExistsError(errno.EEXIST, "every quarantine name is taken", str(path))


def _quarantine_names(path: Path) -> Iterator[Path]:
    """Yield `<name>.quarantined`, then `<name>.1.quarantined`, `<name>.2.quarantined`..."""
    yield path.with_name(path.name + QUARANTINE_SUFFIX)
    for n in range(1, _MAX_QUARANTINE_NAMES):
        yield path.with_name(f"{path.name}.{n}{QUARANTINE_SUFFIX}")


def spooled_files(db_path: Path) -> list[Path]:
    """Return the spool files to replay or quarantine (current and legacy formats), oldest first.

    A file removed while the folder is read (another run's `remove`) is left out, never an error.
    """
    found: list[tuple[float, str, Path]] = []
    try:
        with os.scandir(spool_dir(db_path)) as listing:
            entries = list(listing)
    except (FileNotFoundError, NotADirectoryError):
        return []
    for entry in entries:
        if not entry.name.endswith((SUFFIX, *LEGACY_SUFFIXES)):
            continue
        try:
            if not entry.is_file():
                continue
            modified = entry.stat().st_mtime
        except FileNotFoundError:
            continue
        found.append((modified, entry.name, Path(entry.path)))
    return [path for _, _, path in sorted(found)]


def pending(db_path: Path, quarantined: list[Path] | None = None) -> Iterator[tuple[Path, SpooledBatch]]:
    """Yield (path, batch) for every loadable spooled batch, oldest first.

    Files that cannot be loaded are quarantined on the way; their new paths are appended to
    `quarantined` when given.
    """
    for path in spooled_files(db_path):
        try:
            batch = load(path)
        except FileNotFoundError:
            continue  # another run replayed it since the folder was listed
        except UnreadableSpoolFile as exc:
            try:
                aside = quarantine(path)
            except FileNotFoundError:
                continue  # another run quarantined it at the same time
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
