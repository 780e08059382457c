"""The three backfill sources, each speaking its service's public format.

* `gnews`: Google News RSS search, one query per window with `after:`/`before:` date operators.
* `gdelt`: the GDELT DOC 2.0 API in `ArtList` mode; it returns at most 250 articles per query,
  so a window that comes back full is asked again in halves, down to one hour.
* `wayback`: Internet Archive captures of the configured feeds, listed with the CDX API and
  fetched raw (`id_`), then parsed like a live feed.

Every endpoint is a setting (`LAYOFFWATCH_GNEWS_URL`, `_GDELT_URL`, `_WAYBACK_URL`: a mirror or a
test's local server); the defaults are the real services. Requests go through `Requester` (rate
limit, retries, Retry-After, the host guard trusting the endpoint's host), one per source so each
keeps its own pace.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

from ingest.edges.requester import Requester
from ingest.feeds.backfill import BackfillSource, Listing, SourceError, Window, feed_name, with_params
from ingest.models.errors import FeedParseError, PermanentFetchError
from ingest.feeds.parse import parse_feed, plain_text
from ingest.edges.http import HttpClient
from ingest.models import FeedConfig, FeedEntry, Frozen
from ingest.edges.netguard import HostGuard
from ingest.settings import GDELT_URL, GNEWS_URL, WAYBACK_URL, Settings

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
# Google News search feeds stop at about 100 items: a full answer means the window holds more.
GNEWS_CAP = 100
GDELT_CAP = 250  # the DOC API's `maxrecords` ceiling
# The edition Google News answers in, unless the configured URL names another.
GNEWS_EDITION = {"hl": "en-US", "gl": "US", "ceid": "US:en"}
# A feed captured a day or two after a window still lists that window's last items.
WAYBACK_LOOKAHEAD = timedelta(days=2)
WAYBACK_MAX_SNAPSHOTS = 14  # per feed and window, spread evenly over the captures
_CDX_PATH = "/cdx/search/cdx"


@dataclass(frozen=True)
class _Part:
    """One request's result inside a window search."""

    entries: list[FeedEntry]
    full: bool


def _search(
    window: Window, min_span: timedelta, ask: Callable[[Window], _Part]
) -> tuple[list[FeedEntry], list[Window], list[Window]]:
    """Ask `window`, splitting full answers in halves; return (entries, split windows, capped windows)."""
    entries: list[FeedEntry] = []
    splits: list[Window] = []
    capped: list[Window] = []
    pending = [window]
    while pending:
        current = pending.pop(0)
        part = ask(current)
        halves = current.halves(min_span) if part.full else None
        if halves is None:
            entries.extend(part.entries)
            if part.full:
                capped.append(current)
            continue
        # The halves replace the full answer (it holds only the first N of the window).
        splits.append(current)
        pending[:0] = list(halves)
    return _unique(entries), splits, capped


def _unique(entries: Sequence[FeedEntry]) -> list[FeedEntry]:
    seen: set[str] = set()
    out: list[FeedEntry] = []
    for entry in entries:
        key = entry.url or entry.entry_key
        if key not in seen:
            seen.add(key)
            out.append(entry)
    return out


class GoogleNewsSource:
    """Google News RSS search; the window goes into `q` as `after:` and `before:` operators."""

    name = "gnews"

    def __init__(
        self,
        requester: Requester,
        *,
        base_url: str = GNEWS_URL,
        cap: int = GNEWS_CAP,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.requester = requester
        # The configured URL may name another edition (`?hl=de&gl=DE&ceid=DE:de`).
        self.base_url = with_params(base_url, GNEWS_EDITION, winner="endpoint")
        self.cap = cap
        self._clock = clock or _utcnow

    def query_key(self, query: str) -> str:
        """Return the query as recorded in `backfill_windows`."""
        return query

    def url_for(self, window: Window, query: str) -> str:
        """Return the search URL of a window.

        Google does not document whether `after:`/`before:` include their day, so we ask one day
        wider on each side and keep only entries published inside the window.
        """
        after = window.first_day - timedelta(days=1)
        before = window.last_day + timedelta(days=1)
        q = f"{query} after:{after.isoformat()} before:{before.isoformat()}"
        return with_params(self.base_url, {"q": q}, winner="ours")

    def list_window(self, window: Window, query: str) -> Listing:
        """Return the window's search results (Google News links, publisher in `source_name`)."""
        requests: list[str] = []

        def ask(part: Window) -> _Part:
            url = self.url_for(part, query)
            requests.append(url)
            response = self.requester.get(url, accept=FEED_ACCEPT)
            entries = parse_feed(
                feed_name(self.name), url, response.content, now=self._clock(), max_entries=10_000
            )
            inside = [e for e in entries if e.published_at is None or part.contains(e.published_at)]
            return _Part(inside, full=len(entries) >= self.cap)

        entries, splits, capped = _search(window, timedelta(days=1), ask)
        return Listing(source=self.name, window=window, entries=tuple(entries), requests=tuple(requests),
                       splits=tuple(splits), capped=tuple(capped))


class GdeltSource:
    """GDELT DOC 2.0 `ArtList` search between `startdatetime` and `enddatetime`."""

    name = "gdelt"

    def __init__(
        self,
        requester: Requester,
        *,
        base_url: str = GDELT_URL,
        max_records: int = GDELT_CAP,
        min_span: timedelta = timedelta(hours=1),
    ) -> None:
        self.requester = requester
        self.base_url = base_url
        self.max_records = max_records
        self.min_span = min_span

    def query_key(self, query: str) -> str:
        """Return the query as recorded in `backfill_windows`."""
        return query

    def url_for(self, window: Window, query: str) -> str:
        """Return the API URL of a window (GDELT's end time is inclusive: one second before ours)."""
        params = {
            "query": query,
            "mode": "ArtList",
            "format": "json",
            "maxrecords": str(self.max_records),
            "startdatetime": f"{window.start:%Y%m%d%H%M%S}",
            "enddatetime": f"{window.end - timedelta(seconds=1):%Y%m%d%H%M%S}",
            "sort": "DateAsc",
        }
        return with_params(self.base_url, params, winner="ours")

    def list_window(self, window: Window, query: str) -> Listing:
        """Return the window's articles, splitting windows that reach the 250-record cap."""
        requests: list[str] = []

        def ask(part: Window) -> _Part:
            url = self.url_for(part, query)
            requests.append(url)
            response = self.requester.get(url, accept="application/json")
            articles = parse_gdelt(url, response.content, response.content_type)
            return _Part(gdelt_entries(articles, feed_name(self.name)), full=len(articles) >= self.max_records)

        entries, splits, capped = _search(window, self.min_span, ask)
        return Listing(source=self.name, window=window, entries=tuple(entries), requests=tuple(requests),
                       splits=tuple(splits), capped=tuple(capped))


def parse_gdelt(url: str, content: bytes, content_type: str = "application/json") -> list[dict]:
    """Return the `articles` of a DOC API JSON answer; a plain-text answer is the API's error message."""
    text = content.decode("utf-8", errors="replace").strip()
    if not text:
        return []
    if "html" in content_type.lower() or not text.startswith("{"):
        # The API reports bad queries ("phrase too short", "invalid date") as a short text page.
        raise SourceError(url, f"GDELT refused the query: {plain_text(text, 200)}")
    try:
        # strict=False: titles sometimes carry raw control characters.
        data = json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        raise SourceError(url, f"GDELT answered with invalid JSON: {exc}") from None
    articles = data.get("articles") if isinstance(data, dict) else None
    return [a for a in articles or [] if isinstance(a, dict)]  # `{}` means no match


def gdelt_entries(articles: Sequence[dict], feed: str) -> list[FeedEntry]:
    """Return FeedEntry items for DOC API articles (seen date as published time, domain as outlet)."""
    entries: list[FeedEntry] = []
    for article in articles:
        url = str(article.get("url") or "").strip()
        if not url.startswith(("http://", "https://")):
            continue
        entries.append(FeedEntry(
            feed=feed,
            entry_key=url[:1000],
            url=url,
            title=plain_text(str(article.get("title") or ""), 500) or url,
            published_at=parse_seendate(str(article.get("seendate") or "")),
            source_name=str(article.get("domain") or "") or None,
        ))
    return entries


def parse_seendate(value: str) -> datetime | None:
    """Return GDELT's `20240110T120000Z` as a naive UTC datetime, or None."""
    try:
        return datetime.strptime(value.strip(), "%Y%m%dT%H%M%SZ")
    except ValueError:
        return None


class Snapshot(Frozen):
    """One Wayback capture of a feed."""

    timestamp: str  # 14 digits, UTC
    original: str

    @property
    def taken_at(self) -> datetime:
        """When the capture was taken (naive UTC)."""
        return datetime.strptime(self.timestamp[:14].ljust(14, "0"), "%Y%m%d%H%M%S")


class WaybackSource:
    """Archived captures of the configured feeds, parsed like live feeds and cut to the window."""

    name = "wayback"

    def __init__(
        self,
        requester: Requester,
        feeds: Sequence[FeedConfig],
        *,
        cdx_url: str = WAYBACK_URL,
        web_url: str | None = None,
        lookahead: timedelta = WAYBACK_LOOKAHEAD,
        max_snapshots: int = WAYBACK_MAX_SNAPSHOTS,
    ) -> None:
        self.requester = requester
        self.feeds = list(feeds)
        self.cdx_url = cdx_url
        self.web_url = (web_url or wayback_web_url(cdx_url)).rstrip("/")
        self.lookahead = lookahead
        self.max_snapshots = max(1, max_snapshots)

    def query_key(self, query: str) -> str:
        """Return what stands for the query in `backfill_windows`: a hash of the feed URLs."""
        # Captures do not depend on the search query, but on which feeds are configured.
        digest = hashlib.sha256("\n".join(sorted(f.url for f in self.feeds)).encode()).hexdigest()
        return f"feeds:{digest[:12]}"

    def cdx_for(self, feed_url: str, window: Window) -> str:
        """Return the CDX listing URL of a feed's captures during the window (plus the lookahead)."""
        last = window.last_day + self.lookahead
        params = {
            "url": feed_url,
            "from": f"{window.first_day:%Y%m%d}",
            "to": f"{last:%Y%m%d}",
            "output": "json",
            "filter": "statuscode:200",
            "collapse": "digest",
        }
        return with_params(self.cdx_url, params, winner="ours")

    def snapshot_url(self, snapshot: Snapshot) -> str:
        """Return the raw (`id_`, not rewritten) capture URL."""
        return f"{self.web_url}/{snapshot.timestamp}id_/{snapshot.original}"

    def list_window(self, window: Window, query: str) -> Listing:
        """Return the entries published inside the window, from every feed's captures."""
        requests: list[str] = []
        skipped: list[str] = []
        entries: list[FeedEntry] = []
        for feed in self.feeds:
            cdx = self.cdx_for(feed.url, window)
            requests.append(cdx)
            response = self.requester.get(cdx, accept="application/json")
            snapshots = thin(parse_cdx(cdx, response.content), self.max_snapshots)
            for snapshot in snapshots:
                url = self.snapshot_url(snapshot)
                requests.append(url)
                try:
                    capture = self.requester.get(url, accept=FEED_ACCEPT)
                    parsed = parse_feed(
                        feed_name(self.name), snapshot.original, capture.content,
                        now=snapshot.taken_at, max_entries=10_000,
                    )
                except (PermanentFetchError, FeedParseError) as exc:
                    # One bad capture (an archived error page, a capture gone) costs only itself;
                    # transient failures propagate and fail the window, so the next run retries.
                    skipped.append(f"{url}: {exc.reason}"[:300])
                    continue
                entries.extend(
                    e for e in parsed
                    if (e.published_at is not None and window.contains(e.published_at))
                    or (e.published_at is None and window.contains(snapshot.taken_at))
                )
        return Listing(source=self.name, window=window, entries=tuple(_unique(entries)),
                       requests=tuple(requests), skipped=tuple(skipped))


def wayback_web_url(cdx_url: str) -> str:
    """Return where the captures of a CDX endpoint are read: `/web` beside `/cdx/search/cdx`, same host."""
    parts = urlsplit(cdx_url)
    # A mirror under a path prefix keeps it (`/archive/cdx/search/cdx` -> `/archive/web`).
    prefix = parts.path.removesuffix(_CDX_PATH) if parts.path.endswith(_CDX_PATH) else ""
    return urlunsplit((parts.scheme, parts.netloc, f"{prefix}/web", "", ""))


def parse_cdx(url: str, content: bytes) -> list[Snapshot]:
    """Return the captures of a CDX `output=json` answer (first row names the fields)."""
    text = content.decode("utf-8", errors="replace").strip()
    if not text:
        return []  # the CDX server answers an empty body when nothing matches
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(url, f"CDX answered with invalid JSON: {exc}") from None
    if not isinstance(rows, list) or not rows:
        return []
    header = rows[0]
    if not isinstance(header, list) or "timestamp" not in header or "original" not in header:
        raise SourceError(url, "CDX answer has no header row with timestamp and original")
    at, orig = header.index("timestamp"), header.index("original")
    snapshots = [
        Snapshot(timestamp=str(row[at]), original=str(row[orig]))
        for row in rows[1:]
        if isinstance(row, list) and len(row) > max(at, orig) and str(row[at]).isdigit()
    ]
    return sorted(snapshots, key=lambda s: s.timestamp)


def thin(snapshots: Sequence[Snapshot], limit: int) -> list[Snapshot]:
    """Return at most `limit` captures spread evenly over the list, first and last kept."""
    if len(snapshots) <= limit:
        return list(snapshots)
    if limit == 1:
        return [snapshots[-1]]
    step = (len(snapshots) - 1) / (limit - 1)
    return [snapshots[round(i * step)] for i in range(limit)]


def build_sources(
    names: Sequence[str],
    client: HttpClient,
    *,
    feeds: Sequence[FeedConfig],
    settings: Settings,
    sleep: Callable[[float], None] | None = None,
) -> dict[str, BackfillSource]:
    """Return the named sources sharing one HTTP client, each with its own rate limiter and guard."""
    def requester(interval: float, endpoint: str) -> Requester:
        kwargs = {"sleep": sleep} if sleep is not None else {}
        # As for a feed: the configured endpoint's host is trusted, where it redirects is vetted.
        guard = HostGuard(settings.allow_private_hosts).trusting(endpoint)
        return Requester(client, guard=guard, min_interval=interval, retries=settings.http_retries,
                         max_retry_after=settings.max_retry_after, backoff=settings.http_retry_backoff,
                         max_bytes=settings.max_response_bytes, timeout=settings.http_timeout, **kwargs)

    sources: dict[str, BackfillSource] = {}
    for name in names:
        if name == "gnews":
            sources[name] = GoogleNewsSource(requester(settings.gnews_interval, settings.gnews_url),
                                             base_url=settings.gnews_url)
        elif name == "gdelt":
            sources[name] = GdeltSource(requester(settings.gdelt_interval, settings.gdelt_url), base_url=settings.gdelt_url)
        elif name == "wayback":
            # The captures are read from the CDX endpoint's host too (`wayback_web_url`).
            sources[name] = WaybackSource(requester(settings.wayback_interval, settings.wayback_url), feeds,
                                          cdx_url=settings.wayback_url)
        else:
            raise ValueError(f"unknown backfill source {name!r} (known: gnews, gdelt, wayback)")
    return sources


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
