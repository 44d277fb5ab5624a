"""`ftz yacht-services`: the demo in the seed's proportions (1/100), dispatch, flagged reports,
offline checks of a route and a track against the night zone, the working-day limit, a transfer
moved on from the command line, and one-line errors with a non-zero exit. Commands run in
process (typer's runner, settings pointed at the test database); one runs as `python -m ftz.cli`
to prove the installed entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ftz.config import get_settings
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.yacht_services.cli import app
from ftz.practices.yacht_services.demo import load_demo
from tests.conftest import _migrate_and_seed
from tests.practices.yacht_services.conftest import OUTSIDE_ROUTE

RUNNER = CliRunner()


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("FTZ_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FTZ_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def _run(env: dict[str, str], *args: str) -> Any:
    """stdout, stderr and the exit code of one command, run in this process."""
    result = RUNNER.invoke(app, list(args))
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def test_demo_and_commands(tmp_path: Path, database: str) -> None:
    url = database
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        loaded = load_demo(session)
        assert loaded["loaded"] is True and loaded["flagged_tonight"] == 1
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session) == {"loaded": False}
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}

    stats = json.loads(_run(env, "statistics", "--as", "ys.maritime", "--json").stdout)
    assert stats["totals"]["sailings"] == 1279 and stats["totals"]["passengers"] == 9009
    assert stats["totals"]["night_passengers"] == 67 and stats["fleet"]["total"] == 14
    assert stats["transfers"]["completed"] == 5 and stats["transfers"]["within_limit"] == 5
    assert stats["transfers"]["mean_working_days"] == 5.0 and stats["transfers"]["open"] == 2

    board = json.loads(_run(env, "dispatch", "--as", "ys.transport", "--json").stdout)
    assert sorted(o["alert"] for o in board["out"]) == ["on_time", "overdue_return"]
    flagged = json.loads(_run(env, "sailings", "--flagged", "--as", "ys.maritime", "--json").stdout)
    assert [s["flags"] for s in flagged["items"]] == [["left_night_zone"]]
    assert (
        json.loads(_run(env, "yachts", "--as", "ys.owner", "--json").stdout)["items"][0]["status"]
        == "in_transfer"
    )

    route = tmp_path / "route.geojson"
    route.write_text(json.dumps({"type": "LineString", "coordinates": OUTSIDE_ROUTE}))
    checked = _run(
        env,
        "check-route",
        str(route),
        "--marina",
        "SY-VISUN",
        "--depart",
        "2024-07-01T19:00",
        "--return",
        "2024-07-01T21:00",
        "--json",
    )
    assert checked.returncode == 0, checked.stderr
    found = json.loads(checked.stdout)
    assert found["period"] == "night" and found["left_zone"] is True
    assert found["excursions"][0]["left_at_local"].startswith("2024-07-01 19:")
    track = tmp_path / "track.csv"
    track.write_text(
        "time,lon,lat\n"
        + "\n".join(
            f"2024-07-01T19:{10 * i:02d}:00,{lon},{lat}"
            for i, (lon, lat) in enumerate(OUTSIDE_ROUTE[:6])
        )
    )
    on_track = json.loads(_run(env, "check-track", str(track), "--json").stdout)
    assert on_track["summary"]["points"] == 6 and len(on_track["excursions"]) == 1
    assert on_track["excursions"][0]["returned_at"] is None  # the track ends outside

    sla = json.loads(
        _run(
            env, "transfer-sla", "--accepted", "2024-09-27", "--completed", "2024-10-12", "--json"
        ).stdout
    )
    assert (sla["sla"], sla["elapsed_working_days"], sla["due"]) == ("met", 7, "2024-10-12")

    bad = _run(env, "transfer-sla", "--accepted", "27/09/2024")
    assert bad.returncode == 2 and bad.stderr.startswith("error:")
    assert len(bad.stderr.strip().splitlines()) == 1
    missing = _run(
        env,
        "check-route",
        str(tmp_path / "none.json"),
        "--marina",
        "SY-VISUN",
        "--depart",
        "2024-07-01T19:00",
        "--return",
        "2024-07-01T21:00",
    )
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    wrong = subprocess.run(
        [
            sys.executable,
            "-m",
            "ftz.cli",
            "yacht-services",
            "transfer",
            "01HZZZZZZZZZZZZZZZZZZZZZZZ",
            "--event",
            "complete",
            "--as",
            "ys.maritime",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, **env},
        check=False,
    )
    assert wrong.returncode != 0 and wrong.stderr.strip().startswith("error:")
    assert "not found" in wrong.stderr and len(wrong.stderr.strip().splitlines()) == 1
