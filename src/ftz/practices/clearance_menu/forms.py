"""The wizard's form fields → the recommendation request (checkboxes send "on" or nothing)."""

from __future__ import annotations

from typing import Any

GOODS_FLAGS = ("legal_inspection", "taxable", "temperature_sensitive", "cbec_retail", "solid_waste")
FLAGS = ("guarantee_filed", "manifest_before_arrival", "declare_before_arrival", "transit_wanted")
DEFAULTS = {
    "direction": "import",
    "transport": "rail",
    "credit": "general",
    "port": "阿拉山口",
    "pickup_place": "郑州",
}


def request_body(values: dict[str, str]) -> dict[str, Any]:
    def checked(name: str) -> bool:
        return values.get(name, "") in ("on", "true", "1", "yes")

    return {
        "direction": values.get("direction", ""),
        "transport": values.get("transport", ""),
        "credit": values.get("credit", ""),
        "port": values.get("port", ""),
        "pickup_place": values.get("pickup_place", ""),
        "goods": {"hs_code": values.get("hs_code", ""), **{f: checked(f) for f in GOODS_FLAGS}},
        **{f: checked(f) for f in FLAGS},
    }
