"""What the p23 page modules share: the permission dependencies, the list filters as a query
string (pager and CSV links), and which errors a form shows again."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Depends
from pydantic import ValidationError

from ftz.core.auth.deps import get_db, require
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.web.forms import form_problems

DB = Depends(get_db, scope="function")
READ = Depends(require("industry_transfer.read"))
REGISTER = Depends(require("industry_transfer.register"))
REPORT = Depends(require("industry_transfer.report"))
PARKS = Depends(require("industry_transfer.parks"))
BASE = "/industry-transfer"


def query_string(filters: dict[str, str]) -> str:
    """The list's filters as a query string, empty ones left out."""
    return urlencode({k: v for k, v in filters.items() if v})


def shown_again(exc: FtzError | ValidationError) -> list[FieldProblem]:
    """The problems a form shows again (422). A record the user may not see (404) or an action
    their role may not take (403) is not a form mistake: the error page answers those."""
    if isinstance(exc, FtzError) and exc.status in (403, 404):
        raise exc
    return form_problems(exc)


def without_blanks(values: dict[str, str]) -> dict[str, str]:
    """An empty field is a missing one, so the schema names it as required."""
    return {key: value.strip() for key, value in values.items() if value.strip() != ""}
