"""Turning the web forms into the API's bodies: waypoints and passengers typed one per line,
document choices as one select and one fingerprint per document."""

from __future__ import annotations

import re
from typing import Any

from ftz.core.kit.errors import validation_error
from ftz.practices.yacht_services.common import documents

SPLIT = re.compile(r"[,，\s]+")


def waypoints(text: str) -> list[list[float]]:
    """`lon, lat` per line."""
    points = []
    for n, line in enumerate(text.strip().splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p for p in SPLIT.split(line.strip()) if p]
        try:
            lon, lat = (float(p) for p in parts)
        except ValueError as exc:
            raise validation_error("route", f"line {n}: expected 'lon, lat', got {line!r}") from exc
        points.append([lon, lat])
    return points


def passengers(text: str) -> list[dict[str, str]]:
    """`name, nationality, document kind, document number` per line."""
    found = []
    for n, line in enumerate(text.strip().splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in re.split(r"[,，]", line)]
        if len(parts) != 4:
            raise validation_error(
                "passengers", f"line {n}: expected 'name, nationality, kind, number'"
            )
        name, nationality, kind, number = parts
        found.append({"name": name, "nationality": nationality.upper(), "document_kind": kind,
                      "document_number": number})  # fmt: skip
    return found


def sailing_body(values: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {k: v for k, v in values.items() if v != ""}
    body["route"] = waypoints(values.get("route", ""))
    body["passengers"] = passengers(values.get("passengers", ""))
    body["lookout_aboard"] = values.get("lookout_aboard") == "on"
    return body


def transfer_body(values: dict[str, str]) -> dict[str, Any]:
    fields = ("registration_no", "new_name_zh", "new_name_en", "new_owner_name",
              "new_home_port", "new_usage")  # fmt: skip
    body: dict[str, Any] = {k: values[k] for k in fields if values.get(k)}
    docs = []
    for doc in documents()["documents"]:
        code = doc["code"]
        mode = values.get(f"mode_{code}", "provided")
        digest = values.get(f"sha256_{code}", "").strip().lower() or None
        docs.append({"code": code, "mode": mode, "sha256": digest if mode == "provided" else None})
    body["documents"] = docs
    return body


def yacht_body(values: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {k: v for k, v in values.items() if v != ""}
    for flag in ("rental_filed", "night_certified"):
        body[flag] = values.get(flag) == "on"
    return body
