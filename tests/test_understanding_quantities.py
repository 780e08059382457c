"""Quantities, kickers and described firms (rules-35 to rules-37).

Read from real probe 22, opened for tuning once it had been measured blind (rules-31 to rules-34; two decisions of
rules-34 had read its aggregates); every sentence here was written for these tests in the manner of the pages it
showed. The second "as" of "as many as 30,000" opens no clause; pay that "will go up to" a sum loses no job;
"Multiple Charities" are many employers; a section's kicker opening a headline ("Mayenne. La Laiterie ...") and a
German firm described by its trade ("der US-Konzern") are no names. Rules of rules-35 that reviews found over-reaching
("nearly all" stores, "locations", guides) are withdrawn, and guards keep them so. Cases marked as guards pass on
rules-34 too.
"""

from __future__ import annotations

from datetime import datetime

from ingest.understanding import classify

PUB = datetime(2025, 10, 28, 9, 0)


def test_as_many_as_opens_no_clause() -> None:
    c = classify("x", "Amazon targets as many as 30,000 corporate job cuts, sources say",
                 "The Department of Enterprise has confirmed it received a notice from Amazon about staff at its Irish "
                 "operation.\n\nSources said there would be some impact on jobs here.", PUB)
    assert c.label == "layoff_report" and c.companies == ("Amazon",) and c.headcount == 30000


def test_a_chain_closing_its_locations_for_a_day_or_a_storm_loses_no_job() -> None:
    """(Guards: rules-35 read "nearly all" stores and "all" locations as a chain leaving; two reviews found banks,
    diners and cafes closing them for a storm, a strike or a day, and rules-36 and rules-37 withdrew both.)"""
    c = classify("x", "Sunray Bank closes all Florida locations as hurricane approaches",
                 "Sunray Bank will close all of its Florida locations at noon as Hurricane Dora approaches, reopening "
                 "when it is safe.", PUB)
    assert c.label == "not_layoff"
    c = classify("x", "Marlow Pizza shuts nearly all restaurants as snowstorm hits",
                 "Marlow Pizza will close nearly all of its restaurants on Friday as the snowstorm hits, the chain said.",
                 PUB)
    assert c.label != "layoff_report"


def test_pay_going_up_loses_no_job() -> None:
    c = classify("x", "Vestria raises warehouse workers' minimum pay to $22 an hour",
                 "Vestria said on Tuesday it would raise pay for its warehouse staff. With this pay increase, the "
                 "company's starting wages for front-line employees will go up to $22 an hour.", PUB)
    assert c.label == "not_layoff"


def test_what_you_need_to_know_in_a_report_keeps_it_a_report() -> None:
    """(A guard: rules-35's first form read "what you need to know" as a guide for the reader; a review found it
    taking real reports away, and it was withdrawn.)"""
    c = classify("x", "Carrow Insurance cuts 800 roles",
                 "Carrow Insurance will cut 800 roles in its claims division, it said on Tuesday. Here's what you need to "
                 "know about the cuts. The company said affected staff would be told this week.", PUB)
    assert c.label == "layoff_report" and c.headcount == 800


def test_multiple_charities_are_many_employers() -> None:
    c = classify("x", "Multiple Charities Announce Closures and Job Cuts Amidst Financial Pressures",
                 "Multiple Charities Announce Closures and Job Cuts Amidst Financial Pressures\n\nCharities across the "
                 "country are struggling with rising costs, and several have announced closures.\n\nOxfam said it would "
                 "cut 265 jobs.", PUB)
    assert c.label != "layoff_report"
    # (guard: one named charity's cut is its report)
    c = classify("x", "Harbour Aid to cut 120 jobs", "Harbour Aid, the charity, said on Monday it would cut 120 jobs.",
                 PUB)
    assert c.label == "layoff_report" and c.headcount == 120


def test_a_section_kicker_before_the_headline_is_no_name() -> None:
    c = classify("x", "Mayenne. La Laiterie du Valcourt va fermer son site d'Ernée : 87 salariés concernés",
                 "La Laiterie du Valcourt a annoncé mardi la fermeture de son site d'Ernée, où travaillent 87 salariés.",
                 PUB)
    assert c.label == "layoff_report" and c.companies == ("Laiterie du Valcourt",) and c.headcount == 87
    # (guard: initials stay in a name)
    c = classify("x", "J. P. Morgan to cut 500 jobs", "J. P. Morgan will cut 500 jobs in London, the bank said.", PUB)
    assert c.label == "layoff_report" and c.headcount == 500


def test_a_german_firm_described_by_its_trade_is_no_name() -> None:
    c = classify("x", "Amazon: US-Konzern streicht in zweiter Entlassungswelle 9000 Stellen",
                 "Als zweiter großer US-Technologiekonzern setzt Amazon erneut Tausende Beschäftigte vor die Tür. Der "
                 "Online-Händler kündigte am Montag den Abbau von 9000 Stellen an.", PUB)
    assert c.label == "layoff_report" and c.companies == ("Amazon",) and c.headcount == 9000
