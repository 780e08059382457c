"""Replay a labelled, time-ordered set of classified articles through round matching and alerting.

Each item of tests/data/rounds_replay.jsonl is a classification as the classifier should emit it,
plus when the pipeline saw it (`seen_at`) and the round it truly belongs to (`expected_round`,
null for mentions). Items are replayed in daily runs (one run per `seen_at` date, `now` = the
run's latest `seen_at`, so freshness is judged as a live pipeline would), through
`match_rounds` (through `RoundBook`, which loads the open rounds and writes plans as storage does)
and `plan_alerts` against an in-memory outbox (alert keys insert once). The whole replay is then
run a second time over the same store to check idempotency. `--orders N` also replays N shuffles
(other fetch order, other run boundaries) and says whether the rounds are the same.

    .venv/bin/python benchmarks/rounds_eval.py [--data PATH] [--window 7] [--watch Amazon] [--orders 5]

Prints rounds expected vs created, pairwise precision/recall of article-to-round assignment,
new_round alerts per expected watched round (must be 1) and alerts for mentions (must be 0).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ingest.alerts import AlertRow, plan_alerts  # noqa: E402
from ingest.models import Classification, Round, RoundCandidate  # noqa: E402
from ingest.rounds import RoundBook, company_key  # noqa: E402

DATA = ROOT / "tests" / "data" / "rounds_replay.jsonl"
CHANNEL = "json://127.0.0.1:9/hook"


@dataclass
class Item:
    candidate: RoundCandidate
    seen_at: datetime
    expected: str | None


@dataclass
class Store:
    """In-memory stand-in for the rounds, round_articles and alerts tables."""

    book: RoundBook = field(default_factory=RoundBook)
    alerts: dict[str, AlertRow] = field(default_factory=dict)  # idempotency_key -> row

    @property
    def rounds(self) -> dict[str, Round]:
        return self.book.rounds

    @property
    def links(self) -> dict[str, str]:
        """Return article_id -> round_id."""
        return {article_id: link.round_id for article_id, link in self.book.links.items()}


@dataclass
class Result:
    items: list[Item]
    store: Store
    runs: int
    second_pass_new_links: int
    second_pass_new_alerts: int
    events: Counter[str]
    seconds: float

    def predicted(self) -> dict[str, str]:
        return dict(self.store.links)

    def expected(self) -> dict[str, str]:
        return {i.candidate.article_id: i.expected for i in self.items if i.expected}


def load(path: Path = DATA) -> list[Item]:
    """Return the replay items in file order."""
    items = []
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        published = datetime.fromisoformat(raw["published_at"])
        seen = datetime.fromisoformat(raw["seen_at"])
        facts = Classification(
            article_id=raw["article_id"],
            classifier_version="replay",
            label=raw["label"],
            confidence=0.9,
            companies=tuple(raw["companies"]),
            units=tuple(raw["units"]),
            headcount=raw["headcount"],
            headcount_min=raw["headcount_min"],
            headcount_max=raw["headcount_max"],
            headcount_approx=raw["headcount_approx"],
            headcount_text=raw["headcount_text"],
            headcount_pct=raw["headcount_pct"],
            announced_on=date.fromisoformat(raw["announced_on"]) if raw["announced_on"] else None,
            is_leak=raw["is_leak"],
            evidence=raw["evidence"],
        )
        candidate = RoundCandidate(
            article_id=raw["article_id"],
            source=raw["source"],
            url=raw["url"],
            title=raw["title"],
            published_at=published,
            fetched_at=seen,
            classification=facts,
        )
        items.append(Item(candidate=candidate, seen_at=seen, expected=raw["expected_round"]))
    return items


def _runs(items: list[Item]) -> list[list[Item]]:
    by_day: dict[date, list[Item]] = defaultdict(list)
    for item in items:
        by_day[item.seen_at.date()].append(item)
    return [by_day[d] for d in sorted(by_day)]


def _one_pass(
    store: Store, runs: list[list[Item]], window: int, watched: list[str], events: Counter[str]
) -> tuple[int, int]:
    new_links = new_alerts = 0
    for run in runs:
        now = max(i.seen_at for i in run)
        # The flow only offers layoff_report articles not linked yet; mentions go in anyway here
        # to check that match_rounds guards against them.
        linked = len(store.book.links)
        plan = store.book.match([i.candidate for i in run], window_days=window, now=now)
        new_links += len(store.book.links) - linked
        for event in plan.events:
            events[event.kind] += 1
        for row in plan_alerts(plan, watched=watched, channels=[CHANNEL], now=now):
            if row.idempotency_key not in store.alerts:
                store.alerts[row.idempotency_key] = row
                new_alerts += 1
    return new_links, new_alerts


def replay(items: list[Item], *, window: int = 7, watched: tuple[str, ...] = ("Amazon",)) -> Result:
    """Return the outcome of replaying `items` in daily runs, twice."""
    started = time.perf_counter()
    store = Store()
    runs = _runs(sorted(items, key=lambda i: (i.seen_at, i.candidate.article_id)))
    events: Counter[str] = Counter()
    _one_pass(store, runs, window, list(watched), events)
    again_links, again_alerts = _one_pass(store, runs, window, list(watched), Counter())
    return Result(
        items=items,
        store=store,
        runs=len(runs),
        second_pass_new_links=again_links,
        second_pass_new_alerts=again_alerts,
        events=events,
        seconds=time.perf_counter() - started,
    )


def pairwise(expected: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    """Return (precision, recall) of same-round article pairs among labelled reports."""
    ids = sorted(expected)
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        same_true = expected[a] == expected[b]
        same_pred = a in predicted and predicted.get(a) == predicted.get(b)
        tp += same_true and same_pred
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def alerts_per_expected_round(result: Result, watched: tuple[str, ...] = ("Amazon",)) -> dict[str, int]:
    """Return expected watched round -> new_round alerts planned for the rounds holding its articles."""
    watched_keys = {company_key(w) for w in watched}
    predicted = result.predicted()
    rounds_of: dict[str, set[str]] = defaultdict(set)
    for item in result.items:
        facts = item.candidate.classification
        if item.expected and facts.companies and company_key(facts.companies[0]) in watched_keys:
            rounds_of[item.expected].add(predicted.get(item.candidate.article_id, "<unlinked>"))
    new_round = Counter(r.round_id for r in result.store.alerts.values() if r.kind == "new_round")
    return {key: sum(new_round[rid] for rid in rids) for key, rids in sorted(rounds_of.items())}


def mention_alerts(result: Result) -> int:
    """Return how many alerts concern a round holding a mention (must be 0)."""
    mentions = {i.candidate.article_id for i in result.items if i.candidate.classification.label != "layoff_report"}
    linked_rounds = {rid for aid, rid in result.store.links.items() if aid in mentions}
    return len(mentions & set(result.store.links)) + sum(
        1 for r in result.store.alerts.values() if r.round_id in linked_rounds
    )


def report(result: Result, watched: tuple[str, ...] = ("Amazon",)) -> str:
    """Return the printable summary of a replay."""
    expected = result.expected()
    predicted = result.predicted()
    precision, recall = pairwise(expected, predicted)
    per_round = alerts_per_expected_round(result, watched)
    created = result.store.rounds
    watched_keys = {company_key(w) for w in watched}
    alerts = list(result.store.alerts.values())
    lines = [
        f"items {len(result.items)} ({len(expected)} reports, {len(result.items) - len(expected)} mentions), "
        f"runs {result.runs}, {result.seconds * 1000:.0f} ms for two passes",
        f"rounds expected {len(set(expected.values()))}, created {len(created)}",
        f"pairwise precision {precision:.3f}, recall {recall:.3f}",
        f"events {dict(result.events)}; alerts new_round "
        f"{sum(a.kind == 'new_round' for a in alerts)}, round_update {sum(a.kind == 'round_update' for a in alerts)}, "
        f"suppressed {sum(a.status == 'suppressed' for a in alerts)}",
        f"second pass: new links {result.second_pass_new_links}, new alerts {result.second_pass_new_alerts}",
        f"alerts concerning mentions: {mention_alerts(result)}",
        "",
        "new_round alerts per expected watched round (want 1):",
    ]
    for key, n in per_round.items():
        flag = "" if n == 1 else "   <-- " + ("split" if n > 1 else "missing")
        lines.append(f"  {key:28s} {n}{flag}")
    lines += ["", "created rounds:"]
    by_round: dict[str, list[str]] = defaultdict(list)
    for aid, rid in predicted.items():
        by_round[rid].append(expected.get(aid, "?"))
    for r in sorted(created.values(), key=lambda r: (r.company, r.announced_on, r.round_id)):
        truth = Counter(by_round[r.round_id]).most_common()
        mark = "*" if company_key(r.company) in watched_keys else " "
        lines.append(
            f" {mark}{r.round_id} {r.status:9s} src={r.source_count} art={r.article_count} "
            f"{r.title}  <- {', '.join(f'{k} x{n}' for k, n in truth)}"
        )
    return "\n".join(lines)


def partition(result: Result) -> frozenset[frozenset[str]]:
    """Return the rounds as sets of article ids (ids of rounds left out)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for article_id, round_id in result.store.links.items():
        groups[round_id].add(article_id)
    return frozenset(frozenset(g) for g in groups.values())


def shuffled(items: list[Item], seed: int) -> list[Item]:
    """Return `items` fetched in another order: each seen 0 to 50 hours after it was, at random."""
    rng = random.Random(seed)
    out = []
    for item in items:
        seen = item.seen_at + timedelta(hours=rng.choice((0, 0, 0, 3, 6, 30, 50)))
        out.append(Item(candidate=item.candidate.model_copy(update={"fetched_at": seen}), seen_at=seen,
                        expected=item.expected))
    rng.shuffle(out)
    return out


def order_lines(items: list[Item], orders: int, window: int, watched: tuple[str, ...]) -> list[str]:
    """Return one line per shuffled replay (rounds, new_round alerts) and whether all gave the same rounds."""
    first = replay(items, window=window, watched=watched)
    lines = [f"shuffled replays (seen up to 50 h later, other run boundaries): {orders}"]
    same = True
    for seed in range(1, orders + 1):
        other = replay(shuffled(items, seed), window=window, watched=watched)
        same &= partition(other) == partition(first)
        alerts = sum(a.kind == "new_round" for a in other.store.alerts.values())
        lines.append(f"  shuffle {seed}: rounds {len(other.store.rounds)}, new_round alerts {alerts}")
    lines.append(f"same rounds whatever the order: {'yes' if same else 'NO'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--window", type=int, default=7)
    parser.add_argument("--watch", action="append", default=None)
    parser.add_argument("--orders", type=int, default=5, help="shuffled replays compared with the first (default 5)")
    args = parser.parse_args(argv)
    watched = tuple(args.watch or ["Amazon"])
    items = load(args.data)
    result = replay(items, window=args.window, watched=watched)
    print(report(result, watched))
    print("\n".join(["", *order_lines(items, args.orders, args.window, watched)]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
