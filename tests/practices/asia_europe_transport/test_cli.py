"""`ftz asia-europe-transport`: the demo (built through the services, loaded once), corridors
and a quote, bills as each party sees them, a bill moved on from the command line, the reefer
decision, and one-line errors with a non-zero exit. Commands run in process against a database
of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ftz.config import get_settings
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.cli_kit import problem_line
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.core.kit.errors import FtzError
from ftz.practices.asia_europe_transport.cli import app
from ftz.practices.asia_europe_transport.demo import load_demo
from tests.conftest import _migrate_and_seed
from tests.practices.asia_europe_transport.conftest import booking_body

RUNNER = CliRunner()


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("FTZ_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FTZ_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def _run(*args: str) -> tuple[int, str]:
    """Exit code and stderr of one command in process, errors turned into one line as the
    `ftz` entry point does (ftz.cli.main)."""
    result = RUNNER.invoke(app, list(args))
    if isinstance(result.exception, FtzError):
        line, code = problem_line(result.exception)
        return code, f"error: {line}"
    return result.exit_code, result.stderr


def _json(*args: str) -> dict[str, object]:
    result = RUNNER.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_demo_and_commands(tmp_path: Path, database: str) -> None:
    engine = _migrate_and_seed(database)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        loaded = load_demo(session)
        assert loaded == {"loaded": True, "bills": 4, "reefer_saving_cny": 648_170}
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session) == {"loaded": False}
    engine.dispose()

    timetables = _json("corridors")["timetables"]
    assert any(t["id"] == "lmrq_express_north" for t in timetables)  # type: ignore[union-attr,index]
    quote = _json("quote", "LMRO", "--depart", "2026-12-07T01:00", "--cargo", "reefer")
    assert quote["priority"] == "priority"
    seen = _json("bills", "--as", "aet.operator")["items"]
    assert len(seen) == 4  # type: ignore[arg-type]
    by_status = {b["status"]: b for b in seen}  # type: ignore[union-attr,index]
    assert set(by_status) == {"in_transit", "surrendered", "paid", "booked"}
    pledged = by_status["in_transit"]
    assert pledged["pledge"] == "pledged"
    assert len(_json("bills", "--as", "aet.bank")["items"]) == 1  # type: ignore[arg-type]
    assert len(_json("bills", "--as", "aet.shipper")["items"]) == 1  # type: ignore[arg-type]

    # The pledged coffee bill arrives; the shipper cannot surrender it, the bank releases it.
    number = str(pledged["number"])
    moved = _json("track", number, "--kind", "arrived", "--node", "lodz_olechow",
                  "--as", "aet.operator")  # fmt: skip
    assert moved["status"] == "arrived"
    code, error = _run("surrender", number, "--as", "aet.shipper")
    assert code == 2 and "pledged" in error
    assert (
        _json("finance", number, "--action", "release_pledge", "--as", "aet.bank")["pledge"]
        == "released"
    )
    assert _json("surrender", number, "--as", "aet.shipper")["status"] == "surrendered"

    body = tmp_path / "booking.json"
    body.write_text(json.dumps(booking_body(corridor="DACLOD", cargo="general",
                                            containers=[{"number": "TGHU8867016"}])))  # fmt: skip
    made = _json("book", str(body), "--as", "aet.forwarder")
    assert made["variant"] == "air_rail" and made["status"] == "booked"
    assert (
        _json("pay", str(made["number"]), "--ref", "SCAL-2", "--as", "aet.forwarder")["status"]
        == "paid"
    )
    assert _json("issue", str(made["number"]), "--as", "aet.operator")["ledger_index"] is not None

    plan = _json("reefer", "--save", "--as", "aet.operator")
    assert plan["saving_cny"] == 648_170 and str(plan["number"]).startswith("RP")
    weeks = _json("reefer", "--periods", "--save", "--as", "aet.operator")
    assert (weeks["period_days"], len(weeks["periods"])) == (7, 3)  # type: ignore[arg-type]
    assert weeks["saving_cny"] == 1_621_330 - 499_280
    assert all("period" in m for m in weeks["optimal"]["moves"])  # type: ignore[index,union-attr]

    code, error = _run("issue", "NOPE", "--as", "aet.operator")
    assert code == 1 and error.startswith("error:") and "not found" in error
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(booking_body(hs_code="12")))
    code, error = _run("book", str(bad), "--as", "aet.forwarder")
    assert code == 2 and "hs_code" in error and len(error.strip().splitlines()) == 1
    code, error = _run("quote", "LMRO", "--depart", "tomorrow")
    assert code == 2 and "--depart" in error
    # The installed entry point: one line on stderr, non-zero exit, no traceback.
    entry = subprocess.run(
        [sys.executable, "-m", "ftz.cli", "asia-europe-transport", "pay", "NOPE", "--ref", "X-123"],
        capture_output=True, text=True, timeout=180, check=False,
        env={**os.environ, "FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": database},
    )  # fmt: skip
    assert entry.returncode == 1 and entry.stderr.strip().startswith("error:")
    assert len(entry.stderr.strip().splitlines()) == 1
