"""Rendering for the p25 pages (every template gets the local time zone `tz`: stored times are
UTC, people read Beijing time) and the web forms turned into the API's bodies."""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from ftz.core.kit.errors import validation_error
from ftz.core.web.templating import render
from ftz.practices.dangerous_goods_permit.common import local_zone

SPLIT = re.compile(r"[,，\s]+")
TERMS = (
    "tolerance_m",
    "speed_limit_kmh",
    "window_start",
    "window_end",
    "max_stop_min",
    "valid_to",
    "note",
)


def show(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    return render(request, template, {"tz": local_zone(), **context}, status=status)


def waypoints(text: str, field: str) -> list[list[float]]:
    """`lon, lat` per line."""
    points = []
    for n, line in enumerate(text.strip().splitlines(), start=1):
        parts = [p for p in SPLIT.split(line.strip()) if p]
        if not parts:
            continue
        try:
            lon, lat = (float(p) for p in parts)
        except ValueError as exc:
            raise validation_error(field, f"line {n}: expected 'lon, lat', got {line!r}") from exc
        points.append([lon, lat])
    return points


def as_lines(route: list[list[float]]) -> str:
    return "\n".join(f"{lon}, {lat}" for lon, lat in route)


def terms_body(values: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {k: values[k] for k in TERMS if values.get(k, "") != ""}
    body["escort"] = values.get("escort") == "on"
    return body


def permit_body(values: dict[str, str]) -> dict[str, Any]:
    body = terms_body(values)
    for key in ("org_code", "vehicle_plate", "cargo_un", "cargo_name", "valid_from"):
        if values.get(key):
            body[key] = values[key]
    body["route_a"] = waypoints(values.get("route_a", ""), "route_a")
    body["route_b"] = waypoints(values.get("route_b", ""), "route_b")
    return body
