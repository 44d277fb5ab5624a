"""Shared p22 test data: declaration bodies with clean and listed goods."""

from __future__ import annotations

from typing import Any

from tests.conftest import ApiClients

API = "/api/cbec-key-items"
TSHIRT = {
    "item_name": "纯棉T恤",
    "spec": "S-XL",
    "hs_code": "6109100021",
    "quantity": "100",
    "unit": "件",
    "weight_kg": "18",
    "value_cny": "2900",
}
POWER_BANK = {
    "item_name": "ＰＯＷＥＲ　ＢＡＮＫ 20000mAh",
    "spec": "",
    "hs_code": "8504409999",
    "quantity": "20",
    "unit": "个",
    "weight_kg": "8",
    "value_cny": "1600",
}
PERFUME = {
    "item_name": "香水礼盒",
    "spec": "30ml",
    "hs_code": "3303000000",
    "quantity": "10",
    "unit": "盒",
    "weight_kg": "3",
    "value_cny": "900",
}


def line(**extra: Any) -> dict[str, Any]:
    return {**TSHIRT, **extra}


def body(*lines: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "entry_no": "4601202611240001",
        "ecommerce_code": "4501961234",
        "lines": list(lines) or [TSHIRT],
        **extra,
    }


def declared(
    api: ApiClients, *lines: dict[str, Any], user: str = "cbk.forwarder", **extra: Any
) -> dict[str, Any]:
    made = api.as_(user).post(f"{API}/declarations", json=body(*lines, **extra))
    assert made.status_code == 201, made.text
    return dict(made.json())


def flagged(declaration: dict[str, Any]) -> list[dict[str, Any]]:
    return [x for x in declaration["lines"] if x["status"] == "inspection"]
