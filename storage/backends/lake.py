"""DuckLake sessions, and the schema's DDL in DuckLake's dialect.

A DuckDB instance with the lake attached costs ~0.25 s to start (loading the extensions), and a run
opens the database a handful of times; so each process keeps one instance per lake (one more for
reading) and every `connect` gets a connection of its own from it (`cursor()`, DuckDB's way to use
one database from several threads), closed when the block ends. Each transaction sees the lake as
committed when it began, by any process. A writer starts its instance (`warm`) and attaches an
existing lake (`attach_existing`) before it takes the catalog lock; a lake's first attach, which
creates it, happens under the lock, once.

DuckLake refuses PRIMARY KEY / UNIQUE constraints, list defaults and per-column compression; the
migrations are written for a DuckDB file, and `lake_ddl` drops those clauses (a key column keeps
NOT NULL). The keys themselves hold by design: see `storage.keys`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ingest.settings import LAKE_PREFIX, LakeTarget, mask_passwords
from storage.backends.extensions import extension_dir

ALIAS = "lw"  # the lake's name inside our sessions (readers may pick any)

_KEY_INLINE = re.compile(r"(?:\s+NOT\s+NULL)?\s+PRIMARY\s+KEY\b(?!\s*\()", re.I)
_UNIQUE_INLINE = re.compile(r"\s+UNIQUE\b(?!\s*\()", re.I)
_KEY_CLAUSE = re.compile(r",\s*(?:PRIMARY\s+KEY|UNIQUE)\s*\([^)]*\)", re.I)
_LIST_DEFAULT = re.compile(r"\s+DEFAULT\s+\[\s*\]", re.I)
_COMPRESSION = re.compile(r"\s+USING\s+COMPRESSION\s+\w+", re.I)
_INDEX = re.compile(r"CREATE\s+(?:UNIQUE\s+)?INDEX\b[^;]*;?", re.I)
_COMMENT = re.compile(r"--[^\n]*")
_REFUSED = re.compile(r"\bPRIMARY\s+KEY\b|\bUNIQUE\b|\bUSING\s+COMPRESSION\b|\bDEFAULT\s+\[", re.I)


class LakeError(duckdb.Error):
    """The lake cannot be opened as configured; the message says what to set (passwords masked)."""


def lake_ddl(sql: str) -> str:
    """Return `sql` (DDL written for a DuckDB file) in the dialect DuckLake accepts."""
    text = _COMMENT.sub("", sql)
    for pattern, replacement in (
        (_KEY_CLAUSE, ""), (_KEY_INLINE, " NOT NULL"), (_UNIQUE_INLINE, ""),
        (_LIST_DEFAULT, ""), (_COMPRESSION, ""), (_INDEX, ""),
    ):
        text = pattern.sub(replacement, text)
    left = _REFUSED.search(text)
    if left:
        raise ValueError(f"cannot translate for DuckLake: {left.group(0)!r} in {sql.strip()[:80]!r}")
    return text


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def data_path_option(value: str) -> str:
    """Return the DATA_PATH DuckLake stores: URLs as given, local folders absolute; both end in '/'."""
    path = value if "://" in value else str(Path(value).expanduser().resolve())
    return path if path.endswith("/") else path + "/"


_guard = threading.Lock()
_Key = tuple[str, str | None, bool]
_instances: dict[_Key, duckdb.DuckDBPyConnection] = {}  # started, with the lake attached
_started: dict[_Key, duckdb.DuckDBPyConnection] = {}  # started, not attached yet


def _explain(target: LakeTarget, exc: duckdb.Error) -> Exception:
    """Return the error to raise for a failed ATTACH: what to do, in words, passwords masked."""
    message = mask_passwords(str(exc))
    if "creating a new DuckLake is explicitly disabled" in message:
        return FileNotFoundError(f"no DuckLake at {target} yet: run `layoffwatch run` first")
    if "data_path is not set" in message:
        return LakeError(f"{target} is a new lake: set LAYOFFWATCH_DATA_PATH (a folder or s3://...) to create it")
    if "does not match existing data path" in message:
        return LakeError(f"{target}: LAYOFFWATCH_DATA_PATH differs from the lake's own. {message}")
    return LakeError(f"{target}: {message}")


def _start() -> duckdb.DuckDBPyConnection:
    """Start a DuckDB instance with the lake's extensions loaded (from the packages, offline)."""
    con = duckdb.connect(
        config={"extension_directory": str(extension_dir()), "autoinstall_known_extensions": False}
    )
    # Loading them costs ~0.25 s: done here, before a writer takes the catalog lock, not under it.
    con.execute("LOAD ducklake")
    con.execute("LOAD postgres_scanner")
    return con


def _attach(con: duckdb.DuckDBPyConnection, target: LakeTarget, read_only: bool, *, create: bool = True) -> None:
    """Attach the lake to a started instance as `lw` (creating it on first use when writable and `create`)."""
    options = ["READ_ONLY"] if read_only else []
    if target.data_path and not read_only:
        options.append(f"DATA_PATH {_literal(data_path_option(target.data_path))}")
    if not create and not read_only:
        options.append("CREATE_IF_NOT_EXISTS false")
    sql = f"ATTACH {_literal(LAKE_PREFIX + target.catalog)} AS {ALIAS}"
    try:
        con.execute(sql + (f" ({', '.join(options)})" if options else ""))
    except duckdb.Error as exc:
        raise _explain(target, exc) from None


def _key(target: LakeTarget, read_only: bool) -> _Key:
    """Return the instance a session uses: a reader uses this process's writer's instance when it has one.

    A run reads between its writes (stored ids, feed states) and needs no lock for it; a cursor of
    the instance it writes with reads the same committed lake, without a second instance's start
    (~0.3 s: extensions, attach). Only our own code opens both in one process, and its readers
    only read.
    """
    writer = (target.catalog, target.data_path, False)
    if read_only and writer in _instances:  # attached: a writer's first attach (it may create the lake) is under the lock
        return writer
    return (target.catalog, target.data_path, read_only)


def warm(target: LakeTarget, *, read_only: bool) -> None:
    """Start this process's instance for the lake, unless there is one (the attach waits for `session`)."""
    key = _key(target, read_only)
    with _guard:
        if key not in _instances and key not in _started:
            _started[key] = _start()


def attach_existing(target: LakeTarget) -> bool:
    """Return whether this process's writable instance has the lake attached, attaching it now if the lake exists.

    Called before the catalog lock: attaching an existing lake only reads its catalog (~0.15-0.7 s
    with the catalog's PostgreSQL busy), so other shards need not wait for it. Creating a lake
    stays under the lock (`session`), so that two first runs make one lake.
    """
    key = (target.catalog, target.data_path, False)
    with _guard:
        if key in _instances:
            return True
        instance = _started.pop(key, None) or _start()
        try:
            _attach(instance, target, False, create=False)
        except FileNotFoundError:
            # No lake yet: a fresh instance waits for the creating attach, which takes the lock.
            instance.close()
            _started[key] = _start()
            return False
        except BaseException:
            instance.close()
            raise
        _instances[key] = instance
    return True


def _evict(key: _Key, instance: duckdb.DuckDBPyConnection) -> None:
    """Forget an instance after a fault that may have broken it (the next session starts afresh)."""
    with _guard:
        if _instances.get(key) is instance:
            del _instances[key]
    try:
        instance.close()
    except duckdb.Error:
        pass  # already unusable: closing was only tidying up


# Faults after which an instance may be unusable (a catalog connection lost, DuckDB invalidated).
_BROKEN = (duckdb.FatalException, duckdb.InternalException, duckdb.ConnectionException, duckdb.IOException)


@contextmanager
def session(target: LakeTarget, *, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a new connection to the lake (current schema: the lake's), closed on exit."""
    key = _key(target, read_only)
    with _guard:
        instance = _instances.get(key)
        if instance is None:
            instance = _started.pop(key, None) or _start()
            try:
                _attach(instance, target, read_only)
            except BaseException:
                instance.close()
                raise
            _instances[key] = instance
    try:
        con = instance.cursor()
        con.execute(f"USE {ALIAS}")
    except _BROKEN:
        _evict(key, instance)
        raise
    try:
        yield con
    except _BROKEN:
        _evict(key, instance)
        raise
    finally:
        try:
            con.close()
        except duckdb.Error:
            pass  # its instance was closed by _evict


@contextmanager
def staging(target: LakeTarget) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """Yield a connection to the in-memory database of this process's writable lake instance (None: none attached yet).

    Tables made there are seen by every connection of the instance, the lake's writers included,
    and cost no lock: a writer loads its rows there before it takes the catalog lock, and copies
    them into the lake under it (DuckDB's scan of Python values stays outside the serialised stage).
    """
    with _guard:
        instance = _instances.get((target.catalog, target.data_path, False))
    if instance is None:
        yield None
        return
    con = instance.cursor()
    try:
        con.execute("USE memory")
        yield con
    finally:
        try:
            con.close()
        except duckdb.Error:
            pass  # its instance was closed by _evict


def close_sessions() -> None:
    """Close every lake instance this process keeps (tests and benchmarks, before their server stops)."""
    with _guard:
        instances = [*_instances.values(), *_started.values()]
        _instances.clear()
        _started.clear()
    for instance in instances:
        try:
            instance.close()
        except duckdb.Error:
            pass  # a broken instance: nothing left to release
