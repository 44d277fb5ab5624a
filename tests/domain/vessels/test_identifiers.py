"""IMO numbers (python-stdnum, lenient on the check digit) and MMSIs with their MID."""

from __future__ import annotations

import pytest

from ftz.domain.vessels.identifiers import IdentifierError, check_imo, check_mmsi, mid_table
from ftz.domain.vessels.schemas import ShipIn


def test_imo_check_digit() -> None:
    # 9074729: 9×7 + 0×6 + 7×5 + 4×4 + 7×3 + 2×2 = 139, last digit 9.
    found = check_imo("IMO 9074729")
    assert found.number == "9074729" and found.checksum_ok and found.warning is None
    typo = check_imo("9074728")
    assert typo.checksum_ok is False and "check digit" in (typo.warning or "")


@pytest.mark.parametrize("value", ["907472", "90747290", "IMO 90747X9", ""])
def test_imo_of_the_wrong_shape_is_refused(value: str) -> None:
    with pytest.raises(IdentifierError):
        check_imo(value)


def test_mmsi_ship_stations_and_their_mid() -> None:
    china = check_mmsi("413 456 780")
    assert (china.number, china.station, china.mid.country) == ("413456780", "ship", "CN")
    assert china.mid.name("zh") == "中国" and china.mid.name("en") == "China"
    assert check_mmsi("477123456").mid.country == "HK"
    assert check_mmsi("636012345").mid.country == "LR"
    assert check_mmsi("351000001").mid.country == "PA"


def test_mmsi_of_other_stations() -> None:
    assert check_mmsi("004130001").station == "coast"
    assert check_mmsi("041300001").station == "group"
    assert check_mmsi("111413001").station == "sar_aircraft"
    assert check_mmsi("994131234").station == "aid_to_navigation"
    assert check_mmsi("984131234").station == "craft_with_ship"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("41345678", "nine digits"),
        ("970123456", "SART"),
        ("812345678", "2xx to 7xx"),
        ("217123456", "not allocated"),
    ],
)
def test_bad_mmsi(value: str, reason: str) -> None:
    with pytest.raises(IdentifierError, match=reason):
        check_mmsi(value)


def test_mid_table_is_well_formed() -> None:
    table = mid_table()
    assert len(table) > 250
    assert all(200 < mid < 800 and len(m.country) == 2 for mid, m in table.items())
    assert {412, 413, 414} <= {mid for mid, m in table.items() if m.country == "CN"}


def test_ship_in_warns_and_refuses() -> None:
    base = {
        "name": "X SHIP",
        "ship_type": "bulk_carrier",
        "flag": "CN",
        "gross_tonnage": 1,
        "deadweight_t": 1,
        "year_built": 2010,
    }
    warned = ShipIn.model_validate({**base, "imo_number": "9074728", "mmsi": "636012345"})
    assert len(warned.warnings()) == 2
    with pytest.raises(ValueError, match="coast station"):
        ShipIn.model_validate({**base, "imo_number": "9074729", "mmsi": "004130001"})
