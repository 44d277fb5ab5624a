"""p27 商业秘密保护: register innovation records by fingerprint, sign them with the enterprise's
key, anchor them in the evidence log, and prove their existence to anyone, offline."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ftz.config import Settings
from ftz.core.audit import record_event
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, not_found, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.kit.pagination import Page, PageParams
from ftz.core.kit.signing_keys import PrivateKey
from ftz.core.ledger import service as ledger
from ftz.core.ledger import store
from ftz.core.ledger.receipts import verify_receipt
from ftz.practices.trade_secrets import keys, repository
from ftz.practices.trade_secrets.models import Batch, Project, Record, SigningKey
from ftz.practices.trade_secrets.schemas import ItemIn, RegistrationIn
from ftz.practices.trade_secrets.statement import (
    commitment,
    ledger_entry,
    new_salt,
    statement,
)

LOG = ledger.EVIDENCE_LOG


def _org_of(principal: Principal) -> str:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("records are registered by the enterprise that owns them")
    return principal.org_id


def _metadata(item: ItemIn) -> dict[str, Any]:
    return {
        "title": item.title,
        "file_name": item.file_name,
        "size_bytes": item.size_bytes,
        "contributors": item.contributors,
        "description": item.description,
    }


def statement_for(org_id: str, item: ItemIn, salt: str, committed: str | None = None) -> bytes:
    """What an enterprise signs for one item (the CLI computes the same locally)."""
    return statement(
        org_id=org_id,
        sha256=item.sha256,
        sm3=item.sm3,
        commitment_hex=committed or commitment(salt, _metadata(item)),
    )


def _project_id(session: Session, org_id: str, name: str | None) -> str | None:
    if not name:
        return None
    project = repository.project_by_name(session, org_id, name.strip())
    if project is None:
        project = Project(org_id=org_id, name=name.strip())
        session.add(project)
        session.flush()
    return project.id


def _signer(
    session: Session, org_id: str, key_id: str | None
) -> tuple[SigningKey, PrivateKey | None]:
    if key_id is None:
        return keys.custodial_key(session, org_id)
    key = session.scalar(select(SigningKey).where(SigningKey.key_id == key_id))
    if key is None or key.org_id != org_id or key.retired_at is not None:
        raise validation_error("key_id", "not an active key of your organization")
    return key, None


def register(session: Session, *, principal: Principal, data: RegistrationIn) -> dict[str, Any]:
    """One batch: new fingerprints are signed and anchored; known ones are reported, not doubled."""
    org_id = _org_of(principal)
    key, private = _signer(session, org_id, data.key_id)
    known = repository.existing_hashes(session, org_id, [i.sha256 for i in data.items])
    fresh: dict[str, tuple[ItemIn, str, str, str]] = {}
    for position, item in enumerate(data.items):
        if item.sha256 in known or item.sha256 in fresh:
            continue
        salt = item.salt or new_salt()
        committed = commitment(salt, _metadata(item))
        message = statement_for(org_id, item, salt, committed)
        if private is not None:
            signature = private.sign(message)
        else:
            if not item.signature or not keys.verify_signature(key, message, item.signature):
                raise validation_error(
                    f"items.{position}.signature",
                    "missing or does not verify with the enterprise key",
                )
            signature = item.signature
        fresh[item.sha256] = (item, salt, committed, signature)
    batch_id: str = ""
    registered: list[dict[str, Any]] = []
    if fresh:
        batch_id, registered = _anchor(
            session, principal, org_id, key, data.project, list(fresh.values())
        )
    return {
        "batch_id": batch_id or "",
        "registered": registered,
        "already_registered": list(known.values()),
    }


def _anchor(
    session: Session,
    principal: Principal,
    org_id: str,
    key: SigningKey,
    project: str | None,
    items: list[tuple[ItemIn, str, str, str]],
) -> tuple[str, list[dict[str, Any]]]:
    entries = [
        ledger_entry(
            org_id=org_id,
            sha256=item.sha256,
            sm3=item.sm3,
            commitment_hex=c,
            key_id=key.key_id,
            signature=signature,
        )
        for item, _salt, c, signature in items
    ]
    first, _ = store.append_entries(session, LOG, entries)
    project_id = _project_id(session, org_id, project)
    batch = Batch(
        org_id=org_id,
        project_id=project_id,
        count=len(items),
        first_index=first,
        registered_by=principal.username,
    )
    session.add(batch)
    session.flush()
    now = utcnow()
    rows = [
        {
            "id": new_id(),
            "org_id": org_id,
            "project_id": project_id,
            "batch_id": batch.id,
            "title": item.title,
            "file_name": item.file_name,
            "size_bytes": item.size_bytes,
            "sha256": item.sha256,
            "sm3": item.sm3,
            "contributors": {"names": item.contributors},
            "salt": salt,
            "commitment": c,
            "key_id": key.key_id,
            "signature": signature,
            "ledger_index": first + offset,
            "registered_at": now,
        }
        for offset, (item, salt, c, signature) in enumerate(items)
    ]
    session.execute(insert(Record), rows)
    record_event(
        session,
        action="trade_secrets:register",
        entity_type="trade_secrets_batch",
        entity_id=batch.id,
        owner_org_id=org_id,
        details={"count": len(items), "first_index": first, "log": LOG, "key_id": key.key_id},
    )
    # The rows just written are the answer: reading 5,000 records back as ORM objects cost
    # more than registering them (measured).
    return batch.id, rows


def verify(session: Session, *, sha256: str, settings: Settings) -> dict[str, Any]:
    """Public check of a fingerprint: who registered it, when, and whether every proof holds."""
    sha256 = sha256.strip().lower()
    record = repository.find_by_hash(session, sha256)
    if record is None:
        return {"found": False, "sha256": sha256}
    org = session.get(Organization, record.org_id)
    key = session.scalar(select(SigningKey).where(SigningKey.key_id == record.key_id))
    message = statement(
        org_id=record.org_id, sha256=record.sha256, sm3=record.sm3, commitment_hex=record.commitment
    )
    signature_ok = key is not None and keys.verify_signature(key, message, record.signature)
    signer = ledger.signing(settings)
    receipt = ledger.receipt(session, LOG, record.ledger_index, signer)
    check = verify_receipt(receipt, str(signer.keyring.active().verifier))
    _, entry, _ = store.get_leaf(session, LOG, record.ledger_index)
    entry_ok = entry == ledger_entry(
        org_id=record.org_id,
        sha256=record.sha256,
        sm3=record.sm3,
        commitment_hex=record.commitment,
        key_id=record.key_id,
        signature=record.signature,
    )
    checks = [
        *check.as_dict()["checks"],
        {"check": "record matches ledger entry", "ok": entry_ok, "detail": ""},
        {"check": "enterprise signature", "ok": signature_ok, "detail": record.key_id},
    ]
    return {
        "found": True,
        "sha256": sha256,
        "organization": f"{org.name_zh} / {org.name_en}" if org else None,
        "registered_at": record.registered_at,
        "ledger_index": record.ledger_index,
        "signature_valid": signature_ok,
        "receipt_valid": check.ok and entry_ok,
        "checks": checks,
        "receipt": receipt,
    }


def list_records(
    session: Session, *, principal: Principal, params: PageParams, **filters: str | None
) -> Page[Record]:
    return repository.list_records(session, principal, params, **filters)


def get_record(session: Session, *, principal: Principal, record_id: str) -> Record:
    return repository.get_record(session, principal, record_id)


def receipts_for(
    session: Session, *, principal: Principal, settings: Settings, records: list[Record]
) -> list[dict[str, Any]]:
    signer = ledger.signing(settings)
    return [ledger.receipt(session, LOG, r.ledger_index, signer) for r in records]


def contributions(session: Session, *, principal: Principal) -> list[dict[str, Any]]:
    """Employees' contributions, counted from the records that name them."""
    by_name: dict[str, dict[str, Any]] = {}
    projects: dict[str, set[str]] = defaultdict(set)
    for record in repository.records_of(session, principal):
        for name in record.contributors.get("names", []):
            entry = by_name.setdefault(
                name,
                {
                    "name": name,
                    "records": 0,
                    "first": record.registered_at,
                    "last": record.registered_at,
                },
            )
            entry["records"] += 1
            entry["first"] = min(entry["first"], record.registered_at)
            entry["last"] = max(entry["last"], record.registered_at)
            if record.project_id:
                projects[name].add(record.project_id)
    for name, entry in by_name.items():
        entry["projects"] = len(projects[name])
    return sorted(by_name.values(), key=lambda e: (-e["records"], e["name"]))


def register_key(session: Session, *, principal: Principal, public_key: str) -> SigningKey:
    org_id = _org_of(principal)
    algorithm, public = keys.parse_public_key(public_key)
    return keys.register_public_key(session, org_id, algorithm, public, "enterprise")


def retire_key(session: Session, *, principal: Principal, key_id: str) -> SigningKey:
    """Stop a key from signing new registrations; what it signed stays verifiable."""
    org_id = _org_of(principal)
    key = session.scalar(select(SigningKey).where(SigningKey.key_id == key_id))
    if key is None or key.org_id != org_id:
        raise not_found(f"key {key_id}")
    if key.retired_at is not None:
        raise conflict(f"key {key_id} was retired on {key.retired_at:%Y-%m-%d}")
    if key.custody == "custodial":
        raise conflict("the custodial key signs web registrations and cannot be retired")
    key.retired_at = utcnow()
    session.flush()
    return key


def org_keys(session: Session, *, principal: Principal) -> list[SigningKey]:
    org_id = _org_of(principal)
    return list(
        session.scalars(
            select(SigningKey).where(SigningKey.org_id == org_id).order_by(SigningKey.created_at)
        )
    )


def certificate_data(
    session: Session, *, principal: Principal, settings: Settings, records: list[Record]
) -> dict[str, Any]:
    """What a certificate of existence states, each line checked before it is printed."""
    if not records:
        raise validation_error("records", "nothing to certify")
    org = session.get(Organization, records[0].org_id)
    receipts = receipts_for(session, principal=principal, settings=settings, records=records)
    key = str(ledger.signing(settings).keyring.active().verifier)
    checked = [verify_receipt(r, key) for r in receipts]
    return {
        "organization": org,
        "records": records,
        "receipts": receipts,
        "all_valid": all(c.ok for c in checked),
        "timestamps": [c.timestamp for c in checked],
        "verifier_key": key,
        "issued_at": datetime.now().astimezone(),
    }
