"""Worker processes for the CPU-heavy part of a batch: extraction, classification, signatures.

Workers are forked from a forkserver where the platform has one (Linux, macOS): a fresh,
single-threaded process that imports the heavy modules once, then forks each worker warm. A
spawned worker instead pays every import itself (1.3 s of CPU each on the benchmark machine,
2.6 s for two, against 1.4 s for the server and both workers), and a process that starts
several pools (tests, reprocess after ingest) starts the server only once. The run's own
process is never forked: it runs Prefect's threads, and forking threads can deadlock.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor

# Imported once by the forkserver, so forked workers start with them loaded.
HEAVY_MODULES = ("ingest.analysis", "trafilatura")


def process_pool(workers: int) -> ProcessPoolExecutor:
    """Return a pool of `workers` processes, warm: heavy modules and the company table loaded."""
    from ingest.analysis import warm_up

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(preload_modules())
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm_up)


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
