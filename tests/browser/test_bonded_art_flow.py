"""p04 in a real browser: an enterprise registers a work and applies; the home customs consults,
the destination consents, and the home customs captures the work's identity from an image."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.bonded_art.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in
from tests.practices.bonded_art.images import artwork, png

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def test_apply_and_capture_identity(
    browser: Any, live_server: str, staff: None, tmp_path: Path
) -> None:
    base = live_server
    firm = _signed_in(browser, base, "ba.ent.hb")
    firm.goto(f"{base}/bonded-art/artworks?lang=en")
    firm.fill("#number", "BR-ART-1")
    firm.fill("#title", "Lotus pond")
    firm.fill("#approval_doc", "文旅艺进2025-111")
    firm.fill("#value_cny", "480000")
    firm.click("#artwork-submit")
    firm.wait_for_selector("#artworks >> text=Lotus pond")
    firm.goto(f"{base}/bonded-art/exhibitions/new?lang=en")
    firm.fill("#number", "EX-BR-1")
    firm.select_option("#home_customs", "ba-customs-zd")
    firm.select_option("#destination_customs", "ba-customs-bj")
    firm.fill("#venue", "Beijing art fair")
    today = date.today()
    firm.fill("#starts_on", str(today))
    firm.fill("#ends_on", str(today + timedelta(days=20)))
    firm.click("#apply-submit")
    firm.wait_for_url("**/bonded-art/exhibitions/*")
    url = firm.url.split("?")[0]

    home = _signed_in(browser, base, "ba.customs.zd")
    home.goto(f"{url}?lang=en")
    home.click("#action-consult")
    home.wait_for_load_state()
    destination = _signed_in(browser, base, "ba.customs.bj")
    destination.goto(f"{url}?lang=en")
    destination.click("#action-consent")
    destination.wait_for_load_state()

    picture = tmp_path / "lotus.png"
    picture.write_bytes(png(artwork(1)))
    home.goto(f"{url}?lang=en")
    home.set_input_files("#image", str(picture))
    home.click("#action-capture")
    home.wait_for_load_state()
    assert home.locator("#status").inner_text() == "captured"
    assert len(home.locator("#phash").inner_text()) == 16  # a 64-bit perceptual hash in hex
