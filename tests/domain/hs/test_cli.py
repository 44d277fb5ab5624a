from __future__ import annotations

import importlib
import json
import subprocess
import sys

from typer.testing import CliRunner

from ftz.domain.hs.cli import app
from ftz.domain.hs.search import HsIndex

runner = CliRunner()


def test_search_json_shape(index: HsIndex) -> None:
    result = runner.invoke(app, ["search", "锂离子蓄电池", "--top", "3", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert list(out) == ["results"] and len(out["results"]) == 3
    first = out["results"][0]
    assert list(first) == ["code", "description_zh", "description_en", "score"]
    assert first["code"] == "850760" and isinstance(first["score"], float)


def test_search_text_output(index: HsIndex) -> None:
    result = runner.invoke(app, ["search", "frozen shrimp", "--top", "2"])
    assert result.exit_code == 0 and result.stdout.startswith("030617")


def test_show_json() -> None:
    result = runner.invoke(app, ["show", "8507.60", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["code"] == "850760" and out["level"] == "subheading"
    assert out["description_zh"] == "锂离子蓄电池"
    assert [p["code"] for p in out["path"]] == ["XVI", "85", "8507", "850760"]
    assert out["children"] == []
    heading = json.loads(runner.invoke(app, ["show", "8507", "--json"]).stdout)
    assert "850760" in [c["code"] for c in heading["children"]]


def test_bad_code_is_one_line_and_exit_2() -> None:
    result = runner.invoke(app, ["show", "8507.99"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: '8507.99': subheading 850799 does not exist in HS 2022"
    assert runner.invoke(app, ["search", "8599"]).exit_code == 2


def test_cli_bound_on_top_is_the_search_bound() -> None:
    cli = importlib.import_module("ftz.domain.hs.cli")
    assert cli.MAX_K == importlib.import_module("ftz.domain.hs.search").MAX_K


def test_importing_the_cli_does_not_import_the_search_stack() -> None:
    code = "import sys, ftz.domain.hs.cli; print('bm25s' in sys.modules, 'jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
