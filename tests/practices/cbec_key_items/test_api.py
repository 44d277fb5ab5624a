"""p22 over the API: screening on submission (hits with rule, version, reasons and source;
lines recorded with the version), the route table, officers' confirm or clear, credit moved by
the credit table up to the blacklist (then every line is inspected), new list versions, the
monthly joint report, other organizations' 404s, and bad input as RFC 9457 problems."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy.orm import Session

from ftz.core.ledger.service import EVIDENCE_LOG
from ftz.core.ledger.store import get_leaf
from tests.conftest import ApiClients
from tests.practices.cbec_key_items.helpers import (
    API,
    PERFUME,
    POWER_BANK,
    TSHIRT,
    body,
    declared,
    flagged,
    line,
)


def test_screening_routes_hits_to_inspection_with_reasons(cbk: ApiClients) -> None:
    clean = declared(cbk, TSHIRT)
    assert clean["status"] == "released" and clean["hit_count"] == 0
    assert clean["lines"][0]["status"] == "passed"
    assert clean["lines"][0]["route"][0]["row_id"] == "RT-RELEASE"
    made = declared(cbk, TSHIRT, POWER_BANK, PERFUME, container_no="NNRU0000012")
    assert made["status"] == "inspection" and made["hit_count"] == 2 and made["list_version"] == 1
    first, second = flagged(made)
    assert first["hits"] == [
        {
            "rule_id": "KI-BAT-POWERBANK",
            "version": 1,
            "category": "battery",
            "trigger": "keyword",
            "matched": "power bank",
            "reason_zh": first["hits"][0]["reason_zh"],
            "reason_en": first["hits"][0]["reason_en"],
            "source": first["hits"][0]["source"],
        }
    ]
    assert "案例22" in first["hits"][0]["source"] and "充电宝" in first["hits"][0]["reason_zh"]
    assert first["route"][0]["row_id"] == "RT-HIT" and first["hs_code"] == "850440"
    assert [(h["rule_id"], h["trigger"]) for h in second["hits"]] == [("KI-FLAM-LIQUID", "keyword")]
    assert made["lines"][0]["status"] == "passed"


def test_bad_input_is_a_problem_with_field(cbk: ApiClients) -> None:
    shipper = cbk.as_("cbk.forwarder")
    for bad, field in (
        (body(line(hs_code="9405209000")), "hs_code"),  # not in HS 2022
        (body(line(hs_code="85")), "hs_code"),
        (body(line(weight_kg="-1")), "weight_kg"),
        (body(TSHIRT, container_no="NNRU0000013"), "container_no"),  # check digit
        (body(TSHIRT, ecommerce_code="x"), "ecommerce_code"),
        ({**body(), "lines": []}, "lines"),
    ):
        answer = shipper.post(f"{API}/declarations", json=bad)
        assert answer.status_code == 422, bad
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert field in answer.text
    assert shipper.get(f"{API}/declarations").json()["total"] == 0
    officer = cbk.as_("cbk.customs")
    assert officer.post(f"{API}/declarations", json=body()).status_code == 403
    assert (
        shipper.post(f"{API}/lines/nope/resolve", json={"event": "clear", "note": "ok"}).status_code
        == 403
    )


def test_each_decision_is_anchored_in_the_evidence_log(cbk: ApiClients, session: Session) -> None:
    made = declared(cbk, POWER_BANK)
    bank = flagged(made)[0]
    assert bank["ledger_index"] is None  # screened, not yet decided
    done = cbk.as_("cbk.railway").post(
        f"{API}/lines/{bank['id']}/resolve",
        json={"event": "confirm", "kind": "carriage", "note": "开箱查验"},
    )
    line = done.json()["line"]
    _, entry, ref = get_leaf(session, EVIDENCE_LOG, line["ledger_index"])
    anchored = json.loads(entry)
    assert ref == f"cbk-line:{bank['id']}"
    assert anchored["type"] == "cbec_key_items.resolve" and anchored["line"] == bank["id"]
    assert anchored["status"] == "confirmed" and anchored["measure"] == "warning"
    assert anchored["rows"] == ["CR-CARRIAGE"] and anchored["by"].startswith("railway:")
    shown = cbk.as_("cbk.customs").get(f"/cbec-key-items/declarations/{made['id']}")
    assert f"index={line['ledger_index']}" in shown.text


def test_confirm_and_clear_move_credit_and_status(cbk: ApiClients) -> None:
    made = declared(cbk, POWER_BANK, PERFUME)
    bank, perfume = flagged(made)
    customs, railway = cbk.as_("cbk.customs"), cbk.as_("cbk.railway")
    url = f"{API}/lines/{bank['id']}/resolve"
    no_kind = railway.post(url, json={"event": "confirm", "note": "开箱查验"})
    assert no_kind.status_code == 422 and "kind" in no_kind.text
    done = railway.post(url, json={"event": "confirm", "kind": "carriage", "note": "开箱查验"})
    assert done.status_code == 200, done.text
    out = done.json()
    assert out["line"]["status"] == "confirmed" and out["declaration_status"] == "inspection"
    assert out["violation"]["measure"] == "warning" and out["violation"]["railway_grade"] == "B"
    assert out["violation"]["agency"] == "railway"
    assert out["violation"]["fired"][0]["row_id"] == "CR-CARRIAGE"
    again = customs.post(url, json={"event": "clear", "note": "x2"})
    assert again.status_code == 409
    cleared = customs.post(
        f"{API}/lines/{perfume['id']}/resolve", json={"event": "clear", "note": "固体香膏"}
    )
    assert cleared.json()["declaration_status"] == "violation"
    assert (
        cbk.as_("cbk.forwarder").post(url, json={"event": "clear", "note": "x"}).status_code == 403
    )

    # a second and third confirmed violation within 12 months: penalty, then blacklist
    for kind, measure, grade in (("concealment", "blacklist", "D"), ("carriage", "blacklist", "D")):
        later = flagged(declared(cbk, POWER_BANK))[0]
        got = customs.post(
            f"{API}/lines/{later['id']}/resolve",
            json={"event": "confirm", "kind": kind, "note": "查验"},
        ).json()
        assert (got["violation"]["measure"], got["violation"]["railway_grade"]) == (measure, grade)
    credit = cbk.as_("cbk.forwarder").get(f"{API}/credit").json()
    assert [(c["measure"], c["railway_grade"], c["violations"]) for c in credit] == [
        ("blacklist", "D", 3)
    ]
    assert cbk.as_("cbk.forwarder2").get(f"{API}/credit").json() == []
    # blacklisted: even a clean line goes to inspection, by the route table
    after = declared(cbk, TSHIRT)
    assert after["status"] == "inspection" and after["hit_count"] == 0
    assert after["lines"][0]["route"][0]["row_id"] == "RT-BLACKLIST"
    assert declared(cbk, TSHIRT, user="cbk.forwarder2")["status"] == "released"


def test_a_new_list_version_is_saved_whole_and_recorded(cbk: ApiClients) -> None:
    current = cbk.as_("cbk.forwarder").get(f"{API}/list").json()
    assert current["version"] == 1 and len(current["rules"]) == 14
    new = {k: v for k, v in current.items() if k != "version"}
    new["rules"] = [
        *current["rules"],
        {
            "id": "KI-TSHIRT-TEST",
            "category": "other",
            "reason_zh": "测试规则",
            "reason_en": "test",
            "source": "案例22 测试",
            "keywords": ["纯棉"],
            "value_over_cny": 1000,
        },
    ]
    assert cbk.as_("cbk.forwarder").post(f"{API}/list", json=new).status_code == 403
    bad = cbk.as_("cbk.customs").post(
        f"{API}/list", json={**new, "rules": [{**new["rules"][0], "hs": ["0000"]}]}
    )
    assert bad.status_code == 422 and "hs" in bad.text
    saved = cbk.as_("cbk.railway").post(f"{API}/list", json=new)
    assert saved.status_code == 201 and saved.json()["version"] == 2
    assert saved.json()["rule_count"] == 15
    versions = cbk.as_("cbk.forwarder").get(f"{API}/list/versions").json()
    assert [v["version"] for v in versions] == [2, 1]
    made = declared(cbk, TSHIRT, line(value_cny="999"))
    assert made["list_version"] == 2 and [x["position"] for x in flagged(made)] == [1]
    assert flagged(made)[0]["hits"][0] == flagged(made)[0]["hits"][0] | {
        "rule_id": "KI-TSHIRT-TEST",
        "version": 2,
    }
    old = cbk.as_("cbk.forwarder").get(f"{API}/list?version=1").json()
    assert len(old["rules"]) == 14
    assert cbk.as_("cbk.forwarder").get(f"{API}/list?version=9").status_code == 404
    check = cbk.as_("cbk.customs").post(f"{API}/screen", json={"lines": [TSHIRT, POWER_BANK]})
    assert check.json()["inspection"] == 2 and check.json()["list_version"] == 2


def test_monthly_joint_report_and_isolation(cbk: ApiClients) -> None:
    made = declared(cbk, TSHIRT, POWER_BANK, container_no="NNRU0000012")
    other = declared(cbk, PERFUME, user="cbk.forwarder2")
    bank = flagged(made)[0]
    cbk.as_("cbk.customs").post(
        f"{API}/lines/{bank['id']}/resolve",
        json={"event": "confirm", "kind": "false_declaration", "note": "伪报"},
    )
    month = made["month"]
    data = cbk.as_("cbk.railway").get(f"{API}/report?month={month}").json()
    assert data["total"] == {
        "declarations": 2,
        "lines": 3,
        "hit_lines": 2,
        "pending": 1,
        "confirmed": 1,
        "cleared": 0,
        "violations": 1,
    }
    assert data["categories"] == {"battery": 1, "flammable": 1}
    assert data["violations"][0]["measure"] == "penalty" and data["containers"] == 1
    own = cbk.as_("cbk.forwarder2").get(f"{API}/report?month={month}").json()
    assert own["total"]["declarations"] == 1 and own["violations"] == []
    exported = cbk.as_("cbk.customs").get(f"{API}/report.csv?month={month}")
    rows = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert rows[-1]["declarant"] == "合计 total" and rows[-1]["hit_lines"] == "2"
    assert {r["measure"] for r in rows[:-1]} == {"penalty", "none"}
    assert cbk.as_("cbk.customs").get(f"{API}/report?month=2026-13").status_code == 422

    forwarder = cbk.as_("cbk.forwarder")
    for path in (f"/declarations/{other['id']}", f"/declarations/{other['id']}/history"):
        assert forwarder.get(API + path).status_code == 404
    assert (
        cbk.as_("cbk.forwarder")
        .post(
            f"{API}/lines/{flagged(other)[0]['id']}/resolve", json={"event": "clear", "note": "xx"}
        )
        .status_code
        == 403
    )
    listed = forwarder.get(f"{API}/declarations").json()
    assert [d["id"] for d in listed["items"]] == [made["id"]]
    assert forwarder.get(f"{API}/violations").json()[0]["kind"] == "false_declaration"
    assert cbk.as_("cbk.forwarder2").get(f"{API}/violations").json() == []
    history = forwarder.get(f"{API}/declarations/{made['id']}/history").json()
    assert {h["action"] for h in history} >= {"create", "transition:confirm"}
    found = cbk.as_("cbk.customs").get(f"{API}/declarations?q=NNRU0000012&status=violation").json()
    assert [d["id"] for d in found["items"]] == [made["id"]]
    dash = cbk.as_("cbk.customs").get(f"{API}/dashboard").json()
    assert dash["seed"]["cost_saved_per_container_cny"] == 600 and dash["saved_cny"] == 600
