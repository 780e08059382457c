"""Memos, opening phrases and trades (rules-32).

Read from dev misses (items written for dev by writers who never saw the rules); every sentence here was written for
these tests. An employer's memo to its staff under a headline without a cue ("An update on our organization") may
state its cut after a long preamble; "the company" after an opening phrase is the subject, not a unit named in the
phrase; an internal "memorándum" is the employer's own word; "guts <teams>" cuts; a trade named right after a cut
verb ("cut hundreds of investment bankers") is staff, never a trade acting ("Traders cut bets"); a count shared out
among employers after the cue ("Vestria 18,000, Northwind 12,000 and Halcyon 10,000") is a tally; a line of links
(">> ...", under "MORE FROM US:") is page furniture. Cases marked as guards pass on rules-31 too.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import classify

PUB = datetime(2025, 10, 28, 9, 0)

_PREAMBLE = (
    "The following message was shared with Vestria employees today by Dana Holt, our chief people officer.\n\n"
    "We want to tell you about changes we are making across the company that will affect some of our teammates. "
    "Over the past few years our businesses have grown quickly, and so has our organization. As we grew, we added "
    "layers, and in places those layers slowed us down. We believe we can move faster with fewer layers and clearer "
    "ownership. We also see how new tools are changing what is possible, and we want to invest where we see the "
    "largest opportunities.\n\n"
)


def test_a_memo_to_staff_states_its_cut_after_a_preamble() -> None:
    c = classify("x", "An update on our organization",
                 _PREAMBLE + "With that in mind, we are reducing our corporate workforce by approximately 4,000 roles."
                 "\n\nWe know this is difficult news.\n\nAbout Vestria\n\nVestria is a retailer.", PUB)
    assert c.label == "layoff_report" and c.companies == ("Vestria",) and c.headcount == 4000 and not c.is_leak


def test_a_memo_headline_without_a_cut_in_its_lead_stays_no_report() -> None:
    """(A guard: a memo about offices, with no cut, is no report.)"""
    c = classify("x", "An update on our organization",
                 _PREAMBLE + "With that in mind, we are moving our teams into three regional hubs next year.", PUB)
    assert c.label != "layoff_report"


@pytest.mark.parametrize(
    ("title", "text", "leak"),
    [
        ("Vestria dismantles Harbourline, cutting 110 jobs",
         "If you listen to true-crime podcasts, you know Harbourline.\n\nAccording to an internal memo from Sam Reyes, "
         "the executive who runs audio, Streamcast and games at Vestria, the company will eliminate about 110 "
         "positions.", False),
        ("Vestria desmantela Harbourline",
         "Si escuchas podcasts, conoces Harbourline.\n\nSegún un memorándum interno de Sam Reyes, el directivo que "
         "lleva audio, Streamcast y videojuegos en Vestria, la empresa eliminará alrededor de 110 puestos.", False),
    ],
)
def test_the_company_after_an_opening_phrase_is_the_subject(title: str, text: str, leak: bool) -> None:
    c = classify("x", title, text, PUB)
    assert c.label == "layoff_report" and c.headcount == 110 and c.is_leak is leak
    assert "Streamcast" not in c.units


def test_gutting_teams_is_a_cut() -> None:
    c = classify("x", "Vestria Games guts MMO teams, puts Ironvale on ice in layoffs",
                 "Vestria's video game division is taking a major hit in today's company-wide layoffs, with deep cuts "
                 "at its Irvine studio.", PUB)
    assert c.label == "layoff_report" and c.companies == ("Vestria Games",)
    # (guard: British "gutted", upset, cuts nothing)
    c = classify("x", "Staff gutted after Harrow Mills wins award, then loses contract",
                 "Workers at Harrow Mills said they were gutted after the firm lost its biggest contract on Monday. "
                 "No jobs are affected, the company said.", PUB)
    assert c.label != "layoff_report"


def test_a_trade_after_a_cut_verb_is_staff() -> None:
    c = classify("x", "Northgate Bank to cut hundreds of investment bankers in UK and Europe",
                 "Northgate Bank plans to cut hundreds of investment bankers in Britain and Europe, people familiar with "
                 "the matter said.", PUB)
    assert c.label == "layoff_report" and c.companies == ("Northgate Bank",) and c.is_leak


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Traders cut bets on a December rate rise",
         "Traders cut bets on a December interest rate rise after inflation slowed, with markets now pricing a hold."),
        ("Oil producers cut output again",
         "Producers cut output for a third month as prices slid, the cartel said on Monday."),
        ("Hospital cuts doctors' overtime pay",
         "Ravensholme Hospital cut doctors' overtime pay rates on Monday, the union said."),
    ],
)
def test_a_trade_acting_or_paid_is_no_cut_of_staff(title: str, text: str) -> None:
    """(Guards: a trade as the subject, or a trade's pay, is no cut of staff.)"""
    assert classify("x", title, text, PUB).label == "not_layoff"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("The end of cheap money: big tech learns to live without growth",
         "For two decades the giants hired as if there were no tomorrow.\n\nIn three months, Vestria has said it will "
         "shed 18,000 jobs, Northwind 12,000, Halcyon 10,000 and Quarry 11,000. The perks are going too."),
        ("Das Ende des billigen Geldes",
         "Zwei Jahrzehnte lang stellten die Konzerne ein.\n\nVestria streicht 18.000 Stellen, Northwind 12.000 und "
         "Halcyon 10.000."),
    ],
)
def test_a_count_shared_out_among_employers_is_a_tally(title: str, text: str) -> None:
    assert classify("x", title, text, PUB).label != "layoff_report"


def test_one_employer_with_its_units_figures_is_still_a_report() -> None:
    """(A guard: one employer's count followed by where the jobs go is no list of employers.)"""
    c = classify("x", "Vestria to cut 1,200 jobs",
                 "Vestria will cut 1,200 jobs, most of them in Leeds, the company said on Tuesday.", PUB)
    assert c.label == "layoff_report" and c.headcount == 1200


def test_a_related_links_list_is_page_furniture() -> None:
    c = classify("x", "Marlow's slashes price of everyday staples",
                 "Marlow's has cut the price of more than 300 everyday products, the supermarket said.\n\n"
                 "MORE FROM US:\n>> Shop worker reveals secret to cheap meat\n>> Telmark to axe 2,800 jobs by 2027\n"
                 ">> Shopper's fury at self-serve checkout\n\nHave a story tip? Email us.", PUB)
    assert c.label == "not_layoff"
