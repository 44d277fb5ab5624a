"""Shared p13 test data: a declaration body, a checklist that passes, and the steps."""

from __future__ import annotations

import hashlib
from typing import Any

from stdnum import iso6346

from tests.conftest import ApiClients

API = "/api/nev-containers"
ALL_MET = dict.fromkeys(
    (
        "no_leakage",
        "battery_undamaged",
        "terminals_protected",
        "battery_type_tested",
        "vehicles_secured",
        "fuel_system_safe",
        "placards_four_sides",
        "packing_certificate",
        "seal_applied",
        "container_sound",
    ),
    True,
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def box(serial: int) -> str:
    body = f"TSTU{serial:06d}"
    return body + iso6346.calc_check_digit(body)


def body(serial: int = 1, sea_date: str = "2026-12-20", **extra: Any) -> dict[str, Any]:
    return {
        "batch_no": "CQ-QZ-T-001",
        "container_no": box(serial),
        "origin": "chongqing_guoyuan",
        "transit_port": "qinzhou",
        "destination": "Laem Chabang",
        "origin_office": "nev-msa-cq",
        "transit_office": "nev-msa-qz",
        "packing_site": "鱼复装箱场",
        "sea_date": sea_date,
        "vehicles": [
            {
                "vin": f"LTEST{serial:012d}",
                "model": "深蓝SL03",
                "power_source": "bev_li_ion",
                "battery_kwh": "58.1",
            },
            {
                "vin": f"LHYBR{serial:012d}",
                "model": "问界M5",
                "power_source": "phev_liquid",
                "battery_kwh": "40",
            },
        ],
        **extra,
    }


def declared(api: ApiClients, serial: int = 1, user: str = "nev.shipper") -> dict[str, Any]:
    made = api.as_(user).post(f"{API}/declarations", json=body(serial))
    assert made.status_code == 201, made.text
    return dict(made.json())


def certified(api: ApiClients, serial: int = 1, seal: str = "CQ000001") -> dict[str, Any]:
    d = declared(api, serial)
    done = api.as_("nev.cq").post(
        f"{API}/declarations/{d['id']}/inspection",
        json={**ALL_MET, "seal_no": seal, "photo_sha256": [sha("photo")]},
    )
    assert done.status_code == 201, done.text
    return d
