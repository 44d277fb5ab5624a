"""`ftz bonded-repair`: the demo's dashboard (seed 2024 waste: 209 t + 10 t), batches, a final
outcome, the rate check under both readings, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.bonded_repair.demo import load_demo
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "bonded-repair", *args)


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


def test_records_through_the_cli(tmp_path: Path) -> None:
    """The waiting demo applicant (br.ent.c) is refused admission while AD-RISK fails, reapplies,
    is admitted, opens a batch whose final outcome flags it, the officer orders a correction,
    and the waste ledger takes a record; bad input is one line with exit 2."""
    url = f"sqlite:///{tmp_path}/records.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        load_demo(session)
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    mine = json.loads(_run(env, "admissions", "--as", "br.ent.c", "--json").stdout)["items"]
    assert [a["status"] for a in mine] == ["submitted"]
    assert mine[0]["failures"] == ["risk_above_general"]  # row AD-RISK
    refused = _run(env, "decide", mine[0]["id"], "admit", "--as", "br.customs")
    assert refused.returncode == 2 and "fails the admission criteria" in refused.stderr
    no_reason = _run(env, "decide", mine[0]["id"], "reject", "--as", "br.customs")
    assert no_reason.returncode == 2 and no_reason.stderr.startswith("error: note:")
    rejected = _run(env, "decide", mine[0]["id"], "reject", "--note", "风险等级较大",
                    "--as", "br.customs")  # fmt: skip
    assert rejected.returncode == 0 and " rejected " in rejected.stdout
    body = tmp_path / "admission.json"
    body.write_text(json.dumps({
        "business": "航空部件表面处理再制造", "high_tech": True, "value_added_pct": 150,
        "toxic_air": False, "toxic_water": False, "risk_level": "general",
        "documents_complete": True, "permits_complete": True,
    }), encoding="utf-8")  # fmt: skip
    applied = json.loads(_run(env, "apply", str(body), "--as", "br.ent.c", "--json").stdout)
    assert applied["status"] == "submitted" and applied["failures"] == []
    admitted = _run(env, "decide", applied["id"], "admit", "--as", "br.customs")
    assert admitted.returncode == 0 and "admitted" in admitted.stdout
    batch_file = tmp_path / "batch.json"
    batch_file.write_text(json.dumps({
        "number": "TJBR-CLI-0001", "goods": "航空发动机叶片", "quantity": 100,
        "value_cny": "1000000.00", "preinspection_sha256": "ab" * 32,
    }), encoding="utf-8")  # fmt: skip
    batch = json.loads(
        _run(env, "open-batch", str(batch_file), "--as", "br.ent.c", "--json").stdout
    )
    flagged = _run(env, "outcome", batch["id"], "--repaired", "90", "--irreparable", "10",
                   "--irreparable-value", "150000", "--final", "--as", "br.ent.c")  # fmt: skip
    assert flagged.returncode == 0 and "flagged" in flagged.stdout
    corrected = _run(env, "review", batch["id"], "--decision", "order_correction",
                     "--note", "复核不可修复件", "--as", "br.customs")  # fmt: skip
    assert corrected.returncode == 0 and "correcting" in corrected.stdout
    bad_decision = _run(env, "review", batch["id"], "--decision", "approve", "--note", "x y",
                        "--as", "br.customs")  # fmt: skip
    assert bad_decision.returncode == 2 and bad_decision.stderr.startswith("error: --decision")
    waste_file = tmp_path / "waste.json"
    waste_file.write_text(json.dumps({
        "year": 2024, "category": "hazardous", "description": "废切削液", "tonnes": "1.250",
        "method": "disposed", "receiver": "天津合佳威立雅环境服务有限公司",
        "certificate_sha256": "cd" * 32,
    }), encoding="utf-8")  # fmt: skip
    assert _run(env, "record-waste", str(waste_file), "--as", "br.ent.c").returncode == 0
    ledger = _run(env, "waste", "--as", "br.ent.c").stdout
    assert "hazardous" in ledger and "1.250 t" in ledger and "合佳" in ledger
    waste_file.write_text(json.dumps({"year": 2024}), encoding="utf-8")
    broken = _run(env, "record-waste", str(waste_file), "--as", "br.ent.c")
    assert broken.returncode == 2 and len(broken.stderr.strip().splitlines()) == 1
    assert "category" in broken.stderr
