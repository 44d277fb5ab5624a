"""`ftz border-fast-lane`: the demo day's statistics, a device's post, the officer's resolution,
and one-line errors, on a scratch SQLite database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.border_fast_lane.demo import load_demo
from tests.conftest import _migrate_and_seed


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ftz.cli", "border-fast-lane", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, **env},
        check=False,
    )


def test_demo_day_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["crossings"] == 480
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    stats = _run(env, "stats", "--as", "bfl.officer", "--json")
    assert stats.returncode == 0, stats.stderr
    data = json.loads(stats.stdout)
    assert data["day"] == "2024-04-26" and data["vehicles"] == 480
    assert 13 <= data["seconds_per_vehicle"] <= 17 and 0.7 <= data["faster_by"] <= 0.8
    assert 0.03 <= data["exception_rate"] <= 0.15 and data["open"] > 0
    listed = _run(env, "transactions", "--status", "manual_check", "--as", "bfl.officer", "--json")
    first = json.loads(listed.stdout)["items"][0]
    done = _run(
        env,
        "resolve",
        first["id"],
        "--decision",
        "release",
        "--note",
        "核验一致",
        "--as",
        "bfl.officer",
    )
    assert done.returncode == 0 and "released" in done.stdout, done.stderr
    again = _run(env, "resolve", first["id"], "--decision", "maybe", "--note", "x")
    assert again.returncode == 2 and again.stderr.startswith("error:")
    assert len(again.stderr.strip().splitlines()) == 1
    read = tmp_path / "read.json"
    read.write_text(json.dumps({"lane": 1, "direction": "exit"}))
    bad = _run(env, "post", str(read), "--as", "bfl.lane1")
    assert bad.returncode == 2 and bad.stderr.startswith("error:")
    wrong_role = _run(
        env, "resolve", first["id"], "--decision", "refuse", "--note", "xx", "--as", "bfl.fwd1"
    )
    assert wrong_role.returncode != 0 and wrong_role.stderr.startswith("error:")
