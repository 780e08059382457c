"""Scale-out figures: shards at once on a DuckLake against one run on a DuckDB file, same feeds.

Run: .venv/bin/python benchmarks/scale.py [--pages 1200] [--feeds 128] [--shards 1,2,4]

Generates `--pages` article pages over `--feeds` outlets (benchmarks/pagegen.py), serves them from a
loopback server in a child process, starts a throwaway PostgreSQL (tests/pgserver.py: Debian's
binaries) and measures one pass over every feed:

  * file: one run into a new DuckDB file (the default backend);
  * lake xN: N shard runs (`LAYOFFWATCH_SHARD=K/N`) started together on a new DuckLake (catalog in
    that PostgreSQL, Parquet files in a local folder), each a process of its own, as on N machines.

Every run is a fresh process with one extraction process (`LAYOFFWATCH_EXTRACT_WORKERS=1`: the
shard's own), running the steps `layoffwatch run` runs (pipeline.prepare ... deliver_alerts)
without Prefect. Processes import first and start on one signal, so the pass's time is from that
signal to the last shard's end, opening the database included, Python start-up excluded.

Prints per run: pages stored per second of the pass, each shard's feeds and pages (the split is a
hash of the feed name, so it is only as even as the names make it), the commit time of each batch
(the COMMIT of the store step's transaction), and the serialised stage's share of the pass: the
seconds the catalog lock was held by any shard (prepare, select, store, deliver), over the pass.
Then the catalog's size per 100,000 articles, extrapolated linearly from the articles the largest
pass stored (PostgreSQL database size minus a freshly migrated lake's), with the Parquet bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))


def child() -> None:
    """One run (a shard, or the file backend's whole pass), timed; prints its figures as JSON."""
    import importlib

    from usecases import run as pipeline
    from ingest.feeds.feedlist import load_feeds
    from ingest.settings import load_settings
    from storage.backends.catalog_lock import lock_stats
    from storage.db import utcnow

    commits: list[float] = []
    # The package's `store` is the step function; the module that opens the transaction is this one.
    store_module = importlib.import_module("usecases.run.store")
    original = store_module.transaction

    @contextmanager
    def timed(con: Any, *, rollback: bool = False) -> Iterator[Any]:
        manager = original(con, rollback=rollback)
        yield manager.__enter__()
        started = time.perf_counter()
        manager.__exit__(None, None, None)  # the COMMIT
        commits.append(time.perf_counter() - started)

    store_module.transaction = timed
    settings = load_settings()
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.time()
    held = {}  # seconds the catalog lock was held, by step
    prepared = pipeline.prepare(settings, load_feeds(settings.feeds), utcnow(), True)
    held["prepare"] = lock_stats().held
    fetched = pipeline.select_new(settings, pipeline.fetch_feeds(settings, prepared, "scale-bench"))
    held["select"] = lock_stats().held
    batch = pipeline.fetch_and_extract(settings, fetched, utcnow())
    extracted = time.time()
    stored = pipeline.store(settings, batch, utcnow())
    held["store"] = lock_stats().held
    pipeline.deliver_alerts(settings, utcnow())
    stats = lock_stats()
    held["deliver"] = stats.held
    steps = list(held.values())
    by_step = {name: round(value - (steps[i - 1] if i else 0.0), 3) for i, (name, value) in enumerate(held.items())}
    print(json.dumps({
        "start": started, "extracted": extracted, "end": time.time(), "feeds": len(prepared.due),
        "pages": len(batch.articles), "stored": stored.new_articles, "commits": commits,
        "lock_held": stats.held, "lock_waited": stats.waited, "held_by_step": by_step,
    }), flush=True)


def run_pass(env: dict[str, str], shards: list[str | None], mode: str = "--child") -> list[dict[str, Any]]:
    """Start one process per shard, release them together, and return each one's figures."""
    procs = []
    for shard in shards:
        extra = {"LAYOFFWATCH_SHARD": shard} if shard else {}
        procs.append(subprocess.Popen(
            [sys.executable, __file__, mode, *([shard] if mode == "--loop" and shard else [])],
            env=env | extra, cwd=env["BENCH_CWD"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        ))
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=3600)
        if proc.returncode != 0:
            raise SystemExit(f"a run failed (exit {proc.returncode})")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def report(name: str, results: list[dict[str, Any]], base: float | None) -> float:
    """Print one pass's figures; return its pages per second."""
    wall = max(r["end"] for r in results) - min(r["start"] for r in results)
    pages = sum(r["stored"] for r in results)
    rate = pages / wall
    commits = [c for r in results for c in r["commits"]]
    held = sum(r["lock_held"] for r in results)
    ratio = f"  {rate / base:.2f}x lake x1" if base else ""
    print(f"{name:<8} {pages:>6} pages in {wall:6.1f} s = {rate:6.1f} pages/s{ratio}")
    split = ", ".join(f"{r['feeds']}/{r['pages']}" for r in results)
    extracted = max(r["extracted"] - r["start"] for r in results)
    print(f"         shards (feeds/pages): {split}; extraction done after {extracted:.1f} s")
    print(f"         commit per batch: {', '.join(f'{c * 1000:.0f}' for c in commits)} ms"
          f" (median {statistics.median(commits) * 1000:.0f} ms)")
    if held:
        waited = sum(r["lock_waited"] for r in results)
        steps = {step: sum(r["held_by_step"][step] for r in results) for step in results[0]["held_by_step"]}
        print(f"         serialised stage (catalog lock held): {held:.1f} s = {held / wall:.0%} of the pass"
              f" ({', '.join(f'{k} {v:.2f}' for k, v in steps.items())}); shards waited {waited:.1f} s for it in all")
    return rate


def catalog_size(conninfo: str) -> tuple[int, int]:
    """Return (catalog database bytes, articles) of a lake."""
    import psycopg

    from ingest.settings import lake_target
    from storage.db import connect

    with psycopg.connect(conninfo) as con:
        row = con.execute("SELECT pg_database_size(current_database())").fetchone()
    with connect(lake_target("ducklake:postgres:" + conninfo), read_only=True) as lake:
        count = lake.execute("SELECT count(*) FROM articles").fetchone()
    return int(row[0]) if row else 0, int(count[0]) if count else 0


def folder_bytes(path: Path) -> int:
    """Return the bytes of every file under `path`."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


CEILING_PAGES = 240


def extraction_loop(shard: str) -> None:
    """Child of `host_ceiling`: extract slice K/N of the ceiling's pages in a plain loop; print its span."""
    import trafilatura

    from ingest.text.extract import decode_html

    index, count = (int(x) for x in shard.split("/"))
    pages = [Path(path).read_bytes() for path in json.loads(os.environ["BENCH_PAGES"])][index - 1::count]
    trafilatura.extract(decode_html(pages[0], "text/html"))  # first-call caches
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.time()
    for page in pages:
        trafilatura.extract(decode_html(page, "text/html"))
    print(json.dumps({"start": started, "end": time.time()}), flush=True)


def host_ceiling(env: dict[str, str], site: Any) -> float:
    """Return what two cores give here now: one process's extraction loop over the same loop split in two."""
    paths = [str(site.root / f"h{page.outlet}" / page.path(site.outlets)) for page in site.pages[:CEILING_PAGES]]
    env = env | {"BENCH_PAGES": json.dumps(paths)}
    one, two = (run_pass(env, [f"{k}/{n}" for k in range(1, n + 1)], mode="--loop") for n in (1, 2))
    ratio = (one[0]["end"] - one[0]["start"]) / (max(r["end"] for r in two) - min(r["start"] for r in two))
    print(f"         host ceiling now: {ratio:.2f}x (two extraction loops at once against one; 2.0 on two idle cores)")
    return ratio


def lake_pass(pg: Any, env: dict[str, str], root: Path, n: int) -> tuple[list[dict[str, Any]], tuple[int, int, int]]:
    """Run one pass of `n` shards on a new lake; return the runs' figures and (catalog growth, articles, Parquet bytes)."""
    from ingest.settings import lake_target
    from storage.db import connect

    conninfo = pg.create_database(f"lake_{uuid.uuid4().hex[:10]}")
    data = root / f"lake-{uuid.uuid4().hex[:6]}"
    lake = {"LAYOFFWATCH_DB": f"ducklake:postgres:{conninfo}", "LAYOFFWATCH_DATA_PATH": str(data)}
    with connect(lake_target(lake["LAYOFFWATCH_DB"], lake["LAYOFFWATCH_DATA_PATH"])):
        pass  # created and migrated before the pass, as a running installation's lake is
    empty, _ = catalog_size(conninfo)
    results = run_pass(env | lake, [f"{k}/{n}" for k in range(1, n + 1)] if n > 1 else [None])
    size, articles = catalog_size(conninfo)
    return results, (size - empty, articles, folder_bytes(data))


def print_sizes(sizes: dict[int, tuple[int, int, int]]) -> None:
    """Print the catalog's and the Parquet files' size per 100,000 articles, from passes with 1..N runs."""
    import numpy as np

    runs = np.array([float(n) for n in sizes])
    grown = np.array([float(g) for g, _, _ in sizes.values()])
    articles = statistics.mean(a for _, a, _ in sizes.values())
    # Same articles in every pass, split over n runs: growth = per_run * n + per_article * articles.
    per_run, rest = np.polyfit(runs, grown, 1) if len(sizes) > 1 else (0.0, grown[0])
    per_article = rest / articles
    parquet = statistics.mean(b / a for _, a, b in sizes.values()) * 100_000 / 2**20
    print(f"catalog: {per_run / 1024:.0f} KiB per run (a shard's pass) + {per_article:.0f} B per article;"
          f" Parquet {parquet:.0f} MiB per 100,000 articles")
    for batch in (2000, 100):
        mib = (per_run * 100_000 / batch + per_article * 100_000) / 2**20
        print(f"  per 100,000 articles stored {batch:,} per run: catalog {mib:.0f} MiB"
              f" (extrapolated from passes of {articles:,.0f} articles in {', '.join(str(n) for n in sizes)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1200)
    parser.add_argument("--feeds", type=int, default=128)
    parser.add_argument("--shards", default="1,2,4")
    parser.add_argument("--rounds", type=int, default=1, help="lake passes per shard count (the host drifts)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--loop", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return
    if args.loop:
        extraction_loop(args.loop)
        return
    from pagegen import feeds_toml, generate_site, serve_site

    from storage.backends.lake import close_sessions
    from tests.pgserver import postgres_server, skip_reason

    reason = skip_reason()
    if reason:
        raise SystemExit(f"cannot start PostgreSQL: {reason}")
    counts = [int(n) for n in args.shards.split(",")]
    with tempfile.TemporaryDirectory() as tmp, postgres_server() as pg:
        root = Path(tmp)
        site = generate_site(root / "site", pages=args.pages, feeds=args.feeds)
        with serve_site(root / "site", args.feeds) as bases:
            (root / "feeds.toml").write_text(feeds_toml(site, bases), encoding="utf-8")
            env = dict(os.environ) | {
                "PYTHONPATH": str(ROOT), "BENCH_CWD": tmp, "LAYOFFWATCH_FEEDS": str(root / "feeds.toml"),
                "LAYOFFWATCH_ALLOW_PRIVATE_HOSTS": "127.0.0.0/8", "LAYOFFWATCH_EXTRACT_WORKERS": "1",
            }
            env.pop("LAYOFFWATCH_ALERT_URLS", None)
            print(f"{args.pages} pages over {args.feeds} feeds; {os.cpu_count()} cores; one extraction process per run")
            run_pass(env | {"LAYOFFWATCH_DB": str(root / "warm.duckdb")}, [None])  # page cache and server warm
            report("file", run_pass(env | {"LAYOFFWATCH_DB": str(root / "bench.duckdb")}, [None]), None)
            ratios: dict[int, list[float]] = {n: [] for n in counts}
            ceilings: list[float] = []
            sizes: dict[int, tuple[int, int, int]] = {}
            for number in range(1, args.rounds + 1):
                print(f"round {number}")
                before, rates = host_ceiling(env, site), []
                for n in counts:
                    results, sizes[n] = lake_pass(pg, env, root, n)
                    rates.append(report(f"lake x{n}", results, rates[0] if rates else None))
                ceilings.append((before + host_ceiling(env, site)) / 2)
                for n, rate in zip(counts, rates, strict=True):
                    ratios[n].append(rate / rates[0])
            close_sessions()
            medians = ", ".join(f"x{n} {statistics.median(r):.2f}" for n, r in ratios.items())
            ceiling = statistics.median(ceilings)
            print(f"pages/s against lake x1, median of {args.rounds} rounds: {medians};"
                  f" host ceiling {ceiling:.2f}x, so x2 reached {statistics.median(ratios.get(2, [0.0])) / ceiling:.0%} of it")
            print_sizes(sizes)


if __name__ == "__main__":
    main()
