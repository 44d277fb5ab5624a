"""Web-form helpers for p15: which errors a form shows again, blank fields as missing ones, and
the repeated rows (inventors, costs, decision-makers) of the forms turned into request bodies."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.web.forms import form_problems

INVENTOR_ROWS = 4


def shown_again(exc: FtzError | ValidationError) -> list[FieldProblem]:
    """The problems a form shows again (422). A record the user may not see (404) or an action
    their role may not take (403) is not a form mistake: the error page answers those."""
    if isinstance(exc, FtzError) and exc.status in (403, 404):
        raise exc
    return form_problems(exc)


def without_blanks(values: dict[str, str]) -> dict[str, Any]:
    """An empty field is a missing one, so the schema names it as required."""
    return {key: value.strip() for key, value in values.items() if value.strip() != ""}


def inventors(values: dict[str, str]) -> list[dict[str, str]]:
    """Rows `inventor_N` / `share_N` of the achievement form; fully blank rows are skipped."""
    rows = []
    for n in range(1, INVENTOR_ROWS + 1):
        who, share = values.get(f"inventor_{n}", "").strip(), values.get(f"share_{n}", "").strip()
        if who or share:
            rows.append({"researcher_id": who, "share_pct": share})
    return rows


def costs(values: dict[str, str], kinds: list[str]) -> list[dict[str, str]]:
    """One amount field per deductible cost kind (`cost_<kind>`); empty or zero ones skipped."""
    found = []
    for kind in kinds:
        raw = values.get(f"cost_{kind}", "").strip()
        if raw and raw not in ("0", "0.00"):
            found.append({"kind": kind, "amount": raw})
    return found


def names(raw: str) -> list[str]:
    """Decision-makers typed one a line or separated by commas (、，,)."""
    for separator in ("\n", "，", "、", ","):
        raw = raw.replace(separator, ";")
    return [n.strip() for n in raw.split(";") if n.strip()]
