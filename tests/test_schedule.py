"""`layoffwatch serve`: the schedule it accepts, its children, and, end to end, a local Prefect server,
the schedule firing, a backfill run through the served deployment, one ingest at a time, a clean
SIGTERM, and nothing left running when serve is killed outright."""

from __future__ import annotations

import ast
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TypeVar

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from demo.loopback import serving
from deployments.children import STOP_SIGNALS
from deployments.serve import Schedule, ServeError, _answers, local_prefect_server, resolve_schedule, server_log
from tests.test_deployments import (
    BACKFILL_DAY, ROOT, feed_body, finished, run_deployment, stand_ins, stored_titles, user_env,
)

T = TypeVar("T")


BAD_SCHEDULES = {
    "cron": (["--cron", "every minute"], {}, "error: --cron: 'every minute' is not a cron expression; give five fields"),
    "interval-text": (["--interval", "abc"], {}, "error: --interval: 'abc' is not a number of minutes; give one from 0.1 to 10080"),
    "interval-zero": (["--interval", "0"], {}, "error: --interval: '0' is not a number of minutes"),
    "both": (["--cron", "*/5 * * * *", "--interval", "5"], {}, "error: --cron and --interval: both given; give one of them"),
    # A bad schedule setting is what these two refuse, so they set one.
    "cron-setting": ([], {"LAYOFFWATCH_SCHEDULE_CRON": "61 * * * *"}, "error: LAYOFFWATCH_SCHEDULE_CRON: '61 * * * *' is not a cron"),
    "interval-setting": ([], {"LAYOFFWATCH_SCHEDULE_INTERVAL_MINUTES": "0"}, "error: settings: LAYOFFWATCH_SCHEDULE_INTERVAL_MINUTES='0': "),  # ditto
}


def assert_one_line(code: int, stdout: str, stderr: str, says: str) -> None:
    """Assert a refusal: exit code 2, nothing on stdout, one line on stderr starting with `says`."""
    assert (code, stdout) == (2, "")
    assert stderr.endswith("\n") and stderr.count("\n") == 1, stderr
    assert stderr.startswith(says)


@pytest.mark.parametrize("case", list(BAD_SCHEDULES))
def test_a_bad_schedule_is_refused_in_one_line(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from cli.main import app

    args, setting, says = BAD_SCHEDULES[case]
    for name in [k for k in os.environ if k.startswith("LAYOFFWATCH_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # where a default data folder would appear
    done = CliRunner().invoke(app, ["serve", *args], env=setting)
    assert_one_line(done.exit_code, done.stdout, done.stderr, says)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow  # a fresh interpreter running the CLI (~3 s); test_a_bad_schedule_is_refused_in_one_line keeps the refusals in the default run
def test_a_bad_schedule_stops_the_command_before_anything_starts(tmp_path: Path) -> None:
    # The installed entry point, in a process of its own: its exit code, and no Prefect server started.
    args, _, says = BAD_SCHEDULES["cron"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "LAYOFFWATCH_"))}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"))  # where a started server would leave its database
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", "serve", *args], env=env, cwd=ROOT, capture_output=True, text=True,
        timeout=60,
    )
    assert_one_line(done.returncode, done.stdout, done.stderr, says)
    assert not (tmp_path / "prefect-home" / "prefect.db").exists()


def test_options_win_over_settings_and_a_cron_over_an_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [k for k in os.environ if k.startswith("LAYOFFWATCH_SCHEDULE_")]:
        monkeypatch.delenv(name)
    assert resolve_schedule() == Schedule(None, 15.0)
    assert resolve_schedule(interval="0.5") == Schedule(None, 0.5)
    assert resolve_schedule(cron="*/30 * * * *") == Schedule("*/30 * * * *", 0.0)
    # Precedence between the settings and the options is what is tested: the settings are set.
    monkeypatch.setenv("LAYOFFWATCH_SCHEDULE_INTERVAL_MINUTES", "60")
    assert resolve_schedule() == Schedule(None, 60.0)
    monkeypatch.setenv("LAYOFFWATCH_SCHEDULE_CRON", "0 * * * *")  # a cron setting beats the interval setting
    assert resolve_schedule() == Schedule("0 * * * *", 0.0)
    assert resolve_schedule(interval="5") == Schedule(None, 5.0)
    assert resolve_schedule(cron="*/5 * * * *").args() == ["--cron", "*/5 * * * *"]
    with pytest.raises(ServeError, match="not a number of minutes"):
        resolve_schedule(interval="20000")


# -- serve's children -----------------------------------------------------------------------------------

# A stand-in for serve, killed outright by the test: it starts one child as serve starts the Prefect
# server (ended by the kernel with its parent) and one as serve starts the runner (it watches its
# parent), which starts a grandchild standing for a flow run. Each prints its pid.
STAND_IN_SERVE = """
import os, sys, time
from deployments.children import started_child
sleeper = [sys.executable, "-c", "import time; time.sleep(120)"]
runner = [sys.executable, "-c", sys.argv[1], str(os.getpid())]
with started_child(sleeper, 5, die_with_parent=True) as server, started_child(runner, 5) as runner:
    print("server", server.pid, flush=True)
    print("runner", runner.pid, flush=True)
    time.sleep(120)
"""
STAND_IN_RUNNER = """
import subprocess, sys, time
from deployments.children import watch_parent
watch_parent(int(sys.argv[1]))
print("flow_run", subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"]).pid, flush=True)
time.sleep(120)
"""


def blocked_signals(pid: int) -> set[int]:
    """Return the signals process `pid` blocks (SigBlk in /proc)."""
    status = Path(f"/proc/{pid}/status").read_text()
    mask = int(re.search(r"^SigBlk:\s*([0-9a-f]+)$", status, re.M).group(1), 16)
    return {number for number in range(1, 65) if mask >> (number - 1) & 1}


def wait_until_gone(pids: set[int], timeout: float) -> set[int]:
    """Return which of `pids` still run after `timeout` seconds (polled every 0.1 s)."""
    deadline = time.monotonic() + timeout
    while (left := {pid for pid in pids if alive(pid)}) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def kill_all(pids: set[int]) -> None:
    """SIGKILL every one of `pids` still running (a failed check leaves nothing behind)."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal and /proc are Linux's")
def test_children_take_stop_signals_and_end_when_serve_is_killed_outright() -> None:
    serve = subprocess.Popen(
        [sys.executable, "-c", STAND_IN_SERVE, STAND_IN_RUNNER], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        start_new_session=True,
    )
    pids: dict[str, int] = {}
    try:
        while len(pids) < 3 and serve.stdout is not None:
            name, pid = serve.stdout.readline().split()
            pids[name] = int(pid)
        children = descendants(serve.pid)
        assert children == set(pids.values()), (children, pids)
        # Blocked while serve starts a child, the stop signals are the child's again once it runs.
        assert (blocked_signals(pids["server"]) | blocked_signals(pids["runner"])) & set(STOP_SIGNALS) == set()
        serve.kill()
        serve.wait(10)
        assert wait_until_gone(children, 5) == set()  # the server, the runner and the runner's flow run
    finally:
        kill_all(descendants(serve.pid) | set(pids.values()))
        if serve.poll() is None:
            serve.kill()
        serve.wait(10)
        if serve.stdout:
            serve.stdout.close()


@pytest.fixture
def status_401() -> Iterator[str]:
    """A local API that answers every request 401, as a cloud workspace does without a key; yield its URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            self.send_response(401)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:  # quiet: no line per request on stderr
            pass

    with serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler), "status-401") as base:
        yield f"{base}/api"


def test_the_api_health_check_counts_any_answer_and_needs_no_http_client_of_its_own(status_401: str) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}/api"  # bound, never listening: refused
        assert (_answers(status_401), _answers(closed), _answers("ftp://127.0.0.1/api")) == (True, False, False)
    # ingest/edges/http (a module, or a package of them) alone speaks httpx (its errors mapped onto ours).
    importers = sorted(
        str(path.relative_to(ROOT))
        for package in ("ingest", "storage", "flows", "deployments")
        for path in (ROOT / package).rglob("*.py")
        if any(
            (isinstance(node, ast.Import) and any(a.name.split(".")[0] == "httpx" for a in node.names))
            or (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "httpx")
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    )
    assert importers and all(path == "ingest/edges/http.py" or path.startswith("ingest/edges/http/") for path in importers), importers


@pytest.mark.slow  # starts the Prefect CLI (~6 s), which finds its port taken and exits
def test_a_local_server_that_exits_names_the_log_that_says_why(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")  # the server's files in the test's folder
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError) as refused:
            with local_prefect_server(port=port, environ=env):
                pytest.fail("a server answered on a taken port")
    log = server_log(env)
    assert log == tmp_path / "prefect-home" / "layoffwatch-server.log"
    assert str(refused.value) == f"the local Prefect server: it exited with code 1; its output is in {log}"
    assert f"Port {port} is already in use" in log.read_text()


# -- end to end --------------------------------------------------------------------------------------

API = re.compile(r"export PREFECT_API_URL=(\S+)")


def wait_for(check: Callable[[], T | None], timeout: float, failure: str) -> T:
    """Return the first truthy result of `check`, polled each second; fail with `failure` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(1)
    pytest.fail(failure)


def registered(api: str, name: str) -> bool:
    """Return whether the deployment `flow/deployment` exists on the Prefect API."""
    return httpx.get(f"{api}/deployments/name/{name}", timeout=10).status_code == 200


def ingest_runs(api: str) -> list[dict]:
    """Return the flow runs of the ingest deployment, from the Prefect API."""
    deployment = httpx.get(f"{api}/deployments/name/ingest/layoffwatch-ingest", timeout=10)
    if deployment.status_code == 404:  # serve has not registered it yet
        return []
    body = {"flow_runs": {"deployment_id": {"any_": [deployment.json()["id"]]}}, "limit": 200}
    runs: list[dict] = httpx.post(f"{api}/flow_runs/filter", json=body, timeout=10).json()
    return runs


def overlapping(runs: list[dict]) -> list[tuple[str, str]]:
    """Return the pairs of runs that ran (run_count > 0) at the same time; a run still going has no end."""
    ran = sorted((r for r in runs if r["run_count"]), key=lambda r: r["start_time"])
    return [
        (a["name"], b["name"]) for a, b in zip(ran, ran[1:], strict=False)
        if a["end_time"] is None or b["start_time"] < a["end_time"]
    ]


def descendants(pid: int) -> set[int]:
    """Return every process below `pid`, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    """Return whether `pid` runs (a zombie waiting for its parent does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _kill_tree(process: subprocess.Popen[str]) -> None:
    """SIGTERM `process`; after 60 s SIGKILL it and everything below it (its children have sessions of their own)."""
    below = descendants(process.pid)
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        for pid in [process.pid, *below]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        process.wait()


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
def test_serve_runs_its_schedule_and_a_backfill_one_ingest_at_a_time_and_stops_on_sigterm(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    stand_ins(httpserver)
    hold, held, release = threading.Event(), threading.Event(), threading.Event()

    def feed(request: Request) -> Response:
        if hold.is_set():  # keeps the ingest run that asks in flight until released
            held.set()
            release.wait(60)
        return Response(feed_body(httpserver), content_type="application/rss+xml")

    httpserver.expect_request("/feed.xml").respond_with_handler(feed)
    env = user_env(httpserver, tmp_path)
    # Every 6 s: the first slot comes soon after serve starts, and later ones come while runs go.
    serve = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--interval", "0.1"], env=env, cwd=ROOT,
        start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: list[str] = []

    def read() -> None:
        for line in serve.stdout or []:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        api = wait_for(lambda: next((m[1] for m in map(API.search, lines) if m), None), 180, "serve printed no API")
        wait_for(lambda: registered(api, "backfill/layoffwatch-backfill"), 120, "serve registered no backfill deployment")
        code, output = finished(run_deployment(
            dict(env, PREFECT_API_URL=api), "backfill/layoffwatch-backfill", f"start={BACKFILL_DAY}", f"end={BACKFILL_DAY}"
        ))
        assert code == 0, output[-3000:]
        wait_for(lambda: any(r["state_type"] == "COMPLETED" for r in ingest_runs(api)), 120, "no scheduled run completed")
        hold.set()
        assert held.wait(120), "no ingest run came after the backfill"
        runs = ingest_runs(api)
        below = descendants(serve.pid)
        serve.send_signal(signal.SIGTERM)
        # A run blocked reading a silent server handles its SIGTERM only when the read times out (20 s),
        # or the runner kills it 30 s on: the feed answers now, while the run is still in flight.
        release.set()
        assert serve.wait(timeout=120) == 0
    finally:
        release.set()
        if serve.poll() is None:  # a failed check: stop serve and whatever it started
            _kill_tree(serve)
        reader.join(10)
        if serve.stdout:
            serve.stdout.close()
    assert len(below) >= 3, below  # the server, the runner and the ingest run held in flight
    assert [pid for pid in below if alive(pid)] == [], "".join(lines)[-3000:]
    assert overlapping(runs) == []
    assert stored_titles(Path(env["LAYOFFWATCH_DB"])) == [
        ("backfill:gnews", "Initech cuts 300 jobs"), ("local", "Acme cuts 1,200 jobs"),
    ]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal and /proc are Linux's")
def test_serve_killed_outright_leaves_nothing_running(httpserver: HTTPServer, tmp_path: Path) -> None:
    stand_ins(httpserver)
    held, release = threading.Event(), threading.Event()

    def feed(request: Request) -> Response:
        held.set()  # keeps the scheduled ingest run in flight until released
        release.wait(60)
        return Response(feed_body(httpserver), content_type="application/rss+xml")

    httpserver.expect_request("/feed.xml").respond_with_handler(feed)
    env = user_env(httpserver, tmp_path)
    # Every 6 s: the first slot comes soon after serve starts.
    serve = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--interval", "0.1"], env=env, cwd=ROOT,
        start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    below: set[int] = set()
    try:
        assert held.wait(180), "no scheduled ingest run asked for the feed"
        below = descendants(serve.pid)
        serve.kill()
        serve.wait(10)
        assert len(below) >= 3, below  # the server, the runner and the ingest run held in flight
        assert wait_until_gone(below, 5) == set()
    finally:
        release.set()
        kill_all(below | descendants(serve.pid))
        if serve.poll() is None:
            serve.kill()
        serve.wait(10)
