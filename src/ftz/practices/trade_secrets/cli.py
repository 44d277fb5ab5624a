"""`ftz trade-secrets …`: fingerprint files locally (they never leave the machine) and register,
verify, certify and export from the command line."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TextColumn, TransferSpeedColumn

from ftz.config import get_settings
from ftz.core.auth.principal import SYSTEM
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit import signing_keys
from ftz.core.kit.signing_keys import KeyFormatError, PrivateKey
from ftz.core.ledger import service as ledger
from ftz.practices.trade_secrets import documents, keys, repository, service
from ftz.practices.trade_secrets.schemas import ItemIn, RecordRead, RegistrationIn
from ftz.practices.trade_secrets.statement import HEX64, new_salt

app = typer.Typer(no_args_is_help=True, help="p27 商业秘密保护 trade-secret fingerprints")
CHUNK = 4 * 1024 * 1024
BATCH = 5000


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            found.append(path)
        else:
            fail(f"{path}: no such file or folder", 2)
    return found


def fingerprint(
    path: Path, progress: Progress | None = None, task: int | None = None
) -> tuple[str, str, int]:
    """SHA-256 and SM3 in one streaming pass."""
    sha, sm3 = hashlib.sha256(), hashlib.new("sm3")
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            sha.update(chunk)
            sm3.update(chunk)
            size += len(chunk)
            if progress is not None and task is not None:
                progress.advance(task, len(chunk))  # type: ignore[arg-type]
    return sha.hexdigest(), sm3.hexdigest(), size


def _load_key(path: Path) -> PrivateKey:
    try:
        return signing_keys.load_private_key(path.read_bytes())
    except KeyFormatError as exc:
        fail(f"{path}: {exc}", 2)


@app.command("register")
def register(
    paths: list[Path] = typer.Argument(..., help="Files or folders"),
    project: str | None = typer.Option(None, help="Project name"),
    contributor: list[str] = typer.Option([], help="Employee who contributed; repeatable"),
    key_file: Path | None = typer.Option(
        None,
        exists=True,
        dir_okay=False,
        help="Sign locally with your own Ed25519 or SM2 key (PKCS#8 PEM)",
    ),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Fingerprint files locally and register them (only hashes reach the platform)."""
    files = _files(paths)
    if not files:
        fail("no files to register", 2)
    items: list[ItemIn] = []
    total = sum(f.stat().st_size for f in files)
    with Progress(
        TextColumn("{task.description}"), BarColumn(), TransferSpeedColumn(), disable=as_json
    ) as progress:
        task = progress.add_task("fingerprinting", total=total)
        for path in files:
            sha, sm3, size = fingerprint(path, progress, task)
            items.append(
                ItemIn(
                    title=path.name,
                    file_name=str(path),
                    size_bytes=size,
                    sha256=sha,
                    sm3=sm3,
                    contributors=list(contributor),
                )
            )
    registered: list[dict[str, object]] = []
    already = 0
    with cli_session(as_user) as (session, principal):
        key_id = None
        if key_file is not None:
            private = _load_key(key_file)
            key_id = keys.key_id_of(private.public)
            org = principal.org_id or ""
            for item in items:
                item.salt = new_salt()
                item.signature = private.sign(service.statement_for(org, item, item.salt))
        for start in range(0, len(items), BATCH):
            result = service.register(
                session,
                principal=principal,
                data=RegistrationIn(
                    project=project, key_id=key_id, items=items[start : start + BATCH]
                ),
            )
            registered += [
                RecordRead.model_validate(r).model_dump(mode="json") for r in result["registered"]
            ]
            already += len(result["already_registered"])
    emit(
        {"registered": registered, "already_registered": already},
        as_json,
        f"registered {len(registered)} records, {already} already registered",
    )


@app.command("verify")
def verify(
    target: str = typer.Argument(..., help="A file, or a SHA-256 in hex"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Who registered this file, when, and do all proofs hold."""
    path = Path(target)
    sha = fingerprint(path)[0] if path.is_file() else target.strip().lower()
    if not HEX64.match(sha):
        fail("give a file or a 64-character hex SHA-256", 2)
    with cli_session() as (session, _):
        result = service.verify(session, sha256=sha, settings=get_settings())
    result.pop("receipt", None)
    if not result["found"]:
        emit(result, as_json, f"{sha}: not registered")
        raise typer.Exit(1)
    emit(
        result,
        as_json,
        f"{sha}: registered by {result['organization']} at "
        f"{result['registered_at']}, entry #{result['ledger_index']}, "
        f"proofs {'valid' if result['receipt_valid'] else 'INVALID'}",
    )


@app.command("certificate")
def certificate(
    record_id: str,
    out: Path = typer.Option(..., help="PDF file to write"),
    as_user: str | None = AS_USER_OPTION,
) -> None:
    """Certificate of existence (PDF) of one record."""
    with cli_session(as_user) as (session, principal):
        record = service.get_record(session, principal=principal, record_id=record_id)
        data = service.certificate_data(
            session, principal=principal, settings=get_settings(), records=[record]
        )
        out.write_bytes(documents.certificate_pdf(data))
    typer.echo(f"wrote {out}")


@app.command("export")
def export(
    out: Path = typer.Option(..., help="ZIP file to write"),
    project_id: str | None = None,
    as_user: str | None = AS_USER_OPTION,
) -> None:
    """Receipts package for litigation (checkable offline)."""
    settings = get_settings()
    with cli_session(as_user) as (session, principal):
        records = repository.records_of(session, principal, project_id=project_id)
        receipts = service.receipts_for(
            session, principal=principal, settings=settings, records=records
        )
        signer = ledger.signing(settings)
        out.write_bytes(
            documents.receipts_zip(
                records, receipts, str(signer.keyring.active().verifier), signer.tsa.certificate_pem
            )
        )
    typer.echo(f"wrote {out} ({len(records)} receipts)")


@app.command("add-key")
def add_key(
    public_key_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Register the public half of your own Ed25519 or SM2 key (PEM, base64 or hex)."""
    with cli_session(as_user) as (session, principal):
        key = service.register_key(
            session, principal=principal, public_key=public_key_file.read_text(encoding="utf-8")
        )
        data = {"key_id": key.key_id, "custody": key.custody}
    emit(data, as_json, f"key {data['key_id']} registered")


@app.command("keygen")
def keygen(
    out: Path = typer.Argument(..., dir_okay=False, help="Private key file to create (PEM)"),
    algorithm: str = typer.Option(signing_keys.ED25519, help="ed25519 or sm2"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Make a signing key on this machine: the private key stays in OUT (mode 600), and the
    public half is written next to it as OUT.pub for `add-key`."""
    if out.exists():
        fail(f"{out} exists; refusing to overwrite a key", 2)
    try:
        private = signing_keys.generate(algorithm)
    except KeyFormatError as exc:
        fail(str(exc), 2)
    descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(private.pem())
    public_file = out.with_name(out.name + ".pub")
    public_file.write_text(base64.b64encode(private.public).decode() + "\n", encoding="utf-8")
    data = {
        "algorithm": private.algorithm,
        "key_id": keys.key_id_of(private.public),
        "private_key_file": str(out),
        "public_key_file": str(public_file),
    }
    emit(data, as_json, f"{private.algorithm} key {data['key_id']}: {out}, {public_file}")


@app.command("stats")
def stats(as_json: bool = JSON_OPTION) -> None:
    """Enterprises and records registered, counted from the records."""
    with cli_session() as (session, _):
        data = repository.counts(session, SYSTEM)
    emit(data, as_json, json.dumps(data))
