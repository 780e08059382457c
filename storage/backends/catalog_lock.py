"""The DuckLake catalog lock: one writer at a time, across processes and machines.

Shards fetch and extract at once, but what they write depends on what is stored (dedup against
stored articles, round matching, the alert outbox), so writes must take turns, or two shards seeing
two outlets of one layoff at once would make two rounds and two alerts. A DuckDB file gets that
from its file lock; a lake gets it from a PostgreSQL session-level advisory lock in its catalog
database, held on a connection of its own for as long as a write lasts:

* every writer reaches that database already, so nothing else has to run;
* a process that dies loses its connection, and PostgreSQL releases the lock at once;
* waiting is bounded (`lock_timeout`), and waiters are served in arrival order.

DuckDB's postgres extension pools its connections, so a session lock taken through it could not be
tied to one connection; psycopg gives the lock a connection of its own. Within one process the lock
is re-entrant per thread (a delivery that holds it opens connections that take it again), and
threads of one process queue on a local lock first.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger("layoffwatch.storage")

# One lock per catalog database: its key is a fixed 64-bit number (PostgreSQL's advisory lock space).
LOCK_KEY = int.from_bytes(hashlib.sha256(b"layoffwatch-rounds").digest()[:8], "big", signed=True)
_CONNECT_TIMEOUT = 10  # seconds to reach PostgreSQL before a write gives up


class CatalogLockTimeout(RuntimeError):
    """Another writer held the lake's catalog lock for longer than the run may wait."""

    def __init__(self, lake: str, waited: float) -> None:
        super().__init__(
            f"{lake}: another run held the catalog lock; gave up after {waited:.0f}s "
            "(raise LAYOFFWATCH_LOCK_TIMEOUT, or look for a stuck run with pg_locks)"
        )
        self.waited = waited


@dataclass
class LockStats:
    """What the lock cost this process so far (for run logs and benchmarks/scale.py)."""

    acquisitions: int = 0
    waited: float = 0.0
    held: float = 0.0


@dataclass
class _Holder:
    local: threading.RLock
    depth: int = 0
    session: Any = None


_registry = threading.Lock()
_holders: dict[str, _Holder] = {}
_stats = LockStats()


def lock_stats() -> LockStats:
    """Return a copy of this process's lock figures."""
    with _registry:
        return LockStats(_stats.acquisitions, _stats.waited, _stats.held)


def _holder(catalog: str) -> _Holder:
    with _registry:
        return _holders.setdefault(catalog, _Holder(local=threading.RLock()))


@contextmanager
def catalog_lock(catalog: str, timeout: float, *, name: str = "the lake") -> Iterator[None]:
    """Hold the catalog's write lock for the block; wait at most `timeout` seconds for it."""
    holder = _holder(catalog)
    started = time.monotonic()
    if not (holder.local.acquire(timeout=timeout) if timeout > 0 else holder.local.acquire(blocking=False)):
        raise CatalogLockTimeout(name, time.monotonic() - started)
    acquired, waited = started, 0.0
    try:
        if holder.depth == 0:
            holder.session = _take(catalog, max(0.0, timeout - (time.monotonic() - started)), name, started)
            acquired = time.monotonic()
            waited = acquired - started
            if waited > 1.0:
                logger.info("waited %.1f s for the catalog lock of %s", waited, name)
        holder.depth += 1
        try:
            yield
        finally:
            holder.depth -= 1
            if holder.depth == 0:
                _give(holder.session)
                holder.session = None
                with _registry:
                    _stats.acquisitions += 1
                    _stats.waited += waited
                    _stats.held += time.monotonic() - acquired
    finally:
        holder.local.release()


def _take(catalog: str, timeout: float, name: str, started: float) -> Any:
    """Open a session to the catalog database and take the advisory lock on it; return the session."""
    import psycopg

    session = psycopg.connect(catalog, autocommit=True, connect_timeout=_CONNECT_TIMEOUT)
    try:
        try:
            # A server that ends idle sessions would end this one, and the lock with it, mid-write.
            session.execute("SELECT set_config('idle_session_timeout', '0', false)")
        except psycopg.errors.UndefinedObject:
            pass  # PostgreSQL before 14 has no such timeout
        if timeout <= 0:
            row = session.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY]).fetchone()
            if not row or not row[0]:
                raise CatalogLockTimeout(name, time.monotonic() - started)
        else:
            # PostgreSQL's own bound on a lock wait (advisory locks included); whole milliseconds.
            session.execute("SELECT set_config('lock_timeout', %s, false)", [f"{max(1, round(timeout * 1000))}ms"])
            try:
                session.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
            except psycopg.errors.LockNotAvailable:
                raise CatalogLockTimeout(name, time.monotonic() - started) from None
    except BaseException:
        session.close()
        raise
    return session


def _give(session: Any) -> None:
    """Release the lock and close its session (closing alone would release it too)."""
    import psycopg

    try:
        session.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
    except psycopg.Error as exc:  # the session is gone: PostgreSQL released the lock with it
        logger.warning("catalog lock session ended early: %s", exc)
    finally:
        session.close()
