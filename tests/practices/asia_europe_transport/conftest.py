"""p14 fixtures: the demo's land-port operator, bank and two shippers with API tokens made
inside the test's transaction, and a booking body on the Lancang–Mekong–Chengdu–Europe express."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.asia_europe_transport.demo import ensure_staff
from tests.conftest import ApiClients

STAFF = ("aet.operator", "aet.bank", "aet.shipper", "aet.forwarder")
API = "/api/asia-europe-transport"
REEFER_BOX = "SZLU9000010"
DRY_BOX = "CSQU3054383"


def next_monday() -> datetime:
    today = datetime.now(UTC).replace(hour=1, minute=0, second=0, microsecond=0)
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def booking_body(**extra: Any) -> dict[str, Any]:
    return {
        "corridor": "LMRO",
        "shipper": "万象测试果业有限公司",
        "consignee": "TO ORDER",
        "notify_party": "Łódź Test Sp. z o.o.",
        "goods": "冷冻榴莲 frozen durian",
        "hs_code": "081090",
        "cargo": "reefer",
        "packages": 800,
        "gross_kg": "24000",
        "containers": [{"number": REEFER_BOX, "size": 40, "reefer": True, "set_temp_c": -18}],
        "requested_departure": next_monday().isoformat(),
        **extra,
    }


@pytest.fixture
def aet(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api


def issued_bill(aet: ApiClients, **extra: Any) -> dict[str, Any]:
    """Booked by the Lao shipper, paid and issued by the operator."""
    shipper, operator = aet.as_("aet.shipper"), aet.as_("aet.operator")
    made = shipper.post(f"{API}/bills", json=booking_body(**extra))
    assert made.status_code == 201, made.text
    bill_id = made.json()["id"]
    paid = shipper.post(f"{API}/bills/{bill_id}/pay", json={"payment_ref": "95306-T-1"})
    assert paid.status_code == 200, paid.text
    issued = operator.post(f"{API}/bills/{bill_id}/issue")
    assert issued.status_code == 200, issued.text
    body: dict[str, Any] = issued.json()
    return body
