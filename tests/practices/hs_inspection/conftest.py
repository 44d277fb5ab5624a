"""p06 fixtures: the demo's inspection officers and importers with API tokens made inside the
test's transaction, and a few risk records and inspected batches to search."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM
from ftz.practices.hs_inspection import importer
from tests.conftest import ApiClients

STAFF = ("hs.officer", "hs.importer", "hs.importer2", "admin", "nev.cq")
API = "/api/hs-inspection"


def record(ref: str, **extra: Any) -> dict[str, Any]:
    return {"record_no": ref, "hs_code": "8516310000", "record_date": "2025-01-10",
            "product": "电吹风", "brand": "Aerolux", "risk_type": "electric_shock",
            "defect": "带电部件可触及", "severity": 4, **extra}  # fmt: skip


NOTIFICATION = {
    "alert_number": "A12/00001/25", "hs_code": "851631", "record_date": "2025-02-01",
    "product": "Hair dryer", "country": "Germany", "brand": "Aerolux", "model": "HD-1",
    "barcode": "6901234567892", "batch_no": "LOT1", "risk_type": "fire",
    "defect": "The cord overheats.", "measures": "Recall of the product from end users",
}  # fmt: skip


@pytest.fixture
def hs(api: ApiClients, session: Session) -> ApiClients:
    from ftz.practices.hs_inspection.demo import ensure_staff
    from ftz.practices.nev_containers.demo import ensure_staff as nev_staff

    ensure_staff(session)
    nev_staff(session)  # an officer of another agency (maritime)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    rows = [record("NC-T-1"), record("NC-T-2", risk_type="fire", severity=3)]
    importer.import_records(
        session,
        principal=SYSTEM,
        source="nonconformity",
        filename="t.json",
        content=json.dumps(rows).encode(),
    )
    importer.import_records(
        session,
        principal=SYSTEM,
        source="overseas_notification",
        filename="n.json",
        content=json.dumps([NOTIFICATION]).encode(),
    )
    session.commit()
    return api


def batch_body(**extra: Any) -> dict[str, Any]:
    return {"hs_code": "8516310000", "product": "电吹风", "brand": "Aerolux", "model": "HD-1",
            "origin_country": "Germany", "quantity": 200, "arrival_date": date.today().isoformat(),
            **extra}  # fmt: skip


def declared(api: ApiClients, user: str = "hs.importer", **extra: Any) -> dict[str, Any]:
    made = api.as_(user).post(f"{API}/batches", json=batch_body(**extra))
    assert made.status_code == 201, made.text
    return dict(made.json())
