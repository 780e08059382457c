"""The DuckLake backend on a real PostgreSQL catalog: its schema, keys, readers, lock and data commands.

Every lake here is new (a fresh catalog database and data folder) on the session's PostgreSQL
(tests/pgserver.py); the tests skip with the reason where no server can be started. The tests that
need a lake are marked slow (PostgreSQL and a new lake each: ~3 s). Shards running at once are in
tests/test_ducklake_shards.py.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from flows.reprocess import rejudge
from ingest.models import FeedConfig
from ingest.settings import LakeTarget, load_settings
from ingest.models.shards import parse_shard, select_feeds, shard_of
from storage.backends import spool_base
from storage.backends.catalog_lock import CatalogLockTimeout, catalog_lock
from storage.backends.lake import lake_ddl
from storage.bulk import insert_rows
from storage.db import connect, migrate
from storage.keys import UNIQUE_KEYS
from storage.migrations import MIGRATIONS
from tests.conftest import copy_migrated, run_steps

pytest_plugins = ["tests.pgserver"]  # the `postgres` and `lake` fixtures

ROOT = Path(__file__).resolve().parent.parent


def query(db: Path | LakeTarget, sql: str) -> list[tuple[Any, ...]]:
    """Return the rows of `sql` on a read-only connection (a lake's readers never wait for writers)."""
    with connect(db, read_only=True) as con:
        return con.execute(sql).fetchall()


OURS = "database_name = current_database() AND schema_name = 'main' AND NOT internal"


def catalog(db: Path | LakeTarget) -> dict[str, list[tuple[Any, ...]]]:
    """Return what users see of the schema: columns and types, tables and views with their comments."""
    tables = f"SELECT table_name FROM duckdb_tables() WHERE {OURS}"
    return {
        "columns": query(db, f"SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE {OURS} ORDER BY ALL"),
        "tables": query(db, f"SELECT table_name, comment FROM duckdb_tables() WHERE {OURS} ORDER BY ALL"),
        "views": query(db, f"SELECT view_name, comment FROM duckdb_views() WHERE {OURS} ORDER BY ALL"),
        # A lake stores no comments on a view's columns (DuckLake refuses them); a table's it does.
        "table_columns": query(
            db, f"SELECT table_name, column_name, comment FROM duckdb_columns() WHERE {OURS} AND table_name IN ({tables}) ORDER BY ALL"
        ),
    }


def test_shards_split_the_feeds_stably_and_completely() -> None:
    feeds = [FeedConfig(name=f"feed-{i}", url=f"https://news.example/{i}.xml") for i in range(200)]
    parts = [select_feeds(feeds, parse_shard(f"{k}/4")) for k in range(1, 5)]
    assert sorted(f.name for part in parts for f in part) == sorted(f.name for f in feeds)
    assert all(len(part) > 25 for part in parts)
    # The same on every machine and in every release: SHA-256 of the name, not Python's salted hash().
    assert [shard_of("google-news-amazon-layoffs", n) for n in (2, 4, 8)] == [1, 1, 5]
    for bad in ("3/2", "0/2", "1/0", "two", "1/2/3"):
        with pytest.raises(ValueError):
            parse_shard(bad)


def test_a_lake_uri_names_a_lake_whose_password_stays_out_of_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    # A lake to parse (nothing connects to it): the password must not reach messages.
    monkeypatch.setenv("LAYOFFWATCH_DB", "ducklake:postgres:host=db.internal dbname=lake password=s3cret")
    monkeypatch.setenv("LAYOFFWATCH_DATA_PATH", "s3://bucket/lake")  # the lake's data, a bucket
    db = load_settings().db
    assert db == LakeTarget(catalog="host=db.internal dbname=lake password=s3cret", data_path="s3://bucket/lake")
    assert "s3cret" not in str(db) and str(db).startswith("ducklake:postgres:host=db.internal")
    assert spool_base(db, parse_shard("2/4")).name.endswith(".shard-2-of-4")
    assert spool_base(Path("data/x.duckdb")) == Path("data/x.duckdb")  # a file's spool stays where it was
    with pytest.raises(ValidationError):
        load_settings(db="ducklake:sqlite:lake.sqlite")


def test_keys_are_the_constraints_a_migrated_file_has(tmp_path: Path, migrated_db: Path) -> None:
    with connect(copy_migrated(migrated_db, tmp_path / "keys.duckdb")) as con:
        found: dict[str, list[tuple[str, ...]]] = {}
        for table, _kind, columns in con.execute(
            "SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints()"
            " WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE') ORDER BY table_name, constraint_type"
        ).fetchall():
            found.setdefault(table, []).append(tuple(columns))
    assert {table: sorted(keys) for table, keys in found.items()} == {t: sorted(k) for t, k in UNIQUE_KEYS.items()}


def test_lake_ddl_keeps_columns_and_drops_what_ducklake_refuses() -> None:
    ddl = lake_ddl(
        "CREATE TABLE t (id VARCHAR PRIMARY KEY, k VARCHAR NOT NULL UNIQUE, tags VARCHAR[] NOT NULL DEFAULT [],"
        " n INTEGER NOT NULL DEFAULT 0, page BLOB NOT NULL USING COMPRESSION uncompressed, PRIMARY KEY (id, k));"
    )
    assert " ".join(ddl.split()) == (
        "CREATE TABLE t (id VARCHAR NOT NULL, k VARCHAR NOT NULL, tags VARCHAR[] NOT NULL,"
        " n INTEGER NOT NULL DEFAULT 0, page BLOB NOT NULL);"
    )
    for migration in MIGRATIONS:
        lake_ddl(migration.sql)  # every shipped migration has a DuckLake form


@pytest.mark.slow  # a new lake on the session's PostgreSQL (~3 s, ~1.5 s more to start PostgreSQL); DuckLake runs with the slow tests
def test_migrations_give_a_lake_the_schema_comments_and_views_of_a_file(lake: LakeTarget, tmp_path: Path) -> None:
    file = tmp_path / "same.duckdb"
    with connect(file):
        pass
    with connect(lake) as con:
        assert migrate(con, lake=True) == []  # applied once, by the first writable open
        versions = [v for (v,) in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
    assert versions == [m.version for m in MIGRATIONS]
    on_lake, on_file = catalog(lake), catalog(file)
    assert on_lake == on_file
    assert all(comment for _, comment in on_lake["views"]) and all(comment for _, comment in on_lake["tables"])
    assert query(lake, "SELECT count(*) FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')") == [(0,)]


def _write_twice(db: Path | LakeTarget) -> dict[str, list[tuple[Any, ...]]]:
    """Write rows with repeated and stored keys, twice over; return what each table holds."""
    now = datetime(2026, 5, 1, 12, 0)
    with connect(db) as con:
        for _ in range(2):
            feeds = [("a", "https://a/1", ["x"], now), ("b", "https://b/1", [], now), ("a", "https://a/2", ["y"], now)]
            insert_rows(con, "feeds", ("name", "url", "tags", "added_at"), feeds[:2])
            insert_rows(con, "feeds", ("name", "url", "tags", "added_at"), feeds[2:],
                        on_conflict="(name) DO UPDATE SET url = excluded.url, tags = excluded.tags")
            insert_rows(con, "layoffwatch_meta", ("key", "value", "updated_at"), [("k", "1", now), ("k", "2", now)])
            alerts = [(f"id{i}", key, "r1", "new_round", "c", "pending", 0, now, "{}") for i, key in enumerate(["k1", "k2", "k1"])]
            for batch in (alerts[:2], alerts[2:]):  # the third repeats the first's idempotency key
                insert_rows(con, "alerts", ("alert_id", "idempotency_key", "round_id", "kind", "channel", "status",
                                            "attempts", "created_at", "payload"), batch)
        return {
            table: con.execute(f"SELECT * EXCLUDE (added_at) FROM {table} ORDER BY ALL" if table == "feeds" else
                               f"SELECT * FROM {table} ORDER BY ALL").fetchall()
            for table in ("feeds", "alerts")
        } | {"meta": con.execute("SELECT key, value FROM layoffwatch_meta WHERE key = 'k'").fetchall()}


@pytest.mark.slow  # a new lake on PostgreSQL (~3 s)
def test_keys_hold_by_design_on_a_lake_as_constraints_hold_them_on_a_file(lake: LakeTarget, tmp_path: Path) -> None:
    on_lake, on_file = _write_twice(lake), _write_twice(tmp_path / "keys.duckdb")
    assert on_lake == on_file
    assert [(name, url) for name, url, *_ in on_lake["feeds"]] == [("a", "https://a/2"), ("b", "https://b/1")]
    assert [(row[0], row[1]) for row in on_lake["alerts"]] == [("id0", "k1"), ("id1", "k2")]
    assert on_lake["meta"] == [("k", "1")]


@pytest.mark.slow  # every data command against a lake (~3 s)
def test_data_commands_read_a_lake(lake: LakeTarget, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cli.main import app

    _write_twice(lake)
    result = CliRunner().invoke(app, ["query", "--format", "json", "SELECT name, url FROM feeds ORDER BY name"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"name": "a", "url": "https://a/2"}, {"name": "b", "url": "https://b/1"}]
    exported = CliRunner().invoke(app, ["export", "--out", str(tmp_path / "export")])
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "export" / "feeds.parquet").is_file() and (tmp_path / "export" / "rounds_overview.parquet").is_file()
    for command in (["rounds"], ["stories"], ["report", "--out", str(tmp_path / "report.html")]):
        done = CliRunner().invoke(app, command)
        assert done.exit_code == 0, (command, done.output)


def _backfill_bookkeeping(db: Path | LakeTarget) -> list[tuple[Any, ...]]:
    """Plan, start, finish and fail backfill windows twice over; return the rows kept."""
    from ingest.feeds.backfill import Window, claimed, plan_windows, window_done, window_failed
    from storage import backfill

    now = datetime(2026, 5, 1, 12, 0)
    windows = [Window(start=datetime(2024, 1, d), end=datetime(2024, 1, d + 1)) for d in (1, 2)]
    keys = [backfill.key_of("gnews", "Amazon layoffs", w) for w in windows]
    with connect(db) as con:
        for _ in range(2):
            backfill.save_windows(con, plan_windows(windows, {"gnews": "Amazon layoffs"}, backfill.window_rows(con, keys), now).new)
            running = [claimed(backfill.window_rows(con, keys)[key], now) for key in keys]
            backfill.save_windows(con, running)
            backfill.save_windows(con, [window_done(running[0], 5, 2, now), window_failed(running[1], "HTTP 500", now)])
        return con.execute(f"SELECT {', '.join(backfill.COLUMNS)} FROM backfill_windows ORDER BY ALL").fetchall()


@pytest.mark.slow  # a new lake on PostgreSQL (~3 s)
def test_backfill_windows_are_kept_alike_on_a_lake_and_a_file(lake: LakeTarget, tmp_path: Path) -> None:
    on_lake = _backfill_bookkeeping(lake)
    assert on_lake == _backfill_bookkeeping(tmp_path / "windows.duckdb")
    assert [(row[4], row[5], row[7], row[8]) for row in on_lake] == [("done", 5, 2, None), ("failed", 0, 2, "HTTP 500")]


TABLES = ("articles", "article_html", "dedup_signatures", "dedup_bands", "duplicates", "classifications",
          "rounds", "round_articles", "alerts", "feeds")


def _counts(db: Path | LakeTarget) -> dict[str, int]:
    return {table: query(db, f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}


@pytest.mark.slow  # three runs over the bundled sample, two on a new lake (~10 s)
def test_a_run_on_a_lake_stores_what_a_file_stores_and_a_rerun_changes_nothing(
    lake: LakeTarget, sample_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored, _ = run_steps(load_settings())
    after_first = _counts(lake)
    again, _ = run_steps(load_settings())
    assert again.new_articles == 0 and again.new_rounds == []
    assert _counts(lake) == after_first  # every key held: nothing landed twice
    # The same feeds into the default DuckDB file.
    monkeypatch.setenv("LAYOFFWATCH_DB", str(sample_site))  # the file backend, for comparison
    on_file, _ = run_steps(load_settings())
    assert (stored.new_articles, sorted(stored.new_rounds)) == (on_file.new_articles, sorted(on_file.new_rounds))
    assert _counts(sample_site) == after_first
    rounds = "SELECT round_id, company, announced_on, article_count, source_count FROM rounds ORDER BY ALL"
    assert query(lake, rounds) == query(sample_site, rounds)
    # Row for row, not only counts: a lake's store copies its rows from staging tables (storage.batches.staged).
    for same in (
        "SELECT article_id, url, canonical_url, feed, source_name, title, summary, text, author, site_name, language,"
        " published_at, published_source, extraction_status, text_hash, duplicate_of FROM articles ORDER BY ALL",
        "SELECT article_id, encoding, raw_size FROM article_html ORDER BY ALL",
        "SELECT * EXCLUDE (classified_at) FROM classifications ORDER BY ALL",
    ):
        assert query(lake, same) == query(sample_site, same)
    # Re-judging history rebuilds the same rounds on the lake (deletes, merges and updates included).
    report = rejudge(load_settings(db=lake), reextract=True, dry_run=False)
    assert report.articles == after_first["articles"]
    assert query(lake, rounds) == query(sample_site, rounds) and _counts(lake) == after_first


@pytest.mark.slow  # a new lake on PostgreSQL (~2.5 s)
def test_a_reader_queries_while_a_writer_holds_the_lake(lake: LakeTarget) -> None:
    with connect(lake) as writer:
        writer.execute("BEGIN TRANSACTION")
        writer.execute("INSERT INTO layoffwatch_meta VALUES ('pending', 'x', now()::TIMESTAMP)")
        started = time.monotonic()
        assert query(lake, "SELECT count(*) FROM layoffwatch_meta WHERE key = 'pending'") == [(0,)]
        assert time.monotonic() - started < 5  # no lock to wait for
        writer.execute("COMMIT")
    assert query(lake, "SELECT count(*) FROM layoffwatch_meta WHERE key = 'pending'") == [(1,)]


HOLD = (
    "import sys, time; from storage.backends.catalog_lock import catalog_lock\n"
    "with catalog_lock(sys.argv[1], 5):\n    print('held', flush=True); time.sleep(60)\n"
)


@pytest.mark.slow  # a new lake on PostgreSQL and a lock-holding process (~1.5 s)
def test_the_catalog_lock_admits_one_writer_and_a_killed_holder_frees_it(lake: LakeTarget) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, lake.catalog], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(CatalogLockTimeout), catalog_lock(lake.catalog, 0.5):
            pass
        assert 0.4 < time.monotonic() - started < 3
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        with catalog_lock(lake.catalog, 10):  # PostgreSQL released the dead session's lock
            with catalog_lock(lake.catalog, 0):  # re-entrant in the thread that holds it
                pass
    finally:
        holder.kill()
        holder.communicate()
