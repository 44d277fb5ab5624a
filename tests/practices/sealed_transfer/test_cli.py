"""`ftz sealed-transfer` on a scratch SQLite database: register a case, screen it, draft the
agreement from a JSON body, list, show, statistics, reconcile and verify the ledger anchors;
bad input is one `error:` line and exit 2, a refused role exit 1."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.sealed_transfer.demo import ensure_staff
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.sealed_transfer.conftest import case_body


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "sealed-transfer", *args)


def _bad(done: CliResult, code: int, *words: str) -> bool:
    one_line = done.stderr.startswith("error: ") and done.stderr.count("\n") == 1
    return done.returncode == code and one_line and all(w in done.stderr for w in words)


def test_sealed_transfer_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    court, notary = ("--as", "st.court"), ("--as", "st.notary")
    body = tmp_path / "case.json"
    body.write_text(json.dumps(case_body(), ensure_ascii=False), encoding="utf-8")
    made = _run(env, "register", str(body), *court, "--json")
    assert made.returncode == 0, made.stderr
    case = json.loads(made.stdout)
    number = case["number"]
    assert case["status"] == "on_file" and len(case["parties"]) == 4
    assert _bad(_run(env, "register", str(body), *court), 2, "already")
    assert _bad(_run(env, "register", str(body), "--as", "st.bank"), 1, "court")

    screen = (
        "--set",
        "notary_code=jn-minghu-notary",
        "--set",
        "title_clear=true",
        "--set",
        "debtor_agrees=true",
    )
    assert _bad(
        _run(env, "step", number, "screen", *screen, *notary), 1, "not found"
    )  # not yet his
    assert _bad(_run(env, "step", number, "fly", *court), 2, "no step")
    assert _bad(_run(env, "step", number, "screen", "--set", "title_clear", *court), 2, "KEY=VALUE")
    done = _run(env, "step", number, "screen", *screen, *court)
    assert done.returncode == 0 and "settling" in done.stdout, done.stderr

    ranks = {p["id"]: p for p in case["parties"] if p["role"] in ("applicant", "creditor")}
    agreement = {
        "agreement_no": "(2025)鲁济明证民字第0001号",
        "min_price": "1800000.00",
        "allocations": [
            {"party_id": pid, "priority": p["default_rank"], "amount": p["claim"]}
            for pid, p in ranks.items()
        ],
    }
    agreement_file = tmp_path / "agreement.json"
    agreement_file.write_text(json.dumps(agreement), encoding="utf-8")
    drafted = _run(
        env, "step", case["id"], "set_agreement", "--body", str(agreement_file), *notary, "--json"
    )
    assert drafted.returncode == 0, drafted.stderr
    assert json.loads(drafted.stdout)["agreement_sha256"]
    early = _run(env, "step", number, "notarize-agreement", *notary)
    assert _bad(early, 2, "PR-CONSENT")

    listed = _run(env, "list", "--status", "settling", *notary)
    assert listed.returncode == 0 and number in listed.stdout
    shown = _run(env, "show", number, *court)
    assert "register on_file→on_file" in shown.stdout and "set_agreement" in shown.stdout
    stats = _run(env, "statistics", *court, "--json")
    assert json.loads(stats.stdout)["by_status"] == {"settling": 1}
    assert _run(env, "reconcile").stdout.startswith("ok")
    verified = _run(env, "verify", number, *court)
    assert verified.returncode == 0 and "ok: " in verified.stdout and "3 steps" in verified.stdout
