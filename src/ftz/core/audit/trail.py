"""Automatic audit: every flush of an `Audited` object writes its before/after to the trail.

Hooking the session (not each service) means no practice can forget to audit a change.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import rfc8785
from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from ftz.core.audit.models import AuditEvent
from ftz.core.auth.principal import current_principal
from ftz.core.db import utcnow
from ftz.core.ledger.models import LedgerPending
from ftz.core.ledger.service import AUDIT_LOG


class Audited:
    """Mixin: changes to these rows are recorded. `__audit_owner__` names the owning org column."""

    __audit_owner__: str | None = "org_id"
    __audit_exclude__: frozenset[str] = frozenset({"updated_at", "created_at"})


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes):
        return value.hex()
    return value


def _columns(obj: Audited) -> list[str]:
    mapper = inspect(type(obj))
    return [c.key for c in mapper.column_attrs if c.key not in obj.__audit_exclude__]


def _snapshot(obj: Audited) -> dict[str, Any]:
    return {key: _plain(getattr(obj, key)) for key in _columns(obj)}


def _diff(obj: Audited) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key in _columns(obj):
        history = state.attrs[key].history
        if history.has_changes():
            before[key] = _plain(history.deleted[0]) if history.deleted else None
            after[key] = _plain(history.added[0]) if history.added else None
    return before, after


def audit_row(
    *,
    action: str,
    entity_type: str,
    entity_id: str,
    owner_org_id: str | None,
    changes: dict[str, Any],
) -> dict[str, Any]:
    actor = current_principal.get()
    return {
        "occurred_at": utcnow(),
        "actor_user_id": actor.user_id,
        "actor_username": actor.username,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "owner_org_id": owner_org_id,
        "changes": changes,
    }


def _row_for(obj: Audited, action: str, changes: dict[str, Any]) -> dict[str, Any]:
    owner = getattr(obj, obj.__audit_owner__) if obj.__audit_owner__ else None
    return audit_row(
        action=action,
        entity_type=type(obj).__tablename__,  # type: ignore[attr-defined]
        entity_id=":".join(str(v) for v in inspect(type(obj)).primary_key_from_instance(obj)),
        owner_org_id=owner,
        changes=changes,
    )


def _collect(session: Session) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, Audited):
            rows.append(_row_for(obj, "create", {"after": _snapshot(obj)}))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            before, after = _diff(obj)
            if after:
                rows.append(_row_for(obj, "update", {"before": before, "after": after}))
    for obj in session.deleted:
        if isinstance(obj, Audited):
            rows.append(_row_for(obj, "delete", {"before": _snapshot(obj)}))
    return rows


def audit_digest(row: dict[str, Any]) -> str:
    """SHA-256 of the event's canonical JSON: what the audit log in the ledger anchors."""
    fields = {key: _plain(row[key]) for key in AUDIT_FIELDS}
    return hashlib.sha256(rfc8785.dumps(fields)).hexdigest()


AUDIT_FIELDS = (
    "id",
    "occurred_at",
    "actor_user_id",
    "actor_username",
    "action",
    "entity_type",
    "entity_id",
    "owner_org_id",
    "changes",
)


def _insert_anchored(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert audit events and queue each one's digest for the audit log, in one transaction:
    an event exists only if its anchor is durably queued with it."""
    connection = session.connection()
    ids = (
        connection.execute(
            insert(AuditEvent).returning(AuditEvent.id, sort_by_parameter_order=True), rows
        )
        .scalars()
        .all()
    )
    pending = []
    for event_id, row in zip(ids, rows, strict=True):
        row = {**row, "id": event_id}
        entry = rfc8785.dumps({"type": "audit", "id": event_id, "sha256": audit_digest(row)})
        pending.append(
            {
                "origin": AUDIT_LOG,
                "entry": bytes(entry),
                "ref": f"core_audit_event:{event_id}",
                "created_at": row["occurred_at"],
            }
        )
    connection.execute(insert(LedgerPending), pending)


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _flush: UOWTransaction) -> None:
    rows = _collect(session)
    if rows:
        _insert_anchored(session, rows)


def record_event(
    session: Session,
    *,
    action: str,
    entity_type: str,
    entity_id: str,
    owner_org_id: str | None,
    details: dict[str, Any],
) -> None:
    """An explicit audit entry for what a column diff cannot say (a workflow event, a login)."""
    _insert_anchored(
        session,
        [
            audit_row(
                action=action,
                entity_type=entity_type,
                entity_id=entity_id,
                owner_org_id=owner_org_id,
                changes=details,
            )
        ],
    )
