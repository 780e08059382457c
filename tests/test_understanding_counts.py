"""Which figure counts THIS action: the grammar role of a number in its sentence, and the choice among a report's
figures (another unit's cut, the pool put at risk, a share's whole, a sector's total, an unstated count)."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import CompanyTable, classify
from ingest.understanding.headcount import find_amounts
from ingest.understanding.lexicon import lexicon

PUB = datetime(2025, 6, 11, 9, 0)


def _counts(sentence: str, code: str = "en") -> list[int | None]:
    return [a.value for a in find_amounts(sentence, lexicon(code)) if a.pct is None]


def _run(title: str, text: str, table: CompanyTable) -> Classification:
    got = classify("c1", title, text, PUB, companies=table)
    assert got.label == "layoff_report", got.evidence
    return got


# --- the role of a number in its sentence -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "sentence", "values"),
    [
        # the people a loss is said of: the count is the loss's subject or object, whatever the noun
        ("en", "Thirty-two trainees are to lose their jobs at the institute.", [32]),
        ("en", "The college will make 18 trainees redundant next term.", [18]),
        ("de", "Rund 140 Monteure verlieren ihren Arbeitsplatz.", [140]),
        ("fr", "Quelque 65 techniciens seront licenciés d'ici l'été.", [65]),
        # a place after the closure verb is not staff: the jobs are the later figure's
        ("en", "The cinema group shuts 14 venues with 260 jobs gone.", [260]),
        ("en", "The lender closes 9 branches, with 40 tellers to lose their jobs.", [40]),
    ],
)
def test_a_count_is_the_subject_or_object_of_the_loss(code: str, sentence: str, values: list[int]) -> None:
    assert _counts(sentence, code) == values


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("en", "Thirty-two trainees kept their places after the review."),
        ("en", "In 2021, 18 trainees were hired on fixed-term contracts."),
        ("en", "The college will make 18 new appointments next term."),
        # a vague count as the subject is a headline's word, not a figure ("Dozens lose jobs" over "at least 60")
        ("en", "Dozens of trainees on the scheme are to lose their jobs at the depot."),
    ],
)
def test_a_count_not_said_to_lose_jobs_is_no_count(code: str, sentence: str) -> None:
    assert _counts(sentence, code) == []


@pytest.mark.parametrize(
    ("code", "sentence", "values", "share"),
    [
        # a fraction's numerator written with a hyphen or a space is part of the share, not a count of one
        ("en", "The studio is laying off one-third of its staff.", [], 33.3),
        ("en", "The studio is laying off one quarter of its staff.", [], 25.0),
        # the whole a share is taken of is the workforce
        ("fr", "Environ 8 % des quelque 12 000 salariés perdent leur emploi.", [], None),
        ("de", "Rund 10 Prozent der 4.000 Mitarbeiter verlieren ihre Stelle.", [], None),
    ],
)
def test_shares_own_their_numerator_and_whole(code: str, sentence: str, values: list[int], share: float | None) -> None:
    amounts = find_amounts(sentence, lexicon(code))
    assert [a.value for a in amounts if a.pct is None] == values
    if share is not None:
        assert [a.pct for a in amounts if a.pct is not None] == [share]


# --- the choice among a report's figures ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # a sister unit's cut named in the unit's story is another action
        ("Amazon's Zoox is laying off 8% of its workforce",
         "Autonomous vehicle maker Zoox, owned by Amazon, is laying off about 8% of its staff, a spokesperson said. "
         "Earlier this week, Audible also said it was cutting more than 400 jobs.", None),
        # the pool put at risk yields to the jobs that go, stated in the lead
        ("Publisher Harwell Media puts 300 editorial staff at risk",
         "Harwell Media said it was putting 300 editorial staff at risk of redundancy, with 140 roles set to be "
         "cut by the end of the year.", 140),
        ("Over 250 staff enter consultation as Corrin Foods plans cuts",
         "More than 250 staff are to enter a redundancy consultation at Corrin Foods. The company is planning to "
         "shed 120 jobs at its Wrexham site.", 120),
        # a figure at risk that makes a vague headline precise is the count
        ("Hundreds of jobs to go as Marlow Bakeries shuts plant",
         "Marlow Bakeries said the closure of its Dunstable plant puts all 380 jobs at risk.", 380),
        # a lower bound, then a figure within twice it: the floor is made precise
        ("Brisco Logistics to cut more than 150 jobs",
         "Brisco Logistics will cut more than 150 jobs. The firm said 240 roles at its depots will go.", 240),
        # a share, then the count restating it in apposition past the clause
        ("Fennick Games lays off a quarter of its staff",
         "Fennick Games is laying off a quarter of its staff, which amounts to 90 employees, the studio said.", 90),
    ],
)
def test_the_count_is_this_actions_figure(title: str, text: str, expected: int | None, table: CompanyTable) -> None:
    assert _run(title, text, table).headcount == expected


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the main action's count said to be unknown: another figure in the article is another action's
        ("Korvant Motors to lay off an unspecified number of plant workers",
         "Korvant Motors is planning to lay off an unspecified number of workers at its plants, the company said. "
         "A trade paper reported on Monday that Korvant Motors had laid off 160 workers at its Ohio plant."),
        # a plural subject of organisations: the figure is theirs together, not the employer's
        ("Westmere Bank to shut branches",
         "Britain's high street banks will close 61 branches this summer, with 230 staff to lose their jobs, the "
         "union said. Westmere Bank will shut 20 of them."),
    ],
)
def test_no_count_when_the_figure_is_not_this_employers(title: str, text: str, table: CompanyTable) -> None:
    got = _run(title, text, table)
    assert (got.headcount, got.headcount_min, got.headcount_max) == (None, None, None)


def test_the_employers_own_figure_still_counts_beside_a_plural_noun(table: CompanyTable) -> None:
    got = _run("Westmere Bank to cut 90 jobs", "Westmere Bank will cut 90 jobs as banks close branches.", table)
    assert got.headcount == 90


def test_a_plans_size_under_a_modal_in_the_lead_is_its_count(table: CompanyTable) -> None:
    got = _run("Halvorsen Steel announces potential layoffs at Rotherham plant",
               "Halvorsen Steel has said it may be forced to lay off nearly 700 workers at its Rotherham plant after a "
               "fall in orders.", table)
    assert got.headcount == 700


def test_another_employers_modal_figure_is_not_the_count(table: CompanyTable) -> None:
    got = _run("Halvorsen Steel confirms layoffs at Rotherham plant",
               "Halvorsen Steel confirmed layoffs at its Rotherham plant on Monday. Rival Dunmore Metals may cut 400 "
               "jobs, analysts said.", table)
    assert got.headcount is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("One Medical cuts jobs in its operations teams", []),  # a name opening the headline, not a count
        ("Two Sisters cuts jobs at its Anglesey plant", []),
        ("Fifty Jobs To Go At Harlow Print", [50]),  # a title-case headline: the next word is a job noun
        ("Three Hundred Workers Laid Off At Kestrel Mills", [300]),  # or a number word
        ("Seventy staff were told on Monday.", [70]),  # lower case after it: a count
    ],
)
def test_a_number_word_opening_a_name_is_no_count(sentence: str, expected: list[int]) -> None:
    assert _counts(sentence) == expected
