"""p18 不动产"带封过户" — transfer of sealed real estate (Shandong FTZ, Jinan area): the court
screens an enforcement case with sealed property, a notary settles the applicant, the debtor
and the other creditors (notarized agreement: ranks and amounts, every consent recorded), the
court approves the self-sale in sealed status, buyer and seller sign an irrevocable notarized
mandate and the contract, the buyer pays into the notary's escrow account (a double-entry
ledger), the notary certifies the escrow and applies for registration, the title is transferred
while sealed, the notary pays the creditors per the agreement, the court verifies and lifts the
seal. A sale that collapses returns the money and leaves the property sealed. Every step is
anchored in the evidence ledger."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.sealed_transfer import pages, permissions
from ftz.practices.sealed_transfer.cli import app as cli_app
from ftz.practices.sealed_transfer.demo import load_demo
from ftz.practices.sealed_transfer.endpoints import router
from ftz.practices.sealed_transfer.workflow import TransferFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p18",
    name="sealed_transfer",
    title_zh="不动产“带封过户”",
    title_en="Transfer of sealed property",
    case=18,
    domain="justice",
    status="built",
    router=router,
    pages=pages.router,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[TransferFlow],
    templates_dir=HERE / "templates",
    static_dir=HERE / "static",
    nav=[
        NavLink("/sealed-transfer", "Sealed-property cases", "sealed_transfer.read"),
        NavLink(
            "/sealed-transfer/cases/new", "Register an enforcement case", "sealed_transfer.court"
        ),
        NavLink(
            "/sealed-transfer/statistics", "Sealed-transfer statistics", "sealed_transfer.stats"
        ),
        NavLink("/sealed-transfer/rules", "Sealed-transfer rules", "sealed_transfer.read"),
    ],
    demo=load_demo,
)
