"""Deduplication state: signatures, LSH bands, duplicate links and the URL-resolution cache.

Batch in, batch out: every lookup binds the whole batch as list parameters and joins against
the stored tables with `unnest`, one query per kind (URL, text hash, LSH band), so checking
1,000 new articles costs the same handful of queries whether 1,000 or 100,000 are stored.

What is stored, and why:
* `dedup_signatures`: one row per processed article (roots and copies): its text hash,
  shingle count and MinHash. A signature is written once per article id and never replaced
  (a page updated in place keeps its first signature), which is what makes reruns idempotent.
  Its presence also marks "already decided": `load_candidates` reports such batch items as
  processed and `ingest.dedup.decide` returns their stored decision instead of re-deciding.
  The `dedup_version` column holds `ingest.dedup.SIGNATURE_VERSION`: only signatures of the
  current version are compared by text hash or MinHash.
* `dedup_bands`: LSH buckets of canonical (root) articles only. Copies never become near-match
  targets, so every near link is verified against its root and `duplicate_of` never chains;
  it also keeps the band table at roots x 32 rows.
* `duplicates`: one row per copy, pointing at its root (a stored link is never replaced: first
  decision stands, on a file and on a lake alike: `storage.bulk.skip_stored`).
  `articles.text_hash` / `articles.duplicate_of` mirror these two tables.

Call `save` inside `storage.db.transaction(con)` so signatures, bands and links land together;
even without one, a rerun repairs a half-written batch (bands are only added for articles that
have none, and band hits on articles linked as copies are ignored).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

import duckdb

from ingest.models import DedupItem, DuplicateDecision, StoredCandidates, StoredRoot, TextSignature, UrlResolution
from ingest.models.dedup import SIGNATURE_VERSION
from storage.bulk import skip_stored
from storage.db import utcnow


class DedupSaveCounts(NamedTuple):
    """Rows written by `save` (all zero when the batch was already saved)."""

    signatures: int
    bands: int
    duplicates: int
    articles_updated: int


def load_candidates(
    con: duckdb.DuckDBPyConnection, items: Sequence[DedupItem], *, min_exact_shingles: int
) -> StoredCandidates:
    """Return the stored roots a batch could duplicate, by canonical URL, text hash and LSH band.

    Texts shorter than `min_exact_shingles` (the caller's rule) are not matched on their text hash.
    """
    if not items:
        return StoredCandidates()
    ids = sorted({i.article_id for i in items})
    urls = sorted({i.canonical_url for i in items})
    hashes = sorted(
        {i.signature.text_hash for i in items if i.signature.shingle_count >= min_exact_shingles}
    )
    banded = [i for i in items if i.signature.bands]

    processed: set[str] = set()
    decided: dict[str, DuplicateDecision] = {}
    for article_id, root, method, score, threshold, version in con.execute(
        """
        SELECT s.article_id, d.duplicate_of, d.method, d.score, d.threshold, d.dedup_version
        FROM dedup_signatures s LEFT JOIN duplicates d ON d.article_id = s.article_id
        WHERE s.article_id IN (SELECT unnest(?::VARCHAR[]))
        """,
        [ids],
    ).fetchall():
        processed.add(article_id)
        if root is not None:
            decided[article_id] = DuplicateDecision(
                article_id=article_id, duplicate_of=root, method=method, score=score,
                threshold=threshold, dedup_version=version,
            )

    # Only processed articles (with a signature) are candidates: an article row whose dedup
    # has not run yet may itself turn out to be a copy, and linking to it would make a chain.
    by_url: dict[str, set[str]] = {}
    for url, root in con.execute(
        """
        SELECT a.canonical_url, COALESCE(d.duplicate_of, a.article_id)
        FROM articles a
        JOIN dedup_signatures s ON s.article_id = a.article_id
        LEFT JOIN duplicates d ON d.article_id = a.article_id
        WHERE a.canonical_url IN (SELECT unnest(?::VARCHAR[]))
        """,
        [urls],
    ).fetchall():
        by_url.setdefault(url, set()).add(root)

    by_hash: dict[str, set[str]] = {}
    if hashes:
        for digest, root in con.execute(
            """
            SELECT s.text_hash, COALESCE(d.duplicate_of, s.article_id)
            FROM dedup_signatures s LEFT JOIN duplicates d ON d.article_id = s.article_id
            WHERE s.text_hash IN (SELECT unnest(?::VARCHAR[]))
              AND s.dedup_version = ? AND s.shingle_count >= ?
            """,
            [hashes, SIGNATURE_VERSION, min_exact_shingles],
        ).fetchall():
            by_hash.setdefault(digest, set()).add(root)

    by_band: dict[tuple[int, int], set[str]] = {}
    if banded:
        for band, bucket, article_id in con.execute(
            f"""
            WITH q AS (SELECT DISTINCT band, bucket FROM ({_BANDS_FROM_TEXT}))
            SELECT b.band, b.bucket, b.article_id
            FROM q
            JOIN dedup_bands b ON b.band = q.band AND b.bucket = q.bucket
            JOIN dedup_signatures s ON s.article_id = b.article_id AND s.dedup_version = ?
            WHERE NOT EXISTS (SELECT 1 FROM duplicates d WHERE d.article_id = b.article_id)
            """,
            [[i.article_id for i in banded], [_ints_text(i.signature.bands) for i in banded],
             SIGNATURE_VERSION],
        ).fetchall():
            by_band.setdefault((band, bucket), set()).add(article_id)

    root_ids = set().union(*by_url.values(), *by_hash.values(), *by_band.values())
    roots: dict[str, StoredRoot] = {}
    if root_ids:
        for article_id, published_at, shingle_count, minhash, version in con.execute(
            """
            SELECT s.article_id, a.published_at, s.shingle_count, s.minhash, s.dedup_version
            FROM dedup_signatures s LEFT JOIN articles a ON a.article_id = s.article_id
            WHERE s.article_id IN (SELECT unnest(?::VARCHAR[]))
            """,
            [sorted(root_ids)],
        ).fetchall():
            roots[article_id] = StoredRoot(
                article_id=article_id,
                published_at=published_at,
                shingle_count=shingle_count,
                # A MinHash of another signature version is not comparable: withhold it.
                minhash=tuple(minhash or ()) if version == SIGNATURE_VERSION else (),
            )

    return StoredCandidates(
        roots=roots,
        by_url={k: tuple(sorted(v)) for k, v in by_url.items()},
        by_hash={k: tuple(sorted(v)) for k, v in by_hash.items()},
        by_band={k: tuple(sorted(v)) for k, v in by_band.items()},
        processed=frozenset(processed),
        decided=decided,
    )


def save(
    con: duckdb.DuckDBPyConnection,
    signatures: Sequence[TextSignature],
    decisions: Sequence[DuplicateDecision],
    *,
    mirrored: Collection[str] = (),
    signed: Collection[str] | None = None,
) -> DedupSaveCounts:
    """Store new signatures, root bands and duplicate links; mirror them into `articles`.

    `mirrored`: articles inserted in this transaction with these signatures' text hash and these
    decisions' link already (`storage.articles.insert_new_articles`); they need no UPDATE when
    what is written now is what is stored. `signed`: which of these articles the caller read as
    having a stored signature in this same transaction (`StoredCandidates.processed`; None: read here).
    """
    unique = list({s.article_id: s for s in signatures}.values())  # repeated id: last one wins
    ids = [s.article_id for s in unique]
    decision_ids = sorted({d.article_id for d in decisions} | set(ids))
    existing: set[str] = set(signed or ()) & set(ids)
    if ids and signed is None:
        rows = con.execute(
            "SELECT article_id FROM dedup_signatures WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        ).fetchall()
        existing = {row[0] for row in rows}
    new = [s for s in unique if s.article_id not in existing]
    copies = {d.article_id for d in decisions}

    bands_written = 0
    roots = [s for s in new if s.article_id not in copies and s.bands]
    if roots:
        bands_written = _count(con.execute(
            f"""
            INSERT INTO dedup_bands (band, bucket, article_id)
            SELECT q.band, q.bucket, q.article_id
            FROM ({_BANDS_FROM_TEXT}) q
            WHERE NOT EXISTS (SELECT 1 FROM dedup_bands b WHERE b.article_id = q.article_id)
            """,
            [[s.article_id for s in roots], [_ints_text(s.bands) for s in roots]],
        ))

    signatures_written = 0
    if new:
        where, conflict = skip_stored(con, "dedup_signatures", "q")
        signatures_written = _count(con.execute(
            f"""
            INSERT INTO dedup_signatures (article_id, text_hash, shingle_count, minhash, dedup_version)
            SELECT q.article_id, q.text_hash, q.shingle_count,
                   string_split(q.minhash, ',')::UBIGINT[], q.dedup_version
            FROM (SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::VARCHAR[]) AS text_hash,
                         unnest(?::INTEGER[]) AS shingle_count, unnest(?::VARCHAR[]) AS minhash,
                         unnest(?::VARCHAR[]) AS dedup_version) q{where}{conflict}
            """,
            [
                [s.article_id for s in new],
                [s.text_hash for s in new],
                [s.shingle_count for s in new],
                [_ints_text(s.minhash) if s.minhash else None for s in new],
                [s.signature_version for s in new],
            ],
        ))

    duplicates_written = 0
    if decisions:
        unique_decisions = list({d.article_id: d for d in decisions}.values())
        where, conflict = skip_stored(con, "duplicates", "q")
        duplicates_written = _count(con.execute(
            f"""
            INSERT INTO duplicates
                (article_id, duplicate_of, method, score, threshold, dedup_version, decided_at)
            SELECT q.* FROM (
                SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::VARCHAR[]) AS duplicate_of,
                       unnest(?::VARCHAR[]) AS method, unnest(?::DOUBLE[]) AS score,
                       unnest(?::DOUBLE[]) AS threshold, unnest(?::VARCHAR[]) AS dedup_version,
                       ?::TIMESTAMP AS decided_at
            ) q{where}{conflict}
            """,
            [
                [d.article_id for d in unique_decisions],
                [d.duplicate_of for d in unique_decisions],
                [d.method for d in unique_decisions],
                [d.score for d in unique_decisions],
                [d.threshold for d in unique_decisions],
                [d.dedup_version for d in unique_decisions],
                utcnow(),
            ],
        ))

    # Written now, so stored as the insert mirrored them: a new signature, and every link new.
    settled = set(mirrored) - existing if duplicates_written == len({d.article_id for d in decisions}) else set()
    decision_ids = [i for i in decision_ids if i not in settled]
    articles_updated = 0
    if decision_ids:
        # Mirror what is stored (not what was passed in): first decisions stand.
        articles_updated = _count(con.execute(
            """
            UPDATE articles
            SET text_hash = s.text_hash, duplicate_of = d.duplicate_of
            FROM dedup_signatures s LEFT JOIN duplicates d ON d.article_id = s.article_id
            WHERE articles.article_id = s.article_id
              AND s.article_id IN (SELECT unnest(?::VARCHAR[]))
              AND (articles.text_hash IS DISTINCT FROM s.text_hash
                   OR articles.duplicate_of IS DISTINCT FROM d.duplicate_of)
            """,
            [decision_ids],
        ))
    return DedupSaveCounts(signatures_written, bands_written, duplicates_written, articles_updated)


def get_resolutions(con: duckdb.DuckDBPyConnection, urls: Sequence[str]) -> dict[str, str | None]:
    """Return cached resolutions of `urls`: url -> resolved URL, or None when resolving failed.

    URLs never tried are absent from the result.
    """
    if not urls:
        return {}
    rows = con.execute(
        "SELECT url, resolved_url FROM url_resolutions WHERE url IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(set(urls))],
    ).fetchall()
    return {url: resolved for url, resolved in rows}


def save_resolutions(con: duckdb.DuckDBPyConnection, rows: Sequence[UrlResolution]) -> int:
    """Cache resolutions; a success replaces a cached failure, never the reverse. Return rows written."""
    if not rows:
        return 0
    latest: dict[str, UrlResolution] = {}
    for row in rows:
        # Within one call, keep a success over a failure for the same URL.
        if row.url not in latest or row.resolved_url is not None:
            latest[row.url] = row
    batch = list(latest.values())
    # MERGE, not ON CONFLICT: the same statement runs on a DuckLake, which has no unique keys.
    return _count(con.execute(
        """
        MERGE INTO url_resolutions
        USING (SELECT unnest(?::VARCHAR[]) AS url, unnest(?::VARCHAR[]) AS resolved_url,
                      unnest(?::VARCHAR[]) AS method, unnest(?::TIMESTAMP[]) AS resolved_at) AS excluded
        ON url_resolutions.url = excluded.url
        WHEN MATCHED AND (excluded.resolved_url IS NOT NULL OR url_resolutions.resolved_url IS NULL) THEN UPDATE SET
            resolved_url = excluded.resolved_url,
            method = excluded.method,
            resolved_at = excluded.resolved_at
        WHEN NOT MATCHED THEN INSERT (url, resolved_url, method, resolved_at)
            VALUES (excluded.url, excluded.resolved_url, excluded.method, excluded.resolved_at)
        """,
        [
            [r.url for r in batch],
            [r.resolved_url for r in batch],
            [r.method for r in batch],
            [r.resolved_at for r in batch],
        ],
    ))


# Long integer lists are bound as one comma-separated string per article and split in SQL:
# binding Python ints one by one costs about 2 us each (1,000 articles x 160 values = 0.3 s),
# the string round trip about a tenth of that.
# Rows of (article_id, band, bucket) from parameters: article ids, and per article its
# LSH_BANDS bucket hashes as one string; band = position in the list, counted from 0.
_BANDS_FROM_TEXT = """
    SELECT article_id, (generate_subscripts(buckets, 1) - 1)::SMALLINT AS band,
           unnest(buckets) AS bucket
    FROM (SELECT unnest(?::VARCHAR[]) AS article_id,
                 string_split(unnest(?::VARCHAR[]), ',')::UBIGINT[] AS buckets)
"""


def _ints_text(values: Sequence[int]) -> str:
    return ",".join(map(str, values))


def _count(result: duckdb.DuckDBPyConnection) -> int:
    row = result.fetchone()
    return int(row[0]) if row else 0
