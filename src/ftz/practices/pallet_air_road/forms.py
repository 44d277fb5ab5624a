"""Web form fields → API bodies. The manifest is typed one house waybill per line:
`HAWB, description, pieces, gross kg, destination airport`."""

from __future__ import annotations

from typing import Any

from ftz.core.kit.errors import validation_error


def lines(text: str) -> list[dict[str, Any]]:
    found = []
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        parts = [p.strip() for p in raw.replace("，", ",").split(",")]
        if len(parts) != 5:
            raise validation_error("lines", f"line {n}: HAWB, description, pieces, kg, airport")
        hawb, description, pieces, kg, airport = parts
        found.append({"hawb": hawb, "description": description, "pieces": pieces,
                      "gross_kg": kg, "destination": airport.upper()})  # fmt: skip
    return found


def uld_body(values: dict[str, str]) -> dict[str, Any]:
    return {
        "uld_code": values.get("uld_code", ""), "mawb_no": values.get("mawb_no", "").strip(),
        "flight_no": values.get("flight_no", "").strip().upper(),
        "flight_date": values.get("flight_date") or None,
        "origin": values.get("origin", "").strip().upper(),
        "handler_org_code": values.get("handler_org_code", "").strip(),
        "lines": lines(values.get("lines", "")), "note": values.get("note", ""),
    }  # fmt: skip


def lines_text(rows: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{r['hawb']}, {r['description']}, {r['pieces']}, {r['gross_kg']}, {r['destination']}"
        for r in rows
    )


def event_body(values: dict[str, str]) -> dict[str, Any]:
    return {
        "event": values.get("event", ""), "at": values.get("at") or None,
        "crew": values.get("crew") or None, "trailer_plate": values.get("trailer_plate") or None,
        "legs": {k.removeprefix("leg_"): v.strip() for k, v in values.items()
                 if k.startswith("leg_") and v.strip()} or None,
        "destination": values.get("destination") or None, "note": values.get("note", ""),
    }  # fmt: skip
