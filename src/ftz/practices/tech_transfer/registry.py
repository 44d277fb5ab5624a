"""The separate register of service inventions (职务科技成果单列管理): an inventor or the office
discloses an achievement with its inventors and shares; the office registers it (the separate-
listing rows of rules/separate_listing.json are recorded as its basis and the registration is
anchored), edits it, or withdraws it with a reason. Inventors and shares are frozen once a
transfer is decided, because rewards are split by them. Services flush, never commit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.workflow import fire
from ftz.practices.tech_transfer import patents, repository
from ftz.practices.tech_transfer.common import (
    Viewer,
    anchor,
    fired,
    office_org,
    rules,
    today,
    viewer_for,
)
from ftz.practices.tech_transfer.models import Achievement, Inventor, PilotUnit, Transfer
from ftz.practices.tech_transfer.schemas import (
    AchievementEventIn,
    AchievementIn,
    AchievementUpdate,
    InventorIn,
)
from ftz.practices.tech_transfer.workflow import AchievementFlow

FROZEN = ("decided", "contracted")  # transfer states after which shares may not change


def ip_number(kind: str, raw: str) -> tuple[str, str]:
    """The normalized IP number and patent type, checked where a rule exists (patents.py)."""
    if kind == "know_how":
        if raw.strip():
            raise validation_error(
                "ip_number", "know-how carries no public number / 技术秘密无编号"
            )
        return "", ""
    if kind == "software":
        if not raw.strip():
            return "", ""  # registration may still be pending
        try:
            return patents.check_software(raw), ""
        except ValueError as exc:
            raise validation_error("ip_number", str(exc)) from exc
    if not raw.strip():
        raise validation_error(
            "ip_number", "a patent needs its application number / 专利须填写申请号"
        )
    try:
        checked = patents.check_patent(raw)
    except ValueError as exc:
        raise validation_error("ip_number", str(exc)) from exc
    return checked.number, checked.patent_type


def pilot_unit(session: Session, org_id: str) -> PilotUnit:
    unit = repository.unit_of(session, org_id)
    if unit is None:
        raise conflict("the unit is not an admitted pilot unit of the three reforms")
    return unit


def _set_inventors(session: Session, achievement: Achievement, inventors: list[InventorIn]) -> None:
    wanted = {i.researcher_id for i in inventors}
    known = repository.researchers_by_id(session, achievement.org_id, wanted)
    unknown = sorted(wanted - set(known))
    if unknown:
        raise validation_error("inventors", f"no researcher {', '.join(unknown)} in this unit")
    session.execute(delete(Inventor).where(Inventor.achievement_id == achievement.id))
    for position, inventor in enumerate(inventors, 1):
        session.add(
            Inventor(
                org_id=achievement.org_id,
                achievement_id=achievement.id,
                researcher_id=inventor.researcher_id,
                share_pct=inventor.share_pct.quantize(Decimal("0.01")),
                position=position,
            )
        )


def _next_number(session: Session, unit: PilotUnit, year: int) -> str:
    prefix = f"{unit.prefix}{year}-"
    taken = session.scalar(select(func.count()).where(Achievement.number.like(prefix + "%")))
    return f"{prefix}{(taken or 0) + 1:05d}"


def disclose(
    session: Session, *, principal: Principal, data: AchievementIn, register: bool = False
) -> Achievement:
    """A new achievement, disclosed; the office may register it at once."""
    viewer = viewer_for(session, principal)
    if viewer.org_id is None or not (viewer.office or viewer.researcher_id):
        raise forbidden("only the unit's office or its researchers disclose achievements")
    if not viewer.office and viewer.researcher_id not in {i.researcher_id for i in data.inventors}:
        raise validation_error("inventors", "a researcher discloses only inventions they made")
    if register and not viewer.office:
        raise forbidden("only the tech-transfer office registers achievements")
    if data.completed_on > today():
        raise validation_error("completed_on", "the achievement cannot be completed in the future")
    unit = pilot_unit(session, viewer.org_id)
    number, patent_type = ip_number(data.kind, data.ip_number)
    achievement = Achievement(
        org_id=viewer.org_id,
        number=_next_number(session, unit, today().year),
        title=data.title,
        kind=data.kind,
        ip_number=number,
        patent_type=patent_type,
        college=data.college,
        field=data.field,
        completed_on=data.completed_on,
        description=data.description,
        status="disclosed",
        disclosed_by=principal.username,
        basis=[],
    )
    session.add(achievement)
    session.flush()
    _set_inventors(session, achievement, data.inventors)
    session.flush()
    if register:
        _register(session, viewer, achievement, "")
    return achievement


def _register(session: Session, viewer: Viewer, achievement: Achievement, note: str) -> None:
    decision = rules().evaluate("separate_listing.json", {"kind": achievement.kind})
    fire(
        session,
        AchievementFlow,
        achievement,
        "register",
        principal=viewer.principal,
        owner_org_id=achievement.org_id,
        note=note,
    )
    achievement.registered_on = today()
    achievement.basis = fired(decision)
    shares = [
        {"researcher_id": i.researcher_id, "share_pct": str(i.share_pct)}
        for i, _ in repository.inventors_of(session, [achievement.id]).get(achievement.id, [])
    ]
    anchor(
        session,
        {
            "type": "tech-transfer.registration",
            "achievement": achievement.id,
            "number": achievement.number,
            "kind": achievement.kind,
            "ip_number": achievement.ip_number,
            "inventors": shares,
            "register": decision.result["register"],
            "rows": [r["row_id"] for r in achievement.basis],
        },
        f"tech_transfer_achievement:{achievement.id}",
    )
    session.flush()


def act(
    session: Session, *, principal: Principal, achievement_id: str, data: AchievementEventIn
) -> Achievement:
    """Register (the office) or withdraw (the office, with a reason) an achievement."""
    viewer = viewer_for(session, principal)
    achievement = repository.get_for_office(
        session, viewer, Achievement, achievement_id, "achievement", lock=True
    )
    if data.event == "register":
        _register(session, viewer, achievement, data.note)
        return achievement
    if len(data.note.strip()) < 2:
        raise validation_error("note", "give the reason for the withdrawal")
    fire(
        session,
        AchievementFlow,
        achievement,
        "withdraw",
        principal=principal,
        owner_org_id=achievement.org_id,
        note=data.note,
    )
    session.flush()
    return achievement


def update(
    session: Session, *, principal: Principal, achievement_id: str, data: AchievementUpdate
) -> Achievement:
    viewer = viewer_for(session, principal)
    achievement = repository.get_for_office(
        session, viewer, Achievement, achievement_id, "achievement", lock=True
    )
    if achievement.status == "withdrawn":
        raise conflict("a withdrawn achievement is no longer edited")
    changes = data.model_dump(exclude_unset=True, exclude={"inventors"})
    if "ip_number" in changes:
        changes["ip_number"], achievement.patent_type = ip_number(
            achievement.kind, changes["ip_number"] or ""
        )
    for key, value in changes.items():
        if value is not None:
            setattr(achievement, key, value)
    if data.inventors is not None:
        decided = session.scalar(
            select(Transfer.id)
            .where(Transfer.achievement_id == achievement.id, Transfer.status.in_(FROZEN))
            .limit(1)
        )
        if decided is not None:
            raise conflict("inventors and shares are frozen once a transfer is decided")
        _set_inventors(session, achievement, data.inventors)
    session.flush()
    return achievement


def view(session: Session, achievement: Achievement) -> dict[str, Any]:
    """The achievement with its inventors (names, colleges, shares) for the API."""
    listed = repository.inventors_of(session, [achievement.id]).get(achievement.id, [])
    return views(session, [achievement], {achievement.id: listed})[0]


def views(
    session: Session, achievements: list[Achievement], known: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    grouped = known or repository.inventors_of(session, [a.id for a in achievements])
    out = []
    for a in achievements:
        row = {
            c: getattr(a, c)
            for c in (
                "id",
                "org_id",
                "number",
                "title",
                "kind",
                "ip_number",
                "patent_type",
                "college",
                "field",
                "completed_on",
                "description",
                "status",
                "disclosed_by",
                "registered_on",
                "basis",
                "created_at",
            )
        }
        row["inventors"] = [
            {
                "researcher_id": i.researcher_id,
                "name": r.name,
                "college": r.college,
                "share_pct": i.share_pct,
                "position": i.position,
            }
            for i, r in grouped.get(a.id, [])
        ]
        out.append(row)
    return out


def is_office(session: Session, principal: Principal) -> bool:
    return viewer_for(session, principal).office


def require_office(session: Session, principal: Principal) -> str:
    return office_org(viewer_for(session, principal))


def completed_years(start: date, on: date) -> int:
    """Whole years from `start` to `on` (the anniversary counts)."""
    return on.year - start.year - ((on.month, on.day) < (start.month, start.day))
