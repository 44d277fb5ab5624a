"""`ftz leisure-fishery` on a scratch SQLite database: quota, allocation, registration,
inspection, licence, a flagged catch report and its review, reminders, indicators, reconcile,
statistics; bad input is one `error:` line on stderr and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.leisure_fishery.demo import ensure_staff
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.leisure_fishery.conftest import SANYA, YEAR, days, report_body, vessel_body


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "leisure-fishery", *args)


def _file(tmp_path: Path, name: str, body: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _bad(done: CliResult, *words: str) -> bool:
    one_line = done.stderr.startswith("error: ") and done.stderr.count("\n") == 1
    return done.returncode == 2 and one_line and all(w in done.stderr for w in words)


def test_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    off, op = ("--as", "lf.officer"), ("--as", "lf.op.sanya")
    year = str(YEAR)
    quota = _run(
        env, "quota", year, "--vessels", "10", "--power-kw", "1500", "--gear-units", "100", *off
    )
    assert quota.returncode == 0 and quota.stdout.startswith(f"{YEAR} quota 10 vessels"), (
        quota.stderr
    )
    assert _bad(_run(env, "allocate", year, SANYA, "--vessels", "11", *off), "over-allocated")
    assert _bad(_run(env, "allocate", year, SANYA, "--power-kw", "abc", *off), "--power-kw")
    assert _bad(_run(env, "allocate", year, "469001", "--vessels", "1", *off), "469001")
    denied = _run(env, "allocate", year, SANYA, "--vessels", "1", *op)
    assert denied.returncode == 1 and denied.stderr.startswith("error: ")
    assert (
        _run(
            env,
            "allocate",
            year,
            SANYA,
            "--vessels",
            "2",
            "--power-kw",
            "300",
            "--gear-units",
            "20",
            *off,
        ).returncode
        == 0
    )
    moved = _run(env, "transfer", year, SANYA, "469024", "--vessels", "1", *off)
    assert moved.returncode == 0, moved.stderr

    made = _run(
        env, "register", _file(tmp_path, "v.json", vessel_body("琼三亚休L0001")), *op, "--json"
    )
    assert made.returncode == 0, made.stderr
    vid = json.loads(made.stdout)["id"]
    assert _bad(_run(env, "register", str(tmp_path / "missing.json"), *op), "missing.json")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert _bad(_run(env, "register", str(tmp_path / "broken.json"), *op), "not JSON")
    # minor findings: re-check within 3 months, so an inspection 70 days ago falls due soon
    inspection = {
        "kind": "initial",
        "inspected_on": days(-70),
        "inspector": "检验员",
        "findings": [{"item": "灭火器压力不足", "severity": "minor"}],
    }
    inspected = _run(env, "inspect", vid, _file(tmp_path, "i.json", inspection), *off)
    assert inspected.stdout.startswith("conditional, next due"), inspected.stderr
    licence = {
        "vessel_id": vid,
        "valid_from": days(0),
        "valid_to": days(300),
        "sea_areas": [SANYA],
        "gear": ["rod"],
        "gear_units": 8,
    }
    issued = _run(env, "license", _file(tmp_path, "l.json", licence), *off, "--json")
    assert json.loads(issued.stdout)["number"] == f"LF-{SANYA}-{YEAR}-00001", issued.stderr
    over = report_body(vid, [{"species": "squid", "count": 200, "weight_kg": "40"}])
    filed = _run(env, "report", _file(tmp_path, "r.json", over), *op, "--json")
    report = json.loads(filed.stdout)
    assert report["flagged"] and "over_limit" in report["flags"]
    assert {"CS-SQUID-PP", "SA-INSURANCE", "SA-SAFETY-OFFICER"} <= {
        w["row_id"] for w in report["why"]
    }
    turtle = report_body(vid, [{"species": "whale_shark", "count": 1, "weight_kg": "1"}])
    assert _bad(_run(env, "report", _file(tmp_path, "t.json", turtle), *op), "lines.0.species")
    assert _bad(_run(env, "review", report["id"], *off), "note")
    assert _run(env, "review", report["id"], "--note", "已处理", *off).stdout.endswith("reviewed\n")

    uninsured = _run(env, "vessels", "--problem", "uninsured", *off)
    assert "琼三亚休L0001" in uninsured.stdout
    assert _bad(_run(env, "vessels", "--problem", "nonsense", *off), "--problem")
    reminders = _run(env, "reminders", *off)
    assert reminders.returncode == 0 and "inspection 琼三亚休L0001 valid" in reminders.stdout
    summary = _run(env, "indicators", year).stdout
    assert f"{SANYA} 三亚市 allocated 1 used 1 available 0" in summary
    assert "469024 临高县 allocated 1 used 0 available 1" in summary
    assert _run(env, "reconcile").stdout.startswith("ok")
    revoked = _run(env, "revoke", json.loads(issued.stdout)["id"], "--reason", "停业", *off)
    assert revoked.stdout.endswith("revoked\n"), revoked.stderr
    assert _run(env, "revoke", "no-such-id", "--reason", "停业", *off).returncode == 1
    stats = _run(env, "statistics")
    assert stats.returncode == 0 and "seed 2024: 47.83 亿元" in stats.stdout
