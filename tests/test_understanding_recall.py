"""Reports worded without the usual cue, and their counts: classes of news sentence, not single items.

Real reports are missed when they say it another way: staff told their site will shut without the word "jobs", a
German "Streichung von N Stellen", or a German passive whose count sits further from its verb. Shares written "one in
six" are no counts.
Every article here is written for these tests (invented employers, figures and wording), each rule with look-alikes
it must leave alone.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import classify, load_company_table

PUB = datetime(2026, 3, 10, 9, 0)  # a Tuesday


def _classify(title: str, text: str) -> Classification:
    return classify("t", title, text, PUB, companies=load_company_table())


# --- a closure told to staff without the word "jobs" -----------------------------------------------------------

def test_staff_told_their_plant_will_shut_is_a_report_with_its_count() -> None:
    result = _classify(
        "",
        "Three hundred workers at a glass plant near Stockport have been told it will shut next month, a union said. "
        "Lindqvist Glass announced in January that it planned to close the site.",
    )
    assert result.label == "layoff_report"
    assert result.headcount == 300


def test_staff_told_about_something_else_is_no_report() -> None:
    result = _classify(
        "",
        "Three hundred workers at a glass plant near Stockport have been told their canteen will move to a new "
        "building next month, a spokesperson said.",
    )
    assert result.label == "not_layoff"


# --- shares in words are not counts ----------------------------------------------------------------------------

@pytest.mark.parametrize("share", ["one in six", "one in four"])
def test_a_share_in_words_is_no_count(share: str) -> None:
    result = _classify(
        f"Teesview council to cut {share} posts",
        f"Teesview Borough Council plans to cut {share} posts to close a budget gap, its leader said on Monday.",
    )
    assert result.label == "layoff_report"
    assert result.headcount is None


def test_a_count_cut_in_two_rounds_still_counts() -> None:
    result = _classify(
        "Marden Bank to cut 200 jobs",
        "Marden Bank said on Monday it will cut 200 in two rounds this year as it closes its call centre in Hull.",
    )
    assert result.headcount == 200


# --- German: the noun of a cut with its count, and a passive count further from its verb -----------------------

def test_german_streichung_von_stellen_counts() -> None:
    result = _classify(
        "Über 2.400 Stellen werden gestrichen",
        "Der Vorstand von Halberg Chemie kündigte am Montag die Streichung von mehr als 2.400 Stellen an.",
    )
    assert result.label == "layoff_report"
    assert result.headcount == 2400


def test_german_passive_count_after_a_noun_cue() -> None:
    result = _classify(
        "",
        "Der Maschinenbauer Kranich Werke kündigt einen Stellenabbau an: Rund 1.300 Arbeitsplätze in der Verwaltung "
        "sollen bundesweit gestrichen werden. Das teilte das Unternehmen am Montag mit.",
    )
    assert result.label == "layoff_report"
    assert result.headcount == 1300


def test_german_wegfall_of_a_tax_is_no_cut() -> None:
    result = _classify(
        "Wegfall von Zuschlägen ärgert Pendler",
        "Der Wegfall von Zuschlägen für Pendler sorgt in Bayern für Ärger, sagte ein Verbandssprecher am Montag.",
    )
    assert result.label == "not_layoff"


# --- a notice of intention to appoint administrators is filed like a layoff notice ------------------------------

def test_a_notice_to_appoint_administrators_is_a_report_with_the_jobs_it_puts_at_risk() -> None:
    result = _classify(
        "",
        "Brindle Home has filed a notice of intention to appoint administrators, putting 640 jobs at risk across its "
        "40 stores.",
    )
    assert result.label == "layoff_report"
    assert result.headcount == 640


def test_administrators_named_in_passing_are_no_report() -> None:
    result = _classify(
        "Bidders circle Brindle Home brand",
        "Three bidders are interested in the Brindle Home brand, which the administrators of its former owner put up "
        "for sale in March.",
    )
    assert result.label != "layoff_report"


# --- a sister unit's figure in a unit's story counts another action ---------------------------------------------

def test_a_sister_units_count_is_not_the_units_count() -> None:
    result = _classify(
        "Zappos trims 8% of its staff",
        "Zappos, the Amazon-owned shoe retailer, is laying off 8% of its staff, the company said on Tuesday. This "
        "week Whole Foods also laid off another 350 employees in its regional offices.",
    )
    assert result.label == "layoff_report"
    assert result.headcount is None


def test_the_parents_count_in_a_units_story_still_counts() -> None:
    result = _classify(
        "Zappos to cut jobs",
        "Zappos, the Amazon-owned shoe retailer, is laying off staff in Las Vegas, the company said on Tuesday. "
        "Zappos will cut 210 jobs, a spokesperson said.",
    )
    assert result.headcount == 210


# --- "no immediate redundancies" rules nothing out: the jobs stay in doubt, a mention ---------------------------

def test_no_immediate_redundancies_is_a_mention() -> None:
    result = _classify(
        "Corrow Textiles falls into administration",
        "Administrators were appointed to Corrow Textiles on Friday. No immediate redundancies have been made while "
        "the administrators look for a buyer.",
    )
    assert result.label == "layoff_mention"


def test_no_redundancies_at_all_is_a_denial() -> None:
    result = _classify(
        "Corrow Textiles opens new dye house",
        "Corrow Textiles opened a new dye house in Bradford on Friday. The firm said no redundancies would follow "
        "the move of its old equipment.",
    )
    assert result.label == "not_layoff"


# --- German: gender-inclusive plurals, "betreffen" with a count, the announced cut begun -----------------------

def test_german_gender_inclusive_staff_count() -> None:
    result = _classify(
        "Halberg Chemie beginnt mit angekündigtem Stellenabbau",
        "Halberg Chemie hat mit dem Stellenabbau begonnen. Er wird 1.250 Mitarbeiter:innen in drei Werken betreffen, "
        "teilte das Unternehmen am Montag mit.",
    )
    assert result.label == "layoff_report"
    assert result.headcount == 1250


def test_german_betreffen_without_staff_is_no_count() -> None:
    result = _classify(
        "Neue Regeln bei Halberg Chemie",
        "Die neuen Schichtpläne werden 1.250 Maschinen in drei Werken betreffen, teilte Halberg Chemie mit.",
    )
    assert result.label == "not_layoff"


# --- a passive cut names its employer after "at" ----------------------------------------------------------------

def test_staff_laid_off_at_an_employer_is_its_report() -> None:
    result = _classify(
        "More than 300 staff have been laid off at Zappos",
        "Days into the job, the new chief executive said the shoe retailer had reduced its workforce by more than "
        "300 people.",
    )
    assert result.label == "layoff_report"
    assert result.companies == ("Amazon",)
    assert result.headcount == 300


@pytest.mark.parametrize("title", ["Hundreds of workers laid off at Zappos suppliers",
                                   "Workers laid off at Zappos's partner factories"])
def test_staff_laid_off_at_an_employers_suppliers_do_not_make_it_the_employer(title: str) -> None:
    result = _classify(title, "Shoe factories in Portugal said orders had fallen sharply this year.")
    assert result.label != "layoff_report"
