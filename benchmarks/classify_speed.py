"""Speed of the rules classifier, next to trafilatura's extraction of the same text as a web page.

Usage:  .venv/bin/python benchmarks/classify_speed.py [--repeat 5]

Prints CPU milliseconds (process time, best of --repeat passes: the machine may be shared):
* per article over the labelled texts (tests/data/classify_dev.jsonl), overall and per label;
* for the real seed articles (2.5-5 KB each) when the seed directory is available;
* for one ~10 KB text made of layoff-report texts (the costly case: most sentences carry a cue)
  and one made of not_layoff texts;
* trafilatura.extract on a generated ~10 KB HTML page wrapping each labelled text (navigation,
  related links and footer around the article), and on pages wrapping the two ~10 KB texts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from html import escape
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from benchmarks.classify_eval import DevItem, load_items  # noqa: E402
from ingest.understanding import classify, load_company_table  # noqa: E402

PAGE_BYTES = 10_000


def page(title: str, text: str, size: int = PAGE_BYTES) -> str:
    """Return an HTML page of at least `size` bytes: site chrome around the article's paragraphs."""
    paragraphs = "".join(f"<p>{escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(12))
    related, i = [], 0
    head = f"<html><head><title>{escape(title)}</title><meta charset='utf-8'></head><body>"
    body = f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{escape(title)}</h1>{paragraphs}</article>"
    tail = "<footer><p>About us</p><p>Contact</p><p>Privacy policy</p><p>Terms of use</p></footer></body></html>"
    while len(head + body + "".join(related) + tail) < size:
        related.append(f'<li><a href="/story/{i}">Related story number {i} about markets and companies</a></li>')
        i += 1
    return head + body + f"<aside><h2>More stories</h2><ul>{''.join(related)}</ul></aside></main>" + tail


def best_ms(fn: Callable[[], object], repeat: int) -> float:
    """Return the smallest CPU time of `repeat` calls of fn, in milliseconds."""
    fn()  # warm caches and lazy compiles
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best * 1000


def ten_kb(items: list[DevItem]) -> str:
    """Return about 10 KB of the items' texts, whole paragraphs only."""
    out: list[str] = []
    for item in items * 20:
        if sum(len(p) + 1 for p in out) + len(item.text) > PAGE_BYTES:
            break
        out.append(item.text)
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes per measurement; the best one counts")
    args = parser.parse_args()
    table = load_company_table()
    items = load_items()
    published = datetime(2025, 10, 29, 12)

    per_item = {
        item.id: best_ms(lambda i=item: classify(i.id, i.title, i.text, i.published_at, companies=table), args.repeat)
        for item in items
    }
    times = sorted(per_item.values())
    print(f"classify over {len(items)} labelled texts (mean {statistics.mean(len(i.text) for i in items):.0f} chars):")
    print(f"  mean {statistics.mean(times):.3f} ms  p50 {times[len(times) // 2]:.3f}  "
          f"p95 {times[int(len(times) * 0.95)]:.3f}  max {times[-1]:.3f}")
    for label in ("layoff_report", "layoff_mention", "not_layoff"):
        subset = [per_item[i.id] for i in items if i.raw["label"] == label]
        print(f"  {label:15s} mean {statistics.mean(subset):.3f} ms over {len(subset)}")

    pages = [page(i.title, i.text) for i in items]
    extract_ms = [best_ms(lambda p=p: trafilatura.extract(p), max(1, args.repeat // 2)) for p in pages]
    print(f"trafilatura.extract on ~{PAGE_BYTES // 1000} KB pages wrapping the same texts "
          f"(mean {statistics.mean(len(p) for p in pages):.0f} bytes): mean {statistics.mean(extract_ms):.3f} ms")
    print(f"  classify / extract: {statistics.mean(times) / statistics.mean(extract_ms):.2f}")

    for item in (i for i in items if "seed" in i.raw):
        c = best_ms(lambda i=item: classify(i.id, i.title, i.text, i.published_at, companies=table), args.repeat)
        seed_page = page(item.title, item.text, size=len(item.text) + PAGE_BYTES // 2)
        e = best_ms(lambda p=seed_page: trafilatura.extract(p), args.repeat)
        print(f"seed {item.raw['seed'][:3]} ({len(item.text)} chars, {item.raw['label']}): classify {c:.2f} ms, "
              f"trafilatura on its page {e:.2f} ms, ratio {c / e:.2f}")
    for name, label in (("layoff-report text", "layoff_report"), ("not_layoff text", "not_layoff")):
        text = ten_kb([i for i in items if i.raw["label"] == label and "seed" not in i.raw])
        html = page("Business news", text, size=len(text) + PAGE_BYTES // 2)
        c = best_ms(lambda t=text: classify("x", "Business news", t, published, companies=table), args.repeat)
        e = best_ms(lambda h=html: trafilatura.extract(h), args.repeat)
        print(f"~10 KB {name} ({len(text)} chars): classify {c:.2f} ms, "
              f"trafilatura on its {len(html)}-byte page {e:.2f} ms, ratio {c / e:.2f}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"(CPU process time, best of {args.repeat}; 1-minute load average {load:.1f})")


if __name__ == "__main__":
    main()
