"""The processes `serve` supervises: started in a session of their own, stopped with a grace period,
and never outliving it.

A supervisor killed outright (SIGKILL, the OOM killer) handles nothing, so its children end
themselves, as on a power loss (a killed run loses nothing): on Linux the kernel kills a child
started `die_with_parent` when its parent dies (the parent-death signal), and a runner calls
`watch_parent`, which kills its own process group, its flow runs with it, once its parent is gone.
An orphaned runner would otherwise go on starting ingests.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import IO

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
# How often a supervised runner checks that its supervisor is still its parent.
WATCH_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def stop_child(process: subprocess.Popen[bytes], grace: float) -> None:
    """SIGTERM `process` (it stops its own children); SIGKILL its process group after `grace` seconds."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        # Started in a session of its own, it leads a process group its flow runs share.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def started_child(
    args: list[str],
    grace: float,
    *,
    die_with_parent: bool = False,
    env: Mapping[str, str] | None = None,
    output: IO[bytes] | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """Start `args` in a session of its own (a terminal's Ctrl-C reaches the supervisor alone), with
    `output` taking its stdout and stderr when given; yield the process; `stop_child` it on the way out.

    The stop signals are blocked while it starts: the supervisor's handler raises, and a signal
    between the fork and the assignment would leave the child started with no one to stop it. Held
    by the kernel (the supervisor runs no other thread), it is raised at the unblocking, inside the
    `try` that stops the child.
    """
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        process = subprocess.Popen(
            args, env=env, stdout=output, stderr=None if output is None else subprocess.STDOUT,
            start_new_session=True, preexec_fn=_child_setup(die_with_parent),
        )
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        raise
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        yield process
    finally:
        stop_child(process, grace)


def _child_setup(die_with_parent: bool) -> Callable[[], None]:
    """Return what the child runs between fork and exec: unblock the stop signals (a signal mask
    survives exec) and, with `die_with_parent` on Linux, ask for SIGKILL when the parent dies."""
    parent = os.getpid()
    prctl = _linux_prctl() if die_with_parent else None  # looked up before the fork, not in the child

    def setup() -> None:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
        # The signal comes when the forking *thread* ends: `started_child` runs in the main thread.
        if prctl is not None and prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before the request took hold
                os._exit(1)

    return setup


def _linux_prctl() -> Callable[..., int] | None:
    """Return libc's `prctl` on Linux, else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return prctl


def watch_parent(parent: int, every: float = WATCH_SECONDS) -> threading.Thread:
    """Start a thread that kills this process group (a runner and its flow runs) once `parent` is no
    longer this process's parent; return the thread."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        # The supervisor died without stopping us (SIGKILL, OOM): nothing else would ever stop us.
        os.killpg(os.getpgrp(), signal.SIGKILL)

    thread = threading.Thread(target=watch, name="watch-parent", daemon=True)
    thread.start()
    return thread
