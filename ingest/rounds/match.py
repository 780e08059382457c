"""Round matching as a function of the SET of reports: seed, assign, emit.

Within one company, reports are taken in one canonical order (`Member.order`: date, publication
time, article id) and each joins the best-fitting round formed by the reports before it, or starts
one (`score.score` ranks; ties go to the round whose first report comes first). The outcome of
that pass depends only on which reports exist, never on when or in which batches they arrived.

A batch changes only what comes after its earliest report, so a pass need not start from scratch:

* **seed** takes the stored rounds still open at the batch's earliest date `d0` (a round whose
  reports all lie more than the reach before `d0` can take no report of the batch) and rebuilds
  each from its own reports dated before `d0`, in canonical order. Those are exactly the rounds
  the canonical pass has formed when it reaches `d0`. Stored reports dated from `d0` on go back
  into the pool with the batch.
* **assign** runs the canonical pass over the pool.
* **emit** (`ingest.rounds.emit`) names the resulting rounds (a stored round keeps its id; merged
  rounds keep the id of the one holding the earliest report) and diffs them into a `RoundPlan`.

So stored rounds always equal what one canonical pass over every report seen so far would give,
whatever the fetch order or the batch boundaries. Pass every stored round that may be open, with
its members (`region_start` says from which date; `storage.rounds.load_open_rounds` loads them);
a round passed without members is taken as its row alone (a stand-in report that never moves).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from ingest.models import Round, RoundCandidate, RoundPlan
from ingest.rounds.cluster import Cluster, Seeded, Windows, company_of, fit, join, new_cluster, replay
from ingest.rounds.emit import emit
from ingest.rounds.facts import Member, member_from, seed_member
from ingest.rounds.keys import company_key
from ingest.rounds.score import Match


def region_start(candidates: Iterable[RoundCandidate], window_days: int) -> date | None:
    """Return the date from which stored rounds may change when `candidates` are matched (None: none)."""
    windows = Windows.of(window_days)
    reports = (c for c in candidates if c.classification.label == "layoff_report" and c.classification.companies)
    days = [member_from(c, windows.reach).on for c in reports]
    return min(days) - timedelta(days=windows.reach + 1) if days else None


def _new_members(
    candidates: Sequence[RoundCandidate], linked: set[str], windows: Windows
) -> dict[str, list[Member]]:
    """Return company key -> the batch's reports not linked yet, one per article."""
    fresh: dict[str, Member] = {}
    for cand in candidates:
        facts = cand.classification
        if facts.label != "layoff_report" or not facts.companies or cand.article_id in linked:
            continue
        m = member_from(cand, windows.reach)
        if cand.article_id not in fresh or m.order < fresh[cand.article_id].order:
            fresh[cand.article_id] = m
    by_company: dict[str, list[Member]] = {}
    for m in fresh.values():
        by_company.setdefault(company_key(company_of(m)), []).append(m)
    return by_company


def seed(
    existing: Sequence[Round],
    members: Mapping[str, Sequence[RoundCandidate]],
    candidates: Sequence[RoundCandidate],
    windows: Windows,
) -> Seeded:
    """Return the rounds formed before the batch's earliest report, and the reports still to place."""
    linked = {c.article_id for group in members.values() for c in group}
    fresh = _new_members(candidates, linked, windows)
    d0 = {key: min(m.on for m in group) for key, group in fresh.items()}
    seeded = Seeded(clusters=[], pool=[m for group in fresh.values() for m in group], stored={}, stored_members={})
    for r in sorted(existing, key=lambda r: (r.announced_on, r.round_id)):
        key = company_key(r.company)
        if key not in d0 or r.round_id in seeded.stored:
            continue
        start = d0[key] - timedelta(days=windows.reach)
        own = [member_from(c, windows.reach, r.round_id) for c in members.get(r.round_id, ())] or [seed_member(r)]
        if r.announced_on < start and max(m.on for m in own) < start:
            continue  # closed: no report of the batch can reach it
        seeded.stored[r.round_id] = r
        seeded.stored_members[r.round_id] = [replace(m) for m in own]
        prefix = [m for m in own if m.synthetic or m.on < d0[key]]
        seeded.pool += [m for m in own if not (m.synthetic or m.on < d0[key])]
        if prefix:
            seeded.clusters.append(replay(r.company, prefix, windows, r))
    seeded.pool.sort(key=lambda m: m.order)
    return seeded


class _Index:
    """Rounds by company and coarse date, so a report only meets rounds it could join."""

    def __init__(self, width: int) -> None:
        self.width = max(width, 1)
        self.buckets: dict[tuple[str, int], list[Cluster]] = {}
        self.where: dict[int, tuple[str, int]] = {}

    def put(self, cluster: Cluster) -> None:
        key = (cluster.key, cluster.agg.announced_on.toordinal() // self.width)
        old = self.where.get(id(cluster))
        if old == key:
            return
        if old is not None:
            self.buckets[old].remove(cluster)
        self.buckets.setdefault(key, []).append(cluster)
        self.where[id(cluster)] = key

    def near(self, company: str, day: date) -> list[Cluster]:
        """Return the rounds of `company` dated within one bucket width of `day` (and a few more)."""
        b = day.toordinal() // self.width
        return [c for k in (b - 1, b, b + 1) for c in self.buckets.get((company, k), ())]


def assign(seeded: Seeded, windows: Windows) -> list[Cluster]:
    """Return every round after placing the pool's reports in canonical order."""
    clusters = list(seeded.clusters)
    index = _Index(windows.reach)
    for cluster in clusters:
        index.put(cluster)
    for m in seeded.pool:
        key = company_key(company_of(m))
        best: tuple[Match, Cluster] | None = None
        for cluster in index.near(key, m.on):
            found = fit(cluster, m, windows)
            if found is None:
                continue
            if best is None or (-found.score, cluster.first) < (-best[0].score, best[1].first):
                best = (found, cluster)
        if best is None:
            cluster = new_cluster(m)
            clusters.append(cluster)
        else:
            cluster = best[1]
            join(cluster, m, best[0])
        index.put(cluster)
    return clusters


def match_rounds(
    existing: Sequence[Round],
    candidates: Sequence[RoundCandidate],
    *,
    window_days: int = 7,
    now: datetime,
    members: Mapping[str, Sequence[RoundCandidate]] | None = None,
    follow_up_days: int | None = None,
) -> RoundPlan:
    """Return the plan grouping `candidates` with the stored rounds (see the module docstring)."""
    windows = Windows.of(window_days, follow_up_days)
    seeded = seed(existing, members or {}, candidates, windows)
    return emit(seeded, assign(seeded, windows), now, windows)
