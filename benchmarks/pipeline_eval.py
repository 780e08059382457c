"""Quality of layoff understanding as users get it: the labelled corpus served as web pages through `layoffwatch run`.

`understanding_eval.py` classifies each item's clean text. A user's articles arrive otherwise: a feed
item's title and date, then a page in some CMS's template (navigation, related headlines of other
stories, comments, a cookie banner around the text), trafilatura's extraction and deduplication.
This script writes every item of a split as such a page (the five templates of `realpages.py`,
one per outlet, 20 outlets with an RSS feed each), serves them on loopback, runs `layoffwatch run`
in a subprocess as a user does (default settings but the feeds file, the database and loopback
allowed), reads the verdicts back from the database and prints the figures `understanding_eval.py`
prints, then how many verdicts differ from classifying the clean text, per template.

    .venv/bin/python benchmarks/pipeline_eval.py                 # dev split
    .venv/bin/python benchmarks/pipeline_eval.py --differences   # dev split, each item the pipeline judges otherwise
    .venv/bin/python benchmarks/pipeline_eval.py --split test    # the frozen split: figures only
    .venv/bin/python benchmarks/pipeline_eval.py --split test --corpus DIR   # a corpus kept elsewhere
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import duckdb  # noqa: E402

from ingest.models import Classification  # noqa: E402
from ingest.understanding import CLASSIFIER_VERSION, classify_many, load_company_table  # noqa: E402
from ingest.understanding.sentences import split_line  # noqa: E402
from pagegen import Site, _outlets, feeds_toml, serve_site  # noqa: E402
from realpages import TEMPLATE_CYCLE, RealPage, slugify, write_real_site  # noqa: E402
from understanding_eval import CORPUS, Labelled, amazon_rounds, load, render, score  # noqa: E402

OUTLETS = 20  # one template per outlet, in the mix realpages.TEMPLATE_CYCLE gives over 20


def pages_of(items: list[Labelled]) -> tuple[list, list[RealPage]]:
    """Return the outlets and one page per item, published when the item was, each outlet with its template."""
    outlets = _outlets(random.Random(11), OUTLETS)
    pages = []
    for k, item in enumerate(items):
        paragraphs = [p.strip() for p in item.raw["text"].split("\n\n") if p.strip()] or [item.raw["title"]]
        summary = (split_line(paragraphs[0]) or [paragraphs[0]])[0][:300]  # a dek: the lead's first sentence
        outlet = k % OUTLETS
        pages.append(RealPage(outlet, slugify(item.raw["title"], k), item.raw["title"], summary, "Staff reporter",
                              item.published_at, paragraphs, item.raw["label"], text_id=item.id,
                              template=TEMPLATE_CYCLE[outlet % len(TEMPLATE_CYCLE)]))
    return outlets, pages


def run_pipeline(site: Site, work: Path) -> Path:
    """Serve the site and run `layoffwatch run` over its feeds once; return the database it wrote."""
    db = work / "eval.duckdb"
    with serve_site(site.root, len(site.outlets)) as bases:
        feeds = work / "feeds.toml"
        feeds.write_text(feeds_toml(site, bases), encoding="utf-8")
        env = {**os.environ, "LAYOFFWATCH_FEEDS": str(feeds), "LAYOFFWATCH_DB": str(db),
               "LAYOFFWATCH_ALLOW_PRIVATE_HOSTS": "127.0.0.0/8",  # the site is on loopback
               "PYTHONPATH": str(ROOT)}  # this tree's code, whichever checkout the venv was installed from
        env.pop("LAYOFFWATCH_ALERT_URLS", None)
        cli = Path(sys.executable).with_name("layoffwatch")
        done = subprocess.run([str(cli), "run"], cwd=work, env=env, capture_output=True, text=True, timeout=3600)
        if done.returncode != 0:
            raise SystemExit(f"layoffwatch run exited {done.returncode}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return db


def verdicts_from(db: Path, items: list[Labelled], pages: list[RealPage], outlets: list) -> tuple[list[Classification], int]:
    """Return the stored verdict of each item (not_layoff where none was stored) and how many had none."""
    by_path = {"/" + p.path(outlets): item.id for p, item in zip(pages, items, strict=True)}
    columns = ("label", "confidence", "companies", "units", "headcount", "headcount_min", "headcount_max",
               "headcount_approx", "headcount_text", "announced_on", "is_leak", "evidence")
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            f"SELECT a.url, {', '.join('c.' + c for c in columns)} FROM articles a JOIN classifications c"
            " USING (article_id) WHERE c.classifier_version = ?", [CLASSIFIER_VERSION]).fetchall()
    stored = {}
    for url, *values in rows:
        item_id = by_path.get(urlsplit(url).path)
        if item_id is not None:
            fields = dict(zip(columns, values, strict=True))
            fields["companies"], fields["units"] = tuple(fields["companies"]), tuple(fields["units"])
            stored[item_id] = Classification(article_id=item_id, classifier_version=CLASSIFIER_VERSION, **fields)
    missing = [i.id for i in items if i.id not in stored]
    for item_id in missing:
        stored[item_id] = Classification(article_id=item_id, classifier_version=CLASSIFIER_VERSION,
                                         label="not_layoff", confidence=0.0)
    return [stored[i.id] for i in items], len(missing)


def differences(items: list[Labelled], pages: list[RealPage], through: list[Classification], show: bool) -> list[str]:
    """Return lines on how the pipeline's verdicts differ from classifying the clean text, per template.

    `show` prints each item that differs (dev only: the test split is never read item by item).
    """
    clean = classify_many([(i.id, i.raw["title"], i.raw["text"], i.published_at) for i in items], load_company_table())
    per: dict[str, Counter[str]] = {}
    for page, a, b in zip(pages, clean, through, strict=True):
        c = per.setdefault(page.template, Counter())
        c["pages"] += 1
        c["label differs"] += a.label != b.label
        c["employer differs"] += a.label == b.label == "layoff_report" and a.companies[:1] != b.companies[:1]
        c["headcount differs"] += a.label == b.label == "layoff_report" and a.headcount != b.headcount
        if show and (a.label != b.label or a.companies[:1] != b.companies[:1] or a.headcount != b.headcount):
            print(f"    ! {page.text_id} ({page.template}): clean {a.label} {list(a.companies)} {a.headcount}"
                  f" -> pipeline {b.label} {list(b.companies)} {b.headcount}")
    lines = ["  verdicts through the pipeline vs the clean text, per page template:"]
    for template, c in sorted(per.items()):
        lines.append(f"    {template:7s} " + ", ".join(f"{k} {v}" for k, v in c.items()))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--differences", action="store_true", help="list each item whose verdict differs (dev only)")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="folder of <name>.<split>.jsonl files in the corpus format (default: the project's)")
    args = parser.parse_args(argv)
    if args.differences and (args.split != "dev" or args.corpus != CORPUS):
        print("error: the test split is never read item by item; --differences works on --split dev only",
              file=sys.stderr)
        return 2
    items = load(args.split, corpus=args.corpus)
    if not items:
        print(f"error: no {args.split} items under {args.corpus}", file=sys.stderr)
        return 2
    outlets, pages = pages_of(items)
    with tempfile.TemporaryDirectory(prefix="lw-pipeline-eval-") as tmp:
        root, work = Path(tmp) / "site", Path(tmp) / "run"
        work.mkdir()
        site = write_real_site(root, outlets, pages, datetime.now(UTC).replace(tzinfo=None, microsecond=0), seed=11)
        started = time.perf_counter()
        db = run_pipeline(site, work)
        seconds = time.perf_counter() - started
        verdicts, missing = verdicts_from(db, items, pages, outlets)
    s = score(items, verdicts)
    print(render(f"{args.split} through `layoffwatch run`", s, amazon_rounds(items, verdicts, 0), seconds))
    print(f"  items with no stored verdict: {missing}")
    print("\n".join(differences(items, pages, verdicts, args.differences)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
