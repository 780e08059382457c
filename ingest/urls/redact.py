"""The one redactor: URLs and free text made safe to log, store and show.

Two kinds of URL carry secrets differently, so one set of rules serves both with a `kind`:

* `"link"`, a URL we fetch (feeds, pages, backfill endpoints): its host and path name the feed and
  stay readable; userinfo and the values of secret-looking query keys (`token`, `api_key`, `sig`,
  ...) are masked (`safe_url`).
* `"channel"`, an alert channel (Apprise) URL, whose host and path are often the token itself
  (`slack://T0/B0/secret`): beyond the link rules, a host that is not a host name, every path segment
  that is not a short lower-case word and every query value but known-harmless ones are masked
  (`redact_url`).

`redact(text, secrets)` masks every given URL (in its redacted form), every secret part of it and
any `user:password@` echoed in the text. Pure: no network, no httpx.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from typing import Literal
from urllib.parse import SplitResult, parse_qsl, quote, unquote, urlsplit, urlunsplit

UrlKind = Literal["link", "channel"]
MASK = "***"

# Query keys whose values are credentials (`?token=...`, `&api_key=...`): masked in every kind.
_SECRET_KEY = re.compile(r"(?i)(token|key|secret|pass|pwd|auth|sig|session|sid|code|credential)")
# Query keys of Apprise URLs that never carry secrets: the only values a channel URL shows.
_SAFE_CHANNEL_KEYS = frozenset(
    {"format", "overflow", "method", "priority", "mode", "image", "avatar", "footer", "rto", "cto",
     "verify", "tags", "tag", "lang", "emojis", "batch"}
)
# Channel path segments we may show: short, lower-case words ("hook", "v1", "layoffwatch").
_SAFE_SEGMENT = re.compile(r"[a-z][a-z0-9_.-]{0,15}")
_HOSTNAME = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}|localhost", re.IGNORECASE)
# Userinfo echoed inside free text (httpx messages, redirect targets, malformed links).
_USERINFO = re.compile(r"(?i)(?<=://)[^/@\s]+@")
# A secret-looking query pair inside free text or a URL too malformed to split.
_SECRET_PAIR = re.compile(
    r"(?i)([?&;][^=&#\s]*(?:token|key|secret|pass|pwd|auth|sig|session|sid|code|credential)[^=&#\s]*=)[^&#\s]*"
)
# Parts shorter than this are not masked inside free text (they would garble it).
_MIN_SECRET = 3


def safe_url(url: str) -> str:
    """Return a fetched URL for logs and error rows: userinfo and secret-looking query values masked."""
    return redact_url(url, kind="link")


def redact_url(url: str, *, kind: UrlKind = "channel") -> str:
    """Return `url` with passwords, tokens and secret-looking parts replaced by "***" (see module doc)."""
    if kind == "link":
        return _link(url)
    parts = _split(url)
    if parts is None:
        return MASK  # no shape to keep: the whole thing may be a token
    host = parts.hostname or ""
    netloc = MASK + "@" if (parts.username or parts.password) else ""
    netloc += (host if _host_is_name(host) else MASK) if host else ""
    if parts.port is not None:
        netloc += f":{parts.port}"
    path = "/".join(seg if _safe_segment(seg) else MASK for seg in parts.path.split("/"))
    shown = f"{parts.scheme}://{netloc}{path}"
    if parts.query:
        shown += "?" + _query(parts.query, kind)
    if parts.fragment:
        shown += "#" + parts.fragment
    return shown


def _link(url: str) -> str:
    """Return a fetched URL with its userinfo and secret-looking query values masked, the rest as given."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            netloc = MASK + "@" + netloc.rpartition("@")[2]
        return urlunsplit((parts.scheme, netloc, parts.path, _query(parts.query, "link"), parts.fragment))
    except ValueError:
        # Too malformed to split ("http://[::1"): mask what still looks like a secret in the text.
        return _SECRET_PAIR.sub(rf"\1{MASK}", _USERINFO.sub(MASK + "@", url))


def url_secrets(url: str, *, kind: UrlKind = "channel") -> list[str]:
    """Return the parts of `url` that must never be shown, the URL itself first."""
    strong, weak = _secret_parts(url, kind)
    return [url.strip(), *strong, *weak]


def redact(text: str, secrets: Sequence[str], *, kind: UrlKind = "channel") -> str:
    """Return `text` with every secret (and every secret part of a secret URL of `kind`) masked."""
    if not text:
        return text
    always: set[str] = set()
    parts: set[str] = set()
    urls: list[str] = []
    for secret in secrets:
        if not secret:
            continue
        if "://" in secret:
            urls.append(secret.strip())
            strong, weak = _secret_parts(secret, kind)
            always.update(strong)
            parts.update(weak)
        else:
            parts.add(secret)
    # Whole URLs first, so a log line keeps a readable (redacted) form of the URL.
    for url in sorted(urls, key=len, reverse=True):
        text = text.replace(url, redact_url(url, kind=kind))
    # A password shorter than this cannot be told apart from ordinary letters in free text (masking
    # every "p" would garble the line); its URL forms are masked above and `user:pw@` below.
    variants = {p for p in always | parts if len(p) >= _MIN_SECRET}
    variants |= {quote(p, safe="") for p in variants}
    for part in sorted(variants, key=len, reverse=True):
        text = text.replace(part, MASK)
    return _USERINFO.sub(MASK + "@", text)


def _split(url: str) -> SplitResult | None:
    """Return the parts of a scheme://... URL; None when it has no scheme:// or is malformed."""
    if "://" not in url:
        return None
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    return parts


def _secret_parts(url: str, kind: UrlKind) -> tuple[list[str], list[str]]:
    """Return (userinfo passwords; other secret parts) of `url`."""
    parts = _split(url)
    if parts is None:
        return [], []
    strong = [p for p in {parts.password or "", unquote(parts.password or "")} if p]
    weak: list[str] = []
    if parts.username:
        weak += [parts.username, unquote(parts.username)]
    host = parts.hostname or ""
    if kind == "channel":
        if host and not _host_is_name(host):
            weak.append(host)
        for seg in parts.path.split("/"):
            if not _safe_segment(seg):
                weak += [seg, unquote(seg)]
    weak += [value for key, value in parse_qsl(parts.query, keep_blank_values=True) if value and _masked(key, kind)]
    return strong, weak


def _query(query: str, kind: UrlKind) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    if kind == "channel":
        return "&".join(f"{k}={MASK if _masked(k, kind) else v}" for k, v in pairs)
    return "&".join(f"{quote(k, safe='')}={MASK if _masked(k, kind) else quote(v, safe='')}" for k, v in pairs)


def _masked(key: str, kind: UrlKind) -> bool:
    if _SECRET_KEY.search(key):
        return True
    return kind == "channel" and key.lower() not in _SAFE_CHANNEL_KEYS


def _safe_segment(segment: str) -> bool:
    return not segment or bool(_SAFE_SEGMENT.fullmatch(unquote(segment)))


def _host_is_name(host: str) -> bool:
    if _HOSTNAME.fullmatch(host):
        return True
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
