"""Who an article is about: the names a sentence holds, and the article's employer (the headline's or the lead's
subject, or the organisation the body names first under a headline about cuts), for "the company" and "it".
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.understanding.aliases import CompanyTable
from ingest.understanding.clauses import Cue, clause_spans, find_markers, sentence_cues
from ingest.understanding.actor_filters import served_in_relative
from ingest.understanding.employers import Actor, as_actor, object_after, sentence_subject, served
from ingest.understanding.lexicon import Lexicon
from ingest.understanding.name_parts import clipped_at
from ingest.understanding.names import ArticleNames, Name, find_names
from ingest.understanding.sentences import Sentence
from ingest.understanding.title_case import clause_not_name

# Under a headline with no cue of its own the lead runs longer: a press release or notice puts its
# headline on the plan ("proposed restructuring of store estate") and the cut a few lines down.
HEADLINE_FREE_LEAD = 10


def sentence_names(s: Sentence, lex: Lexicon, table: CompanyTable, context: ArticleNames) -> list[Name]:
    """Return the sentence's names, without the capitalised clauses of a title-case headline ("California Shuts
    Down"): a run holding the news' verb is the news, not who makes it."""
    return [n for n in find_names(s.text, lex, table, context, in_title=s.is_title)
            if n.known or not clause_not_name(n.text, lex)]


def clip(text: str, name: Name, cues: list[Cue], body: str) -> Name:
    """Return the name, cut where a layoff cue it was read over begins (a Title Case headline capitalises the verb),
    unless the body writes the whole name on its own ("Prime Cut Meats supplies supermarkets")."""
    cue = next((c for c in cues if name.start < c.start < name.end), None)
    if cue is None or name.known or body.count(name.text) > body.count(text):
        return name
    part = clipped_at(text, name.start, cue.start)
    return replace(name, text=part, end=name.start + len(part), parent=part)


def main_employer(lead: list[tuple[Sentence, list[Name]]], lex: Lexicon) -> Actor | None:
    """Return the article's employer: the subject of the headline's layoff clause, else the lead's first subject."""
    read = [(s, cues := sentence_cues(s.text, s.low, lex), [n for n in names if not _after_cause(s.text, n, cues)])
            for s, names in lead]
    headline_object = None
    for sentence, cues, names in read:
        if cues:
            spans = clause_spans(sentence.low, lex)
            start, end = spans[cues[0].clause]
            in_clause = [n for n in names if start <= n.start < cues[0].start]
            subject = sentence_subject(sentence.text[: cues[0].start], in_clause, lex)
            if subject is not None:
                return as_actor(subject, "subject")
            if sentence.is_title:
                headline_object = object_after(sentence.text, names, lex, cues[0], end)
        subject = sentence_subject(sentence.text, names, lex)
        if subject is not None:
            return as_actor(subject, "subject")
    if headline_object is not None and not any(n.text != headline_object.text and _ACTS_AFTER.match(s.text, n.end)
                                               for s, _, names in read if not s.is_title for n in names):
        # "Job cuts at Brightline Foods" over "The company said it will cut 320 jobs": the headline's employer, unless
        # another organisation of the lead speaks or acts ("The company that makes Halden's packaging, Corby Cartons,
        # said it will lay off 60")
        return as_actor(headline_object, "object")
    # No subject anywhere ("A message from Andy Jassy", "sent by Amazon CEO ..."): the first organisation named, or
    # the one whose staff a memo is shared with ("shared with Vestria employees today")
    for sentence, _, names in read:
        for name in names:
            if not name.weak and not served(sentence.text, name) and not served_in_relative(sentence.text, name.start, name.end) and (
                    name.known or _STAFF_OF.match(sentence.text, name.end)):
                return as_actor(name, "subject")
    return None


_ACTS_AFTER = re.compile(r",?\s+(?:said|says|will|would|has|have|had|is|was|announced|confirmed|plans|told)\b")


def _after_cause(text: str, name: Name, cues: list[Cue]) -> bool:
    """Return whether a name stands in the clause telling a cut's cause, after the cut ("Ups cuts 30,000 jobs as Amazon
    volume declines"; not "Inverclyde reels as Northstar confirms closure", where the cut is in that clause)."""
    m = _CAUSE.search(text, 0, name.start)
    return m is not None and any(c.end <= m.start() for c in cues)


_CAUSE = re.compile(r"\b(?:as|after|amid|because\s+of|despite|while|als|nachdem|après|tras|dopo)\s+(?:\S+\s+){0,3}"
                    r"(?:[dl]['’])?$")  # ("après le départ d'Amazon")
_STAFF_OF = re.compile(r"(?:['’]s)?\s+(?:employees|staff|colleagues|teammates|team\s+members|Mitarbeiter\w*|salariés|"
                       r"collaborateurs|empleados|dipendenti)\b")


def title_cues(sentences: list[Sentence], lex: Lexicon) -> bool:
    """Return whether the headline holds a layoff cue or a closure ("Appliance maker to shutter Dayton plant")."""
    if not sentences or not sentences[0].is_title:
        return False
    title = sentences[0]
    return bool(sentence_cues(title.text, title.low, lex)) or any(
        m.kind == "closure" for m in find_markers(title.text, title.low, lex, clause_spans(title.low, lex), headline=True))


def named_later(sentences: list[Sentence], lex: Lexicon, table: CompanyTable, context: ArticleNames) -> Actor | None:
    """Return the first organisation the body names, for a headline about cuts whose lead names no employer as
    its subject: local news often leads on a description ("a packaging factory in Rotherham") and names the owner a few lines down
    ("run by Lanyard Connect", "Bosses at Moorside Snacks"). A lone capitalised word may be a place, so
    only the alias table's names and names that read as organisations count."""
    for s in sentences:
        if s.is_title:
            continue
        if s.index > HEADLINE_FREE_LEAD:
            break
        for name in sentence_names(s, lex, table, context):
            if name.weak or name.surname or served(s.text, name) or served_in_relative(s.text, name.start, name.end):
                continue
            if name.known or len(name.text.split()) > 1 or lex.org_words.search(name.text):
                return as_actor(name, "subject")
    return None
