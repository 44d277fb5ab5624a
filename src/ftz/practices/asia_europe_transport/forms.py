"""Web forms to API bodies: the booking form's containers come one per line as
"NUMBER SIZE [SET-TEMPERATURE]" (e.g. "CSQU3054383 40 -18"), as shippers list them."""

from __future__ import annotations

from typing import Any

from ftz.core.kit.errors import validation_error


def containers(text: str) -> list[dict[str, Any]]:
    found = []
    for n, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) > 3 or (len(parts) > 1 and parts[1] not in ("20", "40")):
            raise validation_error("containers", f"line {n}: NUMBER SIZE(20|40) [TEMPERATURE]")
        try:
            temp = float(parts[2]) if len(parts) == 3 else None
        except ValueError as exc:
            raise validation_error("containers", f"line {n}: the temperature is a number") from exc
        found.append({"number": parts[0].upper(), "size": int(parts[1]) if len(parts) > 1 else 40,
                      "reefer": temp is not None, "set_temp_c": temp})  # fmt: skip
    return found


def booking(values: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {
        k: v for k, v in values.items() if k not in ("containers", "negotiable")
    }
    body["containers"] = containers(values.get("containers", ""))
    body["negotiable"] = values.get("negotiable") == "on"
    return body


def amounts(values: dict[str, str], prefix: str) -> dict[str, int]:
    """stock_<node> / demand_<node> fields as counts (blank is zero)."""
    found = {}
    for key, value in values.items():
        if key.startswith(prefix):
            text = value.strip() or "0"
            if not text.isdigit():
                raise validation_error(key, "a whole number of boxes")
            found[key.removeprefix(prefix)] = int(text)
    return found
