"""`ftz network …` through Typer's runner: JSON on stdout, one line on stderr for bad input."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ftz.domain.network.cli import app

runner = CliRunner()


def test_route_json_has_legs_total_and_alternatives() -> None:
    result = runner.invoke(app, ["route", "--from", "CNCTU", "--to", "PLLOD", "--optimize",
                                 "time", "--mode", "rail", "--json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"legs", "total", "alternatives"}
    assert set(data["total"]) == {"hours", "cost_cny", "co2_kg"}
    leg = data["legs"][0]
    assert (leg["from"], leg["to"], leg["mode"]) == ("chengdu_qingbaijiang", "lodz_olechow", "rail")
    assert all(set(a) == {"legs", "total"} for a in data["alternatives"])


def test_route_text_and_departure() -> None:
    result = runner.invoke(app, ["route", "--from", "LAVTE", "--to", "CNCTU", "--mode", "rail",
                                 "--depart", "2025-03-03T08:00+07:00", "--k", "1"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("best: 59.")
    assert "Lancang–Mekong–Chengdu Express" in result.stdout


def test_unknown_node_is_one_line_on_stderr_and_exit_2() -> None:
    result = runner.invoke(app, ["route", "--from", "XXXXX", "--to", "PLLOD", "--json"])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("error: origin: unknown node 'XXXXX'")
    assert result.stdout == ""


def test_no_route_exits_1() -> None:
    result = runner.invoke(app, ["route", "--from", "CNCTU", "--to", "PLLOD", "--mode", "sea"])
    assert result.exit_code == 1 and "no route from CNCTU to PLLOD using sea" in result.stderr


def test_bad_departure_exits_2() -> None:
    result = runner.invoke(app, ["route", "--from", "CNCTU", "--to", "PLLOD", "--depart", "soon"])
    assert result.exit_code == 2 and "--depart" in result.stderr


def test_nodes_filtered_by_mode_and_text() -> None:
    result = runner.invoke(app, ["nodes", "--mode", "river", "--search", "城陵矶", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["count"] == 1 and data["items"][0]["locode"] == "CNCLJ"
    assert "river" in data["items"][0]["modes"] and "rail" in data["items"][0]["modes"]
    everything = json.loads(runner.invoke(app, ["nodes", "--json"]).stdout)
    assert everything["count"] >= 350
    bad = runner.invoke(app, ["nodes", "--mode", "ship"])
    assert bad.exit_code == 2 and "unknown mode 'ship'" in bad.stderr


def test_services_lists_timetables() -> None:
    result = runner.invoke(app, ["services", "--json"])
    data = json.loads(result.stdout)
    express = next(s for s in data["items"] if s["id"] == "lmrq_express_north")
    assert express["departs"][0] == "mon 08:00" and express["per_week"] == 7
    assert next(s["node"] for s in express["stops"]) == "vientiane_south"
