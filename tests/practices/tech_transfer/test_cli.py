"""`ftz tech-transfer` on the demo: statistics at 1/50 of the seed, the pool reconciled, the
main flow (disclose and register, propose, decide, sign, income and reward), the pure reward
and patent checks, and one-line errors with a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.tech_transfer.demo import load_demo
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "tech-transfer", *args)


def _one_line_error(done: CliResult) -> None:
    assert done.returncode != 0
    assert done.stderr.strip().startswith("error:") and len(done.stderr.strip().splitlines()) == 1


def test_pure_commands() -> None:
    env: dict[str, str] = {}
    reward = _run(
        env,
        "reward",
        "--mode",
        "licence",
        "--kind",
        "licence_fee",
        "--gross",
        "800000",
        "--cost",
        "evaluation=20000",
        "--cost",
        "agency=30000",
        "--cost",
        "taxes=48000",
        "--share",
        "60",
        "--share",
        "40",
        "--policy",
        "qinling_2024",
    )
    assert reward.returncode == 0, reward.stderr
    assert (
        reward.stdout.strip()
        == "net 702000.00 × 0.7000 = 491400.00 (RW-QL-LICENCE) 294840.00 196560.00"
    )
    statutory = _run(
        env,
        "reward",
        "--mode",
        "assignment",
        "--kind",
        "assignment_price",
        "--gross",
        "100",
        "--share",
        "100",
        "--json",
    )
    assert json.loads(statutory.stdout)["rule"] == "RW-STAT-ASSIGN"
    _one_line_error(_run(env, "reward", "--mode", "licence", "--kind", "dividend", "--gross", "1"))
    _one_line_error(
        _run(env, "reward", "--mode", "licence", "--kind", "licence_fee", "--gross", "x")
    )
    assert _run(env, "check-patent", "ZL201710601862.3").stdout.startswith(
        "201710601862.3 invention"
    )
    _one_line_error(_run(env, "check-patent", "201710601862.4"))
    rows = _run(env, "criteria", "--path", "engineering", "--level", "full").stdout.splitlines()
    assert [r.split()[0] for r in rows] == [
        "TC-EN-F-SERVICE",
        "TC-EN-F-VALUE",
        "TC-EN-F-CERT",
        "TC-EN-F-YEARS",
    ]


def test_demo_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["loaded"] is True
        assert load_demo(session)["loaded"] is False  # idempotent
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    stats = json.loads(_run(env, "statistics", "--as", "tt.province", "--json").stdout)
    wanted = {"pilot_units": 4, "registered": 2140, "transferred": 740, "promotions": 13}
    assert {k: stats["totals"][k] for k in wanted} == wanted  # the seed / 50
    assert "reconciled balances 350000.00" in _run(env, "pool", "--as", "tt.office").stdout
    mine = json.loads(_run(env, "achievements", "--as", "tt.inventor2", "--json").stdout)
    assert mine["total"] >= 3 and all(
        any(i["name"] == "赵雨桐" for i in a["inventors"]) for a in mine["items"]
    )
    shown = json.loads(
        _run(env, "show", mine["items"][0]["number"], "--as", "tt.inventor2", "--json").stdout
    )
    researcher = next(i["researcher_id"] for i in shown["inventors"] if i["name"] == "赵雨桐")
    made = _run(
        env,
        "disclose",
        "--as",
        "tt.office",
        "--register",
        "--title",
        "命令行成果",
        "--kind",
        "software",
        "--college",
        "机械工程学院",
        "--completed-on",
        "2026-01-05",
        "--ip-number",
        "2026SR0000042",
        "--inventor",
        f"{researcher}=100",
    )
    assert made.returncode == 0, made.stderr
    number = made.stdout.split()[0]
    proposed = _run(
        env,
        "propose",
        "--as",
        "tt.office",
        "--achievement",
        number,
        "--mode",
        "assignment",
        "--counterparty",
        "命令行公司",
        "--uscc",
        "91610131MA6001501X",
        "--pricing",
        "auction",
        "--price",
        "50000",
    )
    _one_line_error(proposed)  # the check character of that USCC is wrong
    from ftz.practices.tech_transfer.demo_flow import company_uscc

    proposed = _run(
        env,
        "propose",
        "--as",
        "tt.office",
        "--achievement",
        number,
        "--mode",
        "assignment",
        "--counterparty",
        "命令行公司",
        "--uscc",
        company_uscc(4242),
        "--pricing",
        "auction",
        "--price",
        "50000",
    )
    assert proposed.returncode == 0, proposed.stderr
    transfer = proposed.stdout.split()[0]
    assert "DA-ASSIGN PB-AUCTION" in proposed.stdout
    _one_line_error(
        _run(
            env,
            "decide",
            transfer,
            "--as",
            "tt.inventor",
            "--meeting",
            "校长办公会",
            "--meeting-no",
            "1",
            "--meeting-date",
            "2026-02-01",
            "--decision",
            "同意",
            "--maker",
            "甲",
        )
    )
    decided = _run(
        env,
        "decide",
        transfer,
        "--as",
        "tt.office",
        "--meeting",
        "校长办公会",
        "--meeting-no",
        "2026年第5次",
        "--meeting-date",
        "2026-02-01",
        "--decision",
        "同意转让",
        "--maker",
        "李校长",
        "--conflict-declared",
    )
    assert decided.stdout.strip().endswith("decided exemption covered"), decided.stderr
    assert (
        _run(
            env,
            "sign",
            transfer,
            "--as",
            "tt.office",
            "--contract-no",
            "CLI-1",
            "--signed-on",
            "2026-02-03",
        ).returncode
        == 0
    )
    paid = _run(
        env,
        "income",
        transfer,
        "--as",
        "tt.office",
        "--received-on",
        "2026-02-10",
        "--kind",
        "assignment_price",
        "--gross",
        "50000",
        "--cost",
        "taxes=3000",
    )
    assert paid.stdout.strip() == "net 47000.00 reward 32900.00 (RW-QL-ASSIGN) 32900.00", (
        paid.stderr
    )
    _one_line_error(
        _run(
            env,
            "income",
            transfer,
            "--as",
            "tt.office",
            "--received-on",
            "2026-02-10",
            "--kind",
            "assignment_price",
            "--gross",
            "50000",
            "--cost",
            "taxes",
        )
    )
    _one_line_error(_run(env, "show", number, "--as", "tt.ws.office"))
