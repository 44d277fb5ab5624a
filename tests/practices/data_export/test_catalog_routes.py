"""p01 catalogs over HTTP and the web: reading what is in effect, negative-list matching, and
administrators saving a new version that takes effect on its own date; the pre-assessment."""

from __future__ import annotations

from pathlib import Path

import yaml
from fastapi.testclient import TestClient

from ftz.practices.data_export.catalogs import CATALOG_FOLDER, load_preassessment
from tests.conftest import ApiClients, csrf_from, login

BASE = "/api/data-export"
HTML = {"accept": "text/html"}
TIANJIN = "negative_list.tianjin"


def _tianjin_text() -> str:
    for path in Path(CATALOG_FOLDER).glob("*.yaml"):
        if yaml.safe_load(path.read_text(encoding="utf-8"))["catalog"] == TIANJIN:
            return path.read_text(encoding="utf-8")
    raise AssertionError("no Tianjin negative list shipped")


def test_read_catalogs(api: ApiClients) -> None:
    listed = api.anonymous().get(f"{BASE}/catalogs").json()
    assert listed["in_effect"]["classification"] and len(listed["versions"]) >= 8
    one = api.anonymous().get(f"{BASE}/catalogs/classification").json()
    assert one["origin"] == "shipped" and "personal_information" in one["text"]
    early = api.anonymous().get(f"{BASE}/catalogs", params={"on": "2020-01-01"})
    assert early.status_code == 422 and early.json()["errors"][0]["field"] == "on"
    assert api.anonymous().get(f"{BASE}/catalogs/no_such").status_code == 404


def test_negative_match(api: ApiClients) -> None:
    hit = (
        api.anonymous()
        .get(f"{BASE}/catalogs/negative-match", params={"ftz": "beijing", "field": "高精地图"})
        .json()
    )
    assert hit["on_negative_list"] and hit["entry"]["mechanism"] == "security_assessment"
    miss = (
        api.anonymous()
        .get(f"{BASE}/catalogs/negative-match", params={"ftz": "beijing", "field": "sku"})
        .json()
    )
    assert miss == {"on_negative_list": False, "entry": None}
    bad = api.anonymous().get(
        f"{BASE}/catalogs/negative-match", params={"ftz": "mars", "field": "x"}
    )
    assert bad.status_code == 422


def test_admin_saves_a_version_that_takes_effect_on_its_date(api: ApiClients) -> None:
    document = yaml.safe_load(_tianjin_text())
    document["version"] = "2027.1"
    document["effective_from"] = "2027-01-01"
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    refused = api.as_("ent.a").post(f"{BASE}/catalogs/{TIANJIN}/versions", json={"content": text})
    assert refused.status_code == 403
    saved = api.as_("admin").post(f"{BASE}/catalogs/{TIANJIN}/versions", json={"content": text})
    assert saved.status_code == 201, saved.text
    now = api.anonymous().get(f"{BASE}/catalogs/{TIANJIN}").json()
    later = api.anonymous().get(f"{BASE}/catalogs/{TIANJIN}", params={"on": "2027-06-01"}).json()
    assert now["version"] != "2027.1" and later["version"] == "2027.1"
    assert later["origin"] == "edited"
    again = api.as_("admin").post(f"{BASE}/catalogs/{TIANJIN}/versions", json={"content": text})
    assert again.status_code == 409


def test_a_broken_version_is_refused_with_the_field(api: ApiClients) -> None:
    document = yaml.safe_load(_tianjin_text())
    document["version"] = "2027.2"
    document["sectors"][0]["scenarios"][0]["items"][0]["class_id"] = "no_such.class"
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    refused = api.as_("admin").post(f"{BASE}/catalogs/{TIANJIN}/versions", json={"content": text})
    assert refused.status_code == 422
    assert "class_id" in refused.json()["errors"][0]["reason"]
    wrong = api.as_("admin").post(
        f"{BASE}/catalogs/classification/versions", json={"content": text}
    )
    assert wrong.status_code == 422 and "not classification" in wrong.json()["errors"][0]["reason"]


def test_catalog_pages(client: TestClient) -> None:
    overview = client.get("/data-export/catalogs?lang=en", headers=HTML)
    assert overview.status_code == 200 and 'id="classes"' in overview.text
    login(client, "admin")
    page = client.get(f"/data-export/catalogs/{TIANJIN}", headers=HTML)
    assert 'id="catalog-form"' in page.text
    bad = client.post(
        f"/data-export/catalogs/{TIANJIN}",
        headers=HTML,
        data={"csrf_token": csrf_from(page.text), "content": "catalog: [unclosed"},
    )
    assert bad.status_code == 422 and "catalog: [unclosed" in bad.text


def test_preassessment(dx: ApiClients, client: TestClient) -> None:
    indicators = load_preassessment()
    every = {sub.id: True for major in indicators.majors for sub in major.subs}
    full = dx.as_("dx.auto").post(
        f"{BASE}/preassessments", json={"title": "all met", "answers": every}
    )
    assert full.status_code == 201 and full.json()["score"] == 100 and full.json()["passed"]
    mandatory = next(s for m in indicators.majors for s in m.subs if s.mandatory)
    gap = (
        dx.as_("dx.auto")
        .post(
            f"{BASE}/preassessments",
            json={"title": "one gap", "answers": {**every, mandatory.id: False}},
        )
        .json()
    )
    assert gap["score"] == 100 - mandatory.points and gap["passed"] is False
    assert [g["id"] for g in gap["gaps"]] == [mandatory.id] and gap["gaps"][0]["advice_zh"]
    unknown = dx.as_("dx.auto").post(
        f"{BASE}/preassessments", json={"title": "x", "answers": {"M9.9": True}}
    )
    assert unknown.status_code == 422
    other = dx.as_("dx.bio").get(f"{BASE}/preassessments/{full.json()['id']}")
    assert other.status_code == 404
    login(client, "dx.auto")
    form = client.get("/data-export/preassessment", headers=HTML)
    scored = client.post(
        "/data-export/preassessment",
        headers=HTML,
        data={"csrf_token": csrf_from(form.text), "title": "web", f"met_{mandatory.id}": "on"},
    )
    assert scored.status_code == 201 and 'id="score"' in scored.text
