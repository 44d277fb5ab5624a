"""Correcting a filed shipment. Which field may still change depends on where its containers
are: the edit-window decision table (rules/edit_window.json) answers per field and container
status, so the allowed states are data. An accepted edit recomputes TEU, the route comparison and
the fast-track verdict, is anchored in the evidence ledger and recorded in the audit trail (the
shipment's history); a refused one changes nothing and names every blocking row."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ftz.core.audit import record_event
from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import FieldProblem, FtzError, forbidden, validation_error
from ftz.core.kit.pagination import PageParams
from ftz.core.ledger import service as ledger
from ftz.practices.linked_unloading import reference, repository
from ftz.practices.linked_unloading.models import Container, Shipment
from ftz.practices.linked_unloading.schemas import HistoryEntry, ShipmentEdit
from ftz.practices.linked_unloading.service import (
    LOG,
    add_container,
    container_number,
    decide,
    fast_track_verdict,
    live,
    post_event,
    resize_shipment,
)

ENTITY = "linked_unloading_shipment"
SCALARS = ("consignee", "bill_of_lading", "vessel", "declared_in_advance", "port_code")
# Every change the edit-window table knows, in the order the form shows them.
CHANGES = (*SCALARS, "containers", "add_container")


def window(shipment: Shipment, change: str, boxes: list[Container]) -> list[dict[str, Any]]:
    """The edit-window verdict for `change` over each distinct status of `boxes`: one entry per
    status with `allowed`, the reasons and the fired row."""
    verdicts = []
    for status in sorted({c.status for c in boxes}):
        context = {"change": change, "direction": shipment.direction, "status": status}
        verdicts.append({"status": status, **decide("edit_window.json", context)})
    return verdicts


def windows(shipment: Shipment) -> dict[str, dict[str, Any]]:
    """Per change: open or not, and the first refusal (shown next to a locked form field)."""
    out: dict[str, dict[str, Any]] = {}
    boxes = live(shipment)
    for change in CHANGES:
        # Removing or resizing is judged per box; the form offers it while any box is open.
        verdicts = window(shipment, change, boxes)
        refused = [v for v in verdicts if not v["allowed"]]
        if change == "containers":
            is_open = any(v["allowed"] for v in verdicts)
        else:
            is_open = bool(verdicts) and not refused
        out[change] = {"open": is_open, "refusal": refused[0] if refused else None}
    return out


def _refusal(field: str, verdict: dict[str, Any], subject: str) -> FieldProblem:
    row = verdict["fired"][0] if verdict["fired"] else {}
    return FieldProblem(
        field,
        f"{subject} is {verdict['status']}: {verdict['reason_en']} "
        f"[{row.get('row_id', '?')}: {row.get('citation', '')}]",
    )


def _scalar_changes(shipment: Shipment, data: ShipmentEdit) -> dict[str, dict[str, Any]]:
    wanted: dict[str, Any] = {
        "consignee": data.consignee.strip() if data.consignee is not None else None,
        "bill_of_lading": (
            data.bill_of_lading.strip().upper() if data.bill_of_lading is not None else None
        ),
        "vessel": data.vessel.strip() if data.vessel is not None else None,
        "declared_in_advance": data.declared_in_advance,
        "port_code": None,
    }
    if data.port_code is not None:
        try:
            wanted["port_code"] = reference.reference().port(data.port_code).code
        except FtzError as exc:
            raise validation_error("port_code", exc.errors[0].reason) from None
    for name in ("consignee", "bill_of_lading"):
        if wanted[name] == "":
            raise validation_error(name, "must not be empty")
    return {
        name: {"before": getattr(shipment, name), "after": value}
        for name, value in wanted.items()
        if value is not None and value != getattr(shipment, name)
    }


def _container_changes(shipment: Shipment, data: ShipmentEdit) -> dict[str, Any]:
    if data.containers is None:
        return {}
    numbers = [container_number(c.number, f"containers.{i}.number") for i, c in
               enumerate(data.containers)]  # fmt: skip
    if len(set(numbers)) != len(numbers):
        raise validation_error("containers", "a container is listed twice")
    sizes = dict(zip(numbers, (c.size_ft for c in data.containers), strict=True))
    existing = {c.number: c for c in shipment.containers}
    for i, number in enumerate(numbers):
        if number in existing and existing[number].status == "cancelled":
            raise validation_error(
                f"containers.{i}.number", f"{number} was cancelled; file it in a new shipment"
            )
    current = {c.number: c for c in live(shipment)}
    removed = sorted(current.keys() - sizes.keys())
    added = [n for n in numbers if n not in existing]
    resized = [
        {"number": n, "before": current[n].size_ft, "after": sizes[n]}
        for n in numbers
        if n in current and current[n].size_ft != sizes[n]
    ]
    out: dict[str, Any] = {}
    if removed:
        out["removed"] = removed
    if added:
        out["added"] = [{"number": n, "size_ft": sizes[n]} for n in added]
    if resized:
        out["resized"] = resized
    return out


def _check_windows(
    shipment: Shipment, scalars: dict[str, Any], boxes: dict[str, Any]
) -> list[dict[str, Any]]:
    """Raise 409 with one problem per blocking (field, status); return the rows that allowed."""
    problems: list[FieldProblem] = []
    allowed: list[dict[str, Any]] = []
    everything = live(shipment)
    by_number = {c.number: c for c in everything}

    def judge(field: str, change: str, containers: list[Container], subject: str) -> None:
        for verdict in window(shipment, change, containers):
            if verdict["allowed"]:
                allowed.extend(verdict["fired"])
            else:
                problems.append(_refusal(field, verdict, subject))

    for name in scalars:
        judge(name, name, everything, "a container")
    for number in boxes.get("removed", []):
        judge("containers", "containers", [by_number[number]], number)
    for item in boxes.get("resized", []):
        judge("containers", "containers", [by_number[item["number"]]], item["number"])
    if boxes.get("added"):
        judge("containers", "add_container", everything, "a container")
    if problems:
        raise FtzError(
            detail="; ".join(f"{p.field}: {p.reason}" for p in problems),
            status=409,
            title="Edit window closed",
            type_slug="edit-window-closed",
            errors=problems,
        )
    return allowed


def edit_shipment(
    session: Session, *, principal: Principal, shipment_id: str, data: ShipmentEdit
) -> Shipment:
    shipment = repository.get_owned(session, principal, Shipment, shipment_id, lock=True)
    if not principal.is_admin and not (
        principal.is_enterprise and principal.org_id == shipment.org_id
    ):
        raise forbidden("only the consignee or shipper who filed the shipment may correct it")
    if not live(shipment):
        raise validation_error("containers", "every container is cancelled: nothing to correct")
    scalars = _scalar_changes(shipment, data)
    boxes = _container_changes(shipment, data)
    if not scalars and not boxes:
        return shipment  # nothing differs: no event, no history line
    removed = set(boxes.get("removed", []))
    if removed and removed >= {c.number for c in live(shipment)} and not boxes.get("added"):
        raise validation_error("containers", "keep at least one container, or cancel them")
    fired = _check_windows(shipment, scalars, boxes)
    when = utcnow()
    for name, change in scalars.items():
        setattr(shipment, name, change["after"])
    if "port_code" in scalars:  # nothing has moved: every box now goes to the new port
        for box in shipment.containers:
            box.port_code = shipment.port_code
    by_number = {c.number: c for c in shipment.containers}
    # A cancel resizes the shipment at once; the history compares with the figures before.
    before = {"teu": shipment.teu, "comparison": shipment.comparison}
    for number in boxes.get("removed", []):
        note = "removed from the shipment by an edit"
        post_event(session, principal=principal, container_id=by_number[number].id,
                   event="cancel", at=when, note=note)  # fmt: skip
    for item in boxes.get("resized", []):
        by_number[item["number"]].size_ft = item["after"]
    for item in boxes.get("added", []):
        add_container(session, shipment, item["number"], item["size_ft"], principal=principal,
                      at=when)  # fmt: skip
    session.flush()
    _recompute(shipment, scalars, boxes, before)
    _anchor_edit(session, principal, shipment, scalars, boxes, fired, when)
    session.flush()
    return shipment


def _recompute(
    shipment: Shipment, scalars: dict[str, Any], boxes: dict[str, Any], figures: dict[str, Any]
) -> None:
    resize_shipment(shipment, recompare=True)  # an edit never leaves the shipment without boxes
    if shipment.teu != figures["teu"]:
        scalars["teu"] = {"before": figures["teu"], "after": shipment.teu}
    before, after = figures["comparison"], shipment.comparison
    if after != before:
        scalars["comparison"] = {
            "before": {"port": before.get("port"), "teu": before.get("teu"),
                       "saved_cny": before.get("saved_cny_vs_transshipment")},
            "after": {"port": after["port"], "teu": after["teu"],
                      "saved_cny": after["saved_cny_vs_transshipment"]},
        }  # fmt: skip
    if "declared_in_advance" in scalars:
        selected = any(c.selected for c in shipment.containers)
        shipment.fast_track = fast_track_verdict(
            shipment.direction, shipment.declared_in_advance, selected=selected
        )
    if boxes:
        scalars["containers"] = boxes


def _anchor_edit(
    session: Session,
    principal: Principal,
    shipment: Shipment,
    changes: dict[str, Any],
    boxes: dict[str, Any],
    fired: list[dict[str, Any]],
    when: Any,
) -> None:
    rows = sorted({row["row_id"] for row in fired})
    entry = ledger.canonical(
        {
            "type": "linked-unloading-shipment-edit",
            "shipment": shipment.number,
            "changes": changes,
            "rows": rows,
            "actor": principal.username,
            "at": when.isoformat(),
        }
    )
    index = ledger.append(session, LOG, [entry], [f"{ENTITY}:{shipment.id}"])[0]
    record_event(
        session,
        action="edit",
        entity_type=ENTITY,
        entity_id=shipment.id,
        owner_org_id=shipment.org_id,
        details={"changes": changes, "rows": rows, "ledger_index": index},
    )


def history(session: Session, *, principal: Principal, shipment_id: str) -> list[HistoryEntry]:
    """The filing and every edit, oldest first (the audit trail, scoped like the shipment)."""
    shipment = repository.get_owned(session, principal, Shipment, shipment_id)
    page = list_events(session, principal=principal, entity_type=ENTITY, entity_id=shipment.id,
                       params=PageParams(page=1, size=200))  # fmt: skip
    entries = []
    for event in reversed(page.items):
        if event.action not in ("create", "edit"):
            continue  # column diffs of an edit repeat what its `edit` entry says
        details = event.changes
        entries.append(
            HistoryEntry(
                at=event.occurred_at,
                actor=event.actor_username or "",
                action="filed" if event.action == "create" else "corrected",
                changes=details.get("changes", {}) if event.action == "edit" else {},
                ledger_index=details.get("ledger_index"),
                rows=details.get("rows", []),
            )
        )
    return entries
