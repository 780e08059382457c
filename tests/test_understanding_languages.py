"""Reports, mentions and counts in German, French, Spanish and Italian (and English closures with job losses).

Every sentence here was written for these tests (invented employers and figures): each rule has a case it must
read and a case it must leave alone.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ingest.models import Classification
from ingest.understanding import classify
from ingest.understanding.dates import find_dates
from ingest.understanding.headcount import find_amounts
from ingest.understanding.lexicon import lexicon

PUB = datetime(2025, 6, 11, 9, 0)  # a Wednesday


def read(title: str, text: str) -> Classification:
    """Return the classification of one invented article published on PUB."""
    return classify("t", title, text, PUB)


def counts(sentence: str, code: str) -> list[int | None]:
    """Return the values of the job counts found in a sentence."""
    return [a.value for a in find_amounts(sentence, lexicon(code))]


# --- Italian: closures with their workers, exits, finished plans, statistics -------------------------------------


def test_italian_closure_leaving_workers_without_a_post_is_a_report() -> None:
    c = read(
        "Calzaturificio Orsolini chiude: 140 lavoratori senza posto",
        "Vigevano. Il Calzaturificio Orsolini ha comunicato ieri ai sindacati la chiusura dello stabilimento e "
        "l'avvio della procedura di licenziamento collettivo per i 140 dipendenti, con la cessazione dell'attività "
        "entro la fine di ottobre. I sindacati hanno chiesto un incontro in Regione.",
    )
    assert c.label == "layoff_report"
    assert c.companies == ("Calzaturificio Orsolini",)
    assert c.headcount == 140


def test_italian_nobody_left_without_a_post_is_no_report() -> None:
    c = read(
        "Calzaturificio Orsolini, nessun lavoratore resterà senza posto",
        "Vigevano. Il Calzaturificio Orsolini ha confermato che nessun dipendente perderà il lavoro dopo il "
        "trasferimento della produzione nel nuovo capannone, dove sono previsti investimenti per due milioni.",
    )
    assert c.label != "layoff_report"


def test_italian_decided_closure_with_workers_at_risk_is_a_report() -> None:
    c = read(
        "Vetreria Castaldi chiude il sito di Empoli: 86 lavoratori a rischio",
        "Firenze. La Vetreria Castaldi ha comunicato ai sindacati la decisione di chiudere il sito di Empoli entro "
        "dicembre. Coinvolti gli 86 dipendenti dello stabilimento, ai quali sarà proposto il trasferimento.",
    )
    assert c.label == "layoff_report"
    assert c.headcount == 86


def test_italian_jobs_at_risk_under_a_fear_are_no_report() -> None:
    c = read(
        "Moda, i terzisti temono il calo degli ordini di Ranieri: a rischio fino a 3mila posti",
        "Secondo un'analisi della Camera di commercio, senza nuovi ordini sarebbero a rischio fino a tremila posti "
        "nelle piccole aziende del distretto entro il 2027. Ranieri non ha commentato.",
    )
    assert c.label == "layoff_mention"


def test_italian_threat_put_by_automation_stays_a_possibility() -> None:
    c = read(
        "Logistica Ferraris, la Uiltrasporti: «I nuovi robot mettono a rischio posti di lavoro»",
        "Il sindacato teme che l'automazione del magazzino di Lodi possa ridurre il fabbisogno di personale nei "
        "prossimi anni. Logistica Ferraris ha escluso licenziamenti.",
    )
    assert c.label == "layoff_mention"


def test_italian_incentivised_exit_of_counted_staff_is_a_report() -> None:
    c = read(
        "Cartiere Velluti: approvato il piano industriale. Prevista l'uscita volontaria di 85 dipendenti",
        "Lucca, 10 giugno 2025 – Il consiglio di amministrazione di Cartiere Velluti ha approvato il nuovo piano "
        "industriale, che prevede l'accorpamento di due reparti e l'uscita volontaria e incentivata di circa 85 "
        "dipendenti nel corso del 2026.",
    )
    assert c.label == "layoff_report"
    assert c.headcount == 85


def test_italian_exit_of_a_product_is_no_layoff() -> None:
    c = read(
        "Cartiere Velluti, al via l'uscita della nuova linea di carta riciclata",
        "Lucca. Cartiere Velluti ha annunciato l'uscita della nuova linea di carta riciclata, prodotta nello "
        "stabilimento di Porcari, che arriverà nei negozi a settembre.",
    )
    assert c.label == "not_layoff"


def test_italian_finished_plan_in_a_results_story_is_a_mention() -> None:
    c = read(
        "Meccanica Bertolli, ricavi in crescita del 9%. 'Il piano esuberi è concluso'",
        "Meccanica Bertolli chiude il trimestre con ricavi in crescita del 9% e conferma la guidance per l'anno. "
        "L'amministratore delegato ha ricordato che il piano da 210 esuberi, avviato la primavera scorsa, si è "
        "concluso nei tempi previsti.",
    )
    assert c.label == "layoff_mention"


def test_italian_cuts_announced_last_month_are_the_past() -> None:
    c = read(
        "Elettrodomestici Sarni, la Regione: 'Il piano va cambiato'",
        "Nuovo incontro in Regione sulla vertenza Elettrodomestici Sarni. Sul tavolo restano i 640 esuberi annunciati "
        "il mese scorso dall'azienda. I sindacati confermano lo sciopero.",
    )
    assert c.label == "layoff_mention"


def test_italian_hours_of_cassa_integrazione_are_a_statistic() -> None:
    c = read(
        "Cassa integrazione, ore in calo nel terziario",
        "(AGI) - MILANO, 10 GIU - Calano a maggio le ore di cassa integrazione autorizzate nel commercio e nei "
        "servizi, secondo i dati diffusi oggi. In aumento invece le richieste di cassa integrazione nell'edilizia.",
    )
    assert c.label == "layoff_mention"


def test_italian_furlough_of_one_employer_is_still_read() -> None:
    c = read(
        "Acciaierie Pedrini, cassa integrazione per 300 lavoratori",
        "Acciaierie Pedrini ha annunciato oggi la cassa integrazione per 300 lavoratori dello stabilimento di "
        "Lovere, a causa del calo degli ordini.",
    )
    assert c.label == "layoff_report"


def test_italian_count_after_its_noun() -> None:
    assert counts("Firmato l'accordo: esuberi ridotti a 1.150, tutti volontari", "it") == [1150]
    assert counts("Gli esuberi scendono a 730 dai 910 annunciati", "it") == [730]
    assert counts("L'azienda ha 300 dipendenti e tagli a 40 negozi", "it") == []


def test_italian_end_of_a_month_ahead_is_the_future() -> None:
    (mention,) = find_dates("la chiusura entro la fine di settembre", date(2026, 6, 10), lexicon("it"))
    assert mention.future


# --- Spanish: contracts not renewed, finished plans, forecasts ------------------------------------------------------


def test_spanish_contracts_not_renewed_are_a_cut() -> None:
    c = read(
        "La Generalitat no renovará unos 2.300 contratos de interinos",
        "La Generalitat confirmó este martes que no renovará unos 2.300 contratos de interinos de la administración "
        "autonómica que vencen a final de mes, dentro del plan de ajuste presupuestario.",
    )
    assert c.label == "layoff_report"
    assert c.headcount == 2300


def test_spanish_a_sponsorship_not_renewed_is_no_layoff() -> None:
    c = read(
        "El Club Deportivo Orcasitas no renovará el contrato de patrocinio con su aseguradora",
        "El club confirmó que no renovará el contrato de patrocinio que le une con la aseguradora desde 2019 y "
        "buscará un nuevo socio para la próxima temporada.",
    )
    assert c.label == "not_layoff"


def test_spanish_results_after_completing_a_plan_are_a_mention() -> None:
    c = read(
        "Conservas Albaida dispara su beneficio tras completar su ERE",
        "Conservas Albaida ganó un 25% más en el primer semestre, después de culminar el expediente de regulación "
        "de empleo que supuso la salida de 180 trabajadores el año pasado.",
    )
    assert c.label == "layoff_mention"


def test_spanish_savings_of_a_plan_are_the_past() -> None:
    c = read(
        "Aerolíneas Brisa mejora márgenes y empieza a notar el ahorro del ERE",
        "Aerolíneas Brisa ha presentado sus cuentas trimestrales, en las que destaca la reducción de costes de "
        "personal gracias al ahorro del ERE pactado el año pasado con los sindicatos.",
    )
    assert c.label == "layoff_mention"


def test_spanish_forecast_of_millions_of_jobs_is_a_mention() -> None:
    c = read(
        "Un estudio de Quintana Research calcula que la automatización podría afectar a 40 millones de empleos",
        "La automatización podría afectar a 40 millones de empleos en Europa en la próxima década, según un informe "
        "de la consultora Quintana Research.",
    )
    assert c.label == "layoff_mention"


def test_spanish_a_policy_reaching_millions_of_workers_is_no_layoff() -> None:
    c = read(
        "El Gobierno aprueba la ampliación del permiso de paternidad",
        "La norma, que ahora deberá tramitarse en el Congreso, afectará a unos 9 millones de trabajadores del "
        "sector privado, según el Ministerio.",
    )
    assert c.label == "not_layoff"


def test_spanish_staff_count_after_a_cut_is_not_the_workforce() -> None:
    assert counts("Ferrovial Sur plantea un ERE para 1.420 empleados en España", "es") == [1420]
    assert counts("Ferrovial Sur tiene 1.420 empleados en España", "es") == []


def test_not_ruling_a_cut_out_is_a_possibility() -> None:
    spanish = read(
        "Transportes Olmedo busca nuevos clientes en Aragón",
        "La empresa de transportes Olmedo, con sede en Zaragoza, ha abierto una delegación en Huesca para ganar "
        "clientes. Su gerente reconoce que la demanda sigue floja y no descarta un ERTE a partir de enero para sus 70 "
        "trabajadores si no se recupera.",
    )
    italian = read(
        "La Fonderia Bassani punta sull'export",
        "La Fonderia Bassani di Brescia ha presentato ieri il nuovo forno elettrico. Il presidente ha ammesso che la "
        "domanda del settore auto resta debole e non esclude esuberi nel corso del prossimo anno se gli ordini non "
        "ripartiranno.",
    )
    french = read(
        "Le groupe Marvaux mise sur le recyclage",
        "Le groupe Marvaux, spécialiste lyonnais des emballages, a inauguré mardi une nouvelle ligne de recyclage. Son "
        "directeur financier a reconnu que les ventes reculent et n'exclut pas de nouvelles suppressions de postes "
        "l'an prochain si la tendance se confirme.",
    )
    assert [spanish.label, italian.label, french.label] == ["layoff_mention"] * 3


def test_ruling_a_cut_out_is_still_a_denial() -> None:
    c = read(
        "Transportes Olmedo descarta despidos",
        "La empresa de transportes Olmedo, con sede en Zaragoza, descarta cualquier despido este año pese a la caída "
        "de la demanda de sus clientes.",
    )
    assert c.label != "layoff_report"


# --- French: forecasts, predictions, follow-ups ------------------------------------------------------------------


def test_french_sector_forecast_of_lost_jobs_is_a_mention() -> None:
    c = read(
        "L'aéronautique française pourrait perdre 12 000 emplois d'ici 2032",
        "Selon une étude du cabinet Montfort Analyse, entre 8 000 et 12 000 emplois pourraient disparaître d'ici "
        "2032 chez les sous-traitants de la filière si les commandes ne reprennent pas.",
    )
    assert c.label == "layoff_mention"


def test_french_predicted_lower_headcount_is_a_mention() -> None:
    c = read(
        "La patronne de Sorelis prédit une baisse des effectifs avec l'automatisation",
        "Dans un entretien, la directrice générale de l'éditeur Sorelis estime que l'automatisation conduira à "
        "« une réduction progressive de nos effectifs dans les prochaines années ». Aucun plan n'est prévu.",
    )
    assert c.label == "layoff_mention"


def test_french_story_days_after_the_announcement_is_a_mention() -> None:
    c = read(
        "Bravia rassure la Bourse, trois jours après l'annonce de 2 400 suppressions de postes",
        "Le titre de Bravia a bondi de 6 % jeudi après la publication de ventes supérieures aux attentes, trois "
        "jours après l'annonce de 2 400 suppressions de postes dans ses fonctions support.",
    )
    assert c.label == "layoff_mention"


def test_french_cut_announced_today_is_still_a_report() -> None:
    c = read(
        "Bravia annonce 2 400 suppressions de postes",
        "Le groupe Bravia a annoncé mardi la suppression de 2 400 postes dans ses fonctions support, a indiqué la "
        "direction dans un communiqué.",
    )
    assert c.label == "layoff_report"
    assert c.headcount == 2400


# --- German: surveys and what jobs a change will cost -------------------------------------------------------------


def test_german_survey_of_firms_planning_cuts_is_no_report() -> None:
    c = read(
        "Handwerk plant mit weniger Personal",
        "Laut einer Umfrage der Handelskammer Südwest unter 800 Betrieben will jeder vierte Betrieb im kommenden Jahr "
        "Personal abbauen. Besonders betroffen sind Bau und Metall.",
    )
    assert c.label != "layoff_report"


def test_german_press_report_is_still_a_leak() -> None:
    c = read(
        "Brenner Maschinenbau will 600 Stellen streichen",
        "Laut einem Bericht der Regionalzeitung will der Maschinenbauer Brenner in den kommenden Monaten 600 Stellen "
        "streichen. Das Unternehmen wollte sich nicht äußern.",
    )
    assert c.label == "layoff_report"
    assert c.is_leak


def test_german_jobs_a_change_will_cost_are_a_mention() -> None:
    c = read(
        "Ostwerk-Chef: Automatisierung verändert die Verwaltung",
        "Ostwerk-Chef Lars Kranich erwartet, dass die Automatisierung in den kommenden Jahren Arbeitsplätze in der "
        "Buchhaltung kosten wird. Einen konkreten Stellenabbau kündigte er nicht an.",
    )
    assert c.label == "layoff_mention"


def test_german_costs_of_staff_are_no_cue() -> None:
    c = read(
        "Ostwerk investiert in neue Hallen",
        "Ostwerk rechnet mit höheren Kosten für Mitarbeiter und Energie und investiert 40 Millionen Euro in zwei neue "
        "Hallen in Cottbus.",
    )
    assert c.label == "not_layoff"


# --- English closures with their job losses; a smaller workforce ---------------------------------------------------


def test_closure_after_a_long_history_with_job_losses_is_a_report() -> None:
    c = read(
        "Marlow Pottery to close after 120 years with the loss of 95 jobs",
        "Marlow Pottery in Stoke-on-Trent is to close in the autumn after 120 years of production, with the loss "
        "of 95 jobs. Staff were told on Tuesday.",
    )
    assert c.label == "layoff_report"
    assert c.headcount == 95


def test_cuts_after_earlier_layoffs_keep_their_background() -> None:
    c = read(
        "Marlow Pottery shares recover after the layoffs",
        "Shares in Marlow Pottery rose 4% on Tuesday after the layoffs announced in March, as orders picked up.",
    )
    assert c.label != "layoff_report"


@pytest.mark.parametrize(
    ("sentence", "code", "expected"),
    [
        ("The trust will reduce its headcount from about 900 to around 600 by March.", "en", [300]),
        ("Staff numbers rose from 200 to 300 last year.", "en", []),
        ("Revenue fell from 640 to 320 million.", "en", []),
        ("Die Belegschaft soll von 1.500 auf 1.100 Mitarbeiter schrumpfen.", "de", [400]),
        ("Les effectifs passeront de 1 200 à 950 salariés.", "fr", [250]),
        ("La plantilla pasará de 3.000 a 2.500 empleados.", "es", [500]),
        ("Il personale passerà da 500 a 420 addetti.", "it", [80]),
    ],
)
def test_a_smaller_workforce_states_the_cut(sentence: str, code: str, expected: list[int]) -> None:
    assert counts(sentence, code) == expected


def test_headline_denying_a_closure_is_a_mention() -> None:
    c = read(
        "Laterizi Mondini smentisce: «Nessuna chiusura a Imola»",
        "L'azienda ha smentito le voci di una chiusura dello stabilimento. «Il sito non chiuderà e non sono previsti "
        "licenziamenti», ha dichiarato ieri il direttore generale ai sindacati.",
    )
    assert c.label == "layoff_mention"


def test_french_budget_cutting_public_posts_is_a_report() -> None:
    c = read(
        "Loi de finances : 1 800 postes d'agents supprimés dans les préfectures",
        "Le projet de loi de finances, présenté mercredi en Conseil des ministres, prévoit la suppression de 1 800 "
        "postes d'agents dans les préfectures en 2026. Le gouvernement invoque la numérisation des démarches.",
    )
    assert c.label == "layoff_report"
    assert c.headcount == 1800


def test_french_board_of_a_company_does_not_take_its_place() -> None:
    c = read(
        "Vaubrun supprime 300 postes",
        "Le Conseil d'administration du groupe Vaubrun a approuvé mardi la suppression de 300 postes dans ses usines "
        "de Lorraine, a annoncé la direction.",
    )
    assert c.companies == ("Vaubrun",)


def test_essay_on_artificial_intelligence_and_layoff_plans_is_a_mention() -> None:
    c = read(
        "Services clients : l'intelligence artificielle, nouvel alibi des plans sociaux",
        "Les annonces se multiplient : le groupe Talvane supprime 900 postes de centre d'appels, d'autres gèlent les "
        "embauches. Partout revient le même argument, celui de l'intelligence artificielle.",
    )
    assert c.label == "layoff_mention"


def test_employer_cutting_because_of_artificial_intelligence_is_a_report() -> None:
    c = read(
        "Talvane supprime 900 postes à cause de l'intelligence artificielle",
        "Le groupe Talvane a annoncé mardi la suppression de 900 postes dans ses centres d'appels, en expliquant que "
        "l'intelligence artificielle traite désormais la moitié des demandes.",
    )
    assert c.label == "layoff_report"
    assert c.headcount == 900


@pytest.mark.parametrize(
    ("sentence", "code", "expected"),
    [
        ("The administrators said 38 of the bakery's 96 employees had been made redundant.", "en", [38]),
        ("The charity said 12 of its 80 staff would lose their jobs.", "en", [12]),
        ("Of the site's 400 workers, 60 of the 150 technicians work nights, where jobs are at risk.", "en", []),
    ],
)
def test_part_of_the_staff_losing_their_jobs_counts_the_cut(sentence: str, code: str, expected: list[int]) -> None:
    assert counts(sentence, code) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Circa 70 dei 540 dipendenti perderanno il posto.", [70]),
        ("Circa 70 dei 540 dipendenti lavorano a Bergamo.", []),
        ("Il taglio dei 540 posti è confermato.", [540]),
    ],
)
def test_italian_part_of_the_staff(sentence: str, expected: list[int]) -> None:
    assert counts(sentence, "it") == expected
