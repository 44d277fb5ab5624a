"""What the p28 page modules share: permission dependencies, the list's query string, which
errors a form shows again, and the labels of codes (documents, tests, categories)."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Depends
from pydantic import ValidationError

from ftz.core.auth.deps import get_db, require
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.web.forms import form_problems

DB = Depends(get_db, scope="function")
READ = Depends(require("certification_one_stop.read"))
APPLY = Depends(require("certification_one_stop.apply"))
CERTIFY = Depends(require("certification_one_stop.certify"))
PUBLISH = Depends(require("certification_one_stop.publish"))
VERIFY = Depends(require("certification_one_stop.verify"))
BASE = "/certification-one-stop"


def query_string(filters: dict[str, str]) -> str:
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


def split_list(text: str) -> list[str]:
    """Comma, 、 or newline separated items of a text field."""
    return [p.strip() for p in text.replace("、", ",").replace("\n", ",").split(",") if p.strip()]
