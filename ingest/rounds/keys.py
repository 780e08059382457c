"""Comparison keys: company and unit names as round matching compares them, and round ids."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

_GENERIC_UNITS = frozenset(
    {
        "", "all", "company", "companywide", "company wide", "corporate", "corporate employees",
        "corporate jobs", "corporate roles", "corporate staff", "corporate workforce", "employees",
        "global", "headquarters", "hq", "office", "staff", "tech", "white collar", "workforce",
    }
)
_UNIT_ALIASES = {
    "amazon web services": "aws",
    "web services": "aws",
    "selling partner services": "sps",
    "selling partner services sps": "sps",
    "people experience and technology": "pxt",
    "people experience and technology pxt": "pxt",
    "human resources": "pxt",
    "hr": "pxt",
    "mgm studios": "mgm",
    "amazon mgm studios": "mgm",
    "prime video and amazon mgm studios": "prime video",
    "devices and services": "devices",
    "amazon devices": "devices",
    # Alexa is built inside the devices organisation: a round told as "Alexa" by one outlet is the devices round
    "alexa": "devices",
    "alexa ai": "devices",
    "ads": "advertising",
}
_UNIT_SUFFIX = re.compile(r"\s+(division|unit|team|teams|group|business|organization|org|department|arm)$")
_COMPANY_SUFFIX = re.compile(r"(\.com|,?\s+(inc|corp|corporation|co|ltd|llc|plc))\.?$")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def company_key(name: str) -> str:
    """Return the comparison key of a company name ("Amazon.com, Inc." -> "amazon")."""
    key = _SPACES.sub(" ", name.casefold().replace("&", " and ")).strip()
    key = _COMPANY_SUFFIX.sub("", key).strip()
    return _SPACES.sub(" ", _NON_WORD.sub(" ", key)).strip()


@lru_cache(maxsize=16384)
def unit_key(unit: str, company: str = "") -> str:
    """Return the comparison key of a unit name ("Amazon Web Services" -> "aws"); "" if generic."""
    key = _SPACES.sub(" ", _NON_WORD.sub(" ", unit.casefold().replace("&", " and "))).strip()
    prefix = company_key(company) if company else ""
    if prefix and key.startswith(prefix + " "):
        key = key[len(prefix) + 1 :]
    key = _UNIT_SUFFIX.sub("", key).strip()
    key = _UNIT_ALIASES.get(key, key)
    return "" if key in _GENERIC_UNITS else key


@lru_cache(maxsize=4096)
def unit_keys(units: tuple[str, ...], company: str) -> frozenset[str]:
    """Return the specific (non-generic) unit keys among `units`."""
    return frozenset(k for k in (unit_key(u, company) for u in units) if k)


def round_id_for(company: str, first_article_id: str) -> str:
    """Return the deterministic id of a round started by `first_article_id`."""
    digest = hashlib.sha256(f"{company_key(company)}|{first_article_id}".encode()).hexdigest()
    return "r_" + digest[:12]
