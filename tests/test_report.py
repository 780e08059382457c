"""The HTML report: self-contained, escapes news text, and draws its charts in a real browser."""

from __future__ import annotations

import subprocess
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cli.report import render_report, write_report
from storage.db import connect
from storage.report_data import ReportData, load_report_data
from tests.conftest import copy_migrated
from tests.test_data_commands import HOSTILE_TITLE, build_sample_db

CHROMIUM = Path("/usr/bin/chromium")
GENERATED = datetime(2026, 3, 1, 9, 30)


class _Elements(HTMLParser):
    """Collect (tag, attributes) of every element, and text per enclosing tag."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.titles: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "title":
            self.titles.append(data)

    def having(self, tag: str, css_class: str | None = None) -> list[dict[str, str | None]]:
        return [
            attrs for name, attrs in self.elements
            if name == tag and (css_class is None or css_class in (attrs.get("class") or "").split())
        ]


def _parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def report_data(tmp_path_factory: pytest.TempPathFactory, migrated_db: Path) -> ReportData:
    db = build_sample_db(copy_migrated(migrated_db, tmp_path_factory.mktemp("report") / "lw.duckdb"))
    with connect(db, read_only=True) as con:
        return load_report_data(con, generated_at=GENERATED)


def test_page_is_self_contained(report_data: ReportData) -> None:
    page = render_report(report_data)
    # Nothing is fetched when the page opens: no external script, style, image, font or frame.
    elements = _parse(page)
    assert not [a for tag, a in elements.elements if tag in ("link", "iframe", "img", "object", "embed")]
    assert not [a for _, a in elements.elements if "src" in a]
    assert "@import" not in page and "url(" not in page
    csp = [a.get("content") or "" for a in elements.having("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "unsafe-inline" not in csp[0]


def test_news_text_is_escaped_everywhere(report_data: ReportData) -> None:
    page = render_report(report_data)
    assert page.count("</script>") == 2  # the data block and the script: a title never closes one
    assert "<script>document.title" not in page and "<img src=x" not in page
    elements = _parse(page)
    assert len(elements.having("script")) == 2 and not elements.having("img")
    assert "&lt;/script&gt;&lt;script&gt;document.title=&#x27;pwned&#x27;" in page  # the table shows it as text


def test_only_http_links_are_linked(report_data: ReportData) -> None:
    hostile = report_data.rounds[0].model_copy(update={"first_url": "javascript:alert(1)", "title": "Hostile link"})
    page = render_report(report_data.model_copy(update={"rounds": (hostile, *report_data.rounds[1:])}))
    hrefs = [a.get("href") or "" for a in _parse(page).having("a")]
    assert hrefs and all(h.startswith("https://news.example/") for h in hrefs)
    assert "javascript:" not in page


def _browser_dom(page: Path, tmp_path: Path) -> str:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (install Debian's `chromium` package; .ci/run does so when root)")
    result = subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            f"--user-data-dir={tmp_path / 'chromium-profile'}", "--window-size=1200,900",
            "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=90, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_browser_draws_timeline_bars_and_table(report_data: ReportData, tmp_path: Path) -> None:
    page = write_report(report_data, tmp_path / "report.html")
    dom = _parse(_browser_dom(page, tmp_path))

    circles = dom.having("circle", "round")
    assert sorted(c["data-round-id"] or "" for c in circles) == sorted(r.round_id for r in report_data.rounds)
    assert all(float(c["r"] or 0) > 0 and float(c["cx"] or 0) > 0 for c in circles)
    # Area follows headcount: 16,000 jobs is drawn larger than 11,000; a round without a figure is dashed.
    radius = {c["data-round-id"]: float(c["r"] or 0) for c in circles}
    assert radius["r_big"] > radius["r_meta"]
    assert "no-headcount" in (next(c for c in circles if c["data-round-id"] == "r_sps")["class"] or "")
    # Two lanes (Amazon, Meta); the tooltip text lists title, figure, status and sources.
    assert sum(1 for a in dom.having("text", "lane-label")) == 2
    tooltips = "\n".join(dom.titles)
    assert "Sources (3): GeekWire, Reuters, Yahoo" in tooltips and "Jobs: 200\u2013900" in tooltips
    assert HOSTILE_TITLE in tooltips  # drawn as text by the browser, not parsed as markup

    weeks_with_reports = sum(1 for w in report_data.weeks if w.reports)
    assert len(dom.having("rect", "bar-report")) == weeks_with_reports > 0
    assert len(dom.having("rect", "bar-mention")) == 1
    assert len(dom.having("tr")) == len(report_data.rounds) + 1  # header + one row per round

    # The hostile title ran nothing: no injected element, the document title is ours.
    assert not dom.having("img") and len(dom.having("script")) == 2
    assert "layoffwatch report" in dom.titles[0]
    assert "pwned" not in dom.titles[0]


def test_empty_database_renders_a_page_without_charts(tmp_path: Path, migrated_db: Path) -> None:
    with connect(copy_migrated(migrated_db, tmp_path / "empty.duckdb")) as con:
        data = load_report_data(con, generated_at=GENERATED)
    assert data.rounds == () and data.weeks == ()
    page = render_report(data)
    assert "No layoff rounds yet." in page and "<table" not in page
    if CHROMIUM.exists():
        dom = _parse(_browser_dom(write_report(data, tmp_path / "empty.html"), tmp_path))
        assert not dom.having("circle") and not dom.having("svg")
