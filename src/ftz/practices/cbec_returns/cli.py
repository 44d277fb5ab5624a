"""`ftz cbec-returns …`: reconciliation of the double-entry accounts and the statistics."""

from __future__ import annotations

import typer

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.errors import FtzError
from ftz.practices.cbec_returns import accounts, repository

app = typer.Typer(no_args_is_help=True, help="p08 跨境电商网购保税零售进口商品跨关区退货")


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
