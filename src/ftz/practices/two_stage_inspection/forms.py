"""Reading the p20 web forms into the API's schemas: goods are typed one per line ("tariff
code, name, specification, packing, annual value in USD", as enterprises paste them from their
filing lists); check items are checkboxes (ticked = as declared)."""

from __future__ import annotations

from typing import Any

from ftz.core.kit.errors import validation_error
from ftz.practices.two_stage_inspection.schemas import (
    AssessmentIn,
    ExternalCheckIn,
    InstructionIn,
    PilotIn,
    ResultIn,
    ViolationIn,
)

CHECK_ITEMS = ("labels_ok", "name_ok", "spec_ok", "quantity_ok", "packing_intact")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _blank_none(values: dict[str, str], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in values.items() if not (k in keys and not v.strip())}


def goods_text(goods: list[Any]) -> str:
    return "\n".join(
        f"{g.tariff_code}, {g.name}, {g.specification}, {g.packing}, {g.annual_value_usd}"
        for g in goods
    )


def pilot(values: dict[str, str]) -> PilotIn:
    goods = []
    for number, line in enumerate(_lines(values.get("goods", "")), start=1):
        parts = [p.strip() for p in line.split(",")]
        if len(parts) != 5:
            raise validation_error(
                "goods", f"line {number}: tariff code, name, specification, packing, value USD"
            )
        code, name, spec, packing, value = parts
        goods.append({"tariff_code": code, "name": name, "specification": spec,
                      "packing": packing, "annual_value_usd": value})  # fmt: skip
    return PilotIn.model_validate({**values, "goods": goods})


def assessment(values: dict[str, str]) -> AssessmentIn:
    data = _blank_none(values, "assessed_on", "seizures_3y")
    data["local_recommended"] = values.get("local_recommended") == "on"
    return AssessmentIn.model_validate(data)


def violation(values: dict[str, str]) -> ViolationIn:
    return ViolationIn.model_validate(_blank_none(values, "found_on"))


def instruction(values: dict[str, str]) -> InstructionIn:
    return InstructionIn.model_validate(_blank_none(values, "arrived_on"))


def external_check(values: dict[str, str]) -> ExternalCheckIn:
    data: dict[str, Any] = _blank_none(values, "checked_on")
    data |= {item: values.get(item) == "on" for item in CHECK_ITEMS}
    return ExternalCheckIn.model_validate(data)


def result(values: dict[str, str]) -> ResultIn:
    data: dict[str, Any] = _blank_none(values, "checked_on")
    data["conform"] = values.get("conform") == "yes"
    return ResultIn.model_validate(data)
