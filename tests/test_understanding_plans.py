"""English: a decided plan reported with a modal of its cost, and the possibilities that stay mentions.

News writes an employer's proposal with a modal on its consequence ("300 jobs could be lost as the council
restructures"): the plan is asserted, the modal only says what it may cost. Speculation has no plan asserted beside
the modal ("could cut more jobs if demand stays weak", "analysts expect"). Every article here is written for these
tests (invented employers, figures and wording), each rule with look-alikes it must leave alone.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import classify, load_company_table
from ingest.understanding.modality import asked

PUB = datetime(2026, 3, 10, 9, 0)  # a Tuesday


def _classify(title: str, text: str) -> Classification:
    return classify("t", title, text, PUB, companies=load_company_table())


# --- a modal on the cost of a plan the sentence asserts --------------------------------------------------------

@pytest.mark.parametrize(
    ("title", "text", "count"),
    [
        ("Budget gap forces rethink at Marlow council",
         "More than 260 posts could be lost as Marlow District Council restructures to close a £31m budget gap.", 260),
        ("Rexford Foods bakery workers anxious",
         "Up to 140 jobs could be at risk following plans to close the Rexford Foods bakery in Wakefield.", 140),
        ("Pellow Engineering staff told of review",
         "Up to 90 staff at Pellow Engineering may face redundancy under the proposals, which go to consultation "
         "next week.", 90),
        ("Tolland Cables staff told of changes",
         "Up to 60 staff at Tolland Cables may face redundancy, the company told workers on Monday.", 60),
        ("Quarry owner outlines shake-up",
         "Around 75 roles might go at Hebden Aggregates after the company announced it would shut two quarries.",
         75),
    ],
)
def test_a_modal_of_a_plans_cost_is_a_report(title: str, text: str, count: int) -> None:
    c = _classify(title, text)
    assert c.label == "layoff_report"
    assert c.headcount == count


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the writer's guess, with no plan beside it
        ("Rexford Foods outlook darkens", "Rexford Foods could cut up to 500 jobs as sales of its biscuits slump."),
        # a condition
        ("Rexford Foods warns on demand",
         "Rexford Foods could cut more jobs if demand stays weak, its chief executive said on Tuesday."),
        # the modal governs the plan itself
        ("Rexford Foods weighs its options",
         "Rexford Foods could announce plans to close its Leeds factory, putting 200 jobs at risk."),
        # a forecast by analysts
        ("Analysts gloomy on Rexford Foods",
         "Analysts expect that up to 300 jobs could be lost as Rexford Foods restructures its bakeries."),
        # an announcement of something else is no plan
        ("Rexford Foods results",
         "Rexford Foods announced weak results on Tuesday and jobs could go at its Leeds bakery."),
        # facing a closure is a threat, not a decision
        ("Rexford Foods site in doubt",
         "Up to 140 jobs could be lost as the Rexford Foods bakery in Wakefield faces closure."),
    ],
)
def test_a_modal_without_a_decided_plan_stays_a_mention(title: str, text: str) -> None:
    assert _classify(title, text).label == "layoff_mention"


# --- a headline that asserts the plan, a lead that gives its cost with a modal --------------------------------

def test_a_decided_headline_makes_a_modal_lead_its_cost() -> None:
    c = _classify(
        "Tolland Cables to close Swindon works",
        "Up to 180 jobs could be lost at the site, which makes power cables. Tolland Cables said it had opened a "
        "consultation with staff.",
    )
    assert c.label == "layoff_report"
    assert c.headcount == 180


@pytest.mark.parametrize(
    "title", ["Tolland Cables could close Swindon works", "Tolland Cables outlook gloomy as copper prices soar"]
)
def test_a_modal_lead_under_an_undecided_headline_stays_a_mention(title: str) -> None:
    text = "Up to 180 jobs could be lost at Tolland Cables, which makes power cables in Swindon."
    assert _classify(title, text).label == "layoff_mention"


def test_a_headline_modal_leaves_the_plan_to_the_lead() -> None:
    c = _classify(
        "Tolland Cables staff may face redundancy",
        "Staff at Tolland Cables may face redundancy after the company confirmed the closure of its Swindon works.",
    )
    assert c.label == "layoff_report"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Tolland Cables could cut 500 jobs", "Tolland Cables could cut up to 500 jobs as sales slump, analysts said."),
        ("Up to 400 jobs could be at risk at Tolland Cables",
         "Tolland Cables could cut up to 400 jobs if copper prices keep rising, its chairman said."),
    ],
)
def test_a_headline_modal_over_a_lead_of_possibilities_is_a_mention(title: str, text: str) -> None:
    assert _classify(title, text).label == "layoff_mention"


def test_jobs_facing_the_axe_under_plans_is_a_report() -> None:
    c = _classify("Dozens of Carnwath library jobs face the axe under council plans",
                  "Carnwath Borough Council will cut 48 library posts from April, it confirmed on Monday.")
    assert c.label == "layoff_report"
    assert c.headcount == 48


# --- jobs at risk with nothing decided: a warning ---------------------------------------------------------------

def test_a_warning_that_jobs_are_on_the_line_is_a_mention() -> None:
    c = _classify(
        "Ministers urged to back Tyneside shipyard",
        "Shipbuilders' leaders have called for a rescue of Corran Marine. Their general secretary said: \"Two "
        "thousand jobs at Corran Marine are on the line and the clock is ticking.\"",
    )
    assert c.label == "layoff_mention"


def test_jobs_at_risk_from_an_announced_closure_is_a_report() -> None:
    c = _classify(
        "Corran Marine jobs blow",
        "Corran Marine announced on Monday it will close its Tyneside yard, with 2,000 jobs at risk.",
    )
    assert c.label == "layoff_report"


# --- headlines that name the topic, state it decided, or ask about it ------------------------------------------

def test_a_keyword_headline_leaves_the_action_to_the_lead() -> None:
    c = _classify("Brightwell Health job cuts news",
                  "Brightwell Health confirmed on Tuesday it will cut 1,100 jobs across its clinics.")
    assert c.label == "layoff_report"
    assert c.headcount == 1100


def test_a_headline_talking_about_an_employers_cuts_still_blocks_the_lead() -> None:
    c = _classify("Brightwell Health's job cuts are about culture, says its founder",
                  "Brightwell Health cut 1,100 jobs last year. Its founder said the cuts were about culture.")
    assert c.label == "layoff_mention"


@pytest.mark.parametrize(
    "title", ["Quillon Software layoffs imminent", "Quillon Software layoffs incoming: hundreds could be affected"]
)
def test_layoffs_said_to_be_imminent_are_a_report(title: str) -> None:
    c = _classify(title, "The company is expected to tell staff this week, people familiar with the matter said.")
    assert c.label == "layoff_report"
    assert c.companies == ("Quillon Software",)


def test_a_question_after_a_stated_cut_asks_about_it() -> None:
    c = _classify("Halvorsen Marine lays off 900 workers: can the shipbuilder survive?",
                  "Halvorsen Marine said on Tuesday it would lay off 900 workers at its Bergen yard.")
    assert c.label == "layoff_report"
    assert c.headcount == 900


def test_a_question_headline_still_frames_the_article() -> None:
    c = _classify("Will Halvorsen Marine cut more jobs as orders slow?",
                  "Halvorsen Marine laid off 900 workers in March. Analysts expect more cuts this year.")
    assert c.label == "layoff_mention"


def test_asked_covers_only_the_question_clause() -> None:
    assert asked("Will Halvorsen cut jobs as orders slow?", 0)
    assert not asked("Halvorsen cuts 900 jobs: is it losing the fight?", 0)
    assert not asked("Halvorsen cuts 900 jobs.", 0)


def test_a_headline_listing_employers_is_a_round_up() -> None:
    c = _classify("Tech layoffs continue: Intel, Cisco, and Salesforce cut jobs",
                  "Intel said on Tuesday it would lay off 900 workers.")
    assert c.label == "layoff_mention"


# --- an employer's eventual outcome, not a plan ----------------------------------------------------------------

@pytest.mark.parametrize(
    "outcome", ["will ultimately lead to a reduction in the company's headcount", "will eventually shrink its workforce"]
)
def test_an_executive_saying_ai_will_ultimately_shrink_the_workforce_is_a_mention(outcome: str) -> None:
    c = _classify(
        "Quillon Software chief says AI will change how teams work",
        f"Quillon Software chief executive Dana Reyes has told employees that artificial intelligence {outcome}.",
    )
    assert c.label == "layoff_mention"


def test_an_executive_telling_staff_of_a_cut_is_still_a_report() -> None:
    c = _classify(
        "Quillon Software to cut 400 jobs",
        "Quillon Software chief executive Dana Reyes has told employees that the company will cut 400 jobs.",
    )
    assert c.label == "layoff_report"


# --- a party reacting to a decided closure ---------------------------------------------------------------------

def test_a_union_opposing_a_closure_leaves_its_jobs_to_the_lead() -> None:
    c = _classify(
        "Unite opposes Harlow Paper mill closure",
        "The union said it would fight the proposed closure of the Harlow Paper mill in Kent. The site has 120 "
        "jobs at risk.",
    )
    assert c.label == "layoff_report"


def test_a_union_statement_on_pay_is_no_report() -> None:
    c = _classify(
        "Unite slams pay offer at Harlow Paper",
        "The union said the offer was an insult. Harlow Paper said 120 jobs could be at risk if costs rise.",
    )
    assert c.label == "layoff_mention"


# --- background recalled in passing ---------------------------------------------------------------------------

def test_a_sentence_opening_on_recently_recalls_background() -> None:
    c = _classify(
        "Tolland Bank and Marrow Bank close more branches",
        "Tolland Bank and Marrow Bank will close 90 branches between them next year. Recently, Tolland Bank "
        "announced 160 lay-offs as part of a branch-sharing plan.",
    )
    assert c.label == "layoff_mention"


def test_the_same_cut_told_as_news_is_a_report() -> None:
    c = _classify(
        "Tolland Bank and Marrow Bank close more branches",
        "Tolland Bank and Marrow Bank will close 90 branches between them next year. Tolland Bank also "
        "announced 160 lay-offs on Tuesday as part of a branch-sharing plan.",
    )
    assert c.label == "layoff_report"


def test_a_participle_after_a_colon_describes_a_feature() -> None:
    c = _classify("Tolland's AI playbook: cutting jobs while reinventing the company",
                  "Tolland Software has been cutting jobs as it adopts AI, its chief executive told investors.")
    assert c.label == "layoff_mention"


def test_a_counted_participle_after_a_colon_is_a_claim() -> None:
    c = _classify("Tolland Software: cutting 400 jobs in Swindon",
                  "Tolland Software said on Tuesday it will cut 400 jobs in Swindon.")
    assert c.label == "layoff_report"
    assert c.headcount == 400
