"""Web form fields → API shapes. Units are typed one per line: `NUMBER KIND SEAL SEAL…` at the
gate and on declarations, `NUMBER KIND WEIGHT_KG SEAL…` on manifests."""

from __future__ import annotations

from typing import Any

from ftz.core.kit.errors import validation_error

KINDS = ("container", "uld", "pallet")


def parse_units(text: str) -> list[dict[str, Any]]:
    units = []
    for n, line in enumerate(text.splitlines(), 1):
        words = line.split()
        if not words:
            continue
        if len(words) < 2 or words[1].lower() not in KINDS:
            raise validation_error(
                "units", f"line {n}: write NUMBER KIND [SEAL…], KIND one of {', '.join(KINDS)}"
            )
        units.append({"number": words[0], "kind": words[1].lower(), "seals": words[2:]})
    return units


def units_text(units: list[dict[str, Any]]) -> str:
    return "\n".join(" ".join([u["number"], u["kind"], *u["seals"]]) for u in units)


def parse_manifest_units(text: str) -> list[dict[str, Any]]:
    units = []
    for n, line in enumerate(text.splitlines(), 1):
        words = line.split()
        if not words:
            continue
        weight = words[2].lower().removesuffix("kg") if len(words) > 2 else ""
        if words[1:2] == [] or words[1].lower() not in KINDS or not weight.isdigit():
            raise validation_error(
                "units", f"line {n}: write NUMBER KIND WEIGHT_KG [SEAL…], KIND one of "
                f"{', '.join(KINDS)}"
            )  # fmt: skip
        units.append({"number": words[0], "kind": words[1].lower(), "weight_kg": int(weight),
                      "seals": words[3:]})  # fmt: skip
    return units


def manifest_units_text(units: list[dict[str, Any]]) -> str:
    return "\n".join(
        " ".join([u["number"], u["kind"], str(u["weight_kg"] or ""), *u["seals"]]) for u in units
    )
