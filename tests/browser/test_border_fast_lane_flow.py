"""p21 in a real browser: a forwarder registers a vehicle and a driver and files one declaration
forwarded to the border check; a lane device holds the vehicle for a low face score; the officer
starts a note on the exception console; meanwhile the forwarder deactivates the vehicle and the
lane holds it again — the new exception appears on the console without a reload and the note
being typed is still there; the officer releases the first one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.border_fast_lane import lane
from ftz.practices.border_fast_lane.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
PLATE = "桂F88801"


@pytest.fixture(scope="module")
def device_token(live_server: str, browser_database_url: str) -> str:
    """The staff, and the API token of lane device 1."""
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        device = accounts.get_user_by_username(session, "bfl.lane1")
        assert device is not None
        token, _ = accounts.create_api_token(session, user=device, name="browser test")
    engine.dispose()
    return token


def _lane_read(base: str, token: str, lane_no: int, face_score: int) -> dict[str, Any]:
    """What the lane device posts, through the running server's API."""
    now = datetime.now(UTC)
    answer = httpx.post(
        f"{base}/api/border-fast-lane/lane/transactions",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "lane": lane_no,
            "direction": "exit",
            "etag": "ETBROWSER01",
            "plate_read": PLATE,
            "document_number": "E77700001",
            "fingerprint_score": 96,
            "face_score": face_score,
            "under_vehicle": "clear",
            "started_at": (now - timedelta(seconds=15)).isoformat(),
            "finished_at": now.isoformat(),
        },
        timeout=30,
    )
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _register(fwd: Any, base: str) -> str:
    fwd.goto(f"{base}/border-fast-lane/vehicles?lang=en")
    fwd.fill("#plate", PLATE)
    fwd.fill("#etag", "ETBROWSER01")
    fwd.fill("#permit_valid_until", "2030-01-01")
    fwd.click("#vehicle-form button[type=submit]")
    fwd.wait_for_selector("#history")
    vehicle_page: str = fwd.url
    fwd.goto(f"{base}/border-fast-lane/drivers?lang=en")
    fwd.fill("#driver-name", "黎师傅")
    fwd.fill("#document_number", "E77700001")
    fwd.fill("#document_valid_until", "2030-01-01")
    fwd.fill("#fingerprint_ref", "fp:yyg-enrol-01:browser")
    fwd.fill("#face_ref", "face:yyg-enrol-01:browser")
    fwd.fill("#enrolment_device", "yyg-enrol-01")
    fwd.click("#driver-form button[type=submit]")
    fwd.wait_for_selector("#history")
    assert "····0001" in fwd.locator("#fact-document").inner_text()
    fwd.goto(f"{base}/border-fast-lane/declarations?lang=en")
    fwd.fill("#trip_date", datetime.now(lane.PORT_TIME).date().isoformat())
    fwd.fill("#cargo", "Dragon fruit")
    fwd.fill("#hs_code", "081090")
    fwd.fill("#weight_kg", "18000")
    fwd.click("#declaration-form button[type=submit]")
    fwd.wait_for_selector("#declarations >> text=Dragon fruit")
    assert "yes" in fwd.locator("#declarations tbody tr").first.inner_text()
    return vehicle_page


def test_fast_lane_in_the_browser(browser: Any, live_server: str, device_token: str) -> None:
    base = live_server
    fwd = _signed_in(browser, base, "bfl.fwd1")
    vehicle_page = _register(fwd, base)
    first = _lane_read(base, device_token, lane_no=3, face_score=40)

    officer = _signed_in(browser, base, "bfl.officer")
    officer.goto(f"{base}/border-fast-lane/console?lang=en")
    assert PLATE in officer.locator("#lane-3").inner_text()
    assert PLATE not in officer.locator("#lane-1").inner_text()
    officer.evaluate("window.stillTheSamePage = true")
    note = officer.locator(f"#note-{first['id']}")
    note.click()
    note.type("Face checked in person")

    # The forwarder takes the vehicle off the fast lane; the lane holds it on its next crossing.
    fwd.goto(vehicle_page + "?lang=en")
    fwd.fill("#reason", "Sold to another company")
    fwd.click("#act-deactivate")
    fwd.wait_for_selector("#reactivate-form")
    assert "Sold to another company" in fwd.locator("#history").inner_text()
    second = _lane_read(base, device_token, lane_no=1, face_score=95)
    assert second["flags"] == ["vehicle_inactive"]

    # The console polls its lanes: the new exception comes without a reload, the note stays.
    officer.wait_for_selector(f"#exception-{second['id']}", timeout=20_000)
    assert "vehicle inactive" in officer.locator("#lane-1").inner_text().lower()
    assert officer.evaluate("window.stillTheSamePage") is True
    assert officer.input_value(f"#note-{first['id']}") == "Face checked in person"
    assert officer.evaluate("document.activeElement.id") == f"note-{first['id']}"

    officer.locator("#lane-3 button[value=release]").click()
    officer.wait_for_url("**/border-fast-lane/console**")
    officer.wait_for_selector(f"#exception-{first['id']}", state="detached")
    assert PLATE in officer.locator("#lane-1").inner_text()
    officer.goto(f"{base}/border-fast-lane/transactions?status=released&lang=en")
    assert PLATE in officer.locator("#transactions").inner_text()

    # A deactivated vehicle is not offered for a new declaration.
    fwd.goto(f"{base}/border-fast-lane/declarations?lang=en")
    assert PLATE not in fwd.locator("#vehicle_id").inner_html()
