"""`ftz …` run inside the test process: the same commands, options and one-line errors as the
console script (`ftz.cli.main`), without starting a Python that imports every practice again
(a subprocess cost 2–6 s per command, most of the suite's slowest tests).

The environment a command sees is `env` on top of the test's own, for that command only;
settings and the ledger's in-process caches are reset around it, because each command may
point at another database, as each subprocess did."""

from __future__ import annotations

import contextvars
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import click
from typer.testing import CliRunner

from ftz.cli import app
from ftz.config import get_settings
from ftz.core.cli_kit import problem_line
from ftz.core.kit.errors import FtzError
from ftz.core.ledger import store

RUNNER = CliRunner()


@dataclass(frozen=True)
class CliResult:
    """What `subprocess.run(..., capture_output=True, text=True)` gave: code and both streams."""

    returncode: int
    stdout: str
    stderr: str


@contextmanager
def _environment(env: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    get_settings.cache_clear()
    store.reset_caches()
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        get_settings.cache_clear()
        store.reset_caches()


def run_cli(env: dict[str, str] | None, *args: str, input: str | None = None) -> CliResult:
    """`ftz ARGS` with `env` (e.g. FTZ_DATABASE_URL, FTZ_DATA_DIR) set for this command; errors
    end as `ftz.cli.main` ends them: one line on stderr and its exit code."""
    with _environment(env or {}):
        # A copy of the context, so the principal the command signs in as stays with it.
        result = contextvars.copy_context().run(
            RUNNER.invoke, app, list(args), input=input, standalone_mode=False
        )
    error, out = result.exception, result.stdout
    if isinstance(error, FtzError):
        line, code = problem_line(error)
        return CliResult(code, out, f"{result.stderr}error: {line}\n")
    if isinstance(error, click.exceptions.Abort):
        return CliResult(1, out, f"{result.stderr}error: aborted\n")
    if isinstance(error, click.ClickException):
        message = f"{result.stderr}error: {error.format_message()}\n"
        return CliResult(error.exit_code, out, message)
    if error is not None and not isinstance(error, SystemExit):
        raise error
    code = result.exit_code
    if isinstance(result.return_value, int) and result.return_value:
        code = result.return_value
    return CliResult(code, out, result.stderr)
