"""German (Germany, Austria, Switzerland): layoff vocabulary as regex fragments.

Nouns are capitalised in German, so job nouns are matched case-sensitively ("Stellen", never the
verb "herstellen"), and separable verbs are matched with their particle at the end of the clause
("baut ... Stellen ab", "fallen ... weg").
"""

from ingest.understanding.lexicon import Words

# "stellen" is also a verb ("feststellen", "herstellen"): those prefixes never make a job noun.
_STELLEN = r"\w*(?<!fest)(?<!her)(?<!dar)(?<!vor)(?<!ein)(?<!zu)(?<!auf)(?<!aus)(?<!um)(?<!be)(?<!an)(?<!ab)stellen"
JOBS = (
    # gender-inclusive plurals ("Mitarbeiter:innen", "Arbeitnehmer*innen", "MitarbeiterInnen") count as the nouns
    rf"(?:{_STELLEN}|\w*jobs|\w*arbeitsplätze|arbeitsplatz|mitarbeiter(?:[:*_]?innen|n)?|mitarbeitende[n]?|beschäftigte[n]?|"
    r"angestellte[n]?|arbeitnehmer(?:[:*_]?innen|n)?|arbeiter(?:[:*_]?innen|n)?|kolleg(?:en|[:*_]?innen)(?:\s+und\s+kolleg(?:en|innen))?|"
    r"personal|belegschaft|fachkräfte|leute|menschen|beamte[n]?|vollzeitkräfte|führungskräfte|manager|"
    # a share told as one job in N ("streicht gut jede dritte Stelle")
    r"jede[nr]?\s+(?:zweite|dritte|vierte|fünfte|zehnte)[n]?\s+stelle)"
)
_GAP_STOP = r"Preise|Preis|Kosten|Zinsen|Prognose|Dividende|Flüge|Filialen|Werke|Standorte|für|mit|von|bei"
_GAP = rf"(?:\s+(?!(?:{_GAP_STOP})\b)[\w'’%.,-]+){{0,8}}?"
_NUM = r"\d[\d.,' ]*(?:\s*(?:Mio\.?|Millionen|tausend))?"
_QUAL = r"(?:rund|etwa|ungefähr|circa|ca\.|knapp|fast|mehr\s+als|über|bis\s+zu|weitere|weiteren)\s+"

# Workplaces whose closure loses their staff, and the staff nouns of their stated workforce.
_SITES = (
    r"Werke?s?|Werken|Standorte?s?|Standorten|Fabriken?|Filialen?|Lager|Logistikzentren|Logistikzentrums?|Verteilzentrums?|Niederlassungen?|Brauerei|Bäckerei|Zweigwerke?s?|Betriebe?s?|Büros?|Hotels?|Studios?|Zentrums?|Zentren"
)
_SITE_STAFF = r"Beschäftigten|Mitarbeitern|Mitarbeitende[n]?|Angestellten|Arbeitsplätzen|Stellen|Menschen|Beschäftigte|Mitarbeiter|Arbeitnehmern"

CUES = (
    # ein Standort, der mit seiner Belegschaft schließt, streicht diese Stellen ("Werk mit rund 1.800 Beschäftigten schließen")
    # a chain closing all its shops (not for a day, a stocktake or a holiday; not one town's bank branches)
    ("loss", r"\b(?:schließt|schließen|schliesst|schliessen|dichtmachen|macht\s+dicht)\s+(?:\S+\s+){0,2}?alle\s+(?:\w+\s+){0,3}?"
             r"(?:Filialen|Geschäfte|Läden|Märkte|Restaurants)\b(?!\s+in\s+(?!Deutschland|Österreich|der\s+Schweiz)\w)"
             r"(?![^.;:]{0,60}?\b(?:am|an\s+(?:Heiligabend|Silvester|Feiertagen)|für\s+(?:\w+\s+)?(?:Tage|Wochen|Stunden)|"
             r"wegen\s+(?:Inventur|Betriebsurlaub|Umbau|Renovierung)|vorübergehend|bis\s+auf\s+Weiteres|über\s+(?:Weihnachten|"
             r"Ostern)|um\s+\d+|zeitweise|heute)\b)"),
    ("loss", rf"\b(?:schlie(?:ßt|ßen|ßung|ssen|sst|ssung)|dicht\s*machen|aufgeben|stilllegen|Stilllegung|Schließung)\s*(?:\S+\s+){{0,5}}?(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:mit|an\s+dem|in\s+dem|wo|das|der|die)\s+(?:(?:derzeit|insgesamt|noch)\s+)?\s+(?:{_QUAL})?{_NUM}\s+(?:\S+\s+)?(?:{_SITE_STAFF})\b"
             rf"|\b(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:mit|an\s+dem|in\s+dem|wo)\s+(?:(?:derzeit|insgesamt|noch)\s+)?\s+(?:{_QUAL})?{_NUM}\s+(?:\S+\s+)?(?:{_SITE_STAFF})\b,?\s+(?:\S+\s+){{0,3}}?(?:soll|sollen|wird|werden|muss|müssen)\s+(?:\S+\s+)?(?:schließen|geschlossen\s+werden|dichtgemacht\s+werden)"
             rf"|\b(?:{_SITES})\s+(?:\S+\s+){{0,3}}?mit\s+(?:{_QUAL})?{_NUM}\s+(?:\S+\s+)?(?:{_SITE_STAFF})\b(?:\s+\S+){{0,6}}?\s+(?:schließen|dichtmachen|aufgeben|stilllegen)\b"
             rf"|\b(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:an|in)\s+dem\s+(?:{_QUAL})?{_NUM}\s+(?:\S+\s+)?(?:{_SITE_STAFF})\b\s+arbeiten"
    ),
    # "streicht bei <Tochter> ... Stellen": the unit right after the verb (not "streicht Zuschläge bei Beschäftigten")
    ("cut", rf"\bstreich(?:t|en|e|te|ten)\s+bei\s+(?:der\s+|dem\s+|seiner\s+|ihrer\s+)?\S+(?:\s+\S+){{0,4}}?\s+{JOBS}\b"),
    ("cut", rf"\b(?:streich(?:t|en|e|te|ten)|gestrichen|reduzier(?:t|en|te)|abbauen|abgebaut|abzubauen)\b{_GAP}\s+"
            rf"{JOBS}\b|\b{JOBS}\b(?:\s+\S+){{0,6}}?\s+(?:streichen|gestrichen|abbauen|abgebaut|abzubauen|"
            r"reduzieren|reduziert)\b|\bbau(?:t|en|te|ten)\b(?:\s+\S+){0,10}?\s+" + JOBS + r"\b(?:\s+\S+){0,4}?\s+ab\b"
            rf"|\btrenn(?:t|en|te|ten)\s+sich\s+(?:\S+\s+){{0,2}}?von\s+(?:{_QUAL})?(?:{_NUM}\s+)?(?:\S+\s+){{0,2}}?{JOBS}\b"),
    # "feuert 30.000 Mitarbeiter": firing a counted staff (not "feuert Raketen", the coach, or one employee)
    ("cut", rf"\b(?:feuert|feuern|feuerte|feuerten)\s+(?:{_QUAL})?{_NUM}\s+(?:\S+\s+)?{JOBS}\b"),
    ("staff", r"\bentl(?:ässt|assen|ieß|iessen|ießen)\b|\bkündig(?:t|en|te|ten)\s+(?:\S+\s+){0,3}?(?:Mitarbeiter\w*|"
              r"Beschäftigte\w*|Angestellte\w*)\b|\bzur\s+Kündigung\s+angemeldet\b"),
    ("noun", r"\b(?:Stellen|Personal|Job|Arbeitsplatz)[-]?abbau\w*\b|\bStellenstreichung(?:en)?\b|\bEntlassung(?:en|"
             r"swelle)?\b|"
             r"\bMassenentlassung(?:en)?\b|\b(?:betriebsbedingte\s+)?Kündigungen\b|\bKündigungswelle\b|\bAbbaurunde\b|"
             r"\bSozialplan\b|\b(?:Abbau|Streichung|Wegfall)\s+von\s+(?:\S+\s+){0,3}?" + JOBS + r"\b|\bStellen-Abbau\b|"
             r"\bJobverlust\w*\b"),
    ("loss", rf"\b{JOBS}\b(?:\s+\S+){{0,6}}?\s+(?:wegfallen|wegzufallen|fallen\s+(?:\S+\s+){{0,3}}?weg|fällt\s+weg|"
             r"gefährdet|bedroht|in\s+Gefahr|auf\s+dem\s+Spiel|auf\s+der\s+Kippe|verloren\s+gehen|"
             # staff "falling victim to the red pen" ("5 Prozent der Belegschaft sollen dem Rotstift zum Opfer fallen")
             r"dem\s+Rotstift\s+zum\s+Opfer)\b"
             rf"|\b(?:bedroht|bedrohen|gefährdet|gefährden)\s+(?:{_QUAL})?(?:{_NUM}\s+)?(?:\S+\s+)?{JOBS}\b"
             rf"|\b(?:fallen|fällt)\s+(?:\S+\s+){{0,4}}?{JOBS}\s+weg\b"
             r"|\bverlier(?:en|t)\s+(?:\S+\s+){0,3}?(?:ihren|ihre|seinen|den)\s+(?:Job|Jobs|Arbeitsplatz|Arbeitsplätze|"
             r"Arbeit|Stelle)\b|\bJobverlust\w*|\bVerlust\s+von\s+(?:\S+\s+){0,3}?" + JOBS + r"\b"
             # "kostet 500 Arbeitsplätze", "wird Arbeitsplätze kosten": only the verb, never the noun "Kosten"
             rf"|\bkostet(?:e|en)?\s+(?:\S+\s+){{0,3}}?{JOBS}\b|\b{JOBS}(?:\s+\S+){{0,4}}?\s+kosten\s+(?:wird|werde|"
             r"werden|würde|würden|könnte|könnten|dürfte|dürften)\b"),
    ("affected", rf"\bbetroffen\s+(?:davon\s+|sind\s+|seien\s+|wären\s+)(?:\S+\s+){{0,3}}?{_QUAL}?(?:{_NUM})\s+"
                 rf"(?:\S+\s+)?{JOBS}\b|"
                 rf"\b{JOBS}\s+(?:\S+\s+){{0,2}}?betroffen\b|\b{JOBS}\s+(?:\S+\s+){{0,4}}?betreffen\b|"
                 rf"\bbetroffen\s+sind\s+(?:{_QUAL})?(?:{_NUM}\s+)?(?:\S+\s+){{0,2}}?"
                 rf"{JOBS}\b|\bbetrifft\s+(?:{_QUAL})?{_NUM}\s+(?:\S+\s+){{0,2}}?{JOBS}\b"),
    ("furlough", r"\bKurzarbeit\w*\b"),
    ("notice", r"\bMassenentlassungsanzeige\b|\bFrühwarnsystem\b"),
    # ein Werk, das schließt, kostet seine Stellen, auch ohne Wort für Stellen ("Bosch schließt Werk in Bamberg")
    # (a compound's head too: "schliesst Transporter-Werk")
    ("loss", r"\b(?:schließt|schließen)\s+(?:\S+\s+){0,4}?(?:\w+-)?(?:werke?s?|fabrik\w*|"
             r"standorte?s?|produktionsstandort\w*|logistikzentr\w+|verteilzentr\w+|brauerei)\b"
             r"|\b(?:werke?s?|fabrik|standort|logistikzentrum)\s+(?:\S+\s+){0,5}?(?:wird|werden|soll|sollen)\s+(?:\S+\s+){0,3}?"
             r"(?:geschlossen|dichtgemacht|stillgelegt)\b"
             # ("plant, sein Logistikzentrum zu schließen", "macht Logistikzentrum dicht", "Schließung des Werks")
             r"|\b(?:\w+-)?(?:werke?s?|fabrik|standort|logistikzentrum|verteilzentrum)\s+(?:(?!für\b|über\b|bis\b|vorübergehend|"
             r"zeitweise|kurzzeitig)\S+\s+){0,4}?(?:zu\s+schließen|"
             r"zu\s+schliessen|dichtzumachen|stillzulegen)\b"
             # (never for a time: "macht Werk für zwei Wochen dicht", "über die Feiertage", "vorübergehend")
             r"|\bmach(?:t|en)\s+(?:\S+\s+){0,4}?(?:\w+-)?(?:werke?s?|fabrik\w*|standort\w*|logistikzentr\w+|verteilzentr\w+)"
             r"\s+(?:(?!für\b|über\b|bis\b|vorübergehend|zeitweise|kurzzeitig)\S+\s+){0,3}?dicht\b"
             r"|(?<!vorübergehende\s)(?<!verhindert\s)\bschließung\s+(?:des|eines|von|der)\s+(?:\S+\s+){0,3}?(?:\w+-)?(?:werke?s|fabrik|standort\w*|logistikzentr\w+|"
             r"verteilzentr\w+)\b"),
)

_DAYS = r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
# A news outlet as the origin of a claim: "schreibt die Zeitung", "das Blatt meldete", "mit Verweis auf Insider".
_PRESS = r"(?:Zeitung|Blatt|Magazin|Nachrichtenagentur|Agentur|Portal|Sender|Nachrichtendienst|Wirtschaftszeitung)"
MARKERS = (
    # Roboter, die Stellen ersetzen: eine Prognose der Automatisierung
    ("forecast", r"\bdurch\s+(?:roboter|automatisierung)\s+ersetz\w*|\broboter\s+(?:sollen|könnten|werden)\s+"
                 r"(?:\S+\s+){0,4}?ersetzen\b|\b(?:roboter|automatisierung|ki)\s+(?:\S+\s+){0,2}?(?:könnte|könnten|wird|werden|"
                 r"dürfte)\s+(?:\S+\s+){0,4}?(?:ersetzen|vernichten|verkleinern|schrumpfen|überflüssig)"),
    # Stellenabbau als Gegenstand einer Erklärung ("beim Abbau der 14.000 Stellen gehe es um Kultur"): ein Thema
    # Stellenabbau unter anderem Namen ("verdeckter Stellenabbau", "Entlassungen durch die Hintertür"): ein Vorwurf
    # ein Standort, der nur eine Zeit lang schließt ("schließt sein Werk vorübergehend")
    ("temporary", r"\b(?:vorübergehend|vorläufig|zeitweise|bis\s+auf\s+Weiteres)\b"),
    ("explained", r"\b(?:verdeckt|versteckt|heimlich|still)\w*\s+(?:Stellenabbau|Entlassungen|Kündigungen|Personalabbau)\b|"
                  r"\b(?:Stellenabbau|Entlassungen|Kündigungen)\s+(?:durch\s+die\s+)?Hintertür\b"),
    ("explained", r"\b(?:gehe|ging|geht)\s+es\s+(?:\w+\s+){0,3}?um\s+(?:die\s+)?kultur\b|\b(?:seien|waren|sind|sei|war)\s+"
                  r"(?:nicht\s+)?(?:\w+\s+){0,2}?(?:finanziell|kulturell)\s+(?:motiviert|bedingt|getrieben)\b|"
                  # "dass der Stellenabbau eher auf die Unternehmenskultur zurückzuführen sei"
                  r"\bauf\s+(?:\w+\s+){0,4}?\w*(?:kultur|bürokratie)\w*\s+(?:\w+\s+){0,3}?zurückzuführen\b"),
    # eine andere Maßnahme neben dieser ("unabhängig von dem im Januar angekündigten Abbau"): ihr Datum ist nicht dieses
    ("separate", r"\b(?:unabhängig\s+von|getrennt\s+von|nichts\s+mit\s+(?:\S+\s+){1,3}?zu\s+tun)\b"),
    ("separate", r"^\W*unabhängig\s+davon\b"),  # a separate piece of news opens the sentence
    ("leak", rf"\b(?:schreibt|schrieb|meldet|meldete|berichtet|berichtete)\s+(?:das|die|der)\s+(?:\S+\s+)?\w*{_PRESS}\b|"
             rf"\b(?:das|die|der)\s+\w*{_PRESS}\s+(?:\S+\s+){{0,4}}?(?:schreibt|schrieb|meldet|meldete)\b|"
             r"\bmit\s+Verweis\s+auf\s+(?:\S+\s+){0,2}?(?:Insider\w*|Quellen|Kreise|Personen|Bericht\w*|Informationen)\b|"
             r"\bnach\s+Informationen\s+(?:des|der|von|mehrerer|einiger|verschiedener)\b|\b(?:mit\s+der\s+(?:Angelegenheit|Sache|Situation|Lage)|"
             r"gut|informierte\w*)\s+vertraute\w*\b|\bvertraute\w*\s+(?:Person\w*|Quelle\w*)\b"),
    ("leak", r"\blaut\s+(?:einem\s+|einer\s+)?(?:Bericht\w*|Medienbericht\w*|Insider\w*|Kreisen|informierten\s+Kreisen|"
             r"Unternehmenskreisen|Informationen|Agentur\w*|(?!(?:einem\s+|einer\s+)?(?:eigenen|unternehmensangaben|angaben\s+des|umfrage|studie|befragung|prognose|"
             r"schätzung|analyse))\w+)|"
             r"\bunter\s+Berufung\s+auf\b|\bInsider\w*\b|"
             r"\bMedienbericht\w*\b|\bberichtet(?:e|en)?\b|\baus\s+\w*[Kk]reisen\b|\berfuhr\b|\bzufolge\b|"
             r"\bsollen\s+(?:\S+\s+){0,6}?(?:berichten|erfahren\s+haben)\b|\bangeblich\w*\b|"
             # "will offenbar 10.000 Jobs streichen" (not "Gattendorf offenbar nicht betroffen": another clause's hedge)
             r"\boffenbar\s+(?!nicht\b|kein)(?:\S+\s+){0,4}?(?:streich\w*|abbau\w*|entlass\w*|kürz\w*|schließ\w*|"
             r"Stellen\w*|Jobs|Arbeitsplätze|Entlassung\w*|Kündigung\w*)|"
             # hearsay: anonymous sources, a confirmation still to come, "soll ... ankündigen", "sollen betroffen sein"
             r"\b(?:anonyme\w*|interne\w*|vertrauliche\w*)\s+(?:\w+\s+)?Quellen\b|\bberuf\w*\s+sich\s+(?:\w+\s+)?auf\b|"
             r"\bBestätigung\s+(?:\S+\s+){0,3}?(?:steht|stand)\s+(?:\S+\s+){0,2}?aus\b|\bnoch\s+nicht\s+(?:offiziell\s+)?bestätigt\b|"
             r"\bsoll(?:en)?\s+(?:\S+\s+){0,6}?(?:bekanntgeben|bekannt\s+geben|ankündigen|betroffen\s+sein)\b|"
             # the paper's word told inside the sentence: "..., so die Zeitung weiter"
             rf"\bso\s+(?:die|der|das)\s+\w*{_PRESS}\b"),
    # "angekündigte(n|m)": the announced cut, its adjective inflected
    ("confirm", r"\b(?:teilte|teilten)\b|\bmitteilte\b|\bmitgeteilt\b|\bkündigte\b|\bangekündigt(?:e[mnrs]?)?\b|\bAnkündigung\b|"
                r"\bbestätigt\w*\b|\bgab\s+(?:\S+\s+){0,4}?bekannt\b|\bbekanntgegeben\b|\bMitteilung\b|"
                r"\bPressemitteilung\b|\bSchreiben\b|\bNachricht\s+an\b|\bBrief\b|\bMemo\b|\bStellungnahme\b|"
                r"\binformiert\w*\b|\bverkündet\w*\b|\bveröffentlicht\w*\b|\bbeschlossen\b|\bEinigung\b|\bgeeinigt\b"),
    ("speech", r"\b(?:sagte|sagt|erklärte|erklärt|hieß\s+es|schrieb|betonte|begründete|so\s+(?:der|die)\s+\w+)\b"),
    ("deny", r"\bdementier\w*\b|\bweist\s+(?:\S+\s+){0,4}?zurück\b|\bzurückgewiesen\b|\bausgeschlossen\b|\bschließt\s+"
             r"(?:\S+\s+){0,4}?aus\b|\bkeine\s+Pläne\b|\bnicht\s+geplant\b|\bGerüchte?\b|\bvom\s+Tisch\b"),
    ("negation", r"\b(?:nicht|kein|keine|keinen|keiner|keines|keinem|nie|niemand|ohne)\b"),
    ("speculative", r"\b(?:könnte|könnten|dürfte|dürften|möglicherweise|eventuell|womöglich|droh(?:t|en|te)|"
                    r"befürcht\w+|Sorge|Sorgen|Angst|vielleicht|erwäg(?:t|en|te|ten))\b"),  # "erwägt": an option, no decision
    ("modal", r"\b(?:könnte|könnten|dürfte|dürften)\b"),  # a modal verb alone (see `modality`)
    ("conditional", r"\b(?:wenn|falls|sofern|sollte\s+(?:es|die|der|das))\b"),
    ("forecast", r"\b(?:erwart\w+|prognostiz\w+|Prognose\w*|rechne[nt]\s+mit|warn(?:t|en|te|ten)|Analyst\w*|"
                 r"Experten|Studie|Umfrage|in\s+den\s+(?:kommenden|nächsten)\s+Jahren|langfristig)\b"),
    ("hypothetical", r"\?|\bwas\s+wäre\b|\bwas\s+(?:\S+\s+){0,4}?bedeuten\s+könnte\b"),
    # "bereits in der nächsten Woche" is soon, not earlier; "nachdem ... angekündigt hatte" is earlier
    ("past", r"\b(?:(?:bereits|schon)(?!\s+(?:in\s+(?:der|den)\s+)?(?:nächst\w*|kommend\w*|ab|am|morgen|diese\w*)\b)|"
             r"(?:angekündigt|gestrichen|abgebaut|entlassen|bekanntgegeben|mitgeteilt)\s+hatte[n]?|zuvor|damals|früher|"
             r"ehemalig\w*|vergangen\w*\s+(?:Jahr|Jahres|Monat|Woche|Herbst|"
             r"Frühjahr|Sommer|Winter)|im\s+Vorjahr|letzten\s+Jahr|hatte[n]?\s+(?:\S+\s+){0,8}?(?:angekündigt|"
             r"gestrichen|"
             r"abgebaut|entlassen|gewarnt)|vor\s+(?:einem|zwei|drei|vier|\d+)\s+(?:Jahr|Jahren|Monaten)|erst\s+im|"
             r"seinerzeit|Rückblick|während\s+der\s+(?:Pandemie|Corona-Krise|Krise|Finanzkrise)|"
             # the progress of a programme announced before ("der Stellenabbau liegt im Plan"), as "on track"
             r"(?:liegt|liegen|lag|ist)\s+(?:\w+\s+)?(?:im\s+(?:Plan|Zeitplan)|auf\s+Kurs|im\s+Soll))\b"),
    ("cumulative", r"\b(?:seit|summier\w+|zusammengerechnet|zusammen\s+mit|bislang|bisher|unterm\s+Strich|"
                   r"in\s+(?:zwei|drei|mehreren)\s+(?:Runden|Wellen))\b|"
                   # the whole plan a round belongs to: "Teil des Gesamtplans, ... um etwa 30.000 zu reduzieren"
                   r"\bGesamtplan\w*|\bTeil\s+(?:des|eines)\s+(?:\w+\s+)?(?:Plan\w*|Programm\w*|Sparprogramm\w*)\b"),
    ("current", r"\b(?:stellenabbau|abbau|entlassungen|kündigungen|jobabbau)\s+(?:\S+\s+){0,3}?(?:trifft|erreicht|"
                r"erfasst|"
                r"beginnt)\b"),
    ("current", rf"\b(?:weitere\w*|erneut|nun|jetzt|diese\s+Woche|heute|neue\w*|zweite\w*\s+(?:Runde|Welle)|nochmals|"
                # begun, as the other languages say it ("hat mit dem Personalabbau begonnen", "startet den Abbau")
                rf"am\s+(?:{_DAYS})\w*|diesmal|beginn(?:t|en)|begonnen|start(?:et|en)|gestartet|eingeleitet|"
                rf"leitet\s+(?:\S+\s+){{0,3}}?ein|eingeläutet)\b"),
    ("plan", r"\b(?:will|wollen|plant|planen|geplant\w*|soll|sollen|beabsichtigt|vorgesehen|kündigt|kündigte|"
             r"ankündig\w+)\b"),
    ("generic", r"\b(?:Firmen|Arbeitgeber|Branche|Industrie|Konzerne|Banken|Betriebe|Autobranche|Autoindustrie|"
                r"Zulieferer|Autobauer|Unternehmen\s+(?:in|der|aus)|viele\s+Unternehmen|immer\s+mehr\s+Unternehmen|"
                r"deutsche\s+Wirtschaft|Roboter|KI)\b"),
    ("closure", r"\b(?:schließ\w+|Schließung\w*|geschlossen|stilllegen|Stilllegung\w*|dichtmach\w+|dichtgemacht|"
                r"insolvent\w*|Insolvenz\w*|Konkurs\w*|Pleite|zahlungsunfähig|aufgeben|aufgegeben|"
                r"stellt\s+(?:\S+\s+){0,4}?"
                r"ein|eingestellt|einstellen|auslaufen|Aus\s+für)\b"),
    ("restructuring", r"\b(?:Umbau|baut\s+(?:\S+\s+){0,4}?um|Restrukturierung\w*|Neuausrichtung|"
                      r"richtet\s+sich\s+neu\s+aus|"
                      r"Sparkurs|Sparprogramm\w*|Sanierung\w*|Kostensenkung\w*|Effizienzprogramm|Transformation|"
                      r"Abfindung\w*|Freiwilligenprogramm|Altersteilzeit|Vorruhestand|Umstrukturierung\w*)\b"),
    # Geschäftszahlen eines Unternehmens ("Quartalszahlen", "Gewinn steigt")
    ("results", r"\b(?:quartalszahlen|geschäftszahlen|jahreszahlen|quartalsergebnis\w*|jahresergebnis\w*|bilanz|"
                r"(?:gewinn|umsatz)\s+(?:steigt|sinkt|bricht|wächst|legt)|gewinn(?:einbruch|sprung|rückgang|warnung)|"
                r"quartalsgewinn\w*|rekordgewinn\w*)\b"),
    ("statistics", r"\b(?:Arbeitslos\w*|Erwerbslos\w*|Arbeitsmarkt\w*|Beschäftigtenzahl\w*|Erwerbstätig\w*)\b"),
    ("hiring", r"\b(?:einstell\w+|eingestellt|Neueinstellungen|sucht|rekrutier\w+|schafft|schaffen|neue\s+(?:Stellen|"
               r"Arbeitsplätze|Jobs|Mitarbeiter))\b"),
    ("advice", r"\b(?:was\s+(?:\S+\s+){0,5}?wissen\s+müssen|Tipps|Ratgeber|was\s+tun|So\s+gehen|wie\s+funktioniert\s+(?:ein|eine))\b"),
    ("recap", r"\b(?:Chronik|Überblick|Zeitleiste|Rückblick|Ticker|Jahresbilanz)\b|(?:^|[|:–-]\s*)(?:Kommentar|"
              r"Analyse|Meinung|Essay|Gastbeitrag)\s*(?:[:|–-]|\.\s)"),
)

_ORG_NOUNS = (
    r"\w*(?:unternehmen|konzern|firma|gruppe|bank|händler|hersteller|zulieferer|kette|bauer|versicherer|institut|"
    r"tochter|sender|verlag|anbieter|startup|start-up|betrieb|werk|fabrik|dienstleister|produzent|riese|betreiber|"
    r"discounter|versender|spezialist|reederei|werft)|Stadt|Gemeinde|Behörde|Ministerium|Universität|Klinik|"
    r"Krankenhaus|Airline|Fluggesellschaft"
)
WORDS = Words(
    code="de",
    negation_follows=True,
    job_nouns=JOBS,
    cut_reference=(
        r"\\b(?:den|die|diese[nr]?)\\s+(?:abbau|pläne|plan|bericht|stellenstreichungen|entlassungen|kürzungen|"
        r"einschnitte|"
        r"umbau)\\b"
    ),
    trigger=(
        r"streich|gestrichen|abbau|abzubau|abgebaut|\bab\b|entl|feuer|gefeuert|kündig|kurzarbeit|massenentlass|frühwarn|verlier|verlust|"
        r"betroffen|betrifft|wegfall|fallen|fällt|gefährdet|bedroht|spiel|kippe|reduzier|trenn|sozialplan|kost|rotstift"
    ),
    cues=CUES,  # type: ignore[arg-type]
    markers=MARKERS,  # type: ignore[arg-type]
    anaphors=rf"(?:das|dem|des|der|die|den)\s+(?:[\w-]+\s+)?(?:{_ORG_NOUNS})",
    org_nouns=_ORG_NOUNS,
    object_before=r"bei|beim",
    clause_openers=(
        r"als|während|nachdem|weil|obwohl|wobei|wie|der|die|das|dem|den|deren|dessen|welche\w*|aber|doch|sondern|"
        r"denn|sodass|womit|damit|bevor|seit|wo|was|und\s+(?:der|die|das|es|er|sie)"
    ),
    bare_openers=r"während|weil|obwohl|nachdem",
    not_subject_before=(
        r"bei|beim|für|von|vom|mit|an|am|auf|aus|nach|zu|zum|zur|gegen|über|wie|als|gegenüber|des|Konkurrent\w*|"
        r"Rivale\w*|Kunde\w*|Lieferant\w*|Partner\w*|Tochter\s+von|Mutter\w*|Eigentümer\w*|Übernahme\s+durch|durch"
    ),
    descriptor_after=r"-(?!(?:Stellen|Job|Personal)abbau)\w|\s+(?:Kunde|Lieferant|Konkurrent|Rivale)\b",
    person_titles=(
        r"\w*chef(?:in)?|Vorstand\w*|Geschäftsführer\w*|Minister\w*|Sprecher\w*|Betriebsrat\w*|Gewerkschafter\w*|"
        r"Präsident\w*|Gründer\w*|Mitgründer\w*|CEO|Analyst\w*|Ökonom\w*|Bürgermeister\w*|Insolvenzverwalter\w*|"
        r"Kanzler\w*|Herr|Frau|Dr|Prof|Vorsitzende\w*"
    ),
    org_words=(
        r"(?-i:GmbH|AG|SE|KG|KGaA|Bank|Konzern|Gruppe|Group|Holding|Werke|Stadtwerke|Versicherung|Sparkasse|Volksbank|"
        r"Stiftung|Universität|Klinikum|Verlag|Logistik|Motoren|Automobil|Chemie|Stahl|Pharma|Energie|Telekom|Bahn|"
        r"Airlines|Technologies|Software|Systems|Services|Steel|Mobility|(?:Mode|Kauf|Waren|Auto|Möbel|Versand)haus)"
    ),
    non_employers=(
        r"IG\s+Metall|Verdi|ver\.di|IG\s+BCE|DGB|NGG|EVG|Betriebsrat|.*Gewerkschaft\w*|dpa|AFP|Reuters|Bloomberg|"
        r"Handelsblatt|Spiegel|Bundesagentur\s+für\s+Arbeit|Kreditschutzverband|KSV|AMS|Creditreform|ifo|IW|DIW|IAB|"
        r"Landesgericht.*|(?-i:.*(?:[Gg]ericht|[Gg]esetz|[Vv]erordnung|[Rr]ichtlinie)|Weihnachten|Ostern|Pfingsten|Silvester)"
    ),
    not_names=frozenset(
        # adjectives a headline may open on ("Nouveaux licenciements chez <firm>"): never a name
        "neue neuer neues neuen weitere weiterer weiteren massive massiver erneut nächste "
        # question words opening a headline's second sentence ("... ? Cosa prevede la legge")
        "was warum wann wer wieviel wo welche welcher welches "
        # quantifiers opening a headline's clause ("Amazon-Tochter: Jeder dritte Twitch-Angestellte muss gehen")
        "jeder jede jedes jeden jedem alle allen viele vielen einige manche mehrere beide keiner keine kein "
        "tausende hunderte dutzende "
        "der die das den dem des ein eine einen einem einer eines und oder aber auch im in am an auf aus bei mit "
        "nach von vor zu zum zur für über unter um es er sie wir ihr ich man sein seine ihre mehr rund etwa bis "
        "insgesamt zudem zugleich dabei damit dann doch noch nur schon so wie als wenn weil dass ob".split()
    ),
    connectors=frozenset("von der und & für".split()),
    months={
        "januar": 1, "jan": 1, "jänner": 1, "februar": 2, "feb": 2, "märz": 3, "april": 4, "apr": 4, "mai": 5,
        "juni": 6, "juli": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10,
        "november": 11, "nov": 11, "dezember": 12, "dez": 12,
    },
    weekdays=("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    relative_days=(("heute", 0), ("gestern", 1), ("diese woche", 0), ("vergangene woche", 7), ("letzte woche", 7),
                   ("am morgen", 0), ("heute morgen", 0)),
    number_words={
        "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
        "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
        "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
        "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000, "ein dutzend": 12,
    },
    scales={"tausend": 1000, "mio.": 1_000_000, "mio": 1_000_000, "millionen": 1_000_000, "million": 1_000_000},
    vague=(
        ("mehrere hundert", 200, 900), ("einige hundert", 200, 500), ("hunderte", 200, 999),
        ("mehrere tausend", 2000, 9000), ("einige tausend", 2000, 5000), ("tausende", 2000, 9999),
        ("zehntausende", 20_000, 99_999), ("hunderttausende", 200_000, 999_999), ("dutzende", 24, 99), ("einige dutzend", 24, 60), ("rund hundert", 100, 100),
    ),
    qualifiers=(
        ("approx", r"rund|etwa|ungefähr|circa|ca\.|knapp|fast|nahezu|annähernd|an\s+die|gut"),
        ("min", r"mehr\s+als|über|mindestens|weit\s+über|deutlich\s+mehr\s+als"),
        ("max", r"bis\s+zu|höchstens|maximal|weniger\s+als|unter"),
    ),
    date_context={
        "future_before": (
            r"(?:ab|morgen,?|bis|bis\s+zum|bis\s+Ende|zum|spätestens|künftig|nächste\w*|ab\s+dem|im\s+kommenden|ab\s+Mitte)\s+"
            r"(?:dem\s+|den\s+)?$"
        ),
        "year_prefix": r"im|seit|bis|von|ab|Ende|Anfang|Mitte|in|im\s+Jahr|Jahr",
        "weekday_prefix": r"am|seit|vergangenen|letzten|diesen|kommenden",
    },
    fractions=(("die hälfte", 50.0), ("ein drittel", 33.3), ("ein viertel", 25.0), ("ein fünftel", 20.0),
               ("jede vierte", 25.0), ("jede fünfte", 20.0), ("jede zehnte", 10.0)),
    count_context={
        # die Belegschaft eines schließenden Standorts ist die Zahl ("sein Werk mit rund 1.800 Beschäftigten schließen")
        "closing_site_before": rf"\b(?:{_SITES})\s+(?:\S+\s+){{0,3}}?(?:mit|an\s+dem|in\s+dem)\s+(?:{_QUAL})?$",
        "site_before": rf"\b(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:mit|an\s+dem|in\s+dem|wo)\s+(?:(?:derzeit|insgesamt|noch)\s+)?\s+(?:{_QUAL})?$",
        "closing_after": rf"^\s*(?:\S+\s+)?(?:{_SITE_STAFF})?,?\s+(?:\S+\s+){{0,6}}?(?:(?:soll|sollen|wird|werden|muss|müssen)\s+(?:\S+\s+)?(?:schließen|geschlossen\s+werden|dichtgemacht\s+werden)|schließen|dichtmachen|stilllegen)\b",
        "percent": r"%|\s*Prozent\b",
        "share_after": (
            r"^\s+(?:der|des|aller|seiner|ihrer|seines|ihres)\s+(?:\w+\s+){0,2}?(?:Belegschaft|Stellen|Mitarbeiter\w*|"
            r"Beschäftigten|Arbeitsplätze|Jobs|Personals)\b"
        ),
        "noun_after": r"^\s+(?:\w+\s+)?(?:Stellenstreichungen|Entlassungen|Kündigungen)\b",
        "base_before": (
            r"(?:\b(?:beschäftigt\w*|zählt|zählte|hat|hatte|haben|einstell\w*|eingestellt|sucht|schafft|schaffen|neue|"
            r"zuletzt|davon|aller|seiner|ihrer|der\s+rund|gut)\s+(?:(?:rund|etwa|gut|knapp|mehr\s+als|über|weltweit|"
            r"derzeit)\s+){0,2})$"
        ),
        "base_after": (
            r"^(?:\s*(?:\w+\s+){0,2}(?:Beschäftigte\w*|Mitarbeiter\w*|Menschen)\s+(?:weltweit|in\s+Deutschland|"
            r"beschäftigt)|\s+Büroangestellte\w*|\s+Stellen\s+im\s+Inland|\s+Gläubiger)"
        ),
        "not_count_after": (
            r"^\s*(?:%|Prozent|Milliarden|Mrd|Millionen\s+Euro|Mio\.?\s+Euro|Euro|Dollar|Franken|Jahre|Jahren|Monate|"
            r"Monaten|Wochen|Tage|Tagen|Stunden|Filialen|Warenhäuser|Standorte|Werke|Fahrzeuge|Gläubiger|Häuser|"
            r"Märkte|Geschäfte|Läden|Lager)"
        ),
        "verb_before": (
            r"(?:streich\w*|gestrichen|abbauen|Abbau\s+von|entlass\w*|entlässt|trennt\s+sich\s+von|weitere|betrifft|"
            r"betroffen\s+sind|Verlust\s+von)\s*$"
        ),
        "cumulative": r"\b(?:seit|summier\w+|zusammengerechnet|bislang|bisher|unterm\s+Strich)\b",
        "cumulative_after": r"^[^,.;]{0,50}?\b(?:seit\s+(?:19|20)\d\d|bislang|bisher)\b",
        "cumulative_reset": r"\b(?:sollen|soll|will|plant|weitere|neue|nun|jetzt|teilte)\b",
        # a smaller workforce states the cut: "<staff> von 1.200 auf 900 Stellen" cuts 300 (headcount)
        "range_from": r"von",
        "reduce_to": r"auf",
        "range_to": r"bis|-|–",
        "range_between": r"zwischen",
        "range_and": r"und",
    },
    respellings=(("ß", "ss"),),  # Swiss German ("schliesst", "entliess", "dreissig")
    space_thousands=True,  # "18 000": a thin or plain space between thousands is common in print
    technology=r"(?-i:KI|AI|GenAI)|künstliche[nr]?\s+Intelligenz|Automatisierung|Roboter\w*",
)
