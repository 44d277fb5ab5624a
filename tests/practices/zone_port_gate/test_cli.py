"""`ftz zone-port-gate` on a scratch SQLite database: declare, release, manifest, a gate verdict
with its mismatches, resolution, listing, CSV and statistics; bad input is one line, exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.zone_port_gate.demo import ensure_staff
from tests.conftest import _migrate_and_seed

UNITS = [{"number": "PMC12345CV", "kind": "uld", "seals": ["ZZ1"]}]


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ftz.cli", "zone-port-gate", *args],
        capture_output=True, text=True, timeout=180, env={**os.environ, **env}, check=False,
    )  # fmt: skip


def _file(tmp_path: Path, name: str, body: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_gate_flow_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    number = "461220261124000201"
    declaration = {"number": number, "direction": "export", "plate": "豫A12345",
                   "units": UNITS, "weight_kg": 4000, "screened": True}  # fmt: skip
    done = _run(env, "declare", _file(tmp_path, "d.json", declaration), "--as", "zpg.ent.a",
                "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    declaration_id = json.loads(done.stdout)["id"]
    again = _run(env, "declare", _file(tmp_path, "d.json", declaration), "--as", "zpg.ent.a")
    assert (
        again.returncode == 2 and again.stderr.startswith("error: ") and "already" in again.stderr
    )
    assert _run(env, "instruct", declaration_id, "--action", "release", "--as",
                "zpg.customs").returncode == 0  # fmt: skip
    manifest = {"number": "88000000201", "declaration_number": number, "units": ["PMC12345CV"],
                "weight_kg": 4000}  # fmt: skip
    assert _run(env, "manifest", _file(tmp_path, "m.json", manifest), "--as",
                "zpg.gate").returncode == 0  # fmt: skip
    reading = {"declaration_number": number, "plate": "豫A12345", "units": UNITS,
               "weight_kg": 4600}  # fmt: skip
    held = _run(env, "gate", _file(tmp_path, "g.json", reading), "--as", "zpg.gate", "--json")
    tx = json.loads(held.stdout)
    assert tx["verdict"] == "hold"
    assert {m["row_id"] for m in tx["mismatches"]} == {
        "GC-WEIGHT-DECLARATION",
        "GC-WEIGHT-MANIFEST",
    }
    resolved = _run(env, "resolve", tx["id"], "--action", "clear", "--note", "re-weighed",
                    "--as", "zpg.customs")  # fmt: skip
    assert resolved.returncode == 0 and "cleared → apron" in resolved.stdout
    listing = _run(env, "transactions", "--as", "zpg.gate")
    assert number in listing.stdout
    assert "ledger_sha256" in _run(env, "transactions", "--csv", "--as", "zpg.gate").stdout
    assert "vehicles 1" in _run(env, "stats", "--as", "zpg.gate").stdout
    bad = _run(
        env, "gate", _file(tmp_path, "b.json", {**reading, "weight_kg": -5}), "--as", "zpg.gate"
    )
    assert bad.returncode == 2 and bad.stderr.startswith("error: ") and "weight_kg" in bad.stderr
    other = _run(env, "resolve", tx["id"], "--action", "clear", "--note", "x", "--as", "zpg.ent.b")
    assert other.returncode != 0 and other.stderr.count("\n") == 1
