"""A round while it forms: its reports in canonical order, its aggregate, the links made so far."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from ingest.models import Round, RoundRole
from ingest.rounds.aggregate import Aggregate, aggregate
from ingest.rounds.facts import Member, fmt, interval, point
from ingest.rounds.keys import company_key
from ingest.rounds.score import Match, score


@dataclass(frozen=True)
class Windows:
    """How far apart (in days) a report may be from a round's date, by kind of report."""

    window: int  # any report
    follow_up: int  # a follow-up repeating the round's figure
    reach: int  # a follow-up naming the round's action; also how far back a batch reopens rounds

    @classmethod
    def of(cls, window_days: int, follow_up_days: int | None = None) -> Windows:
        """Return the windows for `window_days` (follow-ups: 4x the window; named ones 2 windows more)."""
        follow_up = 4 * window_days if follow_up_days is None else follow_up_days
        return cls(window_days, follow_up, max(window_days, follow_up + 2 * window_days))


@dataclass
class Cluster:
    """A round being formed: its members in the order they joined, and the links made in this pass."""

    company: str
    key: str
    members: list[Member]
    agg: Aggregate
    prior_sources: int = 0
    prior_articles: int = 0
    # article_id -> (role, score, reason) for the members that joined in this pass.
    joined: dict[str, tuple[RoundRole, float, str]] = field(default_factory=dict)

    @property
    def first(self) -> tuple[date, datetime, str]:
        """The canonical position of the round's earliest report (ranks rounds on a tie)."""
        return min(m.order for m in self.members)


@dataclass
class Seeded:
    """The state at the batch's earliest date: rounds formed so far, the reports still to place."""

    clusters: list[Cluster]
    pool: list[Member]  # canonical order
    stored: dict[str, Round]  # the open stored rounds, by id
    stored_members: dict[str, list[Member]]  # their reports (a stand-in for a row-only round)


def company_of(m: Member) -> str:
    """Return the company a report's round belongs to (the first, acting one)."""
    return m.facts.companies[0].strip()


def new_cluster(m: Member) -> Cluster:
    """Return a new round started by `m`."""
    m.scope = "full"
    company = company_of(m)
    cluster = Cluster(company=company, key=company_key(company), members=[m], agg=aggregate([m], company))
    figure = m.facts.headcount_text or fmt(point(m.facts))
    role: RoundRole = "leak" if m.is_leak else "announcement"
    cluster.joined[m.article_id] = (role, 1.0, f"first report of a new {company} round ({figure})")
    return cluster


def _link_role(before: Aggregate, after: Aggregate, member: Member, had_official: bool) -> RoundRole:
    if member.is_leak:
        return "leak"
    if not had_official:
        return "announcement"
    if member.scope == "full" and (
        before.headcount != after.headcount or before.headcount_official != after.headcount_official
    ):
        return "update"
    return "coverage"


def join(cluster: Cluster, m: Member, found: Match) -> None:
    """Add `m` to the round as `found` says (recomputing the aggregate) and record its link."""
    before = cluster.agg
    had_official = any(not x.is_leak for x in cluster.members)
    m.scope = found.scope
    if found.demotes:
        # The whole arrived after its slices: the slices stop setting the round's figure.
        whole = interval(m.facts)
        for x in cluster.members:
            part = interval(x.facts)
            if x.scope == "full" and whole and part and part[1] < whole[0]:
                x.scope = "part"
    cluster.members.append(m)
    cluster.agg = aggregate(cluster.members, cluster.company, cluster.prior_sources, cluster.prior_articles)
    role = _link_role(before, cluster.agg, m, had_official)
    reason = found.reason
    if role == "update":
        reason = f"changed headcount {fmt(before.headcount)} -> {fmt(cluster.agg.headcount)}; {reason}"
    elif found.scope == "part" and not reason.startswith("follow-up"):
        reason = f"part of the round; {reason}"
    cluster.joined[m.article_id] = (role, found.score, reason)


def fit(cluster: Cluster, m: Member, windows: Windows) -> Match | None:
    """Return how `m` fits the round, or None when it cannot join it."""
    return score(
        cluster.agg, cluster.company, m,
        window_days=windows.window, follow_up_days=windows.follow_up, reach_days=windows.reach,
    )


def replay(company: str, members: Sequence[Member], windows: Windows, prior: Round | None = None) -> Cluster:
    """Return one round rebuilt from its own reports in canonical order (their scopes decided again)."""
    ordered = sorted(members, key=lambda m: m.order)
    first = ordered[0]
    first.scope = "full"
    cluster = Cluster(
        company=company, key=company_key(company), members=[first], agg=aggregate([first], company),
        prior_sources=prior.source_count if first.synthetic and prior else 0,
        prior_articles=prior.article_count if first.synthetic and prior else 0,
    )
    cluster.agg = aggregate(cluster.members, company, cluster.prior_sources, cluster.prior_articles)
    for m in ordered[1:]:
        join(cluster, m, fit(cluster, m, windows) or Match(score=0.0, scope="full", reason="stored"))
    cluster.joined.clear()
    return cluster
