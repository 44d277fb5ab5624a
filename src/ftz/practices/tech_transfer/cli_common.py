"""What the `ftz tech-transfer` command modules share: the Typer app, parsing a request body
with one-line errors, KEY=VALUE options, and finding a record the acting user may see by its
number or id."""

from __future__ import annotations

from typing import Any, TypeVar

import typer
from pydantic import BaseModel, ValidationError
from sqlalchemy import or_, select

from ftz.core.cli_kit import fail
from ftz.practices.tech_transfer import repository
from ftz.practices.tech_transfer.models import Achievement, Transfer

app = typer.Typer(no_args_is_help=True, help="p15 高校科技成果转化 university tech transfer")
Model = TypeVar("Model", bound=BaseModel)


def parse(schema: type[Model], data: dict[str, Any]) -> Model:
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "input"
        fail(f"{where}: {first['msg']}", 2)


def pairs(items: list[str], what: str) -> list[tuple[str, str]]:
    """`KEY=VALUE` or `KEY:VALUE` options as pairs."""
    found = []
    for item in items:
        key, sep, value = item.replace(":", "=", 1).partition("=")
        if not sep or not key or not value:
            fail(f"--{what} takes KEY=VALUE, not {item!r}", 2)
        found.append((key.strip(), value.strip()))
    return found


def find_achievement(session: Any, viewer: Any, ref: str) -> Achievement:
    query = select(Achievement).where(or_(Achievement.id == ref, Achievement.number == ref))
    found = session.scalar(repository.visible(query, Achievement, viewer))
    if found is None:
        fail(f"no achievement {ref!r} you may see")
    return found  # type: ignore[no-any-return]


def find_transfer(session: Any, viewer: Any, ref: str) -> str:
    query = select(Transfer.id).where(or_(Transfer.id == ref, Transfer.number == ref))
    found = session.scalar(repository.visible(query, Transfer, viewer))
    if found is None:
        fail(f"no transfer {ref!r} you may see")
    return str(found)
