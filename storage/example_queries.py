"""Example SQL shown to users: by the demo, in docs/schema.md, and in the README's query section.

Kept here (the only package with SQL) so tests can run every one of them against a migrated
database: an example that stops working fails CI instead of confusing a user.
"""

from __future__ import annotations

# What the demo prints after its runs: (title, sql).
DEMO_QUERIES: tuple[tuple[str, str], ...] = (
    (
        "Articles landed",
        "SELECT feed, count(*) AS articles, count(*) FILTER (extraction_status = 'ok') AS with_text,"
        " count(duplicate_of) AS duplicates FROM articles GROUP BY feed ORDER BY feed",
    ),
)

# Queries over the classification/rounds tables, shown once those tables have rows.
PRODUCT_QUERIES: tuple[tuple[str, str], ...] = (
    (
        "Layoff stories",
        "SELECT label, list_aggregate(companies, 'string_agg', ', ') AS companies, headcount_text,"
        " left(title, 70) AS title FROM layoff_stories ORDER BY published_at",
    ),
    (
        "Rounds",
        "SELECT company, list_aggregate(units, 'string_agg', ', ') AS units, announced_on,"
        " headcount, status, source_count, left(title, 60) AS title FROM rounds ORDER BY announced_on",
    ),
    (
        "Alerts outbox",
        "SELECT kind, status, coalesce(reason, last_error, '') AS why, round_id FROM alerts"
        " ORDER BY created_at, alert_id",
    ),
)

# Questions users ask, each answered by one query: (question, sql). Shown in docs/schema.md.
EXAMPLE_QUERIES: tuple[tuple[str, str], ...] = (
    (
        "Amazon layoff rounds this year, with headcounts",
        """SELECT announced_on, units, headcount, headcount_text, status, source_count, title
FROM amazon_rounds
WHERE announced_on >= date_trunc('year', current_date)
ORDER BY announced_on;""",
    ),
    (
        "Which outlet broke each round first",
        """SELECT company, announced_on, first_outlet, first_coverage_at, sources, first_url
FROM rounds_overview
ORDER BY announced_on DESC;""",
    ),
    (
        "Biggest layoffs per company over the last 12 months",
        """SELECT company, count(*) AS rounds, sum(headcount) AS jobs_cut_known,
       count(*) FILTER (headcount IS NULL) AS rounds_without_figure
FROM rounds_overview
WHERE announced_on >= current_date - INTERVAL 12 MONTH
GROUP BY company
ORDER BY jobs_cut_known DESC NULLS LAST;""",
    ),
    (
        "Layoff stories per week (all companies), newest first",
        """SELECT date_trunc('week', published_at)::DATE AS week_start, count(*) AS stories,
       count(*) FILTER (label = 'layoff_report') AS reports
FROM layoff_stories
GROUP BY week_start
ORDER BY week_start DESC
LIMIT 12;""",
    ),
    (
        "Weekly layoff coverage of Amazon",
        """SELECT iso_week, stories, reports, mentions
FROM weekly_layoff_volume
WHERE company = 'Amazon'
ORDER BY week_start DESC;""",
    ),
    (
        "Every article of a round, and how it was matched",
        """SELECT r.announced_on, r.company, ra.role, a.published_at,
       coalesce(a.source_name, a.site_name) AS outlet, a.title, ra.reason
FROM round_articles ra
JOIN rounds r USING (round_id)
JOIN articles a USING (article_id)
ORDER BY r.announced_on DESC, a.published_at;""",
    ),
    (
        "Feeds that are failing",
        """SELECT feed, status, consecutive_failures, last_success_at, last_error, next_attempt_at,
       failures_24h, fetches_24h
FROM feed_health
WHERE status <> 'ok';""",
    ),
    (
        "Duplicates, and why they were merged",
        """SELECT d.method, round(d.score, 2) AS score, d.threshold, copy.feed AS copy_feed,
       copy.title AS copy_title, original.title AS original_title
FROM duplicates d
JOIN articles copy ON copy.article_id = d.article_id
JOIN articles original ON original.article_id = d.duplicate_of
ORDER BY d.decided_at DESC
LIMIT 20;""",
    ),
    (
        "Alerts sent, and alerts that were not",
        """SELECT created_at, company, round_title, kind, status, attempts,
       coalesce(reason, last_error) AS why, sent_at
FROM alerts_log
ORDER BY created_at DESC;""",
    ),
    (
        "What does a column mean? (every table, view and column is described in the file)",
        """SELECT table_name, column_name, data_type, comment
FROM duckdb_columns()
WHERE table_name = 'rounds_overview';""",
    ),
)
