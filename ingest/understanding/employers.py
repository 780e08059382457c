"""Who cuts: the acting employer of a layoff cue, and the article's main employer.

The actor of a cue is the subject of its clause: the first name in the clause that is not
an object, a comparison or a descriptor of someone else ("UPS cuts 20,000 jobs | as Amazon
shipments shrink" -> UPS; "Twitch, the Amazon-owned platform, is laying off" -> Twitch;
"Vauxhall owner Stellantis to close ..." -> Stellantis). Without one, "the company"/"it" refers
back to the sentence's or the article's employer; a passive or a noun ("job cuts at X") takes the
name after its preposition; a job cue beside a closure ("jobs at risk as Crusty's goes bust")
takes the closure's subject. Unions, statistics bodies and people never cut here, nor does a
source: the subject of a verb of reporting whose clause names the actor ("The Journal reported
that Acme will cut" -> Acme), a name after "according to"/"laut"/"selon"/"según"/"secondo", an
outlet reporting on anyone but itself. A person's surname as a subject stands for the article's
employer ("Roe said the works would shed 300 roles").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ingest.understanding.actor_filters import (described_object, indefinite, led_by, named_beside_the_cut,
                                                passive_agent, served_in_relative, kind_before)
from ingest.understanding.clauses import Cue, Marker
from ingest.understanding.lexicon import Lexicon
from ingest.understanding.names import Name

# Prepositions that say whose staff they are ("employees at", "dipendenti del", "salariés de", "Mitarbeiter von").
_STAFF_OF = frozenset("of at de du des d' d’ del della dello dei degli di von vom bei beim der".split())
How = Literal["subject", "anaphor", "sentence", "object", "closure", "descriptor"]


@dataclass(frozen=True, slots=True)
class Actor:
    """The employer acting in a cue (`name` may be a unit of `parent`)."""

    name: str
    parent: str
    unit: str | None
    how: How
    known: bool = False


def as_actor(name: Name, how: How) -> Actor:
    """Return the Actor for a name found in the role `how`."""
    return Actor(name=name.text, parent=name.parent, unit=name.unit, how=how, known=name.known)


def _firm_name(name: Name, lex: Lexicon) -> bool:
    """Return whether a name reads as an organisation by itself (alias table, or "Northern Counties Bank")."""
    return name.known or (len(name.text.split()) > 1 and lex.org_words.search(name.text) is not None)


def _eligible(text: str, name: Name, lex: Lexicon, clause_start: int) -> bool:
    """Return whether a name can be the subject of its clause (not an object, comparison or descriptor)."""
    after = text[name.end : name.end + 40]
    if name.weak or (name.attributive and not _firm_name(name, lex)) or served(text, name) or (
            not name.possessive and lex.descriptor_after.match(after)) or served_in_relative(text, name.start, name.end):
        return False
    before = text[max(clause_start, name.start - 60) : name.start]
    if lex.not_subject_before.search(text[max(clause_start, name.start - 40) : name.start]) and not (
        _staff_of(before, lex) or led_by(before) or passive_agent(before) or _served_head(text[clause_start : name.start])
        or kind_before(text[clause_start : name.start], lex)
    ) or named_beside_the_cut(text, name.start, name.text, lex):  # a site's name, a notice's registry
        return False
    # "Washington jobs", "Port Talbot steelworkers": a place naming whose jobs, not who cuts
    return _firm_name(name, lex) or lex.org_words.search(name.text) is not None or not lex.job_nouns.match(after.lstrip())


# A clause opening on whom a firm serves and what it is to them, right before its name: the name is the subject
# ("Apple supplier Foxconn to cut 2,000 jobs", "Amazon delivery partner Swiftline lays off 80")
_SERVED_HEAD = re.compile(
    r"^\W*(?:[A-Z][\w&.'’-]*\s+){1,3}(?:[a-z][\w-]*\s+){0,2}(?:supplier|partner|customer|client|contractor|"
    r"subcontractor|seller|aggregator|vendor|franchisee)\s+$")


def _served_head(opening: str) -> bool:
    """Return whether a clause's words before a name are only the firm it serves and its role ("Apple supplier")."""
    return _SERVED_HEAD.match(opening) is not None


def _staff_of(before: str, lex: Lexicon) -> bool:
    """Return whether a name follows staff and a preposition ("the 40 employees of MaxiSpesa", "Beschäftigte bei
    Brandt"): whose staff they are names their employer, a subject for the sentence's cut or loss."""
    words = before.split()
    for i in range(len(words) - 1, max(len(words) - 4, 0), -1):  # the preposition, at most two words back
        if words[i].lower() in _STAFF_OF:
            return any(lex.job_nouns.fullmatch(" ".join(words[max(0, i - n) : i])) for n in (1, 2))
    return False


# How news writes a source. A verb of reporting after its subject, with what may stand between them and after it
# ("The Times reported on Monday, citing sources, that ...", "Bloomberg first reported", "Reuters berichtete, dass").
_REPORTING = {
    "en": r"(?:first\s+|also\s+|previously\s+|exclusively\s+|has\s+|had\s+)?(?:reported|reports|report|said|says|"
          r"wrote|writes|revealed|reveals|learned|learnt|understands|added|adds|noted|notes|broke\s+the\s+news)",
    "de": r"(?:berichtete|berichtet|berichten|meldete|meldet|schrieb|schreibt|sagte|sagt|erfuhr|zitierte|"
          r"hat\s+(?:berichtet|gemeldet|erfahren))",
    "fr": r"(?:a\s+)?(?:rapporté|rapporte|révélé|révèle|indiqué|indique|écrit|affirmé|affirme|appris|dit|annoncé|"
          r"annonce|expliqué|explique)",
    "es": r"(?:ha\s+)?(?:informó|informa|informado|publicó|publica|publicado|reveló|revela|revelado|adelantó|adelanta|"
          r"adelantado|dijo|dice|señaló|señala|aseguró|asegura)",
    "it": r"(?:ha\s+)?(?:riporta|riportato|scrive|scritto|rivela|rivelato|riferisce|riferito|dice|detto|annuncia|"
          r"annunciato)",
}
_WHEN = (r"(?:\s*,?\s+(?:on\s+|am\s+|le\s+|el\s+|il\s+|this\s+|last\s+|earlier\s+|late\s+)?[\w-]+day\b|\s+earlier|\s+late|"
         r"\s+(?:this|last|on\s+\w+)\s+(?:morning|afternoon|evening|night|week)|\s+overnight)?")  # "reported this morning"
_ASIDE = r"(?:\s+(?:in|on|to|im|dans|en|in)\s+(?:a|an|its|the|einem|einer|un|une|su|un|una)\s+[\w-]+(?:\s+[\w-]+)?)?"
_CITING = r"(?:\s*,\s*(?:citing|unter\s+Berufung|citant|citando)\b[^,]{0,90},)?"
_THAT = r"[\s,]*(?:(?:that|dass|que|qu['’]|che)\b\s*)?"
# Words after which a name is the source ("according to Bloomberg", "laut Handelsblatt", "selon Les Echos").
_SOURCE_BEFORE = {
    "en": r"according\s+to|citing|cited\s+by|reported\s+by|reports?\s+(?:from|by|in)|first\s+reported\s+by|per|"
          r"told|(?:spoke|speaking|talking)\s+to|(?:an\s+)?interview\s+with",  # and whom a speaker told
    "de": r"laut|zitiert|unter\s+Berufung\s+auf|wie|(?:im\s+)?Interview\s+mit",
    "fr": r"selon|d['’]après|rapporté\s+par|révélé\s+par|cité\s+par|citant|confié\s+à|déclaré\s+à|interview\s+à",
    "es": r"según|citando|publicado\s+por|informó|de\s+acuerdo\s+con|declaraciones\s+a|entrevista\s+con",
    "it": r"secondo|citando|riportato\s+da|stando\s+a|come\s+riporta|scrive|intervista\s+(?:a|con)",
}
# A speaker reporting on itself: the reported clause opens on a pronoun ("The Post said it will cut ...").
_SELF = re.compile(r"(?:it|we|es|er|sie|wir|il|elle|on|nous)\b", re.IGNORECASE)
# A masthead, a wire, a broadcaster or a research house: named as a source it never acts, whatever the clause says.
# Only words no other trade names itself by ("Royal Mail", "National Express", "Deutsche Post" cut jobs themselves).
_OUTLET = re.compile(
    r"(?-i:\b(?:Times|News|Journal|Herald|Gazette|Telegraph|Guardian|Tribune|Chronicle|Observer|Insider|Examiner|"
    r"Reporter|Bulletin|Magazine|Zeitung|Handelsblatt|Spiegel|Monde|Figaro|Echos|Parisien|País|Corriere|Repubblica|"
    r"Bloomberg|Reuters|CNBC|CNN|BBC|Axios|Semafor|TechCrunch|GeekWire|Gartner|Forrester|IDC)\b)"
)


# The noun naming what a source is, between the source word and its name ("selon le quotidien Libération",
# "according to tech site The Verge", "laut der Tageszeitung Kurier"): then the name is an outlet whatever it is
# (one word may qualify the noun, "Irish news outlet", "tech site"; not two, "les salariés du quotidien Le Figaro" are
# its staff; an agency may be a government's, "the tax agency HMRC", so only a news agency counts)
_OUTLET_NOUN = (r"(?:[\w-]+\s+)?(?:newspaper|daily|paper|tabloid|magazine|website|site|outlet|publication|"
                r"broadcaster|newsletter|blog|news\s+agency|quotidien|journal|hebdomadaire|magazine|média|"
                r"agence\s+de\s+presse|Zeitung|Tageszeitung|Wochenzeitung|Magazin|Blatt|Nachrichtenagentur|Sender|Portal|"
                r"periódico|diario|medio|revista|agencia\s+de\s+noticias|giornale|quotidiano|settimanale|testata|"
                r"agenzia\s+di\s+stampa)\s+")
_ARTICLES = r"(?:the\s+|der\s+|die\s+|dem\s+|des\s+|le\s+|la\s+|les\s+|l['’]|el\s+|il\s+)"


@lru_cache(maxsize=8)
def _source_patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return, once per language, a verb of reporting after a name, a source preposition right before one, and a
    source preposition with an outlet's noun before one."""
    verb = rf"{_WHEN}\s+(?:{_REPORTING[code]})\b{_WHEN}{_ASIDE}{_CITING}{_THAT}"
    before = rf"\b(?:{_SOURCE_BEFORE[code]})\s+{_ARTICLES}?$"
    outlet = rf"\b(?:{_SOURCE_BEFORE[code]})\s+{_ARTICLES}?{_OUTLET_NOUN}{_ARTICLES}?$"
    return re.compile(verb, re.IGNORECASE), re.compile(before, re.IGNORECASE), re.compile(outlet, re.IGNORECASE)


def is_source(text: str, name: Name, names: list[Name], lex: Lexicon) -> bool:
    """Return whether the name is cited as the source of what the sentence reports, not its actor: after "according
    to" (or "laut", "selon", "según", "secondo"), or the subject of a verb of reporting whose clause opens on another
    name ("The Journal reported that Acme will cut"), or an outlet reporting anything but itself."""
    if text[: name.start].strip() == "(" and re.match(r"\)\s*[-–—]", text[name.end :]):
        return True  # "(CNN) – ...": the outlet's dateline
    verb, before, outlet = _source_patterns(lex.code)
    if outlet.search(text, max(0, name.start - 60), name.start):
        return True  # "selon le quotidien Libération": an outlet, named as one
    if before.search(text, max(0, name.start - 40), name.start):
        # "300 jobs will go, according to Acme": a firm may be the source of its own news; an outlet never is
        return _OUTLET.search(name.text) is not None or any(
            n is not name and not n.weak and not n.surname for n in names)
    if lex.code == "de" and re.match(r"\s+zufolge\b", text[name.end :]):
        return True  # "dem Handelsblatt zufolge"
    m = verb.match(text, name.end)
    if m is None:
        return False
    if _SELF.match(text, m.end()) or lex.anaphors.match(text, m.end()):
        return False  # "The Post said it will cut 100 jobs": the paper reports on itself
    if any(n.start >= m.end() and re.fullmatch(r"\s*(?:the\s+)?", text[m.end() : n.start], re.IGNORECASE)
           for n in names):
        return True
    return _OUTLET.search(name.text) is not None


# A firm named as the one another firm works for: "Amazon's warehouse contractor", "a firm that ran Amazon's
# warehouse", "which delivered for Amazon", "staff it placed at Amazon warehouses"
# (a service word must lead the noun after a bare name: "Amazon told vendors", "Amazon and its suppliers", "Amazon
# partners with Rivian" and "Amazon drops delivery partners" are Amazon acting)
# (in any case, for title-case headlines: "Drivers Lose Jobs As Amazon Delivery Partner Folds")
_SERVED_AFTER = re.compile(
    r"(?i:['’]s\s+(?:[a-z][\w-]*\s+){0,2}|\s+(?:delivery|logistics|warehouse|cleaning|catering|security|staffing|"
    r"recruitment|parcel|courier|transport|haulage|shipping)\s+)(?i:contractors?|subcontractors?|suppliers?|vendors?|"
    r"operators?|agency|agencies|partners?(?!\s+with))\b")
_SERVED_BEFORE = re.compile(r"(?i)\b(?:delivered|delivers|delivering)\s+for\s+$|\b(?:ran|runs|running|placed\s+at|"
                            r"supplying|supplies|supplied)\s+(?:the\s+)?$")


def served(text: str, name: Name) -> bool:
    """Return whether a name is the client another firm works for, not the employer ("at Amazon's warehouse
    contractor", "Amazon delivery partner folds", "a logistics firm that ran Amazon's Rugeley warehouse", "which
    delivered for Amazon")."""
    return (_SERVED_AFTER.match(text, name.end) is not None
            or _SERVED_BEFORE.search(text[max(0, name.start - 30) : name.start]) is not None)


def _first_subject(text: str, names: list[Name], lex: Lexicon, start: int, end: int) -> Name | None:
    """Return the first eligible name in text[start:end], a person's surname only when nothing else is there."""
    eligible = [n for n in names if start <= n.start < end and _eligible(text, n, lex, start)
                and not is_source(text, n, names, lex)]
    firm = [n for n in eligible if not n.surname]
    best = firm or eligible
    return best[0] if best else None


def object_after(text: str, names: list[Name], lex: Lexicon, cue: Cue, clause_end: int) -> Name | None:
    """Return the name after a noun or passive cue, behind its preposition ("job cuts at Amazon")."""
    for name in names:
        gap = text[cue.end : name.start]
        if cue.end <= name.start < clause_end and not name.weak and (
                lex.object_before.match(gap) or described_object(gap, lex)):  # "job cuts at carmaker Veltra"
            if served(text, name):
                return None  # "jobs lost at Amazon's warehouse contractor": the client, not the employer
            return None if name.attributive and not _firm_name(name, lex) else name  # "at Selby bakery": a place
    return None


@dataclass
class Employers:
    """The employers seen so far in an article, for "the company" and "it"."""

    main: Actor | None = None  # the title's or lead's employer
    last: Actor | None = None  # the last subject seen

    def resolve(self, sentence_subject: Name | None) -> Actor | None:
        """Return what an anaphor refers to: the sentence's subject, else the last subject, else the main one."""
        if sentence_subject is not None and self.speaks_for(sentence_subject) is None:
            return as_actor(sentence_subject, "anaphor")
        ref = self.last or self.main
        return Actor(ref.name, ref.parent, ref.unit, "anaphor", ref.known) if ref else None

    def speaks_for(self, name: Name) -> Actor | None:
        """Return the article's employer when `name` is a person's surname standing for it ("Galetti said the
        workforce would shrink"), else None."""
        main = self.main
        if not name.surname or main is None or main.name == name.text:
            return None  # (a firm named like its founder, "Dyson", acts as itself)
        return Actor(main.name, main.parent, main.unit, "descriptor", main.known)


def actor_for(
    text: str, cue: Cue, spans: list[tuple[int, int]], names: list[Name], markers: list[Marker],
    lex: Lexicon, employers: Employers, *, in_lead: bool = False,
) -> Actor | None:
    """Return the employer acting in `cue`, or None when the clause names no one (or only a generic subject)."""
    start, _ = spans[cue.clause]
    modifier = _modifier(text, cue, names, lex, employers)
    if modifier is not None:
        return modifier
    before = [n for n in names if start <= n.start < cue.start and _eligible(text, n, lex, start)
              and not is_source(text, n, names, lex)]
    firm = [n for n in before if not n.surname]
    if before and _anaphor_after(text, before[-1], cue, lex) and (resolved := employers.resolve(None)) is not None:
        # "According to a memo from Steve Boom, who runs audio, Twitch and games at Amazon, the company will cut 110
        # jobs": the subject is "the company", the names before its comma only describe the source
        return resolved
    if before and _anaphor_first(text, start, before[0], lex) and not passive_agent(text[start : before[0].start]):
        # "The council has issued notice under ... Act 1992": the clause's subject is "the council", the names
        # after it are objects
        resolved = employers.resolve(sentence_subject(text, names, lex, start))
        if resolved is not None:
            return resolved
    if firm and not _generic(markers, cue, firm[0].end, text):
        return as_actor(firm[0], "subject")
    if _generic(markers, cue, start, text):
        return None
    inside = [n for n in names if cue.start <= n.start < cue.end and n.known and not n.weak and not lex.descriptor_after.match(text[n.end : n.end + 40])]
    if cue.kind in ("cut", "loss") and inside:
        return as_actor(inside[0], "object")  # "Iger axes 7,000 Disney jobs", "All Amazon Fresh stores in UK to close"
    main = employers.main
    if before and main is not None and main.name != before[0].text and before[0].surname:
        return Actor(main.name, main.parent, main.unit, "descriptor", main.known)  # "Musk fires ..." at X
    if before and before[0].surname and (obj := object_after(text, names, lex, cue, spans[cue.clause][1])):
        return as_actor(obj, "object")  # "Jassy confirma que los despidos en Amazon ...": the boss speaks, Amazon cuts
    if before:
        return as_actor(before[0], "subject")  # a company named like its founder ("Dyson")
    subject = sentence_subject(text, names, lex, cue.start)
    if (antecedent := _relative_antecedent(text, names, cue.start)) is not None:
        return as_actor(antecedent, "subject")  # "alongside Meta, which said it would cut 11,000 jobs"
    if lex.anaphors.search(text, start, cue.end) is not None:  # "the company", or "cut its workforce"
        return employers.resolve(subject)
    if subject is not None:
        return employers.speaks_for(subject) or as_actor(subject, "sentence")
    if _anaphor_first(text, 0, None, lex):  # "The council has notified the Secretary of State of redundancies"
        return employers.resolve(None)
    return _fallback(text, cue, spans, names, markers, lex, employers, in_lead)


def _anaphor_first(text: str, start: int, name: Name | None, lex: Lexicon) -> bool:
    """Return whether an anaphor opens the clause at `start` ("The company ...", "It ...") before `name` (or any
    name), the name not in apposition to it ("the firm Acme", "la fintech sueca Klarna"); a possessive ("Its rival
    Acme") opens on someone else."""
    at = start + len(text[start:]) - len(text[start:].lstrip(" \"“‘'"))
    m = lex.anaphors.match(text, at) or indefinite(lex).match(text, at)
    if m is None or m.group().lower() in ("its", "our"):
        return False
    return name is None or re.fullmatch(r"[\s,:]*(?:[^\W\d_A-Z][\w-]*\s+)?(?:(?:de|du|des|di|del)\s+[^\W\d_A-Z][\w-]*\s+)?",
                                        text[m.end() : name.start]) is None  # ("L'entreprise de livraison Transport Élan")


def _anaphor_after(text: str, last: Name, cue: Cue, lex: Lexicon) -> bool:
    """Return whether an anaphor ("the company", "la empresa") right after a comma, with no comma after it, is the
    cue's subject: the names before that comma open the sentence."""
    gap = text[last.end : cue.start]
    if (comma := gap.rfind(",")) < 0:
        return False
    rest = gap[comma + 1 :]
    m = lex.anaphors.match(rest, len(rest) - len(rest.lstrip()))
    return m is not None and m.group().lower() not in ("its", "our", "it", "we") and not re.match(r"['’]s\b", rest[m.end() :])


def _modifier(text: str, cue: Cue, names: list[Name], lex: Lexicon, employers: Employers) -> Actor | None:
    """Return the employer named right before a noun cue ("Amazon layoffs", "Twitch's job cuts"), or the main
    employer when a place-like modifier stands for it ("Cedar Valley schools" for its school district)."""
    for name in names:
        gap = text[name.end : cue.start]
        if name.weak or name.end > cue.start or len(gap) > 4 or not re.fullmatch(r"(?:['’]s)?\s*", gap):
            continue
        if cue.kind == "noun" and (_firm_name(name, lex) or lex.org_words.search(name.text)):
            return as_actor(name, "subject")
    main = employers.main
    for name in names:
        if name.attributive and name.end <= cue.start and main is not None and name.text in main.name:
            if not re.search(r"[,;:]", text[name.end : cue.start]):
                return Actor(main.name, main.parent, main.unit, "descriptor", main.known)
    return None


def _fallback(
    text: str, cue: Cue, spans: list[tuple[int, int]], names: list[Name], markers: list[Marker],
    lex: Lexicon, employers: Employers, in_lead: bool,
) -> Actor | None:
    """Return the employer of a cue whose clause has no subject: after its preposition, a notice's named
    employer, a closure's subject, or (in the lead) the article's employer."""
    start, end = spans[cue.clause]
    if cue.kind in ("noun", "loss", "affected", "notice", "furlough"):
        obj = object_after(text, names, lex, cue, end)
        if obj is not None:
            return as_actor(obj, "object")
    if cue.kind == "notice":
        named = _first_subject(text, names, lex, cue.end, len(text))  # "WARN notice received: Acme Inc."
        if named is not None:
            return as_actor(named, "object")
    for marker in (m for m in markers if m.kind in ("closure", "restructuring") and m.clause != cue.clause):
        c_start, _ = spans[marker.clause]
        subject = _first_subject(text, names, lex, c_start, marker.start + 40)
        if subject is not None:
            return as_actor(subject, "closure")
    descriptor = _descriptor(text[: cue.start], lex) or lex.anaphors.search(text, cue.end) is not None
    if employers.main is not None and (descriptor or in_lead):
        main = employers.main  # "a drug firm's labs ...", "..., the company said", or the lead's own employer
        return Actor(main.name, main.parent, main.unit, "descriptor", main.known)
    return None


def _generic(markers: list[Marker], cue: Cue, after: int, text: str = "") -> bool:
    """Return whether a generic subject ("companies", "AI will") stands between `after` and the cue in its clause
    (an aside between commas, "Paramount, which owns several studios, is cutting", does not count)."""
    return any(
        m.kind == "generic" and m.clause == cue.clause and after <= m.start < cue.end and "," not in text[m.end : cue.start]
        for m in markers
    )


def is_generic(markers: list[Marker], cue: Cue, spans: list[tuple[int, int]]) -> bool:
    """Return whether the cue's subject is generic (many companies, an industry, AI)."""
    return _generic(markers, cue, spans[cue.clause][0])


def _descriptor(before: str, lex: Lexicon) -> bool:
    """Return whether a singular organisation noun stands before the cue ("a drug firm", "Hospital trust")."""
    return lex.org_nouns.search(before) is not None


def sentence_subject(text: str, names: list[Name], lex: Lexicon, end: int | None = None) -> Name | None:
    """Return the subject of a sentence (before `end`): its first eligible name, None when an anaphor opens it ("The council
    notified the Secretary of State": the names after it are objects)."""
    first = _first_subject(text, names, lex, 0, len(text) if end is None else end)
    return None if first is None or _anaphor_first(text, 0, first, lex) else first


# A relative pronoun right after a name and its comma: the clause it opens is that name's ("Meta, which said last
# week that it would cut 11,000 jobs"; "Orange, qui supprime ...").
_RELATIVE = re.compile(r",\s+(?:which|who|qui|que|quien|che|die|der|das)\b")


def _relative_antecedent(text: str, names: list[Name], cue_start: int) -> Name | None:
    """Return the name a relative clause holding the cue hangs on, if the cue is in one."""
    for name in reversed([n for n in names if n.end <= cue_start and not n.weak]):
        if _RELATIVE.match(text, name.end) is None:
            continue
        between = text[name.end : cue_start]
        return name if not re.search(r"[;.!?]\s|,\s+(?:and|but|while)\b", between) and len(between) < 120 else None
    return None

