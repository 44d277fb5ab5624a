"""p03 waste ledger pages: an admitted enterprise records general and hazardous waste with the
disposal certificate's fingerprint (422 with the message on bad input, nothing saved), totals
by year beside the seed's 2024 figures, filters, CSV, a record's history, roles and scoping."""

from __future__ import annotations

import csv
import hashlib
import io

from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.bonded_repair.test_api import API, admitted

HTML = {"accept": "text/html"}


def _waste(category: str, tonnes: str, method: str, description: str) -> dict[str, str]:
    certificate = hashlib.sha256(f"certificate {description}".encode()).hexdigest()
    return {
        "year": "2024",
        "category": category,
        "description": description,
        "tonnes": tonnes,
        "method": method,
        "receiver": "天津某处置单位",
        "certificate_sha256": certificate,
    }


def test_recording_waste_and_its_totals(br: ApiClients, client: TestClient) -> None:
    login(client, "br.ent.a")
    token = csrf_from(client.get("/bonded-repair/waste?lang=en").text)
    early = client.post(
        "/bonded-repair/waste",
        headers=HTML,
        data={"csrf_token": token, **_waste("general", "1", "recycled", "废包装")},
    )
    assert early.status_code == 422 and "only an admitted enterprise" in early.text
    admitted(br)
    bad = {**_waste("hazardous", "-2", "burned", "废矿物油"), "certificate_sha256": "abc"}
    refused = client.post("/bonded-repair/waste", headers=HTML, data={"csrf_token": token, **bad})
    assert refused.status_code == 422 and 'role="alert"' in refused.text
    for field in ("tonnes", "method", "certificate_sha256"):
        assert field in refused.text
    assert 'value="废矿物油"' in refused.text  # what was typed comes back
    assert br.as_("br.ent.a").get(f"{API}/waste").json() == []

    made = [
        _waste("general", "121.000", "recycled", "废包装材料"),
        _waste("general", "88", "recycled", "废金属件"),
        _waste("hazardous", "6", "disposed", "废矿物油"),
        _waste("hazardous", "4", "disposed", "含油抹布"),
    ]
    for form in made:
        done = client.post(
            "/bonded-repair/waste", follow_redirects=False, data={"csrf_token": token, **form}
        )
        assert done.status_code == 303, done.text
    record = client.get(done.headers["location"] + "?lang=en").text
    assert "含油抹布" in record and made[-1]["certificate_sha256"] in record
    assert 'id="history"' in record and "br.ent.a" in record

    ledger = client.get("/bonded-repair/waste?lang=en").text
    totals = ledger.split('id="totals-2024"')[1].split("</tr>")[0]
    assert 'class="general-total">209.000<' in totals
    assert 'class="hazardous-total">10.000<' in totals
    assert "209 t" in totals and "10 t" in totals  # the seed's figures beside ours
    hazardous = client.get("/bonded-repair/waste?category=hazardous&lang=en").text
    assert "含油抹布" in hazardous and "废金属件" not in hazardous
    assert "废包装材料" in client.get("/bonded-repair/waste?q=包装").text
    assert client.get("/bonded-repair/waste?year=24x").status_code == 422
    exported = client.get("/bonded-repair/waste.csv?method=disposed")
    rows = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert sorted(r["description"] for r in rows) == ["含油抹布", "废矿物油"]
    assert {r["tonnes"] for r in rows} == {"6.000", "4.000"}

    formula = {**_waste("general", "1", "recycled", "=HYPERLINK(1)"), "year": "2023"}
    client.post("/bonded-repair/waste", data={"csrf_token": token, **formula})
    [row] = csv.DictReader(io.StringIO(client.get("/bonded-repair/waste.csv?year=2023").text))
    assert row["description"] == "'=HYPERLINK(1)"  # never run as a spreadsheet formula

    login(client, "br.ecology")
    token = csrf_from(client.get("/bonded-repair/waste").text)
    officer = client.post(
        "/bonded-repair/waste", headers=HTML, data={"csrf_token": token, **made[0]}
    )
    assert officer.status_code == 403
    assert "废包装材料" in client.get("/bonded-repair/waste").text
    assert "waste-form" not in client.get("/bonded-repair/waste").text

    login(client, "br.ent.b")
    assert "废包装材料" not in client.get("/bonded-repair/waste").text
    assert client.get(done.headers["location"]).status_code == 404
    assert "含油抹布" not in client.get("/bonded-repair/waste.csv").text
