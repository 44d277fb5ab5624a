"""`ftz zone-port-gate` on a scratch SQLite database: declare, release, manifest, a gate verdict
with its mismatches, resolution, listing, CSV and statistics; bad input is one line, exit 2."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.zone_port_gate.demo import ensure_staff
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed

UNITS = [{"number": "PMC12345CV", "kind": "uld", "seals": ["ZZ1"]}]


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "zone-port-gate", *args)


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
    wrong = {**manifest, "number": "88000000202", "units": [
        {"number": "CSQU3054384", "seals": ["ZZ1"], "weight_kg": 4000}]}  # fmt: skip
    bad_digit = _run(env, "manifest", _file(tmp_path, "w.json", wrong), "--as", "zpg.gate")
    assert bad_digit.returncode == 2 and "ISO 6346" in bad_digit.stderr
    assert bad_digit.stderr.count("\n") == 1
    listed = _run(env, "manifests", "--q", number, "--as", "zpg.gate", "--json")
    assert [m["number"] for m in json.loads(listed.stdout)] == ["88000000201"]
    assert "88000000201" in _run(env, "manifests", "--csv", "--as", "zpg.gate").stdout
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
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    volume = _run(env, "volume", today, "--export-kg", "20000", "--import-kg", "100",
                  "--as", "zpg.gate")  # fmt: skip
    assert volume.returncode == 0, volume.stderr
    assert "share 23.00%" in _run(env, "stats", "--as", "zpg.gate").stdout  # 4.6 t of 20 t
    assert f"{today},20000,100," in _run(env, "volumes", "--csv", "--as", "zpg.gate").stdout
    refused = _run(env, "volume", today, "--export-kg", "1", "--import-kg", "1",
                   "--as", "zpg.customs")  # fmt: skip
    assert refused.returncode == 1 and refused.stderr.startswith("error: ")
    not_a_day = _run(env, "volume", "someday", "--export-kg", "1", "--import-kg", "1")
    assert not_a_day.returncode == 2 and "not a date" in not_a_day.stderr
    bad = _run(
        env, "gate", _file(tmp_path, "b.json", {**reading, "weight_kg": -5}), "--as", "zpg.gate"
    )
    assert bad.returncode == 2 and bad.stderr.startswith("error: ") and "weight_kg" in bad.stderr
    other = _run(env, "resolve", tx["id"], "--action", "clear", "--note", "x", "--as", "zpg.ent.b")
    assert other.returncode != 0 and other.stderr.count("\n") == 1
