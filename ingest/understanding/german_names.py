"""German names: every noun is capitalised, so a capitalised word is a name only with evidence (after an
organisation noun, or opening a headline or sentence before a verb of acting)."""

from __future__ import annotations

import re

from ingest.understanding.lexicon import Lexicon

# German: a capitalised word is a name after one of these organisation nouns ("Der Autozulieferer ZF").
_DE_DESCRIPTOR = re.compile(
    r"(?i)(?:konzern|hersteller|zulieferer|händler|anbieter|kette|bauer|unternehmen|gruppe|firma|tochter|dienstleister|"
    r"produzent|riese|gigant|betreiber|spezialist|marke|sender|verlag|versicherer|institut|startup|start-up|bank|"
    r"werft|reederei|airline|fluggesellschaft|discounter|versender|plattform|dienst|sparte|haus)$"
)
_DE_VERB_AFTER = re.compile(
    r"^\s+(?:streicht|streichen|baut|bauen|schließt|schliesst|entlässt|will|plant|kündigt|bestätigt|meldet|richtet|stellt|"
    r"trennt|verlagert|ist|hat|muss|soll|setzt|insolvent|reduziert|verschärft|investiert|rechnet|schickt|fährt|"
    r"gibt|meldete|strich|kürzt|verkleinert|schrumpft)\b"
)

# A word naming a trade, opening a headline ("Automobilzulieferer schließt Standort", "Modehändler streicht Stellen"):
# a description, never the name (not "bank": "Commerzbank streicht")
_DE_TRADE = re.compile(
    r"(?i)(?:\w(?:zulieferer|hersteller|händler|konzern|anbieter|dienstleister|produzent|betreiber|versender|discounter|"
    r"unternehmen|firma)|^(?:konkurrent|wettbewerber|mitbewerber|rivale))[,.:;!?\"“”„()]*$")

# The verbs of cutting alone (no "ist", "hat"): after an article, only they make "<Noun> <Name>" a name.
_DE_CUT_AFTER = re.compile(r"^\s+(?:streicht|baut|schließt|schliesst|entlässt|kündigt|fährt|schickt|meldet|verlagert|reduziert|kürzt)\b")


def german_evidence(text: str, persons: frozenset[str]) -> set[str]:
    """Return the capitalised German words that act as names: after an organisation noun, or opening a headline."""
    found: set[str] = set()
    tokens = list(re.finditer(r"\S+", text))
    for i, token in enumerate(tokens):
        word = token.group().strip(",.:;!?\"“”„()")
        if not word or not word[0].isupper() or ("-" in word and _DE_DESCRIPTOR.search(word.rsplit("-", 1)[1])):
            continue  # "US-Konzern", "Lufthansa-Tochter": a description, the name (if any) follows
        prev = tokens[i - 1].group() if i else ""
        opens = not prev or prev[-1] in ".:!?" or prev in ("-", "–", "—") or "\n" in text[tokens[i - 1].end() : token.start()]
        if prev and _DE_DESCRIPTOR.search(prev.strip(",.:;")):
            found.add(word)
        elif opens:
            found.update(_german_opening(text, tokens, i, persons))
    return found


# Adverbs that open a German sentence before its verb ("Inzwischen bestätigt ein Manager ..."): never a name.
_DE_OPENING_ADVERBS = frozenset(
    "Inzwischen Mittlerweile Demnach Zudem Außerdem Allerdings Bereits Damit Dabei Derzeit Trotzdem Seitdem Nun Jetzt "
    "Dennoch Daher Deshalb Somit Zuvor Zuletzt Insgesamt Künftig Bisher Offenbar Angeblich Vermutlich Auch Gleichzeitig "
    "Zunächst Später Erst Schon Heute Gestern Morgen Dort Hier Darüber Dafür Dagegen Stattdessen Weltweit Bundesweit "
    "Dann Damals Ebenfalls Noch Immerhin Tatsächlich Kürzlich Jüngst Vorerst Ursprünglich Laut Nach Anschließend "
    "Hingegen Jedoch Wohl Womöglich Eventuell Möglicherweise Nämlich Folglich Insbesondere Vor Seit".split()
)


def _german_opening(text: str, tokens: list[re.Match[str]], i: int, persons: frozenset[str]) -> list[str]:
    """Return the capitalised words of a name opening a headline or sentence when a verb of acting follows it:
    "Siemens streicht ...", and a partnership's "Kessler & Söhne streicht 260 Stellen"."""
    if tokens[i].group().strip(",.:;!?\"“”„()") in _DE_OPENING_ADVERBS or _DE_TRADE.search(tokens[i].group()):
        return []  # ("Automobilzulieferer schließt Standort": a trade, the name follows in the body)
    if _DE_VERB_AFTER.match(text[tokens[i].end() :]):
        return [tokens[i].group().strip(",.:;!?\"“”„()")]
    if i + 2 < len(tokens) and tokens[i + 1].group() in ("&", "und") and tokens[i + 2].group()[:1].isupper():
        if _DE_VERB_AFTER.match(text[tokens[i + 2].end() :]):
            return [tokens[i].group(), tokens[i + 2].group()]
    if tokens[i].group() in ("Der", "Die", "Das") and i + 2 < len(tokens) and tokens[i + 2].group()[:1].isupper():
        # "Das Kabelwerk Fuldatal fährt ... herunter": a two-word name after the article, before a verb of cutting
        if _DE_CUT_AFTER.match(text[tokens[i + 2].end() :]) and tokens[i + 2].group() not in persons:
            if _DE_DESCRIPTOR.search(tokens[i + 1].group()):
                return [tokens[i + 2].group()]  # "Der Software-Hersteller Veltrix baut ...": the noun describes
            return [tokens[i + 1].group(), tokens[i + 2].group()]
    if (i + 1 < len(tokens) and tokens[i + 1].group()[:1].isupper() and not _DE_DESCRIPTOR.search(tokens[i].group())
            and tokens[i + 1].group() not in persons and _DE_VERB_AFTER.match(text[tokens[i + 1].end() :])):
        return [tokens[i].group(), tokens[i + 1].group()]  # a two-word name: "Steyrtal Antriebstechnik meldet ..."
    return []


def german_part(run: str, start: int, german_names: frozenset[str], lex: Lexicon) -> tuple[str, int]:
    """Return the part of a German capitalised run that names someone ("Fensterbauer Hollerer" -> "Hollerer")."""
    tokens = run.split(" ")
    keep = [i for i, t in enumerate(tokens) if t in german_names or (t.isupper() and 2 <= len(t) <= 5)
            or lex.org_words.search(t) or (i + 1 < len(tokens) and lex.org_words.search(tokens[i + 1]))]
    if not keep:
        return "", start
    offset = sum(len(t) + 1 for t in tokens[: keep[0]])
    return " ".join(tokens[keep[0] : keep[-1] + 1]), start + offset


def cuts_after(text: str, end: int) -> bool:
    """Return whether a verb of cutting follows at once ("Zentrix streicht 800 Jobs"): a headline's name acting,
    which needs no second mention in the body."""
    return _DE_CUT_AFTER.match(text[end:]) is not None
