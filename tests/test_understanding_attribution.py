"""Leaked or confirmed (who the claim comes from) and this action's count, in the five languages.

Every sentence here was written for these tests (invented employers, outlets' wording and figures): each rule has a
case it must read and a case it must leave alone.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import classify
from ingest.understanding.headcount import find_amounts
from ingest.understanding.lexicon import lexicon

PUB = datetime(2025, 6, 11, 9, 0)  # a Wednesday


def read(title: str, text: str) -> Classification:
    """Return the classification of one invented article published on PUB."""
    return classify("t", title, text, PUB)


def counts(sentence: str, code: str) -> list[int | None]:
    """Return the values of the job counts found in a sentence."""
    return [a.value for a in find_amounts(sentence, lexicon(code))]


# --- a newspaper, an agency or sources as the origin of the claim: a leak -----------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Chemiehändler Kolbeck streicht 1.200 Stellen",
         "Der Chemiehändler Kolbeck will 1.200 Stellen streichen, schreibt die Wirtschaftszeitung. Der Abbau soll "
         "vor allem die Verwaltung treffen."),
        ("Kolbeck baut 1.200 Stellen ab",
         "Der Chemiehändler Kolbeck baut 1.200 Stellen ab. Das berichtet das Blatt mit Verweis auf mit der "
         "Angelegenheit vertraute Personen."),
        ("Verlac va supprimer 800 postes",
         "Le fabricant de peintures Verlac va supprimer 800 postes en Europe, indique le quotidien économique, "
         "ajoutant que les usines du Nord seront les plus touchées."),
        ("Verlac va supprimer 800 postes",
         "Le fabricant de peintures Verlac va supprimer 800 postes en Europe, d'après des sources proches du dossier."),
        ("Textiles Marbella despedirá a 600 trabajadores",
         "Textiles Marbella despedirá a 600 trabajadores en sus fábricas de Alicante, informa el diario regional, "
         "que cita a personas familiarizadas con el plan."),
        ("Ceramiche Valtorta taglierà 450 posti",
         "Ceramiche Valtorta taglierà 450 posti di lavoro nello stabilimento di Sassuolo, scrive il quotidiano "
         "locale."),
        ("Halvorsen Freight could cut 2,000 jobs",
         "Halvorsen Freight could cut about 2,000 jobs as soon as next week, people familiar with the plans said."),
    ],
)
def test_a_cited_report_is_a_leak(title: str, text: str) -> None:
    c = read(title, text)
    assert c.label == "layoff_report"
    assert c.is_leak


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Kolbeck streicht 1.200 Stellen",
         "Der Chemiehändler Kolbeck streicht 1.200 Stellen. Das teilte das Unternehmen am Dienstag mit."),
        ("Verlac va supprimer 800 postes",
         "Le fabricant de peintures Verlac va supprimer 800 postes en Europe, a annoncé la direction mardi."),
        ("Ceramiche Valtorta taglierà 450 posti",
         "Ceramiche Valtorta taglierà 450 posti di lavoro a Sassuolo, ha comunicato l'azienda in una nota."),
        ("Halvorsen Freight to cut 2,000 jobs",
         "Halvorsen Freight said on Tuesday it will cut about 2,000 jobs, according to the company's statement."),
    ],
)
def test_the_employer_saying_it_is_confirmed(title: str, text: str) -> None:
    c = read(title, text)
    assert c.label == "layoff_report"
    assert not c.is_leak


# --- a report citing the employer's own memo: the chain of sources ends at the employer ---------------------------


def test_a_report_citing_an_internal_memo_is_confirmed() -> None:
    c = read(
        "Lindqvist Games supprime 120 postes",
        "Le studio Lindqvist Games supprime 120 postes dans ses équipes de Lyon, selon une note interne de sa "
        "directrice générale consultée par plusieurs médias.",
    )
    assert c.label == "layoff_report"
    assert not c.is_leak


def test_a_report_citing_internal_documents_stays_a_leak() -> None:
    c = read(
        "Lindqvist Games supprime 120 postes",
        "Le studio Lindqvist Games supprime 120 postes dans ses équipes de Lyon, selon des documents internes "
        "consultés par le quotidien régional.",
    )
    assert c.is_leak


# --- confirmation comes from this employer, not from another one or from a denial --------------------------------


def test_another_employers_announcement_confirms_nothing() -> None:
    c = read(
        "Orbion plans to lay off 3,000 workers, report says",
        "Orbion plans to lay off about 3,000 workers, the Harbor City Times reported on Monday, citing sources. "
        "Orbion did not respond to a request for comment. Last week Celdra, the parent company of two rival "
        "apps, announced it would lay off 1,500 employees. Orbion would be the latest in a string of tech "
        "companies announcing cuts.",
    )
    assert c.label == "layoff_report"
    assert c.is_leak


def test_a_confirmation_not_given_confirms_nothing() -> None:
    c = read(
        "Orbion to lay off thousands, people familiar say",
        "Orbion is preparing to lay off thousands of workers, people familiar with the matter said. The company "
        "has not yet informed affected staff, nor has it confirmed the plans.",
    )
    assert c.is_leak


def test_a_leak_the_employer_confirms_later_in_the_article_is_confirmed() -> None:
    c = read(
        "Orbion to lay off 3,000, people familiar say",
        "Orbion is preparing to lay off about 3,000 workers, people familiar with the matter said. An Orbion "
        "spokesperson later confirmed the cuts in a statement.",
    )
    assert not c.is_leak


# --- German time: "bereits in der nächsten Woche" is soon, "angekündigt hatte" is earlier -------------------------


def test_german_leak_starting_as_early_as_next_week_is_current() -> None:
    c = read(
        "Kolbeck plant neue Entlassungsrunde",
        "Medien berichteten unter Berufung auf mit der Sache vertraute Personen, dass Kolbeck bereits in der "
        "nächsten Woche 700 Stellen streichen wolle. Kolbeck hat sich dazu bisher nicht geäußert. Die Entlassungen "
        "erfolgen wenige Monate, nachdem Kolbeck den Abbau von 300 Stellen angekündigt hatte.",
    )
    assert c.label == "layoff_report"
    assert c.is_leak  # the earlier announcement confirms an earlier round, not this one


# --- a conditional carrying a cited report is the leak itself -----------------------------------------------------


def test_a_conditional_headline_carried_by_a_cited_report_is_a_leak() -> None:
    c = read(
        "Verlac pourrait supprimer 800 postes",
        "Le fabricant de peintures Verlac pourrait supprimer 800 postes en Europe, selon le quotidien économique. "
        "Les usines du Nord seraient les plus touchées.",
    )
    assert c.label == "layoff_report"
    assert c.is_leak
    assert c.headcount == 800


def test_a_conditional_without_a_source_stays_speculation() -> None:
    c = read(
        "Verlac pourrait supprimer des postes",
        "Le fabricant de peintures Verlac pourrait supprimer des postes si la demande ne repart pas, estiment des "
        "analystes.",
    )
    assert c.label != "layoff_report"


# --- counts ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "code", "value"),
    [
        ("Kolbeck streicht mehr als 12 500 Stellen.", "de", 12_500),
        ("Kolbeck streicht zwölftausend Stellen.", "de", 12_000),
        ("Verlac va supprimer dix-sept mille postes.", "fr", 17_000),
        ("Verlac va supprimer vingt-cinq postes.", "fr", 25),
        ("Textiles Marbella despedirá a dieciséis mil empleados.", "es", 16_000),
        ("Textiles Marbella recortará 16 500 empleos.", "es", 16_500),
        ("Ceramiche Valtorta taglierà quindicimila posti.", "it", 15_000),
    ],
)
def test_numbers_in_words_and_spaced_thousands(sentence: str, code: str, value: int) -> None:
    assert value in counts(sentence, code)


def test_a_range_of_figures_stays_a_range() -> None:
    amounts = find_amounts("Verlac va supprimer entre 2 000 et 3 000 postes.", lexicon("fr"))
    assert [(a.min, a.max) for a in amounts] == [(2000, 3000)]


def test_a_capitalised_vague_count_is_a_count() -> None:
    amounts = find_amounts("Kolbeck plant eine Runde, von der Tausende Mitarbeiter betroffen sein würden.", lexicon("de"))
    assert [(a.min, a.max) for a in amounts] == [(2000, 9999)]
    assert counts("Results from One Medical staff show growth.", "en") == []


def test_staff_said_to_be_lost_after_has_are_counted() -> None:
    assert counts("The plant in Ashford is the site, which has nearly 140 jobs at risk.", "en") == [140]
    assert counts("The plant, which has 300 employees, will stay open.", "en") == []


def test_a_leaks_whole_plan_is_not_this_rounds_count() -> None:
    c = read(
        "Kolbeck plant neue Entlassungsrunde",
        "Medien berichteten unter Berufung auf Insider, dass Kolbeck in der nächsten Woche eine neue "
        "Entlassungsrunde starten wolle, von der Tausende Mitarbeiter betroffen sein würden. Dies sei Teil des "
        "Gesamtplans, die Belegschaft um etwa 30.000 Mitarbeiter zu reduzieren.",
    )
    assert c.label == "layoff_report"
    assert c.headcount is None
    assert c.headcount_min == 2000
