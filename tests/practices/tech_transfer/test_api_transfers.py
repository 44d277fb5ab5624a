"""p15 API, transfers: the legal basis (the unit decides, no approval, no filing), publicity
before an agreement-priced decision, the exemption record, the contract, income with the
inventors' reward (70 % of net income under the unit's rule), equity rewards in shares, what
each inventor reads, and the anchoring of decisions in the evidence ledger."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.models import Role
from ftz.core.ledger.models import LedgerPending
from ftz.practices.tech_transfer.models import Income, RewardLine
from ftz.practices.tech_transfer.workflow import TransferFlow
from tests.conftest import ApiClients
from tests.practices.tech_transfer.conftest import (
    API,
    DECISION,
    OFFICE,
    achievement,
    contracted,
    licence,
)

INCOME = {
    "received_on": "2026-02-01",
    "kind": "licence_fee",
    "gross": "100000.00",
    "costs": [{"kind": "evaluation", "amount": "2000"}, {"kind": "taxes", "amount": "6000"}],
}


def test_licence_decided_signed_paid_and_rewarded(
    tt: ApiClients, people: dict[str, str], session: Session
) -> None:
    made = licence(tt, achievement(tt, people)["id"])
    assert [r["row_id"] for r in made["authority"]] == ["DA-LICENCE", "PB-LISTING"]
    assert made["authority"][0]["outputs"]["approval_required"] is False
    assert "第十八条" in made["authority"][0]["citation"]
    contracted(tt, made["id"])
    exemption = tt.as_(OFFICE).get(f"{API}/transfers/{made['id']}/exemption").json()
    assert exemption["covered"] is True and exemption["covered_persons"] == ["李校长", "王主任"]
    assert {c["condition"] for c in exemption["conditions"]} == {
        "internal_authority",
        "decision_recorded",
        "lawful_pricing",
        "no_objection",
        "no_illegal_benefit",
    }
    paid = tt.as_(OFFICE).post(f"{API}/transfers/{made['id']}/incomes", json=INCOME)
    assert paid.status_code == 201, paid.text
    body = paid.json()
    assert (body["net"], body["reward_rate"], body["reward"]) == ("92000.00", "0.7000", "64400.00")
    assert (
        body["why"][0]["row_id"] == "RW-QL-LICENCE" and "第四十五条" in body["why"][0]["citation"]
    )
    assert [s["step"] for s in body["steps"]] == ["gross", "cost", "cost", "net", "rate", "reward"]
    mine = tt.as_("tt.inventor").get(f"{API}/rewards").json()
    assert [r["amount"] for r in mine["items"]] == ["38640.00"]
    theirs = tt.as_("tt.inventor2").get(f"{API}/rewards").json()
    assert [r["amount"] for r in theirs["items"]] == ["25760.00"]
    refs = session.scalars(
        select(LedgerPending.ref).where(LedgerPending.ref.like("tech_transfer_%"))
    )
    assert {f"tech_transfer_transfer:{made['id']}", f"tech_transfer_income:{body['id']}"} <= set(
        refs
    )
    page = tt.as_(OFFICE).get(f"{API}/transfers/{made['id']}/history").json()
    assert {"transition:decide", "transition:sign"} <= {e["action"] for e in page}


def test_income_problems_change_nothing(
    tt: ApiClients, people: dict[str, str], session: Session
) -> None:
    made = licence(tt, achievement(tt, people)["id"])
    office = tt.as_(OFFICE)
    early = office.post(f"{API}/transfers/{made['id']}/incomes", json=INCOME)
    assert early.status_code == 409  # no contract yet
    contracted(tt, made["id"])
    for wrong, field in (
        ({**INCOME, "kind": "dividend"}, "kind"),
        ({**INCOME, "costs": [{"kind": "bribes", "amount": "1"}]}, "costs.0.kind"),
        ({**INCOME, "costs": [{"kind": "taxes", "amount": "100001"}]}, "costs"),
        ({**INCOME, "received_on": "2026-01-01"}, "received_on"),
        ({**INCOME, "gross": "-5"}, "gross"),
    ):
        answer = office.post(f"{API}/transfers/{made['id']}/incomes", json=wrong)
        assert answer.status_code == 422, wrong
        assert field in {e["field"].removeprefix("body.") for e in answer.json()["errors"]}, (
            answer.text
        )
    assert session.scalar(select(func.count()).select_from(Income)) == 0
    assert session.scalar(select(func.count()).select_from(RewardLine)) == 0


def test_agreement_price_is_published_before_the_decision(
    tt: ApiClients, people: dict[str, str]
) -> None:
    made = licence(tt, achievement(tt, people)["id"], pricing="agreement")
    office, url = tt.as_(OFFICE), f"{API}/transfers/{made['id']}"
    assert [r["row_id"] for r in made["authority"]] == ["DA-LICENCE", "PB-AGREEMENT"]
    assert office.post(f"{url}/decision", json=DECISION).status_code == 409
    short = office.post(
        f"{url}/publicity", json={"publicity_from": "2025-12-20", "publicity_to": "2025-12-29"}
    )
    assert short.json()["status"] == "publicity"
    during = office.post(f"{url}/decision", json={**DECISION, "meeting_date": "2025-12-29"})
    assert during.status_code == 422 and during.json()["errors"][0]["field"] == "meeting_date"
    assert office.post(f"{url}/decision", json=DECISION).status_code == 200
    record = office.get(f"{url}/exemption").json()
    assert record["covered"] is False and record["covered_persons"] == []
    unmet = [c["row_id"] for c in record["conditions"] if not c["met"]]
    assert unmet == ["EX-PRICE"] and record["facts"]["publicity_days"] == 10


def test_a_full_publicity_and_declarations_cover_the_decision_makers(
    tt: ApiClients, people: dict[str, str]
) -> None:
    made = licence(tt, achievement(tt, people)["id"], pricing="agreement")
    office, url = tt.as_(OFFICE), f"{API}/transfers/{made['id']}"
    office.post(
        f"{url}/publicity",
        json={"publicity_from": "2025-12-15", "publicity_to": "2025-12-29", "objections": 1},
    )
    office.post(f"{url}/decision", json={**DECISION, "conflict_declared": False})
    record = office.get(f"{url}/exemption").json()
    assert sorted(c["row_id"] for c in record["conditions"] if not c["met"]) == [
        "EX-NO-GAIN",
        "EX-OBJECTION",
    ]
    listed = licence(tt, achievement(tt, people, 2)["id"], pricing="agreement")
    url = f"{API}/transfers/{listed['id']}"
    office.post(
        f"{url}/publicity", json={"publicity_from": "2025-12-15", "publicity_to": "2025-12-29"}
    )
    office.post(f"{url}/decision", json=DECISION)
    assert office.get(f"{url}/exemption").json()["covered"] is True


def test_only_internal_steps_exist_and_only_the_unit_takes_them(
    tt: ApiClients, people: dict[str, str]
) -> None:
    states = {s.id for s in TransferFlow.states}
    assert states == {"proposed", "publicity", "decided", "contracted", "terminated"}
    assert not states & {"approved", "filed", "submitted", "reviewing"}
    assert all(roles == {Role.ENTERPRISE} for roles in TransferFlow.event_roles.values())
    made = licence(tt, achievement(tt, people)["id"])
    url = f"{API}/transfers/{made['id']}"
    for outsider in ("tt.province", "tt.inventor"):
        assert tt.as_(outsider).post(f"{url}/decision", json=DECISION).status_code == 403
    assert tt.as_("tt.ws.office").post(f"{url}/decision", json=DECISION).status_code == 404
    assert tt.as_("tt.province").get(url).status_code == 200
    ended = tt.as_(OFFICE).post(f"{url}/terminate", json={"note": "对方放弃"})
    assert ended.json()["status"] == "terminated"
    assert tt.as_(OFFICE).post(f"{url}/decision", json=DECISION).status_code == 409


def test_exclusive_transfers_block_further_ones_and_bad_proposals_fail(
    tt: ApiClients, people: dict[str, str]
) -> None:
    made = achievement(tt, people)
    sold = licence(tt, made["id"], mode="assignment", licence_scope="", term_years=0)
    contracted(tt, sold["id"])
    again = tt.as_(OFFICE).post(
        f"{API}/transfers",
        json={**sold, "achievement_id": made["id"]}
        | {"mode": "licence", "licence_scope": "sole", "term_years": 3},
    )
    assert again.status_code in (409, 422)
    base = {
        "achievement_id": made["id"],
        "mode": "licence",
        "licence_scope": "sole",
        "term_years": 3,
        "counterparty": "某公司",
        "pricing": "listing",
        "price": "10",
    }
    bad_uscc = tt.as_(OFFICE).post(
        f"{API}/transfers", json={**base, "counterparty_uscc": "91610131MA6000001X"}
    )
    assert bad_uscc.status_code == 422 and "counterparty_uscc" in bad_uscc.text


def test_equity_investment_rewards_the_inventors_in_shares(
    tt: ApiClients, people: dict[str, str]
) -> None:
    made = licence(
        tt,
        achievement(tt, people)["id"],
        mode="equity",
        licence_scope="",
        term_years=0,
        price="5000000",
        equity_pct="20",
    )
    contracted(tt, made["id"])
    [grant] = tt.as_(OFFICE).get(f"{API}/transfers/{made['id']}/incomes").json()
    assert grant["kind"] == "equity_grant" and grant["why"][0]["row_id"] == "RW-QL-EQUITY"
    assert grant["steps"][-1] == {
        "step": "equity",
        "equity_pct": "20.0000",
        "granted_pct": "14.000000",
    }
    lines = tt.as_(OFFICE).get(f"{API}/rewards").json()["items"]
    assert sorted(line["equity_pct"] for line in lines) == ["5.600000", "8.400000"]
    dividend = {**INCOME, "kind": "dividend", "costs": []}
    later = tt.as_(OFFICE).post(f"{API}/transfers/{made['id']}/incomes", json=dividend).json()
    assert later["reward"] == "0.00" and later["why"][0]["row_id"] == "RW-EQ-LATER"
