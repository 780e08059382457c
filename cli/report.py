"""The static HTML report: a timeline of rounds per company, weekly story volume, recent rounds.

One self-contained file: inline CSS, inline SVG drawn by inline JavaScript, no CDN and no request
when it is opened. Every text comes from untrusted news, so it is escaped twice over: the table is
rendered with `html.escape`, the charts read their data from a JSON block (with `<`, `>` and `&`
escaped so no text can close the script element) and put text into the page only through
`textContent`. A Content-Security-Policy allows only this file's own script and style (by hash),
so even an injected tag could neither run nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from cli.report_template import SCRIPT, STYLE
from storage.report_data import ReportData, RoundSummary

RECENT_ROUNDS = 100


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _safe_url(url: str | None) -> str | None:
    """Return `url` when it is a plain http(s) link (never javascript:, data: and the like)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _jobs(r: RoundSummary) -> str:
    if r.headcount is not None:
        return f"{r.headcount:,}"
    if r.headcount_text:  # a vague count in the outlet's words ("several hundred"), not a made-up range
        return r.headcount_text
    if r.headcount_min is not None or r.headcount_max is not None:
        low = f"{r.headcount_min:,}" if r.headcount_min is not None else "?"
        high = f"{r.headcount_max:,}" if r.headcount_max is not None else "?"
        return f"{low}\u2013{high}"
    return r.headcount_text or ""


def _json_for_script(value: object) -> str:
    # Inside <script type="application/json"> only "</script" could end the block: escaping every
    # <, > and & as \u00XX keeps the JSON identical once parsed and leaves no markup at all.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def _chart_data(data: ReportData) -> dict[str, object]:
    return {
        "rounds": [
            {
                "round_id": r.round_id,
                "company": r.company,
                "units": list(r.units),
                "announced_on": r.announced_on.isoformat(),
                "status": r.status,
                "headcount": r.headcount,
                "headcount_min": r.headcount_min,
                "headcount_max": r.headcount_max,
                "headcount_text": r.headcount_text,
                "title": r.title,
                "headline": r.headline,
                "source_count": r.source_count,
                "sources": list(r.sources),
            }
            for r in data.rounds
        ],
        "weeks": [w.model_dump(mode="json") for w in data.weeks],
    }


def _table(rounds: Sequence[RoundSummary]) -> str:
    if not rounds:
        return '<p class="empty">No layoff rounds yet.</p>'
    rows = []
    for r in rounds:
        url = _safe_url(r.first_url)
        headline = r.headline or r.first_outlet or "first report"
        first_report = (
            f'<a href="{_e(url)}" rel="noopener noreferrer nofollow" target="_blank">{_e(headline)}</a>'
            if url else _e(r.headline or "")
        )
        title = f'{_e(r.title)}<br><span class="muted">{first_report}</span>' if first_report else _e(r.title)
        first = _e(r.first_outlet or "")
        sources = ", ".join(r.sources)
        rows.append(
            "<tr>"
            f'<td class="date">{_e(r.announced_on.isoformat())}</td>'
            f"<td>{_e(r.company)}</td>"
            f"<td>{_e(', '.join(r.units))}</td>"
            f'<td class="num" title="{_e(r.headcount_text or "")}">{_e(_jobs(r))}</td>'
            f'<td><span class="badge {_e(r.status)}">{_e(r.status)}</span></td>'
            f'<td class="num" title="{_e(sources)}">{r.source_count}</td>'
            f"<td>{first}</td>"
            f"<td>{title}</td>"
            "</tr>"
        )
    return (
        '<table id="recent-rounds"><thead><tr><th>announced</th><th>company</th><th>units</th>'
        "<th>jobs</th><th>status</th><th>outlets</th><th>first outlet</th><th>title</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def render_report(data: ReportData) -> str:
    """Return the report as one self-contained HTML document."""
    companies = len({r.company for r in data.rounds})
    scope = f"since {data.since.isoformat()}" if data.since else "all time"
    recent = data.rounds[:RECENT_ROUNDS]
    csp = (
        f"default-src 'none'; script-src {_csp_hash(SCRIPT)}; style-src {_csp_hash(STYLE)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">
<meta name="referrer" content="no-referrer">
<title>layoffwatch report</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>layoffwatch report</h1>
<p class="muted">Generated {_e(data.generated_at.strftime("%Y-%m-%d %H:%M"))} UTC &middot; {_e(scope)}</p>
<ul class="stats">
<li><b>{len(data.rounds):,}</b>layoff rounds</li>
<li><b>{companies:,}</b>companies</li>
<li><b>{data.story_count:,}</b>layoff stories</li>
<li><b>{data.article_count:,}</b>articles read</li>
</ul>
<noscript><p class="note">The charts need JavaScript; the table below works without it.</p></noscript>
<h2>Rounds per company</h2>
<p class="note">One lane per company; a circle is one layoff round at its announcement date, its area proportional to the jobs cut. Hover or focus a circle for details.</p>
<div id="timeline" class="chart"></div>
<div class="legend"><span class="confirmed">confirmed</span><span class="reported">reported</span><span class="unknown">no figure reported</span></div>
<h2>Layoff stories per week</h2>
<p class="note">Canonical articles (duplicates excluded) labelled as layoff reports or mentions, per ISO week (UTC, weeks start on Monday).</p>
<div id="weekly" class="chart"></div>
<div class="legend"><span class="reports">reports (a specific layoff)</span><span class="mentions">mentions (layoffs in passing)</span></div>
<h2>Recent rounds</h2>
<p class="note">The {len(recent):,} most recently announced rounds: our summary of each, and below it the first report's own headline, linked as its feed gave it.</p>
{_table(recent)}
</main>
<div id="tip" hidden></div>
<script type="application/json" id="report-data">{_json_for_script(_chart_data(data))}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""


def write_report(data: ReportData, out: Path) -> Path:
    """Write the report to `out` (creating its folder); return the path written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(data), encoding="utf-8")
    return out
