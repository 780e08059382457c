"""The house rules, checked by the house: pure ingest/, SQL only in storage/, no Prefect below flows/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# SQL in our code is upper-case by convention; these shapes do not occur in prose or log lines.
SQL = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW|INDEX)\b|\bCHECKPOINT\b",
    re.S,
)


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", _modules("ingest"), ids=lambda p: p.name)
def test_ingest_is_pure(path: Path) -> None:
    forbidden = _imports(path) & {"prefect", "duckdb", "storage", "flows"}
    assert not forbidden, f"{path.name} imports {forbidden}"


@pytest.mark.parametrize("path", _modules("storage"), ids=lambda p: p.name)
def test_storage_does_not_orchestrate(path: Path) -> None:
    assert not _imports(path) & {"prefect", "flows"}


@pytest.mark.parametrize("path", _modules("ingest") + _modules("flows") + _modules("deployments"), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_sql_outside_storage(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            assert node.func.attr not in {"execute", "executemany", "sql"}, f"{path.name}:{node.lineno} runs SQL"
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
            pytest.fail(f"{path.name}:{node.lineno} holds SQL text: {node.value[:40]!r}")
