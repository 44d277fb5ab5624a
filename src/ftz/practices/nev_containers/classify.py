"""The dangerous-goods reading of a declaration, all by the rule tables: which IMDG amendment
governs the sea date (rules/edition.json), each vehicle's UN number, name and class by its power
source (rules/un_number.json), and the special provisions and marks of each UN number in a
closed container (rules/special_provisions.json). No verdict is taken outside the tables."""

from __future__ import annotations

from datetime import date
from typing import Any

from ftz.core.kit.errors import validation_error
from ftz.practices.nev_containers.common import rules
from ftz.practices.nev_containers.schemas import VehicleIn


def edition(sea_date: date, opt_in: bool) -> tuple[str, list[dict[str, Any]]]:
    date_num = sea_date.year * 10_000 + sea_date.month * 100 + sea_date.day
    found = rules().evaluate("edition.json", {"date_num": date_num, "opt_in_42_24": opt_in})
    chosen = str(found.result.get("edition", "unsupported"))
    if chosen == "unsupported":
        raise validation_error("sea_date", "sea legs before 2024-01-01 are not handled here")
    return chosen, found.explanation()


def vehicle(item: VehicleIn, code_edition: str) -> dict[str, Any]:
    found = rules().evaluate(
        "un_number.json", {"power_source": item.power_source, "edition": code_edition}
    )
    return {
        "un_number": str(found.result["un_number"]),
        "proper_shipping_name": str(found.result["proper_shipping_name"]),
        "dg_class": str(found.result["dg_class"]),
        "fired": found.explanation(),
    }


def provisions(un_numbers: list[str]) -> list[dict[str, Any]]:
    """The fired rows per UN number, each with its provisions, placards and source."""
    out = []
    for number in un_numbers:
        found = rules().evaluate(
            "special_provisions.json", {"un_number": number, "stowage": "container"}
        )
        out.append({"un_number": number, "fired": found.explanation()})
    return out


def classify(sea_date: date, opt_in: bool, vehicles: list[VehicleIn]) -> dict[str, Any]:
    code_edition, fired = edition(sea_date, opt_in)
    classified = [{**v.model_dump(), **vehicle(v, code_edition)} for v in vehicles]
    numbers = sorted({c["un_number"] for c in classified})
    return {
        "edition": code_edition,
        "fired": fired,
        "vehicles": classified,
        "un_numbers": numbers,
        "special_provisions": provisions(numbers),
    }
