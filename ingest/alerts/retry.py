"""The retry policy of a failed send: when it is due again, and when it is given up."""

from __future__ import annotations

from datetime import datetime, timedelta

# A failed send is due again RETRY_DELAY after the run that failed it (on that run's clock), so the
# next run retries it whatever the schedule: the delay is below the shortest gap a schedule can have
# (`layoffwatch serve --interval` accepts 0.1 minute for trials; LAYOFFWATCH_SCHEDULE_INTERVAL_MINUTES
# and a cron, 1 minute), and tests/test_alerts.py holds it there. It is not tied to the schedule:
# work-pool and `serve --interval/--cron` runs never see the schedule. A channel is hammered at most
# once per run (`usecases.run` stops sending to a channel after its first failure in a run). An
# alert is given up only when it has failed MAX_ATTEMPTS times AND RETRY_FOR has passed since it
# was queued: neither a burst of runs nor a day without runs ends it alone.
RETRY_DELAY = timedelta(seconds=5)
MAX_ATTEMPTS = 10
RETRY_FOR = timedelta(hours=24)


def next_retry(failures: int, created_at: datetime, now: datetime) -> datetime | None:
    """Return when to retry an alert whose send in the run clocked `now` was its `failures`-th failure (None: give up)."""
    if failures >= MAX_ATTEMPTS and now - created_at >= RETRY_FOR:
        return None
    return now + RETRY_DELAY
