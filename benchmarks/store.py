"""Storage at scale: insert 100,000 articles through storage/ in run-sized batches, then query.

Run: .venv/bin/python benchmarks/store.py [--articles 100000] [--batch 2000] [--dedup last|all|none]

Each batch goes through what `usecases.run.store_now` does after classification, in one
transaction: `storage.articles.insert_articles` (text 2-20 KB + zlib raw page ~5-20 KB),
`storage.classifications.save_classifications`, round matching (`match_and_queue` below, i.e.
storage.rounds + ingest.rounds + the alert outbox), and dedup through `deduplicate` below
(signatures, candidate lookup, save) for the last `--dedup-batches` batches (`--dedup all`:
every batch; it costs ~1.7 ms CPU per article, see benchmarks/dedup_scale.py for dedup at scale).
Texts are composed from a pool of generated paragraphs (benchmarks/pagegen.py's grammar) plus
a unique sentence, so no two articles are equal; raw pages are a pool of generated pages with a
unique tail, compressed by continuing a shared zlib stream state (valid zlib, ~50 us each).
Verdicts are synthetic (the classifier costs ~1 ms an article and is not what is measured):
8% layoff_report (Amazon and others, clustered into rounds), 10% layoff_mention, the rest not_layoff.

Prints insert rows/s (per batch, first vs last), the user-facing example queries
(storage.example_queries) and the views' timings in milliseconds, `known_article_ids` for a
2,000-id batch (select_new), `connect` (open + migrate + views) and snapshot publication at
full size, and database size per 1,000 articles.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pagegen import Writer, generate_pages, render_page  # noqa: E402

from ingest.understanding import CLASSIFIER_VERSION  # noqa: E402
from ingest.models import Article, Classification  # noqa: E402

MiB = 1024 * 1024


class Corpus:
    """Pools of paragraphs and compressed pages from which articles are drawn quickly."""

    def __init__(self, seed: int, paragraphs: int = 6000, pages: int = 120) -> None:
        rng = random.Random(seed)
        w = Writer(rng)
        self.rng = rng
        self.writer = w
        companies = ("Amazon", "Microsoft", "Intel", "Salesforce", "Disney", "Ford", "the company")
        self.paragraphs = [w.paragraph(rng.choice(companies)) for _ in range(paragraphs)]
        outlets, sample = generate_pages(pages, 10, seed=seed)
        self.compressors = []
        for page in sample:
            html = render_page(page, outlets[page.outlet], sample[:5], outlets, rng).encode()
            comp = zlib.compressobj(6)
            head = comp.compress(html)
            self.compressors.append((comp, head, len(html)))

    def text(self, i: int) -> str:
        target = int(2000 * 10 ** self.rng.uniform(0, 1))  # 2-20 KB, log-uniform
        parts, size = [f"Story {i}: {self.writer.filler('The company')}"], 0
        while size < target:
            p = self.rng.choice(self.paragraphs)
            parts.append(p)
            size += len(p) + 1
        return "\n".join(parts)

    def raw_page(self, i: int) -> tuple[bytes, int]:
        comp, head, size = self.rng.choice(self.compressors)
        tail = f"<!-- served {i} {self.rng.random()} -->\n".encode()
        clone = comp.copy()
        blob = head + clone.compress(tail) + clone.flush()
        return blob, size + len(tail)


def make_batch(corpus: Corpus, start: int, count: int, now: datetime) -> tuple[list[Article], list[Classification]]:
    """Return `count` articles numbered from `start`, and a verdict for each."""
    rng = corpus.rng
    articles, verdicts = [], []
    for i in range(start, start + count):
        aid = f"{i:016x}{rng.getrandbits(64):016x}"
        host = f"outlet{i % 400}.example"
        published = now - timedelta(minutes=rng.randint(0, 60 * 24 * 700))
        raw, raw_size = corpus.raw_page(i)
        url = f"https://{host}/news/{published:%Y/%m/%d}/story-{i}"
        articles.append(Article(
            article_id=aid, feed=f"feed{i % 200}", url=url, canonical_url=url,
            title=f"Story {i}: {corpus.writer.noun_phrase()} in focus",
            summary=corpus.writer.filler("The company"), text=corpus.text(i),
            author=corpus.writer.person(), site_name=host, language="en",
            published_at=published, fetched_at=now, http_status=200, extraction_status="ok",
            raw_html=raw, raw_size=raw_size,
        ))
        r = rng.random()
        if r < 0.08:
            amazon = rng.random() < 0.4
            company = "Amazon" if amazon else rng.choice(("Microsoft", "Intel", "Salesforce", "Disney", "Ford"))
            # Clustered announcements: a company's reports fall on a few dates, as rounds do.
            announced = (published - timedelta(days=rng.randint(0, 2))).date()
            headcount = rng.choice((200, 500, 1200, 4000, 14000))
            verdicts.append(Classification(
                article_id=aid, classifier_version=CLASSIFIER_VERSION, label="layoff_report", confidence=0.9,
                companies=(company,), units=("AWS",) if amazon and rng.random() < 0.3 else (),
                headcount=headcount, headcount_text=f"{headcount:,} jobs", announced_on=announced,
                evidence=f"{company} said it would cut {headcount:,} jobs.",
            ))
        elif r < 0.18:
            verdicts.append(Classification(
                article_id=aid, classifier_version=CLASSIFIER_VERSION, label="layoff_mention", confidence=0.7,
                companies=(rng.choice(("Amazon", "Meta", "Google")),), evidence="which laid off staff last year",
            ))
        else:
            verdicts.append(Classification(article_id=aid, classifier_version=CLASSIFIER_VERSION,
                                           label="not_layoff", confidence=0.8))
    return articles, verdicts


def timed_ms(con, sql: str, repeat: int = 3) -> tuple[float, int]:
    """Return (median ms, row count) of `sql` over `repeat` runs after one warm-up."""
    rows = len(con.execute(sql).fetchall())
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        con.execute(sql).fetchall()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), rows



def deduplicate(con, articles):  # noqa: ANN001, ANN201 - the dedup part of a store, timed apart
    """Link the articles that copy a stored (or same-batch) article, in the caller's transaction."""
    from ingest import dedup
    from storage import dedup as dedup_store
    from usecases.run.decide import dedup_items

    items = dedup_items(articles, {})
    decisions = dedup.decide(items, dedup_store.load_candidates(con, items, min_exact_shingles=dedup.MIN_EXACT_SHINGLES))
    dedup_store.save(con, [item.signature for item in items], decisions)
    return len(decisions)


def match_and_queue(con, settings, report_ids, now):  # noqa: ANN001, ANN201 - the rounds part, timed apart
    """Group stored reports into rounds and queue their alerts, in the caller's transaction; return (plan, rows)."""
    from ingest.models import RoundPlan
    from ingest.rounds import MATCHER_VERSION
    from storage import alerts as alert_store
    from storage import rounds as round_store
    from usecases.run.decide import decide_rounds
    from usecases.run.store import read_open_rounds

    candidates = round_store.round_candidates(con, report_ids, CLASSIFIER_VERSION)
    if not candidates:
        return RoundPlan(created_at=now, matcher_version=MATCHER_VERSION), 0
    plan, rows = decide_rounds(settings, candidates, read_open_rounds(con, settings, candidates, now), now, None)
    round_store.save_plan(con, plan)
    return plan, alert_store.insert_alerts(con, rows)

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--dedup", choices=("none", "last", "all"), default="last")
    parser.add_argument("--dedup-batches", type=int, default=3, help="with --dedup last: how many final batches")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", help="keep the database at this path instead of a temp dir")
    args = parser.parse_args()

    from ingest.settings import Settings
    from storage import articles as article_store
    from storage import classifications as class_store
    from storage.db import connect, transaction
    from storage.example_queries import EXAMPLE_QUERIES
    from storage.snapshot import publish

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    t0 = time.perf_counter()
    corpus = Corpus(args.seed)
    print(f"corpus ready in {time.perf_counter() - t0:.1f}s")
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    tmp = tempfile.TemporaryDirectory(prefix="lw-store-")
    db = Path(args.keep) if args.keep else Path(tmp.name) / "store.duckdb"
    settings = Settings(db=db, snapshot=False)
    batches = (args.articles + args.batch - 1) // args.batch
    dedup_from = {"none": batches, "all": 0, "last": max(0, batches - args.dedup_batches)}[args.dedup]

    gen_time, per_batch, dedup_times, round_times = 0.0, [], [], []
    text_bytes = html_bytes = 0
    rounds_made = 0
    for b in range(batches):
        count = min(args.batch, args.articles - b * args.batch)
        g0 = time.perf_counter()
        articles, verdicts = make_batch(corpus, b * args.batch, count, now)
        gen_time += time.perf_counter() - g0
        text_bytes += sum(len(a.text) for a in articles)
        html_bytes += sum(len(a.raw_html or b"") for a in articles)
        t0 = time.perf_counter()
        with connect(db) as con, transaction(con):
            article_store.insert_articles(con, articles)
            class_store.save_classifications(con, verdicts, now)
            t1 = time.perf_counter()
            if b >= dedup_from:
                deduplicate(con, articles)
                dedup_times.append(time.perf_counter() - t1)
            t2 = time.perf_counter()
            reports = [v.article_id for v in verdicts if v.label == "layoff_report"]
            plan, _ = match_and_queue(con, settings, reports, now)
            rounds_made += sum(1 for e in plan.events if e.kind == "new_round")
            round_times.append(time.perf_counter() - t2)
        per_batch.append(time.perf_counter() - t0)
        if b in (0, batches - 1) or (b + 1) % 10 == 0:
            print(f"  batch {b + 1}/{batches}: {count / per_batch[-1]:,.0f} articles/s "
                  f"({per_batch[-1]:.2f}s; rounds {round_times[-1]:.2f}s"
                  + (f", dedup {dedup_times[-1]:.2f}s" if b >= dedup_from else "") + ")")

    total = sum(per_batch)
    insert_only = [t - r - (dedup_times[i - dedup_from] if i >= dedup_from else 0.0)
                   for i, (t, r) in enumerate(zip(per_batch, round_times, strict=True))]
    print()
    print(f"stored {args.articles:,} articles in {batches} transactions of {args.batch:,}: {total:.1f}s "
          f"= {args.articles / total:,.0f} articles/s overall (generation {gen_time:.1f}s not counted)")
    print(f"  insert (articles + html + classifications + connect): first batch {args.batch / insert_only[0]:,.0f}/s, "
          f"last batch {args.batch / insert_only[-1]:,.0f}/s, median {args.batch / statistics.median(insert_only):,.0f}/s")
    print(f"  rounds (match_and_queue) per batch: median {statistics.median(round_times) * 1000:.0f} ms, "
          f"last {round_times[-1] * 1000:.0f} ms; {rounds_made} new rounds")
    if dedup_times:
        print(f"  dedup (deduplicate) on {len(dedup_times)} batches: median {statistics.median(dedup_times):.2f}s "
              f"per {args.batch:,} = {statistics.median(dedup_times) / args.batch * 1000:.2f} ms/article")
    print(f"  text {text_bytes / args.articles / 1024:.1f} KB and compressed page {html_bytes / args.articles / 1024:.1f} KB "
          f"per article on average")

    with connect(db) as con:
        con.execute("CHECKPOINT")
    size = db.stat().st_size
    print(f"database: {size / MiB:,.0f} MiB = {size / args.articles * 1000 / MiB:.1f} MiB per 1,000 articles")

    opens = []
    for _ in range(3):
        t0 = time.perf_counter()
        with connect(db):
            pass
        opens.append(time.perf_counter() - t0)
    print(f"connect (open + migrate check + views/comments): median {statistics.median(opens) * 1000:.0f} ms")
    t0 = time.perf_counter()
    publish(db, lock_timeout=10)
    print(f"publish snapshot (checkpoint + copy {size / MiB:,.0f} MiB): {time.perf_counter() - t0:.2f}s")

    print()
    print("queries (median of 3 after a warm-up, ms):")
    with connect(db, read_only=True) as con:
        ids = [row[0] for row in con.execute(f"SELECT article_id FROM articles USING SAMPLE {args.batch}").fetchall()]
        t0 = time.perf_counter()
        article_store.known_article_ids(con, ids + [f"new{i}" for i in range(args.batch)])
        print(f"  {'known_article_ids, 4,000 ids (select_new)':<58} {(time.perf_counter() - t0) * 1000:8.1f}")
        checks = [
            ("count(*) FROM layoff_stories", "SELECT count(*) FROM layoff_stories"),
            ("layoff_stories newest 50", "SELECT * FROM layoff_stories ORDER BY published_at DESC LIMIT 50"),
            ("layoff_stories about Amazon, last 90 days",
             "SELECT title, headcount FROM layoff_stories WHERE list_contains(companies, 'Amazon')"
             " AND published_at >= now() - INTERVAL 90 DAY"),
            ("rounds count", "SELECT count(*) FROM rounds"),
            ("rounds_overview (all)", "SELECT * FROM rounds_overview"),
            ("amazon_rounds (all)", "SELECT * FROM amazon_rounds"),
            ("weekly_layoff_volume (all)", "SELECT * FROM weekly_layoff_volume"),
            ("full-text search: text ILIKE '%severance%'",
             "SELECT count(*) FROM articles WHERE text ILIKE '%severance%'"),
        ]
        for title, sql in checks:
            ms, rows = timed_ms(con, sql)
            print(f"  {title:<58} {ms:8.1f}  ({rows:,} rows)")
        for question, sql in EXAMPLE_QUERIES:
            ms, rows = timed_ms(con, sql)
            print(f"  example: {question[:49]:<49} {ms:8.1f}  ({rows:,} rows)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB; "
          f"load average at end {os.getloadavg()[0]:.2f}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
