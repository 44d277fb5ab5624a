"""The judges' current cases, replayed through the service as the users would act (who acts is
recorded in the audit trail). Parties, numbers and amounts are fictional."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import Principal
from ftz.practices.case_handling import reporting, searches, service, supervision
from ftz.practices.case_handling.common import guide_items
from ftz.practices.case_handling.models import CourtCase
from ftz.practices.case_handling.schemas import (
    AnswerIn,
    CaseIn,
    ChecklistIn,
    CloseIn,
    FindingIn,
    ReportIn,
    ReviewIn,
    SearchIn,
    SubmissionIn,
)

XIANGNAN = "郴州湘南有色金属贸易有限公司（演示）"
FACTOR = "湖南湘江商业保理有限公司（演示）"


def _who(session: Session, username: str) -> Principal:
    return accounts.acting_as(session, username)


def _party(role: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"role": role, "name": name, **extra}


CASES: list[dict[str, Any]] = [
    {
        "number": "（2024）湘1002民初1876号",
        "cause": "保理合同纠纷",
        "case_type": "factoring",
        "claims": "判令被告二支付应收账款6,800,000元及逾期利息；被告一对保理融资款本息承担回购责任",
        "subject_matter": "有色金属购销应收账款（发票号 No.43100221）",
        "amount_cny": "6800000.00",
        "filed_on": "2024-12-16",
        "judge": "ch.judge",
        "linked_numbers": ["（2024）湘1002财保12号"],
        "parties": [
            _party(
                "plaintiff",
                FACTOR,
                ftz_enterprise=True,
                org_code="ch-ent-a",
                counsel="赵律师（湖南五岭律师事务所）",
                counsel_org_code="ch-law",
            ),
            _party("defendant", XIANGNAN, ftz_enterprise=True, org_code="ch-ent-b"),
            _party("defendant", "广东顺德恒利五金制品有限公司"),
        ],
        "facts": {"disputed": True, "relation": "complex"},
    },
    {
        "number": "（2026）湘1002民初318号",
        "cause": "买卖合同纠纷",
        "case_type": "sales_contract",
        "claims": "判令被告支付货款38,600元及逾期付款违约金",
        "subject_matter": "电解铅货款",
        "amount_cny": "38600.00",
        "filed_on": "2026-10-28",
        "judge": "ch.judge2",
        "parties": [
            _party("plaintiff", XIANGNAN, ftz_enterprise=True, org_code="ch-ent-b"),
            _party("defendant", "长沙星城机电设备有限公司"),
        ],
    },
    {
        "number": "（2026）湘1002民初205号",
        "cause": "国际货物买卖合同纠纷",
        "case_type": "international_sale",
        "claims": "判令被告支付出口硬质合金刀片货款1,860,000元及利息",
        "subject_matter": "硬质合金刀片出口合同 HN-2025-088",
        "amount_cny": "1860000.00",
        "filed_on": "2026-06-03",
        "judge": "ch.judge",
        "parties": [
            _party("plaintiff", XIANGNAN, ftz_enterprise=True, org_code="ch-ent-b"),
            _party("defendant", "越南海防明发贸易有限公司"),
        ],
        "facts": {"foreign_related": True},
    },
    {
        "number": "（2026）湘1002民初96号",
        "cause": "报关代理合同纠纷",
        "case_type": "customs_agency",
        "claims": "判令被告赔偿因申报归类错误产生的罚款及滞纳金损失420,000元",
        "subject_matter": "锂电池隔膜进口报关",
        "amount_cny": "420000.00",
        "filed_on": "2026-02-09",
        "judge": "ch.judge",
        "parties": [
            _party("plaintiff", XIANGNAN, ftz_enterprise=True, org_code="ch-ent-b"),
            _party("defendant", "湖南五岭报关服务有限公司"),
        ],
        "facts": {"disputed": True},
    },
]
BATCH = ("东莞市联成包装材料有限公司", "佛山市南海区金鹏铝业有限公司", "深圳市华拓电子商务有限公司")
QUERIES = {
    "（2026）湘1002民初205号": "出口货物 买方 质量异议 检验期限 拒付货款",
    "（2026）湘1002民初96号": "报关企业 申报错误 海关罚款 委托人损失 赔偿",
}


def _register(session: Session, body: dict[str, Any]) -> CourtCase:
    data = CaseIn.model_validate(body)
    return service.register(session, principal=_who(session, "ch.judge"), data=data)


def _three_searches(session: Session, case: CourtCase, judge: str) -> None:
    who = _who(session, judge)
    query = QUERIES.get(case.number, "")
    for kind in ("legal_basis", "similar_cases", "related_cases"):
        searches.run(
            session,
            principal=who,
            case_id=case.id,
            data=SearchIn(
                kind=kind,
                query=query if kind != "related_cases" else "",
                conclusion="检索结果已逐条审查，相关条文与类案裁判要旨在分析意见中引用",
            ),
        )


def _complete(session: Session, case: CourtCase, judge: str) -> None:
    who = _who(session, judge)
    items = [{"item_id": i["id"], "state": "done"} for i in guide_items(case.case_type)]
    reporting.save_checklist(
        session, principal=who, case_id=case.id, data=ChecklistIn.model_validate({"items": items})
    )
    reporting.save_analysis(
        session,
        principal=who,
        case_id=case.id,
        data=ReportIn(
            analysis="经三项检索，本案法律依据明确，类案裁判尺度一致，关联案件已核查；"
            "证据规则与法律适用清单逐项完成，拟判决支持原告的主要诉讼请求。"
        ),
    )
    reporting.finalize(session, principal=who, case_id=case.id)


def replay_current(session: Session) -> dict[str, Any]:
    made = {body["number"]: _register(session, body) for body in CASES}
    for n, buyer in enumerate(BATCH, start=1):
        _register(
            session,
            {
                "number": f"（2026）湘1002民初{400 + n}号",
                "cause": "买卖合同纠纷",
                "case_type": "sales_contract",
                "claims": f"判令被告支付锌精矿货款及违约金（第{n}批）",
                "subject_matter": "锌精矿货款",
                "amount_cny": f"{150000 + 25000 * n}.00",
                "filed_on": f"2026-11-{10 + n:02d}",
                "judge": "ch.judge2",
                "parties": [
                    _party("plaintiff", XIANGNAN, ftz_enterprise=True, org_code="ch-ent-b"),
                    _party("defendant", buyer),
                ],
            },
        )
    factoring = made["（2024）湘1002民初1876号"]
    judge = _who(session, "ch.judge")
    for kind in ("similar_cases", "related_cases"):
        searches.run(session, principal=judge, case_id=factoring.id, data=SearchIn(kind=kind))
    reporting.submit(
        session,
        principal=_who(session, "ch.lawyer"),
        case_id=factoring.id,
        data=SubmissionIn(
            kind="legal_basis",
            query="应收账款 转让通知 协商变更 保理人",
            cited=["《民法典》第七百六十五条", "《民法典》第五百四十六条"],
            argument="债务人在收到转让通知后与债权人协商延期付款，"
            "对保理人不发生效力，应按原约定期限付款。",
        ),
    )

    sale = made["（2026）湘1002民初205号"]
    _three_searches(session, sale, "ch.judge")
    _complete(session, sale, "ch.judge")  # awaits 阅核 by the division chief

    agency = made["（2026）湘1002民初96号"]
    submitted = reporting.submit(
        session,
        principal=_who(session, "ch.ent.b"),
        case_id=agency.id,
        data=SubmissionIn(
            kind="similar_cases",
            query="报关代理 归类错误 赔偿",
            cited=["（2024）湘1002民初1201号"],
            argument="类案中报关企业未尽审查义务承担主要责任，本案应参照。",
        ),
    )
    _three_searches(session, agency, "ch.judge")
    reporting.answer(
        session,
        principal=_who(session, "ch.judge"),
        submission_id=submitted.id,
        data=AnswerIn(
            position="partly_adopted",
            answer="所引类案与本案均为归类错误，裁判尺度予以参照；"
            "但本案委托人提供的资料亦不准确，责任比例据实认定。",
        ),
    )
    _complete(session, agency, "ch.judge")
    chief = _who(session, "ch.chief")
    supervision.review(
        session,
        principal=chief,
        case_id=agency.id,
        data=ReviewIn(
            kind="reading_approval", outcome="approved", note="事实清楚，三项检索完整，同意签发。"
        ),
    )
    service.close(
        session,
        principal=_who(session, "ch.judge"),
        case_id=agency.id,
        data=CloseIn(outcome="judgment", closed_on=date.today()),
    )
    supervision.review(
        session,
        principal=_who(session, "ch.reviewer"),
        case_id=agency.id,
        data=ReviewIn(
            kind="quality_review",
            outcome="findings",
            note="专项评查：涉企案件文书质量",
            findings=[
                FindingIn(
                    category="document",
                    severity="minor",
                    description="判决书未列明所采信类案的案号",
                )
            ],
        ),
    )
    return {
        "cases": len(made) + len(BATCH),
        "amount_total": str(sum((Decimal(b["amount_cny"]) for b in CASES), Decimal(0))),
    }
