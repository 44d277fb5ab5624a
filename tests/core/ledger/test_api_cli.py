"""The ledger's HTTP API and CLI contract (`--json` prints one object with the agreed keys)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from ftz.core.ledger.merkle import leaf_hash
from tests.cli_runner import CliResult, run_cli
from tests.conftest import ApiClients


def test_api_append_prove_receipt_verify(api: ApiClients) -> None:
    admin, public = api.as_("admin"), api.anonymous()
    for i in range(6):
        body = {"data_base64": base64.b64encode(f"api-{i}".encode()).decode()}
        response = admin.post("/api/ledger/entries", params={"log": "test.local/api"}, json=body)
        assert response.status_code == 201, response.text
        assert response.json()["leaf_index"] == i
    made = admin.post("/api/ledger/checkpoints", params={"log": "test.local/api"}).json()
    assert made["tree_size"] == 6 and made["note"].startswith("test.local/api\n6\n")
    proof = public.get(
        "/api/ledger/proof", params={"log": "test.local/api", "index": 2, "size": 6}
    ).json()
    assert len(proof["audit_path"]) == 3
    consistency = public.get(
        "/api/ledger/consistency", params={"log": "test.local/api", "old": 3, "new": 6}
    ).json()
    assert consistency["proof"]
    receipt = public.get("/api/ledger/receipt", params={"log": "test.local/api", "index": 4}).json()
    key = public.get("/api/ledger/keys").json()["active"]
    checked = public.post("/api/ledger/verify", json={"receipt": receipt, "key": key}).json()
    assert checked["ok"] is True
    receipt["inclusion_proof"][0] = "00" * 32
    assert (
        public.post("/api/ledger/verify", json={"receipt": receipt, "key": key}).json()["ok"]
        is False
    )
    wanted = leaf_hash(b"api-2").hex()
    found = public.get("/api/ledger/search", params={"log": "test.local/api", "leaf_hash": wanted})
    assert found.json() == {"leaf_index": 2}
    logs = public.get("/api/ledger/logs").json()
    assert any(log["origin"] == "test.local/api" and log["tree_size"] == 6 for log in logs)


def test_api_appends_need_admin_and_valid_input(api: ApiClients) -> None:
    body = {"data_base64": base64.b64encode(b"x").decode()}
    assert (
        api.as_("ent.a").post("/api/ledger/entries", params={"log": "l"}, json=body).status_code
        == 403
    )
    assert (
        api.anonymous().post("/api/ledger/entries", params={"log": "l"}, json=body).status_code
        == 401
    )
    bad = api.as_("admin").post(
        "/api/ledger/entries", params={"log": "l"}, json={"data_base64": "not base64!"}
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "data_base64"
    spaced = api.as_("admin").post("/api/ledger/entries", params={"log": "a b"}, json=body)
    assert spaced.status_code == 422
    beyond = api.anonymous().get("/api/ledger/proof", params={"log": "l", "index": 5, "size": 9})
    assert beyond.status_code in (404, 422)


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, *args)


def test_cli_contract_and_offline_verification(tmp_path: Path) -> None:
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": f"sqlite:///{tmp_path}/l.db"}
    assert _run(env, "db", "upgrade").returncode == 0
    for i in range(5):
        data = tmp_path / f"e{i}.bin"
        data.write_bytes(f"cli-{i}".encode())
        out = json.loads(
            _run(
                env, "ledger", "append", "--log", "t.local/cli", "--data-file", str(data), "--json"
            ).stdout
        )
        assert out["leaf_index"] == i and len(out["leaf_hash"]) == 64
    head = json.loads(_run(env, "ledger", "checkpoint", "--log", "t.local/cli", "--json").stdout)
    assert set(head) == {"tree_size", "root_hash", "note"} and head["tree_size"] == 5
    proof = json.loads(
        _run(
            env, "ledger", "prove", "--log", "t.local/cli", "--index", "1", "--size", "5", "--json"
        ).stdout
    )
    assert set(proof) == {"leaf_index", "tree_size", "audit_path"}
    consistency = json.loads(
        _run(
            env,
            "ledger",
            "consistency",
            "--log",
            "t.local/cli",
            "--old",
            "2",
            "--new",
            "5",
            "--json",
        ).stdout
    )
    assert set(consistency) == {"old_size", "new_size", "proof"}
    receipt = tmp_path / "r.json"
    assert (
        _run(
            env, "ledger", "receipt", "--log", "t.local/cli", "--index", "3", "--out", str(receipt)
        ).returncode
        == 0
    )
    key = json.loads(_run(env, "ledger", "keys", "--json").stdout)["active"]
    # Offline: a different data dir and no database at all.
    offline = {
        "FTZ_DATA_DIR": str(tmp_path / "elsewhere"),
        "FTZ_DATABASE_URL": "sqlite:////nonexistent/none.db",
    }
    good = _run(offline, "ledger", "verify", str(receipt), "--key", key, "--json")
    assert good.returncode == 0 and json.loads(good.stdout)["ok"] is True
    tampered = json.loads(receipt.read_text())
    tampered["leaf_index"] = 2
    receipt.write_text(json.dumps(tampered))
    assert _run(offline, "ledger", "verify", str(receipt), "--key", key).returncode == 1
    audit = _run(env, "ledger", "audit", "--json")
    assert audit.returncode == 0 and json.loads(audit.stdout)["ok"] is True
    missing = _run(env, "ledger", "prove", "--log", "t.local/cli", "--index", "9", "--size", "5")
    assert missing.returncode != 0 and missing.stderr.startswith("error:")
