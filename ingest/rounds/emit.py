"""Name the rounds a matching pass formed and diff them against the stored ones into a `RoundPlan`.

* **Ids.** A round keeps the id of a stored round among its reports: of the one holding its
  earliest report, else the next. Rounds that new evidence merged keep one id and the others are
  removed (`RoundPlan.merged`): the survivor is a stored round, so a merge never sends a second
  `new_round` (alert keys hold round ids). A round with no stored report gets
  `round_id_for(company, its earliest report)`.
* **Events.** A round with a new id gets one `new_round` event with its final state (a leak and the
  official figure in one batch give one event), also when it split off stored rounds holding no new
  report: in another fetch order it would have been a round from the start, with its own alert. A
  kept round whose status or headcount changed gets one `round_update` event.
* **Times.** `first_seen_at` is `now` for a new round, else the earliest of the stored rounds its
  reports come from (so freshness stays truthful); `last_seen_at` is `now` whenever a report joins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from ingest.models import MATCHER_VERSION, Round, RoundEvent, RoundLink, RoundPlan, SourceRef
from ingest.rounds.aggregate import Aggregate
from ingest.rounds.cluster import Cluster, Seeded, Windows, replay
from ingest.rounds.facts import Member, close, fmt, point
from ingest.rounds.keys import round_id_for, unit_keys
from ingest.rounds.title import round_title

# Reports whose figure is this close to the round's give the same figure ("14,000" and "about 14,000").
FIGURE_TOLERANCE = 0.05

_MAX_SOURCES_IN_PLAN = 3


def name_rounds(clusters: Sequence[Cluster], stored: set[str]) -> list[tuple[str, Cluster]]:
    """Return (round_id, round) pairs in canonical order: stored ids kept where they can be."""
    named: list[tuple[str, Cluster]] = []
    taken: set[str] = set()
    for cluster in sorted(clusters, key=lambda c: (c.key, c.first)):
        ids = [m.stored_round for m in sorted(cluster.members, key=lambda m: m.order) if m.stored_round]
        round_id = next((i for i in dict.fromkeys(ids) if i not in taken), None)
        if round_id is None:
            first = min((m for m in cluster.members if not m.synthetic), key=lambda m: m.order)
            round_id, n = round_id_for(cluster.company, first.article_id), 1
            while round_id in taken or round_id in stored:
                n += 1  # the id of a stored round this one split from
                round_id = round_id_for(cluster.company, f"{first.article_id}#{n}")
        taken.add(round_id)
        named.append((round_id, cluster))
    return named


def _units_are_scope(cluster: Cluster) -> bool:
    """Return whether every report giving the round's figure names one of its specific units: else the units are
    teams inside a larger cut ("14,000 corporate jobs" beside a story naming AWS among those hit), not what the
    figure counts."""
    agg = cluster.agg
    keys, figure = agg.unit_keys, agg.headcount
    if figure is None or not keys:
        return True
    same = [m for m in cluster.members if close(point(m.facts), figure, FIGURE_TOLERANCE)]
    return all(unit_keys(m.facts.units, cluster.company) & keys for m in same)


def _to_round(round_id: str, cluster: Cluster, first_seen: datetime, last_seen: datetime) -> Round:
    agg = cluster.agg
    hm, tm = agg.headcount_member, agg.text_member
    facts = hm.facts if hm else None
    headcount_text = tm.facts.headcount_text if tm else None
    company = cluster.company
    # A vague or ranged count ("several hundred" = 200-900) is no single figure: headcount stays NULL
    # and the bounds and words are kept (matching still compares the range's top, agg.headcount).
    ranged = facts is not None and facts.headcount is None and None not in (facts.headcount_min, facts.headcount_max)
    return Round(
        round_id=round_id, company=company, units=agg.units, announced_on=agg.announced_on,
        first_seen_at=first_seen, last_seen_at=last_seen, headcount=None if ranged else agg.headcount,
        headcount_min=facts.headcount_min if facts else None,
        headcount_max=facts.headcount_max if facts else None,
        headcount_text=headcount_text, status=agg.status, article_count=agg.article_count,
        source_count=agg.source_count,
        title=round_title(company, agg.units, facts, headcount_text, agg.status, agg.announced_on,
                          units_are_scope=_units_are_scope(cluster)),
        evidence=agg.evidence, matcher_version=MATCHER_VERSION,
    )


def _first_sources(members: Sequence[Member]) -> list[SourceRef]:
    picked: list[SourceRef] = []
    outlets: set[str] = set()
    for m in sorted(members, key=lambda m: (m.published_at, m.article_id)):
        outlet = m.source or m.article_id
        if m.synthetic or outlet in outlets:
            continue
        outlets.add(outlet)
        picked.append(SourceRef(article_id=m.article_id, source=m.outlet, title=m.title, url=m.url,
                                published_at=m.published_at))
        if len(picked) == _MAX_SOURCES_IN_PLAN:
            break
    return picked


def _links(round_id: str, cluster: Cluster) -> list[RoundLink]:
    """Return the links of the round's new reports and of the reports that moved into it."""
    links = []
    for m in sorted(cluster.members, key=lambda m: m.order):
        if m.synthetic or m.stored_round == round_id:
            continue
        role, score, reason = cluster.joined.get(m.article_id, ("coverage", 0.0, "regrouped"))
        if m.stored_round is not None:
            reason = f"moved from {m.stored_round}: {reason}"
        links.append(RoundLink(round_id=round_id, article_id=m.article_id, role=role, score=score, reason=reason))
    return links


def _update(base: Round, new: Round, before: Aggregate, agg: Aggregate) -> RoundEvent | None:
    parts = []
    if base.status != new.status:
        parts.append(f"{base.status} -> {new.status}")
    if base.headcount != new.headcount:
        parts.append(f"headcount {fmt(base.headcount)} -> {fmt(new.headcount)}")
    elif before.headcount_official != agg.headcount_official and new.headcount is not None:
        parts.append(f"headcount {fmt(new.headcount)} now official")
    if not parts:
        return None
    return RoundEvent(
        kind="round_update", round_id=new.round_id, reason="; ".join(parts), status=new.status,
        headcount=new.headcount, headcount_official=agg.headcount_official, previous_status=base.status,
        previous_headcount=base.headcount, previous_headcount_official=before.headcount_official,
    )


def _event(seeded: Seeded, round_id: str, cluster: Cluster, new: Round, windows: Windows) -> RoundEvent | None:
    base = seeded.stored.get(round_id)
    if base is None:
        origins = sorted({m.stored_round for m in cluster.members if m.stored_round})
        # A round split off stored ones is announced too: read in another order, its reports would have made it
        # a round of its own from the start, with its own alert (alerts must not depend on the fetch order).
        reason = f"new round (split from {', '.join(origins)})" if all(m.stored_round for m in cluster.members) else "new round"
        return RoundEvent(kind="new_round", round_id=round_id, reason=f"{reason}: {new.title}", status=new.status,
                          headcount=new.headcount, headcount_official=cluster.agg.headcount_official)
    before = replay(base.company, seeded.stored_members[round_id], windows, base).agg
    return _update(base, new, before, cluster.agg)


def _merged(seeded: Seeded, named: Sequence[tuple[str, Cluster]], removed: set[str]) -> dict[str, str]:
    """Return removed round id -> the round now holding most of its reports (earliest on a tie)."""
    holders: dict[str, Counter[str]] = {r: Counter() for r in removed}
    for round_id, cluster in named:
        for m in cluster.members:
            if m.stored_round in holders:
                holders[m.stored_round][round_id] += 1
    return {r: c.most_common(1)[0][0] for r, c in sorted(holders.items()) if c}


def emit(seeded: Seeded, clusters: Sequence[Cluster], now: datetime, windows: Windows) -> RoundPlan:
    """Return the plan turning the stored rounds into `clusters`: rows, links, events, removals."""
    named = name_rounds(clusters, set(seeded.stored))
    rounds, links, events, sources = [], [], [], {}
    for round_id, cluster in named:
        base = seeded.stored.get(round_id)
        had = {m.article_id for m in seeded.stored_members.get(round_id, ())}
        has = {m.article_id for m in cluster.members}
        if base is not None and had == has:
            continue  # untouched
        origins = [seeded.stored[m.stored_round].first_seen_at for m in cluster.members if m.stored_round]
        first_seen = min(origins, default=now)
        last_seen = base.last_seen_at if base is not None and has <= had else now
        if base is not None:
            last_seen = max(last_seen, base.last_seen_at)
        new = _to_round(round_id, cluster, first_seen, last_seen)
        rounds.append(new)
        links += _links(round_id, cluster)
        sources[round_id] = _first_sources(cluster.members)
        event = _event(seeded, round_id, cluster, new, windows)
        if event is not None:
            events.append(event)
    removed = set(seeded.stored) - {round_id for round_id, _ in named}
    return RoundPlan(
        created_at=now, rounds=rounds, links=links, events=events, sources=sources,
        removed=sorted(removed), merged=_merged(seeded, named, removed),
    )
