"""The demo fleet: 120 vessels spread over the coastal cities and counties in the allocation's
proportions, each with an inspection, a licence, a safety officer and insurance (a few lapsing
on purpose, so the sailing flags and reminders show), and three catch reports each over the last
60 days, one in twelve over a limit and one in twenty undersized. Operators with a demo login
file their own reports; the fishery officer files for the others and reviews the older ones."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal, current_principal
from ftz.practices.leisure_fishery import catch, licences, service
from ftz.practices.leisure_fishery import reference as ref
from ftz.practices.leisure_fishery.demo_data import (
    HOME_PORTS,
    OPERATOR_A,
    OPERATOR_B,
    OPERATORS,
    VESSEL_SHARES,
    apportion,
)
from ftz.practices.leisure_fishery.models import Vessel
from ftz.practices.leisure_fishery.schemas import (
    CatchLineIn,
    CatchReportIn,
    FindingIn,
    InspectionIn,
    InsuranceIn,
    LicenceIn,
    ReviewIn,
    SafetyOfficerIn,
    VesselIn,
)

VESSELS, REPORTS_PER_VESSEL, DAYS = 120, 3, 60

NAME_WORDS = ("海钓", "蓝湾", "渔乐", "椰风", "碧海")
# Per-person counts of rules/catch_species.json the demo stays within (other fish: 6).
LIMIT = {
    "grouper": 5,
    "mahi_mahi": 5,
    "skipjack": 10,
    "spanish_mackerel": 5,
    "crimson_snapper": 8,
    "hairtail": 20,
    "squid": 30,
    "giant_trevally": 2,
    "other": 6,
}


CATCH = list(LIMIT)


def register_fleet(session: Session, officer: Principal, rng: random.Random) -> list[Vessel]:
    operator_of = {area: code for code, *_, areas in OPERATORS for area in areas}
    made: list[Vessel] = []
    for code, count in apportion(VESSELS, VESSEL_SHARES).items():
        for n in range(count):
            length = Decimal(rng.choice((8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 26)))
            number = len(made) + 1
            made.append(
                service.create_vessel(
                    session,
                    principal=officer,
                    data=VesselIn(
                        name=f"{ref.area_name(code)[:2]}{rng.choice(NAME_WORDS)}{n + 1}号",
                        registration_no=f"琼{ref.area_name(code)[:2]}休{number:05d}",
                        length_m=length,
                        power_kw=Decimal(rng.randint(40, 220) + rng.choice((0, 0.5))),
                        passenger_capacity=max(6, int(length) + rng.randint(-2, 8)),
                        home_port=HOME_PORTS[code],
                        area_code=code,
                        operator_code=operator_of[code],
                        status="laid_up" if number % 40 == 0 else "in_service",
                    ),
                )
            )
    return made


def issue_papers(
    session: Session,
    officer: Principal,
    vessel: Vessel,
    n: int,
    today: date,
    year: int,
    rng: random.Random,
) -> None:
    """Inspection, licence, safety officer and insurance; a few lapse on purpose (n % …)."""
    overdue, failing, minor = n % 37 == 7, n % 53 == 11, n % 13 == 5
    # A clean inspection lasts 12 months, one with minor findings 3 (rules/inspection_result.json);
    # all fall before the reports' 60 days, so trips are checked against them.
    days = (
        rng.randint(390, 450)
        if overdue
        else (rng.randint(62, 85) if minor else rng.randint(70, 300))
    )
    inspected = today - timedelta(days=days)
    findings = (
        [FindingIn(item="救生设备数量不足", severity="major")]
        if failing
        else ([FindingIn(item="消防器材过期", severity="minor")] if minor else [])
    )
    service.record_inspection(
        session,
        principal=officer,
        vessel_id=vessel.id,
        data=InspectionIn(
            kind="annual",
            inspected_on=inspected,
            inspector="海南省渔业船舶检验局（演示）",
            findings=findings,
        ),
    )
    if vessel.status == "in_service" and not (overdue or failing):
        start = max(date(year, 1, 1), today - timedelta(days=rng.randint(DAYS + 1, 300)))
        end = today + timedelta(days=rng.randint(5, 28)) if n % 17 == 3 else date(year + 2, 12, 31)
        licences.issue(
            session,
            principal=officer,
            data=LicenceIn(
                vessel_id=vessel.id,
                valid_from=start,
                valid_to=end,
                sea_areas=sorted({vessel.area_code, rng.choice(ref.coastal_codes())}),
                gear=["rod", rng.choice(["hand_line", "trolling", "squid_jigging"])],
                gear_units=min(12, vessel.passenger_capacity),
            ),
        )
    if n % 29 != 4:  # a few vessels have no safety officer
        ends = (
            today + timedelta(days=rng.randint(3, 25))
            if n % 11 == 2
            else today + timedelta(days=700)
        )
        service.add_safety_officer(
            session,
            principal=officer,
            vessel_id=vessel.id,
            data=SafetyOfficerIn(
                name=rng.choice("王李张刘陈杨黄吴符林")
                + rng.choice(("海", "明", "涛", "强", "军", "波")),
                certificate_no=f"HNAQ{year}{n:05d}",
                valid_from=today - timedelta(days=300),
                valid_to=ends,
            ),
        )
    if n % 31 != 9:  # a few sail uninsured
        expires = (
            today + timedelta(days=rng.randint(2, 28))
            if n % 14 == 6
            else today + timedelta(days=200)
        )
        service.add_insurance(
            session,
            principal=officer,
            vessel_id=vessel.id,
            data=InsuranceIn(
                policy_no=f"PICC-HN-{year}-{n:05d}",
                insurer="中国人民财产保险海南省分公司（演示）",
                cover="passenger_accident",
                sum_insured_yuan=500_000 * vessel.passenger_capacity,
                seats=vessel.passenger_capacity - (2 if n % 41 == 1 else 0),
                starts_on=expires - timedelta(days=365),
                expires_on=expires,
            ),
        )


def file_reports(
    session: Session,
    people: dict[str, Principal],
    vessels: list[Vessel],
    today: date,
    rng: random.Random,
) -> tuple[int, int]:
    filed = flagged = 0
    filer = {people[name].org_id: people[name] for name in (OPERATOR_A, OPERATOR_B)}
    for n, vessel in enumerate(v for v in vessels if v.status == "in_service"):
        for k in range(REPORTS_PER_VESSEL):
            anglers = rng.randint(2, max(2, vessel.passenger_capacity - 2))
            serial = n * REPORTS_PER_VESSEL + k
            over = serial % 12 == 4  # one report in twelve over a limit, one in twenty undersized
            short = serial % 20 == 9
            lines = []
            for code in rng.sample(CATCH, rng.randint(1, 3)):
                # within the limits a trip keeps up to a third of the per-person allowance
                count = (
                    LIMIT[code] * anglers + rng.randint(1, 4)
                    if over
                    else rng.randint(1, max(1, LIMIT[code] * anglers // 3))
                )
                lines.append(
                    CatchLineIn(
                        species=code,
                        count=count,
                        weight_kg=Decimal(count) * Decimal(rng.choice(("0.4", "0.8", "1.2"))),
                        min_length_cm=Decimal(18 if short else rng.randint(41, 70)),
                    )
                )
                over = short = False  # one line over the limit is enough
            trip = today - timedelta(days=rng.randint(0, DAYS))
            who = filer.get(vessel.org_id, people["officer"])
            current_principal.set(who)
            report = catch.file_report(
                session,
                principal=who,
                data=CatchReportIn(
                    vessel_id=vessel.id,
                    trip_date=trip,
                    sea_area=vessel.area_code,
                    gear="rod",
                    anglers=anglers,
                    crew=1,
                    lines=lines,
                ),
            )
            filed += 1
            flagged += report.flagged
            if (today - trip).days > 7:  # older ones reviewed; the last week waits for officers
                note = "已核查，责令放流并警示（演示）" if report.flagged else ""
                current_principal.set(people["officer"])
                catch.review(
                    session,
                    principal=people["officer"],
                    report_id=report.id,
                    data=ReviewIn(note=note),
                )
    return filed, flagged
