"""The second opinion (ingest/understanding/second_opinion.py): its inference reproduces the trained model, it
speaks only on pages long enough to judge, and it takes away only a report with no count that it is sure is none.
The articles here are written for the test (fictional employers, and one made-up story about the watched one)."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from benchmarks.train_second_opinion import dev_digest, stale_version
from benchmarks.train_second_opinion import main as train_main
from benchmarks.understanding_eval import load
from ingest.understanding import CLASSIFIER_VERSION, CompanyTable, classify
from ingest.understanding.second_opinion import (
    DOUBT, MIN_TEXT_CHARS, MODEL_PATH, char_grams, load_second_opinion, parse_model,
)

ROOT = Path(__file__).resolve().parent.parent
PUB = datetime(2025, 3, 12, 9, 0)


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
    raw, model = _shipped(), load_second_opinion()
    items = {i.id: i.raw for i in load("dev")}
    assert len(raw["check"]) >= 20
    for item_id, expected in raw["check"].items():
        got = model.proba(items[item_id]["title"], items[item_id]["text"])
        assert got is not None
        assert [got[label] for label in model.labels] == pytest.approx(expected, abs=1e-5), item_id


def test_the_shipped_model_was_trained_for_this_version_on_todays_dev_split() -> None:
    """New weights change labels: the model records the classifier version it was trained for and a digest of
    its training data, so an edited dev split (needing a retrain) fails here, in the default run."""
    raw = _shipped()
    assert raw["classifier_version"] == CLASSIFIER_VERSION
    assert raw["dev_digest"] == dev_digest(), "the dev split changed: run benchmarks/train_second_opinion.py"


def test_retraining_on_other_data_needs_a_new_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The trainer refuses to overwrite a model trained for the current version on other data (exit 2, one line):
    stored verdicts would change without `reclassify` knowing to re-read them."""
    old = tmp_path / "model.json.gz"
    with gzip.open(old, "wt", encoding="utf-8") as fh:
        json.dump({"classifier_version": CLASSIFIER_VERSION, "dev_digest": "other data"}, fh)
    assert train_main(["--out", str(old)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bump CLASSIFIER_VERSION" in err[0]
    with gzip.open(old, "wt", encoding="utf-8") as fh:
        json.dump({"classifier_version": "rules-0", "dev_digest": "other data"}, fh)
    assert stale_version(old, dev_digest()) is None  # trained for an older version: a retrain goes with a bump


def test_a_short_text_gets_no_opinion() -> None:
    model = load_second_opinion()
    assert model.proba("Harlow Print to close works", "Harlow Print will cut 110 jobs.") is None
    long = model.proba("Harlow Print to close works", "Harlow Print will cut 110 jobs. " * (MIN_TEXT_CHARS // 20))
    assert long is not None and sum(long.values()) == pytest.approx(1.0)
    padded = "Harlow Print will cut 110 jobs." + " " * MIN_TEXT_CHARS + "\n" * MIN_TEXT_CHARS
    assert model.proba("Harlow Print to close works", padded) is None  # whitespace does not count


ESSAY_TITLE = "Life after the line stops: a town learns to live without its mill"
_OPENING = ("When Brackley Fabrication told its workers that the plant would close, the news travelled down the high "
            "street before the afternoon shift had ended. ")
_REST = (
    "\n\nThree months on, the car park is still full most mornings, though fewer of the cars belong to people with "
    "somewhere to be. The cafe opposite the gates has cut its hours. The working men's club has started a CV clinic on "
    "Thursday evenings, run by a retired personnel manager who says most of the men she sees have never written one."
    "\n\nThis is a story told in many towns. What makes it worth telling again is how quickly the jobs that replace "
    "the old ones turn out to be part-time, short-term or an hour's drive away, and how little of the money promised "
    "for retraining has reached the people it was meant for.\n\nEconomists call it scarring. Locals call it the slow "
    "bit."
)


def _essay(cut: str) -> str:
    return _OPENING + cut + _REST


def test_an_essay_around_an_uncounted_cut_is_a_mention(table: CompanyTable) -> None:
    """The lead states a cut the rules take as the news; the piece as a whole is an essay about a town months later,
    and the second opinion is sure it is no report. Under rules-13 this was a report."""
    text = _essay("Brackley Fabrication is cutting every job at the site as it shuts, the company said.")
    opinion = load_second_opinion().proba(ESSAY_TITLE, text)
    assert opinion is not None and opinion["layoff_report"] < DOUBT
    c = classify("t", ESSAY_TITLE, text, PUB, companies=table)
    assert c.label == "layoff_mention" and c.companies == ("Brackley Fabrication",)


@pytest.mark.parametrize(("cut", "count"), [
    ("Brackley Fabrication will cut 420 jobs as it shuts the site, the company said.", (420, None)),
    ("Brackley Fabrication is cutting 60% of the jobs at the site as it shuts most of it, the company said.", (None, 60)),
])
def test_a_cut_with_a_size_is_never_taken_away(table: CompanyTable, cut: str, count: tuple) -> None:
    """The same essay stating the cut's size (a figure or a share): the opinion doubts it just as much, but a
    counted cut is never taken away."""
    text = _essay(cut)
    opinion = load_second_opinion().proba(ESSAY_TITLE, text)
    assert opinion is not None and opinion["layoff_report"] < DOUBT
    c = classify("t", ESSAY_TITLE, text, PUB, companies=table)
    assert (c.label, c.headcount, c.headcount_pct) == ("layoff_report", *count)


def test_a_short_page_is_left_to_the_rules(table: CompanyTable) -> None:
    """A page this short gets no opinion, though its wording alone would be doubted (about 0.12 if the model read
    it): the rules' report stands."""
    text = ("When Brackley Fabrication told its workers that the plant would close, the news travelled down the high "
            "street before the shift had ended. Three months on, the car park is still full most mornings. Locals call "
            "it the slow bit.")
    assert len(text) < MIN_TEXT_CHARS
    c = classify("t", ESSAY_TITLE, text, PUB, companies=table)
    assert c.label == "layoff_report" and c.companies == ("Brackley Fabrication",)


PAY = (
    "Amazon will raise average starting pay for its US warehouse and delivery workers to more than $23 an hour, the "
    "company said on Wednesday, as it competes for staff ahead of the holiday season.\n\nIt also said it would cut "
    "jobs in its human resources team this month as it folds recruiting into a single group.\n\nThe pay rise, worth "
    "about $2.2bn a year, will reach roughly a million workers. Amazon said it would also cover more of the cost of "
    "health plans and expand its education benefit to include more courses.\n\nUnions said the increase still fell "
    "short of what workers needed in high-cost cities, and organisers at several sites said they would keep pressing "
    "for recognition."
)


def test_a_cut_by_the_employer_the_headline_names_is_never_taken_away(table: CompanyTable) -> None:
    """A real cut with no size, told in the lead of a story about something else the employer did: the opinion reads
    a pay story, but the headline names the employer, so the watched company's round is not lost."""
    title = "Amazon lifts warehouse pay to $23 an hour"
    opinion = load_second_opinion().proba(title, PAY)
    assert opinion is not None and opinion["layoff_report"] < DOUBT
    c = classify("t", title, PAY, PUB, companies=table)
    assert (c.label, c.companies) == ("layoff_report", ("Amazon",))


# What each classifier version shipped: a new model file or threshold under the same version would change stored
# labels that `layoffwatch reclassify` does not know to re-read. A change here goes with a new CLASSIFIER_VERSION (and
# a new entry); an entry for a released version is never edited.
SHIPPED = {
    "rules-14": {"model_sha256": "1760bd64630c2568f167ab3b76a5d4d035bf2b2f858197139d2167363693ea68",
                 "doubt": 0.2, "min_text_chars": 400},
    # the same weights, retrained for the rules' new version (only the version the file records changed)
    "rules-15": {"model_sha256": "6b476d3a64949bb36e0d7ff77e76ac7429499be53dee319dccc70de786aca533",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-16": {"model_sha256": "fd9acc6549beeeadb3bb56bc1d8c4f6c1b9a3f810d66d303692b56639d96173c",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-17": {"model_sha256": "bccd08ecec461c3467e9b8927046c9387bc2aee5ad29d099754c0cae10bb835a",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-18": {"model_sha256": "2fe31df93a628e94b9a2c8695dfc2f8f5a738cc0025aa483e74e564908955805",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-19": {"model_sha256": "9007197e7c4a7a0e322964c30c2f1248c6d15661c730bcbdee23c26b61ad08e6",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-20": {"model_sha256": "0615ab3359c128027326405d637235350d4abe22744cc335ecb97e34529774cf",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-21": {"model_sha256": "454dcee427ea27fd47359f85dfd6733870ebae975165bcf6339b6e8416eb5d79",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-22": {"model_sha256": "6f5ecbe6c91a4eaa1cc31522fb7822573a0de79579a585a5eb719240324afdc3",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-23": {"model_sha256": "bcb0944ec5078d423c02e7c1c7a7610d702a9358f9caf22f6ef1e0ee04959e26",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-24": {"model_sha256": "ba2a30869ea8ec8d3c897b25a4c373eff762a420a4eb477fa0c1de97237e4ba7",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-25": {"model_sha256": "f4f5729aaeeca4d264abfe4ed605f2de1b88594780ba747244b9ac28a20817d0",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-26": {"model_sha256": "cbcec16ca815414b99183c4d9fac6c8c93da30f7c0dae5eb1d450303d8b2ccdc",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-27": {"model_sha256": "33e353a4df3ac988b5fa5e3643eb2e2e68db66600db5c7dcb6a2a265e3be1a0b",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-28": {"model_sha256": "376e858446b28555c42d9fa3f0e1cb1a963e289278e95a969b90a838100a2a24",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-29": {"model_sha256": "c6f65a58009b0508ee82571c994346f12b30cec498177c12cb0da1d47c560afc",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-30": {"model_sha256": "74701e8240008fdc269c1a068545cb21038d54d1fb74e031f610cec807c5db8b",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-31": {"model_sha256": "521039fc227a5cfecc6c65e9933035d488641fa595715a2937eb0bf888027e0b",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-32": {"model_sha256": "ca793c8d28f104bf37e8a8bdde281b517a865d5315085d1389c45e4a8b922d9b",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-33": {"model_sha256": "1cffc1a40e425d8339721529d9209ff7cd824e517edfea87ea06d18adddc61a7",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-34": {"model_sha256": "d38ce0eddc7414ef4485503c85fc34549b737feadecd9bbf92e17930151c7103",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-35": {"model_sha256": "2e61831db3ca704b8776716f5bcf7e06773e4da9994c778a52aa79ca489268d7",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-36": {"model_sha256": "ebeeb620791048eca779ac331f4f81f93dc180b6378b7860085d83debc6839c6",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-37": {"model_sha256": "fe5b8d52c858bf3b4349c2221c1f64e8d08444ad88acd50be7bddb5df49bfe07",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-38": {"model_sha256": "7060a7049db65380f650e66abc2ea333bda3fd21138bbcc12f6ea93625fd42ac",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-39": {"model_sha256": "f43e44a6f06dd6f8a205b444c8fb0be59b6f87335fc2a2ee3b72dadcc956686e",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-40": {"model_sha256": "b81510187f8e8fc62596132918f8ee1cf3abb36aee27aff2392b9765620e7eb5",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-41": {"model_sha256": "e1fe875016f8ad6d132d6e0a7256836bba3cb5f347f02adfd0dbf30558955fd9",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-42": {"model_sha256": "46595d51dd2093450b1b5431d21acd86258ffdda6299820fa19a6abdce3f598b",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-43": {"model_sha256": "0f109f6a6cb1b7967f0368714ba8eec7f83eac638aceb14a5b23565a269a293d",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-44": {"model_sha256": "b587451dd92079a0f77cf32192b0a8e97aa095e57b0d1d78fbeb8cd6323d1e31",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-45": {"model_sha256": "3ab8306926407078053050478fc512fc01c2836c9dfaf40fec49f9b72ed5608d",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-46": {"model_sha256": "6e29efa62639627b9110cc476f8fcd872285527e7763375906cfbd126e6a22c6",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-47": {"model_sha256": "df99928c1893750389524ce2748f41e62b96c3181682aad18fd1b2a3a61073cd",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-48": {"model_sha256": "63c301ac62c1fbb081839239f7e0229aa9d2056809ccce5d68a135c6a3b5341e",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-49": {"model_sha256": "77b6b127d2c58300e4a19a88429b8493a893ee830cb97023641eb62ddd433c36",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-50": {"model_sha256": "78fae6ad7a08b478cd42282cbd80c99b2a6574476bb19281e6e86bd3e30b786b",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-51": {"model_sha256": "69f8f8c9cd1ed96e5e9bb843a42d327419f82ecf06332ae887422d2f1bfffdce",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-52": {"model_sha256": "430f025e58ef6390ce9f3e648a21fb169f4d79984ccdb896fe1041ea799dc53c",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-53": {"model_sha256": "360e9021cb1cdbc87f2b4cc3f3e114584bb8ec2efe62b761b86f0dcecb9fa147",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-54": {"model_sha256": "b58a512b81c68905d3cdee27f2017e81eb24daa8ea5f30e9d1c28ba37c0958c1",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-55": {"model_sha256": "71dbd500976ebdf2930c5aad30062ca0d06508ad8037138faa5f52f5505cbb56",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-56": {"model_sha256": "a882ebb5426f2316b7c5f9e11dbe68809d0d42c5dd835df01da1d2aa4c108a3c",
                 "doubt": 0.2, "min_text_chars": 400},
    "rules-57": {"model_sha256": "6477c0ca169bfe4cd20a98566227af64b6e96a5c357fad045949bdcd52df8058",
                 "doubt": 0.2, "min_text_chars": 400},
}


def test_the_model_and_thresholds_are_the_ones_this_version_shipped() -> None:
    assert SHIPPED[CLASSIFIER_VERSION] == {
        "model_sha256": hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest(),
        "doubt": DOUBT, "min_text_chars": MIN_TEXT_CHARS,
    }


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
