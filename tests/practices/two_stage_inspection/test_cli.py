"""`ftz two-stage-inspection`: the demo through the CLI (dashboard with the seed's figures, the
lists), an application, its assessment, an instruction with its external and destination
checks, the revocation, and one-line errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.two_stage_inspection.demo import load_demo
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.two_stage_inspection.helpers import instruction_body, pilot_body


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "two-stage-inspection", *args)


def test_the_flow_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["loaded"] is True
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    dash = json.loads(_run(env, "dashboard", "--as", "tsi.pvg", "--json").stdout)
    assert dash["seed"]["annual_value_usd"] == 48_000_000 and dash["enterprises_admitted"] == 5
    own = json.loads(_run(env, "pilots", "--as", "tsi.ent2", "--json").stdout)
    assert [p["status"] for p in own["items"]] == ["admitted"]
    routed = _run(env, "instructions", "--status", "routed", "--as", "tsi.sip")
    assert routed.stdout.count("two_stage routed") == 1

    # the refused applicant applies again and is admitted on a better assessment
    (tmp_path / "p.json").write_text(json.dumps(pilot_body()), encoding="utf-8")
    made = _run(env, "apply", str(tmp_path / "p.json"), "--as", "tsi.ent6", "--json")
    assert made.returncode == 0, made.stderr
    pilot = json.loads(made.stdout)
    done = _run(env, "assess", pilot["id"], "--credit-level", "general_credit", "--as", "tsi.sip")
    assert done.stdout.strip().endswith(
        "admitted AD-CREDIT-GENERAL AD-RECOMMENDED AD-SUPPLY-TRACEABLE AD-HISTORY-CLEAN"
    ), done.stderr
    body = instruction_body(enterprise="tsi-ent-refused", entry_no="221820261000000777")
    (tmp_path / "i.json").write_text(json.dumps(body), encoding="utf-8")
    issued = _run(env, "issue", str(tmp_path / "i.json"), "--as", "tsi.pvg", "--json")
    instruction = json.loads(issued.stdout)
    assert instruction["mode"] == "two_stage" and instruction["status"] == "issued"
    check = _run(env, "external-check", instruction["id"], "--as", "tsi.pvg")
    assert check.stdout.strip() == "external passed → routed EC-CLEAR", check.stderr
    dest = _run(env, "destination-check", instruction["id"], "--as", "tsi.sip")
    assert dest.stdout.strip() == "destination passed → closed"
    revoked = _run(env, "revoke", pilot["id"], "--violation", "smuggling", "--note", "走私",
                   "--as", "tsi.sip")  # fmt: skip
    today = date.today()
    until = today.replace(year=today.year + 1).isoformat()
    assert " revoked " in revoked.stdout, revoked.stderr
    assert revoked.stdout.strip().endswith(f"VI-SMUGGLING until {until}")

    for bad, code in (
        (("apply", str(tmp_path / "p.json"), "--as", "tsi.ent6"), 2),  # blocked for a year
        (("assess", pilot["id"], "--credit-level", "gold", "--as", "tsi.sip"), 2),
        (("show-pilot", pilot["id"], "--as", "tsi.ent"), 1),  # another enterprise's
        (("external-check", instruction["id"], "--as", "tsi.pvg"), 2),  # closed already
        (("destination-check", instruction["id"], "--as", "tsi.ent6"), 1),
    ):
        failed = _run(env, *bad)
        assert failed.returncode == code, (bad, failed.stderr)
        assert failed.stderr.startswith("error:") and len(failed.stderr.strip().splitlines()) == 1
