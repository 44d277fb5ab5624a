"""`ftz dg-permit` (alias of `ftz dangerous-goods-permit`): the demo from the seed's figures,
the issue's `check-track --permit PERMIT TRACK.csv --json` shape, a trip's track submitted and
scored, the queue and the points board, and one-line errors with a non-zero exit. Commands run
in process; one runs as `python -m ftz.cli dg-permit …` to prove the alias is installed."""

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
from ftz.practices.dangerous_goods_permit.cli import app
from ftz.practices.dangerous_goods_permit.demo import load_demo
from ftz.practices.dangerous_goods_permit.simulate import Drive
from tests.conftest import _migrate_and_seed
from tests.practices.dangerous_goods_permit.conftest import at, track_csv

RUNNER = CliRunner()


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("FTZ_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FTZ_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def run(*args: str) -> Any:
    result = RUNNER.invoke(app, list(args))
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def test_demo_and_commands(tmp_path: Path, database: str) -> None:
    engine = _migrate_and_seed(database)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        loaded = load_demo(session)
    assert loaded == {
        "loaded": True,
        "permits": 7,
        "checked": 5,
        "violations": 4,
        "points": 21,
        "planned_today": 6,
    }
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session) == {"loaded": False}
    engine.dispose()

    board = json.loads(run("queue", "--as", "dg.transport", "--json").stdout)
    # Seed: 3-5 h of queueing saved, 200 -> 150 CNY/t (-25 %).
    assert board["saved"]["max_wait_h"] == 3.67 and board["saved"]["fee_pct"] == 25.0
    assert [s["vehicles"] for s in board["stations"]] == [3, 3]
    points = json.loads(run("points", "--as", "dg.police", "--json").stdout)
    assert [b["subject"] for b in points["blacklist"]] == ["driver"]
    assert points["blacklist"][0]["points"] == 12
    permits = json.loads(run("permits", "--as", "dg.carrier", "--json").stdout)["items"]
    assert len(permits) == 6
    number = permits[-1]["number"]

    track = tmp_path / "track.csv"
    track.write_text(track_csv("B", at(10), Drive(kmh=35, fast=(0.3, 0.5, 64))))
    checked = run("check-track", "--permit", number, str(track), "--as", "dg.police", "--json")
    assert checked.returncode == 0, checked.stderr
    verdict = json.loads(checked.stdout)
    assert set(verdict) >= {"compliant", "route", "violations", "points"}
    assert (verdict["compliant"], verdict["route"], verdict["points"]) == (False, "B", 12)
    [speeding] = verdict["violations"]
    assert set(speeding) >= {"type", "from", "to", "detail"} and speeding["type"] == "speeding"

    trips = json.loads(run("trips", "--as", "dg.carrier", "--json").stdout)["items"]
    planned = next(t for t in trips if t["status"] == "planned" and t["station"] == "A")
    clean = tmp_path / "clean.csv"
    clean.write_text(track_csv("A", at(9)))
    made = run("submit-track", planned["id"], str(clean), "--as", "dg.carrier", "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["compliant"] is True
    flagged = json.loads(run("trips", "--violations", "--as", "dg.police", "--json").stdout)
    assert len(flagged["items"]) == 3

    bad = run("queue", "--day", "24/11/2026")
    assert bad.returncode == 2 and bad.stderr.startswith("error:")
    missing = run("check-track", "--permit", number, str(tmp_path / "none.csv"))
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": database}
    alias = subprocess.run(
        [
            sys.executable,
            "-m",
            "ftz.cli",
            "dg-permit",
            "check-track",
            "--permit",
            "HLJ-NONE",
            str(track),
            "--as",
            "dg.carrier",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, **env},
        check=False,
    )
    assert alias.returncode == 1 and alias.stderr.strip().startswith("error:")
    assert "not found" in alias.stderr and len(alias.stderr.strip().splitlines()) == 1
