"""Who acts, and leak vs confirmed: names kept whole (a foreign article in an English name, a "<Place>-based"
descriptor before a firm) and leaked documents that stay leaks when the article reads on from them.

Every sentence here was written for these tests; none comes from a corpus or a probe.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import classify, load_company_table
from ingest.understanding.names import clean_name

_PUBLISHED = datetime(2025, 6, 4, 8, 30)


def _classify(title: str, text: str) -> Classification:
    return classify("w", title, text, _PUBLISHED, companies=load_company_table())


@pytest.mark.parametrize(
    ("title", "text", "employer"),
    [
        # a Spanish or French article opening an English proper name is part of it
        ("Las Vegas Sands to cut 90 office roles",
         "Las Vegas Sands will lay off 90 office workers at its headquarters, the company said on Monday.",
         "Las Vegas Sands"),
        ("Newspaper trims staff",
         "The El Paso Courier-Ledger is cutting 25 newsroom jobs, its publisher told staff in an email on Tuesday.",
         "El Paso Courier-Ledger"),
        # where a firm sits, written before its name, is not part of the name
        ("Fibre plant to close",
         "Ohio-based Marrow Fibres said it will close its plant in Wrexham with the loss of 90 jobs.",
         "Marrow Fibres"),
        ("140 jobs to go at glassworks",
         "South African-headquartered Kelvane Glass is to shed 140 jobs at its works near Doncaster.",
         "Kelvane Glass"),
    ],
)
def test_employer_kept_whole(title: str, text: str, employer: str) -> None:
    c = _classify(title, text)
    assert c.label == "layoff_report"
    assert c.companies[:1] == (employer,)


def test_articles_still_dropped_outside_english() -> None:
    # the language's own article opens a name without being part of it
    assert clean_name("Los Almacenes Norte", "es") == "Almacenes Norte"
    assert clean_name("Le Groupe Vernhes", "fr") == "Groupe Vernhes"
    assert clean_name("The Cargonaut Ltd", "en") == "Cargonaut"
    assert clean_name("Los Angeles Times", "en") == "Los Angeles Times"


def test_based_inside_a_name_is_kept() -> None:
    # "-based" only ends a descriptor when it is the whole word's end, not part of a brand
    c = _classify("Cloud firm cuts jobs", "Basedrop Systems will lay off 60 engineers, the company said on Monday.")
    assert c.companies[:1] == ("Basedrop Systems",)


@pytest.mark.parametrize(
    "text",
    [
        "Harwell Logistics is laying off 300 warehouse staff, according to a leaked memo obtained by the Courier. "
        "Per the memo, chief executive Dana Pike told managers the cuts would be finished by July.",
        "Harwell Logistics will cut 300 jobs, according to an internal memo seen by the Courier. In the memo, the "
        "company said the cuts would be finished by July.",
    ],
)
def test_leaked_memo_stays_a_leak(text: str) -> None:
    c = _classify("Harwell Logistics to cut 300 jobs", text)
    assert c.label == "layoff_report"
    assert c.is_leak


@pytest.mark.parametrize(
    "text",
    [
        # the employer's own memo, not one an outlet obtained: confirmed
        "Harwell Logistics is laying off 300 warehouse staff, according to an internal memo from chief executive "
        "Dana Pike.",
        # a leak the company then confirms
        "Harwell Logistics is laying off 300 warehouse staff, people familiar with the matter said. The company "
        "confirmed the cuts in a statement on Wednesday.",
    ],
)
def test_employer_word_still_confirms(text: str) -> None:
    c = _classify("Harwell Logistics to cut 300 jobs", text)
    assert c.label == "layoff_report"
    assert not c.is_leak


def test_sibling_unit_announcing_confirms_nothing() -> None:
    # a leak about one Amazon unit; another unit's announced cuts say nothing about this one
    c = _classify(
        "Audible lays off staff",
        "Audible is laying off 5% of its staff, according to people familiar with the matter. Audible did not "
        "respond to a request for comment.\n\nEarlier this week Twitch announced 500 layoffs, and Amazon's Prime "
        "Video also made cuts to its staff.",
    )
    assert c.label == "layoff_report"
    assert c.is_leak


def test_own_unit_statement_confirms() -> None:
    c = _classify(
        "Audible lays off staff",
        "Audible is laying off 5% of its staff, according to people familiar with the matter. Audible confirmed "
        "the layoffs in a statement on Tuesday.",
    )
    assert c.label == "layoff_report"
    assert not c.is_leak


def test_site_label_line_is_not_the_employer() -> None:
    # a page that opens on its carrier's label and a section tag before the story
    c = _classify(
        "Union fights closure of Derwent Cartons plant",
        "Newsfeedly\n\n• Business\n\n• Newsfeedly\n\nThe union GMB is opposing the planned closure of Derwent "
        "Cartons' factory in Matlock, where 120 jobs are at risk. Derwent Cartons said consultation had begun.",
    )
    assert c.label == "layoff_report"
    assert "Newsfeedly" not in c.companies
    assert c.companies[:1] == ("Derwent Cartons",)


@pytest.mark.parametrize(
    ("line", "label"),
    [("Newsfeedly", True), ("• Business", True), ("Trade Wire Daily", True),
     ("Brantley Tooling confirmed.", False), ("Brantley Tooling will cut 80 jobs", False),
     ("Four More Regional Bank Branches Close", False)],
)
def test_lone_label(line: str, label: bool) -> None:
    from ingest.understanding.name_parts import lone_label

    assert lone_label(line) is label


def test_company_clarifying_a_report_confirms_it() -> None:
    c = _classify(
        "Pellway to shut its game studio",
        "The Ledger reported on Tuesday that Pellway was closing its game studio and laying off 85 staff. Pellway "
        "later denied the rumours, clarifying that it is laying off 85 people but is keeping the studio open.",
    )
    assert c.label == "layoff_report"
    assert not c.is_leak


def test_outlet_clarifying_confirms_nothing() -> None:
    # the outlet, not the employer, corrects itself: still a leak
    c = _classify(
        "Pellway to cut 85 jobs",
        "Pellway plans to lay off 85 staff, people familiar with the matter said. The Ledger later issued a "
        "correction, clarifying that the layoffs would affect 85 people rather than 58.",
    )
    assert c.label == "layoff_report"
    assert c.is_leak
