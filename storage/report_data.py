"""Read-side queries over the views: rounds and stories for the CLI tables and the HTML report."""

from __future__ import annotations

from datetime import date, datetime

import duckdb

from ingest.models import Frozen


class RoundSummary(Frozen):
    """One layoff round as listed by `layoffwatch rounds` and drawn in the report."""

    round_id: str
    company: str
    units: tuple[str, ...] = ()
    announced_on: date
    status: str
    headcount: int | None = None
    headcount_min: int | None = None
    headcount_max: int | None = None
    headcount_text: str | None = None
    # The first report's own headline; `title` is the summary line layoffwatch writes.
    headline: str | None = None
    title: str
    article_count: int
    source_count: int
    sources: tuple[str, ...] = ()
    first_outlet: str | None = None
    first_url: str | None = None
    first_coverage_at: datetime | None = None


class StorySummary(Frozen):
    """One layoff story as listed by `layoffwatch stories`."""

    article_id: str
    published_at: datetime
    label: str
    companies: tuple[str, ...] = ()
    headcount_text: str | None = None
    source: str
    title: str
    url: str
    round_id: str | None = None


class WeekVolume(Frozen):
    """Layoff stories published in one ISO week (Monday start, UTC)."""

    week_start: date
    stories: int
    reports: int
    mentions: int


class ReportData(Frozen):
    """Everything the HTML report shows."""

    generated_at: datetime
    since: date | None = None
    rounds: tuple[RoundSummary, ...]
    weeks: tuple[WeekVolume, ...]
    story_count: int
    article_count: int


_ROUND_FIELDS = tuple(RoundSummary.model_fields)
_STORY_FIELDS = tuple(StorySummary.model_fields)


def _tuples(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def load_rounds(
    con: duckdb.DuckDBPyConnection,
    *,
    company: str | None = None,
    since: date | None = None,
    limit: int | None = None,
) -> list[RoundSummary]:
    """Return rounds (of `company`, case-insensitive; announced on or after `since`), newest first."""
    rows = con.execute(
        f"""
        SELECT {", ".join(_ROUND_FIELDS)} FROM rounds_overview
        WHERE ($company IS NULL OR lower(company) = lower($company))
          AND ($since IS NULL OR announced_on >= $since)
        ORDER BY announced_on DESC, company, round_id
        LIMIT $limit
        """,
        {"company": company, "since": since, "limit": limit},
    ).fetchall()
    return [RoundSummary(**{k: _tuples(v) for k, v in zip(_ROUND_FIELDS, row, strict=True)}) for row in rows]


def load_stories(
    con: duckdb.DuckDBPyConnection,
    *,
    company: str | None = None,
    since: date | None = None,
    label: str | None = None,
    limit: int | None = 50,
) -> list[StorySummary]:
    """Return layoff stories (naming `company`, published on or after `since`, of `label`), newest first."""
    rows = con.execute(
        f"""
        SELECT {", ".join(_STORY_FIELDS)} FROM layoff_stories
        WHERE ($company IS NULL OR EXISTS (
                  SELECT 1 FROM unnest(companies) AS named(name) WHERE lower(named.name) = lower($company)))
          AND ($since IS NULL OR published_at >= $since)
          AND ($label IS NULL OR label = $label)
        ORDER BY published_at DESC, article_id
        LIMIT $limit
        """,
        {"company": company, "since": since, "label": label, "limit": limit},
    ).fetchall()
    return [StorySummary(**{k: _tuples(v) for k, v in zip(_STORY_FIELDS, row, strict=True)}) for row in rows]


def load_weekly_volume(con: duckdb.DuckDBPyConnection, *, since: date | None = None) -> list[WeekVolume]:
    """Return layoff stories per ISO week, oldest first, weeks without stories included as zeros."""
    rows = con.execute(
        """
        WITH weeks AS (
            SELECT date_trunc('week', published_at)::DATE AS week_start, count(*) AS stories,
                   count(*) FILTER (label = 'layoff_report') AS reports,
                   count(*) FILTER (label = 'layoff_mention') AS mentions
            FROM layoff_stories
            WHERE $since IS NULL OR published_at >= $since
            GROUP BY 1
        ),
        calendar AS (
            SELECT unnest(generate_series(min(week_start)::TIMESTAMP, max(week_start)::TIMESTAMP,
                                          INTERVAL 7 DAY))::DATE AS week_start
            FROM weeks
        )
        SELECT c.week_start, coalesce(w.stories, 0), coalesce(w.reports, 0), coalesce(w.mentions, 0)
        FROM calendar c LEFT JOIN weeks w USING (week_start)
        ORDER BY c.week_start
        """,
        {"since": since},
    ).fetchall()
    return [WeekVolume(week_start=r[0], stories=r[1], reports=r[2], mentions=r[3]) for r in rows]


def load_report_data(
    con: duckdb.DuckDBPyConnection, *, generated_at: datetime, since: date | None = None
) -> ReportData:
    """Return the rounds, weekly story volume and totals the HTML report shows."""
    totals = con.execute(
        """
        SELECT (SELECT count(*) FROM layoff_stories WHERE $since IS NULL OR published_at >= $since),
               (SELECT count(*) FROM articles WHERE $since IS NULL OR published_at >= $since)
        """,
        {"since": since},
    ).fetchone()
    stories, articles = totals if totals is not None else (0, 0)  # one aggregate row, always
    return ReportData(
        generated_at=generated_at,
        since=since,
        rounds=tuple(load_rounds(con, since=since)),
        weeks=tuple(load_weekly_volume(con, since=since)),
        story_count=stories,
        article_count=articles,
    )
