"""The I/O edges: the guarded HTTP client, page fetching, backfill sources and notifiers.

    http/              the one HTTP client and fetch, and the one mapping of HTTP outcomes onto our errors
    netguard.py        which hosts and addresses may be opened (SSRF guard, Happy Eyeballs dial)
    limiter.py         the one per-host rate limiter (answers when; never sleeps itself)
    pages.py           article pages fetched by a thread pool, politely per host
    requester.py       paced, retried GETs for one backfill source
    backfill_sources.py  Google News, GDELT and Wayback listings
    notify.py          alerts sent through Apprise

The only code of ingest/ that touches the network; the only importer of httpx/httpcore (http/)
and apprise (notify.py).
"""
