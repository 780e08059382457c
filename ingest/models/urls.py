"""URLs: a cached answer to where a wrapper URL leads."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class UrlResolution(BaseModel):
    """A cached answer to "where does this wrapper URL lead?" (`url_resolutions` row)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    url: str
    resolved_url: str | None  # None: tried and failed (the caller decides when to retry)
    method: str  # e.g. "decoded", "redirect", "batchexecute", "failed"
    resolved_at: datetime
