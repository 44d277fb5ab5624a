"""p22 demo, from the seed (case 22): Nanning Post Office Customs and China Railway Nanning Group
checking side by side at the CBEC supervision site of the Nanning comprehensive bonded zone,
two forwarders consolidating CBEC exports for rail. Declarations screened against the shipped
key-items list (v1): most released for consolidation, some lines to inspection — a power bank
confirmed (first violation: warning, railway grade B), a perfume line cleared (sample in a
sealed gift set), one declaration still waiting. The seed's figures (0.5 day and at least 600
CNY saved per container) are shown beside the platform's counts. Enterprises, entry and
container numbers and goods are our own illustrative values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum import iso6346

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.cbec_key_items import service
from ftz.practices.cbec_key_items.models import KeyItemDeclaration
from ftz.practices.cbec_key_items.schemas import DeclarationIn, LineIn, ResolveIn

AGENCIES = (
    (
        "cbk-customs",
        "南宁邮局海关（演示）",
        "Nanning Post Office Customs (demo)",
        "customs",
        "cbk.customs",
        "南宁邮局海关查验关员",
    ),
    (
        "cbk-railway",
        "中国铁路南宁局集团安检中心（演示）",
        "China Railway Nanning Group security (demo)",
        "railway",
        "cbk.railway",
        "铁路安检员",
    ),
)
FORWARDERS = (
    (
        "cbk-fwd-a",
        "广西南宁跨境通供应链有限公司（演示）",
        "Nanning CrossLink Supply Chain (demo)",
        "cbk.forwarder",
    ),
    (
        "cbk-fwd-b",
        "南宁东盟铁海联运货代有限公司（演示）",
        "Nanning ASEAN Rail Forwarding (demo)",
        "cbk.forwarder2",
    ),
)
# (item name, spec, HS code, quantity, unit, weight kg, value CNY)
GOODS = (
    ("纯棉女士T恤", "S-XL 混色", "6109100021", "200", "件", "36", "5800"),
    ("运动鞋", "EU36-44", "6404110090", "60", "双", "48", "7200"),
    ("手机保护壳", "TPU 透明", "3926909090", "500", "个", "25", "2500"),
    ("蓝牙耳机", "TWS-5 白色", "8518300000", "100", "副", "12", "9800"),
    ("LED台灯", "USB 供电", "9405210000", "40", "台", "30", "3600"),
    ("陶瓷茶具套装", "6件套", "6912001000", "30", "套", "45", "4500"),
    ("儿童积木玩具", "300颗粒", "9503008900", "80", "盒", "40", "3200"),
)
POWER_BANK = ("充电宝", "20000mAh 快充", "8507600090", "50", "个", "20", "4000")
PERFUME = ("香水礼盒", "30ml 玻璃瓶装", "3303000000", "24", "盒", "6", "2900")
NAIL = ("指甲油", "12色套装", "3304300000", "100", "套", "15", "1800")
# (forwarder, e-commerce code, container serial or 0, extra goods, how it ends)
DECLARATIONS = (
    ("cbk.forwarder", "4501961201", 1, (), "released"),
    ("cbk.forwarder", "4501961202", 1, (), "released"),
    ("cbk.forwarder2", "4501961301", 2, (), "released"),
    ("cbk.forwarder", "4501961203", 3, (POWER_BANK,), "confirm"),
    ("cbk.forwarder2", "4501961302", 4, (PERFUME,), "clear"),
    ("cbk.forwarder2", "4501961303", 0, (NAIL,), "waiting"),
)


def container(serial: int) -> str:
    body = f"NNRU{serial:06d}"
    return body + iso6346.calc_check_digit(body)


def ensure_staff(session: Session) -> None:
    for code, zh, en, department, username, name in AGENCIES:
        accounts.ensure_org(
            session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY, department=department
        )
        accounts.ensure_user(
            session,
            username=username,
            display_name=name,
            org_code=code,
            roles=[Role.OFFICER],
            password=DEMO_PASSWORD,
        )
    for code, zh, en, username in FORWARDERS:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(
            session,
            username=username,
            display_name=f"{zh[:6]}申报员",
            org_code=code,
            roles=[Role.ENTERPRISE],
            password=DEMO_PASSWORD,
        )


def _who(session: Session, name: str) -> Principal:
    principal = accounts.acting_as(session, name)
    current_principal.set(principal)  # the audit trail records the acting user
    return principal


def _line(item: tuple[str, ...]) -> LineIn:
    name, spec, hs, quantity, unit, weight, value = item
    return LineIn(
        item_name=name,
        spec=spec,
        hs_code=hs,
        quantity=Decimal(quantity),
        unit=unit,
        weight_kg=Decimal(weight),
        value_cny=Decimal(value),
    )


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(KeyItemDeclaration.id))):
        return {"loaded": False}
    lines_total = 0
    for n, (owner, ecommerce, box, extra, end) in enumerate(DECLARATIONS, start=1):
        goods = [GOODS[(n + k) % len(GOODS)] for k in range(4)] + list(extra)
        data = DeclarationIn(
            entry_no=f"46012026{n:08d}",
            ecommerce_code=ecommerce,
            container_no=container(box) if box else "",
            lines=[_line(g) for g in goods],
        )
        made = service.declare(session, principal=_who(session, owner), data=data, source="web")
        lines_total += len(goods)
        hit = [line for line in made.lines if line.status == "inspection"]
        if end == "confirm":
            service.resolve(
                session,
                principal=_who(session, "cbk.railway"),
                line_id=hit[0].id,
                data=ResolveIn(
                    event="confirm", kind="carriage", note="开箱查验：充电宝20000mAh，属清单内商品"
                ),
            )
        elif end == "clear":
            service.resolve(
                session,
                principal=_who(session, "cbk.customs"),
                line_id=hit[0].id,
                data=ResolveIn(
                    event="clear", note="开箱查验为固体香膏礼盒，不含易燃液体，予以放行"
                ),
            )
    return {"loaded": True, "declarations": len(DECLARATIONS), "lines": lines_total}
