"""p29 长江经济带物流通道联动发展 — the Yangtze logistics channel (Yueyang, Hunan FTZ): the
Central Dual-Circulation Corridor as 1 main channel and 5 core sub-channels over the shared
freight network, its partner operators and their fixed multimodal services, the order board
(shippers post cargo, operators offer capacity, offers matched to orders by rule), route
planning over the network, shared tracking visible to every party of an order, and the
statistics against the seed (681,000 TEU added in 2024, 204,300 of them foreign trade)."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.yangtze_channel import permissions
from ftz.practices.yangtze_channel.cli import app as cli_app
from ftz.practices.yangtze_channel.demo import load_demo
from ftz.practices.yangtze_channel.endpoints import router
from ftz.practices.yangtze_channel.pages import router as pages
from ftz.practices.yangtze_channel.workflow import OrderFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p29",
    name="yangtze_channel",
    title_zh="长江经济带物流通道联动发展",
    title_en="Yangtze economic belt logistics channel",
    case=29,
    domain="logistics",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[OrderFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/yangtze-channel", "Yangtze logistics channel", "yangtze_channel.read"),
        NavLink("/yangtze-channel/route", "Plan a route", "yangtze_channel.read"),
        NavLink("/yangtze-channel/board", "Order board", "yangtze_channel.read"),
        NavLink("/yangtze-channel/orders", "Channel orders", "yangtze_channel.read"),
        NavLink("/yangtze-channel/offers", "Capacity offers", "yangtze_channel.read"),
        NavLink("/yangtze-channel/operators", "Partner operators", "yangtze_channel.read"),
        NavLink("/yangtze-channel/statistics", "Channel statistics", "yangtze_channel.administer"),
    ],
    demo=load_demo,
)
