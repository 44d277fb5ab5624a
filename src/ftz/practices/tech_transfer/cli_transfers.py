"""`ftz tech-transfer` transfer commands: list, propose (with its legal basis), publish an
agreement price, record the unit's decision (prints the exemption record's verdict), sign, and
record income (prints the inventors' reward)."""

from __future__ import annotations

from typing import Any

import typer

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit
from ftz.practices.tech_transfer import repository, rewards
from ftz.practices.tech_transfer import transfers as transfer_service
from ftz.practices.tech_transfer.cli_common import (
    app,
    find_achievement,
    find_transfer,
    pairs,
    parse,
)
from ftz.practices.tech_transfer.common import viewer_for, yuan
from ftz.practices.tech_transfer.models import Transfer
from ftz.practices.tech_transfer.schemas import (
    ContractIn,
    DecisionIn,
    IncomeIn,
    PublicityIn,
    TransferIn,
)
from ftz.practices.tech_transfer.schemas_out import IncomeOut, TransferOut


@app.command("transfers")
def transfers(
    status: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Transfers, newest first (up to 200)."""
    with cli_session(as_user) as (session, principal):
        filters = [Transfer.status == status] if status else []
        found = repository.rows(
            session,
            viewer_for(session, principal),
            Transfer,
            *filters,
            order=(Transfer.created_at.desc(),),
            limit=200,
        )
        rows = [TransferOut.model_validate(t).model_dump(mode="json") for t in found]
    text = "\n".join(
        f"{r['number']} {r['status']:<10} {r['mode']:<10} {r['price']} {r['counterparty']}"
        for r in rows
    )
    emit({"items": rows}, as_json, text)


@app.command("propose")
def propose(
    achievement: str = typer.Option(..., help="number or id"),
    mode: str = typer.Option(...),
    counterparty: str = typer.Option(...),
    uscc: str = typer.Option(...),
    pricing: str = typer.Option(...),
    price: str = typer.Option(..., help="CNY"),
    scope: str = typer.Option(""),
    term: int = typer.Option(0),
    equity_pct: str = typer.Option("0"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Propose a licence, assignment or equity investment; shows its legal basis."""
    with cli_session(as_user) as (session, principal):
        found = find_achievement(session, viewer_for(session, principal), achievement)
        data = parse(
            TransferIn,
            {
                "achievement_id": found.id,
                "mode": mode,
                "counterparty": counterparty,
                "counterparty_uscc": uscc,
                "pricing": pricing,
                "price": price,
                "licence_scope": scope,
                "term_years": term,
                "equity_pct": equity_pct,
            },
        )
        made = TransferOut.model_validate(
            transfer_service.propose(session, principal=principal, data=data)
        ).model_dump(mode="json")
    rows = " ".join(r["row_id"] for r in made["authority"])
    emit(made, as_json, f"{made['number']} {made['status']} {rows} {made['id']}")


@app.command("publish")
def publish(
    transfer: str,
    start: str = typer.Option(...),
    end: str = typer.Option(...),
    objections: int = typer.Option(0, min=0),
    as_user: str | None = AS_USER_OPTION,
) -> None:
    """Publish an agreement price within the unit (dates inclusive)."""
    data = parse(
        PublicityIn, {"publicity_from": start, "publicity_to": end, "objections": objections}
    )
    with cli_session(as_user) as (session, principal):
        made = transfer_service.publish(
            session,
            principal=principal,
            data=data,
            transfer_id=find_transfer(session, viewer_for(session, principal), transfer),
        )
        typer.echo(f"{made.number} {made.status} {made.publicity_from}..{made.publicity_to}")


@app.command("decide")
def decide(
    transfer: str,
    meeting: str = typer.Option(...),
    meeting_no: str = typer.Option(...),
    meeting_date: str = typer.Option(...),
    decision: str = typer.Option(...),
    maker: list[str] = typer.Option(..., help="decision-maker (repeatable)"),
    conflict_declared: bool = typer.Option(False, "--conflict-declared"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record the unit's decision; prints the exemption record's verdict."""
    data = parse(
        DecisionIn,
        {
            "meeting": meeting,
            "meeting_no": meeting_no,
            "meeting_date": meeting_date,
            "decision": decision,
            "decision_makers": maker,
            "conflict_declared": conflict_declared,
        },
    )
    with cli_session(as_user) as (session, principal):
        transfer_id = find_transfer(session, viewer_for(session, principal), transfer)
        made = transfer_service.decide(
            session, principal=principal, transfer_id=transfer_id, data=data
        )
        record = repository.exemption_of(session, made.id)
        out: dict[str, Any] = {
            "number": made.number,
            "status": made.status,
            "covered": bool(record and record.covered),
            "conditions": record.conditions if record else [],
        }
    unmet = [c["row_id"] for c in out["conditions"] if not c["met"]]
    emit(
        out,
        as_json,
        f"{out['number']} {out['status']} exemption "
        f"{'covered' if out['covered'] else 'not covered: ' + ', '.join(unmet)}",
    )


@app.command("sign")
def sign(
    transfer: str,
    contract_no: str = typer.Option(...),
    signed_on: str = typer.Option(...),
    as_user: str | None = AS_USER_OPTION,
) -> None:
    """Record the signed contract."""
    data = parse(ContractIn, {"contract_no": contract_no, "signed_on": signed_on})
    with cli_session(as_user) as (session, principal):
        transfer_id = find_transfer(session, viewer_for(session, principal), transfer)
        made = transfer_service.sign(
            session, principal=principal, transfer_id=transfer_id, data=data
        )
        typer.echo(f"{made.number} {made.status} {made.contract_no}")


@app.command("income")
def income(
    transfer: str,
    received_on: str = typer.Option(...),
    kind: str = typer.Option(...),
    gross: str = typer.Option(...),
    cost: list[str] = typer.Option([], help="KIND=CNY"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record income under a signed transfer; prints the inventors' reward."""
    data = parse(
        IncomeIn,
        {
            "received_on": received_on,
            "kind": kind,
            "gross": gross,
            "costs": [{"kind": k, "amount": v} for k, v in pairs(cost, "cost")],
        },
    )
    with cli_session(as_user) as (session, principal):
        transfer_id = find_transfer(session, viewer_for(session, principal), transfer)
        made = rewards.record_income(
            session, principal=principal, transfer_id=transfer_id, data=data
        )
        out = IncomeOut.model_validate(made).model_dump(mode="json")
        out["lines"] = [
            {"researcher_id": x.researcher_id, "amount": str(yuan(x.amount_fen))}
            for x in rewards.lines_of(session, [made.id]).get(made.id, [])
        ]
    emit(
        out,
        as_json,
        f"net {out['net']} reward {out['reward']} "
        f"({out['why'][0]['row_id']}) " + " ".join(x["amount"] for x in out["lines"]),
    )
