"""What every table, view and column means, stored in the database itself (`COMMENT ON`).

Users open the DuckDB file from the DuckDB CLI, Python, notebooks or DBeaver; the comments travel
with the file (and its snapshot), so `SELECT * FROM duckdb_columns()` or DBeaver's column list
answer "what is this?" without our code. `docs/schema.md` is generated from the same comments
(`python -m cli.docs`). Comments are applied on every writable open by `storage.views.apply_views`;
only missing or changed ones are written, and an object or column that does not exist (yet) is
skipped, so documentation can never stop the database from opening.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import duckdb

from ingest.models import Frozen
from storage.bulk import is_lake

Kind = Literal["table", "view"]


class ObjectDoc(NamedTuple):
    """The description of one table or view and of each of its columns."""

    name: str
    kind: Kind
    description: str
    columns: dict[str, str]


class CatalogColumn(Frozen):
    """A column as the database's catalog describes it."""

    name: str
    data_type: str
    nullable: bool
    comment: str | None


class CatalogObject(Frozen):
    """A table or view as the database's catalog describes it, with its columns in order."""

    name: str
    kind: Kind
    comment: str | None
    columns: tuple[CatalogColumn, ...]


_UTC = "UTC, no time zone stored"
_ARTICLE_FK = "Article (joins articles.article_id)."

_ROUNDS_OVERVIEW_COLUMNS: dict[str, str] = {
    "round_id": "Round id ('r_' + 12 hex); joins rounds.round_id, round_articles.round_id, alerts.round_id.",
    "company": "Parent company that cut jobs (subsidiaries such as AWS or Twitch are under 'Amazon').",
    "units": "Business units named (e.g. ['AWS']); empty list = company-wide or not specified.",
    "announced_on": "Date the layoff was announced (the earliest official date, else the earliest leak date).",
    "status": "'confirmed' (the company confirmed it, or 2+ outlets reported it without leaks) or 'reported'.",
    "headcount": "Best current figure of jobs cut (official beats leaked, exact beats approximate); NULL when "
    "unknown or only vague ('several hundred': see headcount_min/max and headcount_text).",
    "headcount_min": "Lower bound of the job-cut figure when reported as a range; NULL otherwise.",
    "headcount_max": "Upper bound of the job-cut figure when reported as a range or 'up to'; NULL otherwise.",
    "headcount_text": "The figure as written in the coverage (e.g. 'about 14,000', 'several hundred').",
    "headline": "The round's first report as its outlet titled it (the earliest linked article's headline).",
    "title": "Summary line layoffwatch writes from the round's facts, e.g. 'Amazon cuts 16,000 jobs (announced "
    "2026-01-28)'; not a headline (see headline).",
    "article_count": "Articles linked to the round, as counted by round matching.",
    "source_count": "Distinct outlets reporting the round, as counted by round matching.",
    "sources": "Outlets that covered the round, in order of their first article.",
    "linked_articles": "Rows in round_articles for this round (articles, syndicated copies included).",
    "first_outlet": "Outlet of the earliest-published linked article: who broke it, as far as our feeds saw.",
    "first_url": "Link to that earliest article as the feed gave it (articles.url; the canonical form is for deduplication).",
    "first_coverage_at": f"Publication time of the earliest linked article ({_UTC}).",
    "last_coverage_at": f"Publication time of the latest linked article ({_UTC}).",
    "first_seen_at": f"When the pipeline first saw the round ({_UTC}); drives alert freshness.",
    "last_seen_at": f"When an article last joined the round ({_UTC}).",
    "evidence": "Sentence from the coverage that supports the round's figure and status.",
    "matcher_version": "Version of the round-matching rules that last wrote the round.",
    "updated_at": f"When the round row was last written ({_UTC}).",
}

# Views first: they answer most questions. Then tables in the order data flows through them.
SCHEMA_DOCS: tuple[ObjectDoc, ...] = (
    ObjectDoc(
        "rounds_overview",
        "view",
        "One row per layoff round (one real-world layoff action by one parent company), with the "
        "outlets that covered it and when. Newest announcement first. Built from rounds, "
        "round_articles and articles.",
        _ROUNDS_OVERVIEW_COLUMNS,
    ),
    ObjectDoc(
        "amazon_rounds",
        "view",
        "rounds_overview restricted to company = 'Amazon' (AWS, Twitch, Prime Video, MGM, Whole "
        "Foods, Zoox, Audible, Ring... included). Same columns as rounds_overview.",
        _ROUNDS_OVERVIEW_COLUMNS,  # same columns
    ),
    ObjectDoc(
        "layoff_stories",
        "view",
        "One row per canonical article (duplicates excluded: articles.duplicate_of IS NULL) whose "
        "latest classification labels it layoff_report or layoff_mention, with that classification.",
        {
            "article_id": _ARTICLE_FK,
            "published_at": f"Publication time ({_UTC}).",
            "title": "Headline.",
            "url": "Link as found in the feed: the one to open.",
            "canonical_url": "Normalised URL used to find duplicates (tracking parameters, AMP and wrappers removed, "
            "https assumed); it may not open on an http-only site.",
            "source": "Outlet: the feed's source name, else the page's site name, else the URL's host, else the feed.",
            "feed": "Configured feed it came from (joins feeds.name).",
            "label": "'layoff_report' (reports a specific layoff action) or 'layoff_mention' (mentions layoffs, e.g. past cuts, without reporting a new one).",
            "companies": "Parent companies acting, the main one first.",
            "units": "Business units named; empty = company-wide or not specified.",
            "headcount": "Jobs cut as a single figure; NULL when none is given.",
            "headcount_min": "Lower bound when a range is given.",
            "headcount_max": "Upper bound when a range or 'up to' is given.",
            "headcount_approx": "True when the figure is approximate ('about', 'roughly', 'nearly').",
            "headcount_text": "The figure as written in the article.",
            "headcount_pct": "Share of the workforce cut, in percent (5.0 = 5 %); NULL when not given.",
            "announced_on": "Date the article says the layoff was announced; NULL when it does not say.",
            "is_leak": "True when the article relies on unnamed sources rather than the company.",
            "evidence": "Sentence the classifier based its verdict on.",
            "confidence": "Classifier confidence, 0 to 1.",
            "classifier_version": "Version of the classifier that produced this verdict.",
            "classified_at": f"When it was classified ({_UTC}).",
            "round_id": "Round the article was grouped into (joins rounds.round_id); NULL for mentions and unmatched stories.",
            "fetched_at": f"When the pipeline fetched it ({_UTC}).",
        },
    ),
    ObjectDoc(
        "weekly_layoff_volume",
        "view",
        "Layoff stories (from layoff_stories) per company per ISO week (Monday to Sunday, UTC). A "
        "story naming two companies counts for each; stories naming none have company NULL. "
        "Newest week first.",
        {
            "week_start": "Monday the ISO week starts on (UTC date of published_at).",
            "iso_week": "ISO year and week, e.g. '2026-W05'.",
            "company": "Parent company named by the story; NULL when it names none.",
            "stories": "Layoff stories that week (reports + mentions).",
            "reports": "Stories labelled layoff_report.",
            "mentions": "Stories labelled layoff_mention.",
        },
    ),
    ObjectDoc(
        "feed_health",
        "view",
        "One row per configured feed: is it working, when did it last work or fail, and how busy "
        "it was over the last 24 hours and 7 days (counted from feed_fetches, relative to now "
        "in UTC). Failing feeds first.",
        {
            "feed": "Feed name (joins feeds.name, feed_fetches.feed, articles.feed).",
            "url": "Feed URL.",
            "tags": "Tags from the feeds file.",
            "status": "'ok', 'failing' (last fetch failed, due again), 'backing_off' (failed; waits until next_attempt_at) or 'never_fetched'.",
            "last_success_at": f"Last fetch that worked ({_UTC}).",
            "last_fetched_at": f"Last fetch attempt, whatever its outcome ({_UTC}).",
            "last_failure_at": f"Last fetch that failed ({_UTC}); NULL when none is logged.",
            "last_error": "Error of the latest fetch when it failed; NULL when it worked.",
            "consecutive_failures": "Failed fetches in a row (0 when the latest worked).",
            "next_attempt_at": f"Backing off until then ({_UTC}); NULL when not backing off.",
            "fetches_24h": "Fetches in the last 24 hours.",
            "failures_24h": "Failed fetches in the last 24 hours.",
            "fetches_7d": "Fetches in the last 7 days.",
            "failures_7d": "Failed fetches in the last 7 days.",
            "items_seen_7d": "Feed items seen over the last 7 days' fetches (the same item counts each time).",
            "new_items_7d": "Items new to the database over the last 7 days.",
            "added_at": f"When the feed was first configured ({_UTC}).",
        },
    ),
    ObjectDoc(
        "alerts_log",
        "view",
        "One row per alert (one message about one round to one channel), with the round it is "
        "about. Newest first. Channel URLs are shown redacted; payloads stay in alerts.",
        {
            "alert_id": "Alert id (joins alerts.alert_id).",
            "round_id": "Round announced (joins rounds.round_id).",
            "company": "The round's company.",
            "round_title": "The round's summary line (rounds.title).",
            "announced_on": "The round's announcement date.",
            "headcount": "The round's current headcount (may have changed since the alert).",
            "kind": "'new_round' (first alert about a round) or 'round_update' (confirmed, or figure changed).",
            "channel": "Channel, redacted (secrets replaced by ***).",
            "status": "'pending', 'sent', 'failed' (retried by the next run), 'given_up' (failed 10 times over 24 hours; no retry) or 'suppressed' (recorded, never sent; see reason).",
            "reason": "Why it was suppressed or what changed (for updates); NULL otherwise.",
            "attempts": "Delivery attempts so far.",
            "last_error": "Error of the latest failed attempt, redacted; NULL after success.",
            "created_at": f"When the alert was queued ({_UTC}).",
            "next_attempt_at": f"Next retry of a failed alert ({_UTC}); NULL when none is planned.",
            "sent_at": f"When it was delivered ({_UTC}); NULL until sent.",
        },
    ),
    ObjectDoc(
        "feeds",
        "table",
        "One row per configured feed, with its conditional-GET validators and health. Rows stay "
        "when a feed is removed from the feeds file.",
        {
            "name": "Feed name from the feeds file; unique (joins feed_fetches.feed, articles.feed).",
            "url": "Feed URL (RSS or Atom).",
            "tags": "Tags from the feeds file.",
            "etag": "ETag of the last successful response, sent back as If-None-Match.",
            "last_modified": "Last-Modified of the last successful response, sent back as If-Modified-Since.",
            "last_fetched_at": f"Last fetch attempt ({_UTC}).",
            "last_success_at": f"Last fetch that worked ({_UTC}).",
            "consecutive_failures": "Failed fetches in a row (0 when the latest worked).",
            "last_error": "Error of the latest fetch when it failed; NULL when it worked.",
            "next_attempt_at": f"Backing off until then ({_UTC}); NULL when not backing off.",
            "added_at": f"When the feed was first configured ({_UTC}).",
        },
    ),
    ObjectDoc(
        "feed_fetches",
        "table",
        "One row per fetch of one feed in one run (skipped feeds that are backing off log no row).",
        {
            "fetch_id": "Fetch id; unique.",
            "run_id": "Prefect flow run id of the ingest run.",
            "feed": "Feed name (joins feeds.name).",
            "url": "URL fetched.",
            "started_at": f"When the fetch started ({_UTC}).",
            "duration_ms": "How long it took, in milliseconds (retries included).",
            "http_status": "HTTP status of the final response; NULL when none came (network error).",
            "not_modified": "True when the server answered 304 Not Modified (nothing new).",
            "items_seen": "Items in the feed response.",
            "new_items": "Items that were new to the database.",
            "error": "What went wrong; NULL when the fetch worked.",
        },
    ),
    ObjectDoc(
        "articles",
        "table",
        "One row per article (feed item), with its extracted text. Copies of the same article "
        "are kept and point at their original through duplicate_of.",
        {
            "article_id": "Stable id: first 16 hex of sha256 of the canonical URL. Joins every table's article_id.",
            "url": "Link as found in the feed: the one to open.",
            "canonical_url": "Normalised URL used to find duplicates (tracking parameters, AMP and wrappers removed, "
            "https assumed; the page's own canonical when sane); it may not open on an http-only site.",
            "feed": "Feed it came from (joins feeds.name).",
            "source_name": "Outlet named by the feed item (e.g. Google News' <source>); NULL when absent.",
            "title": "Headline.",
            "summary": "Summary from the feed item; '' when none.",
            "text": "Main text extracted from the page; '' when extraction failed.",
            "author": "Author from the page metadata.",
            "site_name": "Site name from the page metadata.",
            "language": "Language code from the page metadata, else the one the classifier detected in the text.",
            "published_at": f"Publication time ({_UTC}); never in the future.",
            "published_source": "Where published_at came from: 'feed', 'page' or 'fetched' (no date given: the fetch time).",
            "fetched_at": f"When the page was fetched ({_UTC}).",
            "http_status": "HTTP status of the page fetch; NULL when it was not fetched.",
            "extraction_status": "'ok', 'no_text' (page had no readable text), 'fetch_failed', 'blocked' (refused by policy) or 'not_fetched'.",
            "extraction_error": "Why extraction failed; NULL when it worked.",
            "text_hash": "Hash of the normalised text (equal hashes = same text); NULL until deduplicated.",
            "duplicate_of": "article_id of the original when this is a copy (see duplicates for why); NULL for originals.",
        },
    ),
    ObjectDoc(
        "article_html",
        "table",
        "One row per article whose page was fetched: the raw HTML, compressed, so text can be "
        "re-extracted without fetching again. Not included in exports.",
        {
            "article_id": _ARTICLE_FK,
            "encoding": "Compression of html: 'zstd' (Python: zstandard.ZstdDecompressor().decompress(html)); pages stored before zstd are 'zlib' (zlib.decompress(html)).",
            "raw_size": "Size of the uncompressed page, in bytes.",
            "html": "The compressed page bytes.",
        },
    ),
    ObjectDoc(
        "duplicates",
        "table",
        "One row per article found to be a copy of another (same URL, same text, or near-identical "
        "text), with why. The first decision stands.",
        {
            "article_id": "The copy (joins articles.article_id).",
            "duplicate_of": "The original it copies (joins articles.article_id); never itself a copy.",
            "method": "'url' (same canonical URL), 'exact' (same normalised text) or 'near' (estimated text similarity at or above threshold).",
            "score": "Similarity that decided it, 0 to 1 (1 for url and exact matches).",
            "threshold": "Similarity needed at the time of the decision.",
            "dedup_version": "Version of the duplicate detection that decided it.",
            "decided_at": f"When it was decided ({_UTC}).",
        },
    ),
    ObjectDoc(
        "dedup_signatures",
        "table",
        "One row per deduplicated article: the text fingerprint used to find copies. Internal to "
        "duplicate detection.",
        {
            "article_id": _ARTICLE_FK,
            "text_hash": "Hash of the normalised text.",
            "shingle_count": "Distinct 5-word shingles in the normalised text.",
            "minhash": "MinHash signature (128 values); NULL when the text is too short.",
            "dedup_version": "Signature version; only equal versions are compared.",
        },
    ),
    ObjectDoc(
        "dedup_bands",
        "table",
        "Locality-sensitive-hashing buckets of original (non-copy) articles: one row per article "
        "and band. Internal to duplicate detection.",
        {
            "band": "Band number (0-31).",
            "bucket": "Hash of the band's MinHash values.",
            "article_id": _ARTICLE_FK,
        },
    ),
    ObjectDoc(
        "url_resolutions",
        "table",
        "Cache of wrapper links (e.g. Google News) resolved to the publisher's URL: one row per "
        "wrapper URL.",
        {
            "url": "Wrapper URL.",
            "resolved_url": "Publisher URL it leads to; NULL when resolving failed.",
            "method": "How it was resolved (e.g. 'decoded', 'redirect', 'batchexecute') or 'failed'.",
            "resolved_at": f"When it was resolved ({_UTC}).",
        },
    ),
    ObjectDoc(
        "classifications",
        "table",
        "One row per article and classifier version: is it about layoffs, and the facts extracted. "
        "layoff_stories shows the latest one per article.",
        {
            "article_id": _ARTICLE_FK,
            "classifier_version": "Version of the classifier.",
            "label": "'layoff_report' (reports a specific layoff action), 'layoff_mention' (mentions layoffs without reporting a new one) or 'not_layoff'.",
            "confidence": "Classifier confidence, 0 to 1.",
            "companies": "Parent companies acting, the main one first.",
            "units": "Business units named; empty = company-wide or not specified.",
            "headcount": "Jobs cut as a single figure; NULL when none is given.",
            "headcount_min": "Lower bound when a range is given.",
            "headcount_max": "Upper bound when a range or 'up to' is given.",
            "headcount_approx": "True when the figure is approximate.",
            "headcount_text": "The figure as written in the article.",
            "headcount_pct": "Share of the workforce cut, in percent (5.0 = 5 %).",
            "announced_on": "Date the article says the layoff was announced.",
            "is_leak": "True when the article relies on unnamed sources rather than the company.",
            "evidence": "Sentence the verdict is based on.",
            "classified_at": f"When it was classified ({_UTC}).",
        },
    ),
    ObjectDoc(
        "rounds",
        "table",
        "One row per layoff round: one real-world layoff action by one parent company, however "
        "many outlets covered it. rounds_overview adds its outlets and coverage times.",
        {
            "round_id": "Round id ('r_' + 12 hex); joins round_articles.round_id, alerts.round_id.",
            "company": "Parent company (subsidiaries such as AWS or Twitch are under 'Amazon').",
            "units": "Business units named; empty = company-wide or not specified.",
            "announced_on": "Date announced (the earliest official date, else the earliest leak date).",
            "first_seen_at": f"When the pipeline first saw the round ({_UTC}).",
            "last_seen_at": f"When an article last joined the round ({_UTC}).",
            "headcount": "Best current figure of jobs cut; NULL when unknown or only vague (see headcount_min/max).",
            "headcount_min": "Lower bound when reported as a range.",
            "headcount_max": "Upper bound when reported as a range or 'up to'.",
            "headcount_text": "The figure as written in the coverage.",
            "status": "'confirmed' (the company confirmed it, or 2+ outlets without leaks) or 'reported'.",
            "article_count": "Articles linked to the round.",
            "source_count": "Distinct outlets reporting it.",
            "title": "Summary line layoffwatch writes from the round's facts (not a headline).",
            "headline": "Headline of the round's earliest linked article, as its outlet wrote it.",
            "evidence": "Sentence supporting the figure and status.",
            "matcher_version": "Version of the round-matching rules that last wrote it.",
            "updated_at": f"When the row was last written ({_UTC}).",
        },
    ),
    ObjectDoc(
        "round_articles",
        "table",
        "One row per article grouped into a round (an article belongs to at most one round).",
        {
            "article_id": _ARTICLE_FK,
            "round_id": "Round (joins rounds.round_id).",
            "role": "'announcement', 'coverage', 'leak' or 'update'.",
            "score": "How well the article matched the round, 0 to 1.",
            "reason": "Why it was matched, in words.",
            "linked_at": f"When it was linked ({_UTC}).",
        },
    ),
    ObjectDoc(
        "alerts",
        "table",
        "Alert outbox: one row per message about one round event to one channel. A row exists "
        "once per idempotency key, which is how an alert is never sent twice.",
        {
            "alert_id": "Alert id ('a_' + 16 hex of the idempotency key).",
            "idempotency_key": "round_id:kind[:state]:channel id; unique.",
            "round_id": "Round (joins rounds.round_id).",
            "kind": "'new_round' or 'round_update'.",
            "channel": "Channel URL, redacted (secrets replaced by ***).",
            "status": "'pending', 'sent', 'failed' or 'suppressed' (recorded, never sent; see reason).",
            "reason": "Why it was suppressed or what changed; NULL otherwise.",
            "attempts": "Delivery attempts so far.",
            "last_error": "Error of the latest failed attempt, redacted.",
            "created_at": f"When it was queued ({_UTC}).",
            "next_attempt_at": f"Next retry ({_UTC}); NULL when none is planned.",
            "sent_at": f"When it was delivered ({_UTC}).",
            "payload": "The message's data as JSON (title, company, headcount, sources...).",
        },
    ),
    ObjectDoc(
        "backfill_windows",
        "table",
        "Progress of backfills over past news: one row per source, query and time window searched.",
        {
            "source": "Where past news was searched: gnews (Google News search), gdelt (GDELT DOC API) or wayback (Internet Archive captures of the configured feeds).",
            "query": "Search query; for wayback `feeds:<hash of the feed URLs>`, since captures depend on the feed list.",
            "window_start": f"Start of the time window searched, inclusive ({_UTC}).",
            "window_end": f"End of the time window searched, exclusive ({_UTC}).",
            "status": "pending (planned), running (started; left so by a killed run), done, or failed (retried by the next backfill of the range).",
            "items": "Items found in the window.",
            "new_items": "Items that were new to the database.",
            "attempts": "Attempts so far.",
            "error": "Error of the latest attempt; NULL when it worked.",
            "updated_at": f"When the row was last written ({_UTC}).",
        },
    ),
    ObjectDoc(
        "schema_migrations",
        "table",
        "One row per schema migration applied to this file.",
        {
            "version": "Migration number.",
            "name": "What the migration added.",
            "applied_at": f"When it was applied ({_UTC}).",
        },
    ),
    ObjectDoc(
        "layoffwatch_meta",
        "table",
        "Internal bookkeeping of the installed layoffwatch version (e.g. which view definitions are applied).",
        {
            "key": "What the value is about (e.g. `views`).",
            "value": "A version or fingerprint.",
            "updated_at": f"When it was last written ({_UTC}).",
        },
    ),
)

def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _current_comments(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, tuple[Kind, str | None]], dict[tuple[str, str], str | None]]:
    objects = con.execute(
        """
        SELECT table_name, 'table', comment FROM duckdb_tables()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
        UNION ALL
        SELECT view_name, 'view', comment FROM duckdb_views()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
        """
    ).fetchall()
    columns = con.execute(
        """
        SELECT table_name, column_name, comment FROM duckdb_columns()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        """
    ).fetchall()
    return (
        {name: (kind, comment) for name, kind, comment in objects},
        {(table, column): comment for table, column, comment in columns},
    )


def comment_statements(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Return the COMMENT ON statements needed to bring the database's comments up to date."""
    objects, columns = _current_comments(con)
    # A DuckLake stores no comments on a view's columns (it refuses them): there, docs/schema.md has them.
    view_columns = not is_lake(con)
    statements = []
    for doc in SCHEMA_DOCS:
        if doc.name not in objects:
            continue
        kind, current = objects[doc.name]
        if current != doc.description:
            statements.append(f"COMMENT ON {kind.upper()} {_quote(doc.name)} IS {_literal(doc.description)}")
        for column, text in doc.columns.items():
            key = (doc.name, column)
            if key in columns and columns[key] != text and (kind == "table" or view_columns):
                statements.append(f"COMMENT ON COLUMN {_quote(doc.name)}.{_quote(column)} IS {_literal(text)}")
    return statements


def apply_comments(con: duckdb.DuckDBPyConnection) -> int:
    """Write every missing or changed description into the database; return how many were written."""
    statements = comment_statements(con)
    if statements:
        con.execute(";\n".join(statements))
    return len(statements)


def read_catalog(con: duckdb.DuckDBPyConnection) -> list[CatalogObject]:
    """Return every table and view of the database with its comment and columns, documented order first."""
    objects, _ = _current_comments(con)
    rows = con.execute(
        """
        SELECT table_name, column_name, data_type, is_nullable, comment FROM duckdb_columns()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        ORDER BY table_name, column_index
        """
    ).fetchall()
    columns: dict[str, list[CatalogColumn]] = {}
    for table, column, data_type, nullable, comment in rows:
        columns.setdefault(table, []).append(
            CatalogColumn(name=column, data_type=data_type, nullable=nullable, comment=comment)
        )
    order = {doc.name: index for index, doc in enumerate(SCHEMA_DOCS)}
    return [
        CatalogObject(name=name, kind=kind, comment=comment, columns=tuple(columns.get(name, ())))
        for name, (kind, comment) in sorted(objects.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))
    ]
