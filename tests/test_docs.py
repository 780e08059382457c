"""The documentation matches the code: generated blocks are current, CI runs the README's command."""

from __future__ import annotations

import re
from pathlib import Path

from flows.docs import SETTINGS_END, SETTINGS_START, settings_table

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return re.findall(r"```bash\n(python3 -m venv [^\n]+)\n```", README)


def test_readme_settings_table_matches_settings() -> None:
    block = README.split(SETTINGS_START, 1)[1].split(SETTINGS_END, 1)[0].strip()
    assert block == settings_table(), "run `python -m flows.docs` to regenerate the README table"


def test_readme_has_the_two_commands_and_ci_runs_the_test_one() -> None:
    demo, tests = _commands()[:2]
    assert demo.endswith("layoffwatch demo")
    assert tests.endswith("-m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci, ".ci/run must run exactly the README's test command"
