"""How pages and sentences cut names: a page's own words written like names ("Hide Ad", "Image source, ..."), and
names cut short at an "and" or a leading number."""

from __future__ import annotations

import re

from ingest.understanding.lexicon import Lexicon
from ingest.understanding.persons import UPPER

# A page's own words written like names: ad slots, buttons, bylines ("Hide Ad", "Sign up", "Published").
PAGE_FURNITURE = frozenset((
    "hide ad", "skip ad", "ad", "advertisement", "advert", "sponsored", "sponsored content", "sign up", "sign in",
    "log in", "read more", "read next", "more stories", "related", "related articles", "related stories", "most read",
    "trending", "subscribe", "newsletter", "share", "share this article", "comments", "click here", "published",
    "updated", "last updated", "copyright", "image caption", "image source", "getty", "anzeige", "werbung", "publicité",
    "publicidad", "pubblicità",
    # a newsletter sign-up box's messages
    "invalid email", "something went wrong", "thank you for subscribing", "please try again later",
    "we have more newsletters", "see our privacy notice",
))
# A credit line: who took the picture or wrote the page ("Image source, Getty", "By Jo Roe, BBC News, Leeds").
_CREDIT = re.compile(
    r"(?:Image|Photo|Picture|Video|Bild|Foto)?\s*(?:source|caption|credit|courtesy|by)\b\s*[:,]|"
    rf"(?:By|Von|Par|Por|Di)\s+[{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+){{0,2}},",
    re.IGNORECASE,
)
# One or two capitalised words and "and" right before a name ("Brighton and | Hove City Council").
_AND_BEFORE = re.compile(rf"(?<![\w'’-])([{UPPER}][\w'’-]+(?: [{UPPER}][\w'’-]+)?) and $")
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])(\d{1,2}) $")
# "US-based Invista", "North American-headquartered Linamar": where a firm sits, written before its name
_SEAT = re.compile(r".-(?:based|headquartered)$", re.IGNORECASE)


def without_seat(words: list[str]) -> tuple[list[str], int]:
    """Return a run's words without a leading "<Place>-based" descriptor, and the characters dropped."""
    seat = next((i for i, w in enumerate(words[:3]) if _SEAT.search(w)), None)
    if seat is None:
        return words, 0
    return words[seat + 1 :], sum(len(w) + 1 for w in words[: seat + 1])


def lone_label(text: str) -> bool:
    """Return whether a body line is a label alone (a site, section or tag: "Yahoo", "• Business"): one to three
    capitalised words and no sentence around them."""
    words = text.strip(" \t•·*|-–—").split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and text.rstrip()[-1:] not in ".!?:\"”"


def credit_line(text: str) -> bool:
    """Return whether a body line is a picture or byline credit, whose names are not who the article is about."""
    return _CREDIT.match(text) is not None


def joined_start(text: str, start: int, name: str, lex: Lexicon, taken: list[tuple[int, int]]) -> int | None:
    """Return where a body's name really starts when an "and" cut it ("Brighton and Hove City Council", "Cheshire West
    and Chester Council"): the part after "and" ends on an organisation word, the one or two words before it name
    none. Else None; never over a name the alias table read (`taken`: "Amazon and Northgate Freight Services")."""
    before = _AND_BEFORE.search(text, max(0, start - 40), start)
    if before is None or " " not in name or not lex.org_words.search(name.split()[-1]):
        return None
    if any(before.start() < e and s < start for s, e in taken):
        return None
    first = before.group(1)
    if lex.org_words.search(first) or first.split()[0].lower() in lex.words.not_names:
        return None
    return before.start()


def numbered(text: str, start: int, name: str, sample: str) -> str | None:
    """Return the name with the number that opens it ("2 Sisters Food Group") when the article writes that number
    before the name every time it is written twice or more (a count changes: "300 Acme staff", "40 Acme sites")."""
    number = _NUMBER_BEFORE.search(text, max(0, start - 4), start)
    if number is None:
        return None
    whole = f"{number.group(1)} {name}"
    return whole if sample.count(whole) >= 2 else None


def possessive_s(run: str, sample: str, lex: Lexicon) -> bool:
    """Return whether a name's trailing 's is a possessive rather than part of the name ("Sainsbury's"): the bare
    name also occurs in the sample, or the word before it is an organisation word ("Leeds City Council's leader")."""
    if not re.search(r"['’]s$", run):
        return False
    if " " in run and lex.org_words.search(run[:-2].rsplit(" ", 1)[1]):
        return True
    # The name not after a word character: the look-behind follows the name (and reaches back over it), so that
    # `re` can skip to the name's first letters.
    bare = re.escape(run[:-2])
    after = rf"(?<![\w'’].{{{len(run) - 2}}})(?!['’]s)(?![\w'’])"
    return re.search(bare + after, sample) is not None


def written_lower(word: str, sample: str) -> bool:
    """Return whether the article (`sample`) also writes `word` in lower case ("Couriers lost 9,000 jobs" beside
    "couriers and messengers"): a common word a sentence or headline opens on, not a name."""
    low = word.lower()
    if low == word or low not in sample:
        return False  # (one scan: most names are never written in lower case)
    # (not inside an address: "presse@cargonaut.example", "www.acme.com")
    return re.search(rf"(?<![\w@./-]){re.escape(low)}(?![\w@-]|\.\w)", sample) is not None


def written_titled(word: str, body: str) -> bool:
    """Return whether the body writes a shouted word in title case, as a word of its own ("AMAZON" as "Amazon")."""
    return re.search(rf"(?<![\w'’-]){re.escape(word.title())}(?![\w'’-])", body) is not None



# Words a Title Case headline writes between its subject and its verb ("NHS England To Lay Off", "Acme Set To Cut",
# "Acme Will Axe"): a name read over the verb ends before them
_BEFORE_VERB = re.compile(r"(?:\s+(?:To|Will|Set|Is|Are|Could|May|Might|Plans?|Has|Have|Had|Says|And|Or|Now|Also|"
                          r"Va|Vont|Will|Soll|Wird|Plant|Va|Prevé|Pretende|Vuole))+$")


def clipped_at(text: str, start: int, cue_start: int) -> str:
    """Return the part of a name read over a layoff cue that stands before it ("NHS England To Lay Off Thousands Of
    Staff" -> "NHS England", "England's Integrated Care Boards Slash" -> "England's Integrated Care Boards"): a Title
    Case headline capitalises its verb, and the name ends where the cut begins. Empty when nothing is left."""
    return _BEFORE_VERB.sub("", text[start:cue_start].rstrip(" ,:;-–—'’"))


def names_a_cut(run: str, lex: Lexicon) -> bool:
    """Return whether a Title Case run opens on a closure word, whole ("Fermeture d'Entrepôts"): the headline's topic,
    capitalised for style, not a name ("Costain", "Closure Systems International" are names: a word only beginning
    like one, or an organisation word in the run)."""
    first = run.split()[0].lower() if run.split() else ""
    if lex.code == "de" and lex.trigger.match(first):
        return True  # German capitalises its nouns: "Commerzbank: Abbau von 3900 Stellen"
    return not lex.org_words.search(run) and any(
        kind == "closure" and not cased and (m := p.match(first)) is not None and m.end() == len(first)
        for kind, p, cased in lex.markers)


# A section's name ending in a full stop before the headline ("Automobile. Michelin ferme ..."); initials ("J. P.")
# and abbreviations are shorter
_KICKER = re.compile(r"[^\W\d_]{6,}\.\s+(?=[A-Z])")  # (not "Mass. General Brigham", "Gebr. Knauf")
# A German compound describing a firm by its trade or seat ("der US-Konzern", "der Online-Händler"), no name (a name
# may end the same way: "Otto-Gruppe", "Zentrix-Konzern")
_DESCRIBED_DE = re.compile(
    r"^(?:US|USA|EU|UK|Online|Tech|Chip|Auto|Software|Internet|Pharma|Energie|Versand|Handels|Technologie|IT|"
    r"Elektronik|Mode|Medien|Stahl|Chemie|Rüstungs|Luftfahrt|Telekom|Immobilien|Lebensmittel|Möbel|Sport|Reise|"
    r"Logistik|Halbleiter|Bau|Einzelhandels|Versandhandels|Social-Media|KI)-(?:Konzern|Riese|Händler|Gigant|"
    r"Unternehmen|Hersteller|Gruppe|Firma|Dienstleister|Spezialist|Anbieter)(?:\s|$)")


def after_kicker(run: str, start: int) -> tuple[str, int]:
    """Return a capitalised run opening its line without a section's name before it, and where it then starts (a run
    further on may end a sentence: "Job cuts at Brindlecomb. Staff told ...")."""
    kicker = _KICKER.match(run) if start == 0 else None
    return (run, start) if kicker is None else (run[kicker.end() :], start + kicker.end())


def without_description(run: str, start: int, code: str) -> tuple[str, int]:
    """Return a German run without the description opening it ("Chip-Hersteller Siltrona" -> "Siltrona"; "US-Konzern"
    alone -> "": a firm described by its trade or seat, not named)."""
    m = _DESCRIBED_DE.match(run) if code == "de" else None
    return (run, start) if m is None else (run[m.end() :], start + m.end())


# A newsletter sign-up box run into one line: its prompt and one of its messages
_NEWSLETTER_BOX = re.compile(r"(?i)\b(?:subscribe|sign\s+up|newsletters?)\b.{0,120}?\b(?:invalid\s+email|"
                             r"for\s+subscribing|try\s+again\s+later|privacy\s+notice)\b")


# Irish counties written "Co Derry", "County Cork", and Northern Ireland's "NI": places, never an employer
_IRISH_PLACE = re.compile(r"(?:Co\.?|County)\s+(?!Council$|Op$|Operative$)[A-Z][a-z]+$|NI$")


def newsletter_box(text: str) -> bool:
    """Return whether a line is a newsletter sign-up box's prompt and messages run together."""
    return _NEWSLETTER_BOX.search(text) is not None


def irish_place(name: str) -> bool:
    """Return whether an English name is an Irish county ("Co Derry") or Northern Ireland's "NI"."""
    return _IRISH_PLACE.match(name) is not None


# A page's masthead or breadcrumb ("CHICAGO EATS & NEWS | Business", "Home > Tech > Fintech"): a line of
# separators and capitalised words, without a lower-case word of four letters or more.
_FURNITURE = re.compile(r"(?=.*\s[|>›»]\s)(?!.*\b[a-zà-ÿ]{4,})")


def masthead(text: str) -> bool:
    """Return whether a line is a page's masthead or breadcrumb."""
    return ("|" in text or ">" in text or "›" in text or "»" in text) and _FURNITURE.match(text) is not None


def described_local(name: str, sample: str, code: str) -> bool:
    """Return whether the article writes the name after "a" or "an" and before a word for a firm ("after a Glasgow
    business plunged into administration", "an Ohio engineering firm"): a place that describes a firm, not the firm
    itself ("a Tesco store" still names Tesco). English only."""
    if code != "en" or " " in name:
        return False
    return re.search(rf"\b(?:a|an)\s+{re.escape(name)}\s+(?:[a-z-]+\s+)?(?:business|firm|company|employer|manufacturer|maker|"
                     r"charity|start-?up)\b", sample) is not None
