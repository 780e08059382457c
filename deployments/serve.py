"""Serving the deployments: `layoffwatch serve` or `python -m deployments.serve`.

Schedules need a real Prefect API (the temporary one a plain flow call starts has no scheduler). When
none is configured (`PREFECT_API_URL`, in the environment or the Prefect profile), serve supervises
two children, each in a session of its own so that a terminal's Ctrl-C reaches the supervisor alone:

    layoffwatch serve                  the supervisor: handles SIGTERM, SIGINT and SIGHUP
    ├── prefect server start           SQLite under PREFECT_HOME, on a free loopback port
    └── python -m deployments.serve    the runner (Prefect's Runner); flow runs are its children

On a stop signal the supervisor stops the runner first (it cancels its flow runs and pauses its
schedules, which needs the server), then the server, and exits 0; each gets a bounded grace period,
then SIGKILL. A runner that exits by itself ends serve with its exit code. With an API configured,
this process is the runner.

A supervisor killed outright (SIGKILL, the OOM killer) takes its children with it within a second
(`deployments.children`): the server by Linux's parent-death signal, the runner and its flow runs
by the runner watching its parent. The server's output goes to `layoffwatch-server.log` under
PREFECT_HOME.

One ingest at a time per database: the ingest deployment has a concurrency limit of 1 whose collision
strategy cancels the newcomer, so the backlog of late runs a restart finds, and a slot that comes
while a run is still going, collapse into the run that holds the slot (Prefect 3 has no catch-up
switch). Backfills are asked for by hand, so a second one waits for the first instead.
"""

from __future__ import annotations

import http.client
import math
import os
import signal
import socket
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from deployments.children import STOP_SIGNALS, started_child, watch_parent

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment
    from prefect.runner import Runner

INGEST_DEPLOYMENT = "layoffwatch-ingest"
BACKFILL_DEPLOYMENT = "layoffwatch-backfill"
TAGS = ["layoffwatch"]
# Bounds of `--interval`: 6 s for trials and tests (a run takes about that long to start, so shorter
# slots would mostly be cancelled); a week is the bound of LAYOFFWATCH_SCHEDULE_INTERVAL_MINUTES.
MIN_INTERVAL_MINUTES = 0.1
MAX_INTERVAL_MINUTES = 10_080.0
# On SIGTERM the runner cancels its flow runs (it SIGKILLs one that has not exited 30 s after its
# SIGTERM) and pauses its schedules; the server drains its requests.
RUNNER_GRACE_SECONDS = 60.0
SERVER_GRACE_SECONDS = 20.0
SERVER_LOG = "layoffwatch-server.log"  # under PREFECT_HOME, beside the server's database


class ServeError(Exception):
    """A reason not to serve: what failed, why, what to do; `code` is the exit code (2: bad input)."""

    def __init__(self, what: str, why: str, todo: str = "", code: int = 2) -> None:
        super().__init__(what, why, todo, code)
        self.what, self.why, self.todo, self.code = what, why, todo, code

    def __str__(self) -> str:
        return f"{self.what}: {self.why}" + (f"; {self.todo}" if self.todo else "")


class _Stopped(Exception):
    """Raised in the supervisor's main thread by a stop signal."""


@dataclass(frozen=True)
class Schedule:
    """When the ingest deployment runs: on `cron` (UTC) when set, else every `interval_minutes`."""

    cron: str | None
    interval_minutes: float

    def args(self) -> list[str]:
        """Return the `deployments.serve` options that give this schedule."""
        return ["--cron", self.cron] if self.cron else ["--interval", repr(self.interval_minutes)]


def resolve_schedule(cron: str | None = None, interval: str | float | None = None) -> Schedule:
    """Return the schedule the options (else the settings) ask for; raise ServeError on a bad one."""
    from pydantic import ValidationError

    from ingest.settings import load_settings

    if cron is not None and interval is not None:
        raise ServeError("--cron and --interval", "both given", "give one of them")
    try:
        settings = load_settings()
    except ValidationError as exc:
        error = exc.errors()[0]
        name = "LAYOFFWATCH_" + "_".join(str(part) for part in error["loc"]).upper()
        raise ServeError(name, error["msg"], "fix or unset it") from None
    if cron is not None:
        return Schedule(_checked_cron(cron, "--cron"), 0.0)
    if interval is not None:
        return Schedule(None, _checked_minutes(interval))
    if settings.schedule_cron:
        return Schedule(_checked_cron(settings.schedule_cron, "LAYOFFWATCH_SCHEDULE_CRON"), 0.0)
    return Schedule(None, float(settings.schedule_interval_minutes))


def _checked_cron(expression: str, source: str) -> str:
    """Return `expression` when Prefect accepts it as a cron schedule."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=expression)
    except ValueError:
        raise ServeError(
            source, f"{expression!r} is not a cron expression", "give five fields, in UTC, e.g. '*/30 * * * *'"
        ) from None
    return expression


def _checked_minutes(value: str | float) -> float:
    """Return `value` as minutes when it is a number within the bounds."""
    try:
        minutes = float(value)
    except ValueError:
        minutes = math.nan
    if not MIN_INTERVAL_MINUTES <= minutes <= MAX_INTERVAL_MINUTES:  # false for nan too
        raise ServeError(
            "--interval", f"{value!r} is not a number of minutes",
            f"give one from {MIN_INTERVAL_MINUTES:g} to {MAX_INTERVAL_MINUTES:g}, e.g. 15",
        )
    return minutes


def ingest_deployment(schedule: Schedule) -> RunnerDeployment:
    """Return the scheduled ingest deployment: one run at a time, a colliding run cancelled."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

    from flows.ingest_flow import ingest

    limit = ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW)
    if schedule.cron:
        return _made(ingest.to_deployment(name=INGEST_DEPLOYMENT, cron=schedule.cron, concurrency_limit=limit, tags=TAGS))
    every = timedelta(minutes=schedule.interval_minutes)
    return _made(ingest.to_deployment(name=INGEST_DEPLOYMENT, interval=every, concurrency_limit=limit, tags=TAGS))


def all_deployments(schedule: Schedule) -> list[RunnerDeployment]:
    """Return every deployment `serve` runs: the scheduled ingest and the unscheduled backfill."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

    from flows.backfill import backfill

    queued = ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE)
    return [
        ingest_deployment(schedule),
        _made(backfill.to_deployment(name=BACKFILL_DEPLOYMENT, concurrency_limit=queued, tags=TAGS)),
    ]


def _made(deployment: object) -> RunnerDeployment:
    """Return what `Flow.to_deployment` made: typed as maybe a coroutine, it is none outside an event loop."""
    from prefect.deployments.runner import RunnerDeployment

    if not isinstance(deployment, RunnerDeployment):
        raise TypeError(f"expected a RunnerDeployment, got {type(deployment).__name__}")
    return deployment


def configured_api() -> str | None:
    """Return the Prefect API URL of the environment or the active Prefect profile, if any."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url or None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _answers(api: str) -> bool:
    """Return whether the API answers at all (any HTTP status: a cloud workspace may say 401)."""
    if not api.startswith(("http://", "https://")):
        return False
    try:
        with urllib.request.urlopen(f"{api}/health", timeout=5):
            return True
    except urllib.error.HTTPError as exc:
        exc.close()
        return True
    except (OSError, http.client.HTTPException, ValueError):  # URLError is an OSError
        return False


def server_log(environ: Mapping[str, str]) -> Path:
    """Return the file a local Prefect server started in `environ` writes its output to (PREFECT_HOME)."""
    from prefect.settings import get_current_settings

    home = environ.get("PREFECT_HOME") or str(get_current_settings().home)
    return Path(home).expanduser() / SERVER_LOG


@contextmanager
def local_prefect_server(
    port: int | None = None, timeout: float = 120.0, environ: Mapping[str, str] | None = None
) -> Iterator[str]:
    """Start `prefect server start` on loopback (in `environ`, default ours); yield its API URL; stop it on exit."""
    port = port or _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ if environ is None else environ)
    env.pop("PREFECT_API_URL", None)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # The ingest's concurrency slot is counted in the database but its lease lives in the server's
    # memory by default: a server restarted while a run held the slot (serve killed, machine down)
    # would never give it back, and every later ingest would be cancelled. On disk, the lease of a
    # dead run expires (5 minutes) and the slot comes back.
    env.setdefault("PREFECT_SERVER_CONCURRENCY_LEASE_STORAGE", "prefect.server.concurrency.lease_storage.filesystem")
    # Warnings and failures only: at `info` every API request is a line, megabytes a week.
    env.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    log = server_log(env)
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as output, started_child(
        command, SERVER_GRACE_SECONDS, die_with_parent=True, env=env, output=output
    ) as process:
        deadline = time.monotonic() + timeout
        while not _answers(api):
            if process.poll() is not None:
                raise ServeError(
                    "the local Prefect server", f"it exited with code {process.returncode}",
                    f"its output is in {log}", code=1,
                )
            if time.monotonic() > deadline:
                raise ServeError(
                    "the local Prefect server", f"it did not answer within {timeout:.0f} s",
                    f"its output is in {log}", code=1,
                )
            time.sleep(0.5)
        yield api


@contextmanager
def _stop_signals_raise() -> Iterator[None]:
    """Turn the first stop signal into `_Stopped`; ignore later ones while the bounded cleanup runs."""

    def stop(signum: int, frame: FrameType | None) -> None:
        for number in STOP_SIGNALS:
            signal.signal(number, signal.SIG_IGN)
        raise _Stopped(signal.Signals(signum).name)

    previous = {number: signal.signal(number, stop) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def serve_forever(schedule: Schedule) -> int:
    """Serve until stopped, starting a local Prefect server when none is configured; return the exit code."""
    api = configured_api()
    if api:
        if not _answers(api):
            raise ServeError(
                f"the Prefect API at {api}", "it does not answer",
                "start that server, or unset PREFECT_API_URL to let serve start its own", code=1,
            )
        return _serve_here(schedule)
    with _stop_signals_raise():
        try:
            with local_prefect_server() as api:
                print(
                    f"started a local Prefect server: {api.removesuffix('/api')} (UI); for the prefect CLI: "
                    f"export PREFECT_API_URL={api}",
                    flush=True,
                )
                return _supervise_runner(api, schedule)
        except _Stopped:
            return 0


def _supervise_runner(api: str, schedule: Schedule) -> int:
    """Run the runner in a fresh interpreter (Prefect reads the API URL at import); return its code."""
    env = dict(os.environ, PREFECT_API_URL=api)
    command = [sys.executable, "-m", "deployments.serve", *schedule.args(), "--supervisor", str(os.getpid())]
    # The runner ends with serve by watching it (`--supervisor`): a parent-death signal would kill it
    # alone and leave its flow runs going.
    with started_child(command, RUNNER_GRACE_SECONDS, env=env) as runner:
        try:
            code = runner.wait()
        except _Stopped:
            return 0
    if code:
        print(f"error: the deployment runner exited with code {code}", file=sys.stderr, flush=True)
    return code


def _serve_here(schedule: Schedule) -> int:
    """Serve the deployments in this process until a stop signal; return the exit code."""
    import asyncio

    from prefect.runner import Runner

    runner = Runner(pause_on_shutdown=True)
    deployments = all_deployments(schedule)
    for deployment in deployments:
        runner.add_deployment(deployment)
    names = ", ".join(f"{d.flow_name}/{d.name}" for d in deployments)
    print(f"serving {names}; start one by hand with `prefect deployment run NAME`", flush=True)
    asyncio.run(_run_until_signalled(runner))
    return 0


async def _run_until_signalled(runner: Runner) -> None:
    """Run `runner` until SIGTERM, SIGINT or SIGHUP, then cancel its flow runs and stop it.

    Prefect 3.8's own SIGTERM handler exits without cancelling them (its `stop()` returns a coroutine
    nobody awaits inside the loop), which leaves the run marked Running, its process orphaned and the
    ingest's concurrency slot held until the lease expires.
    """
    import asyncio

    loop = asyncio.get_running_loop()
    started = asyncio.ensure_future(runner.start())
    stopping: list[asyncio.Future[None]] = []

    def stop() -> None:
        if not stopping:
            stopping.append(asyncio.ensure_future(runner.astop()))

    # start() installs Prefect's handler before it reports started; ours replace it from then on.
    while not runner.started and not started.done():
        await asyncio.sleep(0.1)
    for number in STOP_SIGNALS:
        loop.add_signal_handler(number, stop)
    await started
    if stopping:
        await stopping[0]


def main(argv: list[str] | None = None) -> None:
    """Entry point of `python -m deployments.serve [--cron EXPR | --interval MINUTES]`."""
    import argparse

    parser = argparse.ArgumentParser(description="Serve the layoffwatch deployments.")
    parser.add_argument("--cron", help="cron schedule of the ingest deployment (UTC)")
    parser.add_argument("--interval", metavar="MINUTES", help="minutes between ingest runs")
    # Given by a supervising `serve`: its pid, so that this runner ends with it.
    parser.add_argument("--supervisor", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.supervisor is not None:
        watch_parent(args.supervisor)
    try:
        code = serve_forever(resolve_schedule(args.cron, args.interval))
    except ServeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        code = exc.code
    sys.exit(code)


if __name__ == "__main__":
    main()
