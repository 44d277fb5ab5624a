"""From records to facts: whole months, the newest certificate of each kind, records after the
assessment date left out, revoked penalties ignored, the fleet's record for the company."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from ftz.domain.vessels import service
from ftz.domain.vessels.models import Ship
from ftz.domain.vessels.schemas import CertificateIn, PenaltyIn, WatchIn
from ftz.practices.ship_selection.dimensions import assess
from ftz.practices.ship_selection.facts import facts_for_ship, months_between


def test_months_between() -> None:
    assert months_between(date(2025, 1, 31), date(2025, 2, 28)) == 0
    assert months_between(date(2025, 1, 31), date(2025, 3, 1)) == 1
    assert months_between(date(2024, 5, 10), date(2025, 5, 10)) == 12
    assert months_between(date(2026, 1, 1), date(2025, 1, 1)) == 0


def test_facts_follow_the_records(session: Session, fleet: dict[str, Ship]) -> None:
    ship, today = fleet["clean"], date.today()
    base = facts_for_ship(session, ship, today)
    assert assess(base)["rating"] == "recommended"
    smc = next(c for c in base.certificates or [] if c.kind == "smc")
    # A renewed SMC replaces the old one; an expired older one does not count.
    service.save_certificate(
        session,
        ship,
        CertificateIn(
            kind="smc",
            number="OLD-SMC",
            issued_on=today - timedelta(days=3000),
            expires_on=today - timedelta(days=1000),
        ),
    )
    again = facts_for_ship(session, ship, today)
    assert next(c for c in again.certificates or [] if c.kind == "smc") == smc
    # A revoked penalty is ignored; a decided one counts.
    for case, status in (("辽海罚〔2026〕1号", "revoked"), ("辽海罚〔2026〕2号", "decided")):
        service.save_penalty(
            session,
            ship,
            PenaltyIn(
                case_number=case,
                decided_on=today - timedelta(days=30),
                authority="营口海事局",
                violation="未按规定报告",
                fine_cny=Decimal("120000"),
                status=status,
            ),
        )
    penalties = assess(facts_for_ship(session, ship, today))["dimensions"][7]
    assert penalties["key"] == "penalties" and penalties["fired"][0]["row_id"] == "PEN-HEAVY"
    # A watch opened tomorrow is not on record today.
    service.save_watch(
        session,
        ship,
        WatchIn(
            kind="assistance_investigation",
            reason="协查通报",
            requested_by="天津海事局",
            opened_on=today + timedelta(days=1),
        ),
    )
    assert facts_for_ship(session, ship, today).assistance_investigations == []
    later = facts_for_ship(session, ship, today + timedelta(days=2))
    assert assess(later)["rating"] == "not_recommended"


def test_company_facts_come_from_the_fleet(session: Session, fleet: dict[str, Ship]) -> None:
    ship = fleet["detained_recent"]
    company = facts_for_ship(session, ship, date.today()).company
    assert company is not None and company.known and company.doc_valid
    assert company.fleet_detentions_36m >= 1 and company.fleet_inspections_36m >= 3
