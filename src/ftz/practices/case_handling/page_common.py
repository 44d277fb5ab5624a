"""What the p26 page modules share: permission dependencies, the case types, the query string
of a list's filters, and which errors a form shows again (422) rather than the error page."""

from __future__ import annotations

from typing import get_args
from urllib.parse import urlencode

from fastapi import Depends
from pydantic import ValidationError

from ftz.core.auth.deps import get_db, require
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.web.forms import form_problems
from ftz.practices.case_handling.schemas import CaseType

DB = Depends(get_db, scope="function")
READ = Depends(require("case_handling.read"))
SEARCH = Depends(require("case_handling.search"))
JUDGE = Depends(require("case_handling.judge"))
SUPERVISE = Depends(require("case_handling.supervise"))
SUBMIT = Depends(require("case_handling.submit"))
STATS = Depends(require("case_handling.stats"))
BASE = "/case-handling"
CASE_TYPES: tuple[str, ...] = get_args(CaseType)


def query_string(filters: dict[str, object]) -> str:
    return urlencode({k: v for k, v in filters.items() if v not in ("", None)})


def shown_again(exc: FtzError | ValidationError) -> list[FieldProblem]:
    """Problems the form shows again (422). A record the user may not see (404) or an action
    their role may not take (403) is not a form mistake: the error page answers those."""
    if isinstance(exc, FtzError) and exc.status in (403, 404):
        raise exc
    return form_problems(exc)
