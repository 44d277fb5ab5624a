"""p05 fixtures: the demo's maritime safety officers and enterprises with API tokens, and the
registry's listed cargoes (data/cargoes.yaml) loaded through the service."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.cargo_rules.demo import load_listed
from ftz.practices.cargo_rules.demo_people import OFFICER, ensure_staff
from tests.conftest import ApiClients

STAFF = ("cgr.officer", "cgr.xiamen", "cgr.shipper", "cgr.barite", "cgr.other")
BASE = "/api/cargo-rules"


def add_staff(session: Session, tokens: dict[str, str]) -> None:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    load_listed(session, accounts.acting_as(session, OFFICER))
    session.commit()


@pytest.fixture
def cgr(api: ApiClients, session: Session) -> ApiClients:
    add_staff(session, api.tokens)
    return api


def request_body(**extra: Any) -> dict[str, Any]:
    return {
        "goods_zh": "菱镁矿细粉",
        "goods_en": "MAGNESITE FINE POWDER",
        "mode": "bulk",
        "loading_port": "营口港",
        "discharge_port": "Rotterdam, NL",
        "flag_state": "巴拿马",
        "description": "0-1 mm, 95% MgO",
        **extra,
    }


def cargo_body(code: str = "TEST-CARGO", **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "name_zh": "测试货物",
        "name_en": "TEST CARGO",
        "regime": "imsbc",
        "imsbc_group": "A",
        "tml_test": "flow table test",
        "version_label": "IMSBC 07-23",
        "conditions_zh": "含水量须低于TML",
        "conditions_en": "Moisture below the TML",
        **extra,
    }


def sign_all(client: Any, key: str, on: str = "2024-03-01") -> None:
    for role, who in (
        ("loading", "辽宁海事局"),
        ("flag", "Panama Maritime Authority"),
        ("discharge", "Port of Rotterdam"),
    ):
        done = client.post(
            f"{BASE}/assessments/{key}/sign-offs",
            json={"role": role, "authority": who, "reference": f"REF-{role}", "signed_on": on},
        )
        assert done.status_code == 201, done.text
