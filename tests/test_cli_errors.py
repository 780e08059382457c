"""Each failure a new user met (issue 20), run as written: one line, its reason last, the documented exit code.

Exit codes: 0 done, 1 systemic failure, 2 bad input. No case may print a traceback unless --debug.
Cases that need no Prefect run through CliRunner; the ones that run flows use the session's Prefect
test server, and the two that check the console of a real process start their own (slow).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
import typer
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from cli.main import app
from cli.errors import BAD_INPUT, DONE, SYSTEMIC, Group, Typer
from tests.conftest import copy_migrated, write_feeds
from tests.test_data_commands import build_sample_db

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def _ends_with_error(output: str, code: int, exit_code: int, *snippets: str) -> str:
    """Assert the case's contract; return its error line."""
    lines = [line for line in output.splitlines() if line.strip()]
    assert exit_code == code, output
    assert "Traceback" not in output, output
    errors = [line for line in lines[-3:] if line.startswith("error: ")]
    assert errors, f"no one-line reason among the last 3 lines:\n{output}"
    for snippet in snippets:
        assert snippet in errors[-1], errors[-1]
    return errors[-1]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory, migrated_db: Path) -> Path:
    """`build_sample_db`'s database, written once for the module (~0.5 s); tests take a copy with `copy_of`."""
    return build_sample_db(copy_migrated(migrated_db, tmp_path_factory.mktemp("sample") / "lw.duckdb"))


def copy_of(built: Path, path: Path) -> Path:
    """Copy the database `built` to `path` (its folder made); return `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(built, path)
    return path


@pytest.fixture
def empty_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new user's folder: no LAYOFFWATCH_ variable set, the working directory an empty folder."""
    for name in [k for k in os.environ if k.startswith("LAYOFFWATCH_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- help, version, usage ------------------------------------------------------------------------


def test_help_documents_exit_codes_without_type_noise() -> None:
    code, text = _invoke("--help")
    assert code == DONE
    flat = " ".join(text.replace("│", " ").split())
    assert "Exit codes: 0 done; 1 systemic failure" in flat and "2 bad input" in flat
    assert "--version" in flat and "--debug" in flat
    for command in ("--help", "run --help", "query --help", "backfill --help", "rounds --help", "demo --help"):
        code, text = _invoke(*command.split())
        assert code == DONE, text
        noise = re.findall(r"<bool>|<list\[str\]>|<str>|\{sql\}|<%Y-%m-%d>", text)
        assert not noise, f"{command}: {noise}"
    assert "query [OPTIONS] SQL" in _invoke("query", "--help")[1]


def test_version() -> None:
    code, text = _invoke("--version")
    assert code == DONE and re.fullmatch(r"layoffwatch \S+\n", text)


@pytest.mark.parametrize(
    ("args", "snippet"),
    [
        (["--bogus"], "No such option: --bogus"),
        (["query"], "Missing argument 'SQL'"),
        (["rounds", "--format", "xml"], "'xml' is not one of 'table', 'csv', 'json'"),
        (["backfill", "--from", "2024-13-01", "--to", "2024-01-01"], "'2024-13-01' does not match"),
        (["backfill", "--from", "2024-02-01", "--to", "2024-01-01"], "--to (2024-01-01) is before --from"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: list[str], snippet: str) -> None:
    code, text = _invoke(*args)
    _ends_with_error(text, BAD_INPUT, code, snippet, "--help`")
    assert "╭" not in text  # typer's error box is replaced by the one-line form


# --- bad input found before Prefect starts (exit 2) ---------------------------------------------


def test_malformed_feeds_file_prints_square_brackets_as_they_are(empty_dir: Path) -> None:
    (empty_dir / "feeds.toml").write_text('title = "no feeds"\n', encoding="utf-8")
    code, text = _invoke("run", "--feeds", "feeds.toml")
    line = _ends_with_error(text, BAD_INPUT, code, "feeds file feeds.toml")
    assert "expected at least one [[feeds]] table" in line  # not eaten by rich markup
    assert "starting Prefect" not in text and not (empty_dir / "data").exists()


def test_a_bad_setting_names_the_variable(empty_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAYOFFWATCH_HTTP_TIMEOUT", "abc")  # the bad value under test
    for command in (["run"], ["rounds"], ["backfill", "--from", "2024-01-01", "--to", "2024-01-02"]):
        code, text = _invoke(*command)
        _ends_with_error(text, BAD_INPUT, code, "error: settings: LAYOFFWATCH_HTTP_TIMEOUT='abc'", "fix or unset")


def test_unwritable_db_is_refused_before_prefect_starts(empty_dir: Path) -> None:
    (empty_dir / "afile").write_text("a file, not a folder", encoding="utf-8")
    code, text = _invoke("run", "--db", "afile/x.duckdb")
    _ends_with_error(text, BAD_INPUT, code, "database afile/x.duckdb: cannot write in afile: afile is a file, not a folder")
    assert "starting Prefect" not in text


def test_a_file_that_is_not_a_database_is_refused(empty_dir: Path) -> None:
    (empty_dir / "notes.duckdb").write_text("my notes", encoding="utf-8")
    code, text = _invoke("run", "--db", "notes.duckdb")
    _ends_with_error(text, BAD_INPUT, code, "not a valid DuckDB database file")
    assert (empty_dir / "notes.duckdb").read_text(encoding="utf-8") == "my notes"


@pytest.mark.parametrize("command", ["reprocess", "reclassify"])
def test_rejudging_a_mistyped_db_creates_nothing(sample_db: Path, empty_dir: Path, command: str) -> None:
    copy_of(sample_db, empty_dir / "data" / "layoffwatch.duckdb")
    code, text = _invoke(command, "--db", "data/layoffwatch.dukdb")
    _ends_with_error(text, BAD_INPUT, code, "database data/layoffwatch.dukdb: no such file", "data/layoffwatch.duckdb")
    assert not (empty_dir / "data" / "layoffwatch.dukdb").exists()


@pytest.mark.parametrize(
    ("command", "snippet"),
    [
        (["export", "--out", "afile/export"], "writing afile/export: afile is a file, not a folder"),
        (["report", "--out", "afile/report.html"], "writing afile/report.html: afile is a file, not a folder"),
        (["report", "--out", "data"], "writing data: is a folder"),
    ],
)
def test_export_and_report_to_an_unwritable_path(sample_db: Path, empty_dir: Path, command: list[str], snippet: str) -> None:
    copy_of(sample_db, empty_dir / "data" / "layoffwatch.duckdb")
    (empty_dir / "afile").write_text("a file", encoding="utf-8")
    code, text = _invoke(*command)
    _ends_with_error(text, BAD_INPUT, code, snippet, "pass --out")


# --- the data commands ----------------------------------------------------------------------------


def test_after_the_demo_the_data_commands_name_its_database(sample_db: Path, empty_dir: Path) -> None:
    copy_of(sample_db, empty_dir / "data" / "demo.duckdb")  # what `layoffwatch demo` leaves
    code, text = _invoke("rounds")
    _ends_with_error(text, BAD_INPUT, code, "database data/layoffwatch.duckdb: no such file",
                     "--db", "data/demo.duckdb (written by `layoffwatch demo`)")
    code, text = _invoke("rounds", "--db", "data/demo.duckdb")
    assert code == DONE and "4 rounds in data/demo.duckdb" in " ".join(text.split())


def test_a_mistyped_table_gets_duckdbs_suggestion_not_a_views_hint(sample_db: Path, empty_dir: Path) -> None:
    copy_of(sample_db, empty_dir / "data" / "layoffwatch.duckdb")
    code, text = _invoke("query", "select * from artcles")
    line = _ends_with_error(text, BAD_INPUT, code, 'Did you mean "articles"', "docs/schema.md")
    assert "layoffwatch run" not in line


def test_query_json_and_csv_print_bare_data(sample_db: Path, empty_dir: Path) -> None:
    copy_of(sample_db, empty_dir / "data" / "layoffwatch.duckdb")
    result = CliRunner().invoke(app, ["query", "--format", "json", "select count(*) as n from articles"])
    assert result.exit_code == DONE and result.stdout == '[{"n": 9}]\n'
    long_sql = "select repeat('word ', 100) as text, [1, 2] as list, null as nothing, date '2026-01-28' as day"
    result = CliRunner().invoke(app, ["query", "--format", "json", long_sql])
    assert json.loads(result.stdout) == [{"text": "word " * 100, "list": [1, 2], "nothing": None, "day": "2026-01-28"}]
    result = CliRunner().invoke(app, ["query", "--format", "csv", long_sql])
    assert result.stdout.splitlines() == ["text,list,nothing,day", f"{'word ' * 100},\"[1, 2]\",,2026-01-28"]
    assert "…" not in result.stdout
    for command in ("rounds", "stories"):
        result = CliRunner().invoke(app, [command, "--format", "json"])
        assert result.exit_code == DONE and isinstance(json.loads(result.stdout), list), command


def test_tables_fit_80_columns_when_piped(sample_db: Path, empty_dir: Path) -> None:
    copy_of(sample_db, empty_dir / "data" / "layoffwatch.duckdb")
    for command in (["rounds"], ["stories"], ["query", "select * from feed_health"], ["query", "select * from rounds_overview"]):
        result = CliRunner().invoke(app, command, env={"COLUMNS": "80"})
        assert result.exit_code == DONE, result.output
        assert max(len(line) for line in result.stdout.splitlines()) <= 80, command
    rounds = CliRunner().invoke(app, ["rounds"], env={"COLUMNS": "80"}).stdout
    assert "no room for" in " ".join(rounds.split())  # the columns left out are named
    # A date or a count is never folded mid-value (rich used to print "2026-01-" / "28").
    assert "2026-01-28" in rounds


@pytest.mark.slow  # a holder process and two lock waits (~2 s); a lock-timeout variant of the one-line errors
def test_a_locked_database_is_one_line(sample_db: Path, empty_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = copy_of(sample_db, empty_dir / "data" / "layoffwatch.duckdb")
    # Short waits: the holder below never lets go, and the defaults (120 s to write, 5 s to read)
    # would only slow the test.
    monkeypatch.setenv("LAYOFFWATCH_LOCK_TIMEOUT", "0.5")
    monkeypatch.setenv("LAYOFFWATCH_READ_LOCK_TIMEOUT", "0.5")
    with _held(db) as pid:
        code, text = _invoke("run")
        _ends_with_error(text, SYSTEMIC, code, f"database data/layoffwatch.duckdb: locked by process {pid}",
                         "close that session")
        assert "starting Prefect" not in text
        code, text = _invoke("query", "select 1")
        _ends_with_error(text, SYSTEMIC, code, f"locked by process {pid}")


# --- unexpected failures ---------------------------------------------------------------------------


def _broken_app() -> typer.Typer:
    broken = Typer(cls=Group)

    @broken.callback()
    def options(debug: bool = typer.Option(False, "--debug")) -> None:
        """A stand-in for layoffwatch whose command has a bug."""

    @broken.command()
    def crash() -> None:
        """Fail the way a bug does."""
        raise KeyError("a bug")

    @broken.command()
    def fine() -> None:
        """Succeed."""

    return broken


def test_a_bug_is_one_line_with_the_traceback_in_the_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "logs" / "lw.log"
    monkeypatch.setenv("LAYOFFWATCH_LOG", str(log))  # the log in the test's folder, not ./data
    result = CliRunner().invoke(_broken_app(), ["crash"])
    line = _ends_with_error(result.output, SYSTEMIC, result.exit_code, "error: crash failed: KeyError: 'a bug'", str(log))
    assert line == result.stderr.strip()
    assert "Traceback" in log.read_text(encoding="utf-8") and "raise KeyError" in log.read_text(encoding="utf-8")

    debug = CliRunner().invoke(_broken_app(), ["--debug", "crash"])
    assert debug.exit_code == SYSTEMIC and "Traceback" in debug.stderr and "raise KeyError" in debug.stderr


# --- runs through Prefect --------------------------------------------------------------------------


@pytest.fixture
def dead_feeds(empty_dir: Path, httpserver: HTTPServer, prefect_server: None) -> Path:
    """Three feeds whose server answers 404 (a permanent failure: no retries to wait for)."""
    httpserver.expect_request(re.compile(r"/feeds/.*")).respond_with_data("gone", status=404)
    return write_feeds(empty_dir / "feeds.toml", {f"feed-{i}": httpserver.url_for(f"/feeds/{i}.xml") for i in range(3)})


@pytest.mark.slow  # three CLI runs (~3.5 s); test_readme_queries_run_on_the_snapshot_after_every_feed_failed keeps a failing run in the default run
def test_every_feed_failing_then_backing_off(dead_feeds: Path, empty_dir: Path) -> None:
    code, text = _invoke("run", "--feeds", str(dead_feeds))
    _ends_with_error(text, SYSTEMIC, code, "error: run failed: all 3 feeds failed; first error: HTTP 404", "feed_health")
    assert "feeds: 0 fetched, 0 not modified, 3 failed" in text

    # The next run skips them all (backing off): it says so, names --all-feeds, and exits 0.
    code, text = _invoke("run", "--feeds", str(dead_feeds))
    assert code == DONE and "Traceback" not in text, text
    assert "3 skipped while backing off (next attempt " in text
    last = text.strip().splitlines()[-1]
    assert last.startswith("nothing was fetched: all 3 feeds are backing off") and "--all-feeds" in last

    code, text = _invoke("run", "--feeds", str(dead_feeds), "--all-feeds")
    _ends_with_error(text, SYSTEMIC, code, "all 3 feeds failed")


def test_readme_queries_run_on_the_snapshot_after_every_feed_failed(dead_feeds: Path, empty_dir: Path) -> None:
    code, text = _invoke("run", "--feeds", str(dead_feeds))
    assert code == SYSTEMIC, text
    snapshot = empty_dir / "data" / "layoffwatch.snapshot.duckdb"  # published although nothing landed
    statements = [
        part.strip() for block in re.findall(r"```sql\n(.*?)```", README, re.S) for part in block.split(";\n")
        if re.sub(r"--[^\n]*", "", part).strip()
    ]
    assert len(statements) >= 10
    con = duckdb.connect(str(snapshot), read_only=True)
    try:
        results = {sql: con.execute(sql).fetchall() for sql in statements}
    finally:
        con.close()
    [failing] = [rows for sql, rows in results.items() if "FROM feed_health" in sql and "status <> 'ok'" in sql]
    assert sorted(row[0] for row in failing) == ["feed-0", "feed-1", "feed-2"]
    assert all(row[1] == "backing_off" and "HTTP 404" in row[4] for row in failing)


@pytest.mark.slow  # a backfill flow run (~2 s); test_readme_queries_run_on_the_snapshot_after_every_feed_failed keeps a failing flow in the default run
def test_a_backfill_in_which_every_window_failed(empty_dir: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch,
                                                 prefect_server: None) -> None:
    httpserver.expect_request("/rss/search").respond_with_data("gone", status=404)
    monkeypatch.setenv("LAYOFFWATCH_GNEWS_URL", httpserver.url_for("/rss/search"))  # no network in tests: a stand-in
    monkeypatch.setenv("LAYOFFWATCH_GNEWS_INTERVAL", "0")  # no 2 s pause between a stand-in's windows
    code, text = _invoke("backfill", "--from", "2024-01-01", "--to", "2024-01-02", "--source", "gnews")
    _ends_with_error(text, SYSTEMIC, code, "error: backfill failed: all 1 windows failed (each one's error is listed above)")
    assert text.count("HTTP 404") == 1  # the window's error, once


# --- a real process: nothing from Prefect on the console -----------------------------------------


def _cli(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LAYOFFWATCH_", "PREFECT_API"))}
    base |= {"PREFECT_HOME": str(cwd / ".prefect"), "PYTHONPATH": str(ROOT)} | (env or {})
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=cwd, env=base,
                          capture_output=True, text=True, timeout=300)


def test_a_process_refusing_bad_input_starts_no_server(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("a file", encoding="utf-8")
    result = _cli(["run", "--db", "afile/x.duckdb"], tmp_path)
    assert result.returncode == BAD_INPUT and result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: database afile/x.duckdb: cannot write in afile: afile is a file, not a folder; "
        "pass --db (or set LAYOFFWATCH_DB) with a path you can write"
    ]


@pytest.mark.slow  # a process that starts its own temporary Prefect server (~15 s)
def test_a_process_whose_feeds_all_fail_prints_no_prefect_logs(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/down.xml").respond_with_data("gone", status=404)
    feeds = write_feeds(tmp_path / "feeds.toml", {"down": httpserver.url_for("/down.xml")})
    result = _cli(["run", "--feeds", str(feeds)], tmp_path)
    assert result.returncode == SYSTEMIC
    assert result.stderr.splitlines() == [
        "starting Prefect (first run takes ~15 s)...",
        result.stderr.splitlines()[-1],
    ]
    assert result.stderr.splitlines()[-1].startswith("error: run failed: all 1 feeds failed; first error: HTTP 404")
    assert "Traceback" not in result.stdout + result.stderr and "| INFO" not in result.stdout + result.stderr
    log = (tmp_path / "data" / "layoffwatch.log").read_text(encoding="utf-8")
    assert "Beginning flow run" in log and "Traceback" in log  # Prefect's logs went to the file


@contextmanager
def _held(db: Path) -> Iterator[int]:
    """Hold `db` open (locked) in another process for the block; yield its pid."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(60)", str(db)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


def test_the_summary_counts_what_waits_and_until_when() -> None:
    from datetime import datetime

    from usecases.summary import RunSummary

    summary = RunSummary(
        feeds_due=3, feeds_ok=2, feeds_not_modified=1, feeds_failed=1, feeds_backing_off=2, entries_new=4,
        articles_new=4, articles_with_text=3, duplicates=0, layoff_reports=1, new_rounds=[], alerts_queued=1,
        alerts_sent=1, alerts_failed=1, replayed_from_spool=0, seconds=1.25, snapshot=None,
        failures=[("geekwire", "HTTP 503")], next_feed_attempt_at=datetime(2026, 1, 28, 14, 30),
        alerts_waiting=2, next_alert_retry_at=datetime(2026, 1, 28, 12, 15),
    )
    assert summary.console_lines() == [
        "feeds: 1 fetched, 1 not modified, 1 failed, 2 skipped while backing off (next attempt 2026-01-28 14:30 UTC)",
        "articles: 4 new (3 with text), 0 duplicates, 1 layoff reports; rounds: 0 new",
        "alerts: 1 queued, 1 sent, 1 failed, 2 waiting for a retry (next 2026-01-28 12:15 UTC)",
        "feed geekwire failed: HTTP 503",
        "run complete in 1.2 s: 4 new articles, 0 new rounds, 1 feeds failed",
    ]


@pytest.mark.parametrize("fmt", [
    "csv",
    # rich lays out 20,000 rows before the first is written (~6 s); csv keeps the case in the default run
    pytest.param("table", marks=pytest.mark.slow),
])
def test_a_reader_that_stops_early_gets_no_error_line(sample_db: Path, empty_dir: Path, fmt: str) -> None:
    # `layoffwatch query ... | head -3`: the output (20,000 rows: 140 KB as CSV, 300 KB as a table) is far
    # larger than a pipe holds, so a write meets the closed pipe. That is not our failure: no "failed" line
    # and no traceback, exit 1 (as rich). The table shows 200 rows by default (3 KB, which a pipe holds: the
    # child could finish before the close and exit 0), so this test overrides --limit to make it large.
    db = copy_of(sample_db, empty_dir / "data" / "layoffwatch.duckdb")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LAYOFFWATCH_", "PREFECT_API"))}
    base |= {"PREFECT_HOME": str(empty_dir / ".prefect"), "PYTHONPATH": str(ROOT), "COLUMNS": "80"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "query", "--db", str(db), "--format", fmt, "--limit", "20000",
         "select * from range(20000)"],
        cwd=empty_dir, env=base, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    for _ in range(3):
        proc.stdout.readline()
    proc.stdout.close()
    with proc.stderr:
        stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == SYSTEMIC and stderr == ""
