"""Pilot units and their offices. The provincial department admits a unit to the "three
reforms" pilot (its kind, number prefix and which reward rule applies); a unit's office (or an
administrator) names the users who work in the tech-transfer office."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal
from ftz.core.auth.service import get_org_by_code, get_user_by_username
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.practices.tech_transfer.common import require_province, settings, viewer_for
from ftz.practices.tech_transfer.models import OfficeMember, PilotUnit
from ftz.practices.tech_transfer.schemas_more import MemberIn, PilotUnitIn


def admit_unit(session: Session, *, principal: Principal, data: PilotUnitIn) -> PilotUnit:
    require_province(viewer_for(session, principal))
    org = get_org_by_code(session, data.org_code)
    if org is None or org.kind != OrgKind.ENTERPRISE:
        raise validation_error("org_code", "no unit (non-agency organization) with that code")
    if data.reward_policy not in settings()["reward_policies"]:
        policies = ", ".join(settings()["reward_policies"])
        raise validation_error("reward_policy", f"one of {policies}")
    if session.scalar(select(PilotUnit.id).where(PilotUnit.org_id == org.id)):
        raise conflict(f"{org.name_zh} is already a pilot unit")
    if session.scalar(select(PilotUnit.id).where(PilotUnit.prefix == data.prefix)):
        raise conflict(f"prefix {data.prefix} is taken by another unit")
    unit = PilotUnit(org_id=org.id, **data.model_dump(exclude={"org_code"}))
    session.add(unit)
    session.flush()
    return unit


def add_member(session: Session, *, principal: Principal, data: MemberIn) -> OfficeMember:
    viewer = viewer_for(session, principal)
    user = get_user_by_username(session, data.username)
    if user is None:
        raise validation_error("username", "no such user")
    if not (principal.is_admin or (viewer.office and viewer.org_id == user.org_id)):
        raise forbidden("the unit's office (or an administrator) names its members")
    if session.scalar(select(OfficeMember.id).where(OfficeMember.user_id == user.id)):
        raise conflict(f"{data.username} is already in the office")
    member = OfficeMember(org_id=user.org_id, user_id=user.id, position=data.position)
    session.add(member)
    session.flush()
    return member
