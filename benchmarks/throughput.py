"""Throughput of a whole `layoffwatch run` on real-text pages against bare trafilatura on one core.

Run: .venv/bin/python benchmarks/throughput.py [--pages 2000] [--feeds 20] [--rounds 3] [--stage-pages 400]

Builds `--pages` pages over `--feeds` outlets from the full-length article texts written for the
project (benchmarks/realpages.py: five CMS templates with their furniture, inline CSS and
scripts; benchmarks/texts/articles.jsonl, or the file LW_BENCH_TEXTS names), serves them from a
loopback server in a child process (one address per outlet), then measures in this process:

  (a) the limit: a plain loop of `trafilatura.extract` on one core over the same page bytes
      (decoded the pipeline's way), with the pipeline's text options (no comments, no tables,
      precision) and nothing else: no metadata, no compression;
  (b) the `ingest` flow end to end into a fresh DuckDB file (fetch, extract, dedup, classify,
      rounds, store, snapshot), against a temporary Prefect API (prefect_test_harness);
  (c) an empty Prefect flow on the same API, warmed up first (API start-up is excluded from both);
  (a2) the (a) loop split over all cores at once: what the machine itself gives two extraction
      loops (a VM's two vCPUs share more than they seem), so (a)/(a2) is the ceiling here.

(a), (a2) and (b) alternate, a a2 b a2 a b a2 a ... : the host's speed drifts, so each run is set
against the means of the limits measured just before and after it. Printed per round and as
the median over rounds: the marginal ratio a_time / (b_time - c_time), how many cores' worth of
bare trafilatura the run delivers (2.0 is the limit on 2 cores), the ceiling (a)/(a2) and the
share of it reached. Each run's stored texts are scored against the pages' ground truth (token
F1). After the rounds, `--stage-pages` pages go through each stage of the pipeline in this
process (benchmarks/stages.py): CPU per page of fetch, feed parsing, hand-over, parse, extract,
metadata, compress, classify, sign and store.

For the last round it also prints peak memory, the Prefect task runs, probes around the
pipeline's steps (benchmarks/probes.py) and a CPU model of the ratio: each step costs
max(parent CPU, (parent + worker CPU) / cores), what the run would take on idle cores.

The extraction workers are forked from a forkserver that loads this script as `__mp_main__`: the
script imports `cli.main` at top level so the run pays what it pays under `layoffwatch run`
(set LW_BENCH_LIGHT_MAIN=1 to skip it). The forkserver is stopped after each run, so every round
starts its workers cold.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pagegen import (  # noqa: E402
    PAGE_CONTENT_TYPE,
    PeakMemory,
    Site,
    apply_patch,
    feeds_toml,
    machine_busy_seconds,
    page_bytes,
    page_sources,
    process_tree_rss,
    processes_cpu_seconds,
    read_page,
    server_stats,
)
from probes import install_probes  # noqa: E402
from realpages import generate_real_site, texts_path  # noqa: E402
from stages import A_OPTIONS, flow_f1, stage_table  # noqa: E402

if os.environ.get("LW_BENCH_LIGHT_MAIN") != "1":
    import cli.main  # noqa: E402,F401 - what the CLI's __main__ imports (the forkserver loads it too)

MiB = 1024 * 1024


def measure_limit(pages: list[tuple[str, bytes, str]]) -> tuple[float, float]:
    """Return (wall, CPU) seconds of a plain single-core loop of `trafilatura.extract` over `pages` (after a warm-up).

    The call has the pipeline's text options (`stages.A_OPTIONS`) on the page decoded the pipeline's
    way; everything else the pipeline does to a page (metadata, compression) is pipeline work.
    """
    import trafilatura

    from ingest.text.extract import decode_html

    def extract(url: str, content: bytes, content_type: str) -> None:
        trafilatura.extract(decode_html(content, content_type), url=url, **A_OPTIONS)

    extract(*pages[0])  # trafilatura import and first-call caches
    t0, c0, m0 = time.perf_counter(), time.process_time(), machine_busy_seconds()
    for page in pages:
        extract(*page)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    others = machine_busy_seconds() - m0 - cpu
    print(f"(a) limit, trafilatura loop on one core: {wall:.2f}s = {len(pages) / wall:.1f} pages/s "
          f"({wall / len(pages) * 1000:.1f} ms/page; {cpu / wall:.0%} of a core was ours, other processes "
          f"used {others / wall:.2f} cores)")
    return wall, cpu


def _extract_slice(paths: list[tuple[str, str, str]]) -> tuple[float, float]:
    """Worker side of (a2): read pages from disk, then time the same trafilatura loop as (a)."""
    import trafilatura

    from ingest.text.extract import decode_html

    pages = [(url, read_page(path, base)) for url, path, base in paths]
    start = time.perf_counter()
    for url, content in pages:
        trafilatura.extract(decode_html(content, PAGE_CONTENT_TYPE), url=url, **A_OPTIONS)
    return start, time.perf_counter()


def measure_parallel_limit(site: Site, bases: list[str], cores: int) -> float:
    """Return the wall seconds of (a2): the (a) loop split over `cores` processes running at once.

    This is what the machine itself gives two extraction loops with nothing else to do: a/a2
    is the highest marginal ratio any pipeline could reach here (2.0 on two ideal cores;
    shared hyper-threads, memory bandwidth and steal put it lower on a VM).
    """
    from usecases.workers import process_pool

    paths = page_sources(site, bases)
    slices = [paths[i::cores] for i in range(cores)]
    with process_pool(cores) as pool:
        list(pool.map(_extract_slice, [s[:3] for s in slices]))  # start and warm every worker
        spans = list(pool.map(_extract_slice, slices))
    stop_forkserver()
    wall = max(end for _, end in spans) - min(start for start, _ in spans)
    print(f"(a2) machine limit, the same loop split over {cores} processes at once: {wall:.2f}s = "
          f"{len(paths) / wall:.1f} pages/s")
    return wall


def task_durations(flow_run_id: object, expected: int, wait: float = 20.0) -> list[tuple[str, float, float]]:
    """Return (task name, run seconds, start offset from the flow start) from the Prefect API."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    deadline = time.monotonic() + wait
    with get_client(sync_client=True) as client:
        flow_run = client.read_flow_run(flow_run_id)
        while True:
            runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
            done = [r for r in runs if r.end_time is not None]
            if len(done) >= expected or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    start = flow_run.start_time
    out = []
    for r in sorted(done, key=lambda r: r.start_time):
        out.append((r.name, (r.end_time - r.start_time).total_seconds(), (r.start_time - start).total_seconds()))
    total = (flow_run.end_time - flow_run.start_time).total_seconds() if flow_run.end_time else float("nan")
    out.append(("(flow run, start to end)", total, 0.0))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3,
                        help="flow runs (b), each between two limit loops (a); the ratio is the median over rounds")
    parser.add_argument("--empty-runs", type=int, default=5)
    parser.add_argument("--stage-pages", type=int, default=400, help="pages timed stage by stage after the rounds (0: none)")
    parser.add_argument("--profile", help="write a pyinstrument HTML profile of the last flow run here")
    parser.add_argument("--no-probes", action="store_true", help="run the flow without timing probes")
    parser.add_argument("--patch", help="python file whose apply() is called before the flow runs (to measure a "
                                        "prototype change kept outside the repo)")
    args = parser.parse_args()

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    with tempfile.TemporaryDirectory(prefix="lw-throughput-") as tmp:
        root = Path(tmp) / "site"
        t0 = time.perf_counter()
        site = generate_real_site(root, pages=args.pages, feeds=args.feeds, seed=args.seed)
        words = sorted(sum(len(p.split()) for p in page.paragraphs) for page in site.pages)
        print(f"built {len(site.pages)} pages on {len(site.outlets)} feeds from {texts_path()} in "
              f"{time.perf_counter() - t0:.1f}s: {site.html_bytes / len(site.pages) / 1024:.1f} KB HTML, "
              f"{site.text_bytes / len(site.pages) / 1024:.1f} KB text per page on average ({words[0]}-{words[-1]} words, "
              f"median {words[len(words) // 2]}); templates {dict(sorted(site.kinds.items()))}")
        with serve_site_ctx(root, args.feeds) as bases:
            feeds_file = Path(tmp) / "feeds.toml"
            feeds_file.write_text(feeds_toml(site, bases), encoding="utf-8")
            os.environ.update({
                "LAYOFFWATCH_FEEDS": str(feeds_file),
                # One loopback address per outlet (127.0.0.1-127.0.0.N), as pages live on many hosts.
                "LAYOFFWATCH_ALLOW_PRIVATE_HOSTS": "127.0.0.0/8",
                "LAYOFFWATCH_MAX_ENTRIES_PER_FEED": "100000",
            })
            os.environ.pop("LAYOFFWATCH_ALERT_URLS", None)
            run_benchmark(args, site, bases, Path(tmp))


def serve_site_ctx(root: Path, hosts: int) -> AbstractContextManager[list[str]]:
    """Return the loopback server context for the generated site (one address per outlet)."""
    from pagegen import serve_site

    return serve_site(root, hosts)


def limit(site: Site, bases: list[str]) -> tuple[float, float]:
    """Measure (a) on freshly read page bytes, which are dropped before the next flow run."""
    pages = page_bytes(site, bases)
    return measure_limit(pages)


def run_benchmark(args: argparse.Namespace, site: Site, bases: list[str], tmp: Path) -> None:
    """(c) once, then rounds of (a) (b) ... (a): each flow run is compared with the limit on either side.

    The host's speed drifts by 20-40% over tens of seconds (the same loop has measured 13-23
    ms/page), so one (a) before one (b) can skew the ratio either way; the mean of the limits
    measured just before and just after each run cancels a linear drift.
    """
    import logging

    from prefect import flow
    from prefect.testing.utilities import prefect_test_harness

    n = len(site.pages)
    truth = {page.path(site.outlets): page for page in site.pages}

    @flow(name="empty")
    def empty() -> None:
        return None

    logging.getLogger("prefect").setLevel(logging.WARNING)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # "discarding data" for every page without text
    t0 = time.perf_counter()
    with prefect_test_harness(server_startup_timeout=180):
        print(f"temporary Prefect API up in {time.perf_counter() - t0:.1f}s")
        if args.patch:
            apply_patch(args.patch)
        import flows.ingest_flow

        ingest = flows.ingest_flow.ingest  # looked up after any patch, with the API up as the CLI would

        # (c) empty flow, warmed up first
        empty()
        empties, empty_cpu = [], []
        for _ in range(args.empty_runs):
            t0, e0 = time.perf_counter(), time.process_time()
            empty()
            empties.append(time.perf_counter() - t0)
            empty_cpu.append(time.process_time() - e0)
        c_time = statistics.median(empties)
        c_cpu = statistics.median(empty_cpu)
        print(f"(c) empty flow run: median {c_time * 1000:.0f} ms over {len(empties)} runs "
              f"(min {min(empties) * 1000:.0f}, max {max(empties) * 1000:.0f}); {c_cpu * 1000:.0f} ms CPU in this process")

        # a a2 | b | a2 a | b | a2 a: each (b) sits between an (a2) and an (a) on either side.
        cores = os.cpu_count() or 1
        limits = [limit(site, bases)]
        parallels = [measure_parallel_limit(site, bases, cores)]
        runs = []
        for round_no in range(1, args.rounds + 1):
            last = round_no == args.rounds
            runs.append(run_flow(args, ingest, bases, tmp / f"data{round_no}", profile=last))
            runs[-1]["f1"] = flow_f1(tmp / f"data{round_no}" / "bench.duckdb", truth)
            parallels.append(measure_parallel_limit(site, bases, cores))
            limits.append(limit(site, bases))

    print()
    ratios, ceilings, shares = [], [], []
    for i, run in enumerate(runs):
        a_time = (limits[i][0] + limits[i + 1][0]) / 2
        a2_time = (parallels[i] + parallels[i + 1]) / 2
        marginal = run["b_time"] - c_time
        ratios.append(a_time / marginal)
        ceilings.append(a_time / a2_time)
        shares.append(a2_time / marginal)
        print(f"round {i + 1}: (a) {limits[i][0]:.2f}s / {limits[i + 1][0]:.2f}s around (b) {run['b_time']:.2f}s -> "
              f"b/a {a_time / run['b_time']:.2f}, marginal ratio {a_time:.2f} / ({run['b_time']:.2f} - {c_time:.2f}) "
              f"= {ratios[-1]:.2f}; ceiling (a)/(a2) {a_time:.2f} / {a2_time:.2f} = {ceilings[-1]:.2f}, "
              f"{shares[-1]:.0%} of it reached")
    print(f"marginal ratio a_time / (b_time - empty_flow_time), median of {len(ratios)} round(s): "
          f"{statistics.median(ratios):.2f}   (target >= 1.0 against bare trafilatura; 2.0 is the limit on 2 cores)")
    if all(run["probes"] for run in runs):
        models = []
        for i, run in enumerate(runs):
            a_cpu = (limits[i][1] + limits[i + 1][1]) / 2
            models.append(a_cpu / (sum(cpu_model(run)) - c_cpu))
        print(f"CPU model of the same ratio (CPU seconds, idle cores; steadier when the host drifts): "
              f"{', '.join(f'{m:.2f}' for m in models)}, median {statistics.median(models):.2f}")
    print(f"machine ceiling (a)/(a2), the marginal ratio of a pipeline doing nothing but extraction on this "
          f"machine: {', '.join(f'{c:.2f}' for c in ceilings)}, median {statistics.median(ceilings):.2f}; share of "
          f"it reached, a2_time / (b_time - empty_flow_time): {', '.join(f'{x:.0%}' for x in shares)}, "
          f"median {statistics.median(shares):.0%}")
    print(f"peak memory of a run (sampled every 0.1 s: this process + extraction workers): "
          f"{max(r['peak'] for r in runs) / MiB:.0f} MiB (target < 1024 MiB)")
    print()
    f1s = [run["f1"][0] for run in runs]
    print(f"extraction fidelity, token F1 of the stored texts against the pages' ground truth: "
          f"{', '.join(f'{x:.4f}' for x in f1s)} over {runs[-1]['f1'][2]} pages; per template "
          f"{', '.join(f'{k} {v:.4f}' for k, v in runs[-1]['f1'][1].items())}")
    print()
    a_last = (limits[-2][0] + limits[-1][0]) / 2
    a_cpu_last = (limits[-2][1] + limits[-1][1]) / 2
    report_run(runs[-1], n, a_last, a_cpu_last, c_cpu)
    if args.stage_pages:
        print_stages(site, bases, args.stage_pages, a_cpu_last / n * 1000)


def print_stages(site: Site, bases: list[str], count: int, a_ms: float) -> None:
    """Print the per-stage CPU table on the first `count` pages (one stage at a time, this process)."""
    from pagegen import read_page as read

    step = max(1, len(site.pages) // count)
    chosen = list(zip(page_sources(site, bases), site.pages, strict=True))[::step][:count]
    pages = [(url, read(path, base), page) for (url, path, base), page in chosen]
    feeds = [(f"{bases[k]}{path}", read(str(site.root / f"h{k}" / path.lstrip("/")), bases[k]))
             for k, path in site.feed_paths()]
    rows = stage_table(pages, feeds)
    print(f"per-page CPU by stage, {len(pages)} pages one stage at a time in this process "
          f"(against (a) = {a_ms:.2f} ms of CPU per page in the last round):")
    for name, ms, what in rows:
        print(f"    {name:<26} {ms:7.3f} ms   {ms / a_ms:6.1%} of (a)   {what}")


def run_flow(args: argparse.Namespace, ingest: Any, bases: list[str], data: Path, profile: bool) -> dict[str, Any]:
    """Run the ingest flow once into a fresh DuckDB file under `data`; return its measurements."""
    data.mkdir()
    os.environ["LAYOFFWATCH_DB"] = str(data / "bench.duckdb")
    existing = set(process_tree_rss()) - {os.getpid()}  # servers: not part of the run's memory
    probes = None if args.no_probes else install_probes()
    profiler = None
    if profile and args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
    cpu0, busy0, server0 = os.times(), machine_busy_seconds(), server_stats(bases[0])["cpu_s"]
    helpers0 = processes_cpu_seconds(existing)  # the Prefect API server and the site server
    with PeakMemory(exclude=existing) as peak:
        t0 = time.perf_counter()
        state = ingest(return_state=True)
        b_time = time.perf_counter() - t0
    stop_forkserver()
    cpu1, busy1 = os.times(), machine_busy_seconds()
    helpers1 = processes_cpu_seconds(existing)
    if profiler:
        profiler.stop()
        Path(args.profile).write_text(profiler.output_html(), encoding="utf-8")
        print(f"profile written to {args.profile}")
    if probes:
        probes.restore()
    summary = state.result()
    stats = server_stats(bases[0])
    cpu_self = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
    cpu_children = (cpu1.children_user - cpu0.children_user) + (cpu1.children_system - cpu0.children_system)
    site_cpu = stats["cpu_s"] - server0
    run = {
        "b_time": b_time, "summary": summary, "probes": probes, "peak": peak.peak,
        "tasks": task_durations(state.state_details.flow_run_id, expected=7),
        "cpu_self": cpu_self, "cpu_children": cpu_children, "site_cpu": site_cpu,
        "api_cpu": helpers1 - helpers0 - site_cpu,
        "others": (busy1 - busy0) - cpu_self - cpu_children - (helpers1 - helpers0),
        "requests": stats["requests"], "site_rss_kb": stats["maxrss_kb"],
    }
    print(f"(b) ingest flow: {b_time:.2f}s; summary: articles_new={summary['articles_new']}, "
          f"with_text={summary['articles_with_text']}, duplicates={summary['duplicates']}, "
          f"layoff_reports={summary['layoff_reports']}, new_rounds={len(summary['new_rounds'])}, "
          f"feeds_failed={summary['feeds_failed']}")
    return run


def stop_forkserver() -> None:
    """Stop the extraction workers' forkserver (see usecases/workers.py), reaping it and its workers.

    Each round then starts cold, as `layoffwatch run` and every Prefect flow-run process do (a
    warm server would make later rounds look faster), and the workers' CPU lands in this
    process's children times, which the CPU figures read.
    """
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)  # CPython's own (test) hook
    if stop is not None:
        stop()


TOP_STEPS = ("prepare", "fetch_feeds", "select_new", "fetch_and_extract", "store", "deliver_alerts", "publish_snapshot")


def cpu_model(run: dict[str, Any]) -> tuple[float, float]:
    """Return (steps, outside) seconds that run (b) would take on idle cores with a balanced pool.

    Pages are fetched (parent threads) while workers analyse earlier chunks, so every step,
    fetch_and_extract included, is bounded by its CPU spread over the cores. The workers belong
    to the forkserver, so their CPU is known only for the whole run (after the server is stopped
    and reaped): all of it is fetch_and_extract's. `outside` is the parent's CPU outside the steps.
    """
    probes, cores = run["probes"], os.cpu_count() or 1
    model = 0.0
    for name in TOP_STEPS:
        cpu = probes.stats[name][2]
        workers = run["cpu_children"] if name == "fetch_and_extract" else 0.0
        model += max(cpu, (cpu + workers) / cores)
    return model, run["cpu_self"] - sum(probes.stats[k][2] for k in TOP_STEPS)


def report_run(run: dict[str, Any], n: int, a_time: float, a_cpu: float, c_cpu: float) -> None:
    """Print where the last flow run's time and CPU went."""
    b_time = run["b_time"]
    cpu_self, cpu_children = run["cpu_self"], run["cpu_children"]
    print(f"last round in detail: (b) {b_time:.2f}s = {n / b_time:.1f} pages/s against (a) {n / a_time:.1f} pages/s")
    print(f"    CPU during (b): parent {cpu_self:.1f}s ({cpu_self / n * 1000:.2f} ms/page), extraction workers "
          f"{cpu_children:.1f}s ({cpu_children / n * 1000:.2f} ms/page, their start included) "
          f"-> {(cpu_self + cpu_children) / b_time:.2f} of {os.cpu_count()} cores busy on average")
    print(f"    site server (child process, benchmark cost) {run['site_cpu']:.1f}s CPU over {run['requests']} requests; "
          f"Prefect API server {run['api_cpu']:.1f}s CPU; other jobs on the machine used "
          f"{run['others'] / b_time:.2f} cores")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(f"    ru_maxrss: this process {self_rss / MiB:.0f} MiB, largest reaped child {child_rss / MiB:.0f} MiB; "
          f"site server {run['site_rss_kb'] / 1024:.0f} MiB (not counted)")
    print()
    print("Prefect task runs (from the API):")
    for name, seconds, offset in run["tasks"]:
        print(f"    {name:<28} {seconds:8.2f}s   starts at +{offset:6.2f}s")
    probes = run["probes"]
    if not probes:
        return
    print()
    print("pipeline step probes (wall s, % of b, CPU s parent / reaped children, cores busy of the parent):")
    for name in probes.order:
        calls, wall, cpu, ccpu = probes.stats[name]
        if not calls:
            continue
        busy = (cpu + ccpu) / wall if wall > 0 else 0.0
        # parse_feed runs in threads: its wall time is a sum over threads
        print(f"    {name:<44} x{int(calls):<4} {wall:8.2f}s {wall / b_time * 100:5.1f}%   "
              f"{cpu:6.2f} / {ccpu:6.2f}   {busy:4.2f}")
    tracked = sum(probes.stats[k][1] for k in TOP_STEPS)
    print(f"    {'steps total':<44}       {tracked:8.2f}s; outside the steps (Prefect, flow body, summary): "
          f"{b_time - tracked:.2f}s")
    cores = os.cpu_count() or 1
    model, outside_cpu = cpu_model(run)
    model_b = model + outside_cpu
    print()
    print(f"CPU model (idle {cores} cores, balanced pool): a = {a_cpu:.2f}s, b = {model_b:.2f}s "
          f"(steps {model:.2f} + flow/Prefect {outside_cpu:.2f}), empty flow {c_cpu:.2f}s -> marginal ratio "
          f"{a_cpu / (model_b - c_cpu):.2f}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
