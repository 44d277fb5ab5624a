"""p04 demo from the seed (case 4): a Hebei (Shijiazhuang zone) enterprise exhibited 24 imported
works at a Beijing fair and sold 9 for over 2 million yuan; Tianjin Bonded Zone customs handled
50-odd works shown in Beijing and Hebei. Organizations, people, works, prices and images are
fictitious demo values; images are generated, so only their hashes are real."""

from __future__ import annotations

import io
import random
from datetime import date, timedelta
from typing import Any

from PIL import Image, ImageDraw
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.practices.bonded_art import service
from ftz.practices.bonded_art.models import Artwork
from ftz.practices.bonded_art.schemas import ArtworkIn, ExhibitionIn, SaleIn

CUSTOMS = (
    ("ba-customs-zd", "正定海关（演示）", "Zhengding Customs (demo)", "ba.customs.zd"),
    ("ba-customs-tj", "天津保税区海关（演示）", "Tianjin Bonded Zone Customs (demo)",
     "ba.customs.tj"),
    ("ba-customs-bj", "北京海关（演示）", "Beijing Customs (demo)", "ba.customs.bj"),
)  # fmt: skip
ENTERPRISES = (
    ("ba-ent-hb", "冀艺国际文化发展有限公司（演示）", "Jiyi International Culture (demo)",
     "ba.ent.hb"),
    ("ba-ent-tj", "津港艺术品有限公司（演示）", "Jingang Fine Art Co. (demo)", "ba.ent.tj"),
)  # fmt: skip
# (enterprise, home customs, destination, works, sold, total sales CNY)
PROGRAMMES = (
    ("ba.ent.hb", "ba-customs-zd", "ba-customs-bj", 24, 9, 2_050_000),
    ("ba.ent.tj", "ba-customs-tj", "ba-customs-bj", 52, 6, 1_380_000),
)


def ensure_staff(session: Session) -> None:
    for code, zh, en, username in CUSTOMS:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.AGENCY,
                            department="customs")  # fmt: skip
        accounts.ensure_user(session, username=username, display_name=f"{zh[:-4]}关员",
                             org_code=code, roles=[Role.OFFICER],
                             password=DEMO_PASSWORD)  # fmt: skip
    for code, zh, en, username in ENTERPRISES:
        accounts.ensure_org(session, code=code, name_zh=zh, name_en=en, kind=OrgKind.ENTERPRISE)
        accounts.ensure_user(session, username=username, display_name=f"{zh[:4]}经办人",
                             org_code=code, roles=[Role.ENTERPRISE],
                             password=DEMO_PASSWORD)  # fmt: skip


def artwork_image(seed: int, size: int = 96) -> bytes:
    """A generated 'painting': random coloured shapes, deterministic per seed."""
    rng = random.Random(seed)
    image = Image.new("RGB", (size, size), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(8):
        x, y = rng.randrange(size), rng.randrange(size)
        box = (x, y, x + rng.randrange(10, size // 2), y + rng.randrange(10, size // 2))
        draw.ellipse(box, fill=tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _through_exhibiting(
    session: Session, acts: dict[str, Principal], xid: str, image: bytes
) -> None:
    """Consult, consent, capture, guarantee, transfer: each by its owner."""
    for actor, event in (("home", "consult"), ("dest", "consent"), ("home", "capture"),
                         ("ent", "pay_guarantee"), ("home", "transfer_out")):  # fmt: skip
        p = acts[actor]
        current_principal.set(p)
        if event == "capture":
            service.capture(session, principal=p, exhibition_id=xid, image=image, scan=None)
        elif event == "pay_guarantee":
            service.pay_guarantee(session, principal=p, exhibition_id=xid)
        else:
            service.step(session, principal=p, exhibition_id=xid, event=event)


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(Artwork.id))):
        return {"loaded": False}
    names = ("ba.ent.hb", "ba.ent.tj", "ba.customs.zd", "ba.customs.tj", "ba.customs.bj")
    who = {n: accounts.acting_as(session, n) for n in names}
    home_user = {"ba-customs-zd": "ba.customs.zd", "ba-customs-tj": "ba.customs.tj"}
    today = date.today()
    n = 0
    for ent, home, dest, works, sold, sales in PROGRAMMES:
        for i in range(works):
            n += 1
            acts = {"ent": who[ent], "home": who[home_user[home]], "dest": who["ba.customs.bj"]}
            current_principal.set(acts["ent"])
            art = service.register_artwork(session, principal=acts["ent"], data=ArtworkIn(
                number=f"BA-{n:04d}", title=f"演示作品 No.{n}", artist="Demo Artist",
                category=("painting", "print", "sculpture")[n % 3], dimensions="80 × 60 cm",
                materials="布面油画", approval_doc=f"文旅艺进（演示）{2025}{n:04d}",
                value_cny=150_000 + 10_000 * (n % 7)))  # fmt: skip
            start = today - timedelta(days=40 - n % 20)
            # Every fourth unsold work has a short show that is over: it came back and re-entered.
            length = 10 + n % 5 if i >= sold and i % 4 == 3 else 30 + n % 25
            exhibition = service.apply(session, principal=acts["ent"], data=ExhibitionIn(
                number=f"BAX-{n:04d}", artwork_id=art.id, home_customs=home,
                destination_customs=dest, venue="北京国际艺术品展（演示）", starts_on=start,
                ends_on=start + timedelta(days=length)))  # fmt: skip
            image, xid = artwork_image(n), exhibition.id
            _through_exhibiting(session, acts, xid, image)
            if i < sold:
                current_principal.set(acts["ent"])
                price = sales // sold
                service.declare_sale(
                    session,
                    principal=acts["ent"],
                    exhibition_id=xid,
                    data=SaleIn(price_cny=price, buyer="国内藏家（演示）"),
                )
                current_principal.set(acts["home"])
                service.settle(session, principal=acts["home"], exhibition_id=xid)
            elif exhibition.ends_on < today:
                current_principal.set(acts["ent"])
                service.step(session, principal=acts["ent"], exhibition_id=xid, event="return_home")
                current_principal.set(acts["home"])
                service.verify(
                    session, principal=acts["home"], exhibition_id=xid, image=image, scan=None
                )
    return {"loaded": True, "exhibitions": n}
