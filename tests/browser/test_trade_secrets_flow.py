"""p27 in a real browser: files are fingerprinted in the page (never uploaded), registered,
then verified by an anonymous visitor who drops the same file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser


def test_register_in_browser_then_verify(browser: Any, live_server: str, tmp_path: Path) -> None:
    secret = tmp_path / "减速器工艺.txt"
    secret.write_bytes("齿形修形参数 0.013mm\n".encode() * 1000)
    other = tmp_path / "试验报告.txt"
    other.write_bytes(b"bench results\n" * 300)

    page = _signed_in(browser, live_server, "ent.a")
    uploads: list[str] = []
    page.on("request", lambda r: uploads.append(r.post_data or "") if r.method == "POST" else None)
    page.goto(f"{live_server}/trade-secrets/register?lang=en")
    page.fill("#project", "Gearbox")
    page.fill("#contributors", "王磊, 李娜")
    page.set_input_files("#files", [str(secret), str(other)])
    page.wait_for_selector("#register-submit:not([disabled])")
    page.click("#register-submit")
    page.wait_for_selector("#registered")
    assert page.locator("#registered tbody tr").count() == 2
    # Only fingerprints left the page: no file content in any request body.
    assert all("齿形修形参数" not in body and "bench results" not in body for body in uploads)

    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server}/trade-secrets/verify?lang=en")
    visitor.set_input_files("#verify-file", str(secret))
    visitor.wait_for_function("document.getElementById('sha256').value.length === 64")
    visitor.click("#verify-form button[type=submit]")
    visitor.wait_for_selector("#verify-result")
    assert "宜昌三峡建设工程有限公司" in visitor.locator("#verify-org").inner_text()
    assert visitor.locator("#verify-valid").inner_text() == "yes"
