"""Text normalisation for deduplication: NFKC, lower case, boilerplate lines and punctuation dropped.

Two copies of one article differ in what an outlet wraps around it ("Read more", newsletter and
cookie prompts, copyright lines) and in punctuation; `normalize_text` removes both, so equal
normalised texts are exact copies (`text_hash`) and shingles compare the article alone.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Final

# A line is boilerplate when it *starts* with one of these (after bullets/punctuation) and is
# short; matching whole lines keeps article sentences that merely contain the words.
_BOILERPLATE_START = re.compile(
    r"^(?:read (?:more|next|also|the full (?:story|article))|also read|see also"
    # Section labels only as a label ("Related:", "More stories") -- not "Related to the cuts..."
    r"|(?:related|more stories|more from [\w ]+|latest (?:articles|news|stories)|recommended"
    r"|recommended for you|most (?:popular|read)|trending(?: now)?|top stories|comments?"
    r"|advertisement|sponsored(?: content)?|share this (?:article|story)|no comments yet)"
    r"\s*(?::|$|\(\d+\))"
    r"|related (?:articles|stories|coverage|content|news)\b"
    r"|sign up (?:for|to)\b|subscribe (?:to|now|for|today)\b|get (?:the|our)\b.*\bnewsletter"
    r"|follow us\b|like us on|share (?:on|via) |click here|tap here|leave a (?:comment|reply)"
    r"|listen to this (?:article|story)|\d+ min(?:ute)?s? read|(?:photo|image|photograph|picture"
    r"|video|caption|credit)\s*:|file photo|copyright\b|\(c\) \d{4}|\u00a9"
    r"|this (?:article|story) (?:was|is|has been|first) (?:originally )?(?:published|appeared)"
    r"|originally published|(?:reporting|writing|editing|additional reporting) by\b"
    r"|stay ahead of the|download (?:our|the) app|get the app|we use cookies|this site uses cookies"
    r"|accept (?:all )?cookies|(?:please )?enable javascript|already a subscriber"
    r"|to continue reading|(?:log|sign) in to (?:continue|read)|create a free account"
    r"|privacy policy|terms of (?:use|service)|cookie policy)",
    re.IGNORECASE,
)
# Anywhere in a short line: copyright notices and inbox prompts often follow the outlet name.
_BOILERPLATE_ANYWHERE = re.compile(
    r"all rights reserved|delivered to your inbox|straight to your inbox", re.IGNORECASE
)
_BOILERPLATE_MAX_WORDS: Final = 25
_LEADING_JUNK = re.compile(r"^[\W_]+", re.UNICODE)
# Separator first (then the digit before it, by lookbehind): sre skips to candidate separators
# quickly instead of trying a match at every character.
_THOUSANDS = re.compile(r"[,.\u00a0\u202f'](?<=\d.)(?=\d{3}\b)")
# ASCII letters and digits stay, every other ASCII byte becomes a space; bytes >= 0x80 (parts
# of UTF-8 sequences) are left for the regex.
_ASCII_SEPARATORS = bytes(c if chr(c).isalnum() or c >= 0x80 else 0x20 for c in range(256))
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def normalize_text(text: str) -> str:
    """Return the text NFKC-folded, lower-cased, without boilerplate lines or punctuation."""
    text = unicodedata.normalize("NFKC", text)
    kept: list[str] = []
    for raw in text.splitlines():
        stripped = raw.strip()
        line = _LEADING_JUNK.sub("", stripped)  # bullets, dashes, quotes before a label
        if not line:
            continue
        # Bounded split: a 150-word paragraph needs 26 words to be ruled out, not all of them split.
        if len(line.split(None, _BOILERPLATE_MAX_WORDS)) <= _BOILERPLATE_MAX_WORDS and (
            _BOILERPLATE_START.match(line)
            or _BOILERPLATE_START.match(stripped)  # "© 2026 ..." starts with a non-word char
            or _BOILERPLATE_ANYWHERE.search(line)
        ):
            continue
        kept.append(line)
    joined = _THOUSANDS.sub("", " ".join(kept).lower())  # "16,000" and "16000" agree
    return " ".join(_words(joined))


def _words(lowered: str) -> list[str]:
    """Runs of letters and digits (what `_WORD` finds), with a fast path for the ASCII part.

    bytes.translate turns ASCII punctuation into spaces in C; only tokens that still hold
    non-ASCII characters (curly quotes, dashes, accented letters) go through the regex.
    """
    spaced = lowered.encode("utf-8").translate(_ASCII_SEPARATORS).decode("utf-8")
    if spaced.isascii():
        return spaced.split()
    words: list[str] = []
    for token in spaced.split():
        if token.isascii():
            words.append(token)
        else:
            words.extend(_WORD.findall(token))
    return words


def text_hash(text: str) -> str:
    """Return the hex sha256 (32 chars) of `normalize_text(text)`: equal for exact copies."""
    return hash_normalized(normalize_text(text))


def hash_normalized(normalized: str) -> str:
    """Return the hex sha256 (32 chars) of an already normalised text."""
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:32]
