"""The use cases (a run, a backfill, a reprocess, the worker pool): plain Python, callable without Prefect.

Each reads what its decision needs from storage/, decides in the pure functions of ingest/, and hands
the result to storage/ to write in one transaction. flows/ wraps them in Prefect flows and tasks.
"""
