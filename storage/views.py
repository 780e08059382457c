"""Views: derived, so they are (re)created on every writable open instead of migrated.

A view changes meaning only with the code that defines it; recreating them each time keeps the
database's views in step with the installed version without a migration per tweak.
"""

from __future__ import annotations

import duckdb

VIEWS: dict[str, str] = {
    "layoff_stories": """
        CREATE OR REPLACE VIEW layoff_stories AS
        WITH latest AS (
            SELECT * FROM classifications
            QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY classified_at DESC, classifier_version DESC) = 1
        )
        SELECT a.article_id, a.published_at, a.title, a.url, a.canonical_url,
               coalesce(a.site_name, a.source_name, a.feed) AS source, a.feed,
               c.label, c.companies, c.units, c.headcount, c.headcount_min, c.headcount_max,
               c.headcount_approx, c.headcount_text, c.headcount_pct, c.announced_on, c.is_leak,
               c.evidence, c.confidence, c.classifier_version
        FROM articles a JOIN latest c USING (article_id)
        WHERE a.duplicate_of IS NULL AND c.label IN ('layoff_report', 'layoff_mention')
    """,
}


def apply_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create or replace every view."""
    for sql in VIEWS.values():
        con.execute(sql)
