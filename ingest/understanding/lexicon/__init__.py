"""Per-language vocabulary: `Words` (data, one module per language) compiled once into a `Lexicon`.

Each language module (`en.py`, `de.py`, `fr.py`, `es.py`, `it.py`) holds only data: regular
expression fragments grouped by what they mean. Word order differs between languages (German
separable verbs put the particle at the end: "baut 14.000 Stellen ab"), so cue patterns are
written whole per language instead of being assembled from one template. Patterns are
case-insensitive unless they switch case on themselves with `(?-i:...)` ("WARN", "ERE").

Speed: `re` with IGNORECASE is about twice as slow, so a pattern without `(?-i:` is compiled in
lower case and run on the lower-cased sentence (same length, same offsets); only the few cased
patterns (acronyms, outlet names) run on the original text. The lower-cased cue, marker and trigger
patterns are compiled with their alternatives grouped by first letter (`factor`): the same matches,
fewer tests per character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from importlib import import_module
from typing import Literal

from ingest.understanding.lexicon.factor import alternatives, factor, first_letters, relaxed, starts_of, without_boundaries

CueKind = Literal["cut", "staff", "noun", "loss", "affected", "furlough", "notice"]
MarkerKind = Literal[
    "leak", "confirm", "speech", "deny", "negation", "speculative", "conditional", "forecast", "hypothetical", "past",
    "cumulative", "current", "plan", "generic", "closure", "restructuring", "hiring", "advice", "recap", "modal",
    "decision", "decision_frame", "separate", "explained", "individual", "results", "statistics", "temporary",
]
QualifierKind = Literal["approx", "min", "max"]
SUPPORTED = ("en", "de", "fr", "es", "it")


@dataclass(frozen=True)
class Words:
    """One language's vocabulary as regex fragments; see the language modules for the meaning of each."""

    code: str
    job_nouns: str  # plural or collective nouns for staff and posts, as a regex alternation
    trigger: str  # stems of which every cue contains one: a sentence without any holds no cue (read fast)
    cut_reference: str  # "the cuts", "the plans": a sentence confirming them need not repeat the cue
    cues: tuple[tuple[CueKind, str], ...]
    markers: tuple[tuple[MarkerKind, str], ...]
    anaphors: str  # "the company", "it": refer back to the employer
    org_nouns: str  # singular nouns for an organisation ("firm", "council"): "a drug firm" is one employer
    object_before: str  # after a noun cue, these introduce the employer ("job cuts at Amazon")
    clause_openers: str  # after a comma, these open a clause about something else
    bare_openers: str  # these open such a clause even without a comma ("UPS cuts jobs as Amazon ...")
    not_subject_before: str  # words just before a name that make it an object or a comparison
    descriptor_after: str  # words just after a name that make it describe another ("Amazon-owned")
    person_titles: str  # words naming a person's job ("chief executive"): the next name is a person
    org_words: str  # words that make a capitalised sequence an organisation ("Bank", "Council")
    non_employers: str  # names that speak about cuts but never make them here (unions, agencies)
    not_names: frozenset[str]  # capitalised words that never start a name (lower-cased)
    connectors: frozenset[str]  # lower-case words allowed inside a name ("of", "de")
    months: dict[str, int]
    weekdays: tuple[str, ...]  # Monday first
    relative_days: tuple[tuple[str, int], ...]  # ("yesterday", 1)
    number_words: dict[str, int]
    scales: dict[str, int]  # "thousand", "mila" (also as a suffix: "14mila")
    vague: tuple[tuple[str, int, int], ...]  # ("several hundred", 200, 900)
    qualifiers: tuple[tuple[QualifierKind, str], ...]
    date_context: dict[str, str] = field(default_factory=dict)  # future_before, year_prefix: see dates
    fractions: tuple[tuple[str, float], ...] = ()  # ("a third", 33.3): shares of staff in words
    count_context: dict[str, str] = field(default_factory=dict)  # base, hire, subset: see headcount
    space_thousands: bool = False  # "18 000" is one number
    after_subject: str = ""  # words that may follow a subject name; any other lower-case word makes it a modifier
    negation_follows: bool = False  # the negation may come after the cue ("Ein Stellenabbau wurde nicht angekündigt")
    statement_openers: str = ""  # after a comma, these open the subject's next statement (", says more may follow")
    newsletter: str = ""  # how a newsletter's body opens ("Welcome to Friday's briefing"): a digest, not one story
    unsaid: str = ""  # verbs of saying or knowing: a negation of one ("has not said how many jobs") is no denial
    # words that make a headline a sentence ("the", "to", "says"): a headline with none of them and no punctuation is
    # a list of keywords (a page's slug, "<Firm> job cuts news"), naming a topic, not claiming anything about it
    function_words: str = ""
    # a letter some writers of the language spell otherwise, and how: the patterns match either spelling (Swiss
    # German writes "ss" for "ß": "schliesst", "dreissig")
    respellings: tuple[tuple[str, str], ...] = ()
    # the technologies a story may say will do people's work (AI, automation, robots): cased where an acronym is a
    # common word in lower case (Italian "ai")
    technology: str = ""


@dataclass(frozen=True)
class Lexicon:
    """A language's vocabulary compiled for matching."""

    words: Words
    cues: tuple[tuple[CueKind, re.Pattern[str], bool], ...]  # (kind, pattern, runs on the original case)
    # Where any lower-cased cue (marker) pattern may start, in one scan: each pattern is then tried only there
    # (`factor.matches_at`), and a sentence with no such place and no cased cue holds no cue at all: most
    # sentences with a trigger word ("cost", "risk") cost one scan instead of one per pattern.
    cue_starts: re.Pattern[str]
    any_cased_cue: re.Pattern[str] | None
    marker_starts: re.Pattern[str]
    markers: tuple[tuple[MarkerKind, re.Pattern[str], bool], ...]
    job_nouns: re.Pattern[str]
    trigger: re.Pattern[str]
    cut_reference: re.Pattern[str]
    anaphors: re.Pattern[str]
    org_nouns: re.Pattern[str]
    object_before: re.Pattern[str]
    clause_cut: re.Pattern[str]
    leading_clause: re.Pattern[str]
    not_subject_before: re.Pattern[str]
    descriptor_after: re.Pattern[str]
    person_titles: re.Pattern[str]
    org_words: re.Pattern[str]
    non_employers: re.Pattern[str]
    count_context: dict[str, re.Pattern[str]]
    after_subject: re.Pattern[str] | None
    newsletter: re.Pattern[str] | None
    unsaid: re.Pattern[str] | None
    function_words: re.Pattern[str] | None
    technology: re.Pattern[str] | None
    # For a cased cue or marker pattern (and `any_cased_cue`), the same without its word boundaries: when that
    # finds nothing, neither can the pattern, and it costs a tenth of the pattern's own scan (see `may_match`).
    guards: dict[int, re.Pattern[str]] = field(default_factory=dict)
    # For a lower-cased cue or marker pattern, the letters its every match begins with (`factor.first_letters`),
    # where they can be told: a sentence none of whose starts holds one of them is not tried (`may_start`).
    # (Keyed by the pattern's id: a compiled pattern hashes its whole program on every lookup.)
    heads: dict[int, frozenset[str]] = field(default_factory=dict)
    # Cased cue and marker patterns with no quick guard (only a part is cased: "in <Capitalised place>"): their
    # loosened form (`factor.relaxed`) adds to `cue_starts` / `marker_starts`, and they are tried only there too,
    # instead of a case-insensitive scan of every sentence.
    at_starts: frozenset[int] = frozenset()

    @property
    def code(self) -> str:
        """Return the ISO 639-1 code of the language."""
        return self.words.code

    def may_match(self, pattern: re.Pattern[str], text: str) -> bool:
        """Return False when a cased pattern cannot match `text` (its quick guard finds nothing), else True."""
        guard = self.guards.get(id(pattern))
        return guard is None or guard.search(text) is not None

    def may_start(self, pattern: re.Pattern[str], letters: set[str]) -> bool:
        """Return False when no match of a lower-cased cue or marker pattern can begin with any of `letters` (the
        letters at a sentence's `cue_starts` or `marker_starts`): it need not be tried there."""
        heads = self.heads.get(id(pattern))
        return heads is None or not heads.isdisjoint(letters)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def lower_pattern(pattern: str) -> str:
    """Return a pattern with its literal letters lower-cased (escapes such as \\S and \\B kept)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append(pattern[i].lower())
        i += 1
    return "".join(out)


def _by_case(pattern: str) -> tuple[re.Pattern[str], bool]:
    """Return the pattern compiled for the lower-cased text, or for the original when it is cased."""
    if "(?-i:" in pattern:
        return re.compile(pattern, re.IGNORECASE), True
    return re.compile(factor(lower_pattern(pattern))), False


def lower_same_length(text: str) -> str:
    """Return `text` lower-cased without changing its length (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@lru_cache(maxsize=8)
def lexicon(code: str) -> Lexicon:
    """Return the compiled lexicon of a supported language (ValueError for any other)."""
    if code not in SUPPORTED:
        raise ValueError(f"no lexicon for language {code!r}")
    words: Words = _respelled(import_module(f"ingest.understanding.lexicon.{code}").WORDS)
    # "?" inside a sentence (a headline's "Is this the end for X? Chain shuts 31 shops") ends a question
    # clause: the statement after it is not hypothetical.
    cased_cues = [(kind, p) for kind, p in words.cues if "(?-i:" in p]
    cues = tuple((kind, *_by_case(p)) for kind, p in words.cues)
    markers = tuple((kind, *_by_case(p)) for kind, p in words.markers)
    any_cased_cue = re.compile("|".join(p for _, p in cased_cues), re.IGNORECASE) if cased_cues else None
    openers = words.clause_openers + (f"|{words.statement_openers}" if words.statement_openers else "")
    # (a Spanish "¿" opens a question clause of its own: "Amazon despedirá a 18 mil, ¿está Costa Rica incluida?")
    clause_cut = rf",\s+(?=(?:{openers})\b)|\s(?=(?:{words.bare_openers})\b)|;|:\s|\?\s|\s[-–—]\s|[()]|,?\s(?=¿)"
    guards = _guards([p for _, p, cased in (*cues, *markers) if cased] + ([any_cased_cue] if any_cased_cue else []))
    loose = {id(p): loosened for (_, p, cased), (_, written) in zip((*cues, *markers), (*words.cues, *words.markers),
                                                                   strict=True)
             if cased and id(p) not in guards and (loosened := relaxed(lower_pattern(written)))}
    heads = {id(p): letters for _, p, cased in (*cues, *markers) if not cased and (letters := first_letters(p.pattern))}
    heads |= {key: letters for key, loosened in loose.items() if (letters := first_letters(loosened))}

    def starts(group: tuple[tuple[str, re.Pattern[str], bool], ...], written: tuple[tuple[str, str], ...]
               ) -> re.Pattern[str]:
        return starts_of([lower_pattern(w) if not cased else loose[id(p)]
                          for (_, p, cased), (_, w) in zip(group, written, strict=True) if not cased or id(p) in loose])

    return Lexicon(
        words=words,
        cues=cues,
        cue_starts=starts(cues, words.cues),
        marker_starts=starts(markers, words.markers),
        any_cased_cue=any_cased_cue,
        markers=markers,
        job_nouns=_compile(rf"\b(?:{words.job_nouns})\b"),
        trigger=re.compile(factor(lower_pattern(words.trigger))),
        cut_reference=re.compile(lower_pattern(words.cut_reference)),
        anaphors=_compile(rf"(?<![\w-])(?:{words.anaphors})(?![\w-])"),
        org_nouns=_compile(rf"\b(?:{words.org_nouns})(?:['’]s)?\b"),
        object_before=_compile(rf"^\s*(?:\S+\s+){{0,4}}?(?:{words.object_before})\s+(?:the\s+)?$"),
        clause_cut=re.compile(lower_pattern(clause_cut)),
        leading_clause=re.compile(lower_pattern(rf"(?:{words.clause_openers}|{words.bare_openers})\b")),
        not_subject_before=_compile(rf"(?:^|\b)(?:{words.not_subject_before})\s+(?:[^\s,]+\s+){{0,2}}$"),
        descriptor_after=_compile(rf"^(?:{words.descriptor_after})"),
        person_titles=_compile(rf"\b(?:{words.person_titles})\b"),
        org_words=_compile(rf"(?:^|\s)(?:{words.org_words})(?:\s|$)"),
        non_employers=_compile(rf"^(?:{words.non_employers})$"),
        count_context={k: _compile(v) for k, v in words.count_context.items()},
        after_subject=re.compile(rf"(?:{words.after_subject})$") if words.after_subject else None,
        newsletter=_compile(words.newsletter) if words.newsletter else None,
        unsaid=_compile(rf"\b(?:{words.unsaid})\b") if words.unsaid else None,
        function_words=re.compile(rf"[,:;?!'’\"“”|–—(]|\s-\s|\b(?:{words.function_words})\b") if words.function_words else None,
        # (not a compound: "KI-Sparte", "AI-driven" name a unit or a reason, not the technology doing the work)
        technology=_compile(rf"(?<![\w-])(?:{words.technology})(?![\w-])") if words.technology else None,
        guards=guards,
        heads=heads,
        at_starts=frozenset(loose),
    )


def _respelled(words: Words) -> Words:
    """Return the vocabulary with its patterns matching the other spellings of their letters (`Words.respellings`):
    every regex field (a string, the pattern of a (kind, pattern) pair, a dict's pattern values) and the number
    words. A letter inside a character class or a lookbehind cannot be given a two-letter spelling: ValueError."""
    if not words.respellings:
        return words

    def both(pattern: str) -> str:
        for letter, other in words.respellings:
            if re.search(rf"\[[^\]]*{letter}[^\]]*\]|\(\?<[=!][^)]*{letter}", pattern):
                raise ValueError(f"{letter!r} in a character class or lookbehind of {pattern[:60]!r}")
            pattern = pattern.replace(letter, f"(?:{letter}|{other})")
        return pattern

    def spelt(word: str) -> str:
        for letter, other in words.respellings:
            word = word.replace(letter, other)
        return word

    changed: dict[str, object] = {}
    for f in fields(words):
        value = getattr(words, f.name)
        if f.name in ("code", "respellings"):
            continue
        if isinstance(value, str):
            changed[f.name] = both(value)
        elif isinstance(value, tuple) and value and all(isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], str)
                                                          for v in value):
            changed[f.name] = tuple((k, both(v)) for k, v in value)
        elif isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
            changed[f.name] = {k: both(v) for k, v in value.items()}
    # "dreissig": the number words in the other spelling too
    changed["number_words"] = {**words.number_words, **{spelt(k): v for k, v in words.number_words.items()}}
    return replace(words, **changed)  # type: ignore[arg-type]


def _guards(patterns: list[re.Pattern[str]]) -> dict[int, re.Pattern[str]]:
    """Return each pattern's quick guard (itself without word boundaries, same flags), where it has one: only for
    patterns all of whose alternatives are case-sensitive (a case-insensitive guard would scan as slowly)."""
    out = {}
    for pattern in patterns:
        guard = without_boundaries(pattern.pattern)
        if guard is not None and all(a.startswith("(?-i:") for a in alternatives(guard)):
            out[id(pattern)] = re.compile(guard, pattern.flags)
    return out
