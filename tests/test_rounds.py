"""Round matching (pure): grouping layoff reports into rounds, events, idempotency, the replay set."""

from __future__ import annotations

import importlib.util
import random
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from ingest.alerts import plan_alerts
from ingest.models import Classification, Round, RoundCandidate
from ingest.rounds import MATCHER_VERSION, RoundPlan, match_rounds, round_id_for

ROOT = Path(__file__).resolve().parent.parent
CHANNEL = "json://127.0.0.1:9/hook"


def cand(
    article_id: str,
    source: str,
    published: str,
    *,
    label: str = "layoff_report",
    companies: Sequence[str] = ("Amazon",),
    units: Sequence[str] = (),
    headcount: int | None = None,
    hmin: int | None = None,
    hmax: int | None = None,
    approx: bool = False,
    text: str | None = None,
    announced: str | None = None,
    leak: bool = False,
    evidence: str = "",
    title: str | None = None,
) -> RoundCandidate:
    at = datetime.fromisoformat(published)
    return RoundCandidate(
        article_id=article_id,
        source=source,
        url=f"https://news.example/{article_id}",
        title=title or article_id,
        published_at=at,
        fetched_at=at,
        classification=Classification(
            article_id=article_id,
            classifier_version="test",
            label=label,  # type: ignore[arg-type]
            confidence=0.9,
            companies=tuple(companies),
            units=tuple(units),
            headcount=headcount,
            headcount_min=hmin,
            headcount_max=hmax,
            headcount_approx=approx,
            headcount_text=text,
            announced_on=date.fromisoformat(announced) if announced else None,
            is_leak=leak,
            evidence=evidence,
        ),
    )


def apply(
    rounds: dict[str, Round], members: dict[str, list[RoundCandidate]], plan: RoundPlan,
    candidates: Sequence[RoundCandidate],
) -> None:
    """Do to in-memory state what storage.rounds.save_plan does to the tables."""
    by_id = {c.article_id: c for c in candidates}
    for r in plan.rounds:
        rounds[r.round_id] = r
    for link in plan.links:
        members.setdefault(link.round_id, []).append(by_id[link.article_id])


# Seeds 000 + 001: two outlets on the same Selling Partner Services cut.
SPS = [
    cand("sps-001", "AlphaScala", "2026-05-14T10:00", units=("Selling Partner Services",),
         announced="2026-05-13", title="Amazon retail job cuts hit Selling Partner Services unit",
         evidence="A company spokesperson confirmed the cuts to Business Insider."),
    cand("sps-000", "ABAB News", "2026-05-15T07:00", units=("Selling Partner Services (SPS)",),
         announced="2026-05-14", title="Amazon Cuts Jobs in Selling Partner Services Again",
         evidence="Amazon has announced a new round of layoffs in its Selling Partner Services department."),
]
# Seed 004: an investor essay about past cuts.
ESSAY = cand("essay-004", "Investing Daily", "2026-05-20T12:00", label="layoff_mention", headcount=27000,
             text="more than 27,000", evidence="The company has shed more than 27,000 jobs.")
LEAK = cand("oct-leak", "Reuters", "2025-10-27T15:00", units=("corporate",), hmax=30000, leak=True,
            text="as many as 30,000", announced="2025-10-27",
            evidence="Amazon plans to cut as many as 30,000 corporate jobs, people familiar said.")
OFFICIAL = cand("oct-memo", "CNBC", "2025-10-28T14:00", units=("corporate",), headcount=14000,
                approx=True, text="approximately 14,000", announced="2025-10-28",
                title="Amazon confirms 14,000 corporate job cuts",
                evidence="Amazon confirmed it is reducing its corporate workforce by approximately 14,000 roles.")
JAN26 = cand("jan26", "Amazon blog", "2026-01-28T14:00", units=("corporate",), headcount=16000,
             announced="2026-01-28", evidence="Galetti wrote in a memo that 16,000 roles are affected.")
TWITCH26 = cand("twitch26", "The Verge", "2026-01-20T18:00", units=("Twitch",), headcount=500,
                approx=True, announced="2026-01-20", evidence="Twitch said in a statement about 500 would go.")


def test_sps_pair_from_two_outlets_is_one_round() -> None:
    plan = match_rounds([], SPS, now=datetime(2026, 5, 15, 8))
    assert len(plan.rounds) == 1
    r = plan.rounds[0]
    assert (r.company, r.source_count, r.article_count, r.status) == ("Amazon", 2, 2, "confirmed")
    assert r.announced_on == date(2026, 5, 13)
    assert r.round_id == round_id_for("Amazon", "sps-001")
    assert r.matcher_version == MATCHER_VERSION
    assert [link.role for link in plan.links] == ["announcement", "coverage"]
    assert [e.kind for e in plan.events] == ["new_round"]
    assert [s.source for s in plan.sources[r.round_id]] == ["AlphaScala", "ABAB News"]
    assert r.title == "Amazon: Selling Partner Services jobs cut (2026-05-13)"


def test_mention_never_creates_a_round() -> None:
    plan = match_rounds([], [ESSAY], now=datetime(2026, 5, 21))
    assert plan.rounds == [] and plan.links == [] and plan.events == []
    assert plan_alerts(plan, watched=["Amazon"], channels=[CHANNEL], now=datetime(2026, 5, 21)) == []


def test_leak_then_official_moves_one_round_to_confirmed() -> None:
    rounds: dict[str, Round] = {}
    members: dict[str, list[RoundCandidate]] = {}
    first = match_rounds([], [LEAK], now=datetime(2025, 10, 27, 16))
    apply(rounds, members, first, [LEAK])
    r1 = first.rounds[0]
    assert (r1.status, r1.headcount, r1.headcount_max) == ("reported", 30000, 30000)
    assert r1.title == "Amazon reportedly plans to cut up to 30,000 corporate jobs (reported 2025-10-27)"
    assert [link.role for link in first.links] == ["leak"]

    second = match_rounds(list(rounds.values()), [OFFICIAL], now=datetime(2025, 10, 28, 15), members=members)
    apply(rounds, members, second, [OFFICIAL])
    assert len(second.rounds) == 1 and second.rounds[0].round_id == r1.round_id
    r2 = second.rounds[0]
    assert (r2.status, r2.headcount, r2.source_count, r2.announced_on) == (
        "confirmed", 14000, 2, date(2025, 10, 28)
    )
    assert r2.title == "Amazon cuts about 14,000 corporate jobs (announced 2025-10-28)"
    assert [link.role for link in second.links] == ["announcement"]
    events = first.events + second.events
    assert [e.kind for e in events] == ["new_round", "round_update"]
    assert second.events[0].reason == "reported -> confirmed; headcount 30,000 -> 14,000"

    alerts = plan_alerts(first, watched=["Amazon"], channels=[CHANNEL], now=datetime(2025, 10, 27, 16))
    alerts += plan_alerts(second, watched=["Amazon"], channels=[CHANNEL], now=datetime(2025, 10, 28, 15))
    assert [(a.kind, a.status) for a in alerts] == [("new_round", "pending"), ("round_update", "pending")]


def test_leak_and_official_in_one_batch_give_one_new_round_event() -> None:
    plan = match_rounds([], [OFFICIAL, LEAK], now=datetime(2025, 10, 28, 15))
    assert len(plan.rounds) == 1
    assert (plan.rounds[0].status, plan.rounds[0].headcount) == ("confirmed", 14000)
    assert [e.kind for e in plan.events] == ["new_round"]
    assert [link.role for link in plan.links] == ["leak", "announcement"]


def test_twitch_cut_is_its_own_round_beside_a_company_wide_one() -> None:
    plan = match_rounds([], [TWITCH26, JAN26], now=datetime(2026, 1, 29))
    assert len(plan.rounds) == 2
    by_units = {r.units: r for r in plan.rounds}
    assert by_units[("Twitch",)].company == "Amazon"
    assert by_units[("Twitch",)].headcount == 500
    assert by_units[("corporate",)].headcount == 16000
    assert by_units[("corporate",)].title == "Amazon cuts 16,000 corporate jobs (announced 2026-01-28)"


def test_twitch_cuts_named_inside_the_march_2023_round_join_it() -> None:
    memo = cand("mar23", "Amazon blog", "2023-03-20T13:00", units=("AWS", "PXT", "Advertising", "Twitch"),
                headcount=9000, announced="2023-03-20", evidence="Jassy wrote in a memo: 9,000 more roles.")
    twitch = cand("mar23-twitch", "The Verge", "2023-03-21T18:00", units=("Twitch",), headcount=400,
                  hmin=400, approx=True, announced="2023-03-21",
                  evidence="Twitch's CEO said in a blog post more than 400 people would leave.")
    plan = match_rounds([], [memo, twitch], now=datetime(2023, 3, 22))
    assert len(plan.rounds) == 1
    r = plan.rounds[0]
    assert r.headcount == 9000 and r.article_count == 2
    assert r.title == "Amazon cuts 9,000 jobs across AWS, PXT, Advertising and Twitch (announced 2023-03-20)"
    assert plan.links[1].role == "coverage" and plan.links[1].reason.startswith("part of the round")


def test_aws_several_hundred_is_an_aws_round_not_twitch() -> None:
    twitch = cand("jan24-twitch", "Twitch", "2024-01-10T16:00", units=("Twitch",), headcount=500,
                  approx=True, announced="2024-01-10", evidence="Clancy confirmed in a blog post.")
    # Seed 003: several hundred AWS roles; it only mentions January's Twitch cuts.
    aws = cand("aws-003", "TechNewsWorld", "2024-04-03T19:00", units=("AWS",), text="several hundred",
               announced="2024-04-03", evidence="An AWS spokesperson affirmed the cuts of several hundred positions.")
    aws_in_window = aws.model_copy(update={"article_id": "aws-jan", "published_at": datetime(2024, 1, 12)})
    aws_in_window = aws_in_window.model_copy(
        update={"classification": aws.classification.model_copy(update={"announced_on": date(2024, 1, 12)})}
    )
    plan = match_rounds([], [twitch, aws, aws_in_window], now=datetime(2024, 4, 4))
    rounds = {link.article_id: link.round_id for link in plan.links}
    assert len(set(rounds.values())) == 3
    aws_round = next(r for r in plan.rounds if r.round_id == rounds["aws-003"])
    assert aws_round.units == ("AWS",)
    assert aws_round.title == "Amazon: several hundred AWS jobs cut (2024-04-03)"


def test_same_candidates_give_the_same_plan_and_nothing_new_on_rerun() -> None:
    batch = [*SPS, LEAK, OFFICIAL, JAN26, TWITCH26, ESSAY]
    now = datetime(2026, 5, 16)
    plan = match_rounds([], batch, now=now)
    shuffled = batch[:]
    random.Random(7).shuffle(shuffled)
    assert match_rounds([], shuffled, now=now) == plan

    rounds: dict[str, Round] = {}
    members: dict[str, list[RoundCandidate]] = {}
    apply(rounds, members, plan, batch)
    again = match_rounds(list(rounds.values()), batch, now=now, members=members)
    assert again.rounds == [] and again.links == [] and again.events == []


def test_row_only_round_is_seeded_from_its_counts() -> None:
    plan = match_rounds([], SPS[:1], now=datetime(2026, 5, 14, 11))
    later = cand("sps-late", "Retail Insight Network", "2026-05-15T12:00", units=("SPS",),
                 text="a small number", announced="2026-05-13")
    update = match_rounds(plan.rounds, [later], now=datetime(2026, 5, 15, 13))
    r = update.rounds[0]
    assert (r.round_id, r.source_count, r.article_count) == (plan.rounds[0].round_id, 2, 2)
    assert r.headcount_text == "a small number"
    assert update.events == []  # neither status nor headcount changed


def test_follow_up_repeating_the_figure_joins_after_the_window() -> None:
    blog = cand("jan23", "Amazon blog", "2023-01-04T23:00", headcount=18000, announced="2023-01-04",
                evidence="Jassy wrote that just over 18,000 roles would be eliminated.")
    execution = cand("jan23-exec", "Bloomberg", "2023-01-18T16:00", headcount=18000)
    other = cand("feb23", "Bloomberg", "2023-02-20T16:00", headcount=18000)
    plan = match_rounds([], [blog, execution, other], now=datetime(2023, 2, 21))
    rounds = {link.article_id: link.round_id for link in plan.links}
    assert rounds["jan23-exec"] == rounds["jan23"] != rounds["feb23"]


def test_old_round_is_recorded_as_suppressed_with_the_reason() -> None:
    memo = cand("mar23", "Amazon blog", "2023-03-20T13:00", headcount=9000, announced="2023-03-20",
                evidence="Jassy wrote in a memo: 9,000 more roles.")
    now = datetime(2026, 11, 21, 9)
    plan = match_rounds([], [memo], now=now)
    [row] = plan_alerts(plan, watched=["amazon"], channels=[CHANNEL], now=now)
    assert (row.kind, row.status, row.next_attempt_at) == ("new_round", "suppressed", None)
    assert row.reason == "announced 2023-03-20, first seen 2026-11-21: older than 3 days"
    [forced] = plan_alerts(plan, watched=["Amazon"], channels=[CHANNEL], now=now, freshness_days=10_000,
                           suppress_reason="backfill")
    assert (forced.status, forced.reason) == ("suppressed", "backfill")


def test_only_watched_companies_alert_and_updates_need_a_material_change() -> None:
    meta = cand("meta", "Reuters", "2025-10-28T12:00", companies=("Meta",), headcount=600,
                announced="2025-10-28", evidence="Meta confirmed 600 AI roles are cut.")
    plan = match_rounds([], [meta, OFFICIAL], now=datetime(2025, 10, 28, 15))
    rows = plan_alerts(plan, watched=["Amazon"], channels=[CHANNEL, "json://127.0.0.1:9/other"],
                       now=datetime(2025, 10, 28, 15))
    assert {r.payload["company"] for r in rows} == {"Amazon"} and len(rows) == 2
    assert len({r.idempotency_key for r in rows}) == 2


def test_round_update_alerts_only_for_material_changes() -> None:
    first = cand("c1", "Reuters", "2025-03-03T12:00", headcount=10000, approx=True, announced="2025-03-03",
                 evidence="The company confirmed about 10,000 roles.")
    press = cand("c2", "CNBC", "2025-03-04T12:00", headcount=10500, announced="2025-03-03")
    revised = cand("c3", "WSJ", "2025-03-05T12:00", headcount=11000, announced="2025-03-03",
                   evidence="A spokesperson said 11,000 roles are affected.")
    raised = cand("c4", "FT", "2025-03-06T12:00", headcount=13500, announced="2025-03-03",
                  evidence="The company confirmed the cuts now reach 13,500.")
    rounds: dict[str, Round] = {}
    members: dict[str, list[RoundCandidate]] = {}
    plan = match_rounds([], [first], now=datetime(2025, 3, 3, 13))
    apply(rounds, members, plan, [first])
    steps = []
    for i, article in enumerate((press, revised, raised)):
        now = datetime(2025, 3, 4 + i, 13)
        step = match_rounds(list(rounds.values()), [article], now=now, members=members)
        apply(rounds, members, step, [article])
        rows = plan_alerts(step, watched=["Amazon"], channels=[CHANNEL], now=now)
        off = plan_alerts(step, watched=["Amazon"], channels=[CHANNEL], now=now, updates_enabled=False)
        steps.append(([e.reason for e in step.events], [link.role for link in step.links], rows, off))
    assert len(rounds) == 1
    # A press figure does not override the company's; a company revision of 10 % is an event
    # without an alert; a revision of 23 % alerts once (unless updates are off).
    assert steps[0][:2] == ([], ["coverage"]) and steps[0][2] == []
    assert steps[1][:2] == (["headcount 10,000 -> 11,000"], ["update"]) and steps[1][2] == []
    assert steps[2][:2] == (["headcount 11,000 -> 13,500"], ["update"])
    [row] = steps[2][2]
    assert row.kind == "round_update"
    assert row.idempotency_key.startswith(f"{row.round_id}:round_update:confirmed:13500:")
    assert all(off == [] for *_, off in steps)


def _replay_module():
    spec = importlib.util.spec_from_file_location("rounds_eval", ROOT / "benchmarks" / "rounds_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("rounds_eval", module)
    spec.loader.exec_module(module)
    return module


def test_replay_keeps_the_alert_invariants() -> None:
    evaluation = _replay_module()
    result = evaluation.replay(evaluation.load())
    # Exactly one new_round alert per created watched round, and none for anything else.
    new_round = [a for a in result.store.alerts.values() if a.kind == "new_round"]
    watched_rounds = [r for r in result.store.rounds.values() if r.company == "Amazon"]
    assert sorted(a.round_id for a in new_round) == sorted(r.round_id for r in watched_rounds)
    assert all(a.status == "pending" for a in new_round)  # fresh when seen: nothing suppressed
    assert evaluation.mention_alerts(result) == 0
    assert (result.second_pass_new_links, result.second_pass_new_alerts) == (0, 0)
    precision, recall = evaluation.pairwise(result.expected(), result.predicted())
    assert precision == 1.0 and recall >= 0.85
    per_round = evaluation.alerts_per_expected_round(result)
    assert sum(n == 1 for n in per_round.values()) >= len(per_round) - 2  # two known hard splits
    assert all(n >= 1 for n in per_round.values())
