"""The bundled offline sample (ingest/data/sample) is coherent: feeds parse, every link reaches a page
or a listed 404, pages carry their metadata, and extraction keeps each story while dropping the page
furniture. The bundle is what `layoffwatch demo` serves and what other tests reuse as a labelled set.
"""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import get_args
from urllib.parse import urlsplit

import feedparser
import pytest
import trafilatura
from lxml import html as lxml_html

from ingest.text.extract import extract_page
from ingest.models import Label

SAMPLE = Path(__file__).resolve().parent.parent / "ingest" / "data" / "sample"
BASE = "http://127.0.0.1:8765"  # what the demo server puts in place of {base}
MANIFEST = tomllib.loads((SAMPLE / "manifest.toml").read_text(encoding="utf-8"))
PAGES = {p["path"]: p for p in MANIFEST["pages"]}
OUTLETS = {o["name"]: o for o in MANIFEST["outlets"]}
FEEDS = {f["name"]: f for f in MANIFEST["feeds"]}
MISSING = {m["path"]: m for m in MANIFEST["missing"]}
ALIASES = {a["url"].replace("{base}", BASE): a for a in MANIFEST["aliases"]}
ROUNDS = {r["key"]: r for r in MANIFEST["rounds"]}
OK_PAGES = [p for p in PAGES if PAGES[p]["expected_extraction"] == "ok"]
BUILD_DATE = datetime(2026, 11, 21, tzinfo=UTC)  # the bundle was written on this day; nothing is later
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
# Hosts allowed in absolute URLs: XML namespaces and the schema.org vocabulary, never a real outlet.
_ALLOWED_HOSTS = {"schema.org", "www.w3.org", "purl.org", "search.yahoo.com", "wordpress.org",
                  "marketledger.example"}


def raw(path: str) -> bytes:
    return (SAMPLE / "pages" / path).read_bytes()


def decoded(path: str) -> str:
    """Return a page decoded with the charset its <meta> declares (as a browser would)."""
    data = raw(path)
    match = _CHARSET.search(data[:2048])
    return data.decode(match.group(1).decode() if match else "utf-8")


@cache
def extracted(path: str) -> str:
    """Return trafilatura's text for a page, with the options the product uses."""
    text = trafilatura.extract(raw(path), include_comments=False, include_tables=False, favor_precision=True)
    return text or ""


@cache
def parsed(name: str) -> feedparser.FeedParserDict:
    data = (SAMPLE / FEEDS[name]["file"]).read_bytes().replace(b"{base}", BASE.encode())
    return feedparser.parse(data)


def page_path_of(link: str) -> str:
    """Map a served link back to a bundle path (the server ignores the query string)."""
    assert link.startswith(BASE + "/"), link
    return urlsplit(link).path.lstrip("/")


def published(path: str) -> datetime:
    return datetime.fromisoformat(PAGES[path]["published_at"])


# ------------------------------------------------------------------ manifest and files


def test_manifest_lists_exactly_the_page_files() -> None:
    on_disk = {str(p.relative_to(SAMPLE / "pages")) for p in (SAMPLE / "pages").rglob("*.html")}
    assert on_disk == set(PAGES)
    assert 30 <= len(PAGES) <= 35
    assert not any((SAMPLE / "pages" / m).exists() for m in MISSING)
    assert {f["file"] for f in FEEDS.values()} == {
        str(p.relative_to(SAMPLE)) for p in (SAMPLE / "feeds").glob("*.xml")
    }


def test_bundle_stays_small() -> None:
    total = sum(p.stat().st_size for p in SAMPLE.rglob("*") if p.is_file())
    assert total < 1_500_000, total


def test_readme_lists_every_story() -> None:
    readme = (SAMPLE / "README.md").read_text(encoding="utf-8")
    assert "{base}" in readme
    for path in [*PAGES, *MISSING]:
        assert path in readme, path


def test_only_placeholder_and_vocabulary_urls_appear() -> None:
    """No page or feed links to a real outlet: absolute URLs go through {base}."""
    files = [*(SAMPLE / "feeds").glob("*.xml"), *(SAMPLE / "pages").rglob("*.html")]
    for file in files:
        text = file.read_bytes().decode("latin-1")  # byte-transparent; URLs are ASCII
        for url in re.findall(r"https?://[^\s\"'<>]+", text):
            assert urlsplit(url).hostname in _ALLOWED_HOSTS, (file.name, url)


# ------------------------------------------------------------------ feeds


@pytest.mark.parametrize("name", sorted(FEEDS))
def test_feed_parses_cleanly(name: str) -> None:
    feed = parsed(name)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == ("atom10" if FEEDS[name]["format"] == "atom" else "rss20")
    assert 6 <= len(feed.entries) <= 12
    for entry in feed.entries:
        assert entry.title and entry.link and entry.get("summary")


def test_feed_formats_cover_rss_atom_and_search() -> None:
    formats = {f["format"] for f in FEEDS.values()}
    assert {"rss2", "atom", "rss2-newssearch"} <= formats
    search = next(n for n, f in FEEDS.items() if f["format"] == "rss2-newssearch")
    for entry in parsed(search).entries:
        outlet = page_path_of(entry.link).split("/")[0]
        assert entry.source.title == OUTLETS[outlet]["site_name"]
        assert entry.source.href == f"{BASE}/{outlet}"
        assert entry.title.endswith(" - " + entry.source.title)


def test_every_feed_link_reaches_a_page_or_a_listed_404() -> None:
    linked: dict[str, set[str]] = {}
    for name in FEEDS:
        for entry in parsed(name).entries:
            path = page_path_of(entry.link)
            if urlsplit(entry.link).query:
                assert ALIASES[entry.link]["page"] == path and ALIASES[entry.link]["feed"] == name
            if path in MISSING:
                assert MISSING[path]["feed"] == name
                continue
            assert path in PAGES, entry.link
            linked.setdefault(path, set()).add(name)
    assert set(linked) == set(PAGES), "every page is reached from some feed"
    for path, names in linked.items():
        page = PAGES[path]
        assert names == {page["feed"], *page.get("also_in", [])}, path
    assert len(MISSING) == 1
    assert sum(len(n) > 1 for n in linked.values()) >= 2, "some pages appear in two feeds"


def test_feed_dates_agree_with_the_pages() -> None:
    undated = 0
    for name in FEEDS:
        for entry in parsed(name).entries:
            path = page_path_of(entry.link)
            if not entry.get("published_parsed"):
                undated += 1
                continue
            when = datetime(*entry.published_parsed[:6], tzinfo=UTC)
            expected = published(path) if path in PAGES else datetime.fromisoformat(MISSING[path]["published_at"])
            assert when == expected.astimezone(UTC), (name, path)
    assert undated == 2


def test_dates_span_late_2025_to_2026_except_the_old_round() -> None:
    old_rounds = {k for k, r in ROUNDS.items() if r["announced_on"] < date(2025, 1, 1)}
    for path, page in PAGES.items():
        when = published(path)
        assert when.tzinfo is not None and when <= BUILD_DATE, path
        if page.get("expected_round") in old_rounds:
            assert when.year == 2023
        else:
            assert datetime(2025, 10, 1, tzinfo=UTC) <= when, path


# ------------------------------------------------------------------ page markup


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_head_carries_the_metadata(path: str) -> None:
    page = PAGES[path]
    doc = lxml_html.document_fromstring(decoded(path))
    url = "{base}/" + path

    def meta(attr: str, value: str) -> str:
        (node,) = doc.xpath(f"//meta[@{attr}='{value}']")
        return node.get("content")

    assert doc.get("lang", "").startswith(("en", "de"))
    assert page["title"] in doc.findtext(".//title")
    assert meta("name", "author")
    assert meta("property", "og:site_name") == OUTLETS[page["outlet"]]["site_name"]
    assert meta("property", "og:url") == url
    assert doc.xpath("//link[@rel='canonical']/@href") == [url]
    assert datetime.fromisoformat(meta("property", "article:published_time")) == published(path)
    assert len(doc.xpath("//h1")) == 1


def test_outlets_use_different_article_markup() -> None:
    """One outlet has no <article> at all (a div.story-body); the others each use their own classes."""
    containers: dict[str, set[str]] = {}
    for path, page in PAGES.items():
        doc = lxml_html.document_fromstring(decoded(path))
        articles = doc.xpath("//article")
        if page["outlet"] == "marketledger":
            assert not articles and doc.xpath("//div[@class='story-body']"), path
        containers.setdefault(page["outlet"], set()).update(a.get("class", "") for a in articles)
    classes = {c for cs in containers.values() for c in cs if c}
    assert len(classes) >= 4


def test_windows_1252_page_is_saved_in_that_encoding() -> None:
    (path,) = [p for p, page in PAGES.items() if page.get("charset") == "windows-1252"]
    data = raw(path)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b'<meta charset="windows-1252">' in data
    text = decoded(path)
    for word in ("Zürich", "München", "café", "€600", "“We are rebalancing", "it’s their team"):
        assert word in text
    assert "Zürich" in extracted(path) and "€600" in extracted(path)


# ------------------------------------------------------------------ extraction


@pytest.mark.parametrize("path", OK_PAGES)
def test_extraction_keeps_the_story_and_drops_the_furniture(path: str) -> None:
    page = PAGES[path]
    text = extracted(path)
    page_text = lxml_html.document_fromstring(decoded(path)).text_content()
    for snippet in page["must_contain"]:
        assert snippet in text, snippet
    for snippet in [*OUTLETS[page["outlet"]]["chrome"], *page["must_not_contain"]]:
        assert snippet in page_text, f"chrome snippet {snippet!r} is not on the page: the check proves nothing"
        assert snippet not in text, snippet
    assert len(page["must_contain"]) >= 2
    assert 150 <= page["words"] <= 1500
    assert 0.8 * page["words"] <= len(text.split()) <= 1.3 * page["words"] + 40


def test_video_page_yields_no_text() -> None:
    (path,) = [p for p, page in PAGES.items() if page["expected_extraction"] == "no_text"]
    result = extract_page(BASE + "/" + path, raw(path), "text/html")
    assert result.text == "" and result.error
    assert len(extracted(path).split()) < 40


def test_syndicated_copies_are_near_not_exact_duplicates() -> None:
    copies = [(p, page["duplicate_of"]) for p, page in PAGES.items() if page.get("duplicate_of")]
    assert len(copies) == 2
    for copy, original in copies:
        assert original in PAGES and PAGES[copy]["title"] != PAGES[original]["title"]
        a, b = _shingles(extracted(copy)), _shingles(extracted(original))
        assert extracted(copy) != extracted(original)
        assert len(a & b) / len(a | b) >= 0.8, copy


def _shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


# ------------------------------------------------------------------ labels and rounds


def test_labels_and_rounds_are_consistent() -> None:
    labels = set(get_args(Label))
    for path, page in PAGES.items():
        assert page["expected_label"] in labels, path
        round_key = page.get("expected_round")
        if page["expected_label"] == "layoff_report":
            assert round_key in ROUNDS, path
            assert ROUNDS[round_key]["company"] in page["expected_companies"], path
            assert set(ROUNDS[round_key]["units"]) >= set(page["expected_units"]), path
            assert path in ROUNDS[round_key]["pages"]
        else:
            assert round_key is None and "expected_headcount" not in page, path
        if page["expected_label"] == "not_layoff":
            assert page["expected_companies"] == [] and page["expected_units"] == []
    for key, rnd in ROUNDS.items():
        assert rnd["pages"] and all(PAGES[p]["expected_round"] == key for p in rnd["pages"])
    assert {p["expected_label"] for p in PAGES.values()} == labels


def test_alert_expectations_follow_company_and_age() -> None:
    for key, rnd in ROUNDS.items():
        fresh = rnd["announced_on"] >= date(2025, 10, 1)
        assert rnd["expect_alert"] == (rnd["company"] == "Amazon" and fresh), key
    old = [k for k, r in ROUNDS.items() if r["company"] == "Amazon" and not r["expect_alert"]]
    assert old == ["amazon-9000-2023-03"]


def test_same_round_from_two_outlets_and_leak_then_confirmation() -> None:
    sps = ROUNDS["amazon-sps-2026-05"]["pages"]
    assert len({PAGES[p]["outlet"] for p in sps}) == 2
    leak = [p for p in ROUNDS["amazon-14000-2025-10"]["pages"] if PAGES[p].get("expected_leak")]
    (leak_path,) = leak
    confirmations = [p for p in ROUNDS["amazon-14000-2025-10"]["pages"] if PAGES[p].get("expected_headcount") == 14000]
    assert confirmations and all(published(c) > published(leak_path) for c in confirmations)
