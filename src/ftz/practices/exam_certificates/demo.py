"""p12 demo: Yichang's departments and officers, and 538 candidates run through the real flow
so the statistics come out as in the seed (48 with three certificates, 470 with two)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.domain.parties.identity import make_resident_id
from ftz.practices.exam_certificates import service
from ftz.practices.exam_certificates.models import Application
from ftz.practices.exam_certificates.schemas import ApplicationCreate, ScoresIn

AGENCIES = [
    (
        "yc-exam-center",
        "宜昌片区“一考多证”联合考核中心",
        "Yichang joint exam centre",
        "exam_center",
        "exam.officer",
        "王考官",
    ),
    (
        "yc-emergency",
        "宜昌市应急管理局",
        "Yichang Emergency Management Bureau",
        "emergency",
        "emergency.officer",
        "陈应急",
    ),
    (
        "yc-hrss",
        "宜昌市人力资源和社会保障局",
        "Yichang Human Resources and Social Security Bureau",
        "hrss",
        "hrss.officer",
        "刘人社",
    ),
    (
        "yc-housing",
        "宜昌市住房和城乡建设局",
        "Yichang Housing and Urban-Rural Development Bureau",
        "housing",
        "housing.officer",
        "赵住建",
    ),
]

# (count, trade, certificates, theory, practical, profile) — profile tweaks conditions.
COHORTS: list[tuple[int, str, list[str], int, int, str]] = [
    (48, "electrician", ["EM-LV-ELEC", "HR-ELEC-JR", "CW-WEAK-5"], 86, 88, "adult"),
    (150, "electrician", ["EM-LV-ELEC", "HR-ELEC-JR", "CW-WEAK-5"], 72, 85, "adult"),
    (120, "welder", ["EM-WELD-CUT", "CW-WELD-5"], 82, 84, "adult"),
    (100, "scaffolder", ["EM-HEIGHT", "HR-SCAF-JR"], 85, 90, "adult"),
    (100, "rebar", ["HR-REBAR-JR", "CW-REBAR-5"], 75, 80, "adult"),
    (12, "rebar", ["HR-REBAR-MID", "CW-REBAR-5"], 70, 70, "no_junior_certificate"),
    (8, "electrician", ["EM-LV-ELEC", "HR-ELEC-JR", "CW-WEAK-5"], 55, 65, "minor"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = [
    "伟",
    "芳",
    "敏",
    "静",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "杰",
    "涛",
    "明",
    "超",
    "华",
    "平",
    "刚",
]
YICHANG = "420502"


def _ensure_agencies(session: Session) -> None:
    for code, zh, en, department, username, person in AGENCIES:
        accounts.ensure_org(
            session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY, department=department
        )
        accounts.ensure_user(
            session,
            username=username,
            display_name=person,
            org_code=code,
            roles=[Role.OFFICER],
            password=DEMO_PASSWORD,
        )


def _application(
    index: int, trade: str, codes: list[str], profile: str, employer: str
) -> ApplicationCreate:
    today = date.today()
    if profile == "minor":
        birth = today - timedelta(days=17 * 365 + 60)
    else:
        birth = date(1988 + index % 16, 1 + index % 12, 1 + index % 28)
    name = SURNAMES[index % len(SURNAMES)] + GIVEN[index % len(GIVEN)] + GIVEN[(index // 7) % 16]
    return ApplicationCreate.model_validate(
        {
            "candidate": {
                "full_name": name,
                "id_number": make_resident_id(YICHANG, birth, index % 1000),
                "education": 3 if index % 3 else 2,
                "health_ok": True,
            },
            "trade": trade,
            "certificates": codes,
            "experience_years": 3 if profile == "no_junior_certificate" else 2 + index % 5,
            "apprenticeship_done": profile == "minor",
            "employer_code": employer,
        }
    )


def load_demo(session: Session) -> dict[str, Any]:
    _ensure_agencies(session)
    existing = session.scalar(select(func.count(Application.id))) or 0
    if existing:
        return {"applications": existing, "loaded": False}
    exam = accounts.acting_as(session, "exam.officer")
    index = 0
    exam_day = date.today() - timedelta(days=7)
    for count, trade, codes, theory, practical, profile in COHORTS:
        for _ in range(count):
            index += 1
            employer = "yc-build-a" if index % 2 else "yc-build-b"
            current_principal.set(exam)
            application = service.register_application(
                session, principal=exam, data=_application(index, trade, codes, profile, employer)
            )
            if application.status == "checked":
                service.record_scores(
                    session,
                    principal=exam,
                    application_id=application.id,
                    data=ScoresIn(
                        theory_score=theory, practical_score=practical, exam_date=exam_day
                    ),
                )
    for username in ("emergency.officer", "hrss.officer", "housing.officer"):
        officer = accounts.acting_as(session, username)
        current_principal.set(officer)
        service.review_pending(session, principal=officer, limit=10_000)
    stats = service.statistics(session, principal=exam)
    return {
        "applications": index,
        "loaded": True,
        "by_certificates_issued": stats["by_certificates_issued"],
    }
