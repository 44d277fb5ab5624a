"""`ftz bonded-art`: register, apply, the customs steps and identity capture from an image file,
on a scratch SQLite database; bad input is one line and exit 2."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.bonded_art.demo import ensure_staff
from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed
from tests.practices.bonded_art.images import artwork, png


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "bonded-art", *args)


def test_register_apply_capture(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    engine = _migrate_and_seed(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    work = tmp_path / "work.json"
    work.write_text(
        json.dumps(
            {
                "number": "CLI-1",
                "title": "Still life",
                "category": "painting",
                "approval_doc": "文旅艺进2025-010",
                "value_cny": 120000,
            }
        )
    )
    registered = _run(env, "register", str(work), "--as", "ba.ent.tj")
    assert registered.returncode == 0, registered.stderr
    artwork_id = registered.stdout.strip()
    today = date.today()
    application = tmp_path / "apply.json"
    application.write_text(
        json.dumps(
            {
                "number": "EX-CLI-1",
                "artwork_id": artwork_id,
                "home_customs": "ba-customs-tj",
                "destination_customs": "ba-customs-bj",
                "venue": "Beijing",
                "starts_on": str(today),
                "ends_on": str(today + timedelta(days=10)),
            }
        )
    )
    applied = _run(env, "apply", str(application), "--as", "ba.ent.tj", "--json")
    assert applied.returncode == 0, applied.stderr
    exhibition = json.loads(applied.stdout)["id"]
    assert _run(env, "step", exhibition, "consult", "--as", "ba.customs.tj").returncode == 0
    assert _run(env, "step", exhibition, "consent", "--as", "ba.customs.bj").returncode == 0
    image = tmp_path / "work.png"
    image.write_bytes(png(artwork(1)))
    captured = _run(env, "identity", exhibition, str(image), "--as", "ba.customs.tj", "--json")
    assert captured.returncode == 0, captured.stderr
    assert json.loads(captured.stdout)["status"] == "captured"
    wrong = _run(env, "step", exhibition, "consent", "--as", "ba.customs.tj")
    assert wrong.returncode != 0 and wrong.stderr.startswith("error:")
    work.write_text("{not json")
    bad = _run(env, "register", str(work), "--as", "ba.ent.tj")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
