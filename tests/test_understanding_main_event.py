"""The article's main event, read as grammar: people going on strike lose no jobs; a headline's layoff noun that is the
object of a verb of undergoing leaves the act to the lead; a union reacting to one employer's cuts over a lead that
states them reports them; "<the news> comes after <earlier cuts>" is background; a lead opening on a sector's wave
(or on a statistic: "data shows few layoffs") makes its examples no report; a German cut "begonnen" is under way.

Every sentence here was written for these tests; none comes from a corpus or a real article.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import classify, load_company_table

_PUBLISHED = datetime(2025, 5, 20, 9, 0)


def _classify(title: str, text: str) -> Classification:
    return classify("t", title, text, _PUBLISHED, companies=load_company_table())


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Bus drivers to go on strike in June",
         "Bus drivers in Marlow Vale are to strike on 3 June after rejecting a pay offer from Tollgate Buses. "
         "The union said the offer was below inflation."),
        ("Builder failures at a ten-year high",
         "Official figures show insolvencies rising, and this spring several regional builders and their contractors "
         "go under. Insolvency practitioners expect more failures."),
        ("Stadium reopens to fans",
         "Any club that depends on people being able to go out and spend freely has had a hard year. "
         "The Wrenfield ground reopens on Saturday with a reduced capacity."),
    ],
)
def test_people_going_somewhere_or_firms_going_bust_lose_no_jobs(title: str, text: str) -> None:
    assert _classify(title, text).label == "not_layoff"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Ninety posts to go at Fernleigh Council",
         "Ninety posts are to go at Fernleigh Council as it tries to close a £9m budget gap, the authority said."),
        ("Ninety jobs could go under the plans at Fernleigh Council",
         "Ninety jobs could go under the plans, Fernleigh Council confirmed as it set out a £9m restructuring."),
        ("Corvell Foods: 140 jobs will go as plant shuts",
         "Corvell Foods said 140 jobs will go when its Ashby plant shuts in the autumn."),
    ],
)
def test_jobs_that_go_are_still_lost(title: str, text: str) -> None:
    assert _classify(title, text).label == "layoff_report"


@pytest.mark.parametrize(
    ("title", "text", "employer"),
    [
        ("Brackwater Media prepares for redundancies after pay deal",
         "Brackwater Media is preparing to cut about 60 jobs as it restructures its newsrooms, executives told staff "
         "on Monday. The company said it would open a consultation this week.", "Brackwater Media"),
        ("Brennwerk steht vor Stellenabbau",
         "Die Brennwerk AG streicht 300 Stellen in Kassel, teilte das Unternehmen am Montag mit.", "Brennwerk"),
        ("Verrier se prépare à des licenciements",
         "Le groupe Verrier va supprimer 250 postes dans son usine de Lyon, a annoncé la direction lundi.", "Verrier"),
        ("Hollis Bank offers workers voluntary redundancy in cost drive",
         "Hollis Bank has told staff it will cut 300 posts this year and is offering voluntary redundancy packages "
         "first.", "Hollis Bank"),
    ],
)
def test_a_layoff_noun_undergone_leaves_the_act_to_the_lead(title: str, text: str, employer: str) -> None:
    result = _classify(title, text)
    assert result.label == "layoff_report"
    assert result.companies == (employer,)


def test_a_layoff_noun_undergone_over_a_lead_of_possibilities_is_no_report() -> None:
    result = _classify(
        "Tamsin Motors staff face layoffs, analysts warn",
        "Analysts said Tamsin Motors could have to cut jobs if demand keeps falling. The company declined to comment.",
    )
    assert result.label == "layoff_mention"


def test_a_union_reacting_to_one_employers_stated_cuts_reports_them() -> None:
    result = _classify(
        "Union condemns redundancies at Pellow Printing",
        "Pellow Printing has confirmed it will make 45 roles redundant at its Crewe works. "
        "The union said the cuts were a betrayal of loyal staff.",
    )
    assert result.label == "layoff_report"
    assert result.companies == ("Pellow Printing",)


def test_a_union_reacting_to_cuts_announced_last_month_is_a_follow_up() -> None:
    result = _classify(
        "Union statement on Pellow Printing job cuts",
        "The union today issued a statement on the job cuts announced last month by Pellow Printing. "
        "Pellow Printing told our members last month that 45 jobs would go.",
    )
    assert result.label == "layoff_mention"


@pytest.mark.parametrize(
    "text",
    [
        "Dunmore Retail told staff to return to its offices four days a week. The decision comes after the company "
        "laid off about 6% of its employees.",
        "Dunmore Retail will require staff back in the office from March, its chief executive said in a memo. The move "
        "comes after the retailer laid off 900 people.",
    ],
)
def test_cuts_the_news_comes_after_are_background(text: str) -> None:
    assert _classify("Dunmore Retail orders staff back to the office", text).label == "layoff_mention"


def test_cuts_that_come_after_a_review_are_the_news() -> None:
    result = _classify(
        "Dunmore Retail to cut 900 jobs",
        "The 900 job cuts at Dunmore Retail come after a review of its head office, the company said on Monday.",
    )
    assert result.label == "layoff_report"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("More council jobs cut as funding squeeze deepens",
         "Councils have collectively announced more than 4,000 job cuts this year, figures from the Local "
         "Services Institute suggest. Eastbrook Council said on Friday it would cut 80 posts."),
    ],
)
def test_a_lead_opening_on_a_sectors_wave_is_no_report(title: str, text: str) -> None:
    assert _classify(title, text).label == "layoff_mention"


def test_an_employer_named_in_the_headline_after_a_sector_sentence_still_reports() -> None:
    result = _classify(
        "Eastbrook College to cut 80 posts",
        "Colleges have announced thousands of job cuts this year. Eastbrook College said on Friday it would cut 80 "
        "posts.",
    )
    assert result.label == "layoff_report"


def test_a_lead_opening_on_a_sectors_examples_is_no_report() -> None:
    result = _classify(
        "While robots take over warehouses, office staff are left guessing",
        "Firms such as Corvale Systems say they need fewer staff, after laying off hundreds of people. Bellmont Foods "
        "says the company was able to shrink its headcount by about 30%.",
    )
    assert result.label == "layoff_mention"


def test_a_lead_opening_on_one_employers_cut_still_reports() -> None:
    result = _classify(
        "While robots take over warehouses, office staff are left guessing",
        "Corvale Systems is cutting 300 jobs as it buys more software, the company said on Monday.",
    )
    assert result.label == "layoff_report"


@pytest.mark.parametrize(
    "text",
    [
        "Brennwerk hat mit dem Personalabbau in Kassel begonnen. Ein Sprecher bestätigte, die betroffenen Mitarbeiter "
        "seien informiert worden.",
        "Die Brennwerk AG hat am Werk in Kassel mit dem Personalabbau begonnen, wie ein Sprecher mitteilte.",
    ],
)
def test_a_german_cut_that_has_begun_is_reported(text: str) -> None:
    result = _classify("Stellenabbau bei Brennwerk", text)
    assert (result.label, result.companies) == ("layoff_report", ("Brennwerk",))


def test_a_lead_opening_on_a_statistic_is_no_report() -> None:
    result = _classify(
        "Automation fears overdone, hiring managers say",
        "Managers warn software threatens clerical work, but data shows few direct layoffs so far. According to the "
        "Harlow Jobs Monitor, only 900 of 140,000 planned layoffs this year were linked to automation, said Petra Lind.",
    )
    assert result.label == "layoff_mention"


def test_a_statistic_after_the_employers_cut_leaves_the_report() -> None:
    result = _classify(
        "Automation fears overdone, hiring managers say",
        "Corvale Systems said on Monday that it will cut 900 jobs, but data shows the cuts are linked to weak demand, "
        "not software.",
    )
    assert (result.label, result.companies) == ("layoff_report", ("Corvale Systems",))
