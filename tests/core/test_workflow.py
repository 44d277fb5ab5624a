"""Role-guarded, persisted transitions and the mermaid diagram."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth.principal import ANONYMOUS, SYSTEM
from ftz.core.kit.errors import FtzError
from ftz.core.workflow import fire, mermaid
from ftz.practices.exam_certificates.workflow import ApplicationFlow, RequestFlow


class Record:
    """Any object with a state column will do; the machine reads and writes `status`."""

    __tablename__ = "record"

    def __init__(self, status: str) -> None:
        self.status = status


def test_mermaid_lists_every_transition() -> None:
    text = mermaid(RequestFlow)
    assert text.startswith("stateDiagram-v2")
    assert "requested --> eligible: accept" in text
    assert "eligible --> issued: issue (officer)" in text


def test_wrong_role_is_forbidden(session: Session) -> None:
    with pytest.raises(FtzError) as denied:
        fire(
            session,
            ApplicationFlow,
            Record("checked"),
            "record_scores",
            principal=ANONYMOUS,
            owner_org_id=None,
        )
    assert denied.value.status == 403


def test_event_not_allowed_in_state_is_a_conflict(session: Session) -> None:
    record = Record("decided")
    with pytest.raises(FtzError) as conflict:
        fire(session, ApplicationFlow, record, "withdraw", principal=SYSTEM, owner_org_id=None)
    assert conflict.value.status == 409
    assert record.status == "decided"
