"""Reading the p13 web forms into the API's schemas: vehicles are typed one per line
("VIN, model, power source, kWh", as shippers paste them from their order lists), photo
fingerprints one per line, checklist items as checkboxes (ticked = met)."""

from __future__ import annotations

from typing import Any

from ftz.core.kit.errors import validation_error
from ftz.practices.nev_containers.schemas import (
    ArrivalIn,
    DeclarationIn,
    InspectionIn,
    ReinspectionIn,
)

CHECK_ITEMS = (
    "no_leakage", "battery_undamaged", "terminals_protected", "battery_type_tested",
    "vehicles_secured", "fuel_system_safe", "placards_four_sides", "packing_certificate",
    "seal_applied", "container_sound",
)  # fmt: skip
ARRIVAL_ITEMS = ("seal_intact", "container_damaged", "leak_seen", "placards_intact")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def vehicles_text(vehicles: list[Any]) -> str:
    return "\n".join(f"{v.vin}, {v.model}, {v.power_source}, {v.battery_kwh}" for v in vehicles)


def declaration(values: dict[str, str]) -> DeclarationIn:
    vehicles = []
    for number, line in enumerate(_lines(values.get("vehicles", "")), start=1):
        parts = [p.strip() for p in line.split(",")]
        if len(parts) != 4:
            raise validation_error("vehicles", f"line {number}: VIN, model, power source, kWh")
        vin, model, source, kwh = parts
        vehicles.append({"vin": vin.upper(), "model": model, "power_source": source,
                         "battery_kwh": kwh})  # fmt: skip
    data: dict[str, Any] = {
        k: v.strip() for k, v in values.items() if v.strip() and k != "vehicles"
    }
    data["opt_in_42_24"] = "opt_in_42_24" in values
    return DeclarationIn.model_validate({**data, "vehicles": vehicles})


def inspection(values: dict[str, str]) -> InspectionIn:
    return InspectionIn.model_validate({
        **{item: item in values for item in CHECK_ITEMS},
        "seal_no": values.get("seal_no", "").strip().upper(),
        "photo_sha256": [h.lower() for h in _lines(values.get("photo_sha256", ""))],
        "note": values.get("note", ""),
    })  # fmt: skip


def arrival(values: dict[str, str]) -> ArrivalIn:
    return ArrivalIn.model_validate({
        **{item: item in values for item in ARRIVAL_ITEMS},
        "seal_no": values.get("seal_no", "").strip().upper(),
        "note": values.get("note", ""),
    })  # fmt: skip


def reinspection(values: dict[str, str]) -> ReinspectionIn:
    return ReinspectionIn.model_validate({
        "passed": values.get("passed") == "yes",
        "photo_sha256": [h.lower() for h in _lines(values.get("photo_sha256", ""))],
        "note": values.get("note", ""),
    })  # fmt: skip
