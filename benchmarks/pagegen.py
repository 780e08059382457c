"""Synthetic news sites for the benchmarks: article pages, the RSS feeds carrying them, and a loopback server.

Shared by benchmarks/throughput.py and benchmarks/noop_run.py (scripts run by hand, never tests).

* `generate_site(root, pages=..., feeds=...)` writes `feeds` outlets, each with one RSS feed and its
  article pages, under `root/h<k>/` (outlet k is served from loopback address 127.0.0.<k+1>, so
  per-host politeness limits apply per outlet as on the web, not to the whole benchmark).
  Texts come from a seeded RNG over a sentence grammar with a few thousand words: business and
  tech filler, layoff reports (some about Amazon rounds covered by several outlets), layoff
  mentions, and traps ("price cuts", "hiring 5,000 workers", "rocket fired"). Body text is
  2-20 KB (log-uniform), wrapped in outlet chrome: head metadata and JSON-LD, analytics script,
  mega-menu navigation, ads, share bars, related links, comments, newsletter box and footer.
  About 5% of pages are syndicated copies of another outlet's story (exact text) and 3% near
  copies (a paragraph changed), so the dedup path does real work.
* `serve_site(root, hosts)` serves that tree from a child process on 127.0.0.1..127.0.0.<hosts>,
  one port, substituting `{base}` with each host's own address, answering conditional GETs with
  304 (ETag / Last-Modified) except for paths listed in `root/no-validators.txt`, and reporting
  request counts and its own CPU time at `/__stats`.

All text here is generated; nothing is copied from real articles.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
import multiprocessing
import os
import random
import resource
import socket
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

# --- vocabulary -------------------------------------------------------------------------------

OUTLET_WORDS = (
    "Harbor", "Summit", "Metro", "Pacific", "Granite", "Beacon", "Signal", "Ledger", "Meridian", "Prairie",
    "Capitol", "Lakeside", "Northern", "Union", "Cascade", "Atlas", "Keystone", "Riverside", "Pioneer", "Horizon",
    "Bay", "Frontier", "Evening", "Morning", "Coastal", "Valley", "Central", "Global", "Digital", "Market",
)
OUTLET_KINDS = ("Times", "Post", "Herald", "Journal", "Wire", "Tribune", "Review", "Dispatch", "Report", "Insider",
                "Chronicle", "Observer", "Gazette", "Daily", "Brief", "Standard", "Courier", "Monitor")
SECTIONS = ("tech", "business", "markets", "economy", "retail", "cloud", "media", "autos", "energy", "policy")

AMAZON_UNITS = ("AWS", "Twitch", "Whole Foods", "Zoox", "Audible", "Prime Video", "Amazon Games", "Wondery",
                "devices and services", "One Medical")
OTHER_COMPANIES = ("Microsoft", "Salesforce", "Intel", "Cisco", "Oracle", "IBM", "Dell", "PayPal", "Spotify",
                   "Disney", "Nike", "Starbucks", "Boeing", "Ford", "General Motors", "Uber", "Lyft", "Snap",
                   "Dropbox", "Zoom", "Shopify", "Qualcomm", "Micron", "Rivian", "Paramount", "Citigroup",
                   "Wells Fargo", "FedEx", "UPS", "Accenture")
OTHER_UNITS = ("cloud", "sales", "marketing", "recruiting", "consumer hardware", "gaming", "advertising",
               "customer support", "research", "logistics", "retail operations", "streaming", "finance")
PEOPLE_FIRST = ("Maria", "James", "Priya", "Daniel", "Chen", "Sofia", "Omar", "Hannah", "Luis", "Grace", "Tomas",
                "Aisha", "Peter", "Nadia", "Kevin", "Elena", "Marcus", "Yuki", "Rosa", "Samuel", "Irene", "Jonah")
PEOPLE_LAST = ("Alvarez", "Brennan", "Castillo", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad", "Ivanova",
               "Jensen", "Kowalski", "Laurent", "Mendes", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi",
               "Santos", "Tanaka", "Underwood", "Varga", "Whitaker", "Yilmaz", "Zhang")
ROLES = ("analyst", "economist", "portfolio manager", "professor", "consultant", "union representative",
         "former executive", "recruiter", "strategist", "researcher", "investor", "spokesperson")
FIRMS = ("Northgate Capital", "Bluewater Research", "Fairview Partners", "Crestline Securities", "Ardent Advisory",
         "Lindqvist & Co", "Oakmere Institute", "Tidewater Analytics", "Brightline Economics", "Sterling Row")
CITIES = ("Seattle", "Austin", "Boston", "Chicago", "Denver", "Atlanta", "Toronto", "London", "Dublin", "Berlin",
          "Bangalore", "Singapore", "Phoenix", "Nashville", "Portland", "San Diego", "Pittsburgh", "Raleigh")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
PRODUCTS = ("smart speakers", "e-readers", "laptops", "streaming plans", "phones", "headphones", "tablets",
            "fitness trackers", "video doorbells", "gaming consoles", "electric bikes", "smart thermostats")

NOUNS = (
    "revenue growth", "profit margins", "supply chains", "data centers", "software licences", "advertising demand",
    "consumer spending", "interest rates", "freight volumes", "chip shortages", "cloud contracts", "store traffic",
    "subscriber numbers", "operating costs", "capital spending", "inventory levels", "shipping times", "wage growth",
    "energy prices", "customer churn", "trade tariffs", "warehouse capacity", "battery costs", "venture funding",
    "quarterly guidance", "share buybacks", "hiring plans", "office leases", "pricing power", "market share",
    "regulatory scrutiny", "antitrust cases", "labour shortages", "chip exports", "AI models", "GPU supply",
    "delivery networks", "loyalty programmes", "return policies", "content budgets", "sports rights", "ad load",
    "price increases", "subscription tiers", "developer tools", "security incidents", "outage reports",
    "factory output", "mortgage demand", "credit card balances", "small business lending", "retail sales",
)
ADJECTIVES = (
    "steady", "uneven", "surprising", "modest", "sharp", "gradual", "record", "weaker", "stronger", "muted",
    "persistent", "cautious", "aggressive", "renewed", "slower", "faster", "broad", "narrow", "seasonal",
    "unexpected", "durable", "fragile", "healthy", "sluggish", "robust", "volatile", "measured", "limited",
)
VERBS_PAST = (
    "pointed to", "warned about", "highlighted", "played down", "questioned", "welcomed", "tracked",
    "forecast", "described", "flagged", "emphasised", "dismissed", "examined", "compared", "cited",
)
TIME_PHRASES = (
    "in the second half of the year", "over the next two quarters", "since the spring", "during the holiday season",
    "through the end of the fiscal year", "compared with a year earlier", "in recent weeks", "for most of the decade",
    "ahead of the earnings call", "after the last rate decision", "in the first quarter", "over the summer",
)
CONNECTORS = ("Meanwhile,", "Still,", "At the same time,", "By contrast,", "In addition,", "Even so,",
              "For now,", "Separately,", "On the other hand,", "As a result,", "Elsewhere,", "Notably,")
FILLER_WORDS = (
    "agenda", "balance", "budget", "campus", "channel", "client", "committee", "contract", "decision", "demand",
    "department", "district", "estimate", "factor", "feature", "figure", "forecast", "framework", "gap", "goal",
    "initiative", "issue", "launch", "leader", "measure", "method", "model", "network", "option", "outlook",
    "partner", "pattern", "period", "phase", "pilot", "platform", "policy", "portfolio", "priority", "process",
    "programme", "project", "proposal", "question", "range", "rate", "region", "result", "review", "risk",
    "roadmap", "schedule", "segment", "sector", "service", "shift", "signal", "strategy", "system", "target",
    "team", "tool", "trend", "update", "value", "venture", "version", "workflow", "workload", "benchmark",
)


@dataclass(frozen=True)
class Round:
    """A real-world layoff action several outlets cover (drives classification and round matching)."""

    company: str
    unit: str
    headcount: int
    announced: datetime


@dataclass
class Page:
    """One generated article (what its HTML and feed item say)."""

    outlet: int
    slug: str
    title: str
    summary: str
    author: str
    published: datetime
    paragraphs: list[str]
    kind: str  # "report", "mention", "trap", "general", "copy", "near_copy"

    def path(self, outlets: list[Outlet]) -> str:
        return f"{outlets[self.outlet].slug}/{self.published:%Y/%m/%d}/{self.slug}.html"


@dataclass(frozen=True)
class Outlet:
    """One news site: its name, style prefix and menu."""

    index: int
    name: str
    slug: str
    prefix: str
    menu: tuple[str, ...]


@dataclass
class Site:
    """What `generate_site` wrote: outlets (= feeds), pages, and sizes."""

    root: Path
    outlets: list[Outlet]
    pages: list[Page]
    kinds: dict[str, int] = field(default_factory=dict)
    html_bytes: int = 0
    text_bytes: int = 0

    def feed_paths(self) -> list[tuple[int, str]]:
        """Return (host index, URL path) of every feed."""
        return [(o.index, f"/feeds/{o.slug}.xml") for o in self.outlets]


class Writer:
    """Sentence and paragraph generator over the vocabulary (one seeded RNG)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def person(self) -> str:
        return f"{self.pick(PEOPLE_FIRST)} {self.pick(PEOPLE_LAST)}"

    def number(self, low: int = 2, high: int = 95) -> int:
        return self.rng.randint(low, high)

    def noun_phrase(self) -> str:
        r = self.rng.random()
        if r < 0.4:
            return f"{self.pick(ADJECTIVES)} {self.pick(NOUNS)}"
        if r < 0.7:
            return f"the {self.pick(FILLER_WORDS)} for {self.pick(NOUNS)}"
        return self.pick(NOUNS)

    def filler(self, company: str) -> str:
        """One neutral business sentence."""
        w, r = self, self.rng.random()
        if r < 0.14:
            return (f"{w.person()}, a {w.pick(ROLES)} at {w.pick(FIRMS)}, said {w.noun_phrase()} would matter more "
                    f"than {w.noun_phrase()} {w.pick(TIME_PHRASES)}.")
        if r < 0.26:
            return (f"{company} {w.pick(VERBS_PAST)} {w.noun_phrase()} and {w.noun_phrase()} in its latest "
                    f"{w.pick(('filing', 'update', 'letter to shareholders', 'investor presentation'))}.")
        if r < 0.38:
            return (f"{w.pick(CONNECTORS)} {w.noun_phrase()} rose {w.number(1, 40)} percent {w.pick(TIME_PHRASES)}, "
                    f"while {w.noun_phrase()} fell {w.number(1, 25)} percent.")
        if r < 0.50:
            return (f"The {w.pick(FILLER_WORDS)} in {w.pick(CITIES)} has become a test of whether "
                    f"{w.noun_phrase()} can offset {w.noun_phrase()}.")
        if r < 0.60:
            return (f"Shares of {company} {w.pick(('rose', 'fell', 'were flat', 'slipped', 'climbed'))} "
                    f"{w.number(1, 9)}.{w.number(0, 9)} percent in {w.pick(('early', 'late', 'afternoon'))} trading "
                    f"on {w.pick(WEEKDAYS)}.")
        if r < 0.70:
            return (f"Executives {w.pick(VERBS_PAST)} the {w.pick(FILLER_WORDS)} {w.pick(('twice', 'repeatedly', 'briefly', 'at length'))} "
                    f"on the call, describing {w.noun_phrase()} as {w.pick(ADJECTIVES)}.")
        if r < 0.80:
            return (f"\"We think {w.noun_phrase()} is the {w.pick(FILLER_WORDS)} to watch,\" {w.person()} wrote in a note "
                    f"to clients, adding that {w.noun_phrase()} looked {w.pick(ADJECTIVES)}.")
        if r < 0.90:
            return (f"{w.pick(CONNECTORS)} the {w.pick(FILLER_WORDS)} team in {w.pick(CITIES)} is working on a "
                    f"{w.pick(ADJECTIVES)} {w.pick(FILLER_WORDS)} for {w.noun_phrase()}, according to a "
                    f"{w.pick(('person familiar with the plans', 'job listing', 'company blog post', 'regulatory filing'))}.")
        return (f"Analysts expect {w.noun_phrase()} of about ${w.number(1, 90)}.{w.number(0, 9)} billion "
                f"{w.pick(TIME_PHRASES)}, with {w.noun_phrase()} the main {w.pick(FILLER_WORDS)}.")

    def paragraph(self, company: str, sentences: int | None = None) -> str:
        return " ".join(self.filler(company) for _ in range(sentences or self.rng.randint(2, 5)))


def _slugify(title: str, salt: int) -> str:
    words = "".join(c.lower() if c.isalnum() else " " for c in title).split()
    return "-".join(words[:9]) + f"-{salt:05d}"


def _make_rounds(rng: random.Random, now: datetime, count: int = 12) -> list[Round]:
    rounds = []
    for i in range(count):
        amazon = i % 2 == 0
        company = "Amazon" if amazon else rng.choice(OTHER_COMPANIES)
        unit = rng.choice(AMAZON_UNITS) if amazon else rng.choice(OTHER_UNITS)
        headcount = rng.choice((120, 200, 350, 480, 600, 900, 1200, 1800, 2500, 4000, 9000, 14000))
        rounds.append(Round(company, unit, headcount, now - timedelta(days=rng.randint(1, 50), hours=rng.randint(0, 23))))
    return rounds


def _report(w: Writer, r: Round) -> tuple[str, str, list[str]]:
    unit = f"its {r.unit} unit" if r.company != "Amazon" or r.unit[0].islower() else r.unit
    day = WEEKDAYS[r.announced.weekday() % 5]
    title = w.rng.choice((
        f"{r.company} to cut {r.headcount:,} jobs in {r.unit}",
        f"{r.company} lays off about {r.headcount:,} workers as {r.unit} is reorganised",
        f"{r.company} confirms {r.headcount:,} job cuts at {r.unit}",
    ))
    lead = (f"{r.company} said on {day} it would cut about {r.headcount:,} jobs in {unit}, "
            f"the latest reduction as it {w.pick(('redirects spending to AI', 'tightens costs', 'reorganises teams'))}.")
    second = (f"Affected employees were notified by email on {day} and will receive {w.number(8, 20)} weeks of "
              f"severance, a spokesperson said in a statement.")
    third = (f"The cuts represent about {w.number(1, 9)} percent of the {r.unit} workforce, according to a memo seen by "
             f"the {w.pick(('newspaper', 'outlet', 'publication'))}.")
    summary = f"{r.company} is laying off roughly {r.headcount:,} employees in {r.unit}."
    return title, summary, [f"{lead} {second}", third]


def _mention(w: Writer, company: str) -> tuple[str, str, list[str]]:
    year = w.rng.randint(2019, 2024)
    title = f"{company} bets on {w.pick(NOUNS)} as {w.pick(('investors wait', 'rivals regroup', 'growth slows'))}"
    lead = (f"{company}, which laid off {w.number(2, 18) * 1000:,} employees in {year}, is now "
            f"{w.pick(('expanding', 'rebuilding', 'reshaping'))} its {w.pick(OTHER_UNITS)} business.")
    return title, f"{company} looks past its {year} job cuts.", [lead + " " + w.filler(company)]


def _trap(w: Writer, company: str) -> tuple[str, str, list[str]]:
    r = w.rng.random()
    if r < 0.35:
        title = f"{company} cuts prices on {w.pick(PRODUCTS)} ahead of the holidays"
        lead = f"{company} cut prices on {w.pick(PRODUCTS)} by as much as {w.number(10, 50)} percent this week."
    elif r < 0.7:
        n = w.number(2, 250) * 1000
        title = f"{company} plans to hire {n:,} seasonal workers"
        lead = f"{company} said it was hiring {n:,} workers for its {w.pick(('warehouses', 'stores', 'delivery network'))}."
    else:
        title = f"Rocket fired to carry {company} satellites into orbit"
        lead = f"A rocket fired its engines on {w.pick(WEEKDAYS)} and carried {w.number(10, 40)} satellites into orbit."
    return title, lead, [lead + " " + w.filler(company)]


def _general(w: Writer, company: str) -> tuple[str, str, list[str]]:
    title = w.rng.choice((
        f"{company} {w.pick(VERBS_PAST)} {w.pick(NOUNS)} in {w.pick(CITIES)}",
        f"What {w.pick(NOUNS)} means for {company}",
        f"{company} shares move as {w.pick(NOUNS)} {w.pick(('improve', 'slip', 'stabilise', 'surprise'))}",
        f"Inside {company}'s plan for {w.pick(NOUNS)}",
    ))
    return title, w.filler(company), [w.paragraph(company, 3)]


def _body(w: Writer, company: str, head: list[str], target: int) -> list[str]:
    paragraphs = list(head)
    size = sum(len(p) for p in paragraphs)
    while size < target:
        p = w.paragraph(company)
        paragraphs.append(p)
        size += len(p) + 1
    return paragraphs


def _outlets(rng: random.Random, count: int) -> list[Outlet]:
    out, used = [], set()
    for i in range(count):
        while True:
            name = f"The {rng.choice(OUTLET_WORDS)} {rng.choice(OUTLET_KINDS)}"
            if name not in used:
                break
        used.add(name)
        slug = "".join(c for c in name.lower().replace("the ", "") if c.isalnum())
        menu = tuple(rng.sample(SECTIONS, len(SECTIONS))) + tuple(rng.sample(NOUNS, 12))
        out.append(Outlet(i, name, slug, slug[:3] + str(i), menu))
    return out


def generate_pages(pages: int, feeds: int, seed: int = 7, now: datetime | None = None) -> tuple[list[Outlet], list[Page]]:
    """Return outlets and `pages` article pages spread over them (round-robin), newest first per outlet."""
    rng = random.Random(seed)
    w = Writer(rng)
    now = now or datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    outlets = _outlets(rng, feeds)
    rounds = _make_rounds(rng, now)
    out: list[Page] = []
    for i in range(pages):
        outlet = i % feeds
        r = rng.random()
        published = now - timedelta(minutes=rng.randint(30, 60 * 24 * 55))
        target = int(math.exp(rng.uniform(math.log(2000), math.log(20000))))
        if out and r < 0.05:  # syndicated copy of another outlet's story: same text
            src = rng.choice(out[-200:])
            out.append(Page(outlet, _slugify(src.title, i), src.title, src.summary, src.author,
                            src.published + timedelta(minutes=rng.randint(5, 300)), list(src.paragraphs), "copy"))
            continue
        if out and r < 0.08:  # near copy: same story, one paragraph rewritten, a tagline added
            src = rng.choice(out[-200:])
            paragraphs = list(src.paragraphs)
            paragraphs[rng.randrange(len(paragraphs))] = w.paragraph("the company")
            paragraphs.append(f"This story was first published by another outlet and updated by {w.person()}.")
            out.append(Page(outlet, _slugify(src.title, i), src.title, src.summary, w.person(),
                            src.published + timedelta(minutes=rng.randint(5, 300)), paragraphs, "near_copy"))
            continue
        if r < 0.20:
            kind, rnd = "report", rng.choice(rounds)
            title, summary, head = _report(w, rnd)
            company = rnd.company
            published = rnd.announced + timedelta(hours=rng.randint(0, 30))
            published = min(published, now - timedelta(minutes=5))
        elif r < 0.28:
            kind, company = "mention", rng.choice(("Amazon", *OTHER_COMPANIES))
            title, summary, head = _mention(w, company)
        elif r < 0.38:
            kind, company = "trap", rng.choice(("Amazon", *OTHER_COMPANIES))
            title, summary, head = _trap(w, company)
        else:
            kind, company = "general", rng.choice(("Amazon", *OTHER_COMPANIES))
            title, summary, head = _general(w, company)
        out.append(Page(outlet, _slugify(title, i), title, summary, w.person(), published,
                        _body(w, company, head, target), kind))
    return outlets, out


# --- HTML and RSS ----------------------------------------------------------------------------


def render_page(page: Page, outlet: Outlet, related: list[Page], outlets: list[Outlet], rng: random.Random) -> str:
    """Return the full HTML of one article page (links use `{base}`)."""
    p = outlet.prefix
    url = "{base}/" + page.path(outlets)
    iso = page.published.strftime("%Y-%m-%dT%H:%M:%SZ")
    title = escape(page.title)
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": page.title,
        "datePublished": iso, "dateModified": iso, "author": {"@type": "Person", "name": page.author},
        "publisher": {"@type": "Organization", "name": outlet.name}, "mainEntityOfPage": url,
    })
    # Analytics/consent blobs are a large share of real pages' bytes (and of parsing work).
    analytics = json.dumps({
        "site": outlet.slug, "section": rng.choice(SECTIONS), "flags": {f"exp_{i}": rng.random() < 0.5 for i in range(60)},
        "slots": [{"id": f"ad-{i}", "sizes": [[300, 250], [728, 90]], "targeting": {"pos": i, "kw": rng.sample(NOUNS, 4)}}
                  for i in range(12)],
    })
    menu = "".join(
        f'<li class="{p}-menu-item"><a href="/{outlet.slug}/{s.replace(" ", "-")}/">{escape(s.title())}</a>'
        + "<ul>" + "".join(f'<li><a href="/{outlet.slug}/{s.replace(" ", "-")}/{k}">{escape(rng.choice(NOUNS).title())}</a></li>'
                           for k in range(rng.randint(4, 8))) + "</ul></li>"
        for s in outlet.menu
    )
    body_parts = []
    for i, para in enumerate(page.paragraphs):
        if i and i % 6 == 0:
            body_parts.append(f"<h2>{escape(rng.choice(NOUNS).capitalize())} and {escape(rng.choice(NOUNS))}</h2>")
        body_parts.append(f"<p>{escape(para)}</p>")
        if i == 2:
            body_parts.append(f'<div class="{p}-ad {p}-ad-inline"><span>Advertisement</span>'
                              f'<a href="/ads/click?id={rng.randint(1000, 9999)}">Save on {escape(rng.choice(PRODUCTS))} today</a></div>')
        if i == 4:
            body_parts.append(f'<aside class="{p}-readalso">Read also: <a href="{{base}}/{related[0].path(outlets)}">'
                              f"{escape(related[0].title)}</a></aside>" if related else "")
    comments = "".join(
        f'<div class="{p}-comment"><div class="{p}-comment-head"><b>{escape(rng.choice(PEOPLE_FIRST).lower())}_{rng.randint(1, 999)}</b> '
        f"<span>{rng.randint(1, 23)} hours ago</span></div><div class=\"{p}-comment-text\">"
        f"{escape(Writer(rng).filler('they'))}</div><div class=\"{p}-comment-actions\">Like · Reply · Report</div></div>"
        for _ in range(rng.randint(0, 10))
    )
    related_html = "".join(f'<li><a href="{{base}}/{r.path(outlets)}">{escape(r.title)}</a></li>' for r in related)
    footer_links = " · ".join(f'<a href="/{outlet.slug}/{x}">{x.title()}</a>'
                              for x in ("about", "contact", "careers", "advertise", "privacy", "terms", "cookies", "help"))
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {escape(outlet.name)}</title>
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{escape(page.summary)}">
<meta property="og:site_name" content="{escape(outlet.name)}">
<meta property="og:url" content="{url}">
<meta name="author" content="{escape(page.author)}">
<meta property="article:published_time" content="{iso}">
<link rel="stylesheet" href="/{outlet.slug}/static/site.{rng.randint(10**6, 10**7)}.css">
<script type="application/ld+json">{ld}</script>
<script>window.__analytics = {analytics}; (function(){{var s=document.createElement('script');s.async=true;s.src='/t.js';document.head.appendChild(s);}})();</script>
<style>.{p}-ad{{min-height:250px}} .{p}-menu-item ul{{display:none}} .{p}-menu-item:hover ul{{display:block}}</style>
</head>
<body class="{p}-article">
<div class="{p}-consent">We use cookies to improve your experience. <button>Accept all</button> <button>Manage choices</button></div>
<header class="{p}-header"><a class="{p}-logo" href="/{outlet.slug}/">{escape(outlet.name)}</a>
<nav class="{p}-nav"><ul>{menu}</ul></nav>
<div class="{p}-ticker">Markets: Dow {rng.choice('▲▼')} {rng.random():.1f}% · Nasdaq {rng.choice('▲▼')} {rng.random():.1f}% · Oil {rng.choice('▲▼')} {rng.random():.1f}%</div>
<a class="{p}-subscribe" href="/{outlet.slug}/subscribe">Subscribe</a> <a href="/{outlet.slug}/login">Sign in</a></header>
<div class="{p}-ad {p}-ad-top"><span>Advertisement</span><img src="/ads/leader-{rng.randint(1, 99)}.png" alt=""></div>
<main class="{p}-main"><article class="{p}-story">
<div class="{p}-breadcrumb"><a href="/{outlet.slug}/">Home</a> › <a href="/{outlet.slug}/{outlet.menu[0]}/">{escape(outlet.menu[0].title())}</a></div>
<h1 class="{p}-headline">{title}</h1>
<p class="{p}-dek">{escape(page.summary)}</p>
<div class="{p}-byline">By <a rel="author" href="/{outlet.slug}/staff/{page.author.lower().replace(' ', '-')}">{escape(page.author)}</a>
<time datetime="{iso}">{page.published:%B %d, %Y %H:%M} UTC</time></div>
<div class="{p}-share"><a href="#">Share on X</a> <a href="#">LinkedIn</a> <a href="#">Facebook</a> <a href="#">Email</a> <a href="#">Copy link</a></div>
<div class="{p}-body">
{"".join(body_parts)}
</div>
<div class="{p}-tags">Topics: {" ".join(f'<a href="/{outlet.slug}/topic/{t}">{t}</a>' for t in rng.sample(SECTIONS, 4))}</div>
</article>
<section class="{p}-newsletter"><h3>The morning briefing</h3><p>The day's top business stories in your inbox.</p><form><input type="email" placeholder="you@example.com"><button>Sign up</button></form></section>
<section class="{p}-comments"><h3>Comments</h3>{comments}<p>Comments are moderated and may take a while to appear.</p></section>
</main>
<aside class="{p}-rail"><div class="{p}-ad {p}-ad-side"><span>Sponsored</span><a href="/ads/c?{rng.randint(1, 10**6)}">Compare business credit cards</a></div>
<div class="{p}-related"><h3>Related stories</h3><ul>{related_html}</ul></div>
<div class="{p}-most-read"><h3>Most read</h3><ol>{"".join(f'<li><a href="/{outlet.slug}/most/{k}">{escape(Writer(rng).noun_phrase().capitalize())}</a></li>' for k in range(5))}</ol></div></aside>
<footer class="{p}-footer"><p>{footer_links}</p><p>© {page.published.year} {escape(outlet.name)} Media Group. All rights reserved.</p></footer>
<script src="/{outlet.slug}/static/bundle.{rng.randint(10**6, 10**7)}.js" defer></script>
</body>
</html>
"""


def render_feed(outlet: Outlet, pages: list[Page], outlets: list[Outlet], built: datetime, dated: bool = True) -> str:
    """Return the RSS 2.0 document of one outlet's pages (newest first, links use `{base}`).

    `dated=False` leaves out every item's pubDate, as some feeds do: the page's own date is then needed.
    """
    items = []
    for page in sorted(pages, key=lambda x: x.published, reverse=True):
        link = "{base}/" + page.path(outlets)
        date = format_datetime(page.published.replace(tzinfo=UTC), usegmt=True) if dated else ""
        items.append(
            f"<item><title>{escape(page.title)}</title><link>{link}</link>"
            f'<guid isPermaLink="true">{link}</guid>'
            + (f"<pubDate>{date}</pubDate>" if dated else "") +
            f"<dc:creator><![CDATA[{page.author}]]></dc:creator><category>{SECTIONS[outlet.index % len(SECTIONS)]}</category>"
            f"<description><![CDATA[<p>{escape(page.summary)}</p>]]></description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{escape(outlet.name)}</title><link>{{base}}/{outlet.slug}/</link>"
        f"<description>News from {escape(outlet.name)}</description><language>en-us</language>"
        f"<lastBuildDate>{format_datetime(built.replace(tzinfo=UTC), usegmt=True)}</lastBuildDate>"
        + "\n".join(items) + "</channel></rss>\n"
    )


def generate_site(root: Path, *, pages: int, feeds: int, seed: int = 7, now: datetime | None = None) -> Site:
    """Write `feeds` outlets with `pages` article pages in total under `root`; return what was written."""
    now = now or datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    outlets, all_pages = generate_pages(pages, feeds, seed, now)
    rng = random.Random(seed + 1)
    site = Site(root=root, outlets=outlets, pages=all_pages)
    by_outlet: dict[int, list[Page]] = {}
    for page in all_pages:
        by_outlet.setdefault(page.outlet, []).append(page)
        site.kinds[page.kind] = site.kinds.get(page.kind, 0) + 1
    for outlet in outlets:
        host_dir = root / f"h{outlet.index}"
        mine = by_outlet.get(outlet.index, [])
        for page in mine:
            related = rng.sample(all_pages, min(8, len(all_pages)))
            html = render_page(page, outlet, [r for r in related if r is not page][:7], outlets, rng)
            path = host_dir / page.path(outlets)
            path.parent.mkdir(parents=True, exist_ok=True)
            data = html.encode("utf-8")
            path.write_bytes(data)
            site.html_bytes += len(data)
            site.text_bytes += sum(len(p) + 1 for p in page.paragraphs)
        (host_dir / "feeds").mkdir(parents=True, exist_ok=True)
        (host_dir / "feeds" / f"{outlet.slug}.xml").write_text(render_feed(outlet, mine, outlets, now), encoding="utf-8")
    return site


PAGE_CONTENT_TYPE = "text/html; charset=utf-8"


def page_sources(site: Site, bases: list[str]) -> list[tuple[str, str, str]]:
    """Return (url, file path, base) of every page: small enough to send to worker processes."""
    out = []
    for page in site.pages:
        rel = page.path(site.outlets)
        out.append((f"{bases[page.outlet]}/{rel}", str(site.root / f"h{page.outlet}" / rel), bases[page.outlet]))
    return out


def read_page(path: str, base: str) -> bytes:
    """Return a page file's bytes as the server sends them (`{base}` substituted)."""
    return Path(path).read_bytes().replace(b"{base}", base.encode())


def page_bytes(site: Site, bases: list[str]) -> list[tuple[str, bytes, str]]:
    """Return (url, html bytes with `{base}` substituted, content type) of every page, as the flow fetches them."""
    return [(url, read_page(path, base), PAGE_CONTENT_TYPE) for url, path, base in page_sources(site, bases)]


def apply_patch(path: str) -> None:
    """Call `apply()` of a python file kept outside the repo (a prototype change to measure)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_patch", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load patch file {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.apply()
    print(f"applied prototype patch {path}")


def feeds_toml(site: Site, bases: list[str]) -> str:
    """Return a feeds TOML naming every outlet's feed on the running server."""
    return "".join(
        f'[[feeds]]\nname = "{o.slug}"\nurl = "{bases[o.index]}/feeds/{o.slug}.xml"\ntags = ["bench"]\n\n'
        for o in site.outlets
    )


# --- server ----------------------------------------------------------------------------------


LAST_MODIFIED = "Mon, 02 Feb 2026 10:00:00 GMT"


def _response(status: str, ctype: str, body: bytes, validators: dict[str, str], send_body: bool = True) -> bytes:
    """Return a whole HTTP/1.1 response (keep-alive), ready to write."""
    head = [f"HTTP/1.1 {status}", f"Content-Type: {ctype}", f"Content-Length: {len(body)}"]
    head += [f"{key}: {value}" for key, value in validators.items()]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + (body if send_body else b"")


class _Site:
    """Pre-built responses of every host (200 and 304 per path) and the request counters.

    The server stands in for the internet, whose CPU is not ours: it must cost the measured
    machine as little as possible. Responses are built once, and each request costs a dict
    lookup and one write (the former http.server handler cost 0.7 ms of CPU a request).
    """

    def __init__(self, root: Path, bases: list[str]) -> None:
        no_val_file = root / "no-validators.txt"
        no_validators = frozenset(no_val_file.read_text().split()) if no_val_file.exists() else frozenset()
        self.stats = {"requests": 0, "not_modified": 0}
        self.by_host: list[dict[str, tuple[bytes, bytes | None, bytes]]] = []
        for k, base in enumerate(bases):
            files = {}
            for path, (body, etag, ctype) in _load_host(root / f"h{k}", base).items():
                validators = {} if path in no_validators else {"ETag": etag, "Last-Modified": LAST_MODIFIED}
                full = _response("200 OK", ctype, body, validators)
                not_modified = _response("304 Not Modified", ctype, body, validators, send_body=False)
                files[path] = (full, not_modified if validators else None, etag.encode())
            self.by_host.append(files)

    def answer(self, host: int, request: bytes) -> bytes:
        """Return the response to one request head (request line and headers)."""
        line, _, headers = request.partition(b"\r\n")
        parts = line.split(b" ")
        path = parts[1].split(b"?", 1)[0].decode("latin-1") if len(parts) == 3 else ""
        if path == "/__stats":
            usage = resource.getrusage(resource.RUSAGE_SELF)
            body = json.dumps({**self.stats, "cpu_s": usage.ru_utime + usage.ru_stime,
                               "maxrss_kb": usage.ru_maxrss}).encode()
            return _response("200 OK", "application/json", body, {})
        self.stats["requests"] += 1
        item = self.by_host[host].get(path)
        if item is None:
            return _response("404 Not Found", "text/plain", b"not found", {})
        full, not_modified, etag = item
        if not_modified is not None and _header(headers, b"if-none-match") == etag:
            self.stats["not_modified"] += 1
            return not_modified
        return full


def _header(headers: bytes, name: bytes) -> bytes | None:
    for line in headers.split(b"\r\n"):
        key, sep, value = line.partition(b":")
        if sep and key.strip().lower() == name:
            return value.strip()
    return None


class _Connection(asyncio.Protocol):
    """One keep-alive connection: answers each complete request head as it arrives (GET only)."""

    def __init__(self, site: _Site, host: int) -> None:
        self.site, self.host, self.buffer = site, host, b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:  # without it, Nagle + delayed ACK stall keep-alive responses ~40 ms
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            request, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
            self.transport.write(self.site.answer(self.host, request))  # type: ignore[attr-defined]


def _serve(root: str, hosts: int, port_pipe: multiprocessing.connection.Connection) -> None:
    """Child process: serve root/h<k> on 127.0.0.<k+1> (one port for all) until killed."""
    loop = asyncio.new_event_loop()
    first = loop.run_until_complete(loop.create_server(asyncio.Protocol, "127.0.0.1", 0))
    port = first.sockets[0].getsockname()[1]
    first.close()  # only to pick a free port; every host listens on it below
    site = _Site(Path(root), [f"http://127.0.0.{k + 1}:{port}" for k in range(hosts)])
    for k in range(hosts):
        loop.run_until_complete(loop.create_server(
            lambda k=k: _Connection(site, k), f"127.0.0.{k + 1}", port, reuse_address=True,
        ))
    port_pipe.send(port)
    loop.run_forever()


def _load_host(folder: Path, base: str) -> dict[str, tuple[bytes, str, str]]:
    files = {}
    for path in folder.rglob("*"):
        if path.is_file():
            body = path.read_bytes().replace(b"{base}", base.encode())
            ctype = "application/rss+xml; charset=utf-8" if path.suffix == ".xml" else "text/html; charset=utf-8"
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            files["/" + path.relative_to(folder).as_posix()] = (body, etag, ctype)
    return files


@contextmanager
def serve_site(root: Path, hosts: int) -> Iterator[list[str]]:
    """Serve a generated site from a child process; yield each host's base URL."""
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_serve, args=(str(root), hosts, child), daemon=True, name="bench-site-server")
    proc.start()
    if not parent.poll(120):
        proc.kill()
        raise RuntimeError("site server did not start")
    port = parent.recv()
    try:
        yield [f"http://127.0.0.{k + 1}:{port}" for k in range(hosts)]
    finally:
        proc.kill()
        proc.join()


def server_stats(base: str) -> dict[str, float]:
    """Return the server's request counters and CPU seconds."""
    with urllib.request.urlopen(f"{base}/__stats", timeout=10) as response:  # noqa: S310 - loopback only
        return json.loads(response.read())


def process_tree_rss(pid: int | None = None) -> dict[int, int]:
    """Return pid -> resident bytes for a process and all its descendants (Linux /proc).

    Children are read from /proc/<pid>/task/<tid>/children: 0.2 ms a sample instead of 1.5 ms
    for a scan of every process, so the 10 Hz sampler costs the measured run 0.2% of a core.
    """
    root = pid or os.getpid()
    page = os.sysconf("SC_PAGE_SIZE")
    out, todo = {}, [root]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                out[current] = int(handle.read().split()[1]) * page
            tasks = os.listdir(f"/proc/{current}/task")
        except (OSError, IndexError, ValueError):
            continue  # exited meanwhile
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo.extend(int(child) for child in handle.read().split())
            except OSError:
                continue
    return out


def processes_cpu_seconds(pids: set[int]) -> float:
    """Return the CPU seconds (user + system) the given live processes have used so far."""
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            continue
    return total


def machine_busy_seconds() -> float:
    """Return CPU seconds all processes on the machine have used since boot (Linux /proc/stat)."""
    with open("/proc/stat") as handle:
        fields = [int(x) for x in handle.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


class PeakMemory:
    """Samples the resident memory of this process tree every `interval` s; `peak` is the largest sum."""

    def __init__(self, interval: float = 0.1, exclude: set[int] | None = None) -> None:
        self.interval = interval
        self.exclude = exclude or set()
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="peak-memory")

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = process_tree_rss()
            self.peak = max(self.peak, sum(v for k, v in tree.items() if k not in self.exclude))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
