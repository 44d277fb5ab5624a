"""kill -9 in the middle of approvals, on both databases: every approval the process acknowledged
is there in full, and every other return is untouched — quantities, reservations, tax, quota and
the evidence entry move together or not at all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import Engine, select, text

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.cbec_returns import accounts as books
from ftz.practices.cbec_returns import service
from ftz.practices.cbec_returns.demo import ensure_staff
from ftz.practices.cbec_returns.models import ListLine, ReturnDeclaration
from ftz.practices.cbec_returns.schemas import ListIn, ReturnIn
from tests.practices.cbec_returns.conftest import list_body, return_body

RETURNS = 60

# The child approves the returns one by one and says ACK only after each commit returned.
CHILD = """
import sys
from ftz.core.auth import service as accounts
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.cbec_returns import service
from ftz.practices.cbec_returns.schemas import DecisionIn

factory = make_sessionmaker(make_engine(sys.argv[1]))
for return_id in sys.argv[2].split(","):
    with unit_of_work(factory) as session:
        officer = accounts.acting_as(session, "cr.officer")
        service.approve(session, principal=officer, return_id=return_id, data=DecisionIn())
    print("ACK", return_id, flush=True)
"""


def _returns(engine: Engine) -> list[str]:
    """Lists with two lines each and one pending return per list (some lists share a buyer)."""
    ids = []
    with unit_of_work(make_sessionmaker(engine)) as session:
        ensure_staff(session)
        platform = accounts.acting_as(session, "cr.platform")
        for n in range(RETURNS):
            number = f"L-KILL-{n:03d}"
            buyer = f"33010619900101{n % 7:04d}"
            service.declare_list(
                session, principal=platform, data=ListIn.model_validate(list_body(number, 3, buyer))
            )
            made = service.declare_return(
                session,
                principal=platform,
                data=ReturnIn.model_validate(return_body(number, [(1, 1 + n % 3), (2, 2)])),
            )
            ids.append(made.id)
    current_principal.set(SYSTEM)
    return ids


def test_kill_9_mid_approval_leaves_all_or_nothing(fresh_engine: Engine, tmp_path: Path) -> None:
    ids = _returns(fresh_engine)
    url = fresh_engine.url.render_as_string(hide_password=False)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url, ",".join(ids)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "FTZ_DATA_DIR": str(tmp_path)},
    )
    assert child.stdout is not None
    acked: list[str] = []
    deadline = time.monotonic() + 90
    while len(acked) < RETURNS // 3 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if line.startswith("ACK"):
            acked.append(line.split()[1])
    time.sleep(0.004)  # land inside the next approval's transaction
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert len(acked) >= RETURNS // 3, child.stderr.read() if child.stderr else ""

    with unit_of_work(make_sessionmaker(fresh_engine)) as session:
        returns = {r.id: r for r in session.scalars(select(ReturnDeclaration))}
        approved = {i for i, r in returns.items() if r.status == "approved"}
        assert set(acked) <= approved  # nothing acknowledged is lost
        assert {r.status for r in returns.values()} <= {"approved", "requested"}
        returned: dict[tuple[str, int], int] = defaultdict(int)
        reserved: dict[tuple[str, int], int] = defaultdict(int)
        for ret in returns.values():
            target = returned if ret.status == "approved" else reserved
            for wanted in ret.lines:
                target[(ret.list_id, wanted["line_no"])] += wanted["quantity"]
        for line in session.scalars(select(ListLine)):
            key = (line.list_id, line.line_no)
            assert line.returned_qty == returned[key], key
            assert line.reserved_qty == reserved[key], key
        assert books.reconcile(session)["ok"]
        anchored = (
            session.execute(
                text("SELECT count(*) FROM ledger_pending WHERE ref LIKE 'cbec_returns_return:%'")
            ).scalar_one()
            + session.execute(
                text("SELECT count(*) FROM ledger_leaf WHERE ref LIKE 'cbec_returns_return:%'")
            ).scalar_one()
        )
        assert anchored == len(approved)
