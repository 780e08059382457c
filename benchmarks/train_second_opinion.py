"""Train the classifier's second opinion (ingest/understanding/second_opinion.py) and write its shipped file.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python benchmarks/train_second_opinion.py            # writes ingest/data/second_opinion.json.gz

Trains on the development split of tests/data/understanding/ only: text written for the project, labelled by
the team. The frozen test split is never read here. An item in a language the classifier does not read is
trained as not_layoff, as `understanding_eval.expected` scores it. The same data and library version give the
same file (sorted keys, rounded weights, no timestamp in the gzip header).

The file also holds the probabilities scikit-learn gives a few dev items, so that a test can show the plain
Python inference reproduces the trained model without the training library installed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from ingest.understanding.second_opinion import MODEL_PATH, char_grams, parse_model  # noqa: E402
from understanding_eval import expected, load  # noqa: E402

VERSION = "second-opinion-1"
LEAD_CHARS = 1200
GRAMS_PER_PART = 20000
REGULARISATION = 4.0  # scikit-learn's C: inverse strength; chosen on opened real probes, not on the test split
CHECK_ITEMS = 24
DIGITS = 7


def _round(x: float) -> float:
    return float(f"{x:.{DIGITS}g}")


def train(out: Path) -> None:
    """Fit the model on the dev split and write it to `out`."""
    from scipy.sparse import hstack  # noqa: PLC0415 - training-only libraries
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    items = load("dev")
    titles = [i.raw["title"] or "" for i in items]
    leads = [(i.raw["text"] or "")[:LEAD_CHARS] for i in items]
    labels = [expected(i.raw)["label"] for i in items]
    parts = {}
    matrices = []
    for name, texts in (("title", titles), ("lead", leads)):
        vec = TfidfVectorizer(analyzer=char_grams, min_df=2, sublinear_tf=True, max_features=GRAMS_PER_PART)
        matrices.append(vec.fit_transform(texts))
        parts[name] = vec
    model = LogisticRegression(C=REGULARISATION, max_iter=5000)
    model.fit(hstack(matrices).tocsr(), labels)
    offset = 0
    raw: dict = {"version": VERSION, "labels": list(model.classes_), "lead_chars": LEAD_CHARS,
                 "intercept": [_round(b) for b in model.intercept_]}
    for name, vec in parts.items():
        vocab = vec.vocabulary_
        raw[name] = {g: [_round(vec.idf_[j])] + [_round(model.coef_[k, offset + j]) for k in range(len(model.classes_))]
                     for g, j in sorted(vocab.items())}
        offset += len(vocab)
    step = max(1, len(items) // CHECK_ITEMS)
    picked = items[::step][:CHECK_ITEMS]
    probs = model.predict_proba(hstack([parts["title"].transform([i.raw["title"] or "" for i in picked]),
                                        parts["lead"].transform([(i.raw["text"] or "")[:LEAD_CHARS] for i in picked])]))
    raw["check"] = {i.id: [round(float(p), 6) for p in row] for i, row in zip(picked, probs, strict=True)}
    data = json.dumps(raw, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
    parse_model(raw)  # the written form loads
    print(f"{VERSION}: {len(items)} dev items, {sum(len(v.vocabulary_) for v in parts.values())} grams -> {out}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    train(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
