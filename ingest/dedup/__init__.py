"""Duplicate detection ladder: same canonical URL -> same normalised text -> near-identical text.

Only copies of the *same article* are linked here (a wire story republished with another
headline, intro line or footer; a page re-served with boilerplate; an update in place under a
new URL). Different articles about the same event stay separate: grouping them is round
matching's job, and it needs every outlet's own article to count sources.

How a near duplicate is found and verified
------------------------------------------
Text is normalised (`normalize_text`: NFKC, lower case, boilerplate lines such as "Read more",
newsletter and cookie prompts and copyright lines removed, punctuation dropped), cut into
word 5-shingles, and summarised by a 128-value MinHash (multiply-shift hashing over stable
64-bit shingle hashes, so signatures stored in DuckDB stay comparable across processes and
library upgrades). The MinHash is cut into 32 bands of 4 rows for LSH: two texts share at least
one band bucket with probability 1-(1-J^4)^32 -- 0.87 at J=0.5, 0.99 at J=0.6, 0.9997 at
J=0.7 -- so the band lookup finds nearly every pair above the threshold while unrelated
pairs (J < 0.1) almost never collide. A band hit is only a candidate: the decision is
made on the estimated Jaccard (fraction of equal MinHash values) against `NEAR_THRESHOLD`.

Threshold, from measurements (`python benchmarks/dedup_eval.py` on tests/data/dedup_pairs.jsonl:
81 hand-written pairs, 48 copies of one article and 33 pairs of different articles):

* different articles: same event, different outlets' own reporting (13 pairs) estimate at most
  0.03; same company, different news at most 0.02; unrelated 0.00. The hard negatives sit
  higher: two articles quoting the same long CEO memo 0.15 and 0.25 (true Jaccard up to 0.31),
  same-outlet market notes sharing a 70-word disclaimer 0.19..0.27.
* copies: wire story with new headline, dateline and outlet footer 0.65..0.94 (median 0.84;
  a footer plus headline already costs a 300-word story 15-35% of its shingles); rewritten
  intro 0.68..0.79; house-style edits with ad/related lines 0.73..0.93; updates in place
  that add a paragraph 0.64..0.84; reprints of the first half 0.57..0.66; a reprint of only
  the first 3 of 8 paragraphs 0.37. Content-farm paraphrases score 0.05: out of reach of
  shingles by design (round matching groups them by event).
* precision is 1.00 at every threshold from 0.3 to 0.95 (0.96 at 0.2: template and memo
  pairs). Recall without paraphrases: 1.00 at 0.3, 0.98 from 0.4 to 0.55, 0.93 at 0.6,
  0.80 at 0.7, 0.43 at 0.8 -- the textbook "0.8 on 5-shingles" would miss over half of the
  syndicated copies.
* chosen 0.5: 0.23 above the highest different-article estimate (about 5 standard errors of
  a 128-value estimate, sd 0.044 at J=0.5), below every copy except the heavy truncation.
  With 32x4 bands a copy at J=0.57 (the lowest measured above threshold) is a band
  candidate with probability 0.97, at J>=0.65 with 0.997.

Texts with fewer than `MIN_NEAR_SHINGLES` shingles (feed summaries, teasers) get no bands and are
never near-merged: two outlets' one-paragraph summaries of one event overlap heavily by
construction. They can still match on URL or exact text (of at least `MIN_EXACT_SHINGLES`).

Canonical copy and chains
-------------------------
The earliest-published copy is canonical and every copy links to that root (`duplicate_of`
never points at a duplicate). Roots are the only articles whose bands are stored and the only
near-match targets, so every near link is verified against the root itself (no drift through
A~B~C chains). Exception, chosen for stability: when a newly seen article was published
*earlier* than an already stored root, the stored root stays canonical and the new article is
linked to it. Re-pointing would rewrite old `duplicates` rows and could move round links and
alerts that already reference the stored root; the earlier publication time remains visible in
`articles.published_at`. Within one batch, items are processed oldest first, so the earliest
copy in the batch becomes the root. Articles already processed (a stored signature) are never
re-decided: their stored decision is returned unchanged, which makes reruns idempotent.

Modules
-------
    normalize.py   normalised text and its hash (boilerplate lines, punctuation, thousands)
    minhash.py     stable word and shingle hashes, MinHash, LSH band buckets (numpy)
    signatures.py  an article's signature, a whole batch at a time
    decide.py      the ladder url > exact > near, and the duplicate decisions
The models (`TextSignature`, `DedupItem`, `DuplicateDecision`, `StoredCandidates`) and the
signature format (`SIGNATURE_VERSION`) live in `ingest.models.dedup`.
"""

from ingest.dedup.decide import DEDUP_VERSION, MIN_EXACT_SHINGLES, NEAR_THRESHOLD, decide
from ingest.dedup.minhash import estimate_jaccard
from ingest.dedup.normalize import normalize_text, text_hash
from ingest.dedup.signatures import MIN_NEAR_SHINGLES, dedup_items, shingle_set, signature, signatures
from ingest.models.dedup import (
    LSH_BANDS,
    LSH_ROWS,
    NUM_PERM,
    SHINGLE_SIZE,
    SIGNATURE_VERSION,
    DedupItem,
    DuplicateDecision,
    StoredCandidates,
    StoredRoot,
    TextSignature,
)

__all__ = [
    "DEDUP_VERSION",
    "LSH_BANDS",
    "LSH_ROWS",
    "MIN_EXACT_SHINGLES",
    "MIN_NEAR_SHINGLES",
    "NEAR_THRESHOLD",
    "NUM_PERM",
    "SHINGLE_SIZE",
    "SIGNATURE_VERSION",
    "DedupItem",
    "DuplicateDecision",
    "StoredCandidates",
    "StoredRoot",
    "TextSignature",
    "decide",
    "dedup_items",
    "estimate_jaccard",
    "normalize_text",
    "shingle_set",
    "signature",
    "signatures",
    "text_hash",
]
