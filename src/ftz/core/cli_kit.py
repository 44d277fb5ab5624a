"""What every CLI command shares: one transaction, an acting user, one-line errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ftz.config import get_settings
from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, Principal, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.core.kit.errors import FtzError

AS_USER_OPTION = typer.Option(None, "--as", help="Act as this user (default: system operator)")
JSON_OPTION = typer.Option(False, "--json", help="Print one JSON object")
Model = TypeVar("Model", bound=BaseModel)


@contextmanager
def cli_session(as_user: str | None = None) -> Iterator[tuple[Session, Principal]]:
    """One transaction for the whole command, committed only if the command succeeds."""
    engine = make_engine(get_settings().resolved_database_url)
    try:
        with unit_of_work(make_sessionmaker(engine)) as session:
            principal = SYSTEM
            if as_user:
                user = accounts.get_user_by_username(session, as_user)
                if user is None:
                    raise FtzError(detail=f"no user {as_user!r}", status=404)
                principal = accounts.principal_for(user, "cli")
            current_principal.set(principal)
            yield session, principal
    finally:
        engine.dispose()


def emit(data: Any, as_json: bool, text: str) -> None:
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, default=str))
    else:
        typer.echo(text)


def read_model(path: Path, model: type[Model]) -> Model:
    """A command's JSON input file as `model`, or one line naming the file, field and reason."""
    try:
        return model.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except OSError as exc:
        fail(f"{path}: {exc.strerror}", 2)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        fail(f"{path}: not JSON ({exc})", 2)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{path}: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}", 2)


def problem_line(exc: FtzError) -> tuple[str, int]:
    """An error a service raised as one line and an exit code: 2 for refused input (400, 409,
    422), 1 otherwise (not found, forbidden)."""
    reason = f"{exc.errors[0].field}: {exc.errors[0].reason}" if exc.errors else exc.detail
    return reason, 2 if exc.status in (400, 409, 422) else 1


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    sys.exit(code)
