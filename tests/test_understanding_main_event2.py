"""The main event, read as grammar (pass 5): an employer's own "expects to cut" and "says it may cut up to N" announce
its plan; a singular organisation noun cutting in a headline is one employer even when a union tells it; a headline's
layoff noun followed by "to <verb>" leaves the act to the lead; staff preparing for losses with nothing decided are
no report; a plural owned by one employer ("its departments") or picked from a set ("one of 12 trusts") is no generic
subject; a relative aside ends at the comma before the main verb; cuts "across the industry" are a sector's wave;
"job losses confirmed for <firm>" names its employer; a title-case run ending on a function word is no name;
"cuts equivalent to N posts" count; protesters lobbying are the news; a tracker or a table of cases is no report.

Every sentence here was written for these tests; none comes from a corpus or a real article.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import classify, load_company_table
from ingest.understanding.clauses import clause_spans
from ingest.understanding.lexicon import lexicon
from ingest.understanding.title_case import clause_not_name

_PUBLISHED = datetime(2025, 9, 9, 8, 0)


def _classify(title: str, text: str) -> Classification:
    return classify("t", title, text, _PUBLISHED, companies=load_company_table())


def test_an_employer_expecting_to_cut_announces_its_plan() -> None:
    c = _classify("Harrow Metals expects to cut up to 180 jobs amid casting arm overhaul",
                  "Engineering group Harrow Metals set out plans to restructure its casting arm, which it said would "
                  "lead to a reduction of up to 180 roles across its sites.")
    assert (c.label, c.companies, c.headcount_max) == ("layoff_report", ("Harrow Metals",), 180)


@pytest.mark.parametrize("title", [
    "Harrow Metals is expected to cut up to 180 jobs, analysts say",
    "Analysts expect Harrow Metals to cut up to 180 jobs",
])
def test_others_expecting_cuts_forecast_them(title: str) -> None:
    text = "Shares in the engineering group fell 4% on Tuesday as orders for castings slowed."
    assert _classify(title, text).label != "layoff_report"


def test_a_singular_organisation_noun_cutting_is_one_employer_whoever_tells_it() -> None:
    c = _classify("Retailer to axe up to 40 store jobs across the north, union claims",
                  "Up to 40 shop-floor roles are set to be made redundant by a regional retailer, union officials "
                  "have claimed. The shop workers' union has criticised plans by Pennant Stores to cut staff in "
                  "Carlisle and Kendal.")
    assert (c.label, c.companies) == ("layoff_report", ("Pennant Stores",))


def test_a_tally_with_no_employer_stays_a_tally() -> None:
    c = _classify("6,000 college jobs axed this year, union says",
                  "Colleges across the country have cut 6,000 posts since January, according to a union count. "
                  "Pennant College said it had made 40 staff redundant in the spring.")
    assert c.label != "layoff_report"


def test_a_headline_noun_with_a_future_predicate_leaves_the_act_to_the_lead() -> None:
    c = _classify("Borough job cuts to save £2m",
                  "A borough council is cutting about 40 jobs which it says would save £2m from its budget. "
                  "Fenwick Borough Council said most of the savings would come from leaving vacancies unfilled.")
    assert (c.label, c.headcount) == ("layoff_report", 40)


def test_a_headline_talking_about_cuts_still_blocks_the_lead() -> None:
    c = _classify("Fenwick job cuts are about efficiency, mayor says",
                  "The mayor of Fenwick said the council's decision to cut 40 jobs last spring was about efficiency. "
                  "Fenwick Borough Council cut 40 jobs in March.")
    assert c.label == "layoff_mention"


def test_staff_preparing_for_losses_with_nothing_decided_are_no_report() -> None:
    c = _classify("Mill staff brace for losses as talks fail",
                  "Workers at Carrow Mill were yesterday preparing for more than 600 job losses after pay talks "
                  "between managers and unions collapsed. The union expects the owner to start consultations soon.")
    assert c.label == "layoff_mention"


def test_staff_preparing_for_losses_the_employer_decided_are_a_report() -> None:
    c = _classify("Halden Foods confirms Carrow Mill closure",
                  "Staff are preparing for 600 job losses, as Halden Foods will close the plant in March, the company "
                  "confirmed.")
    assert c.label == "layoff_report"


def test_a_plural_owned_by_the_employer_is_no_generic_subject() -> None:
    c = _classify("Kestrel Media to make cuts across regional newsrooms",
                  "The journalists' union said the publisher plans more cuts. Kestrel Media confirmed that six jobs "
                  "at its Leeds and York editorial departments could be made redundant.")
    assert (c.label, c.companies, c.headcount) == ("layoff_report", ("Kestrel Media",), 6)


def test_an_employer_saying_it_may_cut_a_counted_number_announces_a_proposal() -> None:
    c = _classify("Hospital trust could shrink workforce by 5%",
                  "A hospital trust in a national savings scheme has announced plans that could reduce its staffing "
                  "by 5%. Ashdown Hospital Trust, which is one of 12 trusts in the first wave of the scheme, says it "
                  "may cut up to 200 posts.")
    assert (c.label, c.companies, c.headcount_max) == ("layoff_report", ("Ashdown Hospital Trust",), 200)


@pytest.mark.parametrize("text", [
    "Ashdown Hospital Trust may cut up to 200 posts, analysts say.",
    "Ashdown Hospital Trust says it may cut up to 200 posts if its funding bid fails.",
])
def test_others_guessing_or_a_condition_keep_the_modal_a_possibility(text: str) -> None:
    assert _classify("Hospital trust could shrink workforce", text).label != "layoff_report"


def test_a_relative_aside_ends_before_the_main_verb() -> None:
    lex = lexicon("en")
    low = "ashdown trust, which was one of the first to join, says it may cut up to 200 posts."
    clauses = [low[a:b] for a, b in clause_spans(low, lex)]
    assert clauses[-1].startswith("says it may cut")
    assert not any("first" in c for c in clauses[-1:])


def test_cuts_across_the_industry_are_a_sectors_wave() -> None:
    c = _classify("New round of cuts hits regional press",
                  "More job losses are being announced across the industry as advertising falls. Around 40 titles "
                  "have closed this year. This adds to losses in radio, where 90 jobs are to go at Kestrel Media.")
    assert c.label == "layoff_mention"


def test_cuts_across_an_employers_group_are_its_report() -> None:
    c = _classify("Newsroom changes", "Kestrel Media announced 90 job cuts across the group on Monday.")
    assert c.label == "layoff_report"


def test_job_losses_confirmed_for_a_firm_name_it() -> None:
    c = _classify("40 jobs go in Galway",
                  "Some 40 workers in Galway are to be made redundant, following an announcement yesterday. The 40 "
                  "job losses have been confirmed for Veltrix, which employs 300 people in Ireland. The redundancies "
                  "will be spread across two plants in the city. Staff were told on Monday morning. Meanwhile, 90 "
                  "workers at Tarrox were warned yesterday that their jobs could go.")
    assert (c.label, c.companies, c.headcount) == ("layoff_report", ("Veltrix",), 40)


def test_a_blow_for_a_place_names_no_employer() -> None:
    c = _classify("Jobs blow for Galway as 40 roles to go at device plant",
                  "Forty roles are to go at a medical device plant in Galway, its owner Veltrix said on Monday.")
    assert c.companies == ("Veltrix",)


@pytest.mark.parametrize(("run", "clause"), [
    ("112 Days Into", True), ("Sixty Weeks After", True), ("Into", False),
    ("2 Sisters Food Group", False), ("Close Brothers", False), ("Harrow Metals", False),
])
def test_a_title_case_run_ending_on_a_function_word_is_no_name(run: str, clause: bool) -> None:
    assert clause_not_name(run, lexicon("en")) is clause


def test_a_title_case_headline_tally_names_no_employer() -> None:
    title = "Sixty Days Into 2025 And 3,000+ Video Game Layoffs Have Been Announced"
    # a page repeating its headline as the body's first line, as listing pages do
    c = _classify(title, f"{title}\n\nLarkspur, Vantor, and Quillsoft are the latest studios to announce cuts. Within "
                         "the last few years, games industry layoffs have become common. So we are going to track all "
                         "of this year's layoffs as they happen. Pellucid Apps - 19 people. Nineteen people were cut "
                         "at the studio in February.")
    assert c.label == "layoff_mention"


def test_cuts_equivalent_to_a_number_of_posts_are_counted_cuts() -> None:
    c = _classify("Compulsory redundancies likely at borough",
                  "A borough seeking to save £9m has had 60 applications for voluntary redundancy. Eastmoor Borough "
                  "Council is looking to make cuts equivalent to about 120 full time posts.")
    assert (c.label, c.headcount) == ("layoff_report", 120)


def test_cuts_equivalent_to_a_share_of_a_budget_are_no_cue() -> None:
    c = _classify("Eastmoor budget agreed", "Eastmoor Borough Council agreed cuts equivalent to 5% of its budget.")
    assert c.label == "not_layoff"


def test_protesters_lobbying_over_a_lost_contract_are_the_news() -> None:
    c = _classify("Campaigners to lobby over ferry contract",
                  "The decision to award a ferry contract to a Dutch yard has put shipbuilding on the Clyde in serious "
                  "jeopardy, MPs will be told. Unions will tell the committee that jobs were at risk after Port Glenn "
                  "Shipyard missed out on the work. Around 600 jobs will be lost at Port Glenn Shipyard, but unions "
                  "will warn that another 900 jobs will go if the yard closes.")
    assert c.label == "layoff_mention"


@pytest.mark.parametrize("lead", [
    "This is a live page of all the redundancies and closures taking place across colleges at the moment.",
    "So we are going to track every round of cuts as it happens this year.",
    "Details of council job cuts are starting to emerge. The full data is below.",
])
def test_a_tracker_or_a_table_of_cases_is_no_report(lead: str) -> None:
    c = _classify("College cuts: the list in full",
                  f"{lead} Pennant College is making 40 staff redundant in its science faculty. Tarrant College is "
                  "cutting 25 jobs.")
    assert c.label == "layoff_mention"


def test_jobs_a_confirmed_administration_risks_are_its_cost() -> None:
    c = _classify("Harlow Foods confirms administration",
                  "Grocery chain Harlow Foods has confirmed it has appointed administrators. The move risks 900 jobs "
                  "as the chain struggled with rising costs.")
    assert (c.label, c.companies, c.headcount) == ("layoff_report", ("Harlow Foods",), 900)


@pytest.mark.parametrize(("title", "text"), [
    ("Tariffs risk factory jobs, think tank warns",
     "New tariffs risk 13,000 manufacturing jobs, a think tank warned on Monday."),
    ("Harlow Foods drivers vote for strike",
     "A strike by drivers at Harlow Foods risks 900 jobs, the chain said, as talks broke down."),
])
def test_jobs_at_risk_without_a_decided_closure_stay_a_possibility(title: str, text: str) -> None:
    assert _classify(title, text).label != "layoff_report"


def test_a_statement_after_the_comma_keeps_its_modal_to_itself() -> None:
    """"<Firm> confirms 14,000 corporate job cuts, says more could come in 2026": the cut is confirmed, the modal is
    the next statement's (a confirmed Amazon round had been a mention). A denial said the same way still denies."""
    c = classify("s", "Halvorsen Freight confirms 3,000 job cuts, says more could come next year",
                 "Halvorsen Freight said on Tuesday it is cutting about 3,000 jobs, confirming the first wave of a "
                 "reduction that could grow next year.", _PUBLISHED)
    assert (c.label, c.companies, c.headcount) == ("layoff_report", ("Halvorsen Freight",), 3000)
    denied = classify("s", "Halvorsen Freight denies media reports, says no plans for job reductions",
                      "Media reports had said that Halvorsen Freight would cut 3,000 jobs. Halvorsen Freight has "
                      "denied the reports.", _PUBLISHED)
    assert denied.label != "layoff_report"


@pytest.mark.parametrize(
    "staff",
    ["Staff have been told they are being put into consultation.", "Staff are facing a consultation.",
     "Staff have been placed into consultation over their roles."],
)
def test_the_staff_of_closing_stores_put_into_consultation_lose_jobs(staff: str) -> None:
    """In British usage staff "put into consultation" after a closure face redundancy: the stores' closure is a
    report (it was not a layoff at all). A consultation on pay or shifts is none."""
    c = classify("s", "Freshmart to close all 19 UK stores",
                 f"Freshmart is to close all 19 of its UK shops, the company said on Tuesday. {staff}", _PUBLISHED)
    assert (c.label, c.companies) == ("layoff_report", ("Freshmart",))
    pay = classify("s", "Freshmart staff face consultation over pay",
                   "Freshmart staff are facing a consultation on changes to their pay and shift patterns, the "
                   "company said.", _PUBLISHED)
    assert pay.label == "not_layoff"


def test_employees_affected_across_a_few_words_count() -> None:
    """"Around 1,200 employees across the three sites are affected" under a closure headline: four words between the
    staff and "affected" (it took three at most)."""
    c = classify("s", "Inverclyde reels as Northstar confirms Gourock closure",
                 "Workers at Northstar's Gourock centre say they were given an hour's notice. The centre is one of "
                 "three UK sites to be shut by the company. Around 1,200 employees across the three sites are "
                 "affected.", _PUBLISHED)
    assert (c.label, c.companies) == ("layoff_report", ("Northstar",))


def test_a_job_noun_in_the_possessive_names_whose_pay_is_cut() -> None:
    """"Trust to cut nurses' overtime pay", "cut 200 engineers' bonuses": pay cut, not jobs (both had been layoff
    reports); "cut 200 workers' jobs" still cuts jobs."""
    assert classify("p", "Trust to cut nurses' overtime pay",
                    "Harbour Health Trust will cut nurses' overtime pay from April, it said.", _PUBLISHED).label != (
        "layoff_report")
    assert classify("p", "Bank to cut 200 engineers' bonuses", "Harbour Bank will cut 200 engineers' bonuses this year.",
                    _PUBLISHED).label != "layoff_report"
    jobs = classify("p", "Bank to cut 200 jobs", "Harbour Bank will cut 200 workers' jobs this year, it said.",
                    _PUBLISHED)
    assert (jobs.label, jobs.headcount) == ("layoff_report", 200)


def test_a_readers_question_after_a_decided_closure_keeps_the_report() -> None:
    """"<Chain> to close dozens more stores – is yours on the list?": the question asks the reader about decided
    closures (it had framed the article as a question: a mention). A headline that is all question still is one."""
    c = classify("q", "Poundmart to close dozens more stores – is yours on the list?",
                 "Poundmart is to close dozens more stores across the UK, putting 300 jobs at risk, the discount chain "
                 "said on Tuesday.", _PUBLISHED)
    assert (c.label, c.companies, c.headcount) == ("layoff_report", ("Poundmart",), 300)
    asked = classify("q", "Will Poundmart close more stores?",
                     "Poundmart has closed 30 stores this year, with 300 jobs lost. Analysts expect more.", _PUBLISHED)
    assert asked.label != "layoff_report"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Halvorsen Freight has no layoff plans, says cutting 3,000 jobs was a mistake",
         "Halvorsen Freight's chief executive said no layoffs are planned. The 3,000 cuts last autumn were a mistake, "
         "he told staff."),
        ("Halvorsen Freight rules out new layoffs, says 3,000 job cuts were the last",
         "Halvorsen Freight will not cut more jobs, its chief executive said, after 3,000 cuts last autumn."),
        ("Halvorsen Freight to cut 1,000 more jobs next year, warns Morgan Stanley",
         "Analysts at Morgan Stanley wrote that Halvorsen Freight will need to cut another 1,000 jobs next year. "
         "Halvorsen Freight did not respond to a request for comment."),
        ("Investors urge Halvorsen Freight to close 50 depots – will it listen?",
         "Some investors believe Halvorsen Freight should shut 50 underperforming depots. Such a move would put "
         "thousands of jobs at risk."),
        ("Halvorsen Freight may close 50 depots: what would it mean for drivers?",
         "Some investors believe Halvorsen Freight should shut 50 underperforming depots. Such a move would put "
         "thousands of jobs at risk."),
        # a fourth review: a source's own words after the comma hold "more" (no cuts to come)
        ("Halvorsen Freight will cut 1,000 jobs next year, says analyst who expects more AI spending",
         "Analysts expect Halvorsen Freight to cut jobs. Halvorsen Freight did not respond to a request for comment."),
        ("Halvorsen Freight to axe 1,000 depot roles, warns union calling for more talks",
         "A union fears Halvorsen Freight could axe 1,000 roles at its depots. The company did not comment."),
        ("Halvorsen Freight staff put into consultation over a pay freeze",
         "About 2,000 employees have been placed into a formal consultation over a pay freeze, Halvorsen Freight "
         "said."),
    ],
)
def test_what_a_second_review_made_reports_stays_none(title: str, text: str) -> None:
    """A denial or an analyst's forecast before ", says"/", warns", someone's wish or a modal before a reader's
    question, and a consultation on a pay freeze are no reports (a first form of rules-16/17 made each one)."""
    assert classify("r", title, text, _PUBLISHED).label != "layoff_report"


@pytest.mark.parametrize(
    "title",
    ["Halvorsen Freight to cut 3,000 jobs, warns of more to come",
     "Halvorsen Freight confirms 3,000 layoffs, says 2026 could bring more",
     "Halvorsen Freight axes 3,000 roles, warns deeper cuts could follow"],
)
def test_more_cuts_to_come_after_the_comma_leave_the_cut_confirmed(title: str) -> None:
    """A third review: any words between "warns" and "more" had kept the modal on the cut (a lost confirmed round)."""
    c = classify("m", title, "Halvorsen Freight said on Tuesday it would cut about 3,000 jobs and that more reductions "
                 "could follow next year.", _PUBLISHED)
    assert (c.label, c.headcount) == ("layoff_report", 3000)


@pytest.mark.parametrize(
    "title",
    ["Harbury's to close 40 stores: these are the shops that will shut",
     "Penrose Retail collapse: the 90 stores that will close",
     "Halvorsen Freight cuts 3,000 jobs - the 3 businesses that will shrink most"],
)
def test_one_employers_list_of_sites_or_units_is_its_report(title: str) -> None:
    """A third review: a chain's stores or a firm's own units listed after its cut are that cut, not a list of
    employers (a second form made them mentions)."""
    c = classify("l", title, "The company said on Tuesday it would close the sites, with the loss of 3,000 jobs.",
                 _PUBLISHED)
    assert c.label == "layoff_report"


def test_a_named_employer_under_a_statistics_headline_still_cuts() -> None:
    """A third review: "Unemployment fears in Barrow after shipyard supplier closes" over a named firm's closure is
    that firm's report (a second form made it not a layoff story, as for a jobs release)."""
    c = classify("s", "Unemployment fears in Barrow after shipyard supplier closes",
                 "Around 350 people have lost their jobs after Furness Marine Fabrication closed its Barrow yard, the "
                 "administrators said on Monday.", _PUBLISHED)
    assert (c.label, c.companies) == ("layoff_report", ("Furness Marine Fabrication",))
