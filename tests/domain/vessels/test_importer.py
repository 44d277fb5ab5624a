"""Fleet import: validated as a whole (problems by row and field, nothing written), idempotent
(the same file again changes nothing), updates only what changed; the demo fleet's
identifiers are valid."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.kit.errors import FtzError
from ftz.domain.vessels import importer
from ftz.domain.vessels.demo_fleet import PROFILES, demo_fleet
from ftz.domain.vessels.identifiers import check_imo, check_mmsi
from ftz.domain.vessels.models import Certificate, Inspection, Ship

SHIP: dict[str, Any] = {
    "imo_number": "9074729",
    "name": "IMPORT ONE",
    "ship_type": "bulk_carrier",
    "flag": "CN",
    "gross_tonnage": 20000,
    "deadweight_t": 35000,
    "year_built": 2012,
}


def count(session: Session, model: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_demo_fleet_identifiers_are_valid() -> None:
    fleet = demo_fleet()
    assert len(fleet.ships) == len(PROFILES) == 25
    assert all(check_imo(s.imo_number).checksum_ok for s in fleet.ships)
    assert all(check_mmsi(s.mmsi or "").mid.country == s.flag for s in fleet.ships)
    assert len({s.imo_number for s in fleet.ships}) == len({s.mmsi for s in fleet.ships}) == 25


def test_import_twice_changes_nothing(session: Session) -> None:
    fleet = demo_fleet()
    first = importer.import_fleet(session, fleet)["counts"]
    assert first["ships"]["created"] == 25 and first["certificates"]["created"] > 300
    ships, certificates = count(session, Ship), count(session, Certificate)
    second = importer.import_fleet(session, demo_fleet())["counts"]
    assert all(c["created"] == c["updated"] == 0 for c in second.values())
    assert (count(session, Ship), count(session, Certificate)) == (ships, certificates)


def test_import_updates_only_what_changed(session: Session) -> None:
    fleet = demo_fleet()
    importer.import_fleet(session, fleet)
    changed = fleet.model_dump(mode="json")
    changed["ships"][0]["name_zh"] = "改名"
    changed["ships"][0]["inspections"][0]["deficiencies"] = [
        {"code": "01234", "area": "Certificates", "detainable": False, "rectified": True}
    ]
    counts = importer.import_fleet(session, importer.FleetFile.model_validate(changed))["counts"]
    assert counts["ships"] == {"created": 0, "updated": 1, "unchanged": 24}
    assert counts["inspections"]["updated"] == 1
    ship = session.scalar(select(Ship).where(Ship.imo_number == changed["ships"][0]["imo_number"]))
    assert ship is not None and ship.name_zh == "改名"
    inspections = session.scalars(select(Inspection).where(Inspection.ship_id == ship.id)).all()
    assert any([d.code for d in i.deficiencies] == ["01234"] for i in inspections)


def test_a_bad_file_is_refused_whole(session: Session) -> None:
    bad = {
        "ships": [
            SHIP,
            {**SHIP, "mmsi": "41300001"},
            {
                **SHIP,
                "imo_number": "9074728",
                "certificates": [
                    {"kind": "smc", "number": "A", "issued_on": "2025-01-01"},
                    {"kind": "smc", "number": "A", "issued_on": "2025-02-01"},
                ],
            },
        ]
    }
    with pytest.raises(FtzError) as caught:
        importer.import_fleet(session, importer.parse_json(str(bad).replace("'", '"')))
    assert caught.value.status == 422
    assert caught.value.errors[0].field == "ships.1.mmsi"
    duplicate = importer.parse_json(
        '{"ships": [' + ",".join([str(SHIP).replace("'", '"')] * 2) + "]}"
    )
    with pytest.raises(FtzError) as again:
        importer.import_fleet(session, duplicate)
    assert again.value.errors[0].field == "ships.1.imo_number"
    assert count(session, Ship) == 0


def test_duplicate_records_and_unknown_companies(session: Session) -> None:
    fleet = importer.FleetFile.model_validate(
        {
            "ships": [
                {
                    **SHIP,
                    "company_imo": "7654321",
                    "certificates": [
                        {"kind": "smc", "number": "A", "issued_on": "2025-01-01"},
                        {"kind": "smc", "number": "A", "issued_on": "2025-02-01"},
                    ],
                }
            ]
        }
    )
    with pytest.raises(FtzError) as caught:
        importer.import_fleet(session, fleet)
    fields = {e.field for e in caught.value.errors}
    assert fields == {"ships.0.company_imo", "ships.0.certificates.1"}


def test_csv_import(session: Session) -> None:
    text = "imo_number,name,ship_type,flag,gross_tonnage,deadweight_t,year_built,mmsi\n"
    rows = "9074729,CSV ONE,bulk_carrier,CN,20000,35000,2012,413900001\n"
    found = importer.import_fleet(session, importer.parse_csv("\ufeff" + text + rows))
    assert found["counts"]["ships"]["created"] == 1
    with pytest.raises(FtzError) as caught:
        importer.parse_csv(text + "9074729,X,boat,CN,1,1,2012,\n")
    assert {e.field for e in caught.value.errors} == {"row 2: name", "row 2: ship_type"}
    with pytest.raises(FtzError, match="nothing imported"):
        importer.parse_csv("name,colour\nA,red\n")
    with pytest.raises(FtzError, match="not JSON"):
        importer.parse_json("{")
