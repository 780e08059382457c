"""Re-judging history without network: dry runs write nothing, real runs apply and report changes.

The use case (`usecases.reprocess`) is tested directly; one test goes through the Prefect flow.
The bundled sample is run once per module (`sample_run`) and each test re-judges a copy of it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from flows import reprocess as reprocess_module
from ingest.models import Classification
from ingest.rounds.replay import RebuiltRounds, replay_rounds
from ingest.settings import load_settings
from tests.conftest import copy_migrated, isolate, rows, run_steps
from tests.test_rounds import EXPECTED, REPORTS
from ingest.understanding import classify_many
from usecases.reprocess import rejudge


def snapshot_tables(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "labels": con.execute("SELECT article_id, label FROM classifications ORDER BY 1").fetchall(),
            "rounds": con.execute("SELECT round_id, status, headcount FROM rounds ORDER BY 1").fetchall(),
            "links": con.execute("SELECT article_id, round_id FROM round_articles ORDER BY 1").fetchall(),
            "texts": con.execute("SELECT article_id, md5(text) FROM articles ORDER BY 1").fetchall(),
            "alerts": con.execute("SELECT idempotency_key, status FROM alerts ORDER BY 1").fetchall(),
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory, migrated_db: Path) -> Iterator[tuple[Path, Path]]:
    """The bundled sample served for the module and run once (no alert sent), as `sample_site` and
    `run_steps` would for each test (~2.5 s a run); yield the feeds file and the database."""
    from demo.server import sample_feeds_toml, serve_sample

    folder = tmp_path_factory.mktemp("sample-run")
    with pytest.MonkeyPatch.context() as monkeypatch, serve_sample() as base:
        db = copy_migrated(migrated_db, isolate(folder, monkeypatch))  # the subject is reprocessing, not the first open
        feeds = folder / "sample-feeds.toml"
        feeds.write_text(sample_feeds_toml(base), encoding="utf-8")
        monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(feeds))
        run_steps(load_settings(), send=False)
        yield feeds, db


@pytest.fixture
def ran_sample(sample_run: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A test's own copy of the module's sample run (database, snapshot and spool folder), the
    environment set as `sample_site` sets it, on the same served sample; return the db path."""
    feeds, built = sample_run
    db = isolate(tmp_path, monkeypatch)
    monkeypatch.setenv("LAYOFFWATCH_FEEDS", str(feeds))
    for item in built.parent.iterdir():
        if item.name.startswith(built.stem + "."):  # lw.duckdb, lw.snapshot.duckdb, lw.duckdb.spool
            copy = db.with_name(db.stem + item.name.removeprefix(built.stem))
            if item.is_dir():
                shutil.copytree(item, copy)
            else:
                shutil.copyfile(item, copy)
    return db


def test_reprocess_with_unchanged_code_changes_nothing(ran_sample: Path) -> None:
    settings = load_settings()
    before = snapshot_tables(ran_sample)
    report = rejudge(settings, reextract=True, dry_run=False)
    assert report.reextracted >= 28 and report.text_changed == 0
    assert report.labels_changed == [] and report.rounds.created == [] and report.rounds.removed == []
    assert snapshot_tables(ran_sample) == before


def test_a_classifier_change_is_previewed_then_applied(ran_sample: Path) -> None:
    settings = load_settings()
    before = snapshot_tables(ran_sample)
    reports = {a for a, label in before["labels"] if label == "layoff_report"}
    linked = dict(before["links"])
    demoted = sorted(a for a in reports if a in linked)[0]
    def stricter(items, table):  # a "new classifier" that demotes one report to a mention
        out: list[Classification] = classify_many(items, table)
        return [v.model_copy(update={"label": "layoff_mention"}) if v.article_id == demoted else v for v in out]

    preview = rejudge(settings, reextract=False, dry_run=True, classify=stricter)
    assert [(c.article_id, c.before, c.after) for c in preview.labels_changed] == [(demoted, "layoff_report", "layoff_mention")]
    assert preview.rounds.relinked >= 1
    assert snapshot_tables(ran_sample) == before  # the dry run wrote nothing

    applied = rejudge(settings, reextract=False, dry_run=False, classify=stricter)
    after = snapshot_tables(ran_sample)
    assert applied.labels_changed == preview.labels_changed and applied.rounds == preview.rounds
    assert dict(after["labels"])[demoted] == "layoff_mention"
    assert demoted not in dict(after["links"])
    # No alert row was added for history: any new round is recorded suppressed, nothing pending.
    new_alerts = set(after["alerts"]) - set(before["alerts"])
    assert all(status == "suppressed" for _, status in new_alerts)


def test_reprocess_restores_text_from_stored_pages(ran_sample: Path) -> None:
    settings = load_settings()
    before = snapshot_tables(ran_sample)
    con = duckdb.connect(str(ran_sample))
    con.execute("UPDATE articles SET text = '' WHERE extraction_status = 'ok'")  # simulate an old extractor
    con.close()
    report = rejudge(settings, reextract=True, dry_run=False)
    assert report.text_changed >= 28
    assert snapshot_tables(ran_sample)["texts"] == before["texts"]


@pytest.mark.slow  # a sample run of its own, with two channels (~2.5 s); the tests above keep the reprocess in the default run
def test_rounds_found_by_a_reprocess_are_queued_for_the_runs_channels(
    sample_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two kinds of channel, an Apprise URL and a Prefect block: the reprocess must queue for both, as the run does.
    monkeypatch.setenv("LAYOFFWATCH_ALERT_URLS", "json://127.0.0.1:9/hook")
    monkeypatch.setenv("LAYOFFWATCH_PREFECT_NOTIFY_BLOCKS", "pager")  # see above
    settings = load_settings()
    run_steps(settings, send=False)
    queued = "SELECT round_id, channel FROM alerts WHERE kind = 'new_round' ORDER BY ALL"
    by_run = rows(sample_site, queued)
    assert {channel for _, channel in by_run} == {"json://127.0.0.1:9/hook", "prefect-block://***"}  # names redacted
    con = duckdb.connect(str(sample_site))
    for table in ("alerts", "round_articles", "rounds"):  # as if an older matcher had found no round
        con.execute(f"DELETE FROM {table}")
    con.close()

    report = rejudge(settings, reextract=False, dry_run=False)
    by_reprocess = rows(sample_site, queued)
    assert {round_id for round_id, _ in by_reprocess} <= set(report.rounds.created)

    def channels_per_round(queued_rows: list[tuple]) -> list[set[str]]:
        per_round: dict[str, set[str]] = {}
        for round_id, channel in queued_rows:
            per_round.setdefault(round_id, set()).add(channel)
        return list(per_round.values())

    # Replayed rounds get ids of their own: as many rounds as the run alerted, each for both channels.
    assert channels_per_round(by_reprocess) == channels_per_round(by_run)
    statuses = rows(sample_site, "SELECT DISTINCT status, reason FROM alerts")
    assert statuses == [("suppressed", "reprocess")]  # history never spams


def test_the_reprocess_flow_on_defaults_reports_and_publishes(ran_sample: Path, prefect_server: None) -> None:
    before = snapshot_tables(ran_sample)
    summary = reprocess_module.reprocess()
    assert summary["reextracted"] >= 28 and summary["text_changed"] == 0 and summary["labels_changed"] == 0
    assert summary["rounds"]["created"] == [] and summary["rounds"]["removed"] == []
    assert snapshot_tables(ran_sample) == before
    snapshot = Path(summary["snapshot"])  # a real run publishes the read-only copy for users
    assert snapshot.exists() and snapshot_tables(snapshot)["rounds"] == before["rounds"]


def test_replay_groups_the_same_whatever_the_order_of_fetch_days() -> None:
    def grouping(rebuilt: RebuiltRounds) -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for link in rebuilt.links:
            groups.setdefault(link.round_id, set()).add(link.article_id)
        return {frozenset(g) for g in groups.values()}

    live = replay_rounds(REPORTS, window_days=7)  # fetched when published
    assert grouping(live) == EXPECTED
    assert replay_rounds(list(reversed(REPORTS)), window_days=7) == live  # input order is no fetch order
    # Fetched in the reverse order of publication, one day each: other ids and history, same rounds.
    start = datetime(2026, 6, 1)
    backwards = [c.model_copy(update={"fetched_at": start + timedelta(days=i)})
                 for i, c in enumerate(sorted(REPORTS, key=lambda c: c.published_at, reverse=True))]
    rebuilt = replay_rounds(backwards, window_days=7)
    assert grouping(rebuilt) == EXPECTED
    assert {r.round_id for r in rebuilt.rounds} == {link.round_id for link in rebuilt.links}
    assert set(rebuilt.sources) == {r.round_id for r in rebuilt.rounds}
