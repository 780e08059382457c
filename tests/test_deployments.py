"""The deployments as Prefect runs them: flow files loaded by path, `prefect deploy` of
deployments/prefect.yaml, and a process worker running both deployments against a real server.

The slow test starts a real Prefect server on loopback; every source is a local stand-in.
"""

from __future__ import annotations

import importlib.metadata
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer

from tests.conftest import rows, write_feeds
from tests.pages import rss, story

ROOT = Path(__file__).resolve().parent.parent
PREFECT_YAML = ROOT / "deployments" / "prefect.yaml"
# The one day both end-to-end tests backfill: one window per source, so one request each.
BACKFILL_DAY = "2024-01-02"


def _yaml_deployments() -> dict[str, dict]:
    spec = yaml.safe_load(PREFECT_YAML.read_text(encoding="utf-8"))
    return {deployment["name"]: deployment for deployment in spec["deployments"]}


def _scale_deployments() -> dict[str, dict]:
    spec = yaml.safe_load((ROOT / "deployments" / "scale.yaml").read_text(encoding="utf-8"))
    return {deployment["name"]: deployment for deployment in spec["deployments"]}


@pytest.fixture(scope="module")
def loaded_by_path() -> list[str]:
    """Load every entrypoint of prefect.yaml, then scale.yaml's, as Prefect does; return "entrypoint flow-name" lines."""
    # Prefect loads an entrypoint with load_script_as_module, which puts the file's folder first on
    # sys.path: a module there named like one of our packages shadowed it (issue 17, item 1). Only a
    # fresh interpreter shows it, one where the packages are not imported yet; one interpreter loads
    # them all (its first load is the fresh one; the static check below covers every file).
    entrypoints = [d["entrypoint"] for d in [*_yaml_deployments().values(), *_scale_deployments().values()]]
    script = (
        "import sys\n"
        "from prefect import Flow\n"
        "from prefect.utilities.importtools import load_script_as_module\n"
        "for entrypoint in sys.argv[1:]:\n"
        "    path, name = entrypoint.split(':')\n"
        "    flow = getattr(load_script_as_module(path), name)\n"
        "    assert isinstance(flow, Flow), entrypoint\n"
        "    print(entrypoint, flow.name)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *entrypoints], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def test_every_flow_file_of_prefect_yaml_loads_by_path_in_a_fresh_interpreter(loaded_by_path: list[str]) -> None:
    assert loaded_by_path[:2] == ["flows/ingest_flow.py:ingest ingest", "flows/backfill.py:backfill backfill"]


def test_the_scale_deployments_name_a_loadable_fan_out_and_its_shard_deployment(loaded_by_path: list[str]) -> None:
    # deployments/scale.yaml is deployed on its own (docs/scale.md): the fan-out flow must start
    # runs of the shard deployment it declares, by the name Prefect gives it (flow/deployment).
    from flows.shards import INGEST_DEPLOYMENT

    declared = _scale_deployments()
    assert set(declared) == {"layoffwatch-ingest-sharded", "layoffwatch-ingest-shard"}
    assert declared["layoffwatch-ingest-sharded"]["entrypoint"] == "flows/shards.py:ingest_sharded"
    assert declared["layoffwatch-ingest-sharded"]["concurrency_limit"]["limit"] == 1
    shard = declared["layoffwatch-ingest-shard"]
    assert "concurrency_limit" not in shard and shard["schedules"] == []
    assert INGEST_DEPLOYMENT == f"ingest/{shard['name']}"
    # The shard deployment runs the ingest flow itself.
    assert sorted(loaded_by_path[2:]) == ["flows/ingest_flow.py:ingest ingest", "flows/shards.py:ingest_sharded ingest-sharded"]


def _top_level_names() -> set[str]:
    """Our packages, the standard library's modules and every installed distribution's modules."""
    ours = {path.name for path in ROOT.iterdir() if (path / "__init__.py").is_file()}
    return ours | set(sys.stdlib_module_names) | set(importlib.metadata.packages_distributions())


def test_no_module_beside_a_flow_shadows_a_package() -> None:
    names = _top_level_names()
    assert {"ingest", "storage", "flows", "deployments"} <= names
    clashes = [
        f"{folder}/{path.name}"
        for folder in ("flows", "deployments")
        for path in (ROOT / folder).iterdir()
        if (path.suffix == ".py" or (path / "__init__.py").is_file()) and path.stem in names
    ]
    assert clashes == []


def test_serve_and_prefect_yaml_give_the_deployments_the_same_limits() -> None:
    from prefect.client.schemas.schedules import IntervalSchedule

    from deployments.serve import Schedule, all_deployments

    served = {d.name: d for d in all_deployments(Schedule(None, 15.0))}
    declared = _yaml_deployments()
    assert set(served) == set(declared) == {"layoffwatch-ingest", "layoffwatch-backfill"}
    strategies = {}
    for name, deployment in served.items():
        assert deployment.entrypoint == declared[name]["entrypoint"]
        assert deployment.concurrency_limit == declared[name]["concurrency_limit"]["limit"] == 1
        assert deployment.concurrency_options is not None
        strategies[name] = deployment.concurrency_options.collision_strategy.value
        assert strategies[name] == declared[name]["concurrency_limit"]["collision_strategy"]
    assert strategies == {"layoffwatch-ingest": "CANCEL_NEW", "layoffwatch-backfill": "ENQUEUE"}
    every = [s.schedule for s in served["layoffwatch-ingest"].schedules or []]
    assert [s.interval.total_seconds() for s in every if isinstance(s, IntervalSchedule)] == [900.0]
    assert [s["interval"] for s in declared["layoffwatch-ingest"]["schedules"]] == [900]
    assert not served["layoffwatch-backfill"].schedules and declared["layoffwatch-backfill"]["schedules"] == []


# -- end to end: shared by this module and tests/test_schedule.py ----------------------------------


# Where the stand-ins answer as Google News search, the GDELT DOC API and the Wayback CDX API.
SOURCE_PATHS = {"GNEWS": "/rss/search", "GDELT": "/api/v2/doc/doc", "WAYBACK": "/cdx/search/cdx"}


def stand_ins(server: HTTPServer) -> None:
    """Serve a feed with one story, and Google News, GDELT and Wayback CDX answering one story, none, none."""
    u = server.url_for
    server.expect_request("/a/1.html").respond_with_data(story("Acme", "Acme cut 1,200 jobs."), content_type="text/html")
    server.expect_request("/a/2.html").respond_with_data(
        story("Initech", "Initech cut 300 jobs in its Austin office."), content_type="text/html"
    )
    server.expect_request(SOURCE_PATHS["GNEWS"]).respond_with_data(
        rss([("gn1", "Initech cuts 300 jobs", u("/a/2.html"), "Tue, 02 Jan 2024 10:00:00 GMT")]),
        content_type="application/rss+xml",
    )
    server.expect_request(SOURCE_PATHS["GDELT"]).respond_with_data("{}", content_type="application/json")
    server.expect_request(SOURCE_PATHS["WAYBACK"]).respond_with_data("[]", content_type="application/json")


def feed_body(server: HTTPServer) -> str:
    """The scheduled feed: one Acme story on the stand-in server."""
    return rss([("g1", "Acme cuts 1,200 jobs", server.url_for("/a/1.html"), "Wed, 28 Jan 2026 14:00:00 GMT")])


def user_env(server: HTTPServer, tmp_path: Path) -> dict[str, str]:
    """A new user's environment (no PREFECT_ or LAYOFFWATCH_ variable) but for what points at loopback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "LAYOFFWATCH_"))}
    u = server.url_for
    env.update(
        # Prefect's own files (profile, server database) in the test's folder, not in ~/.prefect.
        PREFECT_HOME=str(tmp_path / "prefect-home"),
        # One local feed instead of the shipped list of internet feeds.
        LAYOFFWATCH_FEEDS=str(write_feeds(tmp_path / "feeds.toml", {"local": u("/feed.xml")})),
        LAYOFFWATCH_DB=str(tmp_path / "lw.duckdb"),  # a fresh database in the test's folder, not ./data
        # The stand-ins serve the article pages on loopback, which feed links may not reach by default.
        LAYOFFWATCH_ALLOW_PRIVATE_HOSTS="127.0.0.1",
    )
    # The three backfill sources are the local stand-ins, not Google News, GDELT and the Internet Archive.
    env.update({f"LAYOFFWATCH_{source}_URL": u(path) for source, path in SOURCE_PATHS.items()})
    return env


def prefect_cli(env: dict[str, str], *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run `prefect ARGS` from the repository root, as a user would; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "prefect", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def run_deployment(env: dict[str, str], name: str, *params: str) -> subprocess.Popen[str]:
    """Start `prefect deployment run NAME --watch` (exit 0 once the run completed)."""
    args = ["deployment", "run", name, *(f"--param={p}" for p in params), "--watch", "--watch-timeout", "240"]
    return subprocess.Popen(
        [sys.executable, "-m", "prefect", *args], env=env, cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True,
    )


def finished(process: subprocess.Popen[str], timeout: float = 300) -> tuple[int, str]:
    """Wait for `process`; return its exit code and output."""
    output, _ = process.communicate(timeout=timeout)
    return process.returncode, output


def stop(process: subprocess.Popen[str], grace: float = 30) -> None:
    """SIGTERM the process group of `process` (started in its own session); SIGKILL it after `grace` s."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.communicate(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()


def stored_titles(db: Path) -> list[tuple[str, str]]:
    """Return (feed, title) of every stored article."""
    return rows(db, "SELECT feed, title FROM articles ORDER BY feed")


@pytest.fixture
def worker_env(httpserver: HTTPServer, tmp_path: Path) -> Iterator[dict[str, str]]:
    """A Prefect server with the `layoffwatch` process pool and prefect.yaml deployed; yield the env."""
    from deployments.serve import local_prefect_server

    stand_ins(httpserver)
    httpserver.expect_request("/feed.xml").respond_with_data(feed_body(httpserver), content_type="application/rss+xml")
    env = user_env(httpserver, tmp_path)
    with local_prefect_server(environ=env) as api:
        env["PREFECT_API_URL"] = api
        created = prefect_cli(env, "work-pool", "create", "layoffwatch", "--type", "process")
        assert created.returncode == 0, created.stdout + created.stderr
        deployed = prefect_cli(env, "deploy", "--prefect-file", "deployments/prefect.yaml", "--all")
        assert deployed.returncode == 0, deployed.stdout[-3000:] + deployed.stderr[-3000:]
        yield env


@pytest.mark.slow
def test_a_process_worker_runs_both_deployments_of_prefect_yaml(worker_env: dict[str, str], tmp_path: Path) -> None:
    log = tmp_path / "worker.log"  # a file, not a pipe nobody reads while the runs log
    with log.open("w") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", "prefect", "worker", "start", "--pool", "layoffwatch"],
            env=worker_env, cwd=ROOT, start_new_session=True, stdout=out, stderr=subprocess.STDOUT, text=True,
        )
        try:
            # Both at once, as a user may: the worker's flow-run processes load each from flows/ by path.
            backfill = run_deployment(worker_env, "backfill/layoffwatch-backfill", f"start={BACKFILL_DAY}", f"end={BACKFILL_DAY}")
            ingest = run_deployment(worker_env, "ingest/layoffwatch-ingest")
            for name, run in (("backfill", backfill), ("ingest", ingest)):
                code, output = finished(run)
                assert code == 0, f"{name}: {output[-2000:]}\nworker: {log.read_text()[-3000:]}"
        finally:
            stop(worker)
    assert stored_titles(Path(worker_env["LAYOFFWATCH_DB"])) == [
        ("backfill:gnews", "Initech cuts 300 jobs"), ("local", "Acme cuts 1,200 jobs"),
    ]
