"""p27 pages without a browser, and every route's classification for isolation."""

from __future__ import annotations

import hashlib
import json

from fastapi import FastAPI
from fastapi.testclient import TestClient

from ftz.core.kit import signing_keys
from ftz.practices.trade_secrets import keys
from tests.conftest import csrf_from, login
from tests.routes import api_routes

HTML = {"accept": "text/html"}


def _items(*texts: str) -> str:
    return json.dumps(
        [
            {
                "title": t,
                "file_name": t,
                "size_bytes": len(t.encode()),
                "sha256": hashlib.sha256(t.encode()).hexdigest(),
                "sm3": hashlib.new("sm3", t.encode()).hexdigest(),
            }
            for t in texts
        ]
    )


def test_register_form_records_and_verify(client: TestClient) -> None:
    login(client, "ent.a")
    token = csrf_from(client.get("/trade-secrets/register").text)
    response = client.post(
        "/trade-secrets/register",
        headers=HTML,
        data={
            "csrf_token": token,
            "project": "网页",
            "contributors": "王磊, 李娜",
            "items_json": _items("网页文件一", "网页文件二"),
        },
    )
    assert response.status_code == 201 and "网页文件一" in response.text
    listing = client.get("/trade-secrets/records", params={"contributor": "李娜"}, headers=HTML)
    assert "网页文件二" in listing.text
    record_link = listing.text.split('href="/trade-secrets/records/')[1].split('"')[0]
    detail = client.get(f"/trade-secrets/records/{record_link}", headers=HTML)
    assert 'id="record-valid">是<' in detail.text
    sha = hashlib.sha256("网页文件一".encode()).hexdigest()
    public = TestClient(client.app)
    found = public.get("/trade-secrets/verify", params={"sha256": sha}, headers=HTML)
    assert 'id="verify-org"' in found.text and "宜昌三峡" in found.text
    bad = public.get("/trade-secrets/verify", params={"sha256": "zz"}, headers=HTML)
    assert bad.status_code == 422


def test_register_form_errors_keep_nothing(client: TestClient) -> None:
    login(client, "ent.a")
    token = csrf_from(client.get("/trade-secrets/register").text)
    empty = client.post(
        "/trade-secrets/register", headers=HTML, data={"csrf_token": token, "items_json": "[]"}
    )
    assert empty.status_code == 422
    broken = client.post(
        "/trade-secrets/register",
        headers=HTML,
        data={"csrf_token": token, "items_json": "{not json"},
    )
    assert broken.status_code == 422
    wrong = json.dumps([{"title": "x", "sha256": "nothex", "sm3": "00"}])
    invalid = client.post(
        "/trade-secrets/register", headers=HTML, data={"csrf_token": token, "items_json": wrong}
    )
    assert invalid.status_code == 422 and "sha256" in invalid.text
    assert "No records match" in client.get("/trade-secrets/records", headers=HTML).text or (
        "没有符合条件的记录" in client.get("/trade-secrets/records", headers=HTML).text
    )


def test_certification_pages(client: TestClient) -> None:
    login(client, "ent.a")
    token = csrf_from(client.get("/trade-secrets/register").text)
    client.post(
        "/trade-secrets/register",
        headers=HTML,
        data={"csrf_token": token, "items_json": _items("认证用文件")},
    )
    page = client.get("/trade-secrets/certification", headers=HTML)
    assert "TS-01" in page.text
    answers = {f"answer_TS-{n:02d}": "有" for n in range(1, 11)}
    done = client.post(
        "/trade-secrets/certification",
        headers=HTML,
        follow_redirects=False,
        data={"csrf_token": csrf_from(page.text), "action": "submit", **answers},
    )
    assert done.status_code == 303
    after = client.get("/trade-secrets/certification", headers=HTML)
    assert "已提交" in after.text or "submitted" in after.text


def test_other_enterprise_pages(client: TestClient) -> None:
    login(client, "ent.a")
    token = csrf_from(client.get("/trade-secrets/register").text)
    client.post(
        "/trade-secrets/register",
        headers=HTML,
        data={"csrf_token": token, "items_json": _items("只属于A")},
    )
    listing = client.get("/trade-secrets/records", headers=HTML).text
    record_id = listing.split('href="/trade-secrets/records/')[1].split('"')[0]
    other = TestClient(client.app)
    login(other, "ent.b")
    assert other.get(f"/trade-secrets/records/{record_id}", headers=HTML).status_code == 404
    assert "只属于A" not in other.get("/trade-secrets/records", headers=HTML).text
    assert "只属于A" not in other.get("/trade-secrets/contributions", headers=HTML).text


ISOLATED = {
    "/api/trade-secrets/records",
    "/api/trade-secrets/records/{record_id}",
    "/api/trade-secrets/records/{record_id}/receipt",
    "/api/trade-secrets/records/{record_id}/certificate.pdf",
    "/api/trade-secrets/batches/{batch_id}/certificate.pdf",
    "/api/trade-secrets/export.zip",
    "/api/trade-secrets/projects",
    "/api/trade-secrets/contributions",
    "/api/trade-secrets/keys",
    "/api/trade-secrets/keys/{key_id}/retire",
    "/trade-secrets/keys",
    "/trade-secrets/keys/{key_id}/retire",
    "/api/trade-secrets/certifications",
    "/api/trade-secrets/certifications/{certification_id}/answers",
    "/api/trade-secrets/certifications/{certification_id}/submit",
    "/api/trade-secrets/certifications/{certification_id}/audit",
    "/trade-secrets/records",
    "/trade-secrets/records/{record_id}",
    "/trade-secrets/contributions",
    "/trade-secrets/certification",
    "/trade-secrets/register",
}
PUBLIC = {
    "/api/trade-secrets/verify/{sha256}",
    "/api/trade-secrets/statistics",
    "/api/trade-secrets/checklist",
    "/trade-secrets",
    "/trade-secrets/verify",
}


def test_every_p27_route_is_classified(app: FastAPI) -> None:
    paths = {path for path, _ in api_routes(app.routes) if "trade-secrets" in path}
    assert paths == ISOLATED | PUBLIC


def test_signing_keys_page(client: TestClient) -> None:
    login(client, "ent.b")
    page = client.get("/trade-secrets/keys")
    assert page.status_code == 200 and 'id="key-form"' in page.text
    token = csrf_from(page.text)
    sm2 = signing_keys.generate(signing_keys.SM2)
    bad = client.post(
        "/trade-secrets/keys",
        headers=HTML,
        data={"csrf_token": token, "public_key": "04" + "01" * 64},
    )
    assert bad.status_code == 422 and "SM2 curve" in bad.text
    assert "04" + "01" * 64 in bad.text  # the form comes back with what was typed
    added = client.post(
        "/trade-secrets/keys",
        headers=HTML,
        data={"csrf_token": token, "public_key": "04" + sm2.public.hex()},
        follow_redirects=True,
    )
    assert added.status_code == 200 and "SM2" in added.text
    key_id = keys.key_id_of(sm2.public)
    assert key_id in added.text
    retired = client.post(
        f"/trade-secrets/keys/{key_id}/retire",
        headers=HTML,
        data={"csrf_token": token},
        follow_redirects=True,
    )
    assert retired.status_code == 200
    again = client.post(
        f"/trade-secrets/keys/{key_id}/retire", headers=HTML, data={"csrf_token": token}
    )
    assert again.status_code == 422 and "was retired on" in again.text
    no_csrf = client.post("/trade-secrets/keys", headers=HTML, data={"public_key": "x"})
    assert no_csrf.status_code == 403
    login(client, "ent.a")
    other = client.post(
        f"/trade-secrets/keys/{key_id}/retire",
        headers=HTML,
        data={"csrf_token": csrf_from(client.get("/trade-secrets/keys").text)},
    )
    assert other.status_code == 404
