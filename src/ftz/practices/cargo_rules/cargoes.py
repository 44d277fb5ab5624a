"""The cargo registry: officers add cargoes and change their conditions, each change a version
labelled with the amendment (or agreement) it comes from; the status moves only through
`CargoFlow` and every move is kept in the status history. Flushes, never commits."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict
from ftz.core.workflow import fire
from ftz.practices.cargo_rules import reference, repository, search
from ftz.practices.cargo_rules.common import require_officer, snapshot, today
from ftz.practices.cargo_rules.models import Cargo, CargoVersion, StatusChange
from ftz.practices.cargo_rules.schemas import CargoIn, CargoUpdate
from ftz.practices.cargo_rules.workflow import CargoFlow


def reindex(session: Session, cargo: Cargo) -> None:
    """Tokens of the names and of every UN number the cargo has had (so UN3541 still finds
    the self-heating hot pot after it moved to class 9)."""
    numbers = [cargo.un_number] + [
        v.conditions.get("un_number", "") for v in repository.versions(session, cargo.id)
    ]
    cargo.search_text = search.search_text(
        [cargo.name_zh, cargo.name_en, cargo.code, *cargo.synonyms], numbers
    )


def _apply(cargo: Cargo, conditions: dict[str, Any]) -> None:
    for name, value in snapshot(conditions).items():
        setattr(cargo, name, value)


def record_status(
    session: Session, cargo: Cargo, before: str, reference_: str, note: str, actor: str
) -> None:
    session.add(
        StatusChange(
            cargo_id=cargo.id,
            from_status=before,
            to_status=cargo.status,
            reference=reference_,
            note=note[:500],
            actor=actor,
            at=utcnow(),
        )
    )


def move(
    session: Session, cargo: Cargo, event: str, *, principal: Principal, ref: str, note: str
) -> None:
    """Send `event` to the cargo's status machine and keep the step in its history."""
    before = cargo.status
    fire(session, CargoFlow, cargo, event, principal=principal, owner_org_id=None, note=note)
    record_status(session, cargo, before, ref, note, principal.username)


def add_version(
    session: Session,
    cargo: Cargo,
    *,
    label: str,
    conditions: dict[str, Any],
    note: str,
    principal: Principal,
    on: date | None = None,
) -> CargoVersion:
    """A new version (or the correction of the version with the same label)."""
    effective = reference.effective_from(label, on or today())
    query = select(CargoVersion).where(
        CargoVersion.cargo_id == cargo.id, CargoVersion.label == label
    )
    version = session.scalar(query)
    if version is None:
        version = CargoVersion(cargo_id=cargo.id, label=label)
        session.add(version)
    version.effective_from = effective
    version.conditions = snapshot(conditions)
    version.note = note[:500]
    version.recorded_by = principal.username
    version.recorded_at = utcnow()
    session.flush()
    return version


def create(
    session: Session,
    *,
    principal: Principal,
    data: CargoIn,
    status: str = "listed",
    on: date | None = None,
) -> Cargo:
    """A cargo entry; "listed" for entries of the Code, "assessed" after a tripartite
    agreement (the assessment service creates those)."""
    require_officer(principal)
    conditions = data.conditions()
    reference.check_conditions(conditions)
    if session.scalar(select(Cargo.id).where(Cargo.code == data.code)):
        raise conflict(f"cargo {data.code} already exists")
    cargo = Cargo(
        code=data.code,
        name_zh=data.name_zh,
        name_en=data.name_en,
        synonyms=[s.strip() for s in data.synonyms if s.strip()],
        status=status,
        in_code=status == "listed",
        amendment=data.version_label,
        source=data.source,
    )
    _apply(cargo, conditions)
    session.add(cargo)
    session.flush()
    add_version(
        session,
        cargo,
        label=data.version_label,
        conditions=conditions,
        note=data.note,
        principal=principal,
        on=on,
    )
    record_status(session, cargo, "", data.version_label, data.note, principal.username)
    reindex(session, cargo)
    session.flush()
    return cargo


def update(session: Session, *, principal: Principal, key: str, data: CargoUpdate) -> Cargo:
    """New conditions for a cargo under a version label, with the reason in `note`."""
    require_officer(principal)
    conditions = data.conditions()
    reference.check_conditions(conditions)
    cargo = repository.cargo(session, key, lock=True)
    cargo.name_zh, cargo.name_en, cargo.source = data.name_zh, data.name_en, data.source
    cargo.synonyms = [s.strip() for s in data.synonyms if s.strip()]
    cargo.amendment = data.version_label
    _apply(cargo, conditions)
    add_version(
        session,
        cargo,
        label=data.version_label,
        conditions=conditions,
        note=data.note,
        principal=principal,
    )
    reindex(session, cargo)
    session.flush()
    return cargo


def conditions_on(session: Session, cargo: Cargo, on: date) -> tuple[dict[str, Any], Any]:
    """The conditions in force on `on` and the version they come from; before the first
    version, the cargo was not in the registry (empty conditions, no version)."""
    current = None
    for version in repository.versions(session, cargo.id):
        if version.effective_from <= on:
            current = version
    return (dict(current.conditions), current) if current else ({}, None)
