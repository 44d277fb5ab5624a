"""p05 demo: Liaoning MSA's 188 unlisted goods (data/demo_goods.yaml), each taken from the
request (or the officer's opening) through the findings and the three signatures to the
agreement; Xiamen's barite powder; and a few assessments still open."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.practices.cargo_rules import assessments, cargoes
from ftz.practices.cargo_rules.demo_people import (
    AGENCIES,
    BARITE,
    DESTINATIONS,
    FLAGS,
    OFFICER,
    OTHER,
    PORTS,
    SHIPPER,
    TEXTS,
    XIAMEN,
    act_as,
    demo_goods,
)
from ftz.practices.cargo_rules.models import Assessment, Cargo
from ftz.practices.cargo_rules.schemas import AssessmentRequestIn, DecisionIn, FindingsIn, SignOffIn


def _findings(good: dict[str, Any]) -> FindingsIn:
    if good["mode"] == "bulk":
        group = ("A" if good.get("liquefy") else "") + ("B" if good.get("hazard") else "")
        zh, en = TEXTS[group or "C"]
    else:
        zh, en = TEXTS["dg" if good.get("class") else "general"]
    return FindingsIn(
        may_liquefy=bool(good.get("liquefy")),
        chemical_hazard=bool(good.get("hazard")),
        mhb=bool(good.get("mhb")),
        imdg_class=good.get("class", ""),
        un_number=good.get("un", ""),
        packing_group=good.get("pg", ""),
        conditions_zh=good.get("conditions_zh", zh),
        conditions_en=good.get("conditions_en", en),
        tml_test=good.get(
            "tml_test", "flow table test (Appendix 2)" if good.get("liquefy") else ""
        ),
    )


def assess(
    session: Session,
    good: dict[str, Any],
    n: int,
    opened: date,
    *,
    officer: str,
    requester: str | None,
    flag: tuple[str, str],
    authority: str,
) -> Assessment:
    """One unlisted good from request to agreement, signed over the following weeks."""
    data = AssessmentRequestIn(
        goods_zh=good["zh"],
        goods_en=good["en"],
        mode=good["mode"],
        description=good.get("description", ""),
        loading_port=PORTS[n % len(PORTS)],
        discharge_port=DESTINATIONS[n % len(DESTINATIONS)],
        flag_state=flag[0],
    )
    if requester:
        made = assessments.request(
            session, principal=act_as(session, requester), data=data, year=opened.year
        )
        who = act_as(session, officer)
        assessments.accept(session, principal=who, key=made.id)
    else:
        who = act_as(session, officer)
        made = assessments.open_(session, principal=who, data=data, year=opened.year)
    assessments.record_findings(session, principal=who, key=made.id, data=_findings(good))
    signers = (
        ("loading", authority),
        ("flag", flag[1]),
        ("discharge", f"Port authority of {data.discharge_port}"),
    )
    for days, (role, name) in enumerate(signers, 1):
        assessments.sign(
            session,
            principal=who,
            key=made.id,
            data=SignOffIn(
                role=role,
                authority=name,
                reference=f"{made.number}/{role[:2].upper()}",
                signed_on=opened + timedelta(days=7 * days),
            ),
        )
    return assessments.agree(
        session, principal=who, key=made.id, data=DecisionIn(note="三方主管机关一致同意运输条件")
    )


def _variants(good: dict[str, Any]) -> list[dict[str, Any]]:
    if not good.get("variants"):
        return [good]
    return [
        {**good, "zh": f"{good['zh']}（{zh}）", "en": f"{good['en']}, {en}"}
        for zh, en in good["variants"]
    ]


def load_assessments(session: Session) -> dict[str, str]:
    """Liaoning's 188 goods, 2019 to 2024; returns the cargo code of each keyed good."""
    keyed: dict[str, str] = {}
    flat = [v for good in demo_goods()["goods"] for v in _variants(good)]
    for n, good in enumerate(flat):
        opened = date(2019, 3, 1) + timedelta(days=(n * 2100) // len(flat))
        # One in four came as an enterprise's request; the others the officer recorded.
        requester = SHIPPER if n % 8 == 0 else OTHER if n % 8 == 4 else None
        made = assess(
            session,
            good,
            n,
            opened,
            officer=OFFICER,
            requester=requester,
            flag=FLAGS[n % len(FLAGS)],
            authority=AGENCIES[0][1],
        )
        if good.get("key"):
            keyed[good["key"]] = made.number
    barite = demo_goods()["barite"]
    good = {**barite, "mode": "bulk", "liquefy": True}
    made = assess(
        session,
        good,
        0,
        date(2021, 11, 1),
        officer=XIAMEN,
        requester=BARITE,
        flag=("巴拿马", "Panama Maritime Authority"),
        authority=AGENCIES[1][1],
    )
    cargo = session.scalar(select(Cargo).where(Cargo.code == made.number))
    assert cargo is not None
    cargo.synonyms = list(barite["synonyms"])
    cargoes.reindex(session, cargo)
    keyed["barite-powder"] = made.number
    return keyed


def load_open_cases(session: Session) -> None:
    """Work in progress: a fresh request, one being assessed, one refused."""
    goods = [
        ("锂电池正极废料", "SPENT CATHODE SCRAP", "packaged"),
        ("海蛎壳煅烧粉", "CALCINED OYSTER SHELL POWDER", "bulk"),
        ("混合金属粉末废料", "MIXED METAL POWDER WASTE", "packaged"),
    ]
    made = []
    for zh, en, mode in goods:
        data = AssessmentRequestIn(
            goods_zh=zh,
            goods_en=en,
            mode=mode,
            loading_port="大连港",
            discharge_port="Busan, KR",
            flag_state="巴拿马",
            description="企业申请新货种评估（演示）",
        )
        made.append(assessments.request(session, principal=act_as(session, SHIPPER), data=data))
    officer = act_as(session, OFFICER)
    assessments.accept(session, principal=officer, key=made[1].id)
    assessments.record_findings(
        session,
        principal=officer,
        key=made[1].id,
        data=_findings({"mode": "bulk", "liquefy": False}),
    )
    assessments.refuse(
        session,
        principal=officer,
        key=made[2].id,
        data=DecisionIn(note="成分不明，须先提交危险特性分类鉴别报告"),
    )
