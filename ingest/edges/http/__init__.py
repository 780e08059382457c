"""The only network code and the only importer of httpx/httpcore: one guarded client, one fetch.

    client.py     HttpClient, new_client, fetch (redirects by hand, every hop guarded), retries
    outcomes.py   the one mapping of statuses, size caps, timeouts and transport errors onto ours
    body.py       the body read within a decoded-size cap and the total deadline
    transport.py  the httpcore pool, wrapped as an httpx transport
    sockets.py    guarded connects (Happy Eyeballs) and deadline-bound socket streams

Error texts never carry URL userinfo or secret-looking query values (`ingest.urls.redact`).
"""

from ingest.edges.http.client import HttpClient, fetch, fetch_with_retries, new_client
from ingest.edges.http.outcomes import DEADLINE_REASON, HttpResponse, Outcome, attempt, retry_after_seconds

__all__ = [
    "DEADLINE_REASON",
    "HttpClient",
    "HttpResponse",
    "Outcome",
    "attempt",
    "fetch",
    "fetch_with_retries",
    "new_client",
    "retry_after_seconds",
]
