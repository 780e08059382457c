"""The keys that make every write idempotent, table by table.

On a DuckDB file they are PRIMARY KEY / UNIQUE constraints (see `storage.migrations`) and inserts
say `ON CONFLICT`. DuckLake has no unique constraints, so there the same keys hold by design: every
insert skips rows whose key is stored (an anti-join) or merges them (`MERGE INTO`), and every write
runs under the lake's catalog lock, one writer at a time, so no two writers can add the same key
between the check and the commit. `tests/test_ducklake.py` checks this table against the
constraints a migrated DuckDB file has, so a migration that adds a key must add it here too.
"""

from __future__ import annotations

# table -> its unique keys, each a tuple of columns (the first is the primary key).
UNIQUE_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "schema_migrations": (("version",),),
    "feeds": (("name",),),
    "feed_fetches": (("fetch_id",),),
    "articles": (("article_id",),),
    "article_html": (("article_id",),),
    "duplicates": (("article_id",),),
    "dedup_signatures": (("article_id",),),
    "url_resolutions": (("url",),),
    "classifications": (("article_id", "classifier_version"),),
    "rounds": (("round_id",),),
    "round_articles": (("article_id",),),
    "alerts": (("alert_id",), ("idempotency_key",)),
    "backfill_windows": (("source", "query", "window_start", "window_end"),),
    "layoffwatch_meta": (("key",),),
}


def unique_keys(table: str) -> tuple[tuple[str, ...], ...]:
    """Return the unique keys of `table`; raise KeyError for a table without any."""
    try:
        return UNIQUE_KEYS[table]
    except KeyError:
        raise KeyError(f"no unique key is known for table {table!r}: add it to storage.keys.UNIQUE_KEYS") from None
