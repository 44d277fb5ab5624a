"""`ftz china-vietnam-transport`: the demo from the seed's case, the routes, trips, figures and
matching from the command line, a trip refused with the permit row (one line, exit 2), a seal
check, and the command reachable through the root CLI."""

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
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.china_vietnam_transport.cli import app
from ftz.practices.china_vietnam_transport.demo import load_demo
from tests.conftest import _migrate_and_seed

RUNNER = CliRunner()


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("FTZ_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FTZ_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    result = RUNNER.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


def test_demo_and_commands(tmp_path: Path, database: str) -> None:
    engine = _migrate_and_seed(database)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        loaded = load_demo(session)
        assert loaded["trucks"] == 6 and loaded["trips"] > 30
    with unit_of_work(make_sessionmaker(engine)) as session:
        assert "skipped" in load_demo(session)
    engine.dispose()

    routes = _json("routes")["items"]
    assert len(routes) == 5 and routes[0]["code"] == "HK-KT"
    figures = _json("metrics", "--as", "cvt.customs")
    assert figures["clearance_minutes_avg"] <= figures["clearance_minutes_target"] + 1
    assert figures["clearance_minutes_before"] == 40 and figures["return_trips"] > 5
    assert figures["container_saving_cny"] == 4 * 926 and figures["held_for_seal"] == 1
    assert figures["truck_saving_cny"] == figures["trips"] * 3000
    held = _json("trips", "--status", "held", "--as", "cvt.customs")["items"]
    assert len(held) == 1 and held[0]["hold_reason"]
    match = _json("match", "--as", "cvt.carrier")
    assert [p["fired"][0]["row_id"] for p in match["pairs"]] == ["B-OK"]
    assert {u["cause"] for u in match["unmatched"]} == {"no_truck", "infeasible"}
    applied = _json("match", "--apply", "--as", "cvt.carrier")
    assert len(applied["planned"]) == 1

    under_way = _json("trips", "--status", "under_way", "--as", "cvt.customs")["items"]
    checked = _json(
        "seal", under_way[0]["id"], "--seal", under_way[0]["seal_origin"], "--as", "cvt.customs"
    )
    assert checked["status"] == "cleared"

    box = next(
        t for t in _json("trips", "--as", "cvt.carrier")["items"] if t["route_code"] == "HK-KT"
    )
    body = tmp_path / "trip.json"
    body.write_text(
        json.dumps(
            {
                "truck_id": box["truck_id"],
                "route_code": "HK-XX",
                "direction": "south",
                "depart_at": "2026-12-01T08:00:00+08:00",
            }
        )
    )
    env = {**os.environ, "FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": database}
    refused = subprocess.run(
        [
            sys.executable,
            "-m",
            "ftz.cli",
            "china-vietnam-transport",
            "plan",
            str(body),
            "--as",
            "cvt.carrier",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )
    assert refused.returncode == 2 and refused.stderr.startswith("error: truck_id: P-ROUTE")
    assert len(refused.stderr.strip().splitlines()) == 1
    # Refused attempts are recorded (the demo's two and this one), each carrier sees its own.
    mine = _json("refusals", "--as", "cvt.carrier")["items"]
    assert [r["fired"][0]["row_id"] for r in mine] == ["P-ROUTE", "P-EXPIRED"]
    assert mine[0]["actor"] == "cvt.carrier" and mine[0]["reasons"][0]["field"] == "truck_id"
    vn = _json("refusals", "--as", "cvt.vncarrier")["items"]
    assert [(r["plate"], r["fired"][0]["row_id"]) for r in vn] == [("24C-10521", "P-SIDE-VN")]
    assert _json("refusals", "--as", "cvt.customs")["total"] == 3
    text = RUNNER.invoke(app, ["refusals", "--route", "HK-HP", "--as", "cvt.transport"])
    assert text.exit_code == 0 and "24C-10521 HK-HP P-SIDE-VN" in text.stdout
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"truck_id": "x", "direction": "east"}))
    assert RUNNER.invoke(app, ["plan", str(bad), "--as", "cvt.carrier"]).exit_code == 2
