"""The one search by product text: `ftz.domain.hs.search` resolves the words to a subheading
(its index is built once per test process, here in one module-scoped fixture, ~30 s cold), and
the lookup then returns that code's elements with the alternatives it considered."""

from __future__ import annotations

import pytest

from ftz.domain.hs.search import HsIndex
from tests.conftest import ApiClients, built_hs_index
from tests.practices.hs_inspection.conftest import API


@pytest.fixture(scope="module")
def index() -> HsIndex:
    return built_hs_index()


def test_product_text_finds_the_code_and_its_elements(index: HsIndex, hs: ApiClients) -> None:
    found = hs.as_("hs.officer").get(f"{API}/lookup", params={"q": "锂离子电池"})
    assert found.status_code == 200, found.text
    body = found.json()
    assert body["code"] == "850760", body["hits"]
    assert len(body["hits"]) == 5 and body["tariff_code"] == ""
    assert {s["id"] for s in body["standards"]} >= {"GB31241", "WI-HS-02"}
    assert body["elements"]["nonconformity"]["total"] == 0
    assert body["assessment"]["risk_level"] == "none"
