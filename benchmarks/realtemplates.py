"""The five page templates of benchmarks/realpages.py: how five kinds of CMS wrap one article.

Each renderer takes a `realpages._Ctx` and returns a whole HTML document. What differs is what
real sites differ in: where the date and title live (JSON-LD, article:* meta, og:*, a <time>
element, plain text), how much inline CSS and script state the page carries, and the furniture
around the article (menus, related lists, comments, sidebars, cookie and newsletter boxes).
"""

from __future__ import annotations

import json

from realpages import _JS, _Ctx, _css, _script_state, _svg, esc

NAV = ["Home", "News", "Business", "Technology", "Markets", "Opinion", "Sport", "Culture", "Video"]
FOOTER = ["About us", "Contact", "Careers", "Advertise", "Privacy", "Terms", "Cookie settings", "Help"]
COMMENTS = ["Interesting piece, thanks.", "I would like to see the numbers behind this.", "Not surprised at all."]


def _paragraphs(c: _Ctx, wrap: str, ad: str, aside: str) -> str:
    """Return the article paragraphs in `wrap` ({} = escaped text), an ad after the 3rd, a link box after the 6th."""
    out = []
    for i, para in enumerate(c.page.paragraphs):
        out.append(wrap.format(esc(para)))
        if i == 2:
            out.append(ad.format(n=c.rng.randrange(10**6)))
        if i == 5 and c.related:
            href, headline = c.related[0]
            out.append(aside.format(href=href, headline=esc(headline)))
    return "".join(out)


def _menu(c: _Ctx, item: str, sub: bool) -> str:
    out = []
    for label in c.items("nav", NAV):
        children = "".join(f'<li><a href="/{c.outlet.slug}/{esc(label.lower())}/{k}">{esc(label)} {k}</a></li>'
                           for k in range(c.rng.randint(8, 20))) if sub else ""
        out.append(item.format(href=f"/{c.outlet.slug}/{esc(label.lower())}/", label=esc(label),
                               sub=f'<ul class="sub-menu">{children}</ul>' if sub else ""))
    return "".join(out)


def _comments(c: _Ctx, item: str) -> str:
    people = ("mira_k", "oldhand42", "J. Patel", "reader1987", "Tomasz", "lee.w")
    return "".join(item.format(who=esc(people[k % len(people)]), ago=c.rng.randint(1, 23), text=esc(t))
                   for k, t in enumerate(c.items("comments", COMMENTS)))


def wp(c: _Ctx) -> str:
    """WordPress with Yoast: JSON-LD graph, og:* and article:published_time."""
    p, o = c.page, c.outlet
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "@id": c.url + "#article", "headline": p.title, "datePublished": c.iso,
         "dateModified": c.iso, "author": {"name": p.author, "@id": f"/#/person/{c.rng.randrange(10**8)}"},
         "wordCount": sum(len(x.split()) for x in p.paragraphs), "articleSection": ["Business"], "inLanguage": "en-US"},
        {"@type": "WebPage", "@id": c.url, "url": c.url, "name": p.title, "isPartOf": {"@id": "/#website"}},
        {"@type": "Organization", "@id": "/#organization", "name": o.name, "sameAs": ["https://x.com/example"]},
        {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Home"}]}]}
    body = _paragraphs(c, "<p>{}</p>", '<div class="wp-ad ad-inline" id="ad-{n}"><span>Advertisement</span></div>',
                       '<p class="related-inline"><strong>Related:</strong> <a href="{href}">{headline}</a></p>')
    related = "".join(f'<div class="jp-relatedposts-post"><h4><a href="{h}">{esc(t)}</a></h4>'
                      f'<p class="jp-relatedposts-post-context">In "Business"</p></div>' for h, t in c.related[:6])
    comments = _comments(c, '<li class="comment"><article class="comment-body"><footer class="comment-meta">'
                            '<b class="fn">{who}</b> <time>{ago} hours ago</time></footer>'
                            '<div class="comment-content"><p>{text}</p></div><div class="reply">Reply</div></article></li>')
    widgets = "".join(f"<li><a href=\"/{o.slug}/w/{k}\">{esc(s)}</a></li>" for k, s in enumerate(c.items("sidebar", ["Archives"])))
    return f"""<!DOCTYPE html>
<html lang="en-US" class="no-js"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(p.title)} &#8211; {esc(o.name)}</title><meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{c.url}"><meta property="og:locale" content="en_US"><meta property="og:type" content="article">
<meta property="og:title" content="{esc(p.title)}"><meta property="og:description" content="{esc(p.summary)}">
<meta property="og:url" content="{c.url}"><meta property="og:site_name" content="{esc(o.name)}">
<meta property="article:published_time" content="{c.iso}"><meta property="article:modified_time" content="{c.iso}">
<meta name="author" content="{esc(p.author)}"><meta name="twitter:card" content="summary_large_image">
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(graph)}</script>
<link rel="stylesheet" id="wp-block-library-css" href="/wp-includes/css/dist/block-library/style.min.css?ver=6.4" media="all">
<style id="wp-block-library-inline-css">{_css(c.rng, "wp-block", c.rng.randint(120, 260))}</style>
<style id="global-styles-inline-css">body{{--wp--preset--color--black:#000;--wp--preset--font-size--small:13px}}{_css(c.rng, "has", 60)}</style>
<script>window._wpemojiSettings={{"baseUrl":"https://s.w.org/images/core/emoji/14.0.0/72x72/","ext":".png"}};{_JS.format(src="/wp-includes/js/wp-emoji.js", id=c.rng.randrange(10**8))}</script>
</head><body class="post-template-default single single-post postid-{c.rng.randrange(10**5)} single-format-standard">
<div id="cookie-notice" role="dialog"><span class="cn-text">{esc(c.text("cookie", "We use cookies."))}</span><a class="cn-accept">Accept</a> <a>Settings</a></div>
{_svg(c.rng, c.rng.randint(15, 40))}<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/" rel="home">{esc(o.name)}</a></p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle">Menu</button><ul id="primary-menu" class="menu">{_menu(c, '<li class="menu-item"><a href="{href}">{label}</a>{sub}</li>', True)}</ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry category-business"><header class="entry-header">
<span class="cat-links"><a href="/category/business/" rel="category tag">Business</a></span><h1 class="entry-title">{esc(p.title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="{c.iso}">{p.published:%B %d, %Y}</time></span>
<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/{c.rng.randrange(999)}/">{esc(p.author)}</a></span></span></div></header>
<div class="post-thumbnail"><img src="/wp-content/uploads/lead.jpg" alt="" width="1200" height="675" srcset="/lead-300.jpg 300w, /lead-1024.jpg 1024w"></div>
<div class="entry-content">{body}</div>
<footer class="entry-footer"><span class="tags-links">Tagged <a href="/tag/economy/" rel="tag">economy</a></span>
<div class="sharedaddy"><h3>Share this:</h3><ul><li><a>Facebook</a></li><li><a>X</a></li><li><a>LinkedIn</a></li><li><a>Email</a></li></ul></div></footer></article>
<div class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>{related}</div>
<div id="comments" class="comments-area"><h2 class="comments-title">Thoughts on &ldquo;{esc(p.title)}&rdquo;</h2><ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><p>Your email address will not be published.</p><textarea></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div><aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{widgets}</ul></section>
<section class="widget widget_text"><div class="textwidget"><p>{esc(c.text("newsletter", "Sign up for our newsletter."))}</p><form><input type="email"><button>Subscribe</button></form></div></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">{" | ".join(f'<a href="/p/{k}">{esc(x)}</a>' for k, x in enumerate(c.items("footer", FOOTER)))}</div><p>&copy; {p.published.year} {esc(o.name)}</p></footer></div>
<script>var jetpackConfig={_script_state(c.rng, p.title.split(), c.rng.randint(1500, 4000))};</script>
</body></html>
"""


def arc(c: _Ctx) -> str:
    """A headless news CMS: JSON-LD only (no article:* meta), the article again in an inline state script."""
    p, o = c.page, c.outlet
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": p.title, "datePublished": c.iso,
          "dateModified": c.iso, "author": [{"@type": "Person", "name": p.author}],
          "publisher": {"@type": "Organization", "name": o.name}, "mainEntityOfPage": c.url}
    content = {"_id": f"{c.rng.randrange(16**24):024X}", "headlines": {"basic": p.title}, "canonical_url": c.url,
               "content_elements": [{"type": "text", "content": x, "_id": f"{c.rng.randrange(16**12):012X}"} for x in p.paragraphs],
               "credits": {"by": [{"name": p.author}]}, "display_date": c.iso}
    body = _paragraphs(c, '<p class="c-paragraph" data-el="text">{}</p>', '<div class="arcad b-ad" id="arcad-{n}"></div>',
                       '<div class="c-interstitial"><a href="{href}">{headline}</a></div>')
    cards = "".join(f'<div class="c-card"><img src="/resizer/{k}.jpg" alt="" loading="lazy"><a class="c-card__link" href="{h}">'
                    f'<h3 class="c-heading">{esc(t)}</h3></a></div>' for k, (h, t) in enumerate(c.related))
    most = "".join(f'<li class="c-most-read__item"><a href="{h}">{esc(t)}</a></li>' for h, t in c.related[:5])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{esc(p.title)} - {esc(o.name)}</title><meta name="description" content="{esc(p.summary)}">
<link rel="canonical" href="{c.url}"><meta property="og:title" content="{esc(p.title)}"><meta property="og:url" content="{c.url}">
<meta property="og:type" content="article"><meta name="twitter:site" content="@{o.slug}">
<script type="application/ld+json">{json.dumps(ld)}</script>
<style>{_css(c.rng, "c", c.rng.randint(250, 500))}</style>
<script>window.Fusion=window.Fusion||{{}};Fusion.arcSite="{o.slug}";Fusion.deployment="{c.rng.randrange(9999)}";Fusion.globalContent={json.dumps(content)};Fusion.contentCache={_script_state(c.rng, p.title.split(), c.rng.randint(3000, 12000))};</script>
</head><body><div id="fusion-app"><div class="b-layout">
<div class="b-alert"><span>{esc(c.text("cookie", "We use cookies."))}</span><button>OK</button></div>
<header class="b-header"><a class="b-header__logo" href="/">{esc(o.name)}</a><nav class="b-header-nav"><ul>{_menu(c, '<li><a href="{href}">{label}</a></li>', False)}</ul></nav>
<div class="b-drawer"><ul>{_menu(c, '<li><a href="{href}">{label}</a>{sub}</li>', True)}</ul></div><a class="b-subscribe" href="/subscribe">Subscribe</a></header>
<div class="arcad b-ad b-ad--leaderboard" id="arcad-top"></div>
<main class="b-article"><div class="c-overline"><a href="/business/">Business</a></div><h1 class="c-heading">{esc(p.title)}</h1>
<h2 class="c-subheadline">{esc(p.summary)}</h2><div class="c-attribution">By <a class="c-link" href="/people/{c.rng.randrange(999)}/">{esc(p.author)}</a></div>
<div class="c-date">Published {p.published:%b. %d, %Y at %I:%M %p}</div><figure class="c-media"><img src="/resizer/lead.jpg" alt=""><figcaption>Photo: Agency</figcaption></figure>
<article class="b-article-body">{body}</article>
<div class="c-tags"><a href="/topic/economy">Economy</a> <a href="/topic/jobs">Jobs</a></div>
<div class="b-newsletter"><p>{esc(c.text("newsletter", "Sign up."))}</p><input type="email"><button>Sign up</button></div>
<button class="c-comments-button">Comments</button></main>
<aside class="b-right-rail"><div class="c-most-read"><h2>Most read</h2><ol>{most}</ol></div><div class="arcad b-ad" id="arcad-rail"></div></aside>
<section class="b-more-from"><h2>More from {esc(o.name)}</h2><div class="c-grid">{cards}</div></section>
<footer class="b-footer"><ul>{"".join(f'<li><a href="/f/{k}">{esc(x)}</a></li>' for k, x in enumerate(c.items("footer", FOOTER)))}</ul><p>&copy; {p.published.year} {esc(o.name)}. All rights reserved.</p></footer>
</div></div><script src="/pf/dist/engine/react.js?d={c.rng.randrange(999)}" defer></script></body></html>
"""


def next_js(c: _Ctx) -> str:
    """A Next.js site: og:* only, hashed classes, the article again in __NEXT_DATA__, the date in <time>."""
    p, o, rng = c.page, c.outlet, c.rng

    def cls() -> str:
        return f"css-{rng.randrange(36**6):x}"

    body = _paragraphs(c, f'<div class="{cls()}"><p class="{cls()}">{{}}</p></div>', f'<div class="{cls()}" data-ad="{{n}}"></div>',
                       f'<aside class="{cls()}"><span>Read more</span><a href="{{href}}">{{headline}}</a></aside>')
    data = {"props": {"pageProps": {"article": {"headline": p.title, "summary": p.summary, "body": p.paragraphs,
                                                "byline": p.author, "related": [t for _, t in c.related]}}},
            "page": "/[section]/[slug]", "buildId": f"{rng.randrange(16**10):x}"}
    comments = _comments(c, f'<div class="{cls()}"><strong>{{who}}</strong><span>{{ago}}h</span><p>{{text}}</p><button>Reply</button></div>')
    related = "".join(f'<li class="{cls()}"><a href="{h}">{esc(t)}</a></li>' for h, t in c.related)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/>
<title>{esc(p.title)} | {esc(o.name)}</title><meta property="og:title" content="{esc(p.title)}"/><meta property="og:description" content="{esc(p.summary)}"/>
<meta property="og:url" content="{c.url}"/><meta property="og:site_name" content="{esc(o.name)}"/><meta property="og:image" content="/og/{rng.randrange(999)}.png"/>
<style data-emotion="css-global">html{{-webkit-text-size-adjust:100%}}body{{margin:0}}</style><style data-emotion="css">{_css(rng, "css", rng.randint(200, 450))}</style>
<link rel="preload" href="/_next/static/chunks/main-{rng.randrange(16**8):x}.js" as="script"/></head>
<body>{_svg(rng, rng.randint(20, 50))}<div id="__next"><div class="{cls()}"><div class="{cls()}" role="dialog">{esc(c.text("cookie", "Cookies."))}<button>Accept</button></div>
<header class="{cls()}"><a href="/" class="{cls()}">{esc(o.name)}</a><nav class="{cls()}"><ul>{_menu(c, '<li><a href="{href}">{label}</a></li>', False)}</ul></nav></header>
<main class="{cls()}"><article class="{cls()}"><h1 class="{cls()}">{esc(p.title)}</h1><p class="{cls()}">{esc(p.summary)}</p>
<div class="{cls()}"><span>By</span> <a href="/authors/{rng.randrange(999)}">{esc(p.author)}</a> <time datetime="{c.iso}">{p.published:%d %B %Y}</time></div>
<section class="{cls()}" data-testid="article-body">{body}</section>
<div class="{cls()}"><h3>Newsletter</h3><p>{esc(c.text("newsletter", "Sign up."))}</p><input type="email"/></div></article>
<section class="{cls()}"><h2>Comments</h2>{comments}</section>
<aside class="{cls()}"><h2>Related</h2><ul>{related}</ul></aside></main>
<footer class="{cls()}">{" ".join(f'<a href="/l/{k}">{esc(x)}</a>' for k, x in enumerate(c.items("footer", FOOTER)))}</footer></div></div>
<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>
<script src="/_next/static/chunks/webpack-{rng.randrange(16**8):x}.js" async=""></script><script>{_JS.format(src="/t.js", id=rng.randrange(10**8))}</script></body></html>
"""


def drupal(c: _Ctx) -> str:
    """Drupal: no og:* and no JSON-LD, a settings JSON script, the date as text in a field."""
    p, o = c.page, c.outlet
    body = _paragraphs(c, "<p>{}</p>", '<div class="block-ad" id="block-ad-{n}"></div>',
                       '<div class="related-inline">See also: <a href="{href}">{headline}</a></div>')
    comments = _comments(c, '<article class="comment js-comment"><footer class="comment__meta"><span class="username">{who}</span>'
                            '<span class="comment__time">{ago} hours ago</span></footer><div class="field--name-comment-body"><p>{text}</p></div></article>')
    blocks = "".join(f'<div class="views-row"><a href="/node/{k}">{esc(s)}</a></div>' for k, s in enumerate(c.items("sidebar", ["Archive"])))
    settings = {"path": {"baseUrl": "/", "currentPath": f"node/{c.rng.randrange(10**5)}"}, "ajaxPageState": {"libraries": "x" * 800},
                "gtm": _script_state(c.rng, p.title.split(), 1500)}
    return f"""<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="Generator" content="Drupal 10">
<title>{esc(p.title)} | {esc(o.name)}</title><meta name="description" content="{esc(p.summary)}"><link rel="canonical" href="{c.url}">
{"".join(f'<link rel="stylesheet" media="all" href="/core/themes/{k}.css?s{c.rng.randrange(999)}">' for k in range(8))}
<style media="all">{_css(c.rng, "field", c.rng.randint(60, 160))}</style>
<script type="application/json" data-drupal-selector="drupal-settings-json">{json.dumps(settings)}</script></head>
<body class="path-node page-node-type-article"><div class="dialog-off-canvas-main-canvas"><div class="layout-container">
<div class="eu-cookie-compliance-banner">{esc(c.text("cookie", "Cookies."))} <button>OK, I agree</button></div>
<header role="banner"><div class="region region-header"><a href="/" rel="home" class="site-logo">{esc(o.name)}</a></div>
<nav role="navigation" id="block-mainnavigation"><h2 class="visually-hidden">Main navigation</h2><ul class="menu">{_menu(c, '<li class="menu-item"><a href="{href}">{label}</a>{sub}</li>', True)}</ul></nav></header>
<div class="region region-breadcrumb"><nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ol></nav></div>
<main role="main"><div class="layout-content"><article role="article" class="node node--type-article node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">{esc(p.title)}</span></h1>
<div class="node__meta"><span class="field--name-uid">{esc(p.author)}</span> <span class="field--name-created">{p.published:%a, %m/%d/%Y - %H:%M}</span></div>
<div class="node__content"><div class="clearfix text-formatted field field--name-body field__item">{body}</div>
<div class="field field--name-field-tags"><div class="field__label">Tags</div><div class="field__items"><a href="/t/1">Economy</a></div></div></div></article>
<section class="comment-section"><h2 class="comments__title">Comments</h2>{comments}<form class="comment-form"><textarea></textarea><input type="submit" value="Save"></form></section></div>
<aside class="layout-sidebar-first" role="complementary"><div class="views-element-container"><h2>Latest</h2>{blocks}</div>
<div class="block-newsletter">{esc(c.text("newsletter", "Newsletter."))}</div></aside></main>
<footer role="contentinfo"><div class="region region-footer">{" | ".join(f'<a href="/f/{k}">{esc(x)}</a>' for k, x in enumerate(c.items("footer", FOOTER)))}</div></footer></div></div>
{"".join(f'<script src="/core/misc/{k}.js?v=10.1"></script>' for k in ("drupal", "drupalSettingsLoader", "once", "debounce"))}</body></html>
"""


def legacy(c: _Ctx) -> str:
    """A 2000s table layout: no metadata beyond the title, the date only in the byline text."""
    p, o = c.page, c.outlet
    body = _paragraphs(c, "<p>{}</p>", '<p align="center"><a href="/ads/{n}"><img src="/ads/{n}.gif" border="0"></a></p>',
                       '<p><b>Related story:</b> <a href="{href}">{headline}</a></p>')
    nav = "".join(f'<a href="/{o.slug}/{esc(x.lower())}.html" class="nav">{esc(x)}</a><br>' for x in c.items("nav", NAV))
    side = "".join(f'<tr><td class="side"><a href="{h}">{esc(t)}</a></td></tr>' for h, t in c.related)
    comments = _comments(c, '<tr><td class="c"><b>{who}</b> wrote ({ago} hours ago):<br>{text}</td></tr>')
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{esc(o.name)} - {esc(p.title)}</title>
<script language="JavaScript">function MM_swapImgRestore(){{var i,x,a=document.MM_sr;for(i=0;a&&i<a.length&&(x=a[i])&&x.oSrc;i++)x.src=x.oSrc;}}
function MM_preloadImages(){{var d=document;if(d.images){{if(!d.MM_p)d.MM_p=new Array();}}}}</script>
<style type="text/css">body{{font-family:Verdana,Arial;font-size:12px}} td.nav{{background:#003366}} a.nav{{color:#fff}}</style></head>
<body bgcolor="#ffffff" leftmargin="0" topmargin="0" onload="MM_preloadImages()">
<table width="100%" border="0" cellpadding="0" cellspacing="0"><tr><td colspan="3"><img src="/images/banner.gif" alt="{esc(o.name)}" width="760" height="90"></td></tr>
<tr><td width="150" valign="top" class="nav">{nav}<br><font size="1">{esc(c.text("newsletter", "Newsletter"))}</font></td>
<td valign="top" class="story"><font face="Arial" size="4"><b>{esc(p.title)}</b></font><br>
<font size="2" color="#666666">{esc(p.author)} | Posted {p.published:%b %d, %Y %I:%M %p}</font>{body}
<p><a href="javascript:window.print()">Print this story</a> | <a href="mailto:?subject=story">Email this story</a></p><hr>
<b>Reader comments</b><table width="100%">{comments}</table></td>
<td width="180" valign="top"><table><tr><td class="side"><b>More headlines</b></td></tr>{side}</table></td></tr>
<tr><td colspan="3" align="center"><font size="1">{" | ".join(esc(x) for x in c.items("footer", FOOTER))}<br>Copyright &copy; {p.published.year} {esc(o.name)}</font></td></tr></table>
</body></html>
"""


RENDERERS = {"wp": wp, "arc": arc, "next": next_js, "drupal": drupal, "legacy": legacy}
