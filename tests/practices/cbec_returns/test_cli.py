"""`ftz cbec-returns` on a scratch SQLite database: declare a list, return at another customs,
approve, refuse with a note, statistics and reconcile; bad input is one `error:` line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.cbec_returns.demo import ensure_staff
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.cbec_returns.conftest import list_body, return_body


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "cbec-returns", *args)


def _file(tmp_path: Path, name: str, body: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _bad(done: CliResult, *words: str) -> bool:
    one_line = done.stderr.startswith("error: ") and done.stderr.count("\n") == 1
    return done.returncode == 2 and one_line and all(w in done.stderr for w in words)


def test_returns_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    plat, off = ("--as", "cr.platform"), ("--as", "cr.officer")
    made = _run(env, "declare", _file(tmp_path, "l.json", list_body("L-CLI1")), *plat, "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["tax"] == 408.88
    assert _bad(_run(env, "declare", _file(tmp_path, "l.json", list_body("L-CLI1")), *plat),
                "already")  # fmt: skip
    assert _bad(_run(env, "declare", str(tmp_path / "missing.json"), *plat), "missing.json")
    body = {**list_body("L-CLI2"), "customs_code": "HZ"}
    assert _bad(_run(env, "declare", _file(tmp_path, "b.json", body), *plat), "customs_code")

    first = _run(env, "return", _file(tmp_path, "r1.json", return_body("L-CLI1", [(1, 2)])),
                 *plat, "--json")  # fmt: skip
    assert first.returncode == 0, first.stderr
    first_id = json.loads(first.stdout)["id"]
    over = _run(env, "return", _file(tmp_path, "r2.json", return_body("L-CLI1", [(1, 2)])), *plat)
    assert _bad(over, "line 1")
    second = _run(env, "return", _file(tmp_path, "r3.json", return_body("L-CLI1", [(2, 1)])),
                  *plat, "--json")  # fmt: skip
    second_id = json.loads(second.stdout)["id"]

    assert _bad(_run(env, "refuse", second_id, "--note", "", *off), "note")
    assert "approved" in _run(env, "approve", first_id, *off).stdout
    assert _bad(_run(env, "approve", first_id, *off), "already")
    assert "refused" in _run(env, "refuse", second_id, "--note", "damaged", *off).stdout
    denied = _run(env, "approve", second_id, "--as", "cr.platform")
    assert denied.returncode != 0 and denied.stderr.count("\n") == 1
    stats = _run(env, "statistics", *off)
    assert stats.returncode == 0 and " 3100 1 2" in stats.stdout
    assert _run(env, "reconcile").stdout.startswith("ok")
