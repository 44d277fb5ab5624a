"""p11 in a real browser: an enterprise declares an export, customs releases it, the gate
operator files the manifest (a mistyped container check digit is caught first), records the
vehicle with a wrong seal, the dashboard lists the hold with its reasons, and customs releases it
after a check."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.zone_port_gate.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
NUMBER = "461220261124000901"


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def test_declare_release_hold_and_clear(browser: Any, live_server: str, staff: None) -> None:
    base = live_server
    enterprise = _signed_in(browser, base, "zpg.ent.a")
    enterprise.goto(f"{base}/zone-port-gate/declarations/new?lang=en")
    enterprise.fill("#number", NUMBER)
    enterprise.select_option("#direction", "export")
    enterprise.fill("#plate", "豫A54321")
    enterprise.fill("#units", "PMC11111CV uld ZZ7001\nCSQU3054383 container ZZ7002")
    enterprise.fill("#weight_kg", "8200")
    enterprise.check("#screened")
    enterprise.click("#declaration-submit")
    enterprise.wait_for_url("**/zone-port-gate/declarations/*")
    declaration_url = enterprise.url.split("?")[0]
    assert enterprise.locator("#declaration-status").inner_text() == "declared"

    customs = _signed_in(browser, base, "zpg.customs")
    customs.goto(f"{declaration_url}?lang=en")
    customs.click("#action-release")
    customs.wait_for_selector("#declaration-status")
    assert customs.locator("#declaration-status").inner_text() == "released"

    gate = _signed_in(browser, base, "zpg.gate")
    gate.goto(f"{declaration_url}?lang=en")
    gate.click("#file-manifest")
    gate.wait_for_url("**/zone-port-gate/manifests/new*")
    assert gate.locator("#declaration_number").input_value() == NUMBER
    gate.fill("#number", "88000000901")
    gate.fill("#flight", "CV9751")
    gate.fill("#units", "PMC11111CV uld 2400 ZZ7001\nCSQU3054384 container 5800 ZZ7002")
    gate.click("#manifest-submit")
    assert "ISO 6346" in gate.locator("[role=alert]").inner_text()
    assert gate.locator("#number").input_value() == "88000000901"
    gate.fill("#units", "PMC11111CV uld 2400 ZZ7001\nCSQU3054383 container 5800 ZZ7002")
    gate.click("#manifest-submit")
    gate.wait_for_url("**/zone-port-gate/manifests?q=*")
    row = gate.locator("#manifests tbody tr").first.inner_text()
    assert "88000000901" in row and "8,200" in row and "ZZ7002" in row

    gate.goto(f"{base}/zone-port-gate/gate?lang=en")
    gate.fill("#declaration_number", NUMBER)
    gate.fill("#plate", "豫A54321")
    gate.fill("#units", "PMC11111CV uld ZZ0000\nCSQU3054383 container ZZ7002")
    gate.fill("#weight_kg", "8210")
    gate.click("#gate-submit")
    gate.wait_for_url("**/zone-port-gate/transactions/*")
    assert gate.locator("#verdict").inner_text() == "hold"
    reasons = gate.locator("#mismatches").inner_text()
    assert "GC-SEAL" in reasons and "GC-SEAL-MANIFEST" in reasons
    assert "GC-NO-MANIFEST" not in reasons  # the manifest filed above was found
    transaction_url = gate.url.split("?")[0]

    customs.goto(f"{base}/zone-port-gate?lang=en")
    customs.wait_for_selector("#holds")
    assert "Seal numbers differ from the declaration" in customs.locator("#holds").inner_text()
    customs.goto(f"{transaction_url}?lang=en")
    customs.fill("#note", "Seal replaced at build-up, logged; cargo matches")
    customs.click("#action-clear")
    customs.wait_for_selector("#resolution-note")
    assert customs.locator("#tx-status").inner_text() == "cleared"
    assert customs.locator("#route").inner_text() == "apron"
