"""Shared p20 test data: an application body, an assessment that admits, an instruction, and
the steps that get there."""

from __future__ import annotations

from typing import Any

from tests.conftest import ApiClients

API = "/api/two-stage-inspection"
ADMIT = {
    "credit_level": "advanced_certified",
    "local_recommended": True,
    "supply_chain": "traceable",
    "seizures_3y": 0,
}
CLEAR = {
    "labels_ok": True,
    "name_ok": True,
    "spec_ok": True,
    "quantity_ok": True,
    "packing_intact": True,
}


def pilot_body(**extra: Any) -> dict[str, Any]:
    return {
        "contact": "关务部 王工",
        "business_scope": "光刻材料研发生产",
        "recommendation_ref": "苏自贸推〔2026〕99号",
        "goods": [
            {
                "tariff_code": "3707.90",
                "name": "KrF光刻胶",
                "specification": "1加仑/瓶",
                "packing": "light_proof",
                "annual_value_usd": "6200000",
            },
            {
                "tariff_code": "3818000000",
                "name": "掺杂硅片",
                "specification": "12英寸",
                "packing": "vacuum",
                "annual_value_usd": "1000000",
            },
            {
                "tariff_code": "8471.30",
                "name": "笔记本电脑",
                "specification": "普通纸箱",
                "packing": "ordinary",
                "annual_value_usd": "50000",
            },
        ],
        **extra,
    }


def instruction_body(
    enterprise: str = "tsi-ent-photo", tariff: str = "370790", **extra: Any
) -> dict[str, Any]:
    return {
        "enterprise": enterprise,
        "entry_no": "221820261000000001",
        "tariff_code": tariff,
        "goods_name": "KrF光刻胶",
        "quantity": "40",
        "unit": "瓶",
        "value_usd": "186000",
        "requirements": "核对品名、规格、数量，开箱检查",
        "arrived_on": "2026-11-16",
        "port_office": "tsi-port-pvg",
        "destination_office": "tsi-dest-sip",
        **extra,
    }


def applied(api: ApiClients, user: str = "tsi.ent") -> dict[str, Any]:
    made = api.as_(user).post(f"{API}/pilots", json=pilot_body())
    assert made.status_code == 201, made.text
    return dict(made.json())


def admitted(api: ApiClients, user: str = "tsi.ent") -> dict[str, Any]:
    p = applied(api, user)
    done = api.as_("tsi.sip").post(f"{API}/pilots/{p['id']}/assessment", json=ADMIT)
    assert done.status_code == 200 and done.json()["status"] == "admitted", done.text
    return dict(done.json())


def issued(api: ApiClients, **extra: Any) -> dict[str, Any]:
    made = api.as_("tsi.pvg").post(f"{API}/instructions", json=instruction_body(**extra))
    assert made.status_code == 201, made.text
    return dict(made.json())
