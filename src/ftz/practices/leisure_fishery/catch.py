"""Catch reports from leisure fishing vessels. Each species line is checked against the catch
limits (rules/catch_species.json), the trip against the per-trip limits, the licence's gear and
sea areas and the vessel's capacity (rules/catch_trip.json), and the vessel's papers on the trip
day (rules/sailing.json). A report naming a protected species is refused whole; any other row
that fires flags the report for the fishery officers, with the rows kept as its "why".

Per-person limits compare the trip's count divided by the anglers aboard: the report is per
trip, not per angler, so this is what a limit per person can be checked against."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import forbidden, validation_error
from ftz.core.workflow import fire
from ftz.practices.leisure_fishery import reference, repository
from ftz.practices.leisure_fishery.models import CatchReport, Vessel
from ftz.practices.leisure_fishery.sailing import licence_on, sailing_check
from ftz.practices.leisure_fishery.schemas import CatchLineIn, CatchReportIn, ReviewIn
from ftz.practices.leisure_fishery.service import is_fishery_officer, require_fishery
from ftz.practices.leisure_fishery.workflow import CatchReportFlow


def _species_rows(lines: list[CatchLineIn], anglers: int) -> tuple[list[str], list[Any]]:
    """Fired rows of the species table for each species (lines of one species are added up);
    a protected species refuses the whole report, naming the line."""
    known = reference.species()
    grouped: dict[str, dict[str, Any]] = defaultdict(lambda: {"count": 0, "min_length": None})
    for n, line in enumerate(lines):
        if line.species not in known:
            raise validation_error(f"lines.{n}.species", f"unknown species {line.species!r}")
        slot = grouped[line.species]
        slot["count"] += line.count
        slot.setdefault("line", n)
        if line.min_length_cm is not None:
            shortest = slot["min_length"]
            slot["min_length"] = (
                min(shortest, line.min_length_cm) if shortest else line.min_length_cm
            )
    flags: list[str] = []
    why: list[Any] = []
    for code, slot in grouped.items():
        context = {
            "species": code,
            "count_trip": slot["count"],
            "count_per_angler": round(slot["count"] / anglers, 3),
            "min_length_cm": float(slot["min_length"]) if slot["min_length"] else None,
        }
        result, fired = reference.evaluate("catch_species.json", context)
        for hit, row in zip(result, fired, strict=True):
            if hit["flag"] == "protected":
                raise validation_error(
                    f"lines.{slot['line']}.species",
                    f"{known[code]['name_zh']} {known[code]['name_en']}: "
                    f"{hit['reason_zh']} / {hit['reason_en']} "
                    f"({row['citation']})",
                )
            flags.append(hit["flag"])
            why.append({**row, "species": code})
    return flags, why


def file_report(session: Session, *, principal: Principal, data: CatchReportIn) -> CatchReport:
    if not principal.is_enterprise and not is_fishery_officer(principal):
        raise forbidden("catch reports are filed by the vessel's operator")
    vessel = repository.get(session, principal, Vessel, data.vessel_id, "vessel")
    if data.trip_date > reference.today():
        raise validation_error("trip_date", "a trip cannot be reported before it happens")
    if data.sea_area not in reference.coastal_codes():
        raise validation_error("sea_area", f"{data.sea_area} is not a coastal city or county")
    if data.gear not in reference.gear():
        raise validation_error("gear", f"unknown gear {data.gear!r}")
    flags, why = _species_rows(data.lines, data.anglers)
    total_g = sum(int(line.weight_kg * 1000) for line in data.lines)
    licence = licence_on(session, vessel.id, data.trip_date)
    trip = {
        "kg_per_angler": round(total_g / 1000 / data.anglers, 3),
        "persons_over_capacity": data.anglers + data.crew - vessel.passenger_capacity,
        # Without a licence there is nothing to compare: sailing.json flags the licence itself.
        "gear_licensed": (data.gear in licence.gear) if licence else None,
        "area_licensed": (data.sea_area in licence.sea_areas) if licence else None,
    }
    result, fired = reference.evaluate("catch_trip.json", trip)
    flags += [hit["flag"] for hit in result]
    why += fired
    sailing = sailing_check(session, vessel, data.trip_date, data.anglers + data.crew)
    flags += sailing["flags"]
    why += sailing["why"]
    unique = list(dict.fromkeys(flags))
    report = CatchReport(
        org_id=vessel.org_id,
        vessel_id=vessel.id,
        trip_date=data.trip_date,
        sea_area=data.sea_area,
        gear=data.gear,
        anglers=data.anglers,
        crew=data.crew,
        lines=[_line(line) for line in data.lines],
        total_g=total_g,
        flags=" ".join(unique),
        flagged=bool(unique),
        why=why,
        status="filed",
    )
    session.add(report)
    session.flush()
    return report


def _line(line: CatchLineIn) -> dict[str, Any]:
    return {
        "species": line.species,
        "count": line.count,
        "weight_kg": str(line.weight_kg),
        "min_length_cm": None if line.min_length_cm is None else str(line.min_length_cm),
    }


def review(
    session: Session, *, principal: Principal, report_id: str, data: ReviewIn
) -> CatchReport:
    """A fishery officer closes the report; a flagged one needs the action taken in the note."""
    require_fishery(principal, "review catch reports")
    report = repository.get(session, principal, CatchReport, report_id, "catch report", lock=True)
    if report.flagged and not data.note.strip():
        raise validation_error("note", "a flagged report needs a note on the action taken")
    fire(
        session,
        CatchReportFlow,
        report,
        "review",
        principal=principal,
        owner_org_id=report.org_id,
        note=data.note,
    )
    report.review_note, report.reviewed_at = data.note, utcnow()
    session.flush()
    return report


def total_kg(report: CatchReport) -> Decimal:
    return Decimal(report.total_g) / 1000
