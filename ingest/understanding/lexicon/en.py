"""English (British, American, Irish, Canadian, Australian): layoff vocabulary as regex fragments."""

from ingest.understanding.lexicon import Words

# Plural or collective nouns for staff and posts. After a cut verb only these count: "reduced its
# position" is a stake, "cut prices" is a price.
JOBS = (
    # (a post on social media or a blog is no job: "club sacks prop over social media posts")
    r"jobs|roles|positions|(?<!media\s)(?<!blog\s)(?<!online\s)(?<!facebook\s)(?<!instagram\s)(?<!twitter\s)(?<!tiktok\s)(?<!linkedin\s)posts|staff(?:ers|s)?|employees|workers|"
    r"people|personnel|workforce|headcount|"
    r"colleagues|engineers|managers|team\s+members|teams?|contractors|recruiters|journalists|reporters|drivers|"
    r"nurses|teachers|officers|associates|crew|operatives|steelworkers|miners|agents|technicians|"
    r"jobholders|hands(?!\s+(?:down|over|out|back|in|on|off|up)\b)|lecturers|academics|researchers|designers|developers|programmers|salespeople|"
    r"civil\s+servants|middle\s+managers|managerial\s+roles|white-collar\s+jobs"
    # a job noun in the possessive names whose pay or hours are cut, not jobs ("nurses' overtime pay"): used only as
    # "(?:{JOBS})", so the group closes here and the look-ahead follows it
    # (nor the money or time spent on staff: "cut staff costs", "reduction in agency staff spending")
    r")(?!['’](?:s\b|\s)|\s+(?:spending|spend|costs?|bills?|budgets?|pay|wages|salaries|hours|overtime)\b)(?:"
)
_CUT = (
    r"cut|cuts|cutting|slash(?:es|ed|ing)?|eliminat(?:e|es|ed|ing)|ax(?:e|es|ed|ing)|shed(?:s|ding)?|"
    r"trim(?:s|med|ming)?|reduc(?:e|es|ed|ing)|shrink(?:s|ing)?|shrank|shrunk|downsiz(?:e|es|ed|ing)|"
    r"halv(?:e|es|ed|ing)|sack(?:s|ed|ing)?|fir(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|terminat(?:e|es|ed|ing)|"
    r"let(?:s|ting)?\s+go(?:\s+of)?|lay(?:s|ing)?\s+off|laid\s+off|los(?:e|es|ing)|lost|scrap(?:s|ped|ping)?|"
    r"furlough(?:s|ed|ing)?|thin(?:s|ned|ning)?\s+out|make\s+redundant"
)
# Words between a cut verb and its job noun that show the verb acts on something else.
_GAP_STOP = (
    r"for|to|with|on|at|from|into|by|and|or|prices?|rates?|costs?|forecasts?|outlook|guidance|spending|"
    r"budgets?|emissions|dividends?|ties|deliveries|volumes?|stakes?|fees?|hours|pay|wages|salaries|benefits|"
    r"bonuses|perks|time|times|taxes|tax|tariffs|funding|menus?|plans?|programs?|programmes?|projects?|"
    r"losses|debt|inventory|that|which|who|but|while|as|said|says|will|would|deficit|routes?|flights?|"
    r"shows?|branches|stores|shops|sites|plants?|factories|offices|fares|duty|bills?|investment|"
    r"output|production|capacity|exposure|holdings|shares|estimates?|targets?|orders|interest|expenses"
)
_GAP = (
    rf"(?:\s+(?:up\s+to|as\s+(?:many|much|few)\s+as|(?:more|fewer|less)\s+than|close\s+to|"
    rf"(?!(?:{_GAP_STOP})\b)[\w'’‘\"“”%$£€.,&-]+)){{0,6}}?"
)
_QUAL = (
    r"(?:about|around|roughly|nearly|almost|some|approximately|more\s+than|over|up\s+to|as\s+many\s+as|"
    r"at\s+least|another|an\s+additional|a\s+further|just\s+over|close\s+to|an\s+estimated|an\s+expected|"
    r"a\s+total\s+of|a\s+combined)\s+"
)
# What may follow "<cut verb> <number>" when no job noun follows ("lay off 240 in Ohio").
_COUNT_END = (
    r"(?=\s*(?:$|[,.;:!?)\"”’]|\s(?:in|at|as|from|across|after|amid|on|over|more|this|next|by|to|under|"
    r"worldwide|globally|and|or|staff|people|jobs|roles|positions|posts|employees|workers)\b))"
)
_NUMBER = r"\d(?:[\d,.]*\d)?(?![\d%]|[.,]\d)(?:k\b|\s*(?:thousand|million))?"
# Verbs that may take a bare count ("lay off 240", "to cut 400"); "lost 2.6%" is not one.
_COUNT_VERBS = (
    r"cut|cuts|cutting|slash(?:es|ed|ing)?|eliminat(?:e|es|ed|ing)|ax(?:e|es|ed|ing)|shed(?:s|ding)?|sack(?:s|ed|ing)?|"
    r"fir(?:e|es|ed|ing)|furlough(?:s|ed|ing)?|lay(?:s|ing)?\s+off|laid\s+off|let(?:s|ting)?\s+go(?:\s+of)?"
)
# Workplaces whose closure loses their staff, and a site's stated workforce ("1,800 people", "240 staff work").
_SITES = (
    r"plants?|factory|factories|sites?|mills?|works|brewery|bakery|depots?|warehouses?|stores?|shops?|offices?|"
    r"cent(?:re|er)s?|facility|facilities|branch(?:es)?|mines?|(?:ship)?yards?|smelters?|labs?|laboratory|"
    r"studios?|hotels?|operations?|outlets?|hub|call\s+cent(?:re|er)"
)
# Workplaces whose closure loses jobs even where no job word is written (shops, offices and branches may close with
# their staff moved)
_WORKPLACES = (
    r"plants?|factory|factories|mills?|brewery|smelters?|refiner(?:y|ies)|foundr(?:y|ies)|shipyards?|warehouses?|"
    r"(?:fulfil+ment|distribution|sorting)\s+cent(?:re|er)s?|mines?|works"
)
# One such workplace, the subject of its closing (several closing are a region's wave: "3 factories close within days")
_WORKPLACE = (
    r"plant|factory|brewery|smelter|refinery|foundry|shipyard|warehouse|(?:fulfil+ment|distribution|sorting)\s+"
    r"cent(?:re|er)"
)
# After a closing: a time it lasts or a day it falls on, a year it happened, or one purpose ("for refurbishment", "on
# Thanksgiving Day", "over Christmas", "from Monday until further notice", "in 2018", "in protest", "to dine-in
# customers"): a closing for a time, a past one, or a site's hours, not a chain leaving
_DAYS_OFF = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|boxing|new\s+year|easter|thanksgiving|bank\s+holiday"
_FOR_A_TIME = (
    r"[^.;:]{0,60}?\b(?:for\s+(?:a|an|the|two|three|several|a\s+few|\d+)?\s*(?:hours?|days?|nights?|weekends?|weeks?|months?|"
    r"refurbishment|renovation|inventory|stocktaking|christmas|easter|thanksgiving|holidays?|the\s+holiday)|"
    r"for\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|training|event|strike|protest)|"
    rf"(?:on|from)\s+(?:{_DAYS_OFF}|today|tomorrow)|on\s+sundays|over\s+(?:christmas|easter|the\s+(?:holiday|weekend)|"
    r"(?:the\s+)?(?:virus|outbreak|pandemic|coronavirus|covid))|"
    r"until\s+further\s+notice|during\s+the|at\s+\d+(?:[:.]\d\d)?\s*(?:am|pm)?|early|temporarily|in\s+protest|to\s+dine|"
    r"in\s+(?:19|20)\d\d|last\s+(?:year|month|week)|years?\s+ago|a\s+few\s+hours|an\s+hour)\b"
)
_WORKFORCE = (
    rf"(?:{_QUAL})?{_NUMBER}(?:\s+(?:\S+\s+)?(?:people|staff|workers|employees|jobs|members\s+of\s+staff)"
    r"(?:\s+work(?:ed)?)?\b|(?=\s*(?:$|[,.;:])))"
    # staff kept elsewhere lose no job ("close its offices, with 500 staff working from home")
    r"(?!\s+(?:working|moving|relocat\w*|transferr\w*|redeploy\w*|to\s+(?:move|relocate|transfer)|will\s+(?:move|"
    r"relocate|transfer|work)))"
)

# What staff pay or receive, between a staff noun and a verb of cutting: the cut is of that, not of jobs.
_STAFF_THINGS = (r"(?:charges?|fees?|parking|pay|bonus(?:es)?|benefits?|perks?|allowances?|pensions?|discounts?|"
                 r"uniforms?|canteen|meals?|expenses|travel|christmas|party|parties|awards?)\b")

# Trades named for the staff a cut verb takes ("cut hundreds of investment bankers", "lay off 300 pilots"): only
# right after the verb, never as a subject ("Traders cut bets", "Producers cut output" are no cut of staff).
_TRADES = (r"bankers|pilots|cabin\s+crew|flight\s+attendants|traders|editors|producers|doctors|clerks|cashiers|"
           r"cleaners|carers|caregivers|firefighters|scientists|tellers|dockers|dockworkers|midwives|paramedics|"
           r"librarians|baristas|chefs|waiters|guards|inspectors|planners|coders")

# Words between the verb and the trade that show the verb acts on something else ("cuts bonuses for traders")
_TRADE_STOP = (r"for|to|with|on|at|from|into|by|and|or|of|bonus|bonuses|pay|fees?|perks|tax|taxes|payments?|paperwork|"
               r"light|ribbon|ties|hours|time|costs?|prices?|rates?|funding|budgets?|wages|salaries|benefits|red\s+tape")

CUES = (
    ("cut", rf"\b(?:{_CUT})\b{_GAP}\s+(?:{JOBS})\b"),
    # the noun written as the verb ("to layoff some staff", "Audible layoff its workforce by 5 percent")
    # (an object after it: "opposition to layoff plans" names none)
    ("staff", r"\b(?:to|will|would|plans?\s+to|set\s+to)\s+layoff\s+(?=(?:some|all|its|their|about|around|over|up\s+to|"
              r"hundreds|thousands|dozens|\d[\d,.]*\s+|staff|employees|workers)\b)"
              r"|\blayoffs?\s+(?:its|their|some)\s+(?:[\w-]+\s+)?(?:workforce|staff|employees|workers|people)\b"),
    # "guts MMO teams", "gutted its newsroom" (not British "gutted", upset; not a fire gutting a factory)
    ("cut", r"\b(?:guts|gutting|gutted(?=\s+(?:its|their|the)\b))\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+)?"
            r"(?:teams?|staff|newsroom|workforce|studios?|divisions?)\b"),
    # a share of a newsroom is its journalists ("to lay off a third of its newsroom", "cut 20% of the newsroom")
    ("cut", r"\b(?:cut|cuts|cutting|slash(?:es|ed|ing)?|eliminat(?:e|es|ed|ing)|ax(?:e|es|ed|ing)|lay(?:s|ing)?\s+off|"
            r"laid\s+off)\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:half|a\s+third|one[\s-]third|"
            r"a\s+quarter|one[\s-](?:quarter|fourth)|two[\s-]thirds|a\s+fifth|one[\s-]fifth|\d+(?:\.\d+)?\s*(?:%|percent|"
            r"per\s+cent))\s+(?:of\s+)?(?:its|their|the)\s+newsroom\b"
            # (its staff, not the newsroom's budget, airtime or floor space)
            r"(?=\s*(?:[,.;:—–(]|$)|\s+(?:staff|employees|journalists|workers|workforce|positions|jobs|roles|by|in|on|at|this|"
            r"next|as|and|after|before|over|amid|starting|from|with|to|through|under|following)\b)"),
    ("cut", rf"\b(?:{_COUNT_VERBS})\s+(?:(?:{_QUAL})?(?:{_NUMBER}|hundreds|dozens|thousands|scores)\s+(?:of\s+)?)?"
            rf"(?:its\s+|their\s+|the\s+)?(?:(?!(?:{_TRADE_STOP})\b)[\w-]+\s+){{0,2}}?"
            rf"(?:{_TRADES})\b(?!['’])"),
    # a count right after the verb binds it to the job noun across a list of kinds of staff ("cut 120
    # management and admin posts"), where an "and" would otherwise end the gap ("cut costs and jobs")
    ("cut", rf"\b(?:{_COUNT_VERBS})\s+(?:{_QUAL})?{_NUMBER}(?:\s+(?!(?:for|to|from|on|at|in|by|of|with)\b)[\w'’-]+)"
            rf"{{1,5}}?\s+(?:{JOBS})\b"),
    ("staff", rf"\b(?:lay(?:s|ing)?|laid)[\s-]+off\b(?<!laid-off)|\bmade\s+redundant\b|\bma(?:ke|kes|"
              rf"king|de)\s+(?:\S+\s+){{1,4}}?"
              rf"redundant\b|\b(?:{_COUNT_VERBS})\s+(?:{_QUAL})?{_NUMBER}{_COUNT_END}"
              # a share of the staff made redundant ("to make 17 per cent of its workforce redundant")
              rf"|\bma(?:ke|kes|king|de)\s+(?:\S+\s+){{1,5}}?(?:{JOBS})\s+redundant\b"),
    ("noun", r"\blaid-off\b|\blay-?offs?\b|\blay\s+offs\b|\bjob[\s-]+(?:cuts?|cutting|losses|reductions?|"
             r"eliminations?|cull|"
             r"axe|shedding|shake-?out)\b|\b(?:staff|staffing|workforce|headcount|personnel|employee|jobs)\s+"
             r"(?:cuts?|reductions?|cutbacks?|culls?)\b|\bredundanc(?:y|ies)\b|\breductions?\s+in\s+(?:force|"
             r"headcount|staff|workforce)\b|\bworkforce\s+reductions?\b|\bmass\s+dismissals?\b|"
             r"\bwhite-collar\s+cull\b|\bcuts?\s+to\s+(?:staff|jobs|its\s+workforce|the\s+workforce|headcount)\b|"
             r"\bdownsizing\b|\bvoluntary\s+(?:severance|exits?)\b|\bjobs?\s+(?:bloodbath|massacre|blow|cull)\b|\b(?:reductions?|cuts?|eliminations?|dismissals?|"
             r"terminations?)\s+"
             rf"(?:of|in)\s+(?:\S+\s+){{0,3}}?(?:{JOBS})\b|\bcuts?\s+(?:equivalent\s+to|amounting\s+to|totall?ing)\s+"
             rf"(?:\S+\s+){{0,5}}?(?:{JOBS})\b"),
    # one person's job ("lose his job ... when he was sacked") is a dismissal, not a layoff
    # (what staff pay or get is no job: "Hospital staff parking charges axed")
    # (what is given for staff is no job either: "Hours for workers at the depot are being cut")
    ("loss", rf"\b(?<!\bfor\s)(?:{JOBS}|(?<!\bhis\s)(?<!\bher\s)(?<!\bmy\s)job)\b(?:\s+(?!{_STAFF_THINGS})[\w'’,.-]+){{0,4}}?\s+"
             r"(?:(?:will|would|could|may|might|are|is|were|was|have|"
             r"has|had|set|due|expected|likely|going|now)\s+){0,2}(?:to\s+)?(?:be\s+|been\s+|being\s+)?(?:(?:go|goes|going)(?![-‐]ahead)"
             # people going somewhere lose no jobs ("drivers to go on strike", "people able to go out"), nor firms that
             # go bust ("several contractors go under."): "jobs to go under the plans" still are lost
             r"(?!\s+(?:on\s+(?:strike|holiday|leave)|out|into|ahead|back|home|abroad|unpaid|without|bust|broke|"
             r"up\s+(?:to|by|from)\s+(?:[$£€]|\d[\d.,]*\s*(?:%|per\s*cent|an\s+hour))|"
             r"under(?!\s+\w)|to\s+(?:work|the|school|court|vote|polls))\b)|"
             r"gone|lost|cut|axed|eliminated|slashed|shed|scrapped|made\s+redundant|at\s+risk|under\s+threat|"
             r"on\s+the\s+line|in\s+jeopardy|in\s+danger|disappear|let\s+go|laid\s+off|terminated|dismissed|furloughed|sacked|"
             r"fac(?:e|es|ing)\s+(?:the\s+)?(?:axe|chop))\b"
             # a workforce reduced or halved ("the headcount of the two bodies will be reduced by about half")
             r"|\b(?:headcount|workforce|staffing|staff\s+numbers|posts|roles|jobs|positions)\b(?:\s+[\w'’,.-]+){0,6}?\s+"
             r"(?:will|would|is|are|was|were|to|could|set\s+to|has|have)\s+(?:\w+\s+)?(?:be|been)\s+(?:reduced|halved)\b"
             # one person losing his or her job (a manager sacked, a minister out) is a dismissal, not a layoff
             r"|\blos(?:e|es|ing|t)\s+(?:their|its|your|our)\s+(?:jobs?|positions?|roles?|livelihoods?|"
             rf"posts?)\b|\bloss\s+of\s+(?:\S+\s+){{0,4}}?(?:{JOBS})\b|\bwith\s+the\s+loss\s+of\b"
             r"|\bout\s+of\s+(?:a\s+)?(?:jobs?|work)\b|\bwithout\s+(?:a\s+)?(?:jobs?|work)\b|\bon\s+the\s+dole\b"
             rf"|\b(?:put|puts|putting|plac(?:e|es|ed|ing))\s+(?:\S+\s+){{0,5}}?(?:{JOBS})\s+at\s+risk\b|\bfac(?:e|es|ing)\s+"
             r"(?:redundancy|compulsory\s+redundancy|the\s+sack|losing\s+their\s+jobs)\b"
             rf"|\b(?:cost|risks?|risking|threatens?|threatening)\s+(?:{_QUAL})?(?:\d[\d,.]*|hundreds|thousands|dozens)\s+"
             rf"(?:\S+\s+){{0,2}}?(?:{JOBS})\b"
             r"|\bcost\s+(?:\S+\s+){0,3}?their\s+jobs\b|\bfears?\s+for\s+(?:their\s+|the\s+)?(?:jobs|"
             r"livelihoods)\b"),
    ("affected", rf"\b(?:{JOBS})\s+(?:\S+\s+){{0,4}}?(?:are\s+|were\s+|will\s+be\s+|would\s+be\s+)?(?:affected|"
                 rf"impacted)\b"
                 rf"|\b(?:affect(?:s|ing|ed)?|impact(?:s|ing|ed)?)\s+(?:{_QUAL})?(?:\d[\d,.]*|(?:tens\s+of\s+|"
                 rf"hundreds\s+of\s+)?thousands|hundreds|"
                 rf"dozens|"
                 rf"several\s+hundred)\s+(?:\S+\s+){{0,2}}?(?:{JOBS})\b"
                 # inverted: "Affected by the closures are 250 employees"
                 rf"|\b(?:affected|impacted)\s+by\s+(?:the\s+|these\s+|this\s+)?(?:\S+\s+)?(?:closures?|cuts|job\s+cuts|"
                 rf"layoffs|redundancies|shutdown)\s+(?:are|were|will\s+be)\s+(?:{_QUAL})?\d[\d,.]*\s+(?:\S+\s+)?"
                 rf"(?:{JOBS})\b"
                 r"|\bnumber\s+of\s+(?:employees|workers|positions|staff|jobs)\s+affected\b|\b(?:employees|workers|"
                 r"positions)\s+affected\s*:"
                 # staff put into a redundancy consultation ("with around 250 staff now facing a consultation")
                 rf"|\b(?:{_QUAL})?\d[\d,.]*\s+(?:\S+\s+)?(?:{JOBS})\s+(?:\S+\s+){{0,2}}?(?:fac(?:e|es|ing)|enter(?:s|ing)?|"
                 r"put\s+(?:in|into))\s+(?:a\s+|the\s+)?(?:\S+\s+)?consultation\b"
                 # staff of a closing site told they are "being put into consultation", "placed into consultation"
                 rf"|\b(?:{JOBS})\s+(?:have\s+been\s+|has\s+been\s+|are\s+|were\s+|will\s+be\s+)?(?:told\s+(?:they|it)\s+"
                 r"(?:are|is|will\s+be)\s+)?(?:being\s+|now\s+)?(?:(?:put|placed|entered|entering)\s+(?:in|into)|"
                 r"fac(?:e|es|ing))\s+(?:a\s+|the\s+)?(?:formal\s+|collective\s+)?consultation\b"
                 r"(?!\s+(?:on|over|about)\s+(?:(?:a|an|their|its|the|new)\s+)?(?:pay|pensions?|shifts?|hours|terms|"
                 r"contracts|rotas?|changes|wage))"),
    ("furlough", r"\bfurlough(?:s|ed|ing)?\b|\btemporary\s+lay-?offs?\b|\bshort-time\s+work(?:ing)?\b"),
    # a closure told to its staff without the word "jobs" ("200 employees have been told the plant will shut")
    ("loss", rf"\b(?:{JOBS})\s+(?:\S+\s+){{0,8}}?(?:(?:have\s+been|has\s+been|were|was|are|being)\s+)?told\s+"
             r"(?:that\s+)?(?:the|their|its|it)\s+(?:\S+\s+){0,3}?(?:will|is\s+to|is\s+set\s+to|is\s+going\s+to|would)\s+"
             r"(?:\S+\s+)?(?:shut|close)\b"),
    # a site closing with its workforce stated loses those jobs ("to shut its Luton plant, which employs 1,800
    # people", "closure of a plant with 2,200 workers", "the depot, where 240 people work, will close")
    ("loss", rf"\b(?:clos(?:e|es|ed|ing|ure\s+of)|shut(?:s|ting)?(?:\s+down)?|shutter(?:s|ed|ing)?)\s+"
             rf"(?:\S+\s+){{0,5}}?(?:{_SITES})\b,?\s+(?:(?:which|that)\s+(?:employs|employed|has|had)\s+|employing\s+|"
             rf"with\s+|where\s+){_WORKFORCE}"
             rf"|\b(?:{_SITES}),?\s+(?:(?:which|that)\s+(?:employs|has)\s+|employing\s+|where\s+){_WORKFORCE},?\s+"
             r"(?:\S+\s+){0,3}?(?:is\s+to|will|is\s+set\s+to|is\s+due\s+to|would)\s+(?:\S+\s+)?(?:close|shut)\b"),
    # a workplace closing loses its jobs even where no job word is written ("GM to close Ohio's largest auto plant",
    # "Amazon will close three distribution centers"); shops, offices and branches may close with staff moved
    ("loss", r"\b(?:to\s+(?:\w+ly\s+)?(?:close|shut|shutdown|shutter)|will\s+(?:\w+ly\s+)?(?:close|shut)|(?:is|are)\s+(?:closing|"
             r"shutting)|closes|shuts|"
             rf"shutters)\s+(?:(?!and\b|or\b)\S+\s+){{0,5}}?(?:{_WORKPLACES})\b"
             # the workplace as the subject ("The McVitie's factory in Glasgow is planned to close"); a place phrase may
             # stand between, never "to"/"for"/"at" after the verb ("is close to the station", "will shut for three
             # weeks of maintenance", "is closing at 6pm")
             rf"|\b(?:{_WORKPLACE})\b(?:\s+(?:in|at|near|outside)\s+"
             r"(?:the\s+)?[\w'’-]+(?:\s+(?:of\s+)?[\w'’-]+){0,3}?,?)?"
             r"\s+(?:(?:is|are|will|would)\s+)?(?:be\s+|been\s+)?(?:(?:planned|set|due|going)\s+)?"
             r"(?:to\s+)?(?:close|shut|closing|shutting)(?:\s+down)?\b"
             r"(?!\s+(?:to|for|at|early|temporarily|until|while|during|its|the|on)\b)"),
    # a chain closing all its shops leaves the market and its staff's jobs go, a job word written or not ("Amazon will
    # close all 19 of its Fresh stores in the UK", "All <Brand> stores in UK to close"); closing some may move staff
    ("loss", r"(?<!temporarily\s)\b(?:clos(?:e|es|ed|ing|ure\s+of)|shut(?:s|ting)?(?:\s+down)?|shutter(?:s|ed|ing)?)\s+"
             r"(?:down\s+)?all\s+"
             r"(?:of\s+)?(?:its|their|the)?\s*(?:\d+\s+)?(?:(?:of\s+)?(?:its|their|the)\s+)?(?:[\w'’,&-]+\s+){0,4}?"
             rf"(?:stores|shops|bookstores|outlets|restaurants)\b(?!{_FOR_A_TIME})"
             r"|\ball\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:\d+\s+)?(?:[\w'’-]+\s+){0,3}?(?:stores|shops|bookstores|"
             r"outlets|restaurants)\s+(?:[\w'’-]+\s+){0,4}?(?:to\s+close|to\s+shut|set\s+(?:for|to)\s+(?:closure|close)|"
             rf"will\s+close|will\s+shut|are\s+(?:to\s+)?clos(?:e|ing))\b(?!{_FOR_A_TIME})"
             # (its shops with no number are all of them: "Amazon to shut its bookstores and 4-star shops", "to shut its
             # UK grocery shops"; "close 10 of its stores" or "some of its shops" may move staff)
             # (never with a time, a purpose or a cause after it: "close its stores for refits", "in the evening",
             # "during the rebrand"; only the end of the clause, "and", "as" or a place may follow)
             r"|(?<!temporarily\s)\b(?:to\s+|will\s+)(?:close|shut|shutter)(?:\s+down)?\s+its\s+(?:(?![\d])[\w'’-]+\s+){0,3}?"
             r"(?:stores|shops|bookstores|outlets|restaurants)\b"
             r"(?=\s*(?:$|[,;:|–—]|-\s|and\s|as\s(?!a\s+storm)|in\s+(?-i:[A-Z])))"
             r"(?![^.;:]{0,80}?\b(?:for|while|during|until|on|over|refurb\w*|refit\w*|temporar\w*|storm|reopen\w*|strike|"
             r"protest)\b)"),
    # an employer entering administration stops trading as it was: its staff's jobs go or are at risk ("Game Group
    # enters administration", "BHS collapses into administration"), told with or without a job word
    # ("the latest chain to enter administration" ranks it in a wave: the lead's own cue says what it lost)
    # (nor does avoiding or escaping it: "has avoided entering administration after a rescue deal")
    # (the guards sit after the verb's first letter, so the cue keeps a letter to start from: a cue opening on a
    # look-behind would be tried at every position of every sentence)
    ("loss", r"\b(?:e(?<!\bto\se)(?<!avoid\se)(?<!avoids\se)(?<!avoided\se)(?<!avoiding\se)(?<!escaped\se)(?<!averted\se)"
             r"nter(?:s|ed|ing)?|g(?<!\bto\sg)(?<!avoid\sg)(?<!avoided\sg)(?<!avoiding\sg)(?:o(?:es|ing)?|one)\s+into|"
             r"went\s+into|f(?<!\bto\sf)(?:all(?:s|ing)?|ell)\s+into|c(?<!\bto\sc)ollaps(?:e|es|ed|ing)\s+into|"
             r"p(?<!\bto\sp)(?<!avoid\sp)(?<!avoids\sp)(?<!avoided\sp)(?<!avoiding\sp)(?<!escaped\sp)(?<!averted\sp)"
             r"lung(?:e|es|ed|ing)\s+into|"
             r"placed\s+(?:in|into))\s+(?:administration|receivership|liquidation)\b"),
    # jobs moved abroad are lost where they were ("plans to move 500 jobs offshore", "offshore these roles")
    ("cut", rf"\b(?:mov(?:e|es|ed|ing)|shift(?:s|ed|ing)?|transfer(?:s|red|ring)?|relocat(?:e|es|ed|ing))\s+"
            rf"(?:\S+\s+){{0,3}}?(?:{JOBS})\s+(?:\S+\s+){{0,3}}?(?:offshore|overseas|abroad|to\s+(?:india|the\s+"
            r"philippines|poland|romania|portugal|mexico|china|vietnam|malaysia|egypt|south\s+africa|eastern\s+europe|"
            rf"asia|low(?:er)?-cost\s+\w+))\b|\boffshor(?:e|es|ed|ing)\s+(?:\S+\s+){{0,3}}?(?:{JOBS})\b"),
    # technology taking work ("AI will likely replace jobs", "displacing large numbers of workers", "job displacement"),
    # and jobs put in danger ("jeopardize the more than 3,000 jobs"): told as forecasts or threats, never an act
    ("noun", rf"\breplac(?:e|es|ed|ing)\s+(?:a\s+(?:significant|large|growing)\s+number\s+of\s+|many\s+|millions\s+of\s+)?"
             rf"(?:{JOBS})\b|\bdisplac(?:e|es|ed|ing|ement)\s+(?:of\s+)?(?:\S+\s+){{0,3}}?(?:{JOBS})\b|\bjob\s+displacement\b"),
    ("loss", rf"\b(?:jeopardi[sz](?:e|es|ed|ing)|endanger(?:s|ed|ing)?|imperil(?:s|led|ing)?)\s+(?:\S+\s+){{0,5}}?(?:{JOBS})\b"),
    # a smaller workforce without a cut: fewer people needed, hiring avoided (their markers make them a forecast
    # or a hope, never an action)
    ("noun", rf"\b(?:need|needs|needing|require|requires)\s+(?:['‘\"“]?[\w-]+['’\"”]?\s+){{0,2}}?fewer['’\"”]?\s+"
             rf"(?:{JOBS})\b|\bfewer\s+(?:{JOBS})\s+(?:will\s+be\s+|would\s+be\s+)?(?:needed|required)\b|"
             r"\b(?:avoid|avoiding|forgo|forgoing)\s+hiring\b|\bnot\s+need\s+to\s+hire\b"),
    ("noun", r"(?-i:\bRIFs?\b)"),
    ("notice", r"(?-i:\bWARN\b|\bHR1\b)"),
    # a notice of intention to appoint administrators is filed at court, like a layoff notice: the jobs it puts at
    # risk are its count ("has filed a notice of intention to appoint administrators, putting 900 jobs at risk")
    ("notice", r"\b(?:notice\s+of\s+)?intention\s+to\s+appoint\s+(?:an\s+)?administrators?\b"),
    # (British employers send "redundancy letters": "<Firm> issues redundancy letters to staff"; the letters alone, in a
    # reader's letter or an advice page, are sent by no one)
    ("notice", r"\bWorker\s+Adjustment\s+and\s+Retraining\s+Notification\b|\b(?:layoff|lay-off|"
               r"closure|redundancy|dismissal)\s+notices?\b|\b(?:issu(?:e|es|ed|ing)|sen(?:d|ds|t|ding)|hand(?:s|ed|ing)?"
               r"(?:\s+out)?|receiv(?:e|es|ed|ing)|serv(?:e|es|ed|ing)|giv(?:e|es|en|ing))\s+(?:\S+\s+){0,4}?(?:redundancy|"
               r"layoff|lay-off|dismissal)\s+letters\b|\bstate\s+(?:layoff\s+)?(?:notice|filing)\b|"
               r"\bItem\s+2\.05\b"),
)

_ORG_NOUNS = (
    r"company|firm|group|business|retailer|bank|lender|carmaker|automaker|chipmaker|maker|manufacturer|giant|"
    r"platform|service|streamer|network|studio|publisher|broadcaster|startup|start-up|charity|council|authority|"
    r"trust|university|college|force|department|agency|ministry|board|district|hospital|operator|airline|insurer|"
    r"supplier|chain|brand|grocer|supermarket|conglomerate|organi[sz]ation|employer|unit|division|subsidiary|mill|"
    r"plant|factory|outlet|newspaper|paper|lab|developer|provider|institution|school|administration|government|"
    r"owner|cooperative|co-op|society|partnership|fintech|biotech|bakery|pharmacy|designer|producer|brewer|"
    r"distributor|processor|builder|contractor|specialist|insurer|exporter|importer|shipper|carrier|hauler|"
    r"retailer|lab|labs|store|restaurant|trust|office|centre|center|site|newsroom|title|schools|school\s+district|"
    # the trade words headlines open on ("Steelmaker to close plant", "Housebuilder cuts 300 jobs")
    r"(?:steel|drug|toy|shoe|phone|truck|tyre|tire|plane|jet|glass|paper|software|game|games|battery|vaccine|"
    r"appliance|furniture|cosmetics|chocolate|car|auto|chip|ship|bus|lorry|beer|wine|watch|engine)maker|"
    r"(?:house|home|ship|boat|car)builder|miner|steelworks|insurance\s+firm"
)
_DAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
MARKERS = (
    # one person's dismissal told as a story ("he was laid off in January", "Amazon laid him off"): not a layoff round
    ("individual", r"\b(?:he|she|i)(?:\s+(?:was|got|had\s+been|has\s+been)|['’]d\s+been|['’]ve\s+been|['’]s\s+been)\s+"
                   r"(?:\w+ly\s+)?(?:laid\s+off|made\s+redundant|"
                   r"fired|sacked|let\s+go|dismissed)\b|\blaid\s+(?:him|her|me)\s+off\b|\b(?:his|her|my)\s+(?:role|job|"
                   r"position)\s+(?:had|has)\s+been\s+(?:made\s+redundant|eliminated|cut)\b"),
    # cuts explained as culture, not cost ("14,000 layoffs driven by culture", "the layoffs were cultural, not
    # financial", "is not a cost-cutting measure")
    # layoffs alleged under another name ("a backdoor layoff", "disguised redundancies"): a charge, not a cut (not "quiet",
    # "silent" or "stealth" layoffs: "Stealth layoffs: <firm> cuts 3,600" tells a cut)
    # a site shut for a time ("will temporarily close its warehouse", "closed for two weeks", "until further notice")
    ("temporary", r"\btemporar(?:y|ily)\b(?!\s+(?:staff|workers|employees|jobs|contracts?|contractors|roles|positions|"
                  r"agency|lay-?offs?|redundanc\w+))|\bfor\s+(?:a|two|three|four|several|a\s+few|\d+)\s+(?:days?|weeks?|months?)\b|"
                  r"\buntil\s+further\s+notice\b"),
    ("explained", r"\b(?:backdoor|back-door|disguised)\s+(?:lay-?offs?|job\s+cuts|cuts|redundanc\w+|firings)\b"),
    ("explained", r"\b(?:layoffs|job\s+cuts|cuts|decision)\b[^.;]{0,40}?\b(?:driven\s+by|rooted\s+in|about)\s+['‘\"“]?"
                  r"(?:\w+\s+)?culture\b|\bjustif(?:y|ies|ied|ying)\s+(?:the\s+|its\s+|his\s+|her\s+)?(?:[\d,.]+\s+|\w+\s+){0,2}?"
                  r"(?:layoffs|job\s+cuts|cuts)\b|\b(?:were|was|is|are)\s+(?:not\s+)?(?:\w+ly\s+)?(?:cultural|financially\s+driven|"
                  r"ai-driven)\b|\bis\s+not\s+a\s+cost-cutting\s+measure\b"),
    # robots or AI replacing jobs over years is a forecast of automation, not a layoff
    ("forecast", r"\breplac\w*\s+(?:\S+\s+){0,5}?(?:jobs|workers|roles|positions|staff|employees)\s+with\s+(?:robots?|"
                 r"automation|machines|ai\b|artificial\s+intelligence)|\b(?:robots?|robotics|automation|machines|ai)\s+"
                 r"(?:[a-z]\S*\s+){0,2}?(?:could|can|will|would|may|might)\s+(?:replace|eliminate|take\s+over|shrink|"
                 r"reduce|wipe\s+out)\b"),
    # cuts as the subject of an explanation ("the 14,000 layoffs were about culture", "job cuts weren't driven by AI"):
    # the cuts are a topic, their count no act ("about 500" is a figure; "were due to falling orders" may report them)
    ("explained", r"\b(?:were|was|are|is|weren['’]t|wasn['’]t|aren['’]t|isn['’]t)\s+(?:not\s+)?(?:\w+ly\s+)?(?:"
                  # ("is about to lay off" is imminent, not an explanation)
                  r"about\s+(?!\d|to\b|a\s+(?:third|quarter|fifth|tenth|half|dozen|hundred|thousand)\b|half\b|one\b|two\b|"
                  r"three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|twenty\b|thirty\b|forty\b|fifty\b|"
                  r"hundreds\b|thousands\b|\d)|driven\s+by|motivated\s+by|not\s+about)"
                  # a headline's "14,000 layoffs rooted in culture", "a decision ... is rooted in"
                  r"|\b(?:layoffs|job\s+cuts|cuts|decision)\s+(?:\w+\s+){0,2}?(?:(?:is|are|was|were)\s+)?rooted\s+in\b"
                  # a headline without its verb: "<CEO> says 14,000 layoffs not about costs or AI"
                  r"|\b(?:layoffs|job\s+cuts|cuts)\s+(?:weren['’]t\s+|aren['’]t\s+)?not\s+(?:about|driven\s+by|due\s+to)\b"),
    # another action told beside this one ("separate from the global cuts outlined last week"): its date is not this one's
    ("separate", r"\b(?:separate\s+from|unrelated\s+to|not\s+related\s+to|independent\s+of|distinct\s+from)\b|"
                 r"^\W*separately,|\bin\s+a\s+separate\s+(?:move|announcement|development|statement)\b"),
    ("leak", r"\b(?:people|persons?|someone|one\s+person|sources?)\s+(?:familiar|with\s+knowledge|briefed|close\s+to|"
             r"aware)\b|\bsources?\b(?!\s+of\b)|"
             # an internal memo or email from an executive is the employer's own word; internal documents are not
             r"\baccording\s+to\s+(?:a\s+|an\s+)?(?:(?:recent|new|latest|separate|several|multiple|various|local|"
             r"(?-i:US|U\.S\.|UK|British|American))\s+)*(?:(?:media|news|press)\s+)?(?:reports?|outlets|people|sources?|documents?|insiders?|internal\s+(?:documents?|"
             r"data|figures|sources|plans|presentations?|slides|records)|memo\s+seen)|"
             r"\b(?:a\s+|the\s+)?reports?\s+(?:say|says|said|suggest|claim|claimed)\b|\breportedly\b|\bit\s+(?:was|is|has\s+been)\s+"
             r"(?:claimed|reported|understood|alleged)\b|\b(?:is|are|was|were)\s+"
             r"(?:said|understood|believed|thought)\s+to\b|\binsiders?\b|\bleaked\b|\breported\s+(?:that|on|earlier|"
             r"first)\b|\bunnamed\b|\banonymity\b|\bnot\s+authori[sz]ed\s+to\b|\bseen\s+by\b|"
             r"\bbriefed\s+on\b|\b(?:multiple|several|various)\s+(?:media|news|press)\s+reports\b"),
    ("leak", r"\baccording\s+to\s+(?-i:[A-Z])\w+(?:\s+\w+)?\s+(?:reported|reports)|(?-i:\b(?:Bloomberg|Reuters|CNBC|"
             r"Semafor|Axios|The\s+Information|Business\s+Insider|Insider|the\s+Wall\s+Street\s+Journal|WSJ|"
             r"Sky\s+News|the\s+FT|Financial\s+Times|[Tt]he\s+New\s+York\s+Times|NYT|[Tt]he\s+Washington\s+Post|"
             r"The\s+Verge|TechCrunch|GeekWire)\b)\s+(?:news\s+)?"
             r"(?:reported|reports|said|first\s+reported)"),
    ("confirm", r"\b(?:announced|announces|announcing|announcement|confirmed|confirms|confirming|disclosed|discloses|"
                r"revealed|unveiled|unveils|told\s+(?:staff|employees|workers|investors|analysts|shareholders|"
                r"colleagues)|memo|statement|filing|filed|files|blog\s+post|press\s+release|notified|informed|"
                r"regulatory|approved|approves|voted|proposals?|consultation|proposing|proposes|e-?mail(?:ed|s)?|"
                r"wrote\s+in\s+(?:a|an)\s+(?:memo|email|note|letter|post))\b"),
    ("confirm", r"(?-i:\bWARN\b)"),
    ("speech", r"\b(?:said|says|told|wrote|writes|spokes(?:person|woman|man)|according\s+to\s+(?:the|a|its)\s+"
               r"(?:company|statement|memo|filing|notice|firm|group|council|trust|university))\b"),
    ("deny", r"\bden(?:y|ies|ied|ying)\b|\breject(?:s|ed|ing)?\b|\brul(?:e|es|ed|ing)\s+out\b|\bdismiss(?:es|ed)?\s+"
             r"(?:reports|claims|speculation|rumou?rs|suggestions)\b|\bno\s+plans?\s+(?:to|for)\b|\bhas\s+no\s+plans\b|"
             r"\bnot\s+planning\b|\binsist(?:s|ed|ing)?\b|\bpledg(?:e|es|ed|ing)\b|\bnothing\s+(?:further\s+)?to\s+"
             r"announce\b|\bnot\s+(?:a|an)\s+['‘\"“]?(?:backdoor|stealth|disguised)\b|\bno\s+(?:compulsory\s+)?"
             r"(?:redundancies|layoffs|job\s+cuts|job\s+losses|cuts)\b|\brumou?rs?\b|\bdefends?\b|\bdefended\b"),
    ("negation", r"\b(?:no|not|never|without|nor|neither|none)\b(?!\s+(?:longer|only|just|yet\s+known))|n['’]t\b"),
    ("speculative", r"\b(?:could|may|might|possibly|potentially|perhaps|maybe|poised\s+to\s+consider)\b|"
                    r"\b(?:avoid|avoiding|forgo|forgoing)\s+hiring\b|\bnot\s+need\s+to\s+hire\b|"
                    r"\b(?:need|needs|needing|require|requires)\s+(?:\S+\s+){0,2}?fewer\b|\bfewer\s+(?:\S+\s+){1,2}?"
                    r"(?:will\s+be\s+|would\s+be\s+)?(?:needed|required)\b|"
                    r"\bwould\s+(?:have|be\s+forced|need)\s+to\b|"
                    r"\bthreat(?:en|ens|ened)?\b|\bfears?\b|\bfeared\b|(?<!at\s)\brisk\s+of\b|\bspeculation\b|\bwould\s+mean\b|"
                    # weighing an option is no decision ("is considering cutting", "mulls closing"); "it considers
                    # its lowest performers" is a judgement, not an option
                    r"\b(?:consider(?:s|ing)|weigh(?:s|ing)|mull(?:s|ing)|explor(?:es|ing))\s+(?:\w+ing|job|cuts|"
                    r"layoffs|redundanc\w+|options|plans|whether)\b"),
    # cuts foreseen, not decided ("job cuts could be on the horizon as part of a national plan"): no plan's cost
    ("speculative", r"\bon\s+the\s+(?:horizon|cards)\b|\bin\s+the\s+offing\b"),
    # A modal verb alone: under a plan the employer asserts, it says what the plan may cost ("400 jobs could be
    # lost as the council restructures"), not whether there is one (see `modality`).
    ("modal", r"\b(?:could|may|might|possibly|potentially)\b"),
    # An employer's decided plan or act: a modal before it in its clause governs it ("could announce plans").
    ("decision", r"\bplan(?:s|ned|ning)?\s+to\b|\bpropos(?:es|ed|als?|ing)\b|\bconsult(?:ation|ations|s|ing)\b|"
                 # an announcement of the plan or its cost, not of anything ("announced weak results")
                 r"\b(?:announc(?:ed|es|ement)|confirm(?:s|ed))\s+(?:(?!and\b|but\b)[^\s,;]+\s+){0,6}?(?:plans?|proposals?|closures?|clos(?:e|ing)|"
                 r"shut\w*|restructur\w*|cuts?|jobs?|roles|posts|positions|staff|redundanc\w+|consultation|layoffs|"
                 r"shake-?up|overhaul)\b|\btold\s+(?:staff|employees|workers|unions|colleagues)\b|"
                 r"\brestructur(?:e|es|ing)\b|\breorgani[sz](?:es|ing|ation)\b|\boverhaul\b|\bshake-?up\b|"
                 r"\b(?:set|due|is|are)\s+to\s+(?:close|shut|cut|axe|shed|merge|restructure|relocate|move)\b|"
                 # facing or risking a closure is a threat, not a decision
                 r"(?<!face\s)(?<!faces\s)(?<!facing\s)(?<!risk\sof\s)(?<!threat\sof\s)\b(?:clos(?:e|es|ing|ure)|shut(?:s|ting|down)?)\b"),
    # A phrase placing the cut inside such a plan: no modal governs it ("jobs could go under the plans").
    ("decision_frame", r"\bunder\s+(?:\S+\s+){0,3}?(?:plans|proposals|a\s+restructuring)\b|\bas\s+part\s+of\s+(?:\S+\s+){0,3}?"
                       r"(?:plans?|proposals?|restructuring|reorgani[sz]ation|overhaul|consultation|cost-cutting)\b|"
                       r"\b(?:following|after)\s+(?:\S+\s+){0,2}?(?:plans|proposals|announcement|decision)\b|"
                       # a clause of its own, out of the modal's reach ("may face redundancy after the company confirmed")
                       r"\b(?:after|as|since|because|following)\s+(?:\S+\s+){0,4}?(?:confirm(?:s|ed)|announc(?:es|ed)|"
                       r"propos(?:es|ed)|restructur(?:es|ing)|clos(?:es|ing)|shut(?:s|ting)|plans\s+to|told\s+staff)\b"),
    ("conditional", r"\b(?:if|unless|whether|otherwise)\b|\bin\s+the\s+event\s+(?:of|that)\b|\bshould\s+(?:the|it|"
                    r"they)\b"),
    # the verb, never the WARN Act; an employer warning that it must cut states its own plan ("warns it must cut")
    ("forecast", r"(?-i:\b[Ww]arn(?:s|ed|ing)?\b)(?!\s+(?:(?:its\s+)?(?:staff|employees|workers|unions)\s+)?(?:that\s+)?"
                 r"(?:it|they)\s+(?:must|will|needs?\s+to|has\s+to|would\s+have\s+to|is\s+to|plans\s+to)\s+(?:\w+\s+)?"
                 r"(?:cut|axe|shed|reduce|lose|make|lay|close|slash|eliminate|trim)\b)"),
    ("forecast", r"\bexpect(?:s|ed|ing)?\b|\bpredict(?:s|ed|ing|ion)?\b|\bforecasts?\b|"
                 # an outcome at some unnamed time is a forecast ("AI will ultimately lead to a smaller workforce")
                 r"\b(?:ultimately|eventually)\b|\b(?:in|over)\s+the\s+long(?:er)?[\s-]term\b|"
                 r"\bestimat(?:e|es|ed)\b|\bprojections?\b|\banalysts?\b|\beconomists?\b|\bstudy\b|\bsurvey\b|"
                 r"\bin\s+(?:the\s+)?(?:coming|next\s+(?:few|several))\s+(?:years|decade)\b|"
                 r"\bover\s+(?:the\s+)?(?:next|"
                 r"coming)\s+(?:few|several|\w+)\s+years\b|\bin\s+the\s+(?:years|decade)\s+ahead\b|\blikely\s+to\b|"
                 r"\bbrac(?:e|es|ed|ing)\s+for\b|\bover\s+time\b|\bin\s+the\s+long\s+run\b|\bwill\s+(?:likely|"
                 r"probably)\b"),
    ("hypothetical", r"\?|\bwhat\s+(?:would|if|happens)\b|\bimagine\b|\bsuppose\b|\bhypothetical\w*\b"),
    # a sentence opening on "Recently," recalls background, not the news of the day
    ("past", r"^(?:more\s+)?recently,\s|\b(?:a|the|its)\s+previous\s+announcement\b"),
    ("past", r"\blast\s+(?:year|month|spring|summer|autumn|fall|winter|time|round|decade)\b|\bearlier\s+(?:this|"
             r"that)\s+"
             r"(?:year|month)\b|\bearlier\s+in\s+(?:the\s+year|january|february|march|april|may|june|july|august|"
             r"september|october|november|december)\b|\bpreviously\b|\bprevious\b|\bprior\b|\balready\b|\bago\b|"
             r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|many|"
             # (not a lifetime: "closing just four years after launching them", "two years after it opened")
             r"\d+)\s+(?:years?|months?|weeks?|days?|decades?)\s+(?:after|since|on)\b(?!\s+(?:launching|opening|entering|"
             r"being\s+(?:founded|launched|opened)|it\s+(?:opened|launched|entered\s+the\s+(?:[\w-]+\s+)?market|was\s+(?:founded|launched|opened))|"
             r"(?:its|the|their)\s+(?:launch|opening|founding|arrival|debut)|launch|opening|"
             r"(?:the\s+|its\s+)?first\s+(?:\w+\s+){0,2}?(?:opens|opened|launched)\b))|"
             r"\bafter\s+(?:the|two|three|several|its|their|last\s+year['’]s|earlier|previous|recent)\s+(?:\w+\s+)?"
             r"(?:rounds?|layoffs|cuts|job\s+cuts|redundancies)\b|\bhad\s+(?:already\s+|previously\s+)?(?:cut|laid|"
             r"eliminated|shed|announced|axed|slashed|made|lost|closed)\b|\bformer(?:ly)?\b|\bex-\w|\bback\s+in\b|"
             # (a first wave being confirmed or begun is the news: "<Firm> confirms first wave of job losses")
             r"(?<!confirms )(?<!confirms its )(?<!confirmed )(?<!confirmed its )(?<!announces )(?<!announces its )(?<!announced )(?<!announced its )"
             r"(?<!begins )(?<!begins its )(?<!began )(?<!began its )(?<!starts )(?<!starts its )(?<!started )(?<!started its )\b(?:first|initial)\s+(?:round|wave)\b|\bin\s+the\s+past\b|\bonce\b|"
             r"\blaid-off\s+(?:[\w-]+\s+)?(?:workers|employees|staff|people|engineers|colleagues|members|journalists)\b|\brecent\s+(?:\w+\s+)?(?:layoffs|lay-offs|job\s+cuts|cuts|redundancies|rounds?)\b|\bduring\s+the\s+(?:pandemic|crisis|financial\s+crisis|recession|lockdowns?|covid)\b|"
             r"\bwent\s+on\s+to\b|\bsince\s+then\b|\bthe\s+(?:earlier|previous|last|prior)\s+(?:round|cuts|layoffs)\b|"
             r"\bwhen\s+(?:\S+\s+){0,4}?(?:said|announced|cut|confirmed|closed|shed|axed|laid|unveiled)\b|"
             # progress of a programme announced before ("its plan to cut 11,000 jobs is on track"): not new news
             r"\b(?:on\s+(?:track|course|schedule|target)|ahead\s+of\s+(?:schedule|plan)|behind\s+schedule|"
             r"well\s+(?:under\s+way|underway|advanced))\b"),
    ("cumulative", r"\b(?:19|20)\d\d\s+(?:job\s+cuts|layoffs|lay-offs|redundancies)\b|"
                   r"\bthis\s+year['’]s\s+(?:job\s+cuts|"
                   r"layoffs)\b|\bsince\b|\bbringing\s+the\s+total\b|\brunning\s+total\b|\bin\s+all\b|\bso\s+far\b|"
                   r"\bto\s+date\b|\baltogether\b|"
                   # "the combined headcount of A and B" sums two bodies, not several rounds
                   r"\bcombined\b(?!\s+(?:headcount|workforce|staff|payroll))|\bcumulative\w*\b|\b(?:over|in)\s+the\s+(?:past|last)\s+\w+\s+"
                   r"(?:years|months)\b|\bin\s+recent\s+(?:years|months)\b|\bacross\s+(?:several|multiple|two|three|"
                   r"four|\d+)\s+rounds\b|\b(?:two|three|four|several|multiple)\s+rounds\b|\bsum\s+of\b|"
                   # "bringing its total to 30,000", not "brings more layoffs to the devices group"
                   r"\bbring(?:s|ing)\s+(?:the|its|their|this\s+year['’]s)\s+(?:\w+\s+){0,2}?(?:total|tally|count|number)\b|"
                   r"\bbring(?:s|ing)\s+(?:\S+\s+){0,6}?to\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|more\s+"
                   r"than\s+|over\s+|some\s+)?\d|"
                   # a present perfect cut counted from a point in time: a running total ("has now cut 30,000 since")
                   r"\bha(?:s|ve)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:cut|shed|eliminated|axed|slashed|laid\s+off|lost)\b"
                   r"(?=[^.;]{0,60}?\bsince\b)"),
    # a voluntary redundancy scheme offered or opened to staff is the job-cut programme under way ("Council offers
    # voluntary redundancy to its staff", "staff have been offered the chance to take voluntary redundancy")
    ("current", r"\b(?:offers|offering|(?:been|being)\s+offered|opens|opening|launches|launching)\s+(?:\S+\s+){0,5}?voluntary\s+"
                r"(?:redundanc(?:y|ies)|severance|exits?|departures?)\b"),
    ("current", r"\b(?:layoffs|lay-offs|cuts|job\s+cuts|redundancies)\s+(?:\w+\s+)?(?:hit|hits|reach|reaches|spread|"
                r"spreads|extend|extends|widen|widens|come|continue|continues|begin|begins|loom)\b|\blatest\s+to\b|"
                rf"\bthis\s+(?:week|morning|afternoon|evening)\b|\btoday\b|\btonight\b|\bon\s+(?:{_DAYS})\b|"
                r"\b(?:new|latest|fresh|another|further|additional|second|third|fourth|fifth)\s+(?:\w+\s+)?"
                r"(?:round|wave|batch|tranche|layoffs|job\s+cuts|cuts|redundancies)\b|\bagain\b|\bnow\b|"
                r"\bbeg(?:in|ins|an|un|inning)\b|\bstart(?:s|ed|ing)?\b|\bkick(?:s|ed)?\s+off\b|\bthis\s+time\b|"
                # carrying cuts out ("<Firm> implements major job cuts", "<Firm> continues the layoffs in ...")
                r"\bcontinu(?:e|es|ed|ing)\s+(?:(?:the|its|their|with)\s+)?(?:[\w-]+\s+)?(?:layoffs|lay-offs|job\s+cuts|"
                r"cuts|redundancies|downsizing)\b|"
                # cuts made deeper ("UPS deepens job cuts", "<Firm> steps up its layoffs")
                r"\b(?:deepen(?:s|ed|ing)?|step(?:s|ped|ping)?\s+up|ramp(?:s|ed|ing)?\s+up|accelerat(?:e|es|ed|ing))\s+"
                r"(?:(?:its|their|the)\s+)?(?:[\w-]+\s+)?(?:layoffs|lay-offs|job\s+cuts|redundancies)\b|"
                # (not when its own words date it back: "the layoffs Amazon implemented last year")
                r"\b(?:implement(?:s|ed|ing)?|carr(?:y|ies|ied|ying)\s+out|enact(?:s|ed|ing)?)\b"
                r"(?!\s+(?:[\w,-]+\s+){0,4}?(?:last|earlier|previously|in\s+(?:19|20)\d\d)\b)|"
                # the light verb of a cut ("<Firm> makes redundancies", "has made 50 staff cuts")
                r"\bma(?:ke|kes|king|de)\s+(?:about\s+|around\s+|some\s+)?(?:\d[\d,.]*\s+)?(?:[\w-]+\s+)?"
                r"(?:redundancies|job\s+cuts|staff\s+cuts|layoffs|lay-offs)\b|"
                r"\b(?:more|another|additional|further)\s+(?:\d[\d,.]*\s+)?(?:[a-z-]+\s+)?(?:jobs|roles|positions|staff|"
                r"employees|workers|posts)\b|\bis\s+(?:now\s+)?(?:cutting|laying|shedding|axing|eliminating)\b"),
    ("plan", r"\b(?:will|plans?|planned|planning|set|intends?|proposes?|proposed|proposing|is|are|aims?|seeks?|"
             r"looks?|prepar(?:es|ing)|weighs?|weighing|consider(?:s|ing)|mulls?|mulling|readies|readying)\s+to\b|"
             r"\b(?:to|will)\s+(?:cut|axe|shed|lay|close|eliminate|slash|shut|trim|reduce|make|let|furlough|sack)\b|"
             r"\bplans?\b|\bproposals?\b|\bconsult(?:ation|ing|s)?\b|\bannounce[ds]?\b|"
             # cuts said to be on their way are decided ("<Firm> layoffs imminent", "Layoffs incoming at <Firm>")
             r"\b(?:layoffs|lay-offs|job\s+cuts|cuts|redundancies)\s+(?:are\s+|is\s+)?(?:imminent|incoming)\b|"
             # an employer asking for volunteers to go ("<Firm> seeks voluntary redundancies", "is seeking 90 voluntary
             # redundancies"): the cut is decided, only who goes is not
             # (the plural an employer asks for; staff seek "voluntary redundancy", a union urges a firm "to seek" them)
             r"(?<!\bto\s)\bseek(?:s|ing)?\s+(?:up\s+to\s+|about\s+|around\s+)?(?:\d[\d,.]*\s+)?voluntary\s+"
             r"(?:redundancies|exits|departures|layoffs)\b"),
    ("generic", r"\b(?:companies|firms|employers|businesses|corporations|industry|industries|(?<!public\s)(?<!private\s)(?<!civil\s)sector(?!\s+(?:employees|workers|staff|jobs|roles|pay|unions?)\b)|sectors|"
                r"tech\s+giants|big\s+tech|startups|start-ups|retailers|banks|lenders|carmakers|automakers|"
                r"multinationals|insurers|airlines|exporters|"
                r"manufacturers|universities|councils|schools|hospitals|(?:hospital|health|school)\s+systems|trusts|"
                r"charities|agencies|departments|"
                r"sellers|merchants|suppliers|operators|publishers|studios|brands|chains|organi[sz]ations|economy|"
                r"executives|bosses|ceos|investors|(?:AI|automation|robots)\s+(?:will|could|may|might)|"
                r"employers['’])\b|\b(?:an?|any|every)\s+(?:employer|company|firm|business)\b|"
                r"\b(?:notices|layoffs|job\s+cuts|redundancies|job\s+losses)\s+(?:\w+\s+)?(?:climb|rise|rose|fall|"
                r"fell|jump|"
                r"surge|increase|decrease|drop|slow|ease|soar|top|hit\s+(?:a|an)\s+(?:record|new|fresh|high|peak|low|decade|multi-year|\d+-year))(?:s|ed|ing)?\b"),
    # abolishing a public body closes it ("NHS England to be abolished")
    ("closure", r"\b(?:clos(?:e|es|ed|ing|ure|ures)|shut(?:s|ting|down)?|shutter(?:s|ed|ing)?|wind(?:s|ing)?\s+down|"
                r"abolish(?:es|ed|ing)?|abolition|"
                r"wound\s+down|cease(?:s|d)?\s+trading|administration|administrators|liquidat(?:ion|ors?|ed|es)|"
                r"insolven(?:t|cy)|bankrupt(?:cy)?|collaps(?:e|es|ed|ing)|go(?:es|ing)?\s+bust|went\s+bust|"
                r"go(?:es|ing)?\s+under|went\s+under|receivership|kill(?:s|ing|ed)?|discontinu(?:e|es|ed|ing)|"
                r"folds?|folding)\b"),
    ("restructuring", r"\b(?:restructur\w+|realign\w*|reorgani[sz]\w+|reorg|overhaul\w*|streamlin\w+|transformation|"
                      r"cost-cutting|cost\s+savings|efficiency|shake-?up|review\s+of\s+(?:its\s+)?(?:teams|operations|"
                      r"structure)|voluntary\s+(?:redundancy|severance|exit)|severance|buyouts?|"
                      # an employer's memo to its staff ("An update on our organization", "Changes to our workforce")
                      r"(?:an?\s+)?(?:update|changes?)\s+(?:on|to)\s+our\s+(?:organi[sz]ation|teams?|workforce))\b"),
    # a company's financial results ("third-quarter results", "beats earnings estimates", "Q3 profit jumps"; not the
    # results to come, "news for workers before earnings", "the next signal arrives with earnings")
    ("results", r"(?<!before )(?<!ahead of )(?<!next )(?<!upcoming )(?<!with )\b(?:results|earnings|"
                r"(?:quarterly|annual|half-year|full-year|q[1-4])\s+(?:profits?|revenue|sales|loss)|"
                r"profits?\s+(?:jumps?|rises?|falls?|slumps?|soars?|surges?|beats?|tops?|misses?)|beats?\s+(?:expectations|"
                r"estimates|forecasts)|(?:help|helps|helped|boost|boosts|boosted|lift|lifts|lifted|dent|dents|dented)\s+"
                r"(?:\w+\s+)?(?:profits?|earnings|margins)|profit\s+warning)\b"),
    # a labour-market statistics headline ("Unemployment hits seven-year low", "US adds 187,000 jobs; jobless rate
    # rises"): the jobs lost it tells are a count of people, not an employer's cut
    ("statistics", r"\b(?:unemployment|jobless(?:ness)?|claimant\s+count|(?:non-?farm\s+)?payrolls|jobs\s+report|"
                   r"labou?r\s+market|employment\s+(?:statistics|figures|data|rate)|economic\s+inactivity)\b"),
    ("hiring", r"\b(?:hir(?:e|es|ed|ing)|recruit(?:s|ed|ing|ment)?|creat(?:e|es|ed|ing)|add(?:s|ed|ing)?|"
               r"take\s+on|taking\s+on|new\s+jobs|seasonal|apprentices?|openings?|vacancies)\b"),
    ("advice", r"\bif\s+you(?:['’]ve|['’]re|\s+have|\s+are|\s+were|\s+get|\s+got)?\s+(?:been\s+|just\s+|recently\s+)*"
               r"(?:laid\s+off|let\s+go|fired|made\s+redundant)|\b(?:your|you)\s+(?:layoff|job\s+loss|redundancy)\b|"
               r"\bjust\s+(?:got\s+)?laid\s+off\b|\bafter\s+(?:a|your)\s+layoff\b|\bwhat\s+to\s+do\b|"
               r"\bsurviv\w*\s+(?:a\s+)?layoffs?\b|\bhow\s+to\b|\btips?\b|\b\d+\s+things\b|"
               # a headline about the reader's own job ("Could AI take your job?", "Is your job safe?") is service
               # journalism; a first-person lesson ("what I got wrong") is an essay
               r"\byour\s+(?:own\s+)?(?:jobs?|career|role|livelihood|agency|workplace|employer)\b|"
               r"\bpreparing\s+for\s+(?:a\s+)?(?:reduction\s+in\s+force|rif|layoffs?|lay-offs?|redundanc\w+|job\s+loss)\b|"
               r"\bwhat\s+i\s+(?:learned|learnt|got\s+wrong|"
               r"wish|would\s+do|['’]d\s+do)\b"),
    # (a device is no listing: "Amazon kills Halo fitness tracker")
    ("recap", r"\btimeline\b|\bchronology\b|(?<!fitness\s)(?<!activity\s)(?<!sleep\s)(?<!gps\s)(?<!health\s)(?<!parcel\s)\btracker\b|\brunning\s+list\b|\bcompilation\b|\bcomprehensive\s+list\b|"
              # a site's listing page ("<Firm> – Tag archive", "Topic: <firm>", "Latest news on <firm>")
              r"\btag\s+archives?\b|\barchives?\s+for\b|\blatest\s+news\s+(?:on|about)\b|\bthe\s+questions\s+(?:facing|for)\b|\bround-?up\b|\bin\s+(?:one\s+)?charts?\b|"
              r"\byear\s+in\s+review\b|"
              # a span of cuts told as one story: "A year of cuts at <firm>", "Two years of layoffs"
              r"\b(?:a|one|two|three|\d+)\s+(?:years?|months?|decades?)\s+of\s+(?:job\s+)?(?:cuts|layoffs|lay-offs|redundancies)\b|"
              r"\bthe\s+year['’]s\s+biggest\b|\bthe\s+week\s+in\b|\bhere['’]s\s+(?:a\s+)?(?:list|every)\b|"
              r"\bwho['’]s\s+cutting\b|\bcompanies\s+(?:that|cutting|laying)\b|\b\d+\s+companies\b|\blayoffs\s+this\s+"
              r"week\b|\bthis\s+week['’]s\s+layoffs\b|\b(?:all|every)\s+(?:the\s+)?(?:layoffs|rounds|job\s+cuts)\b|"
              r"\blessons?\s+(?:from|of)\b|\bwhat\s+(?:it|this)\s+means\b|\bin\s+numbers\b|\bbiggest\s+(?:layoffs|"
              r"job\s+cuts)\b|"
              # an explainer on news already out: "What BT's announcement tells us", "what the cuts mean for you"
              r"\bwhat\s+(?:\S+\s+){1,4}?(?:tells?|teach(?:es)?|means?)\s+(?:us|about|for\s+you)\b|"
              r"\bhere['’]s\s+the\s+breakdown\b|(?:^|[|:–-]\s*)(?:opinion|analysis|explainer|comment(?:ary)?|column|editorial|essay|"
              r"letters?|review|podcast|perspective|guest\s+(?:post|column|blog|essay)|op-ed|viewpoint)\s*[:|–-]|^opinion\b"),
)

WORDS = Words(
    code="en",
    job_nouns=JOBS,
    # Every cue holds one of these: a cut verb, a layoff noun, or a loss predicate ("jobs will go").
    cut_reference=(
        r"\\b(?:the|these|those|its)\\s+(?:cuts?|layoffs?|plans?|reductions?|changes|report|move|decision|job\\s+cuts|"
        r"restructuring|proposals?|redundancies)\\b"
    ),
    trigger=(
        r"\b(?:cut|slash|eliminat|ax(?:e|es|ed|ing)\b|shed|trim|reduc|shrink|shrank|shrunk|downsiz|halv|sack|fir(?:e|"
        r"es|"
        r"ed|ing)\b|dismiss|terminat|let(?:s|ting)?\s+go|lay|laid|los[eit]|loss|scrap|furlough|thin|redundan|rifs?\b|"
        r"warn\b|notice|adjustment|cull|go(?:es|ing|ne)?\b|risk|threat|line\b|jeopardy|disappear|out\s+of|without|"
        r"dole|cost|affect|impact|short-time|item\s+2\.05|hr1|bloodbath|massacre|blow|fewer|avoid|forgo|hire\b|offshor|"
        r"mov(?:e|es|ed|ing)\b|shift|transfer|relocat)"
    ),
    cues=CUES,  # type: ignore[arg-type]
    markers=MARKERS,  # type: ignore[arg-type]
    # ("IT", information technology, is no "it": "IT layoffs in 2025")
    anaphors=rf"(?:the|this|that)\s+(?:[\w-]+\s+)?(?:{_ORG_NOUNS})|(?!(?-i:IT)\b)it|its|we|our",
    org_nouns=_ORG_NOUNS,
    object_before=r"at|across|within",  # "jobs in Wrexham" names a place, "job cuts at Amazon" an employer
    clause_openers=(
        r"as|while|whereas|which|who|whom|whose|after|following|but|despite|although|though|because|amid|even\s+as|"
        r"where|when|before|unlike|compared|adding|bringing|marking|making|leaving|raising|taking|according|with|"
        r"on\s+top\s+of|including|and\s+(?:the|that|a|an|its|it|they|he|she)|so|yet|meanwhile|whereas"
    ),
    # "<Firm> confirms 14,000 job cuts, says more could come": the subject's next statement is a clause of its own
    # (only before more cuts to come: "..., says 14,000 job cuts were the last" keeps its denial, ", warns Morgan
    # Stanley" its forecast)
    statement_openers=(
        r"(?:says|said|warns|warned|adds|added)\b(?!\s+(?:an?\s+|the\s+)?(?:analysts?|unions?|economists?|strategists?|"
        r"investors?|experts?|sources?|reports?|banks?|brokers?|notes?)\b)(?=[^,.;:]*\b(?:more|further|deeper|additional)\b)"
        r"(?=[^,.;:]*\b(?:could|may|might|will|would|to\s+come|to\s+follow|follow|possible|likely|expected|next)\b)|"
        r"confirming"
    ),
    bare_openers=(
        # (nor the second "as" of "as many as 30,000", "as much as", "as soon as")
        # (nor "known as": a name follows, not a clause)
        r"(?<!known\s)(?<!as\smany\s)(?<!as\smuch\s)(?<!as\sfew\s)(?<!as\ssoon\s)(?<!as\slong\s)(?<!as\swell\s)(?<!as\sfar\s)"
        r"as(?!\s+(?:many|much|few|well|part|soon|long|of|a\s+result|high|low|much\s+as))|while|whereas|because|"
        r"amid|despite|although|though|even\s+as|after(?!\s+(?:the|two|three|several|its|their|earlier|previous|recent|"
        # "to close after 160 years with the loss of 180 jobs": a lifetime, not an earlier event
        r"last)\s)(?!\s+(?:more\s+than\s+|nearly\s+|almost\s+|over\s+|some\s+)?[\d,]+\s+(?:years|decades))|but|unlike"
    ),
    not_subject_before=(
        r"for|at|from|with|by|to|of|in|on|into|onto|like|than|unlike|including|such\s+as|versus|vs\.?|rivals?|"
        r"competitors?|customers?|clients?|partners?|suppliers?|owners?\s+of|parent\s+of|maker\s+of|after|following|"
        r"joins?|joining|joined|follows?|followed|amid|over|about|against|behind|toward|towards|among|between|"
        r"that\s+\w+|which\s+\w+|who\s+\w+|whose|blames?|blamed|blaming|accuses|accused|accusing"
    ),
    descriptor_after=(
        r"[-‑](?:owned|backed|based|led|funded|operated|controlled|linked|supplier|affiliated)\b|"
        # "The Santa Clara, California-based company": a place and its state before "-based"
        r",\s+[\w.]+(?:\s+[\w.]+)?[-‑]based\s+(?:company|firm|group|chipmaker|retailer|maker|business)\b|['’]s\s+(?:parent|"
        r"owner|supplier|customer|rival|partner|largest\s+customer)\b|\s+(?:supplier|suppliers|customer|customers|"
        r"rival|rivals|partner|partners|owner|parent|contractor|contractors|sellers?|aggregators?|shipments|deliveries|vendors?|"
        r"clients?|merchants|rivals)\b|"
        # "Amazon delivery contractor", "Tesco meat supplier": a firm described by whom it serves
        r"\s+(?-i:[a-z][\w-]*\s+){1,2}(?:contractors?|suppliers?|partners?|vendors?|franchisees?|subcontractors?)\b"
    ),
    person_titles=(
        r"chief\s+executive|ceo|chief\s+\w+\s+officer|boss|chair(?:man|woman|person)?|president|founder|co-founder|"
        r"minister|secretary|chancellor|leader|director|spokes(?:person|woman|man)|head|manager|analyst|economist|"
        r"professor|prof|dr|mr|mrs|ms|sir|dame|lord|lady|cllr|councillor|senator|sen|rep|governor|mayor|mp|msp|"
        r"organiser|organizer|editor|executive|vice-chancellor|general\s+secretary|commissioner|officer|judge|"
        r"premier|prime\s+minister|presenter|star|actor|actress|coach|player"
    ),
    org_words=(
        r"(?-i:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|LLP|plc|PLC|Group|Holdings|Bank|Bancorp|"
        r"Co-operative|Cooperative|"
        r"Financial|Capital|Partners|Insurance|Assurance|Motors|Automotive|Airlines|Airways|Aerospace|Aerostructures|"
        r"Systems|Technologies|Technology|Software|Labs|Laboratories|Therapeutics|Pharma|Pharmaceuticals|Health|"
        r"Healthcare|Medical|Hospital|Hospitals|Clinic|NHS|Trust|Foundation|University|College|School|Schools|"
        r"District|Council|Authority|Department|Ministry|Agency|Administration|Office|Service|Services|Police|Force|"
        r"Board|Commission|Government|Media|News|Times|Post|Press|Publishing|Studios|Studio|Entertainment|Games|"
        r"Pictures|Films|Records|Network|Networks|Communications|Telecom|Broadcasting|Logistics|Freight|Transport|"
        r"Shipping|Express|Foods|Food|Brewing|Brewery|Beverages|Retail|Stores|Store|Market|Supermarkets|Pharmacy|"
        r"Home|Homes|Energy|Power|Oil|Gas|Steel|Metals|Mining|Chemicals|Chemical|Paper|Textiles|Mills|Mill|"
        r"Engineering|Industries|Manufacturing|Works|Robotics|Devices|Semiconductor|Electronics|Solutions|Consulting|"
        r"Credit\s+Union|Society|Association|Institute|Centre|Center|Restaurants|Kitchen|Inns|Hotels|Hospitality|"
        r"Properties|Construction|Builders|Cars|Poultry|Farms|Dairy|Glass|Containers|Stamping|Water|Utilities|"
        r"Railway|Railways|Rail|Bus|Buses|Lines|Cruises|Bakery|Bakeries|Brands|Apparel|Fashion|Clothing|Toys|"
        r"Interactive|Digital|Labs|Biotech|Bio|Pay|Payments|Finance|Securities|Investments|Ventures|Airport|Port|"
        r"Packaging|Plastics|Components|Parts|Machinery|Tools|Instruments|Appliances|Furniture|Wood|Timber|"
        r"Construction|Cement|Materials|Hydro|Electric|Electrical|Solar|Wind|Nuclear|Ports|Aviation|Marine|"
        r"Shipyard|Dockyard|Motor|Trucks|Trucking|Haulage|Couriers|Parcel|Post\s+Office|Royal\s+Mail)"
    ),
    non_employers=(
        r"(?:(?!.*Credit\s+Union).*\b(?:[Uu]nion|Unions|Federation\s+of\s+\w+|TUC|Congress)\b.*)|Unite|Unison|GMB|"
        r"Teamsters|UAW|CWA|NUJ|Protesters|Campaigners|Demonstrators|Activists|Strikers|"
        # an era or an event names no employer ("the worst since the Great Recession")
        r"Great\s+(?:Recession|Depression|Resignation|Financial\s+Crisis)|Covid(?:-19)?|Brexit|Black\s+Friday|"
        r"UCU|PCS|FDA|Accord|Unifor|USW|SEIU|AFL-CIO|RMT|Usdaw|Prospect|Aslef|Community|Challenger|Challenger,\s+"
        r"Gray\s*&\s*Christmas|Coresight|Layoffs\.fyi|TrueUp|Insolvency\s+Service|Office\s+for\s+National\s+"
        r"Statistics|ONS|Gray\s*&\s*Christmas|Bureau\s+of\s+Labor\s+Statistics|BLS|Reuters|Bloomberg|AFP|AP|"
        r"Associated\s+Press|CNBC|PR\s?Newswire|Business\s+Wire|Globe\s?Newswire|Accesswire|"
        # insolvency practitioners appointed as administrators speak for the firm they wind down, never employ there
        r"Teneo|Interpath(?:\s+Advisory)?|FRP(?:\s+Advisory)?|Begbies\s+Traynor|Quantuma|Alvarez\s*&\s*Marsal|"
        r"Leonard\s+Curtis|Opus\s+Restructuring|Moorfields|"
        r"Sky\s+News|BBC\s+News|PA|PA\s+Media|Institute\s+for\s+Government|Resolution\s+Foundation|IFS|CBI|"
        r"British\s+Retail\s+Consortium|BRC|Make\s+UK|Federation\s+of\s+Small\s+Businesses|FSB|OBR|IMF|OECD|"
        r"Goldman\s+Sachs\s+economists|Fed|Federal\s+Reserve|Bank\s+of\s+England|ECB|Getty\s+Images|Shutterstock|"
        # laws and notices, courts, holidays: named beside cuts, never making them
        # ("a WARN (Worker Adjustment and Retraining Notification) notice": the law's name spelt out, cut short)
        r"Worker\s+Adjustment(?:\s+and\s+Retraining)?|"
        r"(?-i:.*\b(?:Act|Bill|Directive|Regulations?|Notification)(?:\s+(?:of\s+)?\d{4})?|(?:.*\s)?(?:Court|Tribunal)"
        r"(?:\s+of\s+.*)?|Christmas|Easter|Thanksgiving|Halloween|New\s+Year|Labou?r\s+Day)"
    ),
    not_names=frozenset(
        # adjectives a headline may open on ("Nouveaux licenciements chez <firm>"): never a name
        "fresh "
        "the a an in on at for but and or it its this that these those he she they we i i'm i’m hi hello you our their his her "
        "after before as while when where why how what who which there here some many most all both each every "
        "more less about around nearly almost up over under last next one two three four five six seven eight nine "
        "ten staff workers employees jobs union unions shares analysts officials sources people hundreds thousands "
        "dozens local chief senior former new meanwhile however also still yet now today yesterday earlier later "
        "according despite although though because if unless since until with without by from into to of no not "
        "so such than then only just even other another further separately instead overall plus mr mrs ms dr sir "
        "affected cuts layoffs redundancies job jobs roles posts positions exclusive breaking update updated "
        "watch read listen opinion analysis live video photo image getty reuters please sign subscribe share "
        "advertisement related more our your my us uk eu ministers minister chief executive "
        "investors economists unions critics bosses labour conservatives democrats republicans "
        "workforce headcount consultation statement memo "
        "under-fire embattled troubled struggling cash-strapped ailing beleaguered tech retail retailer "
        "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
        "august september october november december company location county notice number type comments summary "
        "anticipated date employer mps msps meps peers lawmakers senators councillors members during amid amidst among "
        "across throughout within following".split()
    ),
    connectors=frozenset("of for and & the de du des la le von van der den del della dei di y e".split()),
    months={
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    },
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    relative_days=(("today", 0), ("tonight", 0), ("this morning", 0), ("this afternoon", 0), ("this evening", 0),
                   ("yesterday", 1), ("this week", 0), ("earlier this week", 2), ("last week", 7)),
    number_words={
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "half a dozen": 6, "a hundred": 100,
        "a thousand": 1000, "a million": 1_000_000,
    },
    # (Indian English counts in lakhs and crores: "over 1.22 lakh people lost their jobs")
    scales={"hundred": 100, "thousand": 1000, "million": 1_000_000, "k": 1000, "lakh": 100_000, "lakhs": 100_000,
            "crore": 10_000_000, "crores": 10_000_000},
    vague=(
        ("tens of thousands", 20_000, 99_999), ("hundreds of thousands", 200_000, 999_999),
        ("several thousand", 2000, 9000), ("a few thousand", 2000, 5000), ("thousands", 2000, 9999),
        ("several hundred", 200, 900), ("a few hundred", 200, 500), ("hundreds", 200, 999),
        ("several dozen", 24, 99), ("a few dozen", 24, 60), ("dozens", 24, 99), ("a handful", 2, 9),
    ),
    qualifiers=(
        ("approx", r"about|approximately|around|roughly|nearly|almost|close\s+to|some|an\s+estimated|estimated|~|"
                   r"just\s+under|circa|the\s+equivalent\s+of|an\s+expected"),
        ("min", r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|north\s+of|above|just\s+over|"
                r"no\s+fewer\s+than|no\s+less\s+than"),
        ("max", r"as\s+many\s+as|up\s+to|no\s+more\s+than|fewer\s+than|less\s+than|under|as\s+much\s+as"),
    ),
    date_context={
        "future_before": (
            r"(?:as\s+(?:soon|early)\s+as|tomorrow,?|starting|beginning|begin|begins|from|until|by|through|effective|next|will|expected|"
            r"would|take\s+effect|takes\s+effect|scheduled\s+for|due|in\s+the\s+coming|complete[ds]?|end\s+of|"
            r"before|ahead\s+of)\s+(?:on\s+|in\s+|the\s+)?$"
        ),
        # (no comma between, nor a verb telling what was done then: "staff will face the cuts announced in March")
        "future_clause": (
            r"\b(?:will|shall|(?:is|are)\s+(?:set\s+|due\s+)?to|plans?\s+to|planning\s+to|expected\s+to|intends?\s+to)\s"
            r"(?:(?!\b(?:announced|said|confirmed|reported|revealed|disclosed|unveiled|made|began|started)\b)[^,;.:])*$"
        ),
        "year_prefix": (
            r"in|since|during|by|early|late|mid-?|until|through|of|from|between|and|fiscal|spring|summer|fall|autumn|"
            r"winter|back\s+in"
        ),
        "weekday_prefix": r"last|this|next|on|late|early",
    },
    fractions=(("half", 50.0), ("a third", 33.3), ("one third", 33.3), ("a quarter", 25.0), ("one quarter", 25.0),
               ("two-thirds", 66.7), ("two thirds", 66.7), ("a fifth", 20.0), ("one in ten", 10.0),
               # American "one-fourth"; "three-quarters", "one fifth", "a tenth"
               ("a fourth", 25.0), ("one fourth", 25.0), ("three quarters", 75.0), ("one fifth", 20.0),
               ("a tenth", 10.0), ("one tenth", 10.0),
               # "one in six posts" is a share, never a count of one
               ("one in two", 50.0), ("one in three", 33.3), ("one in four", 25.0), ("one in five", 20.0),
               ("one in six", 16.7), ("one in seven", 14.3), ("one in eight", 12.5), ("one in nine", 11.1)),
    count_context={
        "percent": r"%|\s*percent\b|\s*per\s+cent\b",
        "share_after": (
            r"^\s+of\s+(?:its|the|their|that|his|her|our)?\s*(?:[\w'’,.-]+\s+){0,3}?(?:workforce|staff|employees|"
            r"headcount|workers|jobs|people|personnel|team|roles|positions|staffers|corporate\s+workforce)\b"
        ),
        # (or glued to a job noun before one: "a 300-job layoff", "its 14,000-employee reduction")
        # (two words may qualify it: "four permanent full-time redundancies", never a preposition's phrase)
        "noun_after": r"^(?:\s+[\"“‘']?(?:(?!(?:in|of|to|from|for|on|at|by|and|or|with)\s)[\w-]+\s+){0,2}?(?:layoffs|lay-offs|redundancies|job\s+cuts|job\s+losses|cuts|reductions)|"
                      r"-(?i:job|employee|worker|person|staff|position|role)\s+(?:[\w-]+\s+)?(?i:layoffs?|lay-offs?|"
                      r"cuts?|reductions?|loss|losses|cull|purge|downsizing))\b",
        # a closing site's workforce is the count ("to shut its plant, which employs 1,800 people"; "the depot, where
        # 240 staff work, will close")
        "closing_site_before": (
            rf"\b(?:clos(?:e|es|ed|ing|ure\s+of)|shut(?:s|ting)?(?:\s+down)?|shutter(?:s|ed|ing)?)\s+(?:\S+\s+){{0,5}}?"
            rf"(?:{_SITES}),?\s+(?:(?:which|that)\s+(?:employs|employed|has|had)\s+|employing\s+|with\s+|where\s+)"
            rf"(?:{_QUAL})?$"
        ),
        "site_before": rf"\b(?:{_SITES}),?\s+(?:(?:which|that)\s+(?:employs|has)\s+|employing\s+|where\s+)(?:{_QUAL})?$",
        "closing_after": (
            r"^\s*(?:\S+\s+)?(?:people|staff|workers|employees)?(?:\s+work)?,?\s+(?:\S+\s+){0,3}?(?:is\s+to|will|"
            r"is\s+set\s+to|is\s+due\s+to|would)\s+(?:\S+\s+)?(?:close|shut)\b"
        ),
        # what makes a number a whole workforce, a hiring figure or the leakers, not this action's cut
        "base_before": (
            r"(?:\b(?:employs?|employed|employing|has|had|have|having|headcount\s+of|workforce\s+of|"
            # (staff told of a cut are no workforce: "has informed staff of 120 redundancies")
            r"(?<!informed\s)(?<!notified\s)(?<!advised\s)(?<!warned\s)(?<!briefed\s)staff\s+of|"
            r"out\s+of|among|hire|hires|hiring|hired|add|adds|adding|added|recruit\w*|creat\w+|opening|open|"
            r"from|keep|keeps|retain\w*|remain\w*|redeploy\w*|offered|(?:one|1)\s+in|of\s+(?:its|the|their|our|his|"
            r"her|that|[\w.-]+['’]s))\s+(?:(?:the|its|their|about|roughly|around|nearly|approximately|some|more\s+than|"
            r"over|almost|[\w.-]+['’]s)\s+){0,2})$"
        ),
        "base_after": (
            # (not the staff of the sites a cut closes: "1,200 employees across the three sites are affected")
            r"^(?:-strong\b|\s*(?:\S+\s+){0,2}(?:employees|workers|people|staff)\s+(?:worldwide|globally|"
            r"across\s+the(?!\s+(?:\w+\s+)?(?:sites|plants|stores|offices|depots|locations|warehouses|branches|"
            r"factories|centres|centers)\s+(?:are|were|will|would|have|has|had|could|may)\b)|"
            r"in\s+total|at\s+the\s+end|as\s+of|in\s+the\s+(?:uk|us|u\.s\.|country))|\s*(?:people|persons|sources|"
            r"officials|employees|executives)\s+(?:familiar|with\s+knowledge|briefed|close\s+to|aware)|\s+(?:jobs|"
            r"roles|positions)\s+(?:will\s+be\s+)?(?:created|added))"
        ),
        "subset_after": r"^\s+(?:of\s+(?:the|these|those|them|its|their|our)|out\s+of|of(?=\s+\d))\b",
        "not_count_after": (
            # "one in six posts" is a share: neither number counts
            r"^\s+in\s+(?:two|three|four|five|six|seven|eight|nine|ten)\b(?!\s+(?:rounds?|phases?|stages?|waves?|"
            r"tranches?|years?|months?|weeks?|steps?|batches|parts))|"
            # ("1 in 10 jobs": a share written in figures)
            r"^\s+in\s+\d{1,2}\s+(?:[\w-]+\s+)?(?:jobs|roles|posts|positions|staff|employees|workers)\b|"
            # ("1,700 hourly jobs" counts: "hourly" is no unit of time)
            r"^\s*(?:%|percent|per\s+cent|billion|bn\b|m\b|million\s+(?:dollars|pounds|euros|in|a|of)|years?\b|"
            r"months?\b|weeks?\b|days?\b|hours?\b|stores|branches|shops|sites|locations|plants|factories|offices|"
            r"restaurants|routes|stations|warehouses|centres|centers|schools|libraries|buildings|facilities|"
            r"mills|pubs|hubs|outlets|departments|seats|points|pence|p\b|cents?|dollars|pounds|euros|times|"
            r"radio|tv|stores?)"
        ),
        "verb_before": (
            rf"(?:\b(?:(?:{_CUT}|halved)(?:\s+by)?|(?:{_CUT})\s+(?:(?:its|their|the)\s+(?:\w+\s+)?)?(?:workforce|headcount|"
            r"staff|staffing|payroll|establishment|employees|jobs|roles|posts|positions)\s+by|"
            # "redundancies for up to 90 of its 300 employees"
            r"(?:redundanc(?:y|ies)|lay-?offs|job\s+cuts)\s+(?:for|among)|"
            # "reduce the number of roles in customer operations by up to 180"
            rf"(?:{_CUT})\s+the\s+number\s+of\s+(?:\w+\s+)?(?:{JOBS})\s+(?:(?:in|at|across|within)\s+"
            r"(?:[\w'’&-]+\s+){1,4}?)?by|affect\w*|impact\w*|another|additional|further|loss\s+of|shed|"
            # a share restated as a count ("by 50%, which equates to around 12,500 staff")
            r"(?:which\s+)?(?:equates|amounts|translates)\s+to(?:\s+(?:around|about|roughly|some|nearly|almost))?|"
            r"reduction\s+of|(?:dismissal|termination|elimination)s?\s+of|"
            r"(?:affected\s+)?(?:employees|workers|positions|staff)(?:\s+affected)?\s*:|affected\s*:|"
            r"(?:cuts|layoffs|lay-offs|losses|redundancies|reductions)\s+(?:\w+\s+){0,2}?(?:swell|rise|climb|reach|top|"
            r"hit|total|exceed|grow|jump|balloon)(?:s|ed)?(?:\s+to)?)\s*)$"
        ),
        "cumulative": (
            # "the combined headcount of A and B" (two bodies) and "an overall reduction of 14,000" (one action's net
            # figure) are not running totals
            r"\b(?:since|bringing|brings|cumulative\w*|altogether|combined(?!\s+(?:headcount|workforce|staff|payroll))|"
            # ("our overall corporate workforce" is the workforce a cut reduces, no total either)
            r"overall(?!\s+(?:net\s+)?(?:reduction|cut|decrease)|\s+(?:[\w-]+\s+)?(?:workforce|headcount|staff))|in\s+all|"
            r"so\s+far|to\s+date|"
            r"over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last)\s+\w+\s+(?:months|years)|in\s+recent\s+"
            r"(?:months|years|weeks)|tally|sum\s+of)\b"
        ),
        "cumulative_after": (
            r"^[^,.;]{0,50}?\b(?:since|(?:over|in)\s+the\s+(?:past|last)\s+\w+\s+(?:months|years)|over\s+the\s+"
            r"(?:past|last)|in\s+recent\s+(?:months|years|weeks)|so\s+far|"
            r"to\s+date|in\s+total|altogether|combined|cumulative\w*|(?:across|in)\s+(?:two|three|four|several|"
            r"multiple)\s+rounds)\b"
        ),
        "cumulative_reset": (
            r"\b(?:said|says|announced|announces|will|plans?|is|are|new|latest|another|more|now|today)\b"
        ),
    },
    function_words=(
        r"the|a|an|of|to|in|on|at|for|with|by|as|is|are|was|were|be|been|has|have|had|says?|said|will|would|its|their|"
        r"his|her|and|but|or|after|over|from|about|why|how|what|who|this|that|it|not|no|than|amid|into|up|out|while"
    ),
    unsaid=(
        r"say|says|said|saying|disclose[ds]?|disclosing|specif(?:y|ied|ies)|reveal(?:s|ed)?|detail(?:s|ed)?|"
        r"indicate[ds]?|know|knows|known|decided|estimate[ds]?|put\s+a\s+number|quantif(?:y|ied)|"
        # "no immediate redundancies": none now, none ruled out (an administration's jobs stay in doubt)
        r"immediate(?:ly)?|imminent"
    ),
    # A greeting that names the newsletter or briefing: its items are a digest of the week's news.
    newsletter=(
        r"^(?:(?:good\s+(?:morning|afternoon|evening)|hello|hi)[,!.]?\s+(?:and\s+)?)?(?:welcome\s+(?:back\s+)?to|"
        r"this\s+is|you['’]re\s+reading)\b.{0,100}?\b(?:newsletter|briefing|edition|digest|bulletin|round-?up)\b"
    ),
    # English puts modifiers before the noun ("Cambridge labs"): after a subject comes a verb or a function word.
    after_subject=(
        r"is|are|was|were|has|have|had|will|would|could|can|may|might|must|shall|should|to|said|says|say|plans?|"
        r"planned|announce[sd]?|confirm(?:s|ed)?|cut|cuts|lays|laid|sheds?|axe[sd]?|clos(?:es|ed)|shuts?|"
        r"collaps(?:es|ed)|files|filed|enters|entered|goes|went|falls|fell|calls|called|begins|began|starts|started|"
        r"reports|reported|tells|told|warns|warned|expects|expected|moves|moved|faces|seeks|sought|agrees|agreed|"
        r"makes|made|does|did|also|reportedly|quietly|again|now|just|still|and|or|on|in|at|after|as|amid|with|for|"
        r"by|from|over|under|itself|which|who|that|whose|eliminates|eliminated|slash(?:es|ed)|trims|trimmed|fires|"
        r"fired|sacks|sacked|furloughs|furloughed|propos(?:es|ed)|unveil(?:s|ed)|insists|denies|denied|declined|"
        r"wants|intends|needs|chief|boss|bosses|ceo|spokes\w+|executives?|management|shares|stock|owner|parent|"
        r"lost|loses|halves|halved|shrinks|reduces|reduced|downsizes|restructures|exits|quits|abandons|kills|scraps|"
        r"scrapped|offers|offered|issued|issues|sent|sends|notified|informs|informed|hit|hits|axing|cutting|laying|"
        r"shedding|closing|eliminating|plc|inc|ltd|llc|corp|co|group|unit|division|subsidiary|arm|business|branch|"
        r"operations?|offices?|staff|workers|employees|jobs|the|a|an|its|their|into|across|of|about|than|like|more|"
        r"less|first|last|this|next|"
        # a headline's plan told with a participle or a verb of intent ("<Firm> looking to cut", "<Firm> set to axe")
        # (not "set", "eyes", "weighs": "Wales set to lose 1,000 jobs", "Musk eyes cuts at Tesla" name a place, a person)
        r"looking|seeking|planning|preparing|prepares|readies|readying|considering|considers|mulling|mulls"
    ),
    technology=r"(?-i:AI|A\.I\.|GenAI)|artificial\s+intelligence|automation|automating|robots?|robotics",
)
