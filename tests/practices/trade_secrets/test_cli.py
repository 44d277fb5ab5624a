"""`ftz trade-secrets`: register a folder (hashed locally), verify a file, write a certificate,
export receipts, and sign with the enterprise's own key."""

from __future__ import annotations

import json
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.cli_runner import CliResult, run_cli
from tests.conftest import _migrate_and_seed


def _run(env: dict[str, str], *args: str) -> CliResult:
    return run_cli(env, "trade-secrets", *args)


def test_register_folder_verify_certificate(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    _migrate_and_seed(url).dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    folder = tmp_path / "designs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("设计 A", encoding="utf-8")
    (folder / "sub" / "b.bin").write_bytes(os.urandom(5000))
    done = _run(
        env,
        "register",
        str(folder),
        "--as",
        "ent.a",
        "--project",
        "P",
        "--contributor",
        "王磊",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    registered = json.loads(done.stdout)["registered"]
    assert len(registered) == 2
    again = json.loads(_run(env, "register", str(folder), "--as", "ent.a", "--json").stdout)
    assert again == {"registered": [], "already_registered": 2}
    check = _run(env, "verify", str(folder / "a.txt"), "--json")
    assert check.returncode == 0 and json.loads(check.stdout)["receipt_valid"] is True
    unknown = tmp_path / "unknown.txt"
    unknown.write_text("never registered")
    assert _run(env, "verify", str(unknown)).returncode == 1
    pdf = tmp_path / "c.pdf"
    assert (
        _run(env, "certificate", registered[0]["id"], "--out", str(pdf), "--as", "ent.a").returncode
        == 0
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    other = _run(env, "certificate", registered[0]["id"], "--out", str(pdf), "--as", "ent.b")
    assert other.returncode != 0 and other.stderr.startswith("error:")
    bad = _run(env, "register", str(tmp_path / "missing"), "--as", "ent.a")
    assert bad.returncode == 2 and "no such file" in bad.stderr


def test_sign_with_own_key(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/own.db"
    _migrate_and_seed(url).dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    private = Ed25519PrivateKey.generate()
    key_file, public_file = tmp_path / "k.pem", tmp_path / "k.pub"
    key_file.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    public_file.write_bytes(
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    added = _run(env, "add-key", str(public_file), "--as", "ent.b", "--json")
    assert added.returncode == 0, added.stderr
    secret = tmp_path / "s.txt"
    secret.write_text("own key")
    done = _run(
        env, "register", str(secret), "--as", "ent.b", "--key-file", str(key_file), "--json"
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)["registered"][0]
    assert record["key_id"] == json.loads(added.stdout)["key_id"]


def test_sm2_key_made_by_keygen(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/sm2.db"
    _migrate_and_seed(url).dispose()
    env = {"FTZ_DATA_DIR": str(tmp_path), "FTZ_DATABASE_URL": url}
    key_file = tmp_path / "sm2.pem"
    made = _run(env, "keygen", str(key_file), "--algorithm", "sm2", "--json")
    assert made.returncode == 0, made.stderr
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    again = _run(env, "keygen", str(key_file), "--algorithm", "sm2")
    assert again.returncode == 2 and "refusing to overwrite" in again.stderr
    unknown = _run(env, "keygen", str(tmp_path / "x.pem"), "--algorithm", "rsa")
    assert unknown.returncode == 2 and "choose ed25519 or sm2" in unknown.stderr
    public_file = json.loads(made.stdout)["public_key_file"]
    added = _run(env, "add-key", public_file, "--as", "ent.b", "--json")
    assert added.returncode == 0, added.stderr
    secret = tmp_path / "s.txt"
    secret.write_text("signed with SM2")
    done = _run(
        env, "register", str(secret), "--as", "ent.b", "--key-file", str(key_file), "--json"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["registered"][0]["key_id"] == json.loads(made.stdout)["key_id"]
    check = json.loads(_run(env, "verify", str(secret), "--json").stdout)
    assert check["signature_valid"] is True and check["receipt_valid"] is True
    not_a_key = _run(env, "register", str(secret), "--as", "ent.b", "--key-file", public_file)
    assert not_a_key.returncode == 2 and "not a PEM private key" in not_a_key.stderr
