"""`ftz linked-unloading`: comparison, filing from JSON, events and CSV on a scratch database."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.linked_unloading.demo import ensure_staff
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.linked_unloading.conftest import SHIPMENT


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "linked-unloading", *args)


def test_compare_contract(tmp_path: Path) -> None:
    env = {"FTZ_DATA_DIR": str(tmp_path)}
    done = _run(env, "compare", "WUH", "--direction", "export", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["comparison"]["saved_cny_vs_transshipment"] == 400
    assert result["advice"]["fired"][0]["citation"]
    bad = _run(env, "compare", "XXX")
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and "port" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def test_file_event_export(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    body = tmp_path / "shipment.json"
    body.write_text(json.dumps(SHIPMENT), encoding="utf-8")
    filed = _run(env, "file", str(body), "--as", "lu.wuhu", "--json")
    assert filed.returncode == 0, filed.stderr
    box = json.loads(filed.stdout)["containers"][0]["id"]
    shipment = json.loads(filed.stdout)["id"]
    edited = _run(env, "edit", shipment, "--vessel", "XIN AN QING", "--port", "AQG",
                  "--container", "CSQU3054383:40", "--as", "lu.wuhu", "--json")  # fmt: skip
    assert edited.returncode == 0, edited.stderr
    out = json.loads(edited.stdout)
    assert (out["vessel"], out["port_code"], out["teu"]) == ("XIN AN QING", "AQG", 2)
    released = _run(env, "event", box, "release", "--as", "lu.customs")
    assert released.returncode == 0 and released.stdout.strip().endswith("released")
    refused = _run(env, "edit", shipment, "--consignee", "X", "--as", "lu.wuhu")
    assert refused.returncode == 2 and "EW-DECL-LATE" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    history = _run(env, "history", shipment, "--as", "lu.wuhu")
    assert history.returncode == 0 and "corrected" in history.stdout and "#" in history.stdout
    wrong = _run(env, "event", box, "release", "--as", "lu.barge")
    assert wrong.returncode == 1 and wrong.stderr.startswith("error:")
    body.write_text(json.dumps({**SHIPMENT, "containers": [{"number": "ABC"}]}), encoding="utf-8")
    bad = _run(env, "file", str(body), "--as", "lu.wuhu")
    assert bad.returncode == 2 and bad.stderr.startswith("error:")
    out = tmp_path / "boxes.csv"
    exported = _run(env, "export", str(out), "--as", "lu.customs")
    assert exported.returncode == 0 and len(out.read_text().splitlines()) == 3
    listed = _run(env, "list", "--status", "released", "--json")
    assert json.loads(listed.stdout)["total"] == 1
    sheet = tmp_path / "shipments.csv"
    shipments = _run(env, "shipments", "--port", "AQG", "--csv", str(sheet), "--as", "lu.wuhu")
    assert shipments.returncode == 0 and "XIN AN QING" in sheet.read_text(encoding="utf-8")
