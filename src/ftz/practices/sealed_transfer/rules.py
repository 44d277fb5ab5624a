"""The p18 decision tables (rules/*.json) as the service uses them: the step guards (which step
needs which prior state and which facts, with sources), the court's screening, the default
creditor ranks and the court's price review. A refused step raises one problem carrying every
fired row: 409 when the case is in the wrong state, otherwise 422 naming the field at fault."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.rules import RuleSet

RULES = Path(__file__).parent / "rules"
# Which input a refusal is about, so forms and problems point at the right field.
FIELD_OF = {
    "amount_not_positive": "amount",
    "deposit_exceeds_price": "amount",
    "exceeds_agreed": "amount",
    "overdraw": "amount",
    "price_below_minimum": "price",
    "agreed_exceeds_price": "min_price",
    "creditor_missing": "allocations",
    "consent_missing": "consents",
    "no_agreement": "allocations",
    "signature_missing": "signatures",
    "no_contract": "contract_no",
    "price_too_low": "min_price",
    "escrow_incomplete": "balance",
    "priority": "party_id",
    "creditors_first": "party_id",
    "creditors_unpaid": "payouts",
    "balance_left": "balance",
    "nothing_left": "balance",
    "refund_first": "balance",
}
GUARD_FACTS: dict[str, Any] = {
    "agreement_drafted": False,
    "creditors_unallocated": 0,
    "consents_missing": 0,
    "total_agreed": 0,
    "min_price": 0,
    "price_verdict": "",
    "contract_drafted": False,
    "signatures_missing": 0,
    "price": 0,
    "amount": 0,
    "balance": 0,
    "outstanding": 0,
    "earlier_unpaid": 0,
    "unpaid_creditors": 0,
}


@cache
def rules() -> RuleSet:
    return RuleSet(RULES)


def guard(step: str, status: str, facts: dict[str, Any]) -> list[dict[str, Any]]:
    """The fired rows of rules/steps.json for this step; raises when any fired."""
    decision = rules().evaluate(
        "steps.json", {**GUARD_FACTS, **facts, "step": step, "status": status}
    )
    fired = decision.explanation()
    if not fired:
        return []
    failures = [row["outputs"]["failure"] for row in fired]
    problems = [
        FieldProblem(
            "status" if f == "wrong_state" else FIELD_OF.get(f, "form"),
            f"{row['outputs']['reason_zh']} / {row['outputs']['reason_en']} ({row['row_id']})",
        )
        for f, row in zip(failures, fired, strict=True)
    ]
    wrong_state = "wrong_state" in failures
    raise FtzError(
        detail="; ".join(p.reason for p in problems),
        status=409 if wrong_state else 422,
        title="Conflict" if wrong_state else "Invalid input",
        type_slug="conflict" if wrong_state else "validation",
        errors=problems,
    )


def screening(facts: dict[str, Any]) -> list[dict[str, Any]]:
    """The fired rows of rules/screening.json: empty means the case suits a sealed transfer."""
    return rules().evaluate("screening.json", facts).explanation()


def default_rank(claim_basis: str) -> dict[str, Any]:
    decision = rules().evaluate("priority.json", {"claim_basis": claim_basis})
    return {**dict(decision.result or {}), "why": decision.explanation()}


def price_review(min_price_fen: int, appraised_fen: int) -> tuple[str, list[dict[str, Any]]]:
    ratio = min_price_fen / appraised_fen if appraised_fen else 0.0
    decision = rules().evaluate("price_check.json", {"ratio": round(ratio, 6)})
    return str(decision.result["verdict"]), decision.explanation()


def table_rows(key: str) -> list[dict[str, Any]]:
    """Every row of a table with its conditions, outputs and source, as the rules page shows."""
    table = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
    inputs = {i["id"]: i["field"] for i in table["content"]["inputs"]}
    rows = []
    for row in table["content"]["rules"]:
        when = {inputs[k]: v for k, v in row.items() if k in inputs and v}
        then = {k[4:]: str(v).strip('"') for k, v in row.items() if k.startswith("out_")}
        rows.append(
            {"row_id": row["_id"], "description": row.get("_description", ""), "when": when, **then}
        )
    return rows


def state_allows(step: str, status: str) -> bool:
    """Whether rules/steps.json lets `step` happen in `status` (the prior-state rows only)."""
    decision = rules().evaluate("steps.json", {**GUARD_FACTS, "step": step, "status": status})
    return not any(row["outputs"]["failure"] == "wrong_state" for row in decision.explanation())
