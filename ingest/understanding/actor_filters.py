"""What a capitalised run holds besides the employer's name, and runs that only look like employers.

News glues words to an employer's name that are not part of it, and names parties that never employ the
staff a story is about: a descriptor opening the sentence ("Publisher Acme announced ..."), a lower-case legal
form after it ("Acme plc has ..."), the union of its staff ("Acme NUJ chapel", "Unite Wales", "the Transit
Workers Guild", an acronym the article defines for a union: "the Finance Sector Union (FSU)"). Some names stand
for the employer although a preposition precedes them: whose boss or management acts ("chief executive of
Tessellate", "Management at the NBS"), and the employer a noun cue names with a descriptor ("job losses at media
group Reach"). A name written with dotted initials is the one the article writes in full ("L.A. Times" -> "Los
Angeles Times").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ingest.understanding.clauses import sentence_cues
from ingest.understanding.lexicon import Lexicon, lower_same_length
from ingest.understanding.persons import UPPER

# A legal form written in lower case after a name ("Reach plc", "Acme ltd."): the run stops before it, the form
# still says the words before it are an organisation's name.
_LEGAL_AFTER = re.compile(r"\s+(?:plc|ltd|llc|inc|gmbh|spa|srl)\b\.?(?!\w)")
# An acronym the article defines in parentheses right after a name ("the Finance Sector Union (FSU)"): the acronym
# found first (rare), the name then read backwards from it.
_ACRONYM = re.compile(rf"\(([{UPPER}]{{2,8}})\)")
_DEFINED = re.compile(rf"((?:[{UPPER}][\w'’&-]*\s+(?:(?:of|for|and|&|the)\s+)*){{1,7}})$")
# Words only a trade union, guild or its branch is named by ("United Auto Workers", "Writers Guild of America",
# "Teamsters Local 174"); an employer is never named after its own workers.
_UNION_NAME = re.compile(
    r"(?:^|\s)(?:[\w-]*[Ww]orkers|Guild|Brotherhood|Local\s+\d+)(?:\s+(?:of|for)\s.*)?$|"
    r"^(?:Fraternal\s+Order|Brotherhood)\s"
)


def legal_form_end(text: str, end: int) -> int | None:
    """Return where a lower-case legal form right after a run ends ("Reach| plc has"), else None."""
    m = _LEGAL_AFTER.match(text, end)
    return m.end() if m else None


def union_acronyms(sample: str, lex: Lexicon) -> frozenset[str]:
    """Return the acronyms the article defines for a union or another party that never employs
    ("the Finance Sector Union (FSU)" -> "FSU")."""
    found = set()
    for acronym in _ACRONYM.finditer(sample):
        m = _DEFINED.search(sample, max(0, acronym.start() - 100), acronym.start())
        full = re.sub(r"^(?:The|the)\s+", "", m.group(1).strip()) if m else ""
        if full and (lex.non_employers.match(full) or _UNION_NAME.search(full)):
            found.add(acronym.group(1))
    return frozenset(found)


# Acronyms of speakers that are no unions (agencies, statistics offices, lobbies): "AP Moller-Maersk" is a firm.
_NOT_UNIONS = frozenset("AP PA AFP DPA EFE ANSA BLS ONS IFS CBI BRC FSB OBR IMF OECD ECB".split())


def _union_word(word: str, lex: Lexicon, acronyms: frozenset[str]) -> bool:
    """Return whether one word of a run names a union by itself ("NUJ", "GMB", or an acronym the article defines)."""
    return word in acronyms or (word.isupper() and len(word) >= 2 and word not in _NOT_UNIONS
                                and lex.non_employers.match(word) is not None)


def without_union(name: str, lex: Lexicon, acronyms: frozenset[str], cased: bool = True) -> str:
    """Return a run without the union glued to it: "Reach NUJ" -> "Reach" (the staff's employer, whose union
    branch the words name); "" when the run is the union or its branch ("Unite Wales", "United Auto Workers",
    "GMB Scotland", "FSU"). In a Title Case line (`cased` False) "Workers" may be anyone's staff."""
    words = name.split()
    if not words:
        return name
    if (cased and _UNION_NAME.search(name)) or name in acronyms:
        return ""
    first = words[0]
    if len(words) > 1 and lex.non_employers.match(first) and not lex.org_words.search(" ".join(words[1:])):
        if _union_word(first, lex, acronyms) or first in ("Unite", "Unison", "Usdaw", "Teamsters", "Aslef"):
            return ""  # a union's regional or workplace branch
    while len(words) > 1 and _union_word(words[-1], lex, acronyms):
        words = words[:-1]
    return " ".join(words)


# Countries as the five languages write them: after "in", "en", "à", "nach", "nel" a place, never an employer ("un
# despido colectivo que impacta a su plantilla en España"); other languages' "en" also reads "at" ("despidos en Amazon"),
# so only these names are read as places there
COUNTRY = re.compile(
    r"(?:España|Spain|Spanien|Espagne|Spagna|Francia|France|Frankreich|Italia|Italy|Italien|Italie|Alemania|Germany|"
    r"Deutschland|Allemagne|Germania|Portugal|Portogallo|Irlanda|Ireland|Irland|Irlande|Reino\s+Unido|Royaume-Uni|"
    r"Regno\s+Unito|Großbritannien|Gran\s+Bretaña|Estados\s+Unidos|États-Unis|Stati\s+Uniti|Canadá|Canada|Kanada|"
    r"México|Mexico|Mexiko|Luxemburgo|Luxembourg|Luxemburg|Lussemburgo|Bélgica|Belgique|Belgien|Belgio|Suiza|Suisse|"
    r"Schweiz|Svizzera|Austria|Österreich|Autriche|Polonia|Pologne|Polen|Países\s+Bajos|Pays-Bas|Niederlande|"
    r"Paesi\s+Bassi|Holanda|China|Chine|Cina|India|Inde|Indien|Japón|Japon|Giappone|Brasil|Brésil|Brasilien|"
    r"Brasile|Colombia|Colombie|Kolumbien|Argentina|Argentine|Argentinien|Chile|Chili|Perú|Costa\s+Rica|Europa|Europe)"
)


def where_not_who(name: str, lex: Lexicon, place: Callable[[str], bool], before: str, after: str) -> bool:
    """Return whether a name the article writes where a place goes ("in Leeds", "en España") is that place, not an
    employer: in English unless an organisation word says otherwise; elsewhere a country's name right after its
    preposition here ("España recortará 3.000 puestos" is the government; "France 24", "Europe 1" broadcasters)."""
    if lex.code == "en":
        return not lex.org_words.search(name) and place(name)
    return COUNTRY.fullmatch(name) is not None and _PLACE_BEFORE.search(before) is not None and not after[:2].strip(
        " ").isdigit()


_PLACE_BEFORE = re.compile(r"\b(?:en|in|à|au|aux|dans|nach|nel|nella|negli|a)\s+$", re.IGNORECASE)


# A compound epithet a headline puts before a name ("Crisis-hit", "Cash-strapped", "State-owned", "Debt-laden")
_EPITHET = re.compile(r"[A-Z][a-z]+-(?:hit|backed|owned|strapped|laden|struck|stricken|troubled|ridden|plagued|funded)")


def descriptor_words(words: list[str], lex: Lexicon) -> int:
    """Return how many of a sentence-opening run's words are a descriptor before the name ("Publisher Reach",
    "Carmaker Stellantis"): an organisation noun capitalised only because it opens the sentence, not itself a
    word names are made of ("Bank", "Council"), with a name after it that is more than organisation words. English
    only: elsewhere the noun opens the name itself ("Cartiera Sole", "Fonderie Vauclair")."""
    if lex.code == "en" and len(words) >= 2 and _EPITHET.fullmatch(words[0]) and words[1][:1].isupper():
        return 1  # "Crisis-hit University of East Anglia", "State-backed Royal Bank of Scotland": an epithet
    if lex.code != "en" or len(words) < 2 or not lex.org_nouns.fullmatch(words[0]) or lex.org_words.search(words[0]):
        return 0
    rest = " ".join(words[1:])
    if all(lex.org_words.search(w) for w in words[1:]) or not rest[:1].isupper():
        return 0  # "Factory Records": the noun is part of the name
    return 1


@lru_cache(maxsize=8)
def _generic_noun_pattern(org_nouns: str) -> re.Pattern[str]:
    # the organisation nouns themselves, not the compounds a German pattern also allows ("Commerzbank")
    return re.compile(org_nouns.replace(r"\w*", ""), re.IGNORECASE)


def generic_noun(lex: Lexicon) -> re.Pattern[str]:
    """Return the language's pattern of a bare organisation noun ("Konzern", "Council", "Gruppo")."""
    return _generic_noun_pattern(lex.words.org_nouns)


def place_tag(title: str, start: int, end: int, known: bool, lex: Lexicon) -> bool:
    """Return whether a headline opens on a tag naming where ("Mendrisio, la Trasmec licenzia ...", "Ambert : la
    fonderie ...") rather than who: a lone unknown name (title[start:end]) before a comma or colon."""
    return (not known and not title[:start].strip(" \"'“‘«") and lex.org_words.search(title[start:end]) is None
            and re.match(r"\s*[,:]\s", title[end:]) is not None)


def initials_in_full(name: str, sample: str) -> str | None:
    """Return the name as the article also writes it in full when it opens on dotted initials ("L.A. Times" ->
    "Los Angeles Times", "N.Y. Post"), else None."""
    m = re.match(r"((?:[A-Z]\.){2,4})\s+(.+)$", name)
    if m is None:
        return None
    words = r"\s+".join(rf"{letter}[a-z]+" for letter in m.group(1).replace(".", ""))
    found = re.search(rf"(?<![\w-]){words}\s+{re.escape(m.group(2))}(?![\w-])", sample)
    return found.group() if found else None


# Whose boss or spokesperson speaks: the organisation after the role stands for the employer ("Maya Ross, chief
# executive of Tessellate, said ...", "Bosses at Moorside Snacks told staff ..."). Roles outsiders hold too (an
# analyst or a managing director at a bank, an economist at a think tank) are left out.
_LEADERS_OF = re.compile(
    r"\b(?:chief\s+executive|ceo|chief\s+\w+\s+officer|chair(?:man|woman|person)?|president|founder|co-founder|"
    r"spokes(?:person|woman|man)|boss|bosses|management|managers|executives|leadership)\s+(?:of|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def led_by(before: str) -> bool:
    """Return whether the name after `before` is the organisation its boss, spokesperson or management works for."""
    return _LEADERS_OF.search(before) is not None


# A passive's agent after its participle: "It will be closed by Halewood", "jobs were axed by the insurer Ardent".
_AGENT = re.compile(
    r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+\s+)?(?:closed|shut|shuttered|cut|axed|eliminated|scrapped|"
    r"announced|confirmed|ordered|decided|made\s+redundant|laid\s+off)\s+by\s+(?:the\s+|its\s+)?"
    r"(?:(?:owners?|parent|operator|landlord)\s+)?$", re.IGNORECASE)
# The US state bodies that publish WARN notices ("the Washington State Employment Security Department's Worker
# Adjustment and Retraining Notification showed 172 employees will be impacted"): beside a notice they report an
# employer's figures, they do not cut.
_NOTICE_REGISTRY = re.compile(
    r"(?:Employment\s+(?:Security|Development)|Workforce(?:\s+Development)?|Labou?r(?:\s+and\s+\w+)?|"
    r"Job\s+and\s+Family\s+Services|Economic\s+(?:Opportunity|Security))\s+(?:Department|Commission|Agency|Division)"
    r"(?:['’]s)?$|^(?:\w+\s+){0,3}(?:Department|Division|Office)\s+of\s+(?:Labou?r|Workforce|Employment|Commerce|"
    r"Economic\s+Opportunity)\b")
_OWN_STAFF = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:\w+\s+)?(?:staff|employees|workers|workforce)\b|"
                        r"\bnotices?\s+to\s+(?:\S+\s+){0,3}?(?:staff|employees|workers)\b", re.IGNORECASE)


# A name a site goes by ("the facility, known as UWA5", "a warehouse dubbed BFI4"): the place closing, not who closes it
# (a shop, a pub or a brewery "named" so is often the business itself: "a shop named Hollis & Daughters")
_SITE_LABEL = re.compile(
    r"\b(?:facility|site|warehouse|plant|factory|centre|center|building|depot|hub|campus|mine|yard)\s*,?\s+"
    r"(?:known\s+as|called|dubbed|nicknamed|"
    r"code-?named|named)\s+(?:the\s+)?$", re.IGNORECASE)


def passive_agent(before: str) -> bool:
    """Return whether the name after `before` is a passive's agent ("be closed by Halewood"): it acts."""
    return _AGENT.search(before) is not None


def named_beside_the_cut(sentence: str, start: int, name: str, lex: Lexicon) -> bool:
    """Return whether the name at `start` in `sentence` is not who cuts there: what a site is called ("the facility, known as
    UWA5"), or a state body publishing the layoff notice the sentence tells of (the lexicon's notice cues; a body
    sending notices to its own staff employs them)."""
    if _SITE_LABEL.search(sentence, max(0, start - 60), start) is not None:
        return True
    return (_NOTICE_REGISTRY.search(name) is not None and _OWN_STAFF.search(sentence) is None
            and any(c.kind == "notice" for c in sentence_cues(sentence, lower_same_length(sentence), lex)))


@lru_cache(maxsize=8)
def _described_object(object_before: str, org_nouns: str) -> re.Pattern[str]:
    return re.compile(
        rf"\s*(?:\S+\s+){{0,4}}?(?:{object_before})\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{org_nouns})\s+", re.IGNORECASE)


def described_object(gap: str, lex: Lexicon) -> bool:
    """Return whether the words between a noun cue and a name introduce the employer with a descriptor ("job losses
    at media group Reach", "cuts at carmaker Veltra"): the preposition, then an organisation noun."""
    return _described_object(lex.words.object_before, lex.words.org_nouns).fullmatch(gap) is not None


# A survey, a notice or a technology ("the INTOO Layoff Anxiety Study", "a WARN", "AI"; not "Survey": Ordnance Survey)
_STUDY = re.compile(r"\b(?:Study|Poll|Barometer|Tracker)$|^WARNs?$|"
                    r"^(?:AI|A\.I\.|Gen ?AI|Artificial Intelligence|Automation|Robotics|ChatGPT)$")
_LEGAL_ALONE = re.compile(r"(?:Inc|Ltd|Corp|Co|plc|PLC|LLC|LLP|AG|SA|SE|NV|GmbH|Limited|Incorporated|Corporation)\.?")
# An auxiliary opening a question before its pronoun ("Am I Next", "Are You Affected"); not "It": "Do It Best", "Will It
# Blend", "Is It Fresh" are trade names
_QUESTION = re.compile(r"(?:Am\s+I|(?:Is|Are|Was|Were|Do|Does|Did|Can|Could|Will|Would|Should|Has|Have)\s+"
                       r"(?:You|We|They|He|She))\b")


def not_an_organisation(name: str, lex: Lexicon) -> bool:
    """Return whether a capitalised name is only calendar words or the layoff noun itself ("Monday", "One Layoff at
    a Time" read as "Layoff", "Job Cuts"): words a headline or a dateline capitalises, never an employer."""
    low = name.lower()
    if all(w in lex.words.months or w in lex.words.weekdays for w in low.split()):
        return True
    if _STUDY.search(name):
        return True  # "the INTOO Layoff Anxiety Study", "a WARN", "AI": a survey, a notice or a technology, not who cuts
    if low in lex.words.number_words:
        return True  # "Funding crisis: Forty jobs under threat": a count, not a name
    if _LEGAL_ALONE.fullmatch(name):
        return True  # "Inc said it has laid off ...": a page cut after the name keeps only its legal form
    if _QUESTION.match(name):
        return True  # "Am I Next? Layoffs at Whole Foods Market": a question, not a name
    return any(p.fullmatch(low) for kind, p, cased in lex.cues if kind == "noun" and not cased)


def administrator(name: str, text: str, code: str) -> bool:
    """Return whether the article names `name` as the administrator of a business in administration ("appointed
    administrators from Kroll", "Teneo, the administrator, said"): it speaks for the employer, it does not cut."""
    if code != "en" or "administrator" not in text:
        return False
    n = re.escape(name)
    return re.search(
        rf"\badministrators?\s+(?:from\s+|at\s+)?(?:[A-Z][\w&-]*\s+){{0,2}}?{n}\b|"
        rf"(?<![\w-]){n}(?:\s+[A-Z][\w&-]*){{0,2}}?,?\s+(?:the\s+|as\s+)?(?:joint\s+)?administrators?\b|"
        rf"(?<![\w-]){n}\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+appointed\s+(?:as\s+)?(?:joint\s+)?"
        r"administrators?\b", text) is not None


# Indefinite articles: "An aircraft maintenance company at Shannon Airport has notified the Department ..." opens on
# an employer described, not named (the names after it are places and objects).
_INDEFINITE = {"en": r"an?\s+", "de": r"eine?\s+", "fr": r"une?\s+", "es": r"una?\s+", "it": r"(?:una?|uno)\s+|un['’]"}


@lru_cache(maxsize=8)
def _indefinite_pattern(code: str, org_nouns: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{_INDEFINITE[code]})(?:[\w-]+\s+){{0,3}}?(?:{org_nouns})\b", re.IGNORECASE)


def indefinite(lex: Lexicon) -> re.Pattern[str]:
    """Return the language's indefinite organisation phrase ("a drug firm", "une entreprise")."""
    return _indefinite_pattern(lex.code, lex.words.org_nouns)


def opens_on_one_organisation(text: str, lex: Lexicon) -> bool:
    """Return whether a sentence opens on one organisation described, not named ("A company based in Denmark that
    serves the mining industries will close ..."): a single employer, whatever sector its description names."""
    return indefinite(lex).match(text, len(text) - len(text.lstrip(" \"“‘'"))) is not None


# A name inside a relative clause describing an unnamed subject ("The delivery firm, which carried Amazon parcels,
# will lay off its 120 drivers", "L'entreprise, qui distribuait les colis d'Amazon, ..."): whom it served, not who cuts
_IN_RELATIVE = r",\s+(?:which|who|qui|dont|die|der|das|welche[rs]?|cui|quien|quienes)\b[^,;.]*"
_RELATIVE = re.compile(_IN_RELATIVE + r"(?:\b(?:of|for|de|du|des|von|di|del)\s+|\b[dl]['’])$", re.IGNORECASE)
_RELATIVE_OPEN = re.compile(_IN_RELATIVE + "$", re.IGNORECASE)
# a noun the name qualifies ("Amazon parcels"), not a verb or a word joining it to the rest
_NOUN_AFTER = re.compile(r"\s+(?!(?:will|would|is|are|was|were|has|have|had|said|says|to|could|may|might|can|did|does|"
                         r"and|or|in|on|at|for|of|by|with|from)\b)(?-i:[a-z]+)\b")


def served_in_relative(text: str, start: int, end: int) -> bool:
    """Return whether a name is whom a relative clause's firm served: after "of", "de", "d'", or before a noun it
    qualifies ("which delivered Amazon parcels"); "which is run by Lanyard Connect" names the owner."""
    if _RELATIVE.search(text, 0, start) is not None:
        return True
    before = text[:start]
    return _RELATIVE_OPEN.search(before) is not None and not re.search(r"\bby\s+$", before) and _NOUN_AFTER.match(text, end) is not None


@lru_cache(maxsize=8)
def _kind_of_firm(org_nouns: str) -> re.Pattern[str]:
    return re.compile(rf"^\W*(?:(?:l['’]|la\s+|le\s+|les\s+|une?\s+|el\s+|il\s+|lo\s+)\s*)?(?:{org_nouns})\s+(?:de|du|des|di|del)\s+"
                      r"(?-i:[^\W\d_A-Z])[\w-]*\s+$", re.IGNORECASE)


def kind_before(opening: str, lex: Lexicon) -> bool:
    """Return whether a clause opens on the kind of firm a name is, told with "de" ("L'entreprise de livraison
    Transport Élan", "la società di trasporti Sole"): the name after it is the clause's subject, not an object."""
    return lex.code == "fr" and _kind_of_firm(lex.words.org_nouns).match(opening) is not None
