"""Row scoping shared by every practice's repository: which rows of an org-owned table a
principal may read, and "not found" (never "forbidden") for the others, so an enterprise cannot
probe another organization's ids."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal, visibility
from ftz.core.kit.errors import not_found

Row = TypeVar("Row")


def scoped(
    query: Select[Any],
    model: Any,
    principal: Principal,
    departments: Iterable[str],
    roles: Iterable[str] = (),
) -> Select[Any]:
    """`query` narrowed to what `principal` may read of `model` (see `visibility`)."""
    seen = visibility(principal, departments, roles)
    if seen == "own":
        return query.where(model.org_id == principal.org_id)
    return query if seen == "all" else query.where(false())


def get_owned(
    session: Session,
    principal: Principal,
    model: type[Row],
    id_: str,
    departments: Iterable[str],
    *,
    what: str | None = None,
    lock: bool = False,
) -> Row:
    """The row `id_` of `model` if `principal` may read it, else a 404 problem naming `what`."""
    query = scoped(select(model).where(model.id == id_), model, principal, departments)  # type: ignore[attr-defined]
    found = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found(what or model.__name__.lower())
    return found  # type: ignore[no-any-return]
