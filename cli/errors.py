"""How the CLI fails: one line per failure, a documented exit code, the traceback in the log file.

Every failure a person sees has the same form, `error: what failed: why; what to do`, on stderr,
and one of three exit codes:

    0  done
    1  a systemic failure: the database is locked, every feed failed, a bug (traceback logged)
    2  bad input: a command line, setting, feeds file or path to fix

Commands raise `CliFailure` for what they can explain; `Group.invoke` turns it (and any other
exception, after logging its traceback) into that line, and `Group.main` does the same for
typer's usage errors. `--debug` lets the traceback through to the console instead.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

DONE = 0
SYSTEMIC = 1
BAD_INPUT = 2

EPILOG = (
    "Exit codes: 0 done; 1 systemic failure (locked database, every feed failing, a bug); "
    "2 bad input (a command line, setting, feeds file or path to fix). "
    "A failure prints one line: 'error: what failed: why; what to do'. "
    "Tracebacks and Prefect's run logs go to layoffwatch.log beside the database "
    "(LAYOFFWATCH_LOG); --debug prints them on the console instead."
)

logger = logging.getLogger("layoffwatch.cli")


class CliFailure(Exception):
    """A failure the user can act on: printed as one line, the command exits with `code`."""

    def __init__(self, what: str, why: str, todo: str = "", code: int = SYSTEMIC) -> None:
        super().__init__(what, why, todo, code)
        self.what, self.why, self.todo, self.code = what, why, todo, code

    def __str__(self) -> str:
        return self.line()

    def line(self) -> str:
        """Return the one console line: `error: what failed: why; what to do`."""
        why = self.why.strip().rstrip(".") if self.todo else self.why  # "Missing argument 'SQL'.; see ..." reads badly
        text = f"error: {self.what}: {why}" + (f"; {self.todo}" if self.todo else "")
        return one_line(text)


def one_line(text: str, limit: int = 1000) -> str:
    """Return `text` on one line (whitespace runs collapsed), cut to `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def os_reason(path: Path, exc: OSError) -> str:
    """Return why `path` could not be written, in words ("x is a file, not a folder", "Permission denied")."""
    for parent in (path, *path.parents):
        if parent.exists():
            if parent != path and not parent.is_dir():
                return f"{parent} is a file, not a folder"
            break
    return exc.strerror or str(exc)


def fail(what: str, why: str, todo: str = "", code: int = SYSTEMIC) -> NoReturn:
    """Raise the CliFailure for what failed, why, and what to do."""
    raise CliFailure(what, why, todo, code)


def say(text: str) -> None:
    """Print a progress or hint line on stderr, as is (no markup, no wrapping)."""
    typer.echo(text, err=True)


Explainer = Callable[[BaseException], CliFailure | None]
# Turn exceptions of other layers (locks, settings, config files) into failures; see cli.preflight.
EXPLAINERS: list[Explainer] = []


def explain(exc: BaseException) -> CliFailure | None:
    """Return the failure that explains `exc` in words, or None when nothing knows it."""
    if isinstance(exc, CliFailure):
        return exc
    for explainer in EXPLAINERS:
        failure = explainer(exc)
        if failure is not None:
            return failure
    return None


def _unexpected(command: str, exc: BaseException) -> CliFailure:
    from cli.logs import log_file

    logger.error("layoffwatch %s failed", command, exc_info=exc)
    where = log_file()
    details = f"the traceback is in {where}" if where else "run it again with --debug for the traceback"
    return CliFailure(f"{command} failed", f"{type(exc).__name__}: {exc}", f"{details}; please report it if it persists")


class Command(TyperCommand):
    """A typer command whose help shows no type noise (`<bool>` after flags, `{sql}` braces)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _quiet_flags(super().get_params(ctx))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = (param.metavar or param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces


class Group(TyperGroup):
    """The `layoffwatch` command group: every failure becomes one line and an exit code."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _quiet_flags(super().get_params(ctx))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except ClickException as exc:
            if not standalone_mode:
                raise
            if not isinstance(exc, NoArgsIsHelpError):  # that one has printed the help already
                say(_usage_line(exc))
            sys.exit(exc.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            say("error: aborted")
            sys.exit(SYSTEMIC)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else DONE)

    def invoke(self, ctx: Any) -> Any:
        from cli.logs import command_logging

        debug = bool(ctx.params.get("debug"))
        with command_logging(debug):
            try:
                return super().invoke(ctx)
            except (ClickException, typer.Exit, typer.Abort):
                raise
            except BrokenPipeError:
                # The reader of our output went away (`| head`): no error line, nobody is left to read
                # it. stdout goes to /dev/null so the final flush does not fail again; exit 1, as rich
                # does when the pipe closes under one of its writes.
                logger.info("layoffwatch: the reader of the output closed it; stopping")
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                raise typer.Exit(SYSTEMIC) from None
            except Exception as exc:
                failure = explain(exc)
                if debug:  # the traceback on the console, and still the documented exit code
                    traceback.print_exception(exc, file=sys.stderr)
                command = ctx.invoked_subcommand or "layoffwatch"  # known once the group has resolved it
                if failure is None:
                    failure = _unexpected(command, exc)
                elif failure.code == SYSTEMIC and failure is not exc:
                    logger.warning("layoffwatch %s: %s", command, failure.line(), exc_info=exc)
                say(failure.line())
                raise typer.Exit(failure.code) from None


class Typer(typer.Typer):
    """typer.Typer whose commands are `Command`s unless told otherwise."""

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any) -> Any:
        return super().command(name, cls=cls or Command, **kwargs)


def _quiet_flags(params: list[Any]) -> list[Any]:
    for param in params:
        # A flag takes no value, so its help shows no type: an empty metavar hides typer's `<bool>`.
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""
        # An argument with a metavar (SQL) is named by it; typer would add its Python type (`<str>`).
        if isinstance(param, TyperArgument) and param.metavar:
            setattr(param, "display_type_rich", _no_type)  # noqa: B010 - typer has no option for this
    return params


def _no_type(ctx: Any) -> None:
    return None


def _usage_line(exc: ClickException) -> str:
    ctx = getattr(exc, "ctx", None)
    path = ctx.command_path if ctx is not None else "layoffwatch"
    return CliFailure(path, exc.format_message(), f"see `{path} --help`", exc.exit_code).line()
