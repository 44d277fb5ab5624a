"""`ftz industry-transfer`: the demo's dashboard (the seed's figures), `report --region … --json`
with both regions counting a project in full, the roll-up counting it once, registering and
advancing a project and filing its indicators as the park administrations, and one-line errors."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.industry_transfer.demo import load_demo
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "industry-transfer", *args)


def test_demo_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["loaded"] is True
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    board = _run(env, "dashboard", "--as", "it.stats", "--json")
    assert board.returncode == 0, board.stderr
    assert all(row["matches"] for row in json.loads(board.stdout)["seed"])
    made = _run(
        env,
        "register",
        "--agreement",
        "SH-KM-2022-01",
        "--code",
        "CLI-001",
        "--name",
        "命令行项目",
        "--enterprise",
        "命令行企业有限公司",
        "--industry",
        "C27",
        "--planned",
        "80000000",
        "--intention-on",
        "2024-01-15",
        "--as",
        "it.lingang",
    )
    assert made.returncode == 0, made.stderr
    for event, on in (
        ("sign", "2024-02-01"),
        ("start_construction", "2024-03-01"),
        ("start_operation", "2024-10-01"),
    ):
        step = _run(env, "stage", "CLI-001", event, "--on", on, "--as", "it.kunming")
        assert step.returncode == 0, step.stderr
    filed = _run(
        env,
        "indicators",
        "CLI-001",
        "--period",
        "2025-Q1",
        "--output",
        "4000000",
        "--tax",
        "200000",
        "--employment",
        "30",
        "--as",
        "it.kunming",
        "--json",
    )
    assert filed.returncode == 0 and json.loads(filed.stdout)["revision"] == 1, filed.stderr
    for region in ("31", "53/昆明市"):
        data = json.loads(_run(env, "report", "--region", region, "--json").stdout)
        [line] = [x for x in data["lines"] if x["code"] == "CLI-001"]
        assert Decimal(line["values"]["output_value"]) == 4_000_000
    shanghai = json.loads(_run(env, "report", "--region", "上海", "--json").stdout)
    [line] = [x for x in shanghai["lines"] if x["code"] == "CLI-001"]
    assert "planned_investment" not in line["via"]
    nation = json.loads(_run(env, "rollup", "--scope", "CN", "--json").stdout)
    assert nation["balanced"] and nation["projects"] == 74
    assert any(o["code"] == "CLI-001" for o in nation["overlaps"])
    text = _run(env, "report", "--region", "53/昆明市")
    assert text.returncode == 0 and "CLI-001" in text.stdout and "ACC-INV-RECEIVING" in text.stdout
    listed = json.loads(
        _run(env, "projects", "--park", "MH-BIZ", "--stage", "intention", "--json").stdout
    )
    assert listed["total"] == 17
    rules = json.loads(_run(env, "rules", "--json").stdout)
    assert {t["key"] for t in rules["tables"]} == {
        "accounting.json",
        "rollup.json",
        "pipeline.json",
        "reporting.json",
    }
    for bad in (
        ("report", "--region", "火星"),
        ("rollup", "--scope", "53/昆明市"),
        ("indicators", "CLI-001", "--period", "2025-Q2", "--tax", "x", "--as", "it.kunming"),
        ("stage", "CLI-001", "sign", "--as", "it.kunming"),
        ("indicators", "CLI-001", "--period", "2025-Q2", "--as", "it.lingang"),
        (
            "register",
            "--agreement",
            "SH-KM-2022-01",
            "--code",
            "CLI-002",
            "--name",
            "x",
            "--enterprise",
            "企业",
            "--industry",
            "C27",
            "--intention-on",
            "2024-01-01",
            "--as",
            "it.lingang",
        ),
    ):
        failed = _run(env, *bad)
        assert failed.returncode != 0, bad
        assert (
            failed.stderr.strip().startswith("error:")
            and len(failed.stderr.strip().splitlines()) == 1
        ), (bad, failed.stderr)
