"""People in an article: the names after a job title ("chief executive Dan Clancy") or before one ("Tanya Morales,
executive director of ..."), and job titles written like names ("Vice President"), none of them employers."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.understanding.lexicon import Lexicon, lower_pattern, lower_same_length
from ingest.understanding.lexicon.factor import factor

UPPER = "A-ZÀ-ÖØ-Þ"  # the capital letters a name may open on


@lru_cache(maxsize=8)
def _person_patterns(code: str, titles: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return, compiled once per language, a job title followed by a capitalised name, and (for the lower-cased
    text) where a job title starts, and a fast scan for places that may hold one.

    The full pattern is tried only where a title starts. Those places are found by the fast scan (a non-word
    character, then a title: `re` skips to the non-word characters, where a pattern opening on a word boundary
    or a lookahead tries every position), each checked with the exact start pattern; the title at the very
    start of the text is checked on its own. Same places, same names, a fraction of the cost.
    """
    # (a title's period is an abbreviation's, "Sen. Jane Roe", not a sentence's end: "said a company spokesman.
    # Applied Magnetics has been in Coolock ..." names no person)
    person = re.compile(
        rf"\b(?:{titles})(?:(?<![^\W\d_]{{5}})\.)?,?[^\S\n]+(?-i:((?:[{UPPER}][\w'’.-]+\s+){{0,2}}[{UPPER}][\w'’-]+))",
        re.IGNORECASE,
    )
    grouped = factor(rf"\b(?:{lower_pattern(titles)})")  # "\b(?:...)", its alternatives grouped by first letter
    return person, re.compile(rf"(?={grouped})"), re.compile(rf"\W{grouped[2:]}")


# Whose title it is, in apposition ("Roger Hunt, one of the company's directors", "Jane Roe, its chief executive").
_OWNER = (r"(?:one\s+of\s+)?(?:(?:the|a|an)\s+(?:[\w-]+\s+)?[\w-]+['’]s?\s+|its\s+|their\s+|his\s+|her\s+)?"
          rf"(?-i:(?:[{UPPER}][\w&'’-]*\s+){{0,3}})")  # "Sam Roe, ONS head of ...", "Jo Poe, Unite regional officer"
# Words that may stand before a job title ("Senior Vice President", "the former managing director").
_TITLE_MODIFIERS = (r"(?:(?:the|a|an|former|senior|vice|deputy|executive|managing|assistant|acting|interim|general|chief|co-|"
                     r"le|la|il|lo|el|der|die|son|sa|su|sein|seine|suo|sua)\s+)*")  # "Andy Jassy, le CEO d'Amazon"


@lru_cache(maxsize=8)
def role_patterns(code: str, titles: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Return, once per language, a name in apposition to a job title ("Tanya Morales, executive director of"),
    and a job title standing alone as a capitalised run ("Vice President", "Secretary of State")."""
    apposition = re.compile(
        rf"(?<![\w'’-])((?-i:[{UPPER}][\w'’-]+(?: [{UPPER}][\w'’-]+){{1,2}})),\s+{_OWNER}{_TITLE_MODIFIERS}(?:{titles})\b",
        re.IGNORECASE,
    )
    return apposition, re.compile(rf"{_TITLE_MODIFIERS}(?:{titles})\.?(?:\s+(?:of|for)\s+.+)?", re.IGNORECASE)


_APPOSED_TITLES = r"vp|svp|evp|cfo|cto|coo|cmo"
# A speaker introducing themself ("Hi, I'm Luna Hopper", a video's transcript): a person
_INTRODUCED = re.compile(rf"\b(?:I['’]m|I\s+am|[Mm]y\s+name\s+is)\s+([{UPPER}][\w'’-]+(?: [{UPPER}][\w'’-]+){{1,2}})")
# A name between commas ("..., Matt Roe, said"): `re` skips to the commas, and only there is a title looked for.
_BETWEEN_COMMAS = re.compile(rf",\s+((?:[{UPPER}][\w'’-]+)(?: [{UPPER}][\w'’-]+){{1,2}}),")


@lru_cache(maxsize=8)
def _holder_pattern(code: str, titles: str) -> re.Pattern[str]:
    """Return, once per language, a job title and whose it is, right before its holder between commas ("the head of
    policy for the University and College Union (UCU), Matt Waddup, said")."""
    return re.compile(rf"\b(?:{titles})\s+(?:of|for|at|de|du|des|von|der|del|della|di)\s+[^,.;:\n]{{2,80}}$",
                      re.IGNORECASE)


def _holders(sample: str, lex: Lexicon) -> list[str]:
    """Return the names held between commas right after a job title and whose it is."""
    found = []
    for m in _BETWEEN_COMMAS.finditer(sample):
        if _holder_pattern(lex.code, lex.words.person_titles).search(sample, max(0, m.start() - 100), m.start()):
            found.append(m.group(1))
    return found


def person_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return the language's job-title-and-name patterns (compiled on the first call; see `_person_patterns`)."""
    return _person_patterns(lex.code, lex.words.person_titles)


def _title_starts(low: str, starts: re.Pattern[str], fast: re.Pattern[str]) -> list[int]:
    """Return every position where `starts` matches in `low`, in order (what `starts.finditer` finds)."""
    out = [0] if starts.match(low) else []
    position = 0
    while (m := fast.search(low, position)) is not None:
        position = m.start() + 1  # the title's first letter: titles inside this one are found from there
        if starts.match(low, position):
            out.append(position)
    return out


def persons(title: str, body: str, lex: Lexicon) -> frozenset[str]:
    """Return the names that follow a person's job title ("chief executive Dan Clancy"), and their surnames."""
    person, starts, fast = person_patterns(lex)
    sample = f"{title}\n{body[:3000]}"
    persons: set[str] = set()
    taken_to = 0
    for start in _title_starts(lower_same_length(sample), starts, fast):
        m = person.match(sample, start) if start >= taken_to else None
        if m is None:
            continue
        taken_to = m.end()
        full = m.group(1)
        persons.add(full)
        persons.add(full.split()[-1])
    for held in _holders(sample, lex):
        if not lex.org_words.search(held):  # "a spokeswoman for the owner, Acme Packaging, said": the firm
            persons.update((held, held.split()[-1]))
    # (an abbreviated title names a person only after the name: "Dana Holt, Ostara's VP of voice", never "VP Bank")
    for m in role_patterns(lex.code, f"{lex.words.person_titles}|{_APPOSED_TITLES}")[0].finditer(sample):
        if not lex.org_words.search(m.group(1)):  # "Acme Bank, the lender's president": an organisation
            persons.update((m.group(1), m.group(1).split()[-1]))
    persons.update(name for m in _INTRODUCED.finditer(sample) for name in (m.group(1), m.group(1).split()[-1]))
    return frozenset(persons)


def without_person(name: str, after: str, people: frozenset[str], lex: Lexicon) -> str:
    """Return a capitalised run without the person and the job titles that end it ("Anthropic CEO Dario Amodei" ->
    "Anthropic", "PDG Andy Jassy" -> "", "Council Leader, Jo Roe" -> "Council"): a title and its holder name a
    person, what stands before them may name the organisation. A title word not followed by its holder stays ("Lucky
    Star"), an acronym title goes ("Acme CEO")."""
    words = name.split()
    held = False
    for size in (3, 2):
        if len(words) > size and " ".join(words[-size:]) in people:
            words, held = words[:-size], True
            break
    m = re.match(rf",?\s+((?:[{UPPER}][\w'’-]+\s+){{0,2}}[{UPPER}][\w'’-]+)", after)
    held = held or (m is not None and m.group(1) in people)
    title = role_patterns(lex.code, lex.words.person_titles)[1]
    cut = True
    while words and cut:
        cut = False
        for size in (3, 2, 1):
            tail = " ".join(words[-size:])
            if len(words) >= size and (tail in _TITLE_ACRONYMS or held and title.fullmatch(tail)):
                words, cut = words[:-size], True
                break
    return " ".join(words)


_TITLE_ACRONYMS = frozenset("CEO CFO COO CTO CIO CMO CHRO VP SVP EVP PDG DG DRH AD".split())
