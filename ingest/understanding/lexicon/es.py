"""Spanish (Spain, Latin America): layoff vocabulary as regex fragments.

A Spanish ERE (expediente de regulación de empleo) is the legal collective-dismissal procedure,
read like a WARN notice; an ERTE is its temporary form, read like a furlough.
"""

from ingest.understanding.lexicon import Words

JOBS = (
    r"empleos|puestos(?:\s+de\s+trabajo)?|trabajadores|trabajadoras|empleados|empleadas|personas|plantilla|personal|"
    r"efectivos|operarios|funcionarios|plazas|colaboradores|profesionales"
)
_GAP_STOP = r"precios?|tarifas?|tipos|costes|previsión|previsiones|dividendo|abonos|vuelos|trenes|tiendas|para|con|sobre"
_GAP = rf"(?:\s+(?!(?:{_GAP_STOP})\b)[\w'’%.,-]+){{0,7}}?"
_QUAL = r"(?:unos|unas|alrededor\s+de|cerca\s+de|casi|más\s+de|hasta|otros|otras)\s+"
_NUM = r"\d[\d.,]*"

# Workplaces whose closure loses their staff, and the staff nouns of their stated workforce.
_SITES = (
    r"plantas?|fábricas?|factorías?|centros?|almacenes|almacén|tiendas?|sedes?|oficinas?|sucursales?|instalaciones|establecimientos?|hoteles?|hotel|estudios?|minas?|astilleros?"
)
_SITE_STAFF = r"trabajadores|empleados|personas|empleos|puestos|operarios|profesionales"

CUES = (
    # un centro que cierra con su plantilla pierde esos empleos ("el cierre de su planta, que emplea a 2.500 trabajadores")
    # a chain closing all its shops (not for a day, works or a holiday)
    ("loss", r"\b(?:cierr(?:a|an|e)|cerrar(?:á|án)?|cierre\s+de)\s+(?:\S+\s+){0,2}?(?:todas|todos)\s+(?:sus|las|los)\s+"
             r"(?:\d+\s+)?(?:\w+\s+){0,2}?(?:tiendas|restaurantes|locales)\b"
             r"(?![^.;:]{0,60}?\b(?:el\s+\d+|el\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)|por\s+(?:\w+\s+)?"
             r"(?:días|semanas|horas|obras|inventario|reformas)|temporalmente|durante|hasta\s+nuevo\s+aviso|a\s+las\s+\d+|"
             r"festivo)\b)"),
    ("loss", rf"\b(?:cerr(?:ar|ará|arán|ó|aron|ado|ada)|cierr(?:a|an|e)|cierre\s+(?:de|del))\s*(?:\S+\s+){{0,5}}?(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:que\s+(?:emplea|empleaba|da\s+empleo|ocupa|cuenta\s+con|tiene)|con|donde\s+trabajan)\s+(?:{_QUAL})?(?:a\s+)?{_NUM}\s+(?:\S+\s+)?(?:{_SITE_STAFF})\b"
             rf"|\b(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:que\s+(?:emplea|da\s+empleo|ocupa|cuenta\s+con|tiene)|donde\s+trabajan)\s+(?:{_QUAL})?(?:a\s+)?{_NUM}\s+(?:\S+\s+)?(?:{_SITE_STAFF})\b,?\s+(?:\S+\s+){{0,3}}?(?:cerrará|cerrarán|será\s+cerrad[oa]|serán\s+cerrad[oa]s)"
    ),
    ("cut", rf"\b(?:recort\w+|elimin\w+|suprim\w+|reduc\w+|redujo|prescind\w+\s+de|destru\w+|desp(?:id|ed)\w+|ajust\w+|"
            rf"amortiz\w+){_GAP}\s+(?:{JOBS})\b"),
    ("staff", r"\bdeja(?:rá|n|ría)?\s+en\s+la\s+calle\b|\bdesp(?:id(?:e|en|ió|ieron)|ed(?:irá|irán|ir|"
              r"ería))\s+a\s+(?:unos|unas|"
              r"otros|otras|más\s+de|casi|cerca\s+de|cientos|miles|\d)"),
    ("noun", r"\bdespidos?\b|\bexpediente\s+de\s+regulación\s+de\s+empleo\b|\brecortes?\s+de\s+(?:plantilla|empleo|"
             r"personal|puestos)\b|\bdestrucción\s+de\s+empleo\b|\breducción\s+de\s+(?:plantilla|personal|empleo)\b|"
             r"\bajuste\s+de\s+plantilla\b|\bbajas\s+(?:incentivadas|voluntarias)\b|\bprejubilaciones\b|"
             r"\bdespidos?\s+colectivos?\b"),
    ("loss", rf"\b(?:{JOBS})\s+(?:\S+\s+){{0,3}}?(?:eliminados|suprimidos|destruidos|en\s+riesgo|en\s+el\s+aire|"
             r"en\s+peligro|amenazados|perdidos|desaparecerán)\b|\bperder(?:án|ían|á|ía)?\s+(?:su|sus)\s+"
             rf"(?:empleos?|trabajos?|puestos?)\b|\ba\s+la\s+calle\b|\bpérdida\s+de\s+(?:\S+\s+){{0,3}}?(?:{JOBS})\b|"
             r"\bal\s+paro\b"),
    ("affected", rf"\b(?:{JOBS})\s+(?:\S+\s+){{0,2}}?afectad[oa]s\b|\bafecta(?:r|rá|rán|n|ría|rían)?\s+a\s+(?:{_QUAL})?"
                 rf"(?:{_NUM})\s+(?:{JOBS})\b|\bafecta\w*\s+a\s+(?:{_QUAL})?(?:{_NUM})\s+(?:mil|millones)\s+de\s+"
                 # millions of jobs, not of workers: "afectará a 12 millones de trabajadores" is a policy's reach
                 r"(?:empleos|puestos)\b"),
    # not renewing counted contracts of staff ("no renovará unos 15.000 contratos") is a cut of the public payroll
    ("cut", rf"\bno\s+(?:se\s+)?renova\w*\s+(?:{_QUAL})?(?:{_NUM})\s+contratos\b|\bdeja\w*\s+de\s+renovar(?:se)?\s+"
            rf"(?:{_QUAL})?(?:{_NUM})\s+contratos\b|\bno\s+renovación\s+de\s+(?:{_QUAL})?(?:{_NUM})\s+contratos\b"),
    ("furlough", r"(?-i:\bERTEs?\b)"),
    ("furlough", r"\bexpediente\s+de\s+regulación\s+temporal\b|\bsuspensión\s+temporal\s+de\s+empleo\b"),
    ("notice", r"(?-i:\bEREs?\b)"),
    # un centro de trabajo que cierra pierde sus empleos, aunque no se diga ("Nissan cerrará su planta de Barcelona")
    ("loss", r"\b(?:cierra|cerrará|cierran|cerrarán)\s+(?:\S+\s+){0,4}?(?:plantas?|fábricas?|factoría|"
             r"almac[ée]n(?:es)?|centros?\s+de\s+distribución|centros?\s+logísticos?)\b"),
)

_DAYS = r"lunes|martes|miércoles|jueves|viernes|sábado|domingo"
_COMPANY = r"(?:la|el)\s+(?:empresa|compañía|dirección|grupo|firma|entidad|multinacional|consejero)"
# A news outlet as the origin of a claim: "informa el diario", "el periódico ha publicado", "citando fuentes".
_PRESS = (r"(?:diario|periódico|rotativo|agencia|cadena|medio|publicación|portal|revista|new\s+york\s+times|"
          r"wall\s+street\s+journal|financial\s+times)")
_PRESS_SAYS = r"(?:inform|public|adelant|revel|recog|asegur|señal|apunt|explic|añad|avanz|desvel)\w*"
MARKERS = (
    # despidos explicados como cultura ("el despido de 14 mil empleados fue un ajuste cultural", "no respondió a")
    # despidos con otro nombre ("despidos encubiertos", "un ERE encubierto"): una acusación, no un recorte
    # un centro cerrado por un tiempo ("cierra temporalmente sus almacenes")
    ("temporary", r"\b(?:temporalmente|provisionalmente|hasta\s+nuevo\s+aviso)\b"),
    ("explained", r"\b(?:despidos|ere|eres)\s+(?:encubiert|disfrazad|camuflad)\w*"),
    ("explained", r"\b(?:fue|fueron|es|son)\s+(?:un|una)\s+(?:ajuste|cambio|decisión)\s+cultural\b|\bno\s+(?:respondió|"
                  r"responde|está\s+vinculad[oa]|estuvo\s+vinculad[oa]|se\s+debió|se\s+debe|se\s+debían|se\s+deben)\s+a\b"),
    # robots que sustituyen empleos: un pronóstico de automatización
    ("forecast", r"\b(?:reemplaz|sustitu)\w+\s+(?:\S+\s+){0,5}?(?:empleos|trabajadores|puestos)\s+(?:por|con)\s+robots\b|"
                 r"\b(?:robots?|automatización|la\s+ia|inteligencia\s+artificial)\s+(?:\S+\s+){0,2}?(?:podría\w*|"
                 r"reducirá|eliminará|sustituirá|reemplazará)\b"),
    # recortes explicados ("los 14.000 despidos no fueron motivados por la IA"): un tema, no un acto
    ("explained", r"\b(?:fueron|son|fue|es)\s+(?:\w+\s+)?(?:motivad[oa]s?|impulsad[oa]s?)\s+por\b"),
    # otra medida junto a esta ("al margen de los recortes anunciados en enero")
    ("separate", r"\b(?:independientes?\s+de|al\s+margen\s+de|separad[oa]s?\s+de|sin\s+relación\s+con|"
                 r"no\s+(?:está|están)\s+relacionad[oa]s?)\b"),
    ("separate", r"^\W*por\s+separado,"),  # a separate piece of news opens the sentence
    ("leak", rf"\b{_PRESS_SAYS}\s+(?:el|la|los)\s+(?:\w+\s+)?{_PRESS}\b|"
             rf"\b(?:el|la)\s+{_PRESS}\s+(?:[\w'’-]+\s+){{0,4}}?(?:ha\s+|había\s+)?{_PRESS_SAYS}\b|"
             r"\bcitando\s+(?:a\s+)?(?:fuentes|personas|un\s+informe|documentos)\b|"
             r"\bfuentes\s+(?:anónimas|internas|del\s+sector|de\s+la\s+(?:compañía|empresa)|familiarizadas|"
             r"al\s+tanto)\b|\bpersonas\s+(?:familiarizadas|conocedoras|al\s+tanto)\b"),
    ("leak", rf"\bsegún\s+(?!{_COMPANY}\b)(?!(?:ha\s+|han\s+)?(?:anunci|inform|comunic|explic|confirm|indic|"
             rf"detall)\w*)|\bfuentes\s+(?:cercanas|conocedoras|sindicales|próximas|consultadas)\b|"
             r"\bha\s+(?:podido\s+saber|adelantado)\b|\badelanta\w*\b|\bhabría\w*\b|\bpublica\s+(?:el|la)\b"),
    ("confirm", r"\b(?:anunci(?!ar\b)\w+|confirm(?!ar\b)\w+|acaba(?:n)?\s+de\s+(?:anunciar|confirmar)|comunic\w+|inform\w+|notific\w+|present\w+|plante\w+|traslad\w+|"
                r"nota\s+de\s+prensa|carta|registr\w+)\b"),
    ("speech", rf"\b(?:ha\s+dicho|dijo|afirm\w+|asegur\w+|explic\w+|señal\w+|indic\w+|declar\w+|según\s+{_COMPANY})\b"),
    ("deny", r"\b(?:niega|niegan|negó|desmient\w+|(?<!\bno\s)descart\w+|rechaz\w+|no\s+prevé|rumores?)\b"),
    ("negation", r"\b(?:no(?!\s+(?:se\s+)?(?:descart|excluy)\w*)|ni|sin|nunca|ningún|ninguna|ninguno)\b"),
    # "no descarta un ERTE": not ruling a cut out leaves it possible
    ("speculative", r"\b(?:no\s+(?:se\s+)?(?:descart|excluy)\w*|podrí\w+|posible\w*|quizá\w*|riesgo\s+de|tem(?:e|en|or|ores)|amenaz\w+\s+con)\b"),
    ("modal", r"\b(?:podrí\w+)\b"),  # a modal verb alone (see `modality`)
    ("conditional", r"\bsi\b|\ben\s+caso\s+de\b|\ba\s+menos\s+que\b|\bsalvo\s+que\b"),
    ("forecast", r"\b(?:previsión\w*|calcul\w+|estim\w+|encuesta|sondeo|espera|esperan|advierte\w*|alert\w+|analistas?|expertos?|"
                 r"estudio|informe|en\s+los\s+próximos\s+años|a\s+largo\s+plazo|ahorrar\w*)\b"),
    ("hypothetical", r"\?|¿|\bqué\s+pasaría\b|\by\s+si\b"),
    ("past", r"\b(?:ya\s+(?:había|despidió|anunció|recortó)|el\s+año\s+pasado|el\s+pasado\s+(?:año|mes)|anteriormente|"
             r"previamente|hace\s+(?:un|dos|tres|\d+)\s+(?:año|años|meses)|había\w*\s+(?:\S+\s+){0,2}?(?:anunciado|"
             r"despedido|recortado|eliminado)|un\s+año\s+después|tras\s+(?:el|los)\s+(?:ERE|despidos)|antiguos?|"
             r"durante\s+la\s+(?:pandemia|crisis)|haber\s+(?:reducido|recortado|despedido|eliminado|suprimido|aplicado)|"
             r"(?:\w+\s+)?(?:días|semanas|meses)\s+después\s+de\s+(?:anunciar|(?:el|su)\s+anuncio)|el\s+mes\s+pasado)\b"),
    # a plan done or paying off ("tras completar su ERE", "el ahorro del ERE"): its cuts are the past
    ("past", r"\btras\s+(?:completar|concluir|culminar|finalizar|cerrar|ejecutar|aplicar)\b|\b(?:ahorros?|efectos?|"
             r"frutos)\s+del?\s+(?:ere|ajuste|recorte|plan\s+de\s+(?:bajas|salidas))\b|\b(?:ha|han|se\s+ha|fue)\s+"
             r"(?:completad[oa]|concluid[oa]|culminad[oa]|finalizad[oa])\b"),
    ("cumulative", r"\b(?:desde|suman|acumul\w+|hasta\s+ahora|en\s+lo\s+que\s+va)\b|"
                   # the whole plan a round belongs to: "parte de un plan más amplio para recortar 30.000 empleos"
                   r"\b(?:parte|marco)\s+de\s+un\s+plan\s+(?:más\s+)?(?:amplio|global|general)\b"),
    ("current", r"\b(?:despidos|recortes|ere)\s+(?:\S+\s+){0,3}?(?:afectan|afecta|llegan|llega|alcanzan|alcanza|"
                r"comienzan)\b"),
    ("current", rf"\b(?:esta\s+semana|hoy|este\s+(?:{_DAYS})|nuev[oa]s?|otr[oa]s|segunda\s+(?:ola|ronda)|de\s+nuevo|"
                r"otra\s+vez|comienza|inicia\w*|amplía[n]?\s+(?:su|el|sus|los)\s+(?:ere|erte|despidos|recortes))\b"),
    ("plan", r"\b(?:prevé|plante\w+|plan\w*|pretende|quiere|busca|va\s+a|aplicará|propone|propuesta|anunci\w+)\b"),
    ("generic", r"\b(?:empresas|compañías|empleadores|sector|industria|patronal|startups|bancos|grandes\s+tecnológicas|"
                r"tecnológicas|proptech|la\s+IA|la\s+inteligencia\s+artificial|robots)\b"),
    ("closure", r"\b(?:cierr\w+|cerr\w+|clausur\w+|concurso\s+de\s+acreedores|liquidación|quiebra|insolvencia|"
                r"ceses?\s+de\s+actividad|baja\s+la\s+persiana)\b"),
    ("restructuring", r"\b(?:reestructuración|reorganización|ajuste|plan\s+de\s+(?:viabilidad|eficiencia|"
                      r"transformación)|"
                      r"viabilidad|bajas\s+voluntarias|prejubilaciones)\b"),
    # los resultados de una empresa ("resultados trimestrales", "beneficio se dispara")
    ("results", r"\b(?:resultados\s+(?:trimestrales|anuales|semestrales|del\s+\w+\s+trimestre)|"
                r"(?:beneficio|facturación|ingresos)\s+(?:se\s+dispara|crece|cae|sube|baja)|beneficio\s+neto|pérdidas?\s+netas?)\b"),
    ("statistics", r"\b(?:paro\s+registrado|desempleo|tasa\s+de\s+paro|afiliación|afiliados|mercado\s+laboral|EPA)\b"),
    ("hiring", r"\b(?:contrat\w+|incorpor\w+|crear\w*\s+(?:\S+\s+){0,3}empleos|creación\s+de\s+(?:\S+\s+){0,3}empleos|"
               r"nuevos\s+empleos|generará)\b"),
    # (a generic explainer, "cómo funciona un ERE"; not one of a named cut, "las claves del ERE de <firm>: 1.200 despidos")
    ("advice", r"\b(?:qué\s+hacer|qué\s+debes\s+saber|claves\s+para|guía|consejos|cómo\s+funciona\s+(?:un|una)|"
               r"qué\s+es\s+un\s+(?:ere|erte))\b"),
    ("recap", r"\b(?:cronología|repaso|balance\s+del\s+año|encadenan)\b|(?:^|[|:–-]\s*)(?:opinión|análisis|tribuna|"
              r"columna)\s*(?:[:|–-]|\.\s)"),
)

_ORG_NOUNS = (
    r"empresa|compañía|firma|grupo|entidad|cadena|fabricante|multinacional|tecnológica|operadora|plataforma|startup|"
    r"fintech|banco|aseguradora|distribuidora|sociedad|factoría|planta|fábrica|red|ayuntamiento|hospital|universidad"
)
WORDS = Words(
    code="es",
    job_nouns=JOBS,
    cut_reference=(
        r"\\b(?:los|las|el|la|este|esta|estos)\\s+(?:despidos|plan|ere|recortes|información|ajuste|salidas)\\b"
    ),
    trigger=(
        r"desp[ie]d|\beres?\b|\bertes?\b|expediente|recort|destru|reduc|redujo|ajust|bajas|prejubilac|perder|calle|"
        r"pérdida|paro\b|afecta|suspensión|elimin|suprim|prescind|amortiz|riesgo|aire\b|peligro|amenaz|perdid|renova|"
        r"desaparecer"
    ),
    cues=CUES,  # type: ignore[arg-type]
    markers=MARKERS,  # type: ignore[arg-type]
    anaphors=rf"(?:la|el|esta|este)\s+(?:[\w-]+\s+)?(?:{_ORG_NOUNS})",
    org_nouns=_ORG_NOUNS,
    object_before=r"en",
    clause_openers=(
        r"mientras|tras|después|pero|que|quien|quienes|donde|cuando|aunque|porque|ya\s+que|pese\s+a|según|lo\s+que|"
        r"sin\s+embargo|y\s+(?:el|la|los|las)"
    ),
    bare_openers=r"tras(?!\s+(?:\d|más\s+de|casi))|después\s+de(?!\s+(?:\d|más\s+de|casi))|mientras|aunque|porque|pese\s+a|ya\s+que",
    not_subject_before=(
        r"en|de|del|para|con|por|a|al|contra|como|que|sobre|tras|desde|entre|hacia|rival|cliente|proveedor|"
        r"filial\s+de|propietaria\s+de|matriz\s+de"
    ),
    descriptor_after=r"\s+(?:cliente|proveedor|rival|competidor)\b",
    person_titles=(
        r"consejero\s+delegado|consejera\s+delegada|CEO|presidente|presidenta|director\w*|ministro|ministra|portavoz|"
        r"secretario\s+general|fundador\w*|cofundador\w*|alcalde\w*|analista|economista|responsable|líder|"
        r"sindicalista|delegado\s+sindical|don|doña|Sr\.|Sra\."
    ),
    org_words=(
        r"(?-i:S\.A\.|SA|S\.L\.|SL|Grupo|Group|Banco|Compañía|Industrias|Laminados|Componentes|Transmisiones|Cementos|"
        r"Conservas|España|Seguros|Caja|Ayuntamiento|Universidad|Hospital|Juguetes|Construcciones|Transportes)"
    ),
    non_employers=(
        r"CCOO|Comisiones\s+Obreras|UGT|USO|CGT|CSIF|ELA|LAB|CIG|.*[Ss]indicato\w*|Seguridad\s+Social|"
        r"Ministerio\s+de\s+Trabajo|SEPE|INE|EFE|Europa\s+Press|Reuters|Bloomberg|(?-i:Tribunal\b.*|Audiencia\b.*|"
        r"Juzgado\b.*|Ley\b.*|Estatuto\s+de\s+los\s+Trabajadores|Navidad|Semana\s+Santa|Nochevieja)"
    ),
    not_names=frozenset(
        # adjectives a headline may open on ("Nouveaux licenciements chez <firm>"): never a name
        "nuevos nuevas nueva nuevo masivos masivo masivas otra otro "
        # question words opening a headline's second sentence ("... ? Cosa prevede la legge")
        "qué cómo cuándo quién quiénes cuánto cuántos cuántas dónde cuál cuáles "
        "el la los las lo un una unos unas del de al a en por para con sin sobre tras desde hasta según entre mientras "
        "pero y o ni que quien cuando donde como más menos todo todos toda todas cada ningún ninguna varios varias "
        "algunos algunas este esta estos estas ese esa su sus se le les ya también además hoy ayer trabajadores "
        "empleados sindicatos plantilla dirección lunes martes miércoles jueves viernes sábado domingo enero "
        "febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
    ),
    connectors=frozenset("de del la y & el".split()),
    months={
        "enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "mar": 3, "abril": 4, "abr": 4, "mayo": 5,
        "junio": 6, "jun": 6, "julio": 7, "jul": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9,
        "sept": 9, "sep": 9, "octubre": 10, "oct": 10, "noviembre": 11, "nov": 11, "diciembre": 12, "dic": 12,
    },
    weekdays=("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    relative_days=(("hoy", 0), ("ayer", 1), ("esta semana", 0), ("la semana pasada", 7)),
    number_words={
        "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
        "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17,
        "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
        "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "mil": 1000,
    },
    scales={"mil": 1000, "millones": 1_000_000, "millón": 1_000_000},
    vague=(
        ("cientos de miles", 200_000, 999_999), ("decenas de miles", 20_000, 99_999), ("varios cientos", 200, 900), ("cientos", 200, 999), ("centenares", 200, 999), ("varios miles", 2000, 9000),
        ("miles", 2000, 9999), ("decenas", 20, 99), ("un centenar", 100, 100), ("una decena", 10, 10),
        ("un millar", 1000, 1000), ("unas decenas", 20, 99),
    ),
    qualifiers=(
        ("approx", r"unos|unas|alrededor\s+de|cerca\s+de|casi|aproximadamente|en\s+torno\s+a|del\s+orden\s+de"),
        ("min", r"más\s+de|al\s+menos|como\s+mínimo|por\s+encima\s+de"),
        ("max", r"hasta|como\s+máximo|menos\s+de|un\s+máximo\s+de"),
    ),
    date_context={
        "future_before": r"(?:a\s+partir\s+del?|mañana,?|hasta|antes\s+del?|desde\s+el\s+próximo|próximo|para)\s+(?:el\s+)?$",
        "year_prefix": r"en|desde|hasta|durante|a\s+finales\s+de|a\s+principios\s+de|a\s+mediados\s+de|antes\s+de",
        "weekday_prefix": r"el|este|desde\s+el|pasado",
    },
    fractions=(("la mitad", 50.0), ("un tercio", 33.3), ("una cuarta parte", 25.0), ("un cuarto", 25.0),
               ("dos tercios", 66.7), ("una quinta parte", 20.0)),
    count_context={
        # la plantilla de un centro que cierra es la cifra ("cerrar la planta, que emplea a 2.500 trabajadores")
        "closing_site_before": rf"\b(?:cerr(?:ar|ará|arán|ó|aron|ado|ada)|cierr(?:a|an|e)|cierre\s+(?:de|del))\s*(?:\S+\s+){{0,5}}?(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:que\s+(?:emplea|empleaba|da\s+empleo|ocupa|cuenta\s+con|tiene)|con|donde\s+trabajan)\s+(?:{_QUAL})?(?:a\s+)?$",
        "site_before": rf"\b(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:que\s+(?:emplea|da\s+empleo|ocupa|cuenta\s+con|tiene)|donde\s+trabajan)\s+(?:{_QUAL})?(?:a\s+)?$",
        "closing_after": rf"^\s*(?:\S+\s+)?(?:{_SITE_STAFF})?,?\s+(?:\S+\s+){{0,3}}?(?:cerrará|cerrarán|será\s+cerrad[oa]|serán\s+cerrad[oa]s)",
        "percent": r"%|\s*por\s+ciento\b",
        "share_after": (
            r"^\s+(?:de|del)\s+(?:su|la|sus|los)?\s*(?:\w+\s+){0,2}?(?:plantilla|empleados|trabajadores|personal|"
            r"empleos|puestos)\b"
        ),
        "noun_after": r"^\s+(?:\w+\s+)?(?:despidos|salidas|bajas)\b",
        "base_before": (
            r"(?:\b(?:emplea|empleaba|cuenta\s+con|tiene|tenía|contratará|contratar|creará|crear|de\s+(?:sus|los)|"
            r"entre\s+(?:sus|los))\s+(?:(?:unos|más\s+de|casi|cerca\s+de)\s+){0,2})$"
        ),
        "base_after": r"^\s+(?:empleados|trabajadores|personas)\s+(?:en\s+todo\s+el\s+mundo|en\s+España|en\s+total)",
        "not_count_after": (
            r"^\s*(?:%|por\s+ciento|millones\s+de\s+(?:euros|dólares)|euros|€|dólares|años|meses|semanas|días|horas|"
            r"tiendas|oficinas|centros|fábricas|plantas|sucursales|puntos|contrataciones|procedimientos)"
        ),
        "verb_before": (
            r"(?:desp[ie]d\w*(?:\s+(?:a|de),?)?|recort\w+|elimin\w+|suprim\w+|afect\w+\s+a|deja\s+en\s+la\s+calle\s+a|"
            r"prescind\w+\s+de|salida\s+de|"
            r"otros|otras|para|renovar\w*|renovarse)\s*$"
        ),
        "cumulative": r"\b(?:desde|suman|acumul\w+|hasta\s+ahora)\b",
        "cumulative_after": r"^[^,.;]{0,50}?\b(?:desde\s+(?:19|20)\d\d|hasta\s+ahora)\b",
        "cumulative_reset": r"\b(?:nuevo|nueva|otros|otras|anunci\w+|prevé|despedirá|recortará)\b",
        # a smaller workforce states the cut: "<staff> de 1.200 a 900 empleados" cuts 300 (headcount)
        "range_from": r"de|desde",
        "reduce_to": r"a|hasta",
        "range_to": r"a|al|-|–",
        "range_between": r"entre",
        "range_and": r"y",
    },
    space_thousands=True,  # "18 000": a thin or plain space between thousands is common in print
    technology=r"(?-i:IA|AI)|inteligencia\s+artificial|automatización|robots?|robótica",
)
