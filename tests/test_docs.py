"""The documentation matches the code: generated blocks are current, CI runs the README's command."""

from __future__ import annotations

import re
from pathlib import Path

from cli.docs import SETTINGS_END, SETTINGS_START, settings_table

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return re.findall(r"```bash\n(python3 -m venv [^\n]+)\n```", README)


def test_readme_settings_table_matches_settings() -> None:
    block = README.split(SETTINGS_START, 1)[1].split(SETTINGS_END, 1)[0].strip()
    assert block == settings_table(), "run `python -m cli.docs` to regenerate the README table"


def test_readme_has_the_two_commands_and_ci_runs_the_test_one() -> None:
    demo, tests = _commands()[:2]
    assert demo.endswith("layoffwatch demo")
    assert tests.endswith("-m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci, ".ci/run must run exactly the README's test command"


def test_prefect_yaml_entrypoints_are_our_flows() -> None:
    import importlib

    import yaml
    from prefect import Flow

    spec = yaml.safe_load((ROOT / "deployments" / "prefect.yaml").read_text(encoding="utf-8"))
    names = {}
    for deployment in spec["deployments"]:
        path, function = deployment["entrypoint"].split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        flow = getattr(module, function)
        assert isinstance(flow, Flow)
        names[deployment["name"]] = flow.name
    assert names == {"layoffwatch-ingest": "ingest", "layoffwatch-backfill": "backfill"}


def test_every_layoffwatch_variable_named_in_docs_and_tests_is_a_setting() -> None:
    # A misspelt or retired name is silently ignored by pydantic-settings: a test setting it
    # would run on defaults while claiming otherwise, and a README line would send users nowhere.
    from ingest.settings import Settings

    known = {f"LAYOFFWATCH_{name.upper()}" for name in Settings.model_fields}
    known.add("LAYOFFWATCH_HOME")  # not a setting: deployments/prefect.yaml's working directory
    texts = {"README.md": README} | {
        str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "tests").glob("*.py")) + sorted((ROOT / "flows").glob("*.py"))
    }
    unknown = {
        f"{where}: {name}" for where, text in texts.items()
        for name in re.findall(r"\bLAYOFFWATCH_[A-Z][A-Z_]*[A-Z]\b", text) if name not in known
    }
    assert not unknown, sorted(unknown)


def test_the_readme_query_commands_open_the_database_with_the_installed_duckdb_cli(
    tmp_path: Path, migrated_db: Path
) -> None:
    # Issue 17: a file written by DuckDB 2.x could not be opened by the 1.x clients users have. The
    # README's own lines, run with the `duckdb` command the install brings (duckdb-cli, pinned to the
    # library's version), must open a database the pipeline wrote.
    import shutil
    import subprocess
    import sys

    from tests.conftest import copy_migrated

    # A migrated database, as a run leaves it.
    copy_migrated(migrated_db, tmp_path / "data" / "layoffwatch.snapshot.duckdb")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line for line in readme.splitlines() if line.startswith((".venv/bin/duckdb ", ".venv/bin/python -c"))]
    assert lines, "the README shows how to query the file with the DuckDB CLI and with Python"
    cli = shutil.which("duckdb", path=str(Path(sys.executable).parent))
    assert cli is not None, "the install brings the duckdb command (duckdb-cli)"
    for line in lines:
        program = cli if line.startswith(".venv/bin/duckdb") else sys.executable
        command = line.replace(".venv/bin/duckdb", program, 1).replace(".venv/bin/python", sys.executable, 1)
        done = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"{line}\n{done.stderr[-500:]}"
        assert "0" in done.stdout
