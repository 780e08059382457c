"""A modal in a relative clause right after the layoff noun describes the cuts ("les licenciements qui devraient être
les plus importants de son histoire"): it does not make the confirmed cuts a forecast. Every sentence here is written
for the test."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import CompanyTable, classify

PUB = datetime(2025, 3, 4, 8, 0)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Pinefield confirme les licenciements qui devraient être les plus importants de son histoire",
         "Pinefield licencie des employés dans ses unités d'appareils, a informé l'entreprise mercredi."),
        ("Pinefield confirms layoffs that could be the largest in its history",
         "Pinefield told staff on Wednesday it was laying off employees in its devices unit."),
        ("Pinefield conferma i licenziamenti che potrebbero essere i più grandi della sua storia",
         "Pinefield licenzia dipendenti nella divisione dispositivi, ha comunicato l'azienda mercoledì."),
        ("Pinefield confirma los despidos que podrían ser los mayores de su historia",
         "Pinefield despide a empleados de su división de dispositivos, informó la empresa el miércoles."),
    ],
)
def test_a_modal_describing_confirmed_cuts_leaves_them_confirmed(title: str, text: str, table: CompanyTable) -> None:
    assert classify("m", title, text, PUB, companies=table).label == "layoff_report"


def test_the_relative_clauses_count_is_the_cut(table: CompanyTable) -> None:
    got = classify("m", "Pinefield confirme des suppressions de postes qui pourraient toucher 300 salariés",
                   "Pinefield a confirmé mardi un plan de suppressions de postes.", PUB, companies=table)
    assert (got.label, got.headcount) == ("layoff_report", 300)


@pytest.mark.parametrize(
    ("title", "text"),
    [("Pinefield warns of job cuts that could come next year",
      "Pinefield said demand was weak and it might need to cut costs."),
     ("Pinefield met en garde contre des suppressions de postes qui pourraient intervenir l'an prochain",
      "Pinefield a dit que la demande était faible et qu'il pourrait devoir réduire ses coûts.")],
)
def test_a_warning_before_the_cuts_still_governs_them(title: str, text: str, table: CompanyTable) -> None:
    assert classify("m", title, text, PUB, companies=table).label == "layoff_mention"
