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
   in the lead make a round-up, not a report.
4. Any other layoff cue makes a `layoff_mention`; none, `not_layoff`.
5. Facts come from the main event and the report events of the same employer: parent and units,
   the most precise consistent count (totals and subsets never count), the first recent date,
   and leaked (attributed to sources, and no confirmation by the company anywhere) or confirmed.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ingest.models import Classification
from ingest.understanding.aliases import CompanyTable, load_company_table
from ingest.understanding.clauses import forget_sentences
from ingest.understanding.dates import forget_dates, resolve_announced_on, vague_week
from ingest.understanding.events import HEADLINE_FREE_LEAD, LEAD, Article, Event, read_article
from ingest.understanding.headcount import Amount, refine
from ingest.understanding.language import detect_language
from ingest.understanding.lexicon import SUPPORTED, Lexicon, lexicon
from ingest.understanding.status import attribution_dates, cites_sources, confirmed_by_employer

# rules-3: every cue is reachable past the lead (the triggers cover all cue stems); a German partnership
# ("Kessler & Söhne streicht ...") and a word opening a headline before its action ("Michelin va fermer ...") or
# a sentence before a statement ("Shelterline said ...") are names; pages are read faster, to the same decisions.
# rules-4: a union or ministry reacting to a counted plan in the headline ("<union> rejects the plan of 212 job cuts at
# <employer>") reports the employer's plan; French counts elided before the noun ("un millier d'emplois",
# "la suppression d'un millier de postes") and "portant sur N départs" are read; "cut 60 of its 240 staff" counts 60.
# rules-5: weighing an option ("is considering cutting", "erwägt") is speculative; a headline that only says jobs are
# at risk over a lead of possibilities ("could cut up to 400 jobs if ...") is no report, nor is a later sentence under
# a headline of warnings ("Minister warns tariffs could cost jobs"); a word the article writes as a place ("in
# Leeds", "across Herefordshire, Worcestershire and Shropshire") is not an employer unless an alias or an
# organisation word says so.
# rules-6: tuned on dev only (the old test split moved there, a fresh one was written): a running programme's
# progress, a digest, an explainer or advice headline, a superlative "since" and one person losing a job are no
# reports; an abolished public body, a closure "after 160 years", an overall reduction are; a leak is dated the day
# it is reported; laws, courts, people, titles, shouted headline words and bare organisation nouns never employ;
# de/fr/es/it closures, contract non-renewals, completed plans, "no descarta", counts after the noun.
CLASSIFIER_VERSION = "rules-6"
_EVIDENCE_CHARS = 400
# Under a headline with no cue of its own the lead runs longer (`HEADLINE_FREE_LEAD` when the
# headline speaks of a plan, a closure or the employer itself, else this far).
_EXTENDED_LEAD = 6
_SUPPORTING = frozenset(("current", "plan", "confirm", "leak", "closure"))
_ROUNDUP_EMPLOYERS = 3
# A headline cue that only says jobs are threatened, in the five languages: whether it is news or a possibility
# is for the lead to say.
_THREAT = re.compile(
    r"\b(?:at\s+risk|under\s+threat|in\s+jeopardy|menacé\w*|en\s+jeu|sur\s+la\s+sellette|en\s+riesgo|en\s+el\s+aire|"
    r"en\s+peligro|a\s+rischio|in\s+bilico|in\s+pericolo|in\s+Gefahr|gefährdet|bedroht|auf\s+der\s+Kippe)\b",
    re.IGNORECASE,
)
_DECIDED = frozenset(("plan", "closure", "restructuring", "confirm", "current", "leak"))
_POSSIBLE = frozenset(("conditional", "speculative", "forecast", "hypothetical"))


def _guess_language(title: str, text: str) -> str:
    """Return the supported language whose layoff cues occur most in a short text (English on a tie)."""
    sample = f"{title}\n{text[:600]}"
    low = sample.lower()
    hits = {code: sum(len(p.findall(sample if cased else low)) for _, p, cased in lexicon(code).cues)
            for code in SUPPORTED}
    return max(SUPPORTED, key=lambda code: (hits[code], code == "en"))


def _asserts_action(e: Event, headline_kinds: frozenset[str] = frozenset()) -> bool:
    """Return whether a cue states an action, not just a topic ("Amazon's layoffs are about culture")."""
    if e.cue.kind in ("cut", "staff", "loss", "notice", "furlough") or e.amounts:
        return True
    if e.cue.kind == "affected":
        return bool((e.sentence_kinds | headline_kinds) & {"closure", "restructuring"})
    # a layoff noun beside a closure in a headline: "Inverclyde jobs blow as Amazon plans to shut ..."
    return bool(e.clause_kinds & _SUPPORTING) or (e.in_title and "closure" in e.sentence_kinds)


def reportable(e: Event, headline_kinds: frozenset[str] = frozenset()) -> bool:
    """Return whether an event is a current layoff action by a specific employer."""
    return (
        e.actor is not None and not e.generic and e.reading.modality in ("asserted", "leaked")
        and e.reading.time == "current" and _asserts_action(e, headline_kinds)
    )


def _framed(article: Article) -> bool:
    """Return whether the headline frames the article as a recap, an opinion, advice or a question."""
    kinds = {m.kind for m in article.title_markers}
    title = article.sentences[0] if article.sentences and article.sentences[0].is_title else None
    return bool(kinds & {"recap", "advice"}) or (title is not None and title.text.rstrip().endswith("?"))


def _reaction(article: Article, lex: Lexicon) -> bool:
    """Return whether the headline's subject is someone else reacting to cuts (a union's statement, a court):
    the first capitalised word among the first three of one of its clauses names a union or an agency."""
    title = article.sentences[0].text if article.sentences and article.sentences[0].is_title else ""
    for clause in re.split(r":\s|;|\s[-–—]\s", title):
        capitalised = [w for w in re.findall(r"[^\W\d_][\w&.-]*", clause)[:3] if w[0].isupper()]
        if capitalised and lex.non_employers.match(capitalised[0]):
            return True
    return False


def _contested_plan(e: Event) -> bool:
    """Return whether a headline event under a reacting party (a union, a ministry) still reports the employer's
    counted plan: "<union> rejects the plan of 212 job cuts at <employer>" says the plan exists. The reaction's
    verb ("rejects", "rechaza") is the party's stance, not the employer denying its cuts; a negation still is."""
    if e.actor is None or e.generic or not e.amounts or e.reading.time != "current":
        return False
    if e.reading.modality in ("asserted", "leaked"):
        return True
    return e.reading.modality == "denied" and "deny" in e.clause_kinds and "negation" not in e.clause_kinds


def _blocks_lead(e: Event) -> bool:
    """Return whether a headline cue that is no report says the article is about something else: denied,
    speculative, forecast, past, generic, or cuts by a named employer the headline only talks about ("Jassy says
    Amazon's layoffs are about culture"). A headline that opens on the layoffs at a place ("Redundancies at Corran
    Engineering as orders shrink") leaves the action to the lead."""
    if e.generic or e.reading.modality not in ("asserted", "leaked") or e.reading.time != "current":
        return True
    if e.sentence_kinds & _POSSIBLE and _THREAT.search(e.sentence.text[e.cue.start : e.cue.end]):
        return True  # jobs at risk under a fear or a forecast in the headline: a possibility, whoever says it
    if e.actor is None and "generic" in e.sentence_kinds:
        return True  # "The AI layoffs are here, whatever bosses say": a trend, its examples in the body
    if e.cue.kind == "noun" and not e.amounts and _topic_label(e):
        return False  # "Halden Motors job cuts: live updates": the headline names the topic, the lead the action
    return e.actor is not None and not (e.actor.how == "object" and e.cue.start == 0)


def _only_threatened(e: Event, article: Article) -> bool:
    """Return whether a headline only says jobs are at risk and every layoff cue of the lead is a possibility
    ("400 jobs at risk at <employer>" over "<employer> could cut up to 400 jobs if ..."): no plan is announced."""
    if not _THREAT.search(e.sentence.text[e.cue.start : e.cue.end]):
        return False
    if e.sentence_kinds & _POSSIBLE:
        return True  # "<sector> fears a slowdown: 15,000 jobs at risk", "closure scenario: 20,000 jobs at risk"
    if e.sentence_kinds & _DECIDED:
        return False  # "<employer> plans to close <site> with 2,000 jobs at risk" announces the plan
    lead = [x for x in article.events if not x.in_title and not x.aside and x.sentence.index <= LEAD]
    return bool(lead) and all(x.reading.modality in _POSSIBLE for x in lead)


def _circumstance(e: Event, lex: Lexicon) -> bool:
    """Return whether a headline cue only sets the scene in a clause of its own ("<Firm> strike ripples through
    suppliers | as furloughs spread"): an uncounted noun whose employer is only the subject of another clause says
    cuts are happening somewhere, not who makes them; the lead says that."""
    if e.actor is None or e.actor.how not in ("sentence", "descriptor") or e.cue.kind not in ("noun", "furlough") or (
        e.amounts
    ):
        return False
    start = e.facts.spans[e.cue.clause][0]
    return e.cue.clause > 0 and lex.leading_clause.match(e.sentence.low, start) is not None


def _newsletter(article: Article, lex: Lexicon) -> bool:
    """Return whether the body opens as a newsletter ("Good morning, and welcome to The Byte, your briefing")."""
    first = next((s for s in article.sentences if not s.is_title), None)
    return first is not None and lex.newsletter is not None and lex.newsletter.search(first.text) is not None


def _topic_label(e: Event) -> bool:
    """Return whether a headline cue ends a heading before a colon or dash: a topic ("<Employer> job cuts:",
    "Redundancies live:"), not a claim about the cuts ("Jassy says Amazon's layoffs are about culture")."""
    rest = e.sentence.low[e.cue.end :]
    return re.match(r"\s*(?:live\b)?\s*(?:[:|–—]|-\s)", rest) is not None


def _reach(article: Article, title_events: list[Event]) -> int:
    """Return how far into the body the main event may be: the lead, or further under a headline without a cue."""
    if title_events:
        return LEAD
    kinds = {m.kind for m in article.title_markers}
    if kinds & _POSSIBLE and not kinds & _DECIDED:
        return LEAD  # a warning or a possibility in the headline ("Minister warns tariffs could cost jobs") is the news
    main = article.employers.main
    title = article.sentences[0].text if article.sentences and article.sentences[0].is_title else ""
    if kinds & {"closure", "restructuring", "plan", "confirm"} or (main is not None and main.name in title):
        return HEADLINE_FREE_LEAD
    return _EXTENDED_LEAD


def main_event(article: Article, lex: Lexicon) -> Event | None:
    """Return the event that makes the article a report, or None when it is not one."""
    if _framed(article):
        return None
    all_title_events = [e for e in article.events if e.in_title]
    title_events = [e for e in all_title_events if not _circumstance(e, lex)]
    headline_kinds = frozenset(m.kind for m in article.title_markers)
    reaction = _reaction(article, lex)
    found = [e for e in title_events
             if (reportable(e) and not (reaction and e.cue.kind == "noun")) or (reaction and _contested_plan(e))]
    if found:
        return None if _only_threatened(found[0], article) else found[0]
    if reaction or any(_blocks_lead(e) for e in title_events):
        return None  # the headline's own cue is not a current action: the lead cannot outvote it
    if not all_title_events and any(m.kind == "past" for m in article.title_markers):
        return None  # "Four months after the plant closed, families are still scrambling": a follow-up
    if not all_title_events and _newsletter(article, lex):
        return None  # a newsletter's items under a headline without a cue are a digest of news told elsewhere
    reach = _reach(article, all_title_events)
    lead = [e for e in article.events
            if not e.in_title and not e.aside and e.sentence.index <= reach and reportable(e, headline_kinds)]
    if len({e.actor.parent for e in lead if e.actor}) >= _ROUNDUP_EMPLOYERS:
        return None
    return lead[0] if lead else None


def _incidental(article: Article) -> bool:
    """Return whether the article's layoff cues are incidental: none in the headline, and only denials ("no jobs
    are affected") or, under a hiring headline, the past ("after cutting thousands during the pandemic")."""
    kinds = {m.kind for m in article.title_markers}
    if any(e.in_title for e in article.events) or ("deny" in kinds and kinds & {"closure", "restructuring", "plan"}):
        return False  # a headline denying a closure or a plan ("<employer> denies: no closure") is about the cuts
    hiring = "hiring" in kinds
    return all(e.reading.modality == "denied" or (hiring and e.reading.time != "current") for e in article.events)


def _same_employer(main: Event, e: Event) -> bool:
    """Return whether `e` states facts of the main event's action: the same employer acting now (or, in the
    lead, a cue with no employer of its own: "In total 1,200 staff are affected")."""
    if e.generic or e.aside:
        return False
    if e.actor is None:
        acting = not e.in_title and e.sentence.index <= _EXTENDED_LEAD
    else:
        acting = main.actor is not None and e.actor.parent == main.actor.parent
    # the reading last: an event of another employer is never read further
    return acting and e.reading.modality in ("asserted", "leaked") and e.reading.time == "current"


def _headcount(main: Event, events: list[Event]) -> tuple[Amount | None, Amount | None]:
    """Return the most precise consistent count of the main event's action, and its share of staff."""
    ordered = [main] + [e for e in events if e is not main and _same_employer(main, e)]
    best: Amount | None = None
    share: Amount | None = None
    for e in ordered:
        for amount in e.amounts:
            if amount.pct is not None:
                share = share or amount
            else:
                best = refine(best, amount)
    return best, share


def _units(main: Event, events: list[Event]) -> tuple[str, ...]:
    """Return the units of the main employer named in its report events (a subsidiary's own name included)."""
    seen: dict[str, None] = {}
    assert main.actor is not None
    if main.actor.unit:
        seen[main.actor.unit] = None
    elif main.actor.name != main.actor.parent:
        seen[main.actor.name] = None
    for e in [main] + [e for e in events if _same_employer(main, e)]:
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
            extends = long[: len(short)] == short and lex.org_words.search(" ".join(long[len(short) :])) is not None
            if (ends and (len(short) > 1 or lex.org_words.search(actor.name))) or extends:
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
    events = [e for e in article.events if _same_employer(main, e)]
    amount, share = _headcount(main, events)
    lex = lexicon(lex_code)
    dates = [d for e in [main, *events] for d in e.dates] + attribution_dates(article.sentences, lex, published)
    lead_sentences = [s for s in article.sentences if s.is_title or s.index <= LEAD]
    leak = cites_sources([main.sentence, *lead_sentences], lex, published)
    if leak:
        names = (main.actor.name, main.actor.parent, main.actor.unit or "", *_units(main, article.events),
                 *(e.actor.name for e in events if e.actor))
        leak = not confirmed_by_employer(article.sentences, names, lex, published)
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


def classify(
    article_id: str, title: str, text: str, published_at: datetime, *, companies: CompanyTable | None = None
) -> Classification:
    """Return the label and extracted facts for one article (published_at is naive UTC)."""
    table = companies or load_company_table()
    title, text = title or "", text or ""
    forget_sentences()
    forget_dates()
    language = detect_language(title, text)
    base = {"article_id": article_id, "classifier_version": CLASSIFIER_VERSION, "language": language}
    if language is not None and language not in SUPPORTED:
        return Classification(**base, label="not_layoff", confidence=0.9)
    code = language or _guess_language(title, text)
    published = published_at.date()
    article = read_article(title, text, published, lexicon(code), table)
    if not article.events:
        return Classification(**base, label="not_layoff", confidence=0.95)
    main = main_event(article, lexicon(code))
    if main is not None:
        return _report(base, article, main, published, code)
    if _incidental(article):
        return Classification(**base, label="not_layoff", confidence=0.8, evidence=_trim(article.events[0].sentence.text))
    return _mention(base, article)
