"""Extraction at trafilatura's price: one parse, trafilatura's own text, the stated metadata, zstd pages."""

from __future__ import annotations

import json
import zlib
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
import trafilatura
import zstandard

from usecases.run import Batch, store_now
from ingest.text.articles import build_article, without_headline
from ingest.text.extract import TEXT_OPTIONS, clean_text, decode_html, decompress_html, extract_page
from ingest.models import FeedEntry, PageResult
from ingest.settings import load_settings
from tests.conftest import copy_migrated
from tests.pages import FILLER, article_page

SAMPLE_PAGES = sorted((Path(__file__).resolve().parent.parent / "ingest" / "data" / "sample" / "pages").rglob("*.html"))
URL = "https://news.example.com/2026/01/28/acme-cuts.html"
BODY = ["Acme said on Wednesday it would cut 1,200 jobs in its devices unit after a review.", FILLER, FILLER]


def page(head: str, body: str = "") -> bytes:
    """A page with `head` inside <head> and an extractable article (plus `body`) in <body>."""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Acme cuts jobs | Daily</title>{head}"
            f"</head><body><article><h1>Acme cuts jobs</h1>{paragraphs}</article>{body}</body></html>").encode()


@pytest.mark.parametrize("path", SAMPLE_PAGES[:12], ids=lambda p: p.name)
def test_text_is_what_trafilatura_extract_returns_with_our_options(path: Path) -> None:
    """The one parse changes nothing: the stored text is trafilatura.extract's own on that page."""
    content = path.read_bytes()
    expected = clean_text(trafilatura.extract(decode_html(content), url=URL, **TEXT_OPTIONS) or "").strip()
    result = extract_page(URL, content, "text/html")
    assert result.text == (expected if len(expected) >= 200 else "")


def test_a_page_date_is_read_only_when_the_feed_has_none() -> None:
    content = page('<meta property="article:published_time" content="2026-01-27T22:15:00-05:00">')
    assert extract_page(URL, content, need_date=False).published_on is None
    assert extract_page(URL, content, need_date=True).published_on == datetime(2026, 1, 27)


def test_json_ld_states_date_author_and_publisher_when_meta_tags_do_not() -> None:
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "ignored"},
        {"@type": "NewsArticle", "headline": "Acme cuts 1,200 jobs", "datePublished": "2026-01-26T08:00:00Z",
         "author": [{"@type": "Person", "name": "Pat Reporter"}], "publisher": {"@type": "Organization", "name": "Daily"}}]}
    content = page(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    result = extract_page(URL, content, need_date=True, need_title=True)
    assert (result.published_on, result.author, result.site_name) == (datetime(2026, 1, 26), "Pat Reporter", "Daily")
    assert result.title == "Acme cuts 1,200 jobs"


def test_meta_tags_give_canonical_og_url_author_and_site_name() -> None:
    content = page('<link rel="canonical" href="/2026/01/28/acme-cuts.html"><meta property="og:url" content="https://'
                   'news.example.com/acme?utm_source=og"><meta property="og:site_name" content="The Daily">'
                   '<meta name="author" content="By Pat Reporter"><meta property="article:author" content="https://x/pat">')
    result = extract_page(URL, content, need_date=False, need_title=False)
    assert (result.canonical_href, result.og_url) == ("/2026/01/28/acme-cuts.html", "https://news.example.com/acme?utm_source=og")
    assert (result.author, result.site_name, result.language, result.title) == ("Pat Reporter", "The Daily", "en", None)


def test_without_a_stated_date_the_url_then_the_page_are_searched() -> None:
    content = page('<script type="application/ld+json">{"@type": "NewsArticle", broken</script>',
                   '<p class="dateline">Published <time datetime="2026-01-25">January 25, 2026</time></p>')
    assert extract_page(URL, content, need_date=True).published_on == datetime(2026, 1, 28)  # the day in the path
    undated_url = "https://news.example.com/business/acme-cuts"
    assert extract_page(undated_url, content, need_date=True).published_on == datetime(2026, 1, 25)


def test_raw_pages_are_zstd_and_pages_of_earlier_releases_still_read() -> None:
    content = article_page("Acme cuts jobs", BODY).encode()
    result = extract_page(URL, content)
    assert result.raw_encoding == "zstd" and result.raw_size == len(content)
    assert zstandard.ZstdDecompressor().decompress(result.raw_html) == content  # what the README tells users
    assert decompress_html(result.raw_html) == content
    assert decompress_html(zlib.compress(content, 3)) == content  # rows stored before zstd


def test_stored_pages_say_their_encoding(tmp_path: Path, migrated_db: Path) -> None:
    content = article_page("Acme cuts jobs", BODY).encode()
    entry = FeedEntry(feed="wire", entry_key="g1", url=URL, title="Acme cuts jobs", published_at=datetime(2026, 1, 28))
    fetched = PageResult(url=URL, final_url=URL, status=200, content=content, content_type="text/html")
    article = build_article(entry, fetched, extract_page(URL, content), datetime(2026, 1, 29))
    settings = load_settings(db=copy_migrated(migrated_db, tmp_path / "lw.duckdb"), snapshot=False)
    store_now(settings, Batch(fetches=[], articles=[article]), datetime(2026, 1, 29))
    con = duckdb.connect(str(tmp_path / "lw.duckdb"), read_only=True)
    try:
        [(encoding, size, blob)] = con.execute("SELECT encoding, raw_size, html FROM article_html").fetchall()
    finally:
        con.close()
    assert (encoding, size) == ("zstd", len(content))
    assert zstandard.ZstdDecompressor().decompress(blob) == content


# A page as a 2000s table-layout CMS serves it (many council, court and agency sites still do): the
# story sits in a table cell beside a menu column and a headline column, with no <article> element.
TABLE_PAGE = """<html><head><title>Harbour Gazette - Ferry operator to close Dunmore depot</title></head>
<body><table width="100%"><tr><td width="140" class="nav"><a href="/n">News</a><br><a href="/s">Sport</a><br>
<a href="/b">Business</a><br><a href="/w">What's on</a></td>
<td valign="top"><font size="4"><b>Ferry operator to close Dunmore depot</b></font><br>
<font size="2">Staff reporter | Posted Mar 04, 2025 09:12 AM</font>
<p>Westway Ferries will close its engineering depot in Dunmore in the autumn, with the loss of 85 jobs.</p>
<p>The company told staff on Monday that maintenance would move to its yard across the estuary from October.</p>
<p>A spokesman said the firm would offer redeployment where it could and that talks with the union had begun.</p>
<p>Councillors said the closure was a blow to a town that has already lost its fish market and its bank branch.</p>
</td><td width="170"><b>More headlines</b><br><a href="/x1">Chip plant to hire 400</a><br>
<a href="/x2">Bakery chain cuts 90 jobs</a></td></tr></table></body></html>"""


def test_a_table_layout_story_is_found_by_the_fallback_pass() -> None:
    """The precise pass finds no article in a table cell; the paragraphs are read instead, without the menu."""
    result = extract_page(URL, TABLE_PAGE.encode(), "text/html")
    assert result.error is None
    assert result.text.startswith("Westway Ferries will close its engineering depot in Dunmore")
    assert "with the loss of 85 jobs" in result.text and "bank branch" in result.text
    assert "What's on" not in result.text and "Bakery chain" not in result.text


@pytest.mark.parametrize(("text", "title", "kept"), [
    ("Acme to cut 1,200 jobs in devices unit\nAcme said on Wednesday it would cut 1,200 jobs.", "Acme to cut 1,200 jobs in devices unit", False),
    ("ACME TO CUT 1,200 JOBS IN DEVICES UNIT\nAcme said it would cut jobs.", "Acme to cut 1,200 jobs in devices unit", False),
    ("Acme to cut 1,200 jobs in devices unit\nAcme said it would cut jobs.", "Acme to cut 1,200 jobs in devices unit - The Courier", False),
    ("Business\nAcme said on Wednesday it would cut 1,200 jobs.", "Business", True),
    ("Acme said on Wednesday it would cut 1,200 jobs.\nMore follows.", "Acme to cut 1,200 jobs in devices unit", True),
    ("Acme to cut 1,200 jobs in devices unit", "Acme to cut 1,200 jobs in devices unit", True),
    ("Acme to cut 1,200 jobs\nAcme said it would cut jobs.", "Acme to cut 1,200 jobs in devices unit", True),
])
def test_a_first_line_repeating_the_headline_is_dropped(text: str, title: str, kept: bool) -> None:
    """Extractors keep the page's <h1>; read as the body's first sentence it misleads the classifier."""
    assert (without_headline(text, title) == text) is kept


def test_stored_text_does_not_open_with_the_headline_again() -> None:
    title = "Acme to cut 1,200 jobs in its devices unit"
    content = article_page(title, BODY).encode()  # its <h1> repeats the feed item's title
    entry = FeedEntry(feed="wire", entry_key="g2", url=URL, title=title, published_at=datetime(2026, 1, 28))
    fetched = PageResult(url=URL, final_url=URL, status=200, content=content, content_type="text/html")
    article = build_article(entry, fetched, extract_page(URL, content), datetime(2026, 1, 29))
    assert article.text.startswith(BODY[0])
