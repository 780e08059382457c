"""The day a report's action was announced: weekdays after "tomorrow", and the dates inside a leak."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ingest.understanding import classify, load_company_table
from ingest.understanding.dates import find_dates, resolve_announced_on
from ingest.understanding.lexicon import lexicon

MONDAY = date(2024, 3, 11)


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("en", "The notices go out tomorrow, Wednesday, the people said."),
        ("de", "Die Gespräche beginnen morgen, Mittwoch, in Hamburg."),
        ("fr", "Les salariés seront reçus demain, mercredi, au siège."),
        ("es", "La empresa lo comunicará mañana, miércoles, a la plantilla."),
        ("it", "I sindacati saranno convocati a partire da domani, mercoledì, a Torino."),
    ],
)
def test_a_weekday_after_tomorrow_is_to_come(code: str, sentence: str) -> None:
    (mention,) = find_dates(sentence, MONDAY, lexicon(code))
    assert mention.future
    assert resolve_announced_on([mention]) is None


def test_a_weekday_said_of_the_past_still_dates_the_action() -> None:
    (mention,) = find_dates("The bakery chain said on Wednesday it would shut 14 shops.", MONDAY, lexicon("en"))
    assert not mention.future
    assert mention.on == date(2024, 3, 6)


@pytest.mark.parametrize("text", ["la semaine dernière", "la semana pasada", "letzte Woche", "la settimana scorsa"])
def test_a_week_is_vaguer_than_a_day_in_every_language(text: str) -> None:
    code = {"la semaine dernière": "fr", "la semana pasada": "es", "letzte Woche": "de"}.get(text, "it")
    (week,) = find_dates(f"{text[0].upper()}{text[1:]}.", MONDAY, lexicon(code))
    (day,) = find_dates("It happened yesterday.", MONDAY, lexicon("en"))
    assert resolve_announced_on([week, day]) == date(2024, 3, 10)


def test_a_leak_is_dated_the_day_it_is_reported_not_by_the_plan_s_steps() -> None:
    text = (
        "Harbourline Logistics is preparing to cut about 1,200 office jobs, according to people familiar with the "
        "plans.\n\nManagers were told last week to prepare lists of affected staff, one of the people said. "
        "The company declined to comment."
    )
    got = classify("leak", "Harbourline Logistics plans to cut 1,200 jobs, sources say", text,
                   datetime(2024, 3, 11, 15, 0), companies=load_company_table())
    assert got.label == "layoff_report" and got.is_leak
    assert got.announced_on == MONDAY


def test_a_confirmed_cut_keeps_the_week_it_was_announced() -> None:
    text = (
        "Harbourline Logistics said last week it would cut about 1,200 office jobs, and staff began receiving "
        "notices on Monday.\n\nThe company confirmed the figure in a statement."
    )
    got = classify("said", "Harbourline Logistics begins 1,200 job cuts", text, datetime(2024, 3, 13, 9, 0),
                   companies=load_company_table())
    assert got.label == "layoff_report" and not got.is_leak
    assert got.announced_on is not None and got.announced_on < date(2024, 3, 13)


@pytest.mark.parametrize(
    ("code", "sentence", "future"),
    [
        # the date's own prefix is the limit's word: "by June" is to come, three months ahead or not
        ("en", "The company said it will cut 8,340 jobs by June.", True),
        ("de", "Bis Ende 2026 sollen 300 Stellen wegfallen.", True),
        ("en", "The cuts could begin as early as Tuesday, the people said.", True),
        # an explicit year already past is past, whatever word comes before it
        ("en", "The plan began at the tail end of 2022 and cut more than 27,000 jobs.", False),
        ("en", "The company had cut 300 jobs by 2023.", False),
    ],
)
def test_a_limit_written_with_its_date_is_to_come_unless_its_year_is_past(code: str, sentence: str, future: bool) -> None:
    (mention,) = find_dates(sentence, MONDAY, lexicon(code))
    assert mention.future is future
