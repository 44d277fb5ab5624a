"""`ftz data-export`: the CLI contracts (assess, scan), and a flow filed from a scan, recorded
batch by batch with the data hashed locally, then audited."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.data_export.demo import ensure_staff
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed

SCENARIO = {
    "exporter": {"ciio": False, "ftz": None},
    "purpose": "other",
    "data": {
        "personal_info": True,
        "important_data": False,
        "collected_abroad": False,
        "trade_transport_academic_manufacturing": False,
        "on_negative_list": None,
    },
    "individuals_since_jan1": {"personal_info": 1_200_000, "sensitive_personal_info": 0},
}


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "data-export", *args)


def test_assess_contract(tmp_path: Path) -> None:
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps(SCENARIO))
    done = _run({"FTZ_DATA_DIR": str(tmp_path)}, "assess", str(scenario), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["mechanism"] == "security_assessment" and result["articles"] == ["art7"]
    assert result["trace"][0]["citation"]
    scenario.write_text(json.dumps({**SCENARIO, "purpose": "shopping"}))
    bad = _run({"FTZ_DATA_DIR": str(tmp_path)}, "assess", str(scenario), "--json")
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and "purpose" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def test_scan_contract(tmp_path: Path) -> None:
    table = tmp_path / "customers.csv"
    table.write_text(
        "姓名,手机,邮箱,金额\n张伟,13812345678,zw@example.com,12.5\n李娜,13987654321,ln@example.cn,8\n",
        encoding="utf-8",
    )
    done = _run({"FTZ_DATA_DIR": str(tmp_path)}, "scan", str(table), "--json")
    assert done.returncode == 0, done.stderr
    columns = {c["name"]: c for c in json.loads(done.stdout)["columns"]}
    assert columns["手机"]["entity"] == "CN_MOBILE" and columns["手机"]["share"] == 1.0
    assert columns["邮箱"]["entity"] == "EMAIL"
    assert columns["金额"]["entity"] is None
    assert columns["手机"]["category"] == "personal_information.contact"
    assert columns["手机"]["level"]
    missing = _run({"FTZ_DATA_DIR": str(tmp_path)}, "scan", str(tmp_path / "none.csv"))
    assert missing.returncode != 0 and missing.stderr.startswith("error:")
    zone = _run({"FTZ_DATA_DIR": str(tmp_path)}, "scan", str(table), "--ftz", "mars")
    assert zone.returncode == 2 and "--ftz" in zone.stderr


def test_file_from_a_scan_record_and_audit(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    table = tmp_path / "orders.csv"
    table.write_text("buyer_mobile,sku\n13812345678,A1\n13987654321,B2\n", encoding="utf-8")
    scan = tmp_path / "scan.json"
    scan.write_text(_run(env, "scan", str(table), "--json").stdout)
    filing = tmp_path / "filing.json"
    filing.write_text(
        json.dumps(
            {
                "recipient": "Overseas Fulfilment Pte Ltd",
                "country": "SG",
                "sector": "retail",
                "purpose": "contract_with_individual",
                "individuals": 2,
            }
        )
    )
    filed = _run(env, "file", str(filing), "--scan", str(scan), "--as", "dx.retail", "--json")
    assert filed.returncode == 0, filed.stderr
    draft = json.loads(filed.stdout)
    assert [f["name"] for f in draft["inventory"]] == ["buyer_mobile", "sku"]
    assert draft["inventory"][0]["entity"] == "CN_MOBILE" and draft["mechanism"] == "exempt"
    manifest = tmp_path / "manifest.json"
    manifest.write_text(
        json.dumps(
            {
                "filing_id": draft["id"],
                "exported_at": datetime.now(UTC).isoformat(),
                "columns": ["buyer_mobile", "sku"],
                "row_count": 2,
                "individuals": 2,
            }
        )
    )
    recorded = _run(
        env, "record-batch", str(manifest), "--data", str(table), "--as", "dx.retail", "--json"
    )
    assert recorded.returncode == 0, recorded.stderr
    assert json.loads(recorded.stdout)["sha256"] == hashlib.sha256(table.read_bytes()).hexdigest()
    year = str(datetime.now(UTC).year)
    audit = _run(env, "audit", "dx-tj-retail", "--year", year, "--as", "data.officer", "--json")
    assert audit.returncode == 0, audit.stderr
    kinds = [f["kind"] for f in json.loads(audit.stdout)["findings"]]
    assert kinds == ["filing_not_approved"]  # the draft was never submitted
    manifest.write_text("{not json")
    broken = _run(env, "record-batch", str(manifest), "--as", "dx.retail")
    assert broken.returncode == 2 and broken.stderr.startswith("error:")
