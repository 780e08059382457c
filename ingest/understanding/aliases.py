"""Company alias table (TOML) and the finder that resolves names, tickers and units to parents."""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationError

from ingest.models import Frozen

DEFAULT_COMPANIES_PATH = Path(__file__).resolve().parents[1] / "data" / "companies.toml"

# Words after a guarded alias that show it is used as a company name ("Target said", "Block is").
_COMPANY_FOLLOW = re.compile(
    r"(?:['’]s\b|,\s+(?:the|a|an|which|whose)\s|\s+(?:Inc|Corp|Co|Ltd|LLC|Group|said|says|is|was|has|had|will|would|to|plans?|"
    r"cut|cuts|lays|laid|announced|announces|confirmed|confirms|shares|stock|employees|workers|"
    r"staff|CEO|chief|spokes\w+|executives?|stores?|reported|began|begins|slashes|eliminates|"
    r"axes|trims|sheds|also|did|does|declined|filed|told|expects|"
    # the same in German, French, Spanish and Italian headlines ("Ford verschärft Sparkurs", "Ring supprime ...")
    # ("plant", "ferme", "annonce" are left out: English and French nouns too, "Block plant", "la ferme")
    r"streicht|baut|schließt|schliesst|entlässt|verschärft|kündigt|supprime|licencie|réduit|"
    r"despide|recorta|cierra|anuncia|taglia|chiude|licenzia|annuncia|riduce)\b)"
)
# Hyphenated compounds that still name the company ("Amazon-owned", "Meta-backed").
_OK_HYPHEN = re.compile(r"-(?:owned|backed|based|led|made|funded|operated|parent)\b")
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
_WORD = re.compile(r"[A-Za-z0-9]+")
_GLUED_TICKER = re.compile(r"([A-Z][a-z0-9]+)[A-Z]{2,5}$")  # "AmazonAMZN--" in scraped finance pages
_GLUED = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-z0-9]+[A-Z]{2,5}--")
# Share-button rows ("Facebook Twitter Pinterest") name networks, not companies acting.
_SOCIAL = r"(?:Facebook|Twitter|X|LinkedIn|Pinterest|WhatsApp|Reddit|E-?mail|Instagram|YouTube|Telegram|Threads|Bluesky|Flipboard|Print|Tumblr)"
_SHARE_BEFORE = re.compile(r"\b" + _SOCIAL + r"[\s|/·•]*$")
_SHARE_AFTER = re.compile(r"^[\s|/·•]*" + _SOCIAL + r"\b")


class CompanyMention(Frozen):
    """One company/unit name found in a text, resolved to its parent."""

    parent: str
    alias: str  # the text as it appears
    unit: str | None  # canonical unit name, None when the parent itself is named
    start: int
    end: int
    weak: bool = False  # matched a lower-case descriptor ("devices unit"): a unit hint only


class CompanyEntry(BaseModel):
    """One `[companies."Name"]` table of the TOML file (validated, typos rejected)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    aliases: list[str] = []
    guarded: list[str] = []
    units: dict[str, list[str]] = {}
    replace: bool = False


class _Alias(NamedTuple):
    pattern: re.Pattern[str]
    text: str
    parent: str
    unit: str | None
    guarded: bool
    lower: bool  # written in lower case -> matched case-insensitively, weak


def trie_pattern(words: list[str]) -> str:
    """Return a regex alternation of `words` factored as a prefix trie (fast to scan with `re`)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class CompanyTable:
    """Parents with their aliases and units; `find` locates mentions in text."""

    def __init__(self, entries: dict[str, CompanyEntry], ignore: tuple[str, ...] = ()) -> None:
        self.entries = entries
        self.ignore = ignore
        self._plain_alias_re: dict[str, re.Pattern[str]] = {}
        self._ignore = (
            re.compile("|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(ignore, key=len, reverse=True)))
            if ignore else None
        )
        self._by_first: dict[str, list[_Alias]] = {}
        self._names: dict[str, str] = {}
        self._names_folded: dict[str, str] = {}
        for parent, entry in entries.items():
            guarded = set(entry.guarded)
            self._register(parent, parent, None, parent in guarded)
            for alias in entry.aliases:
                self._register(alias, parent, None, alias in guarded)
            for unit, unit_aliases in entry.units.items():
                self._names.setdefault(unit, parent)
                self._names_folded.setdefault(unit.casefold(), parent)
                for alias in unit_aliases:
                    self._register(alias, parent, unit, alias in guarded)
        for aliases in self._by_first.values():
            aliases.sort(key=lambda a: len(a.text), reverse=True)  # longest alias wins
        # One scan per text finds candidate first words (a prefix trie: `re` rejects most positions
        # after one character).
        exact = sorted(k for k, v in self._by_first.items() if any(not a.lower for a in v))
        folded = sorted({k for k, v in self._by_first.items() if any(a.lower for a in v)})
        self._first_exact = re.compile(r"(?<![A-Za-z0-9])" + trie_pattern(exact) + r"(?![a-z0-9])") if exact else None
        # Lower-case aliases are matched on the lower-cased text: `(?i)` would disable the fast scan.
        self._first_folded = re.compile(r"(?<![a-z0-9])" + trie_pattern(folded) + r"(?![a-z0-9])") if folded else None
        self._reach = max(map(len, self._by_first), default=0) + 1  # a first word and its look-ahead

    def _register(self, alias: str, parent: str, unit: str | None, guarded: bool) -> None:
        alias = alias.strip()
        first = _WORD.search(alias)
        if not alias or first is None:
            raise ValueError(f"company alias {alias!r} of {parent!r} must contain a letter or digit")
        lower = alias == alias.lower() and alias != alias.upper()
        body = r"\s+".join(re.escape(part) for part in alias.split())
        # a cased alias continued by a dotted abbreviation is that abbreviation's first letters ("EE.UU.", "EE. UU.")
        abbreviation = "" if lower else r"(?!\.\s?[A-Z]{2,3}\.)"
        pattern = re.compile(body + abbreviation + r"(?:(?![A-Za-z0-9])|(?=[A-Z]{2,5}--))", re.I if lower else 0)
        key = first.group().lower() if lower else first.group()
        self._by_first.setdefault(key, []).append(_Alias(pattern, alias, parent, unit, guarded, lower))
        if unit is None:
            self._names.setdefault(alias, parent)
        self._names_folded.setdefault(alias.casefold(), parent)

    @property
    def parents(self) -> tuple[str, ...]:
        """Return the display names of all parent companies."""
        return tuple(self.entries)

    def parent_of(self, name: str) -> str | None:
        """Return the parent display name for a company name, ticker, unit or alias, else None."""
        name = name.strip()
        return self._names.get(name) or self._names_folded.get(name.casefold())

    def find(self, text: str, ranges: list[tuple[int, int]] | None = None) -> list[CompanyMention]:
        """Return the company mentions in `text` (or only inside `ranges`), in order.

        Guarded common words are filtered; their company context may come from anywhere in `text`.
        """
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        positions = self._first_words(text, low, ranges)
        # Glued tickers in scraped finance pages ("AmazonAMZN--") hide the name inside one token.
        if "--" in text:
            positions += [m.start() for m in _GLUED.finditer(text)]
        ignored = [(m.start(), m.end()) for m in self._ignore.finditer(text)] if self._ignore else []
        if ranges is not None:  # keep what falls in the ranges
            bounds = sorted(ranges)
            range_starts = [a for a, _ in bounds]
            positions = [
                p for p in positions
                if (i := bisect_right(range_starts, p) - 1) >= 0 and p < bounds[i][1]
            ]
        starts = sorted(set(positions))
        found: list[tuple[_Alias, int, int]] = []
        last_end = 0
        for start in starts:
            if start < last_end or (ignored and any(s <= start < e for s, e in ignored)):
                continue
            token = _WORD.match(text, start)
            if token is None:
                continue
            word = token.group()
            candidates = self._by_first.get(word, []) + self._by_first.get(word.lower(), [])
            glued = _GLUED_TICKER.match(word)
            if glued and text.startswith("--", token.end()):
                candidates += self._by_first.get(glued.group(1), [])
            for alias in candidates:
                match = alias.pattern.match(text, start)
                if match:
                    found.append((alias, match.start(), match.end()))
                    last_end = match.end()
                    break
        plain_parents = {a.parent for a, _, _ in found if not a.guarded and not a.lower}
        mentions = []
        for alias, start, end in found:
            if alias.guarded:
                sibling = alias.parent in plain_parents or (ranges is not None and self._named(alias.parent, text))
                if not _guard_ok(text, start, end, sibling):
                    continue
            if _SHARE_BEFORE.search(text[max(0, start - 14) : start]) or _SHARE_AFTER.match(text[end : end + 14]):
                if re.fullmatch(_SOCIAL, text[start:end]):
                    continue
            mentions.append(CompanyMention(
                parent=alias.parent, alias=text[start:end], unit=alias.unit, start=start, end=end, weak=alias.lower,
            ))
        return mentions

    def _first_words(self, text: str, low: str, ranges: list[tuple[int, int]] | None) -> list[int]:
        """Return the positions of alias first words in `text`, or at least all those inside `ranges`.

        Only the ranges are scanned (title and cue sentences: `find` 1.0 -> 0.15 ms per 8 KB article
        on 2 slow vCPUs), each up to `_reach` past its end so that a word starting inside is matched whole.
        """
        windows = [(0, len(text))] if ranges is None else [(a, b + self._reach) for a, b in ranges if a < b]
        positions: list[int] = []
        for a, b in windows:
            if self._first_exact is not None:
                positions += [m.start() for m in self._first_exact.finditer(text, a, b)]
            if self._first_folded is not None:
                positions += [m.start() for m in self._first_folded.finditer(low, a, b)]
        return positions

    def _named(self, parent: str, text: str) -> bool:
        """Return whether an unguarded, case-exact alias of `parent` occurs anywhere in `text`."""
        pattern = self._plain_alias_re.get(parent)
        if pattern is None:
            aliases = sorted(
                (a.text for group in self._by_first.values() for a in group
                 if a.parent == parent and not a.guarded and not a.lower),
                key=len, reverse=True,
            )
            body = "|".join(r"\s+".join(map(re.escape, a.split())) for a in aliases) or "(?!)"
            pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{body})(?![a-z0-9])")
            self._plain_alias_re[parent] = pattern
        return pattern.search(text) is not None


def _guard_ok(text: str, start: int, end: int, sibling_present: bool) -> bool:
    """Return whether a guarded alias (a common word) is used as a company name here."""
    after = text[end : end + 40]
    if re.match(r"\s+of\b", after) or (after.startswith("-") and not _OK_HYPHEN.match(after)):
        return False
    if re.search(r"(?i)\bprice\s+$", text[max(0, start - 7) : start]):
        return False
    if end - start <= 1:  # "X": only with an unambiguous sibling alias ("Twitter", "X Corp")
        return sibling_present
    if sibling_present or _COMPANY_FOLLOW.match(after):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    words = _TITLE_WORD.findall(line)
    if words and sum(w[0].isupper() for w in words) / len(words) > 0.6:
        return False  # Title Case line: capitals prove nothing
    before = text[line_start:start].rstrip()
    at_sentence_start = not before or before[-1] in ".!?:\"“‘(" or before.endswith("--")
    return not at_sentence_start


def _merge(base: dict[str, CompanyEntry], extra: dict[str, CompanyEntry]) -> dict[str, CompanyEntry]:
    """Return `base` with `extra` merged over it (extend, or replace when `replace = true`)."""
    merged = dict(base)
    for parent, entry in extra.items():
        old = merged.get(parent)
        if old is None or entry.replace:
            merged[parent] = entry
            continue
        units = {unit: list(aliases) for unit, aliases in old.units.items()}
        for unit, aliases in entry.units.items():
            units[unit] = units.get(unit, []) + [a for a in aliases if a not in units.get(unit, [])]
        merged[parent] = CompanyEntry(
            aliases=old.aliases + [a for a in entry.aliases if a not in old.aliases],
            guarded=old.guarded + [g for g in entry.guarded if g not in old.guarded],
            units=units,
        )
    return merged


def _read_entries(path: Path) -> tuple[dict[str, CompanyEntry], list[str]]:
    """Return the validated company entries and ignore phrases of one TOML file."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    unknown = set(data) - {"companies", "ignore"}
    if unknown:
        raise ValueError(f"{path}: unknown top-level keys {sorted(unknown)}")
    raw = data.get("companies", {})
    ignore = data.get("ignore", [])
    if not isinstance(raw, dict) or not isinstance(ignore, list) or not all(isinstance(i, str) for i in ignore):
        raise ValueError(f"{path}: `companies` must be a table of parents and `ignore` a list of strings")
    try:
        return {str(name): CompanyEntry.model_validate(body) for name, body in raw.items()}, ignore
    except ValidationError as exc:
        raise ValueError(f"{path}: invalid company table: {exc}") from exc


@lru_cache(maxsize=8)
def _load_cached(path: Path | None) -> CompanyTable:
    entries, ignore = _read_entries(DEFAULT_COMPANIES_PATH)
    if path is not None and path.resolve() != DEFAULT_COMPANIES_PATH.resolve():
        extra, extra_ignore = _read_entries(path)
        entries = _merge(entries, extra)
        ignore = ignore + [i for i in extra_ignore if i not in ignore]
    return CompanyTable(entries, tuple(ignore))


def load_company_table(path: Path | None = None) -> CompanyTable:
    """Return the shipped company table, with the user file at `path` merged over it if given."""
    return _load_cached(Path(path) if path is not None else None)
