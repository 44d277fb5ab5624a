"""`ftz cargo-rules` on a scratch SQLite database: lookup by name and UN number (--json), show a
cargo on a date, the moisture check, the proposal list and a workflow step; bad input is one
`error:` line and exit 2, a refusal exit 1."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.cargo_rules import proposals
from ftz.practices.cargo_rules.demo import load_listed
from ftz.practices.cargo_rules.demo_people import OFFICER, ensure_staff
from ftz.practices.cargo_rules.schemas import DocumentIn, ProposalIn
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "cargo-rules", *args)


def _bad(done: CliResult, code: int, *words: str) -> bool:
    one_line = done.stderr.startswith("error: ") and done.stderr.count("\n") == 1
    return done.returncode == code and one_line and all(w in done.stderr for w in words)


def test_cargo_rules_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        officer = accounts.acting_as(session, OFFICER)
        load_listed(session, officer)
        proposals.create(
            session,
            principal=officer,
            data=ProposalIn(
                number="CN-DL-2099-01",
                title_zh="测试",
                title_en="CLI test",
                instrument="IMSBC",
                change="editorial",
                proposer="辽宁海事局",
                body="IMO E&T",
            ),
        )
        proposals.add_document(
            session,
            principal=officer,
            key="CN-DL-2099-01",
            data=DocumentIn(
                symbol="E&T 42/2", title="CLI test", kind="proposal", dated="2025-06-01"
            ),
        )
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}

    found = _run(env, "lookup", "硫酸", "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["results"][0]["code"] == "SULPHURIC-ACID"
    by_un = _run(env, "lookup", "UN3480")
    assert by_un.returncode == 0 and by_un.stdout.startswith("LITHIUM-ION-BATTERIES\t")
    assert "no cargo matches" in _run(env, "lookup", "qqqq zzzz").stdout
    assert _bad(_run(env, "lookup", " "), 2, "q:")

    shown = _run(env, "show", "iron-ore-fines", "--on", "2024-05-10")
    assert shown.returncode == 0 and "IMSBC 03-15" in shown.stdout and "TML" in shown.stdout
    assert _bad(_run(env, "show", "NOPE"), 1, "cargo not found")

    check = _run(env, "check", "IRON-ORE-FINES", "--moisture", "9.9", "--tml", "9.6", "--json")
    out = json.loads(check.stdout)
    assert out["verdict"] == "may_not_load" and out["fired"][0]["row_id"] == "moisture_check-4"
    assert _run(env, "check", "COAL", "--moisture", "7", "--tml", "9").stdout.startswith(
        "COAL: may_load"
    )
    assert _bad(_run(env, "check", "COAL", "--moisture", "120"), 2, "moisture_pct")
    late = _run(
        env,
        "check",
        "COAL",
        "--moisture",
        "7",
        "--tml",
        "9",
        "--tml-tested",
        "2024-06-01",
        "--loading",
        "2024-05-01",
    )
    assert _bad(late, 2, "tml_tested_on")

    hidden = _run(env, "proposals", "--as", "cgr.shipper", "--json")
    assert json.loads(hidden.stdout)["total"] == 0  # drafts are for officers
    mine = _run(env, "proposals", "--as", OFFICER)
    assert "CN-DL-2099-01\tdraft" in mine.stdout
    assert _bad(_run(env, "advance", "CN-DL-2099-01", "fly", "--as", OFFICER), 2, "event")
    denied = _run(env, "advance", "CN-DL-2099-01", "submit", "--as", "cgr.shipper")
    assert denied.returncode == 1 and denied.stderr.count("\n") == 1
    assert _bad(_run(env, "advance", "CN-DL-2099-01", "submit", "--as", OFFICER), 2, "session")
    moved = _run(env, "advance", "CN-DL-2099-01", "submit", "--session", "E&T 42", "--as", OFFICER)
    assert moved.returncode == 0 and moved.stdout.strip() == "CN-DL-2099-01 submitted"
    listed = json.loads(_run(env, "proposals", "--status", "submitted", "--json").stdout)
    assert [p["number"] for p in listed["items"]] == ["CN-DL-2099-01"]
