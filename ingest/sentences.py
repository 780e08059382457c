"""Split text into sentences and judge each layoff cue in them (current action, past, total...).

Speed: Python's `re` tries an alternation at every character, which made a 10 KB article cost
tens of milliseconds. Every rule here therefore lists the words it can start with. One scan of the
lower-cased document with a trie of those words (literal-first, so `re` skips ahead fast) finds
the candidate positions, and only the rules starting with that word are `.match()`ed there
(rules marked `cased` match the original text, e.g. "WARN", "AI"). Marker rules are scanned only
inside sentences that carry a layoff cue.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from datetime import date
from typing import Literal, NamedTuple

from ingest.companies import trie_pattern
from ingest.event_dates import DateMention, find_dates
from ingest.models import Frozen

CueKind = Literal["report", "plain", "past", "cumulative", "general", "speculative"]

_WORDS = re.compile(r"[a-z]+")


class _Rule(NamedTuple):
    """A pattern that can only start at one of its start words (kind and weight say what it means).

    `before`, when set, must match the text just before the start word ("is" before "cutting"):
    anchoring on the rarer word keeps the scan cheap.
    """

    kind: str
    weight: int
    pattern: re.Pattern[str]
    cased: bool
    before: re.Pattern[str] | None


def _spec(kind: str, weight: int, pattern: str, starts: str, *, before: str = "", cased: bool = False) -> tuple[_Rule, str]:
    rule = _Rule(kind, weight, re.compile(pattern), cased, re.compile(f"(?:{before})$") if before else None)
    return rule, starts


_DIGIT_RUN = re.compile(r"\d+")
_START_WORD = re.compile(r"[a-z0-9]+")
_SPACED = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))  # a-z, 0-9, else space
_Words = list[tuple[int, str]]  # (position, start word)
_NumberGate = Callable[[str, int, int, _Words], bool]


class _Table:
    """Rules indexed by start word ("#" for a number), and the trie regex that finds those words.

    `numbers_if(low, start, end, words)`, given the start words found in low[start:end], returns
    False only where no number-started rule can match there: the scan of every number is skipped.
    """

    def __init__(self, specs: list[tuple[_Rule, str]], numbers_if: _NumberGate | None = None) -> None:
        rules: dict[str, list[tuple[int, _Rule]]] = {}
        for index, (rule, starts) in enumerate(specs):
            for word in starts.split():
                rules.setdefault(word, []).append((index, rule))
        self.count = len(specs)
        self.numbers = tuple(rules.pop("#", ()))
        self.numbers_if = numbers_if
        if not all(_START_WORD.fullmatch(word) for word in rules):
            raise ValueError("start words must be lower-case letters and digits")
        self.rules = {word: tuple(r) for word, r in rules.items()}
        self.trigger = re.compile(b" (" + trie_pattern(sorted(rules)).encode() + rb")(?![a-z0-9])")

    def scan(self, low: str, text: str, start: int, end: int) -> list[tuple[_Rule, re.Match[str]]]:
        """Return (rule, match) for every rule matching in low[start:end], one match per rule position."""
        out: list[tuple[_Rule, re.Match[str]]] = []
        last = [-1] * self.count  # "plans to cut" counts once per rule
        words = self._words(low, start, end)
        candidates = [(p, self.rules[word]) for p, word in words]
        if self.numbers and (self.numbers_if is None or self.numbers_if(low, start, end, words)):
            # a separate scan keeps the trie fast
            candidates += [(d.start(), self.numbers) for d in _DIGIT_RUN.finditer(low, start, end)]
            candidates.sort(key=lambda c: c[0])
        for p, rules in candidates:
            for index, rule in rules:
                if p < last[index]:
                    continue
                if rule.before is not None and not rule.before.search(low, max(start, p - 32), p):
                    continue
                m = rule.pattern.match(text if rule.cased else low, p, end)
                if m:
                    out.append((rule, m))
                    last[index] = m.end()
        return out

    def _words(self, low: str, start: int, end: int) -> _Words:
        """Return (position, start word) for every start word that is a whole word in low[start:end].

        The text (and the character before it) is scanned as bytes with every character but a-z
        and 0-9 made a space, so `re` tries the trie only after a space, found by a fast literal
        search, instead of checking a word-start look-behind at every position (0.30 -> 0.15 ms
        per 8 KB article on 2 slow vCPUs). Non-ASCII characters encode as one "?" each, which
        keeps offsets.
        """
        base = start - 1
        chunk = low[base:end] if start else " " + low[:end]
        spaced = chunk.encode("ascii", "replace").translate(_SPACED)
        return [(base + t.start(1), t.group(1).decode()) for t in self.trigger.finditer(spaced)]


_JOB = (
    r"(?:jobs?|roles?|positions?|posts|employees|workers|staff(?:ers|s)?|workforce|headcounts?|personnel|"
    r"people|engineers|managers|team\s+members|teams?|ranks|contractors|recruiters|jobholders)"
)
# After a cut verb only plural/collective nouns count: "reduced its position" is a stake, not staff.
_JOBS = (
    r"(?:jobs|roles|positions|posts|employees|workers|staff(?:ers|s)?|workforce|headcounts?|personnel|people|"
    r"engineers|managers|team\s+members|teams?|ranks|contractors|recruiters)"
)
_CUT = (
    r"(?:cut|cuts|cutting|slash(?:es|ed|ing)?|eliminat(?:e|es|ed|ing)|ax(?:e|es|ed|ing)|shed(?:s|ding)?|"
    r"trim(?:s|med|ming)?|reduc(?:e|es|ed|ing)|shrink(?:s|ing)?|shrank|shrunk|downsiz(?:e|es|ed|ing)|"
    r"lay(?:s|ing)?\s+off|laid\s+off|let(?:ting)?\s+go(?:\s+of)?|fir(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|"
    r"terminat(?:e|es|ed|ing)|furlough(?:s|ed|ing)?)"
)
_CUT_WORDS = (
    "cut cuts cutting slash slashes slashed slashing eliminate eliminates eliminated eliminating axe axes axed "
    "axing shed sheds shedding trim trims trimmed trimming reduce reduces reduced reducing shrink shrinks "
    "shrinking shrank shrunk downsize downsizes downsized downsizing lay lays laying laid let letting fire fires "
    "fired firing dismiss dismisses dismissed dismissing terminate terminates terminated terminating furlough "
    "furloughs furloughed furloughing"
)
_JOBS_WORDS = (
    "jobs roles positions posts employees workers staff staffers staffs workforce headcount headcounts personnel "
    "people engineers managers team teams ranks contractors recruiters"
)
_JOB_WORDS = _JOBS_WORDS + " job role position jobholders"
_QUANTIFIERS = re.compile(r"\b(?:as\s+(?:many|much|few)\s+as|up\s+to)\b")  # not clause words
_MID_STOP = frozenset(
    "for to with on at from into by prices price rates rate costs cost forecast outlook guidance spending budget "
    "budgets emissions dividend ties deliveries volume stake fees fee hours pay wages salaries benefits bonuses "
    "perks time taxes tariffs funding menu plan plans programs projects losses debt inventory that which who but "
    "while as said says will would deficit".split()
)
_DETERMINER = r"(?:the|these|those|its|latest|recent|new|further|more|deeper|additional|such|planned)\s+"
_CUE_SPECS = [
    _spec("verb_job", 0, rf"{_CUT}\b(?P<mid>(?:\s+\S+){{0,6}}?)\s+{_JOBS}\b", _CUT_WORDS),
    _spec("strong", 0, r"lay(?:s|ing)?[\s-]*offs?\b|laid[\s-]+off\b", "lay lays laying laid layoff layoffs"),
    _spec("strong", 0, r"job[\s-]*(?:cuts?|cutting|losses|reductions?|eliminations?|cull)\b", "job"),
    _spec("strong", 0, r"(?:cuts?|reductions?|cutbacks?|downsizing|trims?)\b", "cut cuts reduction reductions "
          "cutback cutbacks downsizing trim trims", before=r"(?:staff|staffing|workforce|headcount|personnel|employee)\s+"),
    _spec("strong", 0, r"reductions?[\s-]+in[\s-]+(?:force|headcount|staff|workforce|personnel)\b|redundanc(?:y|ies)\b",
          "reduction reductions redundancy redundancies"),
    _spec("strong", 0, r"furlough(?:s|ed|ing)?\b|downsiz(?:e|es|ed|ing)\b",
          "furlough furloughs furloughed furloughing downsize downsizes downsized downsizing"),
    _spec("strong", 0, r"RIFs?\b|WARN\b|Worker Adjustment and Retraining Notification\b", "rif rifs warn worker", cased=True),
    _spec("strong", 0, rf"(?:reductions?|cuts?|elimination|loss(?:es)?)\s+of\s+(?:\S+\s+){{0,3}}?{_JOB}\b",
          "reduction reductions cut cuts elimination loss losses"),
    _spec("strong", 0, rf"{_JOB}\b(?:\s+\S+){{0,4}}?\s+(?:were|was|are|is|will\s+be|would\s+be|have\s+been|has\s+been|"
          r"had\s+been|being|to\s+be|be)\s+(?:\w+\s+)?(?:cut|eliminated|axed|slashed|laid\s+off|let\s+go|"
          r"terminated|dismissed|made\s+redundant)\b", _JOB_WORDS),
    _spec("strong", 0, rf"(?:\d[\d,.]*%?|hundreds|thousands|dozens)\s+(?:of\s+)?(?:[\w-]+\s+){{0,2}}{_JOB}\s+"
          r"(?:cut|eliminated|axed|laid\s+off)\b", "# hundreds thousands dozens"),
    _spec("strong", 0, r"los(?:e|es|t|ing)\s+(?:their|his|her|your|its)\s+(?:jobs?|positions?|roles?|livelihoods?)\b",
          "lose loses lost losing"),
    _spec("strong", 0, r"cost\s+(?:\S+\s+){1,5}?(?:their|his|her)\s+jobs\b", "cost"),
    _spec("strong", 0, r"(?:affect|affects|affecting|impact|impacts|impacting)\s+(?:about\s+|roughly\s+|some\s+|"
          r"nearly\s+|more\s+than\s+|fewer\s+than\s+|up\s+to\s+|an\s+estimated\s+|approximately\s+|around\s+)?"
          r"(?:\d[\d,.]*\s*(?:million|thousand|k)?|hundreds|thousands|dozens|several\s+hundred|a\s+few\s+hundred)\s+"
          r"(?:\w+\s+){0,2}?(?:workers|employees|jobs|staff|people|positions|roles)\b",
          "affect affects affecting impact impacts impacting"),
    _spec("weak", 0, r"(?:cuts|reductions|cutbacks)\b", "cuts reductions cutbacks", before=_DETERMINER),
    _spec("weak", 0, r"cuts\s+(?:affect|hit|fall|include|span|are|will)\b|number\s+of\s+(?:jobs|roles|positions|"
          r"employees)\b|(?:restructuring|reorgani[sz]ation|reorg|severance|outplacement|separations?|buyouts?)\b|"
          r"(?:affected|impacted|departing)\s+(?:employees|workers|staff|staffers|teams?)\b",
          "cuts number restructuring reorganization reorganisation reorg severance outplacement separation "
          "separations buyout buyouts affected impacted departing"),
    _spec("weak", 0, r"(?:affected|impacted|informed|notified)\b", "affected impacted informed notified",
          before=r"(?:employees|workers|staff|teams?|those|were)\s+"),
]
# The words `_JOB` can end with ("team members"), for the number gate below.
_JOB_ENDINGS = (*_JOB_WORDS.split(), "members")
_COUNT_TAILS = frozenset(("cut", "eliminated", "axed", "laid"))  # start words of the cue above


def _may_count_jobs(low: str, start: int, end: int, words: _Words) -> bool:
    """Return False only if "<number> ... <job> cut/eliminated/axed/laid off" cannot match in low[start:end].

    That is the one number-started cue. Its last word is a whole word, so it is in `words`; with
    no job word just before any of them, the scan of every number is skipped (0.22 -> 0.01 ms
    per 8 KB article on 2 slow vCPUs).
    """
    for q, word in words:
        if word in _COUNT_TAILS:
            r = q
            while r > start and low[r - 1].isspace():
                r -= 1
            if r < q and low.endswith(_JOB_ENDINGS, start, r):
                return True
    return False


_CUES = _Table(_CUE_SPECS, numbers_if=_may_count_jobs)

_CUT_VERBS = "cut lay eliminate slash axe shed trim reduce shrink let fire begin start affect close furlough make"
_VERBS_RE = r"(?:cut|lay|eliminate|slash|axe|shed|trim|reduce|shrink|let|fire|begin|start|affect|close|furlough|make)\b"
_ROUND_WORDS = r"(?:new|latest|fresh|another|additional|second|third|fourth|fifth|further|next|newest)\s+"
_MONTHS = "january february march april may june july august september october november december"
# Markers around a cue: (kind, weight). Weights: current-action evidence vs. past/total.
_MARKER_SPECS = [
    _spec("current", 2, r"(?:cutting|laying|eliminating|slashing|axing|shedding|trimming|reducing|letting|firing|"
          r"notifying|shrinking|downsizing|preparing|planning|making\s+cuts)\b",
          "cutting laying eliminating slashing axing shedding trimming reducing letting firing notifying shrinking "
          "downsizing preparing planning making",
          before=r"(?:\bis|\bare|\bwas|\bwere|['’]s)\s+(?:now\s+|also\s+|quietly\s+|reportedly\s+|still\s+)?"),
    _spec("current", 2, _VERBS_RE, _CUT_VERBS,
          before=r"\b(?:will|to)\s+(?:also\s+|further\s+|now\s+)?"),
    _spec("current", 1, r"(?:cut|lay|eliminate|slash|axe|shed|trim|reduce|affect)\b",
          "cut lay eliminate slash axe shed trim reduce affect", before=r"\bwould\s+"),
    _spec("current", 2, r"(?:round|wave|batch|tranche)\b", "round wave batch tranche", before=rf"\b{_ROUND_WORDS}"),
    _spec("current", 2, r"(?:layoffs?|job\s+cuts|cuts|reductions)\b", "layoff layoffs job cuts reductions",
          before=r"\b(?:new|latest|fresh|additional|further|more|second|third|another)\s+(?:mass\s+|major\s+|large\s+)?"),
    _spec("current", 2, r"(?:roles|jobs|positions|employees|workers|staff|engineers)\b",
          "roles jobs positions employees workers staff engineers", before=r"\bmore\s+(?:\w+\s+)?"),
    _spec("current", 2, r"\d", "#", before=r"\banother\s+"),
    _spec("current", 2, r"again\b", "again"),
    _spec("current", 2, r"time\b", "time", before=r"\bthis\s+"),
    _spec("current", 2, r"(?:began|begins|begin|begun|started|starts|start|starting|kicked\s+off|kicks\s+off)\s+"
          r"(?:\w+\s+){0,2}?(?:laying|cutting|notifying|layoffs|job\s+cuts|cuts|to\s+lay|to\s+cut|eliminating|"
          r"informing|sending)\b|notif(?:y|ies|ied|ying)\b|(?:received|receiving|sent)\s+(?:\w+\s+){0,2}?"
          r"(?:notices?|emails?|letters?)\b|(?:notices|emails)\s+(?:went\s+out|were\s+sent|arrived)\b",
          "began begins begin begun started starts start starting kicked kicks notify notifies notified notifying "
          "received receiving sent notices emails"),
    _spec("announce", 1, r"(?:announc(?:ed|es|ing|ement)|confirm(?:ed|s|ing)|said|says|told|unveil(?:ed|s|ing)|"
          r"disclos(?:ed|es|ing)|revealed|informed|memo|statement|e-?mail(?:ed)?|letter|filing|filed|files|"
          r"blog\s+post|wrote|posted|spokes(?:person|woman|man))\b",
          "announced announces announcing announcement confirmed confirms confirming said says told unveiled unveils "
          "unveiling disclosed discloses disclosing revealed informed memo statement e email emailed letter filing "
          "filed files blog wrote posted spokesperson spokeswoman spokesman"),
    _spec("announce", 1, r"WARN\b", "warn", cased=True),
    _spec("past", 2, r"(?:earlier\s+(?:this|that|in|last)|previously|previous|prior|last\s+(?:month|round|time)|"
          r"initial\s+(?:wave|round)|first\s+wave|back\s+in|went\s+on\s+to|had\s+(?:been\s+)?(?:cut|laid|eliminated|"
          r"slashed|announced|trimmed))\b",
          "earlier previously previous prior last initial first back went had"),
    # Named past periods anchor the event as firmly as an explicit old date (weight 3, like dates).
    _spec("past", 3, r"last\s+(?:year|spring|summer|fall|autumn|winter)\b", "last"),
    _spec("past", 3, r"(?:ago|earlier)\b", "ago earlier",
          before=r"\b(?:a|one|two|three|four|five|six|several|few|\d+)\s+(?:years?|months?|decades?)\s+"),
    _spec("past", 2, r"years?\s+(?:after|since|on)\b", "year years", before=r"\b(?:a|one|two|three)\s+"),
    _spec("past", 2, r"past\b", "past", before=r"\bin\s+the\s+"),
    _spec("past", 2, r"time\b", "time", before=r"\bat\s+the\s+"),
    _spec("past", 2, r"(?:follows|comes\s+after|comes\s+on\s+the\s+heels\s+of)\b", "follows comes",
          before=r"\b(?:this|it|the\s+move|the\s+news|which)\s+"),
    _spec("past", 1, r"(?:former|already)\b", "former already"),
    _spec("cumulative", 3, r"(?:total(?:s|ed|led|ing|ling)?|bringing|cumulative(?:ly)?|altogether|combined|counting|"
          r"tally|tracker)\b|(?:tops?|topped|exceed(?:s|ed)?|surpass(?:es|ed)?)\s+(?:about\s+|more\s+than\s+)?\d",
          "total totals totaled totalled totaling totalling bringing cumulative cumulatively altogether combined "
          "counting tally tracker top tops topped exceed exceeds exceeded surpass surpasses surpassed"),
    _spec("cumulative", 3, r"far\b", "far", before=r"\bso\s+"),
    _spec("cumulative", 3, r"date\b", "date", before=r"\bto\s+"),
    _spec("cumulative", 3, r"(?:past|last)\s+(?:\w+\s+)?(?:years?|months?|decade|weeks)\b", "past last",
          before=r"\bover\s+the\s+"),
    _spec("cumulative", 3, r"recent\s+(?:months|years|weeks)\b", "recent", before=r"\bin\s+"),
    _spec("cumulative", 3, rf"since\s+(?:late|early|mid)?[\s-]*(?:(?:19|20)\d\d|{_MONTHS.replace(' ', '|')}|last|"
          r"the\s+(?:pandemic|fall|spring|summer|start|beginning|end)|then)\b", "since"),
    _spec("cumulative", 3, r"rounds\b", "rounds",
          before=r"\b(?:across|in|over)\s+(?:two|three|four|five|several|multiple|a\s+series\s+of)\s+"),
    _spec("cumulative", 3, r"rounds\s+of\b", "rounds"),
    _spec("spec", 2, r"(?:could|might)\b|(?:fears?|feared|brac(?:e|es|ed|ing)\s+for|worr(?:y|ies|ied)|possible|"
          r"possibly|potential(?:ly)?|likely|unlikely|risks?\s+of)\b|analysts?\s+(?:say|said|expect|estimate|predict|"
          r"warn|believe)\b|expect(?:s|ed)?\s+(?!to\b)\w+(?:\s+\w+){0,2}?\s+to\s+(?:lay|cut|shed|eliminate|reduce|"
          r"shrink)\b|eventually\b|fewer\s+people\b|if\b|whether\b",
          "could might fears fear feared brace braces braced bracing worry worries worried possible possibly "
          "potential potentially likely unlikely risk risks analyst analysts expect expects expected eventually "
          "fewer if whether"),
    _spec("spec", 2, r"(?:next|coming)\s+(?:few\s+|several\s+)?(?:years|months|decade)\b", "next coming",
          before=r"\b(?:over|in)\s+the\s+"),
    _spec("spec", 2, r"long\s+run\b", "long", before=r"\bin\s+the\s+"),
    _spec("spec", 2, r"may\b(?!\s+\d)", "may", cased=True),  # "may" the verb, not the month
    _spec("spec", 2, r"no\s+(?:plans?|(?:further\s+)?(?:layoffs|job\s+cuts))\b|not\s+(?:planning|about)\b|"
          r"(?:denied|denies)\b|(?:ruled|rules)\s+out\b", "no not denied denies ruled rules"),
    _spec("spec", 2, r"(?:announce|announced|plan)\b", "announce announced plan",
          before=r"\b(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|hasn['’]t|has\s+not)\s+"),
    _spec("spec", 2, r"(?:AI|[Aa]utomation|[Aa]rtificial\s+intelligence|[Rr]obots?|[Tt]echnology|[Tt]ariffs|"
          r"[Cc]hatbots?|[Aa]gents)\s+(?:will|could|may|might|would|to|is\s+going\s+to|set\s+to|can)\s+(?:\w+\s+)?"
          r"(?:cut|shrink|eliminate|replace|reduce|wipe\s+out|kill|take)\b",
          "ai automation artificial robot robots technology tariffs chatbot chatbots agents", cased=True),
    _spec("leak", 1, r"familiar\b|according\s+to\s+(?:a\s+|an\s+)?(?:report|reports|sources?|people|person|documents?|"
          r"internal|several|two|three|posts?|employees|workers|business\s+insider|bloomberg|reuters|the\s+information|"
          r"the\s+wall\s+street\s+journal|cnbc|axios|publishers\s+weekly)\b|reportedly\b|sources?\s+(?:said|say|says|"
          r"told)\b|report(?:ed|s)?\s+(?:said|says|that|by)\b|cit(?:ing|ed)\s+(?:a\s+|an\s+|two\s+|three\s+|several\s+)?"
          r"(?:people|person|sources?|documents?|memo)\b|plan(?:s|ning)?\s+to\b|prepar(?:ing|es)\s+to\b|considering\b|"
          r"expected\s+to\b|internal\s+(?:documents?|messages?|posts?)\b|posts?\s+on\s+(?:blind|linkedin|x|social)\b|"
          r"posted\s+about\b|(?:bloomberg|reuters|axios|cnbc|semafor|geekwire)\s+(?:reported|reports)\b",
          "familiar according reportedly source sources report reported reports citing cited plan plans planning "
          "preparing prepares considering expected internal posts post posted bloomberg reuters axios cnbc semafor "
          "geekwire"),
    _spec("leak", 1, r"said\s+to\b", "said", before=r"\b(?:is|are)\s+"),
    _spec("leak", 1, r"about\s+to\b", "about", before=r"\b(?:is|are)\s+"),
    _spec("leak", 1, r"people\s+said\b", "people", before=r"\bthe\s+"),
    _spec("leak", 1, r"(?:week|month|monday|tuesday|wednesday|thursday|friday)\b",
          "week month monday tuesday wednesday thursday friday", before=r"\b(?:as\s+soon\s+as|next)\s+"),
    _spec("leak", 1, r"(?:information|insider|journal|verge)\s+(?:reported|reports)\b",
          "information insider journal verge"),
    _spec("generic", 0, r"(?:companies|employers|firms|businesses|corporations|organi[sz]ations|industries|startups|"
          r"retailers|banks|automakers|chipmakers|leaders|executives|ceos|economy|many|others)\b",
          "companies employers firms businesses corporations organizations organisations industries startups "
          "retailers banks automakers chipmakers leaders executives ceos economy many others"),
    _spec("generic", 0, r"(?:giants|industry|sector)\b", "giants industry sector", before=r"\b(?:tech|the)\s+"),
    _spec("generic", 0, r"tech\b", "tech", before=r"\bbig\s+"),
    _spec("generic", 0, r"who\b", "who", before=r"\b(?:workers|engineers|people|employees)\s+"),
    # Someone who can act: a named company (checked by span), an anaphor, or a capitalised subject.
    _spec("anaphor", 0, r"(?:company|firm|giant|maker|retailer|chipmaker|automaker|platform|network|studio|group|"
          r"startup|service|bank|carrier|insurer|unit|division|business|behemoth|conglomerate|outlet|publisher|"
          r"developer|grocer|chain)\b",
          "company firm giant maker retailer chipmaker automaker platform network studio group startup service bank "
          "carrier insurer unit division business behemoth conglomerate outlet publisher developer grocer chain",
          before=r"\bthe\s+(?:[\w-]+\s+){0,2}"),
]
_LEAK_SUFFIX = re.compile(r"[:,–—-]\s*(?:reports?|sources?)\s*$")  # headlines ending ": report"


def _has_another(low: str, start: int, end: int, words: _Words) -> bool:
    """Return whether low[start:end] holds "another", needed by the one number-started marker."""
    return low.find("another", start, end) >= 0


_MARKERS = _Table(_MARKER_SPECS, numbers_if=_has_another)
# Confirmation by the company itself: only needed to tell a leak from an announcement.
_CONFIRMS = _Table([
    _spec("confirm", 0, r"(?:confirmed|confirms|announced|announces|unveiled|disclosed|wrote|filed|filing|notices?|"
          r"memo)\b|told\s+(?:employees|staff|workers|its\s+\w+)\b|letter\s+to\b|e-?mail(?:ed)?\s+(?:\w+\s+){0,3}"
          r"(?:staff|employees)\b",
          "confirmed confirms announced announces unveiled disclosed wrote filed filing notice notices memo told "
          "letter e email emailed"),
    _spec("confirm", 0, r"(?:statement|letter|blog\s+post|note|email|message|post)\b",
          "statement letter blog note email message post",
          before=r"\bin\s+(?:a|an|its)\s+(?:internal\s+|regulatory\s+|securities\s+)?"),
    _spec("confirm", 0, r"(?:said|says|confirmed|wrote|told)\b", "said says confirmed wrote told",
          before=r"\b(?:company|spokes(?:person|woman|man)|ceo|chief\s+executive|executive|president|officer|"
          r"retailer|firm)\s+"),
    _spec("confirm", 0, r"WARN\b", "warn", cased=True),
])
_PRONOUN = re.compile(r"(?<![a-z])(?:it|its|they|their|we|our)(?![a-z])")
_ADVICE = re.compile(
    r"(?i)\bif\s+you(?:'ve|’ve|'re|’re|\s+have|\s+were|\s+are|\s+get|\s+got)?\s+(?:been\s+|recently\s+|just\s+)*"
    r"(?:laid\s+off|let\s+go|fired)|\b(?:your|you)\s+(?:layoff|job\s+loss)\b|\bafter\s+(?:a|your)\s+layoff\b"
)
_ADVICE_WORDS = frozenset("you your after".split())
_SUBJECT_NAME = re.compile(
    r"^((?:[A-Z][\w&'’.-]*\s+){0,3}?[A-Z][\w&'’.-]*?)(?:['’]s)?(?:,|\s+(?:is|will|to|plans|has|had|said|says|"
    r"cuts?|lays|laid|began|begins|slashes|eliminates|axes|trims|sheds|confirmed|announced|reportedly|also|Inc|Corp))"
)
_NOT_NAMES = frozenset(
    "the a an it this that these those tech layoffs employees workers company companies in on at for after as "
    "while according ceo chief its their some many most about more federal us u.s. state senior shares analysts "
    "job jobs staff affected he she they we i news report reports breaking update exclusive".split()
)
_NEGATED = re.compile(r"(?i)(?:not|n't|never|yet\s+to|declined\s+to|refused\s+to|expected\s+to|could\s+be|to\s+be|will|would|may|might)\s+$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr inc corp co ltd jr sr st vs no bros jan feb mar apr jun jul aug sep sept oct nov "
    "dec u.s u.k e.g i.e gov sen rep gen lt col mt ft approx dept est".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
# Clause boundaries: punctuation, and conjunctions that open a clause about something else.
_PUNCT_BOUNDARY = re.compile(r";|:(?=\s)|\(|\)|—|–| - ")
_COMMA_OPENER = re.compile(
    r", (?=(?:as|while|whereas|which|who|after|following|but|despite|although|though|because|amid|even\s+as|since|"
    r"where|before|unlike|compared|adding|bringing|marking|making|leaving|raising|taking|on\s+top\s+of)\b)"
)
_BARE_OPENER = re.compile(r" (?=(?:while|whereas|because|even\s+as|as\s+it|as\s+the\s+company|as\s+they|though|although)\b)")
_RELATIVE = re.compile(r"(?i)(?:where|which|when|who|whom)\b")


class Sentence(Frozen):
    """A sentence (or the title) with its span in the analysed document."""

    start: int
    end: int
    text: str
    is_title: bool = False


class Cue(Frozen):
    """One layoff cue in a sentence and what the words around it say about it."""

    start: int  # relative to the sentence
    end: int
    strong: bool
    segment: int
    kind: CueKind
    leak: bool = False
    score: int = 0  # current-action evidence minus past/total evidence
    anaphor: bool = False  # its clause refers back to a company ("the company", "it")
    why: str = ""  # the markers that decided `kind`, for explanations


class SentenceCues(Frozen):
    """A sentence with its layoff cues, clause segments and date expressions."""

    sentence: Sentence
    cues: tuple[Cue, ...]
    segments: tuple[tuple[int, int], ...]
    dates: tuple[DateMention, ...]

    def segment_of(self, position: int) -> int:
        """Return the index of the clause segment containing `position` (relative)."""
        for i, (start, end) in enumerate(self.segments):
            if start <= position < end:
                return i
        return len(self.segments) - 1

    def nearest_cue(self, position: int) -> Cue | None:
        """Return the cue of the same segment nearest to `position`, else the nearest overall."""
        if not self.cues:
            return None
        segment = self.segment_of(position)
        pool = [c for c in self.cues if c.segment == segment] or list(self.cues)
        return min(pool, key=lambda c: abs((c.start + c.end) // 2 - position))


def subject_name(clause: str) -> str | None:
    """Return a capitalised name opening a clause ("Peloton is cutting" -> "Peloton"), else None."""
    m = _SUBJECT_NAME.match(clause.lstrip(" \"“‘'("))
    if not m or m.group(1).split()[0].lower().strip(".,") in _NOT_NAMES:
        return None
    return m.group(1).rstrip(".,")


def lower_same_length(text: str) -> str:
    """Return `text` lower-cased without changing its length (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def confirms(text: str) -> bool:
    """Return whether `text` carries an official confirmation (statement, memo, filing, "X said")."""
    low = lower_same_length(text)
    matches = [m for _, m in _CONFIRMS.scan(low, text, 0, len(text))]
    return any(not _NEGATED.search(text[max(0, m.start() - 16) : m.start()]) for m in matches)


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Return the sentences of `text` (lines split at sentence punctuation), spans shifted by `offset`."""
    out: list[Sentence] = []
    position = 0
    for line in text.split("\n"):
        start = 0
        for m in _BOUNDARY.finditer(line):
            words = line[start : m.start() + 1].rsplit(None, 1)
            token = words[-1].strip("\"“”‘’'()[]").rstrip(".!?").lower() if words else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue  # "Inc.", "Jan.", "U.S.", initials
            _append(out, line, start, m.start() + len(m.group(0).rstrip()), position + offset)
            start = m.end()
        _append(out, line, start, len(line), position + offset)
        position += len(line) + 1
    return out


def _append(out: list[Sentence], line: str, start: int, end: int, base: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if len(stripped) >= 2:
        lead = len(piece) - len(piece.lstrip())
        out.append(Sentence(start=base + start + lead, end=base + start + lead + len(stripped), text=stripped))


def _segments(low: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Return the clause segments of low[start:end], relative to `start`."""
    cuts = [(m.start(), m.end()) for m in _PUNCT_BOUNDARY.finditer(low, start, end)]
    cuts += [(m.start(), m.start() + 2) for m in _COMMA_OPENER.finditer(low, start, end)]
    cuts += [(m.start(), m.start() + 1) for m in _BARE_OPENER.finditer(low, start, end)]
    bounds, position = [], start
    for cut_start, cut_end in sorted(cuts):
        if cut_start > position:
            bounds.append((position - start, cut_start - start))
        position = max(position, cut_end)
    bounds.append((position - start, end - start))
    return tuple(bounds)


def locate(doc: str, title_end: int = 0) -> tuple[str, list[Sentence], list[list[tuple[int, int, bool]]]]:
    """Return the lower-cased document, the sentences holding layoff cues, and their cue spans.

    One scan finds every cue; only the lines (paragraphs) that hold one are split into sentences,
    so the rest of a long article is never looked at again. The title, doc[:title_end] when
    title_end > 0, is always the first sentence (never split).
    """
    low = lower_same_length(doc)
    hits: list[tuple[int, int, bool]] = []
    for rule, m in _CUES.scan(low, doc, 0, len(doc)):
        if rule.kind == "verb_job" and not _MID_STOP.isdisjoint(_QUANTIFIERS.sub(" ", m.group("mid")).split()):
            continue
        hits.append((m.start(), m.end(), rule.kind != "weak"))
    sentences: list[Sentence] = []
    if title_end > 0:
        sentences.append(Sentence(start=0, end=title_end, text=doc[:title_end], is_title=True))
    done: set[int] = set()  # line starts
    for start, _, _ in sorted(hits):
        line_start = doc.rfind("\n", 0, start) + 1
        if line_start in done or (title_end > 0 and start < title_end):
            continue
        done.add(line_start)
        line_end = doc.find("\n", start)
        sentences += split_sentences(doc[line_start : line_end if line_end >= 0 else len(doc)], line_start)
    sentences.sort(key=lambda x: x.start)
    starts = [x.start for x in sentences]
    found: list[list[tuple[int, int, bool]]] = [[] for _ in sentences]
    for start, end, strong in hits:
        i = bisect_right(starts, start) - 1
        if i >= 0 and end <= sentences[i].end:  # else it ran into the next sentence
            found[i].append((start - starts[i], end - starts[i], strong))
    return low, sentences, [_merge_spans(spans) for spans in found]


def analyse(
    doc: str,
    low: str,
    sentences: list[Sentence],
    cue_spans: list[list[tuple[int, int, bool]]],
    published: date,
    company_spans: list[list[tuple[int, int]]],
    headline_verb: bool = False,
) -> list[SentenceCues]:
    """Return each located sentence with its cues judged (company spans are sentence-relative).

    `headline_verb` applies to a title sentence (is_title) only.
    """
    out = []
    for sentence, cues, spans in zip(sentences, cue_spans, company_spans):
        if not cues:
            out.append(SentenceCues(sentence=sentence, cues=(), segments=((0, len(sentence.text)),), dates=()))
            continue
        out.append(_judge(low, doc, sentence, cues, published, spans, headline_verb and sentence.is_title))
    return out


def _merge_spans(spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    spans.sort()
    merged: list[tuple[int, int, bool]] = []
    for s, e, strong in spans:
        if merged and s < merged[-1][1]:
            prev = merged[-1]
            merged[-1] = (prev[0], max(prev[1], e), prev[2] or strong)
        else:
            merged.append((s, e, strong))
    return merged


def _judge(
    low: str, doc: str, sentence: Sentence, spans: list[tuple[int, int, bool]], published: date,
    company_spans: list[tuple[int, int]], headline_verb: bool,
) -> SentenceCues:
    """Return the sentence with each cue's kind decided by the markers in its clause."""
    text, base = sentence.text, sentence.start
    segments = _segments(low, base, sentence.end)
    words = frozenset(_WORDS.findall(low, base, sentence.end))
    dates = tuple(find_dates(text, published))

    segment_starts = [s for s, _ in segments]

    def seg(position: int) -> int:
        return max(0, bisect_right(segment_starts, position) - 1)

    cue_segments = [seg(s) for s, _, _ in spans]
    # A relative clause ("..., where Intel announced ...") shares the time frame of the clause it hangs on.
    parent_segment = {i: i - 1 for i, (s, _) in enumerate(segments) if i and _RELATIVE.match(text, s)}
    scores = [{"current": 0, "past": 0, "cumulative": 0, "spec": 0, "leak": 0} for _ in spans]
    why: list[list[str]] = [[] for _ in spans]

    def attach(kind: str, weight: int, start: int, end: int) -> None:
        segment = seg(start)
        same = [i for i, c in enumerate(cue_segments) if c == segment]
        if kind in ("past", "cumulative"):
            same += [i for i, c in enumerate(cue_segments) if parent_segment.get(c) == segment]
        if not same:
            if kind in ("past", "cumulative", "spec"):
                return  # a clause without a cue describes something else (an earlier round, a base)
            # attribution clauses (", the company said Tuesday") belong to the nearest cue
            same = [min(range(len(spans)), key=lambda k: min(abs(spans[k][0] - end), abs(start - spans[k][1])))]
        key = "current" if kind == "announce" else kind
        for i in same:  # a time or source marker scopes over its whole clause
            scores[i][key] += weight
            why[i].append(f"{kind}:{text[start:end]}")

    generic_at: list[int] = []
    anaphor_at: list[int] = []
    for rule, m in _MARKERS.scan(low, doc, base, sentence.end):
        start, end = m.start() - base, m.end() - base
        if rule.kind == "generic":
            generic_at.append(start)
        elif rule.kind == "anaphor":
            anaphor_at.append(start)
        elif not (rule.kind == "announce" and _NEGATED.search(text[max(0, start - 16) : start])):
            attach(rule.kind, rule.weight, start, end)
    if sentence.is_title and words & {"report", "reports", "source", "sources"}:
        suffix = _LEAK_SUFFIX.search(text)
        if suffix:
            attach("leak", 1, suffix.start(), suffix.end())
    for d in dates:
        if d.future:
            continue
        if d.kind in ("day", "weekday", "relative") and d.age_days is not None and d.age_days <= 14:
            attach("current", 2, d.start, d.end)
        elif d.kind == "month" and d.age_days == 0:
            attach("current", 1, d.start, d.end)
        elif d.age_days is not None and d.age_days >= (365 if d.kind == "year" else 28):
            attach("past", 3, d.start, d.end)  # an explicit old date anchors the event firmly
    if headline_verb:
        scores[0]["current"] += 2
        why[0].append("headline verb")
    advice = not words.isdisjoint(_ADVICE_WORDS) and bool(_ADVICE.search(text))
    cues = []
    for i, (start, end, strong) in enumerate(spans):
        s = scores[i]
        seg_start, seg_end = segments[cue_segments[i]]
        has_company = any(seg_start <= cs < seg_end for cs, _ in company_spans)
        generic = advice or (not has_company and any(seg_start <= g < start for g in generic_at))
        anaphor = any(seg_start <= a < seg_end for a in anaphor_at) or (
            not has_company and _PRONOUN.search(low, base + seg_start, base + seg_end) is not None
        )
        has_actor = has_company or anaphor or subject_name(text[seg_start:seg_end]) is not None
        if advice:
            why[i].append("advice")
        kind: CueKind
        if generic:
            kind = "general"
        elif s["spec"] and not s["leak"]:
            kind = "speculative"
        elif s["current"] + s["leak"] >= 2 and s["current"] + s["leak"] > s["past"] + s["cumulative"]:
            kind = "report" if has_actor else "plain"  # "the industry is still downsizing" acts on no one
        elif s["cumulative"] and s["cumulative"] >= s["past"]:
            kind = "cumulative"
        elif s["past"]:
            kind = "past"
        else:
            kind = "plain"
        cues.append(Cue(
            start=start, end=end, strong=strong, segment=cue_segments[i], kind=kind,
            leak=s["leak"] > 0, anaphor=anaphor, why="; ".join(why[i]),
            score=s["current"] + s["leak"] - s["past"] - s["cumulative"],
        ))
    return SentenceCues(sentence=sentence, cues=tuple(cues), segments=segments, dates=dates)
