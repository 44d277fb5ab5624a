"""`ftz sealed-transfer …`: register a case from JSON, list and show cases, take any step
(`step CASE STEP` with a JSON body or `--set key=value`), statistics, reconcile the escrow
books and verify a case's ledger anchors. Bad input: one `error:` line, exit 2; refusal or
absence: exit 1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams
from ftz.practices.sealed_transfer import anchors, repository, service, views
from ftz.practices.sealed_transfer.actions import ACTIONS, BY_STEP
from ftz.practices.sealed_transfer.schemas import CaseIn

app = typer.Typer(no_args_is_help=True, help="p18 不动产“带封过户” transfer of sealed property")
SET = typer.Option([], "--set", help="KEY=VALUE of the step's body (dots for nested keys)")


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        fail(f"{path}: {exc.strerror}", 2)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        fail(f"{path}: not JSON ({exc})", 2)


def _valid(model: type[BaseModel], body: Any, where: str) -> Any:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{where}: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}", 2)


def _run(as_user: str | None, action: Any) -> Any:
    try:
        with cli_session(as_user) as (session, principal):
            return action(session, principal)
    except FtzError as exc:
        # Input the service refuses is the caller's to fix (2); denial or absence is 1.
        fail(exc.detail.replace("\n", " "), 2 if exc.status in (400, 409, 422) else 1)


def _line(out: Any) -> str:
    return f"{out.number} {out.status} escrow {out.escrow_balance} ({out.id})"


@app.command("register")
def register(
    body: Path = typer.Argument(..., dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Court: register an enforcement case with its sealed property from CASE.json."""
    data = _valid(CaseIn, _read(body), str(body))

    def act(session: Session, principal: Principal) -> Any:
        return views.case_out(
            session, service.create_case(session, principal=principal, data=data), principal
        )

    out = _run(as_user, act)
    emit(out.model_dump(mode="json"), as_json, _line(out))


@app.command("list")
def list_cases(
    status: str = typer.Option("", help="only cases in this state"),
    q: str = typer.Option("", help="case number, address, certificate or party name"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The cases you may see."""

    def act(session: Session, principal: Principal) -> list[Any]:
        page = repository.search(
            session, principal, PageParams(page=1, size=200), status=status, q=q
        )
        return [views.summary(c) for c in page.items]

    found = _run(as_user, act)
    emit(
        [c.model_dump(mode="json") for c in found],
        as_json,
        "\n".join(_line(c) for c in found) or "no cases",
    )


@app.command("show")
def show(case: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """One case (by id or number) with its parties, escrow ledger and steps."""
    out = _run(as_user, lambda s, p: views.case_out(s, repository.find_case(s, p, case), p))
    lines = [_line(out)] + [
        f"  {x.seq:>3} {x.step} {x.from_status}→{x.to_status} by {x.actor}"
        f" (ledger #{x.ledger_index})"
        for x in out.steps
    ]
    emit(out.model_dump(mode="json"), as_json, "\n".join(lines))


def _assign(body: dict[str, Any], pair: str) -> None:
    key, sep, value = pair.partition("=")
    if not sep or not key:
        fail(f"--set {pair!r}: expected KEY=VALUE", 2)
    *parents, last = key.split(".")
    for part in parents:
        body = body.setdefault(part, {})
    body[last] = value


@app.command("step")
def step(
    case: str,
    name: str = typer.Argument(..., help="e.g. screen, agreement, deposits, payouts"),
    body: Path | None = typer.Option(None, "--body", dir_okay=False, help="the body as JSON"),
    pairs: list[str] = SET,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Take a step on CASE (id or number): the same steps and bodies as the API."""
    path = name if name in ACTIONS else BY_STEP.get(name.replace("-", "_"))
    if path is None:
        fail(f"no step {name!r} (one of: {', '.join(ACTIONS)})", 2)
    action = ACTIONS[path]
    raw: dict[str, Any] = _read(body) if body else {}
    for pair in pairs:
        _assign(raw, pair)
    data = _valid(action.body, raw, name)

    def act(session: Session, principal: Principal) -> Any:
        found = repository.find_case(session, principal, case)
        return views.case_out(
            session, action.do(session, principal=principal, case_id=found.id, data=data), principal
        )

    out = _run(as_user, act)
    emit(out.model_dump(mode="json"), as_json, _line(out))


@app.command("statistics")
def statistics(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Cases by state, money through escrow, value kept and days saved (from the records)."""
    s = _run(as_user, lambda session, p: views.statistics(session, p))
    text = (
        f"{s['cases']} cases, {s['closed']} closed, {s['collapsed']} collapsed; "
        f"paid to creditors {s['paid_to_creditors']}; "
        f"average {s['days_average']} days against {s['auction_route_days']}"
    )
    emit(json.loads(json.dumps(s, default=str)), as_json, text)


@app.command("reconcile")
def reconcile(as_json: bool = JSON_OPTION) -> None:
    """Prove every escrow balance equals its entries and movements (exit 1 if not)."""
    with cli_session(None) as (session, _):
        result = service.reconcile(session)
    emit(
        result,
        as_json,
        f"{'ok' if result['ok'] else 'MISMATCH'}: {result['cases']} cases, "
        f"{result['accounts']} accounts, {len(result['problems'])} problems",
    )
    if not result["ok"]:
        raise typer.Exit(1)


@app.command("verify")
def verify(case: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Check every step of CASE against its entry in the evidence ledger (exit 1 if not)."""
    result = _run(as_user, lambda s, p: anchors.verify(s, repository.find_case(s, p, case)))
    emit(
        result,
        as_json,
        f"{'ok' if result['ok'] else 'MISMATCH'}: {result['case']} "
        f"{result['steps']} steps anchored",
    )
    if not result["ok"]:
        raise typer.Exit(1)
