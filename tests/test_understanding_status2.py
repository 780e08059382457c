"""Who confirms, and what stands above the lead (rules-34).

Read from real probe 21 (opened for tuning); every sentence here was written for these tests in the manner of the pages
it showed. A cut "confirmed to Reuters by three people inside the company" is confirmed by sources, not by the
employer: a leak. "Separately, <Firm> confirmed plans to close ..." confirms another action. An outlet citing the
employer's own email to staff reports the employer's word. Short lines above the lead (a kicker, the outlet's name, a
date) and the headline repeated under a kicker take no place in the lead. Cases marked as guards pass on rules-33
too.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import classify

PUB = datetime(2025, 10, 28, 9, 0)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Perché Vestria ha deciso di licenziare 30.000 lavoratori",
         "Vestria è pronta a licenziare fino a 30.000 persone dei circa 350.000 impiegati. Il taglio del personale è "
         "stato confermato a Reuters da tre persone interne all'azienda (i portavoce hanno rifiutato di commentare)."),
        ("Vestria to cut up to 30,000 corporate jobs",
         "Vestria plans to cut as many as 30,000 corporate jobs. The cuts were confirmed to Reuters by three people "
         "familiar with the plans; the company declined to comment."),
    ],
)
def test_insiders_confirming_make_a_leak(title: str, text: str) -> None:
    """(The English form passed on rules-33 too, its "people familiar" being a source already: a guard.)"""
    c = classify("x", title, text, PUB)
    assert c.label == "layoff_report" and c.is_leak


def test_a_separate_confirmation_confirms_another_action() -> None:
    c = classify("x", "Vestria 'plans thousands more corporate job cuts'",
                 "Vestria is reportedly planning to cut thousands more jobs, people familiar with the matter said. The "
                 "new redundancies are expected to affect its cloud and retail arms. Separately, Vestria confirmed plans "
                 "to close its Milton Keynes warehouse, offering 590 affected employees transfers.", PUB)
    assert c.label == "layoff_report" and c.is_leak


def test_an_outlet_citing_the_employers_email_to_staff_reports_its_word() -> None:
    c = classify("x", "Vestria licenzia in Prime Vision e Studios",
                 "Vestria pianifica la riduzione di diverse centinaia di posti di lavoro.\n\nVestria è pronta a tagliare "
                 "diverse centinaia di posti di lavoro in Prime Vision. Lo riporta The Hollywood Reporter citando una "
                 "e-mail di Mike Hopkins, vicepresidente della divisione, ai dipendenti.", PUB)
    assert c.label == "layoff_report" and not c.is_leak


def test_furniture_above_the_lead_takes_no_place_in_it() -> None:
    c = classify("x", "All Vestria Fresh grocery stores in UK set to close",
                 "Try GOLD - Free\nThe Independent\n|September 24, 2025\nBy Jo Roe\nVestria plans to close all 19 of its grocery shops across the UK, putting as many as 250 jobs at "
                 "risk.\n\nThe firm will convert up to five of the shops into other stores.", PUB)
    assert c.label == "layoff_report" and c.headcount == 250


def test_a_short_sub_headline_with_a_verb_is_no_furniture() -> None:
    """(A guard: a dek line written as a sentence fragment, with its verb in lower case, is read.)"""
    c = classify("x", "Bad news for Harrogate",
                 "Harlow Foods to cut 120 jobs\n\nThe bakery group said the Harrogate site would close in the spring, "
                 "after a review of its operations.", PUB)
    assert c.label == "layoff_report" and c.headcount == 120


def test_a_cut_told_as_separate_gives_no_count() -> None:
    c = classify("x", "Vestria jobs at risk as online giant shutters major UK warehouses",
                 "The proposals are separate from its plan to cut around 18,000 jobs worldwide.\n\nVestria has revealed "
                 "plans to shut three of its UK warehouses in a move affecting more than 1,200 jobs.", PUB)
    assert c.label == "layoff_report" and c.headcount == 1200


def test_jobs_in_danger_count() -> None:
    c = classify("x", "Vestria plans to close all 19 grocery stores across the UK",
                 "Vestria plans to close all 19 grocery stores across the UK, so 250 jobs will be in danger.", PUB)
    assert c.label == "layoff_report" and c.headcount == 250
