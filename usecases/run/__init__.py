"""The steps of a run as plain functions: the Prefect tasks in `flows.ingest_flow` are thin wrappers.

    prepare   (prepare.py)   sync the feed list, write spooled batches, pick the feeds due now
    fetch     (fetch.py)     fetch and parse the due feeds; `select_new` drops entries already stored
    extract   (extract.py)   fetch the entries' pages, extract and classify them in the worker pool
    store     (store.py)     read what the decisions need, decide (decide.py), write one result
    deliver   (deliver.py)   send the due outbox alerts through the senders the caller passes
    snapshot  (snapshot.py)  publish the read-only copy for users

Each step opens what it needs (HTTP client, database connection) and closes it before returning,
so steps can move to separate workers later; what passes between steps is plain frozen data
(steps.py).
"""

from usecases.run.decide import google_news_resolutions, round_details
from usecases.run.deliver import Send, Senders, deliver_alerts, send_alert
from usecases.run.extract import CHUNKS_AHEAD, extract_workers, fetch_and_extract, fetch_target, wait_below
from usecases.run.fetch import FEED_ACCEPT, FeedBody, fetch_feed_body, fetch_feeds, known_links, parse_feed_body, select_new
from usecases.run.prepare import freeze_startup_heap, prepare
from usecases.run.snapshot import publish_snapshot
from usecases.run.steps import Batch, Delivery, FetchedFeeds, Prepared, Stored
from usecases.run.store import store, store_now

__all__ = [
    "CHUNKS_AHEAD",
    "FEED_ACCEPT",
    "Batch",
    "Delivery",
    "FeedBody",
    "FetchedFeeds",
    "Prepared",
    "Send",
    "Senders",
    "Stored",
    "deliver_alerts",
    "extract_workers",
    "fetch_and_extract",
    "fetch_feed_body",
    "fetch_feeds",
    "fetch_target",
    "freeze_startup_heap",
    "google_news_resolutions",
    "known_links",
    "parse_feed_body",
    "prepare",
    "publish_snapshot",
    "round_details",
    "select_new",
    "send_alert",
    "store",
    "store_now",
    "wait_below",
]
