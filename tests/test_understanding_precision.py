"""False reports, read as how news is written: a sector's tally under a plural subject or a union's word, a list of
cases or a lesson written for the reader, cuts foreseen "on the horizon", and a strike against earlier cuts are
mentions; one employer's own act stays a report however the same words sit around it.

Every sentence here was written for these tests; none comes from a corpus or a real article.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import classify, load_company_table

_PUBLISHED = datetime(2025, 9, 16, 9, 0)


def _classify(title: str, text: str) -> Classification:
    return classify("t", title, text, _PUBLISHED, companies=load_company_table())


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a plural common noun opening the lead, naming many employers' talk ("Leading <plural>")
        ("",
         "Leading CEOs are increasingly vocal about automation, openly admitting that software is poised to eliminate "
         "a large share of back-office jobs, particularly entry-level roles. Several spoke in Frankfurt."),
        # a union's count with no employer in the headline
        ("Hospital bailout needed as 2,400 posts axed, union tells ministers",
         "The Royal College of Nursing has called on ministers to launch an emergency fund, warning that 2,400 posts "
         "have already been axed this year and more are set to follow."),
        # a list of cases announced in the lead
        ("Five more garden centre chains enter administration",
         "Rising costs have pushed several garden centre groups into administration this spring. "
         "Here are five chains that have just joined the list. "
         "Greenway Garden Centres said it would close all 38 of its sites, affecting around 900 staff."),
        # cuts foreseen, not decided ("could be ahead" is read as the plan's cost)
        ("",
         "Hundreds of Somerset NHS job cuts could be on the horizon as part of a national plan to merge local health "
         "boards with neighbouring counties. Officials were told of the plans at a meeting on 8 September."),
        # a strike against cuts told before
        ("",
         "Reporters at the Lowfield Courier who belong to the NUJ joined colleagues at other Brightpress Media titles "
         "on Thursday for a one-day strike to protest layoffs at the troubled parent company. The union said the "
         "company had let 120 staff go in June."),
    ],
)
def test_tallies_lists_lessons_forecasts_and_protests_are_no_reports(title: str, text: str) -> None:
    assert _classify(title, text).label == "layoff_mention"


@pytest.mark.parametrize(
    ("title", "text", "employer"),
    [
        # a union quoted in the headline of one employer's cuts
        ("Kestrel Foods to cut 310 jobs at Wrexham plant, union says",
         "Kestrel Foods plans to cut 310 jobs at its Wrexham plant, the GMB union said on Monday.", "Kestrel Foods"),
        # a name ending on a plural noun is one employer
        ("Harrowgate Studios lays off 85 staff",
         "Harrowgate Studios has laid off 85 staff after its latest game sold poorly, the company said on Monday.",
         "Harrowgate Studios"),
        # "below" and "learn" in a report's lead are ordinary words
        ("Pellham Retail to close 40 stores with 600 job losses",
         "Pellham Retail will close 40 stores, with the loss of 600 jobs, after sales fell below forecasts. "
         "Staff will learn this week which stores are affected.", "Pellham Retail"),
        # a strike over pay beside an employer's own cuts
        ("Corbel Rail to cut 450 jobs as drivers strike over pay",
         "Corbel Rail said on Tuesday it would cut 450 jobs in its maintenance arm.", "Corbel Rail"),
        # a deal struck over cuts is no protest
        ("Acme Engineering strikes deal with unions over 300 job cuts",
         "Acme Engineering has struck a deal with unions over 300 job cuts at its Derby works, the company said on "
         "Monday.", "Acme Engineering"),
        # the employer confirming its own cuts at the end of the headline
        ("90 jobs cut at Tenby creamery, Valecroft Dairies confirms",
         "Valecroft Dairies has confirmed it is cutting 90 jobs at its Tenby creamery, which will close in March.",
         "Valecroft Dairies"),
        # "everything you need to know" over a report
        ("Norvane lays off 1,200: everything we know",
         "Norvane has laid off 1,200 employees, the company confirmed on Monday. Here is everything you need to know "
         "about who is affected.", "Norvane"),
    ],
)
def test_one_employers_act_stays_a_report(title: str, text: str, employer: str) -> None:
    result = _classify(title, text)
    assert result.label == "layoff_report"
    assert result.companies[0].startswith(employer)
