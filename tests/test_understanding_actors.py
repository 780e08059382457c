"""Who acts, read as grammar: a news outlet cited as the source never cuts, people and their titles are no employers,
names cut short at "and" or a leading number are made whole, a German descriptor is no name, and page furniture is
no name.

Every sentence here was written for these tests; none comes from a corpus or a real article.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import classify, load_company_table
from ingest.understanding.lexicon import lexicon
from ingest.understanding.names import article_names, find_names

_PUBLISHED = datetime(2025, 5, 20, 9, 0)


def _classify(title: str, text: str) -> Classification:
    return classify("t", title, text, _PUBLISHED, companies=load_company_table())


def _names(sentence: str, body: str, code: str = "en") -> list[str]:
    lex = lexicon(code)
    return [n.text for n in find_names(sentence, lex, load_company_table(), article_names("", body, lex))]


@pytest.mark.parametrize(
    ("text", "employer"),
    [
        # a newspaper reporting another firm's plan, the reported clause naming that firm
        ("The Harbour Gazette reported on Tuesday, citing two people briefed on the plan, that Quillfield Logistics "
         "will cut 420 jobs at its depots.", "Quillfield Logistics"),
        # a wire after "according to"
        ("Quillfield Logistics will cut 420 jobs at its depots, according to the Northern Ledger Times.",
         "Quillfield Logistics"),
        # a research house as the subject of "said", the firm named in the reported clause
        ("Marlowe Research said Quillfield Logistics would cut 420 jobs this summer.", "Quillfield Logistics"),
    ],
)
def test_a_source_is_not_the_actor(text: str, employer: str) -> None:
    got = _classify("", text)
    assert got.label == "layoff_report"
    assert got.companies == (employer,)


@pytest.mark.parametrize(
    ("code", "text", "employer"),
    [
        ("de", "Die Quillfield Logistik GmbH streicht 420 Stellen, wie das Handelsblatt berichtet.",
         "Quillfield Logistik"),
        ("fr", "Selon Le Courrier du Matin, Quillfield Logistique va supprimer 420 postes dans ses dépôts.",
         "Quillfield Logistique"),
    ],
)
def test_a_source_in_other_languages(code: str, text: str, employer: str) -> None:
    got = _classify("", text)
    assert got.language == code
    assert employer in got.companies
    assert not any("Handelsblatt" in c or "Courrier" in c for c in got.companies)


def test_an_outlet_cutting_its_own_staff_is_the_employer() -> None:
    # must not fire: the paper is the subject of the cut, and a paper reporting on itself ("said it") acts
    got = _classify("The Harbour Gazette to cut 30 newsroom jobs",
                    "The Harbour Gazette said on Monday it will cut 30 newsroom jobs as print advertising falls.")
    assert got.label == "layoff_report"
    assert got.companies == ("Harbour Gazette",)


def test_a_firm_citing_itself_keeps_its_cut() -> None:
    # must not fire: "according to" the employer itself, no other name in the sentence
    got = _classify("", "About 260 roles will go at Pellworth Engineering, according to Pellworth Engineering.")
    assert got.companies == ("Pellworth Engineering",)


def test_a_dateline_outlet_is_no_employer() -> None:
    got = _classify("", "(Coastline Wire) – Quillfield Logistics plans to lay off about 900 employees next month.")
    assert got.companies == ("Quillfield Logistics",)


@pytest.mark.parametrize(
    ("sentence", "body", "expected"),
    [
        # a title and its holder: the person goes, the organisation before them stays
        ("Tarnside CEO Mira Okafor told staff the plant would close.",
         "Tarnside CEO Mira Okafor told staff the plant would close.", ["Tarnside"]),
        # a French title acronym and its holder name a person only
        ("Le PDG Henri Valcourt en a informé le personnel.", "Le PDG Henri Valcourt en a informé le personnel.", []),
        # a title run followed by its holder
        ("We were told by Council Leader, Dana Whitlow that posts would go.",
         "We were told by Council Leader, Dana Whitlow that posts would go.", []),
        # must not fire: a firm whose name ends on a title word, no holder after it
        ("Evening Star Bingo is closing 12 halls.", "Evening Star Bingo is closing 12 halls.", ["Evening Star Bingo"]),
    ],
)
def test_people_and_titles_are_no_organisations(sentence: str, body: str, expected: list[str]) -> None:
    code = "fr" if sentence.startswith("Le ") else "en"
    assert _names(sentence, body, code) == expected


def test_a_surname_speaking_stands_for_the_employer() -> None:
    got = _classify(
        "Pellworth Engineering cuts 300 jobs",
        "Pellworth Engineering is cutting 300 jobs at its Derby works.\n\nRuth Adebayo, chief operating officer "
        "at Pellworth Engineering, said the plan was painful.\n\nAdebayo said hiring would go on elsewhere, but the "
        "works would shed about 300 roles.",
    )
    assert got.companies == ("Pellworth Engineering",)


def test_a_union_official_in_apposition_is_a_person() -> None:
    text = ("The national officer for the Bakers Union (BU), Carl Dunmore, said the cuts were a betrayal. "
            "Dunmore said 200 jobs would go.")
    assert "Carl Dunmore" not in _names(text, text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Staff at Ashby and Coalville District Council were told of 80 redundancies.",
         ["Ashby and Coalville District Council"]),
        ("Ashby and Coalville District Council confirmed 80 redundancies.", ["Ashby and Coalville District Council"]),
    ],
)
def test_and_inside_a_public_body_name(sentence: str, expected: list[str]) -> None:
    assert _names(sentence, sentence) == expected


def test_two_firms_joined_by_and_stay_two() -> None:
    # must not fire: the alias table reads the first firm, the second is its own name
    sentence = "Amazon and Northgate Freight Services both cut jobs."
    assert _names(sentence, sentence) == ["Amazon", "Northgate Freight Services"]


def test_a_name_opening_on_a_number() -> None:
    body = "3 Rivers Dairy Group will close its creamery.\n\n3 Rivers Dairy Group said 150 jobs would go."
    assert _names("3 Rivers Dairy Group said 150 jobs would go.", body) == ["3 Rivers Dairy Group"]


def test_a_count_before_a_name_stays_a_count() -> None:
    # must not fire: the number is written once before the name, then the name alone
    body = "Some 40 Northgate Freight Services drivers were told. Northgate Freight Services confirmed the cuts."
    assert _names("Some 40 Northgate Freight Services drivers were told.", body) == ["Northgate Freight Services"]


def test_a_german_descriptor_is_no_name() -> None:
    got = _classify(
        "Tech-Konzern streicht 1200 Stellen",
        "Der Software-Hersteller Veltrix baut 1200 Stellen ab. Veltrix will damit Kosten sparen.",
    )
    assert got.companies == ("Veltrix",)


@pytest.mark.parametrize(
    "line", ["Hide Ad", "Advertisement", "Sign up", "Read more", "Image source, Getty Images", "By Tom Ashe, Daily Post"]
)
def test_page_furniture_is_no_name(line: str) -> None:
    assert _names(line, f"{line}\n{line}\nKelbrook Textiles is cutting 90 jobs.") == []


def test_a_described_lead_takes_the_organisation_named_later_not_a_place() -> None:
    got = _classify(
        "",
        "Hundreds of jobs are set to go as a snacks company plans to close a crisp factory.\n\n"
        "Harland Crisps UK said the proposed closure of its Wexcombe factory puts 310 jobs at risk.\n\n"
        "Forty new roles will be split between Ashcott, Brayford and Wexcombe.",
    )
    assert got.companies == ("Harland Crisps UK",)


@pytest.mark.parametrize(
    ("text", "employer"),
    [
        # must not fire: a firm whose name holds a word a newspaper might use, stating its own cut
        ("Royal Mail said the 1,200 roles would go by March.", "Royal Mail"),
        ("Evening Star Bingo said the halls would close with the loss of 300 jobs.", "Evening Star Bingo"),
    ],
)
def test_a_firm_stating_its_own_cut_is_no_source(text: str, employer: str) -> None:
    assert _classify("", text).companies == (employer,)
