"""Headline nouns, glued counts, statuses and three languages' small words (rules-39).

Read from real probe 23 (opened for tuning once rules-31 to rules-38 had been measured on it blind) and from the
Amazon half of probe 24 (measured blind on rules-38 and on this batch before it was opened); every sentence here was
written for these tests in the manner of the pages they showed. Each case fails on rules-38 unless its docstring says
it guards.
"""

from __future__ import annotations

from datetime import datetime

from ingest.understanding import classify
from ingest.understanding.headcount import find_amounts
from ingest.understanding.lexicon import lexicon

PUB = datetime(2025, 10, 28, 9, 0)


def test_a_possessive_headline_noun_with_a_future_predicate_leaves_the_action_to_the_lead() -> None:
    c = classify("x", "Halvorsen's sweeping job cuts to affect Leeds roles",
                 "Staff in Leeds will be among those losing their jobs, sources told the Yorkshire Post.\n\n"
                 "In a statement today, Halvorsen said it was making changes that would result in 1,800 job cuts.", PUB)
    assert c.label == "layoff_report" and c.companies == ("Halvorsen",) and c.headcount == 1800


def test_jobs_under_threat_stay_a_threat() -> None:
    """(A guard: rules-39's first form read "under threat" like "at risk"; a review found four threats (talks failing,
    a plant facing closure, administrators called in) becoming reports, and the rule was withdrawn.)"""
    c = classify("x", "Hundreds of jobs under threat as Garnock Mills talks fail",
                 "Around 400 jobs at Garnock Mills are under threat after rescue talks with a potential buyer collapsed "
                 "on Monday.\n\nAdministrators said they would continue to seek a buyer for the business.", PUB)
    assert c.label != "layoff_report"


def test_a_closure_after_a_short_life_is_no_past_event() -> None:
    for tail in ("less than three years after it entered the UK market", "just three years after the first shop opened"):
        c = classify("x", "Nordvik quits the UK high street",
                     f"Nordvik has announced its decision to close all 12 of its UK stores, {tail}.", PUB)
        assert c.label == "layoff_report" and c.companies == ("Nordvik",), tail


def test_a_count_glued_to_its_job_noun_counts_the_cut() -> None:
    en = lexicon("en")
    for text, value in (("Calder Mills announces 240-job layoff at Bolton plant", 240),
                        ("Brightwell Faces 300-Employee Layoff", 300), ("Ostara confirms 14,000-job cut", 14000)):
        assert [a.value for a in find_amounts(text, en)] == [value], text
    # (the size of a site is no count of a cut: guards that the glued noun must precede a layoff word)
    assert [a.value for a in find_amounts("the 3,000-employee plant will cut 40 jobs", en)] == [40]


def test_a_headline_name_the_body_writes_only_in_its_copy_of_the_headline_stays_a_name() -> None:
    """(A guard: rules-39's first form read a Title Case headline's names outside the body's copy of the headline
    only; it lost a report of the sealed half of probe 24, a review found more, and it was withdrawn.)"""
    title = "Harrowgate Ceramics To Cut 85 Jobs"
    c = classify("x", title, f"{title}\n\nThe pottery maker told staff on Monday that 85 roles would go at its "
                             "Stoke works.", PUB)
    assert c.label == "layoff_report" and c.companies == ("Harrowgate Ceramics",) and c.headcount == 85


def test_a_closure_the_employer_announced_is_confirmed_whatever_outlet_relayed_it() -> None:
    c = classify("x", "Gransden grocery stores to close; 'difficult decision', says chain",
                 "Gransden has announced its decision to close all 14 of its grocery stores in Ireland.\n\n"
                 "The chain pioneered self-scanning in Irish shops, Reuters reported.", PUB)
    assert c.label == "layoff_report" and not c.is_leak


def test_money_in_millions_of_dollars_is_no_count_in_french() -> None:
    fr = lexicon("fr")
    assert find_amounts("La fermeture indique des pertes estimées de 400 millions à 600 millions de dollars par année.",
                        fr) == []
    assert [a.value for a in find_amounts("Le groupe supprime 1 200 postes.", fr)] == [1200]


def test_a_total_of_and_a_one_word_shutdown_close_workplaces() -> None:
    c = classify("x", "Norwick Intends to Shutdown Three UK Distribution Centers",
                 "Norwick revealed on Tuesday that it has begun a consultation over the closure of three UK facilities "
                 "employing a total of 1,200 workers.\n\nNorwick said all staff would be offered roles elsewhere.", PUB)
    assert c.label == "layoff_report" and c.companies == ("Norwick",) and c.headcount == 1200


def test_italian_throughout_the_country_is_a_place_and_an_articulated_preposition_no_subject() -> None:
    c = classify("x", "KORVA, esuberi dichiarati dall'azienda",
                 "Nella giornata del 3 ottobre 2025 è pervenuta alle Segreterie nazionali una procedura di "
                 "licenziamento collettivo riguardante 20 dipendenti in tutto il territorio nazionale, dichiarati in "
                 "esubero a seguito del nuovo assetto organizzativo.", datetime(2025, 10, 3, 12, 0))
    assert c.label == "layoff_report" and c.companies == ("KORVA",) and c.headcount == 20
    # (guard: a workforce "in tutto il mondo" is still a base, not a count)
    assert [a.value for a in find_amounts("Il gruppo ha 3000 dipendenti in tutto il mondo e ne licenzia 20.",
                                          lexicon("it"))] == [20]


def test_a_note_to_staff_cited_in_spanish_is_the_employers_word() -> None:
    c = classify("x", "Corvana despedirá a cientos de empleados de su división de vídeo",
                 "Corvana ha anunciado un recorte de personal que se traducirá en cientos de despidos en su división "
                 "de vídeo, según avanzó en una nota dirigida a los trabajadores su responsable, Marta Ibarra.", PUB)
    assert c.label == "layoff_report" and not c.is_leak


def test_a_copy_of_the_memo_shared_by_a_spokesperson_confirms_and_a_vp_is_a_person() -> None:
    c = classify("x", "Ostara Cuts Hundreds Of Jobs In Voice Division",
                 "Ostara is cutting more jobs within its voice division.\n\nOn Friday Ostara began laying off several "
                 "hundred people in its voice division, according to a report by TechWire.\n\nThe division has "
                 "struggled to make money for years.\n\nNow according to TechWire, Dana Holt, Ostara’s VP of voice "
                 "products, sent a note to "
                 "staffers informing them of the job cuts, according to a copy of the memo shared by an Ostara "
                 "spokesperson.", PUB)
    assert c.label == "layoff_report" and c.companies == ("Ostara",) and not c.is_leak


def test_a_paper_reporting_on_a_weekday_is_a_leak() -> None:
    c = classify("x", "Ostara to cut 10,000 jobs amid tech layoffs: NYT report",
                 "Ostara plans to lay off roughly 10,000 white-collar employees, The New York Times reported Monday. "
                 "The cuts will mainly affect its devices and retail divisions, the paper said.", PUB)
    assert c.label == "layoff_report" and c.headcount == 10000 and c.is_leak


def test_a_german_plan_to_close_a_logistics_centre_is_a_report() -> None:
    for title in ("Ostara plant großes Logistikzentrum in Brandenburg zu schließen",
                  "Ostara macht großes Logistikzentrum in Deutschland dicht"):
        c = classify("x", title, "Der Online-Händler Ostara hat erstmals die Schließung eines Logistikzentrums "
                                 "in Deutschland angekündigt.", PUB)
        assert c.label == "layoff_report" and c.companies == ("Ostara",), title


def test_a_unit_undergoing_job_cuts_leaves_the_action_to_the_lead() -> None:
    c = classify("x", "Ostara's podcast unit undergoes job cuts",
                 "Ostara has reduced its workforce at Wavelength, its podcast division, according to a memo sent to "
                 "staff on Monday. About 110 roles are affected.", PUB)
    assert c.label == "layoff_report" and c.companies == ("Ostara",)


def test_what_the_review_of_rules_39_found() -> None:
    """(Guards: each case a review with 187 articles of its own found wrong in a first form of rules-39.)"""
    c = classify("x", "Marlow Tech cut 200 jobs two years after it entered administration",
                 "Marlow Tech, which cut 200 jobs two years after it entered administration, has been bought by a "
                 "private equity firm.\n\nThe new owners said they plan to hire.", PUB)
    assert c.label != "layoff_report"  # entering administration is no market entered: the cut is past
    c = classify("x", "VP Bank Holdings cuts 90 jobs in Vaduz",
                 "VP Bank Holdings is cutting 90 jobs in Vaduz, the lender said on Tuesday, as it merges its back "
                 "office with a Swiss partner.", PUB)
    assert c.label == "layoff_report" and c.companies and c.companies[0].startswith("VP Bank") and c.headcount == 90
    c = classify("x", "Ferienbedingt: Kronberg macht Werk für zwei Wochen dicht",
                 "Der Autozulieferer Kronberg macht sein Werk in Zwickau über die Sommerferien für zwei Wochen dicht. "
                 "Die Beschäftigten nehmen in dieser Zeit Urlaub.", PUB)
    assert c.label != "layoff_report"
    c = classify("x", "Grimsby port operator underwent redundancies, inquiry told",
                 "An employment tribunal heard on Monday that the port operator Humber Gate underwent redundancies in "
                 "2022 that were unfair to older staff.\n\nThe hearing continues.", PUB)
    assert c.label != "layoff_report"
    c = classify("x", "Halberd Corp cuts 250 jobs, company reported Monday",
                 "Halberd Corp reported Monday that it had cut 250 jobs in the first quarter as part of a restructuring, "
                 "in its earnings release.", PUB)
    assert c.label == "layoff_report" and not c.is_leak
