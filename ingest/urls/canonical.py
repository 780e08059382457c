"""Canonical URLs: one key per story however the link reached us.

The same article arrives as many URLs: with tracking parameters, through redirect wrappers
(Google Alerts, Google News, Facebook/LinkedIn/Bing link shims), as AMP or mobile variants,
over http or https, with or without `www.`. `canonicalize` maps all of them to one string,
which is the `articles.canonical_url` and (hashed) the `articles.article_id`.

Decisions (each one errs towards merging only what is certainly the same page), one module per
kind of rule:

* Scheme: `http` becomes `https`. News sites serve the same page on both; the key is an
  identity, not a link we promise works over https (the original `articles.url` is kept).
  The default port is dropped; fragments are dropped.
* Host and path (`ingest.urls.variants`): `www.`, AMP and mobile hosts map to the desktop host;
  AMP path markers and empty segments go, escapes are normalised, path case is kept; a trailing
  slash is dropped (except the root `/`).
* Query (`ingest.urls.tracking`): `TRACKING_PARAMS` / `TRACKING_PREFIXES` and AMP switches
  (`amp`, `outputType=amp`...) are dropped, the rest is sorted.
* Wrappers (`ingest.urls.wrappers`, `ingest.urls.googlenews`): redirect endpoints, AMP caches and
  older Google News ids are unwrapped to the URL they carry, repeatedly for nested wrappers; a
  newer Google News id is its own key.
* `page_canonical` prefers the page's own `<link rel=canonical>`, then `og:url`
  (`ingest.urls.pagehead` reads them), but only when it is on the same site as the fetched page
  and is not the site root: a cross-site canonical (syndication partner pointing at the wire) is
  left to text deduplication, which verifies it.
* Items with no resolvable link get a pseudo-URL key (`ingest.urls.fallback`).

Anything that is not an http(s) URL (e.g. a `fallback_key`) is returned stripped, unchanged.
This module re-exports the names of the rule modules, so `ingest.urls.canonical` stays the one
import for callers.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urljoin, urlsplit, urlunsplit

from ingest.urls.googlenews import news_id_url
from ingest.urls.tracking import canonical_query
from ingest.urls.variants import canonical_path, desktop_host, site
from ingest.urls.wrappers import unwrap


_MAX_UNWRAP = 5
ID_LENGTH = 16  # hex chars of sha256: 64 bits, collision-free for any realistic archive


def canonicalize(url: str) -> str:
    """Return the canonical form of `url` (unwrapped, untracked, desktop, https), see module doc."""
    url = url.strip()
    for _ in range(_MAX_UNWRAP):
        target = unwrap(url)
        if target is None or target == url:
            break
        url = target.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # malformed (bad IPv6 literal, port out of range): keep as given
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return url
    host = desktop_host(parts.hostname)
    if host == "news.google.com":
        # Undecodable (newer) ids: the id is the whole identity.
        news_id = news_id_url(parts.path)
        if news_id:
            return news_id
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = canonical_path(parts.path)
    query = canonical_query(parts.query)
    return urlunsplit(("https", netloc, path, query, ""))


def article_id_for(url: str) -> str:
    """Return the stable article id: the first 16 hex chars of sha256(canonicalize(url))."""
    return hashlib.sha256(canonicalize(url).encode("utf-8")).hexdigest()[:ID_LENGTH]


def page_canonical(html_url: str, canonical_href: str | None, og_url: str | None) -> str:
    """Return the page's own canonical (rel=canonical, then og:url) when sane, else canonicalize(html_url)."""
    fetched = canonicalize(html_url)
    for href in (canonical_href, og_url):
        if not href or not href.strip():
            continue
        try:
            # Relative canonicals ("/news/x") are legal; resolve against the fetched page.
            absolute = urljoin(html_url, href.strip())
            parts = urlsplit(absolute)
        except ValueError:
            continue
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            continue
        candidate = canonicalize(absolute)
        cand_parts = urlsplit(candidate)
        if cand_parts.path in ("", "/") and not cand_parts.query:
            continue  # misconfigured templates point every article at the homepage
        if site(cand_parts.hostname or "") != site(urlsplit(fetched).hostname or ""):
            continue
        return candidate
    return fetched
