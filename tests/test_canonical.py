"""Canonical URLs: tracking, AMP/mobile, redirect wrappers, Google News ids, page canonicals."""

from __future__ import annotations

import base64

import pytest

from ingest.urls import (
    article_id_for,
    canonicalize,
    decode_google_news,
    encode_google_news,
    fallback_key,
    find_page_canonical,
    is_google_news,
    page_canonical,
)

STORY = "https://example.com/business/amazon-cuts-200-jobs"

# A Google News RSS link in the older id format, built once with encode_google_news (field 1 =
# 19, field 4 = article URL, field 26 = AMP URL, base64url without padding). Kept as a literal
# so the decoder is checked against a fixed string, not only against our own encoder.
REALISTIC_GNEWS = (
    "https://news.google.com/rss/articles/CBMiQ2h0dHBzOi8vd3d3LmdlZWt3aXJlLmNvbS8yMDI2L2FtYXpv"
    "bi1sYXlvZmZzLWRldmljZXMtc2VydmljZXMtdW5pdC_SAUdodHRwczovL3d3dy5nZWVrd2lyZS5jb20vMjAyNi9h"
    "bWF6b24tbGF5b2Zmcy1kZXZpY2VzLXNlcnZpY2VzLXVuaXQvYW1wLw?oc=5"
)


@pytest.mark.parametrize(
    "variant",
    [
        STORY,
        "https://www.example.com/business/amazon-cuts-200-jobs",
        "http://example.com/business/amazon-cuts-200-jobs/",
        "HTTPS://WWW.EXAMPLE.COM:443/business/amazon-cuts-200-jobs",
        "https://example.com/business/amazon-cuts-200-jobs?utm_source=rss&utm_medium=feed",
        "https://example.com/business/amazon-cuts-200-jobs?fbclid=IwAR0abc&gclid=xyz#comments",
        "https://example.com/business/amazon-cuts-200-jobs?mc_cid=1&mc_eid=2&igshid=3&ref=home",
        "https://example.com/business/amazon-cuts-200-jobs?cmpid=x&ocid=y&smid=nytcore-ios-share&_ga=2.1",
        "https://example.com/business/amazon-cuts-200-jobs?spm=a2.b&itm_source=parsely&at_medium=rss",
        "https://example.com//business//amazon-cuts-200-jobs",
    ],
)
def test_tracking_and_trivial_variants_collapse(variant: str) -> None:
    assert canonicalize(variant) == STORY


@pytest.mark.parametrize(
    "variant",
    [
        "https://m.example.com/business/amazon-cuts-200-jobs",
        "https://mobile.example.com/business/amazon-cuts-200-jobs",
        "https://amp.example.com/business/amazon-cuts-200-jobs",
        "https://example.com/amp/business/amazon-cuts-200-jobs",
        "https://example.com/business/amazon-cuts-200-jobs/amp/",
        "https://example.com/business/amazon-cuts-200-jobs?amp=1",
        "https://example.com/business/amazon-cuts-200-jobs?amp",
        "https://example.com/business/amazon-cuts-200-jobs?outputType=amp",
        "https://example-com.cdn.ampproject.org/c/s/example.com/business/amazon-cuts-200-jobs?amp_js_v=0.1",
        "https://www.google.com/amp/s/www.example.com/business/amazon-cuts-200-jobs/amp",
    ],
)
def test_amp_and_mobile_variants_map_to_desktop(variant: str) -> None:
    assert canonicalize(variant) == STORY


def test_amp_file_suffixes() -> None:
    assert canonicalize("https://example.com/2026/01/story.amp.html") == "https://example.com/2026/01/story.html"
    assert canonicalize("https://example.com/news/amp_articleshow/123.cms") == "https://example.com/news/articleshow/123.cms"
    assert canonicalize("https://example.com/news/story-123.amp") == "https://example.com/news/story-123"


@pytest.mark.parametrize(
    "wrapped",
    [
        # Google Alerts
        "https://www.google.com/url?rct=j&sa=t&url=https://www.example.com/business/amazon-cuts-200-jobs"
        "%3Futm_source%3Dalerts&ct=ga&cd=CAIyGjQ&usg=AOvVaw1",
        "https://www.google.com/url?q=https://example.com/business/amazon-cuts-200-jobs&sa=U&ved=2ah",
        "https://www.google.co.uk/url?sa=t&url=https%3A%2F%2Fm.example.com%2Fbusiness%2Famazon-cuts-200-jobs",
        "https://news.google.com/news/url?sa=t&fd=R&url=https://example.com/business/amazon-cuts-200-jobs&usg=AF",
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2Fbusiness%2Famazon-cuts-200-jobs%3Ffbclid%3Dx&h=AT",
        "https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fexample.com%2Fbusiness%2Famazon-cuts-200-jobs",
        "https://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&url=https%3a%2f%2fexample.com%2fbusiness"
        "%2famazon-cuts-200-jobs&c=1&mkt=en-us",
        "https://r.search.yahoo.com/_ylt=A/RV=2/RE=1/RU=https%3a%2f%2fexample.com%2fbusiness%2famazon-cuts-200-jobs/RK=2/RS=x",
        # a wrapper inside a wrapper
        "https://www.google.com/url?url=" + "https%3A%2F%2Fl.facebook.com%2Fl.php%3Fu%3Dhttps%253A%252F%252F"
        "example.com%252Fbusiness%252Famazon-cuts-200-jobs",
    ],
)
def test_redirect_wrappers_unwrap(wrapped: str) -> None:
    assert canonicalize(wrapped) == STORY


def test_wrapper_hosts_keep_their_own_pages() -> None:
    # google.com/search?q=... is a page of its own, not a redirect to the query
    assert canonicalize("https://www.google.com/search?q=https://example.com/x").startswith(
        "https://google.com/search?"
    )
    assert canonicalize("https://www.facebook.com/amazon/posts/1?u=https://example.com/x") == (
        "https://facebook.com/amazon/posts/1?u=https%3A%2F%2Fexample.com%2Fx"
    )


def test_content_parameters_and_path_case_are_kept_and_sorted() -> None:
    assert canonicalize("https://example.com/News/Story.php?p=2&id=123&utm_campaign=x") == (
        "https://example.com/News/Story.php?id=123&p=2"
    )
    assert canonicalize("https://example.com/caf%c3%a9/%7euser") == canonicalize("https://example.com/café/~user")
    assert canonicalize("http://example.com:8080/a") == "https://example.com:8080/a"
    assert canonicalize("https://m.co/story") == "https://m.co/story"  # a site, not a mobile prefix


def test_non_http_and_malformed_inputs_are_returned_unchanged() -> None:
    assert canonicalize("  urn:layoffwatch:title:abc ") == "urn:layoffwatch:title:abc"
    assert canonicalize("mailto:press@example.com") == "mailto:press@example.com"
    assert canonicalize("http://[::1") == "http://[::1"
    assert canonicalize("") == ""


def test_google_news_old_format_decodes_to_publisher() -> None:
    link = encode_google_news(
        "https://www.example.com/business/amazon-cuts-200-jobs?utm_source=gnews",
        amp_url="https://www.example.com/business/amazon-cuts-200-jobs/amp",
    )
    token = link.split("/articles/")[1].split("?")[0]
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert raw.startswith(b'\x08\x13"')  # the "CBMi" prefix of real old-format ids
    assert token.startswith("CBMi")
    assert decode_google_news(link) == "https://www.example.com/business/amazon-cuts-200-jobs?utm_source=gnews"
    assert canonicalize(link) == STORY
    assert article_id_for(link) == article_id_for(STORY)


def test_google_news_realistic_id_decodes() -> None:
    assert decode_google_news(REALISTIC_GNEWS) == "https://www.geekwire.com/2026/amazon-layoffs-devices-services-unit/"
    assert canonicalize(REALISTIC_GNEWS) == "https://geekwire.com/2026/amazon-layoffs-devices-services-unit"
    # /read/ and /articles/ links with locale parameters carry the same id
    read = REALISTIC_GNEWS.replace("/rss/articles/", "/read/").replace("?oc=5", "?hl=en-US&gl=US&ceid=US:en")
    assert decode_google_news(read) == decode_google_news(REALISTIC_GNEWS)


def test_google_news_long_url_uses_two_byte_length() -> None:
    long_url = "https://example.com/" + "/".join(["section"] * 30) + "/story"
    assert len(long_url) > 127
    assert decode_google_news(encode_google_news(long_url)) == long_url


def test_google_news_new_format_is_left_for_online_resolution() -> None:
    opaque = base64.urlsafe_b64encode(b'\x08\x13"\x1aAU_yqLPnotdecodableoffline12').decode().rstrip("=")
    link = f"https://news.google.com/rss/articles/{opaque}?oc=5&hl=en-US"
    assert is_google_news(link)
    assert decode_google_news(link) is None
    # Undecodable ids still canonicalize to one stable key per id, whatever the link form.
    key = canonicalize(link)
    assert key == f"https://news.google.com/rss/articles/{opaque}"
    assert canonicalize(f"https://news.google.com/articles/{opaque}?hl=de") == key
    assert decode_google_news("https://news.google.com/rss/articles/!!!notbase64") is None
    assert decode_google_news("https://example.com/rss/articles/CBMiabc") is None
    assert not is_google_news(STORY)


def test_fallback_key_uses_title_and_source() -> None:
    key = fallback_key("Amazon cuts 200 jobs in devices unit - Example News", "Example News")
    assert key.startswith("urn:layoffwatch:title:")
    assert key == fallback_key("Amazon cuts 200 jobs in devices unit", "example news")
    assert key == fallback_key("  Amazon cuts 200 jobs in devices unit!  ", "Example News")
    assert key != fallback_key("Amazon cuts 200 jobs in devices unit", "Other Wire")
    assert key != fallback_key("Amazon cuts 300 jobs in devices unit", "Example News")
    assert canonicalize(key) == key
    assert len(article_id_for(key)) == 16


def test_article_id_is_stable_short_hex_of_canonical_url() -> None:
    first = article_id_for("https://m.example.com/business/amazon-cuts-200-jobs?utm_source=x")
    assert first == article_id_for(STORY)
    assert len(first) == 16 and int(first, 16) >= 0
    # Golden value: stored article ids must never change between releases.
    assert first == "2284ec6855ca3952"
    assert article_id_for(STORY) == article_id_for(STORY + "/")
    assert article_id_for(STORY) != article_id_for("https://example.com/business/other-story")


def test_page_canonical_prefers_link_then_og_when_sane() -> None:
    fetched = "https://m.example.com/business/amazon-cuts-200-jobs-1234?utm_source=rss"
    assert page_canonical(fetched, "https://www.example.com/business/amazon-cuts-200-jobs", None) == STORY
    assert page_canonical(fetched, "/business/amazon-cuts-200-jobs", None) == STORY  # relative
    assert page_canonical(fetched, None, "https://example.com/business/amazon-cuts-200-jobs?utm_x=1") == STORY
    assert page_canonical(fetched, "https://example.com/", "https://example.com/business/amazon-cuts-200-jobs") == STORY
    own = "https://example.com/business/amazon-cuts-200-jobs-1234"
    assert page_canonical(fetched, "https://example.com/", None) == own  # site root: ignored
    assert page_canonical(fetched, "https://wire.example.org/story/1", None) == own  # other site
    assert page_canonical(fetched, "javascript:void(0)", "ftp://example.com/x") == own
    assert page_canonical(fetched, None, None) == own
    # subdomains of one registrable domain are the same site (co.uk-style suffixes too)
    assert page_canonical("https://www.bbc.co.uk/news/a", "https://news.bbc.co.uk/news/a", None) == (
        "https://news.bbc.co.uk/news/a"
    )
    assert page_canonical("https://www.bbc.co.uk/news/a", "https://www.other.co.uk/news/a", None) == (
        "https://bbc.co.uk/news/a"
    )


def test_find_page_canonical_reads_the_head() -> None:
    html = (
        b'<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
        b'<link rel="stylesheet" href="/s.css"><link rel="Canonical" href="https://example.com/a">'
        b'<meta property="og:url" content="https://example.com/a?utm_source=og"></head>'
        b'<body><link rel="canonical" href="https://example.com/body-link"></body></html>'
    )
    assert find_page_canonical(html) == ("https://example.com/a", "https://example.com/a?utm_source=og")
    # str input with an XML declaration, rel with several tokens, og as name=
    text = (
        '<?xml version="1.0" encoding="utf-8"?><html><head>'
        '<link rel="alternate canonical" href=" /relative ">'
        '<meta name="og:url" content="https://example.com/caf\u00e9"></head></html>'
    )
    assert find_page_canonical(text) == ("/relative", "https://example.com/caf\u00e9")
    assert find_page_canonical(b"") == (None, None)
    assert find_page_canonical("   ") == (None, None)
    assert find_page_canonical("<p>no head at all</p>") == (None, None)
    assert find_page_canonical(b"\x00\xff\xfe garbage") == (None, None)
