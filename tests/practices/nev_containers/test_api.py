"""p13 over the API: the declaration classified by the rule tables (UN 3556/3166 under 42-24,
UN 3171 under 41-22), ISO 6346 and VIN checks, the packing-site inspection (certified and
anchored, or sent back), the transit port that recognizes the box or reopens it only by rule,
the offices' and shippers' reach, and bad input as RFC 9457 problems."""

from __future__ import annotations

from tests.conftest import ApiClients
from tests.practices.nev_containers.helpers import ALL_MET, API, body, certified, declared, sha


def test_declaration_is_classified_by_the_tables(nev: ApiClients) -> None:
    d = declared(nev)
    assert d["status"] == "declared" and d["edition"] == "42-24"
    assert d["un_numbers"] == ["UN3166", "UN3556"]
    numbers = {v["power_source"]: (v["un_number"], v["dg_class"]) for v in d["vehicles"]}
    assert numbers == {"bev_li_ion": ("UN3556", "9"), "phev_liquid": ("UN3166", "9")}
    assert d["vehicles"][0]["fired"][0]["row_id"] == "UN-LI-ION"
    provisions = {
        p["un_number"]: [r["row_id"] for r in p["fired"]] for p in d["special_provisions"]
    }
    assert provisions["UN3556"] == ["SP-962", "SP-LITHIUM", "SP-PLACARD", "SP-CPC"]
    assert provisions["UN3166"] == ["SP-962", "SP-HYBRID", "SP-PLACARD", "SP-CPC"]
    old = nev.as_("nev.shipper").post(f"{API}/declarations", json=body(2, "2024-12-20"))
    assert old.json()["edition"] == "41-22" and "UN3171" in old.json()["un_numbers"]


def test_bad_input_is_a_problem_with_field(nev: ApiClients) -> None:
    shipper = nev.as_("nev.shipper")
    bad_box = shipper.post(f"{API}/declarations", json=body(1, container_no="CSQU3054384"))
    assert bad_box.status_code == 422
    assert bad_box.headers["content-type"].startswith("application/problem+json")
    assert "container_no" in bad_box.text
    vin = body(1)
    vin["vehicles"][0]["vin"] = "LTESTIO0000000001"  # I and O are not VIN letters
    assert shipper.post(f"{API}/declarations", json=vin).status_code == 422
    early = shipper.post(f"{API}/declarations", json=body(1, "2023-06-01"))
    assert early.status_code == 422 and "sea_date" in early.text
    office = shipper.post(f"{API}/declarations", json=body(1, origin_office="nev-msa-qz"))
    assert office.status_code == 422 and "origin_office" in office.text
    declared(nev)
    again = shipper.post(f"{API}/declarations", json=body(3) | {"vehicles": body(1)["vehicles"]})
    assert again.status_code == 409 and "LTEST" in again.text


def test_packing_site_inspection_certifies_and_anchors(nev: ApiClients) -> None:
    d = declared(nev)
    url = f"{API}/declarations/{d['id']}"
    assert nev.as_("nev.qz").post(f"{url}/inspection", json=ALL_MET).status_code == 403
    assert nev.as_("nev.shipper").post(f"{url}/inspection", json=ALL_MET).status_code == 403
    no_seal = nev.as_("nev.cq").post(
        f"{url}/inspection", json={**ALL_MET, "photo_sha256": [sha("p")]}
    )
    assert no_seal.status_code == 422 and "seal_no" in no_seal.text
    done = nev.as_("nev.cq").post(
        f"{url}/inspection", json={**ALL_MET, "seal_no": "CQ1", "photo_sha256": [sha("p")]}
    )
    assert done.status_code == 201 and done.json()["passed"] is True
    after = nev.as_("nev.shipper").get(url).json()
    assert after["status"] == "certified" and after["certificate_no"].startswith("SC-NEV-")
    assert after["ledger_index"] == done.json()["ledger_index"]
    again = nev.as_("nev.cq").post(f"{url}/inspection", json={**ALL_MET, "seal_no": "CQ1"})
    assert again.status_code == 409
    assert nev.as_("nev.shipper").put(url, json=body(1)).status_code == 409


def test_failed_checklist_goes_back_and_returns(nev: ApiClients) -> None:
    d = declared(nev)
    url = f"{API}/declarations/{d['id']}"
    failed = nev.as_("nev.cq").post(
        f"{url}/inspection", json={**ALL_MET, "terminals_protected": False}
    )
    assert failed.status_code == 201
    assert [r["row_id"] for r in failed.json()["fired"]] == ["CK-TERMINALS", "CK-PHOTOS"]
    assert nev.as_("nev.shipper").get(url).json()["status"] == "rectifying"
    edited = nev.as_("nev.shipper").put(url, json=body(1, destination="Jakarta"))
    assert edited.status_code == 200 and edited.json()["destination"] == "Jakarta"
    back = nev.as_("nev.shipper").post(f"{url}/events", json={"event": "resubmit"})
    assert back.json()["status"] == "declared"
    inspections = nev.as_("nev.shipper").get(f"{url}/inspections").json()
    assert [i["passed"] for i in inspections] == [False]
    history = nev.as_("nev.shipper").get(f"{url}/history").json()
    assert {"transition:send_back", "transition:resubmit"} <= {h["action"] for h in history}


def test_transit_port_recognizes_without_reopening(nev: ApiClients) -> None:
    d = certified(nev, seal="CQ000001")
    url = f"{API}/declarations/{d['id']}"
    assert (
        nev.as_("nev.cq")
        .post(
            f"{url}/arrival",
            json={
                "seal_no": "CQ000001",
                "seal_intact": True,
                "container_damaged": False,
                "leak_seen": False,
                "placards_intact": True,
            },
        )
        .status_code
        == 403
    )
    ok = nev.as_("nev.qz").post(
        f"{url}/arrival",
        json={
            "seal_no": "CQ000001",
            "seal_intact": True,
            "container_damaged": False,
            "leak_seen": False,
            "placards_intact": True,
        },
    )
    assert ok.status_code == 201 and ok.json()["fired"] == []
    recognized = nev.as_("nev.qz").get(url).json()["ledger_index"]
    assert ok.json()["answers"]["origin_ledger_index"] == recognized is not None
    assert nev.as_("nev.qz").get(url).json()["status"] == "loaded"
    reopen = nev.as_("nev.qz").post(f"{url}/reinspection", json={"passed": False, "note": "opened"})
    assert reopen.status_code == 409  # no rule fired: the port cannot open it


def test_broken_seal_reopens_then_port_decides(nev: ApiClients) -> None:
    d = certified(nev, seal="CQ000002")
    url = f"{API}/declarations/{d['id']}"
    arrived = nev.as_("nev.qz").post(
        f"{url}/arrival",
        json={
            "seal_no": "QZ999",
            "seal_intact": False,
            "container_damaged": False,
            "leak_seen": False,
            "placards_intact": True,
        },
    )
    rows = [r["row_id"] for r in arrived.json()["fired"]]
    assert rows == ["TR-SEAL-BROKEN", "TR-SEAL-MISMATCH"]
    assert nev.as_("nev.qz").get(url).json()["status"] == "reopened"
    short = nev.as_("nev.qz").post(f"{url}/reinspection", json={"passed": True, "note": ""})
    assert short.status_code == 422 and "note" in short.text
    held = nev.as_("nev.qz").post(f"{url}/reinspection", json={"passed": False, "note": "漏液"})
    assert held.status_code == 201
    assert nev.as_("nev.shipper").get(url).json()["status"] == "held"


def test_other_organizations_see_nothing(nev: ApiClients) -> None:
    d = declared(nev)
    url = f"{API}/declarations/{d['id']}"
    other = nev.as_("nev.shipper2")
    for path in (url, f"{url}/inspections", f"{url}/history"):
        assert other.get(path).status_code == 404, path
    assert other.put(url, json=body(1)).status_code == 404
    assert other.post(f"{url}/events", json={"event": "withdraw"}).status_code == 404
    assert other.get(f"{API}/declarations").json()["total"] == 0
    assert nev.as_("nev.shipper").get(f"{API}/declarations").json()["total"] == 1
    assert nev.as_("nev.cq").get(f"{API}/declarations?q={d['container_no']}").json()["total"] == 1
    # An officer of another agency sees no declarations at all.
    assert nev.as_("exam.officer").get(f"{API}/declarations").json()["total"] == 0
    assert nev.anonymous().get(f"{API}/declarations").status_code == 401


def test_classify_csv_rules_and_dashboard(nev: ApiClients) -> None:
    shipper = nev.as_("nev.shipper")
    found = shipper.post(f"{API}/classify", json=body(5, "2025-06-01", opt_in_42_24=True))
    assert found.json()["edition"] == "42-24" and found.json()["un_numbers"] == ["UN3166", "UN3556"]
    assert shipper.get(f"{API}/declarations").json()["total"] == 0  # nothing was declared
    declared(nev)
    csv_text = shipper.get(f"{API}/declarations.csv").text
    assert "UN3166 UN3556" in csv_text and "container_no" in csv_text
    tables = shipper.get(f"{API}/rules").json()
    assert set(tables) == {
        "checklist.json",
        "edition.json",
        "special_provisions.json",
        "transit.json",
        "un_number.json",
    }
    dash = shipper.get(f"{API}/dashboard").json()
    assert dash["seed"]["boxes"] == 479 and dash["seed"]["vehicles"] == 1032
    assert dash["status"] == {"declared": 1}
    withdrawn = shipper.post(f"{API}/declarations/{_first(nev)}/events", json={"event": "withdraw"})
    assert withdrawn.json()["status"] == "withdrawn"


def _first(nev: ApiClients) -> str:
    return str(nev.as_("nev.shipper").get(f"{API}/declarations").json()["items"][0]["id"])
