"""A site that closes with its workforce stated loses those jobs (in the five languages); one person's job is not a
layoff; a sentence telling another action beside this one does not date it. Every sentence here is written for the
test."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ingest.understanding import CompanyTable, classify

PUB = datetime(2025, 3, 4, 8, 0)


@pytest.mark.parametrize(
    ("title", "text", "employer", "count"),
    [
        ("Carmaker to shut plant employing 1,800", "Stellar Motors said it would close its Luton plant next year.",
         "Stellar Motors", 1800),
        ("Stellar Motors to close Luton plant",
         "Stellar Motors said on Tuesday it would close its Luton plant, which employs 1,800 people, next year.",
         "Stellar Motors", 1800),
        ("Brewer to close Tadcaster brewery",
         "Northgate Brewing said it will shut its Tadcaster site, where 240 people work, by the end of the year.",
         "Northgate Brewing", 240),
        ("Toy firm shuts factory with 450 staff", "Playmore Toys has closed its Derby factory, which had 450 staff.",
         "Playmore Toys", 450),
        ("Carmaker said to plan closure of Canada plant with 2,200 workers",
         "Harlow Motors will announce on Monday that it is ending production at its Oshawa plant, two people familiar "
         "with the plans said.", "Harlow Motors", 2200),
        ("Stellantis va fermer son usine de Rennes",
         "Le constructeur Stellantis a annoncé mardi la fermeture de son usine de Rennes, qui emploie 1 200 salariés, "
         "d'ici à la fin de l'année.", "Stellantis", 1200),
        ("Bosch schließt Werk in Bamberg",
         "Bosch will sein Werk in Bamberg mit rund 1.800 Beschäftigten bis Ende 2026 schließen, teilte das "
         "Unternehmen mit.", "Bosch", 1800),
        ("Brauerei macht dicht",
         "Die Brauerei Hofmann schließt zum Jahresende ihren Standort in Fürth, an dem 240 Mitarbeiter arbeiten.",
         "Brauerei Hofmann", 240),
        ("Whirlpool chiude lo stabilimento di Napoli",
         "Whirlpool ha annunciato la chiusura dello stabilimento di Napoli, che impiega 350 dipendenti, entro ottobre.",
         "Whirlpool", 350),
        ("Nissan cerrará la planta de Barcelona",
         "Nissan ha anunciado el cierre de su planta de Barcelona, que emplea a 2.500 trabajadores, a finales de año.",
         "Nissan", 2500),
    ],
)
def test_a_closing_site_loses_its_stated_workforce(
    title: str, text: str, employer: str, count: int, table: CompanyTable
) -> None:
    got = classify("c", title, text, PUB, companies=table)
    assert got.label == "layoff_report", got.evidence
    assert got.companies[0] == employer
    assert got.headcount == count


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # staff kept elsewhere, a site that stays open, a company's own size, a site that grows
        ("Council offices shut", "Dunmore Council will close its Bank Street offices, with 500 staff working from "
                                 "home instead."),
        ("L'usine ne fermera pas", "L'usine de Rennes, qui emploie 1 200 salariés, ne fermera pas, a assuré "
                                   "Stellantis mardi."),
        ("Bosch investiert in Bamberg", "Bosch beschäftigt im Werk Bamberg rund 1.800 Mitarbeiter und investiert 50 "
                                        "Millionen Euro in neue Anlagen."),
        ("Lo stabilimento resta aperto", "Lo stabilimento di Napoli, che impiega 350 dipendenti, resterà aperto, ha "
                                         "detto Whirlpool."),
        ("Nissan amplía Barcelona", "Nissan ha ampliado su planta de Barcelona, que emplea a 2.500 trabajadores, con "
                                    "una nueva línea."),
        # a closure or a cut gone by
        ("Four months after the poultry plant closed, families are still scrambling",
         "The Gainesville plant closed in the spring. Families who relied on it are still looking for work."),
        ("Orvalis renoue avec les bénéfices, porté par son plan d'économies",
         "Le groupe attribue ce redressement aux économies du plan lancé au printemps dernier, qui s'était traduit par "
         "la suppression de 1 100 postes. « Les effets du plan sont désormais visibles », a dit le directeur "
         "financier."),
    ],
)
def test_a_workforce_beside_no_closure_is_no_report(title: str, text: str, table: CompanyTable) -> None:
    assert classify("c", title, text, PUB, companies=table).label != "layoff_report"


def test_one_persons_job_is_a_dismissal_not_a_layoff(table: CompanyTable) -> None:
    got = classify("c", "Bilic sacked by West Brom",
                   "Slaven Bilic became the first Premier League manager to lose his job this season when he was "
                   "sacked by West Bromwich Albion on Wednesday.", PUB, companies=table)
    assert got.label == "not_layoff"


def test_another_action_told_beside_this_one_does_not_date_it(table: CompanyTable) -> None:
    got = classify(
        "c", "Carmaker plans to shut three British plants, affecting 1,200 staff",
        "Harlow Motors has begun consulting on the closure of three of its British plants, a move that will affect "
        "about 1,200 workers.\n\nThe closures are separate from the global cuts of more than 18,000 roles that "
        "chief executive Dan Reyes outlined last week, the company said.", PUB, companies=table)
    assert got.label == "layoff_report"
    assert got.headcount == 1200
    assert got.announced_on == date(2025, 3, 4)  # not the week before, when the other cuts were outlined


# --- figures read from probe 7's misses as grammar -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "count"),
    [
        # "N out of M jobs will be axed": the part is the cut, the whole the workforce (its own "6,500" comma
        # does not end the clause); a plan's horizon the employer states gives its figure
        ("Tax office to axe a third of roles",
         "About 2,100 out of 6,500 jobs will be axed over the next two years at the agency, Revenue Scotland said "
         "on Thursday.", 2100),
        ("Ferry operator cuts crews", "Westline Ferries said 240 of the 1,150 crew will be made redundant.", 240),
        # a headline's round figure made exact by the body's
        ("Council to axe 100 jobs",
         "Barnwick City Council has proposed cutting more than 100 jobs in its budget.\n\nUnder the plans, the "
         "council's 5,000-strong workforce would be cut by 108 full-time equivalent posts.", 108),
        # German: "Betroffen davon seien rund 1.700 Stellen", the affected posts told first
        ("Versandhändler macht in Quebec dicht",
         "Der Versandhändler Amazon gibt seine Geschäfte in der Provinz Quebec auf. Betroffen davon seien rund 1.700 "
         "Vollzeitstellen, teilte der Konzern am Mittwoch mit.", 1700),
    ],
)
def test_the_figure_of_this_action(title: str, text: str, count: int, table: CompanyTable) -> None:
    got = classify("c", title, text, PUB, companies=table)
    assert got.label == "layoff_report", got.evidence
    assert got.headcount == count


def test_a_round_headline_figure_is_kept_without_an_exact_one(table: CompanyTable) -> None:
    got = classify("c", "Council to axe 100 jobs",
                   "Barnwick City Council has proposed cutting 100 jobs in its budget.\n\nThe council employs 5,108 "
                   "people.", PUB, companies=table)
    assert got.headcount == 100


def test_a_german_sentence_adverb_is_no_employer(table: CompanyTable) -> None:
    got = classify("c", "Versandhändler hat Personalabbau begonnen",
                   "Inzwischen bestätigt eine Managerin den Personalabbau bei Amazon. Der Konzern soll rund 9.000 "
                   "Stellen streichen.", PUB, companies=table)
    assert "Inzwischen" not in got.companies


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # cuts as the subject of an explanation after the fact: a topic, their count no act
        ("Carmaker's boss says 4,000 job cuts were about culture, not AI",
         "Harlow Motors' 4,000 job cuts earlier this week were not driven by finances or AI, chief executive Dan Reyes "
         "told analysts on the company's earnings call on Thursday."),
        ("Reyes: i 4.000 tagli non erano dettati dall'IA",
         "I 4.000 tagli annunciati da Harlow Motors non erano dettati dall'intelligenza artificiale, ha detto "
         "l'amministratore delegato Dan Reyes giovedì."),
    ],
)
def test_cuts_explained_after_the_fact_are_no_report(title: str, text: str, table: CompanyTable) -> None:
    assert classify("c", title, text, PUB, companies=table).label == "layoff_mention"


@pytest.mark.parametrize(
    ("title", "text", "employer", "count"),
    [
        # the workforce told first, the closure after ("Employant quelque 2 000 personnes, ces centres seront fermés")
        ("Le distributeur va fermer tous ses entrepôts en Bretagne",
         "Le distributeur Verdane a annoncé qu'il allait fermer les cinq sites qu'il exploite en Bretagne. Employant quelque 900 "
         "personnes, ces centres de distribution seront fermés d'ici à la fin juin.", "Verdane", 900),
        # a cut "eingeleitet" (begun) in the headline is the act; the lead's plan gives its size
        ("Kellner hat großen Stellenabbau eingeleitet",
         "Der Logistiker Kellner hat mit dem ersten größeren Personalabbau seiner Geschichte begonnen. Kellner will "
         "rund 1.000 Stellen streichen.", "Kellner", 1000),
    ],
)
def test_a_closure_or_cut_told_another_way(title: str, text: str, employer: str, count: int, table: CompanyTable) -> None:
    got = classify("c", title, text, PUB, companies=table)
    assert got.label == "layoff_report", got.evidence
    assert got.companies[0] == employer
    assert got.headcount == count



@pytest.mark.parametrize(
    ("title", "text", "employer", "count"),
    [
        # Spanish "despedir N trabajadores en España" without "a": the verb makes the staff in a country the cut
        ("Veltra plantea un ERE para despedir 1.200 trabajadores en España",
         "La multinacional, que esta semana anunció 9.000 salidas a nivel mundial, ha puesto en marcha un despido "
         "colectivo en su filial española, según ha confirmado la empresa.", "Veltra", 1200),
        # "hourly" is no unit of time: "1,700 hourly jobs" count
        ("Harlow Motors shutters Lordstown plant after 52 years",
         "Harlow Motors is shuttering its Lordstown plant as part of a restructuring. The company is eliminating "
         "1,700 hourly jobs at the facility.", "Harlow Motors", 1700),
        # a headline's short form ("at Walsall") and the body's full name are one employer: the body's figure counts
        ("Hundreds of jobs to go at Walsall",
         "Walsall Healthcare Trust has announced plans to shed nearly 300 posts over the next five years. The trust "
         "said it would aim for a net figure of 293 jobs to be lost through vacant posts and redundancy.",
         "Walsall Healthcare Trust", 293),
    ],
)
def test_the_figure_of_this_action_part_2(title: str, text: str, employer: str, count: int, table: CompanyTable) -> None:
    got = classify("c", title, text, PUB, companies=table)
    assert got.label == "layoff_report", got.evidence
    assert employer in got.companies[0]
    assert got.headcount == count


# --- mentions read as reports (probe 8's misses, read as grammar) ---------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a decision explained after the fact, whatever the cue's kind
        ("Harlow CEO says 14,000 layoffs rooted in culture, not cost cutting or AI",
         "Harlow chief executive Dan Reyes has stated that the company's decision to lay off 14,000 corporate "
         "employees is rooted in a shift in company culture rather than efforts to cut costs or automate jobs."),
        # two employers' cuts together in the headline: a region's or a sector's story
        ("Layoffs at Harlow and Brenton deal big blow to Seattle",
         "Job cuts at Harlow and Brenton are the latest blow for the Seattle region. The number of jobs lost, at least "
         "28,000 between the two companies, may seem minor."),
        ("Harlow and Brenton layoffs hit Seattle",
         "Harlow cut 18,000 jobs and Brenton cut 10,000 this month, and the Seattle region is feeling it."),
        ("Stellenabbau bei Harlow und Brenton trifft Seattle", "Harlow streicht 18.000 Stellen, Brenton 10.000."),
    ],
)
def test_mentions_that_read_like_reports(title: str, text: str, table: CompanyTable) -> None:
    assert classify("c", title, text, PUB, companies=table).label == "layoff_mention"


@pytest.mark.parametrize(
    ("title", "text", "employer"),
    [
        # a pair that is one name stays one employer's report
        ("Layoffs at Procter & Gamble hit Cincinnati", "Procter & Gamble said it would cut 7,000 jobs.",
         "Procter & Gamble"),
        ("Job cuts at Harlow and at its supplier Brenton", "Harlow said it would cut 500 jobs.", "Harlow"),
    ],
)
def test_one_employer_named_with_an_and_still_reports(title: str, text: str, employer: str,
                                                       table: CompanyTable) -> None:
    got = classify("c", title, text, PUB, companies=table)
    assert got.label == "layoff_report"
    assert got.companies[0] == employer


@pytest.mark.parametrize(
    ("title", "text", "noise"),
    [
        ("El consejero delegado de Harlow avisa: la IA reducirá la plantilla",
         "En un memorando, el consejero delegado de Harlow afirma que la IA reducirá la plantilla corporativa en los "
         "próximos años.", "IA"),
        ("'Scariest time since Great Recession' as layoffs hit Seattle region",
         "Experts describe recent rounds of layoffs at tech companies as scary.", "Great Recession"),
    ],
)
def test_an_era_or_ai_is_no_employer(title: str, text: str, noise: str, table: CompanyTable) -> None:
    got = classify("c", title, text, PUB, companies=table)
    assert got.label != "layoff_report"
    assert noise not in got.companies


def test_a_parent_and_its_unit_in_one_headline_are_one_employer(table: CompanyTable) -> None:
    got = classify("c", "Layoffs at Amazon and Twitch hit Seattle",
                   "Amazon said on Tuesday that Twitch would cut 500 jobs.", PUB, companies=table)
    assert got.label == "layoff_report"
    assert got.companies == ("Amazon",)


def test_about_to_cut_is_imminent_not_an_explanation(table: CompanyTable) -> None:
    got = classify("c", "Harlow to cut 4,000 more corporate jobs next week",
                   "Harlow is about to lay off 4,000 more corporate employees, bringing this round of cuts to 9,000.",
                   PUB, companies=table)
    assert got.label == "layoff_report"
    assert got.headcount == 4000


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # one person's dismissal told as a story
        ("Harlow laid him off, then tried to re-hire him four times",
         "A former Harlow analyst says the company has tried to re-hire him four times since he was abruptly laid off "
         "in January. He refuses to go back."),
        # cuts explained as culture after the fact, in other wordings
        ("Harlow CEO says 14,000 layoffs driven by culture, not AI",
         "Harlow chief executive Dan Reyes said the company's recent decision to lay off 14,000 employees is not a "
         "cost-cutting measure."),
        ("Harlow: el despido de 14 mil empleados fue un ajuste cultural, dice Reyes",
         "Harlow explicó que el despido de 14 mil empleados fue un ajuste cultural y no respondió a una crisis "
         "económica, según su consejero delegado."),
        # robots replacing jobs over years: a forecast of automation
        ("Harlow plans to replace 60,000 US jobs with robots: Report",
         "Harlow is planning to automate much of its US operations, according to leaked internal documents. The "
         "company hopes its robots can replace over 60,000 jobs by 2033.\n\nFinancial impact Automation could "
         "eliminate up to 16,000 US jobs by 2027."),
        ("Harlow vuole sostituire 60mila posti di lavoro con robot",
         "Secondo indiscrezioni, Harlow è pronta a sostituire 60mila posti di lavoro negli Stati Uniti con robot "
         "entro il 2033."),
    ],
)
def test_a_person_an_explanation_or_automation_is_no_report(title: str, text: str, table: CompanyTable) -> None:
    got = classify("c", title, text, PUB, companies=table)
    assert got.label != "layoff_report", got.evidence


@pytest.mark.parametrize(
    ("title", "text", "employer"),
    [
        # a workplace closing loses its jobs even where no job word is written
        ("Harlow Motors to close Ohio's largest auto plant",
         "As part of a worldwide restructuring, Harlow Motors is closing five plants in North America, including its "
         "Lordstown complex, the company said on Monday.", "Harlow Motors"),
        ("Chauny : Arvelle ferme son site", "Le chimiste Arvelle a annoncé mardi qu'il fermera son usine de Chauny "
                                            "d'ici à l'été.", "Arvelle"),
        ("Kellner schließt Werk in Bamberg", "Der Zulieferer Kellner schließt sein Werk in Bamberg Ende 2026, teilte "
                                             "das Unternehmen mit.", "Kellner"),
        ("Veltra chiude lo stabilimento di Siena", "Veltra ha annunciato che chiuderà lo stabilimento di Siena entro "
                                                   "la fine dell'anno.", "Veltra"),
        ("Veltra cerrará su planta de Zaragoza", "La empresa Veltra ha anunciado que cerrará su planta de Zaragoza a "
                                                 "finales de año.", "Veltra"),
    ],
)
def test_a_workplace_closing_is_a_report(title: str, text: str, employer: str, table: CompanyTable) -> None:
    got = classify("c", title, text, PUB, companies=table)
    assert got.label == "layoff_report", got.evidence
    assert got.companies[0] == employer


@pytest.mark.parametrize(
    ("title", "text", "count"),
    [
        # "mars. « À la suite ...": a French quote opens a sentence, so its past ("jusqu'en 2020") does not date the
        # closure before it
        ("Verdane va fermer tous ses entrepôts en Bretagne",
         "Le distributeur Verdane a annoncé qu'il allait fermer ses cinq sites en Bretagne. Employant quelque 900 "
         "personnes, ces centres seront fermés d'ici à la fin mars. « À la suite d'un examen, nous revenons au modèle "
         "que nous avions jusqu'en 2020 », a dit une porte-parole.", 900),
        # a workplace closing loses its jobs, but the company's size is not their number
        ("Amazon to close three warehouses",
         "Amazon, which employs 1.5 million people, will close three warehouses in Arizona.", None),
        # a time fronted before the comma governs the sentence: last round's 90 is not this closure's count
        ("Union slams Field Cartons over plant closure",
         "A union official has slammed Field Cartons' decision to close its Thatcham plant, which could lead to up to "
         "175 job losses.\n\nEarlier this year, Field Cartons spent £800,000 on the plant, despite making 90 staff "
         "redundant.", 175),
    ],
)
def test_the_count_of_a_closure(title: str, text: str, count: int | None, table: CompanyTable) -> None:
    got = classify("c", title, text, PUB, companies=table)
    assert got.label == "layoff_report", got.evidence
    assert got.headcount == count



def test_a_town_before_a_site_in_the_headline_is_no_employer() -> None:
    """"Redundancies at Doncaster warehouse" over "<Firm> has announced 400 redundancies at its Doncaster warehouse": the
    town names the site; the employer is the firm (rules-19 read a name before a workplace noun as its owner, which
    made the town the employer and lost the report; a third review found it, and rules-20 withdrew the reading)."""
    c = classify("w", "Redundancies at Doncaster warehouse",
                 "Harbour Logistics has announced 400 redundancies at its Doncaster warehouse, the company confirmed on "
                 "Tuesday.", PUB)
    assert (c.label, c.companies, c.headcount) == ("layoff_report", ("Harbour Logistics",), 400)
