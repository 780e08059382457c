"""Italian: layoff vocabulary as regex fragments.

Italian counts are often written with a "mila" suffix ("14mila", "30mila tagli"); "esuberi"
(redundancies), "uscite" and "esodi" (exits) name the cut; "cassa integrazione" is read as a furlough.
"""

from ingest.understanding.lexicon import Words

JOBS = (
    r"posti(?:\s+di\s+lavoro)?|dipendenti|lavoratori|lavoratrici|addetti|persone|impiegati|personale|organico|"
    r"forza\s+lavoro|"
    r"collaboratori|operai|dirigenti|unità|risorse"
)
_GAP_STOP = r"prezzi|prezzo|tassi|costi|previsioni|cuneo|dividendo|voli|treni|negozi|per|con|su"
_GAP = rf"(?:\s+(?!(?:{_GAP_STOP})\b)[\w'’%.,-]+){{0,7}}?"
_QUAL = r"(?:circa|quasi|oltre|più\s+di|fino\s+a|altri|altre)\s+"
_NUM = r"\d[\d.,]*(?:mila)?"

# Workplaces whose closure loses their staff, and the staff nouns of their stated workforce.
_SITES = (
    r"stabiliment[oi]|fabbric(?:a|he)|sed[ei]|sit[oi]|magazzin[oi]|negozi[o]?|filial[ei]|impiant[oi]|centr[oi]|uffic[io]|punt[oi]\s+vendita|cartier[ae]|acciaieri[ae]|studi[o]?|hotel|miniere?|cantier[ei]"
)
_SITE_STAFF = r"dipendenti|lavoratori|addetti|persone|posti|operai|impiegati|occupati"

CUES = (
    # un sito che chiude con i suoi addetti perde quei posti ("la chiusura dello stabilimento, che impiega 350 dipendenti")
    ("loss", rf"\b(?:chiud(?:e|ere|erà|eranno|ono)|chius(?:ura|o|a|i|e)\s+(?:di|del|dello|della|dei|degli|delle)|chiusura)\s*(?:\S+\s+){{0,5}}?(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:che\s+(?:impiega|impiegava|conta|contava|occupa|dà\s+lavoro\s+a)|dove\s+lavorano|con)\s+(?:{_QUAL})?{_NUM}\s+(?:\S+\s+)?(?:{_SITE_STAFF})\b"
             rf"|\b(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:che\s+(?:impiega|conta|occupa|dà\s+lavoro\s+a)|dove\s+lavorano)\s+(?:{_QUAL})?{_NUM}\s+(?:\S+\s+)?(?:{_SITE_STAFF})\b,?\s+(?:\S+\s+){{0,3}}?(?:chiuderà|chiuderanno|sarà\s+chius[oa]|saranno\s+chius[ie]|verrà\s+chius[oa])"
    ),
    ("cut", rf"\b(?:tagli\w*|taglio\s+(?:di|dei|del)|licenzi\w+|elimin\w+|sopprim\w+|ridurr\w+|riduc\w+|ridott\w+|"
            rf"mand\w+\s+a\s+casa|lasci\w+\s+a\s+casa|mett\w+\s+alla\s+porta){_GAP}\s+(?:{JOBS})\b"
            rf"|\bvia\s+(?:{_QUAL})?\d[\d.,]*(?:mila)?\s+(?:{JOBS})\b"),
    ("staff", r"\blicenzi(?:a|ano|are|erà|eranno|ato|ati|ata|ate|ando)\b"),
    ("noun", r"\blicenziament[io]\b|\besuber[io]\b|\btagli\s+(?:al\s+personale|all['’]organico|dei\s+posti|"
             r"di\s+posti)\b|"
             r"\briduzione\s+(?:del\s+personale|dell['’]organico|di\s+personale)\b|\buscite(?:\s+volontarie|"
             r"\s+incentivate)?\b|\besodi\s+(?:volontari|incentivati)\b|\d[\d.,]*(?:mila)?\s+esodi\b|\bprepensionamenti\b|\bondata\s+di\s+tagli\b|\d[\d.,]*(?:mila)?\s+tagli\b"),
    # one exit naming its count ("l'uscita incentivata di 120 dipendenti"): the plan's cut
    ("noun", rf"\buscita\s+(?:\S+\s+){{0,4}}?di\s+(?:{_QUAL})?(?:{_NUM})\s+(?:{JOBS})\b"),
    ("loss", rf"\b(?:{JOBS})\s+(?:\S+\s+){{0,3}}?(?:a\s+rischio|in\s+bilico|tagliati|eliminati|persi|soppressi|"
             rf"in\s+esubero|a\s+casa|saltano|salteranno|in\s+pericolo|senza\s+(?:posto|lavoro|impiego))\b|"
             rf"\ba\s+rischio\s+(?:\S+\s+){{0,4}}?(?:{JOBS})\b|"
             r"\bperd(?:ono|eranno|ere|e|erebbero)\s+il\s+(?:lavoro|posto)\b|\brest(?:ano|eranno)\s+senza\s+"
             r"(?:lavoro|posto)\b|\bperdita\s+di\s+(?:\S+\s+){0,3}?(?:posti|lavoro)\b"),
    ("affected", rf"\b(?:{JOBS})\s+(?:\S+\s+){{0,2}}?(?:coinvolti|interessati)\b|\bcoinvolg\w+\s+(?:{_QUAL})?"
                 rf"(?:{_NUM})\s+(?:{JOBS})\b"),
    ("furlough", r"\bcassa\s+integrazione\b|\bcontratti\s+di\s+solidarietà\b"),
    ("furlough", r"(?-i:\bCIGS?\b)"),
    ("notice", r"\bprocedura\s+(?:\S+\s+){0,2}?(?:di|per)\s+(?:\S+\s+){0,2}?licenziament[io]\b|"
               r"\bprocedura\s+di\s+mobilità\b|"
               r"\blettere\s+di\s+licenziamento\b"),
    # un luogo di lavoro che chiude perde i suoi posti, anche senza parole sui posti ("Whirlpool chiude lo stabilimento")
    ("loss", r"\b(?:chiude|chiuderà|chiudono|chiuderanno)\s+(?:\S+\s+){0,4}?"
             r"(?:stabiliment[oi]|fabbric(?:a|he)|impiant[oi]|magazzin[oi]|acciaieria|cartiera|sito\s+produttivo|"
             r"centr[oi]\s+(?:di\s+)?distribuzione)\b"),
)

_DAYS = r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
_COMPANY = r"(?:l['’]azienda|la\s+società|il\s+gruppo|la\s+direzione|una\s+nota)"
# A news outlet as the origin of a claim: "scrive il quotidiano", "il giornale ha rivelato", "stando a fonti".
_PRESS = (r"(?:quotidiano|giornale|testata|agenzia|sito|settimanale|rivista|new\s+york\s+times|"
          r"wall\s+street\s+journal|financial\s+times)")
_PRESS_SAYS = r"(?:scriv|scritt|riport|rivel|riferi|anticip|spieg|sottoline|aggiung|precis|afferm)\w*"
MARKERS = (
    # robot che sostituiscono posti: una previsione di automazione ("sostituire 600mila posti di lavoro con robot")
    ("forecast", r"\bsostitu\w+\s+(?:\S+\s+){0,6}?(?:posti|lavoratori|dipendenti)\s+(?:\S+\s+){0,5}?con\s+(?:i\s+)?robot\b|"
                 r"\b(?:robot|automazione|l['’]ia|intelligenza\s+artificiale)\s+(?:\S+\s+){0,2}?(?:potrebbe\w*|ridurrà|"
                 r"sostituirà|eliminerà|taglierà|farà)\b"),
    # tagli spiegati ("i 14.000 licenziamenti non erano dettati dall'IA"): un tema, non un atto
    # licenziamenti sotto altro nome ("licenziamenti mascherati"): un'accusa, non un taglio
    # un sito chiuso per un periodo ("chiude temporaneamente i magazzini")
    ("temporary", r"\b(?:temporaneamente|provvisoriamente|fino\s+a\s+nuovo\s+avviso)\b"),
    ("explained", r"\blicenziamenti\s+(?:mascherat|nascost|occult|camuffat)\w*(?!\s+da\b)"),
    ("explained", r"\b(?:erano|sono|era|è)\s+(?:\w+\s+)?(?:dettat[iaeo]|motivat[iaeo])\s+da\w*\b"),
    # un'altra misura accanto a questa ("separati dai tagli annunciati a gennaio")
    ("separate", r"\b(?:separat[oaie]\s+(?:da|dai|dalle|dal|dalla)|indipendent[ei]\s+(?:da|dai|dalle|dal|dalla)|"
                 r"non\s+(?:è|sono)\s+collegat[oaie])\b"),
    ("separate", r"^\W*separatamente,"),  # a separate piece of news opens the sentence
    ("leak", rf"\b{_PRESS_SAYS}\s+(?:il|la|l['’]|lo)\s*(?:\w+\s+)?{_PRESS}\b|"
             rf"\b(?:il|la|l['’])\s*{_PRESS}\s+(?:[\w'’-]+\s+){{0,4}}?(?:ha\s+|aveva\s+)?{_PRESS_SAYS}\b|"
             r"\bcome\s+riportato\s+da\b|\bstando\s+a\b|\bcitando\s+(?:fonti|persone|un\s+rapporto)\b|"
             r"\ba\s+quanto\s+(?:riporta|risulta|apprende|si\s+apprende)\b|\bfonti\s+(?:anonime|informate|"
             r"del\s+settore|aziendali|a\s+conoscenza)\b|\bpersone\s+(?:informate|vicine|a\s+conoscenza)\b"),
    ("leak", rf"\bsecondo\s+(?!{_COMPANY})(?!quanto\s+(?:annunciato|comunicato|reso\s+noto))|\bfonti\s+(?:vicine|"
             rf"sindacali|interne|qualificate)\b|\bindiscrezion\w+\b|"
             r"\btrapela\b|\briporta(?:no)?\b|\bdovess\w+\s+essere\s+confermat\w+\b|\bavrebbe\w*\b|\bsarebbe\w*\b|\bstarebbe\w*\b|\ballarme\s+(?:dei|del)\s+"
             r"sindacat\w+\b|\bdenuncia\w*\s+(?:i|il)\s+sindacat\w+\b"),
    ("confirm", r"\b(?:annunci(?!are\b)\w+|conferm(?!are\b)\w+|ha(?:nno)?\s+appena\s+(?:annunciato|confermato)|comunic\w+|comunicato|nota|lettera|present\w+|ufficializz\w+|avviat\w+|"
                r"ha\s+reso\s+noto|informat\w+|notific\w+|accordo|firmato|siglat\w+)\b"),
    ("speech", rf"\b(?:ha\s+detto|dice|ha\s+spiegato|spiega|ha\s+dichiarato|dichiara|afferma|ha\s+affermato|sottolinea|"
               rf"secondo\s+{_COMPANY})\b"),
    ("deny", r"\b(?:smentisc\w+|smentit\w+|nega|negano|escluso|(?<!\bnon\s)esclude|rassicura\w*|nessun\s+(?:taglio|licenziamento|"
             r"esubero))\b"),
    ("negation", r"\b(?:non(?!\s+(?:si\s+)?esclud\w*)|nessun\w*|senza|mai|né)\b"),
    # "a rischio" (at risk) states a threat, not a possibility: the lead says whether it is news (as "at risk")
    ("speculative", r"\b(?:non\s+(?:si\s+)?esclud\w*|potrebbe\w*|potranno|rischia\w*|rischi|(?<!\ba\s)rischio|mett\w+\s+a\s+rischio|tem(?:e|ono|ere)|possibil\w+|forse|eventual\w+|timore|timori|paura)\b"),
    ("modal", r"\b(?:potrebbe\w*|potranno)\b"),  # a modal verb alone (see `modality`)
    ("conditional", r"\bse\b|\bqualora\b|\bnel\s+caso\b|\ba\s+meno\s+che\b"),
    ("forecast", r"\b(?:stima|stime|stimano|previsioni|analisti|esperti|studio|sondaggio|indagine|entro\s+il\s+20[3-9]\d|"
                 r"nei\s+prossimi\s+anni|scenario|avvert\w+)\b"),
    ("hypothetical", r"\?|\be\s+se\b|\bcosa\s+succederebbe\b"),
    ("past", r"\b(?:già|lo\s+scorso\s+anno|l['’]anno\s+scorso|in\s+passato|(?<!senza\s)precedent\w+|aveva\w*\s+(?:già\s+)?"
             r"(?:annunciato|tagliato|licenziato)|un\s+anno\s+(?:fa|dopo)|(?:due|tre|\d+)\s+anni\s+fa|ex\s+dipendenti|"
             r"durante\s+la\s+(?:pandemia|crisi)|il\s+mese\s+scorso|lo\s+scorso\s+mese|(?:\w+\s+)?(?:giorni|settimane|mesi)\s+"
             r"dopo\s+l['’]annuncio|a\s+più\s+riprese|ripetutamente)\b"),
    # a plan said to be over ("il piano esuberi è concluso", "si sono concluse le uscite"): its cuts are the past
    ("past", r"\b(?:è|si\s+è|sono|si\s+sono|stat[oaie])\s+(?:\w+\s+)?(?:conclus[oaie]|completat[oaie]|terminat[oaie])\b"),
    # ("in tutto il territorio" is a place: all over it)
    ("cumulative", r"\b(?:dal\s+20\d\d|in\s+totale|complessiv\w+|finora|fino\s+ad\s+oggi|in\s+tutto(?!\s+(?:il|lo|la|l['’]|i|gli|le)\b)|sommando|"
                   r"a\s+oggi)\b|"
                   # the whole plan a round belongs to: "parte di un piano più ampio per tagliare 30.000 posti"
                   r"\b(?:parte|ambito)\s+di\s+un\s+piano\s+(?:più\s+)?(?:ampio|generale|complessivo)\b"),
    ("current", r"\b(?:tagli|licenziamenti|esuberi)\s+(?:\S+\s+){0,3}?(?:colpiscono|colpisce|arrivano|arriva|"
                r"raggiungono|iniziano)\b"),
    ("current", rf"\b(?:questa\s+settimana|oggi|nuov[aoie]|altri|altre|ulterior\w+|ancora|di\s+nuovo|seconda\s+ondata|"
                rf"quest[oa]\s+(?:{_DAYS})|avvia\w*|inizia\w*)\b"),
    ("plan", r"\b(?:prevede|prevedono|previst[aoie]|piano|intende|vuole|punta|si\s+appresta|prepara|annunci\w+|verso\s+il\s+taglio|"
             r"avvia)\b"),
    ("generic", r"\b(?:aziende|imprese|settore|industria|comparto|gruppi|banche|costruttori|fornitori|indotto|"
                r"big\s+tech|colossi|l['’]intelligenza\s+artificiale)\b"),
    # the hours or requests of cassa integrazione are a statistic of many employers, not one's furlough
    ("generic", r"\b(?:ore|richieste|domande)\s+(?:\S+\s+){0,2}?(?:di\s+)?cassa\b"),
    ("closure", r"\b(?:chiud\w+|chiusura|chiuso|cessazione|fallimento|falli\w+|liquidazione|crisi\s+aziendale|"
                r"concordato|"
                r"insolvenza|stop\s+alla\s+produzione|spegn\w+)\b"),
    ("restructuring", r"\b(?:ristruttur\w+|riorganizz\w+|piano\s+industriale|riassetto|efficientamento|"
                      r"uscite\s+volontarie|prepensionamenti)\b"),
    # i conti di un'azienda ("risultati trimestrali", "utile in crescita")
    ("results", r"\b(?:risultati\s+(?:trimestrali|annuali|semestrali|del\s+\w+\s+trimestre)|conti\s+del\s+trimestre|"
                r"(?:utile|ricavi|fatturato)\s+(?:in\s+crescita|in\s+calo|sale|cala|balza)|utile\s+netto|perdita\s+netta)\b"),
    ("statistics", r"\b(?:disoccupazione|disoccupati|tasso\s+di\s+occupazione|occupati|mercato\s+del\s+lavoro|Istat)\b"),
    ("hiring", r"\b(?:assunzion\w+|assum\w+|nuovi\s+posti|creer\w+|recluta\w*)\b"),
    ("advice", r"\b(?:cosa\s+fare|cosa\s+sapere|guida|consigli|come\s+funziona\s+(?:un|una|il\s+licenziamento\s+collettivo))\b"),
    ("recap", r"\b(?:tutte\s+le\s+ondate|cronologia|la\s+lezione|il\s+lavoro\s+che\s+cambia)\b|(?:^|[|:–-]\s*)"
              r"(?:commento|analisi|opinione|editoriale)\s*(?:[:|–-]|\.\s)"),
)

_ORG_NOUNS = (
    r"azienda|società|gruppo|colosso|impresa|banca|compagnia|multinazionale|catena|stabilimento|fabbrica|sito|"
    r"piattaforma|start-?up|fintech|edtech|marchio|istituto|holding|call\s+center|supermercato|negozio|fonderia|"
    r"cartiera|comune|ospedale|università|ministero"
)
WORDS = Words(
    code="it",
    job_nouns=JOBS,
    cut_reference=(
        r"\\b(?:i|gli|il|la|questi|questo)\\s+(?:tagli|piano|esuberi|licenziamenti|notizia|uscite)\\b"
    ),
    trigger=(
        r"licenzi|esuber|tagli|riduz|ridurr|riduc|ridott|uscite|prepension|perd|cassa\s+integrazione|\bcigs?\b|"
        r"solidarietà|procedura|coinvol|interessat|rischio|bilico|eliminat|elimin|sopprim|soppress|casa\b|porta\b|"
        r"saltan|pericolo|via\s|uscit|esodi|senza\s+(?:posto|lavoro|impiego)"
    ),
    cues=CUES,  # type: ignore[arg-type]
    markers=MARKERS,  # type: ignore[arg-type]
    anaphors=rf"(?:l['’]|(?:la|il|lo)\s+)(?:[\w-]+\s+)?(?:{_ORG_NOUNS})",
    org_nouns=_ORG_NOUNS,
    object_before=r"presso|da",  # "i tagli annunciati da Amazon": the agent
    clause_openers=(
        r"mentre|dopo|ma|che|cui|dove|quando|anche\s+se|perché|poiché|secondo|e\s+(?:il|la|i|le)|però|tuttavia|"
        r"nonostante"
    ),
    bare_openers=r"dopo(?!\s+(?:\d|oltre|quasi|più\s+di))|mentre|anche\s+se|perché|nonostante",
    not_subject_before=(
        r"in|di|del|della|dei|degli|delle|da|dal|dalla|per|con|su|sul|tra|fra|a|al|alla|come|presso|verso|contro|"
        r"alle|ai|agli|allo|dello|nel|nello|nella|nei|negli|nelle|sulla|sulle|sui|dai|dagli|dalle|dallo|"
        r"cliente|fornitore|controllata\s+di|rivale|accusa|accusano|incolpa"
    ),
    descriptor_after=r"\s+(?:cliente|fornitore|rivale|concorrente)\b",
    person_titles=(
        r"amministratore\s+delegato|ad|ceo|presidente|direttore\w*|ministro|ministra|portavoce|segretari[oa]\w*|"
        r"fondatore|sindaco|analista|economista|sindacalista|responsabile|numero\s+uno|leader|dott\.|dott|sig\.|sig"
    ),
    org_words=(
        r"(?-i:S\.p\.A\.|SpA|Spa|S\.r\.l\.|Srl|Gruppo|Group|Banca|Banco|Assicurazioni|Fonderie|Fonderia|Industrie|"
        r"Italia|Holding|Cementi|Acciaierie|Ospedale|Università|Comune|Ferrovie|Poste|Monte)"
    ),
    non_employers=(
        r"Fiom|Fim|Uilm|Cgil|Cisl|Uil|Ugl|Cobas|Usb|.*[Ss]indacat\w*|Rsu|Inps|Istat|Ansa|Reuters|Bloomberg|"
        r"Confindustria|Mimit|Ministero\s+del\s+Lavoro|(?-i:Tribunale\b.*|Tar\b.*|Corte\b.*|Natale|Pasqua|Ferragosto|"
        r"Capodanno|Jobs\s+Act)"
    ),
    not_names=frozenset(
        # adjectives a headline may open on ("Nouveaux licenciements chez <firm>"): never a name
        "nuovi nuove nuovo nuova altri altre massicci maxi "
        # question words opening a headline's second sentence ("... ? Cosa prevede la legge")
        "cosa perché quanto quanti quante quale quali "
        "il lo la i gli le un uno una del della dei degli delle di da dal dalla in nel nella con su per tra fra e o "
        "ma che chi come quando dove più meno tutti tutte ogni nessun alcuni alcune questo questa questi queste quel "
        "quella suo sua suoi sue si ci ne anche già oggi ieri lavoratori dipendenti sindacati azienda chiude via "
        "lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio giugno luglio "
        "agosto settembre ottobre novembre dicembre".split()
    ),
    connectors=frozenset("di del della dei e &".split()),
    months={
        "gennaio": 1, "genn": 1, "febbraio": 2, "febbr": 2, "marzo": 3, "aprile": 4, "apr": 4, "maggio": 5,
        "giugno": 6, "luglio": 7, "agosto": 8, "settembre": 9, "sett": 9, "ottobre": 10, "ott": 10, "novembre": 11,
        "nov": 11, "dicembre": 12, "dic": 12,
    },
    weekdays=("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    relative_days=(("oggi", 0), ("ieri", 1), ("questa settimana", 0), ("la settimana scorsa", 7)),
    number_words={
        "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
        "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14, "quindici": 15, "sedici": 16,
        "diciassette": 17, "diciotto": 18, "diciannove": 19, "venti": 20, "trenta": 30, "quaranta": 40,
        "cinquanta": 50, "sessanta": 60, "settanta": 70, "ottanta": 80, "novanta": 90, "cento": 100, "mille": 1000,
    },
    scales={"mila": 1000, "milioni": 1_000_000, "milione": 1_000_000},
    vague=(
        ("centinaia di migliaia", 200_000, 999_999), ("decine di migliaia", 20_000, 99_999),
        ("diverse centinaia", 200, 900), ("alcune centinaia", 200, 500), ("centinaia", 200, 999),
        ("diverse migliaia", 2000, 9000), ("migliaia", 2000, 9999), ("decine", 20, 99), ("un centinaio", 100, 100),
        ("un migliaio", 1000, 1000), ("una decina", 10, 10), ("una ventina", 20, 20), ("una trentina", 30, 30),
        ("una quarantina", 40, 40), ("una cinquantina", 50, 50),
    ),
    qualifiers=(
        ("approx", r"circa|quasi|intorno\s+a|attorno\s+a|all['’]incirca|poco\s+meno\s+di"),
        ("min", r"oltre|più\s+di|almeno|sopra|poco\s+più\s+di"),
        ("max", r"fino\s+a|al\s+massimo|meno\s+di|non\s+più\s+di"),
    ),
    date_context={
        "future_before": (
            r"(?:a\s+partire\s+da[l]?|domani,?|entro|fino\s+a[l]?|dal\s+prossimo|prossim\w+)\s+(?:(?:il|la|l['’])\s*)?"
            r"(?:(?:fine|inizio|metà)\s+(?:di\s+)?)?$"
        ),
        "year_prefix": r"nel|dal|entro|fino\s+al|a\s+fine|a\s+inizio|di|del",
        "weekday_prefix": r"il|lo|questo|da|dal|scorso",
    },
    fractions=(("la metà", 50.0), ("un terzo", 33.3), ("un quarto", 25.0), ("un quinto", 20.0), ("due terzi", 66.7)),
    count_context={
        # l'organico di un sito che chiude è il numero ("chiudere lo stabilimento, che impiega 350 dipendenti")
        "closing_site_before": rf"\b(?:chiud(?:e|ere|erà|eranno|ono)|chius(?:ura|o|a|i|e)\s+(?:di|del|dello|della|dei|degli|delle)|chiusura)\s*(?:\S+\s+){{0,5}}?(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:che\s+(?:impiega|impiegava|conta|contava|occupa|dà\s+lavoro\s+a)|dove\s+lavorano|con)\s+(?:{_QUAL})?$",
        "site_before": rf"\b(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:che\s+(?:impiega|conta|occupa|dà\s+lavoro\s+a)|dove\s+lavorano)\s+(?:{_QUAL})?$",
        "closing_after": rf"^\s*(?:\S+\s+)?(?:{_SITE_STAFF})?,?\s+(?:\S+\s+){{0,3}}?(?:chiuderà|chiuderanno|sarà\s+chius[oa]|saranno\s+chius[ie]|verrà\s+chius[oa])",
        "percent": r"%|\s*per\s*cento\b",
        "share_after": (
            r"^\s+(?:del|della|dei|degli|delle)\s+(?:\w+\s+){0,2}?(?:personale|dipendenti|forza\s+lavoro|organico|"
            r"lavoratori|posti)\b"
        ),
        "noun_after": r"^\s+(?:\w+\s+)?(?:licenziamenti|esuberi|uscite|esodi|tagli|prepensionamenti)\b",
        "subset_after": r"^\s+(?:dei|degli|delle|sui)\b",
        "base_before": (
            r"(?:\b(?:impiega|conta|ha|aveva|occupa|dà\s+lavoro\s+a|assum\w+|assunzioni|creare|crea|dei\s+suoi|"
            # "80 dei 600 dipendenti": the second figure is the whole
            r"sui\s+suoi|\d[\d.,]*(?:mila)?\s+(?:dei|degli|delle|sui)|"
            # "85, su un organico di 310 addetti": the workforce the cut is taken from
            r"su\s+(?:un\s+)?(?:organico|totale|forza\s+lavoro)\s+(?:complessiv[oa]\s+)?di)\s+(?:(?:circa|oltre|quasi)\s+){0,2})$"
        ),
        "base_after": r"^\s+(?:dipendenti|lavoratori|persone)\s+(?:nel\s+mondo|in\s+Italia|in\s+tutto(?!\s+il\s+territorio))",
        "not_count_after": (
            r"^\s*(?:%|per\s*cento|miliardi|milioni\s+di\s+euro|euro|€|dollari|anni|mesi|settimane|giorni|ore|negozi|"
            r"filiali|sportelli|stabilimenti|punti\s+vendita|assunzioni)"
        ),
        "verb_before": (
            r"(?:taglia\w*|licenzi\w+|via(?:\s+altri)?|elimin\w+|coinvolg\w+|altri|altre|ulteriori|"
            # the count after its noun: "esuberi ridotti a 1.284", "gli esuberi saranno 900"
            r"(?:esuberi|licenziamenti|uscite|tagli)\s+(?:\w+\s+){0,2}?(?:a|sono|saranno|pari\s+a)|"
            # "i lavoratori in esubero sono 85"
            r"(?:lavoratori|dipendenti|addetti)\s+in\s+esubero\s+(?:sono|saranno|salgono\s+a)|"
            # the count revised before its noun: "Scendono a 321 (dalla prima ipotesi di 450) gli esuberi"
            r"\b(?:scendono|salgono|calano)\s+a)\s*$"
        ),
        "cumulative": r"\b(?:dal\s+20\d\d|complessiv\w+|finora|sommando)\b",
        "cumulative_after": r"^[^,.;]{0,50}?\b(?:dal\s+20\d\d|finora)\b",
        "cumulative_reset": r"\b(?:nuov\w+|altri|annunci\w+|prevede)\b",
        # a smaller workforce states the cut: "<staff> da 1.200 a 900 dipendenti" cuts 300 (headcount)
        "range_from": r"da|dai|dalle|dagli",
        "reduce_to": r"a",
        "range_to": r"a|-|–",
        "range_between": r"tra|fra",
        "range_and": r"e",
    },
    space_thousands=True,  # "18 000": a thin or plain space between thousands is common in print
    technology=r"(?-i:IA|AI)|intelligenza\s+artificiale|automazione|robot|robotica",
)
