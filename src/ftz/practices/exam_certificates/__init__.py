"""p12 跨部门职业资格证书“一考多证” — one exam, many certificates (Yichang, Hubei FTZ)."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.exam_certificates import permissions
from ftz.practices.exam_certificates.catalog import RULES
from ftz.practices.exam_certificates.cli import app as cli_app
from ftz.practices.exam_certificates.demo import load_demo
from ftz.practices.exam_certificates.endpoints import router
from ftz.practices.exam_certificates.pages import router as pages
from ftz.practices.exam_certificates.workflow import ApplicationFlow, RequestFlow

practice = PracticeSpec(
    id="p12",
    name="exam_certificates",
    title_zh="跨部门职业资格证书“一考多证”",
    title_en="One exam, many certificates",
    case=12,
    domain="services",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=RULES,
    workflows=[ApplicationFlow, RequestFlow],
    templates_dir=Path(__file__).with_name("templates"),
    nav=[
        NavLink("/exam-certificates", "Overview", "exam_certificates.catalog"),
        NavLink("/exam-certificates/lookup", "My results", "exam_certificates.catalog"),
        NavLink("/exam-certificates/applications", "Applications", "exam_certificates.read"),
        NavLink(
            "/exam-certificates/applications/new", "Register a candidate", "exam_certificates.apply"
        ),
        NavLink("/exam-certificates/reviews", "Review queue", "exam_certificates.review"),
        NavLink("/exam-certificates/statistics", "Statistics", "exam_certificates.stats"),
    ],
    demo=load_demo,
)
