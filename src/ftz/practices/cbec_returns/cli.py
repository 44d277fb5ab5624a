"""`ftz cbec-returns …`: declare lists and returns from the API's JSON bodies, approve or refuse
returns, reconcile the double-entry accounts and print statistics. Bad input: one `error:`
line, exit 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.core.kit.errors import FtzError
from ftz.practices.cbec_returns import accounts, repository, service
from ftz.practices.cbec_returns.schemas import DecisionIn, ListIn, ReturnIn

app = typer.Typer(no_args_is_help=True, help="p08 跨境电商网购保税零售进口商品跨关区退货")
FILE = typer.Argument(..., dir_okay=False)


def _run(as_user: str | None, action: Any) -> Any:
    try:
        with cli_session(as_user) as (session, principal):
            return action(session, principal)
    except FtzError as exc:
        # Input the service refuses is the caller's to fix (2); denial or absence is 1.
        fail(exc.detail.replace("\n", " "), 2 if exc.status in (400, 409, 422) else 1)


@app.command("declare")
def declare(
    body: Path = FILE, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Declare a declaration list (platform) from LIST.json: tax computed from the rules."""
    data = read_model(body, ListIn)

    def act(session: Session, principal: Principal) -> dict[str, Any]:
        return service.list_view(session, service.declare_list(session, principal=principal,
                                                               data=data))  # fmt: skip

    out = _run(as_user, act)
    emit(out, as_json, f"{out['number']} {out['regime']} tax {out['tax']:.2f} ({out['id']})")


@app.command("return")
def declare_return(
    body: Path = FILE, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Declare a return (platform) from RETURN.json at any participating customs."""
    data = read_model(body, ReturnIn)

    def act(session: Session, principal: Principal) -> dict[str, Any]:
        return service.return_view(service.declare_return(session, principal=principal,
                                                          data=data))  # fmt: skip

    out = _run(as_user, act)
    emit(out, as_json, f"{out['id']} {out['status']} {out['items']} items at {out['customs_code']}")


def _decide(action: str, return_id: str, note: str, as_user: str | None, as_json: bool) -> None:
    try:
        data = DecisionIn(note=note)
    except ValidationError as exc:
        fail(f"note: {exc.errors()[0]['msg']}", 2)
    do = service.approve if action == "approve" else service.refuse
    out = _run(as_user, lambda s, p: service.return_view(do(s, principal=p, return_id=return_id,
                                                            data=data)))  # fmt: skip
    emit(out, as_json, f"{out['id']} {out['status']}")


@app.command("approve")
def approve(
    return_id: str, note: str = typer.Option(""), as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:  # fmt: skip
    """Customs: approve RETURN_ID (returned quantities, tax released, quota restored)."""
    _decide("approve", return_id, note, as_user, as_json)


@app.command("refuse")
def refuse(
    return_id: str, note: str = typer.Option(..., help="the reason (required)"),
    as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION,
) -> None:  # fmt: skip
    """Customs: refuse RETURN_ID with the reason in --note."""
    _decide("refuse", return_id, note, as_user, as_json)


@app.command("reconcile")
def reconcile(as_json: bool = JSON_OPTION) -> None:
    """Prove every stored balance equals the sum of its entries (exit 1 if not)."""
    with cli_session(None) as (session, _):
        result = accounts.reconcile(session)
    emit(result, as_json, f"{'ok' if result['ok'] else 'MISMATCH'}: {result['accounts']} accounts,"
         f" {result['lists']} lists, {len(result['problems'])} problems")  # fmt: skip
    if not result["ok"]:
        raise typer.Exit(1)


@app.command("statistics")
def statistics(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Approved returns by receiving customs and month."""
    try:
        with cli_session(as_user) as (session, principal):
            rows = repository.statistics(session, principal)
    except FtzError as exc:
        fail(exc.detail, 2)
    text = "\n".join(f"{r['month']} {r['customs_code']} {r['tickets']} {r['items']}" for r in rows)
    emit({"rows": rows}, as_json, text or "no approved returns")
