"""p04 京津冀进口文化艺术品跨关区保税展示交易 — imported artworks exhibited in bonded status in
another customs district (Tianjin/Hebei ↔ Beijing), with a digital identity for each work."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.bonded_art import pages, permissions
from ftz.practices.bonded_art.cli import app as cli_app
from ftz.practices.bonded_art.demo import load_demo
from ftz.practices.bonded_art.endpoints import router
from ftz.practices.bonded_art.workflow import ExhibitionFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p04",
    name="bonded_art",
    title_zh="艺术品跨关区保税展示",
    title_en="Bonded art exhibition across customs districts",
    case=4,
    domain="clearance",
    status="built",
    router=router,
    pages=pages.router,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[ExhibitionFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/bonded-art", "Bonded art exhibitions", "bonded_art.read"),
        NavLink("/bonded-art/artworks", "Artworks", "bonded_art.apply"),
        NavLink("/bonded-art/exhibitions/new", "Apply to exhibit a work", "bonded_art.apply"),
    ],
    demo=load_demo,
)
