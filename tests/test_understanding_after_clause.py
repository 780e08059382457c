""""After" opens a clause of its own in French, Italian and Spanish too: an earlier round it dates ("après les coupes
de mars 2023") does not date the new cut. A lifetime ("dopo 160 anni") is no earlier event. Every sentence here is
written for the test."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import CompanyTable, classify

PUB = datetime(2025, 3, 4, 8, 0)


@pytest.mark.parametrize(
    ("title", "text", "count"),
    [
        ("Pinefield supprime 300 postes après les coupes de mars 2023",
         "Pinefield a annoncé mardi 300 suppressions de postes.", 300),
        ("Pinefield taglia altri 300 posti dopo i tagli di marzo 2023",
         "L'azienda ha annunciato martedì 300 esuberi.", 300),
        ("Pinefield despide a 300 trabajadores tras los recortes de marzo de 2023",
         "La empresa ha comunicado 300 despidos.", 300),
        ("Pinefield despedirá a 300 empleados después de los recortes de enero de 2023",
         "La empresa ha comunicado 300 despidos.", 300),
        ("Pinefield chiude dopo 160 anni: 80 licenziamenti",
         "L'azienda chiude lo stabilimento, 80 dipendenti perdono il lavoro.", 80),
    ],
)
def test_an_earlier_round_after_after_does_not_date_the_cut(
    title: str, text: str, count: int, table: CompanyTable,
) -> None:
    got = classify("a", title, text, PUB, companies=table)
    assert (got.label, got.headcount) == ("layoff_report", count)
