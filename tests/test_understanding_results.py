"""An earnings story is no report of the cuts its lead cites: a headline on a company's results, with no layoff cue,
closure or plan of its own, tells the cuts as context. Every sentence here is written for the test."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import CompanyTable, classify

PUB = datetime(2025, 10, 30, 21, 0)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Pinefield Q3 profit jumps 20%", "Pinefield said net income rose 20%. Last week the company cut 14,000 "
         "corporate jobs."),
        ("Pinefield shares rise after results", "Pinefield, which is cutting 14,000 jobs, reported revenue of $180bn."),
        ("Pinefield-Quartalszahlen: Gewinn steigt deutlich", "Pinefield hat im dritten Quartal mehr verdient. "
         "Vergangene Woche hatte der Konzern den Abbau von 14.000 Stellen angekündigt."),
        ("Pinefield : des résultats trimestriels solides", "Pinefield a publié jeudi des résultats supérieurs aux "
         "attentes, une semaine après avoir annoncé 14 000 suppressions de postes."),
        ("Pinefield, risultati trimestrali oltre le attese", "Pinefield ha pubblicato giovedì i conti del trimestre, "
         "una settimana dopo aver annunciato 14.000 licenziamenti."),
        ("Pinefield presenta resultados trimestrales récord", "Pinefield publicó el jueves sus cuentas, una semana "
         "después de anunciar 14.000 despidos."),
    ],
)
def test_an_earnings_story_is_no_report_of_the_cuts_it_cites(title: str, text: str, table: CompanyTable) -> None:
    assert classify("r", title, text, PUB, companies=table).label == "layoff_mention"


@pytest.mark.parametrize(
    ("title", "text", "count"),
    [
        # the results headline names the cut: a report
        ("Pinefield results: firm to axe 2,000 roles as profits slide",
         "Pinefield said on Thursday it would axe 2,000 roles after profit fell.", 2000),
        # a headline telling a new action beside results to come is no earnings story
        ("A new round hits Pinefield's marketplace unit. The next profit signal arrives with Q3 earnings.",
         "Pinefield cut 300 more roles in its marketplace unit this week, a spokesperson confirmed.", 300),
        # results to come are a time, not the story
        ("Pinefield plans new job cuts before earnings",
         "Pinefield is planning to cut about 3,000 jobs as early as next week, people familiar with the matter "
         "said.", 3000),
    ],
)
def test_a_cut_in_a_results_headline_or_before_results_is_still_a_report(
    title: str, text: str, count: int, table: CompanyTable,
) -> None:
    got = classify("r", title, text, PUB, companies=table)
    assert (got.label, got.headcount) == ("layoff_report", count)
