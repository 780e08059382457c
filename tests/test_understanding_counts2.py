"""Which figure counts THIS action, part 2: figures in words joined by "and", a figure named as "the number", a
notice's field, a total the employer has only the bulk of, a plan's size stated late, a list's last member, a part of
the employer's own posts, the Italian "via in N", a rule's threshold, a headline's count after a colon, the media's
figure before a confirmation, and the parts of one cut added up. Every sentence here is written for the test."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import CompanyTable, classify
from ingest.understanding.count_restated import named_figure, restated_count
from ingest.understanding.headcount import find_amounts
from ingest.understanding.lexicon import lexicon
from ingest.understanding.sentences import Sentence

PUB = datetime(2025, 3, 4, 8, 0)


def _counts(sentence: str, code: str = "en") -> list[int | None]:
    return [a.value for a in find_amounts(sentence, lexicon(code)) if a.pct is None]


def _report(title: str, text: str, table: CompanyTable) -> Classification:
    got = classify("c2", title, text, PUB, companies=table)
    assert got.label == "layoff_report", got.evidence
    return got


# --- the role of a number in its sentence -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "sentence", "values"),
    [
        # British English joins the units to the hundreds with "and": one figure, not two
        ("en", "One hundred and forty drivers are to be made redundant by the haulier.", [140]),
        ("en", "The mill will shed two hundred and fifty-two jobs.", [252]),
        ("en", "The depot is to cut a hundred and ten posts.", [110]),
        # a part of the employer's own posts, after a cut verb, is the cut
        ("en", "The health board has proposed cutting more than 60 of its full-time posts.", [60]),
        # Italian counts the people who go as "in N"
        ("it", "Gruppo Verdi, maxi taglio: via in 2mila", [2000]),
        ("it", "Cartiera del Sud, chiude lo stabilimento: a casa in 300", [300]),
    ],
)
def test_a_figure_is_read_whole_in_its_role(code: str, sentence: str, values: list[int]) -> None:
    assert _counts(sentence, code) == values


@pytest.mark.parametrize(
    ("code", "sentence", "values"),
    [
        # a range in words stays a range
        ("en", "Between two hundred and three hundred jobs will go at the plant.", [None]),
        # without a cut verb, "N of its posts" is where posts are, not a cut; shops are not staff
        ("en", "About 60 of its posts are based in Leeds.", []),
        ("en", "The grocer will close 12 of its stores.", []),
        # a count closing a list with "other" is one item of the list, not the action's count
        ("en", "A reporter, a photographer and one other member of staff are to go.", []),
        ("en", "The bakery will cut 40 jobs, and 12 other roles will move to Hull.", [40]),
        # "in 3" before a place is no count of people
        ("it", "Tagli in 3 stabilimenti del gruppo", []),
        # the size of a kind of employer is a rule's threshold, not a cut
        ("en", "The WARN Act requires employers with 75 or more full-time employees to give notice of a layoff.", []),
        ("en", "The redundancy levy applies to companies with 250 staff or more that cut jobs.", []),
        ("de", "Die Meldepflicht gilt für Unternehmen mit mehr als 500 Beschäftigten bei Entlassungen.", []),
    ],
)
def test_a_figure_in_another_role_is_not_the_count(code: str, sentence: str, values: list[int | None]) -> None:
    assert _counts(sentence, code) == values


@pytest.mark.parametrize(
    ("code", "sentence", "value"),
    [
        ("en", "The firm gave no figure, but the number affected is put at around 1,200, people briefed said.", 1200),
        ("en", "Earlier reports said 9,000 staff could go, but the figure confirmed is now 6,500.", 6500),
        ("en", "Number Affected: 76", 76),
        # a form whose fields run together on one line
        ("en", "Company: Pellham Tools Inc. Type of event: Closure Number of affected workers: 58 Union: No", 58),
        ("en", "Sites affected: 3", None),
        ("de", "Die Zahl der betroffenen Stellen liegt bei rund 1.200.", 1200),
        ("es", "Total de plazas amortizadas: 18.", 18),
        ("fr", "Postes supprimés : 64", 64),
        # not the action's: the workforce, a running total, a field that is not the affected staff
        ("en", "The number of employees at Northwind is 9,000.", None),
        ("en", "The total number of layoffs this year stands at 120,000.", None),
        ("en", "Total Employees: 213", None),
    ],
)
def test_a_figure_named_as_the_number(code: str, sentence: str, value: int | None) -> None:
    amount = named_figure(sentence, lexicon(code))
    assert (amount.value if amount else None) == value


# --- the choice among a report's figures ------------------------------------------------------------------------


def test_the_number_named_later_counts_when_the_lead_has_none(table: CompanyTable) -> None:
    got = _report(
        "Northwind confirms corporate job cuts",
        "Northwind has confirmed it will cut jobs across its offices.\n\nThe company did not give a figure in its "
        "memo, but the number affected is put at around 1,200, people briefed on the plan said.",
        table,
    )
    assert got.headcount == 1200


def test_a_total_the_employer_has_the_bulk_of_is_not_its_count(table: CompanyTable) -> None:
    got = _report(
        "Over 200 jobs go in Leeds and Bradford",
        "MORE THAN 200 jobs are to be shed in Leeds and Bradford, with the bulk being lost at commercial printing "
        "company Harwood Print, based at Kirkstall.\n\nOne hundred and sixty people are to be made redundant by "
        "Harwood Print, where staff voted for voluntary redundancy.\n\nThe cuts come into effect at the end of the "
        "month.\n\nBradford-based dairy company Moorvale announced the loss of 45 jobs from its transport division.",
        table,
    )
    assert got.headcount == 160


def test_the_bulk_at_its_own_site_keeps_the_employers_count(table: CompanyTable) -> None:
    got = _report(
        "Harwood Press to cut 200 jobs",
        "Harwood Press will cut 200 jobs, with the bulk at its Leeds plant, the printer said on Monday.\n\n"
        "About 150 of the posts are in Leeds.",
        table,
    )
    assert got.headcount == 200


_FILLER = (
    "The trust runs two hospitals and a network of clinics.\n\nIts board met on Tuesday to discuss the annual plan.\n\n"
    "The plan sets out savings across corporate services.\n\nManagers will brief staff over the coming weeks.\n\n"
    "Unions said they would study the detail.\n\n"
)


def test_a_plans_size_stated_late_counts_when_nothing_asserts_one(table: CompanyTable) -> None:
    got = _report(
        "Eastmoor Health Trust plans job cuts to close deficit",
        _FILLER + "It has been estimated that around 90 redundancies could be made.",
        table,
    )
    assert got.headcount == 90


def test_an_asserted_count_beats_a_later_estimate(table: CompanyTable) -> None:
    got = _report(
        "Eastmoor Health Trust to cut 40 jobs",
        "Eastmoor Health Trust will cut 40 jobs, it said on Monday.\n\n" + _FILLER
        + "It has been estimated that around 90 redundancies could be made next year.",
        table,
    )
    assert got.headcount == 40


def test_the_medias_figure_counts_when_the_employer_gives_none(table: CompanyTable) -> None:
    got = _report(
        "Stellenabbau bei Nordwerk",
        "Nordwerk hat mit dem angekündigten Stellenabbau begonnen.\n\nBetroffen sind vor allem die Verwaltung und der "
        "Vertrieb.\n\nZuletzt hatten mehrere Medien berichtet, rund 3000 Stellen sollten gestrichen werden.",
        table,
    )
    assert got.headcount == 3000


def test_a_headlines_count_after_a_colon_is_its_cut(table: CompanyTable) -> None:
    got = _report(
        "Gruppo Verdi, maxi licenziamento: via in 2mila",
        "Gruppo Verdi ha annunciato un piano di licenziamenti nei suoi stabilimenti del nord.\n\nLe lettere arriveranno "
        "ai dipendenti dal mese prossimo, ha precisato l'azienda.",
        table,
    )
    assert got.headcount == 2000


def test_the_parts_of_one_cut_are_added_up(table: CompanyTable) -> None:
    got = _report(
        "Corvex to cut 1,200 jobs and 300 contractor roles",
        "Corvex will cut 1,200 jobs and 300 contractor roles, the miner said on Tuesday.",
        table,
    )
    assert got.headcount == 1500


def test_a_part_with_its_own_verb_is_not_added(table: CompanyTable) -> None:
    got = _report(
        "Corvex to cut 1,200 jobs",
        "Corvex will cut 1,200 jobs and hire 300 engineers for its new mine, the miner said on Tuesday.",
        table,
    )
    assert got.headcount == 1200


def test_a_reduction_of_posts_stated_in_the_lead_counts(table: CompanyTable) -> None:
    got = _report(
        "Northbay Museums Trust announces organisational changes",
        "The Northbay Museums Trust today confirmed a programme of organisational change following a cut in its "
        "grant.\n\nThe Trust will reduce its establishment by 38 posts over the next twelve months.\n\nA voluntary "
        "exit scheme opens to eligible staff on 3 March.\n\nThe Trust will seek to avoid compulsory redundancies "
        "wherever possible.",
        table,
    )
    assert got.headcount == 38


def test_a_reduction_is_read_only_where_no_event_weighed_it() -> None:
    lex = lexicon("en")
    sentences = [Sentence(1, "The board will reduce its establishment by 38 posts."),
                 Sentence(2, "The lender reduced its debt by 300 million.")]
    found = restated_count(sentences, set(), set(), lex)
    assert found is not None and found.value == 38
    # a sentence holding an event (a past round, another action) has had its figures weighed already
    assert restated_count(sentences, set(), {1}, lex) is None
    # a sentence that is another employer's only is never read
    assert restated_count(sentences, {1}, set(), lex) is None


def test_a_past_round_dating_a_comparison_is_not_the_count(table: CompanyTable) -> None:
    got = classify(
        "c5", "Northwind targets as many as 12,000 job cuts, sources say",
        "Northwind plans to cut as many as 12,000 corporate jobs from next week, three people familiar with the "
        "matter said.\n\nIt would be the largest cut at Northwind since late 2023, when the company began eliminating "
        "around 11,000 positions.",
        PUB, companies=table,
    )
    assert got.label == "layoff_report"
    assert got.headcount == 12000


def test_a_headlines_vague_count_yields_to_the_leads_figure(table: CompanyTable) -> None:
    got = _report(
        "Bad news for staff as Northwind decides to fire hundreds of workers",
        "As part of a wider reorganisation, Northwind is restructuring its audio business, which will result in about "
        "120 layoffs at its podcast unit.\n\nThe unit said in a statement that the affected staff were told on Monday.",
        table,
    )
    assert got.headcount == 120


def test_a_vague_lead_keeps_the_headlines_range(table: CompanyTable) -> None:
    got = _report(
        "Northwind is laying off hundreds of employees in its cloud division",
        "Northwind is laying off hundreds of employees in its cloud division, internal emails show.\n\nThese cuts "
        "follow Northwind's elimination of about 160 advertising roles last week.",
        table,
    )
    assert got.headcount is None
    assert (got.headcount_min, got.headcount_max) == (200, 999)


def test_a_running_total_of_the_rounds_told_one_by_one_is_not_the_count(table: CompanyTable) -> None:
    """"Overall, <firm> is axing 27,000" beside 18,000 cut last year and another 9,000 in January: the sum of
    its past rounds, told outside the main event's sentence, is a running total; this round's own size is not given
    (the count had been 27,000, which split a real Amazon round in two)."""
    got = _report(
        "Northstar starts round of layoffs in its cloud unit",
        "Northstar staff in its cloud unit whose jobs were being eliminated were notified on Wednesday, the unit's "
        "chief said in an email.\n\nOverall, Northstar is axing 27,000 mostly corporate positions. Having wrapped up "
        "a round of job cuts last year that totalled about 18,000 workers, Northstar announced another 9,000 "
        "layoffs in January.",
        table,
    )
    assert got.headcount is None


def test_the_parts_of_the_main_events_count_leave_it_the_count(table: CompanyTable) -> None:
    """93 workers made of 38 remote and 55 warehouse workers: the main event's own count, not a running total
    (guard: passes on rules-14 too)."""
    got = _report(
        "Northstar laying off 93 workers in Jersey City",
        "Northstar is laying off 93 workers at its Jersey City facilities, according to a public notice.\n\nThe "
        "lay-offs include 38 remote workers who will be let go on July 17 and 55 warehouse workers who were told "
        "last month.",
        table,
    )
    assert got.headcount == 93


def test_a_share_alone_leaves_the_count_to_the_plans_estimate(table: CompanyTable) -> None:
    """"More than 15% of its workforce" and later "expected to affect about 15,000 employees": with nothing but a
    share asserted, the plan's size under an expectation is the count (it had been none)."""
    got = _report(
        "Corvane to cut more than 15% of workforce, suspends dividend",
        "Corvane said on Thursday it would cut more than 15% of its workforce as it suspends its dividend.\n\n"
        "The reduction is expected to affect about 15,000 employees by the end of the year.",
        table,
    )
    assert (got.headcount, got.headcount_pct) == (15000, 15.0)
