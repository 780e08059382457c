"""The I/O edges: the guarded HTTP client, page fetching, backfill sources and notifiers.

The only code of ingest/ that touches the network; the only importer of httpx and apprise.
"""
