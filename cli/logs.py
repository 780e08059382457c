"""Where a CLI command's logs go: a log file for Prefect's run logs and tracebacks, not the console.

A failing flow makes Prefect log its traceback twice and its run states on the console, hundreds of
lines before our one-line reason. Unless `--debug`, a command raises Prefect's console handlers to
CRITICAL (through Prefect's own `PREFECT_LOGGING_HANDLERS_*_LEVEL` variables when Prefect is
imported later, on the handlers themselves when it is loaded already; they stay raised, since
Prefect logs the temporary server's shutdown at exit), and while it runs every record at INFO and
above goes to `LAYOFFWATCH_LOG`, default `layoffwatch.log` beside the database. The file is opened
on the first record, so a command that logs nothing creates nothing.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOG_NAME = "layoffwatch.log"
# Rotated at 5 MB with two old files kept: a year of 15-minute runs stays under 15 MB.
MAX_BYTES = 5_000_000
BACKUPS = 2
# Prefect's handlers that write to the console (logging.yml names them `console` and `debug`).
_PREFECT_CONSOLE_ENV = ("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "PREFECT_LOGGING_HANDLERS_DEBUG_LEVEL")
_PREFECT_CONSOLE_CLASSES = ("PrefectConsoleHandler", "_SafeStreamHandler")

_active: list[LazyFileHandler] = []


def log_path() -> Path:
    """Return where the log goes: LAYOFFWATCH_LOG, else layoffwatch.log beside the database."""
    from pydantic import ValidationError

    from ingest.settings import Settings, is_lake_uri, load_settings

    try:
        settings = load_settings()
    except ValidationError:  # a bad setting is reported by the command; the log still needs a home
        explicit = os.environ.get("LAYOFFWATCH_LOG")
        if explicit:
            return Path(explicit)
        db = os.environ.get("LAYOFFWATCH_DB", "")
        folder = Path(db).parent if db and not is_lake_uri(db) else Path(Settings.model_fields["db"].default).parent
        return folder / LOG_NAME
    if settings.log is not None:
        return settings.log
    # Beside the database file; a DuckLake has no folder, so its log goes where a file would be.
    folder = settings.db.parent if isinstance(settings.db, Path) else Path(Settings.model_fields["db"].default).parent
    return folder / LOG_NAME


def log_file() -> Path | None:
    """Return the file the running command logs to (None: nothing logged yet, or no writable place)."""
    return _active[-1].path if _active else None


class LazyFileHandler(logging.Handler):
    """A rotating log file opened on the first record, in the temp folder when its own is not writable."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.path: Path | None = None
        self._file: logging.Handler | None = None
        self._tried = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self._tried:
            self._tried = True
            self._file = self._open()
        if self._file is not None:
            self._file.emit(record)

    def _open(self) -> logging.Handler | None:
        for path in (log_path(), Path(tempfile.gettempdir()) / LOG_NAME):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                handler = logging.handlers.RotatingFileHandler(
                    path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
                )
            except OSError:
                continue
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            self.path = path
            return handler
        return None

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


@contextmanager
def command_logging(debug: bool) -> Iterator[None]:
    """Log to the file while the block runs; keep Prefect off the console unless `debug`."""
    handler = LazyFileHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    _active.append(handler)
    saved_env = {name: os.environ.get(name) for name in _PREFECT_CONSOLE_ENV}
    if not debug:
        _quiet_prefect_console()
    try:
        yield
    finally:
        _active.remove(handler)
        root.removeHandler(handler)
        handler.close()
        _restore_env(saved_env)


def reattach() -> None:
    """Put the running command's log file back on the root logger once Prefect is loaded.

    Importing Prefect configures logging afresh (`logging.config.dictConfig`), which replaces the
    root logger's handlers; call this after the imports, before the first flow run.
    """
    root = logging.getLogger()
    for handler in _active:
        if handler not in root.handlers:
            root.addHandler(handler)


def _prefect_console_handlers() -> list[logging.Handler]:
    if "prefect.logging.handlers" not in sys.modules:
        return []
    loggers = [logging.getLogger(), logging.getLogger("prefect._internal")]
    return [h for lg in loggers for h in lg.handlers if type(h).__name__ in _PREFECT_CONSOLE_CLASSES]


def _quiet_prefect_console() -> None:
    for name in _PREFECT_CONSOLE_ENV:
        os.environ[name] = "CRITICAL"
    for handler in _prefect_console_handlers():
        handler.setLevel(logging.CRITICAL)


def _restore_env(env: dict[str, str | None]) -> None:
    # Prefect's console handlers stay raised: Prefect logs the temporary server's shutdown at
    # interpreter exit, after the command, and that line must not follow our last one.
    for name, value in env.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
