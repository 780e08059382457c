"""The error hierarchy; every error carries the URL (or file) and a short reason.

    IngestError
    ├── ConfigError            a feeds/companies file is malformed (user must fix it)
    ├── FetchError             an HTTP fetch did not give us a usable body
    │   ├── TransientFetchError   may heal: 5xx, 429, timeouts, connection errors
    │   └── PermanentFetchError   will not heal by retrying: 4xx, too large, blocked, bad scheme
    ├── FeedParseError         the bytes are not a feed
    └── AlertError             an alert channel refused or timed out

Only `ingest.edges.http` catches `httpx` exceptions; it maps them onto these types. An item's failure is
stored as data (its `str()`); a run fails only on a systemic fault.
"""

from __future__ import annotations


class IngestError(Exception):
    """Base of every error layoffwatch records instead of crashing."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{reason} ({url})" if url else reason)
        self.url = url
        self.reason = reason


class ConfigError(IngestError):
    """A configuration file is malformed."""


class FetchError(IngestError):
    """An HTTP fetch failed."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(url, reason)
        self.status = status


class TransientFetchError(FetchError):
    """A fetch failure that may heal on retry."""

    def __init__(
        self, url: str, reason: str, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(url, reason, status)
        self.retry_after = retry_after


class PermanentFetchError(FetchError):
    """A fetch failure that retrying will not heal."""


class FeedParseError(IngestError):
    """The fetched bytes are not a usable RSS/Atom feed."""


class AlertError(IngestError):
    """An alert channel failed; `url` is already redacted."""
