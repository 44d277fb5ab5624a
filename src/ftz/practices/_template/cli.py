"""Typer sub-app over the same service; --json on every command that reports."""

from __future__ import annotations

import typer

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit
from ftz.practices._template import service
from ftz.practices._template.schemas import ItemCreate, ItemRead

app = typer.Typer(no_args_is_help=True, help="Template practice")


@app.command("create")
def create(title: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    with cli_session(as_user) as (session, principal):
        item = service.create_item(session, principal=principal, data=ItemCreate(title=title))
        read = ItemRead.model_validate(item).model_dump(mode="json")
    emit(read, as_json, f"{read['id']} {read['title']}")
