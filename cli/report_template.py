"""The report's static assets: its stylesheet and the script that draws its charts (cli.report fills the page).

The script reads the rounds and weeks only from the page's JSON block and writes text only through
`textContent`; the page's Content-Security-Policy allows exactly these two sources, by hash.
"""

from __future__ import annotations

STYLE = """
:root { --ink: #1d2430; --muted: #5f6b7a; --line: #e3e7ed; --lane: #f6f8fa; --accent: #c2410c;
        --accent-soft: #fdba74; --mention: #93c5fd; --report: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 6px; }
.muted, .note { color: var(--muted); }
.note { font-size: 12.5px; margin: 0 0 10px; }
.stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0 0; padding: 0; list-style: none; }
.stats li { background: var(--lane); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; }
.stats b { display: block; font-size: 20px; }
.chart { width: 100%; overflow-x: auto; }
.chart svg { display: block; font-size: 12px; }
.lane-bg { fill: var(--lane); }
.lane-label { fill: var(--ink); font-weight: 600; }
.grid { stroke: var(--line); }
.axis-label { fill: var(--muted); font-size: 11px; }
circle.round { stroke: var(--accent); stroke-width: 1.5; cursor: pointer; }
circle.status-confirmed { fill: var(--accent); fill-opacity: 0.75; }
circle.status-reported { fill: var(--accent-soft); fill-opacity: 0.55; }
circle.no-headcount { fill: #fff; stroke-dasharray: 3 2; }
circle.round:hover, circle.round:focus { stroke: var(--ink); stroke-width: 2.5; outline: none; }
rect.bar-report { fill: var(--report); }
rect.bar-mention { fill: var(--mention); }
rect.hit { fill: transparent; cursor: default; }
g.week:hover rect.bar-report, g.week:hover rect.bar-mention { opacity: 0.8; }
.legend { display: flex; flex-wrap: wrap; gap: 16px; font-size: 12.5px; color: var(--muted); margin: 6px 0 0; }
.legend span::before { content: ""; display: inline-block; width: 11px; height: 11px; border-radius: 50%;
                       margin-right: 5px; vertical-align: -1px; border: 1.5px solid var(--accent); }
.legend .confirmed::before { background: var(--accent); }
.legend .reported::before { background: var(--accent-soft); }
.legend .unknown::before { background: #fff; border-style: dashed; }
.legend .reports::before { background: var(--report); border: 0; border-radius: 2px; }
.legend .mentions::before { background: var(--mention); border: 0; border-radius: 2px; }
#tip { position: fixed; z-index: 10; max-width: 380px; padding: 8px 10px; background: #111827; color: #f9fafb;
       border-radius: 6px; font-size: 12.5px; pointer-events: none; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
#tip .tip-title { font-weight: 600; margin-bottom: 3px; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--lane); position: sticky; top: 0; }
td.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11.5px; border: 1px solid var(--accent); }
.badge.confirmed { background: var(--accent); color: #fff; }
.empty { color: var(--muted); padding: 12px 0; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var NS = "http://www.w3.org/2000/svg";
  var DAY = 864e5;
  var tip = document.getElementById("tip");

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function label(parent, x, y, content, cls, anchor) {
    var node = el("text", {x: x, y: y, "class": cls, "text-anchor": anchor || "start"}, parent);
    node.textContent = content;
    return node;
  }
  function day(iso) { var p = iso.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  function int(n) { return Number(n).toLocaleString("en-US"); }
  function cut(s, n) { return s.length > n ? s.slice(0, n - 1) + "\u2026" : s; }
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function placeTip(x, y) {
    var pad = 14, w = tip.offsetWidth, h = tip.offsetHeight;
    var left = x + pad, top = y + pad;
    if (left + w > window.innerWidth) left = x - w - pad;
    if (top + h > window.innerHeight) top = y - h - pad;
    tip.style.left = Math.max(0, left) + "px";
    tip.style.top = Math.max(0, top) + "px";
  }
  function showTip(lines, x, y) {
    tip.replaceChildren();
    lines.forEach(function (line, i) {
      var div = document.createElement("div");
      if (i === 0) div.className = "tip-title";
      div.textContent = line;
      tip.appendChild(div);
    });
    tip.hidden = false;
    placeTip(x, y);
  }
  function hideTip() { tip.hidden = true; }
  function hover(node, lines) {
    el("title", {}, node).textContent = lines.join("\n");
    node.addEventListener("mouseenter", function (e) { showTip(lines, e.clientX, e.clientY); });
    node.addEventListener("mousemove", function (e) { placeTip(e.clientX, e.clientY); });
    node.addEventListener("mouseleave", hideTip);
    node.addEventListener("focus", function () {
      var box = node.getBoundingClientRect();
      showTip(lines, box.right, box.bottom);
    });
    node.addEventListener("blur", hideTip);
  }

  function jobs(r) {
    if (r.headcount !== null) {
      return int(r.headcount) + (r.headcount_text ? " (\u201c" + r.headcount_text + "\u201d)" : "");
    }
    if (r.headcount_min !== null || r.headcount_max !== null) {
      var range = (r.headcount_min !== null ? int(r.headcount_min) : "?") + "\u2013" +
                  (r.headcount_max !== null ? int(r.headcount_max) : "?");
      return range + (r.headcount_text ? " (\u201c" + r.headcount_text + "\u201d)" : "");
    }
    return r.headcount_text ? "\u201c" + r.headcount_text + "\u201d" : "not reported";
  }
  function size(r) {
    if (r.headcount !== null) return r.headcount;
    if (r.headcount_max !== null) return r.headcount_max;
    return r.headcount_min;
  }

  function monthTicks(lo, hi) {
    var months = (hi - lo) / (30.44 * DAY), steps = [1, 2, 3, 6, 12, 24, 60, 120], step = 120;
    for (var i = 0; i < steps.length; i++) { if (months / steps[i] <= 9) { step = steps[i]; break; } }
    var start = new Date(lo), y = start.getUTCFullYear(), m = 0;
    if (step >= 12) { y = Math.floor(y / (step / 12)) * (step / 12); }
    var ticks = [];
    for (var t = Date.UTC(y, m, 1); t <= hi; m += step, t = Date.UTC(y, m, 1)) {
      if (t >= lo) {
        var d = new Date(t);
        ticks.push({t: t, text: step >= 12 ? String(d.getUTCFullYear()) : MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear()});
      }
    }
    return ticks;
  }

  function drawTimeline() {
    var host = document.getElementById("timeline");
    host.replaceChildren();
    var rounds = data.rounds;
    if (!rounds.length) { host.textContent = "No layoff rounds yet."; host.className += " empty"; return; }
    var counts = {};
    rounds.forEach(function (r) { counts[r.company] = (counts[r.company] || 0) + 1; });
    var companies = Object.keys(counts).sort(function (a, b) {
      return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0);
    });
    var lane = 46, left = 160, right = 28, top = 8, axis = 30;
    var width = Math.max(640, host.clientWidth || 960);
    var height = top + companies.length * lane + axis;
    var times = rounds.map(function (r) { return day(r.announced_on); });
    var lo = times.reduce(function (a, b) { return Math.min(a, b); });
    var hi = times.reduce(function (a, b) { return Math.max(a, b); });
    var pad = Math.max((hi - lo) * 0.04, 20 * DAY);
    lo -= pad; hi += pad;
    var x = function (t) { return left + (t - lo) / (hi - lo) * (width - left - right); };
    var biggest = rounds.reduce(function (a, r) { return Math.max(a, size(r) || 0); }, 0) || 1;
    var rMax = Math.min(lane * 0.48, 24), rMin = 3.5;
    var svg = el("svg", {width: width, height: height, viewBox: "0 0 " + width + " " + height,
                         role: "img", "aria-label": "Layoff rounds per company over time"}, host);
    companies.forEach(function (company, i) {
      var y = top + i * lane;
      if (i % 2 === 0) el("rect", {"class": "lane-bg", x: 0, y: y, width: width, height: lane}, svg);
      label(svg, left - 12, y + lane / 2 + 4, cut(company, 22), "lane-label", "end");
    });
    var bottom = top + companies.length * lane;
    monthTicks(lo, hi).forEach(function (tick) {
      var tx = x(tick.t);
      el("line", {"class": "grid", x1: tx, x2: tx, y1: top, y2: bottom}, svg);
      label(svg, tx, bottom + 18, tick.text, "axis-label", "middle");
    });
    var lanes = {};
    companies.forEach(function (c, i) { lanes[c] = top + i * lane + lane / 2; });
    rounds.slice().sort(function (a, b) { return (size(b) || 0) - (size(a) || 0); }).forEach(function (r) {
      var known = size(r);
      var radius = known ? Math.max(rMin, rMax * Math.sqrt(known / biggest)) : 6;
      var cls = "round status-" + (r.status === "confirmed" ? "confirmed" : "reported") + (known ? "" : " no-headcount");
      var dot = el("circle", {"class": cls, cx: x(day(r.announced_on)), cy: lanes[r.company], r: radius.toFixed(1),
                              tabindex: 0, "data-round-id": r.round_id}, svg);
      hover(dot, [
        r.title,
        r.headline ? "First report: \u201c" + r.headline + "\u201d" : "",
        r.company + (r.units.length ? " (" + r.units.join(", ") + ")" : "") + " \u00b7 announced " + r.announced_on,
        "Jobs: " + jobs(r),
        "Status: " + r.status,
        "Sources (" + r.source_count + "): " + (r.sources.length ? r.sources.join(", ") : "none linked"),
      ].filter(Boolean));
    });
  }

  function niceStep(max) {
    var raw = max / 4, power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * power >= raw) return Math.max(1, steps[i] * power); }
    return 10 * power;
  }

  function drawWeeks() {
    var host = document.getElementById("weekly");
    host.replaceChildren();
    var weeks = data.weeks;
    if (!weeks.length) { host.textContent = "No layoff stories yet."; host.className += " empty"; return; }
    var left = 44, right = 12, top = 10, bottom = 30, plot = 200;
    var width = Math.max(640, host.clientWidth || 960), height = top + plot + bottom;
    var max = weeks.reduce(function (a, w) { return Math.max(a, w.stories); }, 0) || 1;
    var step = niceStep(max), ceiling = Math.ceil(max / step) * step;
    var y = function (v) { return top + plot - v / ceiling * plot; };
    var band = (width - left - right) / weeks.length, bar = Math.max(1, band * 0.78);
    var svg = el("svg", {width: width, height: height, viewBox: "0 0 " + width + " " + height,
                         role: "img", "aria-label": "Layoff stories per week"}, host);
    for (var v = 0; v <= ceiling; v += step) {
      el("line", {"class": "grid", x1: left, x2: width - right, y1: y(v), y2: y(v)}, svg);
      label(svg, left - 6, y(v) + 4, int(v), "axis-label", "end");
    }
    var every = Math.max(1, Math.ceil(weeks.length / Math.max(1, Math.floor((width - left - right) / 80))));
    var labelEnd = -Infinity;
    weeks.forEach(function (w, i) {
      var bx = left + i * band + (band - bar) / 2;
      var g = el("g", {"class": "week", "data-week": w.week_start}, svg);
      if (w.reports > 0) {
        el("rect", {"class": "bar bar-report", x: bx, y: y(w.reports), width: bar, height: y(0) - y(w.reports)}, g);
      }
      if (w.mentions > 0) {
        el("rect", {"class": "bar bar-mention", x: bx, y: y(w.stories), width: bar, height: y(w.reports) - y(w.stories)}, g);
      }
      var hit = el("rect", {"class": "hit", x: left + i * band, y: top, width: band, height: plot}, g);
      hover(hit, ["Week of " + w.week_start, w.stories + " layoff stories", w.reports + " reports, " + w.mentions + " mentions"]);
      var lx = bx + bar / 2;
      var anchor = lx < left + 36 ? "start" : lx > width - right - 36 ? "end" : "middle";
      var from = anchor === "start" ? lx : anchor === "end" ? lx - 66 : lx - 33;
      if (i % every === 0 && from >= labelEnd + 8) {  // date labels are about 66 px wide
        label(svg, lx, top + plot + 18, w.week_start, "axis-label", anchor);
        labelEnd = from + 66;
      }
    });
  }

  function drawAll() { drawTimeline(); drawWeeks(); }
  drawAll();
  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(drawAll, 150);
  });
})();
"""
