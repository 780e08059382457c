"""Forms of real coverage the rules-12 pass reads: Swiss German spelling, a layoff noun headline that only names its
topic, a superlative dated by "since" in four languages, a negated cut in French, a past "made N people redundant",
and the story of a technology that will shrink a workforce with no size or team of its own. Every sentence here is
written for the test (fictional employers, except the watched one and its units and one alias-table firm, Siemens,
in a made-up sentence)."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import CompanyTable, classify

PUB = datetime(2025, 3, 12, 9, 0)


def _got(table: CompanyTable, title: str, text: str) -> tuple[str, int | None]:
    got = classify("t", title, text, PUB, companies=table)
    return got.label, got.headcount


def test_swiss_spelling_reads_like_german(table: CompanyTable) -> None:
    """Swiss German writes "ss" for "ß": "schliesst" closes a plant as "schließt" does, "dreissig" counts."""
    got = classify("t", "Talwerk schliesst Werk in Winterthur",
                   "Der Zulieferer will die Produktion bis Ende Jahr nach Polen verlagern. Betroffen sind 120 "
                   "Mitarbeitende.", PUB, companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", ("Talwerk",), 120)
    assert _got(table, "Brauerei Hollinger entlässt dreissig Mitarbeiter",
                "Die Brauerei Hollinger entlässt dreissig Mitarbeiter, teilte das Unternehmen am Montag mit.") == (
        "layoff_report", 30)


@pytest.mark.parametrize(
    "sentence",
    [
        "Talwerk schliesst sein Transporter-Werk in Luton",  # a compound's head, Swiss spelling
        "Der Schritt bedroht 640 Arbeitsplätze",  # the verb before the jobs
        "640 Jobs in Gefahr",
    ],
)
def test_german_cues_for_closures_and_threats(sentence: str) -> None:
    from ingest.understanding.clauses import sentence_cues
    from ingest.understanding.lexicon import lexicon

    assert sentence_cues(sentence, sentence.lower(), lexicon("de"))


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


def test_a_known_employer_then_a_colon_labels_the_topic(table: CompanyTable) -> None:
    """"<Known firm> : licenciements massifs dans ...": the lead says what the cuts are; a programme said to be on
    plan ("liegt im Plan") is its progress, not a new cut."""
    got = classify("t", "Amazon : licenciements massifs dans la division des appareils",
                   "Amazon procède à des licenciements dans sa division des appareils, a confirmé le groupe. La presse "
                   "américaine évoque quelque 8 000 suppressions de postes.", PUB, companies=table)
    assert got.label == "layoff_report"
    label, _ = _got(table, "Siemens: Stellenabbau in der Antriebssparte liegt im Plan",
                    "Der Abbau von 2.000 Stellen in der Antriebssparte liegt im Plan, sagte ein Siemens-Sprecher am "
                    "Dienstag.")
    assert label == "layoff_mention"


def test_a_negated_cut_in_french_is_denied(table: CompanyTable) -> None:
    """"ne supprimera pas d'emplois": the elided article still holds the cut, and the negation denies it, so the
    group's earlier worldwide cut the lead recalls is not the news."""
    label, _ = _got(table, "Brenmoor ne supprimera pas d'emplois en Belgique, assurent les syndicats",
                    "Brenmoor a fait savoir ce mois-ci qu'il comptait supprimer plus de 2 400 emplois dans le monde. "
                    "Une réunion a eu lieu mardi avec la direction belge.")
    assert label == "layoff_mention"


def test_implementing_job_cuts_is_acting(table: CompanyTable) -> None:
    label, _ = _got(table, "Amazon Implements Job Cuts In Its Pharmacy Unit",
                    "Amazon has begun laying off staff in its pharmacy business as part of a cost-cutting drive, the "
                    "company confirmed on Tuesday.")
    assert label == "layoff_report"


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



@pytest.mark.parametrize(
    ("title", "text", "label"),
    [
        # "continues the layoffs" acts
        ("Corvane Continues the Layoffs in Cloud and Store Tech Teams",
         "Corvane's cloud unit is cutting several hundred positions in sales and marketing, according to internal "
         "emails.", "layoff_report"),
        # a guest post is an essay, whatever its lead reports
        ("Guest post: Why the Teesmouth closure hurts",
         "The closure of the Teesmouth works by Corvane Steel will cost 1,900 jobs, writes a local councillor.",
         "layoff_mention"),
        # a headline on profits the cuts helped: an earnings story
        ("Corvane's cost cuts help profits, but cloud growth slows",
         "Corvane reported a quarterly profit above forecasts on Thursday, helped by the elimination of some 5,000 "
         "corporate jobs announced since November.", "layoff_mention"),
    ],
)
def test_headline_kinds(table: CompanyTable, title: str, text: str, label: str) -> None:
    assert _got(table, title, text)[0] == label


def test_a_topic_headline_names_an_employer_ending_in_s(table: CompanyTable) -> None:
    """"<Firm> job cuts as <firm> restructures": the name is read whole, a final "s" included."""
    got = classify("t", "Zappos job cuts as Amazon restructures its shoe arm",
                   "Amazon is cutting about 260 roles at Zappos, its online shoe shop, the company confirmed on Monday.",
                   PUB, companies=table)
    assert (got.label, got.units, got.headcount) == ("layoff_report", ("Zappos",), 260)


def test_a_letter_respelt_inside_a_class_is_refused() -> None:
    from ingest.understanding.lexicon import Words, _respelled
    from ingest.understanding.lexicon import lexicon

    words = lexicon("de").words
    broken = Words(**{**{f: getattr(words, f) for f in words.__dataclass_fields__}, "trigger": "stra[ßs]e",
                      "respellings": (("ß", "ss"),)})
    with pytest.raises(ValueError):
        _respelled(broken)


def test_a_technology_in_a_compound_names_a_unit(table: CompanyTable) -> None:
    """"KI-Sparte" is the unit that cuts, not AI doing the work: the report stands without a size."""
    got = classify("t", "Amazon streicht Stellen in der KI-Sparte",
                   "Amazon streicht Stellen in seiner KI-Sparte, bestätigte der Konzern am Dienstag.", PUB,
                   companies=table)
    assert got.label == "layoff_report"


@pytest.mark.parametrize(
    ("title", "text", "count"),
    [
        # "the largest since" compares, it sums nothing
        ("Brenmoor Luxembourg : 310 licenciements, le plus grand plan social du pays depuis 15 ans",
         "Brenmoor a confirmé mardi la suppression de 310 postes dans son siège luxembourgeois.", 310),
        ("Velsing streicht 900 Stellen - der größte Stellenabbau seit 2009",
         "Der Maschinenbauer Velsing streicht 900 Stellen in Bayern, teilte das Unternehmen am Mittwoch mit.", 900),
        # a share, then a sentence equating it with a figure
        ("Streamora entlässt ein Viertel der Belegschaft",
         "Der Videodienst Streamora entlässt ein Viertel seiner Belegschaft, schrieb die Gründerin an das Team. Dies "
         "entspricht rund 140 Beschäftigten.", 140),
        ("Streamora streicht 25 Prozent der Stellen",
         "Streamora baut 25 Prozent seiner Stellen ab. Die Zahl der betroffenen Beschäftigten liegt damit bei rund 140.",
         140),
        # the plan's size under an expectation, when nothing asserts one
        ("Harwick staff face further cuts",
         "Harwick University shocked staff by announcing a new wave of job losses. About 30 academic posts are "
         "expected to go in the latest severance scheme.", 30),
        # an adjective opening a headline is no employer; "limoger" dismisses
        ("Nouvelles suppressions chez Brenmoor",
         "Le groupe Brenmoor supprime 640 postes de plus, selon une note interne envoyée jeudi aux cadres.", 640),
        ("Brenmoor annonce un plan social d'ampleur",
         "Le fabricant Brenmoor va limoger environ 1 150 personnes dans ses trois usines, a indiqué sa direction.",
         1150),
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
        # a share, then "that number equates to" its count
        ("Pinefield is cutting 10 percent of its workforce",
         "Pinefield will lay off roughly 10 percent of its workforce, its chief executive told staff on Friday. That "
         "number equates to 2,300 full-time jobs, a news agency reports.", 2300),
        # "the <place>, <state>-based company" is the employer, not the place
        ("Corvane to shed 12% of staff in turnaround push",
         "Corvane is letting go of 12% of its employees, the firm said on Monday. The Dayton, Ohio-based company will "
         "also pause buybacks. On the staff count in its annual report, the number of jobs it plans to cut would be "
         "about 2,600.", 2600),
        # "reduce its workforce by N" with no job noun after the figure
        ("Eastmoor care board confirms job cuts",
         "Eastmoor Integrated Care Board is to reduce its workforce by 312 across its two hospital trusts.", 312),
        # "made 28 people redundant"
        ("Nearly 30 redundancies at Fenbridge charity",
         "Fenbridge Care Trust has made 28 people redundant as the charity closes two of its day centres.", 28),
        # a cut with its size stays a report, whatever the reason it gives
        ("Amazon cuts 1,200 jobs as AI reshapes its retail teams",
         "Amazon said on Tuesday it is cutting 1,200 jobs in its retail division as AI tools take over routine work.",
         1200),
        # a share restated after a comma; a workforce reduced from one size to another
        ("Eastmoor care board to cut its workforce by half",
         "Eastmoor Integrated Care Board is to cut its workforce by 50%, which equates to around 240 staff, its chief "
         "executive said on Monday.", 240),
        ("Halden Water to lay off nearly half its staff",
         "Halden Water said on Tuesday it would lay off nearly half its staff. The utility's workforce will be reduced "
         "from approximately 1,240 to roughly 650 employees by the end of the year.", 590),
        # preparing a round of layoffs is the employer's plan ("prepara una ronda de despidos")
        ("Brenmoor prepara una ronda de despidos masiva",
         "El grupo Brenmoor despedirá a unas 900 personas esta semana, según ha explicado un diario económico.", 900),
    ],
)
def test_reports_and_their_figures(table: CompanyTable, title: str, text: str, count: int) -> None:
    assert _got(table, title, text) == ("layoff_report", count)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a technology doing the work some day, no size of its own: no round
        ("KI statt Büro: Amazon will künftig Stellen streichen",
         "Der Konzernchef rechnet in einem Rundschreiben damit, dass für Büroarbeit mit der Zeit weniger Leute nötig "
         "sein werden."),
        ("Pinefield licenzia e punta sui robot",
         "Il gruppo Pinefield vuole affidare ai robot buona parte del lavoro nei magazzini nei prossimi anni."),
        ("Pinefield robotics push could cut 80,000 jobs, newspaper reports",
         "Internal documents reviewed by a newspaper set out Pinefield's plan to automate its warehouses. The leaked "
         "papers suggest the company could eliminate more than 80,000 positions through automation by 2031."),
        # an opinion piece, a compilation, an explanation of past cuts
        ("Guest post: Steelworks closure - 'the human cost cannot be counted'",
         "The closure of the Teesmouth steelworks saw 1,900 people lose their jobs, writes a steelworker's wife. We "
         "always believed the plant was a job for life."),
        ("2024 Tech Layoffs: A Comprehensive Compilation",
         "With more than 150,000 jobs lost this year, Corvane, Pinefield and Halden have all made deep cuts."),
        ("Corvane asegura que el despido de 9.000 personas no se debió a la economía: fue por cultura",
         "El director ejecutivo de Corvane explicó que el despido de 9.000 empleados no se debió a cuestiones "
         "económicas, sino a la cultura de la empresa."),
        # a site's listing page, an explanation of a past cut, one person's story, advice to the reader
        ("Corvane – Tag archive",
         "Corvane has laid off 140 employees in its games division. Corvane opens a new depot in Leeds."),
        ("Corvane chief: 6,000 Layoffs Driven by Company Culture, Not Costs",
         "Corvane's chief executive said on the earnings call that the 6,000 job cuts announced last week were about "
         "culture, not money."),
        ("It's culture, not costs: Corvane's chief justifies 6,000 layoffs",
         "Corvane's chief executive offered a surprising reason for cutting 6,000 jobs last week."),
        ("I was laid off by Amazon and can't find work",
         "One morning in October I got a text from Amazon telling me to check my personal email. I saw a message from "
         "HR telling me I'd been laid off."),
        ("Preparing for a Reduction in Force at Your Agency",
         "Nobody wants to be let go. The administration is proposing steep cuts, and many agencies could see staffing "
         "cuts."),
    ],
)
def test_mentions_of_cuts(table: CompanyTable, title: str, text: str) -> None:
    label, _ = _got(table, title, text)
    assert label == "layoff_mention"
