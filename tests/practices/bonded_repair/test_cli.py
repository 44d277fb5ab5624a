"""`ftz bonded-repair`: the demo's dashboard (seed 2024 waste: 209 t + 10 t), batches, a final
outcome, the rate check under both readings, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.bonded_repair.demo import load_demo
from tests.conftest import _migrate_and_seed


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ftz.cli", "bonded-repair", *args],
        capture_output=True, text=True, timeout=180, env={**os.environ, **env}, check=False,
    )  # fmt: skip


def test_demo_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["loaded"] is True
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    dash = _run(env, "dashboard", "--as", "br.ecology", "--json")
    assert dash.returncode == 0, dash.stderr
    waste = json.loads(dash.stdout)["waste"]["2024"]
    assert waste["general_total"].startswith("209") and waste["hazardous_total"].startswith("10")
    listed = json.loads(_run(env, "batches", "--as", "br.ent.a", "--json").stdout)["items"]
    assert {b["verdict"] for b in listed} == {"ok", "warning"}
    open_one = next(b for b in listed if b["status"] == "open")
    done = _run(env, "outcome", open_one["id"], "--repaired", "478", "--irreparable", "22",
                "--irreparable-value", "600000", "--final", "--as", "br.ent.a")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "closed warning (both)" in done.stdout
    both = _run(env, "check", "--quantity", "100", "--value", "1000", "--irreparable-qty", "6",
                "--irreparable-value", "10")  # fmt: skip
    assert both.stdout.startswith("exceeded (reading both")
    either = _run(env, "check", "--quantity", "100", "--value", "1000", "--irreparable-qty", "6",
                  "--irreparable-value", "10", "--reading", "either")  # fmt: skip
    assert either.stdout.startswith("ok (reading either")
    bad = _run(env, "check", "--quantity", "10", "--value", "x", "--irreparable-qty", "1",
               "--irreparable-value", "1")  # fmt: skip
    assert bad.returncode == 2 and bad.stderr.strip().startswith("error:")
    assert len(bad.stderr.strip().splitlines()) == 1
