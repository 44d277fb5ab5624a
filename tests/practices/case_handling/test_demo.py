"""The demo in the seed's proportions: statistics computed from its records give case 26's
figures (28.72 days, 50.42 % faster, 79.9 % → 92.1 % satisfaction), and the whole demo loads
through the service once (idempotent)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.case_handling import statistics
from ftz.practices.case_handling.demo import SURVEYS, concluded, load_demo
from ftz.practices.case_handling.demo_staff import COURT_CODE, ensure_staff
from ftz.practices.case_handling.models import (
    CaseSubmission,
    CourtCase,
    CourtJudgment,
    SatisfactionSurvey,
)
from tests.conftest import _migrate_and_seed


def test_concluded_cases_give_the_seed_figures(session: Session) -> None:
    ensure_staff(session)
    court = accounts.get_org_by_code(session, COURT_CODE)
    assert court is not None
    assert concluded(session, court.id) == 77
    for year, respondents, satisfied in SURVEYS:
        session.add(
            SatisfactionSurvey(
                court_org_id=court.id,
                year=year,
                label="测评",
                respondents=respondents,
                satisfied=satisfied,
            )
        )
    session.flush()
    stats = statistics.compute(session, principal=SYSTEM)
    assert stats["ftz_average_days"] == 28.72
    assert stats["faster_pct"] == 50.42
    assert stats["ftz_concluded"] == 50 and stats["other_concluded"] == 27
    assert [(s["year"], s["rate_pct"]) for s in stats["satisfaction"]] == [
        (2022, 79.9),
        (2024, 92.1),
    ]
    assert session.scalar(select(func.count(CourtJudgment.id))) == 60


def test_the_whole_demo_loads_once(tmp_path: Path) -> None:
    engine = _migrate_and_seed(f"sqlite:///{tmp_path}/demo.db")
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        summary = load_demo(session)
        assert summary["loaded"] is True and summary["articles"] > 26000
        stats = statistics.compute(session, principal=SYSTEM)
        assert (stats["ftz_filed"], stats["ftz_concluded"]) == (51, 50)  # seed: 514 / 504
        states = dict(
            session.execute(select(CourtCase.status, func.count()).group_by(CourtCase.status)).all()
        )
        assert states == {"closed": 78, "open": 5, "report_final": 1}
        pending = session.scalar(select(func.count()).where(CaseSubmission.status == "pending"))
        assert pending == 1
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["loaded"] is False
    engine.dispose()
