"""Verb frames around a headline's layoff noun, per language: data the cue and marker lists do not carry.

A layoff noun that is the object of a verb of undergoing or starting ("<Firm> staff face layoffs", "<Firm> prepares
for redundancies", "<Agency> starts mass layoffs", "<Firm> offers staff voluntary redundancy") says the employer's cuts
are under way or coming: whether they are decided is for the lead to say. A noun the headline only talks about
("<CEO> says <Firm>'s layoffs are about culture") has none of these before it.
"""

from __future__ import annotations

import re


class Frame:
    """One frame's pattern per language, compiled on first use: `frame(code)` is the language's pattern, None for a
    language without one."""

    def __init__(self, patterns: dict[str, str]) -> None:
        self._patterns = patterns
        self._compiled: dict[str, re.Pattern[str] | None] = {}

    def __call__(self, code: str) -> re.Pattern[str] | None:
        if code not in self._compiled:
            pattern = self._patterns.get(code)
            self._compiled[code] = re.compile(pattern) if pattern else None
        return self._compiled[code]


# A verb of undergoing, preparing or starting before a headline's noun cue ("<Firm> prepara una ronda de despidos").
# Each pattern ends where the noun cue starts: the verb, then at most three words (its indirect object, "mass",
# "further"), read on the lower-cased headline.
undergo = Frame({
    "en": r"\b(?:fac(?:e|es|ing)|undergo(?:es|ing)?|prepar(?:e|es|ing)(?:\s+for)?|brac(?:e|es|ing)\s+for|start(?:s|ing)?|begin(?:s|ning)?|"
          r"launch(?:es|ing)?|open(?:s|ing)?(?!\s+up)|offer(?:s|ing)?|hit\s+(?:by|with)|express(?:es|ing)?\s+interest\s+in|"
          r"appl(?:y|ies|ying)\s+for|(?:hold(?:s|ing)?|in|enter(?:s|ing)?)\s+talks\s+(?:over|on|about)|"
          r"consult(?:s|ing|ation)?\s+(?:\w+\s+)?(?:on|over|about))\s+(?:[\w'’-]+\s+){0,3}$",
    "de": r"\b(?:steh(?:t|en)\s+vor\s+|bereite[nt]?\s+(?:sich\s+)?(?:auf\s+)?|beginn(?:t|en)\s+(?:mit\s+)?|"
          r"start(?:et|en)\s+|bietet?\s+(?:\w+\s+)?)(?:[\w'’-]+\s+){0,3}$",
    "fr": r"\b(?:fai(?:t|re)\s+face\s+à|se\s+prépar(?:e|ent)\s+à|prépar(?:e|ent)|lanc(?:e|ent)|ouvr(?:e|ent)|propos(?:e|ent)|entam(?:e|ent))\s+"
          r"(?:[\w'’-]+\s+){0,3}$",
    "es": r"\b(?:afronta[n]?|se\s+prepara[n]?\s+para|prepara[n]?|inicia[n]?|lanza[n]?|ofrece[n]?)\s+(?:[\w'’-]+\s+){0,3}$",
    "it": r"\b(?:affronta(?:no)?|si\s+prepara(?:no)?\s+a|prepara(?:no)?|avvia(?:no)?|lancia(?:no)?|offre|offrono)\s+"
          r"(?:[\w'’-]+\s+){0,3}$",
})


# "The decision comes after the company laid off 5% of its staff", "Le plan intervient après ...": what follows
# happened before the news the sentence reports, read on the lower-cased clause before the cue.
comes_after = Frame({
    "en": r"\b(?:comes?|came|coming)\s+(?:[\w-]+\s+){0,2}?(?:after|following)\b",
    "de": r"\b(?:kommt|kam|erfolgt|erfolgte)\s+(?:[\w-]+\s+){0,2}?nach(?:dem)?\b",
    "fr": r"\b(?:intervien(?:t|nent)|intervenu|survien(?:t|nent)|arrive(?:nt)?)\s+(?:[\w-]+\s+){0,2}?après\b",
    "es": r"\b(?:llega(?:n)?|se\s+produce(?:n)?|se\s+produjo)\s+(?:[\w-]+\s+){0,2}?(?:después|tras)\b",
    "it": r"\b(?:arriva(?:no)?|giunge|giungono)\s+(?:[\w-]+\s+){0,2}?dopo\b",
})


# A statistic as the subject of the layoff clause ("data shows minimal layoffs so far", "figures show job losses
# rising", "laut Statistik"): the cuts are counted across employers, not made by one. Read on the lower-cased clause
# before the cue.
statistic = Frame({
    "en": r"\b(?:data|figures|statistics|numbers|survey|surveys|study|analysis|research|tally|index)\s+"
          r"(?:[\w-]+\s+){0,2}?(?:shows?|showed|suggests?|suggested|finds|found|reveals?|revealed|indicates?)\b",
    "de": r"\b(?:daten|zahlen|statistik|umfrage|studie|analyse|erhebung)\s+(?:[\w-]+\s+){0,2}?"
          r"(?:zeig(?:t|en)|belegen|belegt|ergab|ergibt)\b",
    "fr": r"\b(?:données|chiffres|statistiques|enquête|étude|analyse)\s+(?:[\w-]+\s+){0,2}?"
          r"(?:montr\w+|révèl\w+|indiqu\w+)\b",
    "es": r"\b(?:datos|cifras|estadísticas|encuesta|estudio|análisis)\s+(?:[\w-]+\s+){0,2}?"
          r"(?:muestra\w*|revela\w*|indica\w*)\b",
    "it": r"\b(?:dati|cifre|statistiche|indagine|studio|analisi)\s+(?:[\w-]+\s+){0,2}?"
          r"(?:mostra\w*|rivela\w*|indica\w*)\b",
})


# The employer announcing what it will do in its own words: "<Firm> expects to cut up to 250 jobs", "the company
# expects to eliminate 80 positions" (a filing's or a release's wording), "la empresa espera recortar 200 empleos".
# The verb governs the cue directly, so its subject is the cue's employer: a plan, not a forecast. "<Firm> is expected
# to cut" (the press predicting) and "analysts expect <Firm> to cut" (another subject) do not match. Read on the
# lower-cased sentence from the forecast marker to the cue.
intends = Frame({
    "en": r"expects?\s+to\s+",
    "es": r"espera(?:n)?\s+",
})


# Staff anticipating cuts: "workers were preparing for more than 1,000 job losses", "staff brace for redundancies".
# Read on the lower-cased clause, ending where the noun cue starts.
anticipate = Frame({
    "en": r"\b(?:prepar(?:e|es|ed|ing)|brac(?:e|es|ed|ing))\s+(?:themselves\s+)?for\s+(?:[\w'’,-]+\s+){0,4}$",
    "de": r"\b(?:bereite[nt]?|bereiteten)\s+sich\s+(?:\w+\s+){0,2}auf\s+(?:[\w'’,-]+\s+){0,4}$",
    "fr": r"\bse\s+prépar(?:e|ent|aient|ait)\s+à\s+(?:[\w'’,-]+\s+){0,4}$",
    "es": r"\bse\s+prepara(?:n|ban)?\s+para\s+(?:[\w'’,-]+\s+){0,4}$",
    "it": r"\bsi\s+prepara(?:no|vano)?\s+a\w*\s+(?:[\w'’,-]+\s+){0,4}$",
})


# A headline's layoff noun as the subject of a future predicate: "Council job cuts to save £1.25m", "Plant job losses
# will hit 300 families", "Stellenabbau soll ... sparen". Read on the lower-cased headline right after the noun cue.
noun_will = Frame({
    "en": r"\s+(?:are\s+|is\s+)?(?:to|will|set\s+to)\s+(?!be\s+(?:discussed|debated|reviewed)\b)\w",
    "de": r"\s+(?:soll(?:en)?|wird|werden)\s+\w",
})


# A plural noun owned by one organisation or picked out of a set is no generic subject: "seven jobs at its editorial
# departments", "the trust, one of 16 organisations in the scheme". Read on the lower-cased text ending where the
# generic marker starts.
owned_plural = Frame({
    "en": r"(?:\bits|\bour|\bone\s+of(?:\s+the)?(?:\s+[\d,]+|\s+\w+)?)\s+(?:[\w’'-]+\s+){0,4}$",
    "de": r"\b(?:seine[nrm]?|ihre[nrm]?|eine[rs]?\s+von(?:\s+\d+)?)\s+(?:[\w-]+\s+){0,3}$",
    "fr": r"\b(?:ses|l['’]une?\s+des(?:\s+\d+)?)\s+(?:[\w’'-]+\s+){0,3}$",
    "es": r"\b(?:sus|una?\s+de\s+l[ao]s(?:\s+\d+)?)\s+(?:[\w-]+\s+){0,3}$",
    "it": r"\b(?:i\s+suoi|le\s+sue|un[oa]?\s+de(?:i|gli|lle)(?:\s+\d+)?)\s+(?:[\w’'-]+\s+){0,3}$",
})


# What an organisation's "its" cannot make its own: the industry it is in ("its sector" is still the sector's).
WHOLE_SECTOR = re.compile(r"sectors?|industr(?:y|ies)|economy|branchen?|wirtschaft|secteurs?|sectores?|settori?|industri\w*")


# A relative aside between commas ends where the main clause's verb resumes: "<Trust>, which is one of 16 organisations
# in the scheme, says it may cut ..." ("says it may cut" is the trust's clause, not the aside's). Matched on a
# lower-cased clause that opens on the relative pronoun; group 1 is the comma closing the aside (never past a sentence
# end or a quotation: the sentence splitter may leave one inside a clause).
aside_end = Frame({
    "en": r"(?:which|who|whose)\b(?:(?!,\s|\.\s)[^;:«»“”\"])*?(,\s+)(?=(?:says|said|has|have|had|is|are|was|were|will|would|could|"
          r"may|might|plans?|planned|announced|announces|confirmed|confirms|expects|told|tells|added|warned|cut|cuts|"
          r"intends|wants|proposes|proposed)\b)",
    "fr": r"(?:qui|dont)\b(?:(?!,\s|\.\s)[^;:«»“”\"])*?(,\s+)(?=(?:a|va|vient|prévoit|annonce|compte|veut|envisage|supprime|"
          r"emploie)\b)",
})


# A cue spread over a sector after it: "more job losses are announced across the industry", "Stellenabbau in der
# gesamten Branche", "suppressions dans tout le secteur". Read on the lower-cased clause from the cue's end to the
# generic noun.
across = Frame({
    "en": r"\s+(?:[\w'’-]+\s+){0,4}?(?:across|throughout)\s+(?:the\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}",
    "de": r"\s+(?:[\w-]+\s+){0,4}?(?:in\s+der\s+gesamten|quer\s+durch\s+die)\s+(?:[\w-]+\s+){0,2}",
    "fr": r"\s+(?:[\w'’-]+\s+){0,4}?dans\s+(?:tout\s+le|toute\s+l['’]|l['’]ensemble\s+du)\s*(?:[\w-]+\s+){0,2}",
    "es": r"\s+(?:[\w-]+\s+){0,4}?en\s+tod[oa]\s+(?:el|la)\s+(?:[\w-]+\s+){0,2}",
    "it": r"\s+(?:[\w'’-]+\s+){0,4}?in\s+tutt[oa]\s+(?:il|l['’]|la)\s*(?:[\w-]+\s+){0,2}",
})



# A span of time already past, written in a headline whose cue names no employer: "7,600 jobs lost in '19", "over
# 25,000 employees lost jobs in the last few weeks", "nearly 200 newsroom staff axed this week", "Stellenabbau in den
# letzten Monaten". The headline tallies many employers' cuts over the span. Read on the lower-cased headline.
past_span = Frame({
    "en": r"\b(?:(?:in|during|over|within)\s+(?:the\s+)?(?:(?:last|past|first|latest)\s+(?:(?:few|two|three|four|six|nine|"
          r"twelve|\d+)\s+)?(?:days|weeks?|months?|years?|quarter|half)|a\s+(?:single\s+)?(?:week|month|year)|"
          r"(?:q[1-4]\s+)?'\d\d)|(?:this|last)\s+(?:week|month)|so\s+far\s+this\s+year)\b",
    "de": r"\b(?:in\s+den\s+(?:letzten|vergangenen)\s+(?:\w+\s+)?(?:tagen|wochen|monaten)|(?:diese|letzte)r?\s+woche|"
          r"seit\s+jahresbeginn|im\s+ersten\s+(?:halbjahr|quartal))\b",
    "fr": r"(?:\b(?:ces|les)\s+(?:derni[eè]res\s+semaines|derniers\s+(?:jours|mois))|\bcette\s+semaine|"
          r"\bdepuis\s+le\s+début\s+de\s+l['’]année|\bau\s+premier\s+(?:semestre|trimestre))\b",
    "es": r"\b(?:las\s+últimas\s+semanas|los\s+últimos\s+(?:días|meses)|esta\s+semana|en\s+lo\s+que\s+va\s+de\s+año|"
          r"en\s+el\s+primer\s+(?:semestre|trimestre))\b",
    "it": r"\b(?:nelle\s+ultime\s+settimane|negli\s+ultimi\s+(?:giorni|mesi)|questa\s+settimana|"
          r"dall['’]inizio\s+dell['’]anno|nel\s+primo\s+(?:semestre|trimestre))\b",
})


# Pay raised for staff ("raises warehouse pay to $22", "aumenti salariali"): the staff a pay rise "impacts" lose no job.
# Read on the lower-cased sentence of an "affected" cue only (`pay.raised_pay`).
pay_raised = Frame({
    "en": r"\b(?:rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|hik(?:e|es|ed|ing))\s+(?:\S+\s+){0,4}?"
          r"(?:pay|wages?|salar(?:y|ies))\b|\bpay\s+(?:rises?|increases?|raises?|hikes?)\b",
    "de": r"\b(?:lohnerhöhung\w*|gehaltserhöhung\w*|erhöht\s+(?:\S+\s+){0,3}?(?:löhne|gehälter|stundenlohn))",
    "fr": r"\b(?:augment\w+\s+(?:\S+\s+){0,2}?salaires?|hausse\s+des\s+salaires)\b",
    "es": r"\b(?:sub(?:e|en|ida)\s+(?:\S+\s+){0,2}?salari\w+|aumento\s+salarial|aument\w+\s+(?:\S+\s+){0,2}?salarios?)\b",
    "it": r"\b(?:aument\w+\s+(?:\S+\s+){0,2}?(?:stipendi|salari)|aumenti\s+salariali)\b",
})


# The employer putting a possible cut to its staff: a redundancy consultation begun or staff told ("Contact Point said
# it had begun a consultation with staff", "Staff have been told up to 90 of them could lose their jobs"): a proposal
# announced, not a guess, even where the lead's own cue is only "could lose"
proposal_told = Frame({
    # (done or under way, never an infinitive or a denial: "expects the owner to start consultations soon", "has not
    # started any consultation"; and about staff or jobs: not a public, passenger or pension consultation)
    "en": r"(?i)(?<!\bto\s)(?<!\bnot\s)(?<!\bno\s)\b(?:(?:began|begun|begins?|launch(?:ed|es)?|open(?:ed|s)?|start(?:ed|s)?|"
          r"enter(?:ed|s)?|involved\s+in|(?:is|are)\s+to\s+(?:begin|start|open|launch))\s+(?:a\s+|an\s+|the\s+)?"
          r"(?:(?:redundancy|collective|staff|formal|statutory|job|employee|workforce)\s+consultations?\b|"
          r"(?:[\w-]+\s+){0,3}?consultations?\s+(?:period\s+)?(?:with|over|on|about)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?"
          r"(?:staff|employees|workers|workforce|unions?|(?:proposed\s+)?redundanc\w+|job|jobs|roles|posts|positions)\b|"
          r"(?:[\w-]+\s+){0,3}?consultation\s+(?:period|phase|process)\b(?=[^.;]{0,60}?\b(?:proposal|redundan\w*|jobs?|roles?|"
          r"posts?|staff)\b))|"
          r"(?:staff|workers|employees|the\s+workforce)\s+(?:[\w'’&,-]+\s+){0,12}?(?:have\s+been|were|had\s+been|has\s+been)\s+"
          r"(?:told|informed|notified)\b(?=[^.;]{0,80}?\b(?:jobs?|roles?|posts?|positions?|redundan\w*|lose|losing|"
          r"lay-?offs?|job\s+cuts)\b))",
})



# Every member of staff kept at a closing site ("All 400 staff will be offered jobs at the new site", "tous les
# salariés seront reclassés", "alle Beschäftigten werden übernommen", "serán reubicados", "saranno ricollocati"): a
# move, not a layoff (`kept.staff_kept`). Read on a lead sentence as written.
all_kept = Frame({
    "en": r"(?i)\b(?:all|every|each\s+of\s+the)\s+(?:of\s+(?:the|its)\s+)?(?:\d[\d,.]*\s+)?(?:[\w-]+\s+)?(?:staff|employees|"
          r"workers|colleagues|jobs|roles)\b[^.;]{0,40}?\b(?:will|would|are\s+to|are\s+being|have\s+been)\s+(?:be\s+)?"
          r"(?:offered|transferred|relocated|redeployed|moved|retained|kept)\b",
    "fr": r"(?i)\b(?:tous|toutes)\s+les\s+(?:\d[\d\s.]*\s+)?(?:salariés|employés|postes)\b[^.;]{0,40}?\bseront\s+"
          r"(?:reclassé|transféré|maintenu|conservé)",
    "de": r"(?i)\balle\s+(?:\d[\d.]*\s+)?(?:Beschäftigten|Mitarbeiter\w*|Arbeitsplätze|Stellen)\b[^.;]{0,40}?\b"
          r"(?:werden|bleiben)\s+(?:übernommen|weiterbeschäftigt|erhalten)",
    "es": r"(?i)\b(?:empleados|trabajadores|plantilla)\b[^.;]{0,40}?\bserán\s+(?:reubicados|recolocados|trasladados)|"
          r"garantizando\s+un\s+puesto\s+para\s+tod[oa]s",
    "it": r"(?i)\b(?:dipendenti|lavoratori)\b[^.;]{0,40}?\bsaranno\s+(?:ricollocati|trasferiti|riassorbiti)",
})
# Only some of them kept ("solo in parte", "not all", "partly"): some jobs go.
partly = Frame({
    "en": r"(?i)\b(?:partially|partly|not\s+all|some\s+of)\b",
    "fr": r"(?i)\b(?:en\s+partie|pas\s+tous)\b",
    "de": r"(?i)\b(?:teilweise|nicht\s+alle)\b",
    "es": r"(?i)\b(?:en\s+parte|parcialmente|no\s+todos)\b",
    "it": r"(?i)\b(?:in\s+parte|parzialmente|non\s+tutti)\b",
})
