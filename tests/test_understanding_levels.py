"""Apostrophes, questions, charges, levels and lists (rules-28).

Read from probe 19, opened for tuning after it had been measured blind on rules-24 and rules-27 (the same figures on
both): every sentence here was written for these tests in the manner of the pages it showed. A headline's straight
apostrophe and the body's curly one name one employer; "se sépare de N employés" cuts; a known unit labelling a
headline, or the layoff noun closing it after a comma, leaves the act to the lead; a Spanish "¿" opens a question of
its own; a "backdoor" or "disguised" layoff is a charge; a workforce cut TO a figure keeps that figure; a list of
employers with "and others" is a round-up; technology taking jobs is a forecast, never an employer. A review with its
own 158 articles found 8 regressions in the first form; the guards here keep them fixed.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import classify

PUB = datetime(2025, 5, 13, 9, 0)


def test_a_straight_and_a_curly_apostrophe_are_one_name() -> None:
    """(A guard: this text passes on rules-27 too; on an opened page a headline's "Sainsbury's" and the body's
    "Sainsbury’s" had been two names, the headline's not found at all.)"""
    c = classify("x", "Hollin's and Tarbury Shop in administration threat",
                 "Hollin’s has filed a notice of intention to appoint administrators, putting 2,500 jobs at risk, the "
                 "retailer said on Tuesday. Hollin’s has 280 stores in the UK.", PUB)
    assert c.label == "layoff_report" and c.headcount == 2500


def test_parting_with_staff_in_french_is_a_cut() -> None:
    c = classify("x", "Vestria Games se sépare d'une centaine d'employés",
                 "Après l'annonce de milliers de licenciements dans le groupe, Vestria se sépare d'une centaine "
                 "d'employés de sa division de jeux, a indiqué la direction.", PUB)
    assert c.label == "layoff_report" and c.headcount == 100
    # (guard: parting with a chief executive cuts nothing)
    c = classify("x", "Vestria se sépare de son directeur général",
                 "Le groupe Vestria se sépare de son directeur général après trois ans, a annoncé le conseil.", PUB)
    assert c.label != "layoff_report"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Amazon Game Studios: dozzine di licenziamenti e giochi cancellati",
         "Amazon Game Studios, la divisione videoludica del gruppo, ha effettuato dozzine di licenziamenti questa "
         "settimana, ha confermato l'azienda."),
        ("Amazon Games : encore un coup dur pour le studio, des licenciements",
         "Cette semaine, Amazon Games annonce des licenciements. Ce sont 180 employés qui sont licenciés, a expliqué "
         "le vice-président du studio."),
    ],
)
def test_a_headline_labelling_the_topic_leaves_the_act_to_the_lead(title: str, text: str) -> None:
    c = classify("x", title, text, PUB)
    assert c.label == "layoff_report" and c.companies == ("Amazon",)


def test_a_spanish_question_after_a_statement_keeps_the_statement() -> None:
    c = classify("x", "Vestria despedirá a 18 mil trabajadores, ¿está Costa Rica incluida en esos recortes?",
                 "El gigante Vestria confirmó que unos 18 mil trabajadores recibirán su carta de despido este mes. Los "
                 "despidos se darán sobre todo en el comercio minorista.", PUB)
    assert c.label == "layoff_report" and c.headcount == 18000


def test_a_spanish_question_alone_stays_a_question() -> None:
    """(Guard: a headline that is a question from its "¿" reports nothing.)"""
    c = classify("x", "¿Despedirá Vestria a más trabajadores en 2026?",
                 "Los analistas se preguntan si Vestria despedirá a más trabajadores el próximo año. La empresa no ha "
                 "dicho nada.", PUB)
    assert c.label != "layoff_report"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Chez Vestria, une démission vaut 8000 euros",
         "Une mesure incitative dans laquelle, en France, les syndicats voient un moyen de mener à bien des « plans "
         "sociaux déguisés ». Les salariés de Vestria peuvent démissionner contre une prime."),
        ("Office mandate is a backdoor layoff, Vestria staff say",
         "Staff at Vestria say the five-day office mandate is a backdoor layoff designed to push people out."),
    ],
)
def test_a_disguised_layoff_is_a_charge(title: str, text: str) -> None:
    """(These shorter texts pass on rules-27 too; the opened page, with its lead's "collaborateurs sur le départ", was a
    report, and they guard the charge reading.)"""
    assert classify("x", title, text, PUB).label != "layoff_report"


def test_a_real_cut_told_quietly_stays_a_cut() -> None:
    """(Guard: "quietly" cutting jobs is still cutting them.)"""
    c = classify("x", "Vestria quietly cuts 200 jobs", "Vestria is quietly cutting 200 jobs at its Leeds plant, the "
                 "company confirmed.", PUB)
    assert (c.label, c.headcount) == ("layoff_report", 200)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Vestria to cut workforce to 8,000", "Vestria will cut its workforce to 8,000 employees by 2027, the company "
         "said."),
        ("Vestria reduce su plantilla a 8.000 trabajadores", "La empresa Vestria reducirá su plantilla a 8.000 "
         "trabajadores en 2027, según ha comunicado a los sindicatos."),
    ],
)
def test_a_workforce_cut_to_a_figure_keeps_that_figure(title: str, text: str) -> None:
    assert classify("x", title, text, PUB).headcount != 8000


def test_the_cut_beside_the_level_still_counts() -> None:
    """(Guard: "cut 500 jobs, bringing its workforce to 8,000" counts 500.)"""
    c = classify("x", "Vestria to cut 500 jobs", "Vestria will cut 500 jobs, bringing its workforce to 8,000, the "
                 "company said.", PUB)
    assert c.headcount == 500


def test_a_list_of_employers_and_others_is_a_round_up() -> None:
    c = classify("x", "Seattle Layoff Update: Adobe, Microsoft, Real, ZymoGenetics, and Others Cut Staff",
                 "It is the season for layoffs. Here is a rundown of notable cuts: ZymoGenetics cut 52 jobs this week, "
                 "and Microsoft cut 100.", PUB)
    assert c.label != "layoff_report"


def test_sites_listed_after_the_employer_keep_the_report() -> None:
    """(Guard: a first form read "Rolls-Royce, Derby, Bristol:" as three employers, a round-up, and lost the report.)"""
    c = classify("x", "Rolls-Royce, Derby, Bristol: 2,500 jobs to go",
                 "Rolls-Royce will cut 2,500 jobs at its Derby and Bristol sites, the engine maker said on Tuesday.", PUB)
    assert (c.label, c.headcount) == ("layoff_report", 2500)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Stealth layoffs: Vestria cuts 3,600 low performers",
         "Vestria is cutting 3,600 staff it rates as low performers, the company confirmed on Tuesday."),
        ("Quiet layoffs at Corvane hit 500 staff", "Corvane has laid off 500 staff in its sales teams, the company said."),
    ],
)
def test_stealth_or_quiet_layoffs_told_as_cuts_stay_cuts(title: str, text: str) -> None:
    """(Guards from a review: "stealth", "quiet" and "silent" layoffs are the press's word for real cuts.)"""
    assert classify("x", title, text, PUB).label == "layoff_report"


def test_job_cuts_swelling_to_a_total_still_count() -> None:
    """(Guard: "job cuts swell to 18,000" is the count, not a workforce left; a first form lost it.)"""
    c = classify("x", "Amazon's job cuts swell to 18,000, with retail and HR taking the brunt",
                 "Amazon's corporate layoffs will reach more than 18,000 people, the chief executive told staff on "
                 "Wednesday.", PUB)
    assert c.headcount == 18000


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("AI set to disrupt jobs, central bank warns",
         "Artificial intelligence is poised to displace workers across Britain, the governor said on Friday. AI "
         "could bring a wave of job displacement in white-collar work."),
        ("Governor warns AI will likely replace jobs",
         "The governor has warned that artificial intelligence is likely to replace a significant number of jobs."),
    ],
)
def test_technology_taking_jobs_is_a_forecast(title: str, text: str) -> None:
    c = classify("x", title, text, PUB)
    assert c.label == "layoff_mention" and "AI" not in c.companies


def test_a_voluntary_redundancy_offer_is_a_programme() -> None:
    c = classify("x", "Council offers voluntary redundancy to its staff",
                 "All non-teaching staff at Harlow Vale Council have been offered the chance to take voluntary "
                 "redundancy in a bid to plug a funding gap of more than £59m.", PUB)
    assert (c.label, c.companies) == ("layoff_report", ("Harlow Vale Council",))


def test_a_name_opening_a_sentence_before_which_is_the_employer() -> None:
    """"Stylefield, which sold womenswear on high streets, fell into administration": a lone name before a relative
    clause had been no name, and a dev report read as a mention (rules-30)."""
    c = classify("x", "Fashion chain to shut all its shops after collapse",
                 "A fashion chain is to close all 46 of its stores, with 520 jobs set to go. Harlowe, which sold "
                 "womenswear on high streets, fell into administration just before Christmas.", PUB)
    assert (c.label, c.companies, c.headcount) == ("layoff_report", ("Harlowe",), 520)


def test_a_common_word_before_which_is_no_name() -> None:
    """(Guard: "Unemployment, which rose to 4.5%, ..." names nobody.)"""
    c = classify("x", "Unemployment rises", "Unemployment, which rose to 4.5%, is expected to climb as firms cut jobs.",
                 PUB)
    assert "Unemployment" not in c.companies


def test_the_administrator_is_not_the_employer() -> None:
    """"Teneo, which took control of the label's UK operator, said it had been unable to find a buyer": the
    administrator speaks for the firm it winds down (rules-30; the relative-clause name had made it the employer)."""
    c = classify("x", "Fashion label collapse: final UK stores to close with 500 staff losing jobs",
                 "All of the label's remaining UK stores will shut within days, with around 500 staff losing their "
                 "jobs, administrators have confirmed.\n\nTeneo, which took control of the label's UK operator "
                 "Harlowe Retail in March, said it had been unable to find a buyer for the 31 remaining shops.", PUB)
    assert "Teneo" not in c.companies


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Vestria to temporarily close its warehouse", "Vestria Logistics will temporarily close its Leeds warehouse "
         "for two weeks after a fire, the company said."),
        ("Vestria ferme temporairement ses 6 entrepôts français", "Vestria Logistique va fermer temporairement ses six "
         "entrepôts en France afin d'évaluer les risques, a annoncé l'entreprise mercredi."),
        ("Vestria schließt vorübergehend sein Werk", "Der Hersteller Vestria schließt sein Werk in Kassel vorübergehend "
         "wegen Lieferengpässen, teilte das Unternehmen mit."),
    ],
)
def test_a_site_closed_for_a_time_is_no_layoff(title: str, text: str) -> None:
    """"Amazon ferme temporairement ses 6 entrepôts français" (2020) was a report and a false Amazon round on the
    opened real rounds (rules-31)."""
    assert classify("x", title, text, PUB).label != "layoff_report"


@pytest.mark.parametrize(
    ("title", "text", "count"),
    [
        ("Vestria to close plant, temporary staff let go first", "Vestria Logistics will close its Leeds plant next "
         "year. Temporary staff will be let go first.", None),
        ("Vestria temporarily lays off 200", "Vestria Logistics will temporarily lay off 200 workers at its Leeds "
         "plant, the company said.", 200),
    ],
)
def test_temporary_staff_or_layoffs_keep_the_report(title: str, text: str, count: int | None) -> None:
    """(Guards: "temporary staff" are staff, and a temporary layoff is a furlough, still reported.)"""
    c = classify("x", title, text, PUB)
    assert (c.label, c.headcount) == ("layoff_report", count)
