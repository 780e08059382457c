"""Worker processes for the CPU-heavy part of a batch: extraction, classification, signatures.

Workers are forked from a forkserver where the platform has one (Linux, macOS): a fresh,
single-threaded process that imports the heavy modules once, then forks each worker warm. A
spawned worker instead pays every import itself (two workers pay them twice, where a server
and both of its workers pay them once), and a process that starts several pools (tests,
reprocess after ingest) starts the server only once. The run's own process is never forked:
it runs Prefect's threads, and forking threads can deadlock.

`prestart` launches the server ahead of the pool: its imports then run while the run parses
feeds on the other core, instead of competing with the first pages' extraction.
benchmarks/README.md has the figures.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.text.extract import ExtractedPage

# Imported once by the forkserver, so forked workers start with them loaded (the last one also compiles the
# classifier's patterns for every language and loads the company table: once per run instead of once per worker).
HEAVY_MODULES = ("usecases.analysis", "trafilatura", "ingest.understanding.warm")


def process_pool(workers: int) -> ProcessPoolExecutor:
    """Return a pool of `workers` processes, warm: heavy modules and the company table loaded."""
    from usecases.analysis import warm_up

    context = _forkserver_context() or multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm_up)


def prestart() -> bool:
    """Start the forkserver now, without waiting for its imports; False where there is none.

    Returns at once (the server loads `preload_modules` in its own process); a later
    `process_pool` forks from it. Calling it again while the server lives does nothing.
    """
    if _forkserver_context() is None:
        return False
    from multiprocessing import forkserver  # POSIX only

    forkserver.ensure_running()
    return True


def _forkserver_context() -> multiprocessing.context.BaseContext | None:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(preload_modules())
    return context


def preload_modules() -> list[str]:
    """Return what the forkserver imports: the main module, then `HEAVY_MODULES`.

    Every worker re-runs the main module (multiprocessing's rule for non-fork children); loaded
    once in the server, its imports are already there. A main run as a file (`layoffwatch`, a
    serve script) is loaded by "__main__"; one run with `-m` (`python -m prefect.engine`, as
    Prefect workers start flow runs) by its module name.
    """
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    name = getattr(spec, "name", None)
    modules = ["__main__"]
    if name and name != "__main__" and not name.endswith(".__main__"):
        modules.append(name)
    return modules + list(HEAVY_MODULES)


class PoolWarmer:
    """Starts the forkserver once parsed feeds hold enough entries to need a pool.

    The run's feed threads call `saw` as each feed is parsed, so the server's imports run on
    the core that feed parsing leaves idle. The entries may all be stored already: then a
    background process was started for nothing (and a long-lived process reuses it next run).
    304s and empty feeds never start it, nor does a single worker.
    """

    def __init__(self, workers: int, min_entries: int, start: Callable[[], object] = prestart) -> None:
        self._wanted = workers > 1
        self._min_entries = min_entries
        self._start = start
        self._entries = 0
        self._lock = threading.Lock()

    def saw(self, entries: int) -> None:
        """Count one parsed feed's entries; start the server when the total reaches the minimum."""
        if not self._wanted or not entries:
            return
        with self._lock:
            self._entries += entries
            if self._wanted and self._entries >= self._min_entries:
                self._wanted = False
                self._start()


def extract_all(
    pages: list[tuple[str, bytes, str]], *, workers: int = 0, inline_below: int = 8
) -> list[ExtractedPage]:
    """Return `extract_page` of each (url, content, content_type), in order, using a process pool.

    For re-extraction of stored articles, which keep their date and title: neither is looked
    for. Small batches run inline: starting workers costs more than extracting a handful of pages.
    """
    from ingest.text.extract import extract_page  # imported here: the parent of a pool never extracts

    extract = partial(extract_page, need_date=False, need_title=False)
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(pages) < inline_below:
        return [extract(*page) for page in pages]
    urls, contents, types = zip(*pages, strict=True)
    chunk = max(1, min(32, len(pages) // (workers * 4)))
    with process_pool(workers) as pool:
        return list(pool.map(extract, urls, contents, types, chunksize=chunk))
