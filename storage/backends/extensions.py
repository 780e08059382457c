"""DuckDB extensions for DuckLake, loaded offline from the Python packages that ship them.

DuckDB installs extensions by downloading them, which the machines we run on may not reach. The
same files are published on PyPI (`duckdb-extension-ducklake`, `-postgres`, `-httpfs`, installed by
the `lake` extra) for exactly our DuckDB version. DuckDB looks for an extension at
`<extension_directory>/v<version>/<platform>/<name>.duckdb_extension`, so this module links the
packaged files into that layout in a cache folder and DuckDB autoloads them from there: no network,
and nothing installed twice. `python -m storage.backends.extensions` prints the folder, for the
DuckDB CLI or a notebook (`SET extension_directory = '...'`).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import tempfile
from pathlib import Path

import duckdb

# package -> (file in the package, the name DuckDB loads it by). The postgres extension's own
# name is `postgres_scanner`; httpfs is only needed for an `s3://` data path.
PACKAGES: dict[str, tuple[str, str]] = {
    "duckdb_extension_ducklake": ("ducklake", "ducklake"),
    "duckdb_extension_postgres": ("postgres", "postgres_scanner"),
    "duckdb_extension_httpfs": ("httpfs", "httpfs"),
}
REQUIRED = ("duckdb_extension_ducklake", "duckdb_extension_postgres")


class ExtensionsMissingError(RuntimeError):
    """The packages that carry the DuckLake extensions are not installed."""


def _packaged(package: str, name: str, version: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "extensions" / version / f"{name}.duckdb_extension"
    return path if path.is_file() else None


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "layoffwatch" / "duckdb-extensions"


def _link(source: Path, target: Path) -> None:
    """Point `target` at `source`, atomically (several processes may build the folder at once)."""
    if target.is_symlink() and target.resolve() == source.resolve():
        return
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    partial.symlink_to(source)
    os.replace(partial, target)


@functools.cache
def extension_dir() -> Path:
    """Return a folder DuckDB loads the packaged DuckLake extensions from (built on first use)."""
    version = "v" + duckdb.__version__
    probe = duckdb.connect()
    try:
        platform = probe.execute("PRAGMA platform").fetchone()
    finally:
        probe.close()
    found = {pkg: _packaged(pkg, file, version) for pkg, (file, _) in PACKAGES.items()}
    missing = [pkg.replace("_", "-") for pkg in REQUIRED if found[pkg] is None]
    if missing:
        raise ExtensionsMissingError(
            f"a DuckLake needs the packages {', '.join(missing)} {duckdb.__version__} "
            "(pip install 'layoffwatch[lake]')"
        )
    for root in (_cache_root(), Path(tempfile.gettempdir()) / f"layoffwatch-{os.getuid()}" / "duckdb-extensions"):
        folder = root / version / str(platform[0] if platform else "")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for pkg, source in found.items():
                if source is not None:
                    _link(source, folder / f"{PACKAGES[pkg][1]}.duckdb_extension")
        except OSError:
            continue  # a read-only home: the temporary folder next
        return root
    raise ExtensionsMissingError("no writable folder for the DuckDB extension links (home and temp are read-only)")


if __name__ == "__main__":
    print(extension_dir())
