"""Leaked or confirmed, as real outlets hedge it: "according to several US media outlets", "lo riportano i media",
a Spanish or French conditional, and a confirmation refused with an adverb ("n'a pas officiellement confirmé",
"hat ... nicht bestätigt").

On the opened real-news probes, 71 of 118 reports their labellers marked as leaks were read as confirmed, against 11
of 58 on dev; these are the wordings behind most of them. Every sentence here was written for these tests (invented
employers and outlets); each hedge has a case it must read and one it must leave alone.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.models import Classification
from ingest.understanding import classify

PUB = datetime(2025, 10, 28, 9, 0)


def read(title: str, text: str) -> Classification:
    """Return the classification of one invented article published on PUB."""
    c = classify("h", title, text, PUB)
    assert c.label == "layoff_report", c.evidence
    return c


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Halvorsen Freight to cut 3,000 office jobs in shake-up",
         "Halvorsen Freight is preparing to lay off around 3,000 office employees worldwide, according to several "
         "US media outlets. The cuts could begin as early as Tuesday."),
        ("Halvorsen Freight to cut 3,000 jobs",
         "Halvorsen Freight is set to cut about 3,000 jobs, according to a recent report. The company has grown "
         "quickly since 2020."),
        ("Halvorsen Freight to shut its Leeds depot",
         "Halvorsen Freight will shut its Leeds depot and cut 300 jobs, according to multiple reports."),
        ("Ceramiche Valtorta verso il taglio di 450 posti",
         "Ceramiche Valtorta si prepara ad annunciare un taglio di 450 posti di lavoro a Sassuolo. Lo riportano i "
         "media locali, citando il piano industriale."),
        ("Verlac va supprimer 800 postes au siège",
         "Verlac aurait indiqué à ses salariés, dans une note interne, que 800 postes seront supprimés au siège."),
    ],
)
def test_a_hedged_report_is_a_leak(title: str, text: str) -> None:
    assert read(title, text).is_leak


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Verlac s'apprête à supprimer 800 postes",
         "Verlac s'apprête à supprimer 800 postes, selon la presse économique. Si le groupe n'a pas officiellement "
         "confirmé l'information, ce serait son plus grand plan social."),
        ("Kolbeck soll 1.200 Stellen streichen",
         "Kolbeck will laut einem Medienbericht 1.200 Stellen streichen. Kolbeck hat die Berichte über den Abbau "
         "nicht bestätigt."),
        ("Halvorsen Freight to cut 3,000 jobs, report says",
         "Halvorsen Freight plans to cut 3,000 jobs, the Harbor City Times reported, citing people familiar with "
         "the matter. Halvorsen Freight has not officially confirmed the cuts."),
    ],
)
def test_a_confirmation_refused_with_an_adverb_confirms_nothing(title: str, text: str) -> None:
    assert read(title, text).is_leak


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the employer's own announcement, relayed: confirmed (these pass on rules-14 too: they guard the hedges)
        ("Halvorsen Freight to cut 3,000 jobs",
         "Halvorsen Freight said on Tuesday it will cut about 3,000 jobs, the company confirmed in a statement."),
        ("Textiles Marbella despedirá a 600 trabajadores",
         "Textiles Marbella despedirá a 600 trabajadores en Alicante, según ha comunicado la empresa."),
        ("Verlac va supprimer 800 postes",
         "Verlac va supprimer 800 postes au siège, a annoncé la direction mardi. Le groupe a indiqué à ses "
         "salariés, dans une note interne, que les départs seront volontaires."),
        # the reported speech of an announcement: a Spanish conditional after "confirmó que" is the employer's word
        ("Textiles Marbella despedirá a 600 trabajadores",
         "Textiles Marbella confirmó el martes que despediría a unos 600 trabajadores en sus fábricas de Alicante."),
        # "vient d'annoncer", "acaba de anunciar": a confirmation just made, not one still to come
        ("Verlac supprime 800 postes",
         "Verlac vient d'annoncer la suppression d'environ 800 postes. En France, quelque 200 salariés seraient "
         "concernés, selon des sources syndicales."),
        ("Textiles Marbella despide a 600 trabajadores",
         "Textiles Marbella acaba de anunciar el despido de 600 trabajadores. Unos 200 serían de Alicante, según "
         "fuentes sindicales."),
        # a filing is the employer's own word, whatever "according to" opens it
        ("Halvorsen Freight to lay off 1,200 workers at Seattle-area offices",
         "Halvorsen Freight will lay off 1,200 workers at its Seattle-area offices, according to documents filed "
         "with the state's Employment Security Department. The layoffs take effect on April 20."),
        # a refusal about something else beside the confirmation: before it, or after a "but"
        ("Halvorsen Freight to cut 3,000 jobs",
         "Halvorsen Freight will cut about 3,000 jobs, the Harbor City Times reported on Monday. A company "
         "spokesperson confirmed the 3,000 cuts on Tuesday but has not publicly confirmed how many UK staff are "
         "affected."),
        ("Kolbeck streicht 1.200 Stellen",
         "Kolbeck streicht laut einem Medienbericht 1.200 Stellen. Ein Sprecher bestätigte den Abbau am Dienstag, "
         "die Zahl für Deutschland wurde aber nicht bestätigt."),
        ("Verlac va supprimer 800 postes",
         "Verlac va supprimer 800 postes, selon la presse économique. Le groupe n'a pas officiellement confirmé "
         "l'ampleur des suppressions en France, mais a indiqué que le plan sera présenté aux syndicats."),
    ],
)
def test_the_employers_own_word_stays_confirmed(title: str, text: str) -> None:
    assert not read(title, text).is_leak


@pytest.mark.parametrize(
    "refusal",
    [
        "In a statement, Halvorsen Freight declined to comment on the job cuts.",
        "When contacted by email, Halvorsen Freight declined to comment on the layoffs.",
        "Asked whether the job cuts would be announced this week, a Halvorsen Freight spokesperson declined to comment.",
        "Halvorsen Freight declined to comment, but the GMB union said it had been informed that 3,000 roles were at "
        "risk.",
        # a fourth review: another party, another time or a denial after the "but"
        "Halvorsen Freight declined to comment, but the works council confirmed the cuts to staff on Monday.",
        "Halvorsen Freight declined to comment, but the report comes weeks after the company confirmed 1,400 layoffs.",
        "Halvorsen Freight declined to comment, but confirmed in October that it would cut 1,400 roles.",
        "Halvorsen Freight declined to comment on the report, but confirmed that it has no plans for further layoffs.",
    ],
)
def test_a_refusal_beside_no_confirmation_of_the_cut_leaves_the_leak(refusal: str) -> None:
    """A second review: "statement", "email", a question or another party after "but" confirm nothing (a first form
    read each as the employer's confirmation, and the real one the next day sent no alert)."""
    c = read("Halvorsen Freight to cut 3,000 jobs",
             "Halvorsen Freight is preparing to cut about 3,000 jobs in its logistics unit, people familiar with the "
             f"matter said. {refusal}")
    assert c.is_leak


@pytest.mark.parametrize(
    "title",
    ["Halvorsen Freight announced it will cut 3,000 jobs after multiple earnings reports disappointed investors",
     "Halvorsen Freight to cut 3,000 jobs after several quarterly reports showed slowing growth"],
)
def test_reports_that_are_no_media_leave_the_confirmation(title: str) -> None:
    c = read(title, f"{title}, the company said on Tuesday.")
    assert not c.is_leak


@pytest.mark.parametrize(
    "but",
    [
        "Halvorsen Freight declined to comment on the number of roles affected, but confirmed the layoffs in a blog post "
        "on Tuesday.",
        "A spokesperson would not comment on the figure but confirmed that the cuts would begin on Tuesday.",
    ],
)
def test_a_confirmation_after_a_refusal_and_a_but_confirms(but: str) -> None:
    """A third review: the employer refusing one detail "but" confirming the cut is its own word (a second form read
    it as a leak, and the next outlet's confirmation then sent a second alert)."""
    c = read("Halvorsen Freight to cut 3,000 jobs",
             "Halvorsen Freight is cutting about 3,000 jobs, the Harbor City Times reported on Tuesday, citing people "
             f"familiar with the matter. {but}")
    assert not c.is_leak
