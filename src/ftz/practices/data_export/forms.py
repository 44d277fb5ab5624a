"""Turning the p01 web forms into the API's shapes (the same validation as the API)."""

from __future__ import annotations

import json
from typing import Any

from ftz.core.kit.errors import validation_error

FLAG_FIELDS = (
    "ciio",
    "important_data",
    "collected_abroad",
    "trade_transport_academic_manufacturing",
)


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise validation_error("scan", f"not JSON: {exc.msg} at line {exc.lineno}") from exc


def inventory_lines(text: str) -> list[dict[str, Any]]:
    """One field per line: `name`, `name:pi` (personal information) or `name:spi` (sensitive)."""
    fields: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        name, _, mark = line.partition(":")
        mark = mark.strip().lower()
        if mark not in ("", "pi", "spi"):
            raise validation_error("inventory", f"line {number}: after ':' write pi or spi")
        fields.append(
            {
                "name": name.strip(),
                "personal_info": mark in ("pi", "spi"),
                "sensitive": mark == "spi",
            }
        )
    return fields


def inventory_text(inventory: list[dict[str, Any]]) -> str:
    def mark(field: dict[str, Any]) -> str:
        return ":spi" if field.get("sensitive") else ":pi" if field.get("personal_info") else ""

    return "\n".join(f"{field['name']}{mark(field)}" for field in inventory)


def inventory_from_scan(scan: Any) -> list[dict[str, Any]]:
    """A filing's field inventory from `ftz data-export scan --json` output: every column, with
    the entity, class and level the scanner found (column names prefixed by their table when
    the scan covered several tables)."""
    columns = scan.get("columns") if isinstance(scan, dict) else None
    if not isinstance(columns, list) or not columns:
        raise validation_error("scan", "not the JSON of ftz data-export scan (no columns)")
    tables = {column.get("table") for column in columns if isinstance(column, dict)}
    inventory = []
    for column in columns:
        if not isinstance(column, dict) or not isinstance(column.get("name"), str):
            raise validation_error("scan", "every column needs a name")
        name = column["name"]
        if len(tables) > 1 and column.get("table"):
            name = f"{column['table']}.{name}"
        inventory.append(
            {
                "name": name,
                "entity": column.get("entity"),
                "category": column.get("category"),
                "level": column.get("level"),
                "personal_info": bool(column.get("personal_info")),
                "sensitive": bool(column.get("sensitive")),
            }
        )
    return inventory


def _tristate(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def filing_body(values: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "recipient": values.get("recipient", ""),
        "country": values.get("country", "").upper(),
        "sector": values.get("sector", ""),
        "purpose": values.get("purpose", "other"),
        "purpose_text": values.get("purpose_text", ""),
        "scenario": values.get("scenario", ""),
        "ftz": values.get("ftz") or None,
        "on_negative_list": _tristate(values.get("on_negative_list", "")),
        "inventory": (
            inventory_from_scan(_json(values["scan_json"]))
            if values.get("scan_json", "").strip()
            else inventory_lines(values.get("inventory", ""))
        ),
        "individuals": values.get("individuals") or 0,
        "sensitive_individuals": values.get("sensitive_individuals") or 0,
        **{flag: flag in values for flag in FLAG_FIELDS},
    }
    sha = values.get("document_sha256", "").strip()
    if sha:
        body["documents"] = [
            {
                "kind": values.get("document_kind") or "other",
                "title": values.get("document_title") or "document",
                "sha256": sha,
            }
        ]
    return body


def scenario_body(values: dict[str, str]) -> dict[str, Any]:
    """The guided assessment form → the decision's scenario."""

    def count(name: str) -> int:
        text = (values.get(name) or "0").strip()
        try:
            return int(text)
        except ValueError as exc:
            raise validation_error(name, "a whole number of people") from exc

    return {
        "exporter": {"ciio": "ciio" in values, "ftz": values.get("ftz") or None},
        "purpose": values.get("purpose", "other"),
        "data": {
            "personal_info": "personal_info" in values,
            "important_data": "important_data" in values,
            "collected_abroad": "collected_abroad" in values,
            "trade_transport_academic_manufacturing": (
                "trade_transport_academic_manufacturing" in values
            ),
            "on_negative_list": _tristate(values.get("on_negative_list", "")),
        },
        "individuals_since_jan1": {
            "personal_info": count("individuals"),
            "sensitive_personal_info": count("sensitive_individuals"),
        },
    }
