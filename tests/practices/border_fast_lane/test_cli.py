"""`ftz border-fast-lane`: the demo day's statistics, a device's post, the officer's resolution,
and one-line errors, on a scratch SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.border_fast_lane.demo import ensure_staff, load_demo
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "border-fast-lane", *args)


def test_demo_day_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        assert load_demo(session)["crossings"] == 480
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    stats = _run(env, "stats", "--as", "bfl.officer", "--json")
    assert stats.returncode == 0, stats.stderr
    data = json.loads(stats.stdout)
    assert data["day"] == "2024-04-26" and data["vehicles"] == 480
    assert 13 <= data["seconds_per_vehicle"] <= 17 and 0.7 <= data["faster_by"] <= 0.8
    assert 0.03 <= data["exception_rate"] <= 0.15 and data["open"] > 0
    listed = _run(env, "transactions", "--status", "manual_check", "--as", "bfl.officer", "--json")
    first = json.loads(listed.stdout)["items"][0]
    done = _run(
        env,
        "resolve",
        first["id"],
        "--decision",
        "release",
        "--note",
        "核验一致",
        "--as",
        "bfl.officer",
    )
    assert done.returncode == 0 and "released" in done.stdout, done.stderr
    again = _run(env, "resolve", first["id"], "--decision", "maybe", "--note", "x")
    assert again.returncode == 2 and again.stderr.startswith("error:")
    assert len(again.stderr.strip().splitlines()) == 1
    read = tmp_path / "read.json"
    read.write_text(json.dumps({"lane": 1, "direction": "exit"}))
    bad = _run(env, "post", str(read), "--as", "bfl.lane1")
    assert bad.returncode == 2 and bad.stderr.startswith("error:")
    wrong_role = _run(
        env, "resolve", first["id"], "--decision", "refuse", "--note", "xx", "--as", "bfl.fwd1"
    )
    assert wrong_role.returncode != 0 and wrong_role.stderr.startswith("error:")


def test_fleet_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/fleet.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    vehicle_file = tmp_path / "vehicle.json"
    vehicle_file.write_text(
        json.dumps({"plate": "桂F66601", "etag": "ETCLI00001", "permit_valid_until": "2027-01-01"})
    )
    made = _run(env, "fleet", "register-vehicle", str(vehicle_file), "--as", "bfl.fwd1", "--json")
    assert made.returncode == 0, made.stderr
    vehicle = json.loads(made.stdout)
    driver_file = tmp_path / "driver.json"
    driver_file.write_text(
        json.dumps(
            {
                "name": "农师傅",
                "document_number": "E66600001",
                "document_valid_until": "2027-01-01",
                "fingerprint_ref": "fp:cli-dev:000001",
                "face_ref": "face:cli-dev:000001",
                "enrolment_device": "cli-enrol-01",
            }
        )
    )
    driver_made = _run(env, "fleet", "register-driver", str(driver_file), "--as", "bfl.fwd1")
    assert driver_made.returncode == 0 and "····0001" in driver_made.stdout, driver_made.stderr
    edited = _run(
        env, "fleet", "edit-vehicle", vehicle["id"], "--permit-valid-until", "2028-02-02",
        "--kind", "tanker", "--as", "bfl.fwd1",
    )  # fmt: skip
    assert edited.returncode == 0 and "permit→2028-02-02" in edited.stdout, edited.stderr
    bad = _run(env, "fleet", "edit-vehicle", vehicle["id"], "--kind", "bus", "--as", "bfl.fwd1")
    assert bad.returncode == 2 and bad.stderr.startswith("error: kind")
    assert len(bad.stderr.strip().splitlines()) == 1
    stranger = _run(
        env, "fleet", "edit-vehicle", vehicle["id"], "--kind", "van", "--as", "bfl.fwd2"
    )
    assert stranger.returncode != 0 and "not found" in stranger.stderr
    off = _run(
        env, "fleet", "deactivate", "vehicle", vehicle["id"], "--reason", "边检暂停",
        "--as", "bfl.officer",
    )  # fmt: skip
    assert off.returncode == 0 and "deactivated" in off.stdout, off.stderr
    undo = _run(
        env, "fleet", "reactivate", "vehicle", vehicle["id"], "--reason", "xx", "--as", "bfl.fwd1"
    )
    assert undo.returncode != 0 and undo.stderr.startswith("error: deactivated by the border")
    device = _run(
        env, "fleet", "deactivate", "vehicle", vehicle["id"], "--reason", "xx", "--as", "bfl.lane1"
    )
    assert device.returncode != 0 and device.stderr.startswith("error:")
    inactive = _run(env, "fleet", "vehicles", "--inactive", "--as", "bfl.fwd1", "--json")
    assert [v["plate"] for v in json.loads(inactive.stdout)["items"]] == ["桂F66601"]
    assert json.loads(_run(env, "fleet", "vehicles", "--active", "--json").stdout)["total"] == 0
    exported = _run(env, "fleet", "drivers", "--q", "农", "--csv", "--as", "bfl.officer")
    lines = exported.stdout.strip().splitlines()
    assert lines[0].startswith("name,document_kind,document_last4") and len(lines) == 2
    history = _run(env, "fleet", "history", "vehicle", vehicle["id"], "--as", "bfl.fwd1", "--json")
    actions = [e["action"] for e in json.loads(history.stdout)]
    assert actions == ["deactivate", "update", "update", "create"]
