"""Importing a fleet: a JSON document (companies, ships and each ship's records) or a CSV file of
ship particulars. The whole file is validated before anything is written; one bad row refuses
the file with every problem listed by row and field. Writing goes through the upserts of
`service`, so importing the same file again changes nothing (idempotent)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.orm import Session

from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.domain.vessels import repository, service
from ftz.domain.vessels.models import (
    Accident,
    Certificate,
    Deficiency,
    Inspection,
    Manning,
    Ship,
    Watch,
)
from ftz.domain.vessels.schemas import (
    AccidentIn,
    CertificateIn,
    CompanyIn,
    InspectionIn,
    ManningIn,
    PenaltyIn,
    ShipIn,
    WatchIn,
)

MAX_PROBLEMS = 50
MAX_BYTES = 20 * 1024 * 1024
CSV_COLUMNS = tuple(ShipIn.model_fields)


class FleetShip(ShipIn):
    certificates: list[CertificateIn] = Field(default_factory=list, max_length=100)
    manning: list[ManningIn] = Field(default_factory=list, max_length=100)
    inspections: list[InspectionIn] = Field(default_factory=list, max_length=500)
    accidents: list[AccidentIn] = Field(default_factory=list, max_length=200)
    penalties: list[PenaltyIn] = Field(default_factory=list, max_length=200)
    watches: list[WatchIn] = Field(default_factory=list, max_length=100)


class FleetFile(BaseModel):
    companies: list[CompanyIn] = Field(default_factory=list, max_length=10_000)
    ships: list[FleetShip] = Field(default_factory=list, max_length=50_000)


def _refuse(problems: list[FieldProblem], what: str) -> FtzError:
    shown = problems[:MAX_PROBLEMS]
    more = f" (first {MAX_PROBLEMS} listed)" if len(problems) > MAX_PROBLEMS else ""
    first = f"{problems[0].field}: {problems[0].reason}"
    return FtzError(
        detail=f"{what}: {len(problems)} problem(s), nothing imported{more}; first: {first}",
        status=422,
        title="Invalid input",
        type_slug="validation",
        errors=shown,
    )


def _problems(exc: ValidationError, prefix: str = "") -> list[FieldProblem]:
    return [
        FieldProblem(prefix + ".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()
    ]


def _cross_checks(session: Session, fleet: FleetFile) -> list[FieldProblem]:
    """What a single row cannot see: duplicates inside the file, unknown companies."""
    problems: list[FieldProblem] = []
    known = {c.imo_company_number for c in fleet.companies}
    seen_imo: dict[str, int] = {}
    seen_mmsi: dict[str, int] = {}
    seen_case: dict[str, str] = {}
    for i, ship in enumerate(fleet.ships):
        if ship.imo_number in seen_imo:
            problems.append(FieldProblem(f"ships.{i}.imo_number",
                                         f"repeats ships.{seen_imo[ship.imo_number]}"))  # fmt: skip
        seen_imo.setdefault(ship.imo_number, i)
        if ship.mmsi and ship.mmsi in seen_mmsi:
            problems.append(FieldProblem(f"ships.{i}.mmsi",
                                         f"repeats ships.{seen_mmsi[ship.mmsi]}"))  # fmt: skip
        if ship.mmsi:
            seen_mmsi.setdefault(ship.mmsi, i)
        if (
            ship.company_imo
            and ship.company_imo not in known
            and repository.company_by_imo(session, ship.company_imo) is None
        ):
            problems.append(FieldProblem(f"ships.{i}.company_imo",
                                         f"no management company {ship.company_imo}"))  # fmt: skip
        for j, penalty in enumerate(ship.penalties):
            where = f"ships.{i}.penalties.{j}"
            if penalty.case_number in seen_case:
                problems.append(
                    FieldProblem(where, f"case number repeats {seen_case[penalty.case_number]}")
                )
            seen_case.setdefault(penalty.case_number, where)
        problems.extend(_record_duplicates(i, ship))
    return problems


# The natural key of each record kind: the same key twice in one ship's lists is a mistake.
RECORD_KEYS: dict[str, tuple[str, ...]] = {
    "certificates": ("kind", "number"),
    "manning": ("checked_on",),
    "inspections": ("inspected_on", "port"),
    "accidents": ("occurred_on", "kind"),
    "watches": ("kind", "opened_on"),
}


def _record_duplicates(index: int, ship: FleetShip) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    for kind, key in RECORD_KEYS.items():
        seen: dict[tuple[Any, ...], int] = {}
        for j, record in enumerate(getattr(ship, kind)):
            value = tuple(getattr(record, k) for k in key)
            if value in seen:
                problems.append(FieldProblem(f"ships.{index}.{kind}.{j}",
                                             f"repeats {kind}.{seen[value]}"))  # fmt: skip
            seen.setdefault(value, j)
    open_kinds = [w.kind for w in ship.watches if w.closed_on is None]
    if len(open_kinds) != len(set(open_kinds)):
        problems.append(FieldProblem(f"ships.{index}.watches", "two open watches of one kind"))
    return problems


def _add_fresh(session: Session, ship: Ship, ship_in: FleetShip, tally: service.Tally) -> None:
    """A ship created by this import has no records yet: add them without looking them up."""
    rows: list[Any] = []
    for kind, model in (("certificates", Certificate), ("manning", Manning),
                        ("accidents", Accident), ("watches", Watch)):  # fmt: skip
        for record in getattr(ship_in, kind):
            rows.append(model(ship_id=ship.id, **record.model_dump()))
            tally.add(kind, "created")
    for inspection in ship_in.inspections:
        made = Inspection(ship_id=ship.id, **inspection.model_dump(exclude={"deficiencies"}))
        made.deficiencies = [Deficiency(**d.model_dump()) for d in inspection.deficiencies]
        rows.append(made)
        tally.add("inspections", "created")
    session.add_all(rows)
    for penalty in ship_in.penalties:  # case numbers are unique across ships: look them up
        tally.add("penalties", service.save_penalty(session, ship, penalty)[1])


def parse_json(text: str | bytes) -> FleetFile:
    if len(text) > MAX_BYTES:
        raise _refuse([FieldProblem("file", "larger than 20 MB")], "fleet file")
    try:
        raw = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise _refuse([FieldProblem("file", f"not JSON: {exc}")], "fleet file") from exc
    if isinstance(raw, list):  # a bare list of ships
        raw = {"ships": raw}
    try:
        return FleetFile.model_validate(raw)
    except ValidationError as exc:
        raise _refuse(_problems(exc), "fleet file") from exc


def parse_csv(text: str | bytes) -> FleetFile:
    """Ship particulars, one ship a row, with a header naming ShipIn's fields."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _refuse([FieldProblem("file", "not UTF-8 text")], "CSV file") from exc
    if len(text) > MAX_BYTES:
        raise _refuse([FieldProblem("file", "larger than 20 MB")], "CSV file")
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = set(reader.fieldnames or [])
    missing = {"imo_number", "name", "ship_type", "flag", "gross_tonnage", "deadweight_t",
               "year_built"} - header  # fmt: skip
    unknown = header - set(CSV_COLUMNS)
    if missing or unknown:
        reason = "; ".join(filter(None, [
            f"missing columns {', '.join(sorted(missing))}" if missing else "",
            f"unknown columns {', '.join(sorted(unknown))}" if unknown else ""]))  # fmt: skip
        raise _refuse([FieldProblem("header", reason)], "CSV file")
    ships: list[FleetShip] = []
    problems: list[FieldProblem] = []
    for line, row in enumerate(reader, start=2):
        values = {k: v.strip() for k, v in row.items() if k and v is not None and v.strip()}
        try:
            ships.append(FleetShip.model_validate(values))
        except ValidationError as exc:
            problems.extend(_problems(exc, f"row {line}: "))
    if problems:
        raise _refuse(problems, "CSV file")
    return FleetFile(ships=ships)


def import_fleet(session: Session, fleet: FleetFile) -> dict[str, Any]:
    """Write a validated fleet; returns what was created, updated or left unchanged."""
    problems = _cross_checks(session, fleet)
    if problems:
        raise _refuse(problems, "fleet file")
    tally = service.Tally()
    for company in fleet.companies:
        tally.add("companies", service.save_company(session, company)[1])
    for ship_in in fleet.ships:
        tally.warnings.extend(ship_in.warnings())
        ship, outcome = service.save_ship(session, ShipIn.model_validate(
            ship_in.model_dump(include=set(ShipIn.model_fields))))  # fmt: skip
        tally.add("ships", outcome)
        if outcome == "created":
            _add_fresh(session, ship, ship_in, tally)
            continue
        for cert in ship_in.certificates:
            tally.add("certificates", service.save_certificate(session, ship, cert)[1])
        for check in ship_in.manning:
            tally.add("manning", service.save_manning(session, ship, check)[1])
        for inspection in ship_in.inspections:
            tally.add("inspections", service.save_inspection(session, ship, inspection)[1])
        for accident in ship_in.accidents:
            tally.add("accidents", service.save_accident(session, ship, accident)[1])
        for penalty in ship_in.penalties:
            tally.add("penalties", service.save_penalty(session, ship, penalty)[1])
        for watch in ship_in.watches:
            tally.add("watches", service.save_watch(session, ship, watch)[1])
    return tally.as_dict()
