"""The commands a user types, on default settings: the demo from an empty folder, `run` over feeds,
`reclassify` and `reprocess` after a real run, and clear errors for bad config."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from ingest.models.errors import ConfigError
from ingest.feeds.feedlist import load_feeds

ROOT = Path(__file__).resolve().parent.parent


def _cli(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LAYOFFWATCH_", "PREFECT_API"))}
    base.update(env or {})
    base["PREFECT_HOME"] = str(cwd / ".prefect")
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args], cwd=cwd, env=base | {"PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=timeout,
    )


@pytest.mark.slow  # a subprocess that starts its own temporary Prefect server (~20 s)
def test_demo_runs_from_an_empty_folder(tmp_path: Path) -> None:
    result = _cli(["demo"], tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "first run: " in result.stdout and "second run: 0 new articles" in result.stdout
    con = duckdb.connect(str(tmp_path / "data" / "demo.snapshot.duckdb"), read_only=True)
    try:
        landed, with_text = con.execute(
            "SELECT count(*), count(*) FILTER (extraction_status = 'ok') FROM articles"
        ).fetchone()
    finally:
        con.close()
    assert landed >= 30 and with_text >= 28


def _unwrapped(output: str) -> str:
    """The CLI's output with rich's line wrapping undone."""
    return " ".join(output.split())


def _tables(db: Path) -> dict[str, list[tuple]]:
    """What a run decided, row by row: labels, rounds and their articles, alerts, extracted texts."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "labels": con.execute("SELECT article_id, label FROM classifications ORDER BY 1").fetchall(),
            "rounds": con.execute("SELECT round_id, company, status, headcount FROM rounds ORDER BY 1").fetchall(),
            "links": con.execute("SELECT article_id, round_id FROM round_articles ORDER BY 1").fetchall(),
            "alerts": con.execute("SELECT idempotency_key, status FROM alerts ORDER BY 1").fetchall(),
            "texts": con.execute("SELECT article_id, md5(text) FROM articles ORDER BY 1").fetchall(),
        }
    finally:
        con.close()


@pytest.fixture
def user_feeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prefect_server: None) -> Iterator[Path]:
    """A user's shell with no LAYOFFWATCH_ variable but the three a local feed list needs; yields the db path."""
    from demo.server import sample_feeds_toml, serve_sample

    for name in [k for k in os.environ if k.startswith("LAYOFFWATCH_")]:
        monkeypatch.delenv(name)
    db = tmp_path / "data" / "layoffwatch.duckdb"
    with serve_sample() as base:
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(sample_feeds_toml(base), encoding="utf-8")
        # The bundled sample's feeds on a local server, instead of the shipped list of real feeds,
        monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(feeds))
        # whose article pages are on loopback, which links from a feed may not reach by default,
        monkeypatch.setenv("LAYOFFWATCH_ALLOW_PRIVATE_HOSTS", "127.0.0.1")
        # and a database in the test's folder instead of ./data.
        monkeypatch.setenv("LAYOFFWATCH_DB", str(db))
        yield db


def test_run_on_defaults_lands_the_feeds_once_and_publishes_the_snapshot(user_feeds: Path) -> None:
    from cli.main import app

    first = CliRunner().invoke(app, ["run"])
    assert first.exit_code == 0, first.output
    landed = duckdb.connect(str(user_feeds), read_only=True)
    try:
        articles, with_text = landed.execute(
            "SELECT count(*), count(*) FILTER (extraction_status = 'ok') FROM articles"
        ).fetchone()
        (amazon_rounds,) = landed.execute("SELECT count(*) FROM rounds WHERE company = 'Amazon'").fetchone()
    finally:
        landed.close()
    assert articles >= 30 and with_text >= 28 and amazon_rounds >= 2
    out = _unwrapped(first.output)
    assert f": {articles} new articles, {len(_tables(user_feeds)['rounds'])} new rounds, 0 feeds failed" in out
    assert first.output.strip().splitlines()[-1].startswith("run complete in ")
    snapshot = user_feeds.with_name("layoffwatch.snapshot.duckdb")  # what users open while runs write
    assert _tables(snapshot) == _tables(user_feeds)

    before = _tables(user_feeds)
    again = CliRunner().invoke(app, ["run"])
    assert again.exit_code == 0, again.output
    assert ": 0 new articles, 0 new rounds, 0 feeds failed" in _unwrapped(again.output)
    assert "feeds: 4 fetched, 0 not modified, 0 failed" in _unwrapped(again.output)
    assert _tables(user_feeds) == before


@pytest.mark.slow  # three CLI commands over a real run (~6 s); the reprocess path keeps its default-run test in test_reprocess.py
def test_reclassify_and_reprocess_after_a_real_run_change_nothing_with_unchanged_code(user_feeds: Path) -> None:
    from cli.main import app

    assert CliRunner().invoke(app, ["run"]).exit_code == 0
    before = _tables(user_feeds)
    rounds = len(before["rounds"])

    preview = CliRunner().invoke(app, ["reclassify", "--dry-run"])
    assert preview.exit_code == 0, preview.output
    assert "reclassify (dry run: nothing written)" in _unwrapped(preview.output)
    assert f"0 labels would change; rounds {rounds} -> {rounds} (created 0, removed 0" in _unwrapped(preview.output)

    for command in ("reclassify", "reprocess"):
        result = CliRunner().invoke(app, [command])
        assert result.exit_code == 0, result.output
        out = _unwrapped(result.output)
        assert f"{len(before['labels'])} articles" in out and "0 texts changed" in out, out
        assert f"0 labels changed; rounds {rounds} -> {rounds} (created 0, removed 0, merged 0, split 0)" in out
        assert _tables(user_feeds) == before, command
        # Labels and rounds may change: the snapshot follows at once, not after the next ingest.
        assert f"snapshot published: {user_feeds.with_name('layoffwatch.snapshot.duckdb')}" in out
    assert "re-extracted (0 texts changed)" in out and " 0 re-extracted" not in out  # reprocess did re-extract


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[feeds]]\nname = "a"\n', "feed #1 ('a'): url: Field required"),
        ('[[feeds]]\nname = "a"\nurl = "ftp://x"\n', "feed #1 ('a'): url must start with http"),
        ('[[feeds]]\nname = "a"\nurl = "http://x"\n[[feeds]]\nname = "a"\nurl = "http://y"\n', "feed #2 ('a'): duplicate feed name"),
        ('[[feeds]]\nname = "a"\nurl = "http://x"\ntags = "oops"\n', "feed #1 ('a'): tags: Input should be a valid tuple"),
        ("feeds = [", "not valid TOML"),
        ('title = "no feeds"\n', "expected at least one [[feeds]] table"),
    ],
)
def test_malformed_feeds_file_is_one_clear_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_feeds(path)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_run_with_a_malformed_feeds_file_exits_2_naming_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nname = "ok"\nurl = "http://x"\n[[feeds]]\nname = "broken"\n', encoding="utf-8")
    result = _cli(["run", "--feeds", str(path), "--db", str(tmp_path / "x.duckdb")], tmp_path, timeout=60)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"error: feeds file {path}: feed #2 ('broken'): url: Field required; fix it, or pass --feeds with another file"
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "x.duckdb").exists()  # refused before anything was opened
