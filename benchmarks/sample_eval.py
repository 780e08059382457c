"""End-to-end quality on the bundled sample: labels, rounds and alerts against manifest.toml.

Serves ingest/data/sample locally, runs the real pipeline steps into a fresh DuckDB file with a
local webhook receiver as the alert channel, twice (the second run must add nothing), then prints:
label accuracy, company accuracy, pairwise precision/recall of article-to-round assignment,
rounds expected vs created, and alerts per expected round (1 for watched fresh rounds, 0 else).

    python benchmarks/sample_eval.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import tomllib
from datetime import date
from itertools import combinations
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from usecases import run as pipeline  # noqa: E402
from demo.sample import SAMPLE_ALERTS_FROM  # noqa: E402
from demo.server import SAMPLE_DIR, sample_feeds_toml, serve_sample  # noqa: E402
from demo.webhook_receiver import receive_webhooks  # noqa: E402
from ingest.feeds.feedlist import load_feeds  # noqa: E402
from ingest.settings import load_settings  # noqa: E402
from storage.db import utcnow  # noqa: E402
from storage.queries import run_readonly  # noqa: E402


def run_sample(workdir: Path) -> tuple[Path, list[dict], list[int]]:
    """Run the pipeline twice over the sample into `workdir`; return (db, webhook bodies, new per run)."""
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "sample.duckdb"
    with serve_sample() as base, receive_webhooks() as hook:
        feeds = workdir / "feeds.toml"
        feeds.write_text(sample_feeds_toml(base), encoding="utf-8")
        os.environ.update(
            LAYOFFWATCH_FEEDS=str(feeds), LAYOFFWATCH_DB=str(db), LAYOFFWATCH_ALLOW_PRIVATE_HOSTS="127.0.0.1",
            LAYOFFWATCH_ALERT_URLS=hook.apprise_url,
            LAYOFFWATCH_ALERT_FRESHNESS_DAYS=str((date.today() - SAMPLE_ALERTS_FROM).days),
        )
        new = []
        for _ in range(2):
            settings = load_settings()
            prepared = pipeline.prepare(settings, load_feeds(settings.feeds), utcnow(), True)
            fetched = pipeline.select_new(settings, pipeline.fetch_feeds(settings, prepared, "eval"))
            stored = pipeline.store(settings, pipeline.fetch_and_extract(settings, fetched, utcnow()), utcnow())
            pipeline.deliver_alerts(settings, utcnow())
            new.append(stored.new_articles)
        return db, list(hook.received), new


def evaluate(db: Path, received: list[dict]) -> dict[str, object]:
    """Return the quality figures of a sample run against the manifest."""
    manifest = tomllib.loads((SAMPLE_DIR / "manifest.toml").read_text(encoding="utf-8"))
    pages = {p["path"]: p for p in manifest["pages"]}
    expected_rounds = {r["key"]: r for r in manifest["rounds"]}
    rows = run_readonly(
        db,
        "SELECT a.url, c.label, c.companies, ra.round_id, a.duplicate_of FROM articles a"
        " LEFT JOIN classifications c USING (article_id) LEFT JOIN round_articles ra USING (article_id)",
    ).rows
    labels_ok = companies_ok = total = 0
    got_round: dict[str, str] = {}
    for url, label, companies, round_id, _dup in rows:
        page = pages.get(urlsplit(url).path.lstrip("/"))
        if page is None or label is None:
            continue
        total += 1
        labels_ok += label == page["expected_label"]
        if page["expected_label"] != "not_layoff":
            companies_ok += list(companies or [])[:1] == page["expected_companies"][:1]
        if round_id:
            got_round[page["path"]] = round_id
    reports = [p for p in pages.values() if p.get("expected_round")]
    want = {frozenset(pair) for pair in combinations([p["path"] for p in reports], 2)
            if pages[pair[0]]["expected_round"] == pages[pair[1]]["expected_round"]}
    linked = [p for p in pages if p in got_round]
    have = {frozenset(pair) for pair in combinations(linked, 2) if got_round[pair[0]] == got_round[pair[1]]}
    tp = len(want & have)
    alerts = run_readonly(
        db, "SELECT round_id, kind, status FROM alerts WHERE kind = 'new_round'"
    ).rows
    sent_rounds = [r for r, _, status in alerts if status == "sent"]
    per_expected: dict[str, int] = {}
    for key, spec in expected_rounds.items():
        ids = {got_round[p] for p in spec["pages"] if p in got_round}
        per_expected[key] = sum(sent_rounds.count(i) for i in ids)
    wrong = {k: n for k, n in per_expected.items() if n != (1 if expected_rounds[k].get("expect_alert") else 0)}
    mention_rounds = [p for p in got_round if pages[p]["expected_label"] != "layoff_report"]
    return {
        "articles": total,
        "label_accuracy": round(labels_ok / total, 3) if total else 0.0,
        "company_accuracy": round(companies_ok / max(1, sum(1 for p in pages.values() if p["expected_label"] != "not_layoff")), 3),
        "pair_precision": round(tp / len(have), 3) if have else 1.0,
        "pair_recall": round(tp / len(want), 3) if want else 1.0,
        "rounds_expected": len(expected_rounds),
        "rounds_created": len(set(got_round.values())),
        "alerts_sent": len(sent_rounds),
        "webhook_received": len(received),
        "rounds_with_wrong_alert_count": wrong,
        "non_reports_in_rounds": mention_rounds,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db, received, new = run_sample(Path(tmp))
        figures = evaluate(db, received)
    print(f"new articles per run: {new} (the second run must add nothing)")
    for key, value in figures.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
