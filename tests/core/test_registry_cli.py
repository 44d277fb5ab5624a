"""The practice map and the CLI contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ftz.core.registry import practices

FTZ = [sys.executable, "-m", "ftz.cli"]


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*FTZ, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_all_29_practices_declared_in_case_order() -> None:
    specs = practices()
    assert [p.id for p in specs] == [f"p{n:02d}" for n in range(1, 30)]
    assert [p.case for p in specs] == list(range(1, 30))
    assert {p.id for p in specs if p.built} >= {"p12"}


def test_practices_list_json() -> None:
    result = _run("practices", "list", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["practices"]) == 29
    p12 = next(p for p in data["practices"] if p["id"] == "p12")
    assert p12 == {
        "id": "p12",
        "name": "exam_certificates",
        "title_zh": "跨部门职业资格证书“一考多证”",
        "title_en": "One exam, many certificates",
        "status": "built",
    }
    assert {p["status"] for p in data["practices"]} == {"built"}


def test_cli_uses_scratch_database_and_fails_in_one_line(tmp_path: Path) -> None:
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": f"sqlite:///{tmp_path}/x.db"}
    assert _run("db", "upgrade", env=env).returncode == 0
    assert (tmp_path / "x.db").exists()
    bad = tmp_path / "bad.json"
    bad.write_text('{"trade": "electrician"}', encoding="utf-8")
    result = _run("exam-certificates", "apply", str(bad), env=env)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error:")
    missing = _run("exam-certificates", "show", "NOPE", env=env)
    assert missing.returncode == 1 and "application not found" in missing.stderr
    assert "Traceback" not in missing.stderr
