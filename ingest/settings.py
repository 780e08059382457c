"""All settings in one pydantic-settings class; every field reads `LAYOFFWATCH_<NAME>`.

The README's settings table is generated from the field descriptions here (tests check it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from ingest.models.shards import Shard, parse_shard

DEFAULT_FEEDS = Path(__file__).parent / "data" / "feeds.toml"
GNEWS_URL = "https://news.google.com/rss/search"
GDELT_URL = "https://api.gdeltproject.org/api/v2/doc/doc"
WAYBACK_URL = "https://web.archive.org/cdx/search/cdx"
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s#]*$")  # absolute, no spaces, no fragment


def _split(value: object) -> object:
    """Accept a comma/space separated string or a JSON-ish list for list settings."""
    if isinstance(value, str):
        value = value.strip()
        if value.startswith("["):
            import json

            return json.loads(value)
        return [part for part in value.replace(",", " ").split() if part]
    return value


LAKE_PREFIX = "ducklake:postgres:"
_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s'\"]+)|(://[^:/@\s]*:)([^@\s]*)(@)", re.I)


class LakeTarget(BaseModel):
    """A DuckLake: its catalog in a PostgreSQL database (libpq conninfo), its Parquet files under `data_path`."""

    model_config = ConfigDict(frozen=True)

    catalog: str = Field(min_length=1)
    # Needed only when the lake is created: DuckLake stores it in the catalog for every later attach.
    data_path: str | None = None

    def __str__(self) -> str:
        """Return the lake's URI with any password masked (it is printed in messages and logs)."""
        return LAKE_PREFIX + mask_passwords(self.catalog)


def mask_passwords(text: str) -> str:
    """Return `text` with the passwords of libpq conninfos and URLs in it replaced by `***`."""
    return _PASSWORD.sub(lambda m: f"{m[1]}***" if m[1] else f"{m[3]}***{m[5]}", text)


def lake_target(uri: str, data_path: str | None = None) -> LakeTarget:
    """Return the DuckLake named by `ducklake:postgres:<libpq conninfo>`; raise ValueError otherwise."""
    text = uri.strip()
    if not text.lower().startswith(LAKE_PREFIX):
        raise ValueError(f"a DuckLake is written {LAKE_PREFIX}<libpq conninfo> (a PostgreSQL catalog), not {text[:40]!r}")
    catalog = text[len(LAKE_PREFIX):].strip()
    if not catalog:
        raise ValueError(f"{LAKE_PREFIX} needs a conninfo, e.g. {LAKE_PREFIX}host=db.internal dbname=lake user=layoffwatch")
    return LakeTarget(catalog=catalog, data_path=data_path or None)


def is_lake_uri(value: object) -> bool:
    """Return whether a LAYOFFWATCH_DB value names a DuckLake rather than a DuckDB file."""
    return isinstance(value, str | Path) and str(value).strip().lower().startswith("ducklake:")


class Settings(BaseSettings):
    """Runtime configuration of layoffwatch."""

    model_config = SettingsConfigDict(env_prefix="LAYOFFWATCH_", extra="ignore", frozen=True)

    feeds: Path = Field(DEFAULT_FEEDS, description="Feeds TOML file: `[[feeds]]` tables with `name`, `url`, optional `tags`.")
    db: Path | LakeTarget = Field(Path("data/layoffwatch.duckdb"), description="DuckDB file the pipeline writes, or a DuckLake many runs write at once: `ducklake:postgres:<libpq conninfo>` (see docs/scale.md).")
    data_path: str | None = Field(None, max_length=2000, description="Where a DuckLake keeps its Parquet files: a folder every writer reaches, or `s3://bucket/prefix`. Needed when the lake is created; ignored for a DuckDB file.")
    shard: Annotated[Shard | None, NoDecode] = Field(None, description="Run only the feeds of shard `K/N` (e.g. `2/4`), split by a stable hash of the feed name; N runs started together fetch every feed once.")
    snapshot: bool = Field(True, description="After every run that wrote anything (fetch log included) and every reclassify/reprocess, publish a read-only copy (`data/layoffwatch.snapshot.duckdb` beside the db) for users to open while runs write.")
    log: Path | None = Field(None, description="File the CLI writes Prefect's run logs and the traceback of any failure to (default: `layoffwatch.log` beside the database); `layoffwatch --debug` prints them on the console instead.")
    alert_urls: Annotated[list[str], NoDecode] = Field(default_factory=list, description="Apprise URLs of alert channels (comma separated), e.g. `slack://...`, `json://host/path`. Secrets are redacted in logs.")
    prefect_notify_blocks: Annotated[list[str], NoDecode] = Field(default_factory=list, description="Names of saved Prefect notification blocks that also receive alerts (comma separated).")
    watched_companies: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["Amazon"], description="Parent companies whose new rounds are alerted.")
    allow_private_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list, description="Hosts or CIDRs article links may reach although private/loopback (`*` for all). Configured feed URLs are always trusted.")
    companies_file: Path | None = Field(None, description="Extra company alias TOML merged over the shipped table.")
    user_agent: str = Field("layoffwatch/0.1 (+https://github.com/layoffwatch/layoffwatch; news monitoring bot)", description="User-Agent sent with every request.")
    http_timeout: float = Field(20.0, gt=0, le=300, description="Seconds for one HTTP request in total (connect + headers + body).")
    max_response_bytes: int = Field(5_000_000, ge=10_000, le=100_000_000, description="Largest response body accepted (checked while streaming).")
    http_retries: int = Field(2, ge=0, le=10, description="Retries of a feed fetch on 5xx/429/network errors (with backoff, honouring Retry-After).")
    http_retry_backoff: float = Field(0.5, ge=0, le=60, description="Seconds before the first retry of a failed fetch without Retry-After; each further retry waits twice as long.")
    max_retry_after: float = Field(60.0, ge=0, le=3600, description="Longest Retry-After wait honoured inside a run; longer ones retry next run.")
    page_concurrency: int = Field(8, ge=1, le=64, description="Article pages fetched at once.")
    per_host_concurrency: int = Field(2, ge=1, le=16, description="Article pages fetched at once from one host (politeness).")
    per_host_delay: float = Field(0.0, ge=0, le=60, description="Seconds between two requests to the same host.")
    extract_workers: int = Field(0, ge=0, le=64, description="Processes extracting text (0 = one per CPU core).")
    pool_min_pages: int = Field(48, ge=1, le=100_000, description="Fewest new pages (or new feed entries) for which a run starts extraction worker processes; fewer are handled in the run's own process, where starting workers would cost more than it saves.")
    chunk_pages: int = Field(24, ge=1, le=1000, description="Pages handed to an extraction worker at once: big enough to batch signatures, small enough to start early.")
    max_entries_per_feed: int = Field(500, ge=1, le=100_000, description="Newest entries taken from one feed per run.")
    read_lock_timeout: float = Field(5.0, ge=0, le=600, description="Seconds `query`, `rounds`, `stories` and the other data commands wait for a run to release the database before pointing at the snapshot.")
    lock_timeout: float = Field(120.0, ge=0, le=3600, description="Seconds a run waits for a user's DuckDB session to release the file (on a DuckLake: for another run's write to finish).")
    round_window_days: int = Field(7, ge=1, le=90, description="Days between announcements that may still be one round.")
    alert_freshness_days: int = Field(3, ge=0, le=36500, description="Rounds announced longer than this before first seen are recorded as suppressed, not sent.")
    alert_updates: bool = Field(True, description="Send a `round_update` alert when a round is confirmed or its headcount changes materially.")
    alert_timeout: float = Field(10.0, gt=0, le=120, description="Seconds one alert delivery may take.")
    schedule_cron: str | None = Field(None, description="Cron schedule for `layoffwatch serve` (overrides the interval).")
    schedule_interval_minutes: int = Field(15, ge=1, le=10_080, description="Minutes between scheduled ingest runs.")
    # Backfill sources: the real services by default; a mirror (or a test's local server) is a URL away.
    gnews_url: str = Field(GNEWS_URL, max_length=2000, description="Google News RSS search endpoint `layoffwatch backfill --source gnews` asks. Query parameters given here (e.g. `?hl=de&gl=DE&ceid=DE:de`) replace the English/US edition.")
    gdelt_url: str = Field(GDELT_URL, max_length=2000, description="GDELT DOC 2.0 API endpoint `layoffwatch backfill --source gdelt` asks.")
    wayback_url: str = Field(WAYBACK_URL, max_length=2000, description="Wayback Machine CDX endpoint `layoffwatch backfill --source wayback` lists captures from; the captures are read from `/web/` beside it (same host and path prefix).")
    gnews_interval: float = Field(2.0, ge=0, le=600, description="Seconds between two backfill requests to Google News (it publishes no limit: stay gentle).")
    gdelt_interval: float = Field(5.0, ge=0, le=600, description="Seconds between two backfill requests to GDELT, which asks for one every 5 s.")
    wayback_interval: float = Field(2.0, ge=0, le=600, description="Seconds between two backfill requests to the Wayback Machine (it throttles bursts).")

    @field_validator("gnews_url", "gdelt_url", "wayback_url")
    @classmethod
    def _endpoint(cls, value: str) -> str:
        if not _HTTP_URL.match(value):
            raise ValueError(f"must be an absolute http(s) URL such as https://host/path, not {value!r}")
        return value

    @field_validator("alert_urls", "prefect_notify_blocks", "watched_companies", "allow_private_hosts", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        return _split(value)

    @field_validator("shard", mode="before")
    @classmethod
    def _shard(cls, value: object) -> object:
        return parse_shard(value) if isinstance(value, str) else value

    @model_validator(mode="before")
    @classmethod
    def _lake(cls, data: Any) -> Any:
        # The data path is another variable: the two are joined here, so the lake travels as one value.
        if isinstance(data, dict) and is_lake_uri(data.get("db")):
            return {**data, "db": lake_target(str(data["db"]), data.get("data_path"))}
        return data


PREFECT_BLOCK_SCHEME = "prefect-block://"


def alert_channels(settings: Settings) -> list[str]:
    """Return every alert channel: Apprise URLs, then `prefect-block://<name>` per Prefect block."""
    return [*settings.alert_urls, *(PREFECT_BLOCK_SCHEME + name for name in settings.prefect_notify_blocks)]


def load_settings(**overrides: object) -> Settings:
    """Return settings from the environment, with explicit (CLI) overrides applied."""
    clean: dict[str, Any] = {key: value for key, value in overrides.items() if value is not None}
    return Settings(**clean)
