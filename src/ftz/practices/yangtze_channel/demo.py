"""p29 demo, from the seed: the channel's partner operators and fixed services (Chenglingji's
river services add up to 51 sailings a week, the seed's "50余班次"), capacity offers on the
sub-channels, and shippers' orders at every stage: booked and tracked to delivery through the
southern rail–sea outlet and by river–sea to Yangshan, in transit, and posted on the board. The
seed's 2024 totals (681,000 TEU added, 204,300 foreign trade) are reference figures
(data/figures.yaml), not orders. Everything goes through the service."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.yangtze_channel import matching, reference, service, tracking
from ftz.practices.yangtze_channel.demo_data import (
    ADMIN_ORG,
    AGREEMENT,
    OFFICER,
    OPERATORS,
    SHIPPER_A,
    SHIPPER_B,
    SHIPPERS,
    services,
)
from ftz.practices.yangtze_channel.models import Operator, Order
from ftz.practices.yangtze_channel.schemas import (
    EventIn,
    OfferIn,
    OperatorIn,
    OrderIn,
    ServiceIn,
)


def ensure_staff(session: Session) -> None:
    """The administration, the operators' and shippers' organizations and their users."""
    accounts.ensure_org(
        session, code=ADMIN_ORG, name_zh="岳阳市中部双循环大通道管理办公室（演示）",
        name_en="Yueyang Central Corridor Administration (demo)", kind=OrgKind.AGENCY,
        department="channel",
    )  # fmt: skip
    accounts.ensure_user(session, username=OFFICER, display_name="通道办", org_code=ADMIN_ORG,
                         roles=[Role.OFFICER], password=DEMO_PASSWORD)  # fmt: skip
    people = [(org, zh, en, user) for _, org, zh, en, _, _, user in OPERATORS] + SHIPPERS
    for org, zh, en, user in people:
        accounts.ensure_org(session, code=org, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        if user:
            accounts.ensure_user(session, username=user, display_name=zh, org_code=org,
                                 roles=[Role.ENTERPRISE], password=DEMO_PASSWORD)  # fmt: skip


def ensure_registry(session: Session) -> None:
    """The partner operators and their fixed services (once)."""
    ensure_staff(session)
    if session.scalar(select(Operator.id).where(Operator.code == "ZBTD")):
        return
    officer = accounts.acting_as(session, OFFICER)
    for code, org, zh, en, kind, node, _ in OPERATORS:
        data = OperatorIn(org_code=org, code=code, name_zh=zh, name_en=en, kind=kind,
                          node_id=node, agreement=AGREEMENT,
                          signed_on=reference.today().replace(month=1, day=1))  # fmt: skip
        service.register_operator(session, principal=officer, data=data)
    for row in services():
        service.register_service(session, principal=officer, data=ServiceIn(**row))


def _offer(session: Session, user: str, days: int, **body: Any) -> Any:
    principal = accounts.acting_as(session, user)
    start = reference.today() + timedelta(days=days)
    data = OfferIn(departs_on=start, arrives_on=start + timedelta(days=body.pop("transit")),
                   **body)  # fmt: skip
    return service.post_offer(session, principal=principal, data=data)


def _order(session: Session, user: str, days: int, **body: Any) -> Any:
    """An order whose cargo is ready at 09:00 (China Standard Time) `days` from today."""
    principal = accounts.acting_as(session, user)
    ready = reference.today() + timedelta(days=days)
    data = OrderIn(ready_at=reference.day_start(ready) + timedelta(hours=9),
                   deliver_by=ready + timedelta(days=body.pop("within")), **body)  # fmt: skip
    return service.post_order(session, principal=principal, data=data)


def _track(session: Session, user: str, order_id: str, *steps: tuple[str, str]) -> None:
    principal = accounts.acting_as(session, user)
    for kind, node in steps:
        tracking.record(session, principal=principal, order_id=order_id,
                        data=EventIn(kind=kind, node_id=node))  # fmt: skip


def load_demo(session: Session) -> dict[str, Any]:
    ensure_registry(session)
    if session.scalar(select(Order.id).limit(1)) is not None:
        return {"loaded": False}
    cargo = ["general", "machinery", "auto_parts", "electronics"]
    nansha = _offer(session, "yc.op.guangtie", 1, service_code="S1-GT-NS", mode="rail",
                    origin="changsha_xianing", destination="guangzhou_nansha", transit=2,
                    capacity_teu=100, cargo_types=cargo, price_cny_per_teu=4200)  # fmt: skip
    _offer(session, "yc.op.guangtie", 3, service_code="S2-GT-QZ", mode="rail",
           origin="yueyang_chenglingji", destination="qinzhou", transit=3, capacity_teu=100,
           cargo_types=[*cargo, "grain"], price_cny_per_teu=4800)  # fmt: skip
    yangshan = _offer(session, "yc.op.zhongbu", 1, mode="river", origin="chongqing_guoyuan",
                      destination="shanghai_yangshan", transit=9, capacity_teu=200,
                      cargo_types=cargo, price_cny_per_teu=3600)  # fmt: skip
    _offer(session, "yc.port.hunan", 2, service_code="S5-HN-CS", mode="river",
           origin="changsha_xianing", destination="yueyang_chenglingji", transit=1,
           capacity_teu=120, cargo_types=[*cargo, "grain"], price_cny_per_teu=900)  # fmt: skip
    south = _order(session, SHIPPER_A, 0, origin="changsha_xianing", destination="guangzhou_nansha",
                   cargo_type="machinery", trade="export", teu=40, within=10,
                   description="工程机械出口东南亚（RCEP），经南沙出海")  # fmt: skip
    matching.book(session, principal=accounts.acting_as(session, SHIPPER_A), order_id=south.id,
                  offer_id=nansha.id)  # fmt: skip
    _track(session, "yc.op.guangtie", south.id, ("picked_up", "changsha_xianing"),
           ("departed", "changsha_xianing"), ("arrived", "guangzhou_nansha"),
           ("delivered", "guangzhou_nansha"))  # fmt: skip
    east = _order(session, SHIPPER_B, 0, origin="chongqing_guoyuan", modes=["river", "sea"],
                  destination="shanghai_yangshan", cargo_type="electronics", trade="export",
                  teu=60, within=14, optimize="cost")  # fmt: skip
    matching.book(session, principal=accounts.acting_as(session, SHIPPER_B), order_id=east.id,
                  offer_id=yangshan.id)  # fmt: skip
    _track(session, "yc.op.zhongbu", east.id, ("loaded", "chongqing_guoyuan"),
           ("departed", "chongqing_guoyuan"))  # fmt: skip
    _track(session, "yc.port.hunan", east.id, ("transhipped", "yueyang_chenglingji"))
    _order(session, SHIPPER_A, 2, origin="yueyang_chenglingji", destination="qinzhou",
           cargo_type="auto_parts", trade="export", teu=30, within=12)  # fmt: skip
    _order(session, SHIPPER_B, 4, origin="changsha_xianing", destination="wuhan_yangluo",
           cargo_type="grain", trade="domestic", teu=20, within=7, modes=["river"])  # fmt: skip
    return {"loaded": True, "operators": len(OPERATORS), "services": len(services())}
