"""What the p18 page modules share: dependencies, and which errors a form shows again."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Depends
from pydantic import ValidationError

from ftz.core.auth.deps import get_db, require
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.web.forms import form_problems

DB = Depends(get_db, scope="function")
READ = Depends(require("sealed_transfer.read"))
COURT = Depends(require("sealed_transfer.court"))
STATS = Depends(require("sealed_transfer.stats"))
BASE = "/sealed-transfer"
T = "sealed_transfer/"


def shown_again(exc: FtzError | ValidationError) -> list[FieldProblem]:
    """The problems a form shows again (422). A case the user may not see (404) or a step
    their role may not take (403) is not a form mistake: the error page answers those."""
    if isinstance(exc, FtzError) and exc.status in (403, 404):
        raise exc
    return form_problems(exc)


def query_string(filters: dict[str, str]) -> str:
    return urlencode({k: v for k, v in filters.items() if v})
