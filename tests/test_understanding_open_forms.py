"""Forms of real coverage the rules-12 pass reads: Swiss German spelling, a layoff noun headline that only names its
topic, a superlative dated by "since" in four languages, a negated cut in French, a past "made N people redundant",
and the story of a technology that will shrink a workforce with no size or team of its own. Every sentence here is
written for the test (fictional employers except the watched one)."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import CompanyTable, classify

PUB = datetime(2025, 3, 12, 9, 0)


def _got(table: CompanyTable, title: str, text: str) -> tuple[str, int | None]:
    got = classify("t", title, text, PUB, companies=table)
    return got.label, got.headcount


def test_swiss_spelling_reads_like_german(table: CompanyTable) -> None:
    """Swiss German writes "ss" for "ß": "schliesst" closes a plant as "schließt" does; "in Gefahr" threatens jobs."""
    title = "Talwerk schliesst Getriebe-Werk - 640 Jobs in Gefahr"
    text = ("Der Zulieferer Talwerk schliesst sein Getriebe-Werk in Winterthur. Der Schritt bedroht 640 Arbeitsplätze. "
            "Die Produktion soll nach Polen verlagert werden.")
    assert _got(table, title, text) == ("layoff_report", 640)


def test_a_headline_that_names_the_topic_leaves_the_act_to_the_lead(table: CompanyTable) -> None:
    """"Nächste Entlassungswelle bei <firm>" and "<Firm> layoffs 2025: <unit> job cuts as ..." name the topic; the lead
    states the cut."""
    got = classify("t", "Nächste Entlassungswelle bei Amazon",
                   "Amazon will bei seiner Sparte Audible rund 120 Mitarbeiter entlassen. Der Konzern bestätigte am "
                   "Dienstag entsprechende Berichte.", PUB, companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", ("Amazon",), 120)
    got = classify("t", "Amazon layoffs 2025: Audible job cuts as Amazon restructures its audio arm",
                   "The retail giant is reshaping its audiobook business. About 90 roles are being cut, and the unit's "
                   "head of content is leaving, Amazon says.", PUB, companies=table)
    assert (got.label, got.units, got.headcount) == ("layoff_report", ("Audible",), 90)


def test_an_employer_then_a_comma_then_the_layoffs_is_a_label(table: CompanyTable) -> None:
    got = classify("t", "Audible, licenziamenti anche nella controllata di Amazon: ecco perché",
                   "Amazon taglia ancora: questa volta tocca alla controllata Audible. Audible licenzia circa 80 "
                   "dipendenti, pari al 5% dell'organico, ha confermato l'azienda.", PUB, companies=table)
    assert (got.label, got.companies) == ("layoff_report", ("Amazon",))


@pytest.mark.parametrize(
    ("title", "text", "count"),
    [
        ("Brenmoor Luxembourg : 310 licenciements, le plus grand plan social du pays depuis 15 ans",
         "Brenmoor a confirmé mardi la suppression de 310 postes dans son siège luxembourgeois.", 310),
        ("Velsing streicht 900 Stellen - der größte Stellenabbau seit 2009",
         "Der Maschinenbauer Velsing streicht 900 Stellen in Bayern, teilte das Unternehmen am Mittwoch mit.", 900),
    ],
)
def test_the_largest_since_compares_and_sums_nothing(table: CompanyTable, title: str, text: str, count: int) -> None:
    assert _got(table, title, text) == ("layoff_report", count)


def test_a_negated_cut_in_french_is_denied(table: CompanyTable) -> None:
    """"ne supprimera pas d'emplois": the elided article still holds the cut, and the negation denies it."""
    label, _ = _got(table, "Amazon ne supprimera pas d'emplois en Espagne, selon les syndicats",
                    "Amazon a annoncé début janvier la suppression de plus de 18 000 emplois dans le monde. Les "
                    "syndicats espagnols affirment qu'aucun poste ne sera touché dans le pays.")
    assert label == "layoff_mention"


def test_made_n_people_redundant(table: CompanyTable) -> None:
    assert _got(table, "Nearly 30 redundancies at Fenbridge charity",
                "Fenbridge Care Trust has made 28 people redundant as the charity closes two of its day centres.") == (
        "layoff_report", 28)


def test_implementing_job_cuts_is_acting(table: CompanyTable) -> None:
    label, _ = _got(table, "Amazon Implements Job Cuts In Its Pharmacy Unit",
                    "Amazon has begun laying off staff in its pharmacy business as part of a cost-cutting drive, the "
                    "company confirmed on Tuesday.")
    assert label == "layoff_report"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Die KI übernimmt: Amazon will mehr Jobs streichen",
         "In einem internen Memo schreibt der Amazon-Chef, dass künftig weniger Menschen für manche Aufgaben gebraucht "
         "würden. Generative KI sei der Grund."),
        ("Amazon licenzia e assume solo robot",
         "Secondo indiscrezioni, il gruppo punta a sostituire molti addetti dei magazzini con robot nei prossimi anni."),
        ("Amazon robotics plan could eliminate 500,000 jobs, report says",
         "Internal documents seen by a newspaper suggest the company could eliminate more than 500,000 positions "
         "through automation by 2033."),
    ],
)
def test_a_technology_doing_the_work_someday_is_no_round(table: CompanyTable, title: str, text: str) -> None:
    label, _ = _got(table, title, text)
    assert label == "layoff_mention"


def test_a_cut_with_its_size_stays_a_report_whatever_the_reason(table: CompanyTable) -> None:
    assert _got(table, "Amazon cuts 1,200 jobs as AI reshapes its retail teams",
                "Amazon said on Tuesday it is cutting 1,200 jobs in its retail division as AI tools take over routine "
                "work.") == ("layoff_report", 1200)


@pytest.mark.parametrize(
    ("title", "text", "count"),
    [
        # a share, then a sentence equating it with a figure
        ("Twitch entlässt ein Drittel seiner Belegschaft",
         "Die Streaming-Plattform Twitch trennt sich von einem Drittel ihrer Mitarbeiter, wie der Chef in einer Mail "
         "mitteilte. Dies entspricht etwa 480 Mitarbeitern.", 480),
        ("Twitch streicht 35 Prozent der Stellen",
         "Twitch baut 35 Prozent seiner Stellen ab. Die Zahl der betroffenen Beschäftigten liegt damit bei etwa 480.",
         480),
        # the plan's size under an expectation, when nothing asserts one
        ("Harwick staff face further cuts",
         "Harwick University shocked staff by announcing a new wave of job losses. About 30 academic posts are "
         "expected to go in the latest severance scheme.", 30),
        # an adjective opening a headline is no employer; "limoger" dismisses
        ("Nouveaux licenciements chez Amazon",
         "Amazon a annoncé la suppression de 9 000 postes supplémentaires dans une lettre aux équipes.", 9000),
        ("Amazon annonce une vague de licenciements record",
         "Le géant américain va limoger un peu plus de 18 000 personnes, a annoncé son patron.", 18000),
    ],
)
def test_the_figure_of_the_action(table: CompanyTable, title: str, text: str, count: int) -> None:
    assert _got(table, title, text) == ("layoff_report", count)


@pytest.mark.parametrize(
    ("title", "text", "count"),
    [
        # a topic headline dated by its month and year
        ("Corvane layoffs March 2026: warehouse restructuring",
         "Corvane confirmed on March 3 that it will eliminate about 1,400 warehouse positions across Europe.", 1400),
        # an employer warning that it must cut states its own plan
        ("City council warns it must cut 600 full time jobs",
         "Eastmoor City Council says it must reduce its workforce by up to 600 full-time equivalent posts by next "
         "April.", 600),
        # a first wave confirmed is the news, not a past round
        ("Corvane confirms first wave of job losses as its chief warns cuts will run into next year",
         "Corvane has confirmed it is laying off about 300 corporate staff, with its chief executive warning that the "
         "job losses will continue.", 300),
        # a closure whose staff enter a redundancy consultation
        ("All of Corvane's city stores to close with 240 staff facing consultation",
         "Corvane is to shut all 17 of its city grocery stores, with around 240 staff now facing a consultation over "
         "their futures.", 240),
    ],
)
def test_reports_in_other_words(table: CompanyTable, title: str, text: str, count: int) -> None:
    assert _got(table, title, text) == ("layoff_report", count)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Guest post: Steelworks closure - 'the human cost cannot be counted'",
         "The closure of the Teesmouth steelworks saw 1,900 people lose their jobs, writes a steelworker's wife. We "
         "always believed the plant was a job for life."),
        ("2024 Tech Layoffs: A Comprehensive Compilation",
         "With more than 150,000 jobs lost this year, Corvane, Pinefield and Halden have all made deep cuts."),
        ("Corvane asegura que el despido de 9.000 personas no se debió a la economía: fue por cultura",
         "El director ejecutivo de Corvane explicó que el despido de 9.000 empleados no se debió a cuestiones "
         "económicas, sino a la cultura de la empresa."),
    ],
)
def test_opinion_lists_and_explanations_are_mentions(table: CompanyTable, title: str, text: str) -> None:
    label, _ = _got(table, title, text)
    assert label == "layoff_mention"


@pytest.mark.parametrize(
    ("title", "text", "count"),
    [
        # a share, then "that number equates to" its count
        ("Pinefield is cutting 10 percent of its workforce",
         "Pinefield will lay off roughly 10 percent of its workforce, its chief executive told staff on Friday. That "
         "number equates to 2,300 jobs, a news agency reports.", 2300),
        # "the <place>, <state>-based company" is the employer, not the place
        ("Corvane lays out cost-cutting plan, starting with 12% of workforce",
         "Chipmaker Corvane said it is cutting 12% of its workforce. The Santa Clara, California-based company also "
         "suspended its dividend. Based on its last filing, the number of jobs it plans to cut would be more than "
         "9,000.", 9000),
        # "reduce its workforce by N" with no job noun after the figure
        ("Eastmoor care board confirms job cuts",
         "Eastmoor Integrated Care Board is to reduce its workforce by 312 across its two hospital trusts.", 312),
    ],
)
def test_counts_stated_around_the_cut(table: CompanyTable, title: str, text: str, count: int) -> None:
    got = classify("t", title, text, PUB, companies=table)
    assert (got.label, got.headcount) == ("layoff_report", count)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Restaurants shed 12,000 jobs as costs bite",
         "Britain's restaurants cut 12,000 jobs in the first quarter, an industry survey found. Pubs and restaurants "
         "blamed higher wage bills and energy costs."),
        ("Hospitals cut jobs as budgets tighten",
         "Hospitals across the region are cutting jobs. Three hospitals have announced redundancies this month, and "
         "more are expected."),
    ],
)
def test_a_common_word_opening_a_headline_is_no_employer(table: CompanyTable, title: str, text: str) -> None:
    """The article writes the word in lower case too: a sector a headline opens on, not an organisation's name."""
    got = classify("t", title, text, PUB, companies=table)
    assert (got.label, got.companies) == ("layoff_mention", ())


def test_a_name_written_in_an_address_stays_a_name(table: CompanyTable) -> None:
    got = classify("t", "Cargolane richtet sich neu aus",
                   "Die Cargolane GmbH stellt ihr Geschäftsmodell neu auf. Im Zuge der Neuausrichtung trennt sich "
                   "Cargolane von 85 Beschäftigten. Pressekontakt: presse@cargolane.example", PUB, companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", ("Cargolane",), 85)
