"""What the p05 page modules share: permission dependencies, reading a conditions form, the
filters' query string and which errors a form shows again."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.web.forms import form_problems, form_values

DB = Depends(get_db, scope="function")
LOOKUP = Depends(require("cargo_rules.lookup"))
READ = Depends(require("cargo_rules.read"))
REQUEST = Depends(require("cargo_rules.request"))
MANAGE = Depends(require("cargo_rules.manage"))
BASE = "/cargo-rules"
T = "cargo_rules/"
LIST_SPLIT = re.compile(r"[,，、;；]")
TEXT_FIELDS = (
    "regime",
    "imsbc_group",
    "imdg_class",
    "un_number",
    "packing_group",
    "tml_test",
    "stowage_category",
    "segregation",
    "conditions_zh",
    "conditions_en",
)


def query_string(filters: dict[str, str]) -> str:
    return urlencode({k: v for k, v in filters.items() if v})


def split_list(text: str) -> list[str]:
    """ "188, 230、310" → ["188", "230", "310"]: commas, Chinese commas or semicolons."""
    return [part.strip() for part in LIST_SPLIT.split(text) if part.strip()]


def conditions_from(values: dict[str, str]) -> dict[str, Any]:
    """The conditions part of a submitted form, typed as the schemas expect it."""
    found: dict[str, Any] = {name: values.get(name, "").strip() for name in TEXT_FIELDS}
    found["mhb"] = values.get("mhb") == "on"
    found["special_provisions"] = split_list(values.get("special_provisions", ""))
    return found


def shown_again(exc: FtzError | ValidationError) -> list[FieldProblem]:
    """The problems a form shows again (422). A record the user may not see (404) or an action
    their role may not take (403) is not a form mistake: the error page answers those."""
    if isinstance(exc, FtzError) and exc.status in (401, 403, 404):
        raise exc
    return form_problems(exc)


async def run_form(
    request: Request,
    session: Session,
    done: str,
    action: Callable[[dict[str, str]], Any],
    again: Callable[[Any, dict[str, str]], Response],
) -> Response:
    """Run one form's service call in a savepoint: redirect on success, the page again (422)
    with the problems and what was typed otherwise."""
    values = await form_values(request)
    try:
        with session.begin_nested():
            action(values)
    except (FtzError, ValidationError) as exc:
        return again(shown_again(exc), values)
    return RedirectResponse(done, status_code=303)
