"""Serving the deployments: `layoffwatch serve` or `python -m deployments.serve`.

Schedules need a real Prefect API (the temporary one a plain flow call starts has no scheduler).
When `PREFECT_API_URL` is not set, we start a local Prefect server (SQLite under PREFECT_HOME) as a
child process, wait until it answers, and serve against it; stopping serve stops it too.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import httpx

INGEST_DEPLOYMENT = "layoffwatch-ingest"
BACKFILL_DEPLOYMENT = "layoffwatch-backfill"


def ingest_deployment(cron: str | None = None, interval_minutes: float | None = None):
    """Return the scheduled ingest deployment (cron wins over the interval)."""
    from flows.ingest_flow import ingest
    from ingest.settings import load_settings

    settings = load_settings()
    cron = cron or settings.schedule_cron
    if cron:
        return ingest.to_deployment(name=INGEST_DEPLOYMENT, cron=cron, tags=["layoffwatch"])
    minutes = interval_minutes or settings.schedule_interval_minutes
    return ingest.to_deployment(
        name=INGEST_DEPLOYMENT, interval=timedelta(minutes=minutes), tags=["layoffwatch"]
    )


def all_deployments(cron: str | None = None, interval_minutes: float | None = None) -> list:
    """Return every deployment `serve` runs: scheduled ingest, plus unscheduled manual flows."""
    from flows.backfill import backfill

    return [
        ingest_deployment(cron, interval_minutes),
        backfill.to_deployment(name=BACKFILL_DEPLOYMENT, tags=["layoffwatch"]),
    ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def local_prefect_server(port: int | None = None, timeout: float = 120.0) -> Iterator[str]:
    """Start `prefect server start` on loopback; yield its API URL; stop it on exit."""
    port = port or _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    process = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the local Prefect server exited with code {process.returncode}")
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the local Prefect server did not answer within {timeout:.0f}s")
            time.sleep(0.5)
        yield api
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def serve_forever(cron: str | None = None, interval_minutes: float | None = None) -> None:
    """Serve the deployments until interrupted, starting a local Prefect server when needed."""
    from prefect import serve

    if os.environ.get("PREFECT_API_URL"):
        serve(*all_deployments(cron, interval_minutes))
        return
    with local_prefect_server() as api:
        os.environ["PREFECT_API_URL"] = api
        print(f"started a local Prefect server: {api.removesuffix('/api')} (UI and API)", flush=True)
        _serve_with_api(api, cron, interval_minutes)


def _serve_with_api(api: str, cron: str | None, interval_minutes: float | None) -> None:
    """Serve in a fresh interpreter so Prefect reads the new API URL from its environment."""
    env = dict(os.environ, PREFECT_API_URL=api)
    args = [sys.executable, "-m", "deployments.serve"]
    if cron:
        args += ["--cron", cron]
    if interval_minutes:
        args += ["--interval", str(interval_minutes)]
    child = subprocess.Popen(args, env=env)
    try:
        child.wait()
    except KeyboardInterrupt:
        child.terminate()
        child.wait(timeout=30)


def main(argv: list[str] | None = None) -> None:
    """Entry point of `python -m deployments.serve [--cron EXPR] [--interval MINUTES]`."""
    import argparse

    parser = argparse.ArgumentParser(description="Serve the layoffwatch deployments.")
    parser.add_argument("--cron")
    parser.add_argument("--interval", type=float)
    args = parser.parse_args(argv)
    serve_forever(args.cron, args.interval)


if __name__ == "__main__":
    main()
