"""SQL for layoff rounds: candidates from classified articles, open rounds with members, saving plans.

Duplicates join rounds: an article marked `duplicate_of` another is offered with its own
classification when it has one, else with its canonical article's, so syndicated copies on other
outlets count as coverage and as sources (source = outlet name, else site name, else host).
Articles already linked to a round are never offered again (`round_articles` is keyed by article);
a plan may move them to another round (`ingest.rounds` regroups the open rounds) or remove a round.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import duckdb

from ingest.models import OPENING_CHARS, Classification, Round, RoundCandidate, RoundLink
from ingest.models import RoundPlan
from storage.bulk import insert_rows

_HOST = r"^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\.)?([^/:?#]+)"

_CLASSIFICATION_COLUMNS = """
    c.classifier_version, c.label, c.confidence, c.companies, c.units, c.headcount,
    c.headcount_min, c.headcount_max, c.headcount_approx, c.headcount_text, c.headcount_pct,
    c.announced_on, c.is_leak, c.evidence
"""
# The url is the link people follow (alerts, reports): the article's as fetched, since the canonical
# form (forced https, tracking stripped) is for deduplication and breaks on http-only sites.
_ARTICLE_COLUMNS = f"""
    a.article_id,
    coalesce(nullif(trim(a.source_name), ''), nullif(trim(a.site_name), ''),
             lower(regexp_extract(a.canonical_url, '{_HOST}', 1))) AS source,
    a.url, a.title, a.published_at, a.fetched_at, substr(a.text, 1, {OPENING_CHARS}) AS opening
"""

_ROUND_COLUMNS = (
    "round_id, company, units, announced_on, first_seen_at, last_seen_at, headcount, "
    "headcount_min, headcount_max, headcount_text, status, article_count, source_count, title, "
    "evidence, matcher_version"
)


def _candidate(row: tuple) -> RoundCandidate:
    (article_id, source, url, title, published_at, fetched_at, opening, version, label, confidence,
     companies, units, headcount, hmin, hmax, approx, htext, hpct, announced_on, is_leak,
     evidence) = row[:21]
    return RoundCandidate(
        article_id=article_id,
        source=source or "",
        url=url,
        title=title,
        published_at=published_at,
        fetched_at=fetched_at,
        opening=opening or "",
        classification=Classification(
            article_id=article_id,
            classifier_version=version,
            label=label,
            confidence=confidence,
            companies=tuple(companies or ()),
            units=tuple(units or ()),
            headcount=headcount,
            headcount_min=hmin,
            headcount_max=hmax,
            headcount_approx=approx,
            headcount_text=htext,
            headcount_pct=hpct,
            announced_on=announced_on,
            is_leak=is_leak,
            evidence=evidence,
        ),
    )


def round_candidates(
    con: duckdb.DuckDBPyConnection,
    article_ids: Sequence[str] | None,
    classifier_version: str,
    *,
    include_linked: bool = False,
) -> list[RoundCandidate]:
    """Return the `layoff_report` candidates among `article_ids` (None: all), duplicates too.

    Articles already linked to a round are left out unless `include_linked` (a full rebuild).
    """
    if article_ids is not None and not article_ids:
        return []
    rows = con.execute(
        f"""
        WITH wanted AS (
            SELECT a.* FROM articles a
            WHERE ($all OR a.article_id IN (SELECT unnest($ids::VARCHAR[])))
              AND ($linked OR NOT EXISTS (SELECT 1 FROM round_articles ra WHERE ra.article_id = a.article_id))
        ),
        verdicts AS (
            -- Two equi-joins, not one OR join: DuckDB runs an OR condition as a nested loop.
            SELECT w.article_id AS for_id, 0 AS pref, c.* FROM wanted w
            JOIN classifications c ON c.article_id = w.article_id AND c.classifier_version = $version
            UNION ALL
            SELECT w.article_id AS for_id, 1 AS pref, c.* FROM wanted w
            JOIN classifications c ON c.article_id = w.duplicate_of AND c.classifier_version = $version
        )
        SELECT * FROM (
            -- An article's own verdict beats its canonical article's.
            SELECT {_ARTICLE_COLUMNS}, {_CLASSIFICATION_COLUMNS}
            FROM wanted a
            JOIN verdicts c ON c.for_id = a.article_id
            QUALIFY row_number() OVER (PARTITION BY a.article_id ORDER BY c.pref) = 1
        )
        WHERE label = 'layoff_report'
        ORDER BY published_at, article_id
        """,
        {
            "ids": list(article_ids or []), "all": article_ids is None,
            "linked": include_linked, "version": classifier_version,
        },
    ).fetchall()
    return [_candidate(row) for row in rows]


def _round(row: tuple) -> Round:
    (round_id, company, units, announced_on, first_seen_at, last_seen_at, headcount, hmin, hmax,
     htext, status, article_count, source_count, title, evidence, matcher_version) = row
    return Round(
        round_id=round_id,
        company=company,
        units=tuple(units or ()),
        announced_on=announced_on,
        first_seen_at=first_seen_at,
        last_seen_at=last_seen_at,
        headcount=headcount,
        headcount_min=hmin,
        headcount_max=hmax,
        headcount_text=htext,
        status=status,
        article_count=article_count,
        source_count=source_count,
        title=title,
        evidence=evidence,
        matcher_version=matcher_version,
    )


def load_open_rounds(
    con: duckdb.DuckDBPyConnection, companies: Sequence[str], since: date
) -> list[Round]:
    """Return the rounds of `companies` (case-insensitive) that matching from `since` may change.

    Those announced on or after `since`, or holding an article published from the day before
    `since` on (a report's date is never more than a day after its publication). Pass
    `since` = `ingest.rounds.region_start(candidates, window_days)`.
    """
    if not companies:
        return []
    rows = con.execute(
        f"""
        SELECT {_ROUND_COLUMNS} FROM rounds r
        WHERE list_contains($companies::VARCHAR[], lower(company))
          AND (announced_on >= $since OR EXISTS (
                SELECT 1 FROM round_articles ra JOIN articles a ON a.article_id = ra.article_id
                WHERE ra.round_id = r.round_id AND a.published_at >= $since::TIMESTAMP - INTERVAL 1 DAY))
        ORDER BY announced_on, round_id
        """,
        {"companies": sorted({c.strip().lower() for c in companies}), "since": since},
    ).fetchall()
    return [_round(row) for row in rows]


def load_round_members(
    con: duckdb.DuckDBPyConnection, round_ids: Sequence[str], classifier_version: str | None = None
) -> dict[str, list[RoundCandidate]]:
    """Return round_id -> its member articles as candidates, for exact re-aggregation.

    Each member carries its classification under `classifier_version` when present, else its
    latest one (a duplicate falls back to its canonical article's).
    """
    if not round_ids:
        return {}
    rows = con.execute(
        f"""
        WITH linked AS (
            SELECT a.*, ra.round_id FROM round_articles ra
            JOIN articles a ON a.article_id = ra.article_id
            WHERE ra.round_id IN (SELECT unnest($ids::VARCHAR[]))
        ),
        verdicts AS (
            SELECT l.article_id AS for_id, 0 AS pref, c.* FROM linked l
            JOIN classifications c ON c.article_id = l.article_id
            UNION ALL
            SELECT l.article_id AS for_id, 1 AS pref, c.* FROM linked l
            JOIN classifications c ON c.article_id = l.duplicate_of
        )
        SELECT {_ARTICLE_COLUMNS}, {_CLASSIFICATION_COLUMNS}, a.round_id
        FROM linked a
        JOIN verdicts c ON c.for_id = a.article_id
        QUALIFY row_number() OVER (
            PARTITION BY a.article_id
            ORDER BY c.pref, (c.classifier_version = $version) DESC, c.classified_at DESC
        ) = 1
        ORDER BY a.round_id, a.published_at, a.article_id
        """,
        {"ids": list(round_ids), "version": classifier_version or ""},
    ).fetchall()
    members: dict[str, list[RoundCandidate]] = {}
    for row in rows:
        members.setdefault(row[21], []).append(_candidate(row))
    return members


def save_plan(con: duckdb.DuckDBPyConnection, plan: RoundPlan) -> None:
    """Delete the plan's removed rounds, upsert its rounds and its links (new ones, and moves)."""
    if plan.removed:
        con.execute("DELETE FROM rounds WHERE round_id IN (SELECT unnest($ids::VARCHAR[]))", {"ids": plan.removed})
    columns = [c.strip() for c in _ROUND_COLUMNS.split(",")] + ["updated_at"]
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "round_id")
    insert_rows(
        con,
        "rounds",
        columns,
        [
            (
                r.round_id, r.company, list(r.units), r.announced_on, r.first_seen_at,
                r.last_seen_at, r.headcount, r.headcount_min, r.headcount_max, r.headcount_text,
                r.status, r.article_count, r.source_count, r.title, r.evidence, r.matcher_version,
                plan.created_at,
            )
            for r in plan.rounds
        ],
        on_conflict=f"(round_id) DO UPDATE SET {updates}",
    )
    insert_rows(
        con,
        "round_articles",
        ["article_id", "round_id", "role", "score", "reason", "linked_at"],
        [
            (link.article_id, link.round_id, link.role, link.score, link.reason, plan.created_at)
            for link in plan.links
        ],
        on_conflict="(article_id) DO UPDATE SET round_id = excluded.round_id, role = excluded.role, "
        "score = excluded.score, reason = excluded.reason, linked_at = excluded.linked_at",
    )
    _refresh_headlines(con, [r.round_id for r in plan.rounds])


def _refresh_headlines(con: duckdb.DuckDBPyConnection, round_ids: Sequence[str]) -> None:
    """Set each round's `headline`: the title of its earliest article, as the outlet wrote it."""
    if not round_ids:
        return
    con.execute(
        """
        UPDATE rounds SET headline = first.title
        FROM (
            SELECT ra.round_id, arg_min(a.title, (a.published_at, a.article_id)) AS title
            FROM round_articles ra JOIN articles a ON a.article_id = ra.article_id
            WHERE ra.round_id IN (SELECT unnest($ids::VARCHAR[]))
            GROUP BY ra.round_id
        ) AS first
        WHERE rounds.round_id = first.round_id
        """,
        {"ids": list(round_ids)},
    )


def memberships(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Return article_id -> round_id for every linked article."""
    return dict(con.execute("SELECT article_id, round_id FROM round_articles").fetchall())


def replace_rounds(
    con: duckdb.DuckDBPyConnection, rounds: Sequence[Round], links: Sequence[RoundLink], now: datetime
) -> None:
    """Replace every round and link with a rebuilt set (rounds are derived data; articles stay).

    A rebuilt round keeps its `first_seen_at` when its id existed before, so freshness and the
    alert history stay truthful; alerts reference round ids and are never deleted.
    """
    first_seen = dict(con.execute("SELECT round_id, first_seen_at FROM rounds").fetchall())
    con.execute("DELETE FROM round_articles")
    con.execute("DELETE FROM rounds")
    kept = [r.model_copy(update={"first_seen_at": min(r.first_seen_at, first_seen.get(r.round_id, r.first_seen_at))}) for r in rounds]
    save_plan(con, RoundPlan(created_at=now, rounds=kept, links=list(links)))
