"""p13 船载新能源汽车集装箱海事跨域监管 — NEV containers by rail–sea (Chongqing Guoyuan port,
Guangxi Qinzhou port): the shipper's dangerous-goods declaration at the origin (UN number by
power source under the IMDG amendment in force, class 9, special provisions and placards, ISO
6346 container check), the origin maritime office's inspection at the packing site on the
packing manual's checklist, the recognized result anchored in the evidence ledger, and the
transit port that loads the box unopened unless a rule (seal broken, damage, leak) fires."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.nev_containers import permissions
from ftz.practices.nev_containers.cli import app as cli_app
from ftz.practices.nev_containers.demo import load_demo
from ftz.practices.nev_containers.endpoints import router
from ftz.practices.nev_containers.pages import router as pages
from ftz.practices.nev_containers.workflow import DeclarationFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p13",
    name="nev_containers",
    title_zh="船载新能源汽车集装箱海事跨域监管",
    title_en="NEV containers by rail–sea",
    case=13,
    domain="logistics",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[DeclarationFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/nev-containers", "NEV containers dashboard", "nev_containers.read"),
        NavLink(
            "/nev-containers/declarations", "NEV container declarations", "nev_containers.read"
        ),
        NavLink("/nev-containers/rules", "NEV dangerous-goods rules", "nev_containers.read"),
    ],
    demo=load_demo,
)
