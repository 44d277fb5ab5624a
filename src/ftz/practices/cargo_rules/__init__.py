"""p05 国际海事运输规则 — cargo transport rules registry (Fujian, Liaoning): cargoes with their
IMSBC group or IMDG class and UN number, transport conditions versioned per amendment, the
shipper's lookup with what to provide and the moisture check of group A cargoes, assessments of
unlisted goods signed by the three administrations, and the proposals to IMO and the UN
sub-committee (seed: 42 submitted, 19 adopted; barite powder group A by IMSBC 07-23; the
self-heating hot pot from class 4.1 to class 9; 188 unlisted goods assessed)."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.cargo_rules import permissions
from ftz.practices.cargo_rules.cli import app as cli_app
from ftz.practices.cargo_rules.demo import load_demo
from ftz.practices.cargo_rules.endpoints import router
from ftz.practices.cargo_rules.pages import router as pages
from ftz.practices.cargo_rules.workflow import AssessmentFlow, CargoFlow, ProposalFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p05",
    name="cargo_rules",
    title_zh="国际海事规则制定",
    title_en="Cargo transport rules registry",
    case=5,
    domain="maritime",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[ProposalFlow, AssessmentFlow, CargoFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/cargo-rules", "Cargo lookup", "cargo_rules.lookup"),
        NavLink("/cargo-rules/cargoes", "Cargo registry", "cargo_rules.lookup"),
        NavLink("/cargo-rules/proposals", "Proposals to IMO", "cargo_rules.lookup"),
        NavLink("/cargo-rules/assessments", "Assessments of unlisted goods", "cargo_rules.read"),
        NavLink("/cargo-rules/statistics", "Cargo rules statistics", "cargo_rules.lookup"),
    ],
    demo=load_demo,
)
