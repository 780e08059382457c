"""Per-page CPU of each stage of the pipeline, measured one stage at a time in this process; extraction F1.

Shared by benchmarks/throughput.py. `stage_table` runs each stage over the same pages in a plain
loop and returns CPU milliseconds per page: fetch (the parent's HTTP client against the loopback
server), feed (feed parsing, per entry), hand-over (pickling a page to a worker and its result
back), parse, extract, metadata, compress, classify, sign (dedup signature) and store (the batch
written into a fresh database). It reads what the pipeline under test has: a pipeline before
"parse once" has no separate parse stage, and its row says what it timed instead.

`flow_f1` scores the texts a flow run stored against the pages' ground truth (token F1).
"""

from __future__ import annotations

import pickle
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from realpages import RealPage, token_f1

PAGE_CONTENT_TYPE = "text/html; charset=utf-8"
# The limit's trafilatura options: the pipeline's own text options (ingest.text.extract.TEXT_OPTIONS),
# written out here so the same benchmark measures older code, which named them differently.
A_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": False, "favor_precision": True}


def cpu_ms(items: list[Any], fn: Callable[[Any], object], per: int | None = None) -> float:
    """Return the CPU milliseconds `fn` takes per item over `items` (per `per` units when given), after a warm-up."""
    for item in items[:2]:
        fn(item)
    start = time.process_time()
    for item in items:
        fn(item)
    return (time.process_time() - start) * 1000 / (per or len(items))


def stage_table(pages: list[tuple[str, bytes, RealPage]], feeds: list[tuple[str, bytes]]) -> list[tuple[str, float, str]]:
    """Return (stage, CPU ms per page, what was timed) for `pages` (url, bytes, page) and `feeds` (url, bytes)."""
    import ingest.text.extract as extract
    from ingest import dedup
    from ingest.feeds.parse import parse_feed
    from ingest.models import PageResult

    now = datetime.now(UTC).replace(tzinfo=None)
    rows: list[tuple[str, float, str]] = [("fetch", _fetch_ms([url for url, _, _ in pages]), "ingest.edges.http.fetch, client per host")]
    entries = sum(len(parse_feed("f", url, body, now=now, max_entries=100_000)) for url, body in feeds)
    rows.append(("feed", cpu_ms(feeds, lambda f: parse_feed("f", f[0], f[1], now=now, max_entries=100_000), per=entries),
                 "parse_feed, per entry"))
    results = [PageResult(url=u, final_url=u, status=200, content=c, content_type=PAGE_CONTENT_TYPE) for u, c, _ in pages]
    rows.append(("hand-over", cpu_ms(results, lambda r: pickle.loads(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL))),
                 "page pickled to a worker and unpickled"))
    extracted = [extract.extract_page(u, c, PAGE_CONTENT_TYPE) for u, c, _ in pages]
    if hasattr(extract, "parse_html"):  # parsed once, then text, metadata and compression apart
        from ingest.text.pagemeta import read_meta

        trees = [(u, extract.parse_html(c, PAGE_CONTENT_TYPE)) for u, c, _ in pages]
        rows.append(("parse", cpu_ms(pages, lambda p: extract.parse_html(p[1], PAGE_CONTENT_TYPE)), "decode + trafilatura.load_html"))
        rows.append(("extract", cpu_ms(trees, lambda t: extract.page_text(t[1], t[0])), "trafilatura.bare_extraction on the tree"))
        rows.append(("metadata", cpu_ms(trees, lambda t: read_meta(t[1], need_date=False, need_title=False)),
                     "ingest.text.pagemeta.read_meta (feed has a date)"))
        rows.append(("compress", cpu_ms(pages, lambda p: extract.compress_page(p[1])), "zstd"))
    else:  # before: one trafilatura call parses, extracts and reads metadata (htmldate included)
        import zlib

        import trafilatura

        from ingest.urls import find_page_canonical

        rows.append(("parse+extract+metadata", cpu_ms(pages, lambda p: trafilatura.bare_extraction(
            extract.decode_html(p[1], PAGE_CONTENT_TYPE), url=p[0], with_metadata=True, **A_OPTIONS)),
            "decode + trafilatura.bare_extraction(with_metadata=True)"))
        rows.append(("metadata (head re-parse)", cpu_ms(pages, lambda p: find_page_canonical(p[1])), "find_page_canonical"))
        rows.append(("compress", cpu_ms(pages, lambda p: zlib.compress(p[1], 3)), "zlib level 3"))
    rows.append(("extract_page (whole)", cpu_ms(pages, lambda p: extract.extract_page(p[0], p[1], PAGE_CONTENT_TYPE)),
                 "everything a worker does to a page before classify/sign"))
    classify, load_company_table = classifier()
    table = load_company_table(None)
    texts = [(f"id{i}", page.title, e.text or page.summary) for i, (e, (_, _, page)) in enumerate(zip(extracted, pages, strict=True))]
    for t in texts:  # every language's patterns compiled first, as in a worker (warmed before its first page)
        classify(t[0], t[1], t[2], now, companies=table)
    rows.append(("classify", cpu_ms(texts, lambda t: classify(t[0], t[1], t[2], now, companies=table)),
                 f"{classify.__module__}.classify"))
    rows.append(("sign", cpu_ms([texts], lambda batch: dedup.signatures((i, x) for i, _, x in batch), per=len(texts)),
                 "dedup.signatures, per article"))
    rows.append(("store", _store_ms(pages, extracted, now), "store_now of the batch (verdicts and signatures given)"))
    return rows


def classifier() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """Return (classify, load_company_table) of the code under test (the older ingest.classify, else ingest.understanding)."""
    try:
        from ingest.classify import classify  # type: ignore[import-not-found]
        from ingest.companies import load_company_table  # type: ignore[import-not-found]
    except ImportError:
        from ingest.understanding import classify, load_company_table
    return classify, load_company_table


def _fetch_ms(urls: list[str]) -> float:
    """Return the parent's CPU ms per page of fetching `urls` one by one (one client per host, as iter_pages)."""
    from ingest.edges.http import fetch, new_client
    from ingest.edges.netguard import HostGuard
    from ingest.edges.limiter import host_of
    from ingest.edges.pages import HostClients

    clients = HostClients(lambda: new_client("layoffwatch-bench", 20))
    guard = HostGuard(["127.0.0.0/8"])
    try:
        return cpu_ms(urls, lambda u: fetch(clients.get(host_of(u)), u, max_bytes=5_000_000, timeout=20, guard=guard))
    finally:
        clients.close()


def _store_ms(pages: list[tuple[str, bytes, RealPage]], extracted: list[Any], now: datetime) -> float:
    """Return CPU ms per page of `store_now` of these pages as one batch, as the workers hand it over, into a fresh database."""
    from usecases.run import Batch, store_now
    from ingest import dedup
    from ingest.text.articles import build_article
    from ingest.models import FeedEntry, PageResult
    from ingest.settings import load_settings
    from storage.db import connect

    articles = []
    for (url, content, page), result in zip(pages, extracted, strict=True):
        entry = FeedEntry(feed="bench", entry_key=url, url=url, title=page.title, summary=page.summary,
                          published_at=page.published)
        fetched = PageResult(url=url, final_url=url, status=200, content=content, content_type=PAGE_CONTENT_TYPE)
        articles.append(build_article(entry, fetched, result, now))
    classify, load_company_table = classifier()
    table = load_company_table(None)
    verdicts = {a.article_id: classify(a.article_id, a.title, a.text or a.summary, a.published_at, companies=table)
                for a in articles}
    signed = {s.article_id: s for s in dedup.signatures((a.article_id, a.text or a.summary) for a in articles)}
    with tempfile.TemporaryDirectory(prefix="lw-stages-") as tmp:
        settings = load_settings(db=Path(tmp) / "stages.duckdb", snapshot=False)
        with connect(settings.db):
            pass  # created and migrated first: a run's database exists already
        start = time.process_time()
        store_now(settings, Batch(fetches=[], articles=articles, verdicts=verdicts, signatures=signed), now)
        return (time.process_time() - start) * 1000 / len(pages)


def flow_f1(db: Path, truth: dict[str, RealPage]) -> tuple[float, dict[str, float], int]:
    """Return (mean token F1, mean per template, pages scored) of the texts a flow run stored in `db`."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = con.execute("SELECT url, text FROM articles").fetchall()
    finally:
        con.close()
    by_template: dict[str, list[float]] = {}
    scores = []
    for url, text in stored:
        page = truth.get(url.split("/", 3)[-1])
        if page is None:
            continue
        score = token_f1(text or "", "\n".join(page.paragraphs))[2]
        scores.append(score)
        by_template.setdefault(page.template, []).append(score)
    mean = statistics.fmean(scores) if scores else 0.0
    return mean, {k: statistics.fmean(v) for k, v in sorted(by_template.items())}, len(scores)
