"""The data product: views over a small realistic database, and the CLI's read-only data commands."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from cli import data as cli_data
from cli.errors import Group, Typer
from ingest.alerts import AlertRow
from ingest.dedup import DuplicateDecision, TextSignature
from ingest.feeds.health import after_fetches
from ingest.models import Article, Classification, FeedConfig, FeedFetch, Round, RoundLink
from ingest.rounds import RoundPlan
from storage import dedup
from storage.alerts import insert_alerts
from storage.articles import insert_articles
from storage.classifications import save_classifications
from storage.db import connect, transaction, utcnow
from storage.exports import EXCLUDED
from storage.feeds import record_fetches, sync_feeds
from storage.report_data import load_rounds, load_stories, load_weekly_volume
from storage.rounds import save_plan
from storage.snapshot import publish, snapshot_path
from tests.conftest import copy_migrated
from tests.conftest import rows as _rows

# Untrusted text from the news: markup that must never become markup in the report or the terminal.
HOSTILE_TITLE = (
    "Amazon to cut 16,000 jobs </script><script>document.title='pwned'</script>"
    "<img src=x onerror=\"document.title='pwned'\"> [bold]rich markup[/bold]"
)


def _article(article_id: str, title: str, published: datetime, source: str, feed: str = "geekwire") -> Article:
    return Article(
        article_id=article_id,
        feed=feed,
        url=f"https://news.example/{article_id}",
        canonical_url=f"https://news.example/{article_id}",
        title=title,
        text=f"{title}. Body text.",
        published_at=published,
        fetched_at=published + timedelta(hours=1),
        source_name=source,
    )


def _round(round_id: str, company: str, announced: date, title: str, sources: int, articles: int, **kw: object) -> Round:
    seen = datetime.combine(announced, datetime.min.time()) + timedelta(hours=13)
    return Round(
        round_id=round_id, company=company, announced_on=announced, first_seen_at=seen, last_seen_at=seen,
        title=title, source_count=sources, article_count=articles, matcher_version="test", **kw,
    )


def _alert(round_id: str, status: str, created: datetime, **kw: object) -> AlertRow:
    key = f"{round_id}:new_round:ch_0123456789ab"
    return AlertRow(
        alert_id=f"a_{round_id}", idempotency_key=key, round_id=round_id, kind="new_round",
        channel="json://hooks.example/***", channel_id="ch_0123456789ab", status=status,
        created_at=created, payload={"title": "x", "company": "Amazon"}, **kw,
    )


def build_sample_db(path: Path, now: datetime | None = None) -> Path:
    """Write a small database through the storage functions: 9 articles, 4 rounds, 3 alerts, 3 feeds."""
    now = now or utcnow()
    with connect(path) as con, transaction(con):
        sync_feeds(
            con,
            [
                FeedConfig(name="geekwire", url="https://feeds.example/geekwire.xml"),
                FeedConfig(name="google-news-amazon", url="https://feeds.example/gn.xml", tags=("search", "amazon")),
                FeedConfig(name="broken", url="https://feeds.example/broken.xml"),
            ],
            now - timedelta(days=30),
        )
        fetches = [
            FeedFetch(fetch_id="f1", run_id="run", feed="geekwire", url="u", started_at=now - timedelta(hours=2),
                      duration_ms=120.0, http_status=200, items_seen=20, new_items=5),
            FeedFetch(fetch_id="f2", run_id="run", feed="google-news-amazon", url="u", started_at=now - timedelta(days=3),
                      duration_ms=300.0, http_status=200, items_seen=50, new_items=7),
            FeedFetch(fetch_id="f3", run_id="old", feed="geekwire", url="u", started_at=now - timedelta(days=10),
                      duration_ms=100.0, http_status=200, items_seen=20, new_items=20),
        ]
        record_fetches(con, fetches, after_fetches(fetches, {}))
        for i in range(3):  # three failures in a row: backing off
            failed = [FeedFetch(fetch_id=f"b{i}", run_id=f"r{i}", feed="broken", url="u",
                                started_at=now - timedelta(minutes=30 - 10 * i), duration_ms=50.0,
                                http_status=503, error="HTTP 503")]
            record_fetches(con, failed, after_fetches(failed, {"broken": i}))
        insert_articles(
            con,
            [
                _article("sps-gw", "Amazon cuts jobs in Selling Partner Services", datetime(2025, 6, 12, 12), "GeekWire"),
                _article("sps-rt", "Amazon lays off staff in its seller unit", datetime(2025, 6, 12, 15), "Reuters"),
                _article("sps-copy", "Amazon lays off staff in its seller unit", datetime(2025, 6, 12, 16), "Yahoo",
                         feed="google-news-amazon"),
                _article("big-cnbc", "Amazon confirms 16,000 corporate job cuts", datetime(2026, 1, 28, 14), "CNBC"),
                _article("big-evil", HOSTILE_TITLE, datetime(2026, 1, 29, 9), "[red]Evil[/red] <b>Outlet</b>"),
                _article("aws-few", "AWS lays off several hundred employees", datetime(2024, 4, 4, 18), "GeekWire"),
                _article("essay", "What 27,000 past Amazon layoffs tell investors", datetime(2026, 2, 3, 8), "Motley"),
                _article("meta", "Meta to lay off 11,000 employees", datetime(2022, 11, 9, 12), "Meta"),
                _article("prices", "Amazon price cuts on TVs", datetime(2026, 1, 27, 8), "Deals"),
            ],
        )
        dedup.save(
            con,
            [TextSignature(article_id=a, text_hash="h-seller-unit", shingle_count=40, minhash=(), bands=())
             for a in ("sps-rt", "sps-copy")],
            [DuplicateDecision(article_id="sps-copy", duplicate_of="sps-rt", method="exact", score=1.0,
                               threshold=1.0, dedup_version="test")],
        )
        verdicts = [
            ("sps-gw", "layoff_report", ("Amazon",), {"units": ("Selling Partner Services",), "announced_on": date(2025, 6, 12)}),
            ("sps-rt", "layoff_report", ("Amazon",), {"units": ("Selling Partner Services",), "announced_on": date(2025, 6, 12)}),
            ("big-cnbc", "layoff_report", ("Amazon",), {"headcount": 16000, "headcount_text": "16,000", "announced_on": date(2026, 1, 28)}),
            ("big-evil", "layoff_report", ("Amazon",), {"headcount": 16000, "headcount_text": "16,000", "announced_on": date(2026, 1, 28)}),
            ("aws-few", "layoff_report", ("Amazon",), {"units": ("AWS",), "headcount_min": 200, "headcount_max": 900,
                                                       "headcount_text": "several hundred", "announced_on": date(2024, 4, 4)}),
            ("essay", "layoff_mention", ("Amazon",), {"headcount_text": "27,000"}),
            ("meta", "layoff_report", ("Meta",), {"headcount": 11000, "headcount_text": "11,000", "announced_on": date(2022, 11, 9)}),
            ("prices", "not_layoff", (), {}),
        ]
        save_classifications(
            con,
            [Classification(article_id=a, classifier_version="test", label=label, confidence=0.9, companies=companies, **facts)
             for a, label, companies, facts in verdicts],
            now,
        )
        rounds = [
            _round("r_sps", "Amazon", date(2025, 6, 12), "Amazon cuts jobs in Selling Partner Services", 3, 3,
                   units=("Selling Partner Services",), status="confirmed"),
            _round("r_big", "Amazon", date(2026, 1, 28), HOSTILE_TITLE, 2, 2, headcount=16000,
                   headcount_text="16,000", status="confirmed"),
            _round("r_aws", "Amazon", date(2024, 4, 4), "AWS lays off several hundred employees", 1, 1,
                   units=("AWS",), headcount_min=200, headcount_max=900, headcount_text="several hundred"),
            _round("r_meta", "Meta", date(2022, 11, 9), "Meta to lay off 11,000 employees", 1, 1, headcount=11000,
                   headcount_text="11,000", status="confirmed"),
        ]
        links = [
            ("r_sps", "sps-gw", "announcement"), ("r_sps", "sps-rt", "coverage"), ("r_sps", "sps-copy", "coverage"),
            ("r_big", "big-cnbc", "announcement"), ("r_big", "big-evil", "coverage"),
            ("r_aws", "aws-few", "announcement"), ("r_meta", "meta", "announcement"),
        ]
        save_plan(
            con,
            RoundPlan(
                created_at=now,
                rounds=rounds,
                links=[RoundLink(round_id=r, article_id=a, role=role, score=0.9, reason="same figure")
                       for r, a, role in links],
            ),
        )
        insert_alerts(
            con,
            [
                _alert("r_big", "sent", now - timedelta(days=2), attempts=1, sent_at=now - timedelta(days=2)),
                _alert("r_sps", "suppressed", now - timedelta(days=3), reason="announced 30 days before first seen"),
                _alert("r_aws", "failed", now - timedelta(days=1), attempts=2, last_error="HTTP 500 from ***",
                       next_attempt_at=now + timedelta(minutes=5)),
            ],
        )
    return path


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory, migrated_db: Path) -> Path:
    return build_sample_db(copy_migrated(migrated_db, tmp_path_factory.mktemp("data") / "lw.duckdb"))




# --- views -------------------------------------------------------------------------------------


def test_rounds_overview_lists_outlets_in_order_of_first_coverage(sample_db: Path) -> None:
    rows = _rows(
        sample_db,
        "SELECT round_id, sources, first_outlet, first_coverage_at, last_coverage_at, linked_articles"
        " FROM rounds_overview",
    )
    assert [r[0] for r in rows] == ["r_big", "r_sps", "r_aws", "r_meta"]  # newest announcement first
    sps = rows[1]
    assert sps[1] == ["GeekWire", "Reuters", "Yahoo"]  # the syndicated copy counts as an outlet
    assert sps[2] == "GeekWire"
    assert (sps[3], sps[4], sps[5]) == (datetime(2025, 6, 12, 12), datetime(2025, 6, 12, 16), 3)


def test_amazon_rounds_is_rounds_overview_for_amazon(sample_db: Path) -> None:
    assert _rows(sample_db, "SELECT round_id FROM amazon_rounds") == [("r_big",), ("r_sps",), ("r_aws",)]
    overview = _rows(sample_db, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'rounds_overview'")
    amazon = _rows(sample_db, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'amazon_rounds'")
    assert overview == amazon


def test_layoff_stories_are_canonical_layoff_articles_with_their_round(sample_db: Path) -> None:
    rows = dict(_rows(sample_db, "SELECT article_id, coalesce(round_id, '-') FROM layoff_stories"))
    assert "sps-copy" not in rows and "prices" not in rows  # duplicate and not_layoff are out
    assert rows["essay"] == "-" and rows["big-cnbc"] == "r_big"
    assert len(rows) == 7


def test_weekly_layoff_volume_counts_per_company_and_iso_week(sample_db: Path) -> None:
    rows = _rows(sample_db, "SELECT week_start, iso_week, company, stories, reports, mentions FROM weekly_layoff_volume")
    assert rows[0] == (date(2026, 2, 2), "2026-W06", "Amazon", 1, 0, 1)
    assert (date(2026, 1, 26), "2026-W05", "Amazon", 2, 2, 0) in rows
    assert sum(r[3] for r in rows) == 7


def test_feed_health_shows_failing_feed_first_with_windows(sample_db: Path) -> None:
    rows = {r[0]: r[1:] for r in _rows(
        sample_db,
        "SELECT feed, status, consecutive_failures, fetches_24h, failures_24h, fetches_7d, new_items_7d, last_error"
        " FROM feed_health",
    )}
    assert rows["broken"] == ("backing_off", 3, 3, 3, 3, 0, "HTTP 503")
    assert rows["geekwire"][:6] == ("ok", 0, 1, 0, 1, 5)  # the 10-day-old fetch is outside 7 days
    assert rows["google-news-amazon"][:6] == ("ok", 0, 0, 0, 1, 7)
    assert _rows(sample_db, "SELECT feed FROM feed_health LIMIT 1") == [("broken",)]


def test_alerts_log_joins_rounds_and_holds_no_payload_or_keys(sample_db: Path) -> None:
    columns = [r[0] for r in _rows(sample_db, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'alerts_log'")]
    assert "payload" not in columns and "idempotency_key" not in columns
    rows = _rows(sample_db, "SELECT round_id, company, status, attempts, channel FROM alerts_log")
    assert [r[0] for r in rows] == ["r_aws", "r_big", "r_sps"]  # newest first
    assert all(r[1] == "Amazon" and "***" in r[4] for r in rows)


def test_report_queries_filter_and_fill_empty_weeks(sample_db: Path) -> None:
    with connect(sample_db, read_only=True) as con:
        assert [r.round_id for r in load_rounds(con, company="AMAZON", since=date(2025, 1, 1))] == ["r_big", "r_sps"]
        assert [s.article_id for s in load_stories(con, company="meta")] == ["meta"]
        assert [s.article_id for s in load_stories(con, label="layoff_mention")] == ["essay"]
        weeks = load_weekly_volume(con, since=date(2026, 1, 1))
    assert [(w.week_start, w.stories) for w in weeks] == [(date(2026, 1, 26), 2), (date(2026, 2, 2), 1)]
    with connect(sample_db, read_only=True) as con:
        all_weeks = load_weekly_volume(con)
    assert all_weeks[0].week_start == date(2022, 11, 7) and all_weeks[-1].week_start == date(2026, 2, 2)
    assert len(all_weeks) == (date(2026, 2, 2) - date(2022, 11, 7)).days // 7 + 1  # gaps are zero weeks
    assert sum(w.stories for w in all_weeks) == 7


# --- CLI ---------------------------------------------------------------------------------------


def _cli() -> tuple[typer.Typer, io.StringIO]:
    out = io.StringIO()
    app = Typer(cls=Group)  # the real app's group: failures become one line and an exit code
    cli_data.register(app, Console(file=out, width=250, color_system=None))
    return app, out


def _invoke(*args: str) -> tuple[int, str, BaseException | None]:
    app, out = _cli()
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, out.getvalue() + result.output, result.exception


def test_rounds_command_filters_by_company_and_date(sample_db: Path) -> None:
    code, text, _ = _invoke("rounds", "--company", "amazon", "--since", "2025-01-01", "--db", str(sample_db))
    assert code == 0, text
    assert "r_big" in text and "r_sps" in text and "r_aws" not in text and "r_meta" not in text
    assert "16,000" in text and "GeekWire" in text and "2 rounds" in text


def test_stories_command_filters_by_label(sample_db: Path) -> None:
    code, text, _ = _invoke("stories", "--label", "layoff_mention", "--db", str(sample_db))
    assert code == 0, text
    assert "What 27,000 past Amazon layoffs tell investors" in text and "1 story in" in text
    code, text, _ = _invoke("stories", "--db", str(sample_db))
    assert "[red]Evil[/red] <b>Outlet</b>" in text  # news text is shown as text, never as rich markup
    code, text, _ = _invoke("stories", "--company", "Amazon", "--limit", "2", "--db", str(sample_db))
    assert code == 0 and "2 stories" in text


def test_query_command_prints_rows(sample_db: Path) -> None:
    code, text, _ = _invoke("query", "select company, count(*) as n from rounds group by 1 order by 1", "--db", str(sample_db))
    assert code == 0, text
    assert "Amazon" in text and "Meta" in text and "2 rows" in text


def test_query_command_refuses_writes_with_a_message(sample_db: Path) -> None:
    code, text, exc = _invoke("query", "DELETE FROM articles", "--db", str(sample_db))
    assert code == 2 and isinstance(exc, SystemExit)  # bad input, said in one line, not a traceback
    assert "read-only" in text and "Traceback" not in text
    assert text.strip().splitlines()[-1].startswith("error: query: ")
    assert _rows(sample_db, "SELECT count(*) FROM articles") == [(9,)]


def test_query_command_reports_bad_sql_and_missing_database(sample_db: Path, tmp_path: Path) -> None:
    code, text, _ = _invoke("query", "select nope from nowhere", "--db", str(sample_db))
    assert code == 2 and "nowhere" in text and "docs/schema.md" in text
    code, text, _ = _invoke("rounds", "--db", str(tmp_path / "missing.duckdb"))
    assert code == 2 and f"error: database {tmp_path / 'missing.duckdb'}: no such file" in text


@pytest.mark.parametrize("command", ["rounds", "stories", "report"])
def test_a_file_that_is_not_a_layoffwatch_database_is_one_line(command: str, tmp_path: Path) -> None:
    notes = tmp_path / "notes.duckdb"
    notes.write_text("my notes", encoding="utf-8")
    other = tmp_path / "other.duckdb"  # a DuckDB file, but none of our views
    duckdb.connect(str(other)).close()
    out = ["--out", str(tmp_path / "r.html")] if command == "report" else []
    for db, why in ((notes, "not a valid DuckDB database file"), (other, "does not exist")):
        code, text, exc = _invoke(command, "--db", str(db), *out)
        last = text.strip().splitlines()[-1]
        assert code == 2 and isinstance(exc, SystemExit) and "Traceback" not in text
        assert last.startswith(f"error: database {db}: ") and why in last
        assert last.endswith("run `layoffwatch run` once to upgrade it, or pass --db with a layoffwatch database")
    assert notes.read_text(encoding="utf-8") == "my notes"  # read-only: never touched


def test_locked_database_points_at_the_snapshot(sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "locked.duckdb"
    db.write_bytes(sample_db.read_bytes())
    publish(db, lock_timeout=5)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(60)", str(db)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        # The holder never lets go: waiting the default 5 s would only slow the test down.
        monkeypatch.setenv("LAYOFFWATCH_READ_LOCK_TIMEOUT", "0.2")
        code, text, _ = _invoke("rounds", "--db", str(db))
        assert code == 1
        assert f"process {holder.pid}" in text and str(snapshot_path(db)) in text
        code, text, _ = _invoke("rounds", "--db", str(snapshot_path(db)))
        assert code == 0 and "4 rounds" in text
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_table_and_view_but_raw_html(sample_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "export"
    code, text, _ = _invoke("export", "--format", fmt, "--out", str(out), "--db", str(sample_db))
    assert code == 0, text
    relations = {r[0] for r in _rows(
        sample_db,
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal UNION SELECT view_name FROM duckdb_views() WHERE NOT internal",
    )}
    files = {p.name for p in out.iterdir()}
    assert files == {f"{name}.{fmt}" for name in relations - EXCLUDED}
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    con = duckdb.connect()
    try:
        assert con.execute(f"SELECT count(*) FROM {reader}('{out / f'rounds_overview.{fmt}'}')").fetchone() == (4,)
        assert con.execute(f"SELECT count(*) FROM {reader}('{out / f'articles.{fmt}'}')").fetchone() == (9,)
    finally:
        con.close()


def test_report_command_writes_a_page(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "site" / "report.html"
    code, text, _ = _invoke("report", "--out", str(out), "--db", str(sample_db))
    assert code == 0, text
    page = out.read_text(encoding="utf-8")
    assert "4 rounds" in text and page.count('<tr><td class="date">') == 4


# --- data that says what it means ----------------------------------------------------------------


@pytest.mark.usefixtures("lw_db")  # the database as a first open leaves it: the subject is the run
def test_rounds_keep_the_coverages_words_headline_and_link(sample_site: Path) -> None:
    from ingest.settings import load_settings
    from tests.conftest import run_steps

    run_steps(load_settings(), send=False)
    [(headcount, low, high, headline, first_url)] = _rows(
        sample_site,
        "SELECT headcount, headcount_min, headcount_max, headline, first_url FROM rounds_overview"
        " WHERE headcount_text = 'several hundred'",
    )
    # "several hundred" is no figure: no 900 in headcount, the range and the words stay.
    assert headcount is None and (low, high) == (200, 900)
    assert headline.startswith("Amazon to Cut Hundreds of AWS Jobs")
    # Every round's headline is its earliest article's own title; its link is that article's URL as
    # the feed gave it (the sample is served over http; canonical_url says https).
    mismatched = _rows(
        sample_site,
        """
        SELECT o.round_id FROM rounds_overview o
        JOIN (SELECT ra.round_id, arg_min(a.title, (a.published_at, a.article_id)) AS title,
                     arg_min(a.url, (a.published_at, a.article_id)) AS url
              FROM round_articles ra JOIN articles a USING (article_id) GROUP BY ra.round_id) f USING (round_id)
        WHERE o.headline IS DISTINCT FROM f.title OR o.first_url IS DISTINCT FROM f.url
        """,
    )
    assert mismatched == [] and first_url.startswith("http://127.0.0.1")
    assert _rows(sample_site, "SELECT count(*) FROM rounds WHERE headline IS NULL") == [(0,)]
    assert _rows(sample_site, "SELECT count(*) FROM articles WHERE canonical_url LIKE 'https://127.0.0.1%'")[0][0] > 0


def test_waiting_alerts_are_counted_with_their_next_retry(sample_db: Path) -> None:
    from storage.alerts import waiting_alerts

    with connect(sample_db, read_only=True) as con:
        [(due,)] = con.execute("SELECT next_attempt_at FROM alerts WHERE status = 'failed'").fetchall()
        assert waiting_alerts(con, due - timedelta(minutes=1)) == (1, due)
        assert waiting_alerts(con, due) == (0, None)  # due now: sent by this run, not waiting


def test_a_run_that_wrote_nothing_keeps_the_snapshot_and_any_other_publishes(sample_db: Path, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from usecases.run import publish_snapshot
    from ingest.settings import load_settings

    db = tmp_path / "lw.duckdb"
    db.write_bytes(sample_db.read_bytes())
    monkeypatch.setenv("LAYOFFWATCH_DB", str(db))  # this test's copy of the sample database
    settings = load_settings()
    assert publish_snapshot(settings, changed=False) == snapshot_path(db)  # none yet: published
    assert publish_snapshot(settings, changed=False) is None  # nothing written since: the same data
    assert publish_snapshot(settings, changed=True) == snapshot_path(db)
