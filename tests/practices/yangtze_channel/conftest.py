"""p29 fixtures: the demo's channel administration, operators and shippers with API tokens and
the partner-operator registry, all made inside the test's own transaction (rolled back with
it), and helpers that post orders and offers through the API."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.yangtze_channel.demo import ensure_registry
from ftz.practices.yangtze_channel.reference import today
from tests.conftest import ApiClients

STAFF = ("yc.officer", "yc.op.zhongbu", "yc.op.guangtie", "yc.port.hunan", "yc.shipper.a",
         "yc.shipper.b")  # fmt: skip
API = "/api/yangtze-channel"


@pytest.fixture
def yc(api: ApiClients, session: Session) -> ApiClients:
    ensure_registry(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api


def days(n: int) -> str:
    return (today() + timedelta(days=n)).isoformat()


def order_body(**extra: Any) -> dict[str, Any]:
    return {
        "origin": "changsha_xianing",
        "destination": "guangzhou_nansha",
        "cargo_type": "machinery",
        "trade": "export",
        "teu": 40,
        "ready_on": days(1),
        "deliver_by": days(10),
        **extra,
    }


def offer_body(**extra: Any) -> dict[str, Any]:
    return {
        "service_code": "S1-GT-NS",
        "mode": "rail",
        "origin": "changsha_xianing",
        "destination": "guangzhou_nansha",
        "departs_on": days(2),
        "arrives_on": days(4),
        "capacity_teu": 100,
        "cargo_types": ["general", "machinery"],
        "price_cny_per_teu": 4200,
        **extra,
    }


def posted(api: ApiClients, user: str = "yc.shipper.a", **extra: Any) -> dict[str, Any]:
    made = api.as_(user).post(f"{API}/orders", json=order_body(**extra))
    assert made.status_code == 201, made.text
    return dict(made.json())


def offered(api: ApiClients, user: str = "yc.op.guangtie", **extra: Any) -> dict[str, Any]:
    made = api.as_(user).post(f"{API}/offers", json=offer_body(**extra))
    assert made.status_code == 201, made.text
    return dict(made.json())
