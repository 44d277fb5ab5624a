"""python-statemachine with persisted state, role-guarded events and audited transitions."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session
from statemachine import StateMachine

from ftz.core.audit import record_event
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden


class PersistedMachine(StateMachine):
    """Subclasses declare states, events and `event_roles`: which roles may send each event."""

    event_roles: ClassVar[dict[str, frozenset[str]]] = {}
    state_column: ClassVar[str] = "status"


def _machine(machine_cls: type[PersistedMachine], obj: Any) -> PersistedMachine:
    return machine_cls(obj, state_field=machine_cls.state_column)


def allowed_events(
    machine_cls: type[PersistedMachine], obj: Any, principal: Principal
) -> list[str]:
    machine = _machine(machine_cls, obj)
    return [
        e.id
        for e in machine.allowed_events
        if principal.has_role(*machine_cls.event_roles.get(e.id, frozenset()))
    ]


def fire(
    session: Session,
    machine_cls: type[PersistedMachine],
    obj: Any,
    event: str,
    *,
    principal: Principal,
    owner_org_id: str | None,
    note: str = "",
    **payload: Any,
) -> str:
    """Send `event` to obj's machine; record who did it. Returns the new state."""
    roles = machine_cls.event_roles.get(event)
    if roles is None:
        raise conflict(f"unknown event {event!r}")
    if not principal.has_role(*roles):
        raise forbidden(f"your role may not perform {event!r}")
    machine = _machine(machine_cls, obj)
    source = getattr(obj, machine_cls.state_column)
    if event not in {e.id for e in machine.allowed_events}:
        raise conflict(f"cannot {event} while {source}")
    machine.send(event, principal=principal, **payload)
    target = getattr(obj, machine_cls.state_column)
    session.flush()
    record_event(
        session,
        action=f"transition:{event}",
        entity_type=type(obj).__tablename__,
        entity_id=str(inspect(obj).identity[0]),
        owner_org_id=owner_org_id,
        details={"event": event, "from": source, "to": target, "note": note},
    )
    return str(target)


def mermaid(machine_cls: type[PersistedMachine]) -> str:
    """stateDiagram-v2 source of a machine, for the practice's "workflow" view."""
    lines = ["stateDiagram-v2"]
    for state in machine_cls.states:
        if state.initial:
            lines.append(f"    [*] --> {state.id}")
        for transition in state.transitions:
            for event in transition.events:
                roles = ", ".join(sorted(machine_cls.event_roles.get(str(event), frozenset())))
                lines.append(
                    f"    {transition.source.id} --> {transition.target.id}: {event} ({roles})"
                )
        if state.final:
            lines.append(f"    {state.id} --> [*]")
    return "\n".join(lines)
