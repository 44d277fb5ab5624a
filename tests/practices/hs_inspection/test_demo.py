"""The p06 demo: the seed's figures (2,718 risk records over the four sources, 4,555 inspected
batches, 142 nonconforming), today's batches, typical cases; idempotent and quick."""

from __future__ import annotations

import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.practices.hs_inspection import repository
from ftz.practices.hs_inspection.demo import load_demo
from ftz.practices.hs_inspection.models import HsBatch, HsRiskRecord


def test_demo_has_the_seed_figures_and_is_idempotent(session: Session) -> None:
    current_principal.set(SYSTEM)
    started = time.perf_counter()
    loaded = load_demo(session)
    assert time.perf_counter() - started < 30  # ~1.5 s SQLite, ~3 s PostgreSQL, alone
    assert loaded == {"loaded": True, "batches": 4567, "nonconforming": 142, "records": 2718,
                      "cases": 6}  # fmt: skip
    assert load_demo(session) == {"loaded": False}
    assert repository.record_totals(session) == {
        "nonconformity": 1236, "overseas_notification": 892, "export_return": 347,
        "used_machinery": 243,
    }  # fmt: skip
    counts = repository.batch_counts(session, SYSTEM)
    assert (counts["inspected"], counts["nonconforming"], counts["pending"]) == (4555, 142, 12)
    linked = (
        select(func.count())
        .select_from(HsRiskRecord)
        .where(
            HsRiskRecord.ref.in_(select(HsBatch.number).where(HsBatch.result == "nonconforming"))
        )
    )
    assert session.scalar(linked) == 142  # each nonconforming batch is a nonconformity record
