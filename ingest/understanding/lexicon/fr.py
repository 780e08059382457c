"""French (France, Belgium, Switzerland, Québec): layoff vocabulary as regex fragments.

French news uses the conditional for figures not yet final ("677 postes seraient supprimés"):
it reads as attribution (a leak) unless the employer's own announcement is in the article.
"""

from ingest.understanding.lexicon import Words

JOBS = (
    r"postes|emplois|salariés|salariées|employés|employées|personnes|collaborateurs|collaboratrices|effectifs|"
    r"travailleurs|agents|ouvriers|cadres|intérimaires|fonctionnaires|personnels|emplois\s+directs|CDI|"
    r"salariés\s+permanents|employés\s+permanents"
)
_GAP_STOP = r"prix|tarifs?|taux|coûts|dividende|prévisions?|vols|trains|TER|lignes|magasins|boutiques|agences|pour|avec|sur"
_GAP = rf"(?:\s+(?!(?:{_GAP_STOP})\b)[\w'’%.,\u00a0\u202f-]+){{0,7}}?"
_QUAL = r"(?:environ|près\s+de|quelque|plus\s+de|jusqu['’]à|au\s+moins)\s+"
_NUM = r"\d[\d\u00a0\u202f .']*\d|\d"

# Workplaces whose closure loses their staff, and the staff nouns of their stated workforce.
_SITES = (
    r"usines?|sites?|entrepôts?|magasins?|agences?|établissements?|ateliers?|papeteries?|centres?|abattoirs?|fonderies?|raffineries?|dépôts?|laboratoires?|bureaux|plateformes?|hôtels?|studios?|mines?|chantiers?"
)
_SITE_STAFF = r"salariés|employés|personnes|emplois|postes|collaborateurs|ouvriers|agents|travailleurs"

CUES = (
    # un site qui ferme avec ses effectifs perd ces emplois ("la fermeture de son usine, qui emploie 1 200 salariés")
    # a chain closing all its shops (not for a day, works or a holiday)
    ("loss", r"\b(?:ferm(?:er|e|era|eront|ent)|fermeture\s+de)\s+(?:\S+\s+){0,2}?(?:tous|toutes)\s+(?:ses|leurs|les)\s+"
             r"(?:\d+\s+)?(?:\w+\s+){0,2}?(?:magasins|boutiques|restaurants|enseignes)\b"
             r"(?![^.;:]{0,60}?\b(?:le\s+(?:1er|\d+)|le\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|pour\s+(?:\w+\s+)?"
             r"(?:jours?|semaines?|heures?|travaux|inventaire)|temporairement|pendant|jusqu['’]à\s+nouvel\s+ordre|à\s+\d+|"
             r"dimanche|férié)\b)"),
    ("loss", rf"\b(?:ferm(?:er|e|era|eront|ent|é|ée|és|ées|eture\s+(?:de|du|des|d['’]))|clôtur\w+)\s*(?:\S+\s+){{0,5}}?(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:qui\s+(?:emploie|employait|emploient|compte|comptait|comptent)|employant|comptant|où\s+travaillent|avec)\s+(?:{_QUAL})?(?:{_NUM})\s+(?:\S+\s+)?(?:{_SITE_STAFF})\b"
             rf"|\b(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:qui\s+(?:emploie|compte|emploient|comptent)|employant|comptant|où\s+travaillent)\s+(?:{_QUAL})?(?:{_NUM})\s+(?:\S+\s+)?(?:{_SITE_STAFF})\b,?\s+(?:\S+\s+){{0,3}}?(?:va|vont|devrait|devraient|doit|doivent|sera|seront)\s+(?:\S+\s+)?(?:fermer|être\s+fermée?s?|fermée?s?)"
             # "Employant quelque 2 000 personnes, ces centres seront fermés": the workforce told first
             rf"|\bemployant\s+(?:{_QUAL})?(?:{_NUM})\s+(?:\S+\s+)?(?:{_SITE_STAFF})\b[^.;]{{0,80}}?,\s+(?:ces|les|le|la|l['’])\s*"
             rf"(?:{_SITES})\b[^.;]{{0,60}}?\s+(?:seront|sera|vont|va)\s+(?:\S+\s+)?(?:fermés?|fermées?|fermer)\b"
    ),
    # "se sépare d'une centaine d'employés", "va se séparer de 200 salariés": parting with staff
    ("cut", rf"\bs[e'’]\s*sépar\w*\s+(?:de\s+|d['’]\s*)(?:[\w'’,.\u00a0\u202f-]+\s+){{0,4}}?(?:d['’]\s*|de\s+)?(?:{JOBS})\b"),
    ("cut", rf"\b(?:supprim\w+|suppression\s+de|réduire|réduit|réduira|réduiront|réduisent|réduction\s+de|sabr\w+|"
            rf"taill\w+\s+dans|coupe\w*\s+dans|se\s+sépar\w+\s+de|se\s+séparer\s+de|congédi\w+|élimin\w+|"
            rf"licenci\w+|limog\w+){_GAP}\s+(?:d['’])?(?:{JOBS})\b"),  # "ne supprimera pas d'emplois"
    # Canadian French lays off "à pied" ("mettra à pied ses 120 chauffeurs", "1 700 mises à pied"); a "mise à pied"
    # of one person in France is a suspension ("mise à pied conservatoire"), so the singular noun needs a count
    # ("les 450 travailleurs mis à pied" are staff laid off before, as "the laid-off workers": a past marker)
    ("staff", r"\bmet(?:tre|tra|tront|tent|tait|taient|trait|traient)?\s+à\s+pied\b|\bmis(?:es)?\s+à\s+pied\b"
              # (a sanction or a suspension pending an inquiry: "pour trois jours", "avec solde", "en attendant l'enquête";
              # a temporary layoff, "pendant trois semaines", is a layoff)
              r"(?!\s+(?:(?:à\s+titre\s+)?(?:conservatoire|disciplinaire)|pour\s+(?:\w+\s+)?(?:jours?|matchs?|parties)\b|(?:avec|sans)\s+solde\b|"
              r"en\s+attendant\s+(?:les\s+conclusions|l['’]issue|le\s+résultat|une\s+enquête|l['’]enquête)))"),
    ("noun", r"\bmis(?:es)?\s+à\s+pied\b(?!\s+(?:(?:à\s+titre\s+)?(?:conservatoire|disciplinaire)|pour\s+(?:\w+\s+)?(?:jours?|matchs?|parties)\b|(?:avec|sans)\s+solde\b|"
             r"en\s+attendant\s+(?:les\s+conclusions|l['’]issue|le\s+résultat|une\s+enquête|l['’]enquête)))"
             r"|\bmise\s+à\s+pied\s+(?:de\s+|d['’])(?:\d|plus|près|quelque|centaines|milliers|"
             r"dizaines|tous|toutes|ses|leurs)"),
    ("staff", r"\blicenci(?:e|ent|er|era|eront|ait|aient|é|és|ée|ées)\b|\bmis(?:e|es)?\s+à\s+la\s+porte\b|"
              r"\bremerci(?:e|é|és)\s+(?:\S+\s+){0,3}?(?:salariés|employés)\b"),
    ("noun", r"\blicenciements?\b|\bsuppressions?\s+(?:de\s+|d['’])(?:\S+\s+){0,2}?(?:de\s+|d['’])?(?:postes|emplois)\b|"
             r"\bplans?\s+soci(?:al|aux)\b|"
             r"\bplan\s+de\s+sauvegarde\s+de\s+l['’]emploi\b|\brupture\s+conventionnelle\s+collective\b|"
             r"\bdéparts?\s+(?:volontaires|contraints)\b|\b(?:réduction|baisse|diminution)\s+(?:\w+\s+)?(?:des|d['’]|de\s+(?:nos|ses|leurs))\s*effectifs\b|"
             r"\bcompression\s+(?:de\s+personnel|d['’]effectifs)\b|\bvague\s+de\s+licenciements\b|\bcasse\s+sociale\b|"
             r"\bdégraissage\b|\bsuppressions\b"),
    ("noun", r"(?-i:\bPSE\b|\bRCC\b)"),
    ("loss", rf"\b(?:{JOBS})\s+(?:\S+\s+){{0,3}}?(?:supprimés|supprimées|menacés|menacées|en\s+jeu|sur\s+la\s+sellette|"
             r"condamnés|perdus|détruits|disparaîtr\w+|disparaître|abolis|abolies|en\s+danger)\b"
             rf"|\bmenaç\w+\s+(?:{_QUAL})?(?:{_NUM})\s+(?:{JOBS})\b"
             r"|\bperd(?:re|ent|ront|raient|rait)\s+(?:leur|son|sa)\s+(?:emploi|travail|poste)\b|"
             rf"\bperd(?:re|ent|ront|raient|rait|u)\s+(?:{_QUAL})?(?:{_NUM})\s+(?:{JOBS})\b|\bperte\s+(?:de\s+|"
             r"d['’])"
             rf"(?:\S+\s+){{0,3}}?(?:{JOBS})\b|\bsur\s+le\s+carreau\b|\bpertes\s+d['’]emplois\b|\bau\s+chômage\b"),
    ("affected", rf"\b(?:{JOBS})\s+(?:\S+\s+){{0,2}}?(?:concernés|concernées|touchés|touchées|impactés|affectés)\b|"
                 rf"\b(?:concerne|touche|affecte)\w*\s+(?:{_QUAL})?(?:{_NUM})\s+(?:{JOBS})\b"),
    ("furlough", r"\bchômage\s+(?:partiel|technique)\b|\bactivité\s+partielle\b"),
    ("notice", r"\bprocédure\s+de\s+licenciement\s+collectif\b|\bplan\s+de\s+départs\b"),
    # un lieu de travail qui ferme perd ses emplois, même sans mot d'emploi ("Arkema ferme son site de Chauny")
    ("loss", r"\b(?:ferm(?:e|ent|era|eront)|va\s+fermer|vont\s+fermer)\s*(?:(?!et\b|ou\b)\S+\s+){0,4}?"
             r"(?:usines?|sites?|entrepôts?|raffinerie|fonderie|abattoir|papeterie|aciérie|centres?\s+de\s+distribution)\b"),
)

_DAYS = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_COMPANY = r"(?:la|le|l['’])\s*(?:direction|entreprise|groupe|société|PDG|porte-parole|communiqué)"
# A news outlet as the origin of a claim: "indique le quotidien", "le journal a révélé", "si l'on en croit".
_PRESS = (r"(?:quotidien|journal|hebdomadaire|magazine|publication|média|site|agence|chaîne|presse|confrère|"
          r"new\s+york\s+times|wall\s+street\s+journal|financial\s+times)")
_PRESS_SAYS = r"(?:indiqu|rapport|écri|précis|affirm|soulign|ajout|révél|expliqu|assur|not|poursui|annonc|apprend)\w*"
MARKERS = (
    # des robots qui remplacent des emplois: une prévision d'automatisation
    ("forecast", r"\bremplac\w+\s+(?:\S+\s+){0,5}?(?:emplois|salariés|postes)\s+par\s+des\s+robots\b|"
                 r"\b(?:robots?|robotique|automatisation|l['’]ia)\s+(?:\S+\s+){0,2}?(?:pourrai\w*|va|vont|devrai\w*|"
                 r"réduira|supprimera|remplacera)\s+(?:\S+\s+){0,2}?(?:supprimer|remplacer|réduire|effectifs|emplois)"),
    # des suppressions expliquées ("ces 14 000 suppressions n'étaient pas motivées par l'IA"): un sujet, pas un acte
    # des licenciements sous un autre nom ("plans sociaux déguisés"): une accusation, pas une suppression
    # un site fermé pour un temps ("ferme temporairement ses entrepôts")
    ("temporary", r"\b(?:temporairement|provisoirement|momentanément|jusqu['’]à\s+nouvel\s+ordre)\b"),
    ("explained", r"\b(?:plans?\s+sociaux?|plans?\s+social|licenciements?|suppressions?\s+de\s+postes)\s+"
                  r"(?:déguisé|masqué|caché|dissimulé|larvé)\w*"),
    ("explained", r"\b(?:étaient|sont|était|est)\s+(?:pas\s+)?(?:\w+ment\s+)?(?:motivé\w*|dicté\w*)\s+par\b"),
    # une autre mesure à côté de celle-ci ("indépendamment du plan annoncé en janvier")
    ("separate", r"\b(?:indépendamment\s+d|distincts?\s+d|distinctes?\s+d|sans\s+(?:aucun\s+)?(?:lien|rapport)\s+avec)"),
    ("separate", r"^\W*par\s+ailleurs,"),  # a separate piece of news opens the sentence
    ("leak", rf"\b{_PRESS_SAYS}\s+(?:le|la|l['’]|les)\s*(?:\w+\s+)?{_PRESS}\b|"
             rf"\b(?:le|la|l['’])\s*{_PRESS}\s+(?:[\w'’-]+\s+){{0,4}}?(?:a\s+|avait\s+)?{_PRESS_SAYS}\b|"
             r"\bsi\s+l['’]on\s+en\s+croit\b|\bciter?\w*\s+(?:des|de)\s+sources\b|\bd['’]après\s+des\s+sources\b|"
             r"\bsources?\s+(?:anonymes?|proches|bien\s+informées|au\s+fait|familières)\b"),
    ("leak", rf"\bselon\s+(?!{_COMPANY}\b)(?!(?:un|le|son)\s+communiqué)|\bd['’]après\s+(?!{_COMPANY}\b)|"
             rf"\bsources?\s+(?:proches?|syndicales?|internes?|"
             r"concordantes)\b|\bde\s+source\s+\w+\b|\brapporte\w*\b|\brévèle\w*\b|\ba\s+appris\b|\baurai(?:t|ent)\b|"
             r"\bserai(?:t|ent)\b|\bde\s+manière\s+informelle\b|\bs['’]apprête\w*\b|\binformations?\s+de\b"),
    ("confirm", rf"\b(?:annonc(?!er\b)\w+|confirm(?!er\b)\w+|vien(?:t|nent)\s+d(?:e\s+|[\'’])(?:annoncer|confirmer)|a\s+indiqué|indique|précise|a\s+fait\s+savoir|communiqué|a\s+informé|"
                rf"présent\w+|dévoil\w+|notifi\w+|lettre|courriel|note\s+interne|mémo|selon\s+{_COMPANY})\b"),
    ("speech", r"\b(?:a\s+déclaré|déclare|a\s+dit|explique|a\s+expliqué|affirme|a\s+affirmé|assure|a\s+assuré|"
               r"souligne|a\s+souligné|estime|insiste|a\s+insisté)\b"),
    ("deny", r"\bdément\w*\b|\bdémenti\w*\b|\bnie(?:nt)?\b|\bréfute\w*\b|\bexclu(?:t|ent)\b(?!\s+pas)|\bécarte\w*\b(?!\s+pas)|"
             r"\baucun\s+(?:plan|projet)\b|\bpas\s+de\s+(?:plan\s+social|licenciements?|suppressions?)\b|\brumeurs?\b|"
             r"\bne\s+prévoi\w+\s+aucun\w*\b|\bpas\s+au\s+programme\b"),
    ("negation", r"\bne\b|\bn['’](?!(?:exclu|écarte)\w*\s+pas)|(?<!exclut\s)(?<!excluent\s)(?<!écarte\s)(?<!écartent\s)\bpas\b|\baucun\w*|\bsans\b|\bjamais\b|\bni\b"),
    ("speculative", r"\b(?:n['’](?:exclu|écarte)\w*\s+pas|pourrai\w+|éventuel\w*|possibl\w+|peut-être|risque\s+de|craint\w*|crainte\w*|inquiét\w+)\b"),
    ("modal", r"\b(?:pourrai\w+)\b"),  # a modal verb alone (see `modality`)
    ("conditional", r"\bsi\b(?!\s+l['’]on\s+en\s+croit)|\bs['’]ils?\b|\bà\s+moins\s+que\b|\ben\s+cas\s+de\b"),
    ("forecast", r"\b(?:devrai\w+|s['’]attend\w*|anticip\w+|prévision\w*|prédi\w+|étude|sondage|enquête|analystes?|économistes?|"
                 r"experts?|"
                 r"d['’]ici\s+(?:à\s+)?20[3-9]\d|dans\s+les\s+(?:prochaines|années\s+à\s+venir)|prochaines\s+années|"
                 r"à\s+l['’]horizon|prévien\w+|avert\w+|alert\w+)\b"),
    ("hypothetical", r"\?|\bet\s+si\b|\bque\s+se\s+passerait\b"),
    ("past", r"\b(?:déjà|l['’]an\s+(?:dernier|passé)|l['’]année\s+dernière|le\s+mois\s+dernier|(?<!sans\s)précédent\w*|auparavant|"
             # a season gone by, and the pluperfect of a plan's result ("lancé au printemps dernier, qui s'était
             # traduit par la suppression de 1 100 postes")
             r"(?:au|à\s+l['’]|l['’]|le)\s*(?:printemps|été|automne|hiver)\s+dernier|s['’]était\s+traduite?s?\s+par|"
             # staff laid off before, as English "laid-off workers" ("les 450 travailleurs mis à pied attendent")
             r"\bles\s+(?:\d[\d\s.]*\s+)?(?:travailleurs|travailleuses|employés|employées|salariés|salariées|ouvriers|chauffeurs)\s+"
             r"mis(?:es)?\s+à\s+pied\b|"
             r"il\s+y\s+a\s+(?:un|une|deux|trois|\d+)\s+(?:an|ans|mois|semaines)|avai(?:t|ent)\s+(?:\S+\s+){0,3}?"
             r"(?:annoncé|supprimé|licencié|fermé|confirmé)|ancien\w*|un\s+an\s+après|jadis|autrefois|dès\s+20\d\d|"
             r"pendant\s+la\s+(?:crise|pandémie)|avoir\s+supprimé|(?:\w+\s+)?(?:jours?|semaines?|mois)\s+après\s+"
             r"l['’]annonce|après\s+avoir\s+(?:achevé|finalisé|mené\s+à\s+bien|bouclé)|(?:est|a\s+été)\s+(?:achevé|"
             r"terminé|bouclé|finalisé)e?)\b"),
    ("cumulative", r"\b(?:depuis|portant\s+le\s+total|au\s+cumul|cumulé\w*|jusqu['’]ici|en\s+trois\s+mois)\b|"
                   # the whole plan a round belongs to: "dans le cadre d'un plan plus large visant 30 000 postes"
                   r"\b(?:dans\s+le\s+cadre|partie)\s+d['’]un\s+plan\s+(?:plus\s+)?(?:large|global|vaste|d['’]ensemble)\b|"
                   r"\bplan\s+global\b"),
    ("current", r"\b(?:suppressions|licenciements|plan\s+social)\s+(?:\S+\s+){0,3}?(?:touchent|touche|frappe|frappent|"
                r"atteint|atteignent|commence\w*)\b"),
    ("current", rf"\b(?:cette\s+semaine|aujourd['’]hui|ce\s+(?:{_DAYS})|nouvell\w+|nouveaux?|supplémentaires?|"
                r"d['’]autres|de\s+nouveau|à\s+nouveau|deuxième\s+vague|commenc\w+)\b"),
    ("plan", r"\b(?:va|vont|prévoi\w+|projet\w*|envisag\w+|compte|entend|veut|plan|s['’]apprête\w*|annonc\w+)\b"),
    ("generic", r"\b(?:entreprises|sociétés|employeurs|industrie|secteur|groupes|banques|constructeurs|équipementiers|"
                r"start-up|jeunes\s+pousses|géants\s+de\s+la\s+tech|la\s+tech|patronat|PME|ETI|robots|l['’]IA|"
                r"l['’]intelligence\s+artificielle)\b"),
    ("closure", r"\b(?:ferm\w+|liquidation|redressement\s+judiciaire|faillite|dépôt\s+de\s+bilan|"
                r"cessation\s+d['’]activité|"
                r"met\s+(?:un\s+)?terme|mettre\s+fin|défaillance\w*|insolvab\w+|arrêt\s+de\s+(?:la\s+)?production)\b"),
    ("restructuring", r"\b(?:restructur\w+|réorganis\w+|plan\s+de\s+transformation|plan\s+d['’]économies|économies|"
                      r"recentr\w+|réduction\s+des\s+coûts|départs\s+volontaires|préretraite\w*|reclassement)\b"),
    # les résultats financiers d'une entreprise ("résultats trimestriels", "bénéfice en hausse")
    ("results", r"\b(?:résultats\s+(?:trimestriels|annuels|semestriels|financiers|du\s+\w+\s+trimestre)|"
                r"(?:bénéfice|chiffre\s+d['’]affaires)\s+(?:en\s+hausse|en\s+baisse|bondit|recule|progresse)|bénéfices?\s+nets?|"
                r"perte\s+nette|avertissement\s+sur\s+(?:les\s+)?résultats)\b"),
    ("statistics", r"\b(?:chômage(?!\s+partiel)|demandeurs\s+d['’]emploi|marché\s+du\s+travail|taux\s+d['’]emploi)\b"),
    ("hiring", r"\b(?:recrut\w+|embauch\w+|créer\s+(?:\S+\s+){0,3}emplois|création\s+de\s+(?:\S+\s+){0,3}emplois)\b"),
    ("advice", r"\b(?:ce\s+qu['’]il\s+faut\s+savoir|que\s+faire|nos\s+conseils|comment\s+(?:réagir|rebondir|"
               r"fonctionne\s+(?:un|une)))\b"),
    ("recap", r"\b(?:chronologie|retour\s+sur|rétrospective|bilan\s+de\s+l['’]année|l['’]année\s+où|"
              r"l['’]outil\s+préféré)\b|(?:^|[|:–-]\s*)(?:tribune|éditorial|analyse|décryptage|point\s+de\s+vue|"
              r"chronique)\s*(?:[:|–-]|\.\s)"),
)

_ORG_NOUNS = (
    r"entreprise|groupe|société|firme|enseigne|constructeur|équipementier|industriel|géant|distributeur|banque|"
    r"assureur|chaîne|usine|site|start-up|fintech|plateforme|opérateur|fabricant|compagnie|filiale|marque|fonderie|"
    r"laboratoire|mairie|collectivité|hôpital|université|papeterie|fromagerie|imprimerie|éditeur|journal|spécialiste"
)
WORDS = Words(
    code="fr",
    job_nouns=JOBS,
    cut_reference=(
        r"\\b(?:les|ces|le|ce|cette|l['’])\\s*(?:suppressions|plan|projet|informations?|licenciements|réorganisation|"
        r"restructuration)\\b"
    ),
    trigger=(
        r"licenci|suppression|supprim|plans?\s+soci|pse\b|sauvegarde\s+de\s+l|rupture\s+conv|rcc\b|départs?|"
        r"réduction|rédui|compression|casse\s+sociale|dégraissage|perd|perte|carreau|chômage|"
        r"activité\s+partielle|porte\b|remerci|mena[cç]|jeu\b|sellette|condamn|détruit|dispar|aboli|danger|concern|"
        r"touch|impact|affect|sabr|taill|coupe|sépar|congédi|limog|élimin|baisse|diminution|à\s+pied"
    ),
    cues=CUES,  # type: ignore[arg-type]
    markers=MARKERS,  # type: ignore[arg-type]
    anaphors=rf"(?:l['’]|(?:le|la|ce|cette)\s+)(?:[\w-]+\s+)?(?:{_ORG_NOUNS})",
    org_nouns=_ORG_NOUNS,
    object_before=r"chez|au\s+sein\s+d[eu]|par",  # "18 000 emplois supprimés par Amazon": the agent
    clause_openers=(
        r"alors\s+que|tandis\s+que|après|car|mais|qui|dont|où|lorsque|quand|bien\s+que|même\s+si|parce\s+que|puisque|"
        r"selon|et\s+(?:le|la|les|il|elle)|ce\s+qui|afin\s+de|faute\s+de|malgré"
    ),
    bare_openers=r"après(?!\s+(?:\d|plus\s+de\s+\d|près\s+de\s+\d))|alors\s+que|tandis\s+que|parce\s+que|bien\s+que|même\s+si|malgré",
    not_subject_before=(
        r"chez|pour|avec|par|de|du|des|d['’]|à|au|aux|dans|en|sur|contre|comme|que|face\s+à|après|depuis|entre|vers|"
        r"rival|concurrent|client|fournisseur|filiale\s+de|propriétaire\s+de|patron\s+de|accusent|accuse|reproche"
    ),
    descriptor_after=r"\s+(?:fournisseur|client|concurrent|rival|propriétaire)\b",
    person_titles=(
        r"PDG|CEO|directeur(?:\s+général)?|directrice(?:\s+générale)?|patron(?:ne)?|président(?:e)?|ministre|porte-parole|"
        r"secrétaire\s+général\w*|délégué\s+syndical\w*|syndicaliste|fondateur|fondatrice|cofondat\w+|maire|"
        r"économiste|analyste|M\.|Mme|dirigeant\w*|responsable|DRH|député\w*|avocat\w*|présentat\w+"
    ),
    # public bodies employ too ("Conseil régional", "l'Éducation nationale"), as "Council" does in English
    org_words=(
        r"(?-i:SA|SAS|SARL|Groupe|Group|Banque|Société|Compagnie|Industries|Fonderie|Fonderies|Papeteries|Laboratoires|"
        r"Assurances|Mutuelle|Crédit|Caisse|Hôpital|Université|Mairie|Ville|Ministère|Chemical|Chemicals|Fromageries|"
        r"Imprimerie|Transports|Logistique|Pay|Conseil|Éducation|État|Gouvernement|Région|Département|Préfecture)"
    ),
    non_employers=(
        r"CGT|CFDT|FO|Force\s+Ouvrière|CFE-CGC|CFTC|Unsa|SUD|Solidaires|CSN|FTQ|Unifor|.*[Ss]yndicat\w*|CSE|"
        r"Altares|Insee|Dares|France\s+Travail|Pôle\s+emploi|AFP|Reuters|Bloomberg|Les\s+Echos|Le\s+Monde|"
        r"Le\s+Figaro|Banque\s+de\s+France|Tribunal.*|(?-i:Cour\b.*|Conseil\s+d['’]État|Code\s+du\s+travail|Noël|Pâques|"
        r"Toussaint|Nouvel\s+An)"
    ),
    not_names=frozenset(
        # adjectives a headline may open on ("Nouveaux licenciements chez <firm>"): never a name
        "nouveaux nouvelles nouvelle nouveau nouvel massifs massive massives importants importantes "
        # question words opening a headline's second sentence ("... ? Cosa prevede la legge")
        "quoi comment pourquoi combien où quel quelle quels quelles "
        "le la les l un une des du de d ce cette ces il elle ils elles on nous vous en au aux à dans pour par sur "
        "avec sans selon après avant depuis pendant mais et ou donc or ni car si que qui quand lorsque comme alors "
        "plus moins tous tout toute toutes chaque aucun aucune plusieurs certains certaines quelque quelques environ "
        "près entre salariés syndicats syndicat direction coup inquiétude bonne mauvaise c ça cela ceci voici voilà "
        "pourtant toutefois cependant enfin ainsi déjà reste trois deux lundi mardi mercredi jeudi vendredi samedi "
        "dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
    ),
    connectors=frozenset("de du des la le et &".split()),
    months={
        "janvier": 1, "janv": 1, "jan": 1, "février": 2, "févr": 2, "fév": 2, "mars": 3, "avril": 4, "avr": 4,
        "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "septembre": 9, "octobre": 10, "oct": 10,
        "novembre": 11, "nov": 11, "décembre": 12, "déc": 12,
    },
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    relative_days=(("aujourd'hui", 0), ("aujourd’hui", 0), ("hier", 1), ("cette semaine", 0),
                   ("la semaine dernière", 7), ("ce matin", 0)),
    number_words={
        "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
        "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "dix-sept": 17,
        "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
        "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90, "cent": 100,
        "mille": 1000,
    },
    scales={"mille": 1000, "millions": 1_000_000, "million": 1_000_000},
    vague=(
        ("plusieurs centaines de milliers", 200_000, 900_000), ("des centaines de milliers", 200_000, 999_999),
        ("des dizaines de milliers", 20_000, 99_999), ("plusieurs centaines", 200, 900), ("quelques centaines", 200, 500), ("des centaines", 200, 999),
        ("plusieurs milliers", 2000, 9000), ("quelques milliers", 2000, 5000), ("des milliers", 2000, 9999),
        ("des dizaines", 20, 99), ("plusieurs dizaines", 20, 99), ("une centaine", 100, 100),
        ("un millier", 1000, 1000), ("une dizaine", 10, 10), ("une vingtaine", 20, 20), ("une trentaine", 30, 30),
        ("une quarantaine", 40, 40), ("une cinquantaine", 50, 50), ("une soixantaine", 60, 60),
    ),
    qualifiers=(
        ("approx", r"environ|près\s+de|quelque|autour\s+de|approximativement|presque|pratiquement|à\s+peu\s+près"),
        ("min", r"plus\s+de|au\s+moins|au-delà\s+de|pas\s+moins\s+de"),
        ("max", r"jusqu['’]à|au\s+maximum|au\s+plus|moins\s+de|pas\s+plus\s+de"),
    ),
    date_context={
        "future_before": (
            r"(?:à\s+partir\s+d[eu]|demain,?|d['’]ici(?:\s+à)?|jusqu['’](?:à|au|en)|dès|avant|d['’]ici\s+fin|prochain\w*|fin)\s+"
            r"(?:le\s+|la\s+)?$"
        ),
        "year_prefix": r"en|depuis|dès|d['’]ici|fin|début|mi-?|courant|jusqu['’]en|à\s+l['’]horizon",
        "weekday_prefix": r"ce|le|dès|depuis",
    },
    fractions=(("la moitié", 50.0), ("un tiers", 33.3), ("un quart", 25.0), ("un cinquième", 20.0),
               ("deux tiers", 66.7), ("un salarié sur dix", 10.0)),
    count_context={
        # l'effectif d'un site qui ferme est le nombre ("fermer son usine, qui emploie 1 200 salariés")
        "closing_site_before": rf"\b(?:ferm(?:er|e|era|eront|ent|é|ée|és|ées|eture\s+(?:de|du|des|d['’]))|clôtur\w+)\s*(?:\S+\s+){{0,5}}?(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:qui\s+(?:emploie|employait|emploient|compte|comptait|comptent)|employant|comptant|où\s+travaillent|avec)\s+(?:{_QUAL})?$",
        "site_before": rf"(?:\b(?:{_SITES})\b(?:\s+\S+){{0,3}}?,?\s+(?:qui\s+(?:emploie|compte|emploient|comptent)|employant|comptant|où\s+travaillent)|^\W*employant)\s+(?:{_QUAL})?$",
        "closing_after": rf"^\s*(?:\S+\s+)?(?:{_SITE_STAFF})?(?:,?\s+(?:\S+\s+){{0,3}}?|\b[^.;]{{0,80}}?,\s+(?:ces|les|le|la|l['’])\s*(?:{_SITES})\b[^.;]{{0,60}}?\s+)(?:va|vont|devrait|devraient|doit|doivent|sera|seront)\s+(?:\S+\s+)?(?:fermer|être\s+fermée?s?|fermée?s?)",
        "percent": r"%|\s*pour\s*cent\b",
        "share_after": (
            r"^\s+(?:de|des|d['’])\s*(?:ses|leurs|la|l['’]|son|sa)?\s*(?:\w+\s+){0,2}?(?:effectifs|salariés|personnel|"
            r"emplois|postes|main-d['’]œuvre|collaborateurs)\b"
        ),
        "noun_after": r"^\s+(?:\w+\s+)?(?:suppressions|licenciements|départs|mises\s+à\s+pied)\b",
        "base_before": (
            r"(?:\b(?:emploie|employait|emploient|employaient|compte|comptait|sur\s+(?:ses|les|un\s+total\s+de)|"
            r"de\s+ses|"
            r"parmi\s+les|recrut\w+|embauch\w+|créer|créera|crée|qui\s+employaient)\s+(?:(?:environ|près\s+de|quelque|"
            r"plus\s+de)\s+){0,2})$"
        ),
        "base_after": r"^\s+(?:personnes|salariés)\s+(?:dans\s+le\s+monde|en\s+France|sur\s+le\s+continent)",
        "not_count_after": (
            r"^\s*(?:%|pour\s*cent|milliards?|millions?\s+d['’]euros|euros|€|(?:de\s+)?dollars|d['’]euros|ans|années|mois|semaines|jours|"
            r"heures|magasins|agences|sites|usines|entrepôts|boutiques|points\s+de\s+vente|saisons|numéros|projets|"
            r"procédures|foyers)"
        ),
        "verb_before": r"(?:supprim\w+|licenci\w+|sépar\w+\s+de|suppression\s+de|coupe|taille|à\s+pied(?:\s+(?:ses|leurs))?|de)\s*$",
        "cumulative": r"\b(?:depuis|portant(?!\s+sur\b)|cumul\w*|jusqu['’]ici)\b",
        "cumulative_after": r"^[^,.;]{0,50}?\b(?:depuis\s+(?:19|20)\d\d|au\s+total\s+depuis)\b",
        "cumulative_reset": r"\b(?:va|vont|nouvelle|nouveau|annonce|prévoit)\b",
        # a smaller workforce states the cut: "<staff> de 1 200 à 900 salariés" cuts 300 (headcount)
        "range_from": r"de|d['’]",
        "reduce_to": r"à",
        "range_to": r"à|-|–",
        "range_between": r"entre",
        "range_and": r"et",
    },
    space_thousands=True,
    technology=r"(?-i:IA|AI)|intelligence\s+artificielle|automatisation|robots?|robotique",
)
