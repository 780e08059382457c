"""A late report carrying out a cut announced before is a follow-up of that round, in the five languages.

Real coverage of a round's execution weeks after its announcement ("Amazon starts round of layoffs in AWS cloud
division", "Amazon beginnt mit angekündigtem Stellenabbau", "comenzó a despedir") had no English follow-up phrase,
so it started rounds of its own. Every title and sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ingest.models import Classification, RoundCandidate
from ingest.rounds import match_rounds
from ingest.rounds.facts import member_from


def _cand(article_id: str, published: str, title: str, evidence: str = "", *, units: tuple[str, ...] = (),
          headcount: int | None = None, opening: str = "") -> RoundCandidate:
    at = datetime.fromisoformat(published)
    return RoundCandidate(
        article_id=article_id, source=f"outlet-{article_id}", url=f"https://news.example/{article_id}", title=title,
        published_at=at, fetched_at=at, opening=opening,
        classification=Classification(
            article_id=article_id, classifier_version="test", label="layoff_report", confidence=0.9,
            companies=("Amazon",), units=units, headcount=headcount, announced_on=at.date(), evidence=evidence,
        ),
    )


@pytest.mark.parametrize(
    "title",
    [
        "Amazon starts round of layoffs in AWS cloud division",
        "Latest round of Amazon layoffs begins",
        "Amazon has begun shutting down its Quebec warehouses",
        "18.000 Jobs betroffen: Amazon beginnt mit angekündigtem Stellenabbau",
        "Amazon: der bereits angekündigte Abbau trifft nun die Verwaltung",
        "Amazon commence à licencier dans ses bureaux",
        "Amazon comenzó a despedir a empleados de sus oficinas",
        "Licenziamenti già annunciati: Amazon inizia a licenziare a Milano",
    ],
)
def test_carrying_out_an_announced_cut_is_told_as_such(title: str) -> None:
    member = member_from(_cand("x", "2023-04-26T12:00", title), 42)
    assert member.follow_up or member.executes


def test_a_cut_carried_out_with_a_figure_of_its_own_is_a_new_action() -> None:
    """"Starts round of layoffs ..., cutting 2,000 jobs" a month after a round of 16,000: a new action states its size,
    so the words of carrying a cut out follow a round only in a report giving no figure or quoting the round's ("... as
    part of the 16,000 job cuts announced in January"). A first form absorbed the new round; a review found it."""
    wide = _cand("jan", "2026-01-28T13:00", "Amazon to cut 16,000 corporate jobs", "Amazon confirmed 16,000 cuts.",
                 headcount=16000)
    sized = _cand("feb", "2026-02-27T12:00", "Amazon starts round of layoffs in its retail business, cutting 2,000 jobs",
                  headcount=2000)
    assert len(match_rounds([], [wide, sized], now=datetime(2026, 2, 28)).rounds) == 2
    quoting = _cand("feb", "2026-02-27T12:00", "Amazon starts round of layoffs in its retail business",
                    "The 2,000 retail roles are among the 16,000 jobs Amazon said it would cut.", headcount=2000)
    figureless = _cand("feb", "2026-02-27T12:00", "Amazon starts round of layoffs in its retail business")
    for late in (quoting, figureless):
        assert len(match_rounds([], [wide, late], now=datetime(2026, 2, 28)).rounds) == 1


def test_a_lead_telling_the_cut_carried_out_makes_a_follow_up_whatever_the_evidence() -> None:
    """A late story whose lead says the announced cut has begun ("comenzó este miércoles con la mayor oleada de
    despidos") while its evidence is another sentence seeded a round of its own (measured on real coverage): the lead
    is read too, with the same guards (a new round told in the lead stays a new action)."""
    wide = _cand("oct", "2025-10-28T13:00", "Amazon to cut 14,000 corporate jobs", "Amazon confirmed 14,000 cuts.",
                 headcount=14000)
    title = "Amazon, la empresa que más empleados tiene en España tras Mercadona"
    evidence = "La compañía emplea a más de 25.000 personas en el país, según sus propios datos."
    carried = ("Amazon comenzó este miércoles con la mayor oleada de despidos de su historia en las oficinas.\n\n"
               "Los afectados recibieron un correo electrónico a primera hora.")
    late = _cand("nov", "2025-11-19T09:00", title, evidence, opening=carried)
    assert member_from(late, 42).executes
    assert len(match_rounds([], [wide, late], now=datetime(2025, 11, 20)).rounds) == 1
    assert len(match_rounds([], [wide, _cand("nov", "2025-11-19T09:00", title, evidence)],
                            now=datetime(2025, 11, 20)).rounds) == 2  # the evidence alone tells nothing
    anew = carried.replace("con la mayor oleada", "con una nueva oleada")
    assert not member_from(_cand("nov", "2025-11-19T09:00", title, evidence, opening=anew), 42).executes
    # the third paragraph is no lead
    deep = "Primer párrafo.\n\nSegundo párrafo.\n\n" + carried
    assert not member_from(_cand("nov", "2025-11-19T09:00", title, evidence, opening=deep), 42).executes


@pytest.mark.parametrize(
    "title",
    [
        "Amazon hat angekündigt, 2.000 Stellen im Lager zu streichen",  # announcing is the news, not a follow-up
        "Amazon starts a new round of layoffs",  # a new round cites no earlier one
        "Amazon beginnt mit dem Abbau weiterer 2.000 Stellen",  # "weitere": a new action
        "Amazon to cut 2,000 warehouse jobs",
    ],
)
def test_a_new_action_is_no_follow_up(title: str) -> None:
    member = member_from(_cand("x", "2023-04-26T12:00", title), 42)
    assert not member.follow_up and not member.executes


def test_a_units_execution_weeks_later_joins_the_round_that_named_the_unit() -> None:
    """The 9,000 of March named AWS; five weeks later "Amazon starts round of layoffs in AWS cloud division", with no
    figure of its own, is that round's execution: one round, no second alert."""
    memo = _cand("mar", "2023-03-20T13:00", "Amazon to cut 9,000 more jobs", "Jassy wrote in a memo: 9,000 roles.",
                 units=("AWS", "PXT"), headcount=9000)
    execution = _cand("apr", "2023-04-26T18:00", "Amazon starts round of layoffs in AWS cloud division",
                      "Staff in the cloud unit whose jobs were eliminated were notified, the unit's chief said.",
                      units=("AWS",))
    plan = match_rounds([], [memo, execution], now=datetime(2023, 4, 27))
    assert len(plan.rounds) == 1
    assert plan.rounds[0].announced_on == date(2023, 3, 20) and plan.rounds[0].headcount == 9000
    assert [e.kind for e in plan.events] == ["new_round"]


def test_more_than_after_a_comma_is_no_new_action() -> None:
    """"... nearly 2,200 in Washington state, more than half in engineering": ", more" is no "9,000 more" (a figure
    must come before "more"; the comma alone had made every "..., more than ..." headline a new action, which may join
    no round as a part)."""
    title = "Amazon layoffs hit nearly 2,200 in Washington state, more than half in core product and engineering roles"
    wide = _cand("jan", "2026-01-28T13:00", "Amazon to cut 16,000 corporate jobs", "Amazon confirmed 16,000 cuts.",
                 headcount=16000)
    warn = _cand("feb", "2026-02-02T09:00", title, "The state's Employment Security Department released a filing.",
                 headcount=2200)
    assert member_from(warn, 42).follow_up
    plan = match_rounds([], [wide, warn], now=datetime(2026, 2, 3))
    assert len(plan.rounds) == 1 and plan.rounds[0].headcount == 16000
    assert member_from(_cand("x", "2026-02-02T09:00", "Amazon to cut 2,000 more jobs"), 42).follow_up is False


def _leaked(article_id: str, published: str, title: str, *, units: tuple[str, ...] = (), headcount: int | None = None,
            low: int | None = None, high: int | None = None) -> RoundCandidate:
    cand = _cand(article_id, published, title, units=units, headcount=headcount)
    facts = cand.classification.model_copy(update={"is_leak": True, "headcount_min": low, "headcount_max": high})
    return cand.model_copy(update={"classification": facts})


def test_a_leak_confirmed_with_more_is_one_round() -> None:
    """A leak ("AWS and Prime Video hit as Amazon readies a new wave", 30,000 in the plan) and five days later the
    official figure within it told as "weitere 16.000" (more than the round before the leak): one round, not two. A
    state's filing of 2,198 that came between, inside the leak's vague "thousands", does not make the round a unit's
    of that size. (Read from the opened real probe 21: rounds-2026.12 made two rounds; rounds-2026.13 one.)"""
    leak = _leaked("l1", "2026-01-23T08:00", "AWS et Prime Video frappés alors qu'Amazon prépare une nouvelle vague",
                   units=("AWS", "Prime Video"), headcount=30000)
    vague = _cand("v1", "2026-01-23T10:00", "Amazon 'plans thousands more corporate job cuts'")
    vague = vague.model_copy(update={"classification": vague.classification.model_copy(
        update={"headcount_min": 2000, "headcount_max": 9999, "headcount_approx": True})})
    state = _cand("s1", "2026-01-27T09:00", "Amazon's Washington State layoffs detailed", headcount=2198)
    official = _cand("o1", "2026-01-28T13:00", "Amazon streicht weitere 16.000 Stellen", headcount=16000)
    plan = match_rounds([], [leak, vague, state, official], now=datetime(2026, 1, 29))
    assert len({link.round_id for link in plan.links}) == 1
    assert plan.rounds[0].headcount == 16000


def test_a_units_own_cut_stays_apart_from_a_later_company_round() -> None:
    """(A guard: a unit's official cut with its own figure, Twitch's 500, is no slice of a company-wide figure a few
    days later: only units a leak named give way.)"""
    unit = _cand("t1", "2024-01-10T12:00", "Twitch lays off 500", units=("Twitch",), headcount=500)
    wide = _cand("w1", "2024-01-12T12:00", "Amazon to cut 2,000 corporate jobs", headcount=2000)
    assert len(match_rounds([], [unit, wide], now=datetime(2024, 1, 13)).rounds) == 2


@pytest.mark.parametrize(
    "title",
    [
        "Licenziamenti Amazon Italia, arrivate le prime lettere, centinaia di dipendenti a rischio",
        "Amazon layoff notices went out to staff in Seattle on Wednesday",
        "Despidos en Amazon: llegan las primeras cartas a la plantilla de Madrid",
    ],
)
def test_notices_of_an_announced_cut_reaching_staff_follow_its_round(title: str) -> None:
    """The letters of a cut announced weeks before reaching its staff ("arrivate le prime lettere", two weeks after
    Amazon's 14,000) tell its execution, not a new round. (Read from the opened real probe 22: rounds-2026.13 made it
    a round of its own.)"""
    wide = _cand("oct", "2025-10-28T13:00", "Amazon to cut 14,000 corporate jobs", "Amazon confirmed 14,000 cuts.",
                 headcount=14000)
    letters = _cand("nov", "2025-11-10T09:00", title)
    assert member_from(letters, 42).follow_up
    assert len(match_rounds([], [wide, letters], now=datetime(2025, 11, 11)).rounds) == 1
