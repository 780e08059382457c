"""Reading the user's feeds file (TOML `[[feeds]]` tables)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import ValidationError

from ingest.models.errors import ConfigError
from ingest.models import FeedConfig


def load_feeds(path: Path) -> list[FeedConfig]:
    """Return the feeds declared in `path`; a malformed file raises a one-line ConfigError."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), "feeds file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"not valid TOML: {exc}") from None
    entries = data.get("feeds")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(str(path), "expected at least one [[feeds]] table")
    feeds: list[FeedConfig] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        label = f"feed #{index}" + (f" ({entry.get('name')!r})" if isinstance(entry, dict) and entry.get("name") else "")
        try:
            feed = FeedConfig.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "entry"
            raise ConfigError(str(path), f"{label}: {where}: {first['msg']}") from None
        if not feed.url.startswith(("http://", "https://")):
            raise ConfigError(str(path), f"{label}: url must start with http:// or https://")
        if feed.name in seen:
            raise ConfigError(str(path), f"{label}: duplicate feed name")
        seen.add(feed.name)
        feeds.append(feed)
    return feeds
