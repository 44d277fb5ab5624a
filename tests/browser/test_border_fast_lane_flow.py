"""p21 in a real browser: a forwarder registers a vehicle and a driver and files one declaration
forwarded to the border check; a lane device holds the vehicle for a low face score; the officer
sees it on the exception console and releases it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.border_fast_lane import lane
from ftz.practices.border_fast_lane.demo import ensure_staff
from ftz.practices.border_fast_lane.schemas import LaneReadIn
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def _lane_read(database_url: str, face_score: int) -> None:
    """What the lane device posts (its API is covered by the API tests)."""
    engine = make_engine(database_url)
    now = datetime.now(UTC)
    with unit_of_work(make_sessionmaker(engine)) as session:
        device = accounts.acting_as(session, "bfl.lane1")
        read = LaneReadIn(
            lane=3,
            direction="exit",
            etag="ETBROWSER01",
            plate_read="桂F88801",
            document_number="E77700001",
            fingerprint_score=96,
            face_score=face_score,
            under_vehicle="clear",
            started_at=now - timedelta(seconds=15),
            finished_at=now,
        )
        lane.record_transaction(session, principal=device, data=read)
    engine.dispose()


def test_fast_lane_in_the_browser(
    browser: Any, live_server: str, browser_database_url: str, staff: None
) -> None:
    base = live_server
    fwd = _signed_in(browser, base, "bfl.fwd1")
    fwd.goto(f"{base}/border-fast-lane/fleet?lang=en")
    fwd.fill("#plate", "桂F88801")
    fwd.fill("#etag", "ETBROWSER01")
    fwd.fill("#permit_valid_until", "2030-01-01")
    fwd.click("#vehicle-form button[type=submit]")
    fwd.wait_for_selector("#vehicles >> text=桂F88801")
    fwd.fill("#driver-name", "黎师傅")
    fwd.fill("#document_number", "E77700001")
    fwd.fill("#document_valid_until", "2030-01-01")
    fwd.fill("#fingerprint_ref", "fp:yyg-enrol-01:browser")
    fwd.fill("#face_ref", "face:yyg-enrol-01:browser")
    fwd.fill("#enrolment_device", "yyg-enrol-01")
    fwd.click("#driver-form button[type=submit]")
    fwd.wait_for_selector("#drivers >> text=黎师傅")
    fwd.goto(f"{base}/border-fast-lane/declarations?lang=en")
    today = datetime.now(lane.PORT_TIME).date().isoformat()
    fwd.fill("#trip_date", today)
    fwd.fill("#cargo", "Dragon fruit")
    fwd.fill("#hs_code", "081090")
    fwd.fill("#weight_kg", "18000")
    fwd.click("#declaration-form button[type=submit]")
    fwd.wait_for_selector("#declarations >> text=Dragon fruit")
    assert "yes" in fwd.locator("#declarations tbody tr").first.inner_text()

    _lane_read(browser_database_url, face_score=40)

    officer = _signed_in(browser, base, "bfl.officer")
    officer.goto(f"{base}/border-fast-lane/console?lang=en")
    card = officer.locator("#lane-3")
    assert "桂F88801" in card.inner_text()
    card.locator("input[name=note]").fill("Face checked in person")
    card.locator("button[value=release]").click()
    officer.wait_for_url("**/border-fast-lane/console**")
    assert "桂F88801" not in officer.locator("#lane-3").inner_text()
    officer.goto(f"{base}/border-fast-lane/transactions?status=released&lang=en")
    assert "桂F88801" in officer.locator("#transactions").inner_text()
