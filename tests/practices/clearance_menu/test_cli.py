"""`ftz clearance-menu`: the recommend contract, one-line errors, and an enterprise's request
and choice recorded from the command line, read back by the customs officer."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.clearance_menu.demo import ensure_staff
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.clearance_menu.conftest import RAIL_IMPORT


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "clearance-menu", *args)


def test_recommend_contract(tmp_path: Path) -> None:
    request = tmp_path / "r.json"
    request.write_text(json.dumps(RAIL_IMPORT), encoding="utf-8")
    done = _run({"FTZ_DATA_DIR": str(tmp_path)}, "recommend", str(request), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["combination"]["code"] == "I02"
    assert set(result["declare"]) >= {"when", "where"} and result["inspect"]["where"]
    assert result["pickup"]["where"] and result["alternatives"] and result["excluded"]
    assert result["trace"][0]["citation"]
    request.write_text(json.dumps({**RAIL_IMPORT, "credit": "excellent"}), encoding="utf-8")
    bad = _run({"FTZ_DATA_DIR": str(tmp_path)}, "recommend", str(request), "--json")
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and "credit" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    request.write_text("{broken", encoding="utf-8")
    broken = _run({"FTZ_DATA_DIR": str(tmp_path)}, "recommend", str(request))
    assert broken.returncode == 2 and broken.stderr.startswith("error:")


def test_record_choose_and_count(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    request = tmp_path / "r.json"
    request.write_text(json.dumps(RAIL_IMPORT), encoding="utf-8")
    asked = _run(env, "recommend", str(request), "--as", "cm.rail", "--json")
    assert asked.returncode == 0, asked.stderr
    record_id = json.loads(asked.stdout)["request_id"]
    wrong = _run(env, "choose", record_id, "E01", "--as", "cm.rail")
    assert wrong.returncode == 2 and wrong.stderr.startswith("error:")
    chosen = _run(env, "choose", record_id, "I02", "--as", "cm.rail", "--json")
    assert chosen.returncode == 0, chosen.stderr
    assert json.loads(chosen.stdout)["ledger_index"] is not None
    stats = _run(env, "stats", "--as", "cm.officer", "--json")
    assert stats.returncode == 0 and json.loads(stats.stdout)["by_combination"] == {"I02": 1}
    denied = _run(env, "stats", "--as", "cm.rail")
    assert denied.returncode == 1 and denied.stderr.startswith("error:")
    listed = _run(env, "requests", "--csv", "--as", "cm.officer")
    assert listed.returncode == 0 and record_id in listed.stdout
