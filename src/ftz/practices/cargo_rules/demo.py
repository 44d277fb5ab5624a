"""p05 demo in the seed's proportions, all through the services: the listed IMSBC/IMDG cargoes
(data/cargoes.yaml); Liaoning MSA's 188 assessments of unlisted goods, each agreed by the
three administrations; Xiamen's barite powder, assessed, proposed and adopted as group A by
IMSBC 07-23; Dalian's 42 proposals of which 19 adopted (the hot pot moved from class 4.1 to
class 9, coarse iron powder to general cargo, ten goods added to the IMSBC Code), two drafts,
and a few assessments still open so the officer's queue shows work."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.cargo_rules import cargoes, proposals
from ftz.practices.cargo_rules.common import snapshot
from ftz.practices.cargo_rules.demo_assessments import load_assessments, load_open_cases
from ftz.practices.cargo_rules.demo_people import (
    AGENCIES,
    OFFICER,
    XIAMEN,
    act_as,
    demo_goods,
    ensure_staff,
)
from ftz.practices.cargo_rules.models import Assessment, Cargo
from ftz.practices.cargo_rules.reference import listed_cargoes
from ftz.practices.cargo_rules.schemas import CargoIn, DocumentIn, ProposalEventIn, ProposalIn


def load_listed(session: Session, officer: Principal) -> int:
    data = listed_cargoes()
    for row in data["cargoes"]:
        fields = {k: v for k, v in row.items() if k != "since"}
        label = row.get("since") or data["edition"][row["regime"]]
        cargoes.create(
            session,
            principal=officer,
            data=CargoIn(
                **fields, version_label=label, source=f"{label} (summary written for the demo)"
            ),
        )
    return len(data["cargoes"])


def _proposed(session: Session, cargo_code: str, key: str) -> dict[str, Any] | None:
    if not cargo_code:
        return None
    cargo = session.scalar(select(Cargo).where(Cargo.code == cargo_code))
    assert cargo is not None
    current = snapshot(cargo)
    return {**current, **demo_goods().get("reclassified", {}).get(key, {})}


def load_proposals(session: Session, keyed: dict[str, str]) -> int:
    for row in demo_goods()["proposals"]:
        number, proposer, instrument, change, body, meeting, target, outcome, key, zh, en, on = row
        who = act_as(session, XIAMEN if proposer == "xm" else OFFICER)
        code = keyed.get(key, key)
        data = ProposalIn(
            number=number,
            title_zh=zh,
            title_en=en,
            instrument=instrument,
            change=change,
            proposer=AGENCIES[1 if proposer == "xm" else 0][1],
            body=body,
            target_amendment=target,
            cargo=code,
            proposed=_proposed(session, code, key),
        )
        made = proposals.create(session, principal=who, data=data)
        if outcome == "draft":
            continue
        year = int(number.split("-")[2])
        submitted = date(year, 6, 15)
        proposals.add_document(
            session,
            principal=who,
            key=made.id,
            data=DocumentIn(
                symbol=f"{meeting}/INF.{int(number[-2:])}"
                if meeting.startswith("UN")
                else f"{meeting}/3/{int(number[-2:])}",
                title=en,
                kind="proposal",
                dated=submitted,
            ),
        )
        proposals.advance(
            session,
            principal=who,
            key=made.id,
            data=ProposalEventIn(event="submit", session=meeting, on=submitted),
        )
        if outcome in ("under_consideration", "adopted", "rejected"):
            proposals.advance(
                session,
                principal=who,
                key=made.id,
                data=ProposalEventIn(event="consider", on=submitted + timedelta(days=90)),
            )
        if outcome in ("adopted", "rejected"):
            decided = on if isinstance(on, date) else date.fromisoformat(str(on))
            proposals.add_document(
                session,
                principal=who,
                key=made.id,
                data=DocumentIn(
                    symbol=f"{meeting} report",
                    title=f"Report of {meeting}",
                    kind="report",
                    dated=decided,
                ),
            )
            note = (
                "会议通过，写入国际运输规则"
                if outcome == "adopted"
                else "会议未予通过，需补充试验数据"
            )
            proposals.advance(
                session,
                principal=who,
                key=made.id,
                data=ProposalEventIn(
                    event="adopt" if outcome == "adopted" else "reject", note=note, on=decided
                ),
            )
    return len(demo_goods()["proposals"])


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(func.count(Cargo.id))):
        return {"loaded": False}
    listed = load_listed(session, act_as(session, OFFICER))
    keyed = load_assessments(session)
    count = load_proposals(session, keyed)
    load_open_cases(session)
    agreed = session.scalar(select(func.count()).where(Assessment.status == "agreed"))
    return {"loaded": True, "listed": listed, "agreed": agreed, "proposals": count}
