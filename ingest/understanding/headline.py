"""What a headline says about its article: a claim, a topic, a question, a list, a threat, a reaction.

The headline and lead state an article's main event (`classify.main_event`); these read the headline's own cues and
framing: a report's claim, a topic the lead explains, or the article framed as something else."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.understanding.events import LEAD, Article, Event
from ingest.understanding.lexicon import Lexicon
from ingest.understanding.headline_nouns import coming_cuts, owned, undergone
from ingest.understanding.lexicon.frames import anticipate
from ingest.understanding.modality import asked, decided_before_question
from ingest.understanding.names import Name
from ingest.understanding.sector import labour_statistic

ROUNDUP_EMPLOYERS = 3  # employers acting in a headline's subject or a lead that make a round-up
# A headline cue that only says jobs are threatened, in the five languages: news or a possibility, the lead says.
THREAT = re.compile(
    r"\b(?:at\s+risk|risks?|risking|threatens?|threatening|under\s+threat|in\s+jeopardy|on\s+the\s+line|menacé\w*|en\s+jeu|sur\s+la\s+sellette|en\s+riesgo|en\s+el\s+aire|"
    r"en\s+peligro|a\s+rischio|in\s+bilico|in\s+pericolo|in\s+Gefahr|gefährdet|bedroht|auf\s+der\s+Kippe)\b",
    re.IGNORECASE,
)
# Between the names of a list: "Meta, Amazon, Google, and Microsoft"
_AND_OTHERS = re.compile(r",?\s+(?:and|und|et|e|y)\s+(?:others|more|andere|weitere|d['’]autres|altri|otros)\b", re.I)
_LIST_GAP = re.compile(r"(?:['’]s)?\s*(?:,\s*(?:[A-Z][\w'’&.-]*\s*,\s*)?|,?\s+(?:and|&|or|und|et|ou|e|o|y)\b)\s*")
# A lead written for a reader, not about one act: it announces a list ("Here are four chains that ...", "We've run
# through them below") or teaches ("Learn the steps to follow", "But who exactly are these workers?"); "everything you
# need to know" and "What does this mean for players?" sit over news too, so they are not.
_REGISTER = re.compile(
    # (not the sites one employer closes: "Here are all the <Brand> stores slated for closure")
    r"\bhere\s+are\s+(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|some|all|more)\b(?!(?:\s+(?:of\s+)?"
    r"(?:the\s+)?[\w'’-]+){0,3}?\s+(?-i:[A-Z][\w'’&-]*)\s+(?:stores|shops|branches|sites|locations|restaurants|offices|pubs|"
    r"outlets)\s+"
    r"(?:that\s+(?:will|are)|which\s+(?:will|are)|slated|set\s+(?:to|for)|to\s+(?:close|shut|be)|closing|earmarked|due\s+to))|"
    r"\bhere['’]s\s+(?:a\s+)?(?:list|look|every)\b|\bbelow\s+(?:is|are)\b(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:message|memo|note|e-?mail|letter|statement))|"
    r"\b(?:listed|run\s+through|rounded\s+up|set\s+out|look\s+at)\s+(?:[\w’'-]+\s+){0,6}?below\b|"
    r"\blearn\s+(?:the|how)\b|"
    # a tracker or a table of many cases ("This is a live page of all the redundancies", "we will track every
    # round as it happens", "The full data is below")
    r"\b(?:live\s+)?(?:page|tracker|list|blog|database)\s+(?:of|tracking|listing|covering)\s+(?:all|every)\b|"
    r"\btrack(?:s|ing)?\s+(?:all|every)\b|\b(?:list|data|table|breakdown|figures)\s+(?:is|are)\s+below\b|"
    r"\bwho\s+exactly\b",
    re.IGNORECASE,
)
# A protest whose cause is the cuts ("a one-day strike to protest layoffs at the parent company", "to ballot on strike
# over job losses"): the news is the protest; the cuts were told before, and a report of them is their own story.
# Not a deal struck over cuts, nor shares rallying over them.
_PROTEST = re.compile(
    r"(?:\b(?:strikes?(?!\s+(?:an?|deal|agreement|pact)\b)|striking|walk-?outs?|walk(?:ed|ing)?\s+out|protest(?:s|ed|ing)?|picket\w*|"
    r"ballot(?:s|ed|ing)?|industrial\s+action|streik\w*|grève\w*|huelga\w*|scioper[oi])\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:over|against|to\s+protest|contre|contra|contro|gegen)|\bto\s+protest|\bin\s+protest\s+(?:at|against|over))"
    r"\s+(?:[\w'’-]+\s+){0,6}?$",
    re.IGNORECASE,
)
# A headline closing on who says it ("..., UCU tells Labour", "..., union says", "..., study finds")
_SAID_BY = re.compile(r",\s*(?P<who>[^,]{1,40}?)\s+(?:says|said|tells|told|warns|claims|finds|suggests|reveals)\b[^,]*$")
_SOURCE_NOUNS = re.compile(r"(?:the\s+)?(?:unions?|analysis|research|study|survey|report|data|figures)$", re.IGNORECASE)
_REGISTER_LEAD = 10  # sentences (a byline's lines count) in which a list or a lesson announces itself
DECIDED = frozenset(("plan", "closure", "restructuring", "confirm", "current", "leak"))
POSSIBLE = frozenset(("conditional", "speculative", "forecast", "hypothetical"))


# What makes jobs at risk the cost of something that is happening: a closure, a plan, an announcement
_AT_STAKE = frozenset(("closure", "restructuring", "plan", "confirm", "current", "leak", "decision", "decision_frame"))


def bare_threat(e: Event) -> bool:
    """Return whether a body cue only says jobs are at risk with nothing decided or happening in its sentence
    ("thousands of jobs are on the line", a union's warning): a possibility, like a modal without a plan."""
    return not e.in_title and THREAT.search(e.sentence.text, e.cue.start, e.cue.end) is not None and not (
        e.sentence_kinds & _AT_STAKE
    )


_NOT_OWN = frozenset(("leak", "forecast", "conditional", "hypothetical", "deny", "past"))


def own_proposal(e: Event) -> bool:
    """Return whether a counted cut only possible by a modal is the employer's own statement of its proposal: the
    clause's verb of saying has the employer as subject and "it" or "we" as the modal's ("<Trust> says it may cut up
    to 350 posts"): an announcement whose size is still to be settled, not a guess by others."""
    if e.in_title or not e.reading.modal_only or not e.amounts or e.actor is None or e.clause_kinds & _NOT_OWN:
        return False
    if e.sentence_kinds & (_NOT_OWN - {"past"}):
        return False
    start = e.facts.spans[e.cue.clause][0]
    speech = [m for m in e.markers if m.kind == "speech" and m.clause == e.cue.clause and start <= m.start < e.cue.start]
    if not speech:
        return False
    low, lex = e.sentence.low, e.facts.lex
    gap = re.match(r"\s+(?:that\s+)?", low[speech[-1].end :])
    after = speech[-1].end + (gap.end() if gap else 0)
    pronoun = lex.anaphors.match(low, after)
    return pronoun is not None and not lex.org_nouns.search(pronoun.group())


def anticipated(e: Event) -> bool:
    """Return whether a body noun cue is what people prepare for with nothing decided in its sentence ("staff were
    preparing for more than 1,000 job losses after talks collapsed"): cuts expected, not announced. A closure counts
    as decided only in the cue's own clause: talks or a deal may collapse too."""
    if e.in_title or e.cue.kind != "noun" or e.clause_kinds & DECIDED or e.sentence_kinds & (DECIDED - {"closure"}):
        return False
    frame = anticipate(e.facts.lex.code)
    start = e.facts.spans[e.cue.clause][0]
    return frame is not None and frame.search(e.sentence.low, start, e.cue.start) is not None


def framed(article: Article) -> bool:
    """Return whether the headline frames the article as a recap, an opinion, advice or a question (a question
    after a statement of the cuts asks about them: "<Firm> lays off 2,000: is it losing the fight?")."""
    kinds = {m.kind for m in article.title_markers}
    title = article.sentences[0] if article.sentences and article.sentences[0].is_title else None
    if bool(kinds & {"recap", "advice"}) or title is None:
        return bool(kinds & {"recap", "advice"})
    return asked(title.text, 0) or (
        title.text.rstrip().endswith("?") and not any(e.in_title and not asked(e.sentence.text, e.cue.end)
                                                    for e in article.events)
        and not decided_before_question(article.title, article.title_markers)
    )


def reacts(article: Article, lex: Lexicon) -> bool:
    """Return whether the headline's subject is someone else reacting to cuts (a union's statement, a court):
    the first capitalised word among the first three of one of its clauses names a union or an agency."""
    title = article.title
    for clause in re.split(r":\s|;|\s[-–—]\s", title):
        capitalised = [w for w in re.findall(r"[^\W\d_][\w&.-]*", clause)[:3] if w[0].isupper()]
        if capitalised and lex.non_employers.match(capitalised[0]):
            return True
    return False


def contested_plan(e: Event) -> bool:
    """Return whether a headline event under a reacting party (a union, a ministry) still reports the employer's
    counted plan: "<union> rejects the plan of 212 job cuts at <employer>" says the plan exists. The reaction's
    verb ("rejects", "rechaza") is the party's stance, not the employer denying its cuts; a negation still is."""
    if e.actor is None or e.generic or not e.amounts or e.reading.time != "current":
        return False
    if e.reading.modality in ("asserted", "leaked"):
        return True
    return e.reading.modality == "denied" and "deny" in e.clause_kinds and "negation" not in e.clause_kinds


# A concession right before a headline's layoff noun ("despite the layoffs", "pese a los despidos", "trotz der
# Entlassungen", "malgré les licenciements", "nonostante i licenziamenti")
_DESPITE = re.compile(r"\b(?:despite|in\s+spite\s+of|pese\s+a|a\s+pesar\s+de|malgré|trotz|nonostante|malgrado)\s+"
                      r"(?:\S+\s+){0,2}$")


def _conceded(e: Event, lex: Lexicon) -> bool:
    """Return whether a headline's layoff noun is only conceded: no cue before the concession, none told as today's."""
    m = _DESPITE.search(e.sentence.low, max(0, e.cue.start - 40), e.cue.start)
    return e.cue.kind == "noun" and m is not None and "current" not in e.clause_kinds and (
        lex.trigger.search(e.sentence.low, 0, m.start()) is None)  # ("Layoffs hit <firm> despite ...": the news first)


def blocks_lead(e: Event, lex: Lexicon) -> bool:
    """Return whether a headline cue that is no report says the article is about something else: denied,
    speculative, forecast, past, generic, or cuts by a named employer the headline only talks about ("Jassy says
    Amazon's layoffs are about culture"). A headline that opens on the layoffs at a place ("Redundancies at Corran
    Engineering as orders shrink") leaves the action to the lead, and so does a headline whose only doubt is a modal
    ("<Firm> staff may face redundancy"): whether a decided plan stands behind it is for the lead to say."""
    if _conceded(e, lex):
        return True  # "<Firm> keeps its hiring plans despite the layoffs": the cuts are the background
    if e.reading.modal_only and not e.generic and e.reading.time == "current":
        return False
    if e.generic or e.reading.modality not in ("asserted", "leaked") or e.reading.time != "current":
        return True
    if e.sentence_kinds & POSSIBLE and THREAT.search(e.sentence.text[e.cue.start : e.cue.end]):
        return True  # jobs at risk under a fear or a forecast in the headline: a possibility, whoever says it
    if e.actor is None and "generic" in e.sentence_kinds:
        return True  # "The AI layoffs are here, whatever bosses say": a trend, its examples in the body
    if e.cue.kind == "noun" and not e.amounts and (_topic_label(e) or _keywords(e.sentence.low, lex) or _labelled(e)):
        return False  # "Halden Motors job cuts: live updates": the headline names the topic, the lead the action
    if e.cue.kind == "noun" and not e.amounts and undergone(e, lex):
        return False  # "<Firm> prepares for redundancies": the cuts are coming; the lead says whether decided
    if e.cue.kind == "noun" and e.actor is not None and (e.actor.how == "descriptor" or owned(e)) and coming_cuts(e, lex):
        return False  # "Council job cuts to save £1.25m": the cuts are the subject; the lead says what they are
    # "Redundancies at <firm> as orders shrink", "Nächste Entlassungswelle bei <firm>": the layoffs at a place,
    # at most one word before them
    opens = len(e.sentence.text[e.facts.spans[e.cue.clause][0] : e.cue.start].split()) <= 1
    return e.actor is not None and not (e.actor.how == "object" and opens)


def described(e: Event) -> bool:
    """Return whether a headline cue is a participle opening a clause after a colon ("<Firm>'s AI playbook: cutting
    jobs while ..."): with no subject, auxiliary or count it is the topic, no event ("<Firm>: cutting 400 jobs" is)."""
    if not e.in_title or e.cue.clause == 0 or e.cue.kind != "cut" or e.amounts:
        return False
    start = e.facts.spans[e.cue.clause][0]
    return e.cue.start == start and e.sentence.text[max(0, start - 2) : start] == ": " and e.sentence.low[
        e.cue.start : e.cue.end
    ].split()[0].endswith("ing")


def listed(e: Event, article: Article) -> bool:
    """Return whether a headline cue's subject is a list of employers ("Meta, Amazon, Google and Microsoft announce
    job cuts"): a round-up of several actions, not the report of one."""
    if not e.in_title or not article.lead_names or not article.lead_names[0][0].is_title:
        return False
    start, text = e.facts.spans[e.cue.clause][0], e.sentence.text
    names = sorted((n for n in article.lead_names[0][1] if start <= n.start < e.cue.start and not n.weak),
                   key=lambda n: n.start)
    joined = all(_LIST_GAP.fullmatch(text[a.end : b.start]) for a, b in zip(names, names[1:], strict=False))
    return joined and len({n.parent for n in names}) >= ROUNDUP_EMPLOYERS


def lists_employers(article: Article) -> bool:
    """Return whether the headline lists employers anywhere ("closures and layoffs from <A>, <B>, <C> and more",
    "<A>, <B>, <C>: the giants cut in Italy", "also <A>, <B>, <C> and <D> will cut"): three or more organisations
    of different parents joined by commas and "and" (one unread name may stand between) make a round-up, whatever its cue."""
    if not article.lead_names or not article.lead_names[0][0].is_title:
        return False
    text, names = article.lead_names[0][0].text, [n for n in article.lead_names[0][1] if not n.weak]
    run: list[Name] = []
    for name in sorted(names, key=lambda n: n.start):
        if run and not _LIST_GAP.fullmatch(text[run[-1].end : name.start]):
            run = []
        run.append(name)
        if len({n.parent for n in run}) >= ROUNDUP_EMPLOYERS - (_AND_OTHERS.match(text, name.end) is not None):
            return True  # (two, and "and others", make three: "Adobe, Microsoft, Real, ZymoGenetics, and Others")
    return False


def _keywords(title: str, lex: Lexicon) -> bool:
    """Return whether a headline is a list of keywords (a page's slug: "<Firm> job cuts news") with no word or
    punctuation that makes it a sentence: it names a topic and leaves the action to the lead."""
    return lex.function_words is not None and lex.function_words.search(title) is None


def only_threatened(e: Event, article: Article) -> bool:
    """Return whether a headline only says jobs are at risk and every layoff cue of the lead is a possibility
    ("400 jobs at risk at <employer>" over "<employer> could cut up to 400 jobs if ..."): no plan is announced."""
    if not THREAT.search(e.sentence.text[e.cue.start : e.cue.end]):
        return False
    if e.sentence_kinds & POSSIBLE:
        return True  # "<sector> fears a slowdown: 15,000 jobs at risk", "closure scenario: 20,000 jobs at risk"
    if e.sentence_kinds & DECIDED:
        return False  # "<employer> plans to close <site> with 2,000 jobs at risk" announces the plan
    lead = [x for x in article.events if not x.in_title and not x.aside and x.sentence.index <= LEAD]
    return bool(lead) and all(x.reading.modality in POSSIBLE for x in lead)


def circumstance(e: Event, lex: Lexicon) -> bool:
    """Return whether a headline cue only sets the scene in a clause of its own ("<Firm> strike ripples through
    suppliers | as furloughs spread"): an uncounted noun whose employer is only the subject of another clause says
    cuts are happening somewhere, not who makes them; the lead says that."""
    if e.actor is None or e.actor.how not in ("sentence", "descriptor") or e.cue.kind not in ("noun", "furlough") or (
        e.amounts or _conceded(e, lex)  # (a concession is the background of the headline's own news: it blocks the lead)
    ):
        return False
    start = e.facts.spans[e.cue.clause][0]
    return e.cue.clause > 0 and lex.leading_clause.match(e.sentence.low, start) is not None


def newsletter(article: Article, lex: Lexicon) -> bool:
    """Return whether the body opens as a newsletter ("Good morning, and welcome to The Byte, your briefing")."""
    first = next((s for s in article.sentences if not s.is_title), None)
    return first is not None and lex.newsletter is not None and lex.newsletter.search(first.text) is not None


def _topic_label(e: Event) -> bool:
    """Return whether a headline cue ends a heading before a colon or dash: a topic ("<Employer> job cuts:",
    "Redundancies live:"), not a claim about the cuts ("Jassy says Amazon's layoffs are about culture")."""
    rest = e.sentence.low[e.cue.end :]
    m = re.match(r"\s*(?:(?:(?P<month>[^\W\d]+)\s+)?(?:19|20)\d\d\b)?\s*(?:live\b)?\s*(?:[:|–—]|-\s)", rest)
    # a year, or a month and year, may date the topic ("<Firm> layoffs October 2025:")
    return (m is not None and (m.group("month") is None or m.group("month") in e.facts.lex.words.months)) or (
        _named_topic(e))


def _named_topic(e: Event) -> bool:
    """Return whether the headline's clause is only the employer's name and the layoff noun, then nothing, a clause of
    circumstance ("<Unit> job cuts as <parent> restructures") or a place ("in Seattle"): a topic, not a claim."""
    if e.actor is None or e.actor.how != "subject":
        return False
    start, end = e.facts.spans[e.cue.clause]
    head = re.sub(r"['’]s?\s*$", "", e.sentence.text[start : e.cue.start].strip())
    rest = e.sentence.low[e.cue.end : end]
    return head.endswith(e.actor.name) and len(head.split()) == len(e.actor.name.split()) and (
        not rest.strip() or _AFTER_TOPIC.match(rest) is not None)


# After "<Firm> layoffs": a circumstance, or where and when they fall ("... in Washington state will take effect")
_AFTER_TOPIC = re.compile(r"\s+(?:as|amid|after|while)\s|\s+(?:in|at|across)\s+(?:[\w.'’-]+\s*){1,4}?(?:$|\s(?:as|amid|"
                          r"after|while)\s|\s(?:will|to|set\s+to)\s+(?:take\s+effect|begin|start|hit)\b)")


def _labelled(e: Event) -> bool:
    """Return whether a headline names its employer, then a colon or comma, then the layoffs ("<Firm> : licenciement
    massif dans la division ...", "<Unit>: Entlassungswelle beim ...", "<Unit>, licenziamenti anche nella ..."): the
    employer labels the topic; the lead says what the cuts are."""
    if e.actor is None or not (e.actor.how == "subject" or (e.actor.how == "sentence" and e.actor.known)):
        return False  # (an unknown name before a colon may be a show's or a column's: "La Matinale Éco : ...")
    head = e.sentence.text[: e.cue.start]
    if _TRAILING_NOUN.search(head) and not e.sentence.text[e.cue.end :].strip(" .!"):
        return True  # "<Unit> : encore un coup dur pour le studio, des licenciements": the layoffs close the headline
    m = re.search(r"\s*[:,]\s*(?:\S+\s+){0,2}$", head)
    name = head[: m.start()] if m is not None else ""
    # (a known unit may be written otherwise than its alias: "Amazon Game Studios: dozzine di licenziamenti")
    written = name.strip().endswith(e.actor.name.split()[-1]) or (e.actor.known and e.actor.parent.split()[0] in name)
    return bool(name) and written and len(name.split()) <= 3


# The layoff noun alone in the headline's last clause, after a comma ("..., des licenciements", "..., more layoffs")
_TRAILING_NOUN = re.compile(r",\s*(?:des|les|de\s+nouveaux|nouveaux|more|new|fresh|weitere|neue|nuovi|altri|otros|nuevos|"
                            r"los|i|gli)?\s*$", re.IGNORECASE)


@lru_cache(maxsize=8)
def _subject_pattern(org_nouns: str) -> re.Pattern[str]:
    return re.compile(rf"(?:^|\s)(?:{org_nouns})\s+(?:to|will|is\s+to|plans\s+to|set\s+to)\s+$")


def _organisation_subject(lex: Lexicon) -> re.Pattern[str]:
    """Return the pattern of a singular organisation noun as the subject right before a headline's cut verb
    ("Publisher to axe", "Council will cut"), read on the lower-cased headline up to the cue."""
    return _subject_pattern(lex.words.org_nouns)


def addresses_reader(article: Article) -> bool:
    """Return whether the lead is written for the reader, not about one act: it announces a list of cases or
    teaches (a rule page, an explainer), outside any quotation; its employers are examples, not the news."""
    for s in article.sentences:
        if s.is_title or s.index > _REGISTER_LEAD:
            continue
        found = _REGISTER.search(s.text)
        if found and s.text.count("“", 0, found.start()) <= s.text.count("”", 0, found.start()) and (
            s.text.count('"', 0, found.start()) % 2 == 0
        ):
            return True
    return False


def protested(e: Event) -> bool:
    """Return whether a layoff cue is what a strike or a protest is against: the cause of the news, not its act."""
    start = e.facts.spans[e.cue.clause][0]
    return _PROTEST.search(e.sentence.text, max(start, e.cue.start - 120), e.cue.start) is not None


def tallied(e: Event, lex: Lexicon) -> bool:
    """Return whether a headline cue is a count a union or a study gives, with no employer written in the headline
    ("5,000 university jobs axed, union says"): a sector's tally; "<Firm> to cut 300 jobs, union says" names one."""
    said = _SAID_BY.search(e.sentence.text)
    if not e.in_title or said is None or e.actor is None or e.actor.name in e.sentence.text[: said.start()]:
        return False  # the headline names who cuts before its source
    if e.cue.kind == "cut" and _organisation_subject(lex).search(e.sentence.low, 0, e.cue.start) is not None:
        return False  # "Publisher to axe up to seven jobs, union claims": one employer, described, acts
    who = said.group("who").strip()
    return _SOURCE_NOUNS.fullmatch(who) is not None or lex.non_employers.match(who) is not None


def results_story(article: Article) -> bool:
    """Return whether a headline without a layoff cue reports a company's results and no closure, plan, restructuring
    or new action: cuts in its lead are the results' context (the earnings-call trap). A headline telling something
    new beside results to come ("The new round targets ... The next margin signal arrives with Q2 earnings") is not."""
    kinds = {m.kind for m in article.title_markers}
    title = article.title
    if "restructuring" in kinds and _SEVERANCE.search(title) and _COSTS.search(title):
        kinds.discard("restructuring")  # "Gewinneinbruch - Abfindungen belasten": severance as a cost, not news
    return "results" in kinds and not kinds & {"closure", "restructuring", "plan", "decision", "current"}


# Severance told as what weighs on results: its cost, the results' cause (a restructuring with no severance word,
# "Kosten für Umbau belasten", may bring new cuts and is left to the lead)
_SEVERANCE = re.compile(r"(?i)\b(?:abfindung\w*|severance|indemnit\w+|indennit\w+|indemnizaci\w+)")
_COSTS = re.compile(r"(?i)\b(?:costs?|charges?|weigh\w*|belast\w*|kosten|coûts?|costes|costi|oneri)\b")


def incidental(article: Article) -> bool:
    """Return whether the article's layoff cues are incidental: none in the headline, and only denials ("no jobs
    are affected") or, under a hiring headline, the past ("after cutting thousands during the pandemic")."""
    kinds = {m.kind for m in article.title_markers}
    if any(e.in_title for e in article.events) or ("deny" in kinds and kinds & {"closure", "restructuring", "plan"}):
        return False  # a headline denying a closure or a plan ("<employer> denies: no closure") is about the cuts
    hiring = "hiring" in kinds
    return all(e.reading.modality == "denied" or (hiring and e.reading.time != "current") or labour_statistic(e, kinds)
               for e in article.events)


_INSOLVENCY = re.compile(r"(?i)administration|receivership|liquidation")
# Jobs kept through the insolvency: a buyer saving them, a pre-pack sale
_JOBS_SAVED = re.compile(r"(?i)\b(?:sav(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|safeguard\w*|protect\w*)\s+(?:all\s+)?(?:the\s+)?"
                         r"(?:[\d,]+\s+)?(?:jobs|roles|staff|workers|employees)\b|\bpre-pack\b|\ball\s+(?:\w+\s+)?jobs\s+"
                         r"(?:are\s+|were\s+)?(?:safe|saved|secured)\b")


def insolvency_without_cuts(e: Event, article: Article) -> bool:
    """Return whether a headline's only act is the employer entering administration and the lead says no jobs go
    ("No immediate redundancies have been made while the administrators look for a buyer") or that they are saved
    ("a pre-pack deal that saves all 300 jobs"): the jobs stay in doubt, or were kept."""
    if not _INSOLVENCY.search(e.sentence.text[e.cue.start : e.cue.end]):
        return False
    if any(_JOBS_SAVED.search(s.text) for s in article.sentences if s.index <= LEAD):
        return True  # "... in a pre-pack deal that saves all 300 jobs"
    return any(x.reading.modality == "denied" or (x.reading.modality != "asserted" and "negation" in x.clause_kinds)
               for x in article.events if not x.in_title and x.sentence.index <= LEAD)
