"""Shards of the feed list: `K/N` picks the feeds whose stable hash falls in shard K of N.

The hash is SHA-256 of the feed's name, so the split is the same on every machine, in every
process and after a restart (Python's `hash()` is salted per process), and N runs started together
with `--shard 1/N` ... `--shard N/N` fetch every feed exactly once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from ingest.models import FeedConfig, Frozen

_SHARD = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{1,4})\s*$")
MAX_SHARDS = 1024


class Shard(Frozen):
    """Shard `index` (1-based) of `count`."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    @property
    def tag(self) -> str:
        """Return a file-name-safe name of the shard, e.g. `shard-2-of-4`."""
        return f"shard-{self.index}-of-{self.count}"


def parse_shard(text: str) -> Shard:
    """Return the shard written `K/N` (1 <= K <= N <= 1024); raise ValueError otherwise."""
    match = _SHARD.match(text)
    if not match:
        raise ValueError(f"a shard is written K/N, e.g. 1/2 or 3/4, not {text!r}")
    index, count = int(match.group(1)), int(match.group(2))
    if not 1 <= count <= MAX_SHARDS:
        raise ValueError(f"the shard count must be between 1 and {MAX_SHARDS}, not {count}")
    if not 1 <= index <= count:
        raise ValueError(f"shard {index}/{count} does not exist: K runs from 1 to {count}")
    return Shard(index=index, count=count)


def shard_of(name: str, count: int) -> int:
    """Return the shard (1-based) of `count` that the feed called `name` belongs to."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def select_feeds(feeds: Sequence[FeedConfig], shard: Shard | None) -> list[FeedConfig]:
    """Return the feeds of `shard`, in their configured order (all of them when None)."""
    if shard is None:
        return list(feeds)
    return [feed for feed in feeds if shard_of(feed.name, shard.count) == shard.index]
