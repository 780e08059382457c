"""Train the classifier's second opinion (ingest/understanding/second_opinion.py) and write its shipped file.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python benchmarks/train_second_opinion.py            # writes ingest/data/second_opinion.json.gz

Trains on the development split of tests/data/understanding/ only: text written for the project, labelled by
the team. The frozen test split is never read here. An item in a language the classifier does not read is
trained as not_layoff, as `understanding_eval.expected` scores it. The same data and library version give the
same file (sorted keys, rounded weights, no timestamp in the gzip header).

The file records the classifier version it was trained for and a digest of the dev split. New weights change
labels, so after the dev split changes the script refuses to overwrite a file trained for the current
CLASSIFIER_VERSION until that version is bumped (exit 2, one line saying so); without scikit-learn it says
so in one line and exits 2 too.

The file also holds the probabilities scikit-learn gives a few dev items, so that a test can show the plain
Python inference reproduces the trained model without the training library installed.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from ingest.understanding.classify import CLASSIFIER_VERSION  # noqa: E402
from ingest.understanding.second_opinion import MODEL_PATH, char_grams, parse_model  # noqa: E402
from understanding_eval import CORPUS, expected, load  # noqa: E402

VERSION = "second-opinion-1"
LEAD_CHARS = 1200
GRAMS_PER_PART = 20000
REGULARISATION = 4.0  # scikit-learn's C, chosen among 1, 4, 16 on opened real probes (never the test split)
CHECK_ITEMS = 24
DIGITS = 7


def _round(x: float) -> float:
    return float(f"{x:.{DIGITS}g}")


def dev_digest(corpus: Path = CORPUS) -> str:
    """Return a digest of the dev split's files (names and bytes): the data a shipped model was trained on."""
    h = hashlib.sha256()
    for path in sorted(corpus.glob("*.dev.jsonl")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def stale_version(out: Path, digest: str) -> str | None:
    """Return why retraining into `out` needs a new classifier version first: the file there was trained for the
    current version on other data, and new weights change labels that `reclassify` would not re-read."""
    if not out.exists():
        return None
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        old = json.load(fh)
    if old.get("classifier_version") == CLASSIFIER_VERSION and old.get("dev_digest") != digest:
        return (f"the dev split changed since the shipped second opinion was trained for {CLASSIFIER_VERSION}: bump "
                "CLASSIFIER_VERSION (ingest/understanding/classify.py, docs/classifier_versions.md) so that "
                "`layoffwatch reclassify` re-reads stored articles, then train again")
    return None


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
                 "intercept": [_round(b) for b in model.intercept_], "classifier_version": CLASSIFIER_VERSION,
                 "dev_digest": dev_digest()}
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
    if (why := stale_version(args.out, dev_digest())) is not None:
        print(f"train_second_opinion: {why}", file=sys.stderr)
        return 2
    if importlib.util.find_spec("sklearn") is None:
        print("train_second_opinion: scikit-learn is missing: install the `train` extra (pip install -e '.[train]')",
              file=sys.stderr)
        return 2
    train(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
