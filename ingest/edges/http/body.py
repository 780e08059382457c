"""Reading a response body within a size cap on the *decoded* bytes and a total deadline.

We undo gzip/deflate ourselves with a bounded output, so a gzip bomb stops at the cap instead of
inflating a whole socket read first, and a server dripping bytes cannot hold a run.
"""

from __future__ import annotations

import time
import zlib
from typing import Any

import httpx

from ingest.edges.http.outcomes import deadline_error, too_large
from ingest.models.errors import PermanentFetchError

_MAX_CODINGS = 2


def read_body(url: str, resp: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    """Return the decoded body, refusing it as soon as raw or decoded bytes pass `max_bytes`."""
    status = resp.status_code
    decoder = _BodyDecoder(url, resp.headers.get("content-encoding", ""), max_bytes)
    chunks: list[bytes] = []
    raw_size = 0
    try:
        for raw in resp.iter_raw():
            raw_size += len(raw)
            if raw_size > max_bytes:
                raise too_large(url, max_bytes, status)
            chunks.append(decoder.push(raw))
            if time.monotonic() > deadline:
                raise deadline_error(url, status, reading=True)
        chunks.append(decoder.flush())
    except _TooLarge:
        raise too_large(url, max_bytes, status, decoded=True) from None
    except zlib.error as exc:
        raise PermanentFetchError(url, f"undecodable body: {exc}", status) from None
    return b"".join(chunks)


class _TooLarge(Exception):
    """A decoding layer produced more bytes than allowed."""

class _Layer:
    """One gzip/deflate layer whose total output never exceeds `limit` (+1 byte to detect it)."""

    def __init__(self, coding: str, limit: int) -> None:
        self.coding = coding
        self.limit = limit
        self.produced = 0
        self._started = False
        self._inflate = self._new()

    def _new(self) -> Any:
        return zlib.decompressobj(16 + zlib.MAX_WBITS if self.coding == "gzip" else zlib.MAX_WBITS)

    def push(self, data: bytes) -> bytes:
        out: list[bytes] = []
        while data:
            try:
                # max_length bounds what one call may allocate: a 64 KB read of a bomb would
                # otherwise inflate to ~64 MB before any size check could run.
                piece = self._inflate.decompress(data, self.limit - self.produced + 1)
            except zlib.error:
                if self.coding == "deflate" and not self._started:
                    # "deflate" is sent both zlib-wrapped and raw; try raw once, like browsers.
                    self._started = True
                    self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise
            self._started = True
            self.produced += len(piece)
            if self.produced > self.limit:
                raise _TooLarge
            out.append(piece)
            data = self._inflate.unconsumed_tail
            if not data and self._inflate.eof and self._inflate.unused_data:
                rest = self._inflate.unused_data
                if self.coding != "gzip" or not rest.startswith(b"\x1f\x8b"):
                    break  # trailing junk after the stream is ignored, as httpx and browsers do
                self._inflate = self._new()  # a further gzip member
                data = rest
        return b"".join(out)

    def flush(self) -> bytes:
        piece = self._inflate.flush()
        self.produced += len(piece)
        if self.produced > self.limit:
            raise _TooLarge
        return piece


class _BodyDecoder:
    """Undoes Content-Encoding layers (gzip, deflate) with every layer's output bounded."""

    def __init__(self, url: str, header: str, max_bytes: int) -> None:
        codings = [c.strip().lower() for c in header.split(",") if c.strip()]
        codings = ["gzip" if c == "x-gzip" else c for c in codings if c != "identity"]
        for coding in codings:
            if coding not in ("gzip", "deflate"):
                raise PermanentFetchError(url, f"unsupported Content-Encoding {coding[:40]!r}")
        if len(codings) > _MAX_CODINGS:
            raise PermanentFetchError(url, f"too many Content-Encoding layers ({len(codings)})")
        # Undo the last-applied coding first. Inner layers output compressed data, which can only
        # be a little larger than the final body, so twice the cap is a safe bound for them.
        order = list(reversed(codings))
        self._layers = [
            _Layer(coding, max_bytes if i == len(order) - 1 else 2 * max_bytes + 1024)
            for i, coding in enumerate(order)
        ]

    def push(self, data: bytes) -> bytes:
        for layer in self._layers:
            data = layer.push(data)
        return data

    def flush(self) -> bytes:
        data = b""
        for layer in self._layers:
            data = layer.push(data) + layer.flush() if data else layer.flush()
        return data
