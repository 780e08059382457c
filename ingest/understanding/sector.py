"""A sector's wave of cuts: an article whose lead opens on many employers' cuts (or on a statistic counting them), one
employer as its example.

"Universities have announced 12,000 job cuts in the last year, analysis suggests" or "Of 166 universities, 90 are
proposing job cuts" opens a story about a sector; a university named further down ("Dundee University proposes to
cut 632 jobs") illustrates it. Such an article mentions cuts; it does not report one employer's. So does a headline
naming a set of employers by what they did ("11 retailers that went bust in 2024"), and a labour-market statistics
release is no layoff story at all: the people out of work and the jobs a sector lost are counts, not a cut.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ingest.understanding.actor_filters import opens_on_one_organisation
from ingest.understanding.events import LEAD, Article, Event
from ingest.understanding.lexicon import Lexicon
from ingest.understanding.lexicon.frames import across, past_span, statistic


# Two employers joined in one headline cut ("Layoffs at Amazon and Microsoft deal blow to Seattle", "Meta and Google job
# cuts"): the story is their region's or sector's, not one employer's action. "&" joins one name ("Procter & Gamble").
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
_AND = r"(?:and|And|und|Und|et|Et|y|Y|e|E)"
_PAIR = re.compile(
    rf"(?i:\b(?:layoffs|lay-offs|job\s+cuts|cuts|redundancies|job\s+losses|stellenabbau|entlassungen|licenciements|"
    rf"suppressions\s+de\s+postes|despidos|licenziamenti|tagli))\s+(?i:at|by|from|bei|chez|en|in|da|di)\s+"
    rf"(?P<a>{_NAME})\s+{_AND}\s+(?P<b>{_NAME})"
    rf"|\b(?P<c>{_NAME})\s+{_AND}\s+(?P<d>{_NAME}?)(?:['’]s?)?\s+(?i:layoffs|lay-offs|job\s+cuts|redundancies)\b"
)


# Counts shared out among employers after the cue ("Amazon will shed 18,000 jobs, Alphabet 12,000, Microsoft 10,000
# and Meta 11,000"; "Amazon streicht 18.000 Stellen, Alphabet 12.000 und Meta 11.000"): a name, a figure, a break
_SHARE = re.compile(rf"(?:,|\s{_AND})\s+{_NAME}\s+(?:(?i:about|some|nearly|around|rund|environ|unos|circa)\s+)?"
                    rf"(?P<n>\d[\d,.]*)(?:\s*(?i:k|mil|mila|000))?(?=\s*(?:,|;|\.|$|\s{_AND}\s))")


def shared_out(e: Event) -> bool:
    """Return whether the cue's count is one of several employers' listed after it, a figure each: a tally of a
    sector's cuts, never one employer's report. Parts that add up to most of the cue's count, and no more, are its
    breakdown ("cut 1,200 jobs, with Ohio losing 500, Texas 400 and Georgia 300"; "3.000 Stellen, Deutschland 1.400
    ..."): other employers' counts are their own and seldom sum to it."""
    parts = [int(re.sub(r"\D", "", m.group("n")) or 0) for m in _SHARE.finditer(e.sentence.text, e.cue.end)]
    total = e.amounts[0].value if e.amounts else None
    return len(parts) >= 2 and not (total is not None and 0.5 * total <= sum(parts) <= 1.05 * total)


def pair_in_headline(article: Article) -> bool:
    """Return whether the headline's cut is two employers' together ("Layoffs at Amazon and Microsoft ..."): one side
    acts in the article's cues, and the pair is two names (a side the alias table knows, or each side named alone in
    the body), not one ("Marks and Spencer job cuts")."""
    title = article.sentences[0] if article.sentences and article.sentences[0].is_title else None
    m = _PAIR.search(title.text) if title is not None else None
    if m is None:
        return False
    first, second = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
    if not second or first == second:
        return False
    joined = m.group()[m.start("a" if m.group("a") else "c") - m.start() :]
    actors = {name for e in article.events if e.actor is not None for name in (e.actor.name, e.actor.parent)}
    if any(name in joined and " " in name and name not in (first, second) for name in actors):
        return False  # the pair is one employer's name
    parent_of = {n.text: n.parent for _, names in article.lead_names for n in names if n.known}
    parent_of |= {name: e.actor.parent for e in article.events if e.actor is not None and e.actor.known
                  for name in (e.actor.name, e.actor.unit or e.actor.name, e.actor.parent)}
    if first in parent_of and parent_of[first] == parent_of.get(second):
        return False  # a parent and its unit, or two units of one parent ("Amazon and Twitch layoffs"): one employer
    body = " ".join(s.text for s in article.sentences[1:])
    separate = bool({first, second} & parent_of.keys()) or (_alone(first, body) and _alone(second, body))
    return separate and any(side in name or name in side for side in (first, second) for name in actors)


def _alone(side: str, body: str) -> bool:
    """Return whether the body names `side` outside an "X and Y" pair."""
    for m in re.finditer(rf"\b{re.escape(side)}\b", body):
        if (not re.search(rf"\b[A-Z][\w.'’-]*\s+{_AND}\s*$", body[: m.start()])
                and not re.match(rf"\s+{_AND}\s+[A-Z]", body[m.end() :])):
            return True
    return False


# Between a sector noun and a name it gives as an example, in the five languages
_EXAMPLE = re.compile(r",?\s+(?:like|such\s+as|including|wie|etwa|comme|tels?\s+que|como|tales\s+como|come)\s+")


def sector_subject(e: Event) -> bool:
    """Return whether a cue's subject is a sector, not an employer: a statistic ("data shows"), a generic noun
    ("universities", "companies") before the cue in its clause with no employer named in its sentence (one carried
    from elsewhere does not act), or an employer named only as the generic noun's example ("Companies like X")."""
    if _counted_by_statistic(e):
        return True
    if e.actor is None and opens_on_one_organisation(e.sentence.text, e.facts.lex):
        return False  # "A company ... that serves the mining and cement industries will close a plant"
    if e.generic or _spread_over_sector(e):
        return True
    generic = [m for m in e.markers if m.kind == "generic" and m.start < e.cue.start]
    at = e.sentence.text.find(e.actor.name) if e.actor is not None else -1
    if at >= 0:
        # "Companies like Salesforce claim ... after laying off thousands": the employer named is the sector's example
        return any(_EXAMPLE.fullmatch(e.sentence.low, m.end, at) for m in generic)
    return any(m.clause == e.cue.clause for m in generic)


def _spread_over_sector(e: Event) -> bool:
    """Return whether a cue with no employer of its own spreads over a sector named after it in its clause ("more job
    losses are announced across the industry", "lost their jobs across 551 companies"): many employers' cuts, not
    one's (the article's employer lent to the cue by default does not count as its own)."""
    frame = across(e.facts.lex.code)
    if frame is None or (e.actor is not None and e.actor.how != "descriptor"):
        return False
    return any(m.kind == "generic" and m.clause == e.cue.clause and m.start >= e.cue.end
               and frame.fullmatch(e.sentence.low, e.cue.end, m.start) for m in e.markers)


def _counted_by_statistic(e: Event) -> bool:
    """Return whether a statistic is the subject of a cue's clause ("data shows minimal layoffs so far")."""
    frame = statistic(e.facts.lex.code)
    start = e.facts.spans[e.cue.clause][0]
    return frame is not None and frame.search(e.sentence.low, start, e.cue.start) is not None


def opens_on_sector(article: Article) -> bool:
    """Return whether the lead's first layoff cue has a sector as its subject: the wave is the news."""
    first = next((e for e in article.events if not e.in_title and not e.aside and e.sentence.index <= LEAD), None)
    return first is not None and sector_subject(first)


def unnamed_in_headline(e: Event) -> bool:
    """Return whether a headline cue's employer is not written in the headline, not even in a short form ("Lakeside
    schools" for "Lakeside Community School District"): it was carried from the body."""
    if not e.in_title or e.actor is None:
        return False
    words = {w for w in re.findall(r"[^\W\d_][\w'’&.-]+", e.sentence.text) if w[0].isupper()}
    return not any(w in words for w in e.actor.name.split())


def period_tally(article: Article, lex: Lexicon) -> bool:
    """Return whether the headline tallies many employers' cuts over a span of time with no employer written in it
    ("7,600 jobs lost in '19", "nearly 200 newsroom staff axed this week"): two employers or more act in its opening
    sentences, the one told first an example. A headline planning cuts ("300 jobs to go this week", "at risk") or naming who cuts,
    or a lead about one employer, is not one."""
    title = [e for e in article.events if e.in_title]
    frame = past_span(lex.code)
    if not title or frame is None or any(m.kind == "plan" for m in article.title_markers):
        return False
    if any(e.actor is not None and not unnamed_in_headline(e) for e in title):
        return False
    if frame.search(title[0].sentence.low) is None or _PLANNED.search(title[0].sentence.low):
        return False
    acting = {e.actor.parent for e in article.events if e.actor is not None and not e.in_title and e.sentence.index <= 6}
    return len(acting) >= 2


# A headline's cut still to come or only threatened: one employer's plan, not a tally
_PLANNED = re.compile(r"\b(?:to\s+go|will|set\s+to|at\s+risk|under\s+threat|could|may|sollen|soll|vont|van\s+a|saranno)\b")


# Jobs lost as people's state or a sector's count ("lost 34,000 jobs", "people out of work", "jobless")
_COUNTED_LOSS = re.compile(r"(?i)\b(?:los[eist]\w*|out\s+of\s+work|without\s+a\s+job|jobless|unemployed|shed\w*)\b")


def labour_statistic(e: Event, headline_kinds: Collection[str]) -> bool:
    """Return whether a cue under a labour-market statistics headline ("Unemployment hits seven-year low", "US added
    187,000 jobs; unemployment rate rose") counts people out of work or jobs a sector lost: no employer's cut
    (an organisation named cutting is still one: "... as Ford cuts 1,000", "Furness Marine Fabrication closed")."""
    return ("statistics" in headline_kinds and not e.in_title and not _names_employer(e)
            and _COUNTED_LOSS.search(e.sentence.text[e.cue.start : e.cue.end]) is not None)


def _names_employer(e: Event) -> bool:
    """Return whether a cue's actor is an organisation named as such: from the alias table, a subject or object name,
    or one closing a site ("after Furness Marine Fabrication closed its yard"), of more than one word (not
    "Couriers lost 9,000", "Manufacturing lost 12,000")."""
    a = e.actor
    if a is None or e.generic:
        return False
    # (a single unknown word opening a sentence is as often a sector: "Manufacturing lost 12,000 jobs")
    return a.known or (len(a.name.split()) > 1 and (a.how in ("subject", "object") or "closure" in e.sentence_kinds))


# A headline about a set of employers picked by what they did ("11 retailers that went bust in 2024", "The restaurant
# chains which collapsed ... in 2020", "Diese Unternehmen reduzieren massiv Arbeitsplätze"): a list, not one's cut
_LISTED_KIND = re.compile(
    r"(?i)(?:^|:\s|[-–—]\s)(?:the\s+)?(?:\d+|these|top\s+\d+)\s+(?:[\w-]+\s+){0,2}?(?:companies|firms|retailers|"
    r"chains|brands|employers|businesses|banks|start-?ups)\s+(?:that|which|who|to\s+watch|cutting|laying|slashing)\b|"
    r"^the\s+(?:[\w-]+\s+){0,2}?(?:companies|firms|retailers|chains|brands|employers|businesses|banks)\s+"
    r"(?:that|which|who)\b|\b(?:diese|folgende)\s+(?:[\w-]+\s+)?(?:Unternehmen|Firmen|Konzerne|Händler|Ketten)\b|"
    r"\bces\s+(?:[\w-]+\s+)?(?:entreprises|enseignes|sociétés|groupes)\s+qui\b|"
    r"\bestas\s+(?:[\w-]+\s+)?(?:empresas|compañías|cadenas)\s+que\b|\bqueste\s+(?:[\w-]+\s+)?(?:aziende|società|"
    r"imprese|catene)\s+che\b"
)


def lists_kind(article: Article) -> bool:
    """Return whether the headline names a set of employers by what they did: a list article, not one employer's
    cut (its examples are the body's). A list after a statement naming an organisation ("Amazon cuts 14,000 jobs -
    the 3 businesses that will shrink most", "Kahlschlag bei Amazon: Diese Konzerne ...") belongs to that story."""
    m = _LISTED_KIND.search(article.title)
    if m is None:
        return False
    title_names = article.lead_names[0][1] if article.lead_names and article.lead_names[0][0].is_title else []
    return not any(n.end <= m.start() and not n.weak for n in title_names)
