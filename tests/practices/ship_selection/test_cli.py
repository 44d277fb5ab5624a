"""`ftz ship-selection`: the issue's SHIP.json and CONDITION.json (no database), a worked Grain
Code example checked by hand, one-line errors, and import, ships, rate and statistics on a
scratch database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ftz.config import get_settings
from ftz.domain.vessels.demo_fleet import demo_fleet
from ftz.practices.ship_selection.cli import app as cli_app
from ftz.practices.ship_selection.demo_data import CONDITION
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed

SHIP = {
    "ship_type": "bulk_carrier",
    "age_years": 14,
    "flag_list": "white",
    "flag_imo_audit": True,
    "ro_performance": "high",
    "ro_recognised": True,
    "company_performance": "medium",
    "inspections_36m": [
        {"deficiencies": 2, "detained": False},
        {"deficiencies": 7, "detained": True},
    ],
}


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "ship-selection", *args)


def test_risk_profile_and_grain_stability_of_files(tmp_path: Path) -> None:
    env = {"FTZ_DATA_DIR": str(tmp_path)}
    ship = tmp_path / "ship.json"
    ship.write_text(json.dumps(SHIP))
    found = _run(env, "risk-profile", str(ship), "--json")
    assert found.returncode == 0, found.stderr
    body = json.loads(found.stdout)
    assert set(body) == {"paris_mou", "tokyo_mou", "ten_dimensions"}
    for regime in ("paris_mou", "tokyo_mou"):
        assert {"points", "profile", "window_months", "trace"} <= set(body[regime])
    ten = body["ten_dimensions"]
    # Undated inspections count as recent: the detention is within 12 months.
    levels = {d["key"]: d["level"] for d in ten["dimensions"]}
    assert levels["detentions"] == "poor" and levels["certificates"] == "not_assessed"
    assert ten["rating"] == "not_recommended"
    text = _run(env, "risk-profile", str(ship))
    assert text.stdout.startswith("paris_mou: ") and "Certificates: not_assessed" in text.stdout
    # A full description: every dimension assessed.
    full = {
        **SHIP,
        "inspections_36m": [],
        "certificates": [],
        "manning": [],
        "key_tracking": [],
        "assistance_investigations": [],
        "inspections": [],
        "company": {"doc_valid": True},
        "penalties": [],
        "accidents": [],
        "cargo": "other",
    }
    full["certificates"] = [
        {"kind": k}
        for k in (
            "registry",
            "tonnage",
            "load_line",
            "safety_construction",
            "safety_equipment",
            "safety_radio",
            "iopp",
            "iapp",
            "smc",
            "issc",
            "mlc",
            "safe_manning",
            "class",
        )
    ]
    ship.write_text(json.dumps(full))
    assessed = json.loads(_run(env, "risk-profile", str(ship), "--json").stdout)["ten_dimensions"]
    assert assessed["counts"]["not_assessed_count"] == 0
    assert assessed["rating"] == "recommended"


def test_grain_stability_worked_example(tmp_path: Path) -> None:
    """λ0 = 9000 / (1.35 × 60000) = 0.11111 m, λ40 = 0.08889 m. The GZ curve rises 0.034 m per
    degree up to 5°, the heeling arm falls 0.000556 m per degree: they meet at
    0.11111 / (0.034 + 0.000556) = 3.2155°. GM 2.0 m."""
    condition = tmp_path / "condition.json"
    condition.write_bytes(CONDITION)
    found = _run({"FTZ_DATA_DIR": str(tmp_path)}, "grain-stability", str(condition), "--json")
    assert found.returncode == 0, found.stderr
    body = json.loads(found.stdout)
    assert abs(body["heel_angle_deg"] - 3.2155) < 0.01 and body["gm_m"] == 2.0
    assert body["pass"] is True and [c["name"] for c in body["criteria"]] == [
        "heel_angle",
        "residual_area",
        "gm",
    ]
    weak = json.loads(CONDITION) | {"gm_corrected_m": 0.29}
    condition.write_text(json.dumps(weak))
    failed = _run({"FTZ_DATA_DIR": str(tmp_path)}, "grain-stability", str(condition))
    assert failed.returncode == 0 and failed.stdout.startswith("FAIL")
    assert "gm: 0.29 (limit 0.3) FAIL" in failed.stdout


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    env = {"FTZ_DATA_DIR": str(tmp_path)}
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({**SHIP, "flag_list": "purple"}))
    for args in (
        ("risk-profile", str(tmp_path / "missing.json")),
        ("risk-profile", str(broken)),
        ("risk-profile", str(wrong)),
        ("grain-stability", str(wrong)),
    ):
        found = _run(env, *args)
        assert found.returncode == 2, (args, found.stdout)
        lines = found.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:"), found.stderr
    assert "flag_list" in _run(env, "risk-profile", str(wrong)).stderr


def test_import_rate_and_statistics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In process (typer's runner) on a scratch database: the same commands, without paying
    for a new interpreter each time."""
    url = f"sqlite:///{tmp_path}/cli.db"
    _migrate_and_seed(url).dispose()
    monkeypatch.setenv("FTZ_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FTZ_DATABASE_URL", url)
    get_settings.cache_clear()
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(cli_app, list(args))

    try:
        fleet = tmp_path / "fleet.json"
        fleet.write_text(demo_fleet().model_dump_json())
        first = run("import", str(fleet), "--json")
        assert first.exit_code == 0, first.output
        assert json.loads(first.stdout)["counts"]["ships"]["created"] == 25
        assert "ships: 0 created, 0 updated, 25 unchanged" in run("import", str(fleet)).stdout
        listed = json.loads(run("ships", "--q", "OCEANIC", "--json").stdout)
        assert listed["total"] == 3
        imo = listed["items"][0]["imo_number"]
        carrier = run(
            "rate",
            imo,
            "--shipper",
            "yc-build-b",
            "--voyage",
            "营口港 → 广州港",
            "--quantity",
            "50000",
            "--as",
            "ent.a",
        )
        assert carrier.exit_code == 0, carrier.output
        assert carrier.stdout.split()[0] in ("recommended", "caution", "not_recommended")
        assert json.loads(run("ratings", "--as", "ent.b", "--json").stdout)["total"] == 1
        assert "seed 2024: 1200" in run("statistics", "--as", "ent.a").stdout
    finally:
        get_settings.cache_clear()


def test_database_errors_are_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    _migrate_and_seed(url).dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    nobody = _run(
        env,
        "rate",
        "9999999",
        "--shipper",
        "yc-build-b",
        "--voyage",
        "x → y",
        "--quantity",
        "1",
        "--as",
        "ent.a",
    )
    assert nobody.returncode == 2 and "imo_number" in nobody.stderr
    assert len(nobody.stderr.strip().splitlines()) == 1
