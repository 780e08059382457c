"""Which of an article's events tell the main event's action: the same employer, acting now.

A report's facts (its count, its units, its dates) come from its main event and the events that tell the same action:
the same employer (a unit's story keeps its unit; a headline's short form of the name, or its initials, is the same
employer), asserted or leaked, about now. A cue with no employer of its own tells it too when it stands in the lead ("In total 1,200 staff
are affected"), and a headline naming nobody but an organisation by its kind tells the lead's employer's action ("70
lose their jobs as fit-out firm goes into administration"); a headline naming no organisation at all ("Over 200 jobs
go in Leeds and Bradford", "Over 250 staff enter consultation as Corrin Foods plans cuts") may add up several
employers' cuts or the staff a cut is drawn from.
"""

from __future__ import annotations

from ingest.understanding.events import Event

# The lead's reach for a cue without an employer of its own, in sentences.
EXTENDED_LEAD = 6


def same_employer(main: Event, e: Event) -> bool:
    """Return whether `e` states facts of the main event's action: the same employer acting now (or, in the
    lead, a cue with no employer of its own: "In total 1,200 staff are affected")."""
    if e.generic or e.aside:
        return False
    if e.actor is None:
        acting = e.sentence.index <= EXTENDED_LEAD and (not e.in_title or _kind_named(e))
    else:
        # a sister unit's figure inside a unit's story is another action ("Twitch laid off 500" beside Audible's cut)
        acting = main.actor is not None and (
            e.actor.parent == main.actor.parent or _short_form(main, e) or _initials(main, e)) and (
            main.actor.unit is None or e.actor.unit in (None, main.actor.unit))
    # the reading last: an event of another employer is never read further; a plan's horizon the employer states
    # ("About 2,100 jobs will be axed over the next two years, the Cabinet Office said") gives its figure
    stated = e.reading.modality in ("asserted", "leaked") or (
        e.reading.modality == "forecast" and bool(e.amounts) and bool(e.clause_kinds & {"speech", "confirm"}))
    return acting and stated and e.reading.time == "current"


def _kind_named(e: Event) -> bool:
    """Return whether the event's sentence names an organisation by its kind ("firm", "factory", "council")."""
    return e.facts.lex.org_nouns.search(e.sentence.text) is not None


_SMALL_WORDS = frozenset(("of", "for", "and", "&", "the"))
# Words a government body's initials leave out ("VA" for the Department of Veterans Affairs) or its name adds in
# one writing and not the other ("U.S. Department of Education", "Education Department")
_BODY_WORDS = frozenset(("department", "ministry", "office"))
_COUNTRY_WORDS = frozenset(("u.s.", "us", "uk", "u.k.", "federal"))  # (not "state": a state's body is its own)


def _initials(main: Event, e: Event) -> bool:
    """Return whether one actor's name is the other's initials ("ANU" for "Australian National University", "DWP" for
    "Department for Work and Pensions", "VA" for "Department of Veterans Affairs"): the article's acronym for the same
    employer."""
    if main.actor is None or e.actor is None:
        return False
    return initials_of(e.actor.name, main.actor.name) or initials_of(main.actor.name, e.actor.name)


def initials_of(short: str, full: str) -> bool:
    """Return whether `short` is written as the initials of `full`."""
    words = full.split()
    if not (2 <= len(short) <= 8 and short.isupper() and short.isalpha() and len(words) >= 2):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    forms = {"".join(w[0] for w in content), "".join(w[0] for w in words)}
    if len(content) >= 3 and content[0].lower() in _BODY_WORDS:
        forms.add("".join(w[0] for w in content[1:]))
    return short in {f.upper() for f in forms}


def _short_form(main: Event, e: Event) -> bool:
    """Return whether one actor's name is the other's leading words ("jobs to go at Walsall" over "Walsall
    Healthcare Trust has announced ..."), or, between the headline and the body, the same words in another order
    ("Education Department" over "The U.S. Department of Education"): a headline's short form of the same employer."""
    if main.actor is None or e.actor is None or main.actor.known or e.actor.known:
        return False
    return short_form_of(main.actor.name, e.actor.name) or (main.in_title != e.in_title and (
        reordered(main.actor.name, e.actor.name) or _kind_of(main, e)))


def _kind_of(main: Event, e: Event) -> bool:
    """Return whether the headline names the employer by the last word of its name, a kind of organisation
    ("Brewery enters administration" over "Hopworks Brewery has entered administration")."""
    assert main.actor is not None and e.actor is not None
    title, body = (main, e) if main.in_title else (e, main)
    assert title.actor is not None and body.actor is not None
    short, long = title.actor.name.split(), body.actor.name.split()
    return len(short) == 1 < len(long) and long[-1] == short[0] and (
        title.facts.lex.org_nouns.fullmatch(short[0]) is not None or title.facts.lex.org_words.search(short[0]) is not None)


def short_form_of(one: str, other: str) -> bool:
    """Return whether one name is the other's leading words."""
    a, b = sorted((one.split(), other.split()), key=len)
    return a != b and b[: len(a)] == a


def reordered(one: str, other: str) -> bool:
    """Return whether two names of two or more words hold the same words apart from "of", "the" and a country
    ("Education Department", "U.S. Department of Education")."""
    def words(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in name.split() if w.lower() not in _SMALL_WORDS | _COUNTRY_WORDS)
    a, b = words(one), words(other)
    return len(a) >= 2 and a == b and one != other
