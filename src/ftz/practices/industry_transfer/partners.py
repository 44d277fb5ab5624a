"""The parks and what binds them: the park register (kept by admins), cooperation agreements
between a sponsor park and a receiving park (signed by the administrations or, as in the seed's
沪滇临港昆明科技城, by the development operators), and the enclave / reverse-enclave
arrangements made under an agreement with their sharing terms. Services flush, never commit."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.practices.industry_transfer import repository
from ftz.practices.industry_transfer.access import forget_scopes, require_party, scope_of
from ftz.practices.industry_transfer.models import (
    CooperationAgreement,
    EnclaveArrangement,
    StatsOffice,
    TransferPark,
)
from ftz.practices.industry_transfer.reference import today
from ftz.practices.industry_transfer.schemas import (
    AgreementIn,
    ArrangementIn,
    ParkIn,
    ParkUpdate,
    TerminateIn,
)


def _require_admin(principal: Principal) -> None:
    if not principal.is_admin:
        raise forbidden("only administrators keep the park register")


def create_park(session: Session, *, principal: Principal, data: ParkIn) -> TransferPark:
    _require_admin(principal)
    if repository.code_taken(session, TransferPark, TransferPark.code, data.code):
        raise conflict(f"a park with code {data.code} exists")
    org = accounts.get_org_by_code(session, data.admin_org_code)
    if org is None or org.kind != OrgKind.AGENCY:
        raise validation_error("admin_org_code", "no agency organization with this code")
    if session.scalar(select(TransferPark.id).where(TransferPark.admin_org_id == org.id)):
        raise validation_error("admin_org_code", "this administration already runs a park")
    values = data.model_dump(exclude={"admin_org_code"})
    park = TransferPark(**values, admin_org_id=org.id, active=True)
    session.add(park)
    session.flush()
    forget_scopes(session)
    return park


def update_park(
    session: Session, *, principal: Principal, park_id: str, data: ParkUpdate
) -> TransferPark:
    _require_admin(principal)
    park = repository.park_by_id(session, scope_of(session, principal), park_id)
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if not changes:
        raise validation_error("body", "nothing to change")
    for key, value in changes.items():
        setattr(park, key, value)
    session.flush()
    forget_scopes(session)
    return park


def register_office(
    session: Session, *, principal: Principal, org_code: str, province_code: str | None
) -> StatsOffice:
    """A statistics office: national without a province, provincial with one."""
    _require_admin(principal)
    org = accounts.get_org_by_code(session, org_code)
    if org is None or org.kind != OrgKind.AGENCY:
        raise validation_error("org_code", "no agency organization with this code")
    office = session.scalar(select(StatsOffice).where(StatsOffice.org_id == org.id))
    if office is None:
        office = StatsOffice(org_id=org.id)
        session.add(office)
    office.level = "national" if province_code is None else "provincial"
    office.province_code = province_code
    session.flush()
    forget_scopes(session)
    return office


def create_agreement(
    session: Session, *, principal: Principal, data: AgreementIn
) -> CooperationAgreement:
    scope = scope_of(session, principal)
    sponsor = repository.park_by_code(session, scope, data.sponsor_park, "sponsor_park")
    receiving = repository.park_by_code(session, scope, data.receiving_park, "receiving_park")
    require_party(principal, scope, sponsor.id, receiving.id, what="sign this agreement")
    if not (sponsor.active and receiving.active):
        raise validation_error("sponsor_park", "both parks must be active")
    if repository.code_taken(
        session, CooperationAgreement, CooperationAgreement.number, data.number
    ):
        raise conflict(f"an agreement numbered {data.number} exists")
    if data.signed_on > today():
        raise validation_error("signed_on", "cannot lie in the future")
    org_id = principal.org_id or sponsor.admin_org_id
    agreement = CooperationAgreement(
        number=data.number, title=data.title, sponsor_park_id=sponsor.id,
        receiving_park_id=receiving.id, signatories=data.signatories,
        sponsor_signatory=data.sponsor_signatory, receiving_signatory=data.receiving_signatory,
        signed_on=data.signed_on, valid_until=data.valid_until, status="in_force",
        note=data.note, created_by_org_id=org_id,
    )  # fmt: skip
    session.add(agreement)
    session.flush()
    forget_scopes(session)
    return agreement


def terminate_agreement(
    session: Session, *, principal: Principal, agreement_id: str, data: TerminateIn
) -> CooperationAgreement:
    scope = scope_of(session, principal)
    agreement = repository.agreement_by_id(session, scope, agreement_id)
    require_party(principal, scope, agreement.sponsor_park_id, agreement.receiving_park_id,
                  what="terminate this agreement")  # fmt: skip
    if agreement.status != "in_force":
        raise conflict("the agreement is already terminated")
    if data.on < agreement.signed_on or data.on > today():
        raise validation_error("on", "between the signing date and today")
    agreement.status = "terminated"
    agreement.terminated_on = data.on
    agreement.note = (agreement.note + "\n" if agreement.note else "") + data.note
    for arrangement in repository.arrangements(session, [agreement.id]):
        arrangement.active = False
    session.flush()
    forget_scopes(session)
    return agreement


def create_arrangement(
    session: Session, *, principal: Principal, data: ArrangementIn
) -> EnclaveArrangement:
    """The host is where the land is: the receiving park for an enclave (飞地, e.g. 沪滇临港昆明
    科技城 in Kunming), the sponsor park for a reverse enclave (反向飞地, e.g. the Kunming
    development zone's science enclave in Lingang, Shanghai)."""
    scope = scope_of(session, principal)
    agreement = repository.agreement_by_number(session, scope, data.agreement)
    require_party(principal, scope, agreement.sponsor_park_id, agreement.receiving_park_id,
                  what="make an arrangement under this agreement")  # fmt: skip
    if agreement.status != "in_force":
        raise conflict("the agreement is terminated")
    if data.starts_on < agreement.signed_on:
        raise validation_error("starts_on", "cannot start before the agreement was signed")
    if data.kind == "enclave":
        host, partner = agreement.receiving_park_id, agreement.sponsor_park_id
    else:
        host, partner = agreement.sponsor_park_id, agreement.receiving_park_id
    arrangement = EnclaveArrangement(
        kind=data.kind, name_zh=data.name_zh, name_en=data.name_en, agreement_id=agreement.id,
        host_park_id=host, partner_park_id=partner, host_share_pct=data.host_share_pct,
        term_years=data.term_years, starts_on=data.starts_on, terms=data.terms, active=True,
        created_by_org_id=principal.org_id or agreement.created_by_org_id,
    )  # fmt: skip
    session.add(arrangement)
    session.flush()
    forget_scopes(session)
    return arrangement
