"""Labour-market statistics are not layoff stories: under a headline on unemployment, the jobless count or payrolls,
the people out of work and the jobs a sector lost are counts, not an employer's cut.

On the opened real-news probes, seven such stories (ONS releases, US jobs reports) were read as mentions or, once, as
a report ("Record Numbers In Work As Jobless Total Falls" named the employer "Total"). Every sentence here was written
for these tests; each case has one the rule must leave alone.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.understanding import classify

PUB = datetime(2025, 5, 14, 9, 30)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Jobless Total Falls To Seven Year Low",
         "New figures showed record numbers in work today. The claimant count - people out of work and claiming "
         "benefits - fell by 3,900 last month to 796,200, the Office for National Statistics said."),
        ("US added 150,000 jobs in April; unemployment rate rose to 4.2%",
         "Employers added 150,000 jobs last month. Health care and leisure led the gains. On the minus side, "
         "transportation and warehousing lost 21,000 jobs, the Labor Department said."),
        # a fourth review: a sector opening a sentence is no employer ("Manufacturing lost 12,000 jobs")
        ("Unemployment falls as retailers hire 2,000",
         "Unemployment fell to 4.1%, the ONS said. Manufacturing lost 12,000 jobs over the quarter."),
        ("Arbeitslosigkeit sinkt im April",
         "Die Zahl der Arbeitslosen ist im April um 40.000 gesunken. Rund 2,7 Millionen Menschen waren ohne Arbeit, "
         "teilte die Bundesagentur mit. Im Baugewerbe gingen 5.000 Stellen verloren."),
    ],
)
def test_a_jobs_release_is_no_layoff_story(title: str, text: str) -> None:
    """(The German release was no layoff story on rules-17 either: it guards the German marker.)"""
    assert classify("s", title, text, PUB).label == "not_layoff"


@pytest.mark.parametrize(
    ("title", "text", "label"),
    [
        # the headline's own cue keeps it about cuts (these pass on rules-17 too: they guard the rule)
        ("Unemployment rises as redundancies climb",
         "Unemployment rose to 4.5%, the ONS said, as the number of redundancies climbed to its highest in a decade.",
         "layoff_mention"),
        # a known employer's cut told beside the figures is still an employer's cut
        ("Unemployment edges up to 4.4%",
         "Unemployment edged up to 4.4% in the three months to March, the ONS said. Separately, Amazon said on "
         "Tuesday it would cut 1,000 jobs at its Rugeley warehouse.", "layoff_report"),
    ],
)
def test_a_cut_beside_the_statistics_stays_one(title: str, text: str, label: str) -> None:
    assert classify("s", title, text, PUB).label == label
