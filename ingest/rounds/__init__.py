"""Group `layoff_report` articles into layoff rounds: one real-world layoff action by one company.

Pure and deterministic, and a function of the set of reports (not of their order or batches):
`match_rounds` takes the stored rounds that may still change (with their member articles) and a
batch of candidates, and returns a `RoundPlan` (rounds to upsert or remove, links, events; the
models live in `ingest.models.rounds`).
Storage writes the plan; `ingest.alerts.plan_alerts` turns its events into outbox rows.

    facts.py      what one report says: its date, its figure (cumulative totals dropped), its cues
    score.py      whether a report can join a round, and how well it fits
    aggregate.py  a round's fields from its members
    cluster.py    a round while it forms
    match.py      seed -> assign (the canonical pass)
    emit.py       ids, links, events: the diff against the stored rounds
    title.py      a round's summary line
    book.py       rounds held in memory (replays, benchmarks, tests)

A candidate joins a round of its *first* company only (`classification.companies[0]`: the
classifier lists the acting parent first). `round_articles` is keyed by `article_id`, so an
article belongs to exactly one round.
"""

from ingest.models import MATCHER_VERSION, RoundEvent, RoundPlan, SourceRef
from ingest.rounds.book import RoundBook
from ingest.rounds.keys import company_key, round_id_for, unit_key
from ingest.rounds.match import match_rounds, region_start
from ingest.rounds.title import round_title

__all__ = [
    "MATCHER_VERSION",
    "RoundBook",
    "RoundEvent",
    "RoundPlan",
    "SourceRef",
    "company_key",
    "match_rounds",
    "region_start",
    "round_id_for",
    "round_title",
    "unit_key",
]
