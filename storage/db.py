"""Opening the database: short-lived connections, lock waiting, migrations, transactions.

DuckDB lets one process hold a file at a time. A run therefore opens the file only to write a
batch and closes it straight after; when a user's session holds it, we wait with backoff up to a
limit and then fail with a message that names the holder.

A DuckLake (`storage.backends`) is opened the same way: a writable connection holds the lake's
catalog lock for as long as it is open, so writers take turns exactly as they do on a file, while
read-only connections never wait.
"""

from __future__ import annotations

import fcntl
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ingest.settings import LakeTarget
from storage.backends import Target, resolve_target
from storage.backends.catalog_lock import catalog_lock
from storage.backends.lake import attach_existing, lake_ddl, session, warm
from storage.migrations import MIGRATIONS
from storage.views import apply_views, views_fingerprint

# The connection type, for code above storage/ that passes a connection along without importing duckdb.
Connection = duckdb.DuckDBPyConnection

_LOCK_HINT = "Could not set lock on file"
_PID = re.compile(r"PID (\d+)")


class DatabaseLockedError(RuntimeError):
    """The DuckDB file stayed locked by another process for longer than allowed."""

    def __init__(self, path: Path, waited: float, detail: str) -> None:
        match = _PID.search(detail)
        holder = f"process {match.group(1)}" if match else "another process"
        super().__init__(
            f"{path} is locked by {holder}; gave up after {waited:.0f}s "
            "(close that DuckDB session, or open the read-only snapshot instead)"
        )
        self.path = path
        self.holder_pid = int(match.group(1)) if match else None


def utcnow() -> datetime:
    """Return the current UTC time as a naive datetime (the schema stores UTC without zone)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _open(path: Path, read_only: bool, lock_timeout: float) -> duckdb.DuckDBPyConnection:
    started = time.monotonic()
    deadline = started + lock_timeout
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if _LOCK_HINT not in str(exc):
                raise
            left = deadline - time.monotonic()
            if left <= 0:
                raise DatabaseLockedError(path, time.monotonic() - started, str(exc)) from exc
            # The last sleep is cut to the time left, so a run waits the whole limit, no more.
            time.sleep(min(delay, left))
            delay = min(delay * 2, 2.0)


@contextmanager
def connect(
    db: Path | str | LakeTarget, *, read_only: bool = False, lock_timeout: float = 60.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to the file or lake (migrated when writable), closed on exit."""
    target = resolve_target(db)
    if isinstance(target, LakeTarget):
        with _connect_lake(target, read_only, lock_timeout) as con:
            yield con
        return
    path = target
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.exists():
        raise FileNotFoundError(f"no database at {path}: run `layoffwatch run` first")
    con = _open(path, read_only, lock_timeout)
    try:
        if not read_only and not schema_current(con):
            migrate(con)
            apply_views(con)
        yield con
    finally:
        con.close()


@contextmanager
def _connect_lake(target: LakeTarget, read_only: bool, lock_timeout: float) -> Iterator[duckdb.DuckDBPyConnection]:
    # The lock is taken before the session's first transaction begins, so every write sees
    # whatever the previous writer committed; the instance starts before it, outside the lock.
    warm(target, read_only=read_only)
    # An existing lake is attached, and checked for pending migrations and views, before the lock:
    # both only read the catalog. Creating or migrating it stays under the lock (one at a time).
    current = not read_only and attach_existing(target) and _lake_current(target)
    with serialised(target, lock_timeout, read_only=read_only), session(target, read_only=read_only) as con:
        if not read_only and not current:
            migrate(con, lake=True)
            apply_views(con)
        yield con


def _lake_current(target: LakeTarget) -> bool:
    """Return whether the attached lake has every migration applied and the current views (read without the lock)."""
    with session(target, read_only=False) as con:
        return schema_current(con)


# The applied migrations and the stored views fingerprint in one statement: a writable open of a
# current database runs this alone, where `migrate` and `apply_views` would run three (~1.3 ms more).
_CURRENT = (
    "SELECT version, NULL::VARCHAR FROM schema_migrations"
    " UNION ALL SELECT NULL, value FROM layoffwatch_meta WHERE key = 'views'"
)


def schema_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Return whether the database has every migration applied and the current views (False on a new one)."""
    try:
        rows = con.execute(_CURRENT).fetchall()
    except duckdb.CatalogException:  # a database whose first migration (or the meta table's) has not run yet
        return False
    done = {version for version, _ in rows if version is not None}
    views = [value for version, value in rows if version is None]
    return all(m.version in done for m in MIGRATIONS) and views == [views_fingerprint()]


def serialised(db: Target, lock_timeout: float, *, read_only: bool = False) -> AbstractContextManager[None]:
    """Return a guard that holds the right to write for its block (re-entrant within a thread).

    A caller that reads, acts and writes back across several connections (alert delivery) holds it
    across all three. On a lake: its catalog lock, taken by every writable `connect` too. On a
    DuckDB file: an OS lock on `<file>.lock` beside it, since DuckDB's own file lock lasts only
    while a connection is open and delivery closes its connection while it sends.
    """
    if read_only:
        return nullcontext()
    if isinstance(db, LakeTarget):
        return catalog_lock(db.catalog, lock_timeout, name=str(db))
    return _file_lock(Path(db), lock_timeout)


_held = threading.local()


@contextmanager
def _file_lock(path: Path, lock_timeout: float) -> Iterator[None]:
    """Hold an exclusive flock on `<path>.lock`, waiting up to `lock_timeout` (re-entrant within a thread)."""
    lock_path = path.with_name(path.name + ".lock")
    held: set[str] = _held.__dict__.setdefault("paths", set())
    key = str(lock_path.resolve())
    if key in held:  # flock is per open file: a second open in this thread would wait for itself
        yield
        return
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        started = time.monotonic()
        delay = 0.05
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                left = started + lock_timeout - time.monotonic()
                if left <= 0:
                    raise DatabaseLockedError(
                        path, time.monotonic() - started, f"{lock_path} held by another deliverer"
                    ) from None
                time.sleep(min(delay, left))
                delay = min(delay * 2, 1.0)
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def transaction(
    con: duckdb.DuckDBPyConnection, *, rollback: bool = False
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the block in one transaction: all of it lands, or none of it (`rollback`: never)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("ROLLBACK" if rollback else "COMMIT")


_MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
)


def migrate(con: duckdb.DuckDBPyConnection, *, lake: bool = False) -> list[int]:
    """Apply pending migrations in order (in DuckLake's dialect when `lake`); return the versions applied now."""
    dialect = lake_ddl if lake else str
    con.execute(dialect(_MIGRATIONS_TABLE))
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        with transaction(con):
            con.execute(dialect(migration.sql))
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                [migration.version, migration.name, utcnow()],
            )
        applied.append(migration.version)
    return applied
