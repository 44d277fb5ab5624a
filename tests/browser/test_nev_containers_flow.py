"""p13 in a real browser, the main flow through the forms: the shipper declares a container at
the origin (vehicles typed one per line) and sees UN 3556 and UN 3166 with the rows that fired;
the Chongqing office ticks the packing manual's checklist, hashes a photo in the browser, seals
and certifies the box; the Qinzhou office reads the same seal on arrival and the box is loaded
as recognized, unopened; the history shows each step."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from stdnum import iso6346

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.nev_containers.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
PHOTO = b"\x89PNG packed container NEV browser test"
CONTAINER = "BRWU000001" + iso6346.calc_check_digit("BRWU000001")
VEHICLES = (
    "LBRWX000000000001, 深蓝SL03, bev_li_ion, 58.1\nLBRWX000000000002, 问界M5, phev_liquid, 40"
)
ITEMS = (
    "no_leakage",
    "battery_undamaged",
    "terminals_protected",
    "battery_type_tested",
    "vehicles_secured",
    "fuel_system_safe",
    "placards_four_sides",
    "packing_certificate",
    "seal_applied",
    "container_sound",
)


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def test_declare_inspect_recognize(browser: Any, live_server: str, staff: None) -> None:
    base = live_server
    shipper = _signed_in(browser, base, "nev.shipper")
    shipper.goto(f"{base}/nev-containers?lang=en")
    shipper.click("#new-declaration")
    shipper.wait_for_url("**/nev-containers/declarations/new")
    shipper.fill("#batch_no", "CQ-QZ-2026-B01")
    shipper.fill("#container_no", CONTAINER)
    shipper.fill("#packing_site", "Yufu packing yard")
    shipper.fill("#destination", "Laem Chabang")
    shipper.fill("#sea_date", "2026-12-20")
    shipper.fill("#vehicles", VEHICLES)
    shipper.click("#declaration-submit")
    shipper.wait_for_selector("#status")
    assert shipper.locator("#status").inner_text() == "declared"
    assert shipper.locator("#un-numbers").inner_text().startswith("UN3166 UN3556")
    assert "SP-962" in shipper.locator("#provisions").inner_text()
    url = shipper.url.split("?")[0]

    origin = _signed_in(browser, base, "nev.cq")
    origin.goto(f"{url}?lang=en")
    for item in ITEMS:
        origin.check(f"#check-{item}")
    origin.fill("#seal_no", "CQB00001")
    origin.set_input_files(
        "#photo-file", files=[{"name": "box.png", "mimeType": "image/png", "buffer": PHOTO}]
    )
    expected = hashlib.sha256(PHOTO).hexdigest()
    origin.wait_for_function(f"document.getElementById('photo_sha256').value === '{expected}'")
    origin.click("#inspection-submit")
    origin.wait_for_selector("#status >> text=certified")
    assert origin.locator("#certificate").inner_text().startswith("SC-NEV-2026-")
    assert origin.locator("#ledger").count() == 1

    port = _signed_in(browser, base, "nev.qz")
    port.goto(f"{url}?lang=en")
    port.fill("#arrival-seal", "CQB00001")
    port.click("#arrival-submit")
    port.wait_for_selector("#status >> text=loaded")
    assert port.locator("#inspections .result").all_inner_texts() == ["passed", "passed"]
    history = port.locator("#history").inner_text()
    assert "recognize and load" in history and "certify the box" in history
