"""Rounds held in memory, the way storage holds them: for replays, benchmarks and tests.

`RoundBook.match` does what a pipeline run does to the tables (load the open rounds, match, write
the plan) without a database; `storage.rounds` is the same on DuckDB.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ingest.models import Round, RoundCandidate, RoundLink, RoundPlan
from ingest.rounds.keys import company_key
from ingest.rounds.match import match_rounds, region_start


@dataclass
class RoundBook:
    """Rounds, their member articles and the links, as the `rounds` and `round_articles` tables."""

    rounds: dict[str, Round] = field(default_factory=dict)
    links: dict[str, RoundLink] = field(default_factory=dict)  # article_id -> its link
    articles: dict[str, RoundCandidate] = field(default_factory=dict)  # every linked article

    def open_rounds(
        self, candidates: Sequence[RoundCandidate], window_days: int
    ) -> tuple[list[Round], dict[str, list[RoundCandidate]]]:
        """Return the rounds matching `candidates` may change, and their members (as storage loads them)."""
        since = region_start(candidates, window_days)
        keys = {
            company_key(c.classification.companies[0]) for c in candidates
            if c.classification.label == "layoff_report" and c.classification.companies
        }
        if since is None or not keys:
            return [], {}
        by_round: dict[str, list[RoundCandidate]] = {}
        for article_id, link in self.links.items():
            by_round.setdefault(link.round_id, []).append(self.articles[article_id])
        existing = [
            r for r in self.rounds.values()
            if company_key(r.company) in keys and (
                r.announced_on >= since
                or any(c.published_at.date() >= since - timedelta(days=1) for c in by_round.get(r.round_id, ()))
            )
        ]
        return existing, {r.round_id: by_round.get(r.round_id, []) for r in existing}

    def match(self, candidates: Sequence[RoundCandidate], *, window_days: int, now: datetime) -> RoundPlan:
        """Return the plan for `candidates` (those not linked yet), after applying it to the book."""
        fresh = [c for c in candidates if c.article_id not in self.links]
        existing, members = self.open_rounds(fresh, window_days)
        plan = match_rounds(existing, fresh, window_days=window_days, now=now, members=members)
        self.apply(plan, fresh)
        return plan

    def apply(self, plan: RoundPlan, candidates: Sequence[RoundCandidate]) -> None:
        """Write `plan` (its candidates' articles given) as `storage.rounds.save_plan` writes it."""
        for c in candidates:
            self.articles.setdefault(c.article_id, c)
        for round_id in plan.removed:
            self.rounds.pop(round_id, None)
        for r in plan.rounds:
            self.rounds[r.round_id] = r
        for link in plan.links:
            self.links[link.article_id] = link
