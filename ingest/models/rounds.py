"""Rounds: a report offered to matching, a round and its links, and what one matching pass or replay yields."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from ingest.models.articles import Classification
from ingest.models.base import AlertKind, Frozen, Label, RoundRole, RoundStatus

# rounds-2026.3: a report citing the announcement it follows ("a week after it announced", "begins consulting")
# joins that round as a late follow-up, unless it reports a new action ("another 2,000", "a second wave").
# rounds-2026.4: a unit's late follow-up quoting the round's figure as jobs ("its share of the 9,000 cuts announced
# last month") joins that round although the round's reports named other units.
# rounds-2026.5: a unit's report with no figure at all inside a company-scale round's window ("<Unit> hit by
# layoffs" two days after 14,000 corporate cuts naming other teams) joins that round as a part; "Alexa" is compared
# as the devices organisation it belongs to; a report telling a new or separate action ("in a separate move",
# "unrelated to the Amazon cuts") is never a part of another round.
# rounds-2026.6: a unit's report giving a company-scale figure smaller than a round's that names no unit ("Amazon
# Games hit as part of 14,000 layoffs" the day after outlets reported 30,000) is a part of that round, not a unit's
# round of its own (a unit's own cut is not company-scale).
# rounds-2026.7: a late report carrying out a cut announced before is a follow-up in five languages ("starts round
# of layoffs", "layoffs begin", "has begun shutting", "beginnt mit angekündigtem Stellenabbau", "commence à
# licencier", "comenzó a despedir", "già annunciati", "inizia a licenziare").
# rounds-2026.8: after a review with its own articles, a unit's company-scale figure joins a round naming no unit only
# within a quarter of the round's figure (AWS's own 1,500 beside 14,000 stays a round), and the words of carrying a cut
# out ("starts round of layoffs", "commence à licencier") make a follow-up only of a report giving no figure of its own.
# rounds-2026.9: "<N> more" and "another <N>" need a figure: ", more than half" had made a report a new action.
# rounds-2026.10: after a second review, a unit's company-scale report tying itself to the round ("as part of", its
# figure quoted) joins a round naming no unit whatever its size, and a late report carrying a cut out joins a round
# when it gives no figure of its own or quotes the round's.
# rounds-2026.11: after a third review, quoting the round's figure as background ("days after Amazon's 14,000 cuts")
# no longer ties a unit's own company-scale cut to it; only a follow-up phrase ("as part of") does.
# rounds-2026.12: more wordings of a cut carried out ("begins mass layoffs", "began layoffs", "comenzó este miércoles
# con la mayor oleada de despidos"), never one said to begin later ("will begin job cuts") or talks about it.
# rounds-2026.13: a round known so far by a leak takes the official figure within it even when that figure is told as
# "more" ("weitere 16.000" five days after "plans thousands more", 30,000 reported); units only a leak named no longer
# make a round a unit's, so a company-wide figure arriving after a smaller official one (a state's filing) is its whole.
# rounds-2026.14: the notices of an announced cut reaching its staff ("arrivate le prime lettere", "layoff notices went
# out", "llegan las primeras cartas") follow its round.
# rounds-2026.15: the words of carrying a cut out count in the article's opening paragraphs too, not only in its
# headline and evidence sentence ("Amazon comenzó este miércoles con la mayor oleada de despidos" in the lead of a
# story whose evidence is another sentence): such a late report no longer seeds a round of its own.
MATCHER_VERSION = "rounds-2026.15"
# How much of an article's text a round candidate carries: round matching reads its first two paragraphs.
OPENING_CHARS = 1200


class RoundCandidate(Frozen):
    """A `layoff_report` article offered to round matching."""

    article_id: str
    source: str  # outlet (site name or host), counts towards source_count
    url: str
    title: str
    published_at: datetime
    fetched_at: datetime
    classification: Classification
    opening: str = ""  # the article text's first OPENING_CHARS characters: where a late report says it carries a cut out


class Round(Frozen):
    """One real-world layoff action by one parent company."""

    round_id: str
    company: str
    units: tuple[str, ...] = ()
    announced_on: date
    first_seen_at: datetime
    last_seen_at: datetime
    headcount: int | None = None
    headcount_min: int | None = None
    headcount_max: int | None = None
    headcount_text: str | None = None
    status: RoundStatus = "reported"
    article_count: int = 0
    source_count: int = 0
    title: str = ""
    evidence: str = ""
    matcher_version: str


class RoundLink(Frozen):
    """Why an article belongs to a round."""

    round_id: str
    article_id: str
    role: RoundRole
    score: float
    reason: str


class RoundEvent(Frozen):
    """Something alert-worthy that happened to a round in this plan."""

    kind: AlertKind
    round_id: str
    reason: str
    status: RoundStatus
    headcount: int | None = None
    headcount_official: bool = False
    previous_status: RoundStatus | None = None
    previous_headcount: int | None = None
    previous_headcount_official: bool = False


class SourceRef(Frozen):
    """One member article as shown in an alert (title + link)."""

    article_id: str
    source: str
    title: str
    url: str
    published_at: datetime


class RoundPlan(Frozen):
    """The outcome of one matching pass: rounds to upsert, links to upsert, rounds to delete, events."""

    created_at: datetime
    matcher_version: str = MATCHER_VERSION
    rounds: list[Round] = Field(default_factory=list)
    # New links, and links of articles that moved to another round (upserted by article_id).
    links: list[RoundLink] = Field(default_factory=list)
    events: list[RoundEvent] = Field(default_factory=list)
    # round_id -> its first articles from distinct outlets (for alert payloads), for every round
    # in `rounds`.
    sources: dict[str, list[SourceRef]] = Field(default_factory=dict)
    # Rounds that no longer exist: merged into another (new evidence showed them to be one) or
    # emptied. Their alerts stay; their articles are in `links` under their new round.
    removed: list[str] = Field(default_factory=list)
    merged: dict[str, str] = Field(default_factory=dict)  # removed round_id -> the round that holds it now


class RebuiltRounds(Frozen):
    """Every round and link after a full replay, plus the events and sources of the replay."""

    rounds: list[Round] = Field(default_factory=list)
    links: list[RoundLink] = Field(default_factory=list)
    events: list[RoundEvent] = Field(default_factory=list)
    sources: dict[str, list[SourceRef]] = Field(default_factory=dict)


class LabelChange(Frozen):
    article_id: str
    before: Label | None
    after: Label


class RoundsDiff(Frozen):
    """How article-to-round grouping changed: counted on rounds and on article pairs."""

    rounds_before: int
    rounds_after: int
    created: list[str]  # round ids that did not exist
    removed: list[str]  # round ids that no longer exist
    merged: int  # pairs of former rounds whose articles now share a round
    split: int  # former rounds whose articles are now in more than one round
    relinked: int  # articles whose round changed (including joining or leaving any round)
