"""A headline names its employer even when the body never repeats the name: a sentence-case headline is not read as
title case because a name fills most of it, a compound past ("a licencié", "ha tagliato") still acts, and a job-loss
clause without a subject belongs to the headline's one employer; a day of the coming weeks written without its year is
ahead, not last year's; in the lead, a possessive or "has announced" does not hide a name, nor "worldwide" a count.
Every sentence here is written for the test."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import CompanyTable, classify
from ingest.understanding.title_case import is_title_case

PUB = datetime(2025, 3, 4, 8, 0)


@pytest.mark.parametrize(
    ("title", "text", "employer", "count"),
    [
        # A two-word name fills most of a sentence-case headline; the body says only "the bank".
        ("Fellside Bank to cut 400 jobs", "Bosses at the bank said that around 12% of roles would go.",
         "Fellside Bank", 400),
        ("Co-operative Mutual to cut 250 jobs", "The lender said 250 roles would go by the end of the year.",
         "Co-operative Mutual", 250),
        ("120 jobs to go at Harlow Foods", "The company confirmed the cuts to staff on Tuesday.", "Harlow Foods", 120),
        ("Harlow Foods: 120 jobs to go", "The company confirmed the cuts to staff on Tuesday.", "Harlow Foods", 120),
        # The subject's verb written with an auxiliary, in four languages.
        ("Roset-Vallier a licencié 93 salariés", "Ces licenciements touchent la production et les services.",
         "Roset-Vallier", 93),
        ("Trasmeri ha licenziato 120 dipendenti", "I sindacati hanno proclamato uno sciopero.", "Trasmeri", 120),
        ("Konvera ha presentado un ERE para 300 trabajadores", "Los sindacatos han convocado una huelga.",
         "Konvera", 300),
        ("Quillbrook has cut 75 jobs", "The company blamed a fall in orders.", "Quillbrook", 75),
        # "as 120 roles go" has no subject: the headline's employer is its.
        ("Job cuts at Harlow Foods as 120 roles go", "Harlow Foods confirmed the cuts on Tuesday.",
         "Harlow Foods", 120),
        # German capitalises nouns, so its headlines look title case: a name before a verb of cutting acts alone.
        ("Zentrix streicht 800 Jobs", "Das Unternehmen streicht 800 Jobs in der Verwaltung.", "Zentrix", 800),
        ("Zentrix schickt 300 Beschäftigte in Kurzarbeit", "Das Unternehmen meldet Kurzarbeit für 300 Beschäftigte an.",
         "Zentrix", 300),
        # one verb among three words is a sentence-case headline
        ("Harlow Foods furloughs 300", "The company furloughed 300 workers for six weeks.", "Harlow Foods", 300),
        # A partnership's "& Co" is part of its name.
        ("Brindle & Co sheds 85 staff as orders dry up",
         "The engineering firm said 85 roles would go at its Walsall works.", "Brindle & Co", 85),
    ],
)
def test_a_headline_names_its_employer_without_the_body(
    title: str, text: str, employer: str, count: int, table: CompanyTable,
) -> None:
    got = classify("h", title, text, PUB, companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", (employer,), count)


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("Amazon Web Services Cuts Hundreds of Jobs in Sales and Training", "en", True),
        ("Layoffs at Amazon and Twitch Hit Seattle", "en", True),
        ("Amazon : Fermeture d’Entrepôts et Suppression de 2.000 Emplois au Québec", "fr", True),
        ("Fellside Bank to cut 400 jobs", "en", False),
        ("120 jobs to go at Harlow Foods", "en", False),
        ("Council confirms budget cuts will cost 80 posts", "en", False),
        # one lower-case word in a name-heavy line is a slip, not a style
        ("Layoffs at Amazon and Twitch hit Seattle", "en", True),
        # German capitalises its nouns and writes verbs in lower case: the share of capitals decides alone
        ("Kommentar: Amazons Kahlschlag ist kein KI-Problem", "de", True),
        ("Harlow Foods furloughs 300", "en", False),
        ("Der Konzern will bis Ende des Jahres sparen", "de", False),
    ],
)
def test_title_case_is_told_from_a_name_heavy_sentence(line: str, code: str, expected: bool) -> None:
    assert is_title_case(line, code) is expected


def test_a_title_case_headline_still_asks_the_body_for_its_names(table: CompanyTable) -> None:
    """"Shoppers Flock To Stores" capitalises words for style: none of them names an employer the body never
    writes."""
    got = classify("h", "Shoppers Flock To Stores As Retail Jobs Go",
                   "Employment in shops fell by 12,000 in the quarter, official figures showed.", PUB, companies=table)
    assert got.companies == ()


@pytest.mark.parametrize(
    ("title", "published", "label"),
    [
        # a day of the coming weeks, written without its year, is this year's
        ("Marlow Stores to close all its shops and terminate 800 staff on June 1", datetime(2025, 5, 28, 9, 0),
         "layoff_report"),
        ("Marlow Stores to cut 800 jobs on July 15", datetime(2025, 5, 28, 9, 0), "layoff_report"),
        # a day more than two months ahead is last year's: a cut told as past
        ("Marlow Stores cut 800 jobs on December 15", datetime(2025, 5, 28, 9, 0), "layoff_mention"),
    ],
)
def test_a_day_without_its_year_in_the_coming_weeks_is_ahead(
    title: str, published: datetime, label: str, table: CompanyTable,
) -> None:
    got = classify("h", title, "The retailer said the staff would be told this week.", published, companies=table)
    assert got.label == label


@pytest.mark.parametrize(
    ("title", "text", "employer", "count"),
    [
        # a name written once more only as a possessive is still a name; "has announced" is a statement
        ("Pinefield's big cut", "Pinefield has announced it is cutting nine per cent of its workforce. The cuts, which "
         "affect about 4,800 jobs, were announced in a letter.", "Pinefield", 4800),
        # an organisation word before 's makes it a possessive, not part of the name
        ("Council to cut 262 posts", "Ashby Borough Council’s leader said the council would cut 262 posts.",
         "Ashby Borough Council", 262),
        # "the dismissal of N employees worldwide" counts the cut, not the workforce
        ("Pinefield confirms job cuts", "Pinefield has confirmed the dismissal of over 500 employees worldwide.",
         "Pinefield", 500),
    ],
)
def test_a_name_and_its_count_read_in_the_lead(
    title: str, text: str, employer: str, count: int, table: CompanyTable,
) -> None:
    got = classify("h", title, text, PUB, companies=table)
    assert (got.label, got.companies, got.headcount) == ("layoff_report", (employer,), count)


def test_a_name_ending_in_s_keeps_it(table: CompanyTable) -> None:
    """"Claire's" is the name: an 's is a possessive only when the bare name is written too or an organisation word
    comes before it."""
    got = classify("h", "Harriet's to close 40 shops", "Harriet's said on Tuesday it would close 40 shops, with "
                   "300 jobs lost.", PUB, companies=table)
    assert got.companies == ("Harriet's",)


def test_a_german_commentary_names_no_possessive_phrase(table: CompanyTable) -> None:
    """"Amazons Kahlschlag ist ...": a possessive before "ist" is no name acting; the body's Amazon is the one."""
    got = classify("h", "Kommentar: Amazons Kahlschlag ist kein KI-Problem",
                   "Wenn Amazon 14.000 Stellen streicht und dabei von KI spricht, lohnt es sich, genauer hinzusehen.",
                   PUB, companies=table)
    assert "Amazons Kahlschlag" not in got.companies
