"""p28 fixtures: the demo's laboratory, partner desks, standards centre and two enterprises, with
API tokens; helpers that take a file through the steps."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.certification_one_stop.demo_staff import ensure_staff
from tests.conftest import ApiClients

STAFF = ("co.lab", "co.sirim", "co.kebs", "co.zw", "co.standards", "co.ent.a", "co.ent.b")
API = "/api/certification-one-stop"
FRIDGE = {
    "scheme": "MY-SIRIM",
    "product": "双门家用电冰箱",
    "model": "BCD-520",
    "hs_code": "8418.21",
    "trade_value_cny": "1500000.00",
}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture
def co(api: ApiClients, session: Session) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api


def make_opened(
    api: ApiClients, body: dict[str, Any] | None = None, user: str = "co.ent.a"
) -> dict[str, Any]:
    made = api.as_(user).post(f"{API}/applications", json=body or FRIDGE)
    assert made.status_code == 201, made.text
    return dict(made.json())


def make_submitted(
    api: ApiClients, body: dict[str, Any] | None = None, user: str = "co.ent.a"
) -> dict[str, Any]:
    app = make_opened(api, body, user)
    for kind in app["required_documents"]:
        done = api.as_(user).post(
            f"{API}/applications/{app['id']}/documents",
            json={"kind": kind, "filename": f"{kind}.pdf", "sha256": sha(kind)},
        )
        assert done.status_code == 201, done.text
    sent = api.as_(user).post(f"{API}/applications/{app['id']}/events", json={"event": "submit"})
    assert sent.status_code == 200, sent.text
    return dict(sent.json())


def make_tested(
    api: ApiClients, body: dict[str, Any] | None = None, *, fail: str = ""
) -> dict[str, Any]:
    app = make_submitted(api, body)
    lab = api.as_("co.lab")
    assert (
        lab.post(f"{API}/applications/{app['id']}/events", json={"event": "accept"}).status_code
        == 200
    )
    for test in app["required_tests"]:
        done = lab.post(
            f"{API}/applications/{app['id']}/tests",
            json={
                "test_code": test["code"],
                "passed": test["code"] != fail,
                "report_sha256": sha(test["code"]),
            },
        )
        assert done.status_code == 201, done.text
    concluded = lab.post(f"{API}/applications/{app['id']}/conclude", json={})
    assert concluded.status_code == 200, concluded.text
    return dict(concluded.json())
