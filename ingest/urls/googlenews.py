"""Google News links: article ids of the older format carry the publisher URL, base64-encoded.

Old ids are base64url of a small protobuf: field 1 (a varint), field 4 (the article URL) and
optionally field 26 (its AMP URL). Newer ids put an opaque token in field 4; those need Google's
online endpoint, and until resolved the id itself is the item's identity (`news_id_url`).
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import urlsplit

_GOOGLE_NEWS_ID = re.compile(r"/(?:rss/|__i/rss/rd/)?(?:articles|read)/([A-Za-z0-9_-]{8,})")
_GOOGLE_NEWS_BASE = "https://news.google.com/rss/articles/"


def news_id_url(path: str) -> str | None:
    """Return the one canonical form of a news.google.com article path, None when it holds no id.

    /articles/, /read/ and the rss/ variants and their locale parameters (hl, gl, ceid, oc) all
    name one item.
    """
    match = _GOOGLE_NEWS_ID.search(path)
    return f"{_GOOGLE_NEWS_BASE}{match.group(1)}" if match else None


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
