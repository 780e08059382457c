"""Timing probes around the pipeline's step functions (wall, parent CPU, reaped children's CPU per step).

Shared by benchmarks/throughput.py and benchmarks/noop_run.py. A step the pipeline under test does
not have is skipped, so the same probes measure older and newer code.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator


class Probes:
    """Timing wrappers around module attributes: wall, parent CPU and reaped-children CPU per name."""

    def __init__(self) -> None:
        self.stats: dict[str, list[float]] = {}  # name -> [calls, wall, cpu_self, cpu_children]
        self._undo: list[tuple[object, str, object]] = []
        self.order: list[str] = []

    def wrap(self, owner: object, attr: str, label: str | None = None) -> None:
        original = getattr(owner, attr, None)
        if original is None:  # a step the code under test does not have (an older or newer pipeline)
            return
        name = label or attr
        self.order.append(name)
        stats = self.stats.setdefault(name, [0, 0.0, 0.0, 0.0])

        def timed(*args: object, **kwargs: object) -> object:
            t0, c0 = time.perf_counter(), os.times()
            try:
                return original(*args, **kwargs)
            finally:
                c1 = os.times()
                stats[0] += 1
                stats[1] += time.perf_counter() - t0
                stats[2] += (c1.user - c0.user) + (c1.system - c0.system)
                stats[3] += (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)

        setattr(owner, attr, timed)
        self._undo.append((owner, attr, original))

    def wrap_cm(self, owner: object, attr: str, label: str) -> None:
        """Time entering a context manager (e.g. `connect`: open + migrate + views)."""
        from contextlib import contextmanager

        original = getattr(owner, attr, None)
        if original is None:
            return
        if label not in self.order:  # one label may time the same function in several modules
            self.order.append(label)
        stats = self.stats.setdefault(label, [0, 0.0, 0.0, 0.0])

        @contextmanager
        def timed(*args: object, **kwargs: object) -> Iterator[object]:
            t0 = time.perf_counter()
            c0 = os.times()
            with original(*args, **kwargs) as value:
                c1 = os.times()
                stats[0] += 1
                stats[1] += time.perf_counter() - t0
                stats[2] += (c1.user - c0.user) + (c1.system - c0.system)
                yield value

        setattr(owner, attr, timed)
        self._undo.append((owner, attr, original))

    def restore(self) -> None:
        for owner, attr, original in reversed(self._undo):
            setattr(owner, attr, original)
        self._undo.clear()


def install_probes() -> Probes:
    """Wrap the pipeline's steps and their main sub-steps where they are looked up.

    A step is called from the flow through the package `usecases.run`, and a sub-step from the
    module of the step that calls it (`usecases.run.store` calls `write_batch`, ...): each name is
    replaced where its caller finds it, or an internal call would go around the probe.
    """
    import importlib

    import storage.articles
    import storage.classifications
    import storage.dedup
    import storage.feeds
    import storage.rounds
    import storage.snapshot
    import storage.spool
    from ingest import dedup
    from usecases import run as pipeline

    # The package's `store` and `snapshot`-like names are its step functions: the modules by name.
    step = {name: importlib.import_module(f"usecases.run.{name}") for name in
            ("prepare", "fetch", "extract", "store", "deliver", "snapshot")}
    p = Probes()
    p.wrap(pipeline, "prepare", "prepare")
    p.wrap(pipeline, "fetch_feeds", "fetch_feeds")
    p.wrap(step["fetch"], "known_links", "  known_links (item links scanned, one query)")
    p.wrap(step["fetch"], "parse_feed_body", "  parse_feed_body (per feed, in threads)")
    p.wrap(pipeline, "select_new", "select_new")
    p.wrap(pipeline, "fetch_and_extract", "fetch_and_extract")
    p.wrap(step["extract"], "iter_pages", "  iter_pages (pages arrive; worker chunks run meanwhile)")
    p.wrap(step["extract"], "store", "  store while extracting (a lake's early batches)")
    p.wrap(pipeline, "store", "store")
    p.wrap(storage.spool, "write", "  spool.write (pickle + fsync)")
    p.wrap(step["store"], "batch_verdicts", "  batch_verdicts (classify what extraction did not)")
    p.wrap(step["store"], "read_state", "  read_state (under the lock)")
    p.wrap(storage.articles, "known_article_ids", "    known_article_ids")
    p.wrap(storage.dedup, "load_candidates", "    load_candidates")
    p.wrap(storage.rounds, "load_open_rounds", "    load_open_rounds")
    p.wrap(step["store"], "decide", "  decide (under the lock)")
    p.wrap(dedup, "dedup_items", "    dedup_items (signatures)")
    p.wrap(step["store"], "write_batch", "  write_batch (under the lock)")
    p.wrap(storage.feeds, "record_fetches", "    record_fetches")
    p.wrap(storage.articles, "insert_articles", "    insert_articles")
    p.wrap(storage.dedup, "save", "    dedup save")
    p.wrap(storage.classifications, "save_classifications", "    save_classifications")
    p.wrap(storage.rounds, "save_plan", "    save_plan (rounds)")
    p.wrap(pipeline, "deliver_alerts", "deliver_alerts")
    p.wrap(pipeline, "publish_snapshot", "publish_snapshot")
    for name in ("prepare", "fetch", "store", "deliver"):
        p.wrap_cm(step[name], "connect", "connect (open+migrate+views), all steps")
    p.wrap_cm(storage.snapshot, "connect", "connect in snapshot")
    return p
