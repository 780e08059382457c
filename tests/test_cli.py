"""The commands a user types: the demo from an empty folder, and clear errors for bad config."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ingest.errors import ConfigError
from ingest.feedlist import load_feeds

ROOT = Path(__file__).resolve().parent.parent


def _cli(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LAYOFFWATCH_", "PREFECT_API"))}
    base.update(env or {})
    base["PREFECT_HOME"] = str(cwd / ".prefect")
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args], cwd=cwd, env=base | {"PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=timeout,
    )


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
    assert "feed #2 ('broken'): url: Field required" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
