"""Technology said to shrink a workforce over years (AI tools, robots) is a forecast, not a layoff, whoever's
workforce it is. Every sentence here is written for the test."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import CompanyTable, classify

PUB = datetime(2025, 6, 18, 8, 0)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Amazon boss: AI tools will shrink our office workforce",
         "Amazon's chief executive told staff in a memo that AI tools will reduce the number of office roles over the "
         "next few years."),
        ("Pinefield réduira ses effectifs : l'IA remplacera des emplois de bureau",
         "Selon le patron de Pinefield, l'IA réduira les effectifs de bureau au cours des prochaines années."),
        ("Pinefield baut Stellen ab: KI wird viele Bürojobs ersetzen",
         "Laut dem Chef von Pinefield wird KI in den nächsten Jahren viele Bürojobs ersetzen."),
    ],
)
def test_technology_shrinking_a_workforce_is_a_forecast(title: str, text: str, table: CompanyTable) -> None:
    assert classify("t", title, text, PUB, companies=table).label == "layoff_mention"


def test_a_cut_blamed_on_automation_is_still_a_cut(table: CompanyTable) -> None:
    """The forecast is the technology's own act; an employer cutting now, with automation as its reason, reports."""
    got = classify("t", "Pinefield to cut 300 warehouse jobs as it automates sorting",
                   "Pinefield said on Tuesday it would cut 300 jobs at its Leeds warehouse after installing sorting "
                   "machines.", PUB, companies=table)
    assert (got.label, got.headcount) == ("layoff_report", 300)
