"""p27 商业秘密保护 — trade-secret protection (Changsha, Hefei): fingerprints, signatures,
evidence log, certificates of existence, certification."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.trade_secrets import permissions
from ftz.practices.trade_secrets.cli import app as cli_app
from ftz.practices.trade_secrets.demo import load_demo
from ftz.practices.trade_secrets.endpoints import router
from ftz.practices.trade_secrets.pages import router as pages
from ftz.practices.trade_secrets.workflow import CertificationFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p27",
    name="trade_secrets",
    title_zh="商业秘密保护",
    title_en="Trade-secret protection",
    case=27,
    domain="evidence",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[CertificationFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/trade-secrets", "Overview", "trade_secrets.verify"),
        NavLink("/trade-secrets/verify", "Verify a file or hash", "trade_secrets.verify"),
        NavLink("/trade-secrets/register", "Register files", "trade_secrets.register"),
        NavLink("/trade-secrets/records", "Records", "trade_secrets.read"),
        NavLink("/trade-secrets/contributions", "Employees' contributions", "trade_secrets.read"),
        NavLink("/trade-secrets/keys", "Signing keys", "trade_secrets.register"),
        NavLink("/trade-secrets/certification", "Certification", "trade_secrets.certification"),
    ],
    demo=load_demo,
)
