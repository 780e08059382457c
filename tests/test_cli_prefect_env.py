"""The CLI's defaults for Prefect's embedded server: no phoning home, and time for a busy machine to start it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_PROBE = (
    "import cli.main\n"
    "from prefect.settings import PREFECT_SERVER_ANALYTICS_ENABLED as a, "
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS as t\n"
    "print(a.value(), t.value())\n"
)


def test_the_embedded_server_gets_time_to_start_and_never_phones_home() -> None:
    """A run on a loaded two-core machine timed out waiting 20 s (Prefect's default) for the embedded server. Prefect
    reads the settings in a fresh process as a user's command would."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_SERVER_")}
    out = subprocess.run([sys.executable, "-c", _PROBE], env=clean, capture_output=True, text=True, check=True,
                         timeout=120)
    assert out.stdout.strip() == "False 90"


@pytest.mark.slow  # (a second fresh interpreter importing Prefect, ~3 s: the default case above runs by default)
def test_a_users_own_prefect_settings_win() -> None:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("PREFECT_SERVER_")},
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "300", "PREFECT_SERVER_ANALYTICS_ENABLED": "true"}
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True,
                         timeout=120)
    assert out.stdout.strip() == "True 300"
