"""The court's part before the settlement: register an enforcement case with its sealed
property, seals and parties (and correct it while unscreened), then screen it by the rules —
suitable cases go to a notary office, the others are found unsuitable (they stay with the
ordinary judicial auction)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from stdnum.cn import uscc
from stdnum.exceptions import ValidationError as NumberError

from ftz.config import get_settings
from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.domain.parties.identity import parse_resident_id
from ftz.practices.sealed_transfer import clock, repository, rules, steps
from ftz.practices.sealed_transfer.models import CaseParty, PropertySeal, TransferCase
from ftz.practices.sealed_transfer.schemas import CaseIn, NoteIn, PersonIn, ReasonIn, ScreenIn
from ftz.practices.sealed_transfer.steps import fen


def identity(person: PersonIn, field: str) -> tuple[str, str]:
    """(keyed fingerprint, what may be shown): a resident ID is masked, a USCC is public."""
    key = get_settings().resolved_secret_key()
    if not person.id_number:
        raise validation_error(field, "required: a resident ID number or a USCC")
    if person.kind == "person":
        resident = parse_resident_id(person.id_number, field)
        return resident.fingerprint(key), resident.masked
    try:
        code = uscc.validate(person.id_number)
    except NumberError as exc:
        raise validation_error(field, f"not a valid unified social credit code ({exc})") from exc
    return steps.digest({"uscc": code, "key": steps.digest(key)}), code


def account_org(session: Session, username: str | None, field: str) -> str | None:
    """The organization of a party's login, which must be an enterprise account."""
    if not username:
        return None
    user = accounts.get_user_by_username(session, username)
    if user is None or user.organization.kind != OrgKind.ENTERPRISE:
        raise validation_error(field, f"no enterprise account {username!r}")
    return user.org_id


def _court(principal: Principal) -> str:
    if not principal.has_role(Role.COURT) or principal.org_id is None:
        raise forbidden("only a court registers enforcement cases")
    return principal.org_id


def _fill(session: Session, case: TransferCase, data: CaseIn) -> None:
    prop = data.property
    case.number, case.registered_on, case.judgment_fen = (
        data.number,
        data.registered_on,
        fen(data.judgment),
    )
    case.property_kind, case.certificate_no, case.address = (
        prop.kind,
        prop.certificate_no,
        prop.address,
    )
    case.area_m2, case.appraised_fen, case.appraised_on = (
        prop.area_m2,
        fen(prop.appraised_value),
        prop.appraised_on,
    )
    session.flush()
    for old in repository.seals(session, case.id):
        session.delete(old)
    session.flush()
    for rank, seal in enumerate(data.seals, 1):
        session.add(PropertySeal(case_id=case.id, rank=rank, **seal.model_dump()))
    existing = {p.id: p for p in repository.parties(session, case.id)}
    kept: set[str] = set()
    for n, person in enumerate(data.parties):
        party = existing.get(person.party_id or "")
        if person.party_id and party is None:
            raise validation_error(f"parties.{n}.party_id", "not a party of this case")
        if party is None:
            party = CaseParty(case_id=case.id)
            session.add(party)
        # A correction may leave the identity number out: the stored fingerprint is kept.
        if person.id_number or not party.id_fingerprint:
            party.id_fingerprint, party.id_display = identity(person, f"parties.{n}.id_number")
        party.role, party.kind, party.name = person.role, person.kind, person.name
        party.org_id = account_org(session, person.account, f"parties.{n}.account")
        party.claim_fen, party.claim_basis = fen(person.claim), person.claim_basis or "none"
        party.secured_on = person.secured_on
        session.flush()
        kept.add(party.id)
    for gone in set(existing) - kept:
        session.delete(existing[gone])
    session.flush()


def create_case(session: Session, *, principal: Principal, data: CaseIn) -> TransferCase:
    court = _court(principal)
    if repository.number_taken(session, data.number):
        raise conflict(f"case {data.number} is registered already")
    case = TransferCase(
        court_org_id=court,
        status="on_file",
        number=data.number,
        registered_on=data.registered_on,
        judgment_fen=0,
        property_kind="",
        certificate_no="",
        address="",
        area_m2=0,
        appraised_fen=0,
        appraised_on=data.property.appraised_on,
    )
    session.add(case)
    session.flush()
    _fill(session, case, data)
    steps.record(session, case, principal, "register", source="on_file", details=_summary(data))
    return case


def update_case(
    session: Session, *, principal: Principal, case_id: str, data: CaseIn
) -> TransferCase:
    _court(principal)
    case = steps.load(session, principal, case_id)
    steps.check(session, case, "edit")
    if repository.number_taken(session, data.number, except_id=case.id):
        raise conflict(f"case {data.number} is registered already")
    _fill(session, case, data)
    steps.record(session, case, principal, "edit", source=case.status, details=_summary(data))
    return case


def _summary(data: CaseIn) -> dict[str, Any]:
    return {
        "certificate_no": data.property.certificate_no,
        "appraised_fen": fen(data.property.appraised_value),
        "seals": len(data.seals),
        "parties": len(data.parties),
    }


def screening_facts(session: Session, case: TransferCase, data: ScreenIn) -> dict[str, Any]:
    seals = [s for s in repository.seals(session, case.id) if s.lifted_at is None]
    first = min((s.expires_on for s in seals), default=clock.today())
    people = repository.parties(session, case.id)
    return {
        "property_kind": case.property_kind,
        "active_seals": len(seals),
        "days_to_expiry": (first - clock.today()).days,
        "title_clear": data.title_clear,
        "debtor_agrees": data.debtor_agrees,
        "creditors": sum(1 for p in people if p.role in steps.CREDITORS),
    }


def screen(session: Session, *, principal: Principal, case_id: str, data: ScreenIn) -> TransferCase:
    """Hand a suitable case to a notary office; an unsuitable one is refused with the rows."""
    case = steps.load(session, principal, case_id)
    steps.may(session, case, principal, "screen")
    facts = screening_facts(session, case, data)
    fired = rules.screening(facts)
    if fired:
        reasons = "; ".join(
            f"{r['outputs']['reason_zh']} / {r['outputs']['reason_en']} ({r['row_id']})"
            for r in fired
        )
        raise validation_error("screening", reasons)
    office = accounts.get_org_by_code(session, data.notary_code)
    if office is None or office.department != "notary":
        raise validation_error("notary_code", f"no notary office {data.notary_code!r}")
    steps.transition(
        session,
        case,
        principal,
        "screen",
        note=data.note,
        details={"notary": office.code, "facts": facts},
    )
    case.notary_org_id, case.screened_at = office.id, clock.now()
    case.screening = {"facts": facts, "why": fired}
    return case


def reject(session: Session, *, principal: Principal, case_id: str, data: ReasonIn) -> TransferCase:
    case = steps.load(session, principal, case_id)
    steps.transition(session, case, principal, "reject", note=data.note)
    return case


_ = NoteIn  # the body of the plain events, re-exported for the edges
