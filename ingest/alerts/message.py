"""What an alert says: its JSON payload and the (title, body) a human reads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ingest.models import AlertKind, Round, SourceRef

MAX_SOURCES = 3


def build_payload(
    round_: Round, kind: AlertKind, sources: Sequence[SourceRef], reason: str | None = None
) -> dict[str, Any]:
    """Return the JSON payload of an alert about `round_` (what `render_message` shows)."""
    return {
        "kind": kind,
        "round_id": round_.round_id,
        "title": round_.title,
        "company": round_.company,
        "units": list(round_.units),
        "headcount": round_.headcount,
        "headcount_min": round_.headcount_min,
        "headcount_max": round_.headcount_max,
        "headcount_text": round_.headcount_text,
        "announced_on": round_.announced_on.isoformat(),
        "status": round_.status,
        "source_count": round_.source_count,
        "article_count": round_.article_count,
        "sources": [
            {"title": s.title, "url": s.url, "source": s.source} for s in sources[:MAX_SOURCES]
        ],
        "evidence": round_.evidence,
        "reason": reason,
        "matcher_version": round_.matcher_version,
    }


def render_message(payload: Mapping[str, Any]) -> tuple[str, str]:
    """Return the (title, body) a human reads for an alert payload."""
    update = payload.get("kind") == "round_update"
    title = ("Layoff round update: " if update else "New layoff round: ") + str(payload["title"])
    units = ", ".join(payload.get("units") or []) or "company-wide / not specified"
    headcount = payload.get("headcount")
    text = payload.get("headcount_text")
    if headcount is not None:
        figure = f"{headcount:,}" + (f' (reported as "{text}")' if text else "")
    else:
        figure = f'"{text}"' if text else "not reported"
    outlets = payload.get("source_count", 0)
    lines = [
        f"Company: {payload['company']}",
        f"Units: {units}",
        f"Headcount: {figure}",
        f"Announced: {payload['announced_on']}",
        f"Status: {payload['status']} ({outlets} outlet{'s' if outlets != 1 else ''} reporting)",
    ]
    if update and payload.get("reason"):
        lines.append(f"Change: {payload['reason']}")
    if payload.get("evidence"):
        lines.append(f'Evidence: "{payload["evidence"]}"')
    sources = payload.get("sources") or []
    if sources:
        lines.append("Sources:")
        for s in sources[:MAX_SOURCES]:
            outlet = f" ({s['source']})" if s.get("source") else ""
            lines.append(f"- {s['title']}{outlet}: {s['url']}")
    return title, "\n".join(lines)
