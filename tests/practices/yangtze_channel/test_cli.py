"""`ftz yangtze-channel` on a scratch SQLite database loaded with the p29 demo: channels, route
planning, orders, a new order matched and booked, tracking, statistics; bad input is one
`error:` line on stderr and exit 2, another organization's order exit 1."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.yangtze_channel.demo import load_demo
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.yangtze_channel.conftest import order_body


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "yangtze-channel", *args)


def _bad(done: CliResult, code: int, *words: str) -> bool:
    one_line = done.stderr.startswith("error: ") and done.stderr.count("\n") == 1
    return done.returncode == code and one_line and all(w in done.stderr for w in words)


def test_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["loaded"] is True
        assert load_demo(session)["loaded"] is False  # idempotent
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    shipper, rail = ("--as", "yc.shipper.a"), ("--as", "yc.op.guangtie")

    channels = _run(env, "channels", "--json")
    assert [c["code"] for c in json.loads(channels.stdout)["channels"]][:2] == ["MAIN", "S1"]
    route = _run(env, "route", "CNCLJ", "qinzhou", "--mode", "rail")
    assert route.returncode == 0 and "channels" in route.stdout and "S2" in route.stdout
    assert _bad(_run(env, "route", "CNCLJ", "atlantis"), 2, "destination")
    assert _bad(_run(env, "route", "CNCLJ", "qinzhou", "--mode", "boat"), 2, "modes")

    everything = json.loads(_run(env, "orders", "--json", "--as", "yc.officer").stdout)["orders"]
    assert {o["status"] for o in everything} == {"delivered", "in_transit", "posted"}
    mine = json.loads(_run(env, "orders", "--json", *shipper).stdout)["orders"]
    assert len(mine) < len(everything)
    assert _bad(_run(env, "orders", "--status", "lost", *shipper), 2, "--status")

    body = tmp_path / "order.json"
    body.write_text(json.dumps(order_body(teu=20)), encoding="utf-8")
    made = _run(env, "post-order", str(body), "--json", *shipper)
    assert made.returncode == 0, made.stderr
    order = json.loads(made.stdout)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(order_body(teu=0)), encoding="utf-8")
    assert _bad(_run(env, "post-order", str(bad), *shipper), 2, "teu")

    matches = json.loads(_run(env, "matches", order["id"], "--json", *shipper).stdout)["matches"]
    fitting = [m for m in matches if m["verdict"] == "match"]
    assert fitting and fitting[0]["fired"][0]["row_id"] == "M-FIT"
    assert _bad(_run(env, "matches", order["id"], "--as", "yc.shipper.b"), 1, "order")
    booked = _run(env, "book", order["id"], fitting[0]["offer"]["id"], *shipper)
    assert booked.returncode == 0 and "booked" in booked.stdout and "ledger" in booked.stdout
    assert _bad(_run(env, "track", order["id"], "delivered", *shipper), 2, "kind")
    assert _bad(_run(env, "track", order["id"], "teleported", *shipper), 2, "kind")
    departed = _run(env, "track", order["id"], "departed", "--node", "changsha_xianing", *rail)
    assert departed.returncode == 0 and "in_transit" in departed.stdout, departed.stderr

    # The booked route: re-planned onto the offer's service, timed legs (China Standard Time).
    shown = _run(env, "order", order["id"], *shipper)
    assert shown.returncode == 0 and "route booking" in shown.stdout, shown.stderr
    assert "booked YCC" in shown.stdout and "central_corridor_nansha" in shown.stdout
    timed = _run(env, "route", "changsha_xianing", "guangzhou_nansha", "--depart",
                 "2026-12-01T21:00")  # fmt: skip
    assert timed.returncode == 0 and "2026-12-0" in timed.stdout, timed.stderr
    assert _bad(_run(env, "route", "CNCLJ", "qinzhou", "--depart", "soon"), 2, "--depart")
    at_nine = tmp_path / "at_nine.json"
    at_nine.write_text(
        json.dumps(order_body(ready_on=None, ready_at="2026-12-01T09:00", deliver_by="2026-12-10")),
        encoding="utf-8",
    )
    nine = json.loads(_run(env, "post-order", str(at_nine), "--json", *shipper).stdout)
    assert nine["ready_on"] == "2026-12-01" and nine["route"]["legs"][0]["departs"]
    assert _bad(_run(env, "order", nine["id"], "--as", "yc.shipper.b"), 1, "order")

    _registry(env, tmp_path)

    stats = _run(env, "statistics", "--as", "yc.officer")
    assert stats.returncode == 0 and "681000 TEU added, 204300 foreign (30.00%" in stats.stdout
    assert _bad(_run(env, "statistics", *shipper), 1)


def _registry(env: dict[str, str], tmp_path: Path) -> None:
    """`operators …` and `services …`: list, edit, deactivate, reactivate, history."""
    officer = ("--as", "yc.officer")
    listed = json.loads(_run(env, "operators", "list", "--json").stdout)["operators"]
    assert "GTJT" in {o["code"] for o in listed}
    change = tmp_path / "operator.json"
    change.write_text(json.dumps({"agreement": "《合作协议》2025 续签"}), encoding="utf-8")
    edited = _run(env, "operators", "edit", "GTJT", str(change), "--json", *officer)
    assert edited.returncode == 0 and json.loads(edited.stdout)["agreement"].endswith("续签")
    assert _bad(_run(env, "operators", "edit", "GTJT", str(change), "--as", "yc.shipper.a"), 1)
    assert _bad(_run(env, "operators", "edit", "NOPE", str(change), *officer), 1, "NOPE")
    port = tmp_path / "port.json"
    port.write_text(json.dumps({"kind": "port", "node_id": "atlantis"}), encoding="utf-8")
    assert _bad(_run(env, "operators", "edit", "GTJT", str(port), *officer), 2, "node_id")
    off = _run(env, "operators", "deactivate", "ZHT", "--reason", "协议暂停", *officer)
    assert off.returncode == 0 and "deactivated" in off.stdout
    assert _bad(_run(env, "operators", "deactivate", "ZHT", "--reason", "again", *officer), 2)
    assert _bad(_run(env, "operators", "reactivate", "ZHT", "--reason", "", *officer), 2, "reason")
    assert _run(env, "operators", "reactivate", "ZHT", "--reason", "恢复", *officer).returncode == 0
    history = _run(env, "operators", "history", "ZHT", "--json", *officer)
    actions = [e["action"] for e in json.loads(history.stdout)["history"]]
    assert actions[0] == "reactivate" and "deactivate" in actions and actions[-1] == "create"
    assert "协议暂停" in _run(env, "operators", "history", "ZHT", *officer).stdout

    services = json.loads(_run(env, "services", "list", "--channel", "S5", "--json").stdout)
    assert {s["code"] for s in services["services"]} == {"S5-HN-CS", "S5-HB-WH"}
    weekly = tmp_path / "service.json"
    weekly.write_text(json.dumps({"weekly_departures": 10}), encoding="utf-8")
    done = _run(env, "services", "edit", "S5-HB-WH", str(weekly), "--json", *officer)
    assert done.returncode == 0 and json.loads(done.stdout)["weekly_departures"] == 10
    bad_stops = tmp_path / "stops.json"
    bad_stops.write_text(json.dumps({"stops": ["qinzhou", "nanning"]}), encoding="utf-8")
    assert _bad(_run(env, "services", "edit", "S5-HB-WH", str(bad_stops), *officer), 2, "stops")
    assert _run(env, "services", "deactivate", "S5-HB-WH", "--reason", "枯水期停航",
                *officer).returncode == 0  # fmt: skip
    log = _run(env, "services", "history", "S5-HB-WH", *officer)
    assert "枯水期停航" in log.stdout and "weekly_departures: 14 → 10" in log.stdout
    assert _bad(_run(env, "services", "history", "S5-HB-WH", "--as", "yc.shipper.a"), 1)
