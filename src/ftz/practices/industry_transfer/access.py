"""Who sees which p23 records. The core's org scoping (`ftz.core.auth.scoping`) confines an
enterprise to rows its organization owns; here the readers are agencies whose reach is a set of
parks, so the scope is worked out from the practice's own links:

- admins and national statistics offices: every project;
- a provincial statistics office: the projects with a park (either side) in its province;
- a park administration: its own park's projects and those of the parks it cooperates with
  (an agreement in force between the two);
- any other principal: nothing (like `core.auth.principal.visibility` answering "none").

A project outside the scope answers 404, exactly like a missing one (as `scoping.get_owned`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, false, or_, select, true
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal, visibility
from ftz.core.kit.errors import forbidden, not_found
from ftz.practices.industry_transfer.models import (
    CooperationAgreement,
    StatsOffice,
    TransferPark,
    TransferProject,
)


@dataclass(frozen=True)
class Scope:
    kind: str  # all / province / parks / none
    province: str | None = None
    own_parks: frozenset[str] = frozenset()  # the parks this principal administers
    parks: frozenset[str] = frozenset()  # own parks and their cooperating parks

    @property
    def label(self) -> str:
        return {
            "all": "all projects",
            "province": "projects with a park in the province",
            "parks": "own and cooperating parks' projects",
            "none": "none",
        }[self.kind]


SCOPES = "industry_transfer.scopes"


def forget_scopes(session: Session) -> None:
    """Called when parks or agreements change: the reach of every park may change with them."""
    session.info.pop(SCOPES, None)


def scope_of(session: Session, principal: Principal) -> Scope:
    """The principal's reach, worked out once per transaction (a request, a CLI command)."""
    cache: dict[str | None, Scope] = session.info.setdefault(SCOPES, {})
    if principal.user_id not in cache or principal.user_id is None:
        cache[principal.user_id] = _scope(session, principal)
    return cache[principal.user_id]


def _scope(session: Session, principal: Principal) -> Scope:
    if visibility(principal, ()) == "all":  # admins
        return Scope("all")
    if principal.org_id is None or principal.is_enterprise:
        return Scope("none")
    office = session.scalar(select(StatsOffice).where(StatsOffice.org_id == principal.org_id))
    if office is not None:
        if office.level == "national":
            return Scope("all")
        return Scope("province", province=office.province_code)
    own = frozenset(
        session.scalars(
            select(TransferPark.id).where(TransferPark.admin_org_id == principal.org_id)
        )
    )
    if not own:
        return Scope("none")
    partners = session.execute(
        select(CooperationAgreement.sponsor_park_id, CooperationAgreement.receiving_park_id).where(
            CooperationAgreement.status == "in_force",
            or_(
                CooperationAgreement.sponsor_park_id.in_(own),
                CooperationAgreement.receiving_park_id.in_(own),
            ),
        )
    )
    reach = set(own)
    for sponsor, receiving in partners:
        reach.update((sponsor, receiving))
    return Scope("parks", own_parks=own, parks=frozenset(reach))


def _parks_in(province: str | None) -> Select[Any]:
    return select(TransferPark.id).where(TransferPark.province_code == province)


def party_condition(
    scope: Scope, sponsor_column: Any, receiving_column: Any
) -> ColumnElement[bool]:
    """The SQL condition a row with these two park columns must meet to be in `scope`."""
    if scope.kind == "all":
        return true()
    if scope.kind == "province":
        parks = _parks_in(scope.province)
        return or_(sponsor_column.in_(parks), receiving_column.in_(parks))
    if scope.kind == "parks":
        return or_(sponsor_column.in_(scope.parks), receiving_column.in_(scope.parks))
    return false()


def projects_condition(scope: Scope) -> ColumnElement[bool]:
    return party_condition(
        scope, TransferProject.sponsor_park_id, TransferProject.receiving_park_id
    )


def agreements_condition(scope: Scope) -> ColumnElement[bool]:
    return party_condition(
        scope, CooperationAgreement.sponsor_park_id, CooperationAgreement.receiving_park_id
    )


def visible_project(
    session: Session, scope: Scope, project_id: str, *, lock: bool = False
) -> TransferProject:
    query = select(TransferProject).where(
        TransferProject.id == project_id, projects_condition(scope)
    )
    # Lock the project's row only: its eager-loaded parks are outer joins PostgreSQL cannot lock.
    found = session.scalar(query.with_for_update(of=TransferProject) if lock else query)
    if found is None:
        raise not_found("project")
    return found


def visible_agreement(session: Session, scope: Scope, agreement_id: str) -> CooperationAgreement:
    query = select(CooperationAgreement).where(
        CooperationAgreement.id == agreement_id, agreements_condition(scope)
    )
    found = session.scalar(query)
    if found is None:
        raise not_found("agreement")
    return found


def acts_for(principal: Principal, scope: Scope, *park_ids: str) -> bool:
    """Whether the principal may write for one of these parks (admins may for any)."""
    return principal.is_admin or bool(scope.own_parks & set(park_ids))


def require_party(principal: Principal, scope: Scope, *park_ids: str, what: str) -> None:
    """Only the administration of one of `park_ids` (or an admin) may do `what`; statistics
    offices read, they never write."""
    if not acts_for(principal, scope, *park_ids):
        raise forbidden(f"only the park administration concerned may {what}")
