"""The demo reproduces the seed: 538 candidates, 48 with three certificates, 470 with two."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ftz.core.auth.principal import SYSTEM
from ftz.practices.exam_certificates import service
from ftz.practices.exam_certificates.demo import load_demo


def test_demo_statistics_match_the_seed(session: Session) -> None:
    summary = load_demo(session)
    assert summary["loaded"] is True
    stats = service.statistics(session, principal=SYSTEM)
    assert stats["candidates"] == 538
    assert stats["by_certificates_issued"]["3"] == 48
    assert stats["by_certificates_issued"]["2"] == 470
    assert sum(stats["pending_review_by_department"].values()) == 0
    assert load_demo(session)["loaded"] is False  # idempotent
