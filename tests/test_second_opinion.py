"""The second opinion (ingest/understanding/second_opinion.py): its inference reproduces the trained model, it
speaks only on pages long enough to judge, and it overrules the rules only when sure. The articles here are
written for the test, with fictional employers."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from ingest.understanding import CompanyTable, classify
from ingest.understanding.classify import set_aside_report
from ingest.understanding.events import read_article
from ingest.understanding.lexicon import lexicon
from ingest.understanding.second_opinion import (
    DOUBT, MIN_TEXT_CHARS, MODEL_PATH, SURE, char_grams, load_second_opinion, parse_model,
)

ROOT = Path(__file__).resolve().parent.parent
PUB = datetime(2025, 3, 12, 9, 0)


def _dev_items() -> dict[str, dict]:
    items = {}
    for path in sorted((ROOT / "tests" / "data" / "understanding").glob("*.dev.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                items[raw["id"]] = raw
    return items


def _shipped() -> dict:
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def test_grams_are_padded_word_pieces() -> None:
    grams = char_grams("Job CUTS")
    assert grams[:3] == [" jo", "job", "ob "] and " job" in grams and " job " in grams
    assert not any(" " in g.strip() for g in grams)  # never across two words
    assert all(3 <= len(g) <= 5 for g in grams)


def test_inference_reproduces_the_trained_probabilities() -> None:
    """The file holds the probabilities scikit-learn gave some dev items when it was trained; plain inference
    gives the same ones (to the rounding of the stored weights)."""
    raw, items, model = _shipped(), _dev_items(), load_second_opinion()
    assert len(raw["check"]) >= 20
    for item_id, expected in raw["check"].items():
        got = model.proba(items[item_id]["title"], items[item_id]["text"])
        assert got is not None
        assert [got[label] for label in model.labels] == pytest.approx(expected, abs=1e-5), item_id


def test_a_short_text_gets_no_opinion() -> None:
    model = load_second_opinion()
    assert model.proba("Harlow Print to close works", "Harlow Print will cut 110 jobs.") is None
    long = model.proba("Harlow Print to close works", "Harlow Print will cut 110 jobs. " * (MIN_TEXT_CHARS // 20))
    assert long is not None and sum(long.values()) == pytest.approx(1.0)


def test_the_thresholds_leave_the_middle_to_the_rules() -> None:
    assert 0.5 < SURE < 1.0 and 0.0 < DOUBT < 0.5


ESSAY = (
    "When Brackley Fabrication told its workers that the plant would close, the news travelled down the high street "
    "before the afternoon shift had ended. Brackley Fabrication will cut 420 jobs as it shuts the site, the company "
    "said.\n\nThree months on, the car park is still full most mornings, though fewer of the cars belong to people "
    "with somewhere to be. The cafe opposite the gates has cut its hours. The working men's club has started a CV "
    "clinic on Thursday evenings, run by a retired personnel manager who says most of the men she sees have never "
    "written one.\n\nThis is a story told in many towns. What makes it worth telling again is how quickly the jobs "
    "that replace the old ones turn out to be part-time, short-term or an hour's drive away, and how little of the "
    "money promised for retraining has reached the people it was meant for.\n\nEconomists call it scarring. Locals "
    "call it the slow bit."
)


def test_an_essay_the_rules_read_as_a_report_is_a_mention(table: CompanyTable) -> None:
    """The lead's second sentence states a cut the rules take as the news; the piece as a whole is an essay about
    a town months later, and the second opinion doubts it is a report. Under rules-13 this was a report."""
    title = "Life after the line stops: a town learns to live without its mill"
    opinion = load_second_opinion().proba(title, ESSAY)
    assert opinion is not None and opinion["layoff_report"] < DOUBT
    c = classify("t", title, ESSAY, PUB, companies=table)
    assert c.label == "layoff_mention" and c.companies == ("Brackley Fabrication",)


def test_a_counted_cut_in_the_headline_is_never_doubted(table: CompanyTable) -> None:
    """The same essay under a headline stating the employer's counted cut stays a report whatever the opinion."""
    title = "Brackley Fabrication to cut 420 jobs"
    c = classify("t", title, ESSAY, PUB, companies=table)
    assert c.label == "layoff_report" and c.headcount == 420


QUESTION = (
    "Fernhill Games has laid off 45 members of its quality assurance team in Leamington Spa, the studio confirmed "
    "on Wednesday, after former staff posted about the cuts on social media.\n\nIn a statement, Fernhill said it had "
    "made \"the difficult decision to reduce the size of our QA department\" as it moves more testing to an outside "
    "partner. Affected staff will receive three months' pay and help finding new roles, it said.\n\nThe studio, best "
    "known for the Ridgeway racing series, employed about 300 people before the cuts. It was bought by a US "
    "publisher in 2022.\n\nSeveral of those let go said they had been told in a 15-minute video call with no "
    "warning. The union IWGB Game Workers said it was talking to members about next steps."
)


def test_a_question_headline_over_a_confirmed_cut_is_a_report(table: CompanyTable) -> None:
    """A question headline leaves the rules unsure it is news; the second opinion is sure, and the lead's one
    employer gives the facts. Under rules-13 this was a mention."""
    title = "Has Fernhill Games cut its QA team?"
    opinion = load_second_opinion().proba(title, QUESTION)
    assert opinion is not None and opinion["layoff_report"] > SURE
    c = classify("t", title, QUESTION, PUB, companies=table)
    assert c.label == "layoff_report" and c.companies == ("Fernhill Games",) and c.headcount == 45
    assert c.is_leak is False


def test_a_short_page_is_left_to_the_rules(table: CompanyTable) -> None:
    """The same question over the lead's first sentence alone is too short for an opinion: the rules decide."""
    c = classify("t", "Has Fernhill Games cut its QA team?", QUESTION.split("\n\n")[0], PUB, companies=table)
    assert c.label == "layoff_mention"


def test_several_employers_acting_are_never_set_aside_as_one_report(table: CompanyTable) -> None:
    """A lead where two employers cut is a round-up: no report event is offered to the second opinion."""
    one = ("Halvorsen Foods will lay off 210 workers at its Springfield bakery, the company said on Monday. The state "
           "said it had received a WARN notice.")
    two = one + " Dunmore Plastics said it would cut 95 jobs at its plant on the east side."
    for text, expected in ((one, "Halvorsen Foods"), (two, None)):
        article = read_article("Layoffs in Springfield", text, PUB.date(), lexicon("en"), table)
        found = set_aside_report(article)
        assert (found.actor.name if found and found.actor else None) == expected


@pytest.mark.slow
def test_the_shipped_model_is_the_one_the_dev_split_trains(tmp_path: Path) -> None:
    """Retraining on today's dev split gives the shipped file (an edited dev corpus needs a retrain). Slow: it
    fits the model (scikit-learn, from the `train` extra the test extra includes), running the script as a user
    does, in a process of its own (storage/ marks pandas absent in this one, which scikit-learn does not expect)."""
    pytest.importorskip("sklearn", reason="scikit-learn is the `train` extra")
    out = tmp_path / "model.json.gz"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "train_second_opinion.py"), "--out", str(out)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        fresh = json.load(fh)
    shipped = _shipped()
    assert fresh["version"] == shipped["version"] and fresh["labels"] == shipped["labels"]
    for part in ("title", "lead"):
        assert fresh[part].keys() == shipped[part].keys()
    assert fresh["check"].keys() == shipped["check"].keys()
    for item_id, probs in fresh["check"].items():
        assert probs == pytest.approx(shipped["check"][item_id], abs=1e-4)
    parse_model(fresh)
