"""Leaked or confirmed: does the employer itself (or its filing, memo or executive) state the cut?

A report attributed to sources ("people familiar", "according to a report") is a leak until the
article shows the employer confirming it: a sentence about the cut (it holds a cue, or refers to
"the cuts", "the plans") in which the company, "the company", its spokesperson, or its memo,
statement or filing announces it, or in which the company states the cut itself. What is about
the past ("media had reported 30,000 earlier", a statement made months ago), a forecast, or
"declined to comment" confirms nothing, and a source cited only for the past leaks nothing.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.understanding.clauses import Marker, clause_spans, find_markers, has_marker, sentence_cues
from ingest.understanding.dates import DateMention, find_dates
from ingest.understanding.events import LEAD, Article, Event
from ingest.understanding.lexicon import Lexicon
from ingest.understanding.sentences import Sentence

# "A spokesperson said", "Sprecherin", "porte-parole", "portavoz", "portavoce": the employer's own voice.
_SPOKESPERSON = re.compile(r"(?i)\b(?:a|the|company|firm|group)\s+spokes(?:person|woman|man)\b|\bsprecher(?:in)?\b|"
                           r"\bporte-parole\b|\bportavoz\b|\bportavoce\b")
_NO_COMMENT = re.compile(
    # "has not yet confirmed", "neither has it confirmed the news": a confirmation denied is none
    r"(?i)\b(?:(?:has|have|had)\s+(?:not|yet\s+to)\s+(?:yet\s+|officially\s+|publicly\s+)?"
    r"(?:confirm|comment|announc|inform)\w*|"
    r"(?:neither|nor)\s+(?:has|did)\s+(?:it|the\s+company)|declin\w+\s+to|refus\w+\s+to|"
    r"(?:did|does|would)\s+not\s+(?:immediately\s+)?(?:respond|reply|return|comment|confirm)|(?:didn|doesn|wouldn)['’]t\s+(?:respond|reply|comment|confirm)|not\s+immediately\s+available|"
    r"no\s+comment|not\s+comment|rumou?rs?|speculation|lehnte\s+(?:\S+\s+){0,3}?ab|wollte\s+sich\s+nicht|"
    r"nicht\s+(?:\w+\s+)?(?:äußern|äussern|kommentieren|bestätigen|bestätigt|kommentiert)|"
    r"n['’]a\s+pas\s+(?:souhaité|répondu|commenté|confirmé)|"
    r"ni\s+confirmé|no\s+(?:ha\s+)?(?:\w+\s+)?(?:quiso|querido|respondido|confirmado)|"
    r"non\s+ha\s+(?:\w+\s+)?(?:voluto|risposto|confermato)|"
    r"nessun\s+commento)"
)
# "the latest in a string of tech companies announcing layoffs": other employers announce, not this one
_OTHERS_ANNOUNCE = re.compile(
    r"(?i)\b(?:companies|firms|employers|rivals|peers|giants|others|entreprises|sociétés|Unternehmen|Konzerne|"
    r"Firmen|empresas|compañías|aziende|società)\s+(?:that\s+|which\s+|qui\s+|die\s+|que\s+|che\s+)?"
    r"(?:have\s+|had\s+|ont\s+|haben\s+|han\s+|hanno\s+)?$"
)
# A report citing the employer's own memo, email or letter: the chain of sources ends at the employer.
_MEMO_CITED = re.compile(
    r"(?i)\b(?:according\s+to|citing|quoting|based\s+on|selon|d['’]après|citant|unter\s+Berufung\s+auf|mit\s+Verweis\s+auf|"
    r"unter\s+Verweis\s+auf|laut|según|citando|secondo|stando\s+a)\s+(?:a\s+copy\s+of\s+)?(?:\S+\s+){0,3}?(?:internal\s+|interne[nrs]?\s+|"
    r"interno\s+|interna\s+)?(?:memo|memorandum|memorándum|memorando|e-?mail|letter|note|Schreiben|Brief|Rundschreiben|Rundmail|Mail|courriel|lettre|"
    r"note\s+interne|mémo|carta|correo|comunicado\s+interno|nota|lettera)\b"
)
# A confirmation given by insiders, not the employer ("confirmed to Reuters by three people familiar", "confermato a
# Reuters da tre persone interne all'azienda", "bestätigten mehrere Insider")
_BY_INSIDERS = re.compile(
    r"(?i)\b(?:confirm\w*|confermat\w*|confirmad\w*|confirmé\w*|bestätigt\w*)\s+(?:\S+\s+){0,3}?(?:by|da|por|par|von)\s+"
    r"(?:two|three|four|several|multiple|\d+|due|tre|quattro|diverse|alcune|dos|tres|varias|deux|trois|plusieurs|zwei|"
    r"drei|mehreren?)\s+(?:\S+\s+)?(?:people|persons|sources|insiders|persone|fonti|personas|fuentes|personnes|"
    r"Personen|Quellen|Insidern?)\b")
_UNION = re.compile(r"(?i)\b(?:union|unions|sindicat\w*|syndicat\w*|Gewerkschaft\w*|Betriebsrat\w*|unión)\b")
_TO_STAFF = re.compile(r"(?i)\b(?:to|ai|alle|an\s+die|aux|à\s+ses|a\s+los|a\s+sus)\s+(?:its\s+|his\s+|her\s+|their\s+|the\s+|"
                       r"suoi\s+)?(?:staff|employees|workers|dipendenti|lavoratori|Mitarbeiter\w*|Beschäftigten|salariés|"
                       r"employés|collaborateurs|empleados|trabajadores)\b")
# A memo that reached an outlet rather than staff: leaked, or obtained, seen or reviewed by the outlet
_MEMO_LEAKED = re.compile(r"(?i)\bleaked\b|\b(?:obtained|seen|viewed|reviewed)\s+by\b|\bdurchgesickert|\bfuité|\bfiltrad[oa]")
# A sentence reading on from a document named before ("Per the memo", "In the email, ...", "the documents show"): in
# an article citing sources it is the same leaked document (a memo the employer's own word is cited as such).
_RELAYS_DOCUMENT = re.compile(
    r"(?i)\b(?:per|in|according\s+to)\s+the\s+(?:internal\s+|leaked\s+)?(?:memo|e-?mail|letter|note|documents?|"
    r"slides?|presentation)\b|\bthe\s+(?:memo|e-?mail|documents?|presentation)\s+(?:said|says|shows?|showed|states?|"
    r"stated|reads?|added|adds)\b"
)
_CLARIFY = re.compile(r"(?i)\bclarif(?:y|ies|ied|ying)\b(?:\s+that\b)?|\bpräzisierte\b|\bprécis(?:é|ant)\b|"
                      r"\baclar(?:ó|a|ando)\b|\bprecisat[oa]\b|\bprecisando\b")
# A leak marker that is a conditional auxiliary ("aurait", "avrebbe", "habría"): the verb after it is the hedged claim
_CONDITIONAL = re.compile(r"(?i)aurai(?:t|ent)|avrebber?o?|habría(?:n)?|sarebbe(?:ro)?|serai(?:t|ent)")
# The cut named as such ("confirmed the 3,000 cuts", "bestätigte den Abbau")
_CUT_NOUN = re.compile(r"(?i)\b(?:cuts|layoffs|lay-offs|redundancies|job\s+losses|(?:Stellen)?abbau|tagli|suppressions|"
                       r"licenciements|despidos|recortes|licenziamenti)\b")
_BUT = re.compile(r"(?i)\b(?:but|mais|aber|jedoch|ma|però|pero)\b")
# After the "but", the refusing employer's own verb, its subject left out ("but confirmed the layoffs", "mais a
# confirmé", "aber bestätigte", "ma ha confermato", "pero confirmó")
_SUBJECTLESS = re.compile(r"(?i)\s*(?:it\s+|has\s+|had\s+|did\s+|a\s+|hat\s+|ha\s+|have\s+)?(?:confirm\w*|bestätig\w*|"
                          r"conferm\w*)\b")
# ... about another time or denying ("but confirmed in October", "weeks after", "but confirmed it has no plans")
_ELSEWHEN = re.compile(r"(?i)\b(?:in\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
                       r"december)|last\s+(?:week|month|year)|earlier|weeks?\s+after|no\s+plans?|not|nicht|kein\w*|pas|"
                       r"non|ningún|ninguna|nessun\w*)\b")
# Another party speaking after the "but": a union, a manager, sources, analysts, officials
_OTHER_PARTY = re.compile(r"(?i)\b(?:unions?|gmb|unite|verdi|ig\s+metall|ccoo|ugt|cgt|cfdt|fiom|gewerkschaft\w*|syndicat\w*|"
                          r"sindacat\w*|sindicat\w*|managers?|sources?|insiders?|analysts?|officials?|people\s+familiar)\b")
# A confirmation asked about, not given ("Asked whether the cuts would be announced", "ob", "si", "se")
_ASKED = re.compile(r"(?i)\b(?:asked|whether|if|ob|si|se|gefragt|interrogé\w*|preguntad\w*|interpellat\w*)\b")
_OLD_DAYS = 28
_FORMER = re.compile(r"former\b|ex-")


def _current_markers(s: Sentence, lex: Lexicon, published: date) -> list[Marker]:
    """Return the sentence's markers outside clauses about the past (a past marker or an old date)."""
    spans = clause_spans(s.low, lex)
    markers = find_markers(s.text, s.low, lex, spans, headline=s.is_title)
    # "posts from former employees" names people, not an earlier time
    old = {m.clause for m in markers if m.kind == "past" and not _FORMER.match(s.low, m.start)}
    for d in find_dates(s.text, published, lex):
        if d.age_days is not None and d.age_days >= _OLD_DAYS and not d.future and not d.since:
            old.add(next((i for i, (a, b) in enumerate(spans) if a <= d.start < b), 0))
    return [m for m in markers if m.clause not in old]


def cites_sources(sentences: list[Sentence], lex: Lexicon, published: date) -> bool:
    """Return whether one of `sentences` attributes something current to sources (a leak), or has insiders confirm it."""
    return any(
        m.kind == "leak" for s in sentences if has_marker(s.text, s.low, lex, "leak")  # most cite no one: one scan
        for m in _current_markers(s, lex, published)
    ) or any(_BY_INSIDERS.search(s.text) for s in sentences)


def attribution_dates(sentences: list[Sentence], lex: Lexicon, published: date) -> list[DateMention]:
    """Return the dates of the lead's attribution sentences ("Das teilte das Unternehmen am Dienstag mit"), not of
    one telling another action beside this one ("separate from the cuts outlined last week, the company said")."""
    out: list[DateMention] = []
    for s in sentences[:5]:
        dates = find_dates(s.text, published, lex)  # (cheap, and most sentences have none: then nothing to add)
        if dates and _states(s, lex) and not has_marker(s.text, s.low, lex, "separate") and any(
                m.kind in ("confirm", "speech") for m in _current_markers(s, lex, published)):
            out += dates
    return out


def _states(s: Sentence, lex: Lexicon) -> bool:
    """Return whether a sentence holds an announcement or statement marker anywhere (two patterns' scans: the
    sentence's other markers are read only when it does)."""
    return has_marker(s.text, s.low, lex, "confirm") or has_marker(s.text, s.low, lex, "speech")


def confirmed_by_employer(sentences: list[Sentence], names: tuple[str, ...], lex: Lexicon, published: date) -> bool:
    """Return whether a sentence without leak attribution has the employer announcing or stating the cut."""
    name_re = re.compile("|".join(re.escape(n) for n in names if n) or "(?!)")
    for s in sentences:
        # the cheap tests first: most sentences are about something else
        if not (lex.trigger.search(s.low) or lex.cut_reference.search(s.low) or has_marker(s.text, s.low, lex, "closure")):
            continue  # about something else ("has announced its decision to close all 19 stores" is not)
        if _clarifies(s.text, name_re, lex):
            return True  # "Amazon denied the rumours, clarifying that it is laying off those staff"
        if (no_comment := _NO_COMMENT.search(s.text)) is not None and not _confirmed_besides(s.text, no_comment, name_re, lex):
            continue  # no comment
        if _memo_cited(s, lex, published):
            return True  # "selon une note interne de <executive>": the report quotes the employer's own word
        if _RELAYS_DOCUMENT.search(s.text):
            continue  # "Per the memo, the CEO said ...": the leaked document the article cited, read on
        if not _states(s, lex):
            continue  # nobody announces or states anything here
        markers = [m for m in _current_markers(s, lex, published)
                   if not (m.kind == "confirm" and _OTHERS_ANNOUNCE.search(s.text, max(0, m.start - 40), m.start))]
        kinds = {m.kind for m in markers}
        if not kinds & {"confirm", "speech"} or kinds & {"forecast", "speculative", "separate"}:
            continue  # (and "Separately, Amazon confirmed plans to close ...": another action's statement)
        if _BY_INSIDERS.search(s.text):
            continue  # "confirmed to Reuters by three people inside the company": sources, not the employer
        if "explained" in kinds and "confirm" not in kinds:
            continue  # "<CEO> explained that the cuts were about culture": why cuts were made, not that they are
        if "leak" in kinds and not _confirmed_after_leak(s.text, markers, lex):
            continue
        employer = name_re.search(s.text) is not None or _org_reference(s.text, lex)
        if "confirm" in kinds and (employer or lex.org_nouns.search(s.text)):
            return True  # "a company spokesperson confirmed the cuts", "in a memo, Amazon said"
        if employer and sentence_cues(s.text, s.low, lex):
            return True  # "Amazon said on Sunday it will eliminate about 2,300 roles"
    return False


def _confirmed_besides(text: str, no_comment: re.Match[str], name_re: re.Pattern[str], lex: Lexicon) -> bool:
    """Return whether a sentence refusing to comment has the employer confirm the cut beside the refusal: before it
    ("A spokesperson confirmed the 3,000 cuts on Tuesday but has not publicly confirmed how many UK staff are
    affected"), or after a "but" with no other party speaking ("declined to comment on the number, but confirmed the
    layoffs in a blog post"). The confirmation must hold the cut and be no question ("Asked whether the job cuts would
    be announced, a spokesperson declined"); "In a statement, Amazon declined to comment" and "..., but the GMB union
    said it had been informed" confirm nothing."""
    before = text[: no_comment.start()]
    if _confirms_cut(before, lex) and (name_re.search(before) is not None or _org_reference(before, lex)):
        return True
    but = _BUT.search(text, no_comment.end())
    after = text[but.end() :] if but is not None else ""
    return (_SUBJECTLESS.match(after) is not None and _confirms_cut(after, lex) and _OTHER_PARTY.search(after) is None
            and _ELSEWHEN.search(after) is None)


def _confirms_cut(part: str, lex: Lexicon) -> bool:
    """Return whether a part of a sentence confirms a cut it names, asking nothing."""
    low = part.lower()
    return (has_marker(part, low, lex, "confirm") and _ASKED.search(part) is None
            and (bool(sentence_cues(part, low, lex)) or lex.cut_reference.search(low) is not None
                 or _CUT_NOUN.search(part) is not None))


def _clarifies(text: str, name_re: re.Pattern[str], lex: Lexicon) -> bool:
    """Return whether the employer (by name or as "the company") clarifies an outlet's report by stating the cut
    itself: "<Firm> ... clarifying that the company is laying off 110 people" (a correction of a report confirms
    what it keeps of it, whatever rumour it denies)."""
    m = _CLARIFY.search(text)
    if m is None or not (name_re.search(text, 0, m.start()) or _org_reference(text[: m.start()], lex)):
        return False
    tail = text[m.end() :]
    return bool(sentence_cues(tail, tail.lower(), lex))


def _memo_cited(s: Sentence, lex: Lexicon, published: date) -> bool:
    """Return whether a sentence about the cut cites the employer's internal memo, email or letter as its source
    ("according to an internal memo from <executive>", "mit Verweis auf eine interne E-Mail von CEO ...")."""
    m = _MEMO_CITED.search(s.text)
    if m is None or _MEMO_LEAKED.search(s.text, m.start(), m.end() + 40) or _UNION.search(s.text, m.end(), m.end() + 30):
        return False  # ("a leaked memo obtained by the Courier", "un memorándum del sindicato": not the employer speaking)
    kinds = {marker.kind for marker in _current_markers(s, lex, published)}
    # the memo's own sentence may carry no cue when it is named as sent to staff ("citing an email from <executive>
    # to employees", "citando una e-mail di <executive> ai dipendenti")
    return not kinds & {"forecast", "speculative", "past"} and (
        bool(sentence_cues(s.text, s.low, lex)) or _TO_STAFF.search(s.text, m.end()) is not None)


def _confirmed_after_leak(text: str, markers: list[Marker], lex: Lexicon) -> bool:
    """Return whether a sentence citing a leak goes on to say it was confirmed ("..., later confirmed by the
    company")."""
    leak = max((m for m in markers if m.kind == "leak"), key=lambda m: m.end)
    last_leak = leak.end
    # the verb a conditional leak carries ("Amazon aurait indiqué à ses employés") is the claim, not a confirmation
    # ("according to documents filed with the state" is: a filing)
    hedged = _CONDITIONAL.fullmatch(text[leak.start : leak.end].strip()) is not None
    return any(m.kind == "confirm" and m.start > last_leak and not (hedged and not text[last_leak : m.start].strip())
               for m in markers) and (
        _org_reference(text[last_leak:], lex) or lex.org_nouns.search(text, last_leak) is not None
    )


def _org_reference(text: str, lex: Lexicon) -> bool:
    """Return whether the text names the employer as "the company", "the firm" or its spokesperson (not "it")."""
    if _SPOKESPERSON.search(text):
        return True
    return any(len(m.group().split()) > 1 for m in lex.anaphors.finditer(text))


def carried_by_report(headline: Event, article: Article) -> bool:
    """Return whether a headline cue only possible by a modal verb ("<Firm> could cut thousands of jobs",
    "<Firm> pourrait licencier") is the leak its lead reports: news writes a leak's headline in the conditional,
    and a lead event of the same employer attributed to a report carries it."""
    if not headline.reading.modal_only or headline.actor is None:
        return False
    parent = headline.actor.parent
    return any(
        e.reading.modality == "leaked" and not e.in_title and e.sentence.index <= LEAD
        and e.actor is not None and e.actor.parent == parent
        for e in article.events
    )


def own_sentences(article: Article, main: Event) -> list[Sentence]:
    """Return the sentences that may confirm the main employer's cut: not those whose cues are all another
    employer's ("last week Meta, the parent company of Facebook, announced 11,000 cuts" confirms nothing here)."""
    assert main.actor is not None
    # an unlisted employer is named in variants ("Skylark Regional Airlines", then "Skylark Regional"): a name
    # sharing the first word may be the same one, so only a name that shares nothing is another employer's
    first = main.actor.parent.split()[0]
    unit = main.actor.unit
    # a unit's cut is confirmed by its own or its parent's word, not by a sibling unit's ("Twitch announced 500
    # layoffs" in a story about Audible's)
    foreign = {e.sentence.index for e in article.events if e.actor is not None and (
        e.actor.parent.split()[0] != first or unit is not None and e.actor.unit not in (None, unit))}
    own = {e.sentence.index for e in article.events if e.actor is None or e.actor.parent.split()[0] == first and (
        unit is None or e.actor.unit in (None, unit))}
    return [s for s in article.sentences if s.index not in foreign - own]
