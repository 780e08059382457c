"""Checks that need no server, run before a command starts Prefect: settings, feeds file, database.

A bad setting, a malformed feeds file, a database path that cannot be written or a database held by
another process are all known in a second; without these checks each surfaced only after Prefect's
temporary server had started, inside a flow run's traceback. Each check raises a `CliFailure`
(exit 2 for input to fix, 1 for a lock). The explainer registered here words the same errors when
they surface later, inside a run.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from cli.errors import BAD_INPUT, EXPLAINERS, SYSTEMIC, CliFailure, fail, one_line, os_reason, say
from ingest.models.errors import ConfigError
from ingest.models import FeedConfig
from ingest.settings import LakeTarget, Settings, load_settings
from storage.db import connect
from storage.errors import DatabaseError, DatabaseLockedError
from storage.snapshot import snapshot_path

# The database `layoffwatch demo` writes (the data commands name it when the default is missing).
DEMO_DB = Path("data/demo.duckdb")


def settings_or_fail() -> Settings:
    """Return the settings from the environment, or fail naming each bad variable."""
    try:
        return load_settings()
    except ValidationError as exc:
        raise settings_failure(exc) from None


def settings_failure(exc: ValidationError) -> CliFailure:
    """Return the failure naming each LAYOFFWATCH_ variable `exc` refused, with its value."""
    problems = []
    for error in exc.errors():
        name = "LAYOFFWATCH_" + "_".join(str(part) for part in error["loc"][:1]).upper()
        problems.append(f"{name}={error.get('input')!r}: {error['msg']}")
    return CliFailure("settings", "; ".join(problems), "fix or unset that variable", BAD_INPUT)


def feeds_or_fail(settings: Settings) -> list[FeedConfig]:
    """Return the feed list, or fail naming the bad entry (exit 2)."""
    from ingest.feeds.feedlist import load_feeds

    try:
        return load_feeds(settings.feeds)
    except ConfigError as exc:
        raise config_failure(exc) from None


def config_failure(exc: ConfigError) -> CliFailure:
    """Return the failure for a missing or malformed feeds file."""
    reason = exc.reason.removeprefix("feeds file ")  # "feeds file x.toml: not found", not "... feeds file not found"
    return CliFailure(f"feeds file {exc.url}", reason, "fix it, or pass --feeds with another file", BAD_INPUT)


def lock_failure(path: Path | LakeTarget, exc: DatabaseLockedError) -> CliFailure:
    """Return the failure for a database another process holds (exit 1: retry later)."""
    holder = f"process {exc.holder_pid}" if exc.holder_pid else "another process"
    snapshot = snapshot_path(path) if isinstance(path, Path) else None
    meanwhile = f"; to read meanwhile, open {snapshot}" if snapshot and snapshot.exists() and snapshot != path else ""
    return CliFailure(
        f"database {path}", f"locked by {holder} (a pipeline run or another DuckDB session)",
        f"close that session or wait for the run to end, then retry{meanwhile}", SYSTEMIC,
    )


def writable_db(db: Path | LakeTarget, lock_timeout: float, *, must_exist: bool = False) -> None:
    """Fail unless `db` can be opened for writing now: its folder writable, the file a database, not held.

    A DuckLake is checked when the command opens it (its catalog is a server, not a path).
    """
    if not isinstance(db, Path):
        return
    path = db
    what = f"database {path}"
    if must_exist and not path.is_file():
        fail(what, "no such file", where_databases_are(), BAD_INPUT)
    if path.is_dir():
        fail(what, "is a folder", "pass --db with a file path, e.g. data/layoffwatch.duckdb", BAD_INPUT)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The spool and the snapshot are written beside the database, so the folder must take new files.
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".layoffwatch-check-"):
            pass
        if path.exists() and not os.access(path, os.W_OK):
            raise PermissionError(f"{path} is read-only")
    except OSError as exc:
        why = f"cannot write in {path.parent}: {os_reason(path, exc)}"
        fail(what, why, "pass --db (or set LAYOFFWATCH_DB) with a path you can write", BAD_INPUT)
    _open_now(path, lock_timeout)


def _open_now(path: Path, lock_timeout: float) -> None:
    try:
        try:
            with connect(path, lock_timeout=0):
                return
        except DatabaseLockedError as exc:
            holder = f"process {exc.holder_pid}" if exc.holder_pid else "another process"
            say(f"waiting up to {lock_timeout:.0f} s for {path}, locked by {holder} (LAYOFFWATCH_LOCK_TIMEOUT)...")
        with connect(path, lock_timeout=lock_timeout):
            return
    except DatabaseLockedError as exc:
        raise lock_failure(path, exc) from None
    except DatabaseError as exc:
        why = one_line(str(exc).split("\n\n")[0])
        fail(f"database {path}", why, "pass --db with a layoffwatch DuckDB file (or a new path)", BAD_INPUT)


def where_databases_are() -> str:
    """Return a hint naming the databases that exist here (the pipeline's, the demo's), or who writes them."""

    pipeline = Settings.model_fields["db"].default
    writers = ((Path(pipeline), "`layoffwatch run`"), (DEMO_DB, "`layoffwatch demo`"))
    found = [f"{db} (written by {who})" for db, who in writers if db.is_file()]
    if found:
        return "pass --db with one of the databases here: " + ", ".join(found)
    return f"`layoffwatch run` writes {pipeline}, `layoffwatch demo` writes {DEMO_DB}: run one first, or pass --db"


def announce_prefect() -> None:
    """Say on stderr that Prefect is starting, when this process has to start its temporary server.

    Call it right before the first flow run: it also puts the command's log file back in place,
    which importing Prefect took away.
    """
    from prefect.settings import get_current_settings

    from cli.logs import reattach

    reattach()
    if not get_current_settings().api.url:
        say("starting Prefect (first run takes ~15 s)...")


def _explain(exc: BaseException) -> CliFailure | None:
    if isinstance(exc, DatabaseLockedError):
        return lock_failure(exc.path, exc)
    if isinstance(exc, ConfigError):
        return config_failure(exc)
    if isinstance(exc, ValidationError) and exc.title == Settings.__name__:
        return settings_failure(exc)
    return None


EXPLAINERS.append(_explain)
