"""p25 in a real browser: the transport officer issues a two-route permit through the form
(the demo routes prefilled); the carrier plans a trip choosing station B and uploads the
vehicle's track, which left the road and sped; the trip page shows both routes, the track and
the violations in red with their rule rows and points; the police officer finds the points on
the board."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work, utcnow
from ftz.practices.dangerous_goods_permit.common import demo_routes, local, local_zone
from ftz.practices.dangerous_goods_permit.demo import ensure_staff
from ftz.practices.dangerous_goods_permit.simulate import Drive, as_csv, drive
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def test_permit_trip_track_violations(
    browser: Any, live_server: str, staff: None, tmp_path: Path
) -> None:
    base = live_server
    officer = _signed_in(browser, base, "dg.transport")
    officer.goto(f"{base}/dangerous-goods-permit/permits/new?lang=en")
    officer.fill("#org_code", "dg-carrier")
    officer.fill("#vehicle_plate", "黑C·B0001")
    officer.click("#permit-submit")
    officer.wait_for_url("**/dangerous-goods-permit/permits/*")
    assert officer.locator("#permit-status").inner_text() == "active"
    assert officer.locator("svg#map path.route-a").count() == 1
    assert officer.locator("svg#map path.route-b").count() == 1
    permit_url = officer.url.split("?")[0]

    carrier = _signed_in(browser, base, "dg.carrier")
    carrier.goto(f"{permit_url}?lang=en")
    entry = datetime.combine(local(utcnow()).date(), time(9, 0), local_zone())
    carrier.select_option("#station", "B")
    carrier.fill("#driver_name", "Wang Hai")
    carrier.fill("#driver_licence", "230881197903031236")
    carrier.fill("#tonnes", "20")
    carrier.fill("#entry_at", entry.strftime("%Y-%m-%dT%H:%M"))
    carrier.click("#trip-submit")
    carrier.wait_for_url("**/dangerous-goods-permit/trips/*")
    assert carrier.locator("#trip-status").inner_text() == "planned"
    track = tmp_path / "track.csv"
    plan = Drive(kmh=25, fast=(0.1, 0.3, 64), detour=(0.55, 0.8, 600))
    track.write_text(as_csv(drive(demo_routes()["B"], entry, plan)))
    carrier.set_input_files("#track-file", str(track))
    carrier.click("#track-submit")
    carrier.wait_for_selector("#violations")
    assert carrier.locator("#compliant").inner_text() == "no"
    kinds = carrier.locator("#violations tbody tr").all_inner_texts()
    assert any(k.startswith("speeding") for k in kinds)
    assert any(k.startswith("off_route") for k in kinds)
    assert carrier.locator("svg#map .violation").count() >= 2
    assert "VP-OFF-ROUTE" in carrier.locator("#why").inner_text()
    points = int(carrier.locator("#points").inner_text())
    assert points >= 18

    police = _signed_in(browser, base, "dg.police")
    police.goto(f"{base}/dangerous-goods-permit/points?lang=en")
    row = police.locator("#drivers tbody tr").first.inner_text()
    assert "230881197903031236" in row and str(points) in row
