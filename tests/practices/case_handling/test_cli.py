"""`ftz case-handling`: the law import (idempotent), `search laws "TEXT" --json`, the judgments
import, registering a case, the three searches, a refused finalization naming the gaps, and
one-line errors with a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.case_handling.demo_staff import ensure_staff
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.case_handling.conftest import case_body


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "case-handling", *args)


def _error(result: CliResult, code: int = 2) -> str:
    assert result.returncode == code, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
    return lines[0]


def test_cli_corpus_search_and_case(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}

    imported = _run(env, "laws", "import", "--law", "海关法", "--law", "关税法", "--json")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["articles_added"] == 174
    again = _run(env, "laws", "import", "--law", "海关法", "--law", "关税法")
    assert "no change" in again.stdout
    _error(_run(env, "laws", "import", "--from", str(tmp_path / "missing.db")))

    found = _run(env, "search", "laws", "海关法第六十条", "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)["hits"]
    assert (hits[0]["law_short"], hits[0]["number"], hits[0]["how"]) == ("海关法", 60, ["citation"])
    text = _run(env, "search", "laws", "完税价格", "--law", "关税法", "-k", "3")
    assert text.stdout.count("《关税法》") == 3
    assert "law" in _error(_run(env, "search", "laws", "税", "--law", "无此法"))
    _error(_run(env, "search", "laws", "税", "--on", "2024-02-30"))
    _error(_run(env, "search", "laws", "税", "--mode", "dense"))

    corpus = Path(__file__).parents[3] / "src/ftz/practices/case_handling/data/concluded_cases.yaml"
    judged = _run(env, "judgments", "import", str(corpus), "--json")
    assert json.loads(judged.stdout) == {"added": 60, "updated": 0, "unchanged": 0}
    second = _run(env, "judgments", "import", str(corpus))
    assert second.stdout.strip() == "+0 ~0 =60", second.stderr
    similar = _run(env, "search", "judgments", "保理 应收账款 转让通知", "--json")
    assert json.loads(similar.stdout)["results"][0]["cause"] == "保理合同纠纷"

    body = tmp_path / "case.json"
    body.write_text(json.dumps(case_body()), encoding="utf-8")
    made = _run(env, "cases", "register", str(body), "--as", "ch.judge", "--json")
    assert made.returncode == 0, made.stderr
    case = json.loads(made.stdout)
    assert case["track"] == "full"
    _error(_run(env, "cases", "register", str(body), "--as", "ch.judge"))  # the same number again
    _error(_run(env, "cases", "register", str(body), "--as", "ch.ent.a"), 1)  # not a judge
    ran = _run(
        env,
        "cases",
        "search",
        case["id"],
        "--kind",
        "legal_basis",
        "--query",
        "滞纳金",
        "--as",
        "ch.judge",
        "--json",
    )
    assert json.loads(ran.stdout)["results"], ran.stderr
    refused = _error(_run(env, "cases", "finalize", case["id"], "--as", "ch.judge"))
    assert "searches.similar_cases" in refused and "analysis" in refused
    shown = json.loads(_run(env, "cases", "show", case["id"], "--as", "ch.judge", "--json").stdout)
    assert shown["report"]["searches"]["legal_basis"]["query"] == "滞纳金"
    _error(_run(env, "cases", "show", case["id"], "--as", "ent.a"), 1)
    stats = _run(env, "statistics", "--as", "ch.judge", "--json")
    assert json.loads(stats.stdout)["period"] == {"from": "2023-01-01", "to": "2024-12-31"}
    _error(_run(env, "statistics", "--from", "2024-01-01", "--to", "2023-01-01"))
