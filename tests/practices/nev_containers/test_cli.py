"""`ftz nev-containers`: the demo through the CLI (dashboard with the seed's figures, the list),
classification, the ISO 6346 check, a declaration, its inspection and arrival, and one-line
errors."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.nev_containers.demo import load_demo
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.nev_containers.helpers import ALL_MET, body, sha


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "nev-containers", *args)


def test_the_flow_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session) == {"loaded": True, "boxes": 11, "vehicles": 25}
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    dash = json.loads(_run(env, "dashboard", "--as", "nev.qz", "--json").stdout)
    assert dash["seed"]["boxes"] == 479 and dash["recognized"] == 7
    assert dash["saved_cny"] == 7 * 3000
    listed = _run(env, "list", "--as", "nev.shipper2", "--json")
    assert {d["status"] for d in json.loads(listed.stdout)["items"]} == {"loaded"}
    na = _run(env, "classify", "--power-source", "bev_na_ion", "--sea-date", "2026-03-01")
    assert na.stdout.startswith("UN3558 VEHICLE, SODIUM ION BATTERY POWERED class 9 (IMDG 42-24)")
    old = _run(env, "classify", "--power-source", "bev_li_ion", "--sea-date", "2024-05-01")
    assert old.stdout.startswith("UN3171 BATTERY-POWERED VEHICLE")
    assert _run(env, "check-container", "CSQU3054383").stdout.strip() == "CSQU3054383 valid"

    (tmp_path / "d.json").write_text(json.dumps(body(77)), encoding="utf-8")
    made = _run(env, "declare", str(tmp_path / "d.json"), "--as", "nev.shipper", "--json")
    assert made.returncode == 0, made.stderr
    declaration = json.loads(made.stdout)
    checklist = {**ALL_MET, "seal_no": "CQ77", "photo_sha256": [sha("p")]}
    (tmp_path / "i.json").write_text(json.dumps(checklist), encoding="utf-8")
    done = _run(env, "inspect", declaration["id"], str(tmp_path / "i.json"), "--as", "nev.cq")
    assert done.stdout.strip() == "packing_site passed → certified", done.stderr
    arrived = _run(env, "arrival", declaration["id"], "--seal", "CQ99", "--as", "nev.qz")
    assert arrived.stdout.strip() == "arrival not passed → reopened TR-SEAL-MISMATCH"

    for bad, code in (
        (("check-container", "CSQU3054384"), 2),
        (("classify", "--power-source", "steam", "--sea-date", "2026-01-01"), 2),
        (("declare", str(tmp_path / "d.json"), "--as", "nev.shipper"), 2),  # VINs taken
        (("show", "nope", "--as", "nev.shipper"), 1),
        (("arrival", declaration["id"], "--seal", "bad seal!", "--as", "nev.qz"), 2),
    ):
        failed = _run(env, *bad)
        assert failed.returncode == code, (bad, failed.stderr)
        assert failed.stderr.startswith("error:") and len(failed.stderr.strip().splitlines()) == 1
