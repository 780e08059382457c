"""The sentences of an article: title first, split at sentence ends, link lists and page furniture dropped."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ingest.understanding.lexicon import lower_same_length
from ingest.understanding.title_case import MINOR_WORDS

# Past this many body sentences there is only background, and reading it would make long pages slow.
MAX_SENTENCES = 60
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr inc corp co ltd jr sr st vs no bros jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k "
    "e.g i.e gov sen rep gen lt col mt ft approx dept est prof cllr rev hon "
    "z.b bzw nr mio mrd ca dr.-ing str abs ggf evtl inkl usw vgl "  # German
    "m mme mlle mm cf env av apr. "  # French
    "sr sra sres dña núm pág aprox etc "  # Spanish
    "dott dr.ssa sig sigg ing avv ecc pag".split()  # Italian
)
_WINDOW = 48  # characters read back from a sentence end to find its last word
# (French quotes open with a space: "mars. « À la suite ...")
_BOUNDARY = re.compile(r"[.!?]+[\"”’»)\]]*\s+(?=(?:[\"“‘(\[¿¡]|«[\s\u00a0\u202f]?)?[A-ZÀ-ÖØ-Þ0-9])")
_BOILERPLATE_HEADING = re.compile(
    r"(?i)^\s*(?:more\s+(?:stories|news|on\s+this)|more\s+from(?:\s+(?:us|our\s+[\w-]+|this\s+(?:author|writer|site|"
    r"section)|the\s+(?:author|writer)|(?-i:[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})))?|r\w*lated(?:\s+(?:stories|articles|news|coverage|posts|"
    r"reading|content|topics))?|read\s+(?:more|also|next)|also\s+read|you\s+(?:may|might)\s+also\s+like|recommended"
    r"(?:\s+for\s+you)?|trending(?:\s+now)?|latest(?:\s+(?:articles|news|stories|posts|headlines))?|most\s+(?:read|"
    r"popular|viewed)|top\s+stories|see\s+also|further\s+reading|popular(?:\s+stories)?|what\s+to\s+read\s+next|"
    r"mehr\s+zum\s+thema|das\s+könnte\s+sie\s+auch\s+interessieren|weitere\s+artikel|lesen\s+sie\s+auch|"
    r"à\s+lire\s+aussi|lire\s+aussi|sur\s+le\s+même\s+sujet|les\s+plus\s+lus|te\s+puede\s+interesar|"
    r"noticias\s+relacionadas|lo\s+más\s+leído|leggi\s+anche|potrebbe\s+interessarti|articoli\s+correlati|"
    r"i\s+più\s+letti)\s*:?\s*$"
)
_BOILERPLATE_PREFIX = re.compile(
    r"(?i)^\s*(?:(?:related(?:\s+(?:story|stories|article|articles|coverage|content|news|links?|reading|video))?|"
    r"read\s+more|read\s+also|also\s+read|read|see\s+also|watch|listen|recommended|more|"
    r"mehr\s+dazu|lesen\s+sie\s+auch|lire\s+aussi|à\s+lire|leer\s+más|lee\s+también|leggi\s+anche)\s*:|"
    r"(?:you\s+(?:may|might)\s+also\s+like|more\s+from|related\s+(?:stories|articles)|trending(?:\s+now)?|most\s+read)\s*[-–—:|]|"
    # shouted, a link's label needs no colon ("READ MORE City firm to axe 90 roles", "RELATED Council ...")
    r"(?-i:READ\s+MORE|RELATED|SEE\s+ALSO|ALSO\s+READ|MORE\s+STORIES|LESEN\s+SIE\s+AUCH|LIRE\s+AUSSI|LEGGI\s+ANCHE)\s)"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or the title) and its position: 0 is the title when there is one."""

    index: int
    text: str
    is_title: bool = False
    paragraph: int = 0  # 0 for the title, then 1, 2... for the body's non-empty lines
    low: str = field(default="", compare=False)  # the text lower-cased, same length

    def __post_init__(self) -> None:
        if not self.low:
            object.__setattr__(self, "low", lower_same_length(self.text))


def _prose_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Yield (index, line) of the lines that are no link list: after a "More stories" heading, or "Related:" lines
    (lazily: a long page's sentences stop being read before its last lines)."""
    in_list = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if _BOILERPLATE_HEADING.match(stripped):
            in_list = True
        elif in_list and stripped[-1:] in ".!?\"”»" and len(stripped.split()) >= 12:  # prose again
            in_list = False
        if not (in_list or _BOILERPLATE_PREFIX.match(stripped)):
            yield i, line


def _last_words(line: str, start: int, end: int) -> list[str]:
    """Return `line[start:end].rsplit(None, 1)`, reading only the end of a long stretch when the last word is there."""
    if end - start > _WINDOW:
        words = line[end - _WINDOW : end].rsplit(None, 1)
        if len(words) == 2:  # a space inside the window: the last word is all in it
            return words
    return line[start:end].rsplit(None, 1)


def split_line(line: str) -> list[str]:
    """Return the sentences of one line of text (abbreviations, initials and ordinals do not end one)."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        words = _last_words(line, start, m.start() + 1)
        token = words[-1].strip("\"“”‘’'()[]«»").rstrip(".!?").lower() if words else ""
        if line[m.start()] == "." and (
            token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or (token.isdigit() and len(token) <= 2)
        ):
            continue  # "Inc.", "Jan.", "U.S.", initials, German ordinals ("15. November")
        piece = line[start : m.start() + len(m.group(0).rstrip())].strip()
        if len(piece) >= 2:
            out.append(piece)
        start = m.end()
    piece = line[start:].strip()
    if len(piece) >= 2:
        out.append(piece)
    return out


def _furniture(line: str, tells_cut: Callable[[str], bool]) -> bool:
    """Return whether a short line above the lead is page furniture: a kicker, an outlet's name, a byline, a date
    ("Try GOLD - Free", "The Independent", "|September 24, 2025"): at most five words, no sentence end, no word
    written in lower case but the small ones, and no layoff or closure word (then it is a sub-headline). Such lines
    do not take a place in the lead."""
    words = line.split()
    return 0 < len(words) <= 5 and line.rstrip()[-1:] not in ".!?:\"”»" and all(
        not w[:1].islower() or w.lower() in MINOR_WORDS for w in words) and not tells_cut(line)


def read_sentences(
    title: str, text: str, limit: int = MAX_SENTENCES, tells_cut: Callable[[str], bool] | None = None
) -> list[Sentence]:
    """Return the title (when there is one) and the first `limit` body sentences, link lists dropped; with
    `tells_cut` (whether a line holds a layoff or closure word), short furniture lines above the lead too."""
    title = " ".join(title.split())
    out = [Sentence(0, title, is_title=True)] if title else []
    lines = text.split("\n")
    paragraph = 0
    for _, line in _prose_lines(lines) if "\n" in text else enumerate(lines):
        if not line.strip() or (tells_cut is not None and paragraph < 4 and _furniture(line, tells_cut)):
            continue
        paragraph += 1
        for piece in split_line(line):
            if len(out) >= limit + (1 if title else 0):
                return out
            if paragraph == 1 and piece == title:
                continue  # a body that repeats the headline (after its furniture, too)
            out.append(Sentence(len(out), piece, paragraph=paragraph))
    return out
