"""The errors storage/ raises, named so that callers above it tell them apart without importing duckdb.

    DatabaseLockedError  another process held the file (or the lake's catalog) past the wait allowed
    DatabaseError        anything the engine refused: bad SQL, a write on a read-only connection,
                         a file that is not a database, a table or view that does not exist
      StorageIOError     a DatabaseError: reading or writing a file failed
    ENGINE_FAULTS        the DatabaseErrors that are the engine's fault, not the request's (I/O,
                         an internal error, out of memory): check the disk and retry, no SQL to fix

A missing database file opened read-only is Python's own `FileNotFoundError`.
"""

from __future__ import annotations

import duckdb

from storage.db import DatabaseLockedError

DatabaseError = duckdb.Error
StorageIOError = duckdb.IOException
ENGINE_FAULTS: tuple[type[DatabaseError], ...] = (
    duckdb.IOException,
    duckdb.InternalException,
    duckdb.OutOfMemoryException,
)

__all__ = ["ENGINE_FAULTS", "DatabaseError", "DatabaseLockedError", "StorageIOError"]
