"""Benchmark pages built from full-length article texts written for the project, with their ground truth.

Shared by benchmarks/throughput.py and benchmarks/noop_run.py (scripts run by hand, never tests).

The texts (`benchmarks/texts/articles.jsonl`, one JSON object a line: id, register, language,
title, byline, published_at, paragraphs, furniture) are news articles of several registers and
300-6,000 words, each with its page furniture: navigation, related headlines, sidebar, footer,
reader comments, a newsletter box and a cookie banner. `generate_real_site` turns them into
pages as five kinds of CMS would serve them (templates below), spread over N outlets with one
RSS feed each, and writes them under the same layout as `pagegen.generate_site`, so the same
loopback server serves them. Each page's `paragraphs` are its ground truth: the article text a
perfect extractor returns, against which `token_f1` scores extraction.

Templates, as real sites differ in what a cheap metadata read finds:
- `wp`     WordPress with a Yoast JSON-LD graph, og:* and article:published_time, inline CSS and
           emoji/analytics scripts, a threaded comment list and widget sidebar;
- `arc`    a headless news CMS: JSON-LD NewsArticle, no article:* meta, a large inline state
           script holding the whole article as JSON, critical CSS inline, most-read and card lists;
- `next`   a React/Next.js site: og:* only, hashed class names, the article again in
           `__NEXT_DATA__`, the date only in a `<time>` element;
- `drupal` no og:* and no JSON-LD, a settings JSON script, the date as text in a field;
- `legacy` a 2000s table layout: no metadata at all beyond the title, the date in the byline text
           (the pipeline's trafilatura options, without tables and favouring precision, find no
           text on these: a measured property of today's extraction, kept in the mix at 10%).

Pages beyond the texts' count are remixes of the texts whose language has a large pool (English
here): a text's title and lead, a random ~40% of its paragraphs in order, the rest drawn from the
other texts of that language, about as long as the text. Pages share a shape, not their text, so
near-duplicate detection sees what it would see on the web; 3% are exact syndicated copies.
"""

from __future__ import annotations

import json
import os
import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

from pagegen import Outlet, Page, Site, _outlets, render_feed

TEXTS = Path(__file__).resolve().parent / "texts" / "articles.jsonl"
# Template of outlet k: TEMPLATE_CYCLE[k % 20]; over 20 outlets wp 30%, next 25%, arc 20%, drupal 15%, legacy 10%.
TEMPLATE_CYCLE = ("wp", "next", "arc", "wp", "drupal", "next", "wp", "arc", "legacy", "next",
                  "wp", "drupal", "arc", "next", "wp", "legacy", "arc", "wp", "drupal", "next")
_WORD = re.compile(r"\w+")


@dataclass
class RealPage(Page):
    """A page made from a written text: which text, which template, and whether its feed item has a date."""

    text_id: str = ""
    template: str = "wp"
    feed_dated: bool = True
    furniture: dict | None = None


def texts_path() -> Path:
    """Return the texts file: LW_BENCH_TEXTS when set (a file kept outside the repo), else the project's."""
    return Path(os.environ.get("LW_BENCH_TEXTS") or TEXTS)


def load_texts(path: Path | None = None) -> list[dict]:
    """Return the article texts of `path` (JSON lines), each with at least a title and paragraphs."""
    out = []
    for line in (path or texts_path()).read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)
            if text.get("title") and text.get("paragraphs"):
                out.append(text)
    if not out:
        raise SystemExit(f"no article texts in {path or texts_path()}")
    return out


def tokens(text: str) -> Counter[str]:
    """Return the bag of lower-cased word tokens of `text`."""
    return Counter(word.lower() for word in _WORD.findall(text))


def token_f1(extracted: str, truth: str) -> tuple[float, float, float]:
    """Return (precision, recall, F1) of the extracted text's word tokens against the ground truth's."""
    got, want = tokens(extracted), tokens(truth)
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def build_pages(texts: list[dict], pages: int, feeds: int, seed: int, now: datetime) -> tuple[list[Outlet], list[RealPage]]:
    """Return outlets and `pages` pages made from `texts`: each text once, then remixes and copies."""
    rng = random.Random(seed)
    outlets = _outlets(rng, feeds)
    by_language: dict[str, list[str]] = {}
    for text in texts:
        by_language.setdefault(text.get("language", "en"), []).extend(text["paragraphs"])
    # Remixes only of texts with a large pool: a language of one text would only repeat itself.
    remixable = [t for t in texts if len(by_language[t.get("language", "en")]) >= 200] or texts
    out: list[RealPage] = []
    for i in range(pages):
        outlet = i % feeds
        text = texts[i] if i < len(texts) else remixable[i % len(remixable)]
        published = now - timedelta(minutes=rng.randint(30, 60 * 24 * 28))
        template = TEMPLATE_CYCLE[outlet % len(TEMPLATE_CYCLE)]  # an outlet runs one CMS
        common = {"text_id": text.get("id", str(i)), "template": template, "feed_dated": outlet % 10 != 9,
                  "furniture": text.get("furniture") or {}}
        if out and rng.random() < 0.03:  # a syndicated copy: the same story on another outlet
            src = rng.choice(out[-100:])
            out.append(RealPage(outlet, slugify(src.title, i), src.title, src.summary, src.author,
                                src.published + timedelta(minutes=rng.randint(5, 300)), list(src.paragraphs), "copy",
                                **{**common, "text_id": src.text_id}))
            continue
        paragraphs = list(text["paragraphs"])
        if i >= len(texts):
            paragraphs = _remix(rng, paragraphs, by_language[text.get("language", "en")])
        author = re.sub(r"^by\s+", "", text.get("byline") or "Staff", flags=re.I).strip() or "Staff"
        summary = re.split(r"(?<=[.!?])\s", paragraphs[0], maxsplit=1)[0][:300]
        out.append(RealPage(outlet, slugify(text["title"], i), text["title"], summary, author, published,
                            paragraphs, text.get("register", "news"), **common))
    return outlets, out


def slugify(title: str, salt: int) -> str:
    """Return an ASCII URL slug of `title` (accents folded: the server and the client agree on it)."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = "".join(c.lower() if c.isalnum() else " " for c in folded).split()
    return "-".join(words[:9]) + f"-{salt:05d}"


def _remix(rng: random.Random, own: list[str], pool: list[str]) -> list[str]:
    """Return the lead of `own`, then a random ~40% of its other paragraphs in order, mixed with paragraphs of `pool`."""
    target = max(3, round(len(own) * rng.uniform(0.7, 1.1)))
    kept = sorted(rng.sample(range(1, len(own)), min(len(own) - 1, round(0.4 * (target - 1)))))
    body = [own[0]]
    rest = iter(own[k] for k in kept)
    while len(body) < target:
        nxt = next(rest, None) if rng.random() < 0.4 else None
        body.append(nxt if nxt is not None else rng.choice(pool))
    return body


def generate_real_site(root: Path, *, pages: int, feeds: int, seed: int = 7, texts: list[dict] | None = None) -> Site:
    """Write `feeds` outlets holding `pages` pages made from the texts under `root`; return what was written."""
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    outlets, all_pages = build_pages(texts or load_texts(), pages, feeds, seed, now)
    return write_real_site(root, outlets, all_pages, now, seed)


def write_real_site(root: Path, outlets: list[Outlet], all_pages: list[RealPage], now: datetime, seed: int = 7) -> Site:
    """Write each page in its template and each outlet's feed (undated when its pages' feed is) under `root`."""
    rng = random.Random(seed + 1)
    site = Site(root=root, outlets=outlets, pages=list(all_pages))
    by_outlet: dict[int, list[RealPage]] = {}
    for page in all_pages:
        by_outlet.setdefault(page.outlet, []).append(page)
        site.kinds[page.template] = site.kinds.get(page.template, 0) + 1
    for outlet in outlets:
        host_dir = root / f"h{outlet.index}"
        mine = by_outlet.get(outlet.index, [])
        for page in mine:
            related = [r for r in rng.sample(all_pages, min(9, len(all_pages))) if r is not page][:8]
            data = render_real_page(page, outlet, list[Page](related), outlets, rng).encode("utf-8")
            path = host_dir / page.path(outlets)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            site.html_bytes += len(data)
            site.text_bytes += sum(len(p.encode()) + 1 for p in page.paragraphs)
        (host_dir / "feeds").mkdir(parents=True, exist_ok=True)
        feed = render_feed(outlet, list[Page](mine), outlets, now, dated=all(p.feed_dated for p in mine))
        (host_dir / "feeds" / f"{outlet.slug}.xml").write_text(feed, encoding="utf-8")
    return site


# --- inline CSS and scripts: most of a real page's bytes, and parsing work -------------------

_PROPS = ("margin:0 0 {n}px", "padding:{n}px {m}px", "font:{w} {n}px/1.{m} Georgia,serif", "color:#{h}",
          "background:#{h}", "border-bottom:1px solid #{h}", "display:flex", "gap:{n}px", "max-width:{n}0px",
          "letter-spacing:.0{m}em", "grid-template-columns:repeat({m},1fr)", "transition:opacity .{m}s ease")


def _css(rng: random.Random, prefix: str, rules: int) -> str:
    """Return `rules` plausible minified CSS rules with `prefix` class names and media queries."""
    out = []
    for k in range(rules):
        props = ";".join(rng.choice(_PROPS).format(n=rng.randint(1, 48), m=rng.randint(1, 9), w=rng.choice((400, 600, 700)),
                                                   h=f"{rng.randrange(16**6):06x}") for _ in range(rng.randint(2, 6)))
        rule = f".{prefix}-{rng.randrange(36**5):x}{rng.choice(('', ' a', ':hover', '>li', ' p'))}{{{props}}}"
        out.append(f"@media (min-width:{rng.choice((600, 768, 1024))}px){{{rule}}}" if k % 9 == 0 else rule)
    return "".join(out)


def _svg(rng: random.Random, icons: int) -> str:
    """Return a hidden inline SVG sprite of `icons` icons, as sites inline their icon sets."""
    def path() -> str:
        return "M" + " ".join(f"{rng.randint(0, 24)}.{rng.randint(0, 99)} {rng.randint(0, 24)}.{rng.randint(0, 99)}"
                              for _ in range(rng.randint(8, 30))) + "z"
    symbols = "".join(f'<symbol id="icon-{k}" viewBox="0 0 24 24"><path d="{path()}"/></symbol>' for k in range(icons))
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{symbols}</svg>'


def _script_state(rng: random.Random, words: list[str], size: int) -> str:
    """Return a JSON config/analytics object of about `size` bytes (ad slots, flags, experiments)."""
    state: dict = {"flags": {}, "slots": []}
    while len(json.dumps(state)) < size:
        state["flags"][f"exp_{rng.randrange(10**6)}"] = rng.random() < 0.5
        state["slots"].append({"id": f"ad-{rng.randrange(10**5)}", "sizes": [[300, 250], [728, 90], [320, 50]],
                               "targeting": {"kw": rng.sample(words, min(4, len(words))), "pos": rng.randint(1, 9)}})
    return json.dumps(state, separators=(",", ":"))


_JS = ("!function(e,t){{var n=t.createElement('script');n.async=1;n.src='{src}';t.head.appendChild(n)}}(window,document);"
       "window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());"
       "gtag('config','G-{id}',{{anonymize_ip:true,send_page_view:false}});")


@dataclass
class _Ctx:
    """What every template needs for one page."""

    page: RealPage
    outlet: Outlet
    url: str
    iso: str
    related: list[tuple[str, str]]  # (href, headline)
    rng: random.Random

    @property
    def f(self) -> dict:
        return self.page.furniture or {}

    def items(self, key: str, fallback: list[str]) -> list[str]:
        value = self.f.get(key)
        return [str(x) for x in value] if isinstance(value, list) and value else fallback

    def text(self, key: str, fallback: str) -> str:
        value = self.f.get(key)
        return str(value) if isinstance(value, str) and value else fallback


def render_real_page(page: RealPage, outlet: Outlet, related: list[Page], outlets: list[Outlet], rng: random.Random) -> str:
    """Return the HTML of `page` in its template (links use `{base}`)."""
    from realtemplates import RENDERERS

    headlines = [h for h in (page.furniture or {}).get("related") or [] if isinstance(h, str)]
    links = [("{base}/" + r.path(outlets), headlines[k] if k < len(headlines) else r.title) for k, r in enumerate(related)]
    ctx = _Ctx(page, outlet, "{base}/" + page.path(outlets), page.published.strftime("%Y-%m-%dT%H:%M:%SZ"), links, rng)
    return RENDERERS[page.template](ctx)


def esc(value: str) -> str:
    """Return `value` escaped for HTML text and attributes."""
    return escape(value, quote=True)
