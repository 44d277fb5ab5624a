"""`ftz pallet-air-road`: the demo's ULDs and statistics (whole ULDs at 1 touch, the broken-down
one at 4), the ULD id check, recording an event as the ground handler, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.pallet_air_road.demo import load_demo
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "pallet-air-road", *args)


def test_demo_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["loaded"] is True
        assert load_demo(session)["loaded"] is False
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    stats = _run(env, "stats", "--as", "par.customs", "--json")
    assert stats.returncode == 0, stats.stderr
    modes = json.loads(stats.stdout)["modes"]
    assert modes["whole_uld"]["count"] == 4 and modes["whole_uld"]["touches"] == 1
    assert modes["whole_uld"]["tally_minutes"] < 1 and modes["whole_uld"]["loading_minutes"] < 20
    assert modes["breakdown"]["touches"] == 4
    listed = json.loads(_run(env, "ulds", "--status", "built", "--as", "par.handler",
                             "--json").stdout)  # fmt: skip
    assert [u["uld_code"] for u in listed["items"]] == ["PAG21009CV"]
    arrived = _run(env, "event", listed["items"][0]["id"], "arrive", "--as", "par.handler")
    assert arrived.returncode == 0 and "arrived" in arrived.stdout
    twice = _run(env, "event", listed["items"][0]["id"], "arrive", "--as", "par.handler")
    assert twice.returncode == 2 and len(twice.stderr.strip().splitlines()) == 1
    other = _run(env, "show", listed["items"][0]["id"], "--as", "par.trucker")
    assert other.returncode == 1
    checked = _run(env, "check-uld", "pmc 12345 ca")
    assert checked.returncode == 0 and checked.stdout.startswith("PMC 12345 CA")
    bad = _run(env, "check-uld", "PMC12")
    assert bad.returncode == 2 and "code" in bad.stderr
    trailers = json.loads(_run(env, "trailers", "--as", "par.trucker", "--json").stdout)
    assert len(trailers) == 5
    # The broken-down demo ULD went out on three trucks, one per destination, each tracked.
    mixed = json.loads(_run(env, "ulds", "--as", "par.customs", "--json").stdout)["items"]
    broken = next(u for u in mixed if u["mode"] == "breakdown")
    shown = json.loads(_run(env, "show", broken["id"], "--as", "par.trucker", "--json").stdout)
    assert [(g["destination"], g["trailer"], g["status"]) for g in shown["road_legs"]] == [
        ("WUH", "豫A3002挂", "delivered"),
        ("PEK", "豫A3001挂", "delivered"),
        ("CTU", "豫A3003挂", "delivered"),
    ]  # fmt: skip  (heaviest share first)
    assert shown["status"] == "delivered" and shown["metrics"]["touches"] == 4
    # The handler's and the trucker's history of the ULD is not empty; another party's is 404.
    for user in ("par.handler", "par.trucker"):
        history = _run(env, "history", broken["id"], "--as", user, "--json")
        actions = {h["action"] for h in json.loads(history.stdout)["items"]}
        assert {"transition:arrive", "transition:deliver"} <= actions, user
    assert _run(env, "history", broken["id"], "--as", "par.airline").returncode == 1
    bad_leg = _run(env, "event", broken["id"], "start_loading", "--leg", "PEK", "--as",
                   "par.handler")  # fmt: skip
    assert bad_leg.returncode == 2 and "--leg" in bad_leg.stderr
