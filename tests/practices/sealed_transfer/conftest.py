"""p18 fixtures: the demo's court, notary office, registration centre and party accounts, a
second court (for isolation), API tokens, a case body, and `Flow`, which takes a case through
its steps over the API as the role that owns each step."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.domain.parties.identity import make_resident_id
from ftz.practices.sealed_transfer import clock
from ftz.practices.sealed_transfer.demo import NOTARY_OFFICE, ensure_staff, uscc_of
from tests.conftest import ApiClients

API = "/api/sealed-transfer"
STAFF = ("st.court", "st.notary", "st.registry", "st.bank", "st.debtor", "st.buyer", "st.court.b")


def add_staff(session: Session, tokens: dict[str, str]) -> None:
    ensure_staff(session)
    accounts.ensure_org(
        session,
        code="jn-huaiyin-court",
        name_zh="济南市槐荫区人民法院（测试）",
        name_en="Huaiyin District Court (test)",
        kind=OrgKind.AGENCY,
        department="court",
    )
    accounts.ensure_user(
        session,
        username="st.court.b",
        display_name="槐荫法院",
        roles=[Role.COURT],
        org_code="jn-huaiyin-court",
        password=DEMO_PASSWORD,
    )
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()


@pytest.fixture
def st(api: ApiClients, session: Session) -> ApiClients:
    add_staff(session, api.tokens)
    return api


def person(n: int, year: int = 1990) -> str:
    return make_resident_id("370100", date(year, 1 + n % 12, 1 + n % 27), n % 1000)


def case_body(
    number: str = "(2025)鲁0102执0001号", appraised: str = "2000000.00"
) -> dict[str, Any]:
    """A flat sealed by the Lixia court: applicant (sealing creditor), mortgagee bank, debtor
    company, and an ordinary creditor."""
    today = clock.today()
    sealed = today - timedelta(days=200)
    return {
        "number": number,
        "registered_on": (today - timedelta(days=220)).isoformat(),
        "judgment": "600000.00",
        "property": {
            "kind": "residential",
            "certificate_no": "鲁(2019)济南市不动产权第0123456号",
            "address": "历下区经十路100号1号楼1单元1201室",
            "area_m2": "118.50",
            "appraised_value": appraised,
            "appraised_on": (today - timedelta(days=30)).isoformat(),
        },
        "seals": [
            {
                "court_name": "济南市历下区人民法院",
                "order_no": "(2025)鲁0102执0001号之一",
                "sealed_on": sealed.isoformat(),
                "expires_on": (sealed + timedelta(days=1095)).isoformat(),
            }
        ],
        "parties": [
            {
                "role": "applicant",
                "kind": "person",
                "name": "孙某",
                "id_number": person(1),
                "claim": "600000.00",
                "claim_basis": "seal",
                "secured_on": sealed.isoformat(),
            },
            {
                "role": "debtor",
                "kind": "organization",
                "name": "山东鲁中示范贸易有限公司",
                "id_number": uscc_of(2),
                "account": "st.debtor",
            },
            {
                "role": "creditor",
                "kind": "organization",
                "name": "济南示范农村商业银行",
                "id_number": uscc_of(1),
                "account": "st.bank",
                "claim": "800000.00",
                "claim_basis": "mortgage",
                "secured_on": (sealed - timedelta(days=900)).isoformat(),
            },
            {
                "role": "creditor",
                "kind": "organization",
                "name": "济南示范装饰工程有限公司",
                "id_number": uscc_of(7),
                "claim": "100000.00",
                "claim_basis": "ordinary",
            },
        ],
    }


class Flow:
    """Drives one case over the API, each step as its owner; `to(state)` stops there."""

    ORDER = (
        "on_file",
        "settling",
        "notarized",
        "sale_approved",
        "contracted",
        "escrowed",
        "registering",
        "transferred",
        "paid_out",
        "unsealed",
        "closed",
    )

    def __init__(self, api: ApiClients, number: str = "(2025)鲁0102执0001号") -> None:
        self.api, self.number = api, number
        self.case: dict[str, Any] = {}

    def post(
        self, user: str, path: str, body: dict[str, Any], method: str = "post"
    ) -> dict[str, Any]:
        client = self.api.as_(user)
        url = f"{API}/cases/{self.case['id']}/{path}"
        done = client.put(url, json=body) if method == "put" else client.post(url, json=body)
        assert done.status_code == 200, (path, done.text)
        self.case = done.json()
        return self.case

    def party(self, role: str, name: str | None = None) -> dict[str, Any]:
        return next(
            p
            for p in self.case["parties"]
            if p["role"] == role and (name is None or p["name"] == name)
        )

    def creditors(self) -> list[dict[str, Any]]:
        return [p for p in self.case["parties"] if p["role"] in ("applicant", "creditor")]

    def to(self, target: str, price: str = "1900000.00") -> dict[str, Any]:
        made = self.api.as_("st.court").post(f"{API}/cases", json=case_body(self.number))
        assert made.status_code == 201, made.text
        self.case = made.json()
        steps = {
            "settling": lambda: self.post(
                "st.court",
                "screen",
                {"notary_code": NOTARY_OFFICE, "title_clear": True, "debtor_agrees": True},
            ),
            "notarized": self._settle,
            "sale_approved": lambda: self.post(
                "st.court", "approve", {"document_no": "(2025)鲁0102执0001号之二"}
            ),
            "contracted": self._contract,
            "escrowed": self._escrow,
            "registering": lambda: self.post("st.notary", "registration", {}),
            "transferred": lambda: self.post(
                "st.registry", "transfer", {"certificate_no": "鲁(2025)济南市不动产权第0999999号"}
            ),
            "paid_out": self._pay,
            "unsealed": lambda: self.post(
                "st.court", "lift-seal", {"document_no": "(2025)鲁0102执0001号之三"}
            ),
            "closed": lambda: self.post("st.court", "close", {}),
        }
        self.price = price
        for state in self.ORDER[1 : self.ORDER.index(target) + 1]:
            steps[state]()
            assert self.case["status"] == state, (state, self.case["status"])
        return self.case

    def agreement(self) -> dict[str, Any]:
        ranks = {p["id"]: p["default_rank"] for p in self.creditors()}
        return {
            "agreement_no": "(2025)鲁济明证民字第0001号",
            "min_price": "1800000.00",
            "allocations": [
                {
                    "party_id": pid,
                    "priority": rank,
                    "amount": next(p["claim"] for p in self.creditors() if p["id"] == pid),
                }
                for pid, rank in ranks.items()
            ],
        }

    def _settle(self) -> None:
        self.post("st.notary", "agreement", self.agreement(), "put")
        for p in self.case["parties"]:
            if p["role"] in ("applicant", "creditor", "debtor"):
                who = {
                    "济南示范农村商业银行": "st.bank",
                    "山东鲁中示范贸易有限公司": "st.debtor",
                }.get(p["name"], "st.notary")
                self.post(who, "consents", {"party_id": p["id"]})
        self.post("st.notary", "notarize-agreement", {"note": "witnessed"})

    def _contract(self) -> None:
        self.post(
            "st.notary",
            "contract",
            {
                "contract_no": "JNFW-2025-0001",
                "mandate_no": "(2025)鲁济明证民字第0002号",
                "price": self.price,
                "escrow_account": "3701 0102 8800 0000 188",
                "buyer": {
                    "kind": "person",
                    "name": "王明",
                    "id_number": person(9, 1992),
                    "account": "st.buyer",
                },
            },
            "put",
        )
        self.post("st.buyer", "signatures", {"signer": "buyer"})
        self.post("st.debtor", "signatures", {"signer": "seller"})
        self.post("st.notary", "notarize-contract", {})

    def _escrow(self) -> None:
        self.post("st.buyer", "deposits", {"amount": "600000.00", "reference": "DEP-1"})
        rest = f"{float(self.price) - 600000:.2f}"
        self.post(
            "st.notary",
            "deposits",
            {"amount": rest, "source": "mortgage_loan", "reference": "LOAN-1"},
        )
        self.post(
            "st.notary", "escrow-certificate", {"certificate_no": "(2025)鲁济明证提字第0001号"}
        )

    def _pay(self) -> None:
        for p in sorted(self.creditors(), key=lambda p: p["priority"]):
            self.post(
                "st.notary",
                "payouts",
                {"party_id": p["id"], "amount": p["agreed"], "reference": f"PAY-{p['priority']}"},
            )
        self.post("st.notary", "remainder", {"reference": "REM-1"})
        self.post("st.notary", "paid", {})
