"""Counts, employers and labels in wordings the rules had missed (rules-53).

Each case is written for this file, in our own words, from a class of miss in the opened half of real probe 31 or in
articles a writer who never saw the rules wrote for this pass: a fraction written "one-fourth" read as a count of one;
"cut a third of its newsroom"; Italian "esodi" (voluntary exits); staff "informed of 120 redundancies" read as a
workforce; "hands down" read as farm hands; a day without a year written in November ("on Jan. 1") read as the last
one, not the coming one; "<Firm> layoffs in <place>" over a lead that states the cut; "<Firm> opens redundancy talks";
a "fitness tracker" read as a listing page; a French "Analyse." label; "<Client> supplier <Name>" and "Amazon
aggregator <Name>" headlines, whose employer is the name, not the client; tabloid capitals ("AMAZON is to sack");
Canadian French "mises à pied"; a client named inside a relative clause on an unnamed firm. Each rule has a case it
must leave alone.
"""

from __future__ import annotations

from datetime import datetime

from ingest.understanding import classify

PUB = datetime(2025, 3, 4, 9, 0)


def _facts(title: str, text: str, published: datetime = PUB) -> tuple[str, tuple[str, ...], int | None]:
    c = classify("x", title, text, published)
    return c.label, c.companies, c.headcount


def test_one_fourth_is_a_share_not_a_count_of_one() -> None:
    text = ("The Daily Courier plans to lay off 94 newsroom employees, one-fourth of its newsroom staff, starting "
            "Tuesday, the head of the journalists' union said.\n\nThe union called it a dark day.")
    assert _facts("Daily Courier to lay off one-fourth of newsroom staff", text) == (
        "layoff_report", ("Daily Courier",), 94)
    # (guard: a share alone gives no count)
    assert _facts("Courier to cut a fourth of staff", "The Daily Courier will cut one fourth of its staff.")[2] is None


def test_a_share_of_a_newsroom_is_a_cut_of_its_journalists() -> None:
    text = "The Daily Courier will cut a third of its newsroom, about 40 journalists, the paper said on Tuesday."
    assert _facts("Daily Courier to cut one-third of its newsroom", text) == ("layoff_report", ("Daily Courier",), 40)
    # (guard: costs cut in a newsroom lose no one)
    assert _facts("Courier to cut costs in its newsroom",
                  "The Daily Courier will cut costs in its newsroom by moving office. No jobs will go.")[0] != "layoff_report"


def test_italian_voluntary_exits_are_the_cut() -> None:
    text = ("Sarebbe pronto un piano di Banca Nordica per 3.000 esodi volontari. Secondo fonti sindacali, l'istituto lo "
            "ha annunciato questa mattina ai sindacati.")
    assert _facts("Banca Nordica, piano per 3.000 esodi volontari", text) == ("layoff_report", ("Banca Nordica",), 3000)
    # (guard: the summer exodus on the motorways is traffic)
    assert _facts("Esodo estivo, bollino nero sulle autostrade",
                  "Sabato bollino nero per l'esodo estivo: attesi 3.000 veicoli all'ora.")[0] == "not_layoff"


def test_staff_informed_of_redundancies_are_told_a_cut_not_a_workforce() -> None:
    text = "The Northern Broadcasting Corporation has informed staff of 120 redundancies ahead of a restructuring."
    assert _facts("Broadcaster restructures", text) == ("layoff_report", ("Northern Broadcasting Corporation",), 120)
    # (guard: "a staff of 40" is the workforce that closes)
    text = "Hartley Brewery, which has a staff of 40, will close in March with the loss of all jobs, the owners said."
    assert _facts("Brewery to close with loss of 40 jobs", text)[2] == 40


def test_a_court_or_bank_handing_down_is_no_farm_hand() -> None:
    text = "The Reserve Bank today handed out a long-awaited interest rate cut for homeowners."
    assert _facts("Reserve Bank hands down rate cut to homeowners", text)[0] == "not_layoff"
    # (guard: hands are still staff)
    assert _facts("Farm to cut 40 hands", "Greenvale Farms will cut 40 hands at its dairy in Devon.")[2] == 40


def test_a_day_without_its_year_in_november_may_be_the_coming_january() -> None:
    text = "Rite Aid is closing a distribution center in New York on Jan. 1, and with that, 233 employees will be laid off."
    assert _facts("Rite Aid closing distribution center", text, datetime(2024, 11, 8)) == (
        "layoff_report", ("Rite Aid",), 233)


def test_firm_layoffs_at_a_place_is_a_topic_the_lead_states() -> None:
    text = "Boeing will lay off 2,000 workers in Seattle, a state filing shows.\n\nThe company will offer severance."
    assert _facts("Boeing layoffs in Seattle", text) == ("layoff_report", ("Boeing",), 2000)
    # (guard: a claim about past layoffs stays a mention)
    text = "The layoffs Boeing announced in 2023 still weigh on Seattle, where 2,000 workers lost their jobs."
    assert _facts("Boeing layoffs in Seattle", text)[0] == "layoff_mention"


def test_a_firm_opening_redundancy_talks_leaves_the_cut_to_the_lead() -> None:
    text = ("Amazon has informed staff representatives in Luxembourg that it plans to cut up to 70 jobs at its European "
            "headquarters.\n\nAn Amazon spokesperson confirmed that discussions had started.")
    assert _facts("Amazon opens redundancy talks in Luxembourg", text) == ("layoff_report", ("Amazon",), 70)
    # (guard: a boss opening up about layoffs years ago tells none)
    text = "The chief executive of Brindle Software said cutting 200 jobs last year was the hardest decision she made."
    assert _facts("Tech boss opens up about layoffs", text)[0] != "layoff_report"


def test_a_fitness_tracker_is_no_listing_page() -> None:
    text = ("Amazon is discontinuing its Halo line of wearables and laying off the employees who worked on them, the "
            "company said Wednesday.")
    assert _facts("Amazon kills Halo fitness tracker, laying off team behind it", text)[0] == "layoff_report"
    # (guard: a layoffs tracker is one)
    assert _facts("Tech layoffs tracker: every company cutting jobs in 2024",
                  "Amazon cut 500 jobs this week, joining Google and Meta.")[0] == "layoff_mention"


def test_an_analysis_labelled_with_a_full_stop_is_no_report() -> None:
    text = ("En l'espace de trois mois, Amazon a annoncé la suppression de 30 000 postes de bureau : 14 000 fin octobre, "
            "16 000 fin janvier.\n\nPremier élément : la justification a changé.")
    assert _facts("Analyse. Amazon, 30 000 postes en moins : la fin du salarié de bureau", text)[0] == "layoff_mention"
    # (guard: two sentences in a headline are no label)
    assert _facts("Renault supprime 3 000 postes. Les syndicats inquiets",
                  "Renault va supprimer 3 000 postes, a annoncé le groupe mardi.")[2] == 3000


def test_a_client_named_before_its_supplier_is_not_the_employer() -> None:
    text = "Amazon supplier Kestrel Packaging will cut 300 jobs at its plant in Ohio, the company said."
    assert _facts("Amazon supplier Kestrel Packaging cuts 300 jobs", text) == (
        "layoff_report", ("Kestrel Packaging",), 300)
    assert _facts("Apple supplier Foxconn to cut 2,000 jobs", "Apple supplier Foxconn will cut 2,000 jobs.")[1] == (
        "Foxconn",)
    text = ("Brandvista, one of the companies that buys up brands selling on Amazon, has laid off about 25% of its "
            "employees, its chief executive told staff on Wednesday.")
    assert _facts("Amazon aggregator Brandvista lays off a quarter of staff", text)[1] == ("Brandvista",)
    # (guard: Amazon cutting its own staff stays Amazon's)
    assert _facts("Amazon cuts 300 jobs", "Amazon will cut 300 jobs, the company said.")[1] == ("Amazon",)


def test_tabloid_capitals_are_read_as_the_name() -> None:
    text = ("AMAZON is to sack more than 18,000 workers in the biggest jobs bloodbath in the firm's history.\n\nBoss "
            "Andy Jassy said the cuts would land mostly on its People, Experience and Technology team.")
    assert _facts("AMAZON AXE: Retail giant to sack 18,000", text) == ("layoff_report", ("Amazon",), 18000)
    text = "A FAMOUS fudge maker is to close its factory with the loss of 80 jobs, owners Harrow Confectionery said."
    assert _facts("JOBS BLOW: Fudge maker to close", text) == ("layoff_report", ("Harrow Confectionery",), 80)
    text = "TESCO is to cut 2,000 jobs in a shake-up of its stores, the supermarket said last night."
    assert _facts("TESCO AXE: Supermarket to cut 2,000 jobs", text)[1] == ("Tesco",)
    # (guard: an acronym written in capitals elsewhere, or a short one, stays one)
    assert _facts("ZXT: 300 jobs to go at Telford plant", "ZXT is cutting 300 jobs at its Telford plant.")[1] == ("ZXT",)
    text = "HUNDREDS of NHS jobs are at risk after Kettering General Hospital NHS Trust said it would cut 300 posts."
    assert _facts("Trust to cut 300 posts", text)[2] == 300


def test_canadian_french_layoffs_on_foot_are_layoffs() -> None:
    text = "Amazon fermera ses sept entrepôts au Québec et mettra à pied quelque 1 700 employés, a annoncé l'entreprise."
    assert _facts("Amazon met à pied 1 700 employés au Québec", text) == ("layoff_report", ("Amazon",), 1700)
    assert _facts("Bombardier annonce 2 500 mises à pied",
                  "Bombardier a annoncé mardi 2 500 mises à pied au Québec.")[2] == 2500
    # (guard: a French disciplinary suspension of one person is no layoff)
    text = "Un facteur a été mis à pied à titre conservatoire après une altercation avec un client, a indiqué la direction."
    assert _facts("Mise à pied conservatoire pour un facteur", text)[0] != "layoff_report"


def test_a_client_in_a_relative_clause_on_an_unnamed_firm_is_not_the_employer() -> None:
    """The customer's cuts trap in French: the delivery firm that carried Amazon's parcels lays off its drivers."""
    text = ("L'entreprise de livraison Transport Élan inc., qui distribuait les colis d'Amazon dans la région de Laval, "
            "mettra à pied ses 120 chauffeurs d'ici la fin mars, a-t-elle confirmé mardi.")
    label, companies, _ = _facts("Une entreprise de livraison met à pied 120 chauffeurs après le départ d'Amazon", text)
    assert label == "layoff_report" and companies != ("Amazon",)
    text = ("L'entreprise de livraison, qui distribuait les colis d'Amazon dans la région de Laval, licenciera ses 120 "
            "chauffeurs d'ici la fin mars.")
    assert _facts("Une entreprise de livraison licencie 120 chauffeurs après le départ d'Amazon", text)[1] != ("Amazon",)
    # (guard: a relative clause naming the owner still names the employer)
    text = "A packaging factory in Rotherham is to close with the loss of 80 jobs.\n\nThe site, which is run by Lanyard Connect, will shut in May."
    assert _facts("Packaging factory to close with 80 jobs lost", text)[1] == ("Lanyard Connect",)


def test_a_place_before_a_word_for_a_firm_is_no_employer() -> None:
    """rules-54: "a Glasgow business" describes the firm the lead names; "a Wilko store" still names Wilko."""
    text = ("HUNDREDS of jobs are under threat after a Glasgow business plunged into administration.\n\nNuclear "
            "decommissioning firm Karnley Limited has called in administrators.\n\nAdministrators said up to 300 jobs "
            "are set to be lost.")
    assert _facts("Hundreds of jobs under threat as Glasgow business plunges into administration", text)[1:] == (
        ("Karnley",), 300)
    # (guard: a shop of a chain is the chain's)
    text = "Wilko will close 20 stores with the loss of 400 jobs. A Wilko store in Leeds will shut first."
    assert _facts("Wilko to close 20 stores", text)[1] == ("Wilko",)


def test_a_newsrooms_budget_or_a_suspension_is_no_layoff() -> None:
    """rules-54: a review's regressions of rules-53. A share of a newsroom's budget, airtime or floor space cuts no
    one; a Québec employee "mis à pied pour trois jours" or "avec solde" is suspended; "les 450 travailleurs mis à
    pied" are staff laid off before, as "the 450 laid-off workers" are."""
    for thing in ("budget for freelancers", "weekend airtime", "floor space"):
        text = f"The Baltimore Sun will cut a third of its newsroom {thing}. No staff jobs will be lost."
        assert _facts(f"Newspaper to cut a third of its newsroom {thing}", text)[0] == "not_layoff"
    text = "Un employé de la STM a été mis à pied pour trois jours après une altercation. Le syndicat conteste la sanction."
    assert _facts("Un employé de la STM mis à pied pour trois jours", text)[0] == "not_layoff"
    text = ("Les 450 travailleurs mis à pied l'automne dernier par la Fonderie Horne attendent toujours des réponses sur "
            "leurs indemnités. Le syndicat a interpellé Québec lundi.")
    assert _facts("Les 450 travailleurs mis à pied de la Fonderie Horne attendent des réponses", text)[0] == (
        "layoff_mention")
    # (guard: staff who "seront mis à pied" are this action's)
    text = "Olymel a annoncé que 300 employés seront mis à pied à son usine de Vallée-Jonction d'ici l'été."
    assert _facts("Olymel: 300 employés seront mis à pied", text) == ("layoff_report", ("Olymel",), 300)


def test_a_headline_opening_in_capitals_is_written_back() -> None:
    """rules-54: "HUNDREDS of staff at ..." opens a headline as a lead does; the shouted word is a plain word."""
    text = "AMAZON is to cut 200 jobs at its Leeds warehouse, the company said last night."
    assert _facts("HUNDREDS of jobs go as AMAZON shuts Leeds site", text)[1:] == (("Amazon",), 200)


def test_small_wordings_from_probe_32() -> None:
    """rules-55, from the opened half of real probe 32: "Channel 4" is a name, not a count of four; a dateline of two
    places before a bar; Italian "Scendono a 321 gli esuberi"; German "dem Rotstift zum Opfer fallen"."""
    text = ("Channel 4 has announced a five-year strategy including a raft of redundancies.\n\nChannel 4 plans to reduce "
            "headcount by 18% - this equates to around 200 redundancies.")
    assert _facts("Channel 4 confirms job cuts and move out of London HQ", text)[2] == 200
    # (guard: a small count after an ordinary word still counts)
    assert _facts("About 4 jobs to go at Leeds charity", "About 4 jobs will go at the Leeds charity Brightpath.")[2] == 4
    text = "London/New York | Harwick Media is cutting 200 jobs as it grapples with a slump in advertising."
    assert _facts("Media group cuts jobs", text)[1:] == (("Harwick Media",), 200)
    text = "Scendono a 321 gli esuberi per Cantieri Sole, conseguenti allo stop della produzione a Trieste."
    assert _facts("Cantieri Sole, scendono a 321 gli esuberi", text)[2] == 321
    # (guard: prices coming down are no cut)
    assert _facts("Prezzi, scendono a 300 euro i biglietti", "Scendono a 300 euro i biglietti del concerto.")[0] == (
        "not_layoff")
    text = "Die Lauschwerk GmbH hat entschieden: 200 Stellen fallen dem Rotstift zum Opfer, teilte das Unternehmen mit."
    assert _facts("Lauschwerk: 200 Stellen fallen dem Rotstift zum Opfer", text) == ("layoff_report", ("Lauschwerk",), 200)
    # (guard: a theatre falling to the red pen is no job cut)
    assert _facts("Theater fällt dem Rotstift zum Opfer", "Das Stadttheater fällt dem Rotstift zum Opfer.")[0] == (
        "not_layoff")


def test_a_closure_that_keeps_its_staff_is_no_layoff() -> None:
    """rules-56: a site closed to move its work, every job kept, is no layoff (no round, no alert): the lead denies
    losses or says all staff keep a job (from probe 32's opened half, a Spanish closure whose 800 staff are moved)."""
    for kept in ("No jobs will be lost, the company said.", "All 400 staff will be offered jobs at the new site."):
        text = f"Amazon will close its warehouse in Leeds in March and move its operations to Wakefield. {kept}"
        assert _facts("Amazon to close Leeds warehouse", text)[0] != "layoff_report"
    text = ("Amazon abrirá un nuevo centro en Zaragoza. La operación supondrá el cierre del centro de Martorelles.\n\nLos "
            "alrededor de 800 empleados de Martorelles serán reubicados en otros centros, según la empresa.")
    assert _facts("Amazon cierra el centro logístico de Martorelles", text)[0] != "layoff_report"
    # (guards: a count lost, or staff told nothing, keeps the report)
    text = "Amazon will close its warehouse in Leeds in March, with the loss of 300 jobs. Other sites are not affected."
    assert _facts("Amazon to close Leeds warehouse", text) == ("layoff_report", ("Amazon",), 300)
    text = "Amazon will close its warehouse in Leeds in March and move its operations to Wakefield.\n\nStaff will be consulted."
    assert _facts("Amazon to close Leeds warehouse", text)[0] == "layoff_report"


def test_a_reviews_regressions_of_rules_56() -> None:
    """rules-57: a helper's review of rules-54 to -56 with 251 articles of its own found 14 regressions (15 worse,
    24 better); each is kept here. Québec headlines drop the auxiliary for new layoffs; a temporary layoff, "pour
    cause de restructuration" or "sans préavis" is a layoff; "a <Firm> contractor" still names the firm; staff kept
    "only in part" are not all kept."""
    cases = [
        ("Chez Vireo Aluminium, 250 travailleurs mis à pied à Alma",
         "Vireo Aluminium met à pied 250 travailleurs à son aluminerie d'Alma, a confirmé l'entreprise.", 250),
        ("Alcane: 300 travailleurs seront mis à pied pour une durée indéterminée",
         "L'aluminerie Alcane a annoncé que 300 travailleurs seront mis à pied pour une durée indéterminée.", 300),
        ("Pacbec: 400 travailleurs seront mis à pied pendant trois semaines",
         "Le fabricant Pacbec a annoncé que 400 travailleurs seront mis à pied pendant trois semaines.", 400),
        ("Des employés de Magasins Ferland mis à pied sans préavis",
         "Quelque 200 employés de Magasins Ferland ont été mis à pied sans préavis mardi à Montréal.", 200),
    ]
    for title, text, count in cases:
        label, _, headcount = _facts(title, text)
        assert (label, headcount) == ("layoff_report", count), title
    text = "Thornbury Coaches will cut 200 jobs in Scotland. Staff at a Thornbury contractor in Perth were also warned."
    assert _facts("Thornbury Coaches to cut 200 jobs in Scotland", text)[1:] == (("Thornbury Coaches",), 200)
    text = ("Pastificio Sole chiuderà lo stabilimento di Foggia entro giugno.\n\nI dipendenti saranno ricollocati solo in "
            "parte: 80 lavoratori rischiano il posto, denunciano i sindacati.")
    assert _facts("Pastificio Sole chiude lo stabilimento di Foggia", text)[0] == "layoff_report"
