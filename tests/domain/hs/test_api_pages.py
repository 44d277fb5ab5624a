"""`/api/hs` and `/hs`: the nomenclature for every signed-in user, with problem details for a
bad code or text, and the search and browse pages in both languages."""

from __future__ import annotations

from fastapi.testclient import TestClient

from ftz.domain.hs.search import HsIndex
from tests.conftest import ApiClients, login


def test_api_search_and_code(api: ApiClients, index: HsIndex) -> None:
    found = api.as_("ent.a").get("/api/hs/search", params={"q": "锂离子蓄电池", "top": 3})
    assert found.status_code == 200, found.text
    results = found.json()["results"]
    assert len(results) == 3 and results[0]["code"] == "850760"
    by_prefix = api.as_("ent.a").get("/api/hs/search", params={"q": "8507.6"}).json()["results"]
    assert [r["code"] for r in by_prefix] == ["850760"]
    code = api.as_("admin").get("/api/hs/codes/8507600000").json()
    assert code["code"] == "850760" and [p["code"] for p in code["path"]] == [
        "XVI",
        "85",
        "8507",
        "850760",
    ]


def test_api_problems_and_roles(api: ApiClients) -> None:
    client = api.as_("ent.a")
    bad = client.get("/api/hs/codes/85x7")
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "code"
    assert "digits only" in bad.json()["errors"][0]["reason"]
    assert client.get("/api/hs/codes/9999").status_code == 404
    unknown_prefix = client.get("/api/hs/search", params={"q": "9999"})
    assert unknown_prefix.status_code == 422
    assert unknown_prefix.json()["errors"][0]["field"] == "q"
    too_many = client.get("/api/hs/search", params={"q": "battery", "top": 51})
    assert too_many.status_code == 422
    assert api.anonymous().get("/api/hs/codes/85").status_code == 401


def test_pages_search_and_browse(client: TestClient, index: HsIndex) -> None:
    assert client.get("/hs", follow_redirects=False).status_code in (303, 401)
    login(client, "ent.a")
    page = client.get("/hs", params={"q": "冻虾", "lang": "zh"})
    assert page.status_code == 200
    assert 'id="hs-results"' in page.text and "/hs/codes/030617" in page.text
    assert "HS 2022 商品编码" in page.text
    bad = client.get("/hs", params={"q": "12345"})
    assert bad.status_code == 422 and 'id="hs-error"' in bad.text
    heading = client.get("/hs/codes/8507", params={"lang": "en"})
    assert heading.status_code == 200 and "/hs/codes/850760" in heading.text
    assert 'id="hs-path"' in heading.text and "/hs/codes/XVI" in heading.text
    assert client.get("/hs/codes/9999").status_code == 404
