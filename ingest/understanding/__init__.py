"""Layoff understanding: read an article as layoff events and label it (report, mention, not_layoff).

Pure (no I/O beyond the shipped data files): `language` detects the language, `lexicon/` holds
each language's vocabulary as data, `sentences` and `clauses` split the text, `names` and
`employers` find who acts (`aliases` maps names to parents), `modality` and `dates` say whether
and when, `headcount` how many, `events` reads an article, `status` tells leaked from confirmed,
and `classify` decides the label and facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from ingest.models import Classification
from ingest.understanding.aliases import CompanyTable, load_company_table
from ingest.understanding.classify import CLASSIFIER_VERSION, classify
from ingest.understanding.lexicon import SUPPORTED, lexicon

__all__ = ["CLASSIFIER_VERSION", "Classifier", "CompanyTable", "RulesClassifier", "classify", "classify_many",
           "load_company_table", "warm_lexicons"]


def warm_lexicons() -> None:
    """Compile every supported language's patterns and load the second opinion now (a worker's first article then
    pays nothing extra)."""
    from ingest.understanding.dates import date_patterns  # noqa: PLC0415 - only for warming
    from ingest.understanding.headcount import number_patterns  # noqa: PLC0415
    from ingest.understanding.persons import person_patterns  # noqa: PLC0415
    from ingest.understanding.second_opinion import load_second_opinion  # noqa: PLC0415

    load_second_opinion()
    for code in SUPPORTED:
        lexicon(code)
        date_patterns(code)
        number_patterns(code)
        person_patterns(lexicon(code))


class Classifier(Protocol):
    """Anything that labels batches of (article_id, title, text, published_at)."""

    version: str

    def classify_many(
        self, items: Iterable[tuple[str, str, str, datetime]], companies: CompanyTable | None = None
    ) -> list[Classification]:
        """Return one Classification per item, in order."""
        ...


class RulesClassifier:
    """The shipped deterministic classifier."""

    version = CLASSIFIER_VERSION

    def classify_many(
        self, items: Iterable[tuple[str, str, str, datetime]], companies: CompanyTable | None = None
    ) -> list[Classification]:
        """Return one Classification per item, in order."""
        return classify_many(items, companies)


def classify_many(
    items: Iterable[tuple[str, str, str, datetime]], companies: CompanyTable | None = None
) -> list[Classification]:
    """Return one Classification per (article_id, title, text, published_at), loading the table once."""
    table = companies or load_company_table()
    return [classify(a, t, x, p, companies=table) for a, t, x, p in items]
