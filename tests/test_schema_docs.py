"""The database documents itself: every table, view and column has a description, docs/schema.md matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.docs import SCHEMA_DOC, schema_markdown
from storage.db import connect
from storage.example_queries import DEMO_QUERIES, EXAMPLE_QUERIES, PRODUCT_QUERIES
from storage.queries import run_readonly
from storage.schema_docs import SCHEMA_DOCS, CatalogObject, comment_statements, read_catalog
from storage.views import VIEWS
from tests.conftest import copy_migrated
from tests.test_data_commands import build_sample_db


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory, migrated_db: Path) -> list[CatalogObject]:
    """The catalog a first writable open leaves (`migrated_db` is that open's file)."""
    with connect(copy_migrated(migrated_db, tmp_path_factory.mktemp("fresh") / "lw.duckdb")) as con:
        return read_catalog(con)


def test_every_table_view_and_column_has_a_description(catalog: list[CatalogObject]) -> None:
    missing = [o.name for o in catalog if not (o.comment or "").strip()]
    missing += [f"{o.name}.{c.name}" for o in catalog for c in o.columns if not (c.comment or "").strip()]
    assert not missing, f"describe these in storage/schema_docs.py: {missing}"
    assert {o.name for o in catalog if o.kind == "view"} == set(VIEWS)


def test_every_description_names_something_that_exists(catalog: list[CatalogObject]) -> None:
    existing = {o.name: o for o in catalog}
    stale = [d.name for d in SCHEMA_DOCS if d.name not in existing]
    stale += [
        f"{d.name}.{column}" for d in SCHEMA_DOCS if d.name in existing
        for column in d.columns if column not in {c.name for c in existing[d.name].columns}
    ]
    assert not stale, f"storage/schema_docs.py describes what the database lacks: {stale}"
    assert all(existing[d.name].kind == d.kind for d in SCHEMA_DOCS)


def test_docs_schema_md_is_generated_from_the_database() -> None:
    assert SCHEMA_DOC.read_text(encoding="utf-8") == schema_markdown(), "run `python -m cli.docs`"


def test_comments_survive_reopening_and_reach_the_read_only_file(tmp_path: Path) -> None:
    db = tmp_path / "lw.duckdb"
    with connect(db) as con:
        pass
    with connect(db) as con:  # views were re-created: their comments came back with them
        assert comment_statements(con) == []
    with connect(db, read_only=True) as con:
        objects = read_catalog(con)
    assert all(o.comment and all(c.comment for c in o.columns) for o in objects)


def test_example_queries_run_on_a_populated_database(tmp_path: Path, migrated_db: Path) -> None:
    db = build_sample_db(copy_migrated(migrated_db, tmp_path / "lw.duckdb"))
    empty = []
    for title, sql in EXAMPLE_QUERIES + DEMO_QUERIES + PRODUCT_QUERIES:
        result = run_readonly(db, sql)
        if not result.rows:
            empty.append(title)
    # The sample has no round announced this year unless the clock says 2026; all others return rows.
    assert set(empty) <= {"Amazon layoff rounds this year, with headcounts", "Biggest layoffs per company over the last 12 months"}
    assert "GeekWire" in str(run_readonly(db, dict(EXAMPLE_QUERIES)["Which outlet broke each round first"]).rows)
