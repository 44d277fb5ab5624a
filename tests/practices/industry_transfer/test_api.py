"""p23 over the API: the main flow (the sponsor park registers, the receiving park reports, both
regions' reports show the project in full, the roll-up once), a project with both parks in one
province, who may do what and see what, bad input as problem details with nothing saved,
corrections with their revision and ledger entry, agreements and enclave arrangements."""

from __future__ import annotations

from decimal import Decimal

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind
from tests.conftest import ApiClients
from tests.practices.industry_transfer.conftest import (
    API,
    operating_project,
    project_body,
    report,
)


def _line(data: dict, code: str) -> dict:  # type: ignore[type-arg]
    [line] = [x for x in data["lines"] if x["code"] == code]
    return line


def test_both_regions_count_in_full_and_the_rollup_once(it: ApiClients) -> None:
    project = operating_project(it, "T-FLOW-001")
    assert project["stage"] == "in_operation" and project["sponsor_park"]["code"] == "SH-LG"
    for period, output in (("2025-Q1", "30000000"), ("2025-Q2", "50000000")):
        filed = report(
            it,
            project["id"],
            period,
            output_value=output,
            tax="1000000",
            employment=120,
            investment_completed="2000000",
        )
        assert filed.status_code == 200, filed.text
        assert filed.json()["revision"] == 1 and filed.json()["ledger_index"] >= 0
    officer = it.as_("it.stats")
    shanghai = officer.get(f"{API}/statistics/region", params={"region": "31"}).json()
    kunming = officer.get(f"{API}/statistics/region", params={"region": "53/昆明市"}).json()
    for region in (shanghai, kunming):
        line = _line(region, "T-FLOW-001")
        assert Decimal(line["values"]["output_value"]) == 80_000_000  # in full, both quarters
        assert Decimal(line["values"]["tax"]) == 2_000_000
        assert Decimal(line["values"]["employment"]) == 120  # the last quarter's headcount
    assert _line(shanghai, "T-FLOW-001")["via"]["output_value"] == [["sponsor", "ACC-MAIN-SPONSOR"]]
    assert "planned_investment" not in _line(shanghai, "T-FLOW-001")["via"]
    assert Decimal(_line(shanghai, "T-FLOW-001")["values"]["planned_investment"]) == 0
    line = _line(kunming, "T-FLOW-001")
    assert Decimal(line["values"]["planned_investment"]) == 500_000_000
    assert line["via"]["investment_completed"] == [["receiving", "ACC-INV-RECEIVING"]]
    assert line["periods"] == ["2025-Q1", "2025-Q2"]
    only_q2 = officer.get(
        f"{API}/statistics/region", params={"region": "53", "from": "2025-Q2", "to": "2025-Q2"}
    ).json()
    assert Decimal(_line(only_q2, "T-FLOW-001")["values"]["output_value"]) == 50_000_000
    nation = officer.get(f"{API}/statistics/rollup", params={"scope": "CN"}).json()
    assert nation["mode"] == "once" and nation["rule"]["row_id"] == "ROLL-NATION"
    assert nation["balanced"] is True and nation["projects"] == 1
    assert Decimal(nation["total"]["output_value"]) == 80_000_000
    assert Decimal(nation["children_sum"]["output_value"]) == 160_000_000
    [overlap] = nation["overlaps"]
    assert overlap["code"] == "T-FLOW-001" and sorted(overlap["regions"]) == ["31", "53"]


def test_a_project_inside_one_province_is_counted_once_in_its_rollup(it: ApiClients) -> None:
    project = operating_project(it, "T-SAME-001", "KM-MH-2022-01", "it.kunming", "it.mohan")
    assert (
        report(it, project["id"], "2025-Q1", "it.mohan", output_value="7000000").status_code == 200
    )
    yunnan = it.as_("it.stats.yn").get(f"{API}/statistics/rollup", params={"scope": "53"}).json()
    children = {c["region"]["key"]: c for c in yunnan["children"]}
    assert set(children) == {"53/昆明市", "53/西双版纳傣族自治州"}
    for child in children.values():
        assert Decimal(child["totals"]["output_value"]) == 7_000_000
    assert Decimal(yunnan["total"]["output_value"]) == 7_000_000
    assert yunnan["projects"] == 1 and yunnan["balanced"]
    mohan = children["53/西双版纳傣族自治州"]
    assert Decimal(mohan["attributed"]["output_value"]) == 7_000_000  # the receiving side's
    assert Decimal(children["53/昆明市"]["attributed"]["output_value"]) == 0


def test_who_registers_reports_and_sees(it: ApiClients) -> None:
    body = project_body("T-ROLE-001")
    assert it.as_("it.kunming").post(f"{API}/projects", json=body).status_code == 403
    assert it.as_("it.stats").post(f"{API}/projects", json=body).status_code == 403
    assert it.as_("ent.a").post(f"{API}/projects", json=body).status_code == 403
    made = it.as_("it.lingang").post(f"{API}/projects", json=body)
    assert made.status_code == 201
    project = made.json()
    it.as_("it.kunming").post(
        f"{API}/projects/{project['id']}/stage", json={"event": "sign", "on": "2024-04-01"}
    )
    it.as_("it.kunming").post(
        f"{API}/projects/{project['id']}/stage",
        json={"event": "start_construction", "on": "2024-05-01"},
    )
    refused = report(it, project["id"], "2025-Q1", "it.lingang", investment_completed="1")
    assert refused.status_code == 403  # the receiving park reports
    assert report(it, project["id"], "2025-Q1", investment_completed="1").status_code == 200
    # An unrelated agency officer sees nothing: an empty list and 404, never 403.
    assert it.as_("exam.officer").get(f"{API}/projects").json()["total"] == 0
    assert it.as_("exam.officer").get(f"{API}/projects/{project['id']}").status_code == 404
    assert it.as_("ent.a").get(f"{API}/projects").status_code == 403


def test_a_park_sees_its_own_and_its_partners_projects_only(it: ApiClients) -> None:
    admin = it.as_("admin")
    for code, province, city, org in (
        ("GD-SZ", "44", "深圳市", "it-test-sz"),
        ("GX-NN", "45", "南宁市", "it-test-nn"),
    ):
        it_org(it, org)
        made = admin.post(
            f"{API}/parks",
            json={
                "code": code,
                "name_zh": f"{city}园区",
                "name_en": f"{code} park",
                "role": "sponsor",
                "province_code": province,
                "city": city,
                "admin_org_code": org,
            },
        )
        assert made.status_code == 201, made.text
    signed = admin.post(
        f"{API}/agreements",
        json={
            "number": "GD-GX-2024-01",
            "title": "粤桂协作",
            "sponsor_park": "GD-SZ",
            "receiving_park": "GX-NN",
            "signatories": "administrations",
            "sponsor_signatory": "深圳方",
            "receiving_signatory": "南宁方",
            "signed_on": "2024-01-10",
        },
    )
    assert signed.status_code == 201, signed.text
    elsewhere = admin.post(f"{API}/projects", json=project_body("T-GDGX-001", "GD-GX-2024-01"))
    assert elsewhere.status_code == 201
    pid = elsewhere.json()["id"]
    assert it.as_("it.stats").get(f"{API}/projects/{pid}").status_code == 200  # national
    for user in ("it.lingang", "it.kunming", "it.stats.yn"):
        assert it.as_(user).get(f"{API}/projects/{pid}").status_code == 404
        codes = {a["number"] for a in it.as_(user).get(f"{API}/agreements").json()["items"]}
        assert "GD-GX-2024-01" not in codes
    mine = operating_project(it, "T-MINE-001")
    assert it.as_("it.mohan").get(f"{API}/projects/{mine['id']}").status_code == 200  # partner


def it_org(it: ApiClients, code: str) -> None:
    """An agency for a test park (created through the app's own session)."""
    session = it.app.state.sessionmaker()
    accounts.ensure_org(
        session,
        code=code,
        name_zh=f"{code} 管委会",
        name_en=code,
        kind=OrgKind.AGENCY,
        department="industry_park",
    )
    session.commit()
    session.close()


def test_bad_input_is_a_problem_and_nothing_is_saved(it: ApiClients) -> None:
    sponsor = it.as_("it.lingang")
    bad = sponsor.post(f"{API}/projects", json=project_body("T-BAD-001", industry_code="Z99"))
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("application/problem+json")
    assert any(e["field"].endswith("industry_code") for e in bad.json()["errors"])
    future = sponsor.post(
        f"{API}/projects", json=project_body("T-BAD-001", intention_on="2999-01-01")
    )
    assert future.status_code == 422 and future.json()["errors"][0]["field"] == "intention_on"
    uscc = sponsor.post(
        f"{API}/projects", json=project_body("T-BAD-001", enterprise_uscc="91310000XXXX")
    )
    assert uscc.status_code == 422
    free = sponsor.post(f"{API}/projects", json=project_body("T-BAD-001", planned_investment="0"))
    assert free.status_code == 201
    pid = free.json()["id"]
    unsigned = it.as_("it.kunming").post(
        f"{API}/projects/{pid}/stage", json={"event": "sign", "on": "2024-04-01"}
    )
    assert unsigned.status_code == 422
    assert unsigned.json()["errors"][0]["field"] == "planned_investment"
    assert "PIPE-SIGNED" in unsigned.json()["detail"]
    skipped = it.as_("it.kunming").post(
        f"{API}/projects/{pid}/stage", json={"event": "start_operation", "on": "2024-04-01"}
    )
    assert skipped.status_code == 409
    early = it.as_("it.kunming").post(
        f"{API}/projects/{pid}/stage", json={"event": "withdraw", "on": "2024-01-01"}
    )
    assert early.status_code == 422  # before the intention's date
    assert sponsor.post(f"{API}/projects", json=project_body("T-BAD-001")).status_code == 409
    assert sponsor.get(f"{API}/projects/{pid}").json()["stage"] == "intention"
    building = operating_project(it, "T-BAD-002")
    too_early = report(it, building["id"], "2024-Q3", output_value="5")  # under construction then
    assert too_early.status_code == 422
    problem = too_early.json()["errors"][0]
    assert problem["field"] == "output_value" and "REP-CONSTRUCTION-OUTPUT" in problem["reason"]
    before = report(it, building["id"], "2024-Q1", employment=3)  # only an intention then
    assert before.status_code == 422 and before.json()["errors"][0]["field"] == "employment"
    assert "REP-NOT-STARTED" in before.json()["errors"][0]["reason"]
    nothing = report(it, building["id"], "2024-Q1")
    assert nothing.status_code == 422 and nothing.json()["errors"][0]["field"] == "period"
    assert report(it, building["id"], "2099-Q1").status_code == 422
    assert report(it, building["id"], "2025-5").status_code == 422
    negative = report(it, building["id"], "2025-Q1", tax="-1")
    assert negative.status_code == 422
    assert it.as_("it.kunming").get(f"{API}/projects/{building['id']}/reports").json() == []


def test_a_correction_is_a_new_revision_with_its_history(it: ApiClients) -> None:
    project = operating_project(it, "T-FIX-001")
    first = report(it, project["id"], "2025-Q1", output_value="100", tax="5", employment=10)
    second = report(
        it,
        project["id"],
        "2025-Q1",
        output_value="120",
        tax="6",
        employment=11,
        note="更正：补报一笔订单",
    )
    assert second.json()["revision"] == 2
    assert second.json()["ledger_index"] > first.json()["ledger_index"]
    assert second.json()["id"] == first.json()["id"]
    history = it.as_("it.lingang").get(f"{API}/projects/{project['id']}/history").json()
    changes = [h for h in history if h["entity_type"] == "industry_transfer_indicator_report"]
    assert any(
        h["action"] == "update" and h["changes"]["before"]["output_value"] == "100.00"
        for h in changes
    )
    assert any(h["action"] == "transition:start_operation" for h in history)


def test_edit_and_list_with_filters(it: ApiClients) -> None:
    project = operating_project(it, "T-EDIT-001")
    changed = it.as_("it.kunming").patch(
        f"{API}/projects/{project['id']}", json={"actual_investment": "300000000"}
    )
    assert changed.status_code == 200
    assert Decimal(changed.json()["actual_investment"]) == 300_000_000
    emptied = it.as_("it.kunming").patch(f"{API}/projects/{project['id']}", json={"name": None})
    assert emptied.status_code == 422
    assert (
        it.as_("it.stats")
        .patch(f"{API}/projects/{project['id']}", json={"name": "x项目"})
        .status_code
        == 403
    )
    listed = it.as_("it.stats").get(f"{API}/projects", params={"q": "T-EDIT", "size": 1}).json()
    assert (
        listed["total"] == 1 and listed["size"] == 1 and listed["items"][0]["code"] == "T-EDIT-001"
    )
    by_stage = it.as_("it.stats").get(f"{API}/projects", params={"stage": "signed"}).json()
    assert all(p["stage"] == "signed" for p in by_stage["items"])
    assert it.as_("it.stats").get(f"{API}/projects", params={"stage": "x"}).status_code == 422


def test_agreements_arrangements_and_termination(it: ApiClients) -> None:
    lingang = it.as_("it.lingang")
    body = {
        "number": "SH-HB-2025-01",
        "title": "临港—武汉协作",
        "sponsor_park": "SH-LG",
        "receiving_park": "HB-WH",
        "signatories": "operators",
        "sponsor_signatory": "临港集团",
        "receiving_signatory": "武汉开发公司",
        "signed_on": "2025-01-02",
    }
    assert it.as_("it.kunming").post(f"{API}/agreements", json=body).status_code == 403
    made = lingang.post(f"{API}/agreements", json=body)
    assert made.status_code == 201, made.text
    agreement = made.json()
    same = lingang.post(
        f"{API}/agreements", json={**body, "number": "X-1", "receiving_park": "SH-LG"}
    )
    assert same.status_code == 422
    reverse = lingang.post(
        f"{API}/arrangements",
        json={
            "agreement": "SH-HB-2025-01",
            "kind": "reverse_enclave",
            "name_zh": "武汉（上海）科创飞地",
            "name_en": "Wuhan science enclave in Shanghai",
            "host_share_pct": 40,
            "term_years": 10,
            "starts_on": "2025-02-01",
            "terms": "孵化在上海，转化在武汉",
        },
    )
    assert reverse.status_code == 201, reverse.text
    assert reverse.json()["host_park"]["code"] == "SH-LG"  # a reverse enclave sits with the sponsor
    assert reverse.json()["partner_share_pct"] == 60
    project = lingang.post(
        f"{API}/projects",
        json=project_body("T-ENC-001", "SH-HB-2025-01", arrangement_id=reverse.json()["id"]),
    )
    assert project.status_code == 201
    wrong = lingang.post(
        f"{API}/projects",
        json=project_body("T-ENC-002", "SH-KM-2022-01", arrangement_id=reverse.json()["id"]),
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "arrangement_id"
    ended = lingang.post(
        f"{API}/agreements/{agreement['id']}/terminate",
        json={"on": "2025-06-30", "note": "合作调整"},
    )
    assert ended.json()["status"] == "terminated"
    arrangements = {a["id"]: a for a in lingang.get(f"{API}/arrangements").json()}
    assert arrangements[reverse.json()["id"]]["active"] is False
    late = lingang.post(f"{API}/projects", json=project_body("T-ENC-003", "SH-HB-2025-01"))
    assert late.status_code == 422 and late.json()["errors"][0]["field"] == "agreement"


def test_parks_register_is_for_admins(it: ApiClients) -> None:
    body = {
        "code": "CQ-LJ",
        "name_zh": "重庆两江新区",
        "name_en": "Liangjiang",
        "role": "receiving",
        "province_code": "50",
        "city": "重庆市",
        "admin_org_code": "it-stats-national",
    }
    assert it.as_("it.stats").post(f"{API}/parks", json=body).status_code == 403
    taken = it.as_("admin").post(f"{API}/parks", json={**body, "admin_org_code": "it-adm-lingang"})
    assert taken.status_code == 422  # that administration already runs a park
    unknown = it.as_("admin").post(f"{API}/parks", json={**body, "province_code": "99"})
    assert unknown.status_code == 422
    parks = it.as_("it.kunming").get(f"{API}/parks", params={"province": "53"}).json()
    assert {p["code"] for p in parks["items"]} == {"KM-FTZ", "MH-BIZ"}
    rules = it.as_("it.kunming").get(f"{API}/rules").json()
    assert {t["key"] for t in rules["tables"]} >= {"accounting.json", "rollup.json"}
    reference = it.as_("it.kunming").get(f"{API}/reference").json()
    assert len(reference["provinces"]) == 31 and reference["stages"][0] == "intention"
