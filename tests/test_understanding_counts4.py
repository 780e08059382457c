"""Counts and employers in plain wordings the rules had missed (rules-45).

Each case is written for this file, in our own words, from a class of miss in the dev split (the tuning split) or in
the opened half of real probe 28: a reduction in "the number of roles"; a headline naming the employer by its trade,
by its words in another order, by its initials or by its name's last word; staff "across the sites" who are affected;
a closing site's workforce in a sentence of its own; a share written in figures ("1 in 10"); "job cuts at <employer>"
over a lead that says "the company"; an administrator speaking for the business; a quoted figure; a counted plan over
"the next two years"; a relative clause saying whom a layoff noun touches; German "nach" naming a source and a trade
word opening a headline; a newsletter box's messages; an Irish county; an employer seeking voluntary redundancies.
Each rule has a case it must leave alone. (A rule for "N of its workers would be laid off" was withdrawn: it cost an
Amazon report on the frozen test split's aggregates and moved nothing else.)
"""

from __future__ import annotations

from datetime import datetime

from ingest.understanding import classify

PUB = datetime(2025, 3, 4, 9, 0)


def _facts(title: str, text: str) -> tuple[str, tuple[str, ...], int | None]:
    c = classify("x", title, text, PUB)
    return c.label, c.companies, c.headcount


def test_a_part_of_its_staff_with_no_loss_is_a_subset() -> None:
    """(Guard: "80 of its workers are based in Leeds" says where they work, not who goes.)"""
    c = classify("x", "Harrow Mills to cut jobs",
                 "Harrow Mills will cut jobs at its Bradford site. 80 of its workers are based in Leeds.", PUB)
    assert c.label == "layoff_report" and c.headcount is None


def test_a_reduction_in_the_number_of_roles_counts() -> None:
    text = ("Eastbrook Water today announced a restructure of customer services.\n\nThe proposals would reduce the "
            "number of roles in customer services by up to 140 over the next year.")
    assert _facts("Eastbrook Water proposes restructure", text) == ("layoff_report", ("Eastbrook Water",), 140)


def test_a_headline_naming_the_employer_by_its_trade_takes_the_leads_name_and_count() -> None:
    assert _facts("Steelmaker to close plant", "Ravensworth Steel said the closure will put 450 people out of work.") == (
        "layoff_report", ("Ravensworth Steel",), 450)
    assert _facts("Drugmaker to cut 300 jobs", "Palmera Pharma said on Tuesday it would cut 300 jobs.")[1] == (
        "Palmera Pharma",)


def test_a_headline_writing_the_bodys_name_in_another_order_is_the_same_employer() -> None:
    text = "The U.S. Department of Commerce today began a reduction in force that will affect 640 employees."
    assert _facts("Commerce Department begins reduction in force", text) == (
        "layoff_report", ("U.S. Department of Commerce",), 640)


def test_a_departments_initials_without_department_are_the_same_employer() -> None:
    text = "The Department of Veterans Affairs said it had dismissed more than 1,000 recently hired employees."
    label, _, headcount = _facts("VA fires probationary workers", text)
    assert (label, headcount) == ("layoff_report", 1000)


def test_a_different_body_with_the_same_words_is_not_joined_in_one_sentence() -> None:
    """(Guard: two bodies in the body itself keep their own figures: the headline-to-body rule only.)"""
    from ingest.understanding.same_action import reordered

    assert reordered("Education Department", "U.S. Department of Education")
    assert not reordered("Education", "Department of Education")
    assert not reordered("Department of Health", "Department of Education")


def test_staff_across_the_sites_who_are_affected_are_the_count() -> None:
    text = ("Amazon confirmed it would close three UK customer service sites.\n\nAround 1,200 employees across the "
            "three sites are affected.")
    assert _facts("Amazon confirms closure of three UK sites", text)[2] == 1200


def test_staff_affected_by_a_strike_are_not_a_count() -> None:
    """(Guard: "affected by the strike" is no loss.)"""
    text = ("Corran Buses will cut 40 jobs at its Paisley depot.\n\nSeparately, about 3,000 passengers across the "
            "three depots were affected by the strike last week.")
    assert _facts("Corran Buses to cut 40 jobs", text)[2] == 40


def test_italian_staff_in_surplus_are_the_count_not_the_workforce() -> None:
    text = ("L'azienda ha avviato ieri la procedura di licenziamento collettivo. I lavoratori in esubero sono 85, su "
            "un organico di 310 addetti.")
    c = classify("x", "Valvotecnica Emiliana avvia la procedura di licenziamento", text, PUB)
    assert (c.label, c.headcount) == ("layoff_report", 85)


def test_a_closing_sites_workforce_in_a_sentence_of_its_own_is_the_count() -> None:
    text = "Brightline Foods will close its Dayton plant by June. The plant employs 320 people."
    assert _facts("Brightline Foods to close plant", text)[2] == 320


def test_a_sites_workforce_is_no_count_when_nothing_closes() -> None:
    """(Guard: a cut at a site that stays open is not its whole workforce.)"""
    text = "Brightline Foods will cut jobs at its Dayton plant. The plant employs 320 people."
    assert _facts("Brightline Foods to cut jobs", text)[2] is None


def test_a_share_in_figures_is_no_count() -> None:
    text = "Brightline Foods will cut one in 10 jobs, about 320 positions, the company said."
    assert _facts("Brightline Foods to cut 1 in 10 jobs", text)[2] == 320


def test_a_headline_of_cuts_at_an_employer_makes_it_the_companys() -> None:
    text = "The company said it will cut 320 jobs at its Dayton plant."
    assert _facts("Job cuts at Brightline Foods", text) == ("layoff_report", ("Brightline Foods",), 320)
    assert _facts("Job losses at Brightline Foods", "The firm has said that 320 workers at its Dayton plant will "
                  "lose their jobs.") == ("layoff_report", ("Brightline Foods",), 320)


def test_an_administrator_speaks_for_the_business_in_administration() -> None:
    text = ("Clyde Precision Fabrication, based in Renfrew, appointed administrators from Kroll on Monday.\n\n"
            "Kroll said 64 employees had been made redundant with immediate effect.")
    assert _facts("Scottish engineering firm falls into administration", text) == (
        "layoff_report", ("Clyde Precision Fabrication",), 64)


def test_a_firm_never_named_administrator_acts_for_itself() -> None:
    """(Guard: a buyer or a rival named in an administration story cuts its own jobs.)"""
    text = ("Kroll said on Monday it would cut 200 jobs in its restructuring advisory arm.\n\n"
            "The firm has been appointed to several retail collapses this year.")
    assert _facts("Kroll to cut 200 jobs", text) == ("layoff_report", ("Kroll",), 200)


def test_a_headline_kind_word_ending_the_bodys_name_is_the_same_employer() -> None:
    text = ("Hopworks Brewery has entered administration, administrators Begbies Traynor said, with 45 of its 60 staff "
            "made redundant.")
    assert _facts("Brewery enters administration", text) == ("layoff_report", ("Hopworks Brewery",), 45)


def test_a_quoted_figure_counts() -> None:
    text = 'Hallam Care admitted it planned to make "about 50" redundancies in its head office.'
    assert _facts("Charity plans job cuts", text)[2] == 50


def test_a_counted_plan_over_the_next_years_is_the_employers_plan() -> None:
    text = "The Office for Rural Affairs is planning to shrink by a third, with 900 staff set to leave over two years."
    c = classify("x", "Office for Rural Affairs to cut headcount by 900 over next two years", text, PUB)
    assert (c.label, c.headcount) == ("layoff_report", 900)


def test_an_uncounted_shrinking_over_the_next_years_stays_a_forecast() -> None:
    """(Guard: no figure, no plan of the employer's: a forecast, as a chief executive's memo about AI is.)"""
    text = "Brightline Foods expects its workforce to shrink over the next few years as automation spreads."
    assert _facts("Brightline Foods chief says AI will shrink workforce", text)[0] != "layoff_report"


def test_a_relative_clause_saying_whom_a_layoff_noun_touches_gives_its_count() -> None:
    text = ("Tras el acuerdo con los sindicatos, Banco Meridional ejecutará su Expediente de Regulación de Empleo "
            "(ERE), que implicará la salida de 1.240 trabajadores en los próximos meses.")
    c = classify("x", "Banco Meridional ejecutará su ERE a partir de julio", text, PUB)
    assert (c.label, c.headcount) == ("layoff_report", 1240)


def test_german_nach_naming_a_source_is_no_time_before() -> None:
    text = ("Der Autozulieferer Brenkmann schließt sein Werk in Gera. Nach Unternehmensangaben sind von der geplanten "
            "Stilllegung 48 Mitarbeiter betroffen.")
    c = classify("x", "Brenkmann schließt Werk in Gera", text, PUB)
    assert (c.label, c.headcount) == ("layoff_report", 48)


def test_a_german_trade_word_opening_the_headline_is_no_name() -> None:
    text = ("Der Automobilzulieferer Brenkmann schließt sein Werk in Gera. Nach Unternehmensangaben sind 48 "
            "Mitarbeiter betroffen.")
    c = classify("x", "Automobilzulieferer schließt Standort in Thüringen", text, PUB)
    assert (c.label, c.companies, c.headcount) == ("layoff_report", ("Brenkmann",), 48)


def test_a_newsletter_boxs_message_is_no_employer() -> None:
    text = ("Daily news in your inbox + Subscribe Thanks for subscribing! Could not subscribe, try again later Invalid "
            "Email\n\nThere is more gloomy news from the high street with reports Budgetland is looking to close about "
            "60 of its 200 stores with up to 900 jobs at risk.\n\nBudgetland is weighing the move under an insolvency "
            "process.")
    assert _facts("Budgetland reported to be weighing store closures", text)[1] == ("Budgetland",)


def test_an_irish_county_is_a_place_not_an_employer() -> None:
    from ingest.understanding import load_company_table
    from ingest.understanding.lexicon import lexicon
    from ingest.understanding.names import article_names, find_names

    lex = lexicon("en")
    sentence = "Around 700 workers are set to lose their jobs at the Corrib Disk plant in Co Derry, the union said."
    names = find_names(sentence, lex, load_company_table(), article_names("Plant to close", sentence, lex))
    assert "Co Derry" not in [n.text for n in names] and "Corrib Disk" in [n.text for n in names]
    further = "Further jobs blow for NI as Corrib Disk confirms 240 more redundancies."
    names = find_names(further, lex, load_company_table(), article_names("Jobs blow", further, lex))
    assert "NI" not in [n.text for n in names]


def test_an_employer_seeking_voluntary_redundancies_reports_a_cut() -> None:
    text = "Pie maker Harlow Pies is seeking voluntary redundancies for up to 70 of its 250 employees."
    assert _facts("Harlow Pies seeks voluntary redundancies", text) == ("layoff_report", ("Harlow Pies",), 70)


def test_a_union_seeking_assurances_is_no_cut() -> None:
    """(Guard: only an employer seeking volunteers to go; a union's request is not a cut.)"""
    text = "The union is seeking assurances that there will be no compulsory redundancies at Harlow Pies."
    assert _facts("Union seeks assurances at Harlow Pies", text)[0] != "layoff_report"


def test_cuts_over_the_last_months_are_a_tally_not_the_news() -> None:
    text = ("Fleetcare has seen its profits triple, months after a turnaround.\n\nFleetcare, which hires out "
            "replacement vans, has axed around 900 jobs in the last 18 months.")
    c = classify("x", "Results vindicate Fleetcare turnaround plan", text, PUB)
    assert c.label != "layoff_report" and c.headcount is None


def test_a_two_word_name_ending_in_a_plural_kind_still_cuts() -> None:
    """(Guard: "Pinewood Studios" is a name, its modifier no kind word.)"""
    text = "Pinewood Studios said on Monday it would cut 120 jobs at its Buckinghamshire site."
    assert _facts("Pinewood Studios to cut 120 jobs", text) == ("layoff_report", ("Pinewood Studios",), 120)


def test_the_employers_own_plan_expected_to_cut_a_count_is_its_plan() -> None:
    text = ("Norvane Systems announced a restructuring plan on Tuesday. The first phase is expected to include a "
            "reduction of approximately 640 positions.")
    assert _facts("Norvane Systems announces restructuring", text) == ("layoff_report", ("Norvane Systems",), 640)


def test_analysts_expecting_a_plan_to_cut_is_still_a_forecast() -> None:
    """(Guard: the expectation must be the employer's plan's own, not analysts'.)"""
    text = "Analysts say the sector's restructuring is expected to cost about 640 jobs across Ohio this year."
    assert _facts("Ohio manufacturers face a hard year", text)[0] != "layoff_report"


def test_staff_told_of_possible_job_losses_is_the_employers_proposal() -> None:
    text = ("Staff at Kinross Fabrications in Glenrothes have been told up to 90 of them could lose their jobs.\n\n"
            "The firm blamed a fall in orders from the oil and gas sector.")
    assert _facts("Up to 90 jobs under threat at Fife engineering firm", text)[:2] == (
        "layoff_report", ("Kinross Fabrications",))


def test_a_consultation_begun_makes_possible_losses_a_proposal() -> None:
    text = ("Up to 170 jobs could be lost at a call centre in Belfast after the firm lost a major contract.\n\n"
            "Contact Point said it had begun a consultation with staff.")
    assert _facts("Job losses feared at Belfast call centre", text) == ("layoff_report", ("Contact Point",), 170)


def test_staff_told_of_something_else_leaves_a_fear_a_fear() -> None:
    """(Guard: staff told of an office mandate or a pay freeze, a trade body's warning: no proposal of cuts.)"""
    text = ("Amazon corporate employees have been told to return to the office five days a week from January.\n\n"
            "Some staff fear the mandate could lead to job losses as colleagues quit.")
    assert _facts("Amazon staff told to return to office five days a week", text)[0] == "layoff_mention"
    text = ("Staff at Acme Engineering have been told their pay will be frozen for a year.\n\nThe union said jobs "
            "could be at risk if orders did not pick up.")
    assert _facts("Acme staff told of pay freeze", text)[0] == "layoff_mention"
    text = ("Up to 100,000 retail jobs could be lost this year, the British Retail Consortium has warned.\n\nStaff at "
            "several chains have been told to expect fewer hours.")
    assert _facts("Thousands of retail jobs could go, warns trade body", text)[0] != "layoff_report"


# Guards from a helper's review of rules-45 (293 articles of its own; 18 regressions, each fixed in rules-47).


def test_another_sites_workforce_is_not_the_closing_sites() -> None:
    text = ("Brightline Foods will close its Dayton plant and move the work to its Akron plant. The Akron plant employs "
            "500 people and will take on some of the lines.")
    assert _facts("Brightline Foods to close Dayton plant", text)[2] is None
    text = "Arden Cars will close the paint shop at its Luton plant next year. The plant employs 1,100 people."
    assert _facts("Arden Cars to close paint shop", text)[2] is None


def test_staff_or_a_union_seeking_voluntary_redundancy_is_no_cut() -> None:
    text = ("Unite has urged Halden Foods to seek voluntary redundancies before any compulsory job losses, after the "
            "firm said it was reviewing its Wigan site.")
    assert _facts("Union urges Halden Foods to seek voluntary redundancies", text)[0] != "layoff_report"
    text = "Dozens of staff at Harlow Council are seeking voluntary redundancy amid uncertainty over a merger."
    assert _facts("Staff at Harlow Council seeking voluntary redundancy", text)[0] != "layoff_report"


def test_a_state_department_is_not_the_federal_one() -> None:
    text = ("The State Education Department will cut 90 positions after federal grants were withheld. The U.S. "
            "Department of Education laid off 1,300 staff last week.")
    assert _facts("State Education Department to cut 90 jobs", text) == (
        "layoff_report", ("State Education Department",), 90)


def test_a_headlines_object_yields_to_an_organisation_the_lead_says_acts() -> None:
    text = "The company that makes Halden's packaging, Corby Cartons, said on Monday it will lay off 60 workers."
    assert _facts("Job cuts at Halden Foods hit Wigan supplier", text)[1:] == (("Corby Cartons",), 60)


def test_a_waves_tally_in_a_relative_clause_is_not_the_count() -> None:
    text = ("Quillon despedirá a parte de su plantilla en Madrid. La ola de despidos, que afecta ya a más de 40.000 "
            "trabajadores del sector tecnológico este año, llega así a Madrid.")
    c = classify("x", "Quillon anuncia despidos en España", text, PUB)
    assert c.headcount is None


def test_the_staff_of_several_sites_told_of_cuts_are_the_workforce() -> None:
    text = "Kestrel Seating will cut jobs at its Midlands plants, it told its 2,000 employees across the three sites."
    assert _facts("Kestrel Seating to cut jobs", text)[2] is None


def test_a_co_op_is_a_name() -> None:
    text = "Co Op will close 12 of its food stores in Yorkshire with the loss of 150 jobs."
    assert _facts("Co Op to close 12 food stores", text) == ("layoff_report", ("Co Op",), 150)


def test_a_think_tanks_horizon_stays_a_forecast() -> None:
    text = ("The public sector will shed 50,000 jobs over the next three years under the Treasury's spending plans, "
            "the Resolution Forum think tank said in a report.")
    assert _facts("Think tank: public sector will cut 50,000 jobs over the next three years", text)[0] != (
        "layoff_report")


def test_german_nach_berichten_ueber_is_after_not_according_to() -> None:
    text = ("Nach Berichten über den Abbau von 400 Stellen im vergangenen Jahr streicht Brenkmann nun weitere 200 "
            "Stellen in Gera.")
    c = classify("x", "Brenkmann streicht weitere Stellen", text, PUB)
    assert c.headcount != 400


# rules-48: wordings of the opened half of real probe 29, rewritten as our own.


def test_one_company_described_is_no_sector_whatever_it_serves() -> None:
    text = ("A company based in Denmark that supplies the mining and cement industries will close a plant in Lancaster "
            "County, laying off 58 employees, according to a notice filed with the state.\n\nNorvik Engineering "
            "said the work would move to its plant in Utah.")
    c = classify("x", "Denmark-based company to close central Pa. plant, lay off 58 employees", text, PUB)
    assert (c.label, c.headcount) == ("layoff_report", 58)


def test_several_companies_of_a_sector_stay_a_sector() -> None:
    """(Guard: a plural subject of companies is the wave, not one employer.)"""
    text = "Companies that supply the mining and cement industries will close plants across Pennsylvania this year."
    assert _facts("Mining suppliers to close plants", text)[0] != "layoff_report"


def test_a_period_of_consultation_launched_makes_jobs_at_risk_a_proposal() -> None:
    text = ("Seventy jobs are at risk at a firm that makes prefabricated buildings.\n\nCaldmoor Modular, based in "
            "Newark, has launched a period of consultation over the proposed redundancies.")
    assert _facts("Dozens of jobs under threat at firm", text)[1:] == (("Caldmoor Modular",), 70)


def test_a_conditional_size_of_a_proposal_put_to_staff_counts() -> None:
    text = ("Staff at Larchwood Games were called to a meeting today, where they were told the company was proposing to "
            "close its Guildford operations.\n\n\"If progressed, the move will affect 48 studio personnel; staff are "
            "now involved in a consultation period to discuss the proposal,\" the company said.")
    assert _facts("Larchwood Games to close Guildford studio", text) == ("layoff_report", ("Larchwood Games",), 48)


def test_a_conditional_size_with_no_proposal_stays_conditional() -> None:
    """(Guard: "if" with nothing put to staff is a possibility.)"""
    text = "If the contract is not renewed, the move would affect 48 staff at Larchwood Games, analysts said."
    assert _facts("Larchwood Games contract in doubt", text)[0] != "layoff_report"


def test_a_past_told_in_a_relative_clause_is_not_the_cuts_time() -> None:
    text = ("Up to 180 job cuts are planned at a family-owned Cheshire bakery firm that was hit by a fire two years ago."
            "\n\nHarwood Bakery said it had begun talks with staff.")
    c = classify("x", "Family-owned bakers planning to cut up to 180 jobs", text, PUB)
    assert (c.label, c.headcount) == ("layoff_report", 180)


def test_a_go_ahead_is_no_job_going() -> None:
    text = "The development of a new town serving almost 9,000 people has been given the go-ahead by two councils."
    assert _facts("Plans for 4,000-home development approved", text)[0] == "not_layoff"


def test_cutting_jobs_by_a_figure_counts() -> None:
    text = "Harlow Building Supplies has cut jobs by 250 and closed seven branches, it said in its half-year results."
    assert _facts("Harlow Building Supplies cuts jobs by 250 and closes seven branches", text)[2] == 250


def test_spanish_el_despido_de_counts() -> None:
    text = ("Motores Ibéricos ha comunicado el cierre de su planta de Barcelona, lo que supone el despido de, al menos, "
            "1.200 trabajadores directos.")
    c = classify("x", "Motores Ibéricos cierra su planta de Barcelona", text, PUB)
    assert (c.label, c.headcount) == ("layoff_report", 1200)


def test_a_day_beside_its_month_is_no_count_and_a_future_day_is_no_past() -> None:
    text = "The Brightline Foods bakery in Romulus, Michigan, will close July 25 with 66 employees losing their jobs."
    assert _facts("Brightline Foods bakery to close", text) == ("layoff_report", ("Brightline Foods",), 66)


def test_may_the_verb_is_no_month() -> None:
    """(Guard: "Up to 25 may lose their jobs" is a count.)"""
    from ingest.understanding.headcount import find_amounts
    from ingest.understanding.lexicon import lexicon

    amounts = find_amounts("Harlow Mills said up to 25 may lose their jobs at its Leeds site.", lexicon("en"))
    assert [a.value for a in amounts] == [25]
    amounts = find_amounts("The site closes on 25 May, with 40 staff losing their jobs.", lexicon("en"))
    assert [a.value for a in amounts] == [40]


# Guards from a helper's review of rules-46 to rules-48 (218 articles of its own; 30 regressions, fixed in rules-50 or
# their rule withdrawn).


def test_a_name_of_a_modifier_and_a_plural_kind_still_cuts() -> None:
    text = "American Airlines will cut about 100 management and support jobs, the carrier said in a memo to staff."
    assert _facts("American Airlines to cut 100 management jobs", text)[0] == "layoff_report"


def test_a_third_partys_conditional_count_is_no_proposal() -> None:
    text = ("Staff at Harwick Bank have been told their bonuses will be cut by a third.\n\nAnalysts said the bank "
            "could also cut up to 1,000 jobs if conditions did not improve.")
    assert _facts("Harwick Bank cuts bonuses", text)[0] != "layoff_report"
    text = ("Southmere Water has launched a consultation on plans for a new reservoir.\n\nCampaigners said 40 farm jobs "
            "could be lost if land was flooded.")
    assert _facts("Reservoir plan consultation opens", text)[0] != "layoff_report"
    text = ("Ridgeway Foods said it had not started any consultation.\n\nThe Unite union claimed 200 jobs could go if "
            "the company moved production to Poland.")
    assert _facts("Union fears for Ridgeway Foods jobs", text)[0] != "layoff_report"


def test_a_research_notes_expectation_is_a_forecast() -> None:
    text = ("The AI transformation is expected to eliminate 300 million jobs worldwide over the next decade, Goldman "
            "Hale said in a research note.")
    assert _facts("AI could wipe out 300 million jobs, bank says", text)[0] != "layoff_report"


def test_cuts_made_last_year_are_past_whatever_clause_tells_it() -> None:
    text = "MPs have questioned the 400 job cuts at Gatwick Air Services that were made last year, as it struggles to hire."
    assert _facts("MPs question airport job cuts", text)[0] != "layoff_report"


def test_a_span_describing_the_shops_leaves_the_closure_current() -> None:
    text = "Dorrit Stores will close 12 shops that have struggled in the last two years, with the loss of 150 jobs."
    assert _facts("Dorrit Stores to close 12 shops", text) == ("layoff_report", ("Dorrit Stores",), 150)


def test_french_sur_le_site_is_no_share() -> None:
    """(rules-51: "sur" marks a share only before a figure or "chaque".)"""
    text = ("Lenormand Industrie a présenté un plan de sauvegarde de l'emploi, qui touchera 200 salariés sur le site de "
            "Rouen.")
    c = classify("x", "Lenormand Industrie annonce un plan social", text, PUB)
    assert (c.label, c.headcount) == ("layoff_report", 200)


def test_a_count_after_a_month_is_a_count() -> None:
    """(Guards from a helper's review of rules-49: a number above 31, or followed by a staff noun, is no day.)"""
    from ingest.understanding.headcount import find_amounts
    from ingest.understanding.lexicon import lexicon

    def values(text: str, code: str = "en") -> list[int | None]:
        return [a.value for a in find_amounts(text, lexicon(code))]

    assert values("In March 40 staff at Brookfield Mills were told their jobs would go.") == [40]
    assert values("In March 20 staff were told they would be made redundant.") == [20]
    assert values("Harlow Foods said that from June 90 roles will be cut.") == [90]
    assert values("Textiles Roca despedirá en mayo 60 trabajadores de su fábrica.", "es") == [60]
    assert values("Dunmore Dairy told staff that 30 May lose their jobs.") == [30]
    assert values("The plant will close July 25 with 66 employees losing their jobs.") == [66]
