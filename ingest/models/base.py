"""The vocabulary every model shares: the frozen base class and the small enums (labels, statuses)."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict

Label = Literal["layoff_report", "layoff_mention", "not_layoff"]
ExtractionStatus = Literal["ok", "no_text", "fetch_failed", "blocked", "not_fetched"]
RoundStatus = Literal["reported", "confirmed"]
RoundRole = Literal["announcement", "coverage", "leak", "update"]
AlertKind = Literal["new_round", "round_update"]
AlertStatus = Literal["pending", "sent", "failed", "suppressed"]
DedupMethod = Literal["url", "exact", "near"]
# A date more than this far ahead of now is junk (time zones never explain more).
FUTURE_TOLERANCE = timedelta(days=1)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
