"""English: when a layoff cue is the article's news (a report) and when it is only discussed (a mention).

Every article here is written for these tests (invented employers, figures and wording), one per rule, with
a look-alike the rule must leave alone.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import classify, load_company_table
from ingest.understanding.clauses import clause_spans, find_markers, sentence_cues
from ingest.understanding.headcount import find_amounts
from ingest.understanding.lexicon import lexicon

EN = lexicon("en")
PUB = datetime(2026, 3, 10, 9, 0)  # a Tuesday


def _classify(title: str, text: str) -> Classification:
    return classify("t", title, text, PUB, companies=load_company_table())


def _marker_kinds(sentence: str) -> set[str]:
    low = sentence.lower()
    return {m.kind for m in find_markers(sentence, low, EN, clause_spans(low, EN))}


def _cue_texts(sentence: str) -> list[str]:
    return [sentence[c.start : c.end] for c in sentence_cues(sentence, sentence.lower(), EN)]


# --- a programme announced earlier, reported on with results -------------------------------------------------

def test_progress_of_an_earlier_programme_is_a_mention() -> None:
    c = _classify(
        "Halvorsen Telecom says savings drive ahead of schedule as sales dip",
        "Halvorsen Telecom said its plan to cut 3,200 roles was ahead of schedule, as it posted a drop in "
        "first-half revenue. Finance chief Mira Osei told analysts most of the reductions had been made.",
    )
    assert c.label == "layoff_mention"


def test_a_new_cut_beside_a_turnaround_on_track_is_a_report() -> None:
    c = _classify(
        "Brisk Freight to cut 900 jobs as it says turnaround is on track",
        "Brisk Freight will cut 900 jobs across its depots, the haulier said on Monday.",
    )
    assert c.label == "layoff_report"
    assert c.headcount == 900


# --- running totals and comparisons ---------------------------------------------------------------------------

def test_bringing_a_total_is_cumulative_but_bringing_cuts_somewhere_is_not() -> None:
    assert "cumulative" in _marker_kinds("The new round brings its total since March to 4,100 roles.")
    assert "cumulative" in _marker_kinds("The cuts, bringing the number of posts lost to 2,050, start in May.")
    assert "cumulative" not in _marker_kinds("Plant closure brings more redundancies to Kestrel Foods.")


def test_closure_bringing_more_layoffs_to_a_division_is_a_report() -> None:
    c = _classify(
        "Scanner shutdown brings more layoffs to Vantor's imaging group",
        "Vantor Imaging is discontinuing its handheld scanner line, and staff who worked on it were told on Monday "
        "that their roles were being eliminated, according to a memo from division head Priya Nand.",
    )
    assert c.label == "layoff_report"


def test_a_running_total_since_a_date_is_a_mention() -> None:
    c = _classify(
        "Northwind Retail Has Now Shed 5,000 Store Jobs Since March. Here's The Breakdown",
        "Northwind Retail has cut jobs in three rounds since March. The first came in its distribution centres, "
        "the second in stores and the third at head office.",
    )
    assert c.label == "layoff_mention"


def test_the_biggest_round_since_a_year_is_a_report() -> None:
    c = _classify(
        "Pellam Software Cuts About 1,200 Jobs in Largest Round Since 2021",
        "Pellam Software is laying off about 1,200 employees, the company confirmed on Monday.",
    )
    assert c.label == "layoff_report"
    assert c.headcount == 1200


def test_an_aggregate_at_its_highest_level_since_a_year_is_no_report() -> None:
    c = _classify(
        "Redundancies notified by British employers hit highest level since 2009",
        "Employers notified the government of 41,000 planned redundancies in February, official figures showed. "
        "Manufacturing accounted for a third of the total.",
    )
    assert c.label != "layoff_report"


# --- one person dismissed ---------------------------------------------------------------------------------------

def test_a_manager_sacked_is_not_a_layoff() -> None:
    c = _classify(
        "Albion Town sack head coach after cup exit",
        "Albion Town have dismissed head coach Ray Dunmore after a 4-0 defeat. He is the third coach in the league "
        "to lose his job this season. The club said a replacement would be named next week.",
    )
    assert c.label == "not_layoff"


def test_staff_losing_their_jobs_is_still_a_cue() -> None:
    assert _cue_texts("Staff at the Harwich depot will lose their jobs when it closes in June.")


# --- a lifetime is no earlier event -----------------------------------------------------------------------------

def test_closing_after_many_years_with_job_losses_is_a_report() -> None:
    c = _classify(
        "Marlow Printworks to shut after 85 years with the loss of 60 jobs",
        "Marlow Printworks in Buckinghamshire is to close in the autumn, its owner said on Monday.",
    )
    assert c.label == "layoff_report"
    assert c.headcount == 60


def test_shares_rising_after_the_cuts_is_still_background() -> None:
    c = _classify(
        "Shares in Pell Systems jump after the job cuts announced last month",
        "Shares in Pell Systems rose 6% on Monday as investors welcomed its cost plan.",
    )
    assert c.label != "layoff_report"


# --- explainers, essays, newsletters ---------------------------------------------------------------------------

def test_an_explainer_on_the_readers_job_is_a_mention() -> None:
    c = _classify(
        "Will a robot take your job? What Crestline Bank's cuts tell us",
        "Crestline Bank said on Monday it would cut 4,000 jobs over five years as it automates its call centres. "
        "So which roles are most exposed? Experts say routine office work is the easiest to automate.",
    )
    assert c.label == "layoff_mention"


def test_the_same_cut_told_as_news_is_a_report() -> None:
    c = _classify(
        "Crestline Bank to cut 4,000 jobs as it automates call centres",
        "Crestline Bank said on Monday it would cut 4,000 jobs over five years as it automates its call centres.",
    )
    assert c.label == "layoff_report"


def test_a_founders_lessons_are_an_essay() -> None:
    c = _classify(
        "Making people redundant: what I learned the hard way",
        "Two years ago I had to let go of a third of our team. Here is what I would do differently.",
    )
    assert c.label != "layoff_report"


def test_a_newsletter_item_is_a_mention() -> None:
    c = _classify(
        "The Ledger: a quiet week for deals, and rate decisions ahead",
        "Good morning and welcome to The Ledger, our weekly newsletter on money and markets. "
        "Pellman Insurance is cutting 700 jobs, it confirmed on Monday. Bond yields edged higher.",
    )
    assert c.label == "layoff_mention"


def test_the_same_lead_without_the_newsletter_greeting_is_a_report() -> None:
    c = _classify(
        "Pellman Insurance shakes up claims unit",
        "Pellman Insurance is cutting 700 jobs, it confirmed on Monday. Bond yields edged higher.",
    )
    assert c.label == "layoff_report"


# --- a headline clause that only sets the scene ---------------------------------------------------------------

def test_furloughs_spreading_through_suppliers_is_a_mention() -> None:
    c = _classify(
        "Harlan Steel dispute hits suppliers as furloughs widen",
        "The walkout at Harlan Steel is spreading down the supply chain. Several parts makers in the region could "
        "furlough staff next month if the dispute continues, a trade group said.",
    )
    assert c.label == "layoff_mention"


def test_job_cuts_reaching_an_office_under_a_consultation_is_a_report() -> None:
    c = _classify(
        "Orbis Media begins consulting staff as job cuts reach Leeds",
        "Orbis Media said on Monday it would cut 400 jobs at its Leeds office.",
    )
    assert c.label == "layoff_report"


# --- a smaller workforce without a cut ------------------------------------------------------------------------

def test_needing_fewer_people_is_a_mention_not_a_report() -> None:
    c = _classify(
        "Insurer chief: automation means we will need fewer staff in claims",
        'The chief executive of Harbourline Insurance said automation would mean the firm needs "far fewer" '
        "staff in claims handling over the next decade, but said there were no plans for redundancies.",
    )
    assert c.label == "layoff_mention"


def test_avoiding_hiring_is_a_mention_not_a_report() -> None:
    c = _classify(
        "Quayside Logistics hopes drones will let it avoid hiring 20,000 couriers",
        "Quayside Logistics believes drones could let it avoid hiring about 20,000 couriers by 2032, according to "
        "internal documents. The plans do not involve laying off existing couriers.",
    )
    assert c.label == "layoff_mention"


def test_fewer_of_something_else_is_no_cue() -> None:
    assert not _cue_texts("The hospital needs fewer beds now that waiting lists are shorter.")


# --- counts and modality -----------------------------------------------------------------------------------------

def test_closures_affecting_tens_of_thousands_of_workers_is_a_mention() -> None:
    c = _classify(
        "Pub closures to accelerate this year, trade body warns",
        "About 900 pubs could close in 2026, the trade body said. It does not estimate job losses, but closures "
        "on that scale would affect tens of thousands of bar workers, analysts said.",
    )
    assert c.label == "layoff_mention"


def test_a_quoted_count_between_verb_and_jobs_is_read() -> None:
    assert _cue_texts('A report said Grove Radio could eliminate "dozens" of jobs.') == [
        'eliminate "dozens" of jobs'
    ]


def test_not_saying_how_many_jobs_is_no_denial() -> None:
    c = _classify(
        "Staff anxious as Marden Chemicals reviews costs",
        "Workers at the Marden Chemicals plant in Teesside are worried after the US parent said it was reviewing "
        "costs. The company has not said how many roles could be affected.",
    )
    assert c.label == "layoff_mention"


def test_saying_no_jobs_are_affected_is_a_denial() -> None:
    c = _classify(
        "Marden Chemicals reviews costs",
        "Marden Chemicals said it was reviewing costs across its plants. The company said no roles would be "
        "affected at its Teesside site.",
    )
    assert c.label == "not_layoff"


def test_abolishing_a_body_and_cutting_its_headcount_is_a_report() -> None:
    c = _classify(
        "Regional Transport Board to be abolished to save money",
        "The Regional Transport Board is to be abolished, the government has announced. The transport secretary "
        "told MPs the combined workforce of the board and the ministry would be reduced by about a third.",
    )
    assert c.label == "layoff_report"
    assert c.headcount_pct == pytest.approx(33.3)


def test_patients_waiting_reduced_is_no_cue() -> None:
    assert not _cue_texts("The number of people waiting for surgery will be reduced by a fifth.")


def test_an_overall_reduction_counts_but_an_overall_total_does_not() -> None:
    assert [a.value for a in find_amounts("It will mean an overall reduction of about 2,300 roles.", EN)] == [2300]
    assert find_amounts("The round brings the overall total to 9,000 jobs.", EN) == []


# --- leaked or confirmed ------------------------------------------------------------------------------------------

def test_an_internal_email_from_an_executive_confirms() -> None:
    c = _classify(
        "Kelso Games cuts 140 jobs",
        "Kelso Games has cut 140 jobs, according to an internal email from studio head Lena Ruiz.",
    )
    assert c.label == "layoff_report"
    assert c.is_leak is False


def test_internal_documents_leak() -> None:
    c = _classify(
        "Kelso Games to cut 140 jobs",
        "Kelso Games plans to cut 140 jobs, according to internal documents.",
    )
    assert c.is_leak is True


def test_a_source_beside_former_employees_still_leaks() -> None:
    c = _classify(
        "Corra Therapeutics quietly lays off dozens",
        "Corra Therapeutics has laid off dozens of employees, according to a person familiar with the matter and "
        "posts from former employees on LinkedIn. A Corra spokesperson did not respond to a request for comment.",
    )
    assert c.label == "layoff_report"
    assert c.is_leak is True


# --- a trend headline over examples ----------------------------------------------------------------------------

def test_a_trend_headline_over_several_firms_is_a_mention() -> None:
    c = _classify(
        "The AI layoffs are here, whatever bosses say",
        "Last month Kestrel Bank said it would cut 3,000 back-office jobs. Harlow Retail is shedding 1,200 "
        "head-office roles, and Pinecrest Media has cut a fifth of its newsroom. Each blamed something different.",
    )
    assert c.label == "layoff_mention"


def test_an_employers_bosses_confirming_layoffs_is_a_report() -> None:
    c = _classify(
        "Harlow Retail bosses confirm 1,200 layoffs at head office",
        "Harlow Retail is shedding 1,200 head-office roles, the company confirmed on Monday.",
    )
    assert c.label == "layoff_report"
    assert c.companies == ("Harlow Retail",)


# --- jobs moved abroad -----------------------------------------------------------------------------------------

def test_denying_a_plan_to_move_jobs_abroad_is_a_mention() -> None:
    c = _classify(
        "Carrick Insurance denies plan to shift 300 roles to India",
        "Carrick Insurance has denied a newspaper report that it plans to move 300 claims jobs overseas. "
        '"There are no plans to offshore these roles," a spokeswoman said.',
    )
    assert c.label == "layoff_mention"


def test_moving_jobs_abroad_is_a_cut_but_moving_staff_to_a_new_office_is_not() -> None:
    assert _cue_texts("Harbour Bank will move 400 back-office jobs to lower-cost locations.")
    assert not _cue_texts("Harbour Bank will move 400 staff to its new Leeds hub next year.")
