"""A headline listing three employers or more is a round-up, wherever the list stands; calendar words and the layoff
noun itself never name an employer. Every sentence here is written for the test."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import CompanyTable, classify

PUB = datetime(2025, 3, 4, 8, 0)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Plant closures and layoffs from Ashgrove Mills, Kestrel Glass, Dalby Steel and more",
         "Ashgrove Mills said on Tuesday it would close its Bolton plant, cutting 200 jobs."),
        ("Il tessile taglia: esuberi da Veltro, Marzotti, Lanerossi e Trevisani",
         "Veltro ha annunciato 120 esuberi nello stabilimento di Biella."),
        ("Celano es sólo el primero: también Orvella, Brasca, Tordesa y Quintana despedirán este año",
         "Celano ha presentado un ERE para 450 trabajadores."),
        ("Zentrix, Orbis und Klarwerk: Diese Firmen bauen Stellen ab",
         "Zentrix streicht 800 Stellen in der Verwaltung."),
    ],
)
def test_a_headline_listing_employers_is_a_round_up(title: str, text: str, table: CompanyTable) -> None:
    assert classify("r", title, text, PUB, companies=table).label == "layoff_mention"


@pytest.mark.parametrize(
    ("title", "text", "employer"),
    [
        # one parent's units listed are one employer
        ("Amazon, Zoox and Twitch cut jobs", "Amazon said on Tuesday it was cutting 900 jobs across its units.",
         "Amazon"),
        # two other companies beside the one cutting are no list of three
        ("Kestrel Glass cuts 300 jobs as Ashgrove, Dalby orders fall", "Kestrel Glass said 300 roles would go.",
         "Kestrel Glass"),
    ],
)
def test_two_names_beside_the_employer_or_one_parents_units_are_no_round_up(
    title: str, text: str, employer: str, table: CompanyTable,
) -> None:
    got = classify("r", title, text, PUB, companies=table)
    assert (got.label, got.companies[:1]) == ("layoff_report", (employer,))


def test_a_dateline_is_no_employer(table: CompanyTable) -> None:
    got = classify("r", "Carton maker to close with 85 jobs lost",
                   "12 FEB 2025\n\nTayfield Cartons said its Dundee factory would close next month, with 85 jobs lost.",
                   PUB, companies=table)
    assert got.companies == ("Tayfield Cartons",)


def test_the_layoff_noun_capitalised_in_a_headline_is_no_employer(table: CompanyTable) -> None:
    """A title-case headline the page repeats is corroborated word by word: "Layoff" is still no name."""
    title = "The End of Pinefield's Start-up Dream, One Layoff at a Time"
    got = classify("r", title, f"{title}\n\n\"It never felt like a real company,\" a former Pinefield employee says. "
                   "Pinefield grew fast, then laid off hundreds.", PUB, companies=table)
    assert "Layoff" not in got.companies


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("11 retailers that went bust in 2024 – from Holloway Home to The Soap Shop",
         "Holloway Home has collapsed into administration, with the loss of 2,000 jobs. The Soap Shop is also closing "
         "its stores."),
        ("Stellenabbau in Deutschland: Diese Unternehmen reduzieren massiv Arbeitsplätze",
         "Kessler Automotive streicht 5.500 Stellen. Auch Nordstahl baut ab."),
    ],
)
def test_a_headline_naming_a_set_of_employers_by_what_they_did_is_a_list(title: str, text: str) -> None:
    """A set of employers picked by what they did ("11 retailers that went bust", "Diese Unternehmen reduzieren") is
    a list article: its first example is not the news (both had been reports of their first example)."""
    assert classify("l", title, text, datetime(2025, 1, 6, 9)).label == "layoff_mention"


def test_one_employers_cut_told_with_a_plural_is_still_a_report() -> None:
    """"The stores that will close" names one chain's sites, not a set of employers (guard: passes on rules-17)."""
    c = classify("l", "Poundmart: the stores that will close and the 300 jobs at risk",
                 "Poundmart will close 20 stores, putting 300 jobs at risk, the chain said on Monday.",
                 datetime(2025, 1, 6, 9))
    assert (c.label, c.companies) == ("layoff_report", ("Poundmart",))
