"""Views: derived, so they are (re)created on every writable open instead of migrated.

A view changes meaning only with the code that defines it; recreating them each time keeps the
database's views in step with the installed version without a migration per tweak. The
user-facing descriptions (`COMMENT ON`) live in `storage.schema_docs` and are re-applied here,
because `CREATE OR REPLACE VIEW` drops a view's comments.
"""

from __future__ import annotations

import functools
import hashlib

import duckdb

from storage.schema_docs import SCHEMA_DOCS, apply_comments

# The outlet of an article, as round matching counts sources: the feed's source name (Google
# News names the publisher there), else the page's site name, else the URL's host.
OUTLET_SQL = (
    "coalesce(nullif(trim(a.source_name), ''), nullif(trim(a.site_name), ''),"
    r" nullif(lower(regexp_extract(a.canonical_url, '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\.)?([^/:?#]+)', 1)), ''),"
    " a.feed)"
)

# "Now" as naive UTC whatever the session's TimeZone (every stored timestamp is naive UTC).
_NOW_UTC = "(now() AT TIME ZONE 'UTC')"

VIEWS: dict[str, str] = {
    "layoff_stories": f"""
        CREATE OR REPLACE VIEW layoff_stories AS
        WITH latest AS (
            SELECT * FROM classifications
            QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY classified_at DESC, classifier_version DESC) = 1
        )
        SELECT a.article_id, a.published_at, a.title, a.url, a.canonical_url,
               {OUTLET_SQL} AS source, a.feed,
               c.label, c.companies, c.units, c.headcount, c.headcount_min, c.headcount_max,
               c.headcount_approx, c.headcount_text, c.headcount_pct, c.announced_on, c.is_leak,
               c.evidence, c.confidence, c.classifier_version, c.classified_at,
               ra.round_id, a.fetched_at
        FROM articles a
        JOIN latest c USING (article_id)
        LEFT JOIN round_articles ra USING (article_id)
        WHERE a.duplicate_of IS NULL AND c.label IN ('layoff_report', 'layoff_mention')
    """,
    "rounds_overview": f"""
        CREATE OR REPLACE VIEW rounds_overview AS
        WITH coverage AS (
            SELECT ra.round_id, a.article_id, a.published_at, a.url, {OUTLET_SQL} AS outlet
            FROM round_articles ra JOIN articles a USING (article_id)
        ),
        firsts AS (
            SELECT round_id, outlet AS first_outlet, url AS first_url,
                   published_at AS first_coverage_at
            FROM coverage
            QUALIFY row_number() OVER (PARTITION BY round_id ORDER BY published_at, article_id) = 1
        ),
        outlets AS (
            SELECT round_id, list(outlet ORDER BY first_at, outlet) AS sources,
                   max(last_at) AS last_coverage_at, sum(articles)::INTEGER AS linked_articles
            FROM (
                SELECT round_id, outlet, min(published_at) AS first_at, max(published_at) AS last_at,
                       count(*) AS articles
                FROM coverage GROUP BY round_id, outlet
            )
            GROUP BY round_id
        )
        SELECT r.round_id, r.company, r.units, r.announced_on, r.status,
               r.headcount, r.headcount_min, r.headcount_max, r.headcount_text, r.headline, r.title,
               r.article_count, r.source_count,
               coalesce(o.sources, []::VARCHAR[]) AS sources,
               coalesce(o.linked_articles, 0) AS linked_articles,
               f.first_outlet, f.first_url, f.first_coverage_at, o.last_coverage_at,
               r.first_seen_at, r.last_seen_at, r.evidence, r.matcher_version, r.updated_at
        FROM rounds r
        LEFT JOIN firsts f USING (round_id)
        LEFT JOIN outlets o USING (round_id)
        ORDER BY r.announced_on DESC, r.company, r.round_id
    """,
    "amazon_rounds": """
        CREATE OR REPLACE VIEW amazon_rounds AS
        SELECT * FROM rounds_overview WHERE company = 'Amazon'
    """,
    "feed_health": f"""
        CREATE OR REPLACE VIEW feed_health AS
        WITH clock AS (SELECT {_NOW_UTC} AS now_utc),
        recent AS (
            SELECT x.feed,
                   count(*) FILTER (x.started_at >= clock.now_utc - INTERVAL 24 HOUR) AS fetches_24h,
                   count(*) FILTER (x.started_at >= clock.now_utc - INTERVAL 24 HOUR AND x.error IS NOT NULL) AS failures_24h,
                   count(*) FILTER (x.started_at >= clock.now_utc - INTERVAL 7 DAY) AS fetches_7d,
                   count(*) FILTER (x.started_at >= clock.now_utc - INTERVAL 7 DAY AND x.error IS NOT NULL) AS failures_7d,
                   coalesce(sum(x.items_seen) FILTER (x.started_at >= clock.now_utc - INTERVAL 7 DAY), 0) AS items_seen_7d,
                   coalesce(sum(x.new_items) FILTER (x.started_at >= clock.now_utc - INTERVAL 7 DAY), 0) AS new_items_7d,
                   max(x.started_at) FILTER (x.error IS NOT NULL) AS last_failure_at
            FROM feed_fetches x CROSS JOIN clock
            GROUP BY x.feed
        )
        SELECT f.name AS feed, f.url, f.tags,
               CASE
                   WHEN f.last_fetched_at IS NULL THEN 'never_fetched'
                   WHEN f.consecutive_failures = 0 THEN 'ok'
                   WHEN f.next_attempt_at > clock.now_utc THEN 'backing_off'
                   ELSE 'failing'
               END AS status,
               f.last_success_at, f.last_fetched_at, r.last_failure_at, f.last_error,
               f.consecutive_failures, f.next_attempt_at,
               coalesce(r.fetches_24h, 0) AS fetches_24h, coalesce(r.failures_24h, 0) AS failures_24h,
               coalesce(r.fetches_7d, 0) AS fetches_7d, coalesce(r.failures_7d, 0) AS failures_7d,
               coalesce(r.items_seen_7d, 0)::BIGINT AS items_seen_7d,
               coalesce(r.new_items_7d, 0)::BIGINT AS new_items_7d,
               f.added_at
        FROM feeds f CROSS JOIN clock LEFT JOIN recent r ON r.feed = f.name
        ORDER BY f.consecutive_failures DESC, f.name
    """,
    "alerts_log": """
        CREATE OR REPLACE VIEW alerts_log AS
        SELECT al.alert_id, al.round_id, r.company, r.title AS round_title, r.announced_on,
               r.headcount, al.kind, al.channel,
               -- a failed row with no retry planned was given up: say so rather than 'failed'
               CASE WHEN al.status = 'failed' AND al.next_attempt_at IS NULL THEN 'given_up' ELSE al.status END AS status,
               al.reason, al.attempts, al.last_error,
               al.created_at, al.next_attempt_at, al.sent_at
        FROM alerts al LEFT JOIN rounds r USING (round_id)
        ORDER BY al.created_at DESC, al.alert_id
    """,
    "weekly_layoff_volume": """
        CREATE OR REPLACE VIEW weekly_layoff_volume AS
        WITH per_company AS (
            SELECT date_trunc('week', published_at)::DATE AS week_start, label,
                   unnest(CASE WHEN len(companies) = 0 THEN [NULL::VARCHAR] ELSE companies END) AS company
            FROM layoff_stories
        )
        SELECT week_start,
               strftime(week_start, '%G-W%V') AS iso_week,
               company,
               count(*) AS stories,
               count(*) FILTER (label = 'layoff_report') AS reports,
               count(*) FILTER (label = 'layoff_mention') AS mentions
        FROM per_company
        GROUP BY week_start, company
        ORDER BY week_start DESC, stories DESC, company
    """,
}


@functools.cache  # made of constants of the code: computed once per process, not on every writable open
def views_fingerprint() -> str:
    """Return a hash of every view definition and description this version ships."""
    material = repr((sorted(VIEWS.items()), SCHEMA_DOCS))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def apply_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create or replace every view and (re)apply every description, unless already current."""
    fingerprint = views_fingerprint()
    # Re-creating views and comments is not free on a writable open, and a run opens several times.
    current = con.execute("SELECT value FROM layoffwatch_meta WHERE key = 'views'").fetchone()
    if current is not None and current[0] == fingerprint:
        return
    # One transaction: readers of the file never see a view without its comments, and the
    # catalog is written (and synced) once per open instead of once per statement.
    con.execute("BEGIN TRANSACTION")
    try:
        for sql in VIEWS.values():
            con.execute(sql)
        apply_comments(con)
        # MERGE, not ON CONFLICT: the same statement runs on a DuckLake, which has no unique keys.
        con.execute(
            "MERGE INTO layoffwatch_meta USING (SELECT 'views' AS key, ?::VARCHAR AS value, now()::TIMESTAMP AS updated_at) AS excluded"
            " ON layoffwatch_meta.key = excluded.key"
            " WHEN MATCHED THEN UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
            " WHEN NOT MATCHED THEN INSERT (key, value, updated_at) VALUES (excluded.key, excluded.value, excluded.updated_at)",
            [fingerprint],
        )
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
