"""Host and path rules: the AMP, mobile and `www.` variants of a page, and the site a host belongs to.

Host: lower-cased, trailing dot dropped, `www.` stripped (www.x.com and x.com are the same site
for every outlet we follow); AMP/mobile host prefixes `amp.`, `m.`, `mobile.` are stripped too,
mapping the variant to the desktop host. Path: AMP markers are removed (a path segment `amp`,
`amp_` segment prefixes as in `/amp_articleshow/`, `.amp.html` -> `.html`, a trailing `.amp`);
empty segments collapse; percent-escapes are normalised. Path case is kept (paths are
case-sensitive on many servers).
"""

from __future__ import annotations

import re
from urllib.parse import quote

# Host prefixes of AMP/mobile editions of the desktop site.
_VARIANT_HOST_PREFIXES: tuple[str, ...] = ("amp.", "m.", "mobile.")
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
# Second-level labels under which a ccTLD sells names (bbc.co.uk, abc.net.au): the site is 3 labels.
_CC_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"})


def desktop_host(hostname: str) -> str:
    """Return the host of the desktop edition: lower case, no trailing dot, no www./amp./m./mobile."""
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


def canonical_path(path: str) -> str:
    """Return the path without AMP markers or empty segments, its escapes normalised."""
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


def site(host: str) -> str:
    """Return the approximate registrable domain (no public-suffix list): last 2 labels, 3 under co.uk-style."""
    labels = host.lower().rstrip(".").split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _CC_SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])
