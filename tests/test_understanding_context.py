"""Forms of real coverage the rules-13 pass reads: a headline tallying many employers' cuts over a span already past,
a lead whose cuts come only after the opening paragraphs under a headline about something else, a reaction answering
cuts announced the same day, a guarded alias acting in a German headline, and voluntary severance. Every sentence here
is written for the test (fictional employers, except the watched one and one alias-table firm, Ford, in a made-up
sentence)."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import CompanyTable, classify

PUB = datetime(2025, 3, 12, 9, 0)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Newsroom bloodbath: 2,100 jobs lost in '24",
         "Brackwell Media laid off 140 journalists at papers across the state, according to a tally kept by a "
         "union. Ferris News cut 60 more before the year was out."),
        ("Tech layoffs: over 30,000 employees lost jobs in the last few weeks",
         "Thousands of workers have been let go by Orbitly, Quandrix and Pellam Systems in recent weeks. Orbitly "
         "cut 9,000 roles on Monday."),
        ("Nearly 300 newsroom staff axed this week",
         "The Harbour Gazette eliminated 120 jobs on Tuesday, including its opinion editor. Eastmoor Printing Ltd cut 40 "
         "staff a day later."),
        ("Stellenabbau in den letzten Wochen: 4.000 Jobs weg",
         "Der Zulieferer Brennwerk streicht 900 Stellen in Sachsen, teilte das Unternehmen mit. Auch die Kalbach GmbH baut "
         "600 Jobs ab."),
    ],
)
def test_a_headline_tallying_a_past_span_is_a_mention(table: CompanyTable, title: str, text: str) -> None:
    """A count over a span of time ("in '24", "in the last few weeks", "this week") with no employer written in the
    headline, over a lead where two employers or more act, tallies many employers' cuts: the first is an example."""
    assert classify("t", title, text, PUB, companies=table).label == "layoff_mention"


def test_an_employer_cutting_this_week_is_still_a_report(table: CompanyTable) -> None:
    """The tally needs a headline without its employer: "<Firm> axes 200 jobs this week" is one employer's act."""
    got = classify("t", "Brackwell Media axes 200 jobs this week",
                   "Brackwell Media said on Tuesday it would cut 200 newsroom jobs across its regional titles.",
                   PUB, companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", ("Brackwell Media",), 200)


_RTO = [
    "Amazon chief executive Andy Jassy told corporate staff in a memo that they must be at their desks five days a "
    "week from January.",
    "The change ends a policy that asked for three days in the office.",
    "Jassy said being together helps teams learn from each other and invent faster.",
    "Some employees said on internal forums that the commute would cost them hours each week.",
    "Others welcomed the return of the office routine and the teams' shared lunches.",
    "Managers were told to plan desks for the extra days.",
]


def test_cuts_told_after_the_opening_paragraphs_are_context(table: CompanyTable) -> None:
    """Under a headline naming the employer and nothing of cuts, a cut the body tells only after five sentences is
    context; told in the lead, it is the news."""
    title = "Amazon employees must return to the office full time"
    late = " ".join([*_RTO, "Amazon also said it would cut 400 roles in its devices unit this month."])
    assert classify("t", title, late, PUB, companies=table).label != "layoff_report"
    early = " ".join([_RTO[0], "Amazon also said it would cut 400 roles in its devices unit this month.", *_RTO[1:]])
    got = classify("t", title, early, PUB, companies=table)
    assert (got.label, got.headcount) == ("layoff_report", 400)


def test_a_reaction_answers_cuts_announced_the_same_day(table: CompanyTable) -> None:
    """"Unions slam <firm> job cuts announcement" over "... after <firm> announced plans to axe 900 jobs" reports the
    cuts; the same plan dated months back makes the reaction a follow-up."""
    title = "Unions slam Kelmarsh Steel 'shocking' job cuts announcement"
    got = classify("t", title, "Unions are seeking urgent talks after Kelmarsh Steel announced plans to axe 900 jobs "
                   "at its rolling mills. The company said the market had collapsed.", PUB, companies=table)
    assert (got.label, got.companies) == ("layoff_report", ("Kelmarsh Steel",))
    got = classify("t", title, "Unions are seeking urgent talks after Kelmarsh Steel announced in October 2024 plans "
                   "to axe 900 jobs at its rolling mills. The company said the market had collapsed.", PUB,
                   companies=table)
    assert got.label == "layoff_mention"


def test_a_guarded_alias_acts_in_a_german_headline(table: CompanyTable) -> None:
    """"Ford" is a common word the table guards; a German verb after it in a headline shows the company acting."""
    got = classify("t", "Ford verschärft Sparkurs in Köln - 1000 Stellen fallen weg",
                   "Das Sparprogramm am Standort wird um bis zu 1000 Stellen erweitert. Die Mitarbeiter sollen "
                   "freiwillig gehen und Abfindungen bekommen.", PUB, companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", ("Ford",), 1000)


def test_voluntary_severance_is_a_layoff_cue(table: CompanyTable) -> None:
    """A voluntary severance scheme offered to staff is a job-cut programme, like voluntary redundancy."""
    got = classify("t", "University of Harrowgate offers voluntary severance to staff",
                   "The University of Harrowgate is offering a voluntary severance scheme to help it close a £12m "
                   "deficit, it said on Tuesday.", PUB, companies=table)
    assert (got.label, got.companies) == ("layoff_report", ("University of Harrowgate",))


def test_a_preposition_opening_sentences_is_no_employer(table: CompanyTable) -> None:
    """"During the slowdown, ..." opens sentences; "During", written capitalised twice, is still no organisation."""
    got = classify("t", "Why Halvard's hiring spree ended",
                   "During the pandemic boom, technology companies hired thousands of people and Halvard hired most. "
                   "During the slowdown that followed, job cuts hit the sector, and analysts say more cuts could follow "
                   "at Halvard.", PUB, companies=table)
    assert got.companies == ("Halvard",)


def test_a_workplace_said_to_close_loses_its_jobs(table: CompanyTable) -> None:
    """The workplace as the subject ("The Harlow Foods factory in Leven is planned to close") closes with its jobs,
    as "<Firm> to close its factory" does; a site's workforce told in a sentence of its own is the count."""
    got = classify("t", "Leven workers in shock after closure announcement",
                   "The Harlow Foods factory in Leven is planned to close next year, the company said on Tuesday.\n\n"
                   "Around 320 people are currently employed at the plant.", PUB, companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", ("Harlow Foods",), 320)


def test_several_factories_closing_are_a_regions_wave(table: CompanyTable) -> None:
    """"Three factories close within days" is a region's wave, not one employer's closure."""
    got = classify("t", "Valley faces job losses as three factories close within days",
                   "Three factories in the valley have shut in a week. Marlow Plastics, Pexton Foods and Ardent Glass "
                   "all blamed energy costs.", PUB, companies=table)
    assert got.label != "layoff_report"


def test_a_unit_hit_with_layoffs_leaves_the_act_to_the_lead(table: CompanyTable) -> None:
    """"<Unit> hit with layoffs" undergoes cuts; the lead says what they are, and "Layoffs hit as ..." is no trend
    ("hit a record" is one)."""
    got = classify("t", "Amazon Games hit with layoffs, but one studio will grow",
                   "Amazon this week cut just over 100 roles at its games division, the company told staff in a memo.",
                   PUB, companies=table)
    assert (got.label, got.units, got.headcount) == ("layoff_report", ("Amazon Games",), 100)
    got = classify("t", "Layoffs hit as Amazon folds its studios together",
                   "Amazon is cutting several hundred roles in its Prime Video and studios organisation, the company "
                   "told staff on Wednesday.", PUB, companies=table)
    assert (got.label, got.companies) == ("layoff_report", ("Amazon",))


def test_a_relative_clause_belongs_to_the_name_it_hangs_on(table: CompanyTable) -> None:
    """"... alongside Meldex, which said last week that it would cut 11,000 jobs": the cut is Meldex's, not the
    sentence subject's, so it neither sets the leaked round's figure nor confirms the leak."""
    got = classify("t", "Amazon is said to plan layoffs of about 10,000 corporate workers",
                   "Amazon is preparing to lay off roughly 10,000 people in corporate roles as soon as this week, "
                   "according to people with knowledge of the plans.\n\n"
                   "An Amazon spokeswoman declined to comment.\n\n"
                   "The move would put Amazon alongside Meldex, which said last week that it would cut 11,000 jobs.",
                   PUB, companies=table)
    assert (got.label, got.headcount, got.is_leak) == ("layoff_report", 10000, True)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Amazon recorta empleo en Buy with Prime",
         "Amazon ha confirmado despidos en Buy with Prime. Los despidos de enero son pequeños en comparación con los "
         "27.000 puestos que la empresa eliminó entre finales de 2022 y 2023."),
        ("Amazon cuts jobs in its Buy with Prime unit",
         "Amazon has confirmed layoffs in its Buy with Prime unit. The January layoffs are small compared with the "
         "27,000 roles the company eliminated in 2022 and 2023."),
    ],
)
def test_a_figure_after_compared_with_is_not_the_count(table: CompanyTable, title: str, text: str) -> None:
    """"Small compared with the 27,000 roles it eliminated": the other side of a comparison is no count of this cut
    (published weeks after the year it names, so that year's cuts still read as recent)."""
    got = classify("t", title, text, datetime(2024, 1, 19, 8, 0), companies=table)
    assert (got.label, got.headcount) == ("layoff_report", None)


def test_italian_workforce_share_and_the_gerund_cut(table: CompanyTable) -> None:
    """"taglia il 5% della forza lavoro", "sta licenziando": the workforce noun and the gerund are cues."""
    got = classify("t", "Amazon taglia il 5% della forza lavoro della divisione Audible",
                   "Amazon sta licenziando il 5% della forza lavoro di Audible, secondo una nota del responsabile "
                   "della divisione.", PUB, companies=table)
    assert (got.label, got.companies, got.units, got.headcount_pct) == ("layoff_report", ("Amazon",), ("Audible",), 5.0)


def test_the_agent_of_a_french_passive_cut_is_the_employer(table: CompanyTable) -> None:
    """"18 000 emplois supprimés par <firm>": the name after "par" cuts; a chief executive named first, "<Person>, le
    CEO de <firm>", is a person, never the employer."""
    got = classify("t", "1 200 emplois supprimés par Vellmark : combien en Belgique ?",
                   "BRUXELLES – Lena Ostrova, le CEO de Vellmark, a annoncé jeudi la suppression de 1 200 postes, "
                   "notamment en Europe.", PUB, companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", ("Vellmark",), 1200)


def test_the_warn_notice_spelt_out_is_no_employer(table: CompanyTable) -> None:
    """"the first WARN (Worker Adjustment and Retraining Notification) notice": a law's name, the employer the one
    that notified."""
    got = classify("t", "Halvard delivers Seattle purge ahead of earnings",
                   "In the first WARN (Worker Adjustment and Retraining Notification) notice since the announcement, "
                   "Halvard has notified the state that it is laying off 1,198 workers in Washington.", PUB,
                   companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", ("Halvard",), 1198)


@pytest.mark.parametrize(
    "link",
    [
        "Related story: Ferrow Logistics to cut 300 jobs at its Leeds depot",
        "READ MORE City law firm Mercer Gale to axe 90 support roles Best new restaurants in London",
    ],
)
def test_a_link_to_another_story_is_no_part_of_the_article(table: CompanyTable, link: str) -> None:
    """A page's link line inside the text ("Related story: ...", a shouted "READ MORE" with no colon) tells another
    story: a restaurant review holding one stays no layoff news."""
    text = ("The latest opening to land in Borough is Olatu, a 70-cover grill in a railway arch near the market.\n\n"
            f"{link}\n\n"
            "Prices are not modest: the turbot, which serves two, is £78.")
    assert classify("t", "Basque grill Olatu opens in Borough", text, PUB, companies=table).label == "not_layoff"


def test_a_dateline_above_the_lead_is_no_employer(table: CompanyTable) -> None:
    """A summary line cut at the dateline's abbreviation ("ONTARIO, Calif.") over a lead that repeats the dateline:
    the shouted place is no organisation, whichever line it stands on."""
    got = classify("t", "Inland warehouses could start cutting shifts if the port strike drags on",
                   "ONTARIO, Calif.\n\nONTARIO, Calif. (KIEN) - Warehouse operators say they are watching the strike "
                   "closely.\n\nIndustry groups warned that some distributors could lay off workers if it lasts.",
                   PUB, companies=table)
    assert "ONTARIO" not in got.companies


def test_an_employer_entering_administration_is_a_report(table: CompanyTable) -> None:
    """"<Firm> enters administration" stops it trading as it was: its staff's jobs go or are at risk, whether or not
    the article writes a job word; "the latest group to enter administration" ranks it, and its own count stands."""
    got = classify("t", "Harwick Foods formally enters administration",
                   "Frozen food maker Harwick Foods has appointed administrators after talks with a buyer collapsed. "
                   "Its two plants will keep running while offers are sought.", PUB, companies=table)
    assert (got.label, got.companies) == ("layoff_report", ("Harwick Foods",))
    got = classify("t", "Dunmore Dining owner enters administration with loss of 147 jobs",
                   "The company behind the Dunmore Dining brands has become the latest restaurant group to enter "
                   "administration, with the loss of 147 jobs.", PUB, companies=table)
    assert (got.label, got.headcount) == ("layoff_report", 147)


def test_a_name_inside_a_longer_name_is_no_place(table: CompanyTable) -> None:
    """"cut 450 jobs in BBC News" writes a division after "in", not a place: the BBC still employs, and public sector
    employees are its staff, not a sector's wave (whether inviting applications reports a cut is not asked here)."""
    got = classify("t", "BBC invites staff to apply for voluntary redundancy",
                   "The BBC has invited public sector employees to apply for voluntary redundancy as it attempts to "
                   "save £125m this year.\n\n"
                   "The BBC suspended plans to cut around 450 jobs in BBC News earlier in the year.", PUB,
                   companies=table)
    assert got.label != "not_layoff" and got.companies == ("BBC",)


def test_talks_over_job_losses_leave_the_act_to_the_lead(table: CompanyTable) -> None:
    """"<Firm> holds talks over job losses" puts the cuts under consultation; the lead says what they are."""
    got = classify("t", "Firm holds talks over job losses",
                   "Textiles company Harlan Weavers has said it is in talks with union leaders over proposals to cut "
                   "jobs. The firm said it plans to close its Dungannon factory, with the loss of 60 jobs.", PUB,
                   companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", ("Harlan Weavers",), 60)


def test_a_boss_speaking_in_the_headline_is_not_the_employer(table: CompanyTable) -> None:
    """"<Boss> confirma que los despidos en <firm> ...": the surname is the speaker; the firm after "en" cuts."""
    got = classify("t", "Varga confirma que los despidos en Halvard se prolongarán hasta 2026",
                   "El consejero delegado de Halvard, Tomas Varga, reconoció este jueves los recortes de plantilla que "
                   "la compañía ha comenzado a aplicar en sus oficinas.", PUB, companies=table)
    assert (got.label, got.companies) == ("layoff_report", ("Halvard",))


def test_a_shouted_headline_label_is_no_name(table: CompanyTable) -> None:
    """"HALVARD AXE: ..." shouts the firm the body writes "Halvard": the label is no organisation of its own."""
    got = classify("t", "HALVARD AXE: Warehouse workers' fury as 1,200 jobs face chop",
                   "Staff at Halvard have slammed the online retailer after it announced plans to shut three "
                   "warehouses, putting more than 1,200 jobs on the line.", PUB, companies=table)
    assert got.label != "not_layoff" and got.companies == ("Halvard",)


def test_a_press_release_dateline_is_stripped(table: CompanyTable) -> None:
    """"ERIE, Pa., March 11, 2025 /PRNewswire/ -- <Firm> ...": the wire's dateline names no employer."""
    got = classify("t", "Corran Castings to close Erie foundry",
                   "ERIE, Pa., March 11, 2025 /PRNewswire/ -- Corran Castings today announced it will close its Erie "
                   "foundry, eliminating approximately 212 positions.", PUB, companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", ("Corran Castings",), 212)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Riverside Rovers sack prop over social media posts",
         "Riverside Rovers have sacked prop forward Kit Tollan with immediate effect after an investigation into "
         "posts he made on social media."),
        ("Hospital staff parking charges axed to help with cost of living",
         "Car parking charges for staff at the Westmoor Hospitals NHS Trust are to be axed from next month."),
        ("Grocery chain Hartwell's slashes prices on 2,000 items",
         "TRENDING NOW: Orbital lays off about 10% of its workforce | Tallis to cut about 1,750 jobs\n\n"
         "Hartwell's has cut prices on 2,000 everyday items, from bread to washing powder."),
    ],
)
def test_look_alikes_of_cuts_are_no_reports(table: CompanyTable, title: str, text: str) -> None:
    """A player sacked over social media posts, staff parking charges axed, and a page's "TRENDING NOW" ticker of
    other stories' headlines: no report of job cuts."""
    assert classify("t", title, text, PUB, companies=table).label != "layoff_report"


def test_severance_weighing_on_results_is_an_earnings_story(table: CompanyTable) -> None:
    """"<Firm> mit Gewinneinbruch - Abfindungen belasten": severance as the cost behind weak results; the cuts the
    lead cites were announced before."""
    got = classify("t", "Halvard mit Gewinneinbruch - Abfindungen belasten",
                   "Der Onlinehändler Halvard hat im Schlussquartal deutlich weniger verdient. Belastet wurde das "
                   "Ergebnis durch Kosten für den angekündigten Abbau von mehr als 8.000 Stellen.", PUB,
                   companies=table)
    assert got.label == "layoff_mention"


def test_question_words_and_an_italian_agent(table: CompanyTable) -> None:
    """"¿Cuándo y cómo ...?", "Cosa prevede ...": question words are no names; "i tagli annunciati da <firm>": the
    firm after "da" cuts."""
    got = classify("t", "¿Cuándo y cómo puede una empresa presentar un ERE?",
                   "Qué dice la ley: una empresa puede presentar un ERE cuando hay causas económicas.", PUB,
                   companies=table)
    assert got.companies == ()
    got = classify("t", "Halvard, via 300 posti negli uffici",
                   "I 300 tagli annunciati da Halvard riguardano soprattutto gli uffici di Milano e Torino.", PUB,
                   companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", ("Halvard",), 300)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Charity works to close the digital skills gap",
         "The Brackwell Foundation works to close the digital skills gap in the town."),
        ("Mill Road bridge to close for three weeks", "Mill Road bridge in Cambridge is set to close for three weeks."),
        ("Council plans new park", "Harlow Council said the old factory site is close to the station."),
        ("Power plant maintenance",
         "The Drayford power plant will shut for three weeks of maintenance, operator Kelmarsh Energy said."),
        ("Warehouse opening hours", "The Orbitly warehouse in Leeds is closing at 6pm on Sundays from next month."),
        ("Harwick Foods avoids administration after rescue deal",
         "Harwick Foods has avoided entering administration after a rescue deal."),
        ("Pellam Stores", "Pellam Stores has become the latest retailer to go into administration this year."),
        ("Harwick Foods enters administration as buyer saves all jobs",
         "Harwick Foods has entered administration and been sold to Orbitly in a pre-pack deal that saves all 300 "
         "jobs."),
        ("Unions slam Kelmarsh Steel job cuts announcement",
         "Unions are still angry after Kelmarsh Steel announced plans to axe 900 jobs. A year on, the mills are "
         "quiet."),
    ],
)
def test_closures_administrations_and_reactions_that_report_no_cut(
    table: CompanyTable, title: str, text: str,
) -> None:
    """Look-alikes of this version's rules: "close to", "close for" a time, "works to close" a gap, an administration
    avoided or ranked in a wave, jobs saved by a pre-pack sale, a reaction a year on."""
    assert classify("t", title, text, PUB, companies=table).label != "layoff_report"


@pytest.mark.parametrize(
    ("title", "text", "employer", "count"),
    [
        ("300 workers laid off at Leven plant last week",
         "Harlow Foods laid off 300 workers at its Leven plant last week, the company confirmed.", "Harlow Foods", 300),
        ("500 emplois supprimés cette semaine",
         "Le groupe Vellmark a annoncé mardi la suppression de 500 emplois dans son usine de Lyon.", "Vellmark", 500),
        ("Tidal plant operator to cut jobs",
         "Tidal plant operator Kelmarsh Energy said 40 jobs would go at its Orkney site.", "Kelmarsh Energy", 40),
        ("Orbitly-Gewinn bricht ein - Kosten für Umbau belasten",
         "Der Versandhändler Orbitly hat deutlich weniger verdient. Der Konzern kündigte zudem an, weitere 2.000 "
         "Stellen zu streichen.", "Orbitly", 2000),
    ],
)
def test_one_employers_cut_stays_a_report(table: CompanyTable, title: str, text: str, employer: str, count: int) -> None:
    """One employer's cut in a span ("last week", "cette semaine") is no tally; "plant" after a guarded alias is a
    noun, not the German verb; a restructuring's cost in a results headline leaves the lead's new cut a report."""
    got = classify("t", title, text, PUB, companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", (employer,), count)


@pytest.mark.parametrize(("title", "firm"), [("A year of cuts at Amazon: from devices to podcasts", "Amazon"),
                                             ("Two years of layoffs at Orbitly", "Orbitly")])
def test_a_span_of_cuts_told_as_one_story_is_a_recap(table: CompanyTable, title: str, firm: str) -> None:
    """"A year of cuts at <firm>" recaps rounds already told: the first one its lead names (a month, no year) is no
    new report, and would otherwise be dated the day the recap appeared."""
    text = (f"{firm} has trimmed teams across the company over the past twelve months. In January the company cut a few "
            "hundred jobs in its communications team. In April the devices division lost about 100 roles.")
    assert classify("t", title, text, PUB, companies=table).label == "layoff_mention"
