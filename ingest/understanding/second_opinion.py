"""A second opinion on the label, learned from the project's own labelled articles.

The rules read an article clause by clause; this model reads how its headline and lead are worded as a whole:
character 3- to 5-grams of the headline and of the lead's first `lead_chars` characters, each weighted by
tf-idf and scaled to unit length, under a multinomial logistic regression over the three labels. It is trained
by `benchmarks/train_second_opinion.py` on the development split of `tests/data/understanding/` only (text
written for the project; the frozen test split is never used), and shipped as `ingest/data/second_opinion.json.gz`.

The rules keep the decision unless the model is sure of the opposite in one direction (`classify._doubted`): a
report that the model gives less than `DOUBT` is a mention (an essay or a feature built around a cut), unless its
cut has a size (a figure or a share) or its employer is named in the headline (a cut told in the lead of a story
about something else the employer did). The model never makes a report: promoting mentions overrode the rules'
reasons for ruling a report out (a recap, a denial, a round-up) and made false alerts. A text whose first
`lead_chars` characters hold fewer than `MIN_TEXT_CHARS` once runs of whitespace are collapsed gets no opinion.
Inference is a dictionary lookup per gram and a numpy product, so the product does not need the training library.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "second_opinion.json.gz"
GRAM_SIZES = (3, 4, 5)
# The threshold belongs to the classifier version (docs/classifier_versions.md), not to a deployment.
DOUBT = 0.2
# It learned from pages with a lead of several paragraphs (the shortest dev text is about 500 characters): a
# shorter text (a feed summary, a one-line brief) is outside what it knows, and the rules alone decide.
MIN_TEXT_CHARS = 400


def char_grams(text: str) -> list[str]:
    """Return the character 3- to 5-grams of each lower-cased word, padded with a space on each side
    (" amazon " gives " am", "ama", ..., "zon ", " amaz", ...). Training and inference both call this."""
    grams: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        size = len(padded)
        for n in GRAM_SIZES:
            grams.extend(padded[i : i + n] for i in range(size - n + 1))
    return grams


class Part:
    """One text field's vocabulary: each gram's row, its idf, and its weight for each label."""

    def __init__(self, rows: dict[str, list[float]]) -> None:
        self.index = {g: i for i, g in enumerate(rows)}
        values = np.array(list(rows.values()), dtype=np.float64).reshape(len(rows), -1)
        self.idf = values[:, 0]
        self.weights = values[:, 1:]
        # a word's grams in this vocabulary, kept for the words seen most (news repeats its words)
        self.known = lru_cache(maxsize=50_000)(self._known)

    def _known(self, word: str) -> tuple[int, ...]:
        return tuple(i for g in char_grams(word) if (i := self.index.get(g)) is not None)

    def scores(self, text: str) -> np.ndarray:
        """Return each label's contribution of `text`: its tf-idf vector (1 + log tf, unit length) times the
        weights."""
        counts = Counter(chain.from_iterable(map(self.known, text.lower().split())))
        if not counts:
            return np.zeros(self.weights.shape[1])
        rows = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[rows]
        return values @ self.weights[rows] / np.sqrt(values @ values)


@dataclass(frozen=True)
class SecondOpinion:
    """The trained model: its labels, intercepts, the headline and lead parts, and the lead's length."""

    version: str
    labels: tuple[str, ...]
    intercept: tuple[float, ...]
    title: Part
    lead: Part
    lead_chars: int

    def proba(self, title: str, text: str) -> dict[str, float] | None:
        """Return each label's probability for an article's headline and text (None when the text is too short
        for an opinion)."""
        lead = text[: self.lead_chars]
        if len(" ".join(lead.split())) < MIN_TEXT_CHARS:
            return None  # whitespace does not count
        logits = np.asarray(self.intercept) + self.title.scores(title[: self.lead_chars]) + self.lead.scores(lead)
        exps = np.exp(logits - logits.max())
        return {label: float(e) for label, e in zip(self.labels, exps / exps.sum(), strict=True)}


def _part(raw: dict[str, list[float]]) -> Part:
    return Part(raw)


def parse_model(raw: dict) -> SecondOpinion:
    """Return the model from its stored form: {"version", "labels", "intercept", "lead_chars",
    "title": {gram: [idf, weight per label...]}, "lead": {...}}."""
    return SecondOpinion(version=raw["version"], labels=tuple(raw["labels"]), intercept=tuple(raw["intercept"]),
                         title=_part(raw["title"]), lead=_part(raw["lead"]), lead_chars=int(raw["lead_chars"]))


@lru_cache(maxsize=1)
def load_second_opinion(path: Path = MODEL_PATH) -> SecondOpinion:
    """Return the shipped model (read once per process)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return parse_model(json.load(fh))
