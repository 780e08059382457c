"""A warm no-op `ingest` run (nothing new anywhere) beside an empty Prefect flow run.

Run: .venv/bin/python benchmarks/noop_run.py [--feeds 20] [--items 100] [--validators none] [--runs 5] [--stored 0]

`--feeds` outlets (benchmarks/pagegen.py) are served from loopback with `--items` entries each.
With `--validators none` (the default) no feed answers conditional GETs: every run downloads
every feed again, all of its items already seen, as servers that ignore ETags do; with `half`,
half of them answer 304 (ETag / Last-Modified). A first run ingests everything; then the timed
no-op runs alternate with empty flow runs on the same temporary Prefect API, and the medians
are compared (target: no-op run <= 1.15x the empty flow). `--stored N` first adds N synthetic
articles (benchmarks/store.py's generator) so the per-run costs that grow with the database
(select_new, snapshot copy) show up.

Also prints where a no-op run's time goes (timing probes around the pipeline steps) and the
CPU time in this process, which is what the run itself costs beside waiting on the API.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pagegen import apply_patch, feeds_toml, generate_site, serve_site, server_stats  # noqa: E402


def preload(db: Path, count: int, batch: int = 2000) -> None:
    """Store `count` synthetic articles (with classifications) in `db`."""
    from datetime import UTC, datetime

    from store import Corpus, make_batch
    from storage import articles as article_store
    from storage import classifications as class_store
    from storage.db import connect, transaction

    corpus = Corpus(5)
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    for start in range(0, count, batch):
        articles, verdicts = make_batch(corpus, start, min(batch, count - start), now)
        with connect(db) as con, transaction(con):
            article_store.insert_articles(con, articles)
            class_store.save_classifications(con, verdicts, now)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=100, help="pages per feed (ingested by the first run)")
    parser.add_argument("--validators", choices=("none", "half"), default="none",
                        help="which feeds answer conditional GETs with 304: none, or every other one")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--stored", type=int, default=0, help="synthetic articles stored before the runs")
    parser.add_argument("--patch", help="python file whose apply() is called before the runs (a prototype kept "
                                        "outside the repo)")
    args = parser.parse_args()

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    with tempfile.TemporaryDirectory(prefix="lw-noop-") as tmp:
        root = Path(tmp) / "site"
        site = generate_site(root, pages=args.feeds * args.items, feeds=args.feeds, seed=3)
        # Feeds without validators are downloaded again on every run, their items all seen.
        plain = [path for k, path in site.feed_paths() if k % 2 or args.validators == "none"]
        (root / "no-validators.txt").write_text("\n".join(plain), encoding="utf-8")
        with serve_site(root, args.feeds) as bases:
            feeds_file = Path(tmp) / "feeds.toml"
            feeds_file.write_text(feeds_toml(site, bases), encoding="utf-8")
            db = Path(tmp) / "data" / "noop.duckdb"
            db.parent.mkdir()
            os.environ.update({
                "LAYOFFWATCH_DB": str(db),
                "LAYOFFWATCH_FEEDS": str(feeds_file),
                "LAYOFFWATCH_ALLOW_PRIVATE_HOSTS": "127.0.0.0/8",
                "LAYOFFWATCH_MAX_ENTRIES_PER_FEED": "100000",
            })
            os.environ.pop("LAYOFFWATCH_ALERT_URLS", None)
            if args.stored:
                t0 = time.perf_counter()
                preload(db, args.stored)
                print(f"preloaded {args.stored:,} synthetic articles in {time.perf_counter() - t0:.1f}s "
                      f"({db.stat().st_size / 2**20:,.0f} MiB)")
            measure(args, bases, db)


def measure(args: argparse.Namespace, bases: list[str], db: Path) -> None:
    from prefect import flow
    from prefect.testing.utilities import prefect_test_harness

    from probes import install_probes

    @flow(name="empty")
    def empty() -> None:
        return None

    logging.getLogger("prefect").setLevel(logging.WARNING)
    with prefect_test_harness(server_startup_timeout=180):
        if args.patch:
            apply_patch(args.patch)
        import flows.ingest_flow

        ingest = flows.ingest_flow.ingest  # looked up after any patch
        empty()
        t0 = time.perf_counter()
        first = ingest()
        print(f"first run: {time.perf_counter() - t0:.1f}s, {first['articles_new']} articles stored")
        ingest()  # warm-up no-op run (first conditional GETs with validators)
        before = server_stats(bases[0])
        noop, noop_cpu, emp, emp_cpu = [], [], [], []
        summary = {}
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), time.process_time()
            empty()
            emp.append(time.perf_counter() - t0)
            emp_cpu.append(time.process_time() - c0)
            t0, c0 = time.perf_counter(), time.process_time()
            summary = ingest()
            noop.append(time.perf_counter() - t0)
            noop_cpu.append(time.process_time() - c0)
        after = server_stats(bases[0])
        probes = install_probes()
        t0 = time.perf_counter()
        ingest()
        probed = time.perf_counter() - t0
        probes.restore()

    per_run = (after["requests"] - before["requests"]) / args.runs
    not_modified = (after["not_modified"] - before["not_modified"]) / args.runs
    print(f"each no-op run: {per_run:.0f} feed requests, {not_modified:.0f} answered 304; "
          f"entries_new={summary['entries_new']}, articles_new={summary['articles_new']}, "
          f"feeds_failed={summary['feeds_failed']}")
    e, n = statistics.median(emp), statistics.median(noop)
    print(f"empty flow run: median {e * 1000:.0f} ms (runs {', '.join(f'{x * 1000:.0f}' for x in emp)}); "
          f"CPU here {statistics.median(emp_cpu) * 1000:.0f} ms")
    print(f"no-op ingest run: median {n * 1000:.0f} ms (runs {', '.join(f'{x * 1000:.0f}' for x in noop)}); "
          f"CPU here {statistics.median(noop_cpu) * 1000:.0f} ms")
    print(f"ratio no-op / empty = {n / e:.2f}x   (target <= 1.15x)")
    print()
    print(f"one more no-op run with timing probes: {probed * 1000:.0f} ms")
    print(f"    {'step':<44} {'calls':>5} {'wall ms':>8} {'CPU ms':>7}")
    steps = 0.0
    for name in probes.order:
        calls, wall, cpu, _ = probes.stats[name]
        if calls:
            print(f"    {name:<44} {int(calls):>5} {wall * 1000:8.0f} {cpu * 1000:7.0f}")
            if not name.startswith(" ") and not name.startswith("connect"):
                steps += wall
    print(f"    {'outside the steps (Prefect, flow body)':<44} {'':>5} {(probed - steps) * 1000:8.0f}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
