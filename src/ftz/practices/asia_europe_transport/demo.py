"""p14 demo, from the seed's case 14: the land-port operator (the 一单制 issuing carrier), a bank
for document-as-collateral finance, a Lao exporter and a Chengdu forwarder; four through bills
built through the services — Lao coffee by the Lancang–Mekong–Chengdu–Europe express (issued,
handed over at Chengdu, at the border, pledged to the bank), Bangladeshi garments by the first
air–rail bill Dhaka–Chengdu–Łódź (delivered and surrendered), a Chengdu–Łódź booking paid and
waiting for issue, and European dairy by reefer to Vientiane (booked); and the reefer pool's
two-week repositioning decision. Names and numbers are our own demo values."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.core.db import utcnow
from ftz.practices.asia_europe_transport import bills, plans
from ftz.practices.asia_europe_transport.common import reefer_data
from ftz.practices.asia_europe_transport.models import Bill
from ftz.practices.asia_europe_transport.schemas import (
    BookingIn,
    EventIn,
    PayIn,
    PledgeIn,
    ReeferIn,
)

AGENCIES = (
    ("aet-landport", "成都国际陆港运营有限公司（演示）", "Chengdu International Land Port "
     "Operation Co. (demo)", "landport", "aet.operator", "一单制签单员（演示）"),
    ("aet-bank", "成都某银行国际业务部（演示）", "Chengdu bank, trade finance (demo)", "bank",
     "aet.bank", "贸易融资经理（演示）"),
)  # fmt: skip
SHIPPERS = (
    ("aet-lao", "万象澜湄农产品进出口有限公司（演示）", "Vientiane Lancang-Mekong Agro Export "
     "(demo)", "aet.shipper"),
    ("aet-forwarder", "成都蓉欧供应链管理有限公司（演示）", "Chengdu Rong-Ou Supply Chain (demo)",
     "aet.forwarder"),
)  # fmt: skip


def ensure_staff(session: Session) -> None:
    for code, zh, en, department, username, name in AGENCIES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY,
                            department=department)  # fmt: skip
        accounts.ensure_user(session, username=username, display_name=name, org_code=code,
                             roles=[Role.OFFICER], password=DEMO_PASSWORD)  # fmt: skip
    for code, zh, en, username in SHIPPERS:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(session, username=username, display_name=zh.split("（")[0][:12],
                             org_code=code, roles=[Role.ENTERPRISE],
                             password=DEMO_PASSWORD)  # fmt: skip


def booking(corridor: str, depart: datetime, **extra: Any) -> BookingIn:
    fields: dict[str, Any] = {
        "corridor": corridor, "shipper": "万象澜湄农产品进出口有限公司（演示）",
        "consignee": "TO ORDER", "notify_party": "Łódź Fresh Import Sp. z o.o. (demo)",
        "goods": "老挝咖啡生豆 Lao green coffee beans", "hs_code": "090111", "cargo": "general",
        "packages": 640, "gross_kg": Decimal("38400"),
        "containers": [{"number": "CSQU3054383", "size": 40}], "requested_departure": depart,
        **extra,
    }  # fmt: skip
    return BookingIn.model_validate(fields)


def _leg_time(made: Bill, n: int, key: str) -> datetime:
    return datetime.fromisoformat(str(made.legs[n][key]).replace("Z", "+00:00"))


def _event(session: Session, made: Bill, **fields: Any) -> None:
    operator = accounts.acting_as(session, "aet.operator")
    bills.track(session, principal=operator, bill_id=made.id, data=EventIn(**fields))


def _paid_and_issued(session: Session, made: Bill, shipper: str, ref: str) -> None:
    bills.pay(session, principal=accounts.acting_as(session, shipper), bill_id=made.id,
              data=PayIn(payment_ref=ref))  # fmt: skip
    bills.issue(session, principal=accounts.acting_as(session, "aet.operator"), bill_id=made.id)


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count()).select_from(Bill)):
        return {"loaded": False}
    now = utcnow().replace(minute=0, second=0, microsecond=0)
    lao = accounts.acting_as(session, "aet.shipper")
    coffee = bills.book(session, principal=lao, data=booking("LMRO", now - timedelta(days=4)))
    _paid_and_issued(session, coffee, "aet.shipper", "95306-PAY-0001")
    chengdu, carrier = "chengdu_qingbaijiang", coffee.legs[1]["carrier"]
    _event(session, coffee, kind="gate_in", node="vientiane_south", container="CSQU3054383",
           seal="LCR0420001", carrier_to=coffee.legs[0]["carrier"],
           occurred_at=_leg_time(coffee, 0, "departs") - timedelta(hours=3))  # fmt: skip
    _event(session, coffee, kind="departed", node="vientiane_south",
           occurred_at=_leg_time(coffee, 0, "departs"))  # fmt: skip
    _event(session, coffee, kind="border_crossed", node="mohan", carrier_from="老中铁路有限公司",
           carrier_to="中国铁路昆明局", occurred_at=_leg_time(coffee, 0, "departs")
           + timedelta(hours=20))  # fmt: skip
    _event(session, coffee, kind="handover", node=chengdu, carrier_from=coffee.legs[0]["carrier"],
           carrier_to=carrier, container="CSQU3054383", seal="CRE0420001",
           occurred_at=_leg_time(coffee, 0, "arrives") + timedelta(hours=2))  # fmt: skip
    bills.finance(session, principal=lao, bill_id=coffee.id,
                  data=PledgeIn(action="request_pledge", bank_code="aet-bank"))  # fmt: skip
    bills.finance(session, principal=accounts.acting_as(session, "aet.bank"), bill_id=coffee.id,
                  data=PledgeIn(action="accept_pledge"))  # fmt: skip

    forwarder = accounts.acting_as(session, "aet.forwarder")
    garments = bills.book(session, principal=forwarder, data=booking(
        "DACLOD", now - timedelta(days=20), shipper="Dhaka Knitwear Exports Ltd. (demo)",
        consignee="Łódź Textile Distribution Sp. z o.o. (demo)", notify_party="",
        goods="针织T恤 knitted cotton T-shirts", hs_code="610910", packages=1200,
        gross_kg=Decimal("9600"), containers=[{"number": "TGHU8867016", "size": 40}]))  # fmt: skip
    _paid_and_issued(session, garments, "aet.forwarder", "SCAL-AIRRAIL-0001")
    _event(session, garments, kind="gate_in", node="dhaka", carrier_to="川航物流",
           occurred_at=_leg_time(garments, 0, "departs") - timedelta(hours=4))  # fmt: skip
    _event(session, garments, kind="departed", node="dhaka",
           occurred_at=_leg_time(garments, 0, "departs"))  # fmt: skip
    _event(session, garments, kind="handover", node="chengdu_qingbaijiang",
           carrier_from=garments.legs[0]["carrier"], carrier_to=garments.legs[2]["carrier"],
           container="TGHU8867016", occurred_at=_leg_time(garments, 1, "arrives"))  # fmt: skip
    _event(session, garments, kind="arrived", node="lodz_olechow",
           occurred_at=_leg_time(garments, 2, "arrives"))  # fmt: skip
    bills.surrender(session, principal=forwarder, bill_id=garments.id)

    parts = bills.book(session, principal=forwarder, data=booking(
        "CDLOD", now + timedelta(days=2), shipper="成都蓉欧供应链管理有限公司（演示）",
        consignee="TO ORDER", goods="笔记本电脑 notebook computers", hs_code="847130",
        packages=2400, gross_kg=Decimal("19200"),
        containers=[{"number": "TCLU1234568", "size": 40}]))  # fmt: skip
    bills.pay(session, principal=forwarder, bill_id=parts.id, data=PayIn(payment_ref="CD-0002"))
    bills.book(session, principal=forwarder, data=booking(
        "LODLMR", now + timedelta(days=5), shipper="Mazowsze Dairy Export (demo)",
        consignee="万象澜湄农产品进出口有限公司（演示）", goods="奶酪 cheese", hs_code="040690",
        cargo="reefer", packages=900, gross_kg=Decimal("21000"),
        containers=[{"number": "SZLU9000010", "size": 40, "reefer": True,
                     "set_temp_c": 4}]))  # fmt: skip

    operator = accounts.acting_as(session, "aet.operator")
    decision = plans.save(session, principal=operator, data=ReeferIn(**reefer_data()["scenario"]))
    return {"loaded": True, "bills": 4, "reefer_saving_cny": decision.saving_cny}
