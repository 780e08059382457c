"""Redirect wrappers: links that carry the article URL inside them (search, social, AMP caches, Google News).

`REDIRECT_PARAMS` lists hosts whose query parameter carries the target URL
(google.*/url?url=|q=, l.facebook.com/l.php?u=, ...); AMP caches (`*.cdn.ampproject.org/c/s/`,
`google.*/amp/s/`) carry it in the path; older Google News ids carry it base64-encoded.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from ingest.urls.googlenews import decode_google_news, news_id_url

# Redirect wrappers: host (after www./mobile stripping) -> query parameters holding the target.
# A host ending in "." matches any Google ccTLD (google.com, google.co.uk, ...).
REDIRECT_PARAMS: dict[str, tuple[str, ...]] = {
    "google.": ("url", "q"),
    "news.url.google.com": ("url",),
    "l.facebook.com": ("u",),
    "lm.facebook.com": ("u",),
    "facebook.com": ("u",),  # only for the /l.php path, see _REDIRECT_PATHS
    "linkedin.com": ("url",),
    "out.reddit.com": ("url",),
    "duckduckgo.com": ("uddg",),
    "bing.com": ("url",),
    "t.umblr.com": ("z",),
    "feedproxy.google.com": ("url", "u"),
    "feeds.feedburner.com": ("url", "u"),
    "feeds.feedblitz.com": ("url", "u"),
    "link.smartnews.com": ("url",),
    "flipboard.com": ("url",),
}
# Paths that mark a redirect endpoint on hosts that also serve real pages.
_REDIRECT_PATHS: dict[str, tuple[str, ...]] = {
    "google.": ("/url", "/news/url"),  # the latter: old news.google.com click-through links
    "facebook.com": ("/l.php",),
    "linkedin.com": ("/redir/redirect", "/redir"),
    "duckduckgo.com": ("/l",),
    "bing.com": ("/news/apiclick.aspx", "/newsapiclick.aspx"),
    "flipboard.com": ("/redirect",),
}
_GOOGLE_HOST = re.compile(r"^(?:www\.|news\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$")


def unwrap(url: str) -> str | None:
    """Return the URL a wrapper points at, or None when `url` is not a known wrapper."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not host:
        return None
    if host == "news.google.com" and news_id_url(parts.path):
        return decode_google_news(url)
    if host.endswith(".cdn.ampproject.org") or (
        _GOOGLE_HOST.match(host) and parts.path.startswith("/amp/")
    ):
        return _amp_cache_target(parts.path)
    if host.startswith("r.search.yahoo.com"):
        found = re.search(r"/RU=([^/]+)/", parts.path + "/")
        return unquote(found.group(1)) if found else None
    if host in ("href.li", "anon.to") and parts.query.startswith("http"):
        return parts.query
    key = _wrapper_key(host)
    if key is None:
        return None
    paths = _REDIRECT_PATHS.get(key)
    if paths is not None and parts.path.rstrip("/") not in paths:
        return None
    params = dict((k.lower(), v) for k, v in parse_qsl(parts.query, keep_blank_values=True))
    for name in REDIRECT_PARAMS[key]:
        value = params.get(name, "").strip()
        if value.startswith(("http://", "https://")):
            return value
    return None


def _wrapper_key(host: str) -> str | None:
    if _GOOGLE_HOST.match(host):
        return "google."
    bare = host[4:] if host.startswith("www.") else host
    if bare in REDIRECT_PARAMS:
        return bare
    return None


def _amp_cache_target(path: str) -> str | None:
    # /c/s/example.com/path (cdn.ampproject.org) or /amp/s/example.com/path (google.com):
    # "s" marks https; without it the origin is http.
    segments = path.split("/")
    try:
        idx = next(i for i, s in enumerate(segments) if s in ("c", "v", "amp"))
    except StopIteration:
        return None
    rest = segments[idx + 1 :]
    scheme = "http"
    if rest and rest[0] == "s":
        scheme, rest = "https", rest[1:]
    if not rest or "." not in rest[0]:
        return None
    return f"{scheme}://" + "/".join(rest)
