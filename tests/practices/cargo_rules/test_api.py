"""p05 API: the shipper's lookup and moisture check, the registry kept by MSA officers with
versions and status history, the proposal workflow moving its cargo, and assessments of
unlisted goods through the three sign-offs; bad input is a problem with the field and nothing
changes; enterprises see only their own assessments."""

from __future__ import annotations

from tests.conftest import ApiClients
from tests.practices.cargo_rules.conftest import BASE, cargo_body, request_body, sign_all


def _fields(response) -> set[str]:  # type: ignore[no-untyped-def]
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    return {e["field"] for e in response.json().get("errors", [])}


def test_lookup_by_chinese_english_un_number_and_typo(cgr: ApiClients) -> None:
    anyone = cgr.anonymous()
    zh = anyone.get(f"{BASE}/lookup", params={"q": "铁矿粉"}).json()
    assert zh["results"][0]["code"] == "IRON-ORE-FINES"
    assert "name = 铁矿粉" in zh["results"][0]["matched"]
    synonym = anyone.get(f"{BASE}/lookup", params={"q": "锂电池"}).json()
    assert synonym["results"][0]["code"] == "LITHIUM-ION-BATTERIES"
    un = anyone.get(f"{BASE}/lookup", params={"q": "un 1495"}).json()
    assert un["mode"] == "un_number" and [r["code"] for r in un["results"]] == ["SODIUM-CHLORATE"]
    typo = anyone.get(f"{BASE}/lookup", params={"q": "nikel ore"}).json()
    assert typo["results"][0]["code"] == "NICKEL-ORE"
    assert "nikel ≈ nickel" in typo["results"][0]["matched"]
    joined = anyone.get(f"{BASE}/lookup", params={"q": "ironore"}).json()
    assert joined["mode"] == "fuzzy" and joined["results"][0]["code"] == "IRON-ORE"
    nothing = anyone.get(f"{BASE}/lookup", params={"q": "zzzz qqqq"}).json()
    assert nothing["total"] == 0
    assert _fields(anyone.get(f"{BASE}/lookup", params={"q": "  "})) == {"q"}


def test_cargo_shows_conditions_requirements_and_the_rule(cgr: ApiClients) -> None:
    anyone = cgr.anonymous()
    fines = anyone.get(f"{BASE}/cargoes/iron-ore-fines").json()
    assert fines["in_force"]["version"] == "IMSBC 03-15"
    items = [r["outputs"]["item"] for r in fines["requirements"]]
    assert items == ["cargo_information", "tml_certificate", "moisture_certificate"]
    assert all(r["citation"] for r in fines["requirements"])
    assert {r["row_id"] for r in fines["moisture_rule"]} >= {"moisture_check-3", "moisture_check-4"}
    before = anyone.get(f"{BASE}/cargoes/IRON-ORE-FINES", params={"on": "2015-06-01"}).json()
    assert before["in_force"] is None and before["requirements"] == []
    batteries = anyone.get(f"{BASE}/cargoes/LITHIUM-ION-BATTERIES").json()
    assert "un38_3_test_summary" in [r["outputs"]["item"] for r in batteries["requirements"]]
    assert batteries["moisture_rule"] == []
    assert anyone.get(f"{BASE}/cargoes/NO-SUCH").status_code == 404


def test_moisture_check_verdicts_and_bad_input(cgr: ApiClients) -> None:
    anyone = cgr.anonymous()
    body = {
        "cargo": "IRON-ORE-FINES",
        "moisture_pct": 8.4,
        "tml_pct": 9.6,
        "tml_tested_on": "2024-03-01",
        "moisture_sampled_on": "2024-05-08",
        "loading_on": "2024-05-10",
    }
    ok = anyone.post(f"{BASE}/check", json=body).json()
    assert ok["verdict"] == "may_load" and [r["row_id"] for r in ok["fired"]] == [
        "moisture_check-3"
    ]
    equal = anyone.post(f"{BASE}/check", json={**body, "moisture_pct": 9.6}).json()
    assert equal["verdict"] == "may_not_load"
    assert equal["fired"][0]["outputs"]["check"] == "moisture_at_or_above_tml"
    stale = anyone.post(
        f"{BASE}/check",
        json={**body, "tml_tested_on": "2023-10-01", "moisture_sampled_on": "2024-05-01"},
    ).json()
    checks = {r["outputs"]["check"] for r in stale["fired"]}
    assert stale["verdict"] == "may_not_load"
    assert checks == {"moisture_below_tml", "tml_test_stale", "moisture_sample_stale"}
    no_tml = anyone.post(f"{BASE}/check", json={**body, "tml_pct": None}).json()
    assert no_tml["fired"][0]["outputs"]["check"] == "tml_missing"
    group_c = anyone.post(f"{BASE}/check", json={**body, "cargo": "LIMESTONE"}).json()
    assert group_c["verdict"] == "not_applicable"
    assert _fields(anyone.post(f"{BASE}/check", json={**body, "moisture_pct": 140})) == {
        "moisture_pct"
    }
    late = anyone.post(f"{BASE}/check", json={**body, "tml_tested_on": "2024-06-01"})
    assert _fields(late) == {"tml_tested_on"}
    early = anyone.post(
        f"{BASE}/check",
        json={
            **body,
            "loading_on": "2015-01-01",
            "tml_tested_on": None,
            "moisture_sampled_on": None,
        },
    )
    assert _fields(early) == {"cargo"}
    assert anyone.post(f"{BASE}/check", json={**body, "cargo": "NOPE"}).status_code == 404


def test_officers_keep_the_registry_with_versions(cgr: ApiClients) -> None:
    officer = cgr.as_("cgr.officer")
    made = officer.post(f"{BASE}/cargoes", json=cargo_body())
    assert made.status_code == 201, made.text
    assert made.json()["status"] == "listed" and made.json()["in_force"]["version"] == "IMSBC 07-23"
    assert officer.post(f"{BASE}/cargoes", json=cargo_body()).status_code == 409
    bad = [
        (
            cargo_body(
                "T2",
                regime="imdg",
                imsbc_group="",
                imdg_class="5.1",
                un_number="1495",
                packing_group="III",
            ),
            {"packing_group"},
        ),
        (
            cargo_body(
                "T3",
                regime="imdg",
                imsbc_group="",
                imdg_class="9",
                un_number="1495",
                packing_group="II",
            ),
            {"imdg_class"},
        ),
        (cargo_body("T4", un_number="149"), {"un_number"}),
        (
            cargo_body("T5", regime="imdg", imsbc_group="", imdg_class="9", un_number="0001"),
            {"un_number"},
        ),
        (cargo_body("T6", imdg_class="4.1", un_number="1350"), {"imsbc_group"}),
        (cargo_body("T7", imsbc_group="B"), {"imsbc_group"}),
        (cargo_body("T8", regime="general", imsbc_group="A"), {"imsbc_group"}),
    ]
    for body, fields in bad:
        assert _fields(officer.post(f"{BASE}/cargoes", json=body)) == fields, body["code"]
        assert cgr.anonymous().get(f"{BASE}/cargoes/{body['code']}").status_code == 404
    assert cgr.as_("cgr.shipper").post(f"{BASE}/cargoes", json=cargo_body("T9")).status_code == 403
    assert cgr.as_("exam.officer").post(f"{BASE}/cargoes", json=cargo_body("T9")).status_code == 403

    change = {k: v for k, v in cargo_body().items() if k != "code"}
    change.update(imsbc_group="AB", mhb=True, version_label="TEST-2025", note="self-heating found")
    changed = officer.put(f"{BASE}/cargoes/TEST-CARGO", json=change).json()
    assert [v["label"] for v in changed["versions"]] == ["IMSBC 07-23", "TEST-2025"]
    assert changed["in_force"]["conditions"]["imsbc_group"] == "AB"
    assert _fields(officer.put(f"{BASE}/cargoes/TEST-CARGO", json={**change, "note": ""})) == {
        "note"
    }
    listing = cgr.anonymous().get(f"{BASE}/cargoes", params={"imsbc_group": "AB"}).json()
    assert {c["code"] for c in listing["items"]} == {"COAL", "TEST-CARGO"}
    csv = cgr.anonymous().get(f"{BASE}/cargoes.csv", params={"regime": "imdg"})
    assert csv.status_code == 200 and "SODIUM-CHLORATE" in csv.text and "COAL" not in csv.text


def _proposal(**extra: object) -> dict[str, object]:
    return {
        "number": "CN-DL-2099-01",
        "title_zh": "测试提案",
        "title_en": "Test proposal",
        "instrument": "IMSBC",
        "change": "new_entry",
        "proposer": "辽宁海事局",
        "body": "IMO CCC",
        "cargo": "TEST-CARGO",
        "target_amendment": "IMSBC 07-23",
        "proposed": {"regime": "imsbc", "imsbc_group": "C", "conditions_en": "group C"},
        **extra,
    }


def test_proposal_workflow_moves_its_cargo(cgr: ApiClients) -> None:
    officer = cgr.as_("cgr.officer")
    officer.post(f"{BASE}/cargoes", json=cargo_body())
    assert _fields(officer.post(f"{BASE}/proposals", json=_proposal(cargo=""))) == {"cargo"}
    assert _fields(
        officer.post(
            f"{BASE}/proposals",
            json=_proposal(proposed={"regime": "imdg", "imdg_class": "9", "un_number": "3480"}),
        )
    ) == {"proposed.regime"}
    assert _fields(
        officer.post(f"{BASE}/proposals", json=_proposal(target_amendment="IMSBC 99-99"))
    ) == {"target_amendment"}
    made = officer.post(f"{BASE}/proposals", json=_proposal())
    assert made.status_code == 201 and made.json()["status"] == "draft"
    assert cgr.anonymous().get(f"{BASE}/proposals/CN-DL-2099-01").status_code == 404
    step = f"{BASE}/proposals/CN-DL-2099-01/events"
    assert _fields(officer.post(step, json={"event": "submit", "session": "CCC 11"})) == {
        "documents"
    }
    doc = {"symbol": "CCC 11/3/9", "title": "Test", "kind": "proposal", "dated": "2025-06-01"}
    assert officer.post(f"{BASE}/proposals/CN-DL-2099-01/documents", json=doc).status_code == 201
    assert officer.post(f"{BASE}/proposals/CN-DL-2099-01/documents", json=doc).status_code == 409
    assert officer.post(step, json={"event": "adopt"}).status_code == 409  # still a draft
    sent = officer.post(step, json={"event": "submit", "session": "CCC 11"}).json()
    assert sent["status"] == "submitted" and sent["cargo"]["status"] == "proposed"
    assert cgr.as_("cgr.shipper").post(step, json={"event": "consider"}).status_code == 403
    officer.post(step, json={"event": "consider"})
    adopted = officer.post(step, json={"event": "adopt", "on": "2025-12-01"}).json()
    assert adopted["status"] == "adopted" and len(adopted["ledger_sha256"]) == 64
    cargo = cgr.anonymous().get(f"{BASE}/cargoes/TEST-CARGO").json()
    assert cargo["status"] == "adopted" and cargo["imsbc_group"] == "C"
    assert [(s["from"], s["to"]) for s in cargo["status_history"]] == [
        ("", "listed"),
        ("listed", "proposed"),
        ("proposed", "adopted"),
    ]
    public = cgr.anonymous().get(f"{BASE}/proposals", params={"status": "adopted"}).json()
    assert [p["number"] for p in public["items"]] == ["CN-DL-2099-01"]


def test_rejected_proposal_sends_the_cargo_back(cgr: ApiClients) -> None:
    officer = cgr.as_("cgr.officer")
    officer.post(f"{BASE}/cargoes", json=cargo_body())
    officer.post(f"{BASE}/proposals", json=_proposal())
    doc = {"symbol": "CCC 11/3/9", "title": "Test", "kind": "proposal", "dated": "2025-06-01"}
    officer.post(f"{BASE}/proposals/CN-DL-2099-01/documents", json=doc)
    step = f"{BASE}/proposals/CN-DL-2099-01/events"
    officer.post(step, json={"event": "submit", "session": "CCC 11"})
    assert _fields(officer.post(step, json={"event": "reject"})) == {"note"}
    rejected = officer.post(step, json={"event": "reject", "note": "more test data"}).json()
    assert rejected["status"] == "rejected" and rejected["cargo"]["status"] == "listed"


def test_assessment_from_request_to_registry(cgr: ApiClients) -> None:
    shipper, officer = cgr.as_("cgr.shipper"), cgr.as_("cgr.officer")
    assert (
        cgr.as_("cgr.officer").post(f"{BASE}/assessments", json=request_body()).status_code == 403
    )
    assert _fields(shipper.post(f"{BASE}/assessments", json=request_body(mode="ship"))) == {"mode"}
    made = shipper.post(f"{BASE}/assessments", json=request_body()).json()
    key = made["number"]
    assert made["status"] == "requested" and made["similar"] == []
    assert cgr.as_("cgr.other").get(f"{BASE}/assessments/{key}").status_code == 404
    assert cgr.as_("exam.officer").get(f"{BASE}/assessments/{key}").status_code == 404
    assert cgr.as_("cgr.other").get(f"{BASE}/assessments").json()["total"] == 0
    seen = officer.get(f"{BASE}/assessments/{key}").json()
    assert seen["next_events"] == ["accept", "refuse"]
    assert officer.post(f"{BASE}/assessments/{key}/accept").json()["status"] == "assessing"
    findings = f"{BASE}/assessments/{key}/findings"
    assert _fields(officer.put(findings, json={"mhb": True})) == {"chemical_hazard"}
    assert _fields(officer.put(findings, json={"chemical_hazard": True})) == {"chemical_hazard"}
    assessed = officer.put(findings, json={"may_liquefy": True, "tml_test": "flow table"}).json()
    assert assessed["conditions"]["imsbc_group"] == "A"
    assert assessed["why"][0]["row_id"] == "imsbc_group-2"
    assert _fields(officer.post(f"{BASE}/assessments/{key}/agree", json={})) == {"sign_offs"}
    future = {
        "role": "flag",
        "authority": "Panama MA",
        "reference": "R-1",
        "signed_on": "2999-01-01",
    }
    assert _fields(officer.post(f"{BASE}/assessments/{key}/sign-offs", json=future)) == {
        "signed_on"
    }
    sign_all(officer, key)
    again = {**future, "signed_on": "2024-03-02"}
    assert officer.post(f"{BASE}/assessments/{key}/sign-offs", json=again).status_code == 409
    agreed = officer.post(f"{BASE}/assessments/{key}/agree", json={"note": "ok"}).json()
    assert agreed["status"] == "agreed" and agreed["cargo_code"] == key
    assert len(agreed["ledger_sha256"]) == 64
    cargo = cgr.anonymous().get(f"{BASE}/cargoes/{key}").json()
    assert cargo["status"] == "assessed" and cargo["in_force"]["version"] == f"tripartite {key}"
    assert "tripartite_agreement" in [r["outputs"]["item"] for r in cargo["requirements"]]
    mine = shipper.get(f"{BASE}/assessments").json()
    assert [a["number"] for a in mine["items"]] == [key]
    assert "菱镁矿细粉" in shipper.get(f"{BASE}/assessments.csv").text


def test_changing_findings_withdraws_signatures_and_refusal_needs_a_note(cgr: ApiClients) -> None:
    officer = cgr.as_("cgr.officer")
    made = officer.post(f"{BASE}/assessments/open", json=request_body(mode="packaged")).json()
    key = made["number"]
    assert made["status"] == "assessing" and made["authority"] == "辽宁海事局（演示）"
    findings = f"{BASE}/assessments/{key}/findings"
    assert _fields(officer.put(findings, json={"may_liquefy": True})) == {"may_liquefy"}
    dg = officer.put(
        findings, json={"imdg_class": "9", "un_number": "UN3077", "packing_group": "III"}
    ).json()
    assert dg["conditions"]["regime"] == "imdg" and dg["conditions"]["un_number"] == "3077"
    sign_all(officer, key)
    changed = officer.put(findings, json={}).json()
    assert changed["conditions"]["regime"] == "general"
    assert not any(s["signed"] for s in changed["sign_offs"])
    assert _fields(officer.post(f"{BASE}/assessments/{key}/refuse", json={})) == {"note"}
    refused = officer.post(f"{BASE}/assessments/{key}/refuse", json={"note": "not needed"})
    assert refused.json()["status"] == "refused"
    assert officer.put(findings, json={}).status_code == 409


def test_statistics_and_proposal_csv(cgr: ApiClients) -> None:
    stats = cgr.anonymous().get(f"{BASE}/statistics").json()
    assert stats["seed"]["proposals_submitted"] == 42 and stats["seed"]["proposals_adopted"] == 19
    assert stats["seed"]["unlisted_goods_assessed"] == 188
    assert stats["cargoes"]["by_status"]["listed"] == 41
    assert cgr.anonymous().get(f"{BASE}/proposals.csv").text.startswith("\ufeffnumber,")
    rule = cgr.anonymous().get(f"{BASE}/rules/moisture_check").json()
    assert rule[2]["when"]["moisture_pct"] == "< tml_pct"
    assert cgr.anonymous().get(f"{BASE}/rules/nope").status_code == 404
