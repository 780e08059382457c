"""Round matching: grouping layoff reports into rounds, events, idempotency, order independence, merges."""

from __future__ import annotations

import importlib.util
import random
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from ingest.alerts import AlertRow, plan_alerts
from ingest.models import Article, Classification, Round, RoundCandidate
from ingest.rounds import MATCHER_VERSION, RoundBook, RoundPlan, match_rounds, region_start, round_id_for
from ingest.rounds.facts import is_cumulative
from storage import alerts as alert_store
from storage import rounds as round_store
from storage.articles import insert_articles
from storage.classifications import save_classifications
from storage.db import connect, transaction
from tests.conftest import copy_migrated

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


def test_a_company_wide_figure_is_not_titled_as_one_unit_s_cut() -> None:
    # the memo gives the company's figure; a second story names one of the teams hit
    memo = cand("oct", "Company blog", "2025-10-28T13:00", headcount=14000, announced="2025-10-28",
                evidence="The company is reducing its corporate workforce by about 14,000 roles.")
    teams = cand("oct-teams", "Tech site", "2025-10-28T18:00", units=("AWS",), headcount=14000, announced="2025-10-28",
                 evidence="Employees in AWS were told they were among the 14,000, the company confirmed.")
    twitch = cand("jan", "Twitch blog", "2026-01-13T13:00", units=("Twitch",), headcount=500, approx=True,
                  announced="2026-01-13", evidence="Twitch confirmed in a blog post that about 500 roles are affected.")
    for batch in ([memo, teams, twitch], [twitch, teams, memo]):
        plan = match_rounds([], batch, now=datetime(2026, 1, 14))
        titles = sorted(r.title for r in plan.rounds)
        assert titles == ["Amazon cuts 14,000 jobs, including AWS (announced 2025-10-28)",
                          "Amazon cuts about 500 Twitch jobs (announced 2026-01-13)"]


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


def test_a_unit_hit_by_the_company_wide_cuts_joins_them_unless_it_gives_a_figure() -> None:
    """A unit's story with no figure of its own, two days into a company-scale round that names other teams, is a
    share of it (one round, one alert); a vague figure of its own ("several hundred"), or a story telling a new round
    of its own, keeps it apart. The rule reads forward: a figureless unit story dated before the announcement keeps
    its own round."""
    memo = cand("oct", "Company blog", "2025-10-28T13:00", units=("PXT",), headcount=14000, announced="2025-10-28",
                evidence="The company is reducing its corporate workforce by about 14,000 roles.")
    games = cand("oct-games", "Games site", "2025-10-30T09:00", units=("Amazon Games",), announced="2025-10-30",
                 evidence="Amazon Games was hit hard by the layoffs, staff said.")
    plan = match_rounds([], [games, memo], now=datetime(2025, 10, 31))
    assert len(plan.rounds) == 1 and plan.rounds[0].headcount == 14000
    assert [e.kind for e in plan.events] == ["new_round"]
    vague = games.model_copy(update={"classification": games.classification.model_copy(
        update={"headcount_text": "several hundred"})})
    assert len(match_rounds([], [memo, vague], now=datetime(2025, 10, 31)).rounds) == 2
    own = cand("nov-twitch", "Stream site", "2025-11-03T09:00", units=("Twitch",), announced="2025-11-03",
               evidence="Twitch is starting a new round of layoffs of its own, unrelated to the Amazon cuts.")
    assert len(match_rounds([], [memo, own], now=datetime(2025, 11, 4)).rounds) == 2
    earlier = games.model_copy(update={"published_at": datetime(2025, 10, 27, 9), "classification":
                                       games.classification.model_copy(update={"announced_on": date(2025, 10, 27)})})
    assert len(match_rounds([], [memo, earlier], now=datetime(2025, 10, 31)).rounds) == 2


def test_a_unit_s_story_giving_the_company_figure_joins_a_round_that_names_no_unit() -> None:
    """Outlets reported 30,000 as fact the day before Amazon confirmed 14,000; a games site told the confirmed cut
    through its unit ("Amazon Games hit as part of 14,000 layoffs"). A unit does not cut 14,000 on its own: the figure
    is the company's, so the story is a part of the round naming no unit, not a second Amazon round (it had been, and
    the 14,000 coverage that followed joined it: two rounds and two alerts for one action). A unit's own figure beside
    the same round stays a round of its own: Twitch ~500, and AWS's own 1,500 (company-scale, but far below the round's
    range: a review's case the first form absorbed). Both halves pass on the old matcher too."""
    wide = [cand(f"oct-{k}", f"Outlet {k}", f"2025-10-27T{9 + k:02d}:00", headcount=30000, announced="2025-10-27",
                 evidence="Amazon is set to cut as many as 30,000 corporate jobs.") for k in range(3)]
    games = cand("oct-games", "Games site", "2025-10-28T11:00", units=("Amazon Games",), headcount=14000, hmin=14000,
                 announced="2025-10-28", evidence="Amazon Games will see significant cuts as part of at least 14,000.")
    confirmed = [cand(f"oct-c{k}", f"Wire {k}", f"2025-10-28T{12 + k:02d}:00", headcount=14000, announced="2025-10-28",
                      evidence="Amazon confirmed it will cut about 14,000 corporate roles.") for k in range(3)]
    plan = match_rounds([], [*wide, games, *confirmed], now=datetime(2025, 10, 29))
    assert len(plan.rounds) == 1
    assert [e.kind for e in plan.events] == ["new_round"]
    twitch = cand("oct-twitch", "Stream site", "2025-10-29T10:00", units=("Twitch",), headcount=500, approx=True,
                  announced="2025-10-29", evidence="Twitch confirmed about 500 roles are affected.")
    assert len(match_rounds([], [*wide, twitch], now=datetime(2025, 10, 30)).rounds) == 2
    aws = cand("oct-aws", "Cloud site", "2025-10-30T10:00", units=("AWS",), headcount=1500, approx=True,
               announced="2025-10-30", evidence="AWS will cut about 1,500 jobs in its sales teams, the unit said.")
    assert len(match_rounds([], [*wide, *confirmed, aws], now=datetime(2025, 10, 31)).rounds) == 2
    # ... unless it ties itself to the round (a second review: "AWS to lose 2,500 jobs as part of Amazon cuts")
    part = cand("oct-aws-part", "Cloud site", "2025-10-29T10:00", units=("AWS",), headcount=2500, announced="2025-10-29",
                title="AWS to lose 2,500 jobs as part of Amazon cuts",
                evidence="About 2,500 AWS roles are among the 14,000 job cuts Amazon confirmed on Tuesday.")
    assert len(match_rounds([], [*confirmed, part], now=datetime(2025, 10, 31)).rounds) == 1
    # ... but quoting the round's figure as background is no tie (a third review: a unit's own cut "days after
    # Amazon's 14,000 cuts" had been swallowed, its alert lost and the 14,000 marked confirmed)
    own = cand("nov-wf", "Grocer site", "2025-11-04T10:00", units=("Whole Foods",), headcount=1400, approx=True,
               announced="2025-11-04", title="Whole Foods to cut 1,400 jobs, days after Amazon's 14,000 cuts",
               evidence="Whole Foods Market will cut about 1,400 jobs at its stores, the grocer said.")
    assert len(match_rounds([], [*confirmed, own], now=datetime(2025, 11, 5)).rounds) == 2


def test_alexa_and_devices_reports_of_one_cut_are_one_round() -> None:
    """One outlet names the devices organisation, another Alexa inside it: the same cut, one round."""
    devices = cand("may-devices", "Wire", "2025-05-14T15:00", units=("devices",), headcount=100, approx=True,
                   announced="2025-05-14", evidence="Amazon confirmed about 100 roles in its devices unit would go.")
    alexa = cand("may-alexa", "Tech site", "2025-05-16T10:00", units=("Alexa",), headcount=100, approx=True,
                 announced="2025-05-14", evidence="The cuts hit the Alexa teams, the company confirmed.")
    plan = match_rounds([], [devices, alexa], now=datetime(2025, 5, 17))
    assert len(plan.rounds) == 1 and [e.kind for e in plan.events] == ["new_round"]


def test_a_separate_smaller_cut_of_the_same_unit_is_its_own_round() -> None:
    """"40 Alexa engineers in a separate move" five days after ~100 devices roles: a separate action, not a part."""
    devices = cand("may-devices", "Wire", "2025-05-14T15:00", units=("devices",), headcount=100, approx=True,
                   announced="2025-05-14", evidence="Amazon confirmed about 100 roles in its devices unit would go.")
    alexa = cand("may-alexa40", "Tech site", "2025-05-19T10:00", units=("Alexa",), headcount=40, announced="2025-05-19",
                 evidence="Amazon is cutting 40 Alexa engineers in a separate move, the company confirmed.")
    assert len(match_rounds([], [devices, alexa], now=datetime(2025, 5, 20)).rounds) == 2


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


def test_a_late_follow_up_citing_the_announcement_joins_and_a_new_action_citing_it_does_not() -> None:
    memo = cand("oct", "Company blog", "2025-10-28T14:00", headcount=14000, announced="2025-10-28",
                evidence="The retailer said it would reduce its corporate workforce by about 14,000 roles.")
    consult = cand("uk", "Regional paper", "2025-11-05T09:00", hmin=200, hmax=900, text="several hundred",
                   title="Retailer begins consulting UK staff as cuts reach Leeds offices",
                   evidence="The talks began a week after it announced about 14,000 corporate cuts worldwide.")
    more = cand("dec", "Wire", "2025-11-20T09:00", headcount=2000, announced="2025-11-20",
                title="Retailer to cut another 2,000 jobs, weeks after it announced 14,000",
                evidence="The retailer said it would cut another 2,000 jobs.")
    plan = match_rounds([], [memo, consult, more], now=datetime(2025, 11, 21))
    rounds = {link.article_id: link.round_id for link in plan.links}
    assert rounds["uk"] == rounds["oct"] != rounds["dec"]


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
    assert sum(n == 1 for n in per_round.values()) >= len(per_round) - 2  # a floor: late follow-ups are hard
    assert all(n >= 1 for n in per_round.values())


# ------------------------------------------------------------------ the same rounds whatever the order

# Four Amazon rounds and one Meta round, as outlets, leaks, filings and recaps report them.
STORY: dict[str, list[RoundCandidate]] = {
    "amazon-2025-10": [
        # The leak's date is a cited one (a week before it was published): the leak is news the day it runs.
        cand("o25-leak", "Reuters", "2025-10-27T15:00", units=("corporate",), hmax=30000, leak=True,
             text="as many as 30,000", announced="2025-10-20",
             evidence="Amazon plans to cut as many as 30,000 corporate jobs, people familiar said."),
        cand("o25-memo", "Amazon blog", "2025-10-28T13:00", units=("corporate",), headcount=14000, approx=True,
             text="approximately 14,000", announced="2025-10-28",
             evidence="Galetti wrote in a memo that Amazon is reducing its corporate workforce by approximately 14,000 roles."),
        cand("o25-cnbc", "CNBC", "2025-10-28T15:00", units=("Prime Video", "AWS"), headcount=14000,
             announced="2025-10-28", evidence="Amazon said it would cut 14,000 jobs, including in AWS and Prime Video."),
        cand("o25-de", "Handelsblatt", "2025-10-28T18:00", headcount=14000, text="14.000", announced="2025-10-28",
             evidence="Amazon baut 14.000 Stellen in der Verwaltung ab."),
        # A recap's running total, dated by the classifier to the first round it cites.
        cand("o25-total", "Investing Daily", "2025-11-01T10:00", headcount=27000, hmin=27000, text="more than 27,000",
             announced="2022-11-16", evidence="Amazon has cut more than 27,000 jobs since 2022."),
        cand("o25-told", "Seattle Times", "2025-11-03T09:00", announced="2025-11-03",
             evidence="Affected employees were told on Monday that their last day would be in January."),
        cand("o25-warn", "KING 5", "2025-11-10T12:00", headcount=2303, announced="2025-11-10",
             evidence="Amazon filed a WARN notice covering 2,303 workers in Washington."),
    ],
    "twitch-2026-01": [
        TWITCH26,
        cand("t26-blog", "Twitch blog", "2026-01-21T09:00", units=("Twitch",), headcount=500, announced="2026-01-20",
             evidence="Clancy wrote in a blog post that 500 roles are affected."),
    ],
    "amazon-2026-01": [
        JAN26,
        cand("j26-reuters", "Reuters", "2026-01-28T16:00", headcount=16000, approx=True, text="about 16,000",
             announced="2026-01-28", evidence="Amazon said on Wednesday it will eliminate about 16,000 corporate jobs."),
        cand("j26-total", "Business Insider", "2026-01-29T10:00", headcount=30000, text="30,000", announced="2025-10-28",
             evidence="Amazon has now cut about 30,000 corporate jobs since October."),
        cand("j26-warn", "Seattle Times", "2026-02-14T12:00", headcount=2198, announced="2026-02-13",
             evidence="Amazon filed a notice with the state Employment Security Department for 2,198 layoffs."),
    ],
    "meta-2025-10": [
        cand("meta25", "Reuters", "2025-10-22T12:00", companies=("Meta",), headcount=600, announced="2025-10-22",
             evidence="Meta confirmed 600 AI roles are cut."),
    ],
    "amazon-2026-05-sps": SPS,
}
TRUTH = {c.article_id: key for key, group in STORY.items() for c in group}
REPORTS = [c for group in STORY.values() for c in group] + [ESSAY]


def _grouping(book: RoundBook) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article_id, link in book.links.items():
        groups.setdefault(link.round_id, set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


def _run(batches: list[list[RoundCandidate]]) -> tuple[RoundBook, list[tuple[AlertRow, str]]]:
    """Match the batches one run at a time; return the book and each new_round row's true round."""
    book, outbox, alerted = RoundBook(), set(), []
    for batch in batches:
        now = max(c.fetched_at for c in batch)
        plan = book.match(batch, window_days=7, now=now)
        for row in plan_alerts(plan, watched=["Amazon"], channels=[CHANNEL], now=now):
            if row.idempotency_key in outbox:
                continue
            outbox.add(row.idempotency_key)
            if row.kind == "new_round":
                members = Counter(TRUTH[a] for a, link in book.links.items() if link.round_id == row.round_id)
                alerted.append((row, members.most_common(1)[0][0]))
    return book, alerted


def _cut(order: list[RoundCandidate], rng: random.Random) -> list[list[RoundCandidate]]:
    """Return `order` cut into runs at random boundaries."""
    cuts = sorted(rng.sample(range(1, len(order)), rng.randint(0, len(order) - 1)))
    return [order[a:b] for a, b in zip([0, *cuts], [*cuts, len(order)], strict=True)]


def _any_order(seed: int) -> list[list[RoundCandidate]]:
    """Return the reports in a random fetch order (a filing may come weeks before its announcement)."""
    rng = random.Random(seed)
    order = REPORTS[:]
    rng.shuffle(order)
    start = datetime(2026, 6, 1)
    return _cut([c.model_copy(update={"fetched_at": start + timedelta(hours=i)}) for i, c in enumerate(order)], rng)


def _live_order(seed: int) -> list[list[RoundCandidate]]:
    """Return the reports as live runs fetch them: each 0-72 hours after publication, runs cut at random."""
    rng = random.Random(seed)
    fetched = [c.model_copy(update={"fetched_at": c.published_at + timedelta(minutes=rng.randint(0, 72 * 60))})
               for c in REPORTS]
    return _cut(sorted(fetched, key=lambda c: (c.fetched_at, rng.random())), rng)


EXPECTED = {frozenset(c.article_id for c in group) for group in STORY.values()}
ONE_ALERT_EACH = {key: 1 for key in STORY if key.startswith(("amazon", "twitch"))}


def _assert_rounds(book: RoundBook) -> None:
    assert _grouping(book) == EXPECTED
    oct25 = book.rounds[book.links["o25-memo"].round_id]
    jan26 = book.rounds[book.links["jan26"].round_id]
    # Running totals ("27,000 since 2022", "30,000 since October") and late filings set nothing.
    assert (oct25.headcount, oct25.announced_on, oct25.status) == (14000, date(2025, 10, 28), "confirmed")
    assert (jan26.headcount, jan26.announced_on, jan26.source_count) == (16000, date(2026, 1, 28), 4)


@pytest.mark.parametrize("seed", range(25))
def test_same_rounds_and_one_new_round_alert_per_round_whatever_the_live_order(seed: int) -> None:
    book, alerted = _run(_live_order(seed))
    _assert_rounds(book)
    assert Counter(truth for _, truth in alerted) == ONE_ALERT_EACH


@pytest.mark.parametrize("seed", range(25))
def test_same_rounds_whatever_the_fetch_order_and_runs(seed: int) -> None:
    book, alerted = _run(_any_order(seed))
    _assert_rounds(book)
    # A filing fetched weeks before the announcement it belongs to is a round of its own until
    # the announcement arrives; then they merge, and the merge itself alerts nothing.
    assert set(Counter(truth for _, truth in alerted)) == set(ONE_ALERT_EACH)


def test_one_run_and_one_report_a_run_newest_first_give_the_same_rounds() -> None:
    at = datetime(2026, 6, 1)
    everything = [c.model_copy(update={"fetched_at": at}) for c in REPORTS]
    _assert_rounds(_run([everything])[0])
    newest_first = sorted(REPORTS, key=lambda c: c.published_at, reverse=True)
    _assert_rounds(_run([[c.model_copy(update={"fetched_at": at + timedelta(hours=i)})]
                         for i, c in enumerate(newest_first)])[0])


def _random_reports(rng: random.Random) -> list[RoundCandidate]:
    """Return 5-40 reports of two companies over four months: any figures, units, dates, leaks, cues."""
    figures = (None, None, 100, 400, 500, 2300, 9000, 14000, 16000, 18000, 27000, 30000)
    units = ((), (), ("AWS",), ("Twitch",), ("corporate",), ("AWS", "Twitch"), ("PXT",))
    cues = ("", "A spokesperson confirmed.", "The company filed a WARN notice.", "Employees were told on Monday.",
            "Amazon has cut 27,000 jobs since 2022.")
    reports = []
    for i in range(rng.randint(5, 40)):
        at = datetime(2025, 1, 1) + timedelta(days=rng.randint(0, 120), hours=rng.randint(0, 23))
        on = rng.choice((None, at.date(), at.date() - timedelta(days=rng.randint(0, 20)), date(2022, 11, 16)))
        reports.append(cand(f"r{i}", rng.choice(("Reuters", "CNBC", f"site{i}")), at.isoformat(),
                            companies=(rng.choice(("Amazon", "Amazon", "Meta")),), units=rng.choice(units),
                            headcount=rng.choice(figures), approx=rng.random() < 0.3, leak=rng.random() < 0.15,
                            announced=on.isoformat() if on else None, evidence=rng.choice(cues)))
    return reports


@pytest.mark.parametrize("seed", range(30))
def test_random_reports_in_random_runs_group_as_in_one_run(seed: int) -> None:
    rng = random.Random(seed)
    reports = _random_reports(rng)
    whole = RoundBook()
    whole.match(reports, window_days=7, now=datetime(2026, 1, 1))
    order = reports[:]
    rng.shuffle(order)
    book = RoundBook()
    for i, run in enumerate(_cut(order, rng)):
        book.match(run, window_days=7, now=datetime(2026, 1, 1) + timedelta(hours=i))
    assert _grouping(book) == _grouping(whole)
    assert len(book.rounds) == len(_grouping(book))  # merged-away rounds are gone


def test_a_late_filing_and_affected_workers_join_their_round_as_parts() -> None:
    book = RoundBook()
    blog = cand("jan23", "Amazon blog", "2023-01-04T23:00", headcount=18000, announced="2023-01-04",
                evidence="Jassy wrote in a memo that just over 18,000 roles would be eliminated.")
    first = book.match([blog], window_days=7, now=datetime(2023, 1, 5))
    told = cand("jan23-told", "GeekWire", "2023-01-18T16:00", announced="2023-01-18",
                evidence="Employees were told on Wednesday, as the cuts announced this month got under way.")
    warn = cand("jan23-warn", "Seattle Times", "2023-01-19T01:00", headcount=2300, approx=True,
                text="more than 2,300", evidence="The company filed a WARN notice covering more than 2,300 workers.")
    games = cand("mar23-games", "Kotaku", "2023-02-20T18:00", units=("Amazon Games",), headcount=100,
                 announced="2023-02-20", evidence="Amazon Games told staff about 100 roles would go.")
    later = book.match([told, warn, games], window_days=7, now=datetime(2023, 2, 21))
    [round_id] = {r.round_id for r in first.rounds}
    assert {book.links[a].round_id for a in ("jan23", "jan23-told", "jan23-warn")} == {round_id}
    assert book.links["mar23-games"].round_id != round_id
    assert [link.reason.split(" ")[0] for link in later.links if link.round_id == round_id] == ["follow-up", "follow-up"]
    r = book.rounds[round_id]
    assert (r.headcount, r.announced_on, r.article_count) == (18000, date(2023, 1, 4), 3)
    assert [e.kind for e in later.events] == ["new_round"]  # the games round; nothing changed on January's


def test_a_cumulative_total_never_sets_the_rounds_date_or_headcount() -> None:
    total = cand("mar23-total", "Investing Daily", "2023-03-20T06:00", headcount=27000, text="27,000",
                 announced="2022-11-16", evidence="Amazon has eliminated 27,000 roles over three years.")
    memo = cand("mar23", "Amazon blog", "2023-03-20T13:00", units=("AWS", "PXT", "Advertising", "Twitch"),
                headcount=9000, announced="2023-03-20", evidence="Jassy wrote in a memo: 9,000 more roles.")
    plan = match_rounds([], [total, memo], now=datetime(2023, 3, 21))
    [r] = plan.rounds
    assert (r.headcount, r.announced_on, r.article_count) == (9000, date(2023, 3, 20), 2)
    assert is_cumulative(total.classification) and not is_cumulative(memo.classification)
    more = memo.classification.model_copy(update={
        "evidence": "Amazon will cut 9,000 more jobs, bringing the total to 27,000 since 2022."})
    assert not is_cumulative(more)
    assert is_cumulative(more.model_copy(update={"headcount": 27000, "headcount_text": "27,000"}))


def test_a_leak_and_its_confirmations_are_one_round_with_one_new_round_alert() -> None:
    book, rows = RoundBook(), []
    cnbc = cand("oct-cnbc", "Reuters", "2025-10-28T16:00", units=("corporate",), headcount=14000,
                announced="2025-10-28", evidence="Amazon said it is cutting 14,000 corporate roles.")
    for now, batch in ((datetime(2025, 10, 27, 16), [LEAK]), (datetime(2025, 10, 28, 15), [OFFICIAL]),
                       (datetime(2025, 10, 28, 17), [cnbc])):
        plan = book.match(batch, window_days=7, now=now)
        rows += plan_alerts(plan, watched=["Amazon"], channels=[CHANNEL], now=now)
    assert len(book.rounds) == 1 and len(book.links) == 3
    assert [(r.kind, r.status, r.payload["status"]) for r in rows] == [
        ("new_round", "pending", "reported"), ("round_update", "pending", "confirmed")]


def _articles(candidates: Sequence[RoundCandidate]) -> list[Article]:
    return [Article(article_id=c.article_id, feed="test", url=c.url, canonical_url=c.url, title=c.title,
                    published_at=c.published_at, fetched_at=c.fetched_at, source_name=c.source) for c in candidates]


def _store_batch(con, batch: Sequence[RoundCandidate], now: datetime) -> RoundPlan:
    """What a pipeline run does with a batch of reports: read, decide, write (rounds and outbox)."""
    insert_articles(con, _articles(batch))
    save_classifications(con, [c.classification for c in batch], now)
    candidates = round_store.round_candidates(con, [c.article_id for c in batch], "test")
    since = region_start(candidates, 7)
    if since is None:  # nothing left to group, as in the pipeline
        return RoundPlan(created_at=now)
    existing = round_store.load_open_rounds(con, ["Amazon"], since)
    members = round_store.load_round_members(con, [r.round_id for r in existing])
    plan = match_rounds(existing, candidates, now=now, members=members)
    rows = plan_alerts(plan, watched=["Amazon"], channels=[CHANNEL], now=now,
                       alerted=alert_store.alerted_rounds(con, [r.round_id for r in plan.rounds]))
    with transaction(con):
        round_store.save_plan(con, plan)
        alert_store.insert_alerts(con, rows)
    return plan


def test_rounds_that_new_evidence_shows_to_be_one_merge_without_a_second_alert(
    tmp_path: Path, migrated_db: Path
) -> None:
    twitch = cand("mar23-twitch", "The Verge", "2023-03-21T18:00", units=("Twitch",), headcount=400, hmin=400,
                  approx=True, announced="2023-03-21", evidence="Twitch's CEO said more than 400 people would leave.")
    ads = cand("mar23-ads", "Adweek", "2023-03-21T19:00", units=("Advertising",), headcount=300, approx=True,
               announced="2023-03-21", evidence="Amazon confirmed about 300 advertising roles are cut.")
    # Published later, dated earlier: the memo both slices belong to.
    memo = cand("mar23", "Amazon blog", "2023-03-22T08:00", units=("AWS", "PXT", "Advertising", "Twitch"),
                headcount=9000, announced="2023-03-20", evidence="Jassy wrote in a memo: 9,000 more roles.")
    with connect(copy_migrated(migrated_db, tmp_path / "merge.duckdb")) as con:
        first = _store_batch(con, [twitch, ads], datetime(2023, 3, 21, 20))
        assert [e.kind for e in first.events] == ["new_round", "new_round"]
        survivor, merged = (first.links[0].round_id, first.links[1].round_id)
        second = _store_batch(con, [memo], datetime(2023, 3, 22, 9))
        assert (second.removed, second.merged) == ([merged], {merged: survivor})
        assert [(e.kind, e.round_id, e.reason) for e in second.events] == [
            ("round_update", survivor, "reported -> confirmed; headcount 400 -> 9,000")]
        assert con.execute("SELECT round_id, headcount, article_count FROM rounds").fetchall() == [(survivor, 9000, 3)]
        assert con.execute("SELECT DISTINCT round_id FROM round_articles").fetchall() == [(survivor,)]
        kinds = con.execute("SELECT kind, round_id FROM alerts ORDER BY created_at, round_id").fetchall()
        assert sorted(kinds) == sorted([("new_round", survivor), ("new_round", merged), ("round_update", survivor)])
        # The same batch again changes nothing: its articles are linked.
        assert _store_batch(con, [memo], datetime(2023, 3, 22, 10)) == RoundPlan(created_at=datetime(2023, 3, 22, 10))


def test_open_rounds_are_those_announced_or_reported_since(tmp_path: Path, migrated_db: Path) -> None:
    blog = cand("jan23", "Amazon blog", "2023-01-04T23:00", headcount=18000, announced="2023-01-04",
                evidence="Jassy wrote in a memo that just over 18,000 roles would be eliminated.")
    warn = cand("jan23-warn", "Seattle Times", "2023-02-06T01:00", headcount=2300, announced="2023-02-05",
                evidence="The company filed a WARN notice for 2,300 workers as part of the cuts announced in January.")
    nov = cand("nov22", "Reuters", "2022-11-16T12:00", headcount=10000, announced="2022-11-16",
               evidence="Amazon confirmed it began laying off about 10,000 people.")
    with connect(copy_migrated(migrated_db, tmp_path / "open.duckdb")) as con:
        _store_batch(con, [nov, blog], datetime(2023, 1, 5))
        _store_batch(con, [warn], datetime(2023, 2, 6, 2))
        round_id = _round_of(con, "jan23")
        assert _round_of(con, "jan23-warn") == round_id
        # Announced before `since`, but one of its reports is newer: still open.
        assert [r.round_id for r in round_store.load_open_rounds(con, ["amazon"], date(2023, 2, 1))] == [round_id]
        assert round_store.load_open_rounds(con, ["amazon"], date(2023, 3, 1)) == []


def _round_of(con, article_id: str) -> str:
    return round_store.memberships(con)[article_id]


# ------------------------------------------------------------------ one round, whatever the language

_ROUND_IN_FOUR_LANGUAGES = [
    ("en", "Reuters", "2026-03-03T14:00", "Amazon to cut about 4,200 jobs in its devices unit",
     "Amazon said on Tuesday it would eliminate about 4,200 roles in its devices and services business, "
     "the latest reduction as the company shifts spending toward artificial intelligence.\n\n"
     "Employees were told in a memo from the unit's head that their last day would fall in May."),
    ("de", "Handelsblatt", "2026-03-03T17:30", "Amazon streicht rund 4.200 Stellen in der Gerätesparte",
     "Der Onlinehändler Amazon baut in seiner Sparte für Geräte und Dienste rund 4.200 Arbeitsplätze ab. "
     "Das teilte der Konzern am Dienstag in Seattle mit.\n\n"
     "Betroffen sind vor allem Teams, die an Alexa und Kindle arbeiten."),
    ("fr", "Les Echos", "2026-03-03T19:00", "Amazon va supprimer 4 200 postes dans sa division d'appareils",
     "Amazon a annoncé mardi la suppression d'environ 4 200 postes dans sa division d'appareils et de services, "
     "a indiqué le groupe dans un message adressé aux salariés.\n\n"
     "Le géant de Seattle poursuit ainsi la réduction de ses effectifs de bureau."),
    ("it", "Il Sole 24 Ore", "2026-03-04T08:00", "Amazon taglia 4.200 posti nella divisione dispositivi",
     "Amazon ha annunciato martedì il taglio di circa 4.200 posti di lavoro nella divisione dispositivi e servizi. "
     "Lo ha comunicato la società in una nota ai dipendenti.\n\n"
     "I licenziamenti riguardano soprattutto i gruppi che lavorano su Alexa e Kindle."),
]


def test_one_round_reported_in_four_languages_is_one_round_and_one_alert() -> None:
    from ingest.understanding import classify, load_company_table

    table = load_company_table()
    candidates = []
    for code, outlet, published, title, text in _ROUND_IN_FOUR_LANGUAGES:
        at = datetime.fromisoformat(published)
        facts = classify(f"{code}-devices", title, text, at, companies=table)
        assert (facts.label, facts.language, facts.companies[:1]) == ("layoff_report", code, ("Amazon",)), code
        candidates.append(RoundCandidate(article_id=facts.article_id, source=outlet, url=f"https://news.example/{code}",
                                         title=title, published_at=at, fetched_at=at, classification=facts))
    now = datetime(2026, 3, 4, 9)
    for batch in (candidates, candidates[::-1]):
        plan = match_rounds([], batch, now=now)
        assert len({link.round_id for link in plan.links}) == 1 and len(plan.links) == 4
        alerts = plan_alerts(plan, watched=["Amazon"], channels=[CHANNEL], now=now)
        assert [a.kind for a in alerts] == ["new_round"]


def test_a_units_late_filing_quoting_the_rounds_figure_joins_it_and_one_that_does_not_stays_apart() -> None:
    """The round's reports named other units; the filing names its own, and ties itself by the figure."""
    memo = cand("mar", "Company blog", "2024-03-11T14:00", units=("Twitch",), headcount=6000, announced="2024-03-11",
                evidence="The company said it would cut about 6,000 more jobs, mostly in advertising and Twitch.")
    filing = cand("apr", "Business Journal", "2024-04-17T09:00", units=("AWS",), headcount=312,
                  announced="2024-04-17", title="Cloud unit begins notifying staff; state notice lists 312 jobs",
                  evidence="The cloud unit began notifying employees, its share of the 6,000 cuts announced last month.")
    other = cand("apr2", "Wire", "2024-04-18T09:00", units=("AWS",), headcount=300, announced="2024-04-18",
                 title="Cloud unit begins notifying 300 staff in sales",
                 evidence="The cloud unit began notifying employees in sales that their roles would end.")
    sixty = cand("apr3", "Wire", "2024-04-19T09:00", units=("AWS",), headcount=60, announced="2024-04-19",
                 title="Cloud unit files notice for 60 jobs",
                 evidence="A notice filed with the state lists 6,000 square feet of office space and 60 jobs.")
    plan = match_rounds([], [memo, filing, other, sixty], now=datetime(2024, 4, 20))
    rounds = {link.article_id: link.round_id for link in plan.links}
    assert rounds["apr"] == rounds["mar"]
    assert rounds["mar"] not in (rounds["apr2"], rounds["apr3"])
