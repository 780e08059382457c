"""Feed and page documents written for the tests (each builder says what it stands for)."""

from __future__ import annotations

from collections.abc import Sequence

FILLER = (
    "The company said the decision followed a review of its priorities for the coming year. "
    "Affected employees will receive severance and help finding new roles, according to a memo. "
    "Analysts said the move reflects a wider effort across the industry to reduce costs. "
)


def rss(items: Sequence[tuple[str, str, str, str]], title: str = "Test Wire") -> str:
    """An RSS 2.0 channel; items are (guid, title, link, pubDate RFC 822)."""
    body = "".join(
        f"<item><guid>{guid}</guid><title>{t}</title><link>{link}</link>"
        f"<pubDate>{date}</pubDate><description>{t}. Summary of the story.</description></item>"
        for guid, t, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.org/</link><description>test</description>{body}"
        "</channel></rss>"
    )


def atom(items: Sequence[tuple[str, str, str, str]], title: str = "Test Atom") -> str:
    """An Atom feed; items are (id, title, link, updated RFC 3339)."""
    body = "".join(
        f'<entry><id>{guid}</id><title>{t}</title><link href="{link}"/>'
        f"<updated>{date}</updated><summary>{t}. Atom summary.</summary></entry>"
        for guid, t, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:test</id><updated>2026-01-30T00:00:00Z</updated>{body}</feed>"
    )


def article_page(headline: str, paragraphs: Sequence[str], *, charset: str = "utf-8") -> str:
    """A news page with navigation, an ad block, the article, related links and a footer."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>{headline}</title>'
        '<meta property="og:site_name" content="Test Daily"><meta name="author" content="Pat Reporter">'
        "</head><body><nav><a href='/'>Home</a> <a href='/tech'>Tech</a> <a href='/biz'>Business</a></nav>"
        "<div class='ad'>Advertisement: buy a phone today</div>"
        f"<article><h1>{headline}</h1><p class='byline'>By Pat Reporter</p>{body}</article>"
        "<aside><h3>Related</h3><ul><li><a href='/x'>Other story</a></li></ul></aside>"
        "<footer>Copyright 2026 Test Daily. All rights reserved.</footer></body></html>"
    )


def story(headline: str, lead: str) -> str:
    """A page whose article is `lead` followed by enough neutral reporting to be extractable."""
    return article_page(headline, [lead, FILLER, FILLER.replace("company", "firm")])


EMPTY_PAGE = (
    "<!DOCTYPE html><html><head><title>Video</title></head><body><nav>Home</nav>"
    "<div id='player'></div><footer>Copyright</footer></body></html>"
)
