"""The article's label and facts, from its main event.

Decision outline (each step is explainable from `Classification.evidence`):
1. Detect the language; one the classifier does not read is `not_layoff` (its language recorded).
2. Read the article as events (`events.read_article`): each layoff cue with its acting employer,
   modality (asserted, leaked, speculative, forecast, denied, conditional, hypothetical), time
   (current, past, running total) and counts.
3. The headline and lead state the main event. A report event there (a named or resolved
   employer, asserted or leaked, current, and a real action: a cut, a loss, a notice, or a layoff
   noun backed by a count or an announcement) makes a `layoff_report`, unless the headline frames
   the article as a recap, an opinion or advice, or its own layoff cue is denied, speculative,
   forecast or about the past (the headline dominates the lead). Three or more employers acting
   in the lead, or listed as the headline's subject, make a round-up, not a report; so do a plural subject
   ("Universities have announced ..."), a headline count only a union or a study gives ("5,000 posts axed, union
   says"), and a lead written for the reader (a list of cases, a rule page); cuts a strike protests against are its
   cause, not the news (`headline`). A headline's layoff noun undergone ("<Firm> staff face layoffs", "prepares for
   redundancies") leaves the act to the lead; a party reacting to one employer's cuts it names ("<union> slams
   redundancies at <firm>") reports them when the lead states them now; a lead opening on a sector's wave, its
   examples or a statistic ("Universities have announced 12,000 job cuts", "data shows few layoffs") makes the
   employers named later examples, not the news (`sector`). A modal is a
   plan's cost when the sentence or the headline asserts the employer's plan ("400 jobs could be
   lost as the council restructures"); without one it stays a possibility, as do jobs only "at
   risk" (`modality.consequence`, `headline`). A keyword headline or a headline modal leaves the
   action to the lead.
4. Any other layoff cue makes a `layoff_mention`; none, `not_layoff`. A second opinion learned from the headline
   and lead as a whole (`second_opinion`) can only take a report away, and only when sure: a report with no
   count, whose employer the headline does not name, and that it gives under 20% is a mention (an essay or a
   feature built around a cut).
5. Facts come from the main event and the report events of the same employer: parent and units,
   the most precise consistent count (totals and subsets never count), the first recent date,
   and leaked (attributed to sources, and no confirmation by the company anywhere) or confirmed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from ingest.models import Classification
from ingest.understanding.aliases import CompanyTable, load_company_table
from ingest.understanding.automation import automation_story
from ingest.understanding.clauses import forget_sentences
from ingest.understanding.dates import forget_dates, resolve_announced_on, vague_week
from ingest.understanding.events import HEADLINE_FREE_LEAD, LEAD, Article, Event, read_article
from ingest.understanding.capitals import uncapped
from ingest.understanding.figures import action_count
from ingest.understanding.kept import staff_kept
from ingest.understanding.language import detect_language, guess_language
from ingest.understanding.lexicon import SUPPORTED, Lexicon, lexicon
from ingest.understanding.proposals import proposal_put, proposed
from ingest.understanding.headline import (
    DECIDED, POSSIBLE, ROUNDUP_EMPLOYERS, addresses_reader, anticipated, bare_threat, blocks_lead, circumstance, contested_plan,
    described, framed, incidental, insolvency_without_cuts, listed, lists_employers, newsletter, only_threatened,
    own_proposal, protested, reacts, results_story, tallied,
)
from ingest.understanding.modality import asserts_decision
from ingest.understanding.pay import raised_pay
from ingest.understanding.same_action import EXTENDED_LEAD, reordered, same_employer
from ingest.understanding.second_opinion import DOUBT, load_second_opinion
from ingest.understanding.sector import (
    labour_statistic, lists_kind, opens_on_sector, pair_in_headline, period_tally, shared_out, unnamed_in_headline,
)
from ingest.understanding.status import attribution_dates, carried_by_report, cites_sources, confirmed_by_employer, own_sentences

# What each version changed: docs/classifier_versions.md.
CLASSIFIER_VERSION = "rules-57"
_EVIDENCE_CHARS = 400
# Under a headline with no cue of its own the lead runs longer (`HEADLINE_FREE_LEAD` when the
# headline speaks of a plan, a closure or the employer itself, else this far); unless the headline speaks of a plan,
# a closure, a restructuring or a confirmation, cuts told only after `_NAMED_LEAD` sentences are context.
_NAMED_LEAD = 5
_ELAPSED = re.compile(r"(?i)\b(?:(?:a|one|two|three|six|\d+)\s+(?:years?|months?)\s+(?:on|later|after|since)|still|"
                      r"anniversary|ein\s+jahr\s+(?:danach|später)|un\s+an\s+après|un\s+año\s+después|un\s+anno\s+dopo)\b")
_SUPPORTING, _MANY = frozenset(("current", "plan", "confirm", "leak", "closure")), frozenset(
    "multiple several many some various numerous two three four five dozens hundreds".split())


def _asserts_action(e: Event, headline_kinds: frozenset[str] = frozenset()) -> bool:
    """Return whether a cue states an action, not just a topic ("Amazon's layoffs are about culture")."""
    if e.clause_kinds & {"explained", "individual"} or raised_pay(e) or (
            "temporary" in e.clause_kinds and e.cue.kind == "loss" and not e.amounts and "closure" in e.sentence_kinds):
        return False  # "layoffs were about culture"; "he was laid off"; "will temporarily close its six warehouses"
    if e.cue.kind in ("cut", "staff", "loss", "notice", "furlough") or e.amounts:
        return True
    if e.cue.kind == "affected":
        return bool((e.sentence_kinds | headline_kinds) & {"closure", "restructuring"})
    # a layoff noun beside a closure in a headline: "Inverclyde jobs blow as Amazon plans to shut ..."
    return bool(e.clause_kinds & _SUPPORTING) or (e.in_title and "closure" in e.sentence_kinds)


def reportable(e: Event, headline_kinds: frozenset[str] = frozenset(), plan_headline: bool = False) -> bool:
    """Return whether an event is a current layoff action by a specific employer (under a headline asserting the
    employer's plan, a modal in the lead is that plan's cost: "<Firm> to close <site>" over "140 jobs could go")."""
    stated = e.reading.modality in ("asserted", "leaked") or (plan_headline and e.reading.modal_only) or own_proposal(e)
    if stated and not plan_headline and ((bare_threat(e) and not _closing(headline_kinds)) or anticipated(e)):
        return False
    return (
        e.actor is not None and not e.generic and stated and e.reading.time == "current"
        and _asserts_action(e, headline_kinds) and not protested(e)
    )


def _closing(headline_kinds: frozenset[str]) -> bool:
    """Return whether the headline asserts a closure ("<Firm> confirms administration", "<Plant> to close"): jobs
    the body says are at risk are its cost, not a possibility."""
    return "closure" in headline_kinds and bool(headline_kinds & {"confirm", "current", "plan", "decision"})


def plural_actor(e: Event, lex: Lexicon) -> bool:
    """Return whether a cue's employer is a capitalised plural common noun ("Universities have announced", not "Xbox
    Game Studios") or its count one of several employers' ("Amazon 18,000, Alphabet 12,000 and Meta 11,000")."""
    if shared_out(e):
        return True
    if e.actor is None or e.actor.known:
        return False
    words = [w.lower() for w in e.actor.name.split()]
    if words[0] in _MANY and not lex.org_words.search(e.actor.name):  # "Multiple Charities Announce Closures"
        words = words[1:2] or words  # (not "Multiple Brands Group": a name)
    elif len(words) > 2 or (len(words) == 2 and not words[0].endswith("ing")):
        return False
    return any((m := p.match(words[-1])) is not None and m.end() == len(words[-1]) for p in _generic_patterns(lex.code))


@lru_cache(maxsize=8)
def _generic_patterns(code: str) -> tuple[re.Pattern[str], ...]:
    """Return a language's patterns of generic subjects ("companies", "universities"), read on lower-cased text."""
    return tuple(p for kind, p, cased in lexicon(code).markers if kind == "generic" and not cased)


def _reach(article: Article, title_events: list[Event]) -> int:
    """Return how far into the body the main event may be: the lead, or further under a headline without a cue."""
    if title_events:
        return LEAD
    kinds = {m.kind for m in article.title_markers}
    if kinds & POSSIBLE and not kinds & DECIDED:
        return LEAD  # a warning or a possibility in the headline ("Minister warns tariffs could cost jobs") is the news
    main = article.employers.main
    title = article.title
    if kinds & {"closure", "restructuring", "plan", "confirm"} or (main is not None and main.name in title):
        return HEADLINE_FREE_LEAD
    return EXTENDED_LEAD


def _context_only(article: Article, title_events: list[Event], first: Event) -> bool:
    """Return whether a headline with no layoff cue, plan, closure, restructuring or confirmation ("<Firm> employees
    must return to office", "A grim morning in Leven") is about something else: cuts its body tells only after its
    first five sentences are context (measured: past the fifth, such leads held no report on dev and the opened
    probes)."""
    kinds = {m.kind for m in article.title_markers}
    return not title_events and not kinds & {"closure", "restructuring", "plan", "confirm"} and (
        first.sentence.index > _NAMED_LEAD)


def _reaction_to_cuts(article: Article, title_events: list[Event], lex: Lexicon) -> Event | None:
    """Return the headline's cue when a party reacts to one employer's cuts it names ("<union> slams redundancies at
    <firm>") and the lead states them as an act: the reaction is news about the employer's decided cuts (cuts the lead
    dates in the past, "the job cuts announced last month", make the reaction a follow-up)."""
    named = [e for e in title_events
             if e.cue.kind == "noun" and e.actor is not None and not e.generic and not plural_actor(e, lex)
             and e.reading.modality in ("asserted", "leaked") and e.reading.time == "current"]
    if not named:
        return None
    lead = [e for e in article.events if not e.in_title and not e.aside and e.sentence.index <= LEAD]
    # time gone by in the lead ("A year on, the mills are quiet", "still") makes an answered cut an old one
    elapsed = any(_ELAPSED.search(s.text) for s in article.sentences if not s.is_title and s.index <= LEAD)
    acts = [e for e in lead if (reportable(e) or (not elapsed and _answered(e, named[0]))) and not plural_actor(e, lex)]
    return named[0] if acts and not any("past" in e.clause_kinds for e in lead) else None


def _answered(e: Event, named: Event) -> bool:
    """Return whether a lead's cut is the news a reaction answers: the headline's employer, told in a clause after
    "after" with no time of its own ("Unions seek assurances after <Firm> announced plans to axe jobs")."""
    if e.reading.time != "past" or e.reading.modality != "asserted" or e.actor is None or named.actor is None:
        return False
    undated = not any(d.age_days is not None and d.age_days > 14 for d in e.facts.dates())
    return e.actor.parent == named.actor.parent and "decision_frame" in e.clause_kinds and undated


def main_event(article: Article, lex: Lexicon) -> Event | None:
    """Return the event that makes the article a report, or None when it is not one."""
    if framed(article) or addresses_reader(article) or pair_in_headline(article) or lists_employers(article) or (
            lists_kind(article)):
        return None  # a recap, an opinion, advice, a list of cases, a lesson, or employers' cuts together
    if period_tally(article, lex):
        return None  # "7,600 jobs lost in '19": a tally of many employers' cuts over a span
    all_title_events = [e for e in article.events if e.in_title]
    title_events = [e for e in all_title_events if not circumstance(e, lex)]
    headline_kinds = frozenset(m.kind for m in article.title_markers)
    reaction = reacts(article, lex)
    found = [e for e in title_events
             if (reportable(e) and not (reaction and e.cue.kind == "noun") and not described(e))
             or (reaction and contested_plan(e))]
    if found:
        first = found[0]
        if only_threatened(first, article) or listed(first, article) or plural_actor(first, lex) or tallied(first, lex):
            return None
        if insolvency_without_cuts(first, article) or staff_kept(first, article):
            return None  # "<Firm> falls into administration" over "No immediate redundancies have been made"; a move
        if unnamed_in_headline(first) and opens_on_sector(article):
            return None  # "Thousands more university jobs cut" over "Universities have announced ...": a sector's wave
        return first
    if reaction and (named := _reaction_to_cuts(article, title_events, lex)) is not None:
        return named
    # a party reacting to the employer's decided closure or plan, with no cue of its own ("<union> opposes <firm>'s
    # factory closure"), leaves the plan's jobs to the lead
    # (a lead telling the proposal was put to staff, a consultation begun or staff told, is as good as the plan's
    # headline: "Up to 90 jobs under threat at <firm>" over "Staff have been told up to 90 of them could lose their jobs")
    told = proposal_put(article, lex)
    plan = asserts_decision(article.title, article.title_markers) or told
    reaction = reaction and (bool(all_title_events) or not plan)
    if reaction or any(blocks_lead(e, lex) and not carried_by_report(e, article) and not (
            told and e.reading.modality == "speculative") for e in title_events):
        return None  # the headline's own cue is not a current action: the lead cannot outvote it
    if not all_title_events and any(m.kind == "past" for m in article.title_markers):
        return None  # "Four months after the plant closed, families are still scrambling": a follow-up
    if not all_title_events and newsletter(article, lex):
        return None  # a newsletter's items under a headline without a cue are a digest of news told elsewhere
    if not all_title_events and results_story(article):
        return None  # "<Firm> Q3 profit jumps" over "last week it cut 14,000 jobs": an earnings story, the cut its context
    if opens_on_sector(article):
        return None  # "Of 166 universities, 90 are proposing job cuts": the employers named later are its examples
    reach = _reach(article, all_title_events)
    lead = [e for e in article.events
            if not e.in_title and not e.aside and e.sentence.index <= reach and (
                reportable(e, headline_kinds, plan) or proposed(e, told))
            and not plural_actor(e, lex) and not labour_statistic(e, headline_kinds)]
    if len({e.actor.parent for e in lead if e.actor}) >= ROUNDUP_EMPLOYERS:
        return None
    return lead[0] if lead and not _context_only(article, all_title_events, lead[0]) else None


def _units(main: Event, events: list[Event]) -> tuple[str, ...]:
    """Return the units of the main employer named in its report events (a subsidiary's own name included).

    When the main event names units, an event naming only other units is a sister unit's action told beside it
    ("Prime Video cuts hundreds ... the same day Twitch announced 500"), not more of this one's scope; a main event
    naming none (a company-wide cut) takes the teams its other events name.
    """
    seen: dict[str, None] = {}
    assert main.actor is not None
    if main.actor.unit:
        seen[main.actor.unit] = None
    elif main.actor.name != main.actor.parent:
        seen[main.actor.name] = None
    seen.update(dict.fromkeys(main.units))
    own = set(seen)
    for e in [e for e in events if e is not main and same_employer(main, e)]:
        if own and e.units and not own.intersection(e.units):
            continue
        for unit in e.units:
            seen.setdefault(unit, None)
    return tuple(seen)


def _full_name(main: Event, article: Article, lex: Lexicon) -> str:
    """Return the employer's parent, a short form completed from the lead: "Council" -> "Birchfield City
    Council", "Eastmoor Council" -> "Eastmoor District Council", "Northstar" -> "Northstar Interactive"."""
    assert main.actor is not None
    actor = main.actor
    if actor.known or actor.parent != actor.name:
        return actor.parent
    short = actor.name.split()
    for _, names in article.lead_names:
        for name in names:
            long = name.text.split()
            if name.known or len(long) <= len(short) or name.text == actor.name:
                continue
            ends = long[-1] == short[-1] and (len(short) == 1 or long[0] == short[0])
            # "Lloyds Bank" -> "Lloyds Banking Group": each word written in full, an organisation word added
            extends = all(w.startswith(v) for w, v in zip(long[: len(short)], short, strict=True)) and (
                lex.org_words.search(" ".join(long[len(short) :])) is not None)
            if (ends and (len(short) > 1 or lex.org_words.search(actor.name))) or extends or reordered(
                    actor.name, name.text):
                return name.text
    return actor.parent


def _evidence(main: Event, events: list[Event], leak: bool) -> str:
    """Return the sentence that best shows the action and who states it: a lead sentence of the same action
    with its attribution (an announcement, then any statement; a leak's source for a leak), else the main one."""
    lead = [e for e in [main, *events] if e.sentence.index <= HEADLINE_FREE_LEAD]
    wanted = (("leak",),) if leak else (("confirm",), ("speech",))
    for kinds in wanted:
        for e in lead:
            if not e.in_title and e.sentence_kinds & set(kinds):
                return e.sentence.text
    return main.sentence.text


def _trim(text: str) -> str:
    """Return the sentence cut at a word boundary to at most ~400 characters."""
    if len(text) <= _EVIDENCE_CHARS:
        return text
    return text[:_EVIDENCE_CHARS].rsplit(" ", 1)[0] + " …"


def _report(base: dict, article: Article, main: Event, published: date, lex_code: str) -> Classification:
    """Return the layoff_report Classification with the facts of the main event."""
    assert main.actor is not None
    # (a cut told beside this one, "separate from its plan to cut 18,000 jobs", gives it no count, unit or date)
    events = [e for e in article.events if same_employer(main, e) and (e is main or "separate" not in e.clause_kinds)]
    amount, share = action_count(main, events, article.events, article.sentences)
    lex = lexicon(lex_code)
    dates = [d for e in [main, *events] if e is main or "separate" not in e.sentence_kinds for d in e.dates]
    dates += attribution_dates(article.sentences, lex, published)
    lead_sentences = [s for s in article.sentences if s.is_title or s.index <= LEAD]
    leak = cites_sources([main.sentence, *lead_sentences], lex, published)
    if leak:
        names = (main.actor.name, main.actor.parent, main.actor.unit or "", *_units(main, article.events),
                 *(e.actor.name for e in events if e.actor))
        leak = not confirmed_by_employer(own_sentences(article, main), names, lex, published)
    if leak:
        # A leak is news the day it is first reported. Its sentences date the plan's steps ("managers were told
        # last week", "starting Tuesday"), not the report: only a day it names counts, else its publication.
        dates = [d for d in dates if not vague_week(d)]
    announced = resolve_announced_on(dates) or published
    confidence = min(0.97, 0.7 + 0.04 * len(events) + (0.1 if main.in_title else 0.0))
    return Classification(
        **base, label="layoff_report", confidence=round(confidence, 2), companies=(_full_name(main, article, lex),),
        units=_units(main, article.events),
        headcount=amount.value if amount else None,
        headcount_min=amount.min if amount else None,
        headcount_max=amount.max if amount else None,
        headcount_approx=amount.approx if amount else False,
        headcount_text=amount.text if amount else (share.text if share else None),
        headcount_pct=share.pct if share else None,
        announced_on=announced, is_leak=leak, evidence=_trim(_evidence(main, events, leak)),
    )


def _mention(base: dict, article: Article) -> Classification:
    """Return the layoff_mention Classification: who is discussed, and the deciding sentence."""
    companies: dict[str, None] = {}
    for e in article.events:
        if e.actor is not None and not e.generic:
            companies.setdefault(e.actor.parent, None)
    first = article.events[0]
    confidence = min(0.9, 0.6 + 0.05 * len(article.events))
    return Classification(**base, label="layoff_mention", confidence=round(confidence, 2),
                          companies=tuple(companies), evidence=_trim(first.sentence.text))


def _doubted(report: Classification, main: Event, title: str, text: str) -> bool:
    """Return whether the second opinion is sure a report is none (an essay or a feature built around a cut). A cut
    with a count or a share, or by an employer the headline names (a cut told in the lead of a story about something
    else the employer did: "<Firm> lifts pay ... It also said it would cut jobs"), is never taken away."""
    named = (main.actor.name if main.actor else "", *report.companies, *report.units)
    headline = title.lower()
    if report.headcount is not None or report.headcount_pct is not None or any(
            n and re.search(rf"\b{re.escape(n.lower())}\b", headline) for n in named):
        return False
    opinion = load_second_opinion().proba(title, text)
    return opinion is not None and opinion["layoff_report"] < DOUBT


def classify(
    article_id: str, title: str, text: str, published_at: datetime, *, companies: CompanyTable | None = None
) -> Classification:
    """Return the label and extracted facts for one article (published_at is naive UTC)."""
    table = companies or load_company_table()
    # one apostrophe: a headline's "Sainsbury's" and the body's "Sainsbury’s" are one name
    title, text = (title or "").replace("’", "'"), (text or "").replace("’", "'")
    forget_sentences()
    forget_dates()
    language = detect_language(title, text)
    base = {"article_id": article_id, "classifier_version": CLASSIFIER_VERSION, "language": language}
    if language is not None and language not in SUPPORTED:
        return Classification(**base, label="not_layoff", confidence=0.9)
    code = language or guess_language(title, text)
    published = published_at.date()
    article = read_article(*uncapped(title, text, table), published, lexicon(code), table)
    if not article.events:
        return Classification(**base, label="not_layoff", confidence=0.95)
    main = main_event(article, lexicon(code))
    if main is not None:
        report = _report(base, article, main, published, code)
        if not automation_story(main, report, lexicon(code)) and not _doubted(report, main, title, text):
            return report
        return _mention(base, article)
    if incidental(article):
        return Classification(**base, label="not_layoff", confidence=0.8, evidence=_trim(article.events[0].sentence.text))
    return _mention(base, article)
