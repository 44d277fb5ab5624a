"""`ftz yangtze-channel operators …` and `… services …`: the registry of partner operators and
their fixed services from the command line — list, edit (a JSON file with the fields to change,
the API's PATCH body), deactivate and reactivate (with the reason, kept in the history), and the
history. Records are named by their code. Bad input: one `error:` line, exit 2; denial or
absence, exit 1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from pydantic import BaseModel
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.core.kit.errors import FtzError, not_found
from ftz.practices.yangtze_channel import repository, service
from ftz.practices.yangtze_channel.models import FixedService, Operator
from ftz.practices.yangtze_channel.schemas import (
    OperatorEdit,
    OperatorOut,
    RegistryHistoryEntry,
    ServiceEdit,
    ServiceOut,
    StatusChangeIn,
)

operators_app = typer.Typer(no_args_is_help=True, help="Partner operators (the registry)")
services_app = typer.Typer(no_args_is_help=True, help="Fixed multimodal services (the registry)")
FILE = typer.Argument(..., dir_okay=False, help="JSON with the fields to change")
REASON = typer.Option(..., "--reason", help="Why (kept in the history)")


def _run(as_user: str | None, action: Any) -> Any:
    try:
        with cli_session(as_user) as (session, principal):
            return action(session, principal)
    except FtzError as exc:
        reason = f"{exc.errors[0].field}: {exc.errors[0].reason}" if exc.errors else exc.detail
        fail(reason.replace("\n", " "), 2 if exc.status in (400, 409, 422) else 1)


def _operator(session: Session, code: str) -> Operator:
    found = repository.operator_by_code(session, code)
    if found is None:
        raise not_found(f"operator {code}")
    return found


def _service(session: Session, code: str) -> FixedService:
    found = repository.service_by_code(session, code)
    if found is None:
        raise not_found(f"service {code}")
    return found


def _dump(model: type[BaseModel], row: Any) -> dict[str, Any]:
    return model.model_validate(row).model_dump(mode="json")


def _state(row: dict[str, Any]) -> str:
    return "active" if row["active"] else "deactivated"


# What each registry command finds by code and how it shows it.
_REGISTRY: dict[str, tuple[Any, type[BaseModel]]] = {
    "operator": (_operator, OperatorOut),
    "service": (_service, ServiceOut),
}


def _operator_line(o: dict[str, Any]) -> str:
    return f"{o['code']}\t{o['kind']}\t{_state(o)}\t{o['name_zh']}\t{o['node_id'] or '—'}"


def _service_line(s: dict[str, Any]) -> str:
    return (f"{s['code']}\t{s['sub_channel']}\t{s['mode']}\t{_state(s)}\t{s['name_zh']}"
            f"\t{' → '.join(s['stops'])}")  # fmt: skip


def _history_text(rows: list[dict[str, Any]]) -> str:
    lines = []
    for r in rows:
        what = r["reason"] or ", ".join(
            f"{c['field']}: {c['before']} → {c['after']}" for c in r["changes"]
        )
        lines.append(f"{r['at'][:19]}\t{r['who']}\t{r['action']}\t{what}")
    return "\n".join(lines) or "no history"


@operators_app.command("list")
def operators_list(as_json: bool = JSON_OPTION) -> None:
    """Every registered operator, active or not."""
    rows = _run(None, lambda s, p: [_dump(OperatorOut, o) for o in repository.operators(s)])
    emit({"operators": rows}, as_json, "\n".join(map(_operator_line, rows)) or "no operators")


@operators_app.command("edit")
def operators_edit(code: str, body: Path = FILE, as_user: str | None = AS_USER_OPTION,
                   as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Change an operator (the channel administration): name, kind, port node, agreement."""
    data = read_model(body, OperatorEdit)

    def act(session: Session, p: Principal) -> dict[str, Any]:
        found = _operator(session, code)
        edited = service.edit_operator(session, principal=p, operator_id=found.id, data=data)
        return _dump(OperatorOut, edited)

    out = _run(as_user, act)
    emit(out, as_json, _operator_line(out))


def _set_active(
    kind: str, code: str, active: bool, reason: str, as_user: str | None, as_json: bool
) -> None:
    """Deactivate or reactivate an operator or a service, with the reason kept in its history."""
    data = StatusChangeIn.model_validate({"reason": reason}) if len(reason) >= 2 else None
    if data is None:
        fail("reason: give the reason (2 characters or more)", 2)
    find, model = _REGISTRY[kind]

    def act(session: Session, p: Principal) -> dict[str, Any]:
        record = find(session, code)
        done = service.set_active(session, principal=p, record=record, active=active, data=data)
        return _dump(model, done)

    done = "reactivated" if active else "deactivated"
    emit(_run(as_user, act), as_json, f"{kind} {code} {done}")


def _history(kind: str, code: str, as_user: str | None, as_json: bool) -> None:
    find = _REGISTRY[kind][0]

    def act(session: Session, p: Principal) -> list[dict[str, Any]]:
        entries = service.history(session, principal=p, record=find(session, code))
        return [RegistryHistoryEntry.model_validate(e).model_dump(mode="json") for e in entries]

    rows = _run(as_user, act)
    emit({"history": rows}, as_json, _history_text(rows))


@operators_app.command("deactivate")
def operators_deactivate(code: str, reason: str = REASON, as_user: str | None = AS_USER_OPTION,
                         as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Deactivate an operator: it offers no capacity and receives no bookings until reactivated."""
    _set_active("operator", code, False, reason, as_user, as_json)


@operators_app.command("reactivate")
def operators_reactivate(code: str, reason: str = REASON, as_user: str | None = AS_USER_OPTION,
                         as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Reactivate a deactivated operator."""
    _set_active("operator", code, True, reason, as_user, as_json)


@operators_app.command("history")
def operators_history(code: str, as_user: str | None = AS_USER_OPTION,
                      as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Who changed the operator, what and why, newest first."""
    _history("operator", code, as_user, as_json)


@services_app.command("list")
def services_list(
    sub_channel: str = typer.Option("", "--channel", help="Only this channel's services"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Every registered fixed service, active or not."""
    rows = _run(
        None, lambda s, p: [_dump(ServiceOut, x) for x in repository.services(s, sub_channel)]
    )
    emit({"services": rows}, as_json, "\n".join(map(_service_line, rows)) or "no services")


@services_app.command("edit")
def services_edit(code: str, body: Path = FILE, as_user: str | None = AS_USER_OPTION,
                  as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Change a fixed service (the channel administration): channel, names, mode, stops, network
    service, departures a week, TEU a departure, cargo carried."""
    data = read_model(body, ServiceEdit)

    def act(session: Session, p: Principal) -> dict[str, Any]:
        found = _service(session, code)
        edited = service.edit_service(session, principal=p, service_id=found.id, data=data)
        return _dump(ServiceOut, edited)

    out = _run(as_user, act)
    emit(out, as_json, _service_line(out))


@services_app.command("deactivate")
def services_deactivate(code: str, reason: str = REASON, as_user: str | None = AS_USER_OPTION,
                        as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Deactivate a fixed service: no new offers on it, its offers receive no bookings."""
    _set_active("service", code, False, reason, as_user, as_json)


@services_app.command("reactivate")
def services_reactivate(code: str, reason: str = REASON, as_user: str | None = AS_USER_OPTION,
                        as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Reactivate a deactivated fixed service."""
    _set_active("service", code, True, reason, as_user, as_json)


@services_app.command("history")
def services_history(code: str, as_user: str | None = AS_USER_OPTION,
                     as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Who changed the service, what and why, newest first."""
    _history("service", code, as_user, as_json)
