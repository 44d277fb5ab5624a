"""p11 in a real browser: an enterprise declares an export, customs releases it, the gate
operator records the vehicle with a wrong seal, the dashboard lists the hold with its reason,
and customs releases it after a check."""

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
    enterprise.fill("#units", "PMC11111CV uld ZZ7001\nPAG22222CV uld ZZ7002")
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
    gate.goto(f"{base}/zone-port-gate/gate?lang=en")
    gate.fill("#declaration_number", NUMBER)
    gate.fill("#plate", "豫A54321")
    gate.fill("#units", "PMC11111CV uld ZZ0000\nPAG22222CV uld ZZ7002")
    gate.fill("#weight_kg", "8210")
    gate.click("#gate-submit")
    gate.wait_for_url("**/zone-port-gate/transactions/*")
    assert gate.locator("#verdict").inner_text() == "hold"
    reasons = gate.locator("#mismatches").inner_text()
    assert "GC-SEAL" in reasons and "GC-NO-MANIFEST" in reasons
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
