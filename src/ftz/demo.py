"""Demo data: the platform's organizations and users, then every built practice's own demo.

Demo passwords are printed by `make run`; they are for a local demo only.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from stdnum.cn import uscc

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.service import DEMO_PASSWORD
from ftz.core.registry import built_practices

DEMO_LOGINS: list[tuple[str, str, str]] = [
    ("admin", DEMO_PASSWORD, "platform administrator"),
    ("ent.a", DEMO_PASSWORD, "enterprise user, 宜昌三峡建设工程有限公司"),
    ("ent.b", DEMO_PASSWORD, "enterprise user, 宜昌长江电气安装有限公司"),
    ("exam.officer", DEMO_PASSWORD, "p12 joint exam centre officer"),
    ("emergency.officer", DEMO_PASSWORD, "p12 emergency management officer"),
    ("hrss.officer", DEMO_PASSWORD, "p12 human resources officer"),
    ("housing.officer", DEMO_PASSWORD, "p12 housing and construction officer"),
    ("mediator", DEMO_PASSWORD, "p19 mediation centre officer"),
    ("notary", DEMO_PASSWORD, "p19 notary"),
    ("ts.a", DEMO_PASSWORD, "p27 enterprise user, 长沙智能装备制造有限公司 (certified)"),
    ("ts.b", DEMO_PASSWORD, "p27 enterprise user, 长沙新材料科技有限公司"),
    ("cert.officer", DEMO_PASSWORD, "p27 certification body officer"),
    ("data.officer", DEMO_PASSWORD, "p01 cyberspace administration officer (reviews, audits)"),
    ("dx.auto", DEMO_PASSWORD, "p01 enterprise user, 临港智联汽车科技 (connected cars)"),
    ("dx.bio", DEMO_PASSWORD, "p01 enterprise user, 临港创新生物医药 (clinical trials)"),
    ("dx.retail", DEMO_PASSWORD, "p01 enterprise user, 天津跨境优选电子商务"),
    ("dx.pharma", DEMO_PASSWORD, "p01 enterprise user, 北京康研医药集团"),
    ("br.customs", DEMO_PASSWORD, "p03 customs officer (admission, batches)"),
    ("br.ecology", DEMO_PASSWORD, "p03 ecology and environment officer"),
    ("br.ent.a", DEMO_PASSWORD, "p03 enterprise user (bonded repair)"),
    ("br.ent.c", DEMO_PASSWORD, "p03 enterprise whose admission application waits"),
    ("ba.ent.hb", DEMO_PASSWORD, "p04 enterprise user (Hebei art firm)"),
    ("ba.customs.zd", DEMO_PASSWORD, "p04 home customs officer (Zhengding)"),
    ("ba.customs.bj", DEMO_PASSWORD, "p04 destination customs officer (Beijing)"),
    ("cgr.officer", DEMO_PASSWORD, "p05 Liaoning MSA officer (registry, assessments, proposals)"),
    ("cgr.xiamen", DEMO_PASSWORD, "p05 Xiamen MSA officer (barite powder proposal)"),
    ("cgr.shipper", DEMO_PASSWORD, "p05 enterprise user, Dalian shipper (lookup, requests)"),
    ("ss.msa", DEMO_PASSWORD, "p07 Yingkou maritime officer (ships, pre-review, berths)"),
    ("ss.carrier", DEMO_PASSWORD, "p07 carrier (requests ship ratings)"),
    ("ss.shipper", DEMO_PASSWORD, "p07 shipper (reads the advice, charters or declines)"),
    ("ss.agent", DEMO_PASSWORD, "p07 ship agent (grain papers, arrival plans)"),
    ("ss.terminal", DEMO_PASSWORD, "p07 grain terminal (reads the papers)"),
    ("cr.officer", DEMO_PASSWORD, "p08 Hangzhou customs officer (returns review)"),
    ("cr.platform", DEMO_PASSWORD, "p08 e-commerce platform (declares lists and returns)"),
    ("tt.office", DEMO_PASSWORD, "p15 tech-transfer office, 秦岭理工大学（演示）"),
    ("tt.manager", DEMO_PASSWORD, "p15 office technology manager (engineering-path evaluation)"),
    ("tt.inventor", DEMO_PASSWORD, "p15 researcher (inventor: own achievements and rewards)"),
    ("tt.inventor2", DEMO_PASSWORD, "p15 researcher (inventor, promoted in the demo)"),
    ("tt.ws.office", DEMO_PASSWORD, "p15 tech-transfer office, 渭水大学（演示）"),
    ("tt.province", DEMO_PASSWORD, "p15 provincial science and technology department officer"),
    ("ys.maritime", DEMO_PASSWORD, "p16 Sanya maritime officer (registry, transfers, zones)"),
    ("ys.border", DEMO_PASSWORD, "p16 border-check officer (passenger pre-declaration)"),
    ("ys.transport", DEMO_PASSWORD, "p16 transport bureau dispatcher (dispatch board)"),
    ("ys.club", DEMO_PASSWORD, "p16 yacht club (rental sailing reports, seller)"),
    ("ys.serenity", DEMO_PASSWORD, "p16 yacht services company (rental)"),
    ("ys.owner", DEMO_PASSWORD, "p16 private owner (two yachts in transfer, still sailing)"),
    ("ys.buyer", DEMO_PASSWORD, "p16 rental company (buyer in the open transfers)"),
    ("lf.officer", DEMO_PASSWORD, "p17 fishery officer (inspections, licences, indicators)"),
    ("lf.association", DEMO_PASSWORD, "p17 leisure fishery association (records, statistics)"),
    ("lf.op.sanya", DEMO_PASSWORD, "p17 operator, Yazhou Bay co-op (vessels, catch reports)"),
    ("lf.op.lingao", DEMO_PASSWORD, "p17 operator, Lingao Xinying (vessels, catch reports)"),
    ("lu.customs", DEMO_PASSWORD, "p02 Yangshan customs officer"),
    ("lu.terminal", DEMO_PASSWORD, "p02 terminal operator"),
    ("lu.barge", DEMO_PASSWORD, "p02 barge operator"),
    ("lu.wuhu", DEMO_PASSWORD, "p02 enterprise user (Wuhu consignee)"),
    ("lu.hefei", DEMO_PASSWORD, "p02 enterprise user (Hefei shipper)"),
    ("cm.officer", DEMO_PASSWORD, "p10 customs officer (statistics of choices)"),
    ("cm.rail", DEMO_PASSWORD, "p10 enterprise user (rail importer)"),
    ("cm.sea", DEMO_PASSWORD, "p10 enterprise user (sea importer)"),
    ("zpg.customs", DEMO_PASSWORD, "p11 customs officer (instructions, holds)"),
    ("zpg.gate", DEMO_PASSWORD, "p11 gate operator"),
    ("zpg.ent.a", DEMO_PASSWORD, "p11 enterprise user (exporter)"),
    ("zpg.ent.b", DEMO_PASSWORD, "p11 enterprise user (importer)"),
    ("bfl.officer", DEMO_PASSWORD, "p21 border-check officer (three-lane console)"),
    ("bfl.lane1", DEMO_PASSWORD, "p21 lane device 1 (API)"),
    ("bfl.fwd1", DEMO_PASSWORD, "p21 forwarder"),
    ("st.court", DEMO_PASSWORD, "p18 court enforcement officer (screens, approves, unseals)"),
    ("st.notary", DEMO_PASSWORD, "p18 notary (settlement, escrow account, payouts)"),
    ("st.registry", DEMO_PASSWORD, "p18 real estate registration officer (transfers the title)"),
    ("st.bank", DEMO_PASSWORD, "p18 party: mortgagee bank (consents)"),
    ("st.debtor", DEMO_PASSWORD, "p18 party: debtor company (consents, signs as seller)"),
    ("st.buyer", DEMO_PASSWORD, "p18 party: buyer (signs, pays into escrow)"),
    ("it.lingang", DEMO_PASSWORD, "p23 Lingang park administration (sponsor: registers projects)"),
    ("it.kunming", DEMO_PASSWORD, "p23 Kunming area administration (receives, reports indicators)"),
    ("it.mohan", DEMO_PASSWORD, "p23 Mohan–Boten zone administration (receives, reports)"),
    ("it.ningbo", DEMO_PASSWORD, "p23 Ningbo area administration (sponsor)"),
    ("it.stats", DEMO_PASSWORD, "p23 national statistics officer (region reports, roll-ups)"),
    ("it.stats.yn", DEMO_PASSWORD, "p23 Yunnan provincial statistics officer"),
    ("ch.judge", DEMO_PASSWORD, "p26 judge (three searches, answers, case reports)"),
    ("ch.judge2", DEMO_PASSWORD, "p26 judge (small claims and batch cases)"),
    ("ch.chief", DEMO_PASSWORD, "p26 division chief (reading and approval, 阅核)"),
    ("ch.president", DEMO_PASSWORD, "p26 court president (阅核, surveys)"),
    ("ch.reviewer", DEMO_PASSWORD, "p26 quality reviewer (评查 findings)"),
    ("ch.ent.a", DEMO_PASSWORD, "p26 party: factoring company (plaintiff)"),
    ("ch.ent.b", DEMO_PASSWORD, "p26 party: FTZ nonferrous-metals trader"),
    ("ch.lawyer", DEMO_PASSWORD, "p26 lawyer of the factoring company (search reports)"),
    ("co.ent.a", DEMO_PASSWORD, "p28 enterprise, home appliances (applies, subscribes)"),
    ("co.ent.b", DEMO_PASSWORD, "p28 enterprise, foods (files in testing, one overdue)"),
    ("co.lab", DEMO_PASSWORD, "p28 certification laboratory (accepts, records tests)"),
    ("co.sirim", DEMO_PASSWORD, "p28 SIRIM desk (issues Malaysian certificates)"),
    ("co.kebs", DEMO_PASSWORD, "p28 KEBS China-Kenya desk (issues CoCs)"),
    ("co.zw", DEMO_PASSWORD, "p28 Zimbabwe CBCA desk"),
    ("co.standards", DEMO_PASSWORD, "p28 standards centre (standards watch, cooperation)"),
    ("par.forwarder", DEMO_PASSWORD, "p09 forwarder abroad (builds ULD manifests)"),
    ("par.handler", DEMO_PASSWORD, "p09 Zhengzhou cargo terminal (tally, store, load)"),
    ("par.security", DEMO_PASSWORD, "p09 airport security officer"),
    ("par.customs", DEMO_PASSWORD, "p09 airport customs officer"),
    ("par.trucker", DEMO_PASSWORD, "p09 air–road trucking company (trailers, delivery)"),
    ("hs.officer", DEMO_PASSWORD, "p06 Shenyang customs inspection officer (results, cases)"),
    ("hs.officer2", DEMO_PASSWORD, "p06 Shenyang customs risk analyst"),
    ("hs.importer", DEMO_PASSWORD, "p06 importer, 沈阳盛京机电进出口有限公司 (own batches)"),
    ("hs.importer2", DEMO_PASSWORD, "p06 importer, 辽宁浑河家电贸易有限公司"),
    ("hs.importer3", DEMO_PASSWORD, "p06 importer of used machinery, 沈阳铁西装备再制造有限公司"),
    ("tsi.pvg", DEMO_PASSWORD, "p20 port customs officer (Pudong airport, external check)"),
    ("tsi.sip", DEMO_PASSWORD, "p20 destination customs officer (Suzhou Industrial Park)"),
    ("tsi.nj", DEMO_PASSWORD, "p20 destination customs officer (Jinling)"),
    ("tsi.ent", DEMO_PASSWORD, "p20 enterprise (admitted pilot, photoresists)"),
    ("tsi.ent6", DEMO_PASSWORD, "p20 enterprise (refused applicant)"),
    ("tsi.ent7", DEMO_PASSWORD, "p20 enterprise (pilot revoked, blocked one year)"),
    ("cbk.customs", DEMO_PASSWORD, "p22 customs officer (Nanning Post Office Customs)"),
    ("cbk.railway", DEMO_PASSWORD, "p22 railway security officer (China Railway Nanning Group)"),
    ("cbk.forwarder", DEMO_PASSWORD, "p22 forwarder (CBEC export declarations; one warning)"),
    ("cbk.forwarder2", DEMO_PASSWORD, "p22 second forwarder (CBEC export declarations)"),
    ("nev.cq", DEMO_PASSWORD, "p13 Chongqing MSA officer (packing-site inspection, certificates)"),
    ("nev.qz", DEMO_PASSWORD, "p13 Qinzhou MSA officer (arrival check, reopening by rule)"),
    ("nev.shipper", DEMO_PASSWORD, "p13 shipper, Chongqing NEV exporter (declares containers)"),
    ("nev.shipper2", DEMO_PASSWORD, "p13 shipper, Guoyuan port logistics"),
    ("aet.operator", DEMO_PASSWORD, "p14 land-port operator (issues bills, tracking)"),
    ("aet.bank", DEMO_PASSWORD, "p14 bank (pledges)"),
    ("aet.shipper", DEMO_PASSWORD, "p14 Lao shipper"),
    ("aet.forwarder", DEMO_PASSWORD, "p14 Chengdu forwarder (air–rail)"),
    ("cvt.carrier", DEMO_PASSWORD, "p24 carrier (trucks, loads, trips, matching)"),
    ("cvt.rail", DEMO_PASSWORD, "p24 railway, multimodal operator"),
    ("cvt.customs", DEMO_PASSWORD, "p24 Hekou customs (seals, multimodal release)"),
    ("cvt.transport", DEMO_PASSWORD, "p24 transport bureau (route permits)"),
    ("dg.transport", DEMO_PASSWORD, "p25 transport bureau (issues permits)"),
    ("dg.police", DEMO_PASSWORD, "p25 traffic police (escort)"),
    ("dg.carrier", DEMO_PASSWORD, "p25 carrier"),
    ("dg.carrier2", DEMO_PASSWORD, "p25 second carrier"),
    ("yc.officer", DEMO_PASSWORD, "p29 channel administration (registry, all orders, statistics)"),
    ("yc.shipper.a", DEMO_PASSWORD, "p29 shipper, machinery exporter (orders, booking)"),
    ("yc.shipper.b", DEMO_PASSWORD, "p29 shipper, electronics exporter"),
    ("yc.op.guangtie", DEMO_PASSWORD, "p29 partner operator, rail (offers, tracking)"),
    ("yc.op.zhongbu", DEMO_PASSWORD, "p29 partner operator, corridor company (offers, tracking)"),
    ("yc.port.hunan", DEMO_PASSWORD, "p29 partner port, Chenglingji (tracking on its orders)"),
]

ENTERPRISES = [
    (
        "yc-build-a",
        "宜昌三峡建设工程有限公司",
        "Yichang Three Gorges Construction Co., Ltd.",
        "ent.a",
        "张建国",
    ),
    (
        "yc-build-b",
        "宜昌长江电气安装有限公司",
        "Yichang Changjiang Electrical Installation Co., Ltd.",
        "ent.b",
        "李明华",
    ),
]


def demo_uscc(seed: int) -> str:
    """A checksum-valid unified social credit code (GB 32100) for demo enterprises."""
    body = f"91420500MA4{seed:06d}"
    return body + uscc.calc_check_digit(body)


def load_core_demo(session: Session) -> None:
    accounts.ensure_org(
        session,
        code="ftz-platform",
        name_zh="自贸试验区平台运营中心",
        name_en="FTZ platform operations",
        kind=OrgKind.AGENCY,
        department="platform",
    )
    accounts.ensure_user(
        session,
        username="admin",
        display_name="平台管理员",
        org_code="ftz-platform",
        roles=[Role.ADMIN],
        password=DEMO_PASSWORD,
    )
    for index, (code, zh, en, username, person) in enumerate(ENTERPRISES, start=1):
        accounts.ensure_org(
            session,
            code=code,
            name_zh=zh,
            name_en=en,
            kind=OrgKind.ENTERPRISE,
            uscc=demo_uscc(index),
        )
        accounts.ensure_user(
            session,
            username=username,
            display_name=person,
            org_code=code,
            roles=[Role.ENTERPRISE],
            password=DEMO_PASSWORD,
        )


def load_demo(session: Session) -> dict[str, Any]:
    """Idempotent: running it twice leaves the same data."""
    load_core_demo(session)
    summary: dict[str, Any] = {}
    for spec in built_practices():
        if spec.demo is not None:
            summary[spec.id] = spec.demo(session)
    return summary
