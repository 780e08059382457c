"""Which language an article is written in, from its function words (deterministic, no model), and which
supported language's layoff cues a text too short to tell uses most.

Function words (articles, prepositions, pronouns, auxiliaries) are the most frequent words of a
language and the least shared between languages, so counting them over the first few hundred
words tells English, German, French, Spanish, Italian, Dutch, Portuguese, Swedish, Danish,
Norwegian, Polish, Romanian, Czech and Turkish apart. A word shared by two languages ("de",
"a", "en") scores for both; only the words of each list that are distinctive decide.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.understanding.lexicon import SUPPORTED, lexicon

# The most frequent function words of each language (written for this module).
_FUNCTION_WORDS = {
    "en": "the of and to in is that for it was on with as by at from are has have had be this which but not "
          "its their will would said they after an were been more about also who than over its into can could",
    "de": "der die das und ist nicht den dem des ein eine einen einem einer zu mit auf für von sich auch im "
          "wie bei nach noch wird werden hat haben sind war aus über sie er es wurde zum zur oder als dass "
          "soll sollen nur mehr bis",
    "fr": "le la les des du et est une un pour dans que qui sur au aux pas par plus ce cette sont ont été "
          "il elle ils avec mais ses leur leurs se sa son selon entre après être avait comme où",
    "es": "el la los las del y que en un una por con para es se al lo su sus más como pero fue son ha han "
          "este esta entre desde sobre también hasta según tras sin muy otros",
    "it": "il lo la gli le dei degli delle della del di che è per con una un non sono si da al alla nel "
          "nella ha hanno anche più come ma dal dalla sul sulla tra questo questa gli secondo dopo",
    "nl": "de het een en van is dat op te in voor met zijn niet aan er ook als bij door maar om dan nog "
          "wordt worden heeft hebben werd naar uit over deze",
    "pt": "o os as do da dos das e que em um uma para com não no na por mais se ao foi são tem como mas "
          "pela pelo também já entre sobre após até seu sua",
    "sv": "och att det som en är på för med av till den har inte om ett men var de sig från vid efter "
          "kommer ska också eller när skulle",
    "da": "og at det som en er på for med af til den har ikke om et men var de sig fra ved efter skal "
          "også eller når vil blev bliver",
    "no": "og at det som en er på for med av til den har ikke om et men var de seg fra ved etter skal "
          "også eller når vil ble blir",
    "pl": "i w z na się nie do to że jest o od po przez dla jak ale a co jego oraz są był być który "
          "która które już także",
    "ro": "și în de la cu pe care din este să nu o un ale fost mai pentru sunt se sau dar după prin "
          "această acest",
    "cs": "a v na se je že s z do o k to jako pro ale by jsou byl bylo také podle který která které",
    "tr": "ve bir bu da de için ile olarak daha çok gibi en ama olan sonra kadar her şirket yılında",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Words in more than one list decide nothing; computed once.
_COUNTS = Counter(w for words in _FUNCTION_WORDS.values() for w in set(words.split()))
_DISTINCT = {lang: frozenset(w for w in words.split() if _COUNTS[w] == 1) for lang, words in _FUNCTION_WORDS.items()}
_SHARED = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
# What one occurrence of a word adds to each language's score (3 for a distinctive word: it is in both sets),
# so a text's words are looked up once instead of every list being summed over the text's counts.
_WEIGHTS: dict[str, tuple[tuple[str, int], ...]] = {
    w: tuple((lang, (1 if w in _SHARED[lang] else 0) + (2 if w in _DISTINCT[lang] else 0))
             for lang in _FUNCTION_WORDS if w in _SHARED[lang])
    for w in _COUNTS
}
_SAMPLE_CHARS = 1500
_MIN_HITS = 3


def detect_language(title: str, text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None when too little text says so."""
    sample = f"{title}\n{text[:_SAMPLE_CHARS]}".lower()
    words = _WORD.findall(sample)
    if not words:
        return None
    scores = dict.fromkeys(_FUNCTION_WORDS, 0)
    distinct = dict.fromkeys(_FUNCTION_WORDS, 0)
    counts = Counter(words)
    for word in counts.keys() & _WEIGHTS.keys():  # only function words score (sums: the order does not matter)
        count = counts[word]
        for lang, weight in _WEIGHTS[word]:
            scores[lang] += weight * count
            if weight > 1:
                distinct[lang] += count
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    (best, top), (_, second) = ranked[0], ranked[1]
    distinct_hits = distinct[best]
    clear = distinct_hits >= _MIN_HITS and top >= 1.2 * second
    if not clear and not (distinct_hits >= 2 and top >= 2 * second):  # a short text, but only one candidate
        return None
    return best


def guess_language(title: str, text: str) -> str:
    """Return the supported language whose layoff cues occur most in a short text (English on a tie)."""
    sample = f"{title}\n{text[:600]}"
    low = sample.lower()
    hits = {code: sum(len(p.findall(sample if cased else low)) for _, p, cased in lexicon(code).cues)
            for code in SUPPORTED}
    return max(SUPPORTED, key=lambda code: (hits[code], code == "en"))
