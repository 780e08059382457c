"""Which of the figures found around a report counts THIS action: the choice among the counts of its events.

`headcount.find_amounts` reads every count of a sentence (`count_roles` says which role a number plays there);
a report's events hold several figures: a headline's rounded one, the pool put at risk, a sister unit's cut, a
sector's total. Rules, each about how news is worded, not about one article:
- an unstated count stays unstated: a main event cutting "an unspecified number of workers" has no count, and a
  figure elsewhere in the article is another action's;
- a unit's action is its own: under a main event that names its unit ("Amazon's Audible is laying off"), an event
  of the same parent naming only another unit ("Twitch also said it was cutting 500") is another action;
- a plural subject of organisations ("Australia's major banks will close 37 branches, with 182 staff to lose their
  jobs") states their figure together, not the employer's;
- the pool is not the cut: staff put at risk or consulted ("600 journalists at risk", "250 staff enter
  consultation") are the people a cut is drawn from; a smaller figure of the jobs that go stated in the headline or
  lead ("threatening 321 jobs", "192 roles being cut") is the count;
- a plan's size given only under a modal or an expectation ("may be forced to lay off nearly 2,500", "it has been
  estimated that over 100 redundancies could be made", "about 24 posts are expected to go", wherever it stands) is
  its count; failing that, the size the media reported before the employer confirmed ("Medien hatten berichtet,
  rund 10 000 Stellen sollten gestrichen werden");
- a share's count in apposition past its clause ("one-third of its staff, which amounts to 500 employees") counts;
- the parts of one cut joined by "and" ("4,700 jobs and 3,000 contractor roles") count together;
- a total the employer only has the bulk of ("150 jobs go in Cork and Clonmel, with the bulk at <employer>") is
  several employers' figure, not its own;
- a headline's count after a colon ("<employer> layoffs: 1,200 jobs", "maxi licenziamento: via in 18mila") is the
  headline cut's;
- with no figure or a vague one, a sentence naming "the number" or "the figure", a notice's field ("Number
  Affected: 76") or a lead sentence stating a reduction ("will reduce its establishment by 75 posts") gives it
  (`count_restated`);
- a past round that dates a comparison ("the largest since late 2022, when it began eliminating 27,000") is not
  the count;
- a headline's vague count ("fire hundreds of workers") yields to the lead's first figure when that one is precise;
- a later figure refines an earlier one when it is consistent (`refine`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ingest.understanding.events import LEAD, Event
from ingest.understanding.count_restated import restated_count, site_workforce, unsaid_count
from ingest.understanding.headcount import Amount
from ingest.understanding.sentences import Sentence

# Body sentences where a plan's size under a modal, or the size the media reported, may be read when nothing asserts
# a figure: the lead, or further down when the headline and lead give the plan without its size ("Trust plans job
# cuts" ... "over 100 redundancies could be made")
_PLAN_REACH = 40
_VAGUE = 1  # the precision of a vague count ("hundreds", "dozens")
_APPROX = 4  # the precision of a single figure, rounded ("about 110") or not

# After a count, within a few words and before any verb of losing: the figure is the staff exposed to the cut
# ("600 journalists at risk", "420 roles will be put at risk", "250 journalists are to enter a redundancy
# consultation", "2.000 Stellen sind gefährdet", "300 emplois menacés", "500 posti a rischio").
_POOL_AFTER = {
    "en": r"at\s+risk|under\s+threat|in\s+jeopardy|on\s+the\s+line|under\s+consultation|"
          r"(?:redundancy|collective)\s+consultation|potentially\s+affected",
    "de": r"gefährdet|bedroht|auf\s+der\s+Kippe|auf\s+dem\s+Spiel|in\s+Gefahr",
    "fr": r"menacé(?:e|s|es)?|sur\s+la\s+sellette|en\s+jeu|en\s+danger",
    "es": r"en\s+riesgo|en\s+peligro|amenazad[oa]s?|en\s+el\s+aire",
    "it": r"a\s+rischio|in\s+bilico|in\s+pericolo|minacciat[ieoa]",
}
# Words between the count and the pool phrase that state a loss: then the phrase is another clause's
# ("400 jobs will go, with more at risk later").
_LOSS_GAP = re.compile(
    r"\b(?:go|gone|going|cut|lost|lose|axed|shed|redundant|eliminated|closed?|abgebaut|gestrichen|supprimé\w*|"
    r"perdu\w*|eliminad\w*|suprimid\w*|tagliat\w*|licenziat\w*)\b|[,;:.]",
    re.IGNORECASE,
)
# Between a share and the count restating it: "of its staff, which amounts to", "des effectifs, soit", "by 50%,
# which equates to"
_APPOSITION = re.compile(
    r"(?:\s+(?:of|de|des|du|der|dei|degli|delle|del|von)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?\s*[,(–—-]\s*"
    r"(?:which\s+(?:amounts|equates|translates|is)\s+to|amounting\s+to|equal\s+to|or|that\s+is,?|i\.e\.,?|about|some|"
    r"roughly|around|soit|d\.h\.|also|cioè|pari\s+a|es\s+decir|unos|unas)\s+", re.IGNORECASE)
# The main action's own count said to be unknown: "an unspecified number of workers", "eine nicht genannte Zahl"
_UNSTATED = re.compile(
    r"\b(?:an?\s+(?:unspecified|undisclosed|unknown|unnamed|undetermined)\s+number|"
    r"(?:eine?|einer)\s+(?:nicht\s+(?:genannte|bezifferte|näher\s+bezifferte)|unbekannte)[nr]?\s+(?:Zahl|Anzahl)|"
    r"un\s+nombre\s+(?:non\s+(?:précisé|communiqué|divulgué|dévoilé|chiffré)|indéterminé|inconnu)|"
    r"un\s+número\s+(?:indeterminado|no\s+(?:precisado|revelado|especificado|determinado)|desconocido)|"
    r"un\s+numero\s+(?:imprecisato|non\s+(?:precisato|specificato|reso\s+noto|definito)|indeterminato))",
    re.IGNORECASE,
)
# A sentence opening on a plural noun of organisations as its subject ("The big four banks will", "Carmakers have")
_PLURAL_SUBJECT = re.compile(
    r"^\W*(?:[\w'’-]+\s+){0,3}?(?:banks|lenders|carmakers|automakers|retailers|firms|companies|employers|councils|"
    r"universities|insurers|airlines|manufacturers|publishers|supermarkets|chains|businesses|operators|suppliers|"
    r"studios|hospitals|(?:hospital|health)\s+systems|trusts|colleges|newspapers|broadcasters|developers|startups|"
    r"start-ups|tech\s+giants)\s+"
    r"(?:\w+\s+)?(?:will|would|have|has|had|are|were|is|plan|planned|to|say|said|cut|close|closed|shed|axed|"
    r"announced|expect|could|may)\b",
    re.IGNORECASE,
)
# Between two counts that are parts of one cut: the first one's noun (no preposition, verb or figure) and "and"
_PART = re.compile(
    r"\s+(?:(?!(?:in|at|from|by|to|for|with|on|across|of|over|under|will|would|are|were|is|was|be|been|have|has|had|"
    r"this|next|last|im|bei|dans|en|a|al|nel)\b)[\w'’-]+\s+){1,3}(?:and|und|et|y|e)\s+", re.IGNORECASE)
# A clause that tells a past round to date a comparison ("the largest cut since late 2022, when the company began
# eliminating around 27,000 positions", "seit 2023, als", "depuis 2022, lorsque"): its figures are that round's
_PAST_WHEN = re.compile(
    r"\b(?:since|seit|depuis|desde|dal)\s+(?:[\w-]+\s+){0,2}?(?:19|20)\d\d\s*,?\s+"
    r"(?:when|als|quand|lorsque|lorsqu['’]|cuando|quando)\b[^.;:]*$", re.IGNORECASE)
# After a figure, in its clause: the share of it that one holder has ("with the bulk being lost at", "with most at")
_BULK = re.compile(
    r"[^.;:]{0,100}?,?\s+with\s+(?:the\s+)?(?:bulk|most|majority|lion['’]s\s+share|largest\s+share|biggest\s+share|"
    r"greater\s+part)\b(?:\s+of\s+(?:them|these|those|the\s+\w+))?(?P<holder>[^.;:]{0,120})", re.IGNORECASE)
_POOL = {code: re.compile(rf"^[\s-]*(?P<gap>(?:[\w'’.-]+\s+){{0,6}}?)(?:{words})\b", re.IGNORECASE)
         for code, words in _POOL_AFTER.items()}


def _pooled(text: str, amount: Amount, code: str) -> bool:
    """Return whether the count at `amount` is the staff put at risk or consulted, not the jobs that go."""
    pool = _POOL.get(code)
    if pool is None or amount.pct is not None:
        return False
    m = pool.match(text[amount.end : amount.end + 90])
    return m is not None and _LOSS_GAP.search(m.group("gap")) is None


def _scope(e: Event) -> set[str]:
    """Return the units an event's action is scoped to: its actor's unit and the units named in its clause."""
    return set(e.units) | ({e.actor.unit} if e.actor is not None and e.actor.unit else set())


def _own_unit(main: Event, e: Event) -> bool:
    """Return whether `e` may state the main action's figures: it names no unit, or one the main event names."""
    if e is main:
        return True
    mine, theirs = _scope(main), _scope(e)
    return not mine or not theirs or bool(mine & theirs)


def action_count(
    main: Event, events: Sequence[Event], every: Sequence[Event] = (), sentences: Sequence[Sentence] = (),
) -> tuple[Amount | None, Amount | None]:
    """Return the most precise consistent count of the main event's action, and its share of staff (`events`
    are the report events of the same employer, `every` all the article's events, `sentences` the article's)."""
    if _UNSTATED.search(main.sentence.text) is not None:
        return None, None  # "to lay off an unspecified number of workers": the figures elsewhere are other actions'
    ordered = [main] + [e for e in events if e is not main and _own_unit(main, e)]
    ordered = [e for e in ordered if not _sector_subject(e)]
    found = [(e, a) for e in ordered for a in (*_joined(e), *_restated(e), *_headline_tail(e))]
    found = [(e, a) for e, a in found if not _bulk_of(e, a, main)] or found
    found = [(e, a) for e, a in found if _PAST_WHEN.search(e.sentence.text, 0, a.start) is None]
    found = _without_pools(found)
    if not any(a.pct is None for _, a in found):
        # nothing but a share ("5% of its staff"): the plan's size under an estimate or the media's ("is estimated to
        # impact around 100 people") gives its count
        found += _planned_size(main, every) or _reported_size(main, every)
    best = _best(a for _, a in _lead_first(found) if a.pct is None)
    if best is not None and best.min is not None and best.max is None and main.actor is not None:
        # a floor ("more than 100 jobs") made exact by the plan's own figure, even under a modal ("the workforce
        # would be cut by 108 posts")
        parent = main.actor.parent
        # (or a sentence naming no employer: "About 110 roles are being cut"; never a figure under the floor, a
        # region's share of it: "roughly 3,900 workers impacted" in one state under "Over 4,000 workers")
        floor = best.min
        best = _best([best, *(a for e in every if not e.in_title and not e.generic and (
            e.actor is None or e.actor.parent == parent) and e.reading.time == "current"
                              for a in e.amounts if a.pct is None and _point(a) and (a.value or 0) >= floor)])
    told_by = next((e for e, a in found if a is best), None)
    if best is not None and told_by is not None and told_by is not main and not told_by.in_title and _sum_of_past(
            best, main, every):
        best = None  # "Overall, Amazon is axing 27,000" beside "18,000 earlier this year" and "9,000 in March"
    if (best is None or best.precision <= _VAGUE) and sentences:
        # no figure, or a vague one: a sentence naming "the number" or "the figure" gives the action's size
        read = {e.sentence.index for e in every}
        best = restated_count(sentences, _others_only(main, every), read, main.facts.lex) or best
        if best is None or best.precision <= _VAGUE:
            best = unsaid_count(sentences, main.facts.lex) or best  # "did not say how many ... The Verge says 120"
        if (best is None or best.precision <= _VAGUE) and "closure" in main.sentence_kinds:
            best = site_workforce(sentences, main.facts.lex) or best  # "Around 450 people are employed at the plant"
    return best, next((a for _, a in found if a.pct is not None), None)


def _sum_of_past(best: Amount, main: Event, every: Sequence[Event]) -> bool:
    """Return whether a count told outside the main event's sentence and the headline is the running total of the
    employer's rounds the article also tells one by one: it equals the sum of two of its other figures, one of them
    a past round's ("Overall, Amazon is axing 27,000" beside "18,000 earlier this year" and "another 9,000 in March";
    "93 workers" made of "38 remote workers" and "55 warehouse workers" is the main event's own count)."""
    if best.value is None or main.actor is None:
        return False
    parent = main.actor.parent
    parts = [(a.value, e.reading.time == "past") for e in every
             if e.actor is not None and e.actor.parent == parent for a in e.amounts
             if a.pct is None and a.value is not None and a.value < best.value]
    seen: dict[int, bool] = {}
    for value, past in parts:
        seen[value] = seen.get(value, False) or past
    values = sorted(seen)
    for i, a in enumerate(values):
        for b in values[i + 1 :]:
            if abs(a + b - best.value) <= 0.01 * best.value and (seen[a] or seen[b]):
                return True
    return False


def _others_only(main: Event, every: Sequence[Event]) -> set[int]:
    """Return the indexes of the sentences whose events are all another employer's."""
    parent = main.actor.parent if main.actor is not None else None
    mine = {e.sentence.index for e in every if e.actor is None or e.actor.parent == parent}
    return {e.sentence.index for e in every} - mine


def _lead_first(found: list[tuple[Event, Amount]]) -> list[tuple[Event, Amount]]:
    """Return the counts with the body's first one first when it is precise and the headline's are only vague: a
    headline's "hundreds" is its way of saying the figure ("fire hundreds of workers" over "about 110 layoffs"),
    not a range the lead's own figure must fall in."""
    counts = [(e, a) for e, a in found if a.pct is None]
    title = [a for e, a in counts if e.in_title]
    body = sorted(((e, a) for e, a in counts if not e.in_title and e.sentence.index <= LEAD),
                  key=lambda pair: (pair[0].sentence.index, pair[1].start))
    if not title or any(a.precision > _VAGUE for a in title) or not body or body[0][1].precision < _APPROX:
        return found
    return [body[0]] + [pair for pair in found if pair is not body[0]]


def _joined(e: Event) -> list[Amount]:
    """Return the event's counts with the parts of one cut joined by "and" added up ("cut 4,700 jobs and 3,000
    contractor roles", "Ninety-five operatives and 35 administrative staff are to be let go"): the cut is their sum.
    A part with its own place or time ("200 jobs in Leeds and 100 in 2026") or its own verb is not joined."""
    out: list[Amount] = []
    text = e.sentence.text
    for a in e.amounts:
        last = out[-1] if out else None
        if (last is not None and _PART.fullmatch(text, last.end, a.start) is not None
                and _point(last) and _point(a) and last.pct is None and a.pct is None):
            assert last.value is not None and a.value is not None
            out[-1] = replace(last, end=a.end, text=text[last.start : a.end], value=last.value + a.value,
                              approx=last.approx or a.approx, precision=min(last.precision, a.precision))
        else:
            out.append(a)
    return out


def _point(a: Amount) -> bool:
    return a.value is not None and a.min is None and a.max is None


def _bulk_of(e: Event, amount: Amount, main: Event) -> bool:
    """Return whether the figure is a total the employer only has the bulk of ("150 jobs are to go in Cork and
    Clonmel, with the bulk being lost at Flextronics"): the employer's own cut is a part of it, stated elsewhere."""
    if main.actor is None or amount.pct is not None:
        return False
    m = _BULK.match(e.sentence.text, amount.end)
    return m is not None and main.actor.name in m.group("holder")


def _planned_size(main: Event, every: Sequence[Event]) -> list[tuple[Event, Amount]]:
    """Return the counts the article gives the employer's action under a modal when no sentence asserts one ("it may
    be forced to lay off nearly 2,500 workers", "a budget gap which could lead to the axing of 40 jobs", "it has been
    estimated that over 100 redundancies could be made", "about 24 posts are expected to go"): the size of the plan the
    report is about."""
    if main.actor is None:
        return []
    parent = main.actor.parent
    return [(e, a) for e in every
            if not e.in_title and e.sentence.index <= _PLAN_REACH and e.actor is not None and e.actor.parent == parent
            and e.reading.modality in ("speculative", "conditional", "forecast") for a in e.amounts]


def _reported_size(main: Event, every: Sequence[Event]) -> list[tuple[Event, Amount]]:
    """Return the counts the media gave the action before it was confirmed, when nothing else gives one ("Amazon has
    begun its cuts ... Media had reported that about 10,000 jobs would go"): the reported size of the same plan."""
    parent = main.actor.parent if main.actor is not None else None
    return [(e, a) for e in every
            if not e.in_title and e.sentence.index <= _PLAN_REACH and e.reading.modality == "leaked"
            and (e.actor is None or e.actor.parent == parent) for a in e.amounts]


def _headline_tail(e: Event) -> list[Amount]:
    """Return the counts a headline gives its cut after a colon, in a clause of their own ("Acme layoffs: 1,200 jobs",
    "maxi licenziamento: via in 18mila"): the headline's shorthand for the cut's size."""
    if not e.in_title:
        return []
    text = e.sentence.text
    return [a for a in e.facts.amounts() if a not in e.amounts and a.start > e.cue.end
            and ":" in text[e.cue.end : a.start] and not re.search(r"[;.!?]", text[e.cue.end : a.start])]


def _restated(e: Event) -> list[Amount]:
    """Return the counts that restate a share of the event's clause in apposition, past the clause's end ("one-third
    of its staff, which amounts to 500 employees", "10% of staff, or about 530 people")."""
    text, ends = e.sentence.text, [a.end for a in e.amounts if a.pct is not None]
    return [a for a in e.facts.amounts() if a.pct is None and a not in e.amounts
            and any(_APPOSITION.fullmatch(text, end, a.start) for end in ends if end <= a.start)]


def _sector_subject(e: Event) -> bool:
    """Return whether the event's sentence is said of many employers, not of its actor: a plural subject of
    organisations ("Australia's major banks will close 37 branches, with 182 staff to lose their jobs") that the
    actor's name is not part of, so its figure is theirs together."""
    m = _PLURAL_SUBJECT.match(e.sentence.text)
    return m is not None and (e.actor is None or e.actor.name not in e.sentence.text)


def _without_pools(found: list[tuple[Event, Amount]]) -> list[tuple[Event, Amount]]:
    """Return the counts without the pools that a smaller figure of the jobs going, stated in the headline or
    the lead, is drawn from ("600 journalists at risk" beside "321 jobs"; not "all 452 jobs at risk" under
    "hundreds of jobs will go", which it makes precise)."""
    pools = {id(a) for e, a in found if _pooled(e.sentence.text, a, e.facts.lex.code)}
    cuts = [_top(a) for e, a in found
            if a.pct is None and id(a) not in pools and (e.in_title or e.sentence.index <= LEAD)]
    return [(e, a) for e, a in found if id(a) not in pools or not any(c < 0.9 * _bottom(a) for c in cuts)]


def _top(a: Amount) -> int:
    return next(v for v in (a.max, a.value, a.min, 0) if v is not None)


def _bottom(a: Amount) -> int:
    return next(v for v in (a.min, a.value, a.max, 0) if v is not None)


def _best(amounts: Iterable[Amount]) -> Amount | None:
    best: Amount | None = None
    for amount in amounts:
        best = refine(best, amount)
    return best


def refine(current: Amount | None, candidate: Amount) -> Amount | None:
    """Return `candidate` if it is a consistent, more informative reading of `current`.

    More informative: strictly more precise ("hundreds" -> "about 200"; "up to 2,800" -> "2,750"
    only within 10% of the bound: a smaller figure is a part, "of which 750 in Hildesheim"), or an
    equally vague range strictly inside the current one ("hundreds" -> "several hundred").
    """
    if current is None:
        return candidate
    low: float
    high: float
    if current.value is not None and current.max is not None and candidate.max == current.max:
        low, high = 0, current.max  # "up to 2,000" then "1,700 to 2,000": the same ceiling
    elif current.min is not None and current.max is None and current.value is not None:
        # "more than 100" then "200": a floor, not a point; but a rounded estimate twice the floor is another total
        # ("más de 500" beside "casi 1.000" over two rounds), not the floor made exact ("more than 100" ... "about 150")
        low, high = current.min * 0.9, current.min * (1.6 if candidate.approx else 2)
    elif current.value is not None:
        low, high = current.value * 0.9, current.value * 1.1  # a point or a bound only tolerates rounding
    else:
        low = current.min if current.min is not None else 0
        high = current.max if current.max is not None else 10**12
    probe = [v for v in (candidate.value, candidate.min, candidate.max) if v is not None]
    inside = bool(probe) and all(low <= v <= high for v in probe)
    if candidate.precision > current.precision:
        return candidate if inside else current
    narrower = (
        candidate.precision == current.precision and candidate.value is None
        and (candidate.min, candidate.max) != (current.min, current.max)
    )
    return candidate if inside and (narrower or _unrounds(current, candidate)) else current


def _unrounds(current: Amount, candidate: Amount) -> bool:
    """Return whether `candidate` is the exact figure a round one stands for ("to axe 100 jobs" over "108 posts",
    "8,000 employees" over "about 8,340"; "nearly 2,200" over "2,198": an approximate round figure may be above)."""
    a, b = current.value, candidate.value
    if a is None or b is None or not (_point(current) and _point(candidate)) or a < 100 or a % 100 or not b % 100:
        return False
    return (current.approx and a * 0.9 <= b < a) or a < b <= a * 1.1
