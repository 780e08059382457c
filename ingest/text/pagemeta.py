"""The metadata a page's own markup states outright: `<meta>` tags, `<link rel=canonical>`, JSON-LD.

Read from the tree the page was parsed into for extraction (no second parse), in one pass over
its `meta`, `link` and JSON-LD `script` elements. A date or title is looked for only when the
caller lacks one (the feed gave none): `article:published_time` and the other date tags first,
then JSON-LD `datePublished`; only when neither states a date does htmldate search the whole
page, which costs more than the text extraction itself on a large page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from lxml.html import HtmlElement

# Lower-cased `property`/`name`/`itemprop` values that state a publication date, best first.
DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "article.published", "publish-date", "publish_date", "pubdate",
    "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "date",
)
AUTHOR_KEYS = ("author", "article:author", "og:article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "citation_title", "headline")
SITE_KEYS = ("og:site_name",)
_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting", "report"}
_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_BY = re.compile(r"^\s*by\s+", re.I)
_SPACE = re.compile(r"\s+")
MAX_JSON_LD_CHARS = 200_000  # a JSON-LD block larger than this is page state, not metadata


@dataclass(frozen=True)
class PageMeta:
    """What the page's markup states about itself; None where it says nothing (or was not asked)."""

    canonical_href: str | None = None
    og_url: str | None = None
    title: str | None = None
    author: str | None = None
    site_name: str | None = None
    published_on: datetime | None = None


def read_meta(tree: HtmlElement, *, need_date: bool, need_title: bool, url: str | None = None) -> PageMeta:
    """Return the page's canonical link, og:url, author and site name, and its date/title when asked.

    `url` (where the page was fetched) is where the date search looks first: many sites put the
    day in the path.
    """
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in tags:
            tags[key] = content
    canonical = None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (href := (link.get("href") or "").strip()):
            canonical = href
            break
    ld = _json_ld(tree) if (need_date or need_title or not _first(tags, AUTHOR_KEYS) or "og:site_name" not in tags) else {}
    published = None
    if need_date:
        published = _first_date(tags.get(k) for k in DATE_KEYS) or _first_date([ld.get("datePublished")])
        if published is None:
            published = _searched_date(tree, url)
    title = None
    if need_title:
        title = _first(tags, TITLE_KEYS) or _text(ld.get("headline")) or _title_element(tree)
    author = _author(_first(tags, AUTHOR_KEYS)) or _author(_ld_name(ld.get("author")))
    site = _first(tags, SITE_KEYS) or _text(_ld_name(ld.get("publisher")))
    return PageMeta(canonical_href=canonical, og_url=tags.get("og:url") or None, title=title,
                    author=author, site_name=site, published_on=published)


def _first(tags: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((tags[k] for k in keys if tags.get(k)), None)


def _json_ld(tree: HtmlElement) -> dict[str, Any]:
    """Return the page's article object from its JSON-LD blocks (graphs and lists searched), else {}."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if not raw.strip() or len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the other sources still apply
        if found := _article_object(data, depth=0):
            return found
    return {}


def _article_object(data: object, depth: int) -> dict[str, Any] | None:
    if depth > 4:
        return None
    if isinstance(data, list):
        return next((found for item in data if (found := _article_object(item, depth + 1))), None)
    if not isinstance(data, dict):
        return None
    kinds = data.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds) and (
        data.get("datePublished") or data.get("headline")
    ):
        return data
    return _article_object(data.get("@graph"), depth + 1)


def _ld_name(value: object) -> object:
    """Return the name of a JSON-LD person/organisation (the first of a list), else the value itself."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return value.get("name")
    return value


def _text(value: object, limit: int = 1000) -> str | None:
    if not isinstance(value, str):
        return None
    return _SPACE.sub(" ", value).strip()[:limit] or None


def _author(value: object) -> str | None:
    text = _text(value, 300)
    if not text or text.startswith(("http://", "https://", "/")):
        return None  # article:author is often a profile URL, not a name
    return _BY.sub("", text) or None


def _title_element(tree: HtmlElement) -> str | None:
    for tag in ("h1", "title"):
        element = tree.find(f".//{tag}")
        if element is not None and (text := _text(element.text_content())):
            return text
    return None


def parse_date(value: object) -> datetime | None:
    """Return the calendar day a date string names (ISO 8601, RFC 822, y-m-d), None when none or implausible."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    day = None
    if match := _YMD.match(value):
        try:
            day = datetime(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    else:
        try:
            day = parsedate_to_datetime(value).replace(tzinfo=None)
        except (TypeError, ValueError, IndexError):
            return None
        day = day.replace(hour=0, minute=0, second=0, microsecond=0)
    return day if day.year >= 1995 else None


def _first_date(values: Iterable[object]) -> datetime | None:
    for value in values:
        if (day := parse_date(value)) is not None:
            return day
    return None


def _searched_date(tree: HtmlElement, url: str | None) -> datetime | None:
    """Return the publication date htmldate finds in the URL or by searching the whole page (the costly fallback).

    The same search trafilatura's metadata pass ran on every page before: the URL first, then the
    page, extensively (its last resort, dateparser, compiles its locales on first use in a process).
    """
    from htmldate import find_date  # trafilatura's own dependency; imported only when needed

    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=True,
                          max_date=datetime.now().strftime("%Y-%m-%d"))
    except Exception:  # noqa: BLE001 - htmldate on hostile markup; a missing date is data
        return None
    return parse_date(found)
