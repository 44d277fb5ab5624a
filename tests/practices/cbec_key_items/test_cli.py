"""`ftz cbec-key-items`: the demo through the CLI (dashboard with the seed's figures, the list),
screening a CSV (dry run and submitted) and a JSON file, confirming a line, saving a new list
version, the monthly report as CSV, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.cbec_key_items.demo import load_demo
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.cbec_key_items.helpers import POWER_BANK, TSHIRT, body

CSV = (
    "item_name,spec,hs_code,quantity,unit,weight_kg,value_cny\n"
    "纯棉T恤,S-XL,6109100021,100,件,18,2900\n"
    "防风打火机,金属,9613100000,50,个,2,300\n"
)


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "cbec-key-items", *args)


def test_the_flow_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["loaded"] is True
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    dash = json.loads(_run(env, "dashboard", "--as", "cbk.customs", "--json").stdout)
    assert dash["seed"]["days_saved"] == 0.5 and dash["containers"] == 4
    assert dash["saved_cny"] == 4 * 600 and dash["declarations"] == 6
    listed = json.loads(_run(env, "list", "--as", "cbk.forwarder2", "--json").stdout)
    assert listed["total"] == 3

    (tmp_path / "lines.csv").write_text(CSV, encoding="utf-8")
    dry = _run(env, "screen", str(tmp_path / "lines.csv"), "--dry-run", "--as", "cbk.customs")
    assert dry.stdout.splitlines() == [
        "v1 1/2 lines to inspection",
        "#2 防风打火机: inspection KI-FLAM-LIGHTER",
    ], dry.stderr
    made = _run(
        env,
        "screen",
        str(tmp_path / "lines.csv"),
        "--entry-no",
        "4601202611247777",
        "--ecommerce-code",
        "4501961234",
        "--as",
        "cbk.forwarder",
        "--json",
    )
    assert made.returncode == 0, made.stderr
    declaration = json.loads(made.stdout)
    assert declaration["source"] == "cli" and declaration["hit_count"] == 1
    line_id = declaration["lines"][1]["id"]
    (tmp_path / "d.json").write_text(json.dumps(body(TSHIRT, POWER_BANK)), encoding="utf-8")
    from_json = _run(env, "screen", str(tmp_path / "d.json"), "--as", "cbk.forwarder2")
    assert from_json.stdout.splitlines()[1] == "#2 ＰＯＷＥＲ　ＢＡＮＫ 20000mAh: KI-BAT-POWERBANK"
    # the demo gave this forwarder a warning already: concealment now blacklists
    done = _run(
        env,
        "resolve",
        line_id,
        "--event",
        "confirm",
        "--kind",
        "concealment",
        "--note",
        "夹藏打火机",
        "--as",
        "cbk.customs",
    )
    assert (
        done.stdout.strip()
        == "confirmed → declaration violation; blacklist grade D CR-CONCEAL-AGAIN"
    )
    again = _run(
        env, "resolve", line_id, "--event", "clear", "--note", "again", "--as", "cbk.customs"
    )
    assert again.returncode == 2 and again.stderr.startswith("error:")

    doc = json.loads(_run(env, "key-items", "--json").stdout)
    doc["rules"] = doc["rules"][:3]
    (tmp_path / "list.json").write_text(json.dumps(doc), encoding="utf-8")
    saved = _run(env, "save-list", str(tmp_path / "list.json"), "--as", "cbk.railway")
    assert saved.stdout.strip() == "v2 saved, 3 rules"
    assert _run(env, "key-items").stdout.startswith("v2 3 rules")

    month = declaration["month"]
    report = _run(env, "report", "--month", month, "--csv", "--as", "cbk.railway")
    rows = list(csv.DictReader(io.StringIO(report.stdout)))
    assert rows[-1]["declarant"] == "合计 total" and int(rows[-1]["violations"]) == 2

    for bad, code in (
        (("screen", str(tmp_path / "missing.csv"), "--as", "cbk.forwarder"), 2),
        (("screen", str(tmp_path / "lines.csv"), "--entry-no", "x", "--as", "cbk.forwarder"), 2),
        (
            (
                "screen",
                str(tmp_path / "lines.csv"),
                "--entry-no",
                "46012026",
                "--ecommerce-code",
                "4501961234",
                "--as",
                "cbk.customs",
            ),
            1,
        ),
        (("show", "nope", "--as", "cbk.forwarder"), 1),
        (("report", "--month", "2026/11"), 2),
        (("save-list", str(tmp_path / "lines.csv"), "--as", "cbk.railway"), 2),
        (("resolve", line_id, "--event", "maybe", "--note", "x1", "--as", "cbk.customs"), 2),
    ):
        failed = _run(env, *bad)
        assert failed.returncode == code, (bad, failed.stdout, failed.stderr)
        assert failed.stderr.startswith("error:") and len(failed.stderr.strip().splitlines()) == 1
