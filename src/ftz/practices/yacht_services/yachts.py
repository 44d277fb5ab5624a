"""The yacht registry, kept by the maritime administration: registration of a yacht for its
owner (an organization on the platform: a club, a rental company or a private owner's account)
and the changes an officer may make outside a transfer. Ownership and name change only through a
transfer case."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.practices.yacht_services import repository
from ftz.practices.yacht_services.common import marina, require_department
from ftz.practices.yacht_services.models import Yacht
from ftz.practices.yacht_services.permissions import MARITIME
from ftz.practices.yacht_services.schemas import YachtIn, YachtUpdate


def register(session: Session, *, principal: Principal, data: YachtIn) -> Yacht:
    require_department(principal, MARITIME)
    owner = accounts.get_org_by_code(session, data.owner_org_code)
    if owner is None or owner.kind != OrgKind.ENTERPRISE:
        raise validation_error("owner_org_code", "no owner organization with this code")
    marina(data.home_port, "home_port")
    same = (Yacht.hull_id == data.hull_id) | (Yacht.registration_no == data.registration_no)
    taken = session.scalar(select(Yacht.id).where(same))
    if taken is not None:
        raise conflict("a yacht with this hull id or registration number is registered")
    if repository.name_taken(session, data.name_zh):
        raise validation_error("name_zh", "this name is already registered (name approval)")
    fields = data.model_dump(exclude={"owner_org_code"})
    yacht = Yacht(org_id=owner.id, **fields, status="registered")
    session.add(yacht)
    session.flush()
    return yacht


def update(session: Session, *, principal: Principal, yacht_id: str, data: YachtUpdate) -> Yacht:
    require_department(principal, MARITIME)
    yacht = repository.get(session, principal, Yacht, yacht_id)
    changes = data.model_dump(exclude_none=True)
    if not changes:
        raise validation_error("body", "nothing to change")
    if "home_port" in changes:
        marina(changes["home_port"], "home_port")
    for key, value in changes.items():
        setattr(yacht, key, value)
    session.flush()
    return yacht
