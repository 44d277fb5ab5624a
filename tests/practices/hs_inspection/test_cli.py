"""`ftz hs-inspection`: the demo through the CLI (dashboard, lookup, batches), an import (and
again: nothing new), a declaration and its result, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.hs_inspection.demo import load_demo
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.hs_inspection.conftest import batch_body


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "hs-inspection", *args)


def test_the_flow_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["loaded"] is True
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    dash = json.loads(_run(env, "dashboard", "--as", "hs.officer", "--json").stdout)
    assert dash["batches"]["inspected"] == 4555 and dash["detection_rate_pct"] == 3.12
    assert dash["hours_saved"] == round(4555 * 1.27, 2)
    found = _run(env, "lookup", "8504401400", "--as", "hs.officer")
    assert found.stdout.startswith("850440 ") and "A-" in found.stdout, found.stderr
    mine = json.loads(_run(env, "batches", "--as", "hs.importer", "--status", "pending",
                           "--json").stdout)  # fmt: skip
    assert mine["total"] == 4

    rows = "return_no,hs_code,record_date,product,country,risk_type,defect\n"
    rows += "TH-CLI-1,8471300000,2025-03-01,便携式电脑,Japan,fire,电池鼓包\n"
    (tmp_path / "r.csv").write_text(rows, encoding="utf-8")
    first = _run(env, "import", "export_return", str(tmp_path / "r.csv"), "--as", "admin")
    assert first.stdout.startswith("export_return: 1 imported, 0 skipped"), first.stderr
    again = _run(env, "import", "export_return", str(tmp_path / "r.csv"), "--as", "admin")
    assert again.stdout.startswith("export_return: 0 imported, 1 skipped")

    (tmp_path / "b.json").write_text(json.dumps(batch_body()), encoding="utf-8")
    made = json.loads(_run(env, "declare", str(tmp_path / "b.json"), "--as", "hs.importer",
                           "--json").stdout)  # fmt: skip
    (tmp_path / "res.json").write_text(json.dumps({"result": "conforming",
                                                   "action_taken": "release"}))  # fmt: skip
    done = _run(env, "result", made["id"], str(tmp_path / "res.json"), "--as", "hs.officer")
    assert done.stdout.startswith(f"{made['number']} conforming (recommended"), done.stderr

    (tmp_path / "bad.csv").write_text(rows.replace("fire", "heat"), encoding="utf-8")
    for bad, code in (
        (("import", "export_return", str(tmp_path / "bad.csv"), "--as", "admin"), 2),
        (("import", "returns", str(tmp_path / "r.csv"), "--as", "admin"), 2),
        (("import", "export_return", str(tmp_path / "r.csv"), "--as", "hs.officer"), 1),
        (("lookup", "9999", "--as", "hs.officer"), 2),
        (("lookup", "8516", "--as", "hs.importer"), 1),
        (("result", made["id"], str(tmp_path / "res.json"), "--as", "hs.officer"), 2),
    ):
        failed = _run(env, *bad)
        assert failed.returncode == code, (bad, failed.stderr)
        assert failed.stderr.startswith("error:") and len(failed.stderr.strip().splitlines()) == 1
