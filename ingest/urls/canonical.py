"""Canonical URLs: one key per story however the link reached us.

The same article arrives as many URLs: with tracking parameters, through redirect wrappers
(Google Alerts, Google News, Facebook/LinkedIn/Bing link shims), as AMP or mobile variants,
over http or https, with or without `www.`. `canonicalize` maps all of them to one string,
which is the `articles.canonical_url` and (hashed) the `articles.article_id`.

Decisions (each one errs towards merging only what is certainly the same page):

* Scheme: `http` becomes `https`. News sites serve the same page on both; the key is an
  identity, not a link we promise works over https (the original `articles.url` is kept).
* Host: lower-cased, trailing dot and default port dropped, `www.` stripped (www.x.com and
  x.com are the same site for every outlet we follow). AMP/mobile host prefixes `amp.`, `m.`,
  `mobile.` are stripped too, mapping the variant to the desktop host.
* Path: AMP markers are removed (a path segment `amp`, `amp_` segment prefixes as in
  `/amp_articleshow/`, `.amp.html` -> `.html`, a trailing `.amp`); empty segments collapse; a
  trailing slash is dropped (except the root `/`); percent-escapes are normalised. Path case is
  kept (paths are case-sensitive on many servers).
* Query: `TRACKING_PARAMS` / `TRACKING_PREFIXES` and AMP switches (`amp`, `outputType=amp`...)
  are dropped, the rest is sorted. Fragments are dropped.
* Wrappers: `REDIRECT_PARAMS` lists hosts whose query parameter carries the target URL
  (google.*/url?url=|q=, l.facebook.com/l.php?u=, ...); AMP caches (`*.cdn.ampproject.org/c/s/`,
  `google.*/amp/s/`) carry it in the path; Google News article ids of the older format carry
  it base64-encoded (`decode_google_news`). Unwrapping repeats for nested wrappers.
* `page_canonical` prefers the page's own `<link rel=canonical>`, then `og:url`, but only when
  it is on the same site as the fetched page and is not the site root: a cross-site canonical
  (syndication partner pointing at the wire) is left to text deduplication, which verifies it.

Anything that is not an http(s) URL (e.g. a `fallback_key`) is returned stripped, unchanged.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import unicodedata
from datetime import datetime
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree
from pydantic import BaseModel, ConfigDict

# Query parameters that never select content: analytics, click ids, referrers, share ids.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "ttclid", "twclid",
        "igshid", "igsh", "li_fat_id", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi",
        "__hstc", "__hssc", "__hsfp", "hsctatracking", "ref", "ref_src", "ref_url", "referrer",
        "referer", "cmpid", "cmp", "ocid", "smid", "smtyp", "spm", "scm", "src", "source",
        "feature", "ito", "xtor", "wt_mc", "wt.mc_id", "wt_zmc", "s_cid", "s_kwcid", "mbid",
        "sr_share", "share", "shared", "soc_src", "soc_trk", "trk", "trkcampaign", "partner",
        "taid", "rss", "feed", "oc", "guccounter", "guce_referrer", "guce_referrer_sig",
        "vero_id", "oly_enc_id", "oly_anon_id", "rb_clickid", "__twitter_impression",
        "cid_source", "fromrss", "from_rss", "dicbo", "tpcc", "traffic_source", "sref",
    }
)
# Whole families of tracking parameters (Google Analytics, Piwik/Matomo, HubSpot, AT Internet...).
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_", "hsa_", "ns_", "itm_", "at_", "stm_")
# Query switches that only select the AMP rendering of the same article.
_AMP_PARAMS: frozenset[str] = frozenset({"amp", "_amp", "amp_js_v", "usqp", "outputtype"})
# Host prefixes of AMP/mobile editions of the desktop site.
_VARIANT_HOST_PREFIXES: tuple[str, ...] = ("amp.", "m.", "mobile.")

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
_MAX_UNWRAP = 5
_GOOGLE_HOST = re.compile(r"^(?:www\.|news\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$")
_GOOGLE_NEWS_ID = re.compile(r"/(?:rss/|__i/rss/rd/)?(?:articles|read)/([A-Za-z0-9_-]{8,})")
_GOOGLE_NEWS_BASE = "https://news.google.com/rss/articles/"
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
# Second-level labels under which a ccTLD sells names (bbc.co.uk, abc.net.au): the site is 3 labels.
_CC_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"})
_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
_MAX_HEAD_BYTES = 512 * 1024
_FALLBACK_PREFIX = "urn:layoffwatch:title:"
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_SOURCE_SUFFIX_SEP = (" - ", " | ", " \u2013 ", " \u2014 ")
ID_LENGTH = 16  # hex chars of sha256: 64 bits, collision-free for any realistic archive


class UrlResolution(BaseModel):
    """A cached answer to "where does this wrapper URL lead?" (`url_resolutions` row)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    url: str
    resolved_url: str | None  # None: tried and failed (the caller decides when to retry)
    method: str  # e.g. "decoded", "redirect", "batchexecute", "failed"
    resolved_at: datetime


def canonicalize(url: str) -> str:
    """Return the canonical form of `url` (unwrapped, untracked, desktop, https), see module doc."""
    url = url.strip()
    for _ in range(_MAX_UNWRAP):
        target = _unwrap(url)
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
    host = _desktop_host(parts.hostname)
    if host == "news.google.com":
        # Undecodable (newer) ids: the id is the whole identity; /articles/, /read/ and the
        # rss/ variants and their locale parameters (hl, gl, ceid, oc) all name one item.
        match = _GOOGLE_NEWS_ID.search(parts.path)
        if match:
            return f"{_GOOGLE_NEWS_BASE}{match.group(1)}"
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = _canonical_path(parts.path)
    query = _canonical_query(parts.query)
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
        if _site(cand_parts.hostname or "") != _site(urlsplit(fetched).hostname or ""):
            continue
        return candidate
    return fetched


def find_page_canonical(html: bytes | str) -> tuple[str | None, str | None]:
    """Return (`<link rel=canonical>` href, `og:url` content) from the page head, None when absent."""
    data = html.encode("utf-8") if isinstance(html, str) else html
    if not data or not data.strip():
        return None, None
    end = _HEAD_END.search(data, 0, _MAX_HEAD_BYTES)
    # Parsing only the head keeps this cheap on 1 MB pages; the tags we want live there.
    data = data[: end.start()] if end else data[:_MAX_HEAD_BYTES]
    parser = etree.HTMLParser(
        recover=True, no_network=True, remove_comments=True,
        encoding="utf-8" if isinstance(html, str) else None,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError):
        return None, None
    if root is None:
        return None, None
    canonical: str | None = None
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            canonical = href
            break
    og: str | None = None
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key == "og:url" and content:
            og = content
            break
    return canonical, og


def decode_google_news(url: str) -> str | None:
    """Return the publisher URL inside an older-format Google News article id, else None.

    Old ids are base64url of a small protobuf: field 1 (a varint), field 4 (the article URL)
    and optionally field 26 (its AMP URL). Newer ids put an opaque token starting with
    "AU_yqL" in field 4; those need Google's online endpoint, so we return None.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if (parts.hostname or "").lower() != "news.google.com":
        return None
    match = _GOOGLE_NEWS_ID.search(parts.path)
    if not match:
        return None
    token = match.group(1)
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None
    fields = _protobuf_strings(raw)
    for number in (4, 26):  # the article URL, else its AMP URL
        for value in fields.get(number, []):
            try:
                text = value.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if text.startswith(("http://", "https://")):
                return text
    return None


def encode_google_news(article_url: str, amp_url: str | None = None) -> str:
    """Return a news.google.com/rss/articles URL in the older id format (inverse of decode; for tests)."""
    body = b"\x08\x13" + _pb_bytes(4, article_url.encode("utf-8"))
    if amp_url is not None:
        body += _pb_bytes(26, amp_url.encode("utf-8"))
    token = base64.urlsafe_b64encode(body).decode("ascii").rstrip("=")
    return f"{_GOOGLE_NEWS_BASE}{token}?oc=5"


def is_google_news(url: str) -> bool:
    """Return True when `url` is a news.google.com article link (decodable or not)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return (parts.hostname or "").lower() == "news.google.com" and bool(
        _GOOGLE_NEWS_ID.search(parts.path)
    )


def fallback_key(title: str, source_name: str | None) -> str:
    """Return a stable pseudo-URL key for an unresolvable feed item, from its title and <source>."""
    title_text = unicodedata.normalize("NFKC", title).strip()
    source_text = unicodedata.normalize("NFKC", source_name or "").strip()
    if source_text:
        # Google News appends " - Publisher" to every title; the source is keyed separately.
        for sep in _SOURCE_SUFFIX_SEP:
            suffix = f"{sep}{source_text}"
            if title_text.lower().endswith(suffix.lower()):
                title_text = title_text[: -len(suffix)]
                break
    norm_title = _NOT_WORD.sub(" ", title_text.lower()).strip()
    norm_source = _NOT_WORD.sub(" ", source_text.lower()).strip()
    digest = hashlib.sha256(f"{norm_source}\x1f{norm_title}".encode()).hexdigest()[:24]
    return f"{_FALLBACK_PREFIX}{digest}"


# --- helpers -------------------------------------------------------------------------------


def _unwrap(url: str) -> str | None:
    """Return the URL a wrapper points at, or None when `url` is not a known wrapper."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not host:
        return None
    if host == "news.google.com" and _GOOGLE_NEWS_ID.search(parts.path):
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


def _desktop_host(hostname: str) -> str:
    host = hostname.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    for prefix in _VARIANT_HOST_PREFIXES:
        # Keep at least "name.tld": "m.co" is a site of its own, not a mobile edition.
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    if host.startswith("www."):  # m.www.x.com is rare but exists
        host = host[4:]
    return host


def _canonical_path(path: str) -> str:
    path = _PCT.sub(_normalise_escape, path)
    path = quote(path, safe=_PATH_SAFE)
    segments = []
    for seg in path.split("/"):
        if not seg or seg == "amp":
            continue
        if seg.endswith(".amp.html"):
            seg = seg[: -len(".amp.html")] + ".html"
        elif seg.endswith(".amp") and len(seg) > 4:
            seg = seg[: -len(".amp")]
        elif seg.startswith("amp_") and len(seg) > 4:
            seg = seg[len("amp_") :]
        segments.append(seg)
    return "/" + "/".join(segments)


def _normalise_escape(match: re.Match[str]) -> str:
    char = chr(int(match.group(1), 16))
    return char if char in _UNRESERVED else f"%{match.group(1).upper()}"


def _canonical_query(query: str) -> str:
    if not query:
        return ""
    kept = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        lowered = key.lower()
        if lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES):
            continue
        if lowered in _AMP_PARAMS and (lowered != "outputtype" or value.lower() == "amp"):
            continue
        kept.append((key, value))
    kept.sort()
    return urlencode(kept, quote_via=quote)


def _site(host: str) -> str:
    """Approximate registrable domain (no public-suffix list): last 2 labels, 3 under co.uk-style."""
    labels = host.lower().rstrip(".").split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _CC_SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise ValueError("truncated varint")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7


def _protobuf_strings(data: bytes) -> dict[int, list[bytes]]:
    """Length-delimited fields of a protobuf message by field number (other wire types skipped)."""
    found: dict[int, list[bytes]] = {}
    pos = 0
    try:
        while pos < len(data):
            tag, pos = _read_varint(data, pos)
            number, wire = tag >> 3, tag & 7
            if wire == 0:
                _, pos = _read_varint(data, pos)
            elif wire == 1:
                pos += 8
            elif wire == 5:
                pos += 4
            elif wire == 2:
                length, pos = _read_varint(data, pos)
                if pos + length > len(data):
                    break
                found.setdefault(number, []).append(data[pos : pos + length])
                pos += length
            else:
                break  # groups or garbage: nothing more we can read safely
    except ValueError:
        pass
    return found


def _pb_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _pb_bytes(number: int, payload: bytes) -> bytes:
    return _pb_varint(number << 3 | 2) + _pb_varint(len(payload)) + payload
