"""Builders for p12 test data (valid identity numbers, typical applications)."""

from __future__ import annotations

from datetime import date
from itertools import count
from typing import Any

from ftz.domain.parties.identity import make_resident_id

_sequence = count(100)


def id_number(birth: date = date(1990, 5, 17), male: bool = True) -> str:
    seq = next(_sequence) % 500 * 2 + (1 if male else 0)
    return make_resident_id("420502", birth, seq)


def application_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "candidate": {
            "full_name": "测试考生",
            "id_number": id_number(),
            "education": 3,
            "health_ok": True,
        },
        "trade": "electrician",
        "certificates": ["EM-LV-ELEC", "HR-ELEC-JR", "CW-WEAK-5"],
        "experience_years": 2,
    }
    candidate = overrides.pop("candidate", None)
    if candidate:
        body["candidate"].update(candidate)
    body.update(overrides)
    return body
