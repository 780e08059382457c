"""The backfill use case: historical news for a date range, window by window, through the run's steps.

`backfill(settings, start, end, ...)` (steps.py) runs the whole sequence as plain Python and returns
the summary; the Prefect flow calls the same function, passing its tasks as the `Steps`.

    plan     (plan.py)     split the range into windows, record one row per source and window in
                           `backfill_windows`, keep those not `done` (pending, failed, or left
                           `running` by a run that died), claim the first window's rows (`running`)
    window   (window.py)   per time window: list every source at once (threads; each source keeps
                           its own rate limit), send all entries through the run's steps select_new
                           -> fetch_and_extract -> store (alerts recorded as suppressed unless
                           asked), then, in one transaction, record each row done or failed and
                           claim the next window's rows
    alerts                 only with alerts=True: deliver what the backfill queued (the run's step)
    snapshot               publish the read-only copy (the run's step)
    summary  (summary.py)  progress per source-window (log and listeners), the summary

Each database step reads the rows it needs, decides in `ingest.feeds.backfill` and writes the result
in one transaction. Windows are tens, so a Prefect task per window (flows/backfill.py) stays cheap;
the articles of a window move as one batch. Re-running a range skips done windows and stores no
duplicates (article ids are stable).
"""

from usecases.backfill.plan import Plan, WindowBatch, WindowJob, open_sources, plan, resolve_sources
from usecases.backfill.summary import BackfillSummary, Listener, Progress, progress_listener
from usecases.backfill.steps import PLAIN, Steps, backfill
from usecases.backfill.window import BatchOutcome, Listed, WindowOutcome, list_batch, record, run_batch

__all__ = [
    "BackfillSummary",
    "BatchOutcome",
    "Listed",
    "Listener",
    "PLAIN",
    "Plan",
    "Progress",
    "Steps",
    "WindowBatch",
    "WindowJob",
    "WindowOutcome",
    "backfill",
    "list_batch",
    "open_sources",
    "plan",
    "progress_listener",
    "record",
    "resolve_sources",
    "run_batch",
]
