"""Faster equivalents of the lexicon's patterns: alternatives grouped by their first letter.

`re` tries the alternatives of an alternation one after another at every position of the text,
so a cue such as `\\b(?:cut|cuts|cutting|slash(?:es|ed)?|...)` costs dozens of tests per
character. Grouped as a tree of first letters (`\\b(?:c(?:ut(?:|s|ting))|s(?:lash...)...)`), one
test per letter rules most of them out. The grouped pattern matches exactly the same text: at one
position only the alternatives starting with the letter there can match, and they are kept in
their order, so the first that matches (and every backtracking step after it) is the same. Only
runs of alternatives that start with a plain letter are regrouped; anything else (an escape, a
class, a lookaround) stays where it is and the letters are never moved across it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_QUANTIFIERS = ("?", "*", "+", "{")
_SURE_LETTERS = 4
# Capturing groups and back-references would be renumbered by regrouping: such patterns stay as they are.
_UNSAFE = re.compile(r"\\[1-9]|\((?!\?)|\(\?P")


def _class_end(pattern: str, start: int) -> int:
    """Return the index of the "]" closing the class opened at `start` ("[]x]" and "[^]x]" hold a literal "]")."""
    i = start + 1
    if pattern[i : i + 1] == "^":
        i += 1
    if pattern[i : i + 1] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i


def _top_level(pattern: str) -> list[tuple[int, str, int]]:
    """Return (index, character, depth before it) of each "(", ")" and "|" outside escapes and classes."""
    out, depth, i = [], 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i) + 1
            continue
        if c in "()|":
            out.append((i, c, depth))
            depth += {"(": 1, ")": -1, "|": 0}[c]
        i += 1
    return out


def _group_end(pattern: str) -> int:
    """Return the index of the ")" closing the group the pattern opens with (-1 when there is none)."""
    return next((i for i, c, depth in _top_level(pattern) if c == ")" and depth == 1), -1)


def alternatives(pattern: str) -> list[str]:
    """Return the top-level alternatives of a pattern (escapes, groups and classes kept whole)."""
    cuts = [i for i, c, depth in _top_level(pattern) if c == "|" and depth == 0]
    bounds = [-1, *cuts, len(pattern)]
    return [pattern[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _letter_head(alternative: str) -> bool:
    return alternative[:1].isalpha() and alternative[1:2] not in _QUANTIFIERS


def _factor_head(alternative: str) -> str:
    """Return an alternative whose leading non-capturing group (not quantified) has its alternatives grouped."""
    if not alternative.startswith("(?:"):
        return alternative
    end = _group_end(alternative)
    if end < 0 or alternative[end + 1 : end + 2] in _QUANTIFIERS:
        return alternative
    return f"(?:{_grouped(alternatives(alternative[3:end]))}){alternative[end + 1 :]}"


def _grouped(alts: list[str]) -> str:
    """Return the alternation of `alts` with each run of letter-headed alternatives grouped by first letter."""
    out: list[str] = []
    i = 0
    while i < len(alts):
        if not _letter_head(alts[i]):
            out.append(_factor_head(alts[i]))
            i += 1
            continue
        by_letter: dict[str, list[str]] = {}
        while i < len(alts) and _letter_head(alts[i]):
            by_letter.setdefault(alts[i][0], []).append(alts[i][1:])
            i += 1
        for letter, rests in by_letter.items():
            out.append(letter + (f"(?:{_grouped(rests)})" if len(rests) > 1 else _factor_head(rests[0])))
    return "|".join(out)


def factor(pattern: str) -> str:
    """Return a pattern that matches exactly what `pattern` matches, its alternatives grouped by first letter.

    Meant for the lower-cased patterns (run without IGNORECASE: letters compare exactly); a pattern
    with capturing groups, back-references or unbalanced groups comes back unchanged.
    """
    if _UNSAFE.search(pattern) or "(?-i" in pattern:
        return pattern
    structure = _top_level(pattern)
    if any(depth < 0 for _, _, depth in structure) or sum({"(": 1, ")": -1, "|": 0}[c] for _, c, _ in structure) != 0:
        return pattern  # unbalanced: not for us to rewrite
    alts = alternatives(pattern)
    out: list[str] = []
    i = 0
    while i < len(alts):
        if alts[i].startswith(r"\b"):
            run = []
            while i < len(alts) and alts[i].startswith(r"\b"):
                run.append(alts[i][2:])
                i += 1
            out.append(rf"\b(?:{_grouped(run)})")  # \bA|\bB is \b(?:A|B): one boundary test, then the letters
        else:
            out.append(_grouped([alts[i]]))
            i += 1
    return "|".join(out)


def _prefixes(alternative: str, bounded: bool = False) -> list[tuple[bool, str]]:
    """Return (after a word boundary, text) pieces, one of which matches wherever `alternative` starts a match:
    its leading letters, the alternatives of its leading group, else the whole alternative."""
    if alternative.startswith(r"\b"):
        return _prefixes(alternative[2:], True)
    if alternative.startswith(("(?<!", "(?<=")) and (end := _group_end(alternative)) > 0:
        # a lookbehind consumes nothing: what follows it starts the match (tested before every letter, it would
        # slow the scan of every position)
        return _prefixes(alternative[end + 1 :], bounded)
    if alternative.startswith("(?:"):
        end = _group_end(alternative)
        if end > 0 and alternative[end + 1 : end + 2] not in _QUANTIFIERS:
            return [p for inner in alternatives(alternative[3:end]) for p in _prefixes(inner, bounded)]
    letters = 0
    while letters < len(alternative) and alternative[letters].isalpha():
        letters += 1
    if letters < len(alternative) and alternative[letters] in _QUANTIFIERS:
        letters -= 1  # "ab?": only "a" is sure to be there
    # A short head ("a", "an") would start a candidate at half the words: then the whole alternative is the piece.
    return [(bounded, alternative[:letters] if letters >= _SURE_LETTERS else alternative)]


def starts_of(patterns: list[str]) -> re.Pattern[str]:
    """Return a pattern that finds, as empty matches, at least every position where one of `patterns`
    (lower-cased, without capturing groups, run without IGNORECASE) matches: where a match may start.

    Every match begins with one of the patterns' prefixes (`_prefixes`), so the prefixes are looked for; which
    prefix comes first does not change where one matches, so they are reordered into one tree of letters."""
    pieces = [p for pattern in patterns for alternative in alternatives(pattern) for p in _prefixes(alternative)]
    bounded = sorted({text for b, text in pieces if b}, key=lambda t: (not _letter_head(t), t))
    free = sorted({text for b, text in pieces if not b}, key=lambda t: (not _letter_head(t), t))
    union = [rf"\b(?:{_grouped(bounded)})"] if bounded else []
    union += [_grouped(free)] if free else []
    return re.compile(f"(?=(?:{'|'.join(union) or '(?!)'}))")


def relaxed(pattern: str) -> str | None:
    """Return a pattern lower-cased by `lower_pattern` with its case-sensitive groups `(?-i:...)` made
    plain groups: run on the lower-cased text, it matches wherever the pattern matches the original text (a cased
    letter class lowered is the class of its lower-case letters), so its places to start hold the pattern's. None
    when a cased group sits inside a negative lookaround, where loosening it would rule matches out."""
    negative: list[bool] = []  # for each open group: whether it is, or sits inside, a negative lookaround
    for i, c, _ in _top_level(pattern):
        if c == "(":
            inside = bool(negative) and negative[-1]
            if inside and pattern.startswith("(?-i:", i):
                return None
            negative.append(inside or pattern.startswith(("(?!", "(?<!"), i))
        elif c == ")" and negative:
            negative.pop()
    return pattern.replace("(?-i:", "(?:")


def first_letters(pattern: str) -> frozenset[str] | None:
    """Return the letters one of which a match of `pattern` (lower-cased, run without IGNORECASE) always begins
    with, None when that cannot be told (a class, an escape, an optional head, an empty alternative): each pattern
    is then tried only at the starts holding one of its letters. Word boundaries and lookbehinds at the head consume
    nothing and are passed over."""
    out: set[str] = set()
    for alternative in alternatives(pattern):
        letters = _head_letters(alternative)
        if letters is None:
            return None
        out |= letters
    return frozenset(out) if out else None


def _head_letters(alternative: str) -> set[str] | None:
    while alternative.startswith((r"\b", "(?<!", "(?<=")):
        end = 1 if alternative.startswith(r"\b") else _group_end(alternative)
        if end < 0:
            return None
        alternative = alternative[end + 1 :]
    if alternative.startswith("(?:"):
        end = _group_end(alternative)
        if end < 0 or alternative[end + 1 : end + 2] in ("?", "*", "{"):
            return None  # an optional group: the match may begin after it
        inner = first_letters(alternative[3:end])
        return None if inner is None else set(inner)
    if alternative[:1].isalpha() and alternative[1:2] not in ("?", "*", "{"):
        return {alternative[0]}
    return None


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """Return what `pattern.finditer(text)` returns, trying `pattern` only at `starts` (in order; they must hold
    every position where it matches). Where it would match the empty string, the plain scan is used."""
    out: list[re.Match[str]] = []
    taken_to = 0
    match = pattern.match
    for start in starts:
        if start < taken_to:
            continue
        m = match(text, start)
        if m is None:
            continue
        if m.end() == start:
            return list(pattern.finditer(text))  # empty matches follow finditer's own rules: let it apply them
        out.append(m)
        taken_to = m.end()
    return out



def without_boundaries(pattern: str) -> str | None:
    """Return the pattern with its word boundaries (`\\b` outside classes) removed, None when it has none.

    What the pattern matches, the result matches too (only assertions are dropped), and a pattern of plain
    words then opens on literals, which `re` skips to quickly: a quick test that a cased cue such as
    `\\bWARN\\b` may be in a sentence before the slow scan.
    """
    out, i, dropped = [], 0, False
    while i < len(pattern):
        if pattern.startswith(r"\b", i):
            dropped, i = True, i + 2
        elif pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif pattern[i] == "[":
            end = _class_end(pattern, i) + 1
            out.append(pattern[i:end])
            i = end
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out) if dropped else None
