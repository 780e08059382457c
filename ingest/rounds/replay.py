"""Re-judging history: replay round matching from scratch and describe what changed.

Used by the `reprocess` and `reclassify` flows after a classifier or matcher change. Rounds are
rebuilt by replaying the report articles in the order they were fetched (one matching pass per
fetch day, `now` = that day's last fetch), so a rebuilt round keeps the `first_seen_at` it would
have had, and its id (a stored round keeps its id; a new one is named after its first article)
is the one the live pipeline gave it. Which articles form a round depends only on the set of
reports, not on the replay's order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import combinations

from ingest.models import (
    Label,
    LabelChange,
    RebuiltRounds,
    RoundCandidate,
    RoundEvent,
    RoundPlan,
    RoundsDiff,
    SourceRef,
)
from ingest.rounds import RoundBook


def replay_rounds(candidates: Sequence[RoundCandidate], *, window_days: int) -> RebuiltRounds:
    """Return the rounds built by matching `candidates` day by day, in fetch order.

    The grouping depends only on the set of candidates (see `ingest.rounds.match`); replaying the
    fetch days gives each round the id and `first_seen_at` the live pipeline gave it.
    """
    by_day: dict[date, list[RoundCandidate]] = defaultdict(list)
    for candidate in sorted(candidates, key=lambda c: (c.fetched_at, c.published_at, c.article_id)):
        by_day[candidate.fetched_at.date()].append(candidate)
    book = RoundBook()
    events: list[RoundEvent] = []
    sources: dict[str, list[SourceRef]] = {}
    for day in sorted(by_day):
        batch = by_day[day]
        plan: RoundPlan = book.match(batch, window_days=window_days, now=max(c.fetched_at for c in batch))
        events.extend(plan.events)
        sources.update(plan.sources)
        for round_id in plan.removed:
            sources.pop(round_id, None)
    return RebuiltRounds(
        rounds=sorted(book.rounds.values(), key=lambda r: (r.announced_on, r.round_id)),
        links=sorted(book.links.values(), key=lambda link: link.article_id),
        events=events,
        sources=sources,
    )


def label_changes(before: Mapping[str, Label], after: Mapping[str, Label]) -> list[LabelChange]:
    """Return the articles whose label differs (new articles count as changed from None)."""
    return [
        LabelChange(article_id=article_id, before=before.get(article_id), after=label)
        for article_id, label in sorted(after.items())
        if before.get(article_id) != label
    ]


def rounds_diff(before: Mapping[str, str], after: Mapping[str, str]) -> RoundsDiff:
    """Compare two article -> round_id mappings."""
    old_rounds, new_rounds = set(before.values()), set(after.values())
    new_groups: dict[str, set[str]] = defaultdict(set)
    for article_id, round_id in after.items():
        new_groups[round_id].add(article_id)
    old_groups: dict[str, set[str]] = defaultdict(set)
    for article_id, round_id in before.items():
        old_groups[round_id].add(article_id)
    merged_pairs: set[tuple[str, str]] = set()
    for group in new_groups.values():
        olds = sorted({before[a] for a in group if a in before})
        merged_pairs.update(combinations(olds, 2))
    split = sum(
        1 for group in old_groups.values() if len({after[a] for a in group if a in after}) > 1
    )
    relinked = sum(1 for a in set(before) | set(after) if before.get(a) != after.get(a))
    return RoundsDiff(
        rounds_before=len(old_rounds),
        rounds_after=len(new_rounds),
        created=sorted(new_rounds - old_rounds),
        removed=sorted(old_rounds - new_rounds),
        merged=len(merged_pairs),
        split=split,
        relinked=relinked,
    )
