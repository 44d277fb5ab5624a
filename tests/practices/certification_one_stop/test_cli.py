"""`ftz certification-one-stop`: the demo's figures (1:10 of the seed), the overdue file, a file
taken through the three steps from the command line with locally hashed documents, the
certificate checked by its code, a standard version published from a text file with the
notice it produces, the offline diff, and one-line errors."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.certification_one_stop.demo import load_demo
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "certification-one-stop", *args)


def _ok(env: dict[str, str], *args: str) -> str:
    done = _run(env, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_demo_and_a_file_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["loaded"] is True
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    stats = json.loads(_ok(env, "stats", "--as", "co.lab", "--json"))["all"]
    assert stats["enterprises"] == 72 and stats["trade_value_cny"] == "100000000.00"
    assert stats["success_rate_pct"] == 96.2 and stats["average_days"] <= 30
    assert stats["overdue"] == 1
    overdue = json.loads(_ok(env, "applications", "--overdue", "--as", "co.lab", "--json"))
    assert [a["product"] for a in overdue["items"]] == ["加碘精制盐"]

    for name in ("form", "licence", "spec", "qms", "label", "components", "r1", "r2", "r3"):
        (tmp_path / f"{name}.pdf").write_bytes(f"%PDF {name}".encode())
    made = json.loads(
        _ok(
            env,
            "apply",
            "--scheme",
            "MY-SIRIM",
            "--product",
            "冰箱",
            "--model",
            "X1",
            "--hs",
            "841821",
            "--value",
            "800000",
            "--as",
            "co.ent.a",
            "--json",
        )
    )
    app_id = made["id"]
    files = dict(
        zip(
            made["required_documents"],
            ("form", "licence", "spec", "qms", "label", "components"),
            strict=True,
        )
    )
    for kind, name in files.items():
        _ok(
            env,
            "attach",
            app_id,
            "--kind",
            kind,
            "--file",
            str(tmp_path / f"{name}.pdf"),
            "--as",
            "co.ent.a",
        )
    assert _ok(env, "event", app_id, "submit", "--as", "co.ent.a").strip().endswith("submitted")
    _ok(env, "event", app_id, "accept", "--as", "co.lab")
    for code, report in (("safety", "r1"), ("energy", "r2"), ("emc", "r3")):
        _ok(
            env,
            "test",
            app_id,
            "--code",
            code,
            "--passed",
            "--report",
            str(tmp_path / f"{report}.pdf"),
            "--as",
            "co.lab",
        )
    assert _ok(env, "conclude", app_id, "--as", "co.lab").strip().endswith("tested")
    assert _ok(env, "event", app_id, "issue", "--as", "co.sirim").strip().endswith("issued")
    shown = json.loads(_ok(env, "show", app_id, "--as", "co.ent.a", "--json"))
    assert shown["sla"]["status"] == "met"
    code = shown["certificate"]["verification_code"]
    assert _ok(env, "verify", code).startswith("VALID ")

    (tmp_path / "v3.txt").write_text(
        "1 范围 适用于额定电压不超过 250 V 的家用制冷器具。\n"
        "22 结构 使用可燃制冷剂时充注量不超过 300 g。\n",
        encoding="utf-8",
    )
    published = _ok(
        env,
        "publish",
        "MS IEC 60335-2-24",
        "--version",
        "2026",
        "--title",
        "制冷器具安全",
        "--effective",
        str(date.today() + timedelta(days=90)),
        "--hs",
        "8418",
        "--text-file",
        str(tmp_path / "v3.txt"),
        "--as",
        "co.standards",
    )
    assert "22 changed: 500 → 300" in published and "notified: 1" in published
    notices = _ok(env, "notifications", "--unread", "--as", "co.ent.a")
    assert notices.splitlines()[0].startswith("[urgent] MS IEC 60335-2-24:2026")

    (tmp_path / "a.txt").write_text("1 a 450\n2 b\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("1 a 420\n3 c\n", encoding="utf-8")
    assert (
        _ok(env, "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")).splitlines()[1]
        == "1 changed: 450 → 420"
    )

    for bad in (
        ("subscribe", "hs", "8499", "--as", "co.ent.a"),
        ("quote", "--scheme", "MY-SIRIM", "--hs", "841821", "--value", "abc"),
        ("event", app_id, "issue", "--as", "co.ent.b"),
    ):
        done = _run(env, *bad)
        assert done.returncode != 0 and done.stderr.strip().startswith("error:"), bad
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
