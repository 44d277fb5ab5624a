"""p08 declaration form: the e-commerce platform declares a 1210 declaration list (order, buyer
identifier — stored only as a keyed hash —, customs, release date and its lines) on a page, as
the API and CLI do. The lines are a fixed number of rows (HS code, goods, quantity, unit price;
empty rows are skipped, `?rows=N` offers more, up to the schema's 50) rather than a CSV
textarea: every cell is its own field, so a mistake is reported on the row and column where it
was typed and the browser checks numbers before sending. A hidden idempotency key makes a
double submission return the first list instead of a duplicate-number error."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.ids import new_id
from ftz.core.web import idempotency
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.practices.cbec_returns import service, tax
from ftz.practices.cbec_returns.schemas import ListIn

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
DECLARE = Depends(require("cbec_returns.declare"))
BASE = "/cbec-returns"
ROWS, MAX_ROWS = 5, 50
LINE_FIELDS = ("hs_code", "name", "quantity", "unit_price")
LINE_KEY = re.compile(r"^line-(\d+)-(hs_code|name|quantity|unit_price)$")
LINE_LOC = re.compile(r"^lines\.(\d+)\.(\w+)$")


def _rows(values: dict[str, str]) -> list[dict[str, str]]:
    """The submitted line rows in order, each as typed (row numbers start at 1)."""
    rows: dict[int, dict[str, str]] = {}
    for key, value in values.items():
        if match := LINE_KEY.match(key):
            rows.setdefault(int(match[1]), {})[match[2]] = value.strip()
    return [{"row": str(n), **rows[n]} for n in sorted(rows)]


def _body(values: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The API body from the form, and for each line the form row it came from."""
    filled = [r for r in _rows(values) if any(r.get(f) for f in LINE_FIELDS)]
    lines = [{f: r.get(f, "") for f in LINE_FIELDS} for r in filled]
    header = ("number", "order_no", "buyer_id", "customs_code", "release_date")
    body = {k: values.get(k, "").strip() for k in header}
    return {**body, "lines": lines}, [r["row"] for r in filled]


def _named(problems: list[FieldProblem], rows: list[str]) -> list[FieldProblem]:
    """`lines.0.hs_code` becomes `line 3 · hs_code`: the row the user typed it in."""
    named = []
    for problem in problems:
        match = LINE_LOC.match(problem.field)
        if match and int(match[1]) < len(rows):
            problem = FieldProblem(f"line {rows[int(match[1])]} · {match[2]}", problem.reason)
        named.append(problem)
    return named


def _form(
    request: Request, values: dict[str, str], errors: list[FieldProblem], rows: int
) -> Response:
    typed = {r["row"]: r for r in _rows(values)}
    count = max(rows, max((int(n) for n in typed), default=0))
    context = {
        "values": values,
        "rows": [typed.get(str(n), {"row": str(n)}) for n in range(1, count + 1)],
        "more": min(count + ROWS, MAX_ROWS),
        "errors": errors,
        "customs": tax.customs_districts(),
        "customs_source": tax.customs_source(),
        "form_key": values.get("form_key") or new_id(),
        "today": service.today(),
    }
    return render(request, "cbec_returns/declare.html", context, status=422 if errors else 200)


@router.get("/lists/new", response_class=HTMLResponse)
def declaration_form(
    request: Request,
    rows: int = Query(ROWS, ge=1, le=MAX_ROWS),
    principal: Principal = DECLARE,
) -> Response:
    return _form(request, {}, [], rows)


@router.post("/lists", response_class=HTMLResponse)
async def declare_list(
    request: Request, session: Session = DB, principal: Principal = DECLARE
) -> Response:
    values = await form_values(request)
    body, rows = _body(values)
    try:
        data = ListIn.model_validate(body)

        def act() -> dict[str, Any]:
            return service.list_view(
                session, service.declare_list(session, principal=principal, data=data)
            )

        with session.begin_nested():
            # Named like the API's route: the form declares a list as POST /lists does.
            reply = idempotency.run(session, principal, values.get("form_key") or None,
                                    "cbec_returns/lists", data.model_dump(mode="json"), 201,
                                    act)  # fmt: skip
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status in (403, 404):
            raise
        return _form(request, values, _named(form_problems(exc), rows), ROWS)
    made = json.loads(bytes(reply.body))
    return RedirectResponse(f"{BASE}/lists/{made['id']}", status_code=303)
