"""Deduplication ladder: signatures, decisions and their DuckDB state."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ingest.urls import UrlResolution, article_id_for, canonicalize
from ingest.dedup import (
    DEDUP_VERSION,
    LSH_BANDS,
    MIN_EXACT_SHINGLES,
    MIN_NEAR_SHINGLES,
    NEAR_THRESHOLD,
    NUM_PERM,
    DedupItem,
    DuplicateDecision,
    StoredCandidates,
    StoredRoot,
    decide,
    dedup_items,
    estimate_jaccard,
    normalize_text,
    signature,
    signatures,
    text_hash,
)
from ingest.models import Article
from storage.articles import insert_articles
from storage.db import connect, transaction
from storage.dedup import get_resolutions, load_candidates, save, save_resolutions
from tests.conftest import copy_migrated

PAIRS = {
    row["id"]: row
    for row in map(json.loads, (Path(__file__).parent / "data" / "dedup_pairs.jsonl").read_text().splitlines())
}
SEEDS = {p.name[:3]: p.read_text() for p in (Path(__file__).parent / "data" / "seeds").glob("*.txt")}
T0 = datetime(2026, 1, 28, 9, 0)
GOLDEN_TEXT = (
    "Amazon is eliminating roughly 200 positions in its devices and services organization, the group "
    "that builds Echo speakers, Kindle readers and Fire TV hardware, according to an internal note. "
    "The reductions fall mostly on teams working on software for older Echo models and on a program "
    "that tested screen-equipped speakers for kitchens, the note said. Employees were told on Wednesday "
    "morning, and most of the affected staff are based in Seattle, Sunnyvale and Austin."
)


def item(article_id: str, text: str, hours: float = 0.0, url: str | None = None) -> DedupItem:
    return DedupItem(
        article_id=article_id,
        canonical_url=url or f"https://{article_id}.example.com/story",
        published_at=T0 + timedelta(hours=hours),
        signature=signature(article_id, text),
    )


def stored_root(it: DedupItem) -> StoredCandidates:
    """Candidates as storage would return them when `it` is a stored root matching everything."""
    sig = it.signature
    return StoredCandidates(
        roots={it.article_id: StoredRoot(article_id=it.article_id, published_at=it.published_at,
                                         shingle_count=sig.shingle_count, minhash=sig.minhash)},
        by_url={it.canonical_url: (it.article_id,)},
        by_hash={sig.text_hash: (it.article_id,)},
        by_band={(i, b): (it.article_id,) for i, b in enumerate(sig.bands)},
    )


# --- text and signatures -----------------------------------------------------------------


def test_normalize_text_drops_boilerplate_case_and_punctuation() -> None:
    text = (
        "  Amazon CUTS 16,000 jobs\u2014again.\n"
        "Read more: The biggest layoffs of the year\n"
        "\u2022 Sign up for our daily newsletter\n"
        "The company said it was \u201creducing layers.\u201d\n"
        "Related to the cuts, Amazon also closed a lab.\n"
        "Comments (4)\n"
        "\u00a9 2026 Example Media. All rights reserved.\n"
    )
    assert normalize_text(text) == (
        "amazon cuts 16000 jobs again the company said it was reducing layers "
        "related to the cuts amazon also closed a lab"
    )


def test_text_hash_equal_for_whitespace_and_boilerplate_variants() -> None:
    pair = PAIRS["exact-salesforce"]
    assert text_hash(pair["a"]) == text_hash(pair["b"])
    assert text_hash(pair["a"]) != text_hash(PAIRS["exact-prices"]["a"])
    assert len(text_hash("x")) == 32


def test_signature_shapes_and_golden_values() -> None:
    sig = signature("g", GOLDEN_TEXT)
    assert sig.shingle_count >= MIN_NEAR_SHINGLES
    assert len(sig.minhash) == NUM_PERM and all(0 <= v < 2**32 for v in sig.minhash)
    assert len(sig.bands) == LSH_BANDS and all(0 <= b < 2**64 for b in sig.bands)
    # Stored signatures must stay comparable across processes and releases: golden values.
    assert sig.text_hash == GOLDEN_HASH
    assert sig.minhash[:3] == GOLDEN_MINHASH
    assert sig.bands[0] == GOLDEN_BAND0
    assert signatures([("g", GOLDEN_TEXT)])[0] == sig


def test_short_and_empty_texts_get_no_bands() -> None:
    short = signature("s", PAIRS["short-sps"]["a"])
    assert 0 < short.shingle_count < MIN_NEAR_SHINGLES
    assert short.bands == () and len(short.minhash) == NUM_PERM
    empty = signature("e", "Read more\n\n")
    assert (empty.shingle_count, empty.minhash, empty.bands) == (0, (), ())


def test_batch_signatures_equal_one_by_one_signatures() -> None:
    # A batch is hashed in shared (NUM_PERM x shingles) blocks reduced per text: texts of every size
    # (empty, shorter than a shingle, short, long, one spanning several blocks) must come out as if
    # each were signed alone, whatever their neighbours.
    long = " ".join(SEEDS[k] for k in sorted(SEEDS)) * 2
    texts = ["", "Read more", "two words", PAIRS["short-sps"]["a"], long, GOLDEN_TEXT]
    texts += [SEEDS["001"].replace("Amazon", f"Company{i}") for i in range(40)]
    pairs = [(f"a{i}", text) for i, text in enumerate(texts)]
    assert signatures(pairs) == [signature(article_id, text) for article_id, text in pairs]


# --- decisions (pure) --------------------------------------------------------------------


def test_wire_story_with_new_headline_and_footer_is_near_duplicate_of_first_copy() -> None:
    pair = PAIRS["synd-devices"]
    first, copy = item("first", pair["a"], 0), item("copy", pair["b"], 2)
    [decision] = decide([first, copy], StoredCandidates())
    assert decision.article_id == "copy" and decision.duplicate_of == "first"
    assert decision.method == "near"
    assert NEAR_THRESHOLD <= decision.score <= 1.0
    assert decision.threshold == NEAR_THRESHOLD and decision.dedup_version == DEDUP_VERSION


def test_seed_000_with_new_headline_and_footer_is_duplicate() -> None:
    pair = PAIRS["seed000-headline-footer"]
    [decision] = decide([item("copy", pair["b"], 1)], stored_root(item("seed000", pair["a"], 0)))
    assert (decision.duplicate_of, decision.method) == ("seed000", "near")


def test_exact_copy_with_other_whitespace_and_boilerplate_is_exact() -> None:
    pair = PAIRS["exact-salesforce"]
    [decision] = decide([item("a", pair["a"], 0), item("b", pair["b"], 1)], StoredCandidates())
    assert (decision.article_id, decision.duplicate_of, decision.method, decision.score) == ("b", "a", "exact", 1.0)


@pytest.mark.parametrize("pair_id", ["event-seed000-001", "event-devices", "event-intel", "memo-heavy", "template-1-2"])
def test_different_articles_about_one_event_are_not_merged(pair_id: str) -> None:
    pair = PAIRS[pair_id]
    a, b = item("a", pair["a"], 0), item("b", pair["b"], 1)
    assert decide([a, b], StoredCandidates()) == []
    assert decide([b], stored_root(a)) == []


def test_short_summaries_are_not_merged_on_shingles() -> None:
    a = item("a", PAIRS["short-sps"]["a"], 0)
    one_word_changed = item("b", PAIRS["short-sps"]["a"].replace("Tuesday", "Monday").replace("tools", "systems"), 1)
    assert estimate_jaccard(a.signature.minhash, one_word_changed.signature.minhash) > NEAR_THRESHOLD
    assert decide([a, one_word_changed], stored_root(a)) == []
    # ...but the identical summary is still an exact duplicate, and a shared URL still links.
    [exact] = decide([item("c", PAIRS["short-sps"]["a"], 2)], stored_root(a))
    assert exact.method == "exact"
    [url] = decide([item("d", "Completely different teaser.", 3, url=a.canonical_url)], stored_root(a))
    assert url.method == "url"


def test_empty_or_tiny_texts_never_match_exactly() -> None:
    a, b = item("a", "", 0), item("b", "Read more", 1)
    c = item("c", "Amazon layoffs.", 2)
    d = item("d", "Amazon layoffs!", 3)
    assert decide([a, b, c, d], StoredCandidates()) == []


def test_url_rung_comes_first() -> None:
    pair = PAIRS["event-devices"]
    root = item("a", pair["a"], 0, url=STORY_URL)
    same_url_other_text = item("b", pair["b"], 1, url=STORY_URL)
    [decision] = decide([root, same_url_other_text], StoredCandidates())
    assert (decision.method, decision.duplicate_of, decision.score) == ("url", "a", 1.0)


STORY_URL = canonicalize("https://www.example.com/business/amazon-cuts-200-jobs?utm_source=rss")


def test_copies_in_one_batch_link_to_the_earliest_never_a_chain() -> None:
    wire = PAIRS["synd-intel"]["a"]
    variants = [
        ("late", PAIRS["update-intel"]["b"], 5),
        ("middle", PAIRS["synd-intel"]["b"], 2),
        ("earliest", wire, 0),
        ("trunc", PAIRS["trunc-intel"]["b"], 3),
        ("intro", PAIRS["intro-intel"]["b"], 4),
    ]
    batch = [item(aid, text, hours) for aid, text, hours in variants]
    decisions = decide(batch, StoredCandidates())
    assert {d.article_id: d.duplicate_of for d in decisions} == {
        "late": "earliest", "middle": "earliest", "trunc": "earliest", "intro": "earliest"
    }
    assert decide(list(reversed(batch)), StoredCandidates()) == decisions  # order-independent


def test_new_article_published_before_the_stored_root_links_to_the_stored_root() -> None:
    pair = PAIRS["synd-twitch"]
    stored = item("stored", pair["a"], 5)
    earlier_newcomer = item("newcomer", pair["b"], 0)
    [decision] = decide([earlier_newcomer], stored_root(stored))
    assert (decision.article_id, decision.duplicate_of) == ("newcomer", "stored")


def test_processed_items_return_their_stored_decision() -> None:
    pair = PAIRS["synd-twitch"]
    root, copy = item("root", pair["a"], 0), item("copy", pair["b"], 1)
    previous = DuplicateDecision(article_id="copy", duplicate_of="root", method="near", score=0.9,
                                 threshold=0.5, dedup_version="older")
    base = stored_root(root)
    stored = base.model_copy(update={"processed": frozenset({"root", "copy"}), "decided": {"copy": previous}})
    assert decide([root, copy], stored) == [previous]


def test_band_collision_alone_is_not_a_match() -> None:
    pair = PAIRS["event-ups"]
    a, b = item("a", pair["a"], 0), item("b", pair["b"], 1)
    # storage claims every band of b collides with a: verification must still refuse
    forced = stored_root(a).model_copy(update={"by_band": {(i, k): ("a",) for i, k in enumerate(b.signature.bands)}})
    assert decide([b], forced) == []


# --- storage -------------------------------------------------------------------------------


def article(key: str, text: str, hours: float, url: str | None = None) -> Article:
    link = url or f"https://{key}.example.com/news/story"
    return Article(
        article_id=article_id_for(link), feed="test", url=link, canonical_url=canonicalize(link),
        title=f"title {key}", text=text, published_at=T0 + timedelta(hours=hours),
        fetched_at=T0 + timedelta(hours=hours, minutes=5),
    )


def run_batch(con, articles: Sequence[Article]):
    """load -> decide -> save, the way the pipeline calls it."""
    items = dedup_items(articles)
    decisions = decide(items, load_candidates(con, items, min_exact_shingles=MIN_EXACT_SHINGLES))
    with transaction(con):
        counts = save(con, [i.signature for i in items], decisions)
    return decisions, counts


def table_counts(con) -> tuple[int, ...]:
    return tuple(
        con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
        for t in ("dedup_signatures", "dedup_bands", "duplicates")
    )


@pytest.fixture
def db_path(tmp_path: Path, migrated_db: Path) -> Path:
    """The database as a first open leaves it: these tests are about what dedup stores."""
    return copy_migrated(migrated_db, tmp_path / "lw.duckdb")


def test_storage_round_trip_is_idempotent(db_path: Path) -> None:
    first = article("wire", PAIRS["synd-ups"]["a"], 0)
    copy = article("portal", PAIRS["synd-ups"]["b"], 1)
    exact = article("mirror", PAIRS["synd-ups"]["a"] + "\nShare this article", 2)
    other = article("other", PAIRS["event-ups"]["b"], 4)
    batch = [other, exact, copy, first]
    # a tracking-parameter variant of a link is the same article id, not a second article
    assert article("x", "", 3, url=first.url + "?utm_source=newsletter&fbclid=1").article_id == first.article_id
    with connect(db_path) as con:
        insert_articles(con, batch)
        decisions, counts = run_batch(con, batch)
        assert {(d.article_id, d.duplicate_of, d.method) for d in decisions} == {
            (copy.article_id, first.article_id, "near"),
            (exact.article_id, first.article_id, "exact"),
        }
        assert counts.signatures == 4 and counts.duplicates == 2 and counts.articles_updated == 4
        assert counts.bands == 2 * LSH_BANDS  # roots only: first and other
        before = table_counts(con)
        rows = dict(con.execute("SELECT article_id, duplicate_of FROM articles").fetchall())
        assert rows == {first.article_id: None, copy.article_id: first.article_id,
                        exact.article_id: first.article_id, other.article_id: None}
        assert con.execute("SELECT count(*) FROM articles WHERE text_hash IS NULL").fetchone()[0] == 0

        again, counts2 = run_batch(con, batch)
        assert sorted(again, key=lambda d: d.article_id) == sorted(decisions, key=lambda d: d.article_id)
        assert tuple(counts2) == (0, 0, 0, 0)
        assert table_counts(con) == before


def test_state_survives_reopening_the_file(db_path: Path) -> None:
    root = article("wire", PAIRS["synd-starbucks"]["a"], 0)
    with connect(db_path) as con:
        insert_articles(con, [root])
        run_batch(con, [root])

    later_copy = article("late", PAIRS["synd-starbucks"]["b"], 30)
    same_url = article("same", "Different teaser text for the same link.", 31, url=root.url)
    same_url = same_url.model_copy(update={"article_id": "other-id-same-canonical"})
    with connect(db_path) as con:  # a new connection, as after a process restart
        sigs = signatures([(a.article_id, a.text) for a in (later_copy, same_url)])
        items = [
            DedupItem(article_id=a.article_id, canonical_url=a.canonical_url, published_at=a.published_at, signature=s)
            for a, s in zip((later_copy, same_url), sigs, strict=True)
        ]
        stored = load_candidates(con, items, min_exact_shingles=MIN_EXACT_SHINGLES)
        assert root.article_id in stored.roots
        assert stored.roots[root.article_id].published_at == root.published_at
        assert stored.by_url[root.canonical_url] == (root.article_id,)
        assert any(root.article_id in ids for ids in stored.by_band.values())
        decisions = decide(items, stored)
        assert {(d.article_id, d.duplicate_of, d.method) for d in decisions} == {
            (later_copy.article_id, root.article_id, "near"),
            ("other-id-same-canonical", root.article_id, "url"),
        }


def test_later_batches_link_to_the_root_not_to_a_copy(db_path: Path) -> None:
    wire = article("wire", PAIRS["update-reality"]["a"], 0)
    update = article("update", PAIRS["update-reality"]["b"], 1)
    restyled = article("restyled", PAIRS["style-reality"]["b"], 2)
    with connect(db_path) as con:
        insert_articles(con, [wire, update, restyled])
        run_batch(con, [wire])
        run_batch(con, [update])
        decisions, counts = run_batch(con, [restyled])
        assert [(d.article_id, d.duplicate_of) for d in decisions] == [(restyled.article_id, wire.article_id)]
        assert counts.bands == 0  # copies store no bands
        chained = con.execute(
            "SELECT count(*) FROM duplicates d JOIN duplicates r ON d.duplicate_of = r.article_id"
        ).fetchone()[0]
        assert chained == 0


def test_articles_without_text_are_signed_on_their_summary() -> None:
    with_text = article("a", PAIRS["synd-zoox"]["a"], 0)
    summary_only = article("b", "", 1).model_copy(update={"summary": PAIRS["short-16k"]["a"]})
    items = dedup_items([with_text, summary_only])
    assert items[0].signature == signature(with_text.article_id, with_text.text)
    assert items[1].signature.text_hash == text_hash(PAIRS["short-16k"]["a"])
    assert items[1].signature.bands == ()  # a summary is too short for near matching
    assert [i.canonical_url for i in items] == [with_text.canonical_url, summary_only.canonical_url]


def test_url_resolution_cache(db_path: Path) -> None:
    gnews = "https://news.google.com/rss/articles/CBMiopaque"
    with connect(db_path) as con:
        assert get_resolutions(con, [gnews]) == {}
        save_resolutions(con, [UrlResolution(url=gnews, resolved_url=None, method="failed", resolved_at=T0)])
        assert get_resolutions(con, [gnews, "https://other"]) == {gnews: None}
        save_resolutions(con, [UrlResolution(url=gnews, resolved_url="https://example.com/a", method="redirect",
                                             resolved_at=T0 + timedelta(hours=1))])
        # a later failure does not erase a success
        save_resolutions(con, [UrlResolution(url=gnews, resolved_url=None, method="failed",
                                             resolved_at=T0 + timedelta(hours=2))])
    with connect(db_path) as con:
        assert get_resolutions(con, [gnews]) == {gnews: "https://example.com/a"}


GOLDEN_HASH = "1236785fd241019fe1c37d9bc76413ed"
GOLDEN_MINHASH = (9179656, 10324400, 86778706)
GOLDEN_BAND0 = 3568443222237829717
