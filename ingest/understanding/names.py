"""Organisation names in a sentence: the alias table's, and any capitalised name that reads as one.

The alias table maps names to parents but does not gate recognition: a run of capitalised words
("Northern Counties Bank", "University of Northmere", "Laminados del Nalón", "BCE") is a name
too. What is not an organisation is set apart: people (after a job title: "chief executive Dan
Clancy"), speakers that never cut here (unions, statistics bodies, news agencies), and words that
are capitalised only because they open a sentence or a Title Case headline. German capitalises
every noun, so there a capitalised word is a name only with more evidence (see `german_names`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ingest.understanding.actor_filters import (
    descriptor_words, generic_noun, initials_in_full, legal_form_end, not_an_organisation, place_tag,
    union_acronyms, where_not_who, without_union,
)
from ingest.understanding.aliases import CompanyTable
from ingest.understanding.german_names import cuts_after, german_evidence, german_part
from ingest.understanding.lexicon import Lexicon, lower_same_length
from ingest.understanding.name_parts import (PAGE_FURNITURE, after_kicker, credit_line, irish_place, joined_start,
    described_local, lone_label, masthead, names_a_cut, newsletter_box, numbered, possessive_s, without_description, without_seat, written_lower, written_titled)
from ingest.understanding.persons import UPPER as _UPPER, persons, role_patterns, without_person
from ingest.understanding.title_case import is_title_case

# (not "2026For": a glued year; a name may open on a small "i" or "e" before a capital: "iRobot", "eBay")
_CAP = rf"(?:[{_UPPER}][\w'’&.\-/]*|(?!(?:19|20)\d\d[A-Z][a-z])\d+[A-Z][\w&-]*|[ie][A-Z][\w&-]*)"
_SEP = (
    rf"(?:\s+(?:of|for|de|du|des|del|della|dei|di|la|le|von|van|der|den|y|e|&|the)\s+(?=[{_UPPER}])|\s+"
    rf"(?:dell|dall|nell|d|l)['’](?=[{_UPPER}])|\s+(?=[{_UPPER}\d]))"
)
_RUN = re.compile(rf"(?<![\w'’-]){_CAP}(?:{_SEP}{_CAP})*")
_LEGAL = re.compile(
    r"(?:,?\s+(?:Inc|Incorporated|Corp|Co|Ltd|Limited|LLC|L\.L\.C|plc|PLC|GmbH|AG|SE|S\.A|SA|SpA|S\.p\.A|NV|N\.V|"
    r"BV|AB|ASA|Oyj|SAS|S\.A\.S|SRL|S\.r\.l|S\.L|SL|KG|KGaA)\.?)+$"
)
# A capitalised word not inside another word. The look-behind sits after the first letter (it looks at the character
# before it all the same): a pattern opening on a letter class lets `re` skip to capitals, three times faster.
_CAPITALISED = re.compile(rf"[{_UPPER}](?<![\w'’-].)[\w'’&./-]*\w")
# What comes before a place ("jobs in Leeds", "plants across Herefordshire, Worcestershire and ...", "in Cork and south
# Tipperary"), read backwards from a name; "a stake in Ocado" names a company, and "at" is left out ("job cuts at Ocado").
_COMPASS = r"(?:(?:north|south|east|west|mid|central|northern|southern|eastern|western|greater)(?:-?(?:east|west))?\s+)"
_BEFORE_PLACE = re.compile(
    rf"(?<!stake )(?<!stakes )(?<!investment )(?<!shares )(?<!interest )\b(?:in|near|across|around|outside|"
    rf"throughout)\s+(?:the\s+)?(?:{_COMPASS}?{_CAP}(?:\s+{_CAP})*(?:,\s*|,?\s+and\s+))*{_COMPASS}?$"
)
# One or two capitalised words opening a run right before a name ("Laboratoires " before "Vernhes").
_PREFIX = re.compile(rf"(?<![\w'’-])(?<![{_UPPER}][\w'’-] )((?:[{_UPPER}][\w'’-]* ){{1,2}})$")
_PLACE_REACH = 80  # characters before a name searched for its preposition
_OWNED_OR_PART = re.compile(r"['’]s| [A-Z]")  # after a name: its possessive, or the rest of a longer name
_GOVERNMENT_AFTER = re.compile(r"^\s+(?:administration|government)\b")  # "the Trump administration"
_ARTICLE = re.compile(r"^(?:(?:The|Die|Der|Das|La|Le|Les|El|Los|Las|Il|Lo|Gli)\s+|L['’])")
_THE = re.compile(r"^The\s+")
_ACRONYM_NOISE = frozenset(
    "CEO CFO COO CTO AI US UK EU IT HR PR TV GDP USA UN AP OK ID VP SVP EVP HQ FY Q1 Q2 Q3 Q4 EXCLUSIVE UPDATE "
    "BREAKING WATCH LIVE VIDEO PHOTO WARN COVID RIF RIFS ERE ERTE PSE CGT CSE DPA AFP EFE ANSA NEWS LLC INC PLC IA KI".split()
)


@dataclass(frozen=True, slots=True)
class Name:
    """A name in a sentence; `parent` is the alias table's parent, else the name itself."""

    text: str
    start: int
    end: int
    parent: str
    unit: str | None = None
    known: bool = False  # from the alias table
    possessive: bool = False  # "Amazon's job cuts": the 's is not part of the name
    weak: bool = False  # a lower-case alias ("devices unit"): a unit hint only
    attributive: bool = False  # "Cambridge labs", "Belfast aircraft firm": a modifier, not a subject
    surname: bool = False  # also a person's surname in this article ("Dyson", "Iger"): a subject of last resort


@dataclass
class ArticleNames:
    """What the whole article says about names: who is a person, how often a word is capitalised."""

    sample: str  # the title and the body read for names
    persons: frozenset[str]
    body: str
    title_case: bool
    german_names: frozenset[str]
    unions: frozenset[str] = frozenset()  # acronyms the article defines for unions ("... Union (FSU)")
    # The names of each sentence already read (a lead sentence is asked for its names more than once).
    found: dict[tuple[str, bool], list[Name]] = field(default_factory=dict)
    _caps: Counter[str] | None = None
    _places: dict[str, bool] = field(default_factory=dict)
    _full: dict[str, str] = field(default_factory=dict)

    def caps(self, word: str) -> int:
        """Return how often the article writes `word` capitalised (counted on the first question: many articles
        never ask)."""
        if self._caps is None:
            words = _CAPITALISED.findall(self.sample)
            self._caps = Counter(words) + Counter(w[:-2] for w in words if w[-2:] in ("'s", "’s"))  # "Ocado's": Ocado
        return self._caps[word]

    def place(self, name: str) -> bool:
        """Return whether the article writes `name` where a place goes ("in Leeds", "across Connacht")."""
        if name not in self._places:
            # a search before each occurrence of the name: cheaper than reading the article for every place
            at, found = self.sample.find(name), False
            while at >= 0 and not found:  # (not "across the ABC's divisions", an owner; nor "in BBC News", a part)
                found = _BEFORE_PLACE.search(self.sample, max(0, at - _PLACE_REACH), at) is not None and (
                    _OWNED_OR_PART.match(self.sample, at + len(name)) is None)
                at = self.sample.find(name, at + len(name))
            self._places[name] = found
        return self._places[name]

    def full(self, name: str, lex: Lexicon) -> str:
        """Return the name as the article writes it in full after an organisation word ("Vernhes" -> "Laboratoires
        Vernhes", "Popolare dell'Adriatico" -> "Banca Popolare dell'Adriatico"), else the name."""
        if name not in self._full:
            self._full[name] = name
            at = self.sample.find(name, 1)
            while at > 0 and self._full[name] == name:  # (a find per occurrence: a pattern per name costs more)
                m = _PREFIX.search(self.sample, max(0, at - 60), at)
                after = self.sample[at + len(name) : at + len(name) + 1]
                if m is not None and not (after.isalnum() or after in "'’-"):
                    prefix = _ARTICLE.sub("", m.group(1))  # "Les Laboratoires Vernhes"
                    if prefix and lex.org_words.search(prefix.split()[0]):
                        self._full[name] = f"{prefix}{name}"
                at = self.sample.find(name, at + 1)
        return self._full[name]


def clean_name(name: str, code: str = "") -> str:
    """Return a name without its legal form or a leading article ("The Cargonaut GmbH" -> "Cargonaut")."""
    name = name.strip(" ,.;:'\"“”‘’")
    if not re.search(r"\s(?:&|and)\s+Co$", name):  # "Brindle & Co": a partnership's name keeps its "& Co"
        name = _LEGAL.sub("", name).strip()
    # In English a foreign article is part of a proper name ("Los Angeles Times", "Le Monde", "El Paso Electric")
    return (_THE if code == "en" else _ARTICLE).sub("", name) or name


def article_names(title: str, text: str, lex: Lexicon) -> ArticleNames:
    """Return the article-wide facts used to tell names from capitalised words."""
    body = text[:6000]
    context = ArticleNames(sample=f"{title}\n{body}", persons=persons(title, body, lex), body=body,
                           title_case=is_title_case(title, lex.code), german_names=frozenset(),
                           unions=union_acronyms(f"{title}\n{body}", lex))
    if lex.code == "de":
        context.german_names = frozenset(german_evidence(f"{title}\n{body}", context.persons))
    return context


def _trim_run(run: str, start: int, lex: Lexicon) -> tuple[str, int]:
    """Return the run without leading words that are capitalised for other reasons, and trailing noise."""
    run, start = after_kicker(run, start)
    words, dropped = without_seat(run.split(" "))
    while words and (re.sub(r"['’]s?$", "", words[0].lower()) in lex.words.not_names
                     or words[0].lower() in lex.words.connectors):
        dropped += len(words[0]) + 1
        words = words[1:]
    while words and (words[-1].lower() in lex.words.connectors or words[-1] in _ACRONYM_NOISE) and not (
            words[-1] in ("UK", "US", "USA") and len(words) > 1):  # "Pilgrim's UK": a country's arm of a firm
        words = words[:-1]
    return " ".join(words), start + dropped


def _in_body(run: str, body: str, times: int) -> str | None:
    """Return the longest part of a Title Case run the body writes capitalised `times` times (a heading counts itself)."""
    tokens = run.split()
    for size in range(min(len(tokens), 5), 0, -1):
        for i in range(len(tokens) - size + 1):
            part = " ".join(tokens[i : i + size])
            if not part[:1].isupper():
                continue  # "Out of Jobs": a connector alone is no name
            # (the look-behind after the name, reaching back over it: `re` then skips to the name's first letters)
            pattern = rf"{re.escape(part)}(?<![\w-].{{{len(part)}}})(?![\w-])"
            if body.count(part) >= times and len(re.findall(pattern, body)) >= times:
                return part
    return None


def _title_part(run: str, context: ArticleNames, lex: Lexicon, times: int) -> tuple[int, str, bool] | None:
    """Return where the name in a Title Case run starts, the name, and whether it only modifies a noun after it.

    A descriptor noun inside the run introduces the name ("Fintech Startup Ledgerly" -> "Ledgerly"); a part
    followed by an organisation noun is a modifier ("Chicago Restaurant Group", "Leeds TV Firm")."""
    words = run.split(" ")
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if lex.org_nouns.fullmatch(w) and not lex.org_words.search(w)),
              default=0)
    offset = sum(len(w) + 1 for w in words[:cut])
    part = _in_body(run[offset:], context.body, times)
    if part is None or names_a_cut(part, lex):
        return None  # ("Amazon : Fermeture d'Entrepôts et Suppression de ...": the closure, no name)
    at = offset + run[offset:].index(part)
    rest = run[at + len(part) :].split()
    modifier = bool(rest) and not lex.org_words.search(part) and any(lex.org_nouns.fullmatch(w) for w in rest)
    return at, part, modifier


def is_heading(text: str, code: str) -> bool:
    """Return whether a body line is a Title Case heading ("The Workforce Restructuring: From Layoffs to Gains")."""
    return len(text.split()) <= 14 and text[-1:] not in ".!?\"”" and is_title_case(text, code)


def _accept(run: str, at_start: bool, context: ArticleNames, lex: Lexicon) -> bool:
    """Return whether a capitalised run is a name rather than capitalised words."""
    tokens = run.split()
    if not tokens or run in _ACRONYM_NOISE:
        return False
    if run.isupper() and any(len(t) > 2 and (_common_word(t, context) or written_titled(t, context.body)) for t in tokens):
        return False  # shouted words ("AXED: 500 jobs go", "AMAZON AXE: ..."), not an acronym
    if lex.code == "de":
        return True  # `_german_part` kept only the words with evidence
    if lex.org_words.search(run) or len(tokens) > 1:
        return True
    word = tokens[0]
    if (word.isupper() and 2 <= len(word) <= 5) or re.search(r"[a-z][A-Z/]", word):
        return True  # an acronym, or a name written like one ("HomeHub", "CBC/Radio-Canada")
    return not at_start or (context.caps(word) >= 2 and word.lower() not in lex.words.not_names)


def _capitalised(text: str, lex: Lexicon, context: ArticleNames, in_title: bool) -> list[Name]:
    title_case = context.title_case if in_title else is_heading(text, lex.code)
    out = []
    for m in _RUN.finditer(text):
        run, start = _trim_run(m.group(), m.start(), lex)
        modifier = False
        if title_case and run:
            found = _title_part(run, context, lex, 1 if in_title else 2)
            if found is None and not (in_title and lex.code == "de" and cuts_after(text, start + len(run))):
                continue  # (German capitalises nouns: a name acting in the headline is one without the body)
            if found is not None:
                start, run, modifier = start + found[0], run[found[0] : found[0] + len(found[1])], found[2]
        if run and lex.code == "de":
            run, start = german_part(run, start, context.german_names, lex)
        run, start = without_description(run, start, lex.code)
        if not run:
            continue
        end = start + len(run)
        if (legal := legal_form_end(text, end)) is not None:
            run, end = run + text[end:legal], legal  # "Reach plc has": an organisation's name, legal form and all
        possessive = possessive_s(run, f"{context.body}\n{text}", lex)
        if possessive:
            run, end = run[:-2], end - 2
        before = text[:start].rstrip(" \"“‘'(«")
        at_start = not before or before[-1] in ".!?:-–—|"
        if at_start and not title_case and descriptor_words(run.split(" "), lex):
            cut = len(run.split(" ")[0]) + 1  # "Publisher Reach announced": the noun describes the name after it
            run, start = run[cut:], start + cut
        if not _accept(run, at_start, context, lex) and not (
            at_start and (_acts(text, start, end, lex, context) if in_title else _speaks(text, run, end, context, lex))
        ):
            continue
        government = _GOVERNMENT_AFTER.match(text[end:])
        if government:
            run, end = run + text[end : end + government.end()], end + government.end()
        name = clean_name(run, lex.code)
        attributive = modifier or (lex.after_subject is not None and not possessive and _attributive(text, end, lex)) or (
            described_local(name, context.sample, lex.code))
        out.append(Name(text=name, start=start, end=end, parent=name, possessive=possessive, attributive=attributive))
    return out


# What may follow a headline's subject: a plan ("va", "to", "will"), a closure, an announcement.
_ACTING_KINDS = frozenset(("plan", "closure", "confirm", "current"))
# The auxiliary of a compound past between a headline's subject and its verb ("has cut", "a supprimé", "ha tagliato").
_PERFECT = {code: re.compile(rf"(?:{words})\s+") for code, words in {
    "en": "has|have|had", "fr": "a|ont|avait|avaient", "it": "ha|hanno|aveva|avevano", "es": "ha|han|había|habían",
}.items()}


def _past_auxiliary_end(low: str, at: int, code: str) -> int:
    """Return where the verb after a subject starts: past a compound past's auxiliary at `at`, if any."""
    aux = _PERFECT[code].match(low, at) if code in _PERFECT else None
    return at if aux is None else aux.end()


def _common_word(word: str, context: ArticleNames) -> bool:
    """Return whether the article also writes the word in lower case: a common word ("Officials", "Shoppers"),
    not a name."""
    return word.lower() in context.body and (
        re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", context.body) is not None
    )


def _acts(text: str, start: int, end: int, lex: Lexicon, context: ArticleNames) -> bool:
    """Return whether the single word opening a headline is its subject: a layoff cue or an action marker follows
    it at once ("Michelin va fermer ...", "Tesco to cut ..."), and it is no staff, organisation or layoff noun."""
    word = text[start:end]
    if " " in word or lex.job_nouns.fullmatch(word) or lex.org_nouns.fullmatch(word) or lex.trigger.match(word.lower()):
        return False
    low = lower_same_length(text)
    after = end + len(text[end:]) - len(text[end:].lstrip())
    after = _past_auxiliary_end(low, after, lex.code)  # "Roset-Cinna a licencié 93 salariés"
    patterns = [p for _, p, cased in lex.cues if not cased]
    patterns += [p for kind, p, cased in lex.markers if kind in _ACTING_KINDS and not cased]
    return after > end and any(p.match(low, after) for p in patterns) and not _common_word(word, context)


def _speaks(text: str, word: str, end: int, context: ArticleNames, lex: Lexicon) -> bool:
    """Return whether a lone word opening a sentence is an organisation making a statement ("Shelterline said the
    roles would go") or described by a relative clause ("Stylefield, which sold womenswear, fell into ..."): a speech
    verb or ", which" follows it at once, and it is no common word ("Officials said")."""
    if " " in word or word.lower() in lex.words.not_names:
        return False
    low = lower_same_length(text)
    after = _past_auxiliary_end(low, end + len(text[end:]) - len(text[end:].lstrip()), lex.code)  # "Pinefield has said"
    return ((after > end and any(p.match(text if cased else low, after) for kind, p, cased in lex.markers if kind in (
        "speech", "confirm"))) or re.match(r",\s+(?:which|who|whose)\s", text[end:]) is not None) and not _common_word(
        word, context)  # (the costly test last: it reads the article)


def _attributive(text: str, end: int, lex: Lexicon) -> bool:
    """Return whether the name modifies the noun after it ("Cambridge labs", "Leeds TV firm") instead of being a
    subject."""
    after = text[end:]
    word = re.match(r"\s+(?:[A-Z]{2,4}\s+)?([a-z][\w'’-]*)", after)
    if word is None or lex.job_nouns.match(after.lstrip()):
        return False
    assert lex.after_subject is not None
    return lex.after_subject.match(word.group(1)) is None


def find_names(
    text: str, lex: Lexicon, table: CompanyTable, context: ArticleNames, *, in_title: bool = False
) -> list[Name]:
    """Return the organisation names in a sentence (alias table first), in order, people left out."""
    key = (text, in_title)
    if key not in context.found:
        context.found[key] = _find_names(text, lex, table, context, in_title)
    return list(context.found[key])


def _find_names(text: str, lex: Lexicon, table: CompanyTable, context: ArticleNames, in_title: bool) -> list[Name]:
    if not in_title and masthead(text):
        return []  # the outlet's own name and sections, not who the article is about
    if not in_title and newsletter_box(text):
        return []  # "+ Subscribe Thank you for subscribing! ... Invalid Email": a sign-up box's messages
    if not in_title and (credit_line(text) or lone_label(text)):
        return []  # "Image source, Getty", "By Jo Roe, BBC News", "• Yahoo": who wrote or carries the page
    searched = text.title() if in_title and text.isupper() and len(text.title()) == len(text) else text
    names = []
    for m in table.find(searched):
        possessive = searched[m.end : m.end + 2] in ("'s", "’s")
        names.append(Name(text=m.parent if m.unit is None else m.unit, start=m.start, end=m.end, parent=m.parent,
                          unit=m.unit, known=True, possessive=possessive, weak=m.weak))
    taken = [(n.start, n.end) for n in names]
    for name in _joined(_capitalised(searched, lex, context, in_title), searched, lex, context, taken):
        if any(s < name.end and name.start < e for s, e in taken):
            continue
        if name.text in context.persons and len(name.text.split()) > 1 or name.text.lower() in PAGE_FURNITURE:
            continue
        if (bare := without_person(name.text, searched[name.end : name.end + 40], context.persons, lex)) != name.text:
            if not bare:
                continue  # "CEO Jane Roe", "Council Leader": a person and a title
            name = Name(bare, name.start, name.start + len(bare), bare, possessive=name.possessive)
        if (kept := without_union(name.text, lex, context.unions, not (in_title and context.title_case))) != name.text:
            if not kept:
                continue  # "Unite Wales", "the Finance Sector Union (FSU)": the staff's union, never their employer
            name = Name(kept, name.start, name.start + len(kept), kept, possessive=name.possessive)
        if (lex.non_employers.match(name.text) or role_patterns(lex.code, lex.words.person_titles)[1].fullmatch(name.text)
                or not_an_organisation(name.text, lex)):
            continue  # a union or statistics office, a job title ("Vice President") standing for a person, a day
        if lex.code == "en" and irish_place(name.text):
            continue  # "the Seagate plant in Co Derry", "Further jobs blow for NI": a county or a province
        if where_not_who(name.text, lex, context.place, searched[max(0, name.start - 8) : name.start], searched[name.end :]):
            continue  # "Leeds: 200 jobs go" in an article about a call centre "in Leeds": where, not who
        if " " not in name.text and not name.possessive and (
                generic_noun(lex).fullmatch(name.text)
                or ((in_title or not text[: name.start].strip(" \"'“‘-•*")) and written_lower(name.text, context.sample))):
            continue  # "Der Konzern", "Council confirms ...": a common noun standing for the employer, not a name
        if not lex.org_words.search(name.text) and (full := context.full(name.text, lex)) != name.text:
            name = Name(full, name.start, name.end, full, possessive=name.possessive, attributive=name.attributive)
        if (full_form := initials_in_full(name.text, context.sample)) is not None:
            name = Name(full_form, name.start, name.end, full_form, possessive=name.possessive)
        if name.text.split()[-1] in context.persons:
            name = Name(name.text, name.start, name.end, name.parent, possessive=name.possessive,
                        attributive=name.attributive, surname=True)
        names.append(name)
    names.sort(key=lambda n: n.start)
    if in_title and len(names) > 1 and place_tag(searched, names[0].start, names[0].end, names[0].known, lex):
        return names[1:]
    return names


def _joined(names: list[Name], text: str, lex: Lexicon, context: ArticleNames, taken: list[tuple[int, int]]
            ) -> list[Name]:
    """Return the names with those cut short made whole (see `name_parts.joined_start` and `numbered`)."""
    out: list[Name] = []
    for name in names:
        start = joined_start(text, name.start, name.text, lex, taken)
        if start is not None:
            while out and out[-1].end > start:
                out.pop()  # "Brighton" read alone before "and Hove City Council"
        elif (whole := numbered(text, name.start, name.text, context.sample)) is not None:
            start = name.start - (len(whole) - len(name.text))
        if start is not None:
            whole = text[start : name.end]
            name = Name(whole, start, name.end, whole, possessive=name.possessive, attributive=name.attributive)
        out.append(name)
    return out
