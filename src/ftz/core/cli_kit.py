"""What every CLI command shares: one transaction, an acting user, one-line errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from sqlalchemy.orm import Session

from ftz.config import get_settings
from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, Principal, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.core.kit.errors import FtzError

AS_USER_OPTION = typer.Option(None, "--as", help="Act as this user (default: system operator)")
JSON_OPTION = typer.Option(False, "--json", help="Print one JSON object")


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


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    sys.exit(code)
